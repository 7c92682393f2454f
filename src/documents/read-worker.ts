/**
 * The entry point of a reader worker (see reader.ts): one file in, its document or the reason out.
 * The document's sections go packed (`packSections`): copied to the bot as they are, every
 * section's path would be written out again, heading by heading.
 */
import { readDocument, type ReadOutcome, type ReadTask } from "./read.js";
import { packSections, type PackedSections } from "./structure.js";

/** A read's outcome as it crosses to the bot: an ok one's sections packed (`unpackOutcome` undoes it). */
export type WireOutcome = Exclude<ReadOutcome, { ok: true }> | (Extract<ReadOutcome, { ok: true }> & { readonly packed: PackedSections });

export default async function read(task: ReadTask): Promise<WireOutcome> {
  const outcome = await readDocument(task);
  if (!outcome.ok) return outcome;
  const { document } = outcome;
  return { ...outcome, document: { ...document, structure: { ...document.structure, sections: [] } }, packed: packSections(document.structure.sections) };
}

/**
 * The entry point of a reader process (see reader.ts): one file in, its document or the reason
 * out. Before reading it says its process id, so the bot can watch the memory it takes; while OCR
 * reads pages it says how far it is. The document's sections go packed (`packSections`): copied
 * to the bot as they are, every section's path would be written out again, heading by heading.
 */
import { readDocument, type ReadOutcome, type ReadProgress, type ReadTask } from "./read.js";
import { packSections, type PackedSections } from "./structure.js";

/** A read's outcome as it crosses to the bot: an ok one's sections packed (`unpackOutcome` undoes it). */
export type WireOutcome = Exclude<ReadOutcome, { ok: true }> | (Extract<ReadOutcome, { ok: true }> & { readonly packed: PackedSections });

/** What the reader process says while it reads: which process it is, then OCR's progress. */
export type ReaderMessage = { readonly pid: number } | ReadProgress;

const say = (message: ReaderMessage) => process.send?.(message);

export default async function read(task: ReadTask): Promise<WireOutcome> {
  say({ pid: process.pid });
  const outcome = await readDocument(task.ocr ? { ...task, ocr: { ...task.ocr, progress: say } } : task);
  if (!outcome.ok) return outcome;
  const { document } = outcome;
  return { ...outcome, document: { ...document, structure: { ...document.structure, sections: [] } }, packed: packSections(document.structure.sections) };
}

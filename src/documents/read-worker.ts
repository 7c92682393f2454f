/**
 * The entry point of a reader process (see reader.ts): one file in, its document or the reason
 * out. Before reading it says its process id, so the bot can watch the memory it takes; while OCR
 * reads pages it says how far it is. The document's sections go packed (`packSections`): copied
 * to the bot as they are, every section's path would be written out again, heading by heading.
 *
 * A reader process ends with the bot, however the bot ends: a watchdog thread of its own, which
 * runs while a parser holds the reader's thread, sees its parent gone and ends it (an idle
 * reader's channel closing ends only a reader whose thread is free). It ignores Ctrl-C (the
 * terminal sends it to the whole process group): the bot ends its readers itself, and a read cut
 * short that way would be taken for the file's fault. An error no parser caught is said before
 * the process ends, so the file is skipped with it.
 */
import { Worker } from "node:worker_threads";
import { readDocument, type ReadOutcome, type ReadProgress, type ReadTask } from "./read.js";
import { packSections, type PackedSections } from "./structure.js";

type ReadDocument = Extract<ReadOutcome, { ok: true }>;

/** A passage as it crosses to the bot: without its text when that is the document's text from its start to its end. */
export type WireChunk = Omit<ReadDocument["chunks"][number], "text"> & { readonly text?: string };

/** A read's outcome as it crosses to the bot: an ok one's sections packed and passages' texts left to the document (`unpackOutcome` undoes both). */
export type WireOutcome = Exclude<ReadOutcome, { ok: true }> | (Omit<ReadDocument, "chunks"> & { readonly chunks: WireChunk[]; readonly packed: PackedSections });

/** What the reader process says while it reads: which process it is, then OCR's progress; or the error that ends it. */
export type ReaderMessage = { readonly pid: number } | ReadProgress | { readonly failed: string; readonly code?: string };

const say = (message: ReaderMessage, then: () => void = () => {}) => process.send?.(message, then);

/** How often the watchdog looks for the bot. */
const WATCH_PARENT_MS = 1000;

// Only in a reader process that tinypool started (never where this file is merely imported).
if ((process as { __tinypool_state__?: { isChildProcess?: boolean } }).__tinypool_state__?.isChildProcess) {
  process.on("SIGINT", () => {});
  const fail = (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const code = (error as { code?: unknown } | null)?.code;
    say({ failed: message.split("\n")[0]!.slice(0, 300), ...(typeof code === "string" ? { code } : {}) }, () => process.exit(1));
  };
  process.on("uncaughtException", fail);
  // A promise a library dropped (tesseract.js posting to the Tesseract it was told to end after a
  // page went over its time) is no reason to give up the file: the read goes on, within its time.
  process.on("unhandledRejection", () => {});
  // No loader and a small heap: it only looks at its parent's process id, once a second. The
  // parent is read here, at once: read in the thread once it has started, it could already be the
  // process that took the orphaned reader over.
  const watchdog = new Worker(
    `const { workerData: parent } = require("node:worker_threads"); setInterval(() => { if (process.ppid !== parent) process.kill(process.pid, "SIGKILL"); }, ${WATCH_PARENT_MS});`,
    { eval: true, workerData: process.ppid, execArgv: [], env: {}, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } },
  );
  watchdog.unref();
}

export default async function read(task: ReadTask): Promise<WireOutcome> {
  say({ pid: process.pid });
  return toWire(await readDocument(task.ocr ? { ...task, ocr: { ...task.ocr, progress: say } } : task));
}

/** A read's outcome as it crosses to the bot (`unpackOutcome` in reader.ts undoes it). */
export function toWire(outcome: ReadOutcome): WireOutcome {
  if (!outcome.ok) return outcome;
  const { document } = outcome;
  // Every passage's text again beside the document's took a third of the time a large file spent
  // crossing to the bot (the pipe carries a copy of each string): the bot cuts it out again.
  const chunks = outcome.chunks.map(({ text, ...chunk }) => (document.text.slice(chunk.start, chunk.end) === text ? chunk : { ...chunk, text }));
  return { ...outcome, chunks, document: { ...document, structure: { ...document.structure, sections: [] } }, packed: packSections(document.structure.sections) };
}

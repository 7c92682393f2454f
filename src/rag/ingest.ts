import path from "node:path";
import fs from "node:fs/promises";
import { NoDocumentsError } from "../errors.js";
import { yieldToEventLoop } from "../event-loop.js";
import { isCurrentCalibration } from "./calibration.js";
import { ANALYSER_FINGERPRINT } from "./text.js";
import type { Logger } from "../logger.js";
import { sameSpace, type EmbeddingsHandle } from "./embeddings/types.js";
import { FORMAT_VERSION, type HnswParams, type IndexBackend, type Manifest } from "../store/backend.js";
import { folderStamp, isQuietSkip, loadDocuments, type LoadResult, type ReadWarning, type ScanProgress } from "../documents/load.js";
import { READER_CLOSED, type DocumentReader } from "../documents/reader.js";
import { sha256 } from "../documents/hash.js";
import { READING_VERSION } from "../documents/formats.js";
import { indexedText } from "../documents/split.js";
import type { Chunk, SkippedFile, SourceDocument } from "../documents/types.js";

export interface IngestProgress {
  /** "model": the embeddings model is being downloaded (done/total in megabytes). */
  /** "load": files read and split (in the isolated reader); done/total counts files. */
  readonly stage: "model" | "load" | "embed" | "write";
  readonly done: number;
  readonly total: number;
  /** While files are read: their scanned pages read by OCR so far, of those found. */
  readonly scanned?: ScanProgress;
}

export interface IngestOptions {
  readonly docsDir: string;
  readonly indexDir: string;
  /** Reads each document in isolation, within its limits. */
  readonly reader: DocumentReader;
  readonly chunkSize: number;
  readonly chunkOverlap: number;
  readonly hnsw: HnswParams;
  readonly embeddings: EmbeddingsHandle;
  readonly log: Logger;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Texts per embedding call; progress is reported after each. */
  readonly embedBatch?: number;
  /** Rebuild even when the documents have not changed (e.g. the index on disk is damaged). */
  readonly force?: boolean;
}

export interface IngestSummary {
  readonly documents: number;
  readonly chunks: number;
  readonly skipped: readonly SkippedFile[];
  /** Documents read all the same, with something their owner should know (front matter ignored…). */
  readonly warnings: readonly ReadWarning[];
  /** Chunks whose text was sent to the embeddings model. */
  readonly embedded: number;
  /** Chunks whose embedding was taken from the previous index. */
  readonly reused: number;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
  readonly provider: string;
  readonly model: string;
  readonly dimensions: number;
  readonly fallbackReason?: string;
  readonly seconds: number;
  readonly buildDir: string;
  /** False when nothing changed since the current index, which was kept as it is. */
  readonly rebuilt: boolean;
  /** The documents folder's stamp (`folderStamp`) from before it was read, when it could be taken. */
  readonly folderStamp?: string;
}

/** Beside the index: the documents folder's stamp (`folderStamp`) when the last build that finished began reading it. */
const STAMP_FILE = "folder-stamp.json";

/**
 * Builds with `backend` (or finds the documents unchanged), then keeps the folder's stamp from
 * before the read beside the index (and in the summary): a folder changed while the bot was down,
 * or by hand while it runs, is found by comparing stamps, without reading a file. The stamp is
 * kept only after a build that finished: a failed or cut one leaves the folder to be read again.
 * `stamp`: the one just taken, when the caller has it.
 */
export async function ingestFolder(backend: IndexBackend, options: IngestOptions, stamp?: string): Promise<IngestSummary> {
  const taken = stamp ?? (await folderStampOf(options));
  const summary = await backend.ingest(options);
  if (taken === undefined) return summary;
  await keepStamp(options, taken);
  return { ...summary, folderStamp: taken };
}

/** Keeps `stamp` beside the index; where that cannot be written, the caller keeps it in memory. */
export async function keepStamp(options: Pick<IngestOptions, "docsDir" | "indexDir" | "log">, stamp: string): Promise<void> {
  const file = path.join(options.indexDir, STAMP_FILE);
  const docsDir = await folderPath(options.docsDir);
  await fs
    .mkdir(options.indexDir, { recursive: true })
    .then(() => fs.writeFile(file, JSON.stringify({ docsDir, stamp })))
    .catch((error: unknown) => options.log.warn({ err: error, file }, "could not keep the documents folder's stamp beside the index; until a restart it is kept in memory"));
}

/** The stamp kept by the last finished build of this folder, or undefined (none, another folder's, unreadable). */
export async function keptStamp(options: Pick<IngestOptions, "docsDir" | "indexDir">): Promise<string | undefined> {
  const kept = await fs
    .readFile(path.join(options.indexDir, STAMP_FILE), "utf8")
    .then((text) => (text.length < 4096 ? (JSON.parse(text) as unknown) : undefined))
    .catch(() => undefined);
  const { docsDir, stamp } = (kept ?? {}) as { docsDir?: unknown; stamp?: unknown };
  return typeof stamp === "string" && docsDir === (await folderPath(options.docsDir)) ? stamp : undefined;
}

/**
 * The folder's stamp with the settings its files are read and split by (the reader's limits,
 * OCR, the passages' size), or undefined when the folder cannot be listed (the build then says
 * why). A start with a raised MAX_FILE_BYTES, OCR turned on or another CHUNK_SIZE reads the folder
 * again as a change to it would: the files skipped under the old limits are read, and the
 * passages split the new way, without waiting for a file to change or an admin's /reindex.
 * So does a start of readers of another READING_VERSION.
 */
export async function folderStampOf(options: Pick<IngestOptions, "docsDir" | "reader" | "chunkSize" | "chunkOverlap">, readingVersion = READING_VERSION): Promise<string | undefined> {
  const files = await folderStamp(options.docsDir).catch(() => undefined);
  if (files === undefined) return undefined;
  // The settings that change what is read, each by name: not how many readers read it
  // (READ_WORKERS, by default one per core) nor anything else a reader's limits may carry.
  const { maxFileBytes, timeoutMs, memoryMb, maxPdfPages, maxChars, maxPassages, maxUnpackedBytes, maxFolderPassages } = options.reader.limits;
  const limits = [maxFileBytes, timeoutMs, memoryMb, maxPdfPages, maxChars, maxPassages, maxUnpackedBytes, maxFolderPassages];
  const { ocr } = options.reader;
  // And the readers' own version: after an upgrade that reads files differently, the folder is read again.
  return sha256(JSON.stringify({ files, limits, ocr: ocr ? [ocr.languages, ocr.maxPages, ocr.pageTimeoutMs] : null, chunking: [options.chunkSize, options.chunkOverlap], readingVersion }));
}

/** A documents folder as the manifest records it: its real path (the path as given if it cannot be resolved). */
export async function folderPath(dir: string): Promise<string> {
  return fs.realpath(dir).catch(() => path.resolve(dir));
}

/** The current index already holds exactly these documents, split and embedded the same way. */
export function upToDate(manifest: Manifest | undefined, documents: readonly SourceDocument[], options: IngestOptions): boolean {
  if (!manifest) return false;
  const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
  return (
    manifest.formatVersion === FORMAT_VERSION &&
    // An index calibrated by another version (or not at all, or malformed) is built again to store
    // its bars; until then it is calibrated at every load. Vectors are reused.
    isCurrentCalibration(manifest.calibration) &&
    manifest.analyser === ANALYSER_FINGERPRINT &&
    sameSpace(manifest.embeddings, options.embeddings.info) &&
    same(manifest.chunking, { size: options.chunkSize, overlap: options.chunkOverlap }) &&
    same({ m: manifest.hnsw.m, efConstruction: manifest.hnsw.efConstruction }, options.hnsw) &&
    same(
      manifest.documents.map((d) => [d.source, d.hash, d.title]),
      documents.map((d) => [d.source, d.hash, d.title]),
    )
  );
}

/** What every builder starts with: the documents read and split (skipped files and warnings logged). */
export async function readDocuments(options: IngestOptions): Promise<LoadResult> {
  const { log } = options;
  const progress = options.onProgress ?? (() => {});
  progress({ stage: "load", done: 0, total: 0 });
  const loaded = await loadDocuments(options.docsDir, {
    reader: options.reader,
    chunking: { chunkSize: options.chunkSize, chunkOverlap: options.chunkOverlap },
    onProgress: (done, total, scanned) => progress({ stage: "load", done, total, ...(scanned ? { scanned } : {}) }),
  });
  const { documents, skipped, warnings } = loaded;
  // Files the stopping bot's reader never finished are no reason to leave them out of the index:
  // the build is given up, and the index stays as it was.
  if (skipped.some((s) => s.reason === READER_CLOSED)) throw new Error("the documents reader was closed while the folder was read (the program is stopping); the index is left as it was");
  // Assets beside HTML pages (.css, .js, images) are expected: counted, not warned about one by one.
  for (const s of skipped) {
    if (isQuietSkip(s.reason)) log.debug({ file: s.source, reason: s.reason }, "skipped file");
    else log.warn({ file: s.source, reason: s.reason }, "skipped file");
  }
  for (const w of warnings) log.warn({ file: w.source, warning: w.warning }, "read with a warning");
  if (loaded.ocrPages) log.info({ pages: loaded.ocrPages }, "read scanned pages and images by OCR (kept, by content hash, for the next build)");
  if (documents.length === 0) throw new NoDocumentsError(options.docsDir, skipped.length);
  return loaded;
}

/**
 * Embeddings of chunks' indexed text, in batches with progress after each. Between batches the
 * event loop runs: an embedder that computes on the main thread (hashing) must not hold the bot
 * up for a whole folder.
 */
export async function embedChunks(options: IngestOptions, chunks: readonly Chunk[]): Promise<number[][]> {
  const progress = options.onProgress ?? (() => {});
  const batch = options.embedBatch ?? 64;
  const out: number[][] = [];
  progress({ stage: "embed", done: 0, total: chunks.length });
  for (let i = 0; i < chunks.length; i += batch) {
    const embedded = await options.embeddings.embeddings.embedDocuments(chunks.slice(i, i + batch).map((c) => indexedText(c)));
    for (const vector of embedded) out.push(vector);
    progress({ stage: "embed", done: Math.min(i + batch, chunks.length), total: chunks.length });
    await yieldToEventLoop();
  }
  return out;
}

/** The summary of a build that found the documents unchanged and kept the current index. */
export function unchangedSummary(
  options: IngestOptions,
  input: { documents: readonly SourceDocument[]; skipped: readonly SkippedFile[]; warnings: readonly ReadWarning[]; chunks: number; started: number; buildDir: string },
): IngestSummary {
  const { embeddings } = options;
  return {
    documents: input.documents.length,
    chunks: input.chunks,
    skipped: input.skipped,
    warnings: input.warnings,
    embedded: 0,
    reused: input.chunks,
    added: [],
    changed: [],
    removed: [],
    unchanged: input.documents.length,
    provider: embeddings.info.provider,
    model: embeddings.info.model,
    dimensions: embeddings.info.dimensions,
    ...(embeddings.fallbackReason ? { fallbackReason: embeddings.fallbackReason } : {}),
    seconds: Number(((performance.now() - input.started) / 1000).toFixed(3)),
    buildDir: input.buildDir,
    rebuilt: false,
  };
}

/** Documents added, changed and removed since a manifest. */
export function changesSince(previous: Manifest | undefined, documents: readonly SourceDocument[]) {
  const before = new Map((previous?.documents ?? []).map((d) => [d.source, d.hash]));
  const now = new Set(documents.map((d) => d.source));
  const added = documents.filter((d) => !before.has(d.source)).map((d) => d.source);
  const changed = documents.filter((d) => before.has(d.source) && before.get(d.source) !== d.hash).map((d) => d.source);
  const removed = [...before.keys()].filter((s) => !now.has(s));
  return { added, changed, removed, unchanged: documents.length - added.length - changed.length };
}

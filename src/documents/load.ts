import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Chunk, SkippedFile, SourceDocument } from "./types.js";
import { folderFull, megabytes, type ReadLimits } from "./limits.js";
import { collectionOf } from "./collections.js";
import { isImageFile, localPictures, readableExtensions } from "./formats.js";
import { sha256 } from "./hash.js";
import { yieldToEventLoop } from "../event-loop.js";
import type { ReadOutcome } from "./read.js";
import { createDocumentReader, type DocumentReader } from "./reader.js";
import { withoutSiteBanner } from "./site-banner.js";
import type { SplitOptions } from "./split.js";

export { IMAGE_EXTENSIONS, SUPPORTED_EXTENSIONS } from "./formats.js";

/**
 * In the documents folder: the address each document added by URL came from (written by the
 * bot's /add), so its citations link to the original. Not a document itself.
 */
export const ORIGINS_FILE = ".origins.json";

/** More than enough for the addresses of thousands of documents; a bigger origins file is not ours. */
const MAX_ORIGINS_BYTES = 4 * 1024 * 1024;

/**
 * The origins file of a documents folder: `{ "relative/path.html": "https://…" }`; empty when
 * absent, unreadable, not a regular file (a FIFO, a device) or over 4 MB.
 */
export async function readOrigins(dir: string): Promise<Record<string, string>> {
  try {
    // Only a file inside the folder, as every document is: a link to one outside gave its addresses to the folder's documents.
    const bytes = await readBounded(path.join(dir, ORIGINS_FILE), MAX_ORIGINS_BYTES, await fs.realpath(dir));
    if (typeof bytes === "string") return {};
    const parsed: unknown = JSON.parse(bytes.toString("utf8"));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string" && /^https?:\/\//i.test(e[1])));
  } catch {
    return {};
  }
}

/** Something worth knowing about a document that was read all the same (front matter ignored…). */
export interface ReadWarning {
  readonly source: string;
  readonly warning: string;
}

export interface LoadResult {
  readonly documents: SourceDocument[];
  /** Every document's passages, in the order of `documents`. */
  readonly chunks: Chunk[];
  readonly skipped: SkippedFile[];
  readonly warnings: ReadWarning[];
  /** Scanned pages (and images) OCR read this time; pages known from the cache are not counted. */
  readonly ocrPages: number;
}

interface Candidate {
  absolute: string;
  relative: string;
}

/** Whether a real path is the folder's or lies inside it. */
const inside = (real: string, realRoot: string) => real === realRoot || real.startsWith(realRoot + path.sep);

/**
 * Walks the folder; symlinks are followed only when they stay inside it. An unreadable folder is
 * skipped, not fatal. A file reached by several names (a symbolic link to a file of the folder, as
 * manuals ship their "ch01.html -> ch-introduction.html" aliases) is read once, under its own
 * name: read twice, each passage came twice, and the copy took the place of another answer.
 */
async function walk(root: string, skipped: SkippedFile[]): Promise<Candidate[]> {
  const realRoot = await fs.realpath(root);
  const found: (Candidate & { real: string; link: boolean })[] = [];
  const visited = new Set<string>();
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/") || ".";
  let listed = 0;

  async function visit(dir: string): Promise<void> {
    let entries;
    let realDir: string;
    try {
      realDir = await fs.realpath(dir);
      // (A folder swapped for a link to another place after its parent was listed.)
      if (!inside(realDir, realRoot)) {
        skipped.push({ source: rel(dir), reason: OUTSIDE });
        return;
      }
      if (visited.has(realDir)) return;
      visited.add(realDir);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (dir === root) throw error;
      skipped.push({ source: rel(dir), reason: `folder not readable (${(error as NodeJS.ErrnoException).code ?? "error"})` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      // A folder of 100,000 files is listed without holding the bot's event loop for most of a second.
      if (++listed % 1000 === 0) await yieldToEventLoop();
      const absolute = path.join(dir, entry.name);
      // A name that is not UTF-8 (copied from a system that wrote Latin-1 names) is listed with
      // U+FFFD for its bytes, a name no file has: every read of it would fail as ENOENT. Named
      // for what it is, so the admin knows to rename it. (Reading it by its raw bytes would not
      // help: the index, /docs and /remove name a document by its string.)
      if (entry.name.includes("\uFFFD") && !(await fs.lstat(absolute).then(() => true, () => false))) {
        skipped.push({ source: rel(absolute), reason: NOT_UTF8_NAME });
        continue;
      }
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = path.join(realDir, entry.name);
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await fs.realpath(absolute);
        } catch {
          skipped.push({ source: rel(absolute), reason: "broken symbolic link" });
          continue;
        }
        if (!inside(target, realRoot)) {
          skipped.push({ source: rel(absolute), reason: OUTSIDE });
          continue;
        }
        const stat = await fs.stat(target).catch(() => undefined);
        // (A link to a name that is not UTF-8: its target, as node gives it, is no file either.)
        if (!stat && target.includes("\uFFFD")) {
          skipped.push({ source: rel(absolute), reason: NOT_UTF8_NAME });
          continue;
        }
        isDir = stat?.isDirectory() ?? false;
        isFile = stat?.isFile() ?? false;
        real = target;
      }
      if (isDir) await visit(absolute);
      else if (isFile) found.push({ absolute, relative: rel(absolute), real, link: entry.isSymbolicLink() });
      else skipped.push({ source: rel(absolute), reason: "not a regular file" });
    }
  }
  await visit(root);
  // One name per file: its own (not a link's), else the first in the walk's order.
  const named = new Map<string, (typeof found)[number]>();
  for (const f of found) {
    const kept = named.get(f.real);
    if (!kept || (kept.link && !f.link)) named.set(f.real, f);
  }
  const candidates: Candidate[] = [];
  for (const f of found) {
    const kept = named.get(f.real)!;
    if (kept === f) candidates.push({ absolute: f.absolute, relative: f.relative });
    else skipped.push({ source: f.relative, reason: `${SAME_FILE} ${kept.relative} (a symbolic link), read once` });
  }
  return candidates;
}

/**
 * Where an opened file really is: what the kernel says of its descriptor (Linux), else the real
 * path of its name now (which a swap between the open and this call could still fool).
 */
async function openedPath(handle: fs.FileHandle, file: string): Promise<string | undefined> {
  try {
    return await fs.readlink(`/proc/self/fd/${handle.fd}`);
  } catch {
    return fs.realpath(file).catch(() => undefined);
  }
}

/**
 * A regular file's bytes, reading no more than `maxBytes` + 1 of it (it may grow between stat and
 * read), or why not. Opened without blocking and checked after opening, so a FIFO or a device
 * swapped in after the folder was listed neither hangs the read nor streams forever; and, given
 * the folder's real path (`realRoot`), only a file inside it, wherever the path led when it was
 * opened: a symbolic link to a file outside the folder renamed over a listed file (or over a
 * folder on its path) while a build read slow files first was otherwise read (found by an attack
 * review). A file saved anew inside the folder meanwhile (an editor's save, a git pull) is read as
 * it is now.
 */
async function readBounded(file: string, maxBytes: number, realRoot?: string): Promise<Buffer | string> {
  const handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return "not a regular file";
    if (realRoot !== undefined) {
      const real = await openedPath(handle, file);
      if (real === undefined || !inside(real, realRoot)) return `${OUTSIDE} (it was put there while the folder was read)`;
    }
    const { size } = stat;
    if (size > maxBytes) return `too large (${megabytes(size)}; MAX_FILE_BYTES is ${megabytes(maxBytes)})`;
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) return `too large (over ${megabytes(maxBytes)}; MAX_FILE_BYTES is ${megabytes(maxBytes)})`;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/**
 * What the folder holds, cheaply: every file's name, size and modification time, without reading
 * one. Another stamp means a file was added, removed, replaced or edited since this one was taken
 * (a file touched without a change gives another stamp too: a reindex then finds nothing to do).
 */
export async function folderStamp(docsDir: string): Promise<string> {
  const skipped: SkippedFile[] = [];
  // Only what a build reads: files of the index, a git checkout's own files or the bot's logs kept
  // in the folder change without any document changing (and would make every look a reread).
  const readable = new Set<string>(readableExtensions(true));
  const files = (await walk(docsDir, skipped)).filter((f) => f.relative === ORIGINS_FILE || readable.has(path.extname(f.relative).toLowerCase()));
  const lines = await mapInOrder(files, 32, async ({ absolute, relative }) => {
    const stat = await fs.stat(absolute).catch(() => undefined);
    // The change time too: a chmod that makes an unreadable file readable changes neither size nor mtime.
    return stat ? `${relative}\t${stat.size}\t${stat.mtimeMs}\t${stat.ctimeMs}\t${stat.ino}` : `${relative}\t-`;
  });
  return sha256([...lines, ...skipped.map((s) => `${s.source}\t${s.reason}`)].join("\n"));
}

export interface LoadOptions {
  /** The isolated reader to read with; without one, a reader is made for this call and closed after. */
  readonly reader?: DocumentReader;
  /** Limits of the reader made for this call (when no reader is given). */
  readonly limits?: Partial<ReadLimits>;
  readonly chunking?: SplitOptions;
  /** After each file (and each scanned page): how many of the supported files are read, and of their scanned pages. */
  readonly onProgress?: (done: number, total: number, scanned?: ScanProgress) => void;
}

/** Scanned pages read by OCR so far, of those in the files read so far. */
export interface ScanProgress {
  readonly done: number;
  readonly total: number;
}

/** The reason a picture is not read: a page shows it ("a picture shown in guide/index.html"). */
export const PICTURE_OF_A_PAGE = "a picture shown in";

/** The reason a link (or a file reached through one) that leads out of the folder is not read. */
const OUTSIDE = "symbolic link to a place outside the documents folder";
/** The reason a file or folder whose name is not UTF-8 is not read (see `walk`). */
const NOT_UTF8_NAME = "its name is not valid UTF-8: rename it";

/** The reason a link to a file of the folder is not read again ("the same file as ch-intro.html (a symbolic link), read once"). */
export const SAME_FILE = "the same file as";

/** The reason a copy of a file of the same collection is not read again ("the same content as report.pdf, read once"). */
export const SAME_CONTENT = "the same content as";

/** Skipped files that are expected beside documents (assets, a page's pictures, aliases, copies): counted, not warned about one by one. */
export function isQuietSkip(reason: string): boolean {
  return reason.startsWith("unsupported file type") || reason.startsWith(PICTURE_OF_A_PAGE) || reason.startsWith(SAME_FILE) || reason.startsWith(SAME_CONTENT);
}

/** Files read (their bytes in memory) at once: enough to keep every worker busy. */
const IN_FLIGHT = 8;

/** `fn` over `items` with at most `limit` running at once; results in the order of `items`. Too small for a dependency. */
async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const DEFAULT_CHUNKING: SplitOptions = { chunkSize: 800, chunkOverlap: 100 };

/**
 * Reads and splits every supported document below `docsDir`, each in the isolated reader. Files
 * that cannot be used are returned in `skipped` with the reason; they never stop the load.
 */
export async function loadDocuments(docsDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const reader = options.reader ?? createDocumentReader(options.limits);
  try {
    return await loadWith(reader, docsDir, options.chunking ?? DEFAULT_CHUNKING, options.onProgress ?? (() => {}));
  } finally {
    if (!options.reader) await reader.close();
  }
}

async function loadWith(reader: DocumentReader, docsDir: string, chunking: SplitOptions, progress: NonNullable<LoadOptions["onProgress"]>): Promise<LoadResult> {
  const started = Date.now();
  const skipped: SkippedFile[] = [];
  const warnings: ReadWarning[] = [];
  const candidates = await walk(docsDir, skipped);
  const realRoot = await fs.realpath(docsDir);
  const origins = await readOrigins(docsDir);
  const readable = candidates.filter(({ relative }) => {
    if (relative === ORIGINS_FILE) return false;
    const ext = path.extname(relative).toLowerCase();
    if (reader.extensions.includes(ext)) return true;
    skipped.push({ source: relative, reason: `unsupported file type "${ext || "(none)"}"` });
    return false;
  });
  // A few files in flight at a time (the reader queues them for its workers), results in order.
  let done = 0;
  // Scanned pages per file being read or read: summed, so several files read at once add up.
  const scans = new Map<string, ScanProgress>();
  const scanned = (): ScanProgress | undefined => {
    let pagesDone = 0;
    let pagesTotal = 0;
    for (const p of scans.values()) {
      pagesDone += p.done;
      pagesTotal += p.total;
    }
    return pagesTotal ? { done: pagesDone, total: pagesTotal } : undefined;
  };
  // A file whose bytes another file of its collection has too ("report (1).pdf", "Copy of
  // report.pdf", a manual that ships its pages under two names) is read once: read twice, each
  // passage came twice, and the copy took the place of another answer. Kept: the one added by an
  // address (its citations link there), else the shortest name (copies add to the name), else the
  // first in the folder; a copy whose read failed gives way to one read well. Across collections
  // copies stay: each collection is searched on its own.
  const position = new Map(readable.map((c, i) => [c.relative, i]));
  const preferred = (a: string, b: string) =>
    (a in origins) !== (b in origins) ? a in origins : a.length !== b.length ? a.length < b.length : position.get(a)! < position.get(b)!;
  /** The copies of each content (collection and hash), and the best one that will be read. */
  const copies = new Map<string, string[]>();
  const contentOf = new Map<string, string>();
  const readingFirst = new Map<string, string>();
  const sameContent = (relative: string, bytes: Uint8Array): string | undefined => {
    const key = `${collectionOf(relative)}\0${sha256(bytes)}`;
    contentOf.set(relative, key);
    const group = copies.get(key);
    if (group) group.push(relative);
    else copies.set(key, [relative]);
    const first = readingFirst.get(key);
    if (first !== undefined && preferred(first, relative)) return first;
    // Files are read a few at once: a copy that gives way may come first; it is let go at the end.
    readingFirst.set(key, relative);
    return undefined;
  };
  progress(0, readable.length);
  // Passages read so far: the folder's budget is kept exactly below, in the folder's order (copies
  // left out, a smaller document after a skipped one let in); this only stops reading, so that
  // a folder of small files that unpack to thousands of passages each is not read whole first,
  // once more has been read than the budget and what the files in flight may add.
  let passagesRead = 0;
  const enoughRead = reader.limits.maxFolderPassages + IN_FLIGHT * reader.limits.maxPassages;
  const read = async (candidate: Candidate) => {
    const { relative } = candidate;
    const outcome: ReadOutcome = passagesRead >= enoughRead ? { ok: false, reason: folderFull(reader.limits) } : await readOne(candidate);
    if (outcome.ok) passagesRead += outcome.chunks.length;
    progress(++done, readable.length, scanned());
    return { relative, outcome };
  };
  // Pages first, then pictures: a picture a page shows (a manual's screenshots and icons) is part
  // of that page, not a document of its own, and is not read by OCR.
  const pages = await mapInOrder(
    readable.filter((c) => !isImageFile(c.relative)),
    IN_FLIGHT,
    read,
  );
  const shownIn = new Map<string, string>();
  // A copy left unread shows the pictures its twin does, from its own place in the folder.
  const readOf = new Map<string, ReadOutcome>();
  for (const { relative, outcome } of pages) if (outcome.ok && !readOf.has(contentOf.get(relative)!)) readOf.set(contentOf.get(relative)!, outcome);
  for (const { relative, outcome } of pages) {
    const read = outcome.ok ? outcome : readOf.get(contentOf.get(relative) ?? "");
    if (!read?.ok) continue;
    for (const picture of localPictures(relative, read.pictures ?? [])) if (!shownIn.has(picture)) shownIn.set(picture, relative);
  }
  const pictures = await mapInOrder(
    readable.filter((c) => isImageFile(c.relative)),
    IN_FLIGHT,
    async (c) => {
      const page = shownIn.get(c.relative);
      if (page === undefined) return read(c);
      progress(++done, readable.length, scanned());
      return { relative: c.relative, outcome: { ok: false, reason: `${PICTURE_OF_A_PAGE} ${page}` } as ReadOutcome };
    },
  );
  const byFile = new Map([...pages, ...pictures].map((o) => [o.relative, o]));
  // A copy left unread because its twin came first is read after all when the twin's read failed.
  const candidateOf = new Map(readable.map((c) => [c.relative, c]));
  for (const group of copies.values()) {
    if (group.some((c) => byFile.get(c)?.outcome.ok)) continue;
    for (const c of [...group].sort((a, b) => (preferred(a, b) ? -1 : 1))) {
      const unread = byFile.get(c)?.outcome;
      if (!unread || unread.ok || !unread.reason.startsWith(SAME_CONTENT)) continue;
      const outcome = await readOne(candidateOf.get(c)!, true);
      byFile.set(c, { relative: c, outcome });
      if (outcome.ok) break;
    }
  }
  // In the folder's order, as the files were listed.
  const outcomes = readable.map((c) => byFile.get(c.relative)!);
  // What OCR read from files that are no longer here (or changed) is forgotten.
  await reader.sweepOcrCache(started);
  async function readOne({ absolute, relative }: Candidate, again = false): Promise<ReadOutcome> {
    let bytes: Buffer | string;
    try {
      bytes = await readBounded(absolute, reader.limits.maxFileBytes, realRoot);
    } catch (error) {
      return { ok: false, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? "error"})` };
    }
    if (typeof bytes === "string") return { ok: false, reason: bytes };
    if (bytes.length === 0) return { ok: false, reason: "empty file" };
    const first = again ? undefined : sameContent(relative, bytes);
    if (first !== undefined) return { ok: false, reason: `${SAME_CONTENT} ${first}, read once` };
    return reader.read(
      { source: relative, bytes, url: origins[relative], chunking },
      {
        onScanProgress: (pagesDone, pagesTotal) => {
          scans.set(relative, { done: pagesDone, total: pagesTotal });
          progress(done, readable.length, scanned());
        },
      },
    );
  }
  const readDocuments: SourceDocument[] = [];
  const chunksOf = new Map<string, readonly Chunk[]>();
  let ocrPages = 0;
  // Of each content's copies, the preferred one read well.
  const keptOf = new Map<string, string>();
  for (const [key, group] of copies) {
    let best: string | undefined;
    for (const c of group) if (byFile.get(c)?.outcome.ok && (best === undefined || preferred(c, best))) best = c;
    if (best !== undefined) keptOf.set(key, best);
  }
  let passages = 0;
  for (const { relative, outcome } of outcomes) {
    ocrPages += Object.keys(outcome.ocr ?? {}).length;
    const kept = keptOf.get(contentOf.get(relative) ?? "");
    if (kept !== undefined && kept !== relative) {
      skipped.push({ source: relative, reason: `${SAME_CONTENT} ${kept}, read once` });
      continue;
    }
    if (!outcome.ok) {
      skipped.push({ source: relative, reason: outcome.reason });
      continue;
    }
    if (passages + outcome.chunks.length > reader.limits.maxFolderPassages) {
      skipped.push({ source: relative, reason: folderFull(reader.limits) });
      continue;
    }
    passages += outcome.chunks.length;
    readDocuments.push(outcome.document);
    chunksOf.set(outcome.document.source, outcome.chunks);
    for (const warning of outcome.warnings) warnings.push({ source: relative, warning });
  }
  // What only the pages together tell: the site's banner heading, left out of every section path.
  const { documents, chunks } = withoutSiteBanner(readDocuments, chunksOf);
  return { documents, chunks, skipped, warnings, ocrPages };
}

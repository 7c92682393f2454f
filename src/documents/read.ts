/**
 * Reading one file into a document and its passages: the format's reader, the limits on what a
 * file may become, and the split. This is what the isolated reader (reader.ts) runs in its own process;
 * it takes bytes and returns data, and never touches the folder, the index or the network.
 */
import path from "node:path";
import { documentLang } from "./language.js";
import { isImageFile } from "./formats.js";
import type { Chunk, SourceDocument } from "./types.js";
import { readDoc } from "./doc.js";
import { readDocx } from "./docx.js";
import { decodeText } from "./encoding.js";
import { FrontMatterError } from "./front-matter.js";
import { sha256 } from "./hash.js";
import { readHtml } from "./html.js";
import { MAX_SECTIONS, tooMuchText, type ReadLimits } from "./limits.js";
import { readMarkdown } from "./markdown.js";
import type { OcrPage, OcrSettings } from "./ocr.js";
import { readPdf, structurePdfPages } from "./pdf.js";
import { ocrImage, type OcrJob } from "./scan.js";
import { splitDocuments, type SplitOptions } from "./split.js";
import { capText, packSections, type Structure } from "./structure.js";
import { plainLine } from "../unicode.js";
import { readableFileName, readText } from "./text.js";

/** The title of a document with none of its own and a file name of nothing readable ("\u202E.md"). */
const UNTITLED = "Untitled";

/** Longest document address kept (longer ones are dropped, not cut: a cut address is wrong). */
const MAX_URL = 2048;

export { IMAGE_EXTENSIONS, SUPPORTED_EXTENSIONS } from "./formats.js";

/** OCR for one read: the settings, pages known from an earlier read of the same bytes, and where to say how far it is. */
export interface ReadOcr {
  readonly settings: OcrSettings;
  readonly cached: Readonly<Record<string, OcrPage>>;
  /** Gets `{ done, total }` after each scanned page, and `{ page, result }` as each is read. */
  readonly progress?: ((message: ReadProgress) => void) | undefined;
}

/** What a read says while OCR reads a file's pages. */
export type ReadProgress = { readonly done: number; readonly total: number } | { readonly page: number; readonly result: OcrPage };

export interface ReadTask {
  /** Path relative to the documents folder (or the name of an upload): its extension picks the reader. */
  readonly source: string;
  readonly bytes: Uint8Array;
  /** Where the document came from, when known (an admin's /add): wins over what the file says. */
  readonly url?: string | undefined;
  readonly chunking: SplitOptions;
  readonly limits: ReadLimits;
  /** Absent: OCR is off (scans and images are not read). */
  readonly ocr?: ReadOcr | undefined;
}

export type ReadOutcome =
  | {
      readonly ok: true;
      readonly document: SourceDocument;
      readonly chunks: Chunk[];
      readonly warnings: string[];
      /** Pages OCR read this time (not from the cache), to be cached under the file's hash. */
      readonly ocr?: Record<string, OcrPage>;
      /** Pictures the document shows from beside it (relative addresses), which are not documents of their own. */
      readonly pictures?: readonly string[];
    }
  | { readonly ok: false; readonly reason: string; readonly ocr?: Record<string, OcrPage> };

interface Extracted {
  readonly text: string;
  readonly structure: Structure;
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  /** The language the file declares (an HTML page's lang attribute). */
  readonly lang?: string | undefined;
  readonly warnings?: readonly string[];
  readonly ocr?: Record<string, OcrPage>;
  readonly pictures?: readonly string[];
}

/** The OCR job of a read: the task's settings, with progress told as it goes. */
function ocrJob(ocr: ReadOcr | undefined): OcrJob | undefined {
  if (!ocr) return undefined;
  const { progress } = ocr;
  if (!progress) return { settings: ocr.settings, cached: ocr.cached };
  return {
    settings: ocr.settings,
    cached: ocr.cached,
    onProgress: (done: number, total: number) => progress({ done, total }),
    onPage: (page: number, result: OcrPage) => progress({ page, result }),
  };
}

/** A photo's title: its first line of text when that reads like one, else the file name. */
function imageTitle(text: string, source: string): string {
  const first = text.split("\n", 1)[0]!.trim();
  return first.length >= 3 && first.length <= 100 && (first.match(/\p{L}/gu)?.length ?? 0) >= 3 ? first : readableFileName(source);
}

/** Text and structure of one file, or the reason it cannot be read. */
async function extract(source: string, bytes: Uint8Array, limits: ReadLimits, ocr: OcrJob | undefined): Promise<Extracted | string> {
  const ext = path.extname(source).toLowerCase();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (ext === ".pdf") {
    try {
      return await readPdf(buffer, limits, ocr);
    } catch (error) {
      return `unreadable PDF (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  if (isImageFile(source)) {
    if (!ocr) return "an image, and OCR is off (OCR=false)";
    const read = await ocrImage(buffer, ocr);
    if (typeof read === "string") return read;
    // The same cleaning as a scanned page: hyphenation, wrapped lines, page numbers.
    const pages = Array.from({ length: Math.max(1, ...read.texts.keys()) }, (_, i) => read.texts.get(i + 1) ?? "");
    const { text, structure } = structurePdfPages(pages, []);
    const scanned = [...read.texts.keys()].sort((a, b) => a - b);
    return { text, structure: scanned.length ? { ...structure, scanned } : structure, title: imageTitle(text, source), ocr: read.fresh, warnings: read.warnings };
  }
  if (ext === ".docx") return readDocx(buffer, limits);
  if (ext === ".doc") return readDoc(buffer, limits);
  const html = ext === ".html" || ext === ".htm";
  const decoded = decodeText(bytes, { html });
  if ("reason" in decoded) return decoded.reason;
  const raw = decoded.text;
  const read = (): Extracted | string => {
    if (html) return readHtml(raw);
    // Text, and Markdown before it is rendered: over the limit before any parsing.
    if (raw.length > limits.maxChars) return tooMuchText(raw.length, limits);
    if (ext === ".md" || ext === ".markdown") return readMarkdown(raw);
    return readText(raw, source);
  };
  const extracted = read();
  if (typeof extracted === "string" || !decoded.warning) return extracted;
  return { ...extracted, warnings: [...(extracted.warnings ?? []), decoded.warning] };
}


/** Why a reader threw, in words for the skipped-files list. */
function failure(error: unknown): string {
  if (error instanceof FrontMatterError) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return "nested too deeply to read (the reader ran out of stack)";
  const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  return `the reader failed (${message.slice(0, 200)})`;
}

/** Reads one file within the limits: its document and passages, or why it is skipped. */
export async function readDocument(task: ReadTask): Promise<ReadOutcome> {
  try {
    const extracted = await extract(task.source, task.bytes, task.limits, ocrJob(task.ocr));
    if (typeof extracted === "string") return { ok: false, reason: extracted };
    const { text, structure } = extracted;
    const fresh = extracted.ocr && Object.keys(extracted.ocr).length ? { ocr: extracted.ocr } : {};
    if (!text.trim()) {
      // What OCR found wrong says why a scan gave no text.
      if (extracted.warnings?.length) return { ok: false, reason: `no text could be read (${extracted.warnings.join("; ")})`, ...fresh };
      const pdf = path.extname(task.source).toLowerCase() === ".pdf";
      return { ok: false, reason: pdf && !task.ocr ? "no text in it (a scanned PDF: OCR is off, OCR=false)" : "no text in it", ...fresh };
    }
    if (text.length > task.limits.maxChars) return { ok: false, reason: tooMuchText(text.length, task.limits), ...fresh };
    if (structure.sections.length > MAX_SECTIONS) return { ok: false, reason: `too many headings (${structure.sections.length} sections; at most ${MAX_SECTIONS})`, ...fresh };
    const found = task.url ?? extracted.url;
    // Every passage carries the title and address: capped so that a huge one cannot multiply.
    const url = found && found.length <= MAX_URL ? found : undefined;
    const read = {
      source: task.source,
      // Shown in every citation: on one line, and no direction override ("\u202E" in a file name
      // or a <title>) may make it read as another.
      title: capText(plainLine(extracted.title ?? "", { keepMarks: true }) || plainLine(readableFileName(task.source)) || UNTITLED),
      lang: documentLang(text, extracted.lang),
      text,
      structure,
      ...(url ? { url } : {}),
    };
    const chunks = await splitDocuments([read], task.chunking);
    // The structure, the passages and their languages are part of what is indexed: a new heading,
    // passages cut elsewhere (a change to splitting) or a passage now told to be in another
    // language, or that now tells the sections it spans, changes the document, and so it is
    // indexed again (its vectors are reused: what is embedded is the same).
    // The sections packed: written out whole, a path is repeated for each of its sections (800,000
    // "### x" lines under two long headings made a string of a billion characters, and the worker
    // that built it could take the process down with it).
    const { headings, rows } = packSections(structure.sections);
    const hash = sha256(JSON.stringify([text, headings, Array.from(rows), structure.pages, structure.scanned ?? [], structure.links ?? false, structure.tables ?? [], url ?? null, read.lang, chunks.map((c) => `${c.lang}:${c.start}-${c.end}${c.sections ? `/${c.sections.length}` : ""}`).join(" ")]));
    const document: SourceDocument = { ...read, hash };
    if (chunks.length > task.limits.maxPassages) {
      return { ok: false, reason: `too many passages (${chunks.length}; MAX_PASSAGES_PER_DOCUMENT is ${task.limits.maxPassages})`, ...fresh };
    }
    return { ok: true, document, chunks, warnings: [...(extracted.warnings ?? [])], ...fresh, ...(extracted.pictures?.length ? { pictures: extracted.pictures } : {}) };
  } catch (error) {
    return { ok: false, reason: failure(error) };
  }
}

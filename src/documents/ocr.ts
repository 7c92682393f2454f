/**
 * OCR inside the isolated reader: Tesseract compiled to WebAssembly (tesseract.js), with the
 * trained data of each language from its npm package (`@tesseract.js-data/<code>`), so nothing is
 * downloaded at run time. One Tesseract worker per reader worker, started on the first scanned
 * page and kept for the next ones; a page that takes longer than its limit ends that Tesseract
 * worker (the next page starts a new one), so one bad page cannot hold the rest.
 */
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

/** What the reader is told about OCR (undefined: OCR is off). */
export interface OcrSettings {
  /** Tesseract language codes, in order ("eng", "deu"). */
  readonly languages: readonly string[];
  /** Scanned pages read per document (OCR_MAX_PAGES); the rest are named and left out. */
  readonly maxPages: number;
  /** Time one page may take (OCR_PAGE_TIMEOUT_MS). */
  readonly pageTimeoutMs: number;
}

/** One page (or image) as OCR read it. */
export interface OcrPage {
  readonly text: string;
  /** Tesseract's mean word confidence, 0-100 (0 when it found no word). */
  readonly confidence: number;
  /** OCR gave up on the page after this long (OCR_PAGE_TIMEOUT_MS then), and when (ms since the epoch): see `knownPage` in scan.ts. */
  readonly timedOutAfterMs?: number;
  readonly timedOutAt?: number;
}

/**
 * Below this mean confidence a page's text is mostly misread: the page is named as poor scan
 * quality and its text is not indexed (a wrong quote is worse than none). Tesseract gives clean
 * print 85-95 and noise or a blank scan under 40.
 */
export const MIN_OCR_CONFIDENCE = 50;

/**
 * Scanned pages read per document by default: at a few seconds a page on two cores, a 50-page
 * scan takes minutes the first time (never again: results are cached by content hash).
 */
export const DEFAULT_OCR_MAX_PAGES = 50;

/** Pixels a page or image is read at, at most: about an A4 page at 200 dpi, ample for print. */
export const OCR_MAX_PIXELS = 4_500_000;

/** The gzipped trained data of a language, from its npm package; undefined when not installed. */
export function trainedDataFile(language: string): string | undefined {
  if (!/^[a-z_]{3,12}$/.test(language)) return undefined;
  try {
    const pkg = createRequire(import.meta.url).resolve(`@tesseract.js-data/${language}/package.json`);
    return path.join(path.dirname(pkg), "4.0.0_best_int", `${language}.traineddata.gz`);
  } catch {
    return undefined;
  }
}

interface TesseractWorker {
  recognize(image: Buffer): Promise<{ data: { text: string; confidence: number } }>;
  terminate(): Promise<unknown>;
}

const TEMP_PREFIX = "docs-qa-ocr-";

/** Temporary folders of starts that were cut off (a reader worker ended mid-start), older than an hour. */
async function removeStaleStarts(): Promise<void> {
  const names = await fs.readdir(os.tmpdir()).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(TEMP_PREFIX))) {
    const dir = path.join(os.tmpdir(), name);
    const stat = await fs.stat(dir).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > 3_600_000) await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * Starts Tesseract with the languages' data. tesseract.js reads every language from one folder
 * (`langPath`), and each npm package holds one language, so a private temporary folder with a
 * copy of each is made for the start and removed after it (the data is read once, at the start).
 */
async function startTesseract(languages: readonly string[]): Promise<TesseractWorker> {
  const { createWorker, OEM } = await import("tesseract.js");
  await removeStaleStarts();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX));
  try {
    for (const language of languages) {
      const file = trainedDataFile(language);
      if (!file) throw new Error(`no OCR data for "${language}" (npm install @tesseract.js-data/${language})`);
      await fs.copyFile(file, path.join(dir, `${language}.traineddata.gz`));
    }
    return (await createWorker([...languages], OEM.LSTM_ONLY, {
      langPath: dir,
      gzip: true,
      // Never write the data next to the working directory (tesseract.js's default cache).
      cacheMethod: "none",
      // Errors reject the call that caused them; without a handler tesseract.js also throws them.
      errorHandler: () => {},
    })) as unknown as TesseractWorker;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A page that went over its time limit. */
export class OcrTimeoutError extends Error {}

/** Tesseract for one set of languages, started when first needed. */
export class OcrEngine {
  private worker: Promise<TesseractWorker> | undefined;

  constructor(private readonly languages: readonly string[]) {}

  /** The text of one image (PNG, JPEG…), within `timeoutMs`. */
  async recognize(image: Buffer, timeoutMs: number): Promise<OcrPage> {
    const worker = (this.worker ??= startTesseract(this.languages));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OcrTimeoutError(`OCR took longer than ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      const { data } = await Promise.race([worker.then((w) => w.recognize(image)), timeout]);
      return { text: data.text ?? "", confidence: Math.round(data.confidence ?? 0) };
    } catch (error) {
      // A timeout or a crash: this Tesseract is not trusted with the next page.
      if (this.worker === worker) this.worker = undefined;
      void worker.then((w) => w.terminate()).catch(() => {});
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.then((w) => w.terminate()).catch(() => {});
  }
}

let shared: { key: string; engine: OcrEngine } | undefined;

/** The engine of this reader worker for these languages (one at a time: a worker reads one file at a time). */
export function ocrEngine(languages: readonly string[]): OcrEngine {
  const key = languages.join("+");
  if (shared?.key !== key) {
    void shared?.engine.close();
    shared = { key, engine: new OcrEngine(languages) };
  }
  return shared.engine;
}

/** "3, 7, 12–15": page numbers as a reader reads them. */
export function pageList(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(", "));
    i = j + 1;
  }
  return runs.join(", ");
}

/**
 * Text from pictures: the pages of a PDF that have no text layer (scans) and image files, read
 * with OCR (ocr.ts) inside the isolated reader. PDF pages are drawn with pdf.js on the canvas
 * pdf-parse brings; images are decoded by sharp (libvips), which reads the header first, so an
 * image of too many pixels is refused before it is decoded. Results already known for the same
 * file (the reader's cache, by content hash) are taken as they are: an unchanged file is never
 * read by OCR twice.
 */
import { MIN_OCR_CONFIDENCE, OCR_MAX_PIXELS, OcrTimeoutError, ocrEngine, pageList, type OcrPage, type OcrSettings } from "./ocr.js";

/** What a read is told about OCR: the settings, what is known already and whom to tell how far it is. */
export interface OcrJob {
  readonly settings: OcrSettings;
  /** Pages read before from this same file (keys: 1-based page numbers; an image is page 1). */
  readonly cached: Readonly<Record<string, OcrPage>>;
  /** After each page: pages read by OCR (or found in the cache) of those to read in this file. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Each page as OCR read it, at once: kept even if the file is stopped later (a time or memory limit). */
  readonly onPage?: (page: number, result: OcrPage) => void;
}

/** What OCR made of a file's pages. */
export interface OcrOutcome {
  /** Text of each page that was read well enough (1-based page numbers). */
  readonly texts: Map<number, string>;
  /** Pages read by OCR this time (for the cache). */
  readonly fresh: Record<string, OcrPage>;
  readonly warnings: string[];
}

/** Images bigger than this are not decoded at all (about a 7,000 x 7,000 scan). */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Read at most this scale of a PDF page: 200 dpi (PDF units are 1/72 inch). */
const MAX_PAGE_SCALE = 200 / 72;

/** pdf.js operators that paint a picture: a page without any is blank, a title or a drawing, not a scan. */
async function imageOps(): Promise<Set<number>> {
  // Loaded here, not at the top: only a reader worker reading a PDF needs pdf.js.
  const { OPS } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
  ]);
}

/** The parts of pdf.js's document and page that reading a page as a picture needs. */
interface PdfJsPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  render(options: Record<string, unknown>): { promise: Promise<void> };
  getOperatorList(): Promise<{ fnArray: number[] }>;
  cleanup(): void;
}
interface Canvas {
  toBuffer(mime: "image/png"): Buffer;
}
export interface PdfJsDocument {
  getPage(page: number): Promise<PdfJsPage>;
  readonly canvasFactory: { create(width: number, height: number): { canvas: Canvas; context: unknown }; destroy(c: unknown): void };
}

/** Fewer non-blank characters than this on a page: it has no text layer to speak of. */
const MIN_PAGE_TEXT = 16;

/** Whether a page's text layer is (almost) empty, so that it is read as a picture. */
export function needsOcr(pageText: string): boolean {
  return pageText.replace(/\s+/g, "").length < MIN_PAGE_TEXT;
}

/** One PDF page drawn as a PNG at up to 200 dpi and OCR_MAX_PIXELS. */
async function renderPage(doc: PdfJsDocument, page: PdfJsPage): Promise<Buffer> {
  const unit = page.getViewport({ scale: 1 });
  const scale = Math.min(MAX_PAGE_SCALE, Math.sqrt(OCR_MAX_PIXELS / Math.max(1, unit.width * unit.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const target = doc.canvasFactory.create(width, height);
  try {
    await page.render({ canvasContext: target.context, canvas: target.canvas, viewport, background: "white" }).promise;
    return target.canvas.toBuffer("image/png");
  } finally {
    doc.canvasFactory.destroy(target);
  }
}

/** The error of a page in words: "took longer than 60 s" or what failed. */
const failureOf = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : String(error).slice(0, 200));

/**
 * Pages in a row OCR gives up on (OCR_PAGE_TIMEOUT_MS each) after which a file's other pages are
 * not tried in this read: a scan of noise, or a picture drawn on every page that OCR cannot make
 * sense of, took fifty minutes of a reader at the defaults (50 pages of a minute each) on every
 * build. (A dense page takes seconds: three over a minute each in a row is no ordinary scan.)
 */
export const SLOW_IN_A_ROW = 3;

/**
 * How long a page OCR gave up on is not tried again: an hour, as a file stopped at a read limit
 * (reader.ts), since a busy machine may have been the cause. Remembered for good, one slow build
 * left a scanned book unread by every build after it.
 */
export const GAVE_UP_MEMORY_MS = 60 * 60 * 1000;

/**
 * A page read before, as the cache has it; not one OCR gave up on more than GAVE_UP_MEMORY_MS ago,
 * or under a shorter OCR_PAGE_TIMEOUT_MS than now (it is tried again).
 */
function knownPage(job: OcrJob, page: number): OcrPage | undefined {
  const known = job.cached[page];
  if (!known || known.timedOutAfterMs === undefined) return known;
  const recent = Date.now() - (known.timedOutAt ?? 0) < GAVE_UP_MEMORY_MS;
  return recent && known.timedOutAfterMs >= job.settings.pageTimeoutMs ? known : undefined;
}

/** A page OCR gave up on, kept so the next build within the hour does not wait for it again. */
function gaveUp(job: OcrJob, outcome: OcrOutcome, page: number): OcrPage {
  const slow = { text: "", confidence: 0, timedOutAfterMs: job.settings.pageTimeoutMs, timedOutAt: Date.now() };
  outcome.fresh[page] = slow;
  job.onPage?.(page, slow);
  return slow;
}

/**
 * Reads the pages (1-based) without a text layer that show a picture (a scan), with OCR: the
 * first OCR_MAX_PAGES of them, each within OCR_PAGE_TIMEOUT_MS. A page without a picture (blank,
 * a title, a drawing) is not a scan and is left as it is. Pages read poorly, too slowly or not at
 * all are named in the warnings, with the setting that changes it where there is one.
 */
export async function ocrPdfPages(doc: PdfJsDocument, pages: readonly number[], job: OcrJob): Promise<OcrOutcome> {
  const { settings } = job;
  const painted = await imageOps();
  const scans: number[] = [];
  for (const number of pages) {
    if (job.cached[number]) scans.push(number);
    else {
      try {
        const page = await doc.getPage(number);
        try {
          if ((await page.getOperatorList()).fnArray.some((fn) => painted.has(fn))) scans.push(number);
        } finally {
          page.cleanup();
        }
      } catch {
        // A page pdf.js cannot take apart is left as it is (empty), like any unreadable page.
      }
    }
  }
  const todo = scans.slice(0, settings.maxPages);
  const outcome = emptyOutcome();
  if (scans.length > todo.length) {
    outcome.warnings.push(`${pagesNamed(scans.slice(todo.length))}: scanned, not read (OCR_MAX_PAGES is ${settings.maxPages})`);
  }
  const tally = new Tally(outcome);
  if (todo.length) job.onProgress?.(0, todo.length);
  let slowInARow = 0;
  for (const [i, number] of todo.entries()) {
    const known = knownPage(job, number);
    if (known) {
      tally.add(number, known);
      slowInARow = known.timedOutAfterMs === undefined ? 0 : slowInARow + 1;
    } else if (slowInARow >= SLOW_IN_A_ROW) tally.skip(number);
    else {
      let page: PdfJsPage | undefined;
      try {
        page = await doc.getPage(number);
        const result = await ocrEngine(settings.languages).recognize(await renderPage(doc, page), settings.pageTimeoutMs);
        outcome.fresh[number] = result;
        job.onPage?.(number, result);
        tally.add(number, result);
        slowInARow = 0;
      } catch (error) {
        if (error instanceof OcrTimeoutError) {
          tally.add(number, gaveUp(job, outcome, number));
          slowInARow++;
        } else {
          tally.fail(number, error, settings);
          slowInARow = 0;
        }
      } finally {
        page?.cleanup();
      }
    }
    job.onProgress?.(i + 1, todo.length);
  }
  tally.report();
  return outcome;
}

/** What sharp may decode: the picture formats people scan and photograph to. Not SVG, HEIF or others. */
const PICTURE_FORMATS = new Set(["jpeg", "png", "webp", "tiff"]);

/**
 * An image file read with OCR: decoded by sharp (turned as its EXIF data says, as phones store
 * photos), scaled down to OCR_MAX_PIXELS, grey. A multi-page TIFF (a fax, a scanner's output) is
 * read page by page, up to OCR_MAX_PAGES. A reason string when it cannot be read at all.
 */
export async function ocrImage(bytes: Buffer, job: OcrJob): Promise<OcrOutcome | string> {
  const { default: sharp } = await import("sharp");
  // One thread and no cache: the reader runs beside the bot, and a file is read once.
  sharp.concurrency(1);
  sharp.cache(false);
  let meta;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return UNREADABLE_PICTURE;
  }
  if (!meta.format || !PICTURE_FORMATS.has(meta.format)) return UNREADABLE_PICTURE;
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) return UNREADABLE_PICTURE;
  if (width * height > MAX_IMAGE_PIXELS) return `too many pixels to read (${width} x ${height}; at most ${MAX_IMAGE_PIXELS / 1e6} million)`;
  const count = Math.max(1, meta.pages ?? 1);
  const todo = Math.min(count, job.settings.maxPages);
  const outcome = emptyOutcome();
  if (count > todo) outcome.warnings.push(`${pagesNamed(Array.from({ length: count - todo }, (_, i) => todo + i + 1))}: not read (OCR_MAX_PAGES is ${job.settings.maxPages})`);
  const tally = new Tally(outcome);
  job.onProgress?.(0, todo);
  let slowInARow = 0;
  for (let page = 1; page <= todo; page++) {
    const known = knownPage(job, page);
    if (known?.timedOutAfterMs !== undefined && count === 1) return timedOut(known.timedOutAfterMs);
    if (known) {
      tally.add(page, known);
      slowInARow = known.timedOutAfterMs === undefined ? 0 : slowInARow + 1;
    } else if (slowInARow >= SLOW_IN_A_ROW) tally.skip(page);
    else {
      let png: Buffer;
      try {
        // Every page of a TIFF has its own size: each is checked and scaled on its own.
        const one = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, page: page - 1 });
        const size = page === 1 ? { width, height } : await one.clone().metadata().then((m) => ({ width: m.width ?? width, height: m.height ?? height }));
        const scale = Math.min(1, Math.sqrt(OCR_MAX_PIXELS / (size.width * size.height)));
        png = await one
          .rotate()
          .resize({ width: Math.max(1, Math.floor(size.width * scale)), height: Math.max(1, Math.floor(size.height * scale)), fit: "inside" })
          .greyscale()
          .png()
          .toBuffer();
      } catch (error) {
        if (count === 1) return `the image could not be decoded (${failureOf(error)})`;
        tally.fail(page, error, job.settings);
        job.onProgress?.(page, todo);
        continue;
      }
      try {
        const result = await ocrEngine(job.settings.languages).recognize(png, job.settings.pageTimeoutMs);
        outcome.fresh[page] = result;
        job.onPage?.(page, result);
        tally.add(page, result);
        slowInARow = 0;
      } catch (error) {
        if (error instanceof OcrTimeoutError) {
          const slow = gaveUp(job, outcome, page);
          if (count === 1) return timedOut(job.settings.pageTimeoutMs);
          tally.add(page, slow);
          slowInARow++;
        } else if (count > 1) {
          tally.fail(page, error, job.settings);
          slowInARow = 0;
        } else return `OCR failed (${failureOf(error)})`;
      }
    }
    job.onProgress?.(page, todo);
  }
  tally.report();
  return outcome;
}

const UNREADABLE_PICTURE = "not a picture that can be read (PNG, JPEG, WebP or TIFF)";

const timedOut = (ms: number) => `OCR took longer than ${ms / 1000} s (OCR_PAGE_TIMEOUT_MS is ${ms})`;

/** "page 3", "pages 3, 7": for warnings. */
const pagesNamed = (list: readonly number[]) => `${list.length === 1 ? "page" : "pages"} ${pageList(list)}`;

const emptyOutcome = (): { texts: Map<number, string>; fresh: Record<string, OcrPage>; warnings: string[] } => ({ texts: new Map(), fresh: {}, warnings: [] });

/** Sorts pages read into text, poor scans, scans without words and failures, and words the warnings. */
class Tally {
  private readonly poor: number[] = [];
  private readonly empty: number[] = [];
  private readonly slow: number[] = [];
  private readonly failed: { page: number; why: string }[] = [];
  private readonly skipped: number[] = [];
  private timeoutMs = 0;

  constructor(private readonly outcome: OcrOutcome) {}

  add(page: number, result: OcrPage): void {
    if (result.timedOutAfterMs !== undefined) {
      this.slow.push(page);
      this.timeoutMs = result.timedOutAfterMs;
    } else if (!result.text.trim()) this.empty.push(page);
    else if (result.confidence >= MIN_OCR_CONFIDENCE) this.outcome.texts.set(page, result.text);
    else this.poor.push(page);
  }

  /** A page not tried: OCR gave up on the SLOW_IN_A_ROW pages before it. */
  skip(page: number): void {
    this.skipped.push(page);
  }

  fail(page: number, error: unknown, settings: OcrSettings): void {
    if (error instanceof OcrTimeoutError) {
      this.slow.push(page);
      this.timeoutMs = settings.pageTimeoutMs;
    } else this.failed.push({ page, why: failureOf(error) });
  }

  report(): void {
    const { warnings } = this.outcome;
    if (this.poor.length) warnings.push(`${pagesNamed(this.poor)}: poor scan quality (OCR confidence under ${MIN_OCR_CONFIDENCE}%), not indexed`);
    if (this.empty.length) warnings.push(`${pagesNamed(this.empty)}: no text found in the scan (blank, a picture without words, or a poor scan)`);
    if (this.slow.length) warnings.push(`${pagesNamed(this.slow)}: OCR took longer than ${this.timeoutMs / 1000} s (OCR_PAGE_TIMEOUT_MS is ${this.timeoutMs}), not indexed`);
    if (this.skipped.length) warnings.push(`${pagesNamed(this.skipped)}: not read, as OCR gave up on ${SLOW_IN_A_ROW} pages in a row before them (OCR_PAGE_TIMEOUT_MS is ${this.timeoutMs})`);
    for (const { page, why } of this.failed) warnings.push(`page ${page}: could not be read as a picture (${why})`);
  }
}

/**
 * OCR on this machine: a PDF of scanned pages read through the isolated reader, against the same
 * pages with a text layer read in the same run (the baseline), and again with the OCR cache warm.
 * The pages are drawn by the test helpers (dense print, about 40 lines each).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDocumentReader } from "../../src/documents/reader.js";
import { makePdf } from "../../test/helpers/pdf.js";
import { scannedPage } from "../../test/helpers/scan.js";

export interface OcrBench {
  readonly pages: number;
  /** Seconds per page: text layer, scans read by OCR, scans again (cache by content hash). */
  readonly textSecondsPerPage: number;
  readonly ocrSecondsPerPage: number;
  readonly cachedSecondsPerPage: number;
  readonly languages: readonly string[];
}

const LINE = "The maintenance interval of each pump is set out in the schedule in annex B, section";

export async function benchOcr(pages: number, languages: readonly string[]): Promise<OcrBench> {
  const lines = (p: number) => Array.from({ length: 40 }, (_, i) => `${LINE} ${p}.${i + 1}.`);
  const text = makePdf({ pages: Array.from({ length: pages }, (_, p) => lines(p)) });
  const scans = makePdf({ pages: await Promise.all(Array.from({ length: pages }, (_, p) => scannedPage(lines(p), { fontSize: 24 }))) });
  const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), "docsqa-bench-ocr-"));
  const reader = createDocumentReader({ timeoutMs: 3_600_000 }, 1, { languages, maxPages: pages, pageTimeoutMs: 600_000, cacheDir });
  const chunking = { chunkSize: 800, chunkOverlap: 100 };
  const perPage = async (source: string, bytes: Buffer) => {
    const t = performance.now();
    const outcome = await reader.read({ source, bytes, chunking });
    if (!outcome.ok) throw new Error(`OCR bench: ${source} not read (${outcome.reason})`);
    return (performance.now() - t) / 1000 / pages;
  };
  try {
    // One read first, so the worker (and its pdf.js) is started for every measured read alike.
    await perPage("warm-up.pdf", makePdf({ pages: [lines(0)] }));
    const textSecondsPerPage = await perPage("text.pdf", text);
    const ocrSecondsPerPage = await perPage("scans.pdf", scans);
    const cachedSecondsPerPage = await perPage("scans.pdf", scans);
    return { pages, textSecondsPerPage, ocrSecondsPerPage, cachedSecondsPerPage, languages };
  } finally {
    await reader.close();
    await fs.rm(cacheDir, { recursive: true, force: true });
  }
}

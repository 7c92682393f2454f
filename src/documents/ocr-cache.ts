/**
 * What OCR read from each file, kept on disk by the file's content hash (and the OCR languages),
 * so a reindex, a restart or a second copy of the same scan never runs OCR on it again. One small
 * JSON file per document; entries no read has used since a full read of the folder began, nor
 * for a day, are removed by `sweep`, so the cache holds about what the folder holds.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { sha256 } from "./hash.js";
import type { OcrPage } from "./ocr.js";

/** A page's text is at most this long (a dense A4 page is about 5,000 characters). */
const MAX_PAGE_TEXT = 200_000;

const entrySchema = z.record(
  z.string().regex(/^\d{1,7}$/),
  z.object({ text: z.string().max(MAX_PAGE_TEXT), confidence: z.number().min(0).max(100), timedOutAfterMs: z.number().int().positive().optional(), timedOutAt: z.number().int().nonnegative().optional() }),
);

/**
 * How long an entry no read used is kept: a day, so an upload waiting for the admin's choice of
 * collection (read, not yet in the folder) or a clock that differs between machines sharing the
 * folder does not lose it to a build that runs meanwhile.
 */
export const OCR_CACHE_KEEP_MS = 24 * 60 * 60 * 1000;

export class OcrCache {
  constructor(
    private readonly dir: string,
    private readonly keepMs = OCR_CACHE_KEEP_MS,
  ) {}

  /** The key of a file's bytes read in these languages. */
  key(bytes: Uint8Array, languages: readonly string[]): string {
    return `${sha256(bytes)}-${sha256(languages.join("+")).slice(0, 8)}`;
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  /** The pages known for `key` ({} when none, or when the entry is damaged); marks the entry as used. */
  async get(key: string): Promise<Record<string, OcrPage>> {
    try {
      const parsed = entrySchema.safeParse(JSON.parse(await fs.readFile(this.file(key), "utf8")));
      if (!parsed.success) return {};
      const now = new Date();
      await fs.utimes(this.file(key), now, now).catch(() => {});
      return parsed.data as Record<string, OcrPage>;
    } catch {
      return {};
    }
  }

  /** Adds pages to `key`'s entry (written whole to a temporary file, then renamed). Never throws: a cache that cannot be written only costs time. */
  async put(key: string, pages: Record<string, OcrPage>): Promise<void> {
    try {
      const all = { ...(await this.get(key)), ...pages };
      await fs.mkdir(this.dir, { recursive: true });
      const temp = `${this.file(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await fs.writeFile(temp, JSON.stringify(all));
      await fs.rename(temp, this.file(key));
    } catch {
      // see above
    }
  }

  /** Removes the entries not used since `since` (ms since the epoch), and for longer than the keep time. */
  async sweep(since: number): Promise<void> {
    const before = Math.min(since, Date.now() - this.keepMs);
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(this.dir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat?.isFile() && stat.mtimeMs < before) await fs.rm(file, { force: true }).catch(() => {});
    }
  }
}

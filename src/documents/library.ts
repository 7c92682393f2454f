/**
 * The documents folder as admins change it from the chat: safe file names, a file checked with
 * the same readers as ingestion before it is kept, atomic writes, removal only inside the folder,
 * and the addresses of pages added by URL (so their citations link to the original).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { extract, ORIGINS_FILE, readOrigins, SUPPORTED_EXTENSIONS } from "./load.js";

/** What a file turned out to hold, as the upload reply tells it. */
export interface DocumentSummary {
  readonly title: string | undefined;
  readonly pages: number;
  readonly sections: number;
  readonly characters: number;
}

/** Longest file name stem kept from a user's file name. */
const MAX_STEM = 100;

/**
 * A file name that is safe in the documents folder, from a name a user sent: the last path part
 * only, no control or reserved characters, no leading dots, a supported extension (lower case).
 * Undefined when the extension is not one the loader reads.
 */
export function safeFileName(raw: string): string | undefined {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const ext = (/\.[a-z0-9]+$/i.exec(cleaned)?.[0] ?? "").toLowerCase();
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) return undefined;
  // No leading dots: a hidden file, or "..", is never made.
  const stem = cleaned.slice(0, cleaned.length - ext.length).replace(/^[.\s]+/, "").slice(0, MAX_STEM).trim();
  return `${stem || "document"}${ext}`;
}

export class DocumentLibrary {
  constructor(
    readonly dir: string,
    private readonly options: { maxFileBytes: number },
  ) {}

  get maxFileBytes(): number {
    return this.options.maxFileBytes;
  }

  /** The absolute path of a name or relative source, or undefined when it would leave the folder. */
  private inside(relative: string): string | undefined {
    const root = path.resolve(this.dir);
    const absolute = path.resolve(root, relative);
    return absolute.startsWith(root + path.sep) ? absolute : undefined;
  }

  /** Whether a relative path names a place inside the folder. */
  contains(relative: string): boolean {
    return this.inside(relative) !== undefined;
  }

  /** A document's bytes, or undefined when it does not exist (or lies outside the folder). */
  async read(relative: string): Promise<Buffer | undefined> {
    const target = this.inside(relative);
    return target ? fs.readFile(target).catch(() => undefined) : undefined;
  }

  /** Reads a file's bytes as ingestion would: a summary, or why it cannot be used. */
  async inspect(fileName: string, bytes: Buffer): Promise<DocumentSummary | string> {
    if (bytes.length === 0) return "empty file";
    if (bytes.length > this.options.maxFileBytes) return `too large (${bytes.length} bytes; MAX_FILE_BYTES is ${this.options.maxFileBytes})`;
    const extracted = await extract(fileName, bytes);
    if (typeof extracted === "string") return extracted;
    if (!extracted.text.trim()) return "no text in it (a scanned PDF needs OCR first)";
    return {
      title: extracted.title?.replace(/\s+/g, " ").trim() || undefined,
      pages: extracted.structure.pages.length,
      sections: extracted.structure.sections.length,
      characters: extracted.text.length,
    };
  }

  async exists(name: string): Promise<boolean> {
    const target = this.inside(name);
    if (!target) return false;
    return fs.stat(target).then(
      () => true,
      () => false,
    );
  }

  /** `name`, or "stem (2).ext", "stem (3).ext", … whichever is free. */
  async freeName(name: string): Promise<string> {
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
      if (!(await this.exists(candidate))) return candidate;
    }
  }

  /**
   * Writes a file into the folder (replacing one of the same name), atomically: a reader sees the
   * old file or the new one, never half of it. `url` records where it came from; without it, an
   * address recorded for an earlier file of that name is forgotten.
   */
  async save(name: string, bytes: Buffer, options: { url?: string } = {}): Promise<string> {
    const target = this.inside(name);
    if (!target || path.basename(name) !== safeFileName(path.basename(name))) throw new Error(`unsafe file name: ${JSON.stringify(name)}`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temporary = path.join(path.dirname(target), `.${randomBytes(6).toString("hex")}.upload`);
    try {
      await fs.writeFile(temporary, bytes, { flag: "wx" });
      await this.setOrigin(name, options.url);
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    return name;
  }

  /** Deletes a document (a source path as the index names it). Refuses anything outside the folder. */
  async remove(source: string): Promise<void> {
    const target = this.inside(source);
    if (!target) throw new Error(`not inside the documents folder: ${JSON.stringify(source)}`);
    await fs.rm(target);
    await this.setOrigin(source, undefined);
  }

  /** Addresses of documents added by URL, by source path. */
  async origins(): Promise<Record<string, string>> {
    return readOrigins(this.dir);
  }

  private async setOrigin(source: string, url: string | undefined): Promise<void> {
    const origins = await readOrigins(this.dir);
    if (origins[source] === url) return;
    if (url) origins[source] = url;
    else delete origins[source];
    const file = path.join(this.dir, ORIGINS_FILE);
    const temporary = `${file}.${randomBytes(4).toString("hex")}.tmp`;
    await fs.writeFile(temporary, `${JSON.stringify(origins, null, 2)}\n`);
    await fs.rename(temporary, file);
  }
}

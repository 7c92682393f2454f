/**
 * The documents folder as admins change it from the chat: safe file names, a file checked with
 * the same readers as ingestion before it is kept, atomic writes, removal only inside the folder,
 * and the addresses of pages added by URL (so their citations link to the original).
 */
import { randomBytes } from "node:crypto";
import { COLLECTION_NAME, collectionOf, isFolderName, MAIN_COLLECTION } from "./collections.js";
import fs from "node:fs/promises";
import path from "node:path";
import { megabytes } from "./limits.js";
import { sha256 } from "./hash.js";
import { SUPPORTED_EXTENSIONS } from "./formats.js";
import { ORIGINS_FILE, readOrigins } from "./load.js";
import type { DocumentReader, ReadOptions } from "./reader.js";
import type { SplitOptions } from "./split.js";

/** What a file turned out to hold, as the upload reply tells it. */
export interface DocumentSummary {
  readonly title: string | undefined;
  readonly pages: number;
  readonly sections: number;
  readonly characters: number;
  readonly passages: number;
  /** Read all the same, but worth telling (front matter ignored…). */
  readonly warnings: readonly string[];
}

/**
 * Longest file name kept, in UTF-8 bytes: file systems count bytes (255 on ext4), and a name of
 * 100 CJK characters is 300. The margin leaves room for " (12)" and the temporary name's suffix.
 */
const MAX_NAME_BYTES = 180;

/**
 * Invisible and format characters, which make a name read as something it is not: bidi controls
 * ("invoice\u202Efdp.txt" shows as "invoicetxt.pdf"), zero-width characters, controls, and line
 * and paragraph separators (Unicode categories Cf, Cc, Zl, Zp).
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/gu;

/** The longest prefix of `text` within `maxBytes` of UTF-8, cut between user-perceived characters. */
function truncateBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = "";
  let bytes = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)) {
    bytes += Buffer.byteLength(segment);
    if (bytes > maxBytes) break;
    out += segment;
  }
  return out;
}

/**
 * The files in `folder` (and its subfolders when `deep`), hidden ones and hidden folders left
 * out. Written by hand because node's recursive `readdir` rejects the whole listing when one
 * subfolder cannot be listed (a name that is not UTF-8 reads as a name no folder has), and a
 * copy in the other folders would then go unnoticed; here such a folder is only passed over.
 */
async function* filesUnder(folder: string, deep: boolean): AsyncGenerator<string> {
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const absolute = path.join(dir, entry.name);
      if (entry.isFile()) yield absolute;
      else if (deep && entry.isDirectory()) pending.push(absolute);
    }
  }
}

/**
 * A file name that is safe in the documents folder, from a name a user sent: the last path part
 * only, no invisible, control or reserved characters, no leading dots, at most MAX_NAME_BYTES,
 * a supported extension (lower case) kept. Undefined when the extension is not one the loader reads.
 */
export function safeFileName(raw: string, extensions: readonly string[] = SUPPORTED_EXTENSIONS): string | undefined {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(/[<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const ext = (/\.[a-z0-9]+$/i.exec(cleaned)?.[0] ?? "").toLowerCase();
  if (!extensions.includes(ext)) return undefined;
  // No leading dots: a hidden file, or "..", is never made.
  const stem = truncateBytes(cleaned.slice(0, cleaned.length - ext.length).replace(/^[.\s]+/, ""), MAX_NAME_BYTES - ext.length).trim();
  return `${stem || "document"}${ext}`;
}

/** Why a file could not be written, in words an admin can act on. */
export function writeFailure(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case "ENAMETOOLONG":
      return "the file name is too long for the file system";
    case "ENOSPC":
    case "EDQUOT":
      return "the disk holding the documents folder is full";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "the documents folder is not writable";
    case "EILSEQ":
    case "EINVAL":
      return "the file system does not accept this file name";
    default:
      return "the file could not be written (see the bot's log)";
  }
}

export class DocumentLibrary {
  /**
   * The folder's changes, one at a time: two admins' uploads run side by side (updates are
   * ordered per chat only), and a name checked free, or a file checked unchanged, must still be
   * so when it is written or removed (and the origins file is read, changed and written whole).
   */
  private changes: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly options: { reader: DocumentReader; chunking: SplitOptions },
  ) {}

  private exclusive<T>(change: () => Promise<T>): Promise<T> {
    const done = this.changes.then(change, change);
    this.changes = done.catch(() => {});
    return done;
  }

  /** The file extensions the folder's reader reads (images when OCR is on). */
  get extensions(): readonly string[] {
    return this.options.reader.extensions;
  }

  get maxFileBytes(): number {
    return this.options.reader.limits.maxFileBytes;
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

  /** Reads a file's bytes as ingestion would (in the isolated reader): a summary, or why it cannot be used. */
  async inspect(fileName: string, bytes: Buffer, options: ReadOptions = {}): Promise<DocumentSummary | string> {
    if (bytes.length === 0) return "empty file";
    if (bytes.length > this.maxFileBytes) return `too large (${megabytes(bytes.length)}; MAX_FILE_BYTES is ${megabytes(this.maxFileBytes)})`;
    const outcome = await this.options.reader.read({ source: fileName, bytes, chunking: this.options.chunking }, options);
    if (!outcome.ok) return outcome.reason;
    const { document, chunks, warnings } = outcome;
    return {
      title: document.title,
      pages: document.structure.pages.length,
      sections: document.structure.sections.length,
      characters: document.text.length,
      passages: chunks.length,
      warnings,
    };
  }

  /**
   * Another file of the collection `name` goes into with exactly these bytes (its path in the
   * folder), or undefined: the index reads such copies once (see load.ts), so an upload of one adds nothing.
   * The file named `name` counts only for an upload that does not replace it (`replacing` false).
   */
  async copyOf(name: string, bytes: Buffer, replacing = true): Promise<string | undefined> {
    const collection = collectionOf(name);
    const root = path.resolve(this.dir);
    const folder = collection === MAIN_COLLECTION ? root : path.join(root, collection);
    const hash = sha256(bytes);
    for await (const absolute of filesUnder(folder, collection !== MAIN_COLLECTION)) {
      const relative = path.relative(root, absolute).split(path.sep).join("/");
      if (replacing && relative === name) continue;
      const stat = await fs.stat(absolute).catch(() => undefined);
      if (stat?.size !== bytes.length) continue;
      const other = await fs.readFile(absolute).catch(() => undefined);
      if (other && sha256(other) === hash) return relative;
    }
    return undefined;
  }

  async exists(name: string): Promise<boolean> {
    const target = this.inside(name);
    if (!target) return false;
    return fs.stat(target).then(
      () => true,
      () => false,
    );
  }

  /**
   * `name`, or "stem (2).ext", "stem (3).ext", … whichever is free, the file name (not a
   * collection's folder before it) within MAX_NAME_BYTES: the stem shortened, without a blank
   * where it is cut ("a  (2).md" is a name `safeFileName` changes, which `save` refuses).
   */
  async freeName(name: string): Promise<string> {
    const folder = name.slice(0, name.lastIndexOf("/") + 1);
    const base = name.slice(folder.length);
    const ext = path.extname(base);
    const stem = base.slice(0, base.length - ext.length);
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? ext : ` (${n})${ext}`;
      const candidate = `${folder}${truncateBytes(stem, MAX_NAME_BYTES - Buffer.byteLength(suffix)).trimEnd()}${suffix}`;
      if (!(await this.exists(candidate))) return candidate;
    }
  }

  /**
   * Writes a file into the folder (replacing one of the same name), atomically: a reader sees the
   * old file or the new one, never half of it. `url` records where it came from; without it, an
   * address recorded for an earlier file of that name is forgotten.
   */
  save(name: string, bytes: Buffer, options: { url?: string } = {}): Promise<string> {
    return this.exclusive(() => this.write(name, bytes, options));
  }

  /** Writes a file in place of the one of its name; what was there before (its bytes and address), if anything, for `takeBack`. */
  replace(name: string, bytes: Buffer, options: { url?: string } = {}): Promise<{ bytes: Buffer; url?: string } | undefined> {
    return this.exclusive(async () => {
      const before = await this.read(name);
      const url = (await readOrigins(this.dir))[name];
      await this.write(name, bytes, options);
      return before && { bytes: before, ...(url ? { url } : {}) };
    });
  }

  /** Writes a file under `name` or, when that is taken, the first free "name (2)" …; returns the name written. */
  add(name: string, bytes: Buffer, options: { url?: string } = {}): Promise<string> {
    return this.exclusive(async () => this.write(await this.freeName(name), bytes, options));
  }

  /**
   * Takes back a `save` or `add` whose document could not be indexed: the file as it was before
   * (`before`, or none), unless the file is no longer the one written (`wrote`): a later upload
   * of the same name is not undone with it. Whether it was taken back.
   */
  takeBack(name: string, wrote: Buffer, before?: { bytes: Buffer; url?: string }): Promise<boolean> {
    return this.exclusive(async () => {
      const now = await this.read(name);
      if (!now?.equals(wrote)) return false;
      if (before) await this.write(name, before.bytes, before.url ? { url: before.url } : {});
      else await this.delete(name);
      return true;
    });
  }

  /** Puts a removed file back, unless a file of its name was added since. Whether it was put back. */
  putBack(name: string, bytes: Buffer, options: { url?: string } = {}): Promise<boolean> {
    return this.exclusive(async () => {
      if (await this.exists(name)) return false;
      await this.write(name, bytes, options);
      return true;
    });
  }

  private async write(name: string, bytes: Buffer, options: { url?: string }): Promise<string> {
    const target = this.inside(name);
    if (!target || path.basename(name) !== safeFileName(path.basename(name), this.extensions)) throw new Error(`unsafe file name: ${JSON.stringify(name)}`);
    // A collection's folder: a plain folder of the documents folder, never a link out of it.
    const folder = path.dirname(target);
    if (folder !== path.resolve(this.dir)) {
      const collection = name.split("/")[0]!;
      const existing = await fs.lstat(folder).catch(() => undefined);
      // A new folder gets a name an admin can type; an existing one may have any plain name.
      const named = existing ? isFolderName(collection) : COLLECTION_NAME.test(collection);
      if (!named || name.split("/").length !== 2) throw new Error(`unsafe collection: ${JSON.stringify(name)}`);
      if (existing && !existing.isDirectory()) throw new Error(`not a plain folder: ${JSON.stringify(collection)}`);
    }
    await fs.mkdir(folder, { recursive: true });
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
  remove(source: string): Promise<void> {
    return this.exclusive(() => this.delete(source));
  }

  private async delete(source: string): Promise<void> {
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

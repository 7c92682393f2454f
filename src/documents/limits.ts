/**
 * What reading one document may cost and become. A file over a limit is skipped, and the reason
 * names the limit and the setting that raises it, so whoever reads the ingest summary, the
 * reindex report or the upload reply knows what to change.
 */
export interface ReadLimits {
  /** Bytes of the file itself (MAX_FILE_BYTES). */
  readonly maxFileBytes: number;
  /** Time to read and split one file, in milliseconds (READ_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** Heap of the reader that reads it, in megabytes (READ_MEMORY_MB). */
  readonly memoryMb: number;
  /** Pages of a PDF (MAX_PDF_PAGES). */
  readonly maxPdfPages: number;
  /** Characters of text a document may hold (MAX_DOCUMENT_CHARS). */
  readonly maxChars: number;
  /** Passages a document may be split into (MAX_PASSAGES_PER_DOCUMENT). */
  readonly maxPassages: number;
  /** Bytes a packed format (.docx) may unpack to, as its zip directory declares (MAX_UNPACKED_BYTES). */
  readonly maxUnpackedBytes: number;
  /**
   * Passages of the whole folder (MAX_FOLDER_PASSAGES): every passage is embedded and kept in
   * memory, and small packed files can each unpack to a document's worth (40 Word files of 20 KB
   * made 196,000 passages and 4 GB, near the bot's heap limit). Documents past it are skipped.
   */
  readonly maxFolderPassages: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  timeoutMs: 120_000,
  memoryMb: 1024,
  maxPdfPages: 2000,
  maxChars: 5_000_000,
  maxPassages: 5000,
  maxUnpackedBytes: 40 * 1024 * 1024,
  maxFolderPassages: 100_000,
};

/** Why a document past MAX_FOLDER_PASSAGES is skipped. */
export const folderFull = (limits: Pick<ReadLimits, "maxFolderPassages">) =>
  `the folder's passages would pass MAX_FOLDER_PASSAGES (${limits.maxFolderPassages}); raise it to index more (each passage costs memory)`;

/** Why a document over MAX_DOCUMENT_CHARS is skipped. */
export const tooMuchText = (characters: number, limits: Pick<ReadLimits, "maxChars">) => `too much text (${characters} characters; MAX_DOCUMENT_CHARS is ${limits.maxChars})`;

/**
 * Deeper nesting of elements than any real document has (a Word table inside a table inside a
 * text box is a few dozen levels). The readers recurse once per level; a crafted file of
 * thousands of nested elements would overflow the stack, after gigabytes of parse tree.
 */
export const MAX_NESTING = 500;

/**
 * Sections one document may have: more than any real book (a 2,000-page manual has some
 * thousands). Each costs the bot memory and time to take over from the reader's worker (800,000
 * "### x" lines: 200 MB and the event loop held for most of a second).
 */
export const MAX_SECTIONS = 100_000;

/** "12.5 MB", "300 KB", "900 bytes": a size for reasons people read. */
export function megabytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** A file over one of the limits: the message says which, with its setting. */
export class OverLimitError extends Error {}

import type { Lang } from "./text.js";

/** A document read from the documents folder, as plain text. */
export interface SourceDocument {
  /** Path relative to the documents folder, with forward slashes. */
  readonly source: string;
  readonly title: string;
  readonly lang: Lang;
  /** sha256 of `text`. */
  readonly hash: string;
  readonly text: string;
}

/** A file that was not ingested, and why. */
export interface SkippedFile {
  readonly source: string;
  readonly reason: string;
}

/** A passage of a document: the unit that is embedded, indexed and cited. */
export interface Chunk {
  /** Stable across reingests while the passage's text and document stay the same. */
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly lang: Lang;
  readonly text: string;
  /** sha256 of `text`: the key under which its embedding is reused. */
  readonly hash: string;
  /** Character offsets of `text` in the document's text: `doc.text.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
}

/** A chunk returned by retrieval, with its fused score and the parts that made it. */
export interface RetrievedChunk {
  readonly chunk: Chunk;
  readonly score: number;
  readonly dense?: number;
  readonly lexical?: number;
}

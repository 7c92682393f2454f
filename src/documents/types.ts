import type { Structure } from "./structure.js";
import type { Lang } from "./language.js";

/** A document read from the documents folder, as plain text. */
export interface SourceDocument {
  /** Path relative to the documents folder, with forward slashes. */
  readonly source: string;
  readonly title: string;
  readonly lang: Lang;
  /** sha256 of the text and its structure. */
  readonly hash: string;
  readonly text: string;
  /** Sections (heading paths) and pages, as offsets into `text`. */
  readonly structure: Structure;
  /** The document's original address, where it names one (front matter `url:`, an HTML canonical link). */
  readonly url?: string;
}

/** A file that was not ingested, and why. */
export interface SkippedFile {
  readonly source: string;
  readonly reason: string;
}

/** A passage of a document: the unit that is embedded, indexed and cited. */
export interface Chunk {
  /** Stable across reingests while the passage's text and language stay the same (where it stands may change). */
  readonly id: string;
  readonly source: string;
  /** The collection the document belongs to (its top-level folder, or "main"): see collections.ts. */
  readonly collection: string;
  readonly title: string;
  readonly lang: Lang;
  readonly text: string;
  /** Heading path ("6. Maintenance › 6.2. apt-get"), or null before the first heading / without headings. */
  readonly section: string | null;
  /** 1-based physical pages the passage starts and ends on (PDF), else null. */
  readonly page: number | null;
  readonly pageEnd: number | null;
  /** Document offsets inside the passage where its next pages start (when it spans pages). */
  readonly pageBreaks?: readonly number[];
  /**
   * Where each section the passage lies in begins (the document offset of its heading: the
   * first's may be before `start`; before the first heading, `start` and a null section), when
   * it lies in more than one (a section too short to be a passage is joined to the next):
   * `section` is the one it covers most, a quote is cited with its own.
   */
  readonly sections?: readonly { readonly at: number; readonly section: string | null }[];
  /** The passage is of a page of links (see Structure.links): it names where to read, not what. */
  readonly links?: true;
  /** The parts of the passage that are a table's rows, one line each (see Structure.tables), as document offsets. */
  readonly tables?: readonly (readonly [number, number])[];
  /** Pages of the passage whose text OCR read from a picture (see Structure.scanned). */
  readonly scanned?: readonly number[];
  readonly url?: string;
  /** sha256 of what is embedded (title, section and text): the key under which its embedding is reused. */
  readonly hash: string;
  /** Character offsets of `text` in the document's text: `doc.text.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
}

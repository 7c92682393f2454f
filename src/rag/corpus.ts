import { indexedText } from "../documents/split.js";
import { ScoreBoard, type Bm25Index } from "./bm25.js";
import { FuzzyVocabulary } from "./fuzzy.js";
import { lexiconFrom, type Lexicon, type LexiconInput } from "./lexicon.js";
import { makeLexicon } from "./lexicon-pool.js";
import { LANGS, type Lang } from "./text.js";
import type { Chunk } from "../documents/types.js";

export { BM25_B, BM25_K1, type Lexicon } from "./lexicon.js";

/**
 * The passages retrieval searches, and their lexical statistics: in memory (the local index), or
 * in Postgres, where only the vocabulary with document frequencies is held in memory and the
 * BM25 search and the passages themselves are read with SQL. The retriever is the same code for both.
 */
export interface Corpus {
  /** Number of passages. */
  readonly size: number;
  /** Passages containing a term. */
  df(term: string): number;
  idf(term: string): number;
  /** Whether passages in this language use the term (a German passage rarely says "contain"). */
  usedIn(term: string, lang: Lang): boolean;
  /** Vocabulary terms spelled like a term, with their similarity, best first (the term itself excluded). */
  similar(term: string, limit: number): { term: string; similarity: number }[];
  /** Vocabulary terms that end in a term: the closed compounds whose last part it is. */
  endingIn(term: string): string[];
  /** Vocabulary terms that start with a term and are longer ("macos" for "mac"). */
  startingWith(term: string): string[];
  /** The best `n` passages by BM25 over weighted terms, best first (ties in corpus order). */
  lexical(expanded: readonly { term: string; weight: number }[], n: number): Promise<{ id: string; score: number }[]>;
  /** The passages with these ids (unknown ids left out). */
  get(ids: readonly string[]): Promise<Map<string, Chunk>>;
  /** A passage with the passages just before and after it in its document. */
  around(id: string): Promise<{ chunk: Chunk; prev?: Chunk; next?: Chunk } | undefined>;
  /** Every passage, in corpus order: for tools and tests, not for answering questions. */
  all(): Promise<readonly Chunk[]>;
  /** Sort key giving corpus order (documents as listed in the manifest, then position in the document). */
  order(chunk: Pick<Chunk, "id" | "source" | "start">): number;
}

/** The languages a term occurs in, as bits: what `Corpus.usedIn` reads, and what Postgres stores per term. */
export const LANG_BITS = Object.fromEntries(LANGS.map((lang, i) => [lang, 1 << i])) as Readonly<Record<Lang, number>>;
export const ALL_LANGS = (1 << LANGS.length) - 1;

/** The inverse document frequency BM25 uses. */
export function bm25Idf(size: number, df: number): number {
  return Math.log(1 + (size - df + 0.5) / (df + 0.5));
}

/** Corpus order from the manifest's document list: document index, then offset in the document. */
export function corpusOrder(sources: readonly string[]): (chunk: Pick<Chunk, "source" | "start">) => number {
  const index = new Map(sources.map((s, i) => [s, i]));
  return (chunk) => (index.get(chunk.source) ?? sources.length) * 2 ** 31 + chunk.start;
}

/**
 * The passages of a local index, by row (corpus order). A built index reads them from its file,
 * one passage at a time when asked; `passagesOf` wraps an array.
 */
export interface Passages {
  readonly length: number;
  chunk(row: number): Chunk;
  id(row: number): string;
  /** The row of a passage id, or -1. */
  row(id: string): number;
  collection(row: number): string;
  /** A number per document (rows of one document share it). */
  document(row: number): number;
  lang(row: number): Lang;
}

/** An array of passages as Passages. */
export function passagesOf(chunks: readonly Chunk[]): Passages {
  const rows = new Map(chunks.map((c, i) => [c.id, i]));
  const docs = new Map<string, number>();
  const docOf = chunks.map((c) => docs.get(c.source) ?? (docs.set(c.source, docs.size), docs.size - 1));
  return {
    length: chunks.length,
    chunk: (i) => chunks[i]!,
    id: (i) => chunks[i]!.id,
    row: (id) => rows.get(id) ?? -1,
    collection: (i) => chunks[i]!.collection,
    document: (i) => docOf[i]!,
    lang: (i) => chunks[i]!.lang,
  };
}

/**
 * What the lexicon of some passages is made from. With `previous` (the lexicon of an earlier build
 * and its passages), passages it already holds keep their postings and only new ones are
 * analysed: a reindex after editing one document analyses that document, not the folder.
 */
export function lexiconInput(passages: Passages, previous?: { lexicon: Lexicon; passages: Passages }): LexiconInput {
  const tags = new Uint16Array(passages.length);
  for (let row = 0; row < passages.length; row++) tags[row] = LANG_BITS[passages.lang(row)];
  let carried: { index: Bm25Index; newDocOf: Int32Array } | undefined;
  const kept = new Uint8Array(passages.length);
  if (previous && previous.lexicon.bm25.size === previous.passages.length) {
    const newDocOf = new Int32Array(previous.passages.length);
    // Same id: same document, title, section and text (the id holds their hash), so the same terms.
    for (let old = 0; old < newDocOf.length; old++) {
      const row = (newDocOf[old] = passages.row(previous.passages.id(old)));
      if (row >= 0) kept[row] = 1;
    }
    carried = { index: previous.lexicon.bm25, newDocOf };
  }
  const rows: number[] = [];
  const texts: string[] = [];
  for (let row = 0; row < passages.length; row++) {
    if (kept[row]) continue;
    rows.push(row);
    texts.push(indexedText(passages.chunk(row)));
  }
  return { count: passages.length, tags, rows: Uint32Array.from(rows), texts, ...(carried ? { carried } : {}) };
}

/** The lexicon of some passages, made here and now (see `lexiconInput`; `makeLexicon` makes a large one off the event loop). */
export function buildLexicon(passages: Passages, previous?: { lexicon: Lexicon; passages: Passages }): Lexicon {
  return lexiconFrom(lexiconInput(passages, previous));
}

/** The lexicon of some passages (see `lexiconInput`), a large one made in a worker. */
export function lexiconOf(passages: Passages, previous?: { lexicon: Lexicon; passages: Passages }): Promise<Lexicon> {
  return makeLexicon(lexiconInput(passages, previous));
}

/** All passages of a local index with their BM25 index in memory (both read from the build, or made from an array). */
export class MemoryCorpus implements Corpus {
  private readonly bm25: Bm25Index;
  private readonly fuzzy: FuzzyVocabulary;
  private readonly passages: Passages;
  readonly order: (chunk: Chunk) => number;

  /** Over an array of passages (analysed here), or a built index's passages and lexicon. */
  constructor(chunks: readonly Chunk[] | Passages, lexicon?: Lexicon) {
    this.passages = Array.isArray(chunks) ? passagesOf(chunks as readonly Chunk[]) : (chunks as Passages);
    const { bm25, fuzzy } = lexicon ?? buildLexicon(this.passages);
    if (bm25.size !== this.passages.length) throw new Error(`the lexicon has ${bm25.size} passages, the index ${this.passages.length}`);
    this.bm25 = bm25;
    this.fuzzy = fuzzy;
    // Rows are listed document by document, each by offset: a row is corpus order.
    this.order = (chunk) => {
      const row = this.passages.row(chunk.id);
      return row < 0 ? Number.MAX_SAFE_INTEGER : row;
    };
  }

  get size(): number {
    return this.passages.length;
  }

  df(term: string): number {
    return this.bm25.df(term);
  }

  idf(term: string): number {
    return this.bm25.idf(term);
  }

  usedIn(term: string, lang: Lang): boolean {
    return (this.bm25.tags(term) & LANG_BITS[lang]) !== 0;
  }

  similar(term: string, limit: number): { term: string; similarity: number }[] {
    return this.fuzzy.similar(term, limit);
  }

  endingIn(term: string): string[] {
    return this.fuzzy.endingIn(term);
  }

  startingWith(term: string): string[] {
    return this.fuzzy.startingWith(term);
  }

  /** The passages of these collections only, as a corpus of their own (its own statistics: a word used only elsewhere is absent). */
  async subset(collections: ReadonlySet<string>): Promise<MemoryCorpus> {
    const rows: number[] = [];
    for (let i = 0; i < this.passages.length; i++) if (collections.has(this.passages.collection(i))) rows.push(i);
    // Every passage in scope: the same corpus (its lexicon would be made again, the same).
    if (rows.length === this.passages.length) return this;
    const newDocOf = new Int32Array(this.passages.length).fill(-1);
    rows.forEach((row, i) => (newDocOf[row] = i));
    const tags = Uint16Array.from(rows, (row) => LANG_BITS[this.passages.lang(row)]);
    // Every passage carried over, none analysed: the postings of these rows, renumbered.
    const lexicon = await makeLexicon({ count: rows.length, tags, rows: new Uint32Array(0), texts: [], carried: { index: this.bm25, newDocOf } });
    return new MemoryCorpus(subsetOf(this.passages, rows), lexicon);
  }

  async lexical(expanded: readonly { term: string; weight: number }[], n: number): Promise<{ id: string; score: number }[]> {
    const board = new ScoreBoard(this.passages.length);
    for (const { term, weight } of expanded) this.bm25.accumulate(term, weight, board);
    return board.top(n).map(({ doc, score }) => ({ id: this.passages.id(doc), score }));
  }

  async get(ids: readonly string[]): Promise<Map<string, Chunk>> {
    const out = new Map<string, Chunk>();
    for (const id of ids) {
      const i = this.passages.row(id);
      if (i >= 0) out.set(id, this.passages.chunk(i));
    }
    return out;
  }

  async around(id: string): Promise<{ chunk: Chunk; prev?: Chunk; next?: Chunk } | undefined> {
    const i = this.passages.row(id);
    if (i < 0) return undefined;
    const p = this.passages;
    const same = (j: number) => j >= 0 && j < p.length && p.document(j) === p.document(i);
    const prev = same(i - 1) ? p.chunk(i - 1) : undefined;
    const next = same(i + 1) ? p.chunk(i + 1) : undefined;
    return { chunk: p.chunk(i), ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
  }

  async all(): Promise<readonly Chunk[]> {
    return Array.from({ length: this.passages.length }, (_, i) => this.passages.chunk(i));
  }
}

/** Some rows of a passage table, renumbered 0… in order. */
function subsetOf(passages: Passages, rows: readonly number[]): Passages {
  const rowOf = new Map(rows.map((r, i) => [r, i]));
  return {
    length: rows.length,
    chunk: (i) => passages.chunk(rows[i]!),
    id: (i) => passages.id(rows[i]!),
    row: (id) => rowOf.get(passages.row(id)) ?? -1,
    collection: (i) => passages.collection(rows[i]!),
    document: (i) => passages.document(rows[i]!),
    lang: (i) => passages.lang(rows[i]!),
  };
}

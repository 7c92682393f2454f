import { indexedText } from "../documents/split.js";
import { Bm25Index, ScoreBoard } from "./bm25.js";
import { terms, type Lang } from "./text.js";
import type { Chunk } from "../documents/types.js";

/** BM25 parameters, the same in memory and in SQL. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

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
  /** Every term that occurs somewhere. */
  vocabulary(): Iterable<string>;
  /** The best `n` passages by BM25 over weighted terms, best first (ties in corpus order). */
  lexical(expanded: readonly { term: string; weight: number }[], n: number): Promise<{ id: string; score: number }[]>;
  /** The passages with these ids (unknown ids left out). */
  get(ids: readonly string[]): Promise<Map<string, Chunk>>;
  /** A passage with the passages just before and after it in its document. */
  around(id: string): Promise<{ chunk: Chunk; prev?: Chunk; next?: Chunk } | undefined>;
  /** Every passage, in corpus order: for tools and tests, not for answering questions. */
  all(): Promise<readonly Chunk[]>;
  /** Sort key giving corpus order (documents as listed in the manifest, then position in the document). */
  order(chunk: Chunk): number;
}

/** The languages a term occurs in, as bits: what `Corpus.usedIn` reads, and what Postgres stores per term. */
export const LANG_BITS: Readonly<Record<Lang, number>> = { en: 1, de: 2, other: 4 };
export const ALL_LANGS = LANG_BITS.en | LANG_BITS.de | LANG_BITS.other;

/** The inverse document frequency BM25 uses. */
export function bm25Idf(size: number, df: number): number {
  return Math.log(1 + (size - df + 0.5) / (df + 0.5));
}

/** Corpus order from the manifest's document list: document index, then offset in the document. */
export function corpusOrder(sources: readonly string[]): (chunk: Chunk) => number {
  const index = new Map(sources.map((s, i) => [s, i]));
  return (chunk) => (index.get(chunk.source) ?? sources.length) * 2 ** 31 + chunk.start;
}

/** All passages in memory with an in-memory BM25 index (the local, on-disk index). */
export class MemoryCorpus implements Corpus {
  private readonly bm25: Bm25Index;
  private readonly byId = new Map<string, number>();
  private readonly langBits = new Map<string, number>();
  /** The languages of all passages: a term found in all of them needs no further look. */
  private readonly langsPresent: number;
  readonly order: (chunk: Chunk) => number;

  constructor(private readonly chunks: readonly Chunk[]) {
    this.bm25 = new Bm25Index(
      chunks.map((c) => terms(indexedText(c))),
      BM25_K1,
      BM25_B,
    );
    let present = 0;
    chunks.forEach((c, i) => {
      this.byId.set(c.id, i);
      present |= LANG_BITS[c.lang];
    });
    this.langsPresent = present;
    // Chunks are listed document by document, each by offset: their index is corpus order.
    this.order = (chunk) => this.byId.get(chunk.id) ?? Number.MAX_SAFE_INTEGER;
  }

  get size(): number {
    return this.chunks.length;
  }

  df(term: string): number {
    return this.bm25.df(term);
  }

  idf(term: string): number {
    return this.bm25.idf(term);
  }

  usedIn(term: string, lang: Lang): boolean {
    let bits = this.langBits.get(term);
    if (bits === undefined) {
      // Computed on first use from the term's postings: most terms are never asked about.
      bits = 0;
      for (const doc of this.bm25.documentsWith(term)) {
        bits |= LANG_BITS[this.chunks[doc]!.lang];
        if (bits === this.langsPresent) break;
      }
      this.langBits.set(term, bits);
    }
    return (bits & LANG_BITS[lang]) !== 0;
  }

  vocabulary(): Iterable<string> {
    return this.bm25.vocabulary();
  }

  /** The passages of these collections only, as a corpus of their own (its own statistics: a word used only elsewhere is absent). */
  subset(collections: ReadonlySet<string>): MemoryCorpus {
    return new MemoryCorpus(this.chunks.filter((c) => collections.has(c.collection)));
  }

  async lexical(expanded: readonly { term: string; weight: number }[], n: number): Promise<{ id: string; score: number }[]> {
    const board = new ScoreBoard(this.chunks.length);
    for (const { term, weight } of expanded) this.bm25.accumulate(term, weight, board);
    return board.top(n).map(({ doc, score }) => ({ id: this.chunks[doc]!.id, score }));
  }

  async get(ids: readonly string[]): Promise<Map<string, Chunk>> {
    const out = new Map<string, Chunk>();
    for (const id of ids) {
      const i = this.byId.get(id);
      if (i !== undefined) out.set(id, this.chunks[i]!);
    }
    return out;
  }

  async around(id: string): Promise<{ chunk: Chunk; prev?: Chunk; next?: Chunk } | undefined> {
    const i = this.byId.get(id);
    if (i === undefined) return undefined;
    const chunk = this.chunks[i]!;
    const prev = this.chunks[i - 1]?.source === chunk.source ? this.chunks[i - 1] : undefined;
    const next = this.chunks[i + 1]?.source === chunk.source ? this.chunks[i + 1] : undefined;
    return { chunk, ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
  }

  async all(): Promise<readonly Chunk[]> {
    return this.chunks;
  }
}

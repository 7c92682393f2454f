/**
 * The lexical side of an index (BM25 postings and the trigram index of their vocabulary), made
 * from plain data: what it takes can cross to a worker thread and what it gives back is flat
 * arrays, so a large build is made off the bot's event loop (see lexicon-pool.ts).
 */
import { Bm25Index, type Bm25Arrays } from "./bm25.js";
import { FuzzyVocabulary, type FuzzyArrays } from "./fuzzy.js";
import { terms } from "./text.js";

/** BM25 parameters, the same in memory and in SQL. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export interface Lexicon {
  readonly bm25: Bm25Index;
  readonly fuzzy: FuzzyVocabulary;
}

/** A lexicon as the arrays it is made of (what a worker sends back, what a build writes). */
export interface LexiconArrays {
  readonly bm25: Bm25Arrays;
  readonly fuzzy: FuzzyArrays;
}

/** What a lexicon of `count` passages is made from. */
export interface LexiconInput<Previous = Bm25Index> {
  readonly count: number;
  /** Every passage's tag bits (its language). */
  readonly tags: Uint16Array;
  /** The passages to analyse, in increasing order, and the text of each (title, section and text). */
  readonly rows: Uint32Array;
  readonly texts: readonly string[];
  /** Postings kept from an earlier index: `newDocOf[old]` is that passage's row now, or -1 when it is gone. */
  readonly carried?: { readonly index: Previous; readonly newDocOf: Int32Array };
}

/** The same input with the earlier index as its arrays: what crosses to a worker. */
export type WireLexiconInput = LexiconInput<Bm25Arrays>;

/** The lexicon of an input, made here and now. */
export function lexiconFrom(input: LexiconInput): Lexicon {
  const { count, tags, rows, texts, carried } = input;
  let next = 0;
  const analyse = (doc: number) => {
    if (rows[next] !== doc) throw new Error(`passage ${doc} is neither carried over nor given to analyse`);
    return { terms: terms(texts[next++]!), tag: tags[doc]! };
  };
  const previous = carried && { index: carried.index, newDocOf: carried.newDocOf, tagOf: (doc: number) => tags[doc]! };
  const bm25 = Bm25Index.update(count, analyse, previous, BM25_K1, BM25_B);
  return { bm25, fuzzy: FuzzyVocabulary.build(bm25.vocab) };
}

/** A lexicon from its arrays: checked when they come from a file, taken as they are from this program's own worker (`checked` false). */
export function lexiconOfArrays(arrays: LexiconArrays, checked = true): Lexicon {
  const bm25 = Bm25Index.fromArrays(arrays.bm25, BM25_K1, BM25_B, checked);
  return { bm25, fuzzy: FuzzyVocabulary.fromArrays(bm25.vocab, arrays.fuzzy, checked) };
}

/**
 * About how much work an input is, in characters of text to analyse plus postings and vocabulary
 * bytes carried over: what decides whether it is made on the calling thread.
 */
export function lexiconWork(input: LexiconInput): number {
  let work = 0;
  for (const text of input.texts) work += text.length;
  if (input.carried) {
    const arrays = input.carried.index.toArrays();
    work += arrays.docs.length + arrays.vocabBytes.length;
  }
  return work;
}

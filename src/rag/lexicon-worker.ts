/** The entry points of the lexicon worker (see lexicon-pool.ts): plain data in, flat arrays out. */
import { Bm25Index } from "./bm25.js";
import { FuzzyVocabulary, type FuzzyArrays } from "./fuzzy.js";
import { BM25_B, BM25_K1, lexiconFrom, type LexiconArrays, type WireLexiconInput } from "./lexicon.js";

/** A lexicon's arrays. */
export function lexicon(input: WireLexiconInput): LexiconArrays {
  const { carried, ...rest } = input;
  const index = carried && Bm25Index.fromArrays(carried.index, BM25_K1, BM25_B);
  const made = lexiconFrom({ ...rest, ...(carried && index ? { carried: { index, newDocOf: carried.newDocOf } } : {}) });
  return { bm25: made.bm25.toArrays(), fuzzy: made.fuzzy.toArrays() };
}

/** A vocabulary's trigram index, with the vocabulary as it sorted it. */
export interface FuzzyOfTerms {
  readonly vocabBytes: Uint8Array;
  readonly vocabStarts: Uint32Array;
  readonly fuzzy: FuzzyArrays;
}

export function fuzzy(terms: readonly string[]): FuzzyOfTerms {
  const made = FuzzyVocabulary.build(terms);
  const { bytes, starts } = made.vocabulary;
  return { vocabBytes: bytes, vocabStarts: starts, fuzzy: made.toArrays() };
}

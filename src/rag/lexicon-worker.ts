/** The entry point of the lexicon worker (see lexicon-pool.ts): an input in, the lexicon's arrays out. */
import { Bm25Index } from "./bm25.js";
import { BM25_B, BM25_K1, lexiconFrom, type LexiconArrays, type WireLexiconInput } from "./lexicon.js";

export default function build(input: WireLexiconInput): LexiconArrays {
  const { carried, ...rest } = input;
  const index = carried && Bm25Index.fromArrays(carried.index, BM25_K1, BM25_B);
  const lexicon = lexiconFrom({ ...rest, ...(carried && index ? { carried: { index, newDocOf: carried.newDocOf } } : {}) });
  return { bm25: lexicon.bm25.toArrays(), fuzzy: lexicon.fuzzy.toArrays() };
}

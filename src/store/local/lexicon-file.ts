/**
 * The lexical index of a local build (BM25 postings, term languages, the trigram index of the
 * vocabulary) in one file of flat arrays: written with the build, read back at start instead of
 * analysing every passage again.
 */
import { lexiconOfArrays, type Lexicon } from "../../rag/lexicon.js";
import { ANALYSER_FINGERPRINT } from "../../rag/text.js";
import { readArrays, writeArrays } from "./arrays-file.js";

const KIND = "lexicon";
/**
 * Changes with the layout; a change of the analyser (`terms`) shows in its fingerprint. Either way the file is made again from the passages.
 * 2: language tags of 16 bits (of 8 before, which lost the ninth language on: Swedish to Turkish).
 */
export const LEXICON_VERSION = 2;

export async function writeLexicon(file: string, lexicon: Lexicon): Promise<void> {
  const bm25 = lexicon.bm25.toArrays();
  const fuzzy = lexicon.fuzzy.toArrays();
  await writeArrays(file, KIND, LEXICON_VERSION, { passages: lexicon.bm25.size, analyser: ANALYSER_FINGERPRINT }, { ...bm25, ...fuzzy });
}

/** Reads a build's lexicon; throws saying what is wrong with a missing, old or damaged file. */
export async function readLexicon(file: string): Promise<Lexicon> {
  const f = await readArrays(file, KIND, LEXICON_VERSION);
  const analyser = (f.meta as { analyser?: unknown } | null)?.analyser;
  if (analyser !== ANALYSER_FINGERPRINT) throw new Error(`${file} was made by another word analyser (${String(analyser)}; now ${ANALYSER_FINGERPRINT}: stopwords, or Node's Unicode data, changed)`);
  return lexiconOfArrays({
    bm25: {
      vocabBytes: f.get("vocabBytes", Uint8Array),
      vocabStarts: f.get("vocabStarts", Uint32Array),
      postingStarts: f.get("postingStarts", Uint32Array),
      docs: f.get("docs", Uint32Array),
      tfs: f.get("tfs", Uint16Array),
      lengths: f.get("lengths", Uint32Array),
      termTags: f.get("termTags", Uint16Array),
      docTags: f.get("docTags", Uint16Array),
    },
    fuzzy: {
      gramBytes: f.get("gramBytes", Uint8Array),
      gramStarts: f.get("gramStarts", Uint32Array),
      gramTermStarts: f.get("gramTermStarts", Uint32Array),
      gramTerms: f.get("gramTerms", Uint32Array),
    },
  });
}

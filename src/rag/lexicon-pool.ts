/**
 * Lexicons made off the bot's event loop. Analysing every passage, sorting the vocabulary and
 * indexing its trigrams is synchronous work in proportion to the folder and its vocabulary: a
 * folder of 8 MB of made-up words (867,000 distinct terms) took 11 s, during which no update,
 * question or webhook was served, and a chat scoped to some collections paid it again at its
 * first question. Inputs above a small size go to one worker thread (piscina, as the document
 * reader does); the arrays come back and are checked like arrays read from a file. Small ones are
 * made in place, which spares a worker's start for the common small build and for tests.
 */
import { Piscina } from "piscina";
import { lexiconFrom, lexiconOfArrays, lexiconWork, type Lexicon, type LexiconArrays, type LexiconInput, type WireLexiconInput } from "./lexicon.js";

/**
 * Inputs up to this much work (characters analysed, postings and vocabulary bytes carried) are
 * made in place: made-up words, the costliest text, take about 1.3 ms per 1,000 here.
 */
export const IN_PLACE_UP_TO = 50_000;
/** A finished worker is kept this long for the next build (a scoped search often follows a build). */
const IDLE_MS = 10_000;

/** One worker at most: builds are one at a time (the build lock), and the bot keeps the other core. */
let pool: Piscina<WireLexiconInput, LexiconArrays> | undefined;

/** The lexicon of an input: in a worker when it is large, in place when it is small. */
export async function makeLexicon(input: LexiconInput, inPlaceUpTo = IN_PLACE_UP_TO): Promise<Lexicon> {
  if (lexiconWork(input) <= inPlaceUpTo) return lexiconFrom(input);
  pool ??= new Piscina<WireLexiconInput, LexiconArrays>({
    filename: new URL("./lexicon-worker.ts", import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: IDLE_MS,
    // The worker needs nothing of the environment (no token, no keys).
    env: {},
  });
  const { carried, ...rest } = input;
  const wire: WireLexiconInput = { ...rest, ...(carried ? { carried: { index: carried.index.toArrays(), newDocOf: carried.newDocOf } } : {}) };
  return lexiconOfArrays(await pool.run(wire));
}

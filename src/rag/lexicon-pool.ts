/**
 * Lexicons made off the bot's event loop. Analysing every passage, sorting the vocabulary and
 * indexing its trigrams is synchronous work in proportion to the folder and its vocabulary: a
 * folder of 8 MB of made-up words (867,000 distinct terms) took 11 s, during which no update,
 * question or webhook was served, and a chat scoped to some collections paid it again at its
 * first question. Inputs above a small size go to one child process (tinypool, as the document
 * reader's), and the arrays it makes come back. A process, not a worker thread: a thread that runs
 * out of heap can make V8 abort the whole bot; a folder too large for the machine now fails its
 * build and the bot goes on with the index it has. Small inputs are made in place, which spares a
 * process's start for the common small build and for tests.
 */
import type { Tinypool } from "tinypool";
import { childEnded, childProcessPool } from "../processes.js";
import { FuzzyVocabulary } from "./fuzzy.js";
import { lexiconFrom, lexiconOfArrays, lexiconWork, type Lexicon, type LexiconInput, type WireLexiconInput } from "./lexicon.js";
import type { FuzzyOfTerms } from "./lexicon-worker.js";
import { SortedStrings } from "./sorted-strings.js";

/**
 * Inputs up to this much work (characters analysed, postings and vocabulary bytes carried) are
 * made in place: made-up words, the costliest text, take about 1.3 ms per 1,000 here.
 */
export const IN_PLACE_UP_TO = 50_000;
/** A finished worker is kept this long for the next build (a scoped search often follows a build). */
const IDLE_MS = 10_000;

/** One worker process at most: builds are one at a time (the build lock), and the bot keeps the other core. */
let pool: Tinypool | undefined;
/** How to fail each task that waits for the worker. */
const waiting = new Set<(error: unknown) => void>();

/** Runs one of the worker's functions (see lexicon-worker.ts). */
function inWorker<T>(name: "lexicon" | "fuzzy", input: unknown): Promise<T> {
  if (!pool) {
    pool = childProcessPool({
      filename: new URL("./lexicon-worker.ts", import.meta.url),
      // The worker loads its file by this export's name when it starts: there is no default one.
      name: "lexicon",
      maxThreads: 1,
      idleTimeout: IDLE_MS,
      // A worker that cannot start (its file fails to load) fails no task by itself: the tasks
      // would wait for ever, and a build would hold its lock. Fail those that wait instead.
      onError: (error) => failAll(error),
    });
  }
  const running = pool;
  return new Promise<T>((resolve, reject) => {
    waiting.add(reject);
    (running.run(input, { name }) as Promise<T>)
      .then(resolve, (error: unknown) => {
        // A worker that died (out of memory, killed) is not replaced for the tasks queued behind
        // it (the pool keeps minThreads, 0 here): they would wait for ever. Fail them and start a
        // new pool for the next task.
        if (childEnded(error)) {
          if (pool === running) pool = undefined;
          failAll(error);
          void running.destroy().catch(() => {});
        }
        reject(error);
      })
      .finally(() => waiting.delete(reject));
  });
}

function failAll(error: unknown): void {
  for (const fail of waiting) fail(error);
  waiting.clear();
}

/** The lexicon of an input: in a worker when it is large, in place when it is small. */
export async function makeLexicon(input: LexiconInput, inPlaceUpTo = IN_PLACE_UP_TO): Promise<Lexicon> {
  if (lexiconWork(input) <= inPlaceUpTo) return lexiconFrom(input);
  const { carried, ...rest } = input;
  const wire: WireLexiconInput = { ...rest, ...(carried ? { carried: { index: carried.index.toArrays(), newDocOf: carried.newDocOf } } : {}) };
  // Not checked again: the worker made them with this code (checking 867,000 terms' order and
  // every posting held the event loop a quarter of a second).
  return lexiconOfArrays(await inWorker("lexicon", wire), false);
}

/** The trigram index of a vocabulary (Postgres keeps the postings; the bot keeps this): in a worker when it is large. */
export async function makeFuzzy(terms: readonly string[], inPlaceUpTo = IN_PLACE_UP_TO): Promise<FuzzyVocabulary> {
  let work = 0;
  for (const term of terms) work += term.length;
  if (work <= inPlaceUpTo) return FuzzyVocabulary.build(terms);
  const made = await inWorker<FuzzyOfTerms>("fuzzy", terms);
  return FuzzyVocabulary.fromArrays(SortedStrings.of(made.vocabBytes, made.vocabStarts, false), made.fuzzy, false);
}

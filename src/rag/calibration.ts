/**
 * What "close" means in this folder: how similar the nearest passage is, by embeddings, for
 * questions that are not about the folder at all. Measured once per build over random questions
 * made of a language's common words (the same lists as general-words.ts), and stored with the
 * index. A question whose nearest passage is no closer than that for half of such questions is not
 * answered from the folder, however many of its words the passages happen to share: the scale of
 * similarities differs from folder to folder and from model to model, so the bar is the folder's
 * own, not a number that fits one of them.
 */
import { slicer } from "../event-loop.js";
import { seededRandom } from "../random.js";
import { commonWords } from "./general-words.js";
import type { Lang } from "./text.js";

/** Stored with an index (its manifest). */
export interface Calibration {
  /** Bumped when the random questions or the statistic change: an index with another version is calibrated again. */
  readonly version: number;
  /** Random questions asked per language. */
  readonly questions: number;
  /** Per language with a list of common words: the median similarity of the nearest passage to a random question. */
  readonly denseMedian: Partial<Record<Lang, number>>;
}

export const CALIBRATION_VERSION = 1;
/** Random questions per language: enough for a stable median (its spread over seeds is about 0.005 here). */
const QUESTIONS = 100;
/** Common words used: past the few hundred that are function words, up to where they stop being everyday words. */
const FROM_RANK = 100;
const TO_RANK = 5000;
/** Content words in a random question, as many as a real question has. */
const MIN_WORDS = 4;
const MAX_WORDS = 7;
const LANGS = ["en", "de"] as const satisfies readonly Lang[];

/** Questions about nothing in particular: everyday words of the language, drawn at random (the same every time). */
export function randomQuestions(lang: Lang, count = QUESTIONS): string[] {
  const common = commonWords(lang);
  if (!common) return [];
  const words = [...common].filter(([, rank]) => rank >= FROM_RANK && rank < TO_RANK).map(([word]) => word);
  if (!words.length) return [];
  // Seeded: every build asks the same random questions.
  const next = seededRandom(lang === "en" ? 1 : 2);
  return Array.from({ length: count }, () => {
    const n = MIN_WORDS + Math.floor(next() * (MAX_WORDS - MIN_WORDS + 1));
    return `${Array.from({ length: n }, () => words[Math.floor(next() * words.length)]!).join(" ")}?`;
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Search breadth of the nearest-passage searches, at build and at load alike (the default HNSW_EF). */
export const CALIBRATION_EF = 256;
/** Random questions embedded at once (a remote embeddings API gets a few requests at a time, not 200 in a row). */
const EMBED_CONCURRENCY = 8;

/** The random questions of every language with a list, embedded as questions are. Done before a build's transaction. */
export async function embedRandomQuestions(embedQuery: (text: string) => Promise<number[]>): Promise<{ lang: Lang; vectors: number[][] }[]> {
  const out: { lang: Lang; vectors: number[][] }[] = [];
  // A local embedder computes on this thread: 200 questions are most of a second of it.
  const pause = slicer();
  for (const lang of LANGS) {
    const questions = randomQuestions(lang);
    if (!questions.length) continue;
    const vectors: number[][] = new Array(questions.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < questions.length; i = next++) {
        vectors[i] = await embedQuery(questions[i]!);
        await pause();
      }
    };
    await Promise.all(Array.from({ length: Math.min(EMBED_CONCURRENCY, questions.length) }, worker));
    out.push({ lang, vectors });
  }
  return out;
}

/**
 * Calibrates an index from its embedded random questions: `nearest` is the similarity of the
 * nearest passage to a vector (0 for an empty index), searched with CALIBRATION_EF.
 */
export async function calibrate(
  embedded: readonly { lang: Lang; vectors: readonly number[][] }[],
  nearest: (vector: number[]) => Promise<number>,
): Promise<Calibration> {
  const denseMedian: Partial<Record<Lang, number>> = {};
  const pause = slicer();
  for (const { lang, vectors } of embedded) {
    const similarities: number[] = [];
    for (const v of vectors) {
      similarities.push(await nearest(v));
      await pause();
    }
    denseMedian[lang] = Number(median(similarities).toFixed(4));
  }
  return { version: CALIBRATION_VERSION, questions: QUESTIONS, denseMedian };
}

/**
 * The bar a question in `lang` must reach, or undefined (no calibration). A question whose
 * language is not told apart ("dput?") or has no list of common words is held to the lowest bar.
 */
export function denseBar(calibration: Calibration | undefined, lang: Lang): number | undefined {
  if (!calibration || calibration.version !== CALIBRATION_VERSION) return undefined;
  const own = calibration.denseMedian[lang];
  if (own !== undefined) return own;
  const all = Object.values(calibration.denseMedian).filter((v): v is number => typeof v === "number");
  return all.length ? Math.min(...all) : undefined;
}

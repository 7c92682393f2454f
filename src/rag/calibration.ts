/**
 * What "close" means in this folder: how similar the nearest passage is, by embeddings, for
 * questions that are not about the folder at all. Measured once per build over random questions
 * made of a language's common words (the same lists as general-words.ts), and stored with the
 * index. A question whose nearest passage is no closer than that for half of such questions is not
 * answered from the folder, however many of its words the passages happen to share, and its
 * closest passages are no help; one no closer than for three quarters of them is not answered
 * either, but its closest passages are offered as such (where its nearest passage is in its own
 * language: see retrieve.ts). The scale of similarities differs from
 * folder to folder and from model to model, so the bars are the folder's own, ranks among its
 * random questions, not numbers that fit one of them.
 */
import { slicer } from "../event-loop.js";
import { seededRandom } from "../random.js";
import { commonWords } from "./general-words.js";
import { LANGS as ALL_LANGS, type Lang } from "./text.js";

/** Stored with an index (its manifest). */
export interface Calibration {
  /** Bumped when the random questions or the statistic change: an index with another version is calibrated again. */
  readonly version: number;
  /** Random questions asked per language. */
  readonly questions: number;
  /** Per language with a list of common words: the median similarity of the nearest passage to a random question. */
  readonly denseMedian: Partial<Record<Lang, number>>;
  /** …and its ANSWER_QUANTILE: the bar a question is answered above. */
  readonly denseAnswer: Partial<Record<Lang, number>>;
}

/** 3: asked also in the folder's own languages beyond English and German (version 2 asked in those two only). */
export const CALIBRATION_VERSION = 3;
/** Random questions per language: enough for a stable median and upper quartile (their spread over seeds is about 0.005 here). */
const QUESTIONS = 100;
/**
 * The share of random questions a question must come closer than to be answered. The median
 * alone (version 1) let general questions through whose words a folder happens to use in another
 * sense ("the population of Brazil" over a currency list, "the capital city of Australia" over an
 * accounting guide): over six folders with their own questions and 60 general ones, nine such were
 * answered between the median and the 0.8 quantile, and of the answerable questions answered all
 * but two (both answered wrongly) came closer than the 0.77 quantile of their folder's random ones.
 */
const ANSWER_QUANTILE = 0.75;
/** Common words used: past the few hundred that are function words, up to where they stop being everyday words. */
const FROM_RANK = 100;
const TO_RANK = 5000;
/** Content words in a random question, as many as a real question has. */
const MIN_WORDS = 4;
const MAX_WORDS = 7;
/**
 * Languages always asked in (those most questions come in), besides each language the folder's
 * documents are written in: a question's answer bar is the one of its own language, and holds
 * where its nearest passage is in that language (see retrieve.ts), so a language the folder does
 * not hold needs none. (Every language with a list, always, would be 14 × 100 questions embedded
 * at each build, and as many calls to a remote embeddings API.)
 */
const ALWAYS: readonly Lang[] = ["en", "de"];

/** The languages a folder whose documents are in `folder` is calibrated in: ALWAYS and those, each once, when there is a list of common words for it. */
export function calibratedLanguages(folder: Iterable<string>): Lang[] {
  const wanted = new Set<string>([...ALWAYS, ...folder]);
  return ALL_LANGS.filter((lang) => wanted.has(lang) && commonWords(lang) !== undefined);
}

/** Questions about nothing in particular: everyday words of the language, drawn at random (the same every time). */
export function randomQuestions(lang: Lang, count = QUESTIONS): string[] {
  const common = commonWords(lang);
  if (!common) return [];
  const words = [...common].filter(([, rank]) => rank >= FROM_RANK && rank < TO_RANK).map(([word]) => word);
  if (!words.length) return [];
  // Seeded: every build asks the same random questions.
  const next = seededRandom(ALL_LANGS.indexOf(lang) + 1);
  return Array.from({ length: count }, () => {
    const n = MIN_WORDS + Math.floor(next() * (MAX_WORDS - MIN_WORDS + 1));
    return `${Array.from({ length: n }, () => words[Math.floor(next() * words.length)]!).join(" ")}?`;
  });
}

/** The q-quantile of the finite values, interpolated between the two nearest ranks; undefined when there are none. */
function quantile(values: readonly number[], q: number): number | undefined {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

/** Search breadth of the nearest-passage searches, at build and at load alike (the default HNSW_EF). */
export const CALIBRATION_EF = 256;
/** Random questions embedded at once (a remote embeddings API gets a few requests at a time, not 200 in a row). */
const EMBED_CONCURRENCY = 8;

/** The random questions of each language the folder is calibrated in (its documents' languages, see `calibratedLanguages`), embedded as questions are. Done before a build's transaction. */
export async function embedRandomQuestions(embedQuery: (text: string) => Promise<number[]>, folderLanguages: Iterable<string>): Promise<{ lang: Lang; vectors: number[][] }[]> {
  const out: { lang: Lang; vectors: number[][] }[] = [];
  // A local embedder computes on this thread: 200 questions are most of a second of it.
  const pause = slicer();
  for (const lang of calibratedLanguages(folderLanguages)) {
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
  const denseAnswer: Partial<Record<Lang, number>> = {};
  const pause = slicer();
  for (const { lang, vectors } of embedded) {
    const similarities: number[] = [];
    for (const v of vectors) {
      similarities.push(await nearest(v));
      await pause();
    }
    const [median, answer] = [quantile(similarities, 0.5), quantile(similarities, ANSWER_QUANTILE)];
    if (median === undefined || answer === undefined) continue;
    denseMedian[lang] = Number(median.toFixed(4));
    denseAnswer[lang] = Number(answer.toFixed(4));
  }
  return { version: CALIBRATION_VERSION, questions: QUESTIONS, denseMedian, denseAnswer };
}

/** Whether a stored calibration is one this version reads (a manifest is read unchecked). */
export function isCurrentCalibration(calibration: Calibration | undefined): calibration is Calibration {
  // Per language a finite number; both bars for the same languages, each one this version asks in.
  const bars = (per: unknown): per is Record<string, number> =>
    typeof per === "object" && per !== null && !Array.isArray(per) && Object.entries(per).every(([lang, v]) => (ALL_LANGS as readonly string[]).includes(lang) && commonWords(lang as Lang) !== undefined && typeof v === "number" && Number.isFinite(v));
  if (calibration?.version !== CALIBRATION_VERSION || !bars(calibration.denseMedian) || !bars(calibration.denseAnswer)) return false;
  const langs = (per: Record<string, number>) => Object.keys(per).sort().join();
  return langs(calibration.denseMedian) === langs(calibration.denseAnswer);
}

/**
 * The bars a question in `lang` is held to, or undefined (no calibration): `chance`, below which
 * its closest passages are no help, and `answer`, below which it is not answered. A question whose
 * language is not told apart ("dput?") or has no list of common words is held to the lowest
 * `chance` bar, and to no `answer` bar: no random questions were asked in its language.
 */
export function denseBars(calibration: Calibration | undefined, lang: Lang): { chance: number; answer?: number } | undefined {
  if (!isCurrentCalibration(calibration)) return undefined;
  const all = Object.values(calibration.denseMedian).filter((v): v is number => typeof v === "number");
  const chance = calibration.denseMedian[lang] ?? (all.length ? Math.min(...all) : undefined);
  if (chance === undefined) return undefined;
  const answer = calibration.denseAnswer[lang];
  return answer === undefined ? { chance } : { chance, answer };
}

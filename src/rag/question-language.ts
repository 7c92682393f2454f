/**
 * The language of a question. Questions are short and full of names and commands, which the
 * character statistics that tell a document's language (tinyld, see documents/language.ts) read
 * as other languages: on 112 short questions of our own in 14 languages other than English and
 * German it was wrong on 25 ("Qui dirige la Sberbank ?" English, "Wie leidt Sberbank?" German),
 * and on 6 of the 199 English and German questions of the evaluation sets ("How do I create a
 * mirrored ZFS pool with zpool on Debian?" Czech). ELD (Nito-ELD, its smallest database) was
 * wrong on 1 and 0. Its database takes about 0.4 s and 85 MB to load, so it is loaded with the
 * first question (or by `loadQuestionLanguage` after start), not by every process that reads
 * documents.
 */
import { detectLang, type Lang } from "./text.js";

interface Detector {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
}

let loading: Promise<Detector> | undefined;

/** Loads the detector once; a failed load is tried again at the next question. */
export function loadQuestionLanguage(): Promise<Detector> {
  loading ??= import("eld/extrasmall").then(
    (m) => m.eld,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Letters a question needs before a guess in an unusual language is believed from it alone. */
const MIN_LETTERS = 12;
/** The asker's language is taken for an unclear question when the detector rates it at least this share of its best guess. */
const ASKER_CLOSE = 0.6;

export interface QuestionLanguage {
  /** ISO 639-1 ("en", "es", "ja", …), or undefined when nothing tells ("sudo", "API key" with no asker's language). */
  readonly spoken: string | undefined;
  /** English, German or another language: what retrieval tells passages apart by. */
  readonly lang: Lang;
}

/**
 * A question's language, among every language the detector knows. A reliable guess on enough
 * letters is taken. Otherwise (short or keyword questions are often unclear: "Sberbank CEO"):
 * English or German when either is among the two best guesses; else the asker's Telegram language
 * (`hint`) when the detector rates it close to its best; else a guess in a script of its own
 * ("Кто?"), else the asker's language, else English or German if either fits at all, else none.
 */
export async function questionLanguage(text: string, hint?: string): Promise<QuestionLanguage> {
  const spoken = await detect(text.slice(0, 600), hint);
  const lang: Lang = spoken === "en" || spoken === "de" ? spoken : spoken ? "other" : detectLang(text);
  return { spoken, lang };
}

async function detect(sample: string, hint?: string): Promise<string | undefined> {
  const result = (await loadQuestionLanguage()).detect(sample);
  const scores = Object.entries(result.getScores()).sort((a, b) => b[1] - a[1]);
  const best = result.language || undefined;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (best && result.isReliable() && letters >= MIN_LETTERS) return best;
  const main = scores.find(([l]) => l === "en" || l === "de")?.[0];
  if (main && scores.slice(0, 2).some(([l]) => l === main)) return main;
  const asker = hint?.toLowerCase().split(/[-_]/)[0] || undefined;
  const rated = asker && scores.find(([l]) => l === asker);
  if (rated && scores[0] && rated[1] >= ASKER_CLOSE * scores[0][1]) return asker;
  // A script of its own (Cyrillic, Japanese, Persian …) decides even a short question.
  if (best && letters > 0 && !/\p{Script=Latin}/u.test(sample)) return best;
  // Nothing clear: no guess is made; the caller's default (English) holds.
  return asker ?? main;
}

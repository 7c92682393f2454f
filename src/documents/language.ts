import { detect, detectAll } from "tinyld";

export type Lang = "en" | "de" | "other";

/** Constructed and classical languages the detector knows but nobody asks a support bot in. */
const NEVER_ASKED = new Set(["tlh", "vo", "jbo", "eo", "la", "ia", "io"]);
/** Letters a question needs before an unusual language is believed from it alone. */
const MIN_LETTERS = 12;

/**
 * The language of a question, among every language the detector knows (ISO 639-1: "en", "es",
 * "ja", …). A clear guess on enough letters is taken. Otherwise (short or keyword questions are
 * often unclear: "Sberbank CEO" scores Italian): English or German when either is among the two
 * best guesses; else the asker's Telegram language when the detector rates it close to its best;
 * else a clear guess on a short text (one script: "Кто?"), else the asker's language, else English
 * or German if either fits at all, else undefined.
 */
export function detectLanguage(text: string, hint?: string): string | undefined {
  const sample = text.slice(0, 600);
  const ranked = detectAll(sample).filter((r) => !NEVER_ASKED.has(r.lang));
  const best = ranked[0];
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (best && best.accuracy >= 0.5 && letters >= MIN_LETTERS) return best.lang;
  const main = detect(sample, { only: ["en", "de"] }) || undefined;
  if (main && ranked.slice(0, 2).some((r) => r.lang === "en" || r.lang === "de")) return main;
  const asker = hint?.toLowerCase().split(/[-_]/)[0] || undefined;
  const rated = asker && ranked.find((r) => r.lang === asker);
  if (rated && best && rated.accuracy >= 0.6 * best.accuracy) return asker;
  // One unambiguous script (Japanese, Russian, Persian …) decides even a short question.
  if (best && best.accuracy >= 0.5) return best.lang;
  // Nothing clear ("API key", "sudo"): no guess is made; the caller's default (English) holds.
  return asker ?? main;
}

/** Detects English or German; anything else (or too short to tell) is "other". */
export function detectLang(text: string): Lang {
  // A few sentences tell English from German; more only costs time.
  const sample = text.slice(0, 600);
  const lang = detect(sample, { only: ["en", "de"] });
  return lang === "en" || lang === "de" ? lang : "other";
}

import { detect, detectAll } from "tinyld";

export type Lang = "en" | "de" | "other";

/**
 * The language of a question, among every language the detector knows (ISO 639-1: "en", "es",
 * "ja", …). A short question is often unclear: then the asker's Telegram language wins when the
 * detector counts it among the likely ones, else English or German when either fits, else its
 * best guess; undefined when it has none.
 */
export function detectLanguage(text: string, hint?: string): string | undefined {
  const ranked = detectAll(text.slice(0, 600));
  const best = ranked[0];
  if (!best) return hint;
  if (best.accuracy >= 0.5) return best.lang;
  const asker = hint?.toLowerCase().split(/[-_]/)[0];
  if (asker && ranked.some((r) => r.lang === asker)) return asker;
  // An unclear guess ("Who leads Sberbank?" scores Italian close to English) is not trusted over
  // the languages most documents here are in: English or German, if either fits at all.
  const main = detect(text.slice(0, 600), { only: ["en", "de"] });
  return main || best.lang;
}

/** Detects English or German; anything else (or too short to tell) is "other". */
export function detectLang(text: string): Lang {
  // A few sentences tell English from German; more only costs time.
  const sample = text.slice(0, 600);
  const lang = detect(sample, { only: ["en", "de"] });
  return lang === "en" || lang === "de" ? lang : "other";
}

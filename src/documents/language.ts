import { detect } from "tinyld";

export type Lang = "en" | "de" | "other";

/** Detects English or German; anything else (or too short to tell) is "other". */
export function detectLang(text: string): Lang {
  // A few sentences tell English from German; more only costs time.
  const sample = text.slice(0, 600);
  const lang = detect(sample, { only: ["en", "de"] });
  return lang === "en" || lang === "de" ? lang : "other";
}

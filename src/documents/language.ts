import { detect } from "tinyld";

export type Lang = "en" | "de" | "other";

/** Detects English or German; anything else (or too short to tell) is "other". */
export function detectLang(text: string): Lang {
  // A few sentences tell English from German; more only costs time.
  const sample = text.slice(0, 600);
  const lang = detect(sample, { only: ["en", "de"] });
  return lang === "en" || lang === "de" ? lang : "other";
}

/** Characters read from each of a few places of a document to tell its language. */
const SAMPLE = 400;

/**
 * A document's language: the one it declares (an HTML page's `lang`) unless its text is clearly
 * the other of English and German, else that of its text read at a few places through it, not at
 * its start, which is often a title, a menu or a notice.
 */
export function documentLang(text: string, declared?: string): Lang {
  const at = [0.1, 0.4, 0.7].map((f) => Math.floor(text.length * f));
  const sample = text.length <= 3 * SAMPLE ? text : at.map((a) => text.slice(a, a + SAMPLE)).join("\n");
  if (!declared) return detectLang(sample);
  if (declared !== "en" && declared !== "de") return "other";
  // A site's template may declare one language on every page: text clearly in the other wins.
  return passageLang(sample, declared);
}

/**
 * Function words of English and German that the other language does not use ("in", "an", "will"
 * and "so" are both): prose in either language is full of them, lists of names and code have none.
 */
const FUNCTION_WORDS = {
  en: new Set("the of and to is that for it with as on be by this are or from not which can if you your they their there were has have been would should when what how".split(" ")),
  de: new Set("der die das und ist nicht ein eine einen zu den mit von für auf sich dem des im auch es wird werden sie kann oder wenn wie nur noch bei aus nach zum zur über unter dass sind einem einer".split(" ")),
} as const;
/** Function words of the other language a passage needs, and how many times its document's, to be in that language. */
const CLEAR_WORDS = 6;
const CLEAR_RATIO = 3;

/**
 * A passage's language: its document's, unless its own text is clearly the other of English and
 * German (a German page's untranslated English part, a reference table of English descriptions
 * in a translated manual), told by the function words of its prose. Code, lists of names and
 * short passages keep their document's.
 */
export function passageLang(text: string, documentLang: Lang): Lang {
  if (documentLang === "other") return documentLang;
  const other: Lang = documentLang === "en" ? "de" : "en";
  let own = 0;
  let theirs = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FUNCTION_WORDS[documentLang].has(word)) own++;
    else if (FUNCTION_WORDS[other].has(word)) theirs++;
  }
  return theirs >= CLEAR_WORDS && theirs >= CLEAR_RATIO * own ? other : documentLang;
}

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
  const plain = englishOrGerman(sample);
  if (plain) return plain;
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

/** A question's language among English, German and "other": as `detectLang`, but its function words decide first (see `englishOrGerman`). */
export function questionLang(text: string): Lang {
  return englishOrGerman(text.slice(0, 600)) ?? detectLang(text);
}

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
/**
 * Words that open or hold questions in one of English and German and not in the other ("was",
 * "man", "am" and "die" are English too), besides the function words above.
 */
const QUESTION_WORDS = {
  en: new Set("do does did i my me who why where much many about".split(" ")),
  de: new Set("ich mein meine meinem meinen meiner beim vom welche welcher welches welchen wer warum wo woher wofür womit wozu viele muss darf soll gibt ohne durch eines dieser diese".split(" ")),
} as const;
/** Function words a question needs of one of English and German, with none or a third as many of the other, for them to decide. */
const QUESTION_CLEAR = 2;
const QUESTION_RATIO = 3;

/**
 * English or German by a short text's function words ("How do I … with … on …", "Wie … ich … mit
 * dem …"), or undefined when they do not clearly say. The character statistics of the language
 * detector read a short question by its names and commands: "How do I create a mirrored ZFS pool
 * with zpool?" came out Czech, "Wie setze ich chemische Summenformeln wie H2SO4 mit dem Paket
 * mhchem?" Irish, "Wie viele Kindprozesse laufen beim worker-MPM höchstens gleichzeitig?"
 * English. Two function words of one language and a third as many of the other are rare in any
 * third language, so other languages still go to the detector.
 */
function englishOrGerman(text: string): "en" | "de" | undefined {
  let en = 0;
  let de = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FUNCTION_WORDS.en.has(word) || QUESTION_WORDS.en.has(word)) en++;
    else if (FUNCTION_WORDS.de.has(word) || QUESTION_WORDS.de.has(word)) de++;
  }
  if (en >= QUESTION_CLEAR && en >= QUESTION_RATIO * de) return "en";
  if (de >= QUESTION_CLEAR && de >= QUESTION_RATIO * en) return "de";
  return undefined;
}

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

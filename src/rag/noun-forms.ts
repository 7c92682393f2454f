/**
 * A noun in its other number than the question writes it, as a manual may write it: "Katzen" for
 * "Katze", "cani" for "cane", "perros" for "perro", "animais" for "animal"; in Czech, Polish and
 * the Scandinavian languages in its other case or definiteness too ("svatbu" / "svatba",
 * "handduken" / "handduk"). German and the
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
 * Languages whose nouns change their end for case or definiteness as well as number, by the ends
 * a word may have (folded, "" for none): Czech "svatba" is "svatbu" after "na", "svatby" in the
 * plural; Polish "opłata" / "opłatę" / "opłaty"; Swedish "handduk" / "handduken" / "handdukar".
 * Any end may stand for any other on the same stem, of STEM_MIN letters or more; only forms the
 * folder says count. Some are still other words that end alike (Czech "platí", applies, of "plat",
 * a salary; Danish "næsten" of "næste"): retrieve.ts takes a form far commoner than the question's
 * word for another word (COMMONER_FORM), which ranks but does not say it.
 */
const CASE_ENDINGS: Partial<Record<Lang, readonly string[]>> = {
  cs: ["", "a", "u", "y", "e", "i", "o", "ou", "em", "ach", "ami", "um", "ech", "ove", "ovi", "ich", "im", "ymi"],
  pl: ["", "a", "u", "y", "e", "i", "o", "ie", "em", "om", "ow", "ach", "ami", "ego", "emu", "ej"],
  sv: ["", "en", "et", "n", "t", "ar", "er", "or", "na", "arna", "erna", "orna", "s"],
  da: ["", "en", "et", "n", "t", "r", "er", "e", "ne", "ene", "erne", "s"],
  no: ["", "en", "et", "a", "n", "t", "r", "er", "e", "ne", "ene", "ane", "s"],
};
/** Letters a stem keeps without its case ending to be given other ends. */
const STEM_MIN = 4;

/**
 * The other forms of `term` (folded) by number in `lang`, singular to plural and back; by case
 * and definiteness too where the language marks them by the word's end (CASE_ENDINGS). German
 * forms only for a noun (`noun`: capitalised in the question): a verb's "-en" is no plural.
 */
export function nounNumberForms(term: string, lang: Lang | undefined, noun: boolean): string[] {
  const cases = lang ? CASE_ENDINGS[lang] : undefined;
  if (cases) return caseForms(term, cases);
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

/** The forms of `term` with each of `endings` in place of the one it has, on a stem of STEM_MIN letters or more. */
function caseForms(term: string, endings: readonly string[]): string[] {
  if (!/^\p{Ll}+$/u.test(term)) return [];
  const out = new Set<string>();
  for (const own of endings) {
    if (!term.endsWith(own) || term.length - own.length < STEM_MIN) continue;
    const stem = term.slice(0, term.length - own.length);
    for (const other of endings) out.add(`${stem}${other}`);
  }
  out.delete(term);
  return [...out];
}

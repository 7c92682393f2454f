/**
 * Whether a word is a word of the language at all: English from the ~275,000 words (inflected
 * forms included) of the `an-array-of-english-words` package (SCOWL, MIT). A lower-case word of
 * an English question that is in no dictionary, nor among the folder's words, names a tool or a
 * thing ("zpool", "kubeadm", "nginx"): the folder, which never says it, does not answer about
 * it. The list is read once (about 0.4 s and 28 MB: `main.ts` reads it after start-up). Other
 * languages have no such list here (a German one is GPL-licensed; without inflection
 * rules a list misses most verb forms), so the check is English only.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { fold, type Lang } from "./text.js";

let english: ReadonlySet<string> | null | undefined;

function load(): ReadonlySet<string> | null {
  try {
    const file = createRequire(import.meta.url).resolve("an-array-of-english-words/index.json");
    const words = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    if (!Array.isArray(words)) return null;
    return new Set(words.filter((w): w is string => typeof w === "string").map((w) => fold(w)));
  } catch {
    return null;
  }
}

/** The language's dictionary (folded words), or undefined when there is none for it. */
export function dictionary(lang: Lang): ReadonlySet<string> | undefined {
  if (lang !== "en") return undefined;
  if (english === undefined) english = load();
  return english ?? undefined;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/** No word of the list is longer (its longest has 28 letters): a longer one is no word, and is not searched for slips. */
const LONGEST = 30;
/** Letters a word has at least for two typing slips to be forgiven ("neccesary", "tommorow"); shorter words with two slips are other words. */
const TWO_SLIPS_MIN = 8;
/** …and at most: the candidates grow with the square of the length. */
const TWO_SLIPS_MAX = 11;
/** Letters of a dictionary word that a longer word may start with and still be its derivation ("customizable", "tokenizer"). */
const STEM_MIN = 5;
/** Letters each part of a closed compound has at least ("pop" + "up", "file" + "system"). */
const PART_MIN = 2;

/** The words one typing slip from `word` (a letter left out, added, changed, or two swapped), keeping its first letter. */
function* slips(word: string): Generator<string> {
  const head = word[0]!;
  const rest = word.slice(1);
  for (let i = 0; i <= rest.length; i++) {
    const before = rest.slice(0, i);
    const after = rest.slice(i);
    if (after) yield head + before + after.slice(1);
    if (after.length > 1) yield head + before + after[1] + after[0] + after.slice(2);
    for (const c of LETTERS) {
      if (after && c !== after[0]) yield head + before + c + after.slice(1);
      yield head + before + c + after;
    }
  }
}

/**
 * Whether `word` is in the dictionary or one typing slip from a word in it: a misspelt word
 * ("craete", "stroage") is still the word meant. Slips in the first letter are left out: typists
 * rarely make them, and "zpool" less its "z" is "pool".
 */
export function nearDictionaryWord(word: string, words: ReadonlySet<string>): boolean {
  if (words.has(word)) return true;
  for (const w of slips(word)) if (words.has(w)) return true;
  return false;
}

/**
 * Whether `word` is a word of the dictionary as typed or as meant: with one typing slip (two in a
 * long word: "neccesary", "recieveing"), with a letter held down ("pleeease", "thanksss"), as a
 * derivation of a word of STEM_MIN letters or more that makes up at least half of it
 * ("customizable", "tokenizer"), or written as one word of two ("filesystem", "timezone",
 * "subfolder", "popup": technical English closes compounds that a dictionary lists apart).
 */
export function isDictionaryWord(word: string, words: ReadonlySet<string>): boolean {
  if (word.length > LONGEST) return false;
  const held = /(.)\1\1/.test(word) ? [word.replace(/(.)\1{2,}/g, "$1"), word.replace(/(.)\1{2,}/g, "$1$1")] : [];
  return [word, ...held].some((w) => asMeant(w, words));
}

function asMeant(word: string, words: ReadonlySet<string>): boolean {
  if (nearDictionaryWord(word, words)) return true;
  for (let i = PART_MIN; i <= word.length - PART_MIN; i++) if (words.has(word.slice(0, i)) && words.has(word.slice(i))) return true;
  for (let i = Math.max(STEM_MIN, Math.ceil(word.length / 2)); i < word.length; i++) if (words.has(word.slice(0, i))) return true;
  if (word.length >= TWO_SLIPS_MIN && word.length <= TWO_SLIPS_MAX) for (const w of slips(word)) if (nearDictionaryWord(w, words)) return true;
  return false;
}

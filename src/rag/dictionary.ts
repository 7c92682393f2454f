/**
 * Whether a word is a word of the language at all: English from the ~275,000 words (inflected
 * forms included) of the `an-array-of-english-words` package (SCOWL, MIT). A lower-case word of
 * an English question that is in no dictionary, nor among the folder's words, names a tool or a
 * thing ("zpool", "kubeadm", "debcargo"): the folder, which never says it, does not answer about
 * it. The list is read on the first English question (about 0.4 s and 28 MB, once). Other
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

/**
 * Whether `word` is in the dictionary or one typing slip from a word in it (a letter left out,
 * added, changed, or two swapped), keeping its first letter: a misspelt word ("recieve",
 * "confgure") is still the word meant. Slips in the first letter are left out: typists rarely
 * make them, and "zpool" less its "z" is "pool".
 */
export function nearDictionaryWord(word: string, words: ReadonlySet<string>): boolean {
  if (words.has(word)) return true;
  const head = word[0]!;
  const rest = word.slice(1);
  for (let i = 0; i <= rest.length; i++) {
    const before = rest.slice(0, i);
    const after = rest.slice(i);
    if (after && words.has(head + before + after.slice(1))) return true;
    if (after.length > 1 && words.has(head + before + after[1] + after[0] + after.slice(2))) return true;
    for (const c of LETTERS) {
      if (after && c !== after[0] && words.has(head + before + c + after.slice(1))) return true;
      if (words.has(head + before + c + after)) return true;
    }
  }
  return false;
}

/** Letters each part of a closed compound has at least ("pop" + "up", "file" + "system"). */
const PART_MIN = 2;

/**
 * Whether `word` is a word of the dictionary as typed, with one slip, or written as one word of
 * two ("filesystem", "timezone", "subfolder", "popup": technical English closes compounds that a
 * dictionary lists apart).
 */
export function isDictionaryWord(word: string, words: ReadonlySet<string>): boolean {
  if (nearDictionaryWord(word, words)) return true;
  for (let i = PART_MIN; i <= word.length - PART_MIN; i++) if (words.has(word.slice(0, i)) && words.has(word.slice(i))) return true;
  return false;
}


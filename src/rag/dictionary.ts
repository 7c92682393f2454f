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
/** …and at most. */
const TWO_SLIPS_MAX = 14;
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
function nearDictionaryWord(word: string, words: ReadonlySet<string>): boolean {
  if (words.has(word)) return true;
  for (const w of slips(word)) if (words.has(w)) return true;
  return false;
}

/**
 * The word one typing slip from `word` (see `slips`) that `known` knows, if one does: "machine"
 * for "mashine". Words shorter than TYPO_MIN letters are left out: one slip from a short word is
 * as often another word ("cat", "car").
 */
export function slipOf(word: string, known: (candidate: string) => boolean): string | undefined {
  if (word.length < TYPO_MIN || word.length > LONGEST) return undefined;
  for (const w of slips(word)) if (w !== word && known(w)) return w;
  return undefined;
}
/** Letters a word has at least for `slipOf`. */
const TYPO_MIN = 5;

/** Prefixes English closes up with any word ("multiselect", "nonblocking", "autosave", "unmount"). */
const PREFIXES = ["anti", "auto", "co", "de", "inter", "mis", "multi", "non", "out", "over", "post", "pre", "re", "self", "semi", "sub", "super", "un", "under"];
/** A contraction's ending with its apostrophe left out ("youll", "mustnt", "theyre", "youve"). */
const CONTRACTIONS = ["ll", "nt", "re", "ve", "d", "s", "m", "t"];

interface MeantOptions {
  /** A part of a closed compound may be a word of the folder's too ("synologydrive" where it says "Synology Drive"). */
  readonly alsoKnown?: (part: string) => boolean;
  /** Whether to look for two typing slips as well: milliseconds (compared with the dictionary's words of its first letter and about its length), so callers ration it. */
  readonly twoSlips?: boolean;
}

/**
 * Whether `word` is a word of the dictionary as typed or as meant: with one typing slip (two in a
 * word of TWO_SLIPS_MIN to TWO_SLIPS_MAX letters when `twoSlips`: "neccesary", "recieveing"),
 * with a letter held down ("pleeeeease", "thanksss"), as a derivation of a word of STEM_MIN
 * letters or more that makes up at least half of it ("customizable", "tokenizer"), with a prefix
 * ("multiselect"), as a contraction without its apostrophe ("youll"), or written as one word of
 * two ("filesystem", "timezone", "subfolder", "popup": technical English closes compounds that a
 * dictionary lists apart; a part may be the folder's word, `alsoKnown`).
 */
export function isDictionaryWord(word: string, words: ReadonlySet<string>, options: MeantOptions = {}): boolean {
  if (word.length > LONGEST) return false;
  // A held-down letter first: "pleeeeease" is "please", and its slips need not be searched.
  const forms = /(.)\1\1/.test(word) ? [word.replace(/(.)\1{2,}/g, "$1"), word.replace(/(.)\1{2,}/g, "$1$1"), word] : [word];
  if (forms.some((w) => asMeant(w, words, options.alsoKnown))) return true;
  const w = forms[0]!;
  if (!options.twoSlips || w.length < TWO_SLIPS_MIN || w.length > TWO_SLIPS_MAX) return false;
  for (let length = w.length - 2; length <= w.length + 2; length++) {
    for (const candidate of bucket(words, w[0]!, length)) if (withinTwoSlips(w, candidate)) return true;
  }
  return false;
}

/** Dictionary words by first letter and length, built once per list: the candidates for two slips. */
const buckets = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();
function bucket(words: ReadonlySet<string>, first: string, length: number): readonly string[] {
  let byKey = buckets.get(words);
  if (!byKey) {
    byKey = new Map();
    for (const word of words) {
      const key = `${word[0]}${word.length}`;
      const list = byKey.get(key);
      if (list) list.push(word);
      else byKey.set(key, [word]);
    }
    buckets.set(words, byKey);
  }
  return byKey.get(`${first}${length}`) ?? [];
}

/** Whether two words are at most two slips apart (optimal string alignment distance, stopped once a row exceeds 2). */
function withinTwoSlips(a: string, b: string): boolean {
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > 2) return false;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]! <= 2;
}

function asMeant(word: string, words: ReadonlySet<string>, alsoKnown: (part: string) => boolean = () => false): boolean {
  if (nearDictionaryWord(word, words)) return true;
  const part = (p: string) => words.has(p) || alsoKnown(p);
  for (let i = PART_MIN; i <= word.length - PART_MIN; i++) if (part(word.slice(0, i)) && part(word.slice(i))) return true;
  for (let i = Math.max(STEM_MIN, Math.ceil(word.length / 2)); i < word.length; i++) if (words.has(word.slice(0, i))) return true;
  if (PREFIXES.some((p) => word.startsWith(p) && word.length - p.length >= 3 && nearDictionaryWord(word.slice(p.length), words))) return true;
  return CONTRACTIONS.some((c) => word.endsWith(c) && words.has(word.slice(0, -c.length)));
}

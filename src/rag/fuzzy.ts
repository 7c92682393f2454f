import { SortedStrings } from "./sorted-strings.js";

/**
 * Trigrams of a word by code point, with boundary markers ("bank" -> "<ba", "ban", "ank", "nk>"):
 * a letter outside the Basic Multilingual Plane (Adlam, rare Chinese characters) stays whole,
 * where slicing UTF-16 units would cut it in two and make a gram no file can store.
 */
function trigrams(word: string): string[] {
  const chars = Array.from(`<${word}>`);
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  return out;
}

/** The numbers in a word, in order ("raid6" -> "6", "ext4" -> "4", "ipv6" -> "6"; "raid" -> ""). */
const numbersIn = (word: string) => word.replace(/\D+/g, " ").trim();

/**
 * Two words that both carry a number and differ in it name different things, however alike they
 * are spelled: "raid1" is not "raid6", "ext3" not "ext4", "python2" not "python3".
 */
function differentNumbers(a: string, b: string): boolean {
  const x = numbersIn(a);
  const y = numbersIn(b);
  return x !== "" && y !== "" && x !== y;
}

/** Similarity of two words by their character trigrams (0..1). */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return differentNumbers(a, b) ? 0 : dice(new Set(trigrams(a)), new Set(trigrams(b)));
}

/** A trigram of three UTF-16 units at `at` as one number (exact: 48 bits). */
const gramKey = (text: string, at: number) => (text.charCodeAt(at) * 65536 + text.charCodeAt(at + 1)) * 65536 + text.charCodeAt(at + 2);
/** Whether a text has a letter outside the Basic Multilingual Plane (two UTF-16 units). */
const hasSurrogate = (text: string) => /[\uD800-\uDFFF]/.test(text);

/**
 * The Dice coefficient of a term's trigrams (`keys`: those of its trigrams within the Basic
 * Multilingual Plane as numbers, `size`: how many distinct trigrams it has) and a word's, where the
 * word has no letter outside that plane. `similar` compares every candidate it reads this way, up
 * to 10,000 per question word: with a set of strings made per candidate, a crafted question's 32
 * lookups took half a second; with numbers, about a third as long. The same figure as `dice` of
 * the two sets, or 0 as soon as the word has more than three times the term's distinct trigrams:
 * then even all of the term's shared would make less than MIN_SIMILARITY (2a / (a + b) < 0.5 for
 * b > 3a). (Read to its end, a planted file of 800-letter words made each comparison a long scan,
 * and with a list of the trigrams seen, a quadratic one: one question held the bot for 45 s.)
 */
function diceWithKeys(keys: ReadonlySet<number>, size: number, word: string): number {
  const marked = `<${word}>`;
  const most = 3 * size;
  let shared = 0;
  let count = 0;
  if (size <= SMALL_TERM_GRAMS) {
    // (A short list is scanned faster than a set is made, for each of the 10,000 candidates: a set
    // made the lookups of ordinary words 40% slower. The list is at most 3 × size long.)
    const seen: number[] = [];
    for (let i = 0; i + 3 <= marked.length; i++) {
      const key = gramKey(marked, i);
      if (seen.includes(key)) continue;
      if (seen.push(key) > most) return 0;
      if (keys.has(key)) shared++;
    }
    count = seen.length;
  } else {
    const seen = new Set<number>();
    for (let i = 0; i + 3 <= marked.length; i++) {
      const key = gramKey(marked, i);
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > most) return 0;
      if (keys.has(key)) shared++;
    }
    count = seen.size;
  }
  return size && count ? (2 * shared) / (size + count) : 0;
}

/** Trigrams a term has at most for a candidate's trigrams seen to be kept in a list (see `diceWithKeys`). */
const SMALL_TERM_GRAMS = 32;

/** Dice coefficient of two sets of character trigrams. */
function dice(set: ReadonlySet<string>, other: ReadonlySet<string>): number {
  if (!set.size || !other.size) return 0;
  let shared = 0;
  for (const g of other) if (set.has(g)) shared++;
  return (2 * shared) / (set.size + other.size);
}

/** Words shorter than this are not matched by spelling: too many short words look alike. */
const MIN_LENGTH = 4;
const MIN_SIMILARITY = 0.5;
/** How many times longer than a term a word spelled like it may be (see `similar`). */
const LONGER_AT_MOST = 4;
/** Trigram list entries read at most to find one term's neighbours (see `similar`). */
const MAX_POSTINGS = 10_000;
/** Letters a compound has in front of its last part at least ("zahlungs|frist", "log|datei"). */
export const HEAD_REST = 3;

/** The arrays a trigram index is made of: what a build writes and a start reads. */
export interface FuzzyArrays {
  readonly gramBytes: Uint8Array;
  readonly gramStarts: Uint32Array;
  /** Where each trigram's terms start in `gramTerms`; entry G is the end. */
  readonly gramTermStarts: Uint32Array;
  /** Vocabulary numbers of the terms that have the trigram. */
  readonly gramTerms: Uint32Array;
}

/**
 * Finds the vocabulary terms spelled like a given term (trigram Dice >= 0.5): "interested" ~
 * "interessiert", "digitalen" ~ "digital". It is what lets lexical matching cross between
 * languages for cognates and inflections. The trigram index is flat arrays over a SortedStrings
 * vocabulary (terms by number), written with the build like the BM25 postings.
 */
export class FuzzyVocabulary {
  private readonly grams: SortedStrings;

  private constructor(
    /** The vocabulary, sorted: terms are numbered by it. */
    readonly vocabulary: SortedStrings,
    private readonly arrays: FuzzyArrays,
    checked = true,
  ) {
    this.grams = SortedStrings.of(arrays.gramBytes, arrays.gramStarts, checked);
  }

  /** The trigram index of a vocabulary (words of at least 4 letters). */
  static build(vocabulary: SortedStrings | Iterable<string>): FuzzyVocabulary {
    const vocab = vocabulary instanceof SortedStrings ? vocabulary : SortedStrings.from(vocabulary);
    const byGram = new Map<string, number[]>();
    for (let id = 0; id < vocab.size; id++) {
      const term = vocab.get(id);
      if (term.length < MIN_LENGTH) continue;
      for (const g of new Set(trigrams(term))) {
        let list = byGram.get(g);
        if (!list) byGram.set(g, (list = []));
        list.push(id);
      }
    }
    const grams = SortedStrings.from(byGram.keys());
    const gramTermStarts = new Uint32Array(grams.size + 1);
    let total = 0;
    const lists: number[][] = [];
    for (let g = 0; g < grams.size; g++) {
      const list = byGram.get(grams.get(g))!;
      lists.push(list);
      gramTermStarts[g] = total;
      total += list.length;
    }
    gramTermStarts[grams.size] = total;
    const gramTerms = new Uint32Array(total);
    lists.forEach((list, g) => gramTerms.set(list, gramTermStarts[g]!));
    return new FuzzyVocabulary(vocab, { gramBytes: grams.bytes, gramStarts: grams.starts, gramTermStarts, gramTerms });
  }

  /** The index from arrays read back from a file, over its vocabulary; checked (unless `checked` is false: arrays this program has just made). */
  static fromArrays(vocab: SortedStrings, arrays: FuzzyArrays, checked = true): FuzzyVocabulary {
    if (!checked) return new FuzzyVocabulary(vocab, arrays, false);
    const { gramTermStarts: s, gramTerms } = arrays;
    const g = arrays.gramStarts.length - 1;
    if (s.length !== g + 1 || s[0] !== 0 || s[g] !== gramTerms.length) throw new Error("trigram arrays do not fit together");
    for (let i = 0; i < g; i++) if (s[i + 1]! < s[i]!) throw new Error("trigram lists out of order");
    for (const id of gramTerms) if (id >= vocab.size) throw new Error("trigram list names a term that does not exist");
    return new FuzzyVocabulary(vocab, arrays);
  }

  toArrays(): FuzzyArrays {
    return this.arrays;
  }

  /**
   * Vocabulary terms that end in a term and are at least `HEAD_REST` letters longer: the closed
   * compounds whose last part it is ("zahlungsfrist", "wechselkurs" for "frist", "kurs"). Read
   * off the rarest of the term's trigrams (the one that opens the word aside), so a common ending
   * costs one list, not the vocabulary; at most MAX_POSTINGS entries of it, as in `similar` (a
   * folder planted with 600,000 words sharing two trigrams of a question's words held the bot's
   * thread for 3.6 s per German question, each word reading the whole list).
   */
  endingIn(term: string, limit = 200): string[] {
    if (term.length < MIN_LENGTH) return [];
    const { gramTermStarts, gramTerms } = this.arrays;
    let best: [number, number] | undefined;
    for (const g of new Set(trigrams(term).slice(1))) {
      const at = this.grams.indexOf(g);
      if (at < 0) return [];
      const size = gramTermStarts[at + 1]! - gramTermStarts[at]!;
      if (!best || size < best[1] - best[0]) best = [gramTermStarts[at]!, gramTermStarts[at + 1]!];
    }
    const out: string[] = [];
    const start = best?.[0] ?? 0;
    for (let p = start, end = Math.min(best?.[1] ?? 0, start + MAX_POSTINGS); p < end && out.length < limit; p++) {
      const t = this.vocabulary.get(gramTerms[p]!);
      if (t.length >= term.length + HEAD_REST && t.endsWith(term)) out.push(t);
    }
    return out;
  }

  /** Vocabulary terms that start with a term and are longer ("macos" for "mac"), in order, at most `limit`. */
  startingWith(term: string, limit = 20): string[] {
    const out: string[] = [];
    for (let i = this.vocabulary.firstNotBefore(term); i < this.vocabulary.size && out.length < limit; i++) {
      const t = this.vocabulary.get(i);
      if (!t.startsWith(term)) break;
      if (t !== term) out.push(t);
    }
    return out;
  }

  /**
   * Similar vocabulary terms with their similarity, best first (the term itself excluded).
   * A term at least MIN_SIMILARITY alike shares at least `need` of the term's trigrams, so it is
   * on one of the term's `n - need + 1` shortest trigram lists (n: its trigrams): only those are
   * read, and each term on them is compared in full (prefix filtering, exact). At most
   * MAX_POSTINGS entries are read per term: a folder whose words share a long beginning (a planted
   * file of 270,000 "password…" words) made every question read every list whole, for seconds, on
   * the bot's one thread; past the budget the neighbours found so far are the answer.
   */
  similar(term: string, limit = 5): { term: string; similarity: number }[] {
    if (term.length < MIN_LENGTH || limit <= 0) return [];
    const asked = new Set(trigrams(term));
    // (A trigram with a letter outside the plane has no key and equals no trigram of a word without one.)
    const keys = new Set([...asked].filter((g) => !hasSurrogate(g)).map((g) => gramKey(g, 0)));
    const { gramTermStarts, gramTerms } = this.arrays;
    const lists = [...asked]
      .map((g) => this.grams.indexOf(g))
      .map((at): [number, number] => (at < 0 ? [0, 0] : [gramTermStarts[at]!, gramTermStarts[at + 1]!]))
      .sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
    const need = Math.ceil((MIN_SIMILARITY * asked.size) / (2 - MIN_SIMILARITY));
    const best: { term: string; similarity: number }[] = [];
    const before = (a: { term: string; similarity: number }, b: { term: string; similarity: number }) => b.similarity - a.similarity || a.term.localeCompare(b.term);
    const seen = new Set<number>();
    let read = 0;
    for (const [start, end] of lists.slice(0, Math.max(0, asked.size - need + 1))) {
      for (let p = start; p < end && read < MAX_POSTINGS; p++, read++) {
        const id = gramTerms[p]!;
        if (seen.has(id)) continue;
        seen.add(id);
        const t = this.vocabulary.get(id);
        // (Nor a word many times longer, which no slip of the term's makes: one of a thousand
        // letters that repeats a few, "abab…", has few trigrams, and was read whole.)
        if (t === term || t.length > LONGER_AT_MOST * term.length + MIN_LENGTH || differentNumbers(t, term)) continue;
        const similarity = hasSurrogate(t) ? dice(asked, new Set(trigrams(t))) : diceWithKeys(keys, asked.size, t);
        if (similarity < MIN_SIMILARITY) continue;
        const found = { term: t, similarity };
        if (best.length === limit && before(found, best[limit - 1]!) >= 0) continue;
        // Kept in order, at most `limit`: a full sort of every match was most of the cost.
        let at = best.length;
        while (at > 0 && before(found, best[at - 1]!) < 0) at--;
        best.splice(at, 0, found);
        if (best.length > limit) best.pop();
      }
    }
    return best;
  }
}

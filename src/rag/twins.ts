/**
 * The same text in two documents of a folder: a manual shipped both as HTML pages and as a PDF, a
 * page saved twice ("index.html" and "index.en.html"), a file and its copy. Their passages are
 * cut at different places (a PDF's pages, an HTML page's sections) and written a little
 * differently (hyphenation at line ends, ligatures, spaces around marks), so they are compared
 * by their run of words, not character for character.
 *
 * Written here because what is needed is narrow: whether two passages, already retrieved, say
 * the same run of words (near-duplicate detection libraries index a whole corpus by MinHash, for
 * a question with a few dozen candidates that is more machinery than the comparison itself).
 */
import { fold, words } from "./text.js";

/** Words in a row that make one shingle: three- and four-word phrases recur across any manual ("for more information"); five rarely do by chance. */
const SHINGLE = 5;
/**
 * The share of the smaller passage's shingles the other must have to say the same text. The two
 * copies' passages are cut at different places, so a twin holds only part of its copy's
 * passage: half of it when one is cut in the other's middle.
 */
const TWIN_SHARE = 0.4;
/** Shingles a passage has at least for the comparison to mean anything (a heading alone is no text to share). */
const MIN_SHINGLES = 8;

/** A passage's five-word phrases, as one string each. */
export function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(" "));
  return out;
}

/** Whether two passages (as `shingles`) say largely the same text. */
export function sameText(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < MIN_SHINGLES) return false;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared >= TWIN_SHARE * small.size;
}

/**
 * Letters and digits only, folded, remembering where each came from: "pack-\nage" and "package",
 * "ﬁle" and "file", "the .LCK files" and "the.LCK files" read alike.
 */
function lettersWithMap(text: string): { letters: string; map: number[] } {
  let letters = "";
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (/[\p{L}\p{N}]/u.test(ch)) {
      for (const f of fold(ch)) {
        if (/[\p{L}\p{N}]/u.test(f)) {
          letters += f;
          map.push(i);
        }
      }
    }
    i += ch.length;
  }
  return { letters, map };
}

/** A text's letters and digits only, folded: two copies of one text read alike (see `lettersWithMap`). */
export function lettersOf(text: string): string {
  return lettersWithMap(text).letters;
}

/** Letters a quote has at least to be looked for in a twin: a short one ("Yes.") occurs anywhere. */
const MIN_LETTERS = 30;

/**
 * Where a quote of one copy stands in the other copy's passage, as that passage writes it (its
 * exact text and offsets in its document); undefined when the passage does not say it all.
 */
export function locateInTwin(quote: string, twin: { text: string; start: number }): { quote: string; start: number; end: number } | undefined {
  const wanted = lettersWithMap(quote).letters;
  if (wanted.length < MIN_LETTERS) return undefined;
  const { letters, map } = lettersWithMap(twin.text);
  const at = letters.indexOf(wanted);
  if (at < 0) return undefined;
  const from = map[at]!;
  const last = map[at + wanted.length - 1]!;
  const to = last + String.fromCodePoint(twin.text.codePointAt(last)!).length;
  return { quote: twin.text.slice(from, to), start: twin.start + from, end: twin.start + to };
}

/**
 * A ranked list with each passage's twins (the same text in another document, in the same
 * language) right after it, taken from `pool` (the ranked candidates beyond the list too), at
 * most `k` in all. Without this, a folder holding a manual as HTML and as PDF listed the PDF's
 * passage first and the HTML page's fourth, after the other language's copies: the reader saw one
 * file of the two that hold the answer, and a quote's second place went to the same text again.
 * A twin takes its original's score (it says the same), so the list stays in score order, and
 * names it (`twinOf`).
 */
export function withTwinsAdjacent<T extends { chunk: { id: string; source: string; lang: string; text: string }; rank: number }>(
  ranked: readonly T[],
  pool: readonly T[],
  k: number,
): (T & { twinOf?: string })[] {
  const shingled = new Map<string, Set<string>>();
  const of = (x: T) => {
    let s = shingled.get(x.chunk.id);
    if (!s) shingled.set(x.chunk.id, (s = shingles(x.chunk.text)));
    return s;
  };
  const out: (T & { twinOf?: string })[] = [];
  const placed = new Set<string>();
  for (const x of ranked) {
    if (out.length >= k) break;
    if (placed.has(x.chunk.id)) continue;
    out.push(x);
    placed.add(x.chunk.id);
    for (const y of pool) {
      if (out.length >= k) break;
      if (placed.has(y.chunk.id) || y.chunk.source === x.chunk.source || y.chunk.lang !== x.chunk.lang) continue;
      if (!sameText(of(x), of(y))) continue;
      out.push({ ...y, rank: Math.max(x.rank, y.rank), twinOf: x.chunk.id });
      placed.add(y.chunk.id);
    }
  }
  return out;
}

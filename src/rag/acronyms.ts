/**
 * Whether a text spells out an acronym: a run of its words whose first letters are the acronym's
 * letters, small linking words left out where they do not give a letter ("FIFO": "first-in,
 * first-out"; "GIL": "global interpreter lock"; "EAFP": "Easier to ask for forgiveness than
 * permission"), set apart as a name is: in brackets or quotes, on a line of its own, or followed by
 * the acronym in brackets. A run of first letters in running prose is chance ("Let's assume we
 * want" has "LAW"): any three capitals find one in a few passages. A question that says "FIFO"
 * where the folder writes it out asks about what the folder says. No library does this for a text
 * at hand (acronym lists name what some field calls so, not what this folder writes).
 */
import { fold } from "./text.js";

/** Linking words an expansion may hold without giving a letter (English and German). */
const LINKS = new Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "than", "the", "to", "with", "der", "die", "das", "des", "und", "fur", "von", "zu", "zum", "zur", "mit", "im"]);
/** Letters an acronym has at least and at most (shorter ones are initials of anything; longer ones are names). */
const MIN_LETTERS = 3;
const MAX_LETTERS = 6;
/** Linking words in a row an expansion may leave out ("to ask for forgiveness": one; "state of the art": two). */
const MAX_SKIPPED = 2;
/** Words a text is read to at most (a passage is about 200 words). */
const MAX_WORDS = 2000;
const OPENS = /(?:^|\n)[ \t]*$|[(“"'‘«„][ \t]*$/u;
const CLOSES = /^[ \t]*(?:$|\n|[)”"'’»“]|[.:,;](?:\s|$))/u;

/** Whether a word is written as an acronym: capitals only, MIN_LETTERS to MAX_LETTERS of them. */
export function isAcronym(word: string): boolean {
  return word.length >= MIN_LETTERS && word.length <= MAX_LETTERS && /^\p{Lu}+$/u.test(word);
}

/** Whether `text` spells `acronym` out as a name (see above); the acronym itself is no spelling of it. */
export function spellsOut(acronym: string, text: string): boolean {
  if (!isAcronym(acronym)) return false;
  const letters = acronym.toLowerCase();
  // Words with their offsets (text.ts `words` gives the words alone): what surrounds a run decides.
  const ws: { w: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (ws.length >= MAX_WORDS) break;
    ws.push({ w: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  // From word j with letter i to come: the word after the run's last, or -1. A word gives the
  // letter, or is a link left out. Each state is worked out once: a run of links that also give
  // letters ("x and and and …" for "XAAAAA") branches at every link.
  const known = new Map<number, number>();
  const from = (j: number, i: number, skipped: number): number => {
    if (i === letters.length) return j;
    if (j >= ws.length) return -1;
    const key = (j * (MAX_LETTERS + 1) + i) * (MAX_SKIPPED + 1) + skipped;
    const seen = known.get(key);
    if (seen !== undefined) return seen;
    const w = ws[j]!.w;
    let end = -1;
    // A link gives a letter only inside the run ("first-in, first-out"), never its first ("a web server" is no AWS).
    if (w[0] === letters[i] && w !== letters && (i > 0 || !LINKS.has(w))) end = from(j + 1, i + 1, 0);
    if (end < 0 && i > 0 && skipped < MAX_SKIPPED && LINKS.has(w)) end = from(j + 1, i, skipped + 1);
    known.set(key, end);
    return end;
  };
  const setApart = (first: number, last: number) => {
    const before = text.slice(Math.max(0, ws[first]!.start - 8), ws[first]!.start);
    const after = text.slice(ws[last]!.end, ws[last]!.end + 12);
    return (OPENS.test(before) && CLOSES.test(after)) || new RegExp(`^[ \\t]*\\([ \\t]*${acronym}[ \\t]*\\)`, "u").test(after);
  };
  for (let j = 0; j < ws.length; j++) {
    if (ws[j]!.w[0] !== letters[0]) continue;
    const end = from(j, 0, 0);
    if (end > 0 && setApart(j, end - 1)) return true;
  }
  return false;
}

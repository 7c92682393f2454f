/**
 * Versions of one document side by side in a folder ("policy-2019.md" and "policy-2024.md",
 * "Password policy (version 2019)" and "… (version 2024, supersedes all earlier versions)"):
 * a quote from the older one is not the whole answer while the newer one may say otherwise.
 * Told by name alone: two documents are versions of one when their paths and their titles are the
 * same but for numbers (and the words that label them), their paths' numbers differ, and a title
 * or path says it is a version ("version", "v2", "rev", "release", "edition", "Fassung", "Stand").
 * Chapters ("ch01.html" "Chapter 1"), lessons, invoices and a series of meetings ("2023-05-meeting.md",
 * "Team meeting 2023-05") are no versions of one another.
 * No library does this; the rule is small and plain.
 */

/** Words that say a document is a version of one. */
const SAYS_VERSION = /(?<![\p{L}])(?:v\d|version|rev\b|revision|release|edition|fassung|ausgabe|stand\b)/iu;

/** Words that label a number as a version, a revision or a date of issue. */
const VERSION_WORDS = /(?<![\p{L}\p{N}])(?:v|version|versions|rev|revision|edition|release|fassung|ausgabe|stand|vom|from|of)(?![\p{L}\p{N}])/giu;

function pathKey(source: string): string {
  return source.toLowerCase().replace(/\d+/g, "#").replace(/v#/g, "#");
}

function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
    .replace(/\d+/g, " ")
    .replace(VERSION_WORDS, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The numbers of a path or heading, in order ("policy-2019.md" -> [2019], "guide-v2.10.pdf" -> [2, 10]). */
function numbersIn(source: string): number[] {
  return [...source.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/**
 * Numbers in the order they compare: a date written day or month first ("15.01.2023",
 * "policy-12-2023") compares from its year.
 */
function comparable(numbers: readonly number[]): readonly number[] {
  const last = numbers.at(-1);
  return numbers.length > 1 && last !== undefined && last >= 1900 && last < 2100 && numbers.slice(0, -1).every((n) => n <= 31) ? [...numbers].reverse() : numbers;
}

/** Whether the numbers `b` come after `a`, compared in order. */
function later(a: readonly number[], b: readonly number[]): boolean {
  const x = comparable(a);
  const y = comparable(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return y[i]! > x[i]!;
  return false;
}

/** Whether `newer` is a later version of the same document as `older` (see above). */
export function isNewerVersion(older: { source: string; title: string }, newer: { source: string; title: string }): boolean {
  if (older.source === newer.source || pathKey(older.source) !== pathKey(newer.source)) return false;
  const key = titleKey(older.title);
  if (!key || key !== titleKey(newer.title)) return false;
  if (![older.title, older.source, newer.title, newer.source].some((name) => SAYS_VERSION.test(name))) return false;
  return later(numbersIn(older.source), numbersIn(newer.source));
}

/** Whether a question names one of the numbers of a document's path or a heading ("What did the 2019 policy say?", "… in version 2.0.0?"): then it asks for that version. */
export function namesVersion(question: string, name: string): boolean {
  const asked = new Set([...question.matchAll(/\d+/g)].map((m) => Number(m[0])));
  return numbersIn(name).some((n) => asked.has(n));
}

/** A number that reads as a version or a date: "2.4.0", "3.1", "v2", "2024", "2024-05-02". */
const VERSION_LIKE = /(?<![\p{L}\p{N}.])(?:v?\d+\.\d+(?:\.\d+)*|v\d+|(?:19|20)\d\d)(?![\p{L}\p{N}])/iu;

/**
 * Whether the heading `newer` is a later entry of the same list of versions as `older` within a
 * document: a changelog's or release notes' sections ("2.4.0 (2024-05-02)" after "2.0.0 …",
 * "Version 3.2" after "Version 3.1"). Both must name a version or a date, and say nothing else
 * apart from it and the words that label it: "Chapter 2" is no later version of "Chapter 1", nor
 * "3.1 Scope" of "2.1 Scope".
 */
export function isNewerHeading(older: string, newer: string): boolean {
  if (!VERSION_LIKE.test(older) || !VERSION_LIKE.test(newer) || titleKey(older) !== "" || titleKey(newer) !== "") return false;
  return later(numbersIn(older), numbersIn(newer));
}

/**
 * Versions of one document side by side in a folder ("policy-2019.md" and "policy-2024.md",
 * "Password policy (version 2019)" and "… (version 2024, supersedes all earlier versions)"):
 * a quote from the older one is not the whole answer while the newer one may say otherwise.
 * Told by name alone: two documents are versions of one when their paths and their titles are the
 * same but for numbers (and the words that label them), and their paths' numbers differ. Chapters
 * ("ch01.html", "ch02.html") have titles of their own, so they are no versions of one another.
 * No library does this; the rule is small and plain.
 */

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

/** The numbers of a path, in order ("policy-2019.md" -> [2019], "guide-v2.10.pdf" -> [2, 10]). */
function pathNumbers(source: string): number[] {
  return [...source.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/** Whether `newer` is a later version of the same document as `older` (see above). */
export function isNewerVersion(older: { source: string; title: string }, newer: { source: string; title: string }): boolean {
  if (older.source === newer.source || pathKey(older.source) !== pathKey(newer.source)) return false;
  const key = titleKey(older.title);
  if (!key || key !== titleKey(newer.title)) return false;
  const a = pathNumbers(older.source);
  const b = pathNumbers(newer.source);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return b[i]! > a[i]!;
  return false;
}

/** Whether a question names one of the numbers of a document's path or a heading ("What did the 2019 policy say?", "… in version 2.0.0?"): then it asks for that version. */
export function namesVersion(question: string, doc: { source: string }): boolean {
  const asked = new Set([...question.matchAll(/\d+/g)].map((m) => Number(m[0])));
  return pathNumbers(doc.source).some((n) => asked.has(n));
}

/** A number that reads as a version or a date: "2.4.0", "3.1", "v2", "2024", "2024-05-02". */
const VERSION_LIKE = /(?<![\p{L}\p{N}.])(?:v?\d+\.\d+(?:\.\d+)*|v\d+|(?:19|20)\d\d)(?![\p{L}\p{N}])/iu;

/**
 * Whether the heading `newer` is a later entry of the same list of versions as `older` within a
 * document: a changelog's or release notes' sections ("2.4.0 (2024-05-02)" after "2.0.0 …",
 * "Version 3.2" after "Version 3.1"). Both must name a version or a date, and say nothing else
 * apart from it: "Chapter 2" is no later version of "Chapter 1".
 */
export function isNewerHeading(older: string, newer: string): boolean {
  if (!VERSION_LIKE.test(older) || !VERSION_LIKE.test(newer) || titleKey(older) !== titleKey(newer)) return false;
  const a = [...older.matchAll(/\d+/g)].map((m) => Number(m[0]));
  const b = [...newer.matchAll(/\d+/g)].map((m) => Number(m[0]));
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return b[i]! > a[i]!;
  return false;
}

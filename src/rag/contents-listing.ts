/**
 * A contents listing: a contents page's numbered section titles ("8.6 Why is …", "11.10How can I
 * …"), as a generated table of contents, a FAQ's list of its questions or a PDF's contents pages
 * set them. It names sections; the sections say what they are about.
 */

/** A numbered section's title as a contents page lists it: "8.6 Why is …", "11.10How can I …". */
const CONTENTS_ENTRY = /(?<![\d.])\d{1,3}(?:\.\d{1,3})+\.?\s?\p{Lu}/gu;
/** Section titles in a window that make it a contents listing, not a passage that refers to a section. */
const CONTENTS_ENTRIES = 3;
/** The share of a listing's lines its entries make up at least (a PDF sets several on one line). */
const ENTRY_SHARE = 0.5;
/** An entry's number, before its title. */
const ENTRY_NUMBER = /(?<![\d.])\d{1,3}(?:\.\d{1,3})+\.?(?=\s?\p{Lu})/gu;
/** A chapter's number, opening its line (after a bullet) before its title ("• 4. Name Server Operations"). */
const CHAPTER_NUMBER = /^([ \t]*(?:[•◦▪‣●○■–*-][ \t]+)?)\d{1,3}\.(?=[ \t]+\p{Lu})/gmu;

/**
 * A contents listing: at least three numbered titles, numbered in order (8.6, 9.4, 11.8, 11.10),
 * that make up most of its lines (a section under numbered headings has its prose and steps between
 * them), defining nothing ("4.1 Watchdog: restarts a hung service" is a reference's entry), and no
 * sentence ended with a full stop (titles end in nothing or in "?"; a number that ends a sentence,
 * "The default timeout is 30.", ends it). Times, dates, release numbers and legal
 * references mostly come in sentences that end ("… ab 10.30 Uhr, … ab 14.00 Uhr.", "Ubuntu 20.04
 * LTS, 22.04 LTS and 24.04 LTS."), or out of order ("24.12., 31.12., 1.1."); a list of them in
 * order, one a line and without full stops (a timetable), is taken for one.
 */
export function isContentsListing(windowText: string): boolean {
  const found = windowText.match(CONTENTS_ENTRY) ?? [];
  if (found.length < CONTENTS_ENTRIES) return false;
  const lines = windowText.split("\n").filter((line) => line.trim()).length;
  if (found.length < ENTRY_SHARE * lines) return false;
  // Titles name, they do not define: "4.1 Watchdog: restarts a hung service" is a reference's entry.
  if (/:[ \t]+\p{Ll}/u.test(windowText)) return false;
  // The entries' own numbers ("8.6." before a title) are no sentence's end; any other full stop is.
  if (/[.!](?:\s|$)/.test(windowText.replace(ENTRY_NUMBER, "").replace(CHAPTER_NUMBER, "$1"))) return false;
  const numbers = found.map((m) => m.match(/\d+(?:\.\d+)*/)![0].split(".").map(Number));
  return numbers.every((n, i) => i === 0 || before(numbers[i - 1]!, n));
}

/** Whether section number `a` comes before `b` ("9.4" before "11.8", "11.9" before "11.10"). */
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x < y;
  }
  return false;
}

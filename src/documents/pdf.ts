/**
 * PDF: text per physical page through pdf-parse (pdf.js), cleaned the way a reader sees the page:
 * running headers and footers, page numbers and table-of-contents lines are dropped, words
 * hyphenated at a line end are joined, ligatures are normalised, and wrapped lines are joined
 * into paragraphs. Sections come from the outline (bookmarks) when there is one, else from
 * numbered headings. No library does this cleaning for pdf.js output, hence this file.
 */
import type { ReadLimits } from "./limits.js";
import type { OcrPage } from "./ocr.js";
import { NOTE_LABEL } from "./note-labels.js";
import { needsOcr, ocrPdfPages, type OcrJob, type PdfJsDocument } from "./scan.js";
import { capText, StructuredText, type Structure } from "./structure.js";

export interface PdfDocument {
  readonly text: string;
  readonly structure: Structure;
  readonly title?: string;
  /** Pages read by OCR this time, for the reader's cache. */
  readonly ocr?: Record<string, OcrPage>;
  readonly warnings?: readonly string[];
}

export interface OutlineEntry {
  readonly title: string;
  /** The title as lines are compared with it (headingKey). */
  readonly key: string;
  readonly depth: number;
  /** The 1-based page the bookmark points to, when the file says. */
  readonly page?: number;
}

const LIGATURES: Record<string, string> = { "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st" };

function normaliseLine(line: string): string {
  return (
    line
      .replace(/[ﬀ-ﬆ]/g, (c) => LIGATURES[c] ?? c)
      .replace(/\u00ad/g, "")
      .replace(/\s+/g, " ")
      // pdf.js puts a blank where the font changes: "[1 ]", "[ 1, 4 ]" are references "[1]", "[1, 4]".
      .replace(/\[ ?(\d{1,4}(?: ?[,–-] ?\d{1,4}){0,8}) ?\]/g, (_, inner: string) => `[${inner.replace(/ ?, ?/g, ", ").replace(/ ?([–-]) ?/g, "$1")}]`)
      .trim()
  );
}

/**
 * Lines longer than this are never a page number, running header, contents line or heading. The
 * patterns that find those only see shorter lines, so matching stays linear in the document: a
 * pattern anchored at the end of a long line would be tried from every position of it.
 */
const MAX_PATTERN_LINE = 300;

/**
 * A line of a table of contents: "2.1 Title . . . . . 12" (four or more dot leaders, or two
 * ellipses, before a page number). Scanned from the end by hand: the equivalent pattern
 * `(?:\.\s?){4,}\s*\d+\s*$` backtracks over every dot of a long leader that ends in no number.
 */
export function isContentsLine(line: string): boolean {
  if (line.length > MAX_PATTERN_LINE) return false;
  let i = line.trimEnd().length;
  const digitsEnd = i;
  while (i > 0 && line[i - 1]! >= "0" && line[i - 1]! <= "9") i--;
  if (i === digitsEnd) return false;
  while (i > 0 && /\s/.test(line[i - 1]!)) i--;
  let dots = 0;
  let ellipses = 0;
  while (i > 0) {
    const c = line[i - 1]!;
    if (c === ".") dots++;
    else if (c === "…") ellipses++;
    // One blank between two dots (". . . ."), as `\.\s?` allowed.
    else if (!(/\s/.test(c) && line[i - 2] === ".")) break;
    i--;
  }
  return dots >= 4 || ellipses >= 2;
}

/**
 * "Page" and "of" as a footer says them, in one list for every pattern below: "Page 3 of 10",
 * "Seite 3 von 10", "Page 3 sur 10", "Página 3 de 10", "Pagina 3 di 10", "Pagina 3 van 10",
 * "Sida 3 av 10", "Side 3 af 10", "Sivu 3 / 10", "Strona 3 z 10", "Strana 3 z 10", "Sayfa 3 / 10",
 * "Страница 3 из 10". (A Swedish town's footer "… Sida 1 av 3" had stayed on every page, inside
 * the sentences and table rows that ran on across pages.)
 */
const PAGE_WORD = String.raw`(?:page|p\.|pg\.|seite|s\.|página|pág\.|pagina|pag\.|blz\.|sida|side|sivu|strona|str\.|strana|sayfa|страница|стр\.|сторінка|σελίδα)`;
/** A page number between dashes, as a footer says it: "- 3 -", "– 3 –", "— 3 —". */
const DASHED_PAGE_NUMBER = String.raw`[-–—]\s*\d+\s*[-–—]`;
/** "of" between a page's number and their count, with the blanks around it ("3 / 10", "3 av 10"; a word needs its blanks: "Divan 2" is none). */
const OF_PAGES = String.raw`(?:\s*\/\s*|\s+(?:of|von|sur|de|di|van|av|af|z|ze|из|з|από)\s+)`;
/** The same in English and German only, as a line anywhere on a page may say it ("12 / 63", "3 of 10"). */
const OF_PAGES_ANYWHERE = String.raw`(?:\s*\/\s*|\s+(?:of|von|de)\s+)`;

/**
 * A line that is only a page number: "12", "iv", "12 / 63", "Page 3 of 10", "Seite 3", "Page iv".
 * Anywhere on a page, as English or German say it; at its top or bottom (`edge`), in any of the
 * languages above too ("Sida 3 av 10"): in mid-page, "4 av 5" is a rating and "Side 1" a record's.
 * (Roman numbers after an English or German page word only: "Side C" is a label.)
 */
const PAGE_NUMBER_LINE = new RegExp(String.raw`^(?:(?:page|seite|p\.|s\.)\s*)?(?:\d+|[ivxlcdm]+)(?:${OF_PAGES_ANYWHERE}\d+)?$|^${DASHED_PAGE_NUMBER}$`, "i");
const EDGE_PAGE_NUMBER_LINE = new RegExp(String.raw`^(?:${PAGE_WORD}\s*)?\d+(?:${OF_PAGES}\d+)?$`, "i");
const isPageNumberLine = (line: string, edge: boolean) => line.length <= 40 && (PAGE_NUMBER_LINE.test(line) || (edge && EDGE_PAGE_NUMBER_LINE.test(line)));

/** Whether a line ends in page `n` said as a page number: "Page 1", "Seite 1 von 2", "1 of 2", "1 / 2", "- 1 -" (not "Day 1"). */
function endsInPageNumber(line: string, n: number): boolean {
  return line.length <= MAX_PATTERN_LINE && new RegExp(String.raw`(?:(?:^|\s)${PAGE_WORD}\s*${n}(?:${OF_PAGES}\d+)?|(?:^|\s)${n}${OF_PAGES}\d+|(?:^|\s)[-–—]\s*${n}\s*[-–—])$`, "i").test(line);
}

/**
 * Page numbers at a line's end: "Guide 12", "Guide 12 / 63", "… Sida 1 av 3", "Guide - 12 -" (the page word
 * stays, as it does on each page). At most three: "di" is both a Roman number and Italian's "of",
 * and a line of "1 di 1 di …" read every way took seconds.
 */
const TRAILING_PAGE_NUMBER = new RegExp(String.raw`(?:\s+(?:\d+|[ivxlcdm]+)(?:${OF_PAGES}\d+)?){1,3}$|\s+${DASHED_PAGE_NUMBER}$`, "i");

/** A header or footer with its page number removed, so "Guide 12 / 63" and "Guide iv" meet; "" for a long line. */
function runningKey(line: string): string {
  if (line.length > MAX_PATTERN_LINE) return "";
  return line
    .replace(/^(?:\d+|[ivxlcdm]+)\s+/i, "")
    .replace(TRAILING_PAGE_NUMBER, "")
    .toLowerCase();
}

/** Pages in a row (a chapter's, at most every other page apart) whose header makes it a running one. */
const RUN_PAGES = 3;

/**
 * Lines near the top or bottom that repeat: running headers and footers. One that is on many of
 * all pages (the book's title), or on several pages in a row, at most every other page apart
 * (a chapter's title on its left-hand pages, in a book of many chapters).
 */
function runningLines(pages: readonly string[][]): { running: Set<string>; onFirst: Set<string> } {
  const seen = new Map<string, number[]>();
  pages.forEach((lines, page) => {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(runningKey).filter((k) => k.length > 0));
    for (const key of edge) {
      const at = seen.get(key);
      if (at) at.push(page);
      else seen.set(key, [page]);
    }
  });
  const minPages = Math.max(3, Math.ceil(pages.length * 0.3));
  const inARow = (at: readonly number[]) => {
    let run = 1;
    for (let i = 1; i < at.length; i++) {
      run = at[i]! - at[i - 1]! <= 2 ? run + 1 : 1;
      if (run >= RUN_PAGES) return true;
    }
    return false;
  };
  const running = new Set([...seen].filter(([, at]) => at.length >= minPages || inARow(at)).map(([key]) => key));
  // In a document of two pages, the same first line atop both, or the same last line at the foot
  // of both, word for word and no sentence: "ACME Corp - Lab Safety Rules, Rev. 3" atop each page
  // otherwise cut the sentence that runs from one page onto the next. (Not "Day 1" and "Day 2",
  // nor "Bring a jacket." ending both.)
  // The first page keeps such a line at its top: it is as often the document's title.
  // At the foot, the line may also differ in its page number only, said as one ("… Page 1 of 2"
  // and "… Page 2 of 2", "… 1 / 2"): it was glued into the sentence running onto the next page.
  const onFirst = new Set(running);
  if (pages.length === 2) {
    for (const [pick, both] of [[(lines: readonly string[]) => lines[0], false], [(lines: readonly string[]) => lines.at(-1), true]] as const) {
      const [a, b] = pages.map(pick);
      const numbered = both && a && b && endsInPageNumber(a, 1) && endsInPageNumber(b, 2) && runningKey(a) === runningKey(b);
      const key = a && (a === b || numbered) && !/[.!?:,;]$/.test(a) ? runningKey(a) : "";
      if (!key) continue;
      running.add(key);
      if (both) onFirst.add(key);
    }
  }
  return { running, onFirst };
}

/**
 * Drops running headers/footers, page numbers and table-of-contents lines of one page. A running
 * line that is the title of a bookmark pointing to this page, and the only line of the page that
 * says it, stays: it is the heading on the chapter's first page that the pages after it repeat
 * ("Glossary" atop each page of the glossary). Where the page also says the title further down
 * (a header naming the section that starts on it), that line is the heading and the header goes.
 */
function contentLines(lines: readonly string[], running: Set<string>, titles: readonly string[], page: number, pages: number): string[] {
  const isEdge = (i: number) => i < 2 || i >= lines.length - 2;
  // A header or footer that says which page of how many this is ("… Seite 1 von 1", "Page 3 of
  // 12"), whatever the document's length: a one-page leaflet's footer was glued to its last sentence.
  const paged = new RegExp(String.raw`(?:^|\s)(?:${PAGE_WORD}\s*${page}${OF_PAGES}|${page}\s+(?:of|von)\s+)${pages}$`, "i");
  const tocLines = lines.filter(isContentsLine).length;
  const tocPage = tocLines >= 3 && tocLines >= lines.length * 0.3;
  // The line alone, or with the lines before or after it that the heading wraps over: a chapter
  // title "Setting Up, Editing & / Working with Accounts" wraps as its running header does, and
  // on the chapter's first page only the number before it ("Chapter 5. Setting Up, Editing &")
  // sets its first line apart from the header's.
  const isHeadingHere = (line: string, i: number) => {
    for (let from = Math.max(0, i - MAX_HEADING_LINES + 1); from <= i; from++) {
      for (let to = i; to < Math.min(lines.length, from + MAX_HEADING_LINES); to++) {
        const span = lines.slice(from, to + 1);
        if (span.some((l) => l.length > MAX_PATTERN_LINE)) continue;
        const key = titles.find((k) => joinings(span).some((form) => headingTitleMatches(form, k)));
        if (key !== undefined && !lines.some((other, j) => (j < from || j > to) && other.length <= MAX_PATTERN_LINE && headingTitleMatches(other, key))) return true;
      }
    }
    return false;
  };
  return lines.filter((line, i) => {
    if (!line || isPageNumberLine(line, isEdge(i)) || isContentsLine(line)) return false;
    if (isEdge(i) && ((running.has(runningKey(line)) && !isHeadingHere(line, i)) || (line.length <= MAX_PATTERN_LINE && paged.test(line)))) return false;
    // On a contents page, the chapter lines have no dot leaders but still end in a page number.
    if (tocPage && line.length <= MAX_PATTERN_LINE && /\s\d+$/.test(line)) return false;
    return true;
  });
}

/** A footnote as pdf.js gives it at the foot of a page: its number glued to its first word ("1Das ist …"). */
const FOOTNOTE_LINE = /^(\d{1,3})(?=\p{Lu}\p{Ll}{2}|\p{Ll}{3})/u;
/** Superscript digits, as some PDFs give footnote numbers. */
const SUPERSCRIPT: Record<string, string> = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };

/**
 * Footnotes of one page, told apart from the text: in the lower half of a page, a line that
 * starts with a number glued to a word ("1Das ist …", "⁴Trotzdem …") is a footnote, and so is the
 * next number glued to a word after a sentence of it (pdf.js puts several on one line). Each
 * becomes "[1] …" on a line of its own, and its mark in the text above ("Fußnoten1",
 * "tar.gz1") becomes "[1]", so no number sticks to a word.
 */
function separateFootnotes(lines: readonly string[]): string[] {
  const foot = Math.floor(lines.length * 0.5);
  const out = lines.slice(0, foot);
  const notes: string[] = [];
  for (const raw of lines.slice(foot)) {
    // A footnote set apart from its superscript number ("¹ Except in the office area."): the
    // superscript says it is one, as a plain "1 Introduction" would not.
    const raised = raw.length <= MAX_PATTERN_LINE * 4 ? /^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})[ \t]+(?=\p{L})/u.exec(raw) : null;
    if (raised) {
      const n = [...raised[1]!].map((c) => SUPERSCRIPT[c]).join("");
      out.push(`[${Number(n)}] ${raw.slice(raised[0].length)}`);
      notes.push(String(Number(n)));
      continue;
    }
    const line = raw.length <= MAX_PATTERN_LINE * 4 ? raw.replace(/^\d*[⁰¹²³⁴⁵⁶⁷⁸⁹]+/u, (d) => [...d].map((c) => SUPERSCRIPT[c] ?? c).join("")) : raw;
    const m = line.length <= MAX_PATTERN_LINE * 4 ? FOOTNOTE_LINE.exec(line) : null;
    if (!m) {
      out.push(raw);
      continue;
    }
    // Several footnotes on one line: "… 4.4.3. 11Die Standardfeldlänge …".
    let n = Number(m[1]);
    let rest = line.slice(m[1]!.length);
    for (;;) {
      const next = new RegExp(`(?<=[.!?)»”]\\s?)${n + 1}(?=\\p{Lu}\\p{Ll}{2}|[⁰¹²³⁴⁵⁶⁷⁸⁹])`, "u").exec(rest);
      if (!next) break;
      out.push(`[${n}] ${rest.slice(0, next.index).trimEnd()}`);
      notes.push(String(n));
      rest = rest.slice(next.index + String(n + 1).length);
      n++;
    }
    out.push(`[${n}] ${rest}`);
    notes.push(String(n));
  }
  // Each footnote's mark in the text above it: the number right after a word in lower case (or its
  // closing punctuation), before a blank or punctuation; not "SHA1", "ch10#", "6.2" or a longer
  // number. Or its superscript after punctuation, a sign or a word of three letters or more ("in
  // the lab.¹", "9 %²", "Einwohner³"; not a unit's "m²" nor "mc²"). The first of each number, found
  // in one pass over the lines: a page planted with thousands of notes costs its length, not
  // notes × lines.
  const wanted = new Set(notes);
  const firstMark = new Map<string, { line: number; at: number; length: number }>();
  out.forEach((l, i) => {
    if (l.startsWith("[") || l.length > MAX_PATTERN_LINE * 4) return;
    for (const m of l.matchAll(/(?<=\p{Ll}[.,;:)»«“”"']?)(\d{1,3})(?=[\s.,;:)]|$)|(?<=[.,;:)»«“”"'%]|\p{L}{3})([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])/gu)) {
      const plain = m[1] !== undefined;
      const n = plain ? String(Number(m[1])) : String(Number([...m[2]!].map((c) => SUPERSCRIPT[c]).join("")));
      // (A plain number before a raised one: the raised one is found only where no plain one is.)
      const key = `${plain ? "" : "^"}${n}`;
      if (wanted.has(n) && !firstMark.has(key)) firstMark.set(key, { line: i, at: m.index, length: m[0].length });
    }
  });
  // Replaced from the end of each line, so the offsets found stay right.
  const places = notes.map((n) => [n, firstMark.get(n) ?? firstMark.get(`^${n}`)] as const).filter((x): x is readonly [string, { line: number; at: number; length: number }] => x[1] !== undefined);
  places.sort((a, b) => a[1].line - b[1].line || b[1].at - a[1].at);
  const used = new Set<string>();
  for (const [n, { line, at, length }] of places) {
    const key = `${line}:${at}`;
    if (used.has(key)) continue;
    used.add(key);
    out[line] = `${out[line]!.slice(0, at)}[${n}]${out[line]!.slice(at + length)}`;
  }
  return out;
}

const NUMBERED_HEADING = /^((?:\d+|[A-Z])(?:\.\d+)+|\d+)\.?\s+(\p{Lu}|\p{Ll}).{0,90}$/u;
const CHAPTER_LINE = /^(?:chapter|kapitel|chapitre|capítulo|capitolo|appendix|anhang|annexe|part|teil)\s+([\dA-Z]+|[IVXLC]+)$/i;
const BULLET = /^[•◦▪‣●○■□–—*-]\s|^\d+[.)]\s|^\[\d+\]\s/;
/** A caption: a word and a chapter-numbered label ("Figure 9.20. …", "Tabelle 10.1: …"). */
const CAPTION = /^\p{Lu}\p{Ll}{2,} \d{1,3}(?:\.\d{1,3})+[.:] \S/u;
/** A note box's heading, a word alone on its line ("Tip", "Hinweis"), seen after a sentence ends. */
const NOTE_HEADING = /^\p{Lu}\p{Ll}{1,19}$/u;

/**
 * How a heading and an outline title are compared: spaces collapsed, lower case, and quotes and
 * dashes as plain ones: the page is typeset (”ld: cannot find -lfoo”, aren’t) where the bookmark
 * often keeps what the author typed ("ld: cannot find -lfoo", aren't).
 */
const headingKey = (s: string) =>
  s
    .replace(/[“”„‟«»″]/g, '"')
    .replace(/[‘’‚‛′´`]/g, "'")
    .replace(/[‐‑‒–—]/g, "-")
    // (A control character is no part of a title: a bookmark written in the wrong encoding has
    // "\u0013" where its dash was.)
    .replace(/[\s\p{Cc}]+/gu, " ")
    // (A mark that stands between a heading's number and its title, "Capítulo I – Disposições
    // gerais", "Chapter 2: Setup", which the bookmark may write otherwise or leave out.)
    .replace(/(?<=\S) (?:[-|·] )+| ?: (?=\S)/g, " ")
    .trim()
    .toLowerCase();

/** A heading's number before its title ("5.6 ", "A.2. ", "iv. "). */
const HEADING_NUMBER = /^(?:(?:\d+|[a-z])(?:\.\d+)*\.?|[ivxlc]+\.)\s*/;
const ONLY_NUMBER = new RegExp(`${HEADING_NUMBER.source}$`);

/** Whether a line is the heading an outline entry names (its key made once, in flattenOutline). */
function headingTitleMatches(line: string, t: string): boolean {
  return keyMatches(headingKey(line), t);
}

/** The word a book puts before a chapter's or appendix's number on its heading line ("Appendix B Invoking R", where the bookmark has "B Invoking R" or "Invoking R"). */
const CHAPTER_WORD = /^(?:chapter|kapitel|chapitre|capítulo|capitolo|appendix|anhang|annexe|part|teil) (?=(?:\d+|[a-z]|[ivxlc]+)\.? )/;

/**
 * The same, for a line's key already made. `chapterWord`: a chapter word before the title counts
 * too, as on the bookmark's own page; on the page before, "Part 1 Getting Started" is more likely
 * a line of a preface that lists the parts.
 */
function keyMatches(l: string, t: string, chapterWord = true): boolean {
  if (!t) return false;
  const withNumber = (line: string) => line === t || (line.endsWith(t) && ONLY_NUMBER.test(line.slice(0, line.length - t.length)));
  if (withNumber(l)) return true;
  const word = chapterWord ? CHAPTER_WORD.exec(l) : null;
  return word !== null && withNumber(l.slice(word[0].length));
}

/** Lines a heading may wrap onto: a long question in a FAQ takes three ("… when compil-" + "ing programs? …" + "library packages?"). */
const MAX_HEADING_LINES = 3;

/**
 * Whether a line may open a heading that goes on in the next lines: the outline title starts
 * with it (a word broken at its end, or the heading's number, aside). Only then are its joins with
 * the next lines tried.
 */
function opensTitle(lineKey: string, t: string): boolean {
  const l = lineKey.replace(/-$/, "");
  // A roman number is tried on its own too: the number pattern takes the "i" of "iv." for a letter.
  return t.startsWith(l) || t.startsWith(l.replace(HEADING_NUMBER, "")) || t.startsWith(l.replace(/^[ivxlc]+\.\s*/, ""));
}

/** The ways some lines join into one title: a line ending in a hyphen joins with it dropped ("Transac-" + "tion"), kept ("How-" + "To)") or spaced ("Ein-" + "und"). */
function joinings(lines: readonly string[]): string[] {
  let forms = [lines[0]!];
  for (const next of lines.slice(1)) forms = forms.flatMap((f) => (/\p{L}-$/u.test(f) ? [`${f.slice(0, -1)}${next}`, `${f}${next}`, `${f} ${next}`] : [`${f} ${next}`]));
  return forms;
}

/**
 * The heading a line starts, if any. With an outline, only its next entries count (in order);
 * without one, numbered headings ("2.3 Title") whose number follows the previous one.
 */
class HeadingFinder {
  private next = 0;
  private lastNumber: number[] = [];
  private pendingChapter: string | undefined;

  constructor(private readonly outline: readonly OutlineEntry[]) {}

  /** The level of a heading without a number: below the last numbered one found. */
  get unnumberedLevel(): number {
    return this.lastNumber.length + 1;
  }

  /**
   * The heading `line` is (with lines of `following`, for a heading wrapped onto them: `lines` says how many in all) on
   * 1-based `page`. A bookmark that points to a page is looked for on that page and the next only:
   * a generic title ("General") is not taken from an earlier page, and one the text lacks is
   * passed by once its page is, so the later ones are still found.
   */
  find(line: string, page = 0, following: readonly string[] = [], before?: string, run = 1): { level: number; title: string; lines: number } | undefined {
    const after = following[0];
    if (line.length > MAX_PATTERN_LINE) {
      this.pendingChapter = undefined;
      return undefined;
    }
    const chapter = CHAPTER_LINE.exec(line);
    if (chapter) {
      this.pendingChapter = chapter[1];
      return undefined;
    }
    const chapterNumber = this.pendingChapter;
    this.pendingChapter = undefined;
    if (this.outline.length) {
      while (this.next < this.outline.length && page > 0 && (this.outline[this.next]!.page ?? page) < page - 1) this.next++;
      // Keys made once per line, not once per outline entry tried.
      const lineKey = headingKey(line);
      const joined = new Map<number, { texts: string[]; keys: string[] } | undefined>();
      const joinedForms = (n: number) => {
        if (!joined.has(n)) {
          const lines = [line, ...following.slice(0, n - 1)];
          const texts = lines.some((l) => l.length > MAX_PATTERN_LINE) ? undefined : joinings(lines);
          joined.set(n, texts && { texts, keys: texts.map(headingKey) });
        }
        return joined.get(n);
      };
      // Look a few entries ahead: an entry whose heading the text lacks must not stop the rest.
      for (let k = this.next; k < Math.min(this.outline.length, this.next + 3); k++) {
        const entry = this.outline[k]!;
        if (entry.page !== undefined && page > 0 && (entry.page > page + 1 || entry.page < page - 1)) continue;
        // Passing over the next entry takes a later one on its own page: on the page before, a
        // generic title ("Introduction") is more likely a line of a part's contents list.
        if (k > this.next && entry.page !== undefined && page > 0 && page < entry.page) continue;
        const ownPage = entry.page === undefined || page <= 0 || entry.page === page;
        let found: { text: string; lines: number } | undefined = keyMatches(lineKey, entry.key, ownPage) ? { text: line, lines: 1 } : undefined;
        // A title wrapped onto the next lines: "… (How-" + "To)", "… Transac-" + "tion", "Ein-" + "und Ausgaben".
        for (let n = 2; !found && n <= Math.min(MAX_HEADING_LINES, following.length + 1) && opensTitle(lineKey, entry.key); n++) {
          const forms = joinedForms(n);
          if (!forms) break;
          const at = forms.keys.findIndex((key) => keyMatches(key, entry.key, ownPage));
          if (at >= 0) found = { text: forms.texts[at]!, lines: n };
        }
        if (found) {
          this.next = k + 1;
          const { text, lines } = found;
          const title = chapterNumber && text.trim().toLowerCase() === entry.title.trim().toLowerCase() ? `${chapterNumber} ${text}` : text;
          return { level: entry.depth + 1, title, lines };
        }
      }
      return undefined;
    }
    if (line.length > 100) return undefined;
    const m = NUMBERED_HEADING.exec(line);
    if (!m || /[.,;:]$/.test(line)) return undefined;
    const number = m[1]!.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p.charCodeAt(0)));
    // "3 apples" or a numbered listing line ("1 Source: gentoo", "2 Pro 19 100 GB") is not a
    // heading. A number in the title of one whose number ends in a period is ("3. Order card no.
    // 27"): missed, it was no heading and neither was any after it, their numbers no longer
    // following the last one found.
    // (Not where the line before or after is the step before or after it: those are a list's
    // steps, "2. Wait 30 minutes" after "1. Mix 500 g flour".)
    const title = line.slice(m[1]!.length);
    const numbers = title.match(/\d+(?:[.,]\d+)*/g)?.length ?? 0;
    const inList = isListStep(line, before, after);
    const numbered = /^\.\s/.test(title) ? numbers > 1 || (numbers > 0 && inList) : numbers > 0;
    if (number.length < 2 && !chapterNumber && (line.length > 60 || title.includes(":") || numbered)) return undefined;
    // Nor a numbered clause whose sentence runs on: a long line the next goes on from in lower
    // case, that holds a sentence's end or whose next line ends one ("5.1 Well-behaved dogs are
    // welcome on the second floor (The Spindle and Studios) on a" / "leash at all times.", "1.1 Your
    // key fob is personal. Do not lend it to anyone …"), as house rules and contracts number
    // theirs. (A heading is short; one wrapped goes on without ending a sentence, and the
    // paragraph under it is not its own: "4.3 Termination of membership, the return of deposits
    // and of keys and" / "cards issued to the member" / "A member may …" is a heading.)
    const sentenceRunsOn = /[.!?]\s+\p{Lu}/u.test(title) || (after !== undefined && SENTENCE_END.test(after));
    if (line.length > LONG_HEADING && after !== undefined && /^\p{Ll}/u.test(after) && sentenceRunsOn) return undefined;
    // Nor a step of a list of LIST_RUN or more lines numbered one after another, each short of a
    // sentence's end ("4. Projet de second magasin" between "3. …" and "5. …" of a meeting's
    // agenda): a heading has its text under it. Taken for headings, the agenda's last items were,
    // and the sections they head further on were not, their numbers no longer following, so
    // every passage after the agenda was filed under its last item. (Not two headings in a row,
    // an empty section's and the next; nor a heading after a procedure's steps, which end their
    // sentences.)
    if (number.length < 2 && run >= LIST_RUN) return undefined;
    if (!followsInOrder(this.lastNumber, number)) return undefined;
    this.lastNumber = number;
    return { level: number.length, title: line, lines: 1 };
  }
}

/** A list step's number: "4. …" gives 4. */
const stepNumber = (line: string | undefined) => Number((line === undefined ? undefined : /^(\d+)\.\s/.exec(line)?.[1]) ?? NaN);

/** A line numbered "4. …" right after "3. …" or right before "5. …". */
function isListStep(line: string, before: string | undefined, after: string | undefined): boolean {
  const n = stepNumber(line);
  return Number.isInteger(n) && (stepNumber(before) === n - 1 || stepNumber(after) === n + 1);
}

/** A numbered heading line longer than this may be a clause's first line (see `HeadingFinder.find`). */
const LONG_HEADING = 60;

/** Lines numbered one after another, each short of a sentence's end, that make a list rather than headings. */
const LIST_RUN = 3;

/**
 * For each line, how many lines of its run are numbered one after another ("3. …", "4. …", "5. …"),
 * none ending a sentence or clause with ".", ",", ";" or ":" (a list of questions, "1. How do I
 * register?", is one); an item's wrapped rest, a line in lower case, goes on its run ("2. Report of
 * the treasurer and of the" / "auditors"). 1 for a line outside such a run. Over the document's
 * lines, not a page's: an agenda goes on across a page break. (One pass: thousands of numbered
 * lines are read in linear time.)
 */
function listRuns(lines: readonly string[]): number[] {
  const runs = lines.map(() => 1);
  let run: number[] = [];
  let last = NaN;
  const close = () => {
    for (const j of run) runs[j] = run.length;
    run = [];
    last = NaN;
  };
  lines.forEach((line, j) => {
    const n = /[.,;:]$/.test(line) ? NaN : stepNumber(line);
    if (Number.isInteger(n)) {
      if (!(run.length && n === last + 1)) close();
      run.push(j);
      last = n;
    } else if (!(run.length && /^\p{Ll}/u.test(line))) close();
  });
  close();
  return runs;
}

/** 2.3 may follow 2.2, 2.2.4, 1.9 or 2; anything else is probably a numbered list or a value. */
function followsInOrder(previous: readonly number[], next: readonly number[]): boolean {
  if (!previous.length) return true;
  for (let i = 0; i < next.length; i++) {
    const p = previous[i];
    const n = next[i]!;
    const last = i === next.length - 1;
    if (p === undefined) return last && n === 1;
    if (last) return n === p + 1 || (n === 1 && i > 0 && previous.length === i);
    if (n !== p) return n === p + 1 && next.slice(i + 1).every((x) => x === 1);
  }
  return false;
}

/** Longest word that a hyphen at a line end is taken to break; anything longer keeps its hyphen. */
const MAX_WORD = 64;
/**
 * The words a document writes inside its lines, to tell how a word broken at a line end is written
 * where it is not broken: "Gnu-" + "Cash" is "GnuCash" where the document also says "GnuCash",
 * "short-" + "term" stays "short-term" where it says "short-term", and "Aktien-" + "und" is the
 * suspended hyphen of "Aktien- und" where the document also writes "Ein- und" inside a line. A
 * line's last word when it ends in a hyphen, and the word after it, are left out: they are the
 * pieces. pdf.js gives lines, not words, and no library undoes hyphenation from a document's own
 * vocabulary, hence by hand.
 */
export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly compounds = new Set<string>();
  /** Words that follow a suspended hyphen inside a line ("und" in "Ein- und Ausgaben"). */
  private readonly afterSuspended = new Set<string>();

  constructor(lines: readonly string[]) {
    let broken = false;
    for (const line of lines) {
      const tokens = line.split(/\s+/).filter(Boolean);
      const ends = /\p{L}-$/u.test(line);
      tokens.forEach((token, i) => {
        if ((i === 0 && broken) || (i === tokens.length - 1 && ends)) return;
        // Runs of letters and hyphens, split by hand: a pattern for "word-word" chains backtracks
        // over every start of a long run of letters without a hyphen (quadratic in its length).
        for (const run of token.toLowerCase().match(/[\p{L}-]+/gu) ?? []) {
          const parts = run.split("-");
          parts.forEach((part, j) => {
            if (!part) return;
            this.words.add(part);
            // Each pair a chain joins: "short-term" also of "short-term-loan".
            if (parts[j + 1]) this.compounds.add(`${part}-${parts[j + 1]}`);
          });
        }
        const next = tokens[i + 1];
        if (next && /\p{L}-$/u.test(token) && /^\p{Ll}+$/u.test(next)) this.afterSuspended.add(next);
      });
      broken = ends;
    }
  }

  has(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }

  hasCompound(first: string, second: string): boolean {
    return this.compounds.has(`${first}-${second}`.toLowerCase());
  }

  followsSuspendedHyphen(word: string): boolean {
    return this.afterSuspended.has(word);
  }
}

/**
 * A paragraph being joined from lines, undoing hyphenation at line ends. Kept as a list of lines
 * and joined once: re-reading (or re-slicing) the whole paragraph at every line is quadratic in
 * its length, and a page of ten thousand tiny lines makes one long paragraph.
 */
class Paragraph {
  private parts: string[] = [];
  /** Where new pages begin inside the paragraph: the number of parts before each. */
  private breaks: number[] = [];

  constructor(private readonly vocabulary: Vocabulary) {}

  get empty(): boolean {
    return this.parts.length === 0;
  }

  /** The first line added. */
  get first(): string | undefined {
    return this.parts[0];
  }

  /** The last line added. */
  get last(): string | undefined {
    return this.parts.at(-1);
  }

  add(line: string): void {
    const last = this.parts.at(-1);
    if (last === undefined) {
      this.parts.push(line);
      return;
    }
    if (!last.endsWith("-")) {
      this.parts.push(" ", line);
      return;
    }
    // The word the hyphen ends, read back from the end of the last line only (at most MAX_WORD + 1).
    const tail = last.slice(-(MAX_WORD + 2), -1);
    const space = tail.search(/\S+$/);
    // The word the hyphen breaks, without what opens it: "(sie-" + "he)" is "(siehe)".
    const word = space < 0 ? "" : tail.slice(space).replace(/^[(\[„“"'‚‘«»]+/u, "");
    const whole = space > 0 || last.length - 1 <= MAX_WORD;
    // The letters on either side of the hyphen: "Income:Divi-" + "dends:" are "Divi" and "dends".
    // Not after a hyphen inside the word: "E-Mail-" + "Adresse" keeps its hyphen as before.
    const before = /(?<![\p{L}-])\p{L}+$/u.exec(tail)?.[0] ?? "";
    const after = /^\p{L}+/u.exec(line)?.[0] ?? "";
    const cut = () => (this.parts[this.parts.length - 1] = last.slice(0, -1));
    if (whole && before && after) {
      // As the document writes the word elsewhere: with its hyphen, or in one. Not in one where
      // the word goes on in a chain of hyphens ("E-" + "Mail-Adresse" where it also says "Email").
      if (this.vocabulary.hasCompound(before, after)) return void this.parts.push(line);
      if (line[after.length] !== "-" && this.vocabulary.has(before + after)) return void (cut(), this.parts.push(line));
      // "Aktien-" + "und": a word of the document, and a word that follows suspended hyphens in it.
      if (before === word && this.vocabulary.has(before) && this.vocabulary.followsSuspendedHyphen(after)) {
        return void this.parts.push(" ", line);
      }
    }
    // "prak-" + "tisch" -> "praktisch"; "Makefile-" + "Dateien" and "list-" + "files" in "a-list-" stay hyphenated.
    if (whole && /^\p{Ll}/u.test(line) && /^\p{L}+$/u.test(word) && word.length > 1) cut();
    this.parts.push(line);
  }

  /** The paragraph goes on at the top of the next page: that page begins with the next line. */
  pageBreak(): void {
    this.breaks.push(this.parts.length);
  }

  /** The paragraph's text, and the offsets in it where pages begin (its length: after it). */
  take(): { text: string; pageStarts: number[] } {
    const text = this.parts.join("");
    const pageStarts: number[] = [];
    let length = 0;
    let next = 0;
    this.parts.forEach((part, i) => {
      // The page begins with its first line, after the blank that joins it to the last line of the page before.
      while (next < this.breaks.length && this.breaks[next] === i) pageStarts[next++] = length + (part === " " ? 1 : 0);
      length += part.length;
    });
    while (next < this.breaks.length) pageStarts[next++] = length;
    this.parts = [];
    this.breaks = [];
    return { text, pageStarts };
  }
}

/** Outline levels below this are not headings anyone reads; a crafted outline may nest without end. */
const MAX_OUTLINE_DEPTH = 12;
/** More bookmarks than any book has; a crafted outline could have millions. */
const MAX_OUTLINE_ENTRIES = 20_000;

/** Where a bookmark points: its 1-based page, when pdf.js can resolve it. */
type PageOfDest = (dest: unknown) => Promise<number | undefined>;

async function flattenOutline(items: readonly unknown[] | null | undefined, pageOf: PageOfDest, depth = 0, out: OutlineEntry[] = []): Promise<OutlineEntry[]> {
  if (depth > MAX_OUTLINE_DEPTH) return out;
  for (const item of items ?? []) {
    if (out.length >= MAX_OUTLINE_ENTRIES) return out;
    const node = item as { title?: unknown; items?: unknown[]; dest?: unknown };
    if (typeof node.title === "string" && node.title.trim()) {
      // Capped before it is compared with every line: a title is a heading, not a page of text.
      const title = normaliseLine(capText(node.title, MAX_PATTERN_LINE));
      const page = await pageOf(node.dest);
      out.push({ title, key: headingKey(title), depth, ...(page !== undefined ? { page } : {}) });
    }
    await flattenOutline(node.items, pageOf, depth + 1, out);
  }
  return out;
}

/**
 * The page a bookmark's destination is on, through the pdf.js document pdf-parse holds (it does
 * not resolve destinations itself). Undefined when the destination or that document is not there:
 * headings are then matched by their order alone.
 */
function destinationPages(parser: unknown): PageOfDest {
  const doc = (parser as { doc?: { getDestination(name: string): Promise<unknown[] | null>; getPageIndex(ref: unknown): Promise<number> } }).doc;
  return async (dest) => {
    if (!doc || typeof doc.getDestination !== "function") return undefined;
    try {
      const explicit = typeof dest === "string" ? await doc.getDestination(dest) : Array.isArray(dest) ? dest : null;
      const target = explicit?.[0];
      if (typeof target === "number") return target + 1;
      if (target && typeof target === "object") return (await doc.getPageIndex(target)) + 1;
    } catch {
      // an unresolvable destination: matched by order
    }
    return undefined;
  };
}

/** A footnote's block as separateFootnotes writes it. */
const FOOTNOTE_BLOCK = /^\[\d{1,3}\] /;

/** A line that ends a sentence (closing quotes and brackets after the mark). */
const SENTENCE_END = /[.!?]["'»«”“’)\]]*$/u;

/** Words a title line has at most (see `isTitleLine`). */
const TITLE_WORDS = 8;
/**
 * Whether line `i` of a page is a heading that no outline names and no number marks, as a word
 * processor's bold "Communal bins" or a contract's "§ 3 Vergütung" is: short (under TITLE_SHARE
 * of a full line, TITLE_WORDS words at most), opening with a capital or "§", with one number at
 * most (not a row of figures), without a sentence's or a clause's end, and followed by a
 * paragraph (a line that opens with a capital and fills the line or ends a sentence) or a table
 * (see below). Not a line among short ones (an address, a signature, a table's rows), nor a line
 * that goes on from a sentence the line before left open; after a bullet's item that ended on its
 * line or a title in capitals it may be. pdf.js gives no font sizes with the text, so layout is all
 * there is: without this, a heading after a full line was glued to that line ("… Edition 4,
 * January 2025 Communal bins"), and its passages had no section.
 */
function isTitleLine(lines: readonly string[], i: number, fullWidth: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  const before = lines[i - 1];
  const short = (l: string) => l.length < TITLE_SHARE * fullWidth;
  // (A version's heading with its date, "Version 2.4.0 – 20 May 2024", holds a row of figures and
  // opens as a caption does, "Figure 3 …", but a caption has no date: it heads its release's notes.)
  const dated = DATED_TITLE.test(line);
  // (A statute's section, "§ 7 Rechte und Pflichten der Mitglieder", "Art. 12 Durata", may be longer.)
  const titleShort = line.length < (SECTION_MARK.test(line) ? SECTION_TITLE_SHARE : TITLE_SHARE) * fullWidth;
  if (!next || !titleShort || line.split(/\s+/).length > TITLE_WORDS || !/^[\p{Lu}§]/u.test(line) || (!dated && (line.match(/\d+/g)?.length ?? 0) > 1) || /[.,;:!?]["'»”)\]]*$/u.test(line) || !/\p{L}{2}/u.test(line)) return false;
  // (A word alone only in lower case after its capital, "Contact", "Kosten": not a note box's
  // label, "Tip", "Hinweis", nor a stamp, "CONFIDENTIAL"; nor a figure's or table's caption,
  // "Figure 3 Attendance by year".)
  const oneWord = !/\S\s+\S/.test(line);
  if (BULLET.test(line) || (oneWord && (!/^\p{Lu}\p{Ll}+$/u.test(line) || NOTE_LABEL.test(line))) || (!dated && /^\p{Lu}\p{Ll}{0,9}\.?\s+\d/u.test(line))) return false;
  // A title over a table heads it: over its header row, short, and rows of figures ("Opening hours"
  // over "Day Pool Sauna Gym" over "Monday 06.00–20.00 …"), or, a word alone, over those rows at
  // once ("Admission" over "Swim 80 kr 45 kr 60 kr"). Not that header row itself, which names two
  // columns or more over the rows. (A row of figures has two words with digits or more, a third of
  // its words at least: not a sentence of prose that gives two numbers, "within 30 days … 2 %".)
  const figures = (l: string | undefined) => {
    if (!l || SENTENCE_END.test(l)) return false;
    const tokens = l.split(/\s+/);
    const withDigits = tokens.filter((w) => /\d/.test(w)).length;
    return withDigits >= 2 && 3 * withDigits >= tokens.length;
  };
  if (!oneWord && figures(next) && figures(lines[i + 2])) return false;
  const tableFollows = figures(lines[i + 2]) && (figures(next) || figures(lines[i + 3]));
  // (A numbered list's first step, however short, is no table's header row.)
  const firstStep = FIRST_STEP.test(next);
  // (Nor a line that ends with a colon, which leads into a list: "§ 8 Organe des Vereins" over
  // "Organe des Vereins sind:" over "a) die Mitgliederversammlung,".)
  const overTable = short(next) && !SENTENCE_END.test(next) && !/:$/.test(next) && !firstStep;
  // (What follows opens with a capital, a bullet, a quote or a bracket, or is a numbered list's
  // first step: "Come iscriversi" over "1. Compilare il modulo online …".)
  if (!(/^[\p{Lu}"'„“«(•◦▪‣●○■–*-]/u.test(next) || firstStep) || (overTable && !tableFollows)) return false;
  // Nor a table's header row, three words or more, over rows that each open with a code ("Code
  // Meaning What to do" over "E11 Water does not flow in …", "E23 Drain pump fault …"; not a
  // heading over paragraphs that open with "A4 sheets" or "Q1 bills").
  const opensWithCode = (l: string | undefined) => !!l && ROW_CODE.test(l);
  if (line.split(/\s+/).length >= 3 && opensWithCode(next) && opensWithCode(lines[i + 2])) return false;
  // The line before: a sentence's end, a bullet's item that ended on its line (short of the
  // margin, not broken by a hyphen), a title in capitals, or none; or a full line (a paragraph's,
  // or a title block's last), unless a table follows: after a line that ends no sentence, this
  // one may go on from it ("… apply from January for all" / "Members" / "Item Price Stock").
  const bulletEnded = !!before && /^[•◦▪‣●○■□–—*-]\s/u.test(before) && before.length < fullWidth && !/\p{L}-$/u.test(before);
  const ends = before === undefined || SENTENCE_END.test(before) || bulletEnded || (/\p{Lu}{2}/u.test(before) && !/\p{Ll}/u.test(before));
  // (Over a numbered list's first step only after an end: "… on the website of the" / "City
  // Council" / "1. Fill in …" goes on from the line before.)
  return ends || (!short(before) && !overTable && !firstStep);
}
/** A date: "2024-05-20", "20.05.2024", "20 May 2024", "20. Mai 2024", "May 20, 2024", "10 de junio de 2024". */
const DATE = String.raw`(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,}\.?\s+(?:de\s+)?\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4})`;
/** A word, a number (a version's, "2.4.0") and a date: a release's or a meeting's heading. */
const DATED_TITLE = new RegExp(String.raw`^\p{Lu}\p{Ll}{0,11}\.?\s+v?\d+(?:\.\d+)*(?:\s*[-–—:,]\s*|\s*\(\s*|\s+)${DATE}\)?$`, "u");
/** A table row's code at a line's start: capitals, then two digits or more ("E11", "F05", "ERR404"). */
const ROW_CODE = /^\p{Lu}{1,3}\d{2,4}\s/u;
/** A numbered list's first step: "1. Compilare …", "1) Fill in …". */
const FIRST_STEP = /^1[.)]\s+\p{Lu}/u;
/** Lines after a title line that `isTitleLine` reads. */
const TITLE_LOOKAHEAD = 3;
/** A statute's section mark and number at a line's start: "§ 7", "Art. 12", "Artikel 3", "Article 4", "Artículo 5". */
const SECTION_MARK = /^(?:§{1,2}|Art\.|Artikel|Article|Articolo|Artículo|Artigo)\s*\d+[a-z]?\s+\p{Lu}/u;
/** …and such a title line is shorter than this share of a full line. */
const SECTION_TITLE_SHARE = 0.8;
/** A title line is shorter than this share of a full line. */
const TITLE_SHARE = 0.6;

/** Builds the document from the text of each page (pdf.js order) and the outline. */
export function structurePdfPages(pageTexts: readonly string[], outline: readonly OutlineEntry[]): { text: string; structure: Structure } {
  const pages = pageTexts.map((t) => separateFootnotes(t.split("\n").map(normaliseLine)));
  const { running, onFirst } = runningLines(pages);
  const titlesOn = new Map<number, string[]>();
  for (const entry of outline) {
    if (entry.page === undefined) continue;
    const titles = titlesOn.get(entry.page);
    if (titles) titles.push(entry.key);
    else titlesOn.set(entry.page, [entry.key]);
  }
  const content = pages.map((lines, i) => contentLines(lines, i === 0 ? onFirst : running, titlesOn.get(i + 1) ?? [], i + 1, pages.length));
  // A line this long reached the right margin: the paragraph goes on in the next line.
  const lengths = content.flat().map((l) => l.length).sort((a, b) => a - b);
  const fullWidth = Math.max(30, lengths[Math.floor(lengths.length * 0.9)] ?? 80) * 0.75;
  const finder = new HeadingFinder(outline);
  // Each line's list run (`listRuns`), counted over all pages and handed back per page.
  const allRuns = listRuns(content.flat());
  let seen = 0;
  const runsOf = content.map((lines) => allRuns.slice(seen, (seen += lines.length)));
  const vocabulary = new Vocabulary(content.flat());
  const out = new StructuredText();
  const paragraph = new Paragraph(vocabulary);
  let wraps = false;
  const flush = () => {
    if (paragraph.empty) return;
    const { text, pageStarts } = paragraph.take();
    out.block(text, "\n", pageStarts);
  };
  content.forEach((lines, pageIndex) => {
    // A paragraph whose sentence runs on past the foot of the page goes on at the top of this one
    // (else the sentence was cut in two there, and a passage or a quote began mid-sentence, "0, and
    // if it is not, …"): the page begins inside it.
    // Not a footnote (separateFootnotes' "[1] …" at the foot of the page before): the next page's
    // text goes on from the body above it, not from the note.
    if (pageIndex > 0 && wraps && !SENTENCE_END.test(paragraph.last ?? "") && !FOOTNOTE_BLOCK.test(paragraph.first ?? "")) paragraph.pageBreak();
    else {
      flush();
      wraps = false;
      out.page();
    }
    const runs = runsOf[pageIndex]!;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const heading = finder.find(line, pageIndex + 1, lines.slice(i + 1, i + MAX_HEADING_LINES), lines[i - 1], runs[i]);
      if (heading) {
        flush();
        out.heading(heading.level, heading.title);
        wraps = false;
        i += heading.lines - 1;
        continue;
      }
      if (line.length <= MAX_PATTERN_LINE && CHAPTER_LINE.test(line)) continue;
      // Without an outline, a short title line that a paragraph follows heads it.
      // (A title at the foot of a page is read with the next page's first lines, the paragraph it heads.)
      if (!outline.length && isTitleLine(i + TITLE_LOOKAHEAD < lines.length ? lines : [...lines, ...(content[pageIndex + 1] ?? []).slice(0, TITLE_LOOKAHEAD)], i, fullWidth)) {
        flush();
        out.heading(finder.unnumberedLevel, line);
        wraps = false;
        continue;
      }
      // A caption or a note's heading after a sentence's end opens a block even after a full line
      // (not "… the upgrade to" + "Version 2.4. It added …").
      const afterSentence = /[.!?:]$/.test(lines[i - 1] ?? "");
      const opens = BULLET.test(line) || (afterSentence && (CAPTION.test(line) || NOTE_HEADING.test(line)));
      if (!wraps || opens) flush();
      paragraph.add(line);
      // A line that reached the margin, or ends in a word broken by a hyphen, goes on in the next.
      wraps = (line.length >= fullWidth || /\p{L}-$/u.test(line)) && !/:$/.test(line);
    }
  });
  flush();
  return out.build();
}

/**
 * Pixels a picture in a PDF may have to be decoded (pdf.js leaves larger ones out, before
 * decoding): decoding and drawing one for OCR takes about 16 bytes a pixel, so what fits twice
 * READ_MEMORY_MB at that (134 million at the default; a 600 dpi A3 scan has 70 million). A small
 * file can declare a picture of billions of pixels that inflates from a few megabytes; it took
 * 4.5 GB before the memory watch stopped it, and one under the cap but over the memory stops the
 * whole file, text and all.
 */
const maxImagePixels = (memoryMb: number) => Math.floor((2 * memoryMb * 1024 * 1024) / 16);

/** Pages read per text request: the character limit is checked between them, not only at the end. */
const PAGE_BATCH = 50;

/**
 * Text and structure of a PDF, or why it is not read (over MAX_PDF_PAGES or MAX_DOCUMENT_CHARS).
 * pdf.js runs with `isEvalSupported: false`: it never compiles code (PostScript functions, font
 * paths) from what a file contains. With `ocr`, pages without a text layer (scans) are drawn and
 * read by OCR (scan.ts); their text is cleaned like any page's.
 */
export async function readPdf(buffer: Buffer, limits: Pick<ReadLimits, "maxPdfPages" | "maxChars" | "memoryMb">, ocr?: OcrJob): Promise<PdfDocument | string> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: new Uint8Array(buffer), isEvalSupported: false, verbosity: 0, maxImageSize: maxImagePixels(limits.memoryMb) });
  try {
    // One request at a time: the parser does not take concurrent calls.
    // When the document does not load, the parser's next call fails with "Unable to deserialize
    // cloned data."; the first error says what is wrong ("Invalid PDF structure.").
    let loadError: unknown;
    const info = await parser.getInfo().catch((error: unknown) => {
      loadError = error;
      return undefined;
    });
    const total =
      info?.total ??
      (
        await parser.getText({ first: 1, last: 1 }).catch((error: unknown) => {
          throw loadError ?? error;
        })
      ).total;
    if (total > limits.maxPdfPages) return `too many pages (${total}; MAX_PDF_PAGES is ${limits.maxPdfPages})`;
    const infoTitle = (info?.info as { Title?: unknown } | undefined)?.Title;
    // Physical pages in order; a page pdf.js gave no text for stays, empty, so numbers hold.
    const pages: string[] = Array.from({ length: total }, () => "");
    let characters = 0;
    for (let first = 1; first <= total; first += PAGE_BATCH) {
      const result = await parser.getText({ first, last: Math.min(total, first + PAGE_BATCH - 1) });
      for (const page of result.pages) {
        if (page.num < 1 || page.num > total) continue;
        pages[page.num - 1] = page.text;
        characters += page.text.length;
      }
      if (characters > limits.maxChars) return `too much text (over ${limits.maxChars} characters by page ${Math.min(total, first + PAGE_BATCH - 1)}; MAX_DOCUMENT_CHARS is ${limits.maxChars})`;
    }
    const scans = pages.flatMap((t, i) => (needsOcr(t) ? [i + 1] : []));
    const doc = (parser as unknown as { doc?: PdfJsDocument }).doc;
    const read = ocr && scans.length && doc ? await ocrPdfPages(doc, scans, ocr) : undefined;
    // pdf-parse keeps pdf.js's document in a private field; should it ever move, say so instead of silently skipping scans.
    const lost = ocr && scans.length && !doc ? ["pages without text could not be read by OCR (the PDF reader gave no page images)"] : [];
    for (const [page, pageText] of read?.texts ?? []) {
      pages[page - 1] = pageText;
      characters += pageText.length;
    }
    if (characters > limits.maxChars) return `too much text (over ${limits.maxChars} characters with the scanned pages; MAX_DOCUMENT_CHARS is ${limits.maxChars})`;
    const { text, structure } = structurePdfPages(pages, await flattenOutline(info?.outline, destinationPages(parser)));
    const title = typeof infoTitle === "string" && infoTitle.trim() ? normaliseLine(infoTitle) : undefined;
    const scanned = [...(read?.texts.keys() ?? [])].sort((a, b) => a - b);
    return {
      text,
      structure: scanned.length ? { ...structure, scanned } : structure,
      ...(title ? { title } : {}),
      ...(read ? { ocr: read.fresh } : {}),
      ...(read || lost.length ? { warnings: [...(read?.warnings ?? []), ...lost] } : {}),
    };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

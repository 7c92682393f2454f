/**
 * PDF: text per physical page through pdf-parse (pdf.js), cleaned the way a reader sees the page:
 * running headers and footers, page numbers and table-of-contents lines are dropped, words
 * hyphenated at a line end are joined, ligatures are normalised, and wrapped lines are joined
 * into paragraphs. Sections come from the outline (bookmarks) when there is one, else from
 * numbered headings. No library does this cleaning for pdf.js output, hence this file.
 */
import { StructuredText, type Structure } from "./structure.js";

export interface PdfDocument {
  readonly text: string;
  readonly structure: Structure;
  readonly title?: string;
}

interface OutlineEntry {
  readonly title: string;
  readonly depth: number;
}

const LIGATURES: Record<string, string> = { "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st" };

function normaliseLine(line: string): string {
  return line
    .replace(/[ﬀ-ﬆ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/\u00ad/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A line of a table of contents: "2.1 Title . . . . . 12" (dot leaders before a page number). */
const TOC_LINE = /(?:\.\s?){4,}\s*\d+\s*$|…{2,}\s*\d+\s*$/;
/** A line that is only a page number: "12", "iv", "12 / 63", "Page 3 of 10", "Seite 3". */
const PAGE_NUMBER_LINE = /^(?:(?:page|seite|p\.|s\.)\s*)?(?:\d+|[ivxlcdm]+)(?:\s*(?:\/|of|von|de)\s*\d+)?$/i;

/** A header or footer with its page number removed, so "Guide 12 / 63" and "Guide iv" meet. */
function runningKey(line: string): string {
  return line
    .replace(/^(?:\d+|[ivxlcdm]+)\s+/i, "")
    .replace(/(?:\s+(?:\d+|[ivxlcdm]+)(?:\s*(?:\/|of|von|de)\s*\d+)?)+$/i, "")
    .toLowerCase();
}

/** Lines near the top or bottom that repeat on many pages: running headers and footers. */
function runningLines(pages: readonly string[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(runningKey).filter((k) => k.length > 0));
    for (const key of edge) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const minPages = Math.max(3, Math.ceil(pages.length * 0.3));
  return new Set([...seen].filter(([, n]) => n >= minPages).map(([key]) => key));
}

/** Drops running headers/footers, page numbers and table-of-contents lines of one page. */
function contentLines(lines: readonly string[], running: Set<string>): string[] {
  const isEdge = (i: number) => i < 2 || i >= lines.length - 2;
  const tocLines = lines.filter((l) => TOC_LINE.test(l)).length;
  const tocPage = tocLines >= 3 && tocLines >= lines.length * 0.3;
  return lines.filter((line, i) => {
    if (!line || PAGE_NUMBER_LINE.test(line) || TOC_LINE.test(line)) return false;
    if (isEdge(i) && running.has(runningKey(line))) return false;
    // On a contents page, the chapter lines have no dot leaders but still end in a page number.
    if (tocPage && /\s\d+$/.test(line)) return false;
    return true;
  });
}

const NUMBERED_HEADING = /^((?:\d+|[A-Z])(?:\.\d+)+|\d+)\.?\s+(\p{Lu}|\p{Ll}).{0,90}$/u;
const CHAPTER_LINE = /^(?:chapter|kapitel|chapitre|capítulo|capitolo|appendix|anhang|annexe|part|teil)\s+([\dA-Z]+|[IVXLC]+)$/i;
const BULLET = /^[•◦▪‣●○■□–—*-]\s|^\d+[.)]\s/;

function headingTitleMatches(line: string, title: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  const l = norm(line);
  const t = norm(title);
  if (!t) return false;
  return l === t || (l.endsWith(t) && /^(?:(?:\d+|[a-z])(?:\.\d+)*\.?|[ivxlc]+\.)\s*$/.test(l.slice(0, l.length - t.length)));
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

  find(line: string): { level: number; title: string } | undefined {
    const chapter = CHAPTER_LINE.exec(line);
    if (chapter) {
      this.pendingChapter = chapter[1];
      return undefined;
    }
    const chapterNumber = this.pendingChapter;
    this.pendingChapter = undefined;
    if (this.outline.length) {
      // Look a few entries ahead: an entry whose heading the text lacks must not stop the rest.
      for (let k = this.next; k < Math.min(this.outline.length, this.next + 3); k++) {
        const entry = this.outline[k]!;
        if (headingTitleMatches(line, entry.title)) {
          this.next = k + 1;
          const title = chapterNumber && line.trim().toLowerCase() === entry.title.trim().toLowerCase() ? `${chapterNumber} ${line}` : line;
          return { level: entry.depth + 1, title };
        }
      }
      return undefined;
    }
    const m = NUMBERED_HEADING.exec(line);
    if (!m || /[.,;:]$/.test(line) || line.length > 100) return undefined;
    const number = m[1]!.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p.charCodeAt(0)));
    // "3 apples" or a numbered listing line ("1 Source: gentoo") is not a heading.
    if (number.length < 2 && !chapterNumber && (line.length > 60 || /[:\d]/.test(line.slice(m[1]!.length)))) return undefined;
    if (!followsInOrder(this.lastNumber, number)) return undefined;
    this.lastNumber = number;
    return { level: number.length, title: line };
  }
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

/** Joins a line to the paragraph so far, undoing hyphenation at the line end. */
function joinLine(paragraph: string, line: string): string {
  if (!paragraph) return line;
  const hyphen = /(\S*)-$/.exec(paragraph);
  if (hyphen) {
    const word = hyphen[1]!;
    // "prak-" + "tisch" -> "praktisch"; "Makefile-" + "Dateien" and "list-" + "files" in "a-list-" stay hyphenated.
    if (/^\p{Ll}/u.test(line) && /^\p{L}+$/u.test(word) && word.length > 1) return paragraph.slice(0, -1) + line;
    return paragraph + line;
  }
  return `${paragraph} ${line}`;
}

function flattenOutline(items: readonly unknown[] | null | undefined, depth = 0, out: OutlineEntry[] = []): OutlineEntry[] {
  for (const item of items ?? []) {
    const node = item as { title?: unknown; items?: unknown[] };
    if (typeof node.title === "string" && node.title.trim()) out.push({ title: normaliseLine(node.title), depth });
    flattenOutline(node.items, depth + 1, out);
  }
  return out;
}

/** Builds the document from the text of each page (pdf.js order) and the outline. */
export function structurePdfPages(pageTexts: readonly string[], outline: readonly OutlineEntry[]): { text: string; structure: Structure } {
  const pages = pageTexts.map((t) => t.split("\n").map(normaliseLine));
  const running = runningLines(pages);
  const content = pages.map((lines) => contentLines(lines, running));
  // A line this long reached the right margin: the paragraph goes on in the next line.
  const lengths = content.flat().map((l) => l.length).sort((a, b) => a - b);
  const fullWidth = Math.max(30, lengths[Math.floor(lengths.length * 0.9)] ?? 80) * 0.75;
  const finder = new HeadingFinder(outline);
  const out = new StructuredText();
  for (const lines of content) {
    out.page();
    let paragraph = "";
    let wraps = false;
    const flush = () => {
      if (paragraph) out.block(paragraph, "\n");
      paragraph = "";
    };
    for (const line of lines) {
      const heading = finder.find(line);
      if (heading) {
        flush();
        out.heading(heading.level, heading.title);
        wraps = false;
        continue;
      }
      if (CHAPTER_LINE.test(line)) continue;
      if (!wraps || BULLET.test(line)) flush();
      paragraph = joinLine(paragraph, line);
      // A line that reached the margin, or ends in a word broken by a hyphen, goes on in the next.
      wraps = (line.length >= fullWidth || /\p{L}-$/u.test(line)) && !/:$/.test(line);
    }
    flush();
  }
  return out.build();
}

export async function readPdf(buffer: Buffer): Promise<PdfDocument> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    // One request at a time: the parser does not take concurrent calls.
    const result = await parser.getText();
    const info = await parser.getInfo().catch(() => undefined);
    const infoTitle = (info?.info as { Title?: unknown } | undefined)?.Title;
    // Physical pages in order; a page pdf.js gave no text for stays, empty, so numbers hold.
    const byNumber = new Map(result.pages.map((p) => [p.num, p.text]));
    const pages = Array.from({ length: Math.max(result.total, ...byNumber.keys()) }, (_, i) => byNumber.get(i + 1) ?? "");
    const { text, structure } = structurePdfPages(pages, flattenOutline(info?.outline));
    const title = typeof infoTitle === "string" && infoTitle.trim() ? normaliseLine(infoTitle) : undefined;
    return { text, structure, ...(title ? { title } : {}) };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

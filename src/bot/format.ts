import type { Answer, Citation } from "../rag/answer/types.js";
import { isRightToLeft, t } from "../i18n/index.js";
import { escapeHtml } from "../html-text.js";
import { headOf, plainLine, tailFrom, wholeAt } from "../unicode.js";

export const TELEGRAM_LIMIT = 4096;

export { escapeHtml };

/**
 * A piece of a message: plain text with the HTML tags around it. Messages are built from blocks,
 * so a split never falls inside a tag: a block too long for one message is cut in its plain text
 * and each part gets the same tags.
 */
export interface Block {
  readonly text: string;
  readonly open?: string;
  readonly close?: string;
}

const html = (b: Block) => `${b.open ?? ""}${escapeHtml(b.text)}${b.close ?? ""}`;
const plain = (b: Block) => b.text;

/** Where to cut a text no longer than `max` (in rendered characters): paragraph, line, sentence, word, anywhere. */
function cutPoint(text: string, fits: (end: number) => boolean): number {
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  // Not inside a character (when one unit is all that fits, a guard downstream mends it).
  const limit = wholeAt(text, lo) || lo;
  const window = text.slice(0, limit);
  for (const boundary of [/\n\n(?=[^\n]*$)/, /\n(?=[^\n]*$)/, /[.!?…]["»”']?\s(?=\S*[^.!?…]*$)/, /\s(?=\S*$)/]) {
    const m = boundary.exec(window);
    if (m && m.index + m[0].length > limit / 3) return m.index + m[0].length;
  }
  return limit;
}

function splitBlock(block: Block, render: (b: Block) => string, max: number): Block[] {
  if (render(block).length <= max) return [block];
  // Tags that take most of a message themselves are dropped, not repeated around one character
  // per message: a document's 2,000-character address made every answer citing it 34 messages.
  if (render({ ...block, text: "" }).length > max / 2) return splitBlock({ text: block.text }, render, max);
  const parts: Block[] = [];
  let rest = block.text;
  while (rest.length) {
    const fits = (end: number) => render({ ...block, text: rest.slice(0, end) }).length <= max;
    const end = fits(rest.length) ? rest.length : cutPoint(rest, fits);
    parts.push({ ...block, text: rest.slice(0, end).trimEnd() });
    rest = rest.slice(end).trimStart();
  }
  return parts;
}

export type Format = "html" | "plain";
const RENDER: Record<Format, (b: Block) => string> = { html, plain };

/** Groups blocks (joined by a blank line) into as few messages as fit the limit. */
export function packBlocks(blocks: readonly Block[], format: Format, max = TELEGRAM_LIMIT): Block[][] {
  const render = RENDER[format];
  const messages: Block[][] = [];
  let current: Block[] = [];
  let length = 0;
  for (const block of blocks.flatMap((b) => splitBlock(b, render, max))) {
    const size = render(block).length;
    if (!render(block).trim()) continue;
    if (current.length && length + 2 + size <= max) {
      current.push(block);
      length += 2 + size;
    } else {
      if (current.length) messages.push(current);
      current = [block];
      length = size;
    }
  }
  if (current.length) messages.push(current);
  return messages;
}

export function renderMessage(blocks: readonly Block[], format: Format): string {
  return blocks.map(RENDER[format]).join("\n\n");
}

export function toMessages(blocks: readonly Block[], format: Format, max = TELEGRAM_LIMIT): string[] {
  return packBlocks(blocks, format, max).map((m) => renderMessage(m, format));
}


/** Separators between a page's own title and its site's name ("Guide - Site", "Guide — Site", "Site | Guide"). */
const TITLE_SEPARATOR = /^\s*[-–—|:·•]\s+|\s+[-–—|:·•]\s*$/u;

/** Whether a page title is its first heading with the site's name before or after it. */
function withSiteName(title: string, heading: string): boolean {
  if (heading.length < 3 || title.length <= heading.length) return false;
  if (title.startsWith(heading)) return TITLE_SEPARATOR.test(title.slice(heading.length, heading.length + 4));
  if (title.endsWith(heading)) return TITLE_SEPARATOR.test(title.slice(-heading.length - 4, -heading.length));
  return false;
}

/** Where a citation stands, as a reader looks it up: "Guide › 4.1 control, p. 28" ("p. 12, scanned" when OCR read it). */
export function citationPlace(c: Pick<Citation, "title" | "section" | "page" | "pageEnd" | "scanned">, lang: Answer["lang"]): string {
  // An HTML page's title is usually its first heading too: say it once. Often with the site's name
  // added ("Caching Guide - Apache HTTP Server Version 2.4" over the heading "Caching Guide"): the
  // headings say where, and the file name follows the place.
  const section = c.section && (c.section === c.title ? null : c.section.startsWith(`${c.title} › `) ? c.section.slice(c.title.length + 3) : c.section);
  const first = section?.split(" › ")[0];
  const titled = first && section === c.section && withSiteName(c.title, first);
  const place = titled ? section : section ? `${c.title} › ${section}` : c.title;
  if (c.page === null) return place;
  const pages = c.pageEnd !== null && c.pageEnd !== c.page ? t(lang, "answer-pages", { first: String(c.page), last: String(c.pageEnd) }) : t(lang, "answer-page", { page: String(c.page) });
  return c.scanned ? `${place}, ${pages}, ${t(lang, "answer-scanned")}` : `${place}, ${pages}`;
}

/**
 * A document's name in a line of a right-to-left language (Persian): kept left to right inside
 * it (Unicode isolates), so "guide.pdf" or an English title is not reordered into "pdf.guide".
 */
const isolate = (text: string, lang: string) => (isRightToLeft(lang) ? `\u2068${text}\u2069` : text);

/** "[1] Guide › 4.1 control, p. 28 (guide.pdf)": the source line of a citation (or of a near miss). */
export function sourceLine(c: Pick<Citation, "n" | "title" | "section" | "page" | "pageEnd" | "scanned" | "source">, lang: Answer["lang"]): string {
  // The file name as it reads: an override in a name already in the folder ("invoice\u202Etxt.exe.md") must not make it read as another.
  return `[${c.n}] ${isolate(citationPlace(c, lang), lang)} (${isolate(plainLine(c.source), lang)})`;
}

/**
 * The answer, then a Sources section: per citation its source line (a link when the document
 * names its address) and the quote, unless the answer already shows that quote.
 */
export function answerBlocks(answer: Answer): Block[] {
  const blocks: Block[] = [{ text: answer.text }];
  if (answer.citations.length) {
    blocks.push({ text: t(answer.lang, "answer-sources"), open: "<b>", close: "</b>" });
    // A quote's copies in other files of the folder (a citation's twins, under the same number)
    // are more places of the same text: their source lines go together, the quote once.
    const numbers = [...new Set(answer.citations.map((c) => c.n))];
    for (const n of numbers) {
      const copies = answer.citations.filter((c) => c.n === n);
      for (const c of copies) {
        const link = linkTo(c.url);
        blocks.push({ text: sourceLine(c, answer.lang), open: `<b>${link}`, close: `${link ? "</a>" : ""}</b>` });
      }
      // A quote the extractive answer already shows word for word is not shown twice. A model's
      // answer always shows what it cites: its sentence may hold the quote and say more, or the
      // opposite ("It is recommended to …" citing the end of "It is not recommended to …").
      const { quote } = copies[0]!;
      if (answer.answerer !== "extractive" || !copies.some((c) => answer.text.includes(c.quote))) {
        blocks.push({ text: quote, open: quote.length > 300 ? "<blockquote expandable>" : "<blockquote>", close: "</blockquote>" });
      }
    }
  }
  // Not an answer: where to look, without quotes.
  for (const p of answer.closest ?? []) {
    const link = linkTo(p.url);
    blocks.push({ text: sourceLine(p, answer.lang), open: link, close: link ? "</a>" : "" });
  }
  return blocks;
}

/** A link's longest address as a message writes it (escaped); a longer one is left out, the source line kept. */
const MAX_LINK = 1000;

/** The opening tag of a link to a document's address, or "" when it has none or one too long to send. */
function linkTo(url: string | undefined): string {
  const href = url ? escapeHtml(url).replace(/"/g, "&quot;") : "";
  return href && href.length <= MAX_LINK ? `<a href="${href}">` : "";
}

/** The end of a text, at most `max` characters, starting at a word (context shown before a passage). */
export function wordsBefore(text: string, max: number): string {
  if (text.length <= max) return text.trimStart();
  const cut = tailFrom(text, text.length - max);
  if (/\s/.test(text[text.length - max - 1]!)) return cut.trimStart();
  const space = cut.search(/\s/);
  return (space >= 0 && space < max / 2 ? cut.slice(space) : cut).trimStart();
}

/** The start of a text, at most `max` characters, ending at a word (context shown after a passage). */
export function wordsAfter(text: string, max: number): string {
  if (text.length <= max) return text.trimEnd();
  const cut = headOf(text, max);
  if (/\s/.test(text[max]!)) return cut.trimEnd();
  const space = Math.max(cut.lastIndexOf(" "), cut.lastIndexOf("\n"));
  return (space > max / 2 ? cut.slice(0, space) : cut).trimEnd();
}

/**
 * A cited passage in full with the text just before and after it, its place and its address:
 * what the passage button shows. The cited quote is bold inside its passage.
 */
export function passageBlocks(c: Citation, lang: Answer["lang"], passage: { text: string; start: number }, context: { before: string; after: string }): Block[] {
  const from = Math.max(0, c.start - passage.start);
  const to = Math.min(passage.text.length, c.end - passage.start);
  const blocks: Block[] = [{ text: sourceLine(c, lang), open: "<b>", close: "</b>" }];
  if (context.before) blocks.push({ text: `…${context.before}`, open: "<i>", close: "</i>" });
  if (passage.text.slice(0, from).trim()) blocks.push({ text: passage.text.slice(0, from).trim() });
  blocks.push({ text: passage.text.slice(from, to), open: "<b>", close: "</b>" });
  if (passage.text.slice(to).trim()) blocks.push({ text: passage.text.slice(to).trim() });
  if (context.after) blocks.push({ text: `${context.after}…`, open: "<i>", close: "</i>" });
  if (c.url) blocks.push({ text: c.url });
  return blocks;
}

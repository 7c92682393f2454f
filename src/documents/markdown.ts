/**
 * Markdown: front matter (title, url) as data, then headings as sections. Only heading lines and
 * code fences matter for structure, and their offsets must be exact in the text the user wrote,
 * so this scans lines instead of rendering through a Markdown parser.
 */
import { parseFrontMatter } from "./front-matter.js";
import { cleanText } from "./text.js";
import { capText, type Section, type Structure } from "./structure.js";

export interface MarkdownDocument {
  readonly text: string;
  readonly structure: Structure;
  readonly title?: string;
  readonly url?: string;
  readonly warnings: readonly string[];
}

/** The opening of an ATX heading ("## "); the title and its optional closing "##" are cut by hand. */
const ATX_OPEN = /^ {0,3}(#{1,6})[ \t]+/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
/**
 * Longer lines are never taken for headings, fences or underlines: a heading is a line of a few
 * words, and capping what the patterns see keeps each line's matching linear-time and short.
 */
const MAX_STRUCTURE_LINE = 500;

/**
 * An ATX heading's level, title and the title's offset in the line. By hand rather than one
 * pattern with a lazy title and an optional closing sequence, which backtracks quadratically.
 */
function atxHeading(line: string): { level: number; title: string; at: number } | undefined {
  const open = ATX_OPEN.exec(line);
  if (!open) return undefined;
  let title = line.slice(open[0].length).trimEnd();
  let end = title.length;
  while (end > 0 && title[end - 1] === "#") end--;
  // A closing "##" needs a blank before it ("C#" keeps its "#"); a title of only "#"s is empty.
  if (end === 0) title = "";
  else if (end < title.length && (title[end - 1] === " " || title[end - 1] === "\t")) title = title.slice(0, end).trimEnd();
  return title ? { level: open[1]!.length, title, at: open[0].length } : undefined;
}

/** Sections from ATX ("## Title") and setext ("Title\n=====") headings outside code fences. */
export function markdownSections(text: string): Section[] {
  const sections: Section[] = [];
  const stack: { level: number; title: string }[] = [];
  let fence: string | undefined;
  let offset = 0;
  let previous: { start: number; line: string } | undefined;
  const push = (level: number, title: string, start: number, headingEnd: number) => {
    while (stack.length && stack.at(-1)!.level >= level) stack.pop();
    stack.push({ level, title: capText(title) });
    sections.push({ start, headingEnd, path: stack.map((s) => s.title) });
  };
  for (const line of text.split("\n")) {
    const start = offset;
    offset += line.length + 1;
    if (line.length > MAX_STRUCTURE_LINE) {
      previous = undefined;
      continue;
    }
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
      previous = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      previous = undefined;
      continue;
    }
    const atx = atxHeading(line);
    if (atx) {
      const title = atx.title.replace(/[*_`]/g, "").trim();
      // The section starts with its "## " marker, so no chunk ends in a stray "##".
      push(atx.level, title, start, start + atx.at + atx.title.length);
      previous = undefined;
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext && previous && previous.line.trim() && !/^\s*([-*+]|\d+\.)\s/.test(previous.line)) {
      const title = previous.line.trim();
      const at = previous.start + previous.line.indexOf(title);
      push(setext[1]![0] === "=" ? 1 : 2, title.replace(/[*_`]/g, ""), at, at + title.length);
      previous = undefined;
      continue;
    }
    previous = { start, line };
  }
  return sections;
}

/**
 * The addresses of `![alt](address)` pictures. Scanned by hand, remembering the next "](": a
 * pattern tried at every "![" of a line of a million of them would read ahead from each.
 */
function pictureAddresses(text: string): string[] {
  const out: string[] = [];
  let close = -1;
  for (let at = text.indexOf("!["); at >= 0 && out.length < 1000; at = text.indexOf("![", at + 2)) {
    if (close < at + 2) close = text.indexOf("](", at + 2);
    if (close < 0) break;
    const alt = text.slice(at + 2, Math.min(close, at + 502));
    if (close - at > 502 || alt.includes("\n") || alt.includes("]")) continue;
    const address = /^\s*<?([^)\s>]{1,1000})/.exec(text.slice(close + 2, close + 1100))?.[1];
    if (address) out.push(address);
  }
  return out;
}

export function readMarkdown(raw: string): MarkdownDocument {
  const parsed = parseFrontMatter(raw);
  const data = parsed.data as { title?: unknown; url?: unknown };
  const text = cleanText(parsed.content);
  const sections = markdownSections(text);
  const title = (typeof data.title === "string" && data.title.trim()) || sections[0]?.path.at(-1);
  const url = typeof data.url === "string" && /^https?:\/\//i.test(data.url.trim()) ? data.url.trim() : undefined;
  const pictures = pictureAddresses(parsed.content);
  return {
    text,
    structure: { sections, pages: [] },
    ...(pictures.length ? { pictures } : {}),
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    warnings: parsed.warning ? [parsed.warning] : [],
  };
}

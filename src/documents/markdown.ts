/**
 * Markdown: front matter (title, url) by gray-matter, then headings as sections. Only heading
 * lines and code fences matter for structure, and their offsets must be exact in the text the
 * user wrote, so this scans lines instead of rendering through a Markdown parser.
 */
import matter from "gray-matter";
import { cleanText } from "./text.js";
import type { Section, Structure } from "./structure.js";

export interface MarkdownDocument {
  readonly text: string;
  readonly structure: Structure;
  readonly title?: string;
  readonly url?: string;
}

const ATX = /^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

/** Sections from ATX ("## Title") and setext ("Title\n=====") headings outside code fences. */
export function markdownSections(text: string): Section[] {
  const sections: Section[] = [];
  const stack: { level: number; title: string }[] = [];
  let fence: string | undefined;
  let offset = 0;
  let previous: { start: number; line: string } | undefined;
  const push = (level: number, title: string, start: number, headingEnd: number) => {
    while (stack.length && stack.at(-1)!.level >= level) stack.pop();
    stack.push({ level, title });
    sections.push({ start, headingEnd, path: stack.map((s) => s.title) });
  };
  for (const line of text.split("\n")) {
    const start = offset;
    offset += line.length + 1;
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
    const atx = ATX.exec(line);
    if (atx) {
      const title = atx[2]!.replace(/[*_`]/g, "").trim();
      // The section starts with its "## " marker, so no chunk ends in a stray "##".
      push(atx[1]!.length, title, start, start + line.indexOf(atx[2]!) + atx[2]!.length);
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

export function readMarkdown(raw: string): MarkdownDocument {
  const parsed = matter(raw);
  const data = parsed.data as { title?: unknown; url?: unknown };
  const text = cleanText(parsed.content);
  const sections = markdownSections(text);
  const title = (typeof data.title === "string" && data.title.trim()) || sections[0]?.path.at(-1);
  const url = typeof data.url === "string" && /^https?:\/\//i.test(data.url.trim()) ? data.url.trim() : undefined;
  return { text, structure: { sections, pages: [] }, ...(title ? { title } : {}), ...(url ? { url } : {}) };
}

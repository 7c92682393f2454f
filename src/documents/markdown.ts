/**
 * Markdown: front matter (title, url) as data; the rest rendered to HTML by markdown-it (a
 * CommonMark parser) and read as a web page is. A README is written for a browser: its badges
 * ("[![npm](https://img.shields.io/…)](…)"), in-page contents lists, link targets, raw HTML
 * (`<details><summary>`, contributor tables) and emphasis marks are no words of its content.
 * Read as rendered, they get the web page rules (link-only blocks left out, pictures dropped,
 * headings as sections, "<summary>" as its box's heading), and quotes read as the page does.
 * The text quoted is the rendered text, as for a web page or a PDF.
 */
import MarkdownIt from "markdown-it";
import { parseFrontMatter } from "./front-matter.js";
import { readHtml } from "./html.js";
import { cleanText } from "./text.js";
import type { Structure } from "./structure.js";

export interface MarkdownDocument {
  readonly text: string;
  readonly structure: Structure;
  readonly title?: string;
  readonly url?: string;
  readonly pictures?: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Raw HTML passes through (to be read as HTML); bare addresses stay text, quotes stay as typed;
 * a paragraph's lines stay lines (`breaks`), as the author wrote them: an index of one setting
 * per line is no sentence, and a hard-wrapped paragraph is read as sentences anyway.
 */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: true });

export function readMarkdown(raw: string): MarkdownDocument | string {
  const parsed = parseFrontMatter(raw);
  const data = parsed.data as { title?: unknown; url?: unknown };
  const page = readHtml(markdown.render(cleanText(parsed.content)), { tableRows: true });
  if (typeof page === "string") return page;
  const title = (typeof data.title === "string" && data.title.trim()) || page.title;
  const url = typeof data.url === "string" && /^https?:\/\//i.test(data.url.trim()) ? data.url.trim() : undefined;
  return {
    text: page.text,
    structure: page.structure,
    // Its pictures ("![plan](plan.png)" and <img>), which OCR may read.
    ...(page.pictures ? { pictures: page.pictures } : {}),
    ...(title ? { title } : {}),
    ...(url ? { url } : {}),
    warnings: parsed.warning ? [parsed.warning] : [],
  };
}

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
 * Raw HTML passes through (the tags of MARKUP_TAGS, to be read as HTML); bare addresses stay text,
 * quotes stay as typed; a hard-wrapped paragraph is one paragraph, as Markdown renders it (kept
 * as lines, the README folder's quotes holding the answer fell 15 -> 12 of 34).
 */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * The HTML a Markdown file may carry as markup: what READMEs use to lay out their text (a FAQ's
 * `<details>`, a table, a line break, emphasis, a picture, a link). Any other tag is text: a
 * "<script> tag" or "<title>" named in a sentence, "List<String>" or "<john>" would otherwise open
 * an element that is never closed, and the page reader leaves out a script or a page head with
 * everything after it.
 */
const MARKUP_TAGS = new Set([
  "a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "dd", "del", "details", "div", "dl", "dt", "em",
  "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "picture", "pre", "s", "samp",
  "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
]);
/** A tag, or a whole comment; anything else that opens with "<" is text. Bounded, so no line is read ahead without end. */
const RAW_HTML = /<!--[\s\S]{0,100000}?-->|<\/?([A-Za-z][\w-]{0,40})(?=[\s/>])[^<>]{0,2000}>|</g;
const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
function markupOnly(html: string): string {
  return html.replace(RAW_HTML, (match, tag: string | undefined) => {
    if (match.startsWith("<!--")) return "";
    return tag !== undefined && MARKUP_TAGS.has(tag.toLowerCase()) ? match : escapeText(match);
  });
}
markdown.renderer.rules.html_inline = (tokens, i) => markupOnly(tokens[i]!.content);
markdown.renderer.rules.html_block = (tokens, i) => markupOnly(tokens[i]!.content);

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

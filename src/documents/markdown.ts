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
 * Raw HTML passes through (the tags of BLOCK_MARKUP and INLINE_MARKUP, to be read as HTML); bare addresses stay text,
 * quotes stay as typed; a hard-wrapped paragraph is one paragraph, as Markdown renders it (kept
 * as lines, the README folder's quotes holding the answer fell 15 -> 12 of 34).
 */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * The HTML a Markdown file may lay its text out with, in a block of raw HTML (one that starts a
 * line): a FAQ's `<details>`, a table, a centred title, a picture, a link. Any other tag is text: a
 * "<script>" or "<title>" would otherwise open an element that is never closed, and the page
 * reader leaves out a script or a page head with everything after it.
 */
const BLOCK_MARKUP = new Set([
  "a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "dd", "del", "details", "div", "dl", "dt", "em",
  "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "picture", "pre", "s", "samp",
  "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
]);
/**
 * Inside a paragraph, only formatting that loses no text when left open ("Use only one <h1> per
 * page" made the rest of the file a heading; "The <a> tag" a link), and a link that has attributes.
 */
const INLINE_MARKUP = new Set(["abbr", "b", "br", "code", "del", "em", "i", "img", "ins", "kbd", "s", "samp", "small", "span", "strong", "sub", "sup", "u"]);
const inlineMarkup = (tag: string, text: string) => INLINE_MARKUP.has(tag) || (tag === "a" && (text.startsWith("</") || /\s/.test(text)));
/** A tag at the given place: its name, then anything up to the next angle bracket (so each character is read once). */
const TAG = /<\/?([A-Za-z][\w-]{0,40})(?=[\s/>])[^<>]*>/y;
const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Raw HTML with only the tags `allowed` as markup; comments dropped; every other "<" is text. Linear: scanned once, by hand. */
function markupOnly(html: string, allowed: (tag: string, text: string) => boolean): string {
  const lastClose = html.lastIndexOf("-->");
  let out = "";
  let done = 0;
  for (let at = html.indexOf("<"); at >= 0; at = html.indexOf("<", done)) {
    out += html.slice(done, at);
    if (html.startsWith("<!--", at) && lastClose >= at + 4) {
      done = html.indexOf("-->", at + 4) + 3;
      continue;
    }
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    if (tag && allowed(tag[1]!.toLowerCase(), tag[0])) out += tag[0];
    else out += escapeText(tag ? tag[0] : "<");
    done = at + (tag ? tag[0].length : 1);
  }
  return out + html.slice(done);
}
markdown.renderer.rules.html_inline = (tokens, i) => markupOnly(tokens[i]!.content, inlineMarkup);
markdown.renderer.rules.html_block = (tokens, i) => markupOnly(tokens[i]!.content, (tag) => BLOCK_MARKUP.has(tag));

/** Blocks of raw HTML that Markdown runs on to their closing tag (or comment end), however far. */
const RUNS_TO_CLOSE = /^ {0,3}<(script|style|textarea|pre|!--)(?=[\s>]|$|(?<=!--))/i;
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The text with "<" written as text where a line opens a script, style, textarea, pre or comment
 * that is never closed: Markdown would run that block on to the end of the file ("Put the loader
 * in a\n<script> tag …" took every heading after it into one block of raw text). Outside code
 * fences; each closing tag is looked for once.
 */
function closeUnclosed(text: string): string {
  const lower = text.toLowerCase();
  const lastClose: Record<string, number> = {};
  const closes = (name: string) => (lastClose[name] ??= lower.lastIndexOf(name === "!--" ? "-->" : `</${name}`));
  let fence: string | undefined;
  let offset = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = offset;
    offset += line.length + 1;
    const f = FENCE_LINE.exec(line.slice(0, 200));
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const open = RUNS_TO_CLOSE.exec(line.slice(0, 200));
    if (open && closes(open[1]!.toLowerCase()) < start + open[0].length) lines[i] = line.replace("<", "&lt;");
  }
  return lines.join("\n");
}

export function readMarkdown(raw: string): MarkdownDocument | string {
  const parsed = parseFrontMatter(raw);
  const data = parsed.data as { title?: unknown; url?: unknown };
  const page = readHtml(markdown.render(closeUnclosed(cleanText(parsed.content))), { tableRows: true });
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

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
import { escapeHtml } from "../html-text.js";
import { parseFrontMatter } from "./front-matter.js";
import { readHtml } from "./html.js";
import { readText } from "./text.js";
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
 * Link targets and titles are no text of the page, but a reference definition is written out at
 * every use: a 100 KB target used 5,000 times rendered 500 million characters (6.8 s, 1.1 GB).
 * A target longer than any real address is dropped, and titles are not written.
 */
const MAX_LINK = 4096;
const normalizeLink = markdown.normalizeLink.bind(markdown);
markdown.normalizeLink = (url) => (url.length > MAX_LINK ? "" : normalizeLink(url));
markdown.core.ruler.push("drop_link_titles", (state) => {
  for (const block of state.tokens) for (const token of block.children ?? []) if (token.attrs) token.attrs = token.attrs.filter(([name]) => name !== "title");
});

/**
 * The HTML a Markdown file may lay its text out with, in a block of raw HTML (one that starts a
 * line): a FAQ's `<details>`, a table, a centred title, a picture, a link. Other tags are not read
 * as HTML: a "<title>" or "<main>" would otherwise hide text (the page reader leaves out a page
 * head, and reads only the main element when there is one).
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
const INLINE_MARKUP = new Set([
  "abbr", "b", "big", "br", "cite", "code", "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "mark", "q", "s", "samp",
  "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var",
]);
/** Elements of a block of raw HTML whose content is no text of the page: a script, a style sheet, a template. */
const HIDDEN = new Set(["script", "style", "template"]);
/** A tag at the given place: its name, then anything up to the next angle bracket (so each character is read once). */
const TAG = /<\/?([A-Za-z][\w-]{0,40})(?=[\s/>])[^<>]*>/y;
const CLOSING_TAG = /<\/([A-Za-z][\w-]{0,40})/g;

/** How a tag of raw HTML is read: as markup, left out (its text stays), or as text. */
type Treatment = "markup" | "drop" | "text";

/**
 * Raw HTML with tags read as `treat` says; comments left out; every other "<" is text.
 * `closedNames`: the tags the file closes somewhere (a block of raw HTML ends at a blank line, so
 * "<section>" and "</section>" are often blocks apart). Linear: scanned once, by hand (a hidden element is
 * skipped to its closing tag, looked for from where it opens).
 */
function markupOnly(
  html: string,
  treat: (tag: string, text: string, closed: boolean, closedInBlock: () => boolean) => Treatment,
  closedNames: ReadonlySet<string>,
): string {
  const lastClose = html.lastIndexOf("-->");
  let lower: string | undefined;
  const unclosable = new Set<string>();
  // Where each tag is closed last in this block (one pass, when first asked).
  let lastClosing: Map<string, number> | undefined;
  const closedInBlock = (name: string, at: number) => {
    lastClosing ??= new Map(Array.from(html.matchAll(CLOSING_TAG), (m) => [m[1]!.toLowerCase(), m.index] as const));
    return (lastClosing.get(name) ?? -1) > at;
  };
  let out = "";
  let done = 0;
  for (let at = html.indexOf("<"); at >= 0; at = html.indexOf("<", done)) {
    out += html.slice(done, at);
    // An empty comment ("<!-->", "<!--->") ends where it opens, as in a browser.
    const empty = /^<!---?>/.exec(html.slice(at, at + 6));
    if (empty) {
      done = at + empty[0].length;
      continue;
    }
    if (html.startsWith("<!--", at) && lastClose >= at + 4) {
      done = html.indexOf("-->", at + 4) + 3;
      continue;
    }
    TAG.lastIndex = at;
    const tag = TAG.exec(html);
    const name = tag?.[1]!.toLowerCase();
    const closing = tag?.[0].startsWith("</") ?? false;
    const how = tag && name ? treat(name, tag[0], !closing && closedNames.has(name), () => closedInBlock(name, at)) : "text";
    if (how === "markup") out += cleanTag(name!, tag![0], closing);
    else if (how === "text") out += escapeHtml(tag ? tag[0] : "<");
    done = at + (tag ? tag[0].length : 1);
    // Looked for only when the block closes it further on: each search then ends past where it starts.
    if (how === "drop" && name && HIDDEN.has(name) && !closing && !unclosable.has(name) && closedInBlock(name, at)) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, done);
      const close = end >= 0 ? html.indexOf(">", end) : -1;
      if (close >= 0) done = close + 1;
      // No complete closing tag after here: not looked for again (each search would run to the end).
      else unclosable.add(name);
    }
  }
  return out + html.slice(done);
}
/**
 * A tag kept as markup, with only the attributes that carry a link, a picture or layout: a class,
 * id, role, style, "hidden" or "aria-hidden" would make the page reader take a README's text for
 * a site's menu or hidden chrome (GitHub strips them too), and an attribute left open by a missing
 * quote would swallow the text after it.
 */
function cleanTag(name: string, text: string, closing: boolean): string {
  if (closing) return `</${name}>`;
  let attributes = "";
  for (const m of text.slice(name.length + 1, -1).matchAll(ATTRIBUTE)) {
    const key = m[1]!.toLowerCase();
    const value = m[2] ?? m[3] ?? m[4];
    if (KEPT_ATTRIBUTES.has(key) && value !== undefined) attributes += ` ${key}="${value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"`;
    else if (key === "open") attributes += " open";
  }
  return `<${name}${attributes}>`;
}
const KEPT_ATTRIBUTES = new Set(["href", "src", "alt", "align", "start", "colspan", "rowspan"]);
/** An attribute: a name, maybe "=" and a quoted or bare value (an unclosed quote is no value). */
const ATTRIBUTE = /([A-Za-z_:][\w:.-]{0,40})(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const inlineTag = (tag: string, text: string): Treatment => (INLINE_MARKUP.has(tag) || (tag === "a" && (text.startsWith("</") || /\s/.test(text))) ? "markup" : "text");
/**
 * In a block of raw HTML, a heading is markup when it is closed in the block; a tag that is not layout is left out with its text kept when it is
 * markup beyond doubt (it has attributes, closes, or is closed further on: "<font size=5>",
 * "<section>…</section>"); a script, style sheet or template closed in its block is left out whole.
 * A tag named in a sentence ("<nav> holds the menu.") is text.
 */
const blockTag = (tag: string, text: string, closed: boolean, closedInBlock: () => boolean): Treatment =>
  BLOCK_MARKUP.has(tag) && (!HEADS.has(tag) || text.startsWith("</") || closedInBlock())
    ? "markup"
    : closed || text.startsWith("</") || /\s/.test(text.slice(0, -1).trim())
      ? "drop"
      : "text";
/**
 * Tags that make a heading of all they hold: markup only when closed in their block ("<h1
 * align=center>My Project" left open made the whole README one heading, cut at 300 characters).
 */
const HEADS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "summary"]);
/** What the renderer is given with each file: the names of the tags it closes (see markupOnly). */
const closedNamesOf = (env: unknown): ReadonlySet<string> => (env as { closedNames?: ReadonlySet<string> } | undefined)?.closedNames ?? new Set();
markdown.renderer.rules.html_inline = (tokens, i, _options, env) => markupOnly(tokens[i]!.content, inlineTag, closedNamesOf(env));
markdown.renderer.rules.html_block = (tokens, i, _options, env) => markupOnly(tokens[i]!.content, blockTag, closedNamesOf(env));

/** Blocks of raw HTML that Markdown runs on to their closing tag (or comment end), however far. */
const RUNS_TO_CLOSE = /^ {0,3}<(script|style|textarea|pre|!--)(?=[\s>]|$|(?<=!--))/i;
/** A code fence's line: a backtick fence's info string has no backtick (CommonMark), or it is no fence. */
const FENCE_LINE = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
/** A table's delimiter row ("| --- | :-: |"). */
const DELIMITER_ROW = /^[ \t]*[|:-][|:\- \t]*$/;
/** What a line of a block quote or list item opens with before its own text ("> ", "> - "). */
const CONTAINER_MARKS = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;
/** Table cells a file may have, padding included: far more than any document's tables. */
const MAX_TABLE_CELLS = 200_000;
const closingMark = (name: string) => (name === "!--" ? "-->" : `</${name}`);

/**
 * The text with "<" written as text where a line opens a script, style, textarea, pre or comment
 * that is never closed, or closed only inside a later code fence: Markdown would run that block on
 * to its closing line however far ("Put the loader in a\n<script> tag …" took every heading after
 * it into one block of raw text, and so did a closing tag in a later "```html" example). Each
 * line is looked at once: the lines holding each closing tag are listed first, and an opening
 * line's next closing is found by a pointer that only moves forward.
 */
function closeUnclosed(text: string): string {
  const lines = text.split("\n");
  // Which lines are a code fence or inside one.
  const fenced: boolean[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const f = FENCE_LINE.exec(line.slice(0, 200));
    if (fence) {
      fenced.push(true);
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
    } else {
      fenced.push(f !== null);
      if (f) fence = f[1];
    }
  }
  const closingLines = new Map<string, { lines: number[]; next: number }>();
  const closing = (name: string) => {
    let entry = closingLines.get(name);
    if (!entry) {
      const mark = closingMark(name);
      entry = { lines: [], next: 0 };
      lines.forEach((line, i) => {
        if (line.toLowerCase().includes(mark)) entry!.lines.push(i);
      });
      closingLines.set(name, entry);
    }
    return entry;
  };
  // A table's cells, as markdown-it pads every row to its header's width: past MAX_TABLE_CELLS in
  // a file, every later delimiter row is written as text, so its table is read as text (29 KB of
  // 256-column tables of one-cell rows rendered to 1.2 million cells: 11 s and 1.6 GB). Counted on
  // every line, fence or not (a fence this scan sees inside a block of HTML is none to markdown-it),
  // each delimiter row starting a table whose rows run to the next blank line or delimiter row.
  let cells = 0;
  let columns = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marks = CONTAINER_MARKS.exec(line)![0];
    const own = line.slice(marks.length);
    if (!own.trim()) columns = 0;
    else if (i > 0 && own.includes("|") && DELIMITER_ROW.test(own)) {
      columns = own.split("|").filter((c) => c.includes("-")).length;
      cells += 2 * columns;
      if (cells > MAX_TABLE_CELLS) lines[i] = `${marks}\\${own}`;
      continue;
    } else cells += columns;
    if (fenced[i]) continue;
    const open = RUNS_TO_CLOSE.exec(line.slice(0, 200));
    if (!open) continue;
    const name = open[1]!.toLowerCase();
    const entry = closing(name);
    const mark = closingMark(name);
    if (line.toLowerCase().includes(mark, open[0].length)) continue;
    // Its closing on a later line, which must be outside a fence.
    while (entry.next < entry.lines.length && entry.lines[entry.next]! <= i) entry.next++;
    const at = entry.lines[entry.next];
    if (at === undefined || fenced[at]) lines[i] = line.replace("<", "&lt;");
  }
  return lines.join("\n");
}

/**
 * Rendered to HTML (tags' names aside on both sides, link targets and attributes counted), a file keeps at least this share of its letters,
 * or it is read as plain text: rendering only adds tags, and drops no more than a reference's
 * label and Markdown's marks.
 */
const LOST_SHARE = 0.5;
const LOST_WARNING = "Markdown nested too deeply to render; read as plain text";
const TAG_NAME = /<\/?[A-Za-z][\w-]*/g;
/**
 * Letters and digits in a text's words of MAX_LINK characters at most: a longer run is no word but
 * an address or an embedded picture ("data:image/png;base64,…"), which rendering drops.
 */
function wordLetters(text: string): number {
  let count = 0;
  for (const word of text.split(/\s+/)) if (word.length <= MAX_LINK) count += word.replace(/[^\p{L}\p{N}]+/gu, "").length;
  return count;
}

export function readMarkdown(raw: string): MarkdownDocument | string {
  const parsed = parseFrontMatter(raw);
  const data = parsed.data as { title?: unknown; url?: unknown };
  // Line ends kept as typed: two blanks at the end of a line break it ("ACME GmbH  \n10115 Berlin").
  const source = closeUnclosed(parsed.content.replace(/\r\n?/g, "\n"));
  const env = { closedNames: new Set(Array.from(source.matchAll(CLOSING_TAG), (m) => m[1]!.toLowerCase())) };
  const html = markdown.render(source, env);
  // markdown-it stops at its nesting limit and renders nothing after it ("- - - … x" 50 deep):
  // what loses most of the file's words is read as the plain text it is written in.
  if (wordLetters(html.replace(TAG_NAME, "<")) < LOST_SHARE * wordLetters(source.replace(TAG_NAME, "<"))) {
    const plain = readText(source, "");
    return { text: plain.text, structure: plain.structure, ...(plain.title ? { title: plain.title } : {}), warnings: [...(parsed.warning ? [parsed.warning] : []), LOST_WARNING] };
  }
  const page = readHtml(html, { authored: true });
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

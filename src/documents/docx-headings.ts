/**
 * A Word document's headings as Word itself knows them, for mammoth to turn into h1–h6.
 *
 * mammoth makes headings only of paragraphs in the styles named "Heading 1" … "Heading 6". Real
 * documents head their chapters in other ways too, and each left a whole document without
 * sections (and its first chapter's heading taken for its title):
 * - a company template's own style ("Kapitel", "Heading 1 numbered"), with an outline level of
 *   its own or one inherited from the heading it is based on: the outline level is what Word's
 *   navigation pane and its table of contents go by;
 * - the "Title" style, which carries the document's name;
 * - a short paragraph set in bold above text that is not: the heading of someone who never used
 *   styles. It becomes a heading one level below the last styled heading before it. Only in the
 *   body (a bold cell is a column's label), not in a list, not a sentence (ending in ".", ":", …)
 *   nor longer than a heading, and not one of several bold lines in a row (but for the document's
 *   name in bold over its first heading: its title).
 *
 * The styles are read from the styles part with htmlparser2's streaming XML parser (no tree, no
 * recursion); the paragraphs are relabelled in mammoth's own document model before it writes HTML
 * (its `transformDocument` option), by a walk as deep as the document, which the nesting check
 * (MAX_NESTING) bounds before mammoth parses it.
 */
import { Parser } from "htmlparser2";

/** Where Word, LibreOffice, Google Docs and pandoc write a document's styles. */
export const STYLES_PART = "word/styles.xml";

/** A bold paragraph longer than this, in characters or words, is no heading. */
const MAX_HEADING_CHARS = 90;
const MAX_HEADING_WORDS = 12;
/** Styles read at most (a real document defines a few hundred), and links followed up a chain of styles based on one another. */
const MAX_STYLES = 10_000;
const MAX_BASED_ON = 64;

interface StyleInfo {
  name?: string;
  basedOn?: string;
  /** 0-based outline level (9 is body text in Word). */
  outline?: number;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);
function attribute(attributes: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (local(key) === name) return value;
  return undefined;
}

/** Heading level (1–6) of each paragraph style that has an outline level, its own or its base style's; "Title" is level 1. */
export function headingStyles(stylesXml: string): Map<string, number> {
  const styles = new Map<string, StyleInfo>();
  let current: StyleInfo | undefined;
  let inParagraphProperties = 0;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const name = local(tag);
        if (name === "style") {
          const id = attribute(attributes, "styleId");
          current = attribute(attributes, "type") === "paragraph" && id ? {} : undefined;
          if (current && id && styles.size < MAX_STYLES) styles.set(id, current);
          else current = undefined;
        } else if (!current) return;
        else if (name === "pPr") inParagraphProperties++;
        else if (name === "name") current.name = attribute(attributes, "val");
        else if (name === "basedOn") current.basedOn = attribute(attributes, "val");
        else if (name === "outlineLvl" && inParagraphProperties) {
          const level = Number(attribute(attributes, "val"));
          if (Number.isInteger(level)) current.outline = level;
        }
      },
      onclosetag(tag) {
        const name = local(tag);
        if (name === "style") current = undefined;
        else if (name === "pPr" && inParagraphProperties) inParagraphProperties--;
      },
    },
    { xmlMode: true },
  );
  parser.end(stylesXml);
  const levels = new Map<string, number>();
  // Each style's level found once: a chain of thousands of styles based on one another, walked
  // again for each of them, held a reader for minutes.
  const resolved = new Map<string, number | undefined>();
  const outlineOf = (id: string): number | undefined => {
    if (resolved.has(id)) return resolved.get(id);
    const chain: string[] = [];
    let at: string | undefined = id;
    let outline: number | undefined;
    while (at !== undefined && !resolved.has(at) && chain.length < MAX_BASED_ON && !chain.includes(at)) {
      chain.push(at);
      const style = styles.get(at);
      if (!style) break;
      if (style.outline !== undefined) {
        outline = style.outline;
        break;
      }
      at = style.basedOn;
    }
    if (outline === undefined && at !== undefined && resolved.has(at)) outline = resolved.get(at);
    for (const c of chain) resolved.set(c, outline);
    return outline;
  };
  for (const [id, style] of styles) {
    if (/^title$/i.test(style.name ?? "")) {
      levels.set(id, 1);
      continue;
    }
    const outline = outlineOf(id);
    if (outline !== undefined && outline >= 0 && outline <= 8) levels.set(id, Math.min(outline + 1, 6));
  }
  return levels;
}

/** mammoth's document model, as much of it as is read here. */
interface Element {
  type: string;
  children?: Element[];
  styleId?: string | null;
  styleName?: string | null;
  numbering?: unknown;
  isBold?: boolean;
  value?: string;
}

/** The style names mammoth's default style map makes headings of (and the level it makes). */
function mammothLevel(p: Element): number | undefined {
  const byId = /^Heading([1-6])$/.exec(p.styleId ?? "");
  const byName = /^heading ([1-6])$/i.exec(p.styleName ?? "");
  const level = byId?.[1] ?? byName?.[1];
  return level ? Number(level) : undefined;
}

/** The paragraph's text, and whether every run that holds text is bold. */
function paragraphText(p: Element): { text: string; bold: boolean } {
  let text = "";
  let bold = true;
  const visit = (e: Element): void => {
    if (e.type === "run") {
      let own = "";
      for (const c of e.children ?? []) if (c.type === "text") own += c.value ?? "";
      if (own.trim() && !e.isBold && !/^strong$/i.test(e.styleName ?? "")) bold = false;
      text += own;
      return;
    }
    for (const c of e.children ?? []) visit(c);
  };
  visit(p);
  return { text: text.replace(/\s+/g, " ").trim(), bold };
}

function looksLikeHeading(text: string): boolean {
  return (
    text.length > 1 &&
    text.length <= MAX_HEADING_CHARS &&
    text.split(" ").length <= MAX_HEADING_WORDS &&
    /\p{L}/u.test(text) &&
    !/[.!?:;,]$/.test(text)
  );
}

/** Whether a paragraph is a heading by its style (mammoth's or an outline level): not one a bold line could be. */
function styledLevel(p: Element, levels: ReadonlyMap<string, number>): number | undefined {
  return mammothLevel(p) ?? (p.styleId ? levels.get(p.styleId) : undefined);
}

/**
 * The body's paragraphs that head what follows them in bold: a short bold line, not in a list,
 * followed by a paragraph, list or table that is not one itself. Bold lines one after another
 * are text (opening hours, a contact sheet, key facts): made headings, a line with nothing under
 * it is no section, and its text was lost.
 */
function boldHeadings(body: readonly Element[], levels: ReadonlyMap<string, number>): { headings: Set<Element>; title?: Element } {
  const said = body.map((e) => (e.type === "paragraph" ? paragraphText(e) : { text: e.children?.length ? "…" : "", bold: false }));
  const bold = body.map((e, i) => e.type === "paragraph" && !e.numbering && styledLevel(e, levels) === undefined && said[i]!.bold && looksLikeHeading(said[i]!.text));
  const out = new Set<Element>();
  // The document's first text: a bold name over a bold first heading is its title and a heading
  // ("Academic Integrity Policy" over "1. What counts as misconduct" over its text), not two lines of text.
  const opening = said.findIndex((x) => x.text);
  let title: Element | undefined;
  for (let i = 0; i < body.length; i++) {
    const titled = i > opening && bold[opening] && said.slice(opening + 1, i).every((x) => !x.text);
    if (!bold[i] || (bold[i - 1] && !titled)) continue;
    // What it heads: the next element with text, which is no heading of any kind.
    let next = i + 1;
    while (next < body.length && !said[next]!.text) next++;
    if (next < body.length && !bold[next] && styledLevel(body[next]!, levels) === undefined) {
      out.add(body[i]!);
      if (titled) title = body[opening]!;
    }
  }
  return { headings: out, ...(title && { title }) };
}

/**
 * mammoth's `transformDocument`: paragraphs that are headings by outline level, Title style or bold
 * get a heading style name mammoth maps to h1–h6. `title` is the text of a paragraph in the Title
 * style before any heading, once the transform has run: the document's name even where no text
 * follows it before the first chapter (only a table of contents, whose links are not passages);
 * a Title further on (an appendix's cover) is a heading, not the document's name.
 */
export function headingTransform(levels: ReadonlyMap<string, number>): { transform: (document: Element) => Element; title: () => string | undefined } {
  let title: string | undefined;
  const transform = (document: Element): Element => {
    // The level of the last heading: a bold heading goes one below it.
    let last = 0;
    const { headings: bold, title: boldTitle } = boldHeadings(document.children ?? [], levels);
    const relabel = (p: Element, level: number): Element => ({ ...p, styleId: null, styleName: `heading ${level}` });
    const walk = (e: Element): Element => {
      if (e.type === "paragraph") {
        const mapped = mammothLevel(e);
        if (mapped !== undefined) {
          last = mapped;
          return e;
        }
        if (!title && last === 0 && /^title$/i.test(e.styleName ?? "")) title = paragraphText(e).text || undefined;
        const styled = e.styleId ? levels.get(e.styleId) : undefined;
        if (styled !== undefined) {
          last = styled;
          return relabel(e, styled);
        }
        // A bold title is the document's name, and heads what follows it.
        if (e === boldTitle) {
          title ??= paragraphText(e).text || undefined;
          last = 1;
          return relabel(e, 1);
        }
        return bold.has(e) ? relabel(e, Math.min(last + 1, 6)) : e;
      }
      return e.children ? { ...e, children: e.children.map(walk) } : e;
    };
    return walk(document);
  };
  return { transform, title: () => title };
}

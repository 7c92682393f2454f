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
 * - a short paragraph set in bold, alone on its line: the heading of someone who never used
 *   styles. It becomes a heading one level below the last styled heading before it. Not inside a
 *   table (a bold cell is a column's label) nor a list, and not a sentence (ending in ".", ":", …)
 *   nor longer than a heading.
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
          if (current && id) styles.set(id, current);
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
  for (const [id, style] of styles) {
    if (/^title$/i.test(style.name ?? "")) {
      levels.set(id, 1);
      continue;
    }
    // The base chain, as far as it goes without a loop (a style based on itself, or on a style that comes back to it).
    const seen = new Set<string>([id]);
    let at: StyleInfo | undefined = style;
    while (at && at.outline === undefined && at.basedOn && !seen.has(at.basedOn)) {
      seen.add(at.basedOn);
      at = styles.get(at.basedOn);
    }
    const outline = at?.outline;
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

/**
 * mammoth's `transformDocument`: paragraphs that are headings by outline level, Title style or bold
 * get a heading style name mammoth maps to h1–h6. `title` is the text of the first paragraph in
 * the Title style, once the transform has run: the document's name even where no text follows it
 * before the first chapter (only a table of contents, whose links are not passages).
 */
export function headingTransform(levels: ReadonlyMap<string, number>): { transform: (document: Element) => Element; title: () => string | undefined } {
  let title: string | undefined;
  const transform = (document: Element): Element => {
    // The level of the last heading: a bold heading goes one below it.
    let last = 0;
    const relabel = (p: Element, level: number): Element => ({ ...p, styleId: null, styleName: `heading ${level}` });
    const walk = (e: Element, inTable: boolean): Element => {
      if (e.type === "paragraph") {
        const mapped = mammothLevel(e);
        if (mapped !== undefined) {
          last = mapped;
          return e;
        }
        const styled = e.styleId ? levels.get(e.styleId) : undefined;
        if (!title && /^title$/i.test(e.styleName ?? "")) title = paragraphText(e).text || undefined;
        if (styled !== undefined) {
          last = styled;
          return relabel(e, styled);
        }
        if (inTable || e.numbering) return e;
        const { text, bold } = paragraphText(e);
        return bold && looksLikeHeading(text) ? relabel(e, Math.min(last + 1, 6)) : e;
      }
      if (!e.children) return e;
      const table = inTable || e.type === "table";
      return { ...e, children: e.children.map((c) => walk(c, table)) };
    };
    return walk(document, false);
  };
  return { transform, title: () => title };
}

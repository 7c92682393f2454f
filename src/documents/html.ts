/**
 * HTML: the main content as text with its structure. htmlparser2 parses (it is what html-to-text
 * and cheerio use); the walk over the DOM is ours because no converter reports where each heading
 * lands in its output, and section offsets must be exact.
 */
import type { AnyNode, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { findOne, getAttributeValue, textContent } from "domutils";
import { parseDocument } from "htmlparser2";
import { MAX_NESTING } from "./limits.js";
import { StructuredText, type Structure } from "./structure.js";

export interface HtmlDocument {
  readonly text: string;
  readonly structure: Structure;
  readonly title?: string;
  readonly url?: string;
  /** The language the page declares (`<html lang>`), as a lower-case primary subtag ("de"). */
  readonly lang?: string;
  /** The addresses of the pictures the page shows (its <img src>): see localPictures in formats.ts. */
  readonly pictures?: readonly string[];
}

/** Elements that are never content. */
const SKIP_TAGS = new Set([
  "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form", "button",
  "select", "input", "textarea", "svg", "canvas", "iframe", "object", "embed", "img", "picture", "video", "audio", "map",
]);
/** Landmark roles of page chrome. */
const SKIP_ROLES = new Set(["navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar", "dialog"]);
/** Class or id words of page chrome: navigation bars, menus, breadcrumbs, footers, banners. */
const CHROME = /nav|menu|breadcrumb|footer|banner|masthead|skip-?link|cookie|sidebar-?toc|site-?header|page-?header/i;

/** Containers too big to be page chrome, whatever their class says ("has-navbar" on <body>). */
const NEVER_CHROME = new Set(["html", "body", "main", "article"]);

const BLOCK_TAGS = new Set([
  "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "hr", "li", "main", "ol", "p", "section", "summary", "table", "tbody",
  "tfoot", "thead", "tr", "ul", "html",
]);
/** Blocks that follow each other on the next line rather than after a blank line. */
const LINE_TAGS = new Set(["li", "dt", "dd", "tr", "br"]);
const CELL_TAGS = new Set(["td", "th"]);
const TABLE_PARTS = new Set(["thead", "tbody", "tfoot"]);
/** A <summary>'s heading level: below the six of HTML headings, so it sits under whichever is open (one more per box it is inside). */
const SUMMARY_LEVEL = 7;
/**
 * Boxes inside boxes that nest their summaries; deeper ones take the deepest level (480 nested
 * boxes with 290-character summaries gave every passage a 140 KB section path).
 */
const MAX_BOX_LEVELS = 4;

/**
 * Elements inside a line of text. A class that names a menu command marks one the sentence names
 * ("Choose <span class="menuitem">Format - Cells</span>", DocBook's "guimenu"), not a menu of the
 * site; their other chrome words still count ("breadcrumb", "menu-toggle"). A link is judged as a
 * block is ("skip-link").
 */
const MENU_COMMAND = /(?<![\w-])(?:gui)?(?:sub)?menu(?:item|choice|selection|cascade)?(?![\w-])/gi;
const PHRASING_TAGS = new Set(["span", "em", "strong", "b", "i", "u", "s", "code", "kbd", "samp", "var", "small", "abbr", "cite", "q", "sub", "sup", "mark", "dfn", "bdi", "bdo", "time", "data", "tt"]);

/**
 * Elements whose content is never shown as the page itself: a <main>, <article>, <title> or
 * canonical link inside one is not the page's (another page's <main> kept in a <template>, an
 * <svg>'s tooltip <title>). (Not <noscript>: that is the page a reader without scripts sees.)
 */
const INERT = new Set(["script", "style", "template", "textarea", "svg", "math", "iframe", "object", "embed", "select", "canvas", "video", "audio"]);

/** The `hidden` attribute hides the element; not so the page's <html> or <body>: a page hidden whole until its scripts run is still the page. */
const hiddenAttribute = (el: Element) => el.attribs.hidden !== undefined && el.name !== "html" && el.name !== "body";

/**
 * Text struck out as no longer valid: a deletion (<del>) or text no longer accurate (<s>,
 * <strike>; Markdown's "~~…~~"). Read, "The fee is <del>20 EUR</del> <ins>35 EUR</ins>" was quoted
 * as "The fee is 20 EUR 35 EUR" (found by an attack review on answers a reader can trust).
 */
const STRUCK = new Set(["del", "s", "strike"]);

function isChrome(el: Element): boolean {
  if (SKIP_TAGS.has(el.name) || STRUCK.has(el.name)) return true;
  if ((hiddenAttribute(el) && !shownAlternative(el)) || (el.attribs["aria-hidden"] === "true" && el.name !== "html" && el.name !== "body")) return true;
  const role = el.attribs.role;
  if (role && SKIP_ROLES.has(role)) return true;
  if (NEVER_CHROME.has(el.name)) return false;
  const names = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  const judged = PHRASING_TAGS.has(el.name) ? names.replace(MENU_COMMAND, " ") : names;
  return judged.trim() !== "" && CHROME.test(judged);
}

/**
 * A hidden element of a line's text that a script shows one of: every element beside it is hidden
 * too, and nothing else is there but blanks ("<span><span hidden class="MAC">Cmd</span><span
 * hidden>Ctrl</span></span>", a key or menu per system). Dropped, the sentence loses its key
 * ("Press the +Enter keys"); the last is read, the default after the special cases, as in a switch.
 */
function shownAlternative(el: Element): boolean {
  const parent = el.parent;
  if (!PHRASING_TAGS.has(el.name) || !parent || !isTag(parent)) return false;
  const blank = (c: AnyNode) => isText(c) && c.data.trim() === "";
  // The last first (only it can pass, so a thousand hidden siblings are not each checked against all).
  for (let next = el.next; next; next = next.next) if (!blank(next)) return false;
  const siblings = parent.children.filter((c) => !blank(c));
  return siblings.length > 1 && siblings.every((c) => isTag(c) && PHRASING_TAGS.has(c.name) && c.attribs.hidden !== undefined);
}

/** Longest text of a table cell read as part of its row's line (see the Walker's cells). */
const CELL_LINE_MAX = 400;
/** What a cell of a data table does not hold: a page laid out in a table has them in its cells. */
const LAYOUT_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "pre", "blockquote", "details"]);

/** Elements of a cell looked at, at most, to tell whether it is small: every cell of nested tables is asked, so each look is bounded. */
const CELL_LOOK_NODES = 200;

function isSmallCell(cell: Element): boolean {
  let letters = 0;
  let seen = 0;
  if (cell.children.length > CELL_LOOK_NODES) return false;
  const stack: AnyNode[] = [...cell.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (++seen > CELL_LOOK_NODES) return false;
    if (isText(node)) {
      letters += node.data.length;
      if (letters > CELL_LINE_MAX) return false;
    } else if (isTag(node)) {
      if (LAYOUT_TAGS.has(node.name) || seen + stack.length + node.children.length > CELL_LOOK_NODES) return false;
      for (const child of node.children) stack.push(child);
    }
  }
  return true;
}

/** A table's rows: its own <tr>s, and those of its head, body and foot. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (!isTag(c)) continue;
    if (c.name === "tr") rows.push(c);
    else if (TABLE_PARTS.has(c.name)) for (const r of c.children) if (isTag(r) && r.name === "tr") rows.push(r);
  }
  return rows;
}

/** Rows of two columns or more a table of data has at least. */
const DATA_ROWS = 2;

/**
 * A table of data, read row by row: rows of two cells with text or more, every cell small (see
 * `isSmallCell`), so each row is a line of the text. Not a page laid out in a table, whose cells
 * hold its blocks, nor a note's box (an icon and "Warning" over the note). (Each cell is looked
 * at once, within bounds: linear in the table's size.)
 */
function isDataTable(table: Element): boolean {
  let columned = 0;
  for (const row of tableRows(table)) {
    const cells = row.children.filter((c): c is Element => isTag(c) && CELL_TAGS.has(c.name));
    if (!cells.every(isSmallCell)) return false;
    if (cells.filter((c) => /[^\s\u00a0]/.test(textContent(c))).length >= 2) columned++;
  }
  return columned >= DATA_ROWS;
}

class Walker {
  readonly out = new StructuredText();
  private line = "";
  private prefix = "";
  /** How many small table cells the walk is in: their blocks join the row's line (see the cells in `walk`). */
  private inlineCells = 0;
  private readonly links = new LinkOnly();
  /** The heading level of each definition list's terms that head their descriptions: one below the section the list is in. */
  private readonly termLevels = new WeakMap<Element, number>();
  /** Term descriptions (<dd>) the walk is inside. */
  private descriptions = 0;

  /** The heading level a term of a definition list this walk entered would have; none for a term outside such a list ("<div><dt>"). */
  private termLevelOf(term: Element): number | undefined {
    const list = term.parent && isTag(term.parent) && term.parent.name === "div" ? term.parent.parent : term.parent;
    return list && isTag(list) && list.name === "dl" ? this.termLevels.get(list) : undefined;
  }
  /** Letters of the link blocks left out (what the page would have without leaving them out is this plus its text). */
  dropped = 0;

  /**
   * `dropLinkBlocks`: blocks that are nothing but links (menus, tables of contents, "see also"
   * lists) are left out. `authored`: a page written by hand in Markdown (see readHtml).
   */
  constructor(
    private readonly dropLinkBlocks: boolean,
    private readonly authored: boolean,
    /** The footnotes' ids, with their marks' numbers: such a list item is written "[1] …" (see `noteMark`). */
    private readonly notes: ReadonlyMap<string, number> = new Map(),
    /** Footnotes without links: the raised numbers that open a block of the page (see `leadNote`). */
    private readonly plainNotes: PageParts["plainNotes"] = { numbers: new Set(), leads: new Set() },
  ) {}

  private flush(sep: "\n" | "\n\n"): void {
    const text = this.line.replace(/\s+/g, " ").trim();
    this.line = "";
    // Set apart from what came before as the break before it said (a line after a <br> is the
    // paragraph's next line, not a block of its own), and from what follows by `sep`.
    // A list item's number or bullet goes before its first text, also when that is in a block of
    // its own ("<li><p>Select …</p></li>", as Sphinx, pandoc, loose Markdown lists and Word's
    // footnotes write items): it waits for text, until its item ends.
    if (text) {
      this.out.block(this.prefix + text, "\n");
      this.prefix = "";
    }
    this.out.separate(sep);
  }

  walk(nodes: readonly AnyNode[], parent?: Element): void {
    const loose = this.dropLinkBlocks && !this.authored && this.inlineCells === 0 && !(parent && ITEM_TAGS.has(parent.name)) ? this.links.looseRuns(nodes) : undefined;
    for (const node of nodes) {
      if (loose?.has(node)) {
        if (isText(node)) this.dropped += letters(node.data);
        else if (isTag(node)) this.dropped += letters(textContent(node));
        continue;
      }
      if (isText(node)) {
        if (!ICON_GLYPHS.test(node.data)) this.line += node.data;
        continue;
      }
      if (!isTag(node) || isChrome(node)) continue;
      const name = node.name;
      const heading = /^h([1-6])$/.exec(name);
      if (heading) {
        this.flush("\n\n");
        this.out.heading(Number(heading[1]), headingText(node));
        continue;
      }
      // A disclosure box's summary ("<details><summary>Why is my value cut off?</summary>…") heads
      // what the box holds, below the page's headings, and ends with its box (closesItsHeadings).
      if (name === "summary" && node.parent && isTag(node.parent) && node.parent.name === "details") {
        this.flush("\n\n");
        // A box inside a box: its summary below the outer one's.
        let level = SUMMARY_LEVEL;
        for (let box = node.parent.parent; box && isTag(box) && level < SUMMARY_LEVEL + MAX_BOX_LEVELS; box = box.parent) if (box.name === "details") level++;
        this.out.heading(level, headingText(node));
        continue;
      }
      // A term a page links to (it has an address of its own: Sphinx's options, functions and
      // glossary terms, a DocBook entry's anchor) over a long description heads its description,
      // one level below the section it is in and only within its list: the description's second
      // passage still says which option it describes ("The maximum value is 30 seconds." of
      // "servfail-ttl"), and its citation names it.
      const termLevel = name === "dt" ? this.termLevelOf(node) : undefined;
      if (termLevel !== undefined && isAddressed(node) && describesAtLength(node, TERM_SECTION_MIN)) {
        this.flush("\n\n");
        this.out.heading(termLevel, headingText(node));
        continue;
      }
      if (name === "pre") {
        this.flush("\n\n");
        // (An item that opens with code loses its number: it is not written into the code, nor
        // given to the paragraph after it.)
        this.prefix = "";
        this.out.block(textContent(node).replace(/^\n/, ""), "\n\n");
        this.out.separate("\n\n");
        continue;
      }
      if (name === "br") {
        this.flush("\n");
        continue;
      }
      if (CELL_TAGS.has(name)) {
        // A row of several cells as a Markdown table's ("| undici - stream | 15 | 20317.29 req/sec
        // |"): each row a line of its own, its columns apart.
        const cell = this.authored ? cellPlace(node) : { index: 0, of: 1 };
        if (cell.index === TRAILING) continue;
        this.line += cell.of > 1 ? (cell.index === 0 ? "| " : " | ") : " ";
        // A cell's paragraphs ("<td><p>Monat</p></td>", as generated help pages write every cell)
        // are its text on the row's line: block by block, a table became a column of words, each
        // row's values apart from their labels. Not a cell that holds a page's layout (long, or
        // with headings, lists, tables or code of its own).
        const inline = isSmallCell(node);
        if (inline) this.inlineCells++;
        this.walk(node.children, node);
        if (inline) this.inlineCells--;
        this.line += cell.of > 1 && cell.index === cell.of - 1 ? " |" : " ";
        continue;
      }
      if (BLOCK_TAGS.has(name)) {
        if (this.dropLinkBlocks && (isLinkRow(node) || isBreadcrumb(node) || this.links.test(node) || this.links.labelled(node)) && !(this.authored && this.links.sentences(node))) {
          this.dropped += letters(textContent(node));
          continue;
        }
        if (this.inlineCells > 0) {
          this.line += " ";
          this.walk(node.children, node);
          this.line += " ";
          continue;
        }
        // A table's header row goes with its rows, in one block, as a Markdown table's author wrote
        // it: a web page's <thead> set apart by a blank line was a passage of its own ("Code
        // Signification Que faire ?"), its rows in the next without the names of their columns.
        const sep = LINE_TAGS.has(name) || TABLE_PARTS.has(name) ? "\n" : "\n\n";
        // Tables right after one another are one table, as Word shows them: a document that
        // writes each row as a table of its own ("Level | Availability", "Premium | 99.9% | 1
        // hour") had each row a block alone, read as a heading and never quoted.
        const joined = (dir: -1 | 1) => name === "table" && adjacentElement(node, dir)?.name === "table";
        this.flush(joined(-1) ? "\n" : sep);
        // A table of data: its rows are lines the answerer reads one by one (a Markdown table's
        // written as its author wrote them, with "|" between the cells).
        const rows = name === "table" && this.inlineCells === 0 && isDataTable(node);
        if (rows) this.out.openTable();
        if (name === "li") {
          const numbered = node.parent && isTag(node.parent) && node.parent.name === "ol";
          const note = node.attribs.id !== undefined ? this.notes.get(node.attribs.id) : undefined;
          this.prefix = note !== undefined ? `[${note}] ` : numbered ? `${listNumber(node)}. ` : "• ";
        }
        const depth = this.out.scope();
        // (Not a list inside a term's description: its terms stay lines, and sections do not nest without end.)
        if (name === "dl" && this.descriptions === 0) this.termLevels.set(node, this.out.level() + 1);
        // A quotation holds no section of the page, whatever level its heading has (see `restore`),
        // nor, before the page's first heading, the text after it ("> ## Note" atop a README).
        const before = name === "blockquote" ? this.out.snapshot() : undefined;
        if (name === "dd") this.descriptions++;
        this.walk(node.children, node);
        if (name === "dd") this.descriptions--;
        this.flush(joined(1) ? "\n" : sep);
        if (rows) this.out.closeTable();
        if (name === "li") this.prefix = "";
        // Other boxes only inside a section: the box or block that opens a page (its title and preamble) sets its headings for all that follows.
        if ((depth > 0 || before) && closesItsHeadings(node)) {
          if (before) this.out.restore(before);
          else this.out.endScope(depth);
        } else if (name === "dl") this.out.endScope(depth); // (its terms' headings, if any)
        continue;
      }
      // A footnote's mark, raised and linked to its note ("<sup><a href="#fn1">1</a></sup>"), is
      // "[1]", as the other readers write one: "per month.1" read as a number.
      const mark = noteMark(node);
      if (mark && this.notes.has(mark.target)) {
        this.line += `[${mark.n}]`;
        continue;
      }
      // …and one without a link, where a block of the page opens with the same raised number
      // ("per month.<sup>1</sup>" and "<p><sup>1</sup> Not for customers in Austria.</p>"): the
      // note's own number, and a mark after a sentence's end, a "%" or a word of three letters or
      // more, with no letter or digit right after it (not the "2" of "m<sup>2</sup>", "(a +
      // b)<sup>2</sup>" or "sin<sup>2</sup>x").
      const plain = name === "sup" ? supNumber(node) : undefined;
      const after = node.next && isText(node.next) ? node.next.data : "";
      if (plain !== undefined && this.plainNotes.numbers.has(plain) && (this.plainNotes.leads.has(node) || (/(?:[.,;:!?%]|\p{L}{3,})$/u.test(this.line) && !/^[\p{L}\p{N}]/u.test(after)))) {
        this.line += `[${plain}]`;
        continue;
      }
      // A link back to where a footnote is cited ("↑", "↩"), as Word's and Markdown's footnotes
      // end, and a permalink mark after a term or a caption ("¶", "#", an icon font's glyph, as
      // Sphinx puts after each definition): ways to a place on the page, not text.
      if (name === "a" && node.attribs.href?.startsWith("#")) {
        const short = shortText(node);
        if (short !== undefined && (BACK_LINK.test(short) || isPermalinkMark(node, short))) continue;
      }
      this.walk(node.children, node); // inline: its text joins the line with the spaces around it
    }
  }

  finish(): void {
    this.flush("\n\n");
  }
}

/**
 * Blocks whose only text is that of their links: a sidebar's list of topics, a table of contents,
 * a "see also" list, a menu. Worked out once per element, children first, so a page stays linear
 * however deeply its lists nest.
 */
class LinkOnly {
  private readonly memo = new WeakMap<Element, LinkCounts>();

  private of(el: Element): LinkCounts {
    const known = this.memo.get(el);
    if (known) return known;
    let links = 0;
    let text = false;
    let letters = false;
    let numbered = false;
    let words = 0;
    let linkWords = 0;
    let anchors = 0;
    let sentence = false;
    for (const c of el.children) {
      if (isText(c)) {
        words += countWords(c.data, Infinity);
        // A number before each link ("1.1. <a>Why …?</a>" of a generated contents list) is no text of its own.
        const enumerator = ENUMERATOR.test(c.data);
        numbered ||= enumerator;
        if (/[\p{L}\p{N}]/u.test(c.data) && !enumerator) text = letters = true;
        sentence ||= SENTENCE_END.test(c.data);
      } else if (isTag(c) && !isChrome(c)) {
        const inner = this.of(c);
        links += inner.links;
        text ||= inner.text;
        letters ||= inner.letters;
        numbered ||= inner.numbered;
        words += inner.words;
        linkWords += inner.linkWords;
        anchors += inner.anchors;
        sentence ||= inner.sentence;
      }
    }
    // A link goes somewhere (an <a name> is an anchor: its text is content, as in a glossary's
    // terms); its words are the link's, not text around links.
    if (el.name === "a" && el.attribs.href !== undefined) {
      links = letters ? 1 : 0;
      anchors = letters && el.attribs.href.startsWith("#") ? 1 : 0;
      linkWords = words;
      text = false;
      sentence = false;
    }
    const result = { links, text, letters, numbered, words, linkWords, anchors, sentence };
    this.memo.set(el, result);
    return result;
  }

  /**
   * Whether a block is nothing but links. Items, terms and rows are judged with their list or
   * table, never alone (a glossary's term is a link to itself); but a row of several numbered
   * links and nothing else is a contents list laid out as a table row (a DocBook FAQ's
   * "1.1. <a>…</a><br>1.2. …"; a row of an options table whose cells are links stays).
   */
  test(el: Element): boolean {
    const { links, text, numbered } = this.of(el);
    if (ITEM_TAGS.has(el.name) && !(el.name === "tr" && links >= 2 && numbered)) return false;
    return links > 0 && !text;
  }

  /**
   * Whether a block is a list of links under a label of its own ("<p>Related Topics</p>" and a
   * block of links, some with a word or two around them: "Tools - Options - <a>View</a>"): a
   * label of at most LINK_ROW_LABEL_WORDS words, no link in it, first; then blocks with at least
   * two links, whose words are LABELLED_LINK_SHARE links and whose other text ends no sentence
   * (a note's "Tip" over "Read <a>…</a> and <a>…</a> first." stays). An item, term or row is
   * judged with its list or table, and is no label (a list's first item, a table's header row).
   * Left in, the label stayed at the end of every passage the list followed. (Judged on its
   * children's counts: linear.)
   */
  labelled(el: Element): boolean {
    if (ITEM_TAGS.has(el.name)) return false;
    let label: LinkCounts | undefined;
    let links = 0;
    let words = 0;
    let linkWords = 0;
    let sentence = false;
    for (const c of el.children) {
      if (isText(c)) {
        if (/[\p{L}\p{N}]/u.test(c.data)) return false;
        continue;
      }
      if (!isTag(c) || isChrome(c)) continue;
      const counts = this.of(c);
      if (!label) {
        if (!BLOCK_TAGS.has(c.name) || ITEM_TAGS.has(c.name) || counts.links > 0 || counts.words === 0 || counts.words > LINK_ROW_LABEL_WORDS) return false;
        label = counts;
        continue;
      }
      links += counts.links;
      words += counts.words;
      linkWords += counts.linkWords;
      sentence ||= counts.sentence;
    }
    return links >= 2 && !sentence && linkWords >= LABELLED_LINK_SHARE * words;
  }

  /**
   * Links set between a container's blocks with no text of their own: a "<-previous next->" pair
   * before a chapter, a row of links a page's template puts loose in its content. Two links at
   * least (one is more often a term: "<li><a>--force</a><p>Overwrite …</p>"), in a container that
   * also holds blocks (else the run is a paragraph's text, judged as a block). Linear: each node is
   * looked at once, its counts memoised.
   */
  looseRuns(nodes: readonly AnyNode[]): Set<AnyNode> | undefined {
    if (!nodes.some((n) => isTag(n) && isBlockish(n))) return undefined;
    let found: Set<AnyNode> | undefined;
    let run: AnyNode[] = [];
    let links = 0;
    let text = false;
    const end = () => {
      if (links >= 2 && !text) for (const n of run) (found ??= new Set()).add(n);
      run = [];
      links = 0;
      text = false;
    };
    for (const n of nodes) {
      if (isTag(n) && isBlockish(n)) {
        end();
        continue;
      }
      run.push(n);
      if (isText(n)) text ||= /[\p{L}\p{N}]/u.test(n.data);
      else if (isTag(n) && !isChrome(n)) {
        const counts = n.name === "br" ? undefined : this.of(n);
        if (counts) {
          links += counts.links;
          text ||= counts.text;
        }
      }
    }
    end();
    return found;
  }

  /**
   * Whether a block of links reads as sentences: its links say LINK_SENTENCE_WORDS words each on
   * average and lead elsewhere than the page itself ("[Read the migration guide before you
   * upgrade, it lists every breaking change](MIGRATION.md)"), not a menu's "Home", "Docs" nor an
   * in-page contents list.
   */
  sentences(el: Element): boolean {
    const { links, words, anchors } = this.of(el);
    return links > 0 && anchors < links && words >= LINK_SENTENCE_WORDS * links;
  }
}

interface LinkCounts {
  readonly links: number;
  readonly text: boolean;
  readonly letters: boolean;
  readonly numbered: boolean;
  /** Words of its text, the links' included. */
  readonly words: number;
  /** …of them, the words of its links. */
  readonly linkWords: number;
  /** Whether its text outside links ends a sentence ("Read <a>…</a> and <a>…</a> first."). */
  readonly sentence: boolean;
  /** Links to a place on the page itself ("#install"). */
  readonly anchors: number;
}

/** The end of a sentence in a text outside links: a word, then ".", "!" or "?" and a blank or the end. */
const SENTENCE_END = /[\p{L}\p{N})"'»”][.!?](?:\s|$)/u;

/** Share of the words after a label that its links say for the label and links to be a list of links (see LinkOnly.labelled). */
const LABELLED_LINK_SHARE = 2 / 3;

/** Words a link says on average for a block of links to read as sentences (see LinkOnly.sentences). */
const LINK_SENTENCE_WORDS = 6;

/** A text that only numbers what follows: "1.1.", "2)", "A.", "b)", "iv." (not a version between links, "3.22"). */
const ENUMERATOR = /^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]|[A-Za-z][.)]|[IVXLCivxlc]{1,6}\.)\s*$/;

/** An element that starts a block of its own in the walk: a block, a heading, code. */
function isBlockish(el: Element): boolean {
  return BLOCK_TAGS.has(el.name) || /^h[1-6]$/.test(el.name) || el.name === "pre";
}

/** Letters and digits in a text. */
function letters(text: string): number {
  return text.replace(/[^\p{L}\p{N}]+/gu, "").length;
}

/** Parts of a list or table: never left out on their own. */
const ITEM_TAGS = new Set(["li", "dt", "dd", "tr", "tbody", "thead", "tfoot", "caption"]);

/** A page whose text without its link blocks is less than this share of all its text is a list of links: it is read whole. */
const LINK_PAGE_SHARE = 0.25;

/** Links a row of links has at least. */
const LINK_ROW_LINKS = 3;
/** Words outside the links a row of links may have: a label ("Available languages:"), the page it is on. */
const LINK_ROW_LABEL_WORDS = 3;
/** A longer block is content with links in it, not a row of links. */
const LINK_ROW_MAX_WORDS = 40;

/**
 * A breadcrumb ("Home > Guide > Install"), a language bar ("Languages: de | en | fr") or a row of
 * "see also" links: a short block of at least three links where the text outside them is only
 * separators and a short label. Told by its shape, so it is found on any site.
 */
function isLinkRow(el: Element): boolean {
  let links = 0;
  let outside = "";
  let words = 0;
  let nodes = 0;
  // Bounded: a row of links is small, so the walk stops at LINK_ROW_MAX_WORDS words or
  // LINK_ROW_MAX_NODES elements, and a long text is not split whole. (It runs for every block, at
  // every level of nesting: unbounded, deep nesting around a long text made it quadratic.)
  const visit = (children: readonly AnyNode[], inLink: boolean): boolean => {
    for (const n of children) {
      if (words > LINK_ROW_MAX_WORDS || ++nodes > LINK_ROW_MAX_NODES) return false;
      if (isText(n)) {
        words += countWords(n.data, LINK_ROW_MAX_WORDS + 1 - words);
        if (!inLink) outside += ` ${n.data.slice(0, 400)}`;
      } else if (isTag(n)) {
        if (isChrome(n)) continue;
        if (n.name === "a" && !inLink) links++;
        if (!visit(n.children, inLink || n.name === "a")) return false;
      }
    }
    return true;
  };
  if (!visit(el.children, false) || words > LINK_ROW_MAX_WORDS || links < LINK_ROW_LINKS) return false;
  // Separators, brackets around a link ("[Index]" of a Texinfo page's "Next: …, Up: … [Index]").
  const label = outside.replace(/[|>›»«<\/·•,;:–—()[\]{}-]+/g, " ").split(/\s+/).filter(Boolean);
  return label.length <= LINK_ROW_LABEL_WORDS;
}

/** Words a breadcrumb has at most, and its last step (the page's own name). */
const BREADCRUMB_MAX_WORDS = 12;
const BREADCRUMB_LAST_WORDS = 4;
/** A breadcrumb's separators: an arrow or an angle quote, not a bar or a slash, which other rows use. */
const BREADCRUMB_SEPARATOR = /[»›>→]/u;

/**
 * A breadcrumb of one or two links that a page's template writes as a paragraph, not marked as
 * navigation (`<p class="drobecky"><a href="/">Úvod</a> » Pro děti</p>`): a short block (not a
 * list's item) that opens with a link to a page of the site and goes on with arrows or angle
 * quotes between links, its last step the page's own short name, capitalised and ending no
 * sentence. (With three links or more, it is a row of links: `isLinkRow`.) Its "Úvod » Pro děti"
 * was the first sentence of the page's first passage. Not a changelog's "<a>#812</a> → Fixes a
 * crash …" nor "<a>help@…</a> > for refunds …". Read step by step, not by a pattern: one over the
 * block's text backtracked on a paragraph of blanks.
 */
function isBreadcrumb(el: Element): boolean {
  if (el.name === "li" || el.name === "dd" || el.name === "dt") return false;
  // Steps: a link, or a text between separators.
  const steps: { link: boolean; text: string }[] = [];
  let words = 0;
  let separated = true;
  for (const n of el.children) {
    if (isTag(n)) {
      if (n.name !== "a" && !INLINE_NAME.has(n.name)) return false;
      const text = textContent(n).trim();
      words += countWords(text, BREADCRUMB_MAX_WORDS + 1);
      if (n.name === "a") {
        const href = n.attribs.href ?? "";
        if (!separated || /^(?:mailto:|tel:|#)/i.test(href)) return false;
        steps.push({ link: true, text });
        separated = false;
      } else if (/^[»›>→\s]+$/u.test(text)) {
        // A separator in an element of its own (`<span class="sep">›</span>`).
        if (separated) return false;
        separated = true;
      } else if (text) {
        if (!separated || !steps.length) return false;
        steps.push({ link: false, text });
        separated = false;
      }
    } else if (isText(n)) {
      const parts = n.data.split(BREADCRUMB_SEPARATOR);
      for (let i = 0; i < parts.length; i++) {
        const text = parts[i]!.trim();
        if (i > 0) {
          if (separated) return false;
          separated = true;
        }
        if (!text) continue;
        if (!separated || !steps.length) return false;
        words += countWords(text, BREADCRUMB_MAX_WORDS + 1);
        steps.push({ link: false, text });
        separated = false;
      }
    }
    if (words > BREADCRUMB_MAX_WORDS) return false;
  }
  const last = steps.at(-1);
  if (steps.length < 2 || !steps[0]!.link || separated || !last) return false;
  // Every step but the last a link; the last the page's short name.
  if (steps.slice(0, -1).some((step) => !step.link)) return false;
  return last.link || (countWords(last.text, BREADCRUMB_LAST_WORDS + 1) <= BREADCRUMB_LAST_WORDS && /^\p{Lu}/u.test(last.text) && !/[.!?:;,]$/.test(last.text));
}
/** Inline elements a breadcrumb's steps may be wrapped in. */
const INLINE_NAME = new Set(["span", "strong", "b", "em", "i"]);

/**
 * A footnote's mark: a <sup> that holds only a link to a place on the page whose text is a number
 * ("<sup><a href="#fn1">1</a></sup>", "<sup><a href="#cite-2">[2]</a></sup>", or the link around
 * the <sup>); its number and the id it links to. A raised number without a link is an exponent.
 */
function noteMark(el: Element): { n: number; target: string } | undefined {
  const link = el.name === "sup" ? el.children.find(isTag) : el.name === "a" ? el : undefined;
  const sup = el.name === "sup" ? el : link?.children.find(isTag);
  if (!link || !sup || link.name !== "a" || sup.name !== "sup") return undefined;
  if (el.name === "sup" && el.children.some((c) => c !== link && (isTag(c) || /\S/.test(isText(c) ? c.data : "")))) return undefined;
  const href = link.attribs.href;
  const n = /^\s*\[?(\d{1,3})\]?\s*$/.exec(textContent(link))?.[1];
  if (!href?.startsWith("#") || href.length < 2 || !n) return undefined;
  let target = href.slice(1);
  try {
    target = decodeURIComponent(target);
  } catch {
    // (A malformed escape: the id as written.)
  }
  return { n: Number(n), target };
}

/** The element right before (-1) or after (1) an element, with nothing but blanks between. */
function adjacentElement(el: Element, dir: -1 | 1): Element | undefined {
  for (let n = dir < 0 ? el.prev : el.next; n; n = dir < 0 ? n.prev : n.next) {
    if (isTag(n)) return n;
    if (!isText(n) || /\S/.test(n.data)) return undefined;
  }
  return undefined;
}

/** The text of a link back to a footnote's citation: arrows alone. */
const BACK_LINK = /^[\s\u2191\u21a9\u2934\u2b06\u21b5\ufe0e\ufe0f^]+$/u;

/** Elements a row of links has at most (its links, their pictures and spans). */
const LINK_ROW_MAX_NODES = 200;

/** Words in a text, counted up to `limit` (a longer text is not scanned further). */
function countWords(text: string, limit: number): number {
  let count = 0;
  const word = /\S+/g;
  while (count < limit && word.exec(text)) count++;
  return count;
}

/**
 * A text of nothing but characters of Unicode's private use area: an icon font's glyph alone in
 * its element (a link icon, a warning sign), which no reader reads as text. (Inside a text they
 * stay: a symbol font's "≥" that an office converter left there, a name's own character.)
 */
const ICON_GLYPHS = /^\s*[\ue000-\uf8ff][\s\ue000-\uf8ff]*$/u;
/** What a permalink mark says: nothing, or a sign for "link here". */
const PERMALINK_TEXT = /^[\s¶§#\u{1F517}\u2693]*$/u;

/**
 * Whether a link to a place on its page is a permalink mark: it says nothing but "¶", "#", "§",
 * "🔗" or an icon font's glyph, or it links to the element it stands in ("<dt id=x>term<a
 * href=#x>→</a>"). A "✓" of a table, a "*" or "†" that marks a footnote, a "+" in a sentence are
 * text.
 */
function isPermalinkMark(link: Element, text: string): boolean {
  if (PERMALINK_TEXT.test(text) || ICON_GLYPHS.test(text)) return true;
  if (/[\p{L}\p{N}]/u.test(text)) return false;
  const target = link.attribs.href?.slice(1);
  for (let el = link.parent, n = 0; target && el && isTag(el) && n < 3; el = el.parent, n++) if (el.attribs.id === target) return true;
  return false;
}

/**
 * Characters of description under a term from which on the term heads it as a section: half a
 * passage (400 of the default 800), which a description that long often straddles. Shorter ones
 * stay lines, packed into passages as before (as sections, a glossary of 6,000 terms of 200
 * characters made a passage each, more than a document may have; at this length a page makes at
 * most about twice the passages it made before).
 */
const TERM_SECTION_MIN = 400;
/** Elements looked at, at most, for a term's description or a link's text. */
const LOOK_NODES = 400;
/** Characters of a link's text read, at most, to tell a mark ("¶", "↩") from a link with words. */
const MARK_CHARS = 16;

/** A link's text if it is short (a mark's is), else undefined: read no further than that, whatever the link holds. */
function shortText(link: Element): string | undefined {
  let text = "";
  let nodes = 0;
  const stack: AnyNode[] = [link];
  while (stack.length) {
    if (++nodes > LOOK_NODES) return undefined;
    const n = stack.pop()!;
    if (isText(n)) {
      text += n.data;
      if (text.trim().length > MARK_CHARS) return undefined;
    } else if (isTag(n)) {
      // (Not a link of more elements than a mark has: not even put aside to look at.)
      if (stack.length + n.children.length > LOOK_NODES) return undefined;
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return text;
}

/** Whether an element has an address on its page: an id of its own, or an anchor that opens it ("<dt><a name=…>"). */
function isAddressed(el: Element): boolean {
  if (el.attribs.id) return true;
  const first = el.children.find((c) => isTag(c) || (isText(c) && c.data.trim() !== ""));
  return !!first && isTag(first) && first.name === "a" && !!(first.attribs.id || first.attribs.name);
}

/**
 * Whether a term's description (the <dd> elements after it, up to the next term) has at least
 * `min` characters of text: counted element by element and no further than that, so a list of
 * many terms stays linear.
 */
function describesAtLength(term: Element, min: number): boolean {
  let length = 0;
  let nodes = 0;
  for (let sibling = term.next; sibling; sibling = sibling.next) {
    if (!isTag(sibling)) continue;
    if (sibling.name === "dt") return false;
    if (sibling.name !== "dd") continue;
    const stack: AnyNode[] = [sibling];
    while (stack.length) {
      // (Elements without text, nested deep, are no description: the look stops.)
      if (++nodes > LOOK_NODES) return false;
      const n = stack.pop()!;
      if (isText(n)) {
        length += n.data.trim().length;
        if (length >= min) return true;
      } else if (isTag(n) && !SKIP_TAGS.has(n.name)) {
        for (let i = Math.min(n.children.length, LOOK_NODES) - 1; i >= 0; i--) stack.push(n.children[i]!);
      }
    }
  }
  return false;
}

/** A heading's text without its permalink mark: a way to copy the address, not part of the title. */
function headingText(heading: Element): string {
  const parts: string[] = [];
  const visit = (nodes: readonly AnyNode[]) => {
    for (const n of nodes) {
      if (isText(n)) {
        if (!ICON_GLYPHS.test(n.data)) parts.push(n.data);
      } else if (isTag(n)) {
        // (In a heading, any link without a letter or digit: "¶", "#", "§", "🔗", "→", an icon.)
        if (n.name === "a" && !/[\p{L}\p{N}]/u.test(textContent(n))) continue;
        visit(n.children);
      }
    }
  };
  visit(heading.children);
  return parts.join("");
}

/**
 * Whether the headings inside an element end with it: a box or section that holds a heading of
 * its own and content after it ("Note:" and its text), and any disclosure box. A wrapper around a heading alone (a title
 * bar) does not end it: the content after the wrapper is still under that heading.
 */
function closesItsHeadings(el: Element): boolean {
  let heading = false;
  let other = false;
  for (const c of el.children) {
    if (isTag(c) && (/^h[1-6]$/.test(c.name) || (c.name === "summary" && el.name === "details"))) heading = true;
    else if (isTag(c) ? !isChrome(c) : isText(c) && c.data.trim() !== "") other = true;
  }
  // A disclosure box's summary heads only what the box holds, be it only a picture.
  return heading && (other || el.name === "details");
}

/** Each row's cells, numbered once per row (a row of 100,000 cells stays linear); empty for a row that is not read as one line. */
const cellPlaces = new WeakMap<Element, { places: Map<Element, number>; written: number }>();

/**
 * A cell's place in its row and how many cells the row has; `of` is 1 when the row is no line
 * of text: a cell holds paragraphs, lists, code or headings (a layout table, a DocBook table of
 * paragraphs), which are blocks of their own.
 */
/** The place of an empty cell at a row's end, which is not written. */
const TRAILING = -1;

function cellPlace(cell: Element): { index: number; of: number } {
  const row = cell.parent;
  // A cell outside a row ("<td>" in a "<span>") is no column (and would walk its whole subtree).
  if (!row || !isTag(row) || row.name !== "tr") return { index: 0, of: 1 };
  let entry = cellPlaces.get(row);
  if (!entry) {
    const places = new Map<Element, number>();
    const cells = row.children.filter((c): c is Element => isTag(c) && CELL_TAGS.has(c.name));
    const blocks = cells.some((c) => findOne((el) => BLOCK_TAGS.has(el.name) || el.name === "pre" || /^h[1-6]$/.test(el.name), c.children) !== null);
    // Empty cells at a row's end are not written: Markdown pads a short row to its table's width
    // (a 29 KB file of 256-column tables rendered to 2.5 million characters of " | ").
    let filled = cells.length;
    while (!blocks && filled > 0 && !/[^\s\u00a0]/.test(textContent(cells[filled - 1]!))) filled--;
    if (!blocks) for (const c of cells.slice(0, filled)) places.set(c, places.size);
    if (!blocks && filled < cells.length) for (const c of cells.slice(filled)) places.set(c, TRAILING);
    entry = { places, written: blocks ? 0 : filled };
    cellPlaces.set(row, entry);
  }
  const { places, written } = entry;
  const index = places.get(cell);
  if (index === TRAILING) return { index: TRAILING, of: written };
  return written > 1 ? { index: index ?? 0, of: written } : { index: 0, of: 1 };
}

/** Each numbered list's item numbers, worked out once per list (a list of 100,000 items stays linear). */
const itemNumbers = new WeakMap<Element, Map<Element, number>>();

function listNumber(li: Element): number {
  const list = li.parent as Element;
  let numbers = itemNumbers.get(list);
  if (!numbers) {
    const start = Number(getAttributeValue(list, "start") ?? 1);
    let n = Number.isFinite(start) ? start : 1;
    numbers = new Map();
    for (const c of list.children) if (isTag(c) && c.name === "li") numbers.set(c, n++);
    itemNumbers.set(list, numbers);
  }
  return numbers.get(li) ?? 1;
}

/** The deepest nesting of elements, measured without recursion (the walk below and domutils recurse once per level). */
function maxDepth(nodes: readonly AnyNode[]): number {
  let deepest = 0;
  const stack: { node: AnyNode; depth: number }[] = nodes.map((node) => ({ node, depth: 1 }));
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isTag(node)) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_NESTING) return deepest;
    for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

/**
 * `authored`: a page written by hand in Markdown and rendered, whose tables and links read as
 * their author wrote them: a table's rows one line each with "|" between the cells, its header
 * row in the same block; a block of links that read as sentences is text. A web page's rows are
 * read as before, their cells' text in a line (written as rows, the handbook and reference folders
 * lost quotes that had taken a whole table as one sentence, and a question on something they never
 * cover was answered), and its blocks of links are navigation.
 */
export function readHtml(raw: string, { authored = false }: { authored?: boolean } = {}): HtmlDocument | string {
  const dom = parseDocument(raw, { decodeEntities: true });
  if (maxDepth(dom.children) > MAX_NESTING) return `HTML nested too deeply (over ${MAX_NESTING} levels of elements)`;

  // One walk for what the page says of itself (each of these alone walked the whole page again).
  const page = scanPage(dom.children);
  const titleEl = page.title;
  const canonical = page.canonical;
  // The element that holds the page's content: <main> or role=main (one shown, else one in a
  // hidden box), a single <article>, an element whose id names the content, else <body>.
  const main = page.main ?? page.hiddenMain;
  const byId = main || page.articles.length === 1 ? undefined : contentById(page);
  const root = main ? [main] : page.articles.length === 1 ? page.articles : (byId ?? (page.body ? [page.body] : dom.children));
  const walk = (dropLinkBlocks: boolean) => {
    // A footnote: a list item a mark links to, numbered as its mark ("#units" of a linked
    // exponent, "m<sup><a href="#units">2</a></sup>", points to no note and stays a number).
    const notes = new Map([...page.marks].filter(([id]) => page.items.has(id)));
    const walker = new Walker(dropLinkBlocks, authored, notes, page.plainNotes);
    walker.walk(root);
    walker.finish();
    return { ...walker.out.build(), dropped: walker.dropped };
  };
  let built = walk(true);
  // A sitemap or an index is a page of links: then the links are its content.
  const kept = letters(built.text);
  const linkPage = kept < LINK_PAGE_SHARE * (kept + built.dropped);
  if (linkPage) built = walk(false);
  const text = built.text;
  const structure = linkPage ? { ...built.structure, links: true as const } : built.structure;
  // A page that only sends the browser elsewhere (<meta http-equiv="refresh">) has no content of its own.
  // One inside <noscript> sends only a browser without scripts away: the page has its content,
  // unless it has next to nothing else ("You are being redirected.").
  const refresh = page.refresh ?? (text.length < NOSCRIPT_REDIRECT_TEXT ? page.noscriptRefresh : undefined);
  if (refresh && text.length < 300) {
    const target = /url\s*=\s*['"]?([^'";]+)/i.exec(refresh.attribs.content ?? "")?.[1];
    return `a redirect page${target ? ` to ${target}` : ""}`;
  }
  const title = (titleEl ? textContent(titleEl) : "").replace(/\s+/g, " ").trim() || structure.sections[0]?.path.at(-1);
  const url = canonical?.attribs.href;
  // Pictures it shows (an <img> only: a link to a picture file may be a document of its own).
  const pictures = page.pictures;
  const lang = declaredLanguage(page);
  return { text, structure, ...(title ? { title } : {}), ...(lang ? { lang } : {}), ...(url && /^https?:\/\//i.test(url) ? { url } : {}), ...(pictures.length ? { pictures } : {}) };
}

/** Text below which a page whose only refresh is inside <noscript> is still a redirect page. */
const NOSCRIPT_REDIRECT_TEXT = 100;

/** More pictures than any page shows; a crafted page could list millions. */
const MAX_PICTURES = 1000;

/**
 * The language an <html lang="…"> (or xml:lang) declares, as its primary subtag; else its
 * <body>'s, which the whole page's text inherits as well (some manual generators declare it there).
 */
function declaredLanguage(page: PageParts): string | undefined {
  const declared = (el: Element | undefined) => el && (el.attribs.lang ?? el.attribs["xml:lang"]);
  const value = declared(page.html) || declared(page.body);
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/** Ids of a <div> that name a page's content column, as sites without a <main> write it: "content", "main-content", "maincontent", "main", "primary" (a <section> so named is one part of a page: pandoc names sections by their headings). */
const CONTENT_ID = /^(?:main[-_]?content|content|main|primary|page[-_]?content)$/i;
/** Ids or classes of the notes a page's content element has after it, beside it. */
const NOTES_ID = /(?:^|\s)(?:foot|end)notes?(?:\s|$)/i;
/** Share of the page's letters its content element holds at least: a smaller one is a box of its own that a site happened to call "content". */
const CONTENT_ID_SHARE = 0.5;

/**
 * A page without a <main>: the element its id names the content (`<div id="content">`), whose
 * headings and text are the page's, without the sidebar beside it ("Kundencenter" with its
 * address and hours, a box on every page of a site, was read as a section under each page's last
 * heading). Only when it holds the page's first heading and at least CONTENT_ID_SHARE of its letters.
 */
function contentById(page: PageParts): Element[] | undefined {
  const el = page.contentId;
  if (!el || !page.body) return undefined;
  // And only when it holds the page's first heading: a page whose title and summary stand above
  // it (asciidoc's "<div id="header"><h1>git-clean(1)</h1><h2>NAME</h2>…") is read whole.
  const first = findOne((x) => /^h[1-6]$/.test(x.name), page.body.children);
  if (first) {
    let inside = false;
    for (let at: AnyNode | null = first; at && !inside; at = at.parent) inside = at === el;
    if (!inside) return undefined;
  }
  if (letters(textContent(el)) < CONTENT_ID_SHARE * letters(textContent(page.body))) return undefined;
  // With the notes after it (asciidoc's <div id="footnotes">): its marks' notes are the page's.
  const notes: Element[] = [];
  for (let next = el.next; next; next = next.next) if (isTag(next) && NOTES_ID.test(`${next.attribs.id ?? ""} ${next.attribs.class ?? ""}`)) notes.push(next);
  return [el, ...notes];
}

/** What a page says of itself, found in one walk: the first of each, in document order. */
interface PageParts {
  html?: Element;
  body?: Element;
  title?: Element;
  canonical?: Element;
  /** <main> or role=main. */
  main?: Element;
  /** The first one inside an element the `hidden` attribute hides: the page's only when none is shown. */
  hiddenMain?: Element;
  /** The first <div> whose id names the page's content ("content", "main-content"): see `contentById`. */
  contentId?: Element;
  articles: Element[];
  /** A <meta http-equiv="refresh"> not inside <noscript>: that one sends only a browser without scripts away, and the page has its content. */
  refresh?: Element;
  noscriptRefresh?: Element;
  /** The addresses of its pictures (an <img> only: a link to a picture file may be a document of its own). */
  pictures: string[];
  /** The ids that a footnote mark links to, with the mark's number (see `noteMark`). */
  marks: Map<string, number>;
  /** The ids of its list items. */
  items: Set<string>;
  /** The numbers of the raised numbers that open a block (a footnote without links, see `leadNote`), and those <sup>s. */
  plainNotes: { numbers: Set<number>; leads: Set<Element> };
}

/** The number a <sup> holds and nothing else (1 to 3 digits), if so. */
function supNumber(el: Element): number | undefined {
  const n = /^\s*(\d{1,3})\s*$/.exec(textContent(el))?.[1];
  return n === undefined || el.children.some(isTag) ? undefined : Number(n);
}

/**
 * The <sup> holding only a number that opens a block element, with text after it set apart by a
 * space: a footnote's own number ("<p><sup>1</sup> Not for …</p>"; not an isotope's,
 * "<p><sup>14</sup>C dating …</p>").
 */
function leadNote(el: Element): Element | undefined {
  if (!NOTE_BLOCKS.has(el.name)) return undefined;
  const first = el.children.find((c) => isTag(c) || (isText(c) && /\S/.test(c.data)));
  if (!first || !isTag(first) || first.name !== "sup" || supNumber(first) === undefined) return undefined;
  return /^\s+\S/.test(textContent(el).slice(textContent(el).indexOf(textContent(first)) + textContent(first).length)) ? first : undefined;
}
const NOTE_BLOCKS = new Set(["p", "li", "div", "dd"]);

function scanPage(nodes: readonly AnyNode[]): PageParts {
  const page: PageParts = { articles: [], pictures: [], marks: new Map(), items: new Set(), plainNotes: { numbers: new Set(), leads: new Set() } };
  // Depth first, in document order, without recursion; on the way down a <noscript> is marked, and
  // so is what is never shown (INERT) and what the `hidden` attribute hides: what the page says of
  // itself is taken from what it shows (a <main> in a hidden box only when no <main> is shown: a
  // page may be hidden whole until its scripts have run).
  const stack: { node: AnyNode; noscript: boolean; inert: boolean; hidden: boolean }[] = [...nodes].reverse().map((node) => ({ node, noscript: false, inert: false, hidden: false }));
  while (stack.length) {
    const { node, noscript, inert: inInert, hidden: inHidden } = stack.pop()!;
    if (!isTag(node)) continue;
    const el = node;
    const name = el.name;
    const inert = inInert || INERT.has(name);
    const hidden = inHidden || hiddenAttribute(el);
    const inNoscript = noscript || name === "noscript";
    // (Pictures are counted wherever they are: one the page shows later is not a document of its own.)
    if (name === "img" && el.attribs.src && page.pictures.length < MAX_PICTURES) page.pictures.push(el.attribs.src.slice(0, 2000));
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i]!, noscript: inNoscript, inert, hidden });
    if (inert) continue;
    if (hidden) {
      if (name === "main" || el.attribs.role === "main") page.hiddenMain ??= el;
      continue;
    }
    const mark = noteMark(el);
    if (mark && !page.marks.has(mark.target)) page.marks.set(mark.target, mark.n);
    if (name === "li" && el.attribs.id) page.items.add(el.attribs.id);
    const lead = leadNote(el);
    if (lead) {
      page.plainNotes.numbers.add(supNumber(lead)!);
      page.plainNotes.leads.add(lead);
    }
    if (name === "html") page.html ??= el;
    else if (name === "body") page.body ??= el;
    else if (name === "title") page.title ??= el;
    else if (name === "link" && /(^|\s)canonical(\s|$)/i.test(el.attribs.rel ?? "")) page.canonical ??= el;
    else if (name === "article") page.articles.push(el);
    else if (name === "meta" && (el.attribs["http-equiv"] ?? "").toLowerCase() === "refresh") {
      if (noscript) page.noscriptRefresh ??= el;
      else page.refresh ??= el;
    }
    if (name === "main" || el.attribs.role === "main") page.main ??= el;
    if (name === "div" && el.attribs.id && CONTENT_ID.test(el.attribs.id)) page.contentId ??= el;
  }
  return page;
}

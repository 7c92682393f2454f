/**
 * A document's structure as offsets into its text: sections (heading path) and pages. Every
 * reader produces text through a StructuredText, so offsets are exact by construction and the
 * splitter, the citations and the reader all agree on where a section or page starts.
 */
import { trimLineEnds } from "./text.js";
import { headOf, plainLine } from "../unicode.js";

/** A section: from its heading to the next heading (of any level). */
export interface Section {
  /** Offset of the heading's first character. */
  readonly start: number;
  /** Offset just after the heading text: [start, headingEnd) is the heading itself. */
  readonly headingEnd: number;
  /** Heading path from the outermost heading to this one. */
  readonly path: readonly string[];
}

export interface Structure {
  readonly sections: readonly Section[];
  /** Start offset of each physical page (index 0 is page 1); empty when the format has no pages. */
  readonly pages: readonly number[];
  /** 1-based pages whose text was read from a picture by OCR (a scan, a photo). */
  readonly scanned?: readonly number[];
  /** The document is a page of links (a sitemap, an index, a table of contents): its text lists where to read, it does not say it. */
  readonly links?: true;
  /**
   * The document's tables read row by row, as [start, end) offsets, in order: each line of such a
   * span is a row (or a header row) of its own, never a sentence wrapped over lines.
   */
  readonly tables?: readonly (readonly [number, number])[];
}

/**
 * Sections as they cross from a reader's worker to the bot: each distinct heading once, and per
 * section its offsets and the indexes of its path's headings. Every section carries its whole
 * path, and copying between threads writes each string out again for each section: 800,000
 * "### x" lines under two long headings made 470 million characters, and the bot ran out of
 * memory. Unpacked, the sections share their heading strings again.
 */
export interface PackedSections {
  readonly headings: readonly string[];
  /** Per section: start, headingEnd, path length, then the path's heading indexes. */
  readonly rows: Int32Array;
}

/** Packed once per sections array: the reader packs them to hash the document, its worker again to send them. */
const packedOnce = new WeakMap<readonly Section[], PackedSections>();

export function packSections(sections: readonly Section[]): PackedSections {
  const known = packedOnce.get(sections);
  if (known) return known;
  const index = new Map<string, number>();
  const headings: string[] = [];
  let size = 0;
  for (const s of sections) size += 3 + s.path.length;
  const rows = new Int32Array(size);
  let at = 0;
  for (const s of sections) {
    rows[at++] = s.start;
    rows[at++] = s.headingEnd;
    rows[at++] = s.path.length;
    for (const title of s.path) {
      let i = index.get(title);
      if (i === undefined) index.set(title, (i = headings.push(title) - 1));
      rows[at++] = i;
    }
  }
  const packed = { headings, rows };
  packedOnce.set(sections, packed);
  return packed;
}

export function unpackSections(packed: PackedSections): Section[] {
  const out: Section[] = [];
  const { headings, rows } = packed;
  for (let at = 0; at < rows.length; ) {
    const start = rows[at++]!;
    const headingEnd = rows[at++]!;
    const depth = rows[at++]!;
    const path: string[] = [];
    for (let k = 0; k < depth; k++) path.push(headings[rows[at++]!]!);
    out.push({ start, headingEnd, path });
  }
  return out;
}

/** Longest title or heading kept: every passage carries its document's title and section path. */
export const MAX_HEADING = 300;

export function capText(text: string, max = MAX_HEADING): string {
  return text.length > max ? `${headOf(text, max - 1).trimEnd()}…` : text;
}

/** How a section path is shown to readers: "6. Maintenance › 6.2. apt-get". */
export const SECTION_SEPARATOR = " › ";

export function sectionLabel(path: readonly string[]): string | null {
  return path.length ? path.join(SECTION_SEPARATOR) : null;
}

/** The headings of a section label, outermost first (none for null). */
export function sectionPath(label: string | null): string[] {
  return label ? label.split(SECTION_SEPARATOR) : [];
}

/** Index of the last item whose key is <= value, in a list ascending by key (-1 when none). */
function lastAtOrBefore<T>(list: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The 1-based page holding `offset`, or null for a document without pages. */
export function pageAt(structure: Structure, offset: number): number | null {
  if (!structure.pages.length) return null;
  return Math.max(0, lastAtOrBefore(structure.pages, (p) => p, offset)) + 1;
}

/**
 * The sections a stretch [start, end) lies in, in order, each from its heading (the first's may
 * be before `start`); before the first heading, an empty path from `start`.
 */
export function sectionsIn(structure: Structure, start: number, end: number): { at: number; path: readonly string[] }[] {
  const { sections } = structure;
  const first = lastAtOrBefore(sections, (s) => s.start, start);
  const out = [first < 0 ? { at: start, path: [] } : { at: sections[first]!.start, path: sections[first]!.path }];
  for (let i = first + 1; i < sections.length && sections[i]!.start < end; i++) out.push({ at: sections[i]!.start, path: sections[i]!.path });
  return out;
}

/** The section covering most of [start, end); null when most of it lies before the first heading. */
export function sectionOf(structure: Structure, start: number, end: number, textLength: number): Section | null {
  const { sections } = structure;
  let best: Section | null = null;
  let bestCover = Math.min(end, sections[0]?.start ?? textLength) - start;
  for (let i = Math.max(0, lastAtOrBefore(sections, (s) => s.start, start)); i < sections.length && sections[i]!.start < end; i++) {
    const to = i + 1 < sections.length ? sections[i + 1]!.start : textLength;
    const cover = Math.min(end, to) - Math.max(start, sections[i]!.start);
    if (cover > bestCover) {
      best = sections[i]!;
      bestCover = cover;
    }
  }
  return best;
}

/**
 * Builds a document's text block by block, recording headings and page starts. Blocks are
 * trimmed and joined by a blank line (or a line break for list items and table rows), so the
 * text needs no cleaning afterwards that would move offsets.
 */
/** A heading path saved by `StructuredText.snapshot`. */
export interface HeadingSnapshot {
  readonly stack: readonly { level: number; title: string }[];
  readonly pending: readonly { level: number; title: string; path: string[]; written?: true }[];
}

export class StructuredText {
  private text = "";
  private pendingSep = "";
  private readonly sections: Section[] = [];
  private readonly stack: { level: number; title: string }[] = [];
  /** Headings not written yet: a heading is written with the first block under it. */
  private pending: { level: number; title: string; path: string[]; written?: true }[] = [];
  private readonly pages: number[] = [];
  private pageOpen = false;
  private readonly tables: [number, number][] = [];
  /** Where the table being written began (its first block) and how many tables deep the writing is, while one is open (see `openTable`). */
  private table: { start?: number; depth: number } | undefined;

  /** Separator before the next block: the strongest asked for since the last one. */
  separate(sep: "\n" | "\n\n"): void {
    if (this.text && sep.length > this.pendingSep.length) this.pendingSep = sep;
  }

  private append(text: string): number {
    if (this.text) this.text += this.pendingSep || "\n";
    this.pendingSep = "";
    const at = this.text.length;
    if (this.pageOpen) {
      this.pages.push(at);
      this.pageOpen = false;
    }
    this.text += text;
    return at;
  }

  /**
   * A paragraph, list item, code block…: kept as given apart from trailing blanks. `pageStarts`:
   * offsets in a paragraph of one line that runs on over a page's foot where the next pages begin
   * (at or past its end: the next page begins with the next block).
   */
  block(text: string, sep: "\n" | "\n\n" = "\n\n", pageStarts: readonly number[] = []): void {
    const clean = trimLineEnds(text)
      .replace(/\n{3,}/g, "\n\n")
      .replace(/^\n+/, "")
      .trimEnd();
    if (!clean.trim()) {
      for (const _ of pageStarts) this.page();
      return;
    }
    this.writePending();
    this.separate(sep);
    const at = this.append(clean);
    if (this.table && this.table.start === undefined) this.table.start = at;
    for (const offset of pageStarts) {
      if (offset < clean.length) this.pages.push(at + offset);
      else this.page();
    }
  }

  private writePending(): void {
    for (const heading of this.pending) {
      const { title, path } = heading;
      heading.written = true;
      this.separate("\n\n");
      const start = this.append(title);
      this.sections.push({ start, headingEnd: start + title.length, path });
      this.separate("\n\n");
    }
    this.pending = [];
  }

  /**
   * A heading of `level` (1 = outermost): starts a section whose path ends with it. It is written
   * with the first block under it: a heading with nothing of its own before the next heading of
   * its level or above (the "Topics" and "See also" of a sidebar whose links were left out, a
   * chapter title page) is no passage and no section.
   */
  heading(level: number, title: string): void {
    // Every passage of the section carries its path: a heading is capped, so a huge one cannot
    // multiply. It is shown in citations: no direction override may make it read as another.
    const clean = capText(plainLine(title, { keepMarks: true }));
    if (!clean) return;
    while (this.stack.length && this.stack.at(-1)!.level >= level) this.stack.pop();
    this.pending = this.pending.filter((p) => p.level < level);
    this.stack.push({ level, title: clean });
    this.pending.push({ level, title: clean, path: this.stack.map((s) => s.title) });
  }

  /** The level of the innermost heading open now (0 before any). */
  level(): number {
    return this.stack.at(-1)?.level ?? 0;
  }

  /** Where the heading path stands now: give it to `endScope` when the element that opened a scope ends. */
  scope(): number {
    return this.stack.length;
  }

  /** The heading path as it stands now, whole: give it to `restore` when a quotation box ends. */
  snapshot(): HeadingSnapshot {
    return { stack: [...this.stack], pending: [...this.pending] };
  }

  /**
   * Puts back the heading path of a snapshot: a quotation box's heading ("> ## Note" in Markdown)
   * is the box's own, whatever its level, and what follows the box is in the section that was
   * open before it. `endScope` alone cannot: a heading at the level of an outer one (a "Note" as
   * an h2 under an h2 chapter) has already closed it, and every later passage of the chapter was
   * labelled "Note". An outer heading not written yet (nothing under it before the box) waits again.
   */
  restore(snapshot: HeadingSnapshot): void {
    const same = snapshot.stack.length === this.stack.length && snapshot.stack.every((s, i) => s === this.stack[i]);
    if (same) return;
    this.stack.splice(0, this.stack.length, ...snapshot.stack);
    this.pending = snapshot.pending.filter((p) => !p.written);
    this.resume();
  }

  /**
   * Ends the headings opened since `scope()` (a note box's "Note:" heading ends with its box):
   * what follows is in the section that was open before, again.
   */
  endScope(depth: number): void {
    if (this.stack.length <= depth) return;
    this.stack.length = depth;
    this.pending = this.pending.filter((p) => p.path.length <= depth);
    this.resume();
  }

  /** The section of the heading path as it now stands goes on from here. */
  private resume(): void {
    // An outer heading still waiting for its text starts its section when it is written.
    if (this.pending.length) return;
    const start = this.text.length;
    const last = this.sections.at(-1);
    // A section that ends before any text of its own is replaced, not left empty.
    if (last && last.start >= start) this.sections.pop();
    this.sections.push({ start, headingEnd: start, path: this.stack.map((s) => s.title) });
  }

  /** The blocks up to `closeTable` are a table's rows, one line each (see Structure.tables); a table inside it is part of it. */
  openTable(): void {
    if (this.table) this.table.depth++;
    else this.table = { depth: 1 };
  }

  closeTable(): void {
    if (!this.table || --this.table.depth > 0) return;
    const { start } = this.table;
    this.table = undefined;
    if (start === undefined || this.text.length <= start) return;
    // Tables right after one another (written a line apart: see the HTML reader) are one.
    const last = this.tables.at(-1);
    if (last && this.text.slice(last[1], start) === "\n") last[1] = this.text.length;
    else this.tables.push([start, this.text.length]);
  }

  /** The next block starts a new page (a page without text starts where the next text does). */
  page(): void {
    if (this.pageOpen) this.pages.push(this.text.length);
    this.pageOpen = true;
    this.separate("\n\n");
  }

  build(): { text: string; structure: Structure } {
    const pages = [...this.pages];
    if (this.pageOpen) pages.push(this.text.length);
    const structure = { sections: this.sections, pages: pages.map((p) => Math.min(p, this.text.length)) };
    return { text: this.text, structure: this.tables.length ? { ...structure, tables: this.tables } : structure };
  }
}

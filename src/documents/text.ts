/**
 * Plain text: the structure a text file shows by its layout. Headings are numbered lines standing
 * alone ("3.4 Why is it slow?", "2. To generate a key") or, short, right over their text ("1. Neue
 * Kita-App" over a letter's paragraph), underlined titles (reStructuredText and
 * setext style), outline stars ("* Changes in release 1.2", as GNU NEWS files write) and, in a
 * file with no other kind, capitalised lines (a manual page's "DESCRIPTION"); a contents list that
 * repeats the headings is no passage; a title in capitals may stand right over its text ("ART. 4 -
 * COLTIVAZIONE" over "Sono ammesse …"); a body indented as a whole (a FAQ's answers under their
 * questions) is read at its own margin, so its lines join into sentences and only what is indented
 * further stays a block of its own (code). The title is the first line that reads like one, after
 * mail-style header fields, markers like "<DRAFT!>" and an editor's mode line.
 */
import path from "node:path";
import { StructuredText, type Structure } from "./structure.js";

/**
 * Trailing blanks of every line removed. Split and trimmed rather than `/[ \t]+\n/g`: that pattern
 * backtracks over a long run of blanks that no line break ends, which is quadratic in the run.
 */
export function trimLineEnds(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}

/** Normalises line endings and trailing blanks, so offsets and hashes do not depend on the editor. */
export function cleanText(text: string): string {
  return trimLineEnds(text.replace(/\r\n?/g, "\n"))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** "release-notes_2024.txt" -> "Release notes 2024". */
export function readableFileName(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[-_.]+/g, " ").replace(/\s+/g, " ").trim();
  return base ? base[0]!.toUpperCase() + base.slice(1) : file;
}

const HEADING_MAX = 100;
/** Longest title a numbered heading has over its text in the same paragraph. */
const TITLE_OVER_TEXT_MAX = 60;
/** Characters such a title stops short of the text's next line at least. */
const TITLE_SHORT_BY = 20;
/** Sentences the text under such a title has at least. */
const TITLE_TEXT_SENTENCES = 2;
/** A sentence's end: its mark before a blank and a capital, or at the end. */
const SENTENCE_ENDS = /[.!?…]["'”»)]*(?=\s+\p{Lu}|\s*$)/gu;

/** A first line that is short, stands alone and does not end like a sentence. */
function headingLine(text: string): string | undefined {
  const [first = "", second] = text.split("\n", 2);
  const line = first.trim();
  if (!line || line.length > HEADING_MAX) return undefined;
  if (/[.,;:!?…]$/.test(line) && !/\?$/.test(line)) return undefined;
  if (second !== undefined && second.trim() !== "" && line.length > 60) return undefined;
  return /\p{L}/u.test(line) ? line : undefined;
}

/** An article's or section's mark and number, then its title: "Čl. 2 Výpůjční lhůty", "§ 3 Beiträge", "Art. 4 - Durata", "Article 5: Membership". */
const SECTION_LINE = /^(?:§{1,2}|Art\.|Artikel|Article|Articolo|Artículo|Artigo|Čl\.|Článek|Artykuł)\s*\d{1,3}[a-z]?\.?\s*(?:[-–—:.]\s*)?\p{L}/u;

/** A numbered heading: "3.4<tab>Why …", "5.11. My script …", "2. To generate …" (the number, the rest). */
const NUMBERED = /^(\d{1,3}(?:\.\d{1,3}){0,5})(\.?)[ \t]+(\S.*)$/;
/** Characters an underline or overline repeats. */
const ADORNMENT_CHARS = new Set("=-~^*+#\"':.");
/** Longest rule line taken for an underline (a longer one is a separator, and is not scanned). */
const ADORNMENT_MAX = 400;

/** An underline or overline: one punctuation character repeated, three times or more. (A loop: a backreference pattern ran out of stack on a line of millions.) */
function isAdornment(line: string): boolean {
  if (line.length < 3 || line.length > ADORNMENT_MAX || !ADORNMENT_CHARS.has(line[0]!)) return false;
  for (let i = 1; i < line.length; i++) if (line[i] !== line[0]) return false;
  return true;
}
/** Signs of code or program output in a line: no title has them. */
const CODE_SIGNS = /[;{}<>=]|:\d/;
/** Words set in columns (a gap of two spaces or a tab, not after a sentence's end): a table's header or row, no title. */
const COLUMNS = /[^\s.:!?](?: {2,}|\t)\S/;
/** Outline headings: "* Title", "** Subtitle". */
const STARS = /^(\*{1,4}) (\S.*)$/;
/** A capitalised heading line: letters in capitals, digits and a few signs, no lower case. */
const CAPITALS = /^[\p{Lu}\d][\p{Lu}\d &/,'()-]*$/u;
/**
 * A title in capitals over its text, on the line right above it ("ART. 4 - COLTIVAZIONE" over
 * "Sono ammesse colture …", "1. QUANDO SI PUÒ ANNAFFIARE" over "Da maggio …", as rules and
 * notices are typed): capitals, digits and a title's signs, not ending like a clause.
 */
const CAPITAL_TITLE = /^(?=.*\p{Lu}{3})[\p{Lu}\d][\p{Lu}\d &/,.'’()–:-]*(?<![,.;:])$/u;
/** Whether a paragraph opens with a capitalised title over text of its own (lines in lower case too: not a paragraph in capitals, a licence's disclaimer). */
function titledInCapitals(lines: readonly string[], title: string): boolean {
  return lines.length > 1 && title.length <= HEADING_MAX && CAPITAL_TITLE.test(title) && /\p{Ll}/u.test(lines[1]!) && !NUMBERED.test(lines[1]!);
}
/** A mail or news header field ("Archive-Name: …", "Last-modified: …"). */
const HEADER_FIELD = /^[A-Z][A-Za-z-]{1,30}: \S/;
/** Headings of a kind needed before any of that kind is taken (one "1. Foo" alone is a list item). */
const MIN_OF_KIND = 2;
/** Share of a paragraph's lines that are numbered entries for it to be a contents list. */
const CONTENTS_SHARE = 0.6;
/** Share of the non-blank lines that must start with the body's indentation for it to be stripped. */
const BODY_INDENT_SHARE = 0.5;

interface Paragraph {
  /** The lines as written (trailing blanks removed). */
  readonly lines: string[];
  /** The lines at the body's margin. */
  readonly body: string[];
}

interface Heading {
  readonly kind: "numbered" | "underlined" | "stars" | "capitals" | "marked";
  readonly title: string;
  /** Numbered: the number's depth; stars: their count; underlined: the style's order of appearance. */
  readonly depth: number;
  /** Text of its own in the same paragraph, right under it (an answer on the line after its question). */
  readonly body?: readonly string[];
}

/**
 * The indentation most of the prose lines share, when most lines have it ("\t", "   "); else "".
 * Lines at the left margin that look like headings (numbered, starred, rules) do not count
 * against it: a FAQ's questions and its contents list stand there, its answers are indented.
 */
function bodyIndent(lines: readonly string[]): string {
  const counts = new Map<string, number>();
  let nonBlank = 0;
  for (const line of lines) {
    if (!line.trim() || (/^\S/.test(line) && line.length <= 200 && (NUMBERED.test(line) || STARS.test(line) || isAdornment(line)))) continue;
    nonBlank++;
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent && /^[ \t]*\p{L}/u.test(line)) counts.set(indent, (counts.get(indent) ?? 0) + 1);
  }
  const [indent] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [""];
  if (!indent) return "";
  const sharing = lines.filter((l) => l.startsWith(indent)).length;
  return sharing >= BODY_INDENT_SHARE * nonBlank ? indent : "";
}

function paragraphsOf(lines: readonly string[], indent: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) out.push({ lines: current, body: current.map((l) => (indent && l.startsWith(indent) ? l.slice(indent.length) : l)) });
    current = [];
  };
  for (const line of lines) {
    if (line.trim()) current.push(line);
    else flush();
  }
  flush();
  return out;
}

/** "3.0" is chapter 3: trailing zero parts do not make it deeper. */
function numberDepth(number: string): number {
  const parts = number.split(".");
  while (parts.length > 1 && parts.at(-1) === "0") parts.pop();
  return parts.length;
}

/** A numbered heading's number (as written too: "2." keeps its full stop) and title, when the paragraph is one (a line, or a line and its wrapped rest). */
function numbered(p: Paragraph, indent: string): { number: string; written: string; title: string; body?: string[] } | undefined {
  if (p.lines[0]!.length > 200) return undefined;
  // At the margin of the headings, not the body's ("1. Open the file" in an indented answer is a step).
  if (indent && p.lines[0]!.startsWith(indent)) return undefined;
  const m = NUMBERED.exec(p.lines[0]!.trim());
  if (!m) return undefined;
  const first = m[3]!.trim();
  const written = `${m[1]!}${m[2]!}`;
  // "1. Run the installer." is a step; "5.11. My script aborts with …, "event not found"." a heading.
  const step = (title: string) => !m[1]!.includes(".") && /[.,;:]$/.test(title);
  const starts = (title: string) => /^[\p{Lu}\p{N}"'“„«(]/u.test(title);
  // A question is a whole title: what follows it in the paragraph is its answer ("1.1 How do I
  // install it?" over "    Run the installer.").
  // So is a title in capitals over its text.
  if (p.lines.length > 1 && ((first.endsWith("?") && first.length <= HEADING_MAX && starts(first) && !NUMBERED.test(p.lines[1]!.trim())) || titledInCapitals(p.lines.map((l) => l.trim()), first))) {
    return { number: m[1]!, written, title: first, body: p.body.slice(1) };
  }
  // So is a short title over its text at the same margin, a letter's points ("1. Neue Kita-App"
  // over "Ab dem 1. Dezember ersetzen wir …"): the title ends no sentence and stops well short of
  // the text's next line, which opens a sentence (it was not wrapped: "1. Turn off the power" over
  // "at the main switch …"), and the text is sentences, two at least, as a section's is (a list's
  // item over a line that describes it, "1. Python 3.8 or later" over "The interpreter that runs
  // the scripts.", is no heading).
  const next = p.lines[1];
  const text = p.lines.slice(1).join(" ").trim();
  if (
    next !== undefined &&
    first.length <= TITLE_OVER_TEXT_MAX &&
    !/[.,;:!?…]$/.test(first) &&
    starts(first) &&
    /^\p{Lu}/u.test(next) &&
    !NUMBERED.test(next.trim()) &&
    next.trim().length >= first.length + TITLE_SHORT_BY &&
    /[.!?…]["'”»)]*$/.test(text) &&
    (text.match(SENTENCE_ENDS) ?? []).length >= TITLE_TEXT_SENTENCES
  ) {
    return { number: m[1]!, written, title: first, body: p.body.slice(1) };
  }
  if (p.lines.length > 2) return undefined;
  // A wrapped title goes on indented, and is no numbered line itself (two contents entries are not one heading).
  const rest = p.lines[1];
  if (rest !== undefined && (!/^[ \t]/.test(rest) || NUMBERED.test(rest.trim()))) return undefined;
  const title = [m[3]!, ...p.body.slice(1).map((l) => l.trim())].join(" ").replace(/\s+/g, " ");
  if (title.length > 160 || !starts(title) || step(title)) return undefined;
  return { number: m[1]!, written, title };
}

/** Whether a paragraph is a contents list: mostly numbered entries, most of them headings of the text. */
function isContents(p: Paragraph, headings: ReadonlySet<string>): boolean {
  const entries = p.lines.map((l) => NUMBERED.exec(l.trim())?.[3]?.trim()).filter((t): t is string => t !== undefined);
  if (entries.length < 2 || entries.length < CONTENTS_SHARE * p.lines.length) return false;
  // Nothing but entries and their wrapped rest: a lead-in ("We cover:") makes it a paragraph of text.
  if (!p.lines.every((l) => NUMBERED.test(l.trim()) || /^[ \t]/.test(l))) return false;
  return entries.filter((t) => headings.has(t.replace(/\s+/g, " "))).length * 2 >= entries.length;
}

/** The headings (by paragraph), and the paragraphs left out: contents lists, and a heading over nothing but one. */
function headingsOf(paragraphs: readonly Paragraph[], indent: string): { headings: Map<number, Heading>; dropped: Set<number> } {
  const found = new Map<number, Heading>();
  const styles: string[] = [];
  paragraphs.forEach((p, i) => {
    const lines = p.body.map((l) => l.trim());
    // Underlined (and maybe overlined) title; not a line of code or output framed by rules ("foo.c:2: printf(…);").
    const framed = lines.at(-2) ?? "";
    const isTitle = (line: string) => line.length <= HEADING_MAX && /^[\p{L}\p{N}"'“„«(]/u.test(line) && !CODE_SIGNS.test(line) && !COLUMNS.test(line);
    // An underline with the text right under it, no blank line between ("Install\n=======\nRun the installer."),
    // unless that text is a table's rows under its ruled header ("Name    Value\n-----\nmaxconn    100").
    if (lines.length > 2 && !isAdornment(lines[0]!) && isAdornment(lines[1]!) && isTitle(lines[0]!) && !COLUMNS.test(lines[2]!)) {
      const style = lines[1]![0]!;
      if (!styles.includes(style)) styles.push(style);
      found.set(i, { kind: "underlined", title: lines[0]!, depth: styles.indexOf(style) + 1, body: p.body.slice(2) });
      return;
    }
    if ((lines.length === 2 || lines.length === 3) && isAdornment(lines.at(-1)!) && isTitle(framed)) {
      const over = lines.length === 3;
      // An overlined title is as long as its rules at most (three "~" around a line of code fence it).
      if (!over || (lines[0] === lines[2] && lines[0]!.length >= framed.length)) {
        const style = `${over ? "over" : ""}${lines.at(-1)![0]}`;
        if (!styles.includes(style)) styles.push(style);
        found.set(i, { kind: "underlined", title: framed, depth: styles.indexOf(style) + 1 });
        return;
      }
    }
    const n = numbered(p, indent);
    if (n) {
      found.set(i, { kind: "numbered", title: `${n.written} ${n.title}`, depth: numberDepth(n.number), ...(n.body ? { body: n.body } : {}) });
      return;
    }
    // A statute's article or section on a line of its own: "Čl. 2 Výpůjční lhůty", "§ 3 Beiträge",
    // "Art. 4 - Durata", "Article 5: Membership"; below a part's title in capitals ("ČÁST PRVNÍ"),
    // which stays a heading beside them.
    if (lines.length === 1 && lines[0]!.length <= HEADING_MAX && SECTION_LINE.test(lines[0]!) && !/[.,;:!]$/.test(lines[0]!)) {
      found.set(i, { kind: "marked", title: lines[0]!, depth: 2 });
      return;
    }
    if (lines.length === 1 && p.lines[0]!.length <= HEADING_MAX) {
      const stars = STARS.exec(p.lines[0]!);
      // "* Changes in release 1.2" is a heading; "* VMS-specific changes:" or "* Fixed a crash." an item of a list.
      if (stars) {
        if (!/[.,;:!]$/.test(stars[2]!)) found.set(i, { kind: "stars", title: stars[2]!, depth: stars[1]!.length });
      }
      else if (CAPITALS.test(lines[0]!) && /\p{Lu}{3}/u.test(lines[0]!)) found.set(i, { kind: "capitals", title: lines[0]!, depth: 1 });
    } else if (titledInCapitals(lines, lines[0]!) && /\S\s+\S/.test(lines[0]!)) {
      // (Of two words or more: an acronym over its text is a glossary's term, "DNS" over "Translates names …".)
      found.set(i, { kind: "capitals", title: lines[0]!, depth: 1, body: p.body.slice(1) });
    }
  });
  // A kind seen once is no structure ("1. Foo" alone is a list item, one "NOTE" a warning);
  // capitals only where nothing else marks the headings; stars only where most lines they lead
  // are headings (a NEWS file whose items are "* …" paragraphs has a few short ones too); and a
  // kind of which most have nothing under them is a list ("1. Python 3.8 or later", "2. A C
  // compiler", each a paragraph of its own), whose items are text, not headings.
  const counts = countKinds(found);
  const others = (["numbered", "underlined", "stars"] as const).some((k) => (counts.get(k) ?? 0) >= MIN_OF_KIND);
  const starred = paragraphs.filter((p) => STARS.test(p.lines[0]!)).length;
  const bodiedFirst = hasBody(found, paragraphs.length);
  const withBody = countKinds(new Map([...found].filter(([i]) => bodiedFirst.has(i))));
  for (const [i, h] of found) {
    const n = counts.get(h.kind) ?? 0;
    const list = h.kind !== "underlined" && 2 * (withBody.get(h.kind) ?? 0) < n;
    if (n < MIN_OF_KIND || list || (h.kind === "capitals" && others) || (h.kind === "stars" && 2 * n < starred)) found.delete(i);
  }
  // One with nothing under it before the next heading of its level is text (the last item of a
  // list, a closing line): a heading is written only with text of its own, and would be lost.
  // Contents lists are left out, so they are no text under a heading: a "Contents" heading over
  // nothing else goes with its list (kept, it became the parent of every section after it).
  const titles = new Set([...found.values()].map((h) => (h.kind === "numbered" ? h.title.replace(/^\S+ /, "") : h.title)));
  const contents = new Set<number>();
  paragraphs.forEach((p, i) => {
    if (!found.has(i) && isContents(p, titles)) contents.add(i);
  });
  // A heading whose text is a contents list alone, before the next heading of any level.
  for (const i of [...found.keys()]) {
    let next = i + 1;
    while (contents.has(next)) next++;
    if (next > i + 1 && (next >= paragraphs.length || found.has(next))) {
      found.delete(i);
      contents.add(i);
    }
  }
  const bodied = hasBody(found, paragraphs.length, contents);
  for (const i of [...found.keys()]) if (!bodied.has(i)) found.delete(i);
  return { headings: found, dropped: contents };
}

function countKinds(found: ReadonlyMap<number, Heading>): Map<Heading["kind"], number> {
  const counts = new Map<Heading["kind"], number>();
  for (const h of found.values()) counts.set(h.kind, (counts.get(h.kind) ?? 0) + 1);
  return counts;
}

/** Where a heading of this kind and depth sits among the others (underlined titles outrank the rest). */
function levelOf(h: Heading, base: number): number {
  return h.kind === "underlined" ? h.depth : base + h.depth;
}

function underlinedLevels(found: ReadonlyMap<number, Heading>): number {
  let base = 0;
  for (const h of found.values()) if (h.kind === "underlined") base = Math.max(base, h.depth);
  return base;
}

/**
 * The headings (by paragraph) that have text of their own: a paragraph that is no heading comes
 * after them before any heading of their level or above. One pass from the end.
 */
function hasBody(found: ReadonlyMap<number, Heading>, paragraphs: number, skipped: ReadonlySet<number> = new Set()): Set<number> {
  const base = underlinedLevels(found);
  const out = new Set<number>();
  let textAfter = false;
  let minLevel = Infinity;
  for (let i = paragraphs - 1; i >= 0; i--) {
    if (skipped.has(i)) continue;
    const h = found.get(i);
    if (!h) {
      textAfter = true;
      minLevel = Infinity;
      continue;
    }
    const level = levelOf(h, base);
    if (h.body?.length) {
      // Its own text right under it: it has a body, and is the heading over that text.
      out.add(i);
      textAfter = true;
      minLevel = level;
      continue;
    }
    if (textAfter && minLevel > level) out.add(i);
    minLevel = Math.min(minLevel, level);
  }
  return out;
}

/** The first line that reads like a title, past header fields, markers and mode lines. */
function titleOf(paragraphs: readonly Paragraph[]): string | undefined {
  for (const p of paragraphs.slice(0, 3)) {
    if (p.lines.every((l) => HEADER_FIELD.test(l))) continue;
    for (const raw of p.lines) {
      const line = raw.replace(/-\*-.*-\*-/, "").trim();
      if (!line || /^[<[(].*[>\])]$/.test(line) || isAdornment(line)) continue;
      return headingLine(p.lines.length === 1 ? line : `${line}\n${p.lines[p.lines.indexOf(raw) + 1] ?? ""}`);
    }
  }
  return undefined;
}

export function readText(raw: string, file: string): { text: string; structure: Structure; title: string } {
  const lines = cleanText(raw).split("\n");
  const indent = bodyIndent(lines);
  const paragraphs = paragraphsOf(lines, indent);
  const { headings, dropped } = headingsOf(paragraphs, indent);
  const base = underlinedLevels(headings);
  const out = new StructuredText();
  paragraphs.forEach((p, i) => {
    const h = headings.get(i);
    if (h) {
      out.heading(levelOf(h, base), h.title);
      if (h.body?.length) out.block(h.body.join("\n"));
    } else if (!dropped.has(i)) out.block(p.body.join("\n"));
  });
  const { text, structure } = out.build();
  return { text, structure, title: titleOf(paragraphs) ?? readableFileName(file) };
}

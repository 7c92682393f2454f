/**
 * Word 97–2003 (.doc): the text of the body, its footnotes and endnotes, with the headings, lists
 * and tables its paragraphs are marked as, written out as HTML for the HTML reader (as .docx is);
 * text deleted with changes tracked is left out.
 *
 * The file is an OLE compound file; compound-file.ts takes the two streams read out of it, each
 * sector at most once. The Word structures inside are read here, by hand, from the
 * published format ([MS-DOC]): the File Information Block, the piece table that says where each
 * run of text lies and how it is encoded, the paragraph properties (style, table cell, list,
 * outline level) in their 512-byte pages, and the style sheet (which styles are headings). The
 * npm reader of .doc files (word-extractor) was not taken: it gives the text without any of the
 * paragraphs' properties (no headings, so no sections to cite), removes fields with a pass over
 * the whole text per level of nesting (a file of nested fields takes quadratic time), and loops
 * without end on a sector chain that loops.
 *
 * Every offset read from the file is checked against the stream it points into; text is decoded
 * only up to the end of the endnotes, and only after that length, as the file states it, is within
 * MAX_DOCUMENT_CHARS. A Word 6/95 file, an encrypted one, RTF named .doc, or a .docx named .doc
 * (read as one) are told apart before anything else.
 */
import { compoundStreams, DamagedCompoundFile } from "./compound-file.js";
import { escapeHtml } from "../html-text.js";
import { COMPOUND_FILE } from "./formats.js";
import { readDocx } from "./docx.js";
import { readHtml, type HtmlDocument } from "./html.js";
import { tooMuchText, type ReadLimits } from "./limits.js";

/** Why a .doc cannot be read; its message is the reason the file is skipped. */
class Unreadable extends Error {}

/** The FIB's identifier of a Word document. */
const WORD_IDENT = 0xa5ec;
/** nFib of Word 97; Word 6 and 95 wrote 101–105, in a layout without the piece table read here. */
const WORD_97 = 0x00c0;
/** Indexes of the FIB's (offset, length) pairs used here. */
const FC_STSHF = 1;
const FC_PLCFFNDREF = 2;
const FC_PLCFFNDTXT = 3;
const FC_PLCFBTECHPX = 12;
const FC_PLCFBTEPAPX = 13;
const FC_PLCFENDREF = 46;
const FC_PLCFENDTXT = 47;
const FC_CLX = 33;
/** What a character deleted with revision marks on ("track changes") is turned into: a code `inline` leaves out. */
const DELETED = 0xffff;
/** The characters Word marks its structure with, inside the text. */
const CELL = 0x07;
const PARAGRAPH = 0x0d;
const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;
/** Depth of tables inside tables told apart (Word allows 63; deeper ones are read as the deepest). */
const MAX_TABLE_DEPTH = 64;
/** Levels of styles based on one another followed at most (Word allows 10; a crafted file may loop). */
const MAX_BASED_ON = 64;
/** The style ids Word gives its built-in "Heading 1" … "Heading 9" and "Title" styles, whatever their names in the user's language. */
const STI_TITLE = 62;

interface Fib {
  readonly table: Buffer;
  readonly words: Buffer;
  readonly ccpText: number;
  readonly ccpFtn: number;
  /** Where the endnotes begin (after the footnotes, headers and comments), and their length. */
  readonly ednStart: number;
  readonly ccpEdn: number;
  fcLcb(index: number): { readonly fc: number; readonly lcb: number };
}

/** What a paragraph is, from its properties. */
interface Paragraph {
  readonly istd: number;
  readonly inTable: boolean;
  /** The end of a table row (a paragraph of the row-end mark alone). */
  readonly rowEnd: boolean;
  /** How deep in tables inside tables (1: an outer table's cell; 2: a table in one of its cells). */
  readonly depth: number;
  /** In a table inside a table: the paragraph ends a cell of it, or is the end of a row of it. */
  readonly innerCell: boolean;
  readonly innerRowEnd: boolean;
  /** 0-based outline level set on the paragraph itself (9: body text), if set. */
  readonly outline?: number;
  /** In a list (numbered or bulleted; Word keeps the numbers apart from the text). */
  readonly listed: boolean;
}

const PLAIN: Paragraph = { istd: 0, inTable: false, rowEnd: false, depth: 0, innerCell: false, innerRowEnd: false, listed: false };

export async function readDoc(buffer: Buffer, limits: ReadLimits): Promise<HtmlDocument | string> {
  if (buffer.subarray(0, 4).toString("latin1") === "PK\x03\x04") return readDocx(buffer, limits);
  if (/^\s*\{\\rtf/.test(buffer.subarray(0, 64).toString("latin1"))) return "an RTF document named .doc (RTF is not read: save it as .docx, or as PDF)";
  if (!buffer.subarray(0, 8).equals(COMPOUND_FILE)) return "not a Word document (it is no Word 97–2003 file)";
  try {
    const fib = openFib(buffer);
    const total = fib.ccpText + fib.ccpFtn + fib.ccpEdn;
    if (total > limits.maxChars) return tooMuchText(total, limits);
    // Decoded up to the end of the endnotes (the headers and comments between are not read, and are short).
    const end = fib.ccpEdn ? fib.ednStart + fib.ccpEdn : fib.ccpText + fib.ccpFtn;
    if (end > limits.maxChars) return tooMuchText(end, limits);
    const text = new TextPieces(fib, end);
    text.strike(unseenPlaces(fib));
    for (const [from, length] of [[0, fib.ccpText], [fib.ccpText, fib.ccpFtn], [fib.ednStart, fib.ccpEdn]] as const) balanceFields(text.codes, from, from + length);
    const paragraphs = new ParagraphProperties(fib);
    const styles = readStyles(fib);
    return readHtml(writeHtml(fib, text, paragraphs, styles));
  } catch (error) {
    if (error instanceof Unreadable) return error.message;
    return `unreadable Word document (${(error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 160)})`;
  }
}

const u16 = (b: Buffer, at: number) => (at >= 0 && at + 2 <= b.length ? b.readUInt16LE(at) : bad(`an offset (${at}) outside its stream`));
const u32 = (b: Buffer, at: number) => (at >= 0 && at + 4 <= b.length ? b.readUInt32LE(at) : bad(`an offset (${at}) outside its stream`));
function bad(what: string): never {
  throw new Unreadable(`unreadable Word document (${what})`);
}
/** `length` bytes of `b` from `at`, all inside it. */
function slice(b: Buffer, at: number, length: number): Buffer {
  if (at < 0 || length < 0 || at + length > b.length) bad(`a structure (${length} bytes at ${at}) outside its stream`);
  return b.subarray(at, at + length);
}

function openFib(file: Buffer): Fib {
  let streams: Map<string, Buffer>;
  try {
    streams = compoundStreams(file, ["WordDocument", "0Table", "1Table"]);
  } catch (error) {
    if (!(error instanceof DamagedCompoundFile)) throw error;
    throw new Unreadable("unreadable Word document (its compound file is damaged or cut short)");
  }
  const stream = (name: string): Buffer | undefined => streams.get(name);
  const words = stream("WordDocument");
  if (!words) throw new Unreadable("not a Word document (a compound file without a WordDocument stream: an Excel or PowerPoint file named .doc?)");
  if (u16(words, 0) !== WORD_IDENT) bad("its WordDocument stream does not start as Word's does");
  if (u16(words, 2) < WORD_97) throw new Unreadable("a Word 6 or Word 95 document, which is not read (open it in Word or LibreOffice and save it as .docx)");
  const flags = u16(words, 0x0a);
  // (0x8000, XOR obfuscation, means something only with the encrypted bit: alone it is ignored.)
  if (flags & 0x0100) throw new Unreadable("an encrypted Word document (it has a password: save a copy without one)");
  const table = stream(flags & 0x0200 ? "1Table" : "0Table");
  if (!table) bad("its table stream is missing");
  // FibBase (32 bytes), then counted arrays of 16-bit words, 32-bit words and (offset, length) pairs.
  const csw = u16(words, 32);
  const lw = 34 + csw * 2 + 2;
  const cslw = u16(words, lw - 2);
  if (cslw < 11) bad("its file information block is too short");
  const pairs = lw + cslw * 4 + 2;
  const count = u16(words, pairs - 2);
  const ccpText = u32(words, lw + 12);
  const ccpFtn = u32(words, lw + 16);
  // ccpHdd, ccpMcr (0) and ccpAtn, then ccpEdn.
  const ednStart = ccpText + ccpFtn + u32(words, lw + 20) + u32(words, lw + 24) + u32(words, lw + 28);
  const ccpEdn = u32(words, lw + 32);
  return {
    table,
    words,
    ccpText,
    ccpFtn,
    ednStart,
    ccpEdn,
    fcLcb: (index) => (index < count ? { fc: u32(words, pairs + index * 8), lcb: u32(words, pairs + index * 8 + 4) } : { fc: 0, lcb: 0 }),
  };
}

/**
 * The document's text by character position, from the piece table: each piece a run of positions
 * whose characters lie at a place in the WordDocument stream, one byte each (Windows-1252) or two
 * (UTF-16). Decoded for positions below `end` only; `fcAt` gives a position's place in the stream,
 * which is how paragraph properties are found.
 */
class TextPieces {
  private readonly starts: number[] = [];
  private readonly places: number[] = [];
  private readonly narrow: boolean[] = [];
  readonly codes: Uint16Array;

  constructor(fib: Fib, readonly end: number) {
    const { fc, lcb } = fib.fcLcb(FC_CLX);
    const clx = slice(fib.table, fc, lcb);
    let at = 0;
    // Formatting of the pieces (Prc, type 1) comes first; the piece table (Pcdt, type 2) after it.
    while (at < clx.length && clx[at] === 1) at += 3 + Math.max(0, (u16(clx, at + 1) << 16) >> 16);
    if (clx[at] !== 2) bad("no piece table");
    const plc = slice(clx, at + 5, u32(clx, at + 1));
    const n = (plc.length - 4) / 12;
    if (!Number.isInteger(n) || n < 1) bad("a piece table of the wrong size");
    this.codes = new Uint16Array(end);
    let filled = 0;
    // Pieces never share their bytes: more of them than the stream holds is one run of text
    // listed again and again (a small file claiming millions of characters).
    let bytesTotal = 0;
    for (let i = 0; i < n && filled < end; i++) {
      const from = u32(plc, i * 4);
      const to = Math.min(u32(plc, i * 4 + 4), end);
      if (from !== filled || to < from) bad("a piece table out of order");
      const raw = u32(plc, (n + 1) * 4 + i * 8 + 2);
      const narrow = (raw & 0x40000000) !== 0;
      const place = narrow ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff;
      const bytes = slice(fib.words, place, (to - from) * (narrow ? 1 : 2));
      bytesTotal += bytes.length;
      if (bytesTotal > fib.words.length) bad("pieces of text that overlap");
      if (narrow) this.codes.set(decode1252(bytes), from);
      else for (let k = 0; k < to - from; k++) this.codes[from + k] = bytes.readUInt16LE(k * 2);
      this.starts.push(from);
      this.places.push(place);
      this.narrow.push(narrow);
      filled = to;
    }
    if (filled < end) bad("a piece table shorter than the text");
  }

  /** Leaves out the characters whose places in the stream lie in `ranges` (sorted, not overlapping). */
  strike(ranges: readonly (readonly [number, number])[]): void {
    if (!ranges.length) return;
    for (let i = 0; i < this.starts.length; i++) {
      const from = this.starts[i]!;
      const to = i + 1 < this.starts.length ? this.starts[i + 1]! : this.end;
      const width = this.narrow[i] ? 1 : 2;
      const place = this.places[i]!;
      const placeEnd = place + (to - from) * width;
      // The first range that ends after the piece begins.
      let lo = 0;
      let hi = ranges.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ranges[mid]![1] <= place) lo = mid + 1;
        else hi = mid;
      }
      for (let r = lo; r < ranges.length && ranges[r]![0] < placeEnd; r++) {
        const a = from + Math.ceil((Math.max(ranges[r]![0], place) - place) / width);
        const b = from + Math.ceil((Math.min(ranges[r]![1], placeEnd) - place) / width);
        this.codes.fill(DELETED, a, b);
      }
    }
  }

  /** Where the character at `cp` lies in the WordDocument stream. */
  fcAt(cp: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= cp) lo = mid;
      else hi = mid - 1;
    }
    return this.places[lo]! + (cp - this.starts[lo]!) * (this.narrow[lo] ? 1 : 2);
  }
}

const WINDOWS_1252 = new TextDecoder("windows-1252");
function decode1252(bytes: Buffer): Uint16Array {
  const text = WINDOWS_1252.decode(bytes);
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * Leaves out the field marks that do not pair up, from `from` to `to`: a field begun and never
 * ended would hide the rest of the text as its instructions (one stray mark, and a document
 * reads as empty), an end without a beginning nothing.
 */
function balanceFields(codes: Uint16Array, from: number, to: number): void {
  const open: number[] = [];
  for (let cp = from; cp < to; cp++) {
    const c = codes[cp];
    if (c === FIELD_BEGIN) open.push(cp);
    else if (c === FIELD_END && open.pop() === undefined) codes[cp] = DELETED;
  }
  for (const cp of open) codes[cp] = DELETED;
}

/** Size of a property modifier's operand by its kind (the top three bits of its code); undefined: the operand says its size. */
const OPERAND_BYTES: readonly (number | undefined)[] = [1, 1, 2, 4, 2, 2, undefined, 3];

/** Each (code, operand) of a list of property modifiers, until one whose size cannot be told. */
function* sprms(grpprl: Buffer): Generator<[number, Buffer]> {
  let at = 0;
  while (at + 2 < grpprl.length) {
    const code = grpprl.readUInt16LE(at);
    at += 2;
    // A table definition says its size in two bytes (counting one of them); the others in one.
    const size = OPERAND_BYTES[code >> 13] ?? (code === 0xd608 ? (at + 2 <= grpprl.length ? grpprl.readUInt16LE(at) + 1 : Infinity) : grpprl[at]! + 1);
    if (at + size > grpprl.length) return;
    yield [code, grpprl.subarray(at, at + size)];
    at += size;
  }
}

/**
 * The 512-byte property pages (of paragraphs or of characters) a bin table at FIB pair `index`
 * lists, each once: a page listed again and again is read once, so the stream's pages bound the
 * work, not the list.
 */
function* propertyPages(fib: Fib, index: number): Generator<Buffer> {
  const { fc, lcb } = fib.fcLcb(index);
  if (lcb < 12) return;
  const plc = slice(fib.table, fc, lcb);
  const n = Math.floor((plc.length - 4) / 8);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const page = u32(plc, (n + 1) * 4 + i * 4) & 0x3fffff;
    if (seen.has(page)) continue;
    seen.add(page);
    yield slice(fib.words, page * 512, 512);
  }
}

/** Paragraph properties by place in the WordDocument stream: the runs of its 512-byte property pages. */
class ParagraphProperties {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly values: Paragraph[] = [];

  constructor(fib: Fib) {
    const runs: [number, number, Paragraph][] = [];
    for (const fkp of propertyPages(fib, FC_PLCFBTEPAPX)) {
      const crun = fkp[511]!;
      if (crun > 101) bad("a paragraph property page of too many runs");
      // Runs of a page may share their properties: each read once (29 runs of 500 bytes each is a pass of 30 per byte).
      const read = new Map<number, Paragraph>();
      for (let r = 0; r < crun; r++) {
        const bx = fkp[(crun + 1) * 4 + r * 13]! * 2;
        let value = bx ? read.get(bx) : PLAIN;
        if (!value) read.set(bx, (value = paragraphAt(fkp, bx)));
        runs.push([fkp.readUInt32LE(r * 4), fkp.readUInt32LE(r * 4 + 4), value]);
      }
    }
    runs.sort((a, b) => a[0] - b[0]);
    for (const [start, end, value] of runs) {
      this.starts.push(start);
      this.ends.push(end);
      this.values.push(value);
    }
  }

  /** The properties of the paragraph whose mark lies at `fc`. */
  at(fc: number): Paragraph {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0 || this.starts[0]! > fc) return PLAIN;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= fc) lo = mid;
      else hi = mid - 1;
    }
    return fc < this.ends[lo]! ? this.values[lo]! : PLAIN;
  }
}

/** Character properties that keep a run out of the document as it is read: sprmCFRMarkDel, sprmCFVanish. */
const DELETED_SPRM = 0x0800;
const HIDDEN_SPRM = 0x083c;

/**
 * The places in the WordDocument stream of text no reader of the document sees: deleted with
 * revision marks on (still in the file; Word shows it struck through while changes are tracked),
 * or hidden (Word's "Hidden" font effect, shown only when formatting marks are). Hidden text
 * would otherwise be indexed and quoted as what the document says (as `w:vanish` in .docx).
 * From the character property pages: runs marked so, sorted and merged. A character style
 * that hides its runs is not followed.
 */
function unseenPlaces(fib: Fib): [number, number][] {
  const runs: [number, number][] = [];
  for (const fkp of propertyPages(fib, FC_PLCFBTECHPX)) {
    const crun = Math.min(fkp[511]!, 0x65);
    const read = new Map<number, boolean>();
    for (let r = 0; r < crun; r++) {
      const at = fkp[(crun + 1) * 4 + r]! * 2;
      if (!at) continue;
      let unseen = read.get(at);
      if (unseen === undefined) {
        const on = new Map<number, boolean>();
        // Toggles: 1 on, 0x81 the opposite of the style's (which is off); the last one written holds.
        for (const [code, operand] of sprms(fkp.subarray(at + 1, Math.min(511, at + 1 + fkp[at]!)))) {
          if (code === DELETED_SPRM || code === HIDDEN_SPRM) on.set(code, operand[0] === 1 || operand[0] === 0x81);
        }
        unseen = [...on.values()].some(Boolean);
        read.set(at, unseen);
      }
      if (unseen) runs.push([fkp.readUInt32LE(r * 4), fkp.readUInt32LE(r * 4 + 4)]);
    }
  }
  runs.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of runs) {
    if (b <= a) continue;
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** The paragraph properties written at `at` in a property page: a style and modifiers. */
function paragraphAt(fkp: Buffer, at: number): Paragraph {
  const cb = fkp[at]!;
  const from = cb ? at + 1 : at + 2;
  const size = cb ? cb * 2 - 1 : (fkp[at + 1] ?? 0) * 2;
  if (from + Math.max(size, 2) > 511) return PLAIN;
  const istd = fkp.readUInt16LE(from);
  let inTable = false;
  let rowEnd = false;
  let depth = 0;
  let innerCell = false;
  let innerRowEnd = false;
  let outline: number | undefined;
  let listed = false;
  for (const [code, operand] of sprms(fkp.subarray(from + 2, from + size))) {
    if (code === 0x2416) inTable ||= operand[0] !== 0; // in a table
    else if (code === 0x244b) innerCell ||= operand[0] !== 0; // the end of a cell of an inner table
    else if (code === 0x6649) depth = Math.max(0, operand.readInt32LE(0)); // table depth
    else if (code === 0x2417) rowEnd ||= operand[0] !== 0; // the end of a row
    else if (code === 0x244c) innerRowEnd ||= operand[0] !== 0; // the end of a row of an inner table
    else if (code === 0x2640) outline = operand[0];
    else if (code === 0x460b) listed = operand.readInt16LE(0) > 0;
  }
  inTable ||= rowEnd || innerCell || innerRowEnd || depth > 0;
  if (inTable) depth = Math.max(depth, innerCell || innerRowEnd ? 2 : 1);
  return { istd, inTable, rowEnd: rowEnd && depth === 1, depth, innerCell, innerRowEnd, listed, ...(outline === undefined ? {} : { outline }) };
}

interface Style {
  readonly sti: number;
  readonly base: number;
  readonly outline?: number;
}

/** The style sheet: each style's built-in id, the style it is based on and the outline level it sets. */
function readStyles(fib: Fib): Style[] {
  const { fc, lcb } = fib.fcLcb(FC_STSHF);
  if (lcb < 6) return [];
  const stsh = slice(fib.table, fc, lcb);
  const cbStshi = u16(stsh, 0);
  const count = u16(stsh, 2);
  const baseSize = u16(stsh, 4);
  const styles: Style[] = [];
  let at = 2 + cbStshi;
  for (let i = 0; i < count && at + 2 <= stsh.length; i++) {
    const size = stsh.readUInt16LE(at);
    const std = stsh.subarray(at + 2, Math.min(stsh.length, at + 2 + size));
    at += 2 + size;
    if (size < 4 || std.length < size) {
      styles.push({ sti: 0x0ffe, base: 0x0fff });
      continue;
    }
    const sti = std.readUInt16LE(0) & 0x0fff;
    const kindAndBase = std.readUInt16LE(2);
    let outline: number | undefined;
    // A paragraph style's first property list is its paragraph properties, after its name.
    if ((kindAndBase & 0x0f) === 1 && baseSize + 2 <= std.length) {
      const nameEnd = baseSize + 2 + std.readUInt16LE(baseSize) * 2 + 2;
      const upx = nameEnd + (nameEnd % 2);
      if (upx + 4 <= std.length) {
        const upxSize = std.readUInt16LE(upx);
        for (const [code, operand] of sprms(std.subarray(upx + 4, Math.min(std.length, upx + 2 + upxSize)))) if (code === 0x2640) outline = operand[0];
      }
    }
    styles.push({ sti, base: kindAndBase >> 4, ...(outline === undefined ? {} : { outline }) });
  }
  return styles;
}

/** A paragraph's heading level (1–9), "title", or undefined for body text: its own outline level, else its style's, up the styles it is based on. */
function headingOf(paragraph: Paragraph, styles: readonly Style[]): number | "title" | undefined {
  if (paragraph.outline !== undefined) return paragraph.outline < 9 ? paragraph.outline + 1 : undefined;
  let istd = paragraph.istd;
  for (let step = 0; step < MAX_BASED_ON; step++) {
    const style = styles[istd];
    if (!style) return undefined;
    if (step === 0 && style.sti === STI_TITLE) return "title";
    if (style.sti >= 1 && style.sti <= 9) return style.sti;
    if (style.outline !== undefined) return style.outline < 9 ? style.outline + 1 : undefined;
    istd = style.base;
  }
  return undefined;
}


/**
 * The text from `from` to `to` as HTML text, with the marks Word keeps in it undone: a field's
 * instructions are left out and its result kept (a stack, so nested fields cost one pass);
 * pictures and drawn objects, soft hyphens and other control characters go; a line break becomes
 * <br>; an automatically numbered footnote's reference its number.
 */
/** Fields open at a place in the text: for each, whether its result has begun; and how many are still in their instructions. */
interface Fields {
  readonly open: boolean[];
  hidden: number;
}

function inline(codes: Uint16Array, from: number, to: number, mark: (cp: number) => string, fields: Fields): string {
  let out = "";
  let run = "";
  const flush = () => {
    out += escapeHtml(run);
    run = "";
  };
  for (let cp = from; cp < to; cp++) {
    const c = codes[cp]!;
    if (c === FIELD_BEGIN) {
      fields.open.push(false);
      fields.hidden++;
    } else if (c === FIELD_SEPARATOR) {
      if (fields.open.length && !fields.open[fields.open.length - 1]) {
        fields.open[fields.open.length - 1] = true;
        fields.hidden--;
      }
    } else if (c === FIELD_END) {
      if (fields.open.length && !fields.open.pop()) fields.hidden--;
    } else if (fields.hidden) continue;
    else if (c === 0x0b) {
      flush();
      out += "<br>";
    } else if (c === 0x02) run += mark(cp);
    else if (c === 0x09) run += "\t";
    else if (c === 0x1e) run += "-";
    else if (c === PARAGRAPH || c === CELL || c === 0x0c) run += " ";
    else if (c < 0x20 || c === 0x1f || c === 0xfffe || c === 0xffff) continue;
    else run += String.fromCharCode(c);
  }
  flush();
  return out;
}

/** The body as HTML: headings, paragraphs, list items and tables; then the footnotes. */
function writeHtml(fib: Fib, text: TextPieces, properties: ParagraphProperties, styles: readonly Style[]): string {
  const { codes } = text;
  const body: string[] = [];
  let title: string | undefined;
  let list = false;
  let rows: string[] | undefined;
  let cells: string[] = [];
  let cell: string[] = [];
  // Tables inside a cell, by depth (2, 3, …): each one's row so far and its cell so far; a row
  // of one, once it ends, is a line of the cell it is in.
  const inner: { cells: string[]; cell: string[] }[] = [];
  const cellAt = (depth: number) => (depth <= 1 ? cell : inner[depth]!.cell);
  /** Closes the inner tables deeper than `depth`, their rows so far lines of the cells they are in. */
  const closeInner = (depth: number) => {
    for (let d = inner.length - 1; d > depth; d--) {
      const level = inner[d];
      if (!level) continue;
      const row = [...level.cells, ...(level.cell.length ? [level.cell.join(" ")] : [])].join(" ");
      if (row.trim()) cellAt(d - 1).push(row);
    }
    inner.length = Math.min(inner.length, depth + 1);
  };
  const fields: Fields = { open: [], hidden: 0 };
  // An automatically numbered note's reference: the next number, footnote or endnote alike, kept for its note.
  let next = 1;
  const labels = new Map<number, number>();
  const notes = (cp: number) => {
    labels.set(cp, next);
    return `[${next++}]`;
  };
  // What a paragraph held before a field whose instructions run over its mark.
  let pending = "";
  const closeList = () => {
    if (list) body.push("</ul>");
    list = false;
  };
  const closeTable = () => {
    closeInner(1);
    if (!rows) return;
    if (cell.length || cells.length) rows.push(`<tr>${[...cells, cell.join("<br>")].map((c) => `<td>${c}</td>`).join("")}</tr>`);
    body.push(`<table>${rows.join("")}</table>`);
    rows = undefined;
    cells = [];
    cell = [];
  };
  let start = 0;
  for (let cp = 0; cp < fib.ccpText; cp++) {
    const c = codes[cp]!;
    if (c !== PARAGRAPH && c !== CELL && c !== 0x0c) continue;
    const content = pending + inline(codes, start, cp, notes, fields);
    start = cp + 1;
    pending = "";
    // A paragraph mark inside a field's instructions is the field's, not the text's.
    if (fields.hidden) {
      pending = content;
      continue;
    }
    const paragraph = properties.at(text.fcAt(cp));
    if (paragraph.inTable) {
      closeList();
      rows ??= [];
      const depth = Math.min(paragraph.depth, MAX_TABLE_DEPTH);
      closeInner(depth);
      if (depth > 1) {
        for (let d = 2; d <= depth; d++) inner[d] ??= { cells: [], cell: [] };
        const level = inner[depth]!;
        if (paragraph.innerRowEnd) {
          // The row's end: the row a line of the cell the table is in.
          if (content.trim()) level.cell.push(content);
          closeInner(depth - 1);
        } else {
          if (content.trim()) level.cell.push(content);
          if (paragraph.innerCell) {
            level.cells.push(level.cell.join(" "));
            level.cell = [];
          }
        }
        continue;
      }
      if (paragraph.rowEnd) {
        if (cells.length) rows.push(`<tr>${cells.map((x) => `<td>${x}</td>`).join("")}</tr>`);
        cells = [];
        cell = [];
      } else {
        if (content.trim()) cell.push(content);
        if (c === CELL) {
          cells.push(cell.join("<br>"));
          cell = [];
        }
      }
      continue;
    }
    closeTable();
    if (!content.trim()) continue;
    const heading = headingOf(paragraph, styles);
    if (heading === "title" && title === undefined) {
      title = content;
      closeList();
      body.push(`<h1>${content}</h1>`);
    } else if (typeof heading === "number") {
      closeList();
      body.push(`<h${Math.min(6, heading)}>${content}</h${Math.min(6, heading)}>`);
    } else if (paragraph.listed) {
      if (!list) body.push("<ul>");
      list = true;
      body.push(`<li>${content}</li>`);
    } else {
      closeList();
      body.push(`<p>${content}</p>`);
    }
  }
  closeList();
  closeTable();
  body.push(...notesText(fib, codes, FC_PLCFFNDREF, FC_PLCFFNDTXT, fib.ccpText, fib.ccpFtn, labels));
  body.push(...notesText(fib, codes, FC_PLCFENDREF, FC_PLCFENDTXT, fib.ednStart, fib.ccpEdn, labels));
  const head = title ? `<head><title>${title.replace(/<br>/g, " ")}</title></head>` : "";
  return `<html>${head}<body>${body.join("\n")}</body></html>`;
}

/**
 * The footnotes (or the endnotes), each a paragraph led by the number its reference has in the
 * body, after the body (as mammoth writes a .docx's). The i-th note's reference is the i-th place
 * in the reference table; a note whose reference is a mark of the author's own keeps that mark.
 */
function notesText(fib: Fib, codes: Uint16Array, refIndex: number, textIndex: number, start: number, length: number, labels: ReadonlyMap<number, number>): string[] {
  if (!length) return [];
  const { fc, lcb } = fib.fcLcb(textIndex);
  const plc = lcb >= 8 ? slice(fib.table, fc, lcb) : undefined;
  const bounds = plc ? Array.from({ length: Math.floor(plc.length / 4) }, (_, i) => plc.readUInt32LE(i * 4)) : [0, length];
  const refs = fib.fcLcb(refIndex);
  const refPlc = refs.lcb >= 4 ? slice(fib.table, refs.fc, refs.lcb) : undefined;
  const refCount = refPlc ? Math.floor((refPlc.length - 4) / 6) : 0;
  const inOrder = refPlc ? [] : [...labels.values()];
  const out: string[] = [];
  // Each note after the one before: a table whose places go back (a crafted file) cannot read the same text twice.
  let done = 0;
  for (let i = 0; i + 1 < bounds.length && done < length; i++) {
    const from = Math.max(done, Math.min(bounds[i]!, length));
    const to = Math.max(from, Math.min(bounds[i + 1]!, length));
    done = to;
    // Without a reference table, the notes are taken as referenced in order.
    const label = refPlc ? (i < refCount ? labels.get(refPlc.readUInt32LE(i * 4)) : undefined) : inOrder[i];
    const note = inline(codes, start + from, start + to, () => (label === undefined ? "" : `[${label}]`), { open: [], hidden: 0 })
      .replace(/[\r\n]+/g, " ")
      .trim();
    if (note.replace(/^\[\d+\]\s*/, "")) out.push(`<p>${note}</p>`);
  }
  return out;
}

/**
 * Writes a real Word 97–2003 .doc for tests: an OLE compound file (written by `cfb`) with the
 * parts Word and LibreOffice read text by: the File Information Block, a piece table (each
 * paragraph a piece of its own, in one byte per character where Windows-1252 holds its text, else
 * in UTF-16), paragraph property pages (style, table cell, row end, list, outline level), a style
 * sheet with the built-in headings, a Title and a template's own chapter style, footnotes, and
 * character property pages (hidden text).
 */
import CFB from "cfb";

export interface DocParagraph {
  /** The paragraph's text, Word's marks (fields \x13…\x14…\x15, line breaks \x0b) as they are. */
  readonly text: string;
  readonly style?: "Heading1" | "Heading2" | "Title" | "Chapter" | "Section";
  /** A numbered or bulleted list's item. */
  readonly list?: boolean;
  /** An outline level set on the paragraph itself (0: a top heading; 9: body text). */
  readonly outline?: number;
  /** A table row of these cells instead of a paragraph. */
  readonly cells?: readonly string[];
  /** A footnote, referenced at the paragraph's end. */
  readonly footnote?: string;
  /** The paragraph's text (not its mark) formatted as hidden (sprmCFVanish): shown only with formatting marks. */
  readonly hidden?: boolean;
}

export interface DocOptions {
  readonly encrypted?: boolean;
  /** The format version (Word 97 writes 0xC1; Word 95 0x68). */
  readonly nFib?: number;
  /** Replaces the text length the file declares (a file that claims more than it has). */
  readonly ccpText?: number;
  /** Replaces where the footnotes begin and end (relative to the first), as the footnote table lists them. */
  readonly footnotePlaces?: readonly number[];
  /** Lists the pieces of text this many times over, the same bytes each time (and declares the text that long). */
  readonly pieceRepeats?: number;
}

/** Style index of each style written (its place in the style sheet). */
const ISTD = { Normal: 0, Heading1: 1, Heading2: 2, Title: 3, Chapter: 4, Section: 5 } as const;

interface Unit {
  readonly text: string;
  readonly istd: number;
  readonly sprms: Buffer;
  readonly hidden?: boolean;
}

const sprm1 = (code: number, value: number) => Buffer.from([code & 0xff, code >> 8, value]);
const sprm2 = (code: number, value: number) => Buffer.from([code & 0xff, code >> 8, value & 0xff, value >> 8]);
const u16 = (v: number) => Buffer.from([v & 0xff, v >> 8]);
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};
/** Whether Windows-1252 holds the text in one byte per character as Latin-1 does (Word's "compressed" text). */
const narrow = (text: string) => [...text].every((c) => c.charCodeAt(0) < 0x80 || (c.charCodeAt(0) >= 0xa0 && c.charCodeAt(0) <= 0xff));

function styleSheet(): Buffer {
  const std = (sti: number, base: number, name: string, papx: Buffer) => {
    const head = Buffer.concat([u16(sti), u16(1 | (base << 4)), u16(2 | (0 << 4)), u16(0), u16(0)]);
    let body = Buffer.concat([head, u16(name.length), Buffer.from(name, "utf16le"), u16(0)]);
    if (body.length % 2) body = Buffer.concat([body, Buffer.alloc(1)]);
    const upx = Buffer.concat([u16(papx.length + 2), u16(0), papx]);
    body = Buffer.concat([body, upx, upx.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0), u16(0)]);
    return Buffer.concat([u16(body.length), body]);
  };
  const styles = [
    std(0, 0x0fff, "Normal", Buffer.alloc(0)),
    std(1, 0, "heading 1", sprm1(0x2640, 0)),
    std(2, 0, "heading 2", sprm1(0x2640, 1)),
    std(62, 0, "Title", Buffer.alloc(0)),
    // A template's own chapter style, with an outline level of its own; and one based on it.
    std(0x0ffe, 0, "Kapitel", sprm1(0x2640, 0)),
    std(0x0ffe, 4, "Kapitel Unterpunkt", Buffer.alloc(0)),
  ];
  const stshi = Buffer.concat([u16(styles.length), u16(10), Buffer.alloc(14)]);
  return Buffer.concat([u16(stshi.length), stshi, ...styles]);
}

export function makeDoc(paragraphs: readonly DocParagraph[], options: DocOptions = {}): Buffer {
  const units: Unit[] = [];
  const notes: string[] = [];
  for (const p of paragraphs) {
    const istd = p.style ? ISTD[p.style] : 0;
    if (p.cells) {
      for (const cell of p.cells) units.push({ text: `${cell}\x07`, istd, sprms: sprm1(0x2416, 1) });
      units.push({ text: "\x07", istd, sprms: Buffer.concat([sprm1(0x2416, 1), sprm1(0x2417, 1)]) });
      continue;
    }
    const sprms = [p.list ? sprm2(0x460b, 1) : Buffer.alloc(0), p.outline === undefined ? Buffer.alloc(0) : sprm1(0x2640, p.outline)];
    if (p.footnote !== undefined) notes.push(p.footnote);
    units.push({ text: `${p.text}${p.footnote === undefined ? "" : "\x02"}\r`, istd, sprms: Buffer.concat(sprms), hidden: p.hidden });
  }
  const ccpText = units.reduce((n, u) => n + u.text.length, 0);
  for (const note of notes) units.push({ text: `\x02 ${note}\r`, istd: 0, sprms: Buffer.alloc(0) });
  const ccpFtn = units.reduce((n, u) => n + u.text.length, 0) - ccpText;

  // The WordDocument stream: the FIB in its first 1024 bytes, the pieces' text, then the property pages.
  const FIB = 1024;
  const texts: Buffer[] = [];
  const pieces: { cp: number; fc: number; narrow: boolean; bytes: number }[] = [];
  let at = FIB;
  let cp = 0;
  for (const u of units) {
    const one = narrow(u.text);
    const bytes = one ? Buffer.from(u.text, "latin1") : Buffer.from(u.text, "utf16le");
    pieces.push({ cp, fc: at, narrow: one, bytes: bytes.length });
    texts.push(bytes);
    at += bytes.length;
    cp += u.text.length;
  }
  const firstPage = Math.ceil(at / 512);
  // Property pages of up to 8 runs: each run a unit (one paragraph's bytes, its mark last).
  const pages: Buffer[] = [];
  const bte: { fc: number; pn: number }[] = [];
  for (let first = 0; first < units.length; first += 8) {
    const runs = units.slice(first, first + 8).map((u, i) => ({ u, piece: pieces[first + i]! }));
    const page = Buffer.alloc(512);
    runs.forEach((r, i) => page.writeUInt32LE(r.piece.fc, i * 4));
    const last = runs[runs.length - 1]!.piece;
    page.writeUInt32LE(last.fc + last.bytes, runs.length * 4);
    let end = 511;
    runs.forEach((r, i) => {
      let grpprl = Buffer.concat([u16(r.u.istd), r.u.sprms]);
      if (grpprl.length % 2 === 0) grpprl = Buffer.concat([grpprl, Buffer.alloc(1)]);
      const papx = Buffer.concat([Buffer.from([(grpprl.length + 1) / 2]), grpprl]);
      end -= papx.length;
      end -= end % 2;
      papx.copy(page, end);
      page[(runs.length + 1) * 4 + i * 13] = end / 2;
    });
    page[511] = runs.length;
    bte.push({ fc: runs[0]!.piece.fc, pn: firstPage + pages.length });
    pages.push(page);
  }
  // Character property pages: each unit a run of its text and one of its mark, hidden runs pointing to one property set.
  const chpxBte: { fc: number; pn: number }[] = [];
  for (let first = 0; first < units.length; first += 8) {
    const runs = units.slice(first, first + 8).flatMap((u, i) => {
      const piece = pieces[first + i]!;
      const mark = piece.narrow ? 1 : 2;
      return [
        { fc: piece.fc, hidden: u.hidden === true },
        { fc: piece.fc + piece.bytes - mark, hidden: false },
      ];
    });
    const page = Buffer.alloc(512);
    runs.forEach((r, i) => page.writeUInt32LE(r.fc, i * 4));
    const last = pieces[Math.min(first + 8, units.length) - 1]!;
    page.writeUInt32LE(last.fc + last.bytes, runs.length * 4);
    const chpx = Buffer.concat([Buffer.from([3]), sprm1(0x083c, 1)]);
    chpx.copy(page, 500);
    runs.forEach((r, i) => (page[(runs.length + 1) * 4 + i] = r.hidden ? 250 : 0));
    page[511] = runs.length;
    chpxBte.push({ fc: runs[0]!.fc, pn: firstPage + pages.length });
    pages.push(page);
  }
  const words = Buffer.alloc(firstPage * 512 + pages.length * 512);
  Buffer.concat(texts).copy(words, FIB);
  pages.forEach((p, i) => p.copy(words, (firstPage + i) * 512));

  // The table stream: style sheet, footnote positions, property page table, piece table.
  const stsh = styleSheet();
  const ftnBounds: number[] = [0];
  for (const note of notes) ftnBounds.push(ftnBounds[ftnBounds.length - 1]! + note.length + 3);
  const plcffndTxt = notes.length ? Buffer.concat((options.footnotePlaces ?? ftnBounds).map(u32)) : Buffer.alloc(0);
  const lastUnit = pieces[pieces.length - 1]!;
  const plcBte = Buffer.concat([...bte.map((b) => u32(b.fc)), u32(lastUnit.fc + lastUnit.bytes), ...bte.map((b) => u32(b.pn))]);
  const plcBteChpx = Buffer.concat([...chpxBte.map((b) => u32(b.fc)), u32(lastUnit.fc + lastUnit.bytes), ...chpxBte.map((b) => u32(b.pn))]);
  const repeats = options.pieceRepeats ?? 1;
  const listed = Array.from({ length: repeats }, (_, k) => pieces.map((p) => ({ ...p, cp: p.cp + k * cp }))).flat();
  const plcPcd = Buffer.concat([
    ...listed.map((p) => u32(p.cp)),
    u32(cp * repeats),
    ...listed.map((p) => Buffer.concat([u16(0), u32(p.narrow ? (p.fc * 2) | 0x40000000 : p.fc), u16(0)])),
  ]);
  const clx = Buffer.concat([Buffer.from([2]), u32(plcPcd.length), plcPcd]);
  const parts = [stsh, plcffndTxt, plcBte, clx, plcBteChpx];
  const table = Buffer.concat(parts);
  const place = (i: number) => parts.slice(0, i).reduce((n, p) => n + p.length, 0);

  // FibBase, 14 16-bit words, 22 32-bit words (lengths of the text's parts), 93 (offset, length) pairs.
  words.writeUInt16LE(0xa5ec, 0);
  words.writeUInt16LE(options.nFib ?? 0xc1, 2);
  words.writeUInt16LE(0x0200 | (options.encrypted ? 0x0100 : 0), 0x0a);
  words.writeUInt16LE(14, 32);
  words.writeUInt16LE(22, 62);
  words.writeUInt32LE(words.length, 64);
  words.writeUInt32LE(options.ccpText ?? ccpText * repeats, 76);
  words.writeUInt32LE(ccpFtn, 80);
  words.writeUInt16LE(93, 152);
  const pair = (index: number, fc: number, lcb: number) => {
    words.writeUInt32LE(fc, 154 + index * 8);
    words.writeUInt32LE(lcb, 158 + index * 8);
  };
  pair(1, place(0), stsh.length);
  pair(3, place(1), plcffndTxt.length);
  pair(12, place(4), plcBteChpx.length);
  pair(13, place(2), plcBte.length);
  pair(33, place(3), clx.length);

  const file = CFB.utils.cfb_new();
  CFB.utils.cfb_add(file, "/WordDocument", words);
  CFB.utils.cfb_add(file, "/1Table", table);
  return Buffer.from(CFB.write(file, { type: "buffer" }) as Uint8Array);
}

/** A compound file's allocation table (512-byte sectors, its sectors listed in the header) and directory, to damage. */
function tables(file: Buffer) {
  const fatSectors = Array.from({ length: 109 }, (_, i) => file.readInt32LE(76 + i * 4)).filter((s) => s >= 0);
  const fatAt = (n: number) => (fatSectors[Math.floor(n / 128)]! + 1) * 512 + (n % 128) * 4;
  const entries: number[] = [];
  for (let s = file.readInt32LE(48); s >= 0; s = file.readInt32LE(fatAt(s))) for (let i = 0; i < 4; i++) entries.push((s + 1) * 512 + i * 128);
  const entry = (name: string) => entries.find((o) => file.toString("utf16le", o, o + Math.max(0, file.readUInt16LE(o + 64) - 2)) === name)!;
  return { fatAt, entry, sectors: file.length / 512 - 1 };
}

/** The file with its WordDocument stream (4 KB or more: not in the mini stream) starting past the file's end, at a sector whose allocation entry points to itself. */
export function withLoopingStream(doc: Buffer): Buffer {
  const file = Buffer.from(doc);
  const { fatAt, entry, sectors } = tables(file);
  const past = sectors + 5;
  file.writeInt32LE(past, fatAt(past));
  file.writeInt32LE(past, entry("WordDocument") + 116);
  return file;
}


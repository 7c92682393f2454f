/**
 * Hostile documents, made by the tests: each is a small file (or a large one of one pattern) that
 * used to run code, exhaust memory, stall the bot or stop a build. Kept in one place so the
 * reader tests, the bot tests and the ingest CLI test use the same files.
 */
import zlib from "node:zlib";
import { docxParts } from "./docx.js";
import { makePdf } from "./pdf.js";

/** Markdown whose `---js` front matter would write `marker` (with the token) if it were evaluated. */
export function jsFrontMatter(marker: string): string {
  return `---js\n{ title: (require("fs").writeFileSync(${JSON.stringify(marker)}, String(process.env.TELEGRAM_BOT_TOKEN)), "Notes") }\n---\n# Meeting notes\n\nThe committee approved the lighthouse budget on Tuesday.\n`;
}

/** Markdown whose YAML front matter does not parse. */
export const BAD_YAML = "---\ntitle: [unclosed\n  - : : :\n---\n# Broken\n\nThis text is never indexed while its front matter is broken.\n";

/** YAML front matter that expands to billions of entries through aliases ("billion laughs"). */
export function yamlAliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
  }
  return `---\n${lines.join("\n")}\n---\n# Laughs\n\nNothing here.\n`;
}

/** HTML of `depth` nested elements around one sentence. */
export function deepHtml(depth = 5000): string {
  return `<html><body>${"<div>".repeat(depth)}Deep inside.${"</div>".repeat(depth)}</body></html>`;
}

/** A .docx whose document.xml declares (and has) `bytes` of XML: a zip bomb of ~`bytes / 1000` compressed. */
export async function docxBomb(bytes = 50 * 1024 * 1024): Promise<Buffer> {
  return deflatedZip(docxParts([{ text: "a".repeat(bytes) }]));
}

/**
 * The same bomb with its document stored as "word/media/document.xml", where images go: the
 * package's relationships name it as the document, so mammoth reads it wherever it is.
 */
export async function mediaDocxBomb(bytes = 50 * 1024 * 1024, { escapedTarget = false } = {}): Promise<Buffer> {
  const moved = "word/media/document.xml";
  const parts = new Map<string, string>(docxParts([{ text: "a".repeat(bytes) }]));
  parts.set(moved, parts.get("word/document.xml")!);
  parts.delete("word/document.xml");
  parts.set("word/media/_rels/document.xml.rels", parts.get("word/_rels/document.xml.rels")!);
  parts.delete("word/_rels/document.xml.rels");
  for (const name of ["_rels/.rels", "[Content_Types].xml"]) parts.set(name, parts.get(name)!.replaceAll("word/document.xml", moved));
  // The same target with a character reference for its last slash: the same part to an XML parser, not to a pattern.
  if (escapedTarget) parts.set("_rels/.rels", parts.get("_rels/.rels")!.replace(`Target="${moved}"`, `Target="word/media&#47;document.xml"`));
  return deflatedZip(parts);
}

/** A .docx whose text sits inside `depth` nested revision marks: 23 KB for a million. */
export async function deepDocx(depth = 1_000_000): Promise<Buffer> {
  const parts = new Map<string, string>(docxParts([{ text: "Deep." }]));
  const xml = parts.get("word/document.xml")!;
  parts.set("word/document.xml", xml.replace("<w:t", `${"<w:ins>".repeat(depth)}<w:t`).replace("</w:t>", `</w:t>${"</w:ins>".repeat(depth)}`));
  return deflatedZip(parts);
}

/**
 * `parts` (name, content), every one deflated, as a zip as Word writes it: local headers with
 * their sizes, a central directory, no data descriptors. Deflated by zlib, not by JSZip: JSZip's
 * deflate in JavaScript took seconds for each 50 MB bomb, and the tests make several.
 */
/** CRC-32 as zip wants it: zlib's (Node 20.15 and later), else a table's. */
const crc32 =
  (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ??
  ((data: Uint8Array) => {
    const table = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    let crc = 0xffffffff;
    for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  });

export function deflatedZip(parts: Iterable<readonly [string, string | Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [part, content] of parts) {
    const data = Buffer.from(content);
    const packed = zlib.deflateRawSync(data);
    const name = Buffer.from(part);
    const crc = crc32(data);
    // Version 2.0, no flags, deflate (8), a zero DOS time and date.
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A .docx whose zip directory says document.xml is 1 KB while it inflates to `bytes`: a bomb that
 * lies about its size, so only inflating with a cap stops it.
 */
export async function lyingDocx(bytes = 20 * 1024 * 1024): Promise<Buffer> {
  const buffer = deflatedZip(docxParts([{ text: "b".repeat(bytes) }]));
  const name = Buffer.from("word/document.xml");
  for (let at = 0; at < buffer.length - 4; at++) {
    const signature = buffer.readUInt32LE(at);
    if (signature === 0x04034b50 && buffer.subarray(at + 30, at + 30 + name.length).equals(name)) buffer.writeUInt32LE(1024, at + 22);
    if (signature === 0x02014b50 && buffer.subarray(at + 46, at + 46 + name.length).equals(name)) buffer.writeUInt32LE(1024, at + 24);
  }
  return buffer;
}

/**
 * A one-page PDF of `lines` tiny lines, each a word broken by a hyphen ("wa-", "wb-", …): one
 * paragraph that used to be joined in quadratic time. Each ends in a letter and a hyphen, so the
 * cleaner takes each as going on in the next and joins them all; the type and leading shrink
 * with the count so every line is on the page (pdf.js drops text placed off it).
 */
export function tinyLinesPdf(lines = 10_000): Buffer {
  const leading = Math.min(12, 750 / lines);
  return makePdf({ pages: [Array.from({ length: lines }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}-`)], leading, fontSize: leading * 0.8 });
}

/** Prose of about `size` characters, in paragraphs: ordinary text to time a hostile one against. */
export function prose(size: number): string {
  let text = "";
  for (let i = 0; text.length < size; i++) text += `The quarterly report covers revenue, staffing and plans for building ${i}.${i % 5 ? " " : "\n\n"}`;
  return text;
}

/** A PDF of ordinary prose pages of about `bytes` bytes in all, to time a hostile one against. */
export function prosePdf(bytes: number): Buffer {
  const line = "The quarterly report covers revenue, staffing and the plans for the new office building.";
  const perPage = 60;
  const pages = Math.max(1, Math.round(bytes / ((line.length + 8) * perPage)));
  return makePdf({ pages: Array.from({ length: pages }, (_, p) => Array.from({ length: perPage }, (_, i) => `${line} ${p}.${i}`)) });
}

/**
 * A PDF whose lines are long dot leaders that end in no page number (a contents-line pattern
 * backtracked over them). The type is small enough that the whole line, `length` characters and
 * more, fits across the page (pdf.js drops the glyphs past its edge), so it is read as one line.
 */
export function dotLeaderPdf(lines = 50, length = 20_000): Buffer {
  const leader = `Introduction${" .".repeat(length / 2)} x`;
  // Helvetica's blank and full stop are each 0.278 of the type size wide; 540 of the page's 562 points.
  const fontSize = Math.min(10, 540 / (leader.length * 0.278));
  return makePdf({ pages: [Array.from({ length: lines }, () => leader)], fontSize, leading: Math.min(12, fontSize * 1.2) });
}

/**
 * A PDF of under a megabyte whose one content stream inflates to `megabytes` MB of blanks: pdf.js
 * decodes it into buffers outside the worker's heap, past the heap limit.
 */
export async function inflatingPdf(megabytes = 600): Promise<Buffer> {
  const stream = await deflatedRepeat(Buffer.alloc(1024 * 1024, " "), megabytes);
  return assemblePdf([
    ["<< /Type /Catalog /Pages 2 0 R >>"],
    ["<< /Type /Pages /Kids [3 0 R] /Count 1 >>"],
    ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R >>"],
    [`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, stream, "\nendstream"],
  ]);
}

/**
 * A one-page PDF with one line of text and `copies` black pictures of `side` × `side` pixels (RGB,
 * each its own object) that inflate from under a megabyte each: drawing the page for OCR decodes
 * them all, gigabytes for a side of 30,000.
 */
export async function hugeImagePdf(side: number, line = "The harbour master opens the lock gates.", copies = 1): Promise<Buffer> {
  const row = Buffer.alloc(side * 3);
  const image = await deflatedRepeat(row, side);
  const names = Array.from({ length: copies }, (_, i) => `/Im${i + 1}`);
  const content = `${names.map((n) => `q 612 0 0 792 0 0 cm ${n} Do Q`).join(" ")} BT /F1 12 Tf 72 720 Td (${line}) Tj ET`;
  return assemblePdf([
    ["<< /Type /Catalog /Pages 2 0 R >>"],
    ["<< /Type /Pages /Kids [3 0 R] /Count 1 >>"],
    [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << ${names.map((n, i) => `${n} ${6 + i} 0 R`).join(" ")} >> >> /Contents 5 0 R >>`],
    ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
    [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`],
    ...names.map(() => [`<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${image.length} /Filter /FlateDecode >>\nstream\n`, image, "\nendstream"]),
  ]);
}

/** `times` copies of `block`, deflated a block at a time, so making it does not itself raise the test process's memory. */
async function deflatedRepeat(block: Buffer, times: number): Promise<Buffer> {
  const deflate = zlib.createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const ended = new Promise((resolve) => deflate.on("end", resolve));
  for (let i = 0; i < times; i++) if (!deflate.write(block)) await new Promise((r) => deflate.once("drain", r));
  deflate.end();
  await ended;
  return Buffer.concat(out);
}

/** A PDF of these numbered objects (1 is the catalog), with its cross-reference table. */
function assemblePdf(objects: readonly (readonly (string | Buffer)[])[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n", "latin1")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (p: string | Buffer) => {
    const b = typeof p === "string" ? Buffer.from(p, "latin1") : p;
    parts.push(b);
    length += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    body.forEach(push);
    push("\nendobj\n");
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

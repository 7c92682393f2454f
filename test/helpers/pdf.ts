/**
 * Writes real multi-page PDFs for tests: lines of Helvetica text per page and, optionally, an
 * outline (bookmarks) pointing at pages. Offsets in the cross-reference table are computed, so
 * pdf.js reads the file as it reads any PDF.
 */
export interface PdfSpec {
  /** Per page: lines of text, or a JPEG drawn over the whole page (a scan: no text layer). */
  readonly pages: readonly (readonly string[] | ScanSpec)[];
  readonly title?: string;
  /** Bookmarks: a title, the 1-based page it points to, and children. */
  readonly outline?: readonly OutlineSpec[];
  /**
   * Font size and leading (distance between lines) in points: 10 and 12 unless given. Lines start
   * at y = 780 of an A4-high page, and pdf.js drops text placed off the page, so a page holds about
   * 780 / leading lines, and a line about 560 / (fontSize * 0.556) blanks and dots of Helvetica.
   * Hostile files set them tiny, so ten thousand lines, or a line of 20,000 characters, are read.
   */
  readonly fontSize?: number;
  readonly leading?: number;
}

export interface OutlineSpec {
  readonly title: string;
  readonly page: number;
  readonly children?: readonly OutlineSpec[];
}

export interface ScanSpec {
  readonly jpeg: Buffer;
  readonly width: number;
  readonly height: number;
}

const isScan = (page: readonly string[] | ScanSpec): page is ScanSpec => !Array.isArray(page);

const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** Typographic quotes and dashes as WinAnsiEncoding writes them (the file is written byte per character). */
const WIN_ANSI: Record<string, string> = { "\u2018": "\x91", "\u2019": "\x92", "\u201C": "\x93", "\u201D": "\x94", "\u2013": "\x96", "\u2014": "\x97" };
const winAnsi = (s: string) => s.replace(/[\u2018\u2019\u201C\u201D\u2013\u2014]/g, (c) => WIN_ANSI[c]!);

/** A number as a PDF content stream writes it: never in exponent notation (which PDF lacks). */
const num = (n: number) => {
  const text = String(Number(n.toFixed(6)));
  if (text.includes("e") || (n !== 0 && Number(text) === 0)) throw new Error(`makePdf: ${n} is too small for a PDF number`);
  return text;
};

export function makePdf(spec: PdfSpec): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1; // object numbers are 1-based
  const catalog = add("");
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const pageIds: number[] = [];
  for (const page of spec.pages) {
    if (isScan(page)) {
      // The JPEG as an image XObject (DCTDecode) scaled to the whole page, as a scanner writes it.
      const image = add(
        `<< /Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.jpeg.length} >>\nstream\n${page.jpeg.toString("latin1")}\nendstream`,
      );
      const stream = "q 612 0 0 842 0 0 cm /Im1 Do Q";
      const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
      pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 842] /Contents ${content} 0 R /Resources << /XObject << /Im1 ${image} 0 R >> >> >>`));
      continue;
    }
    const stream = `BT /F1 ${num(spec.fontSize ?? 10)} Tf ${num(spec.leading ?? 12)} TL 50 780 Td ${page.map((l) => `(${escape(winAnsi(l))}) Tj T*`).join(" ")} ET`;
    const content = add(`<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 842] /Contents ${content} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`));
  }
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;

  let outlineRoot: number | undefined;
  if (spec.outline?.length) {
    outlineRoot = add("");
    const build = (items: readonly OutlineSpec[], parent: number): { first: number; last: number; count: number } => {
      const ids = items.map(() => add(""));
      let count = items.length;
      items.forEach((item, i) => {
        const kids = item.children?.length ? build(item.children, ids[i]!) : undefined;
        if (kids) count += kids.count;
        objects[ids[i]! - 1] =
          `<< /Title (${escape(item.title)}) /Parent ${parent} 0 R /Dest [${pageIds[item.page - 1]} 0 R /XYZ 0 842 0]` +
          `${i > 0 ? ` /Prev ${ids[i - 1]} 0 R` : ""}${i < ids.length - 1 ? ` /Next ${ids[i + 1]} 0 R` : ""}` +
          `${kids ? ` /First ${kids.first} 0 R /Last ${kids.last} 0 R /Count ${kids.count}` : ""} >>`;
      });
      return { first: ids[0]!, last: ids.at(-1)!, count };
    };
    const top = build(spec.outline, outlineRoot);
    objects[outlineRoot - 1] = `<< /Type /Outlines /First ${top.first} 0 R /Last ${top.last} 0 R /Count ${top.count} >>`;
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R${outlineRoot ? ` /Outlines ${outlineRoot} 0 R` : ""} >>`;
  const info = spec.title ? add(`<< /Title (${escape(spec.title)}) >>`) : undefined;

  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ""} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

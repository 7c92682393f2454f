/**
 * Writes a real .docx for tests: the smallest package Word and mammoth accept (content types,
 * relationships, styles with heading names, and the document's paragraphs).
 */
import JSZip from "jszip";

export interface DocxParagraph {
  readonly text: string;
  /** A style id: "Heading1", "Heading2" (defined here), or one of `styles`. */
  readonly style?: string;
  /** Set in bold (direct formatting, as a user without styles writes a heading). */
  readonly bold?: boolean;
  /** A table of one row, these cells (each a paragraph, bold when `bold`), instead of a paragraph. */
  readonly cells?: readonly string[];
  /** Body XML written as it is, instead of a paragraph (a table of contents' hyperlinks…). */
  readonly xml?: string;
}

export interface DocxOptions {
  /** More paragraph styles, as `<w:style>` elements of styles.xml. */
  readonly styles?: string;
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export async function makeDocx(paragraphs: readonly DocxParagraph[], options: DocxOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of docxParts(paragraphs, options)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer" });
}

/** The parts of the package makeDocx zips, by name, in its order. */
export function docxParts(paragraphs: readonly DocxParagraph[], options: DocxOptions = {}): [string, string][] {
  const parts: [string, string][] = [];
  const zip = { file: (name: string, text: string) => parts.push([name, text]) };
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>${options.styles ?? ""}</w:styles>`,
  );
  const paragraph = (text: string, style?: string, bold?: boolean) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
  const body = paragraphs
    .map((p) => p.xml ?? (p.cells ? `<w:tbl><w:tr>${p.cells.map((c) => `<w:tc>${paragraph(c, undefined, p.bold)}</w:tc>`).join("")}</w:tr></w:tbl>` : paragraph(p.text, p.style, p.bold)))
    .join("");
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return parts;
}

/**
 * Which files are documents: the extensions each reader takes, and pictures. Kept apart from the
 * readers, so that what only needs to know a file's kind (the folder walk, uploads, the reader
 * pool on the bot's thread) never loads a parser.
 */
import path from "node:path";

/**
 * What the readers make of a file: raised whenever a change to them makes other text, sections or
 * pages of the same file (a header dropped, a footnote set apart, tables joined), so that a
 * folder nobody touched is read again after an upgrade instead of keeping what the old readers
 * made of it until its files change. 2: two-page running headers, raised footnote marks,
 * adjacent Word tables as one. 3: HTML footnotes without links ("<sup>1</sup>"). 4: a PDF's
 * numbered heading with a number in its title ("3. Order card no. 27"). 5: a PDF's short title
 * lines over paragraphs as headings, where it has no outline. 6: …and a capitalised word alone
 * ("Kosten") unless it labels a note. 7: …but not a table's header row over rows opening with codes.
 * 8: a web page's (and a Word document's) tables of data are known as rows (Structure.tables).
 * 9: a two-page PDF's footer that differs in its page number only ("Page 1 of 2").
 * 10: a web page without <main> read from the element its id names the content ("content").
 * 11: a text file's title in capitals right over its text ("ART. 4 - COLTIVAZIONE"); a Word
 * document's name in bold over its first heading in bold; a web table's header row with its rows;
 * a PDF footer that says "Page 1 of 1". 12: a Markdown table's rows too (Structure.tables).
 * 13: a PDF's title line with a version and its date ("Version 2.4.0 – 20 May 2024"); an
 * outline title matched to its heading whatever mark stands between number and title ("–", ":").
 * 14: a PDF's page numbers said in more languages ("Sida 1 av 3", "Strona 1 z 3", "Pagina 1 van 3").
 * 15: a PDF's title line over a table (its header row or its rows of figures) heads it, also
 * after a bullet's item or a title in capitals; a table's header row never does.
 * 16: a PDF's page number between dashes ("- 3 -", "… giornata tipo - 1 -") goes with its footer.
 * 17: a PDF's numbered line right after or before its list's next step ("3. …" between "2. …" and
 * "4. …", an agenda) is no heading.
 * 18: a PDF's short title line over a numbered list's first step ("Come iscriversi" over "1. …") heads it.
 * 19: 17's list is three lines or more numbered one after another, none ending a sentence (two
 * headings in a row, or one after a procedure's steps, were lost).
 * 20: plain text's short numbered title right over its paragraph ("1. Neue Kita-App") heads it.
 * 21: a PDF list's run goes on over a wrapped item and a page break and takes questions; a title
 * over a numbered list's first step only after a sentence's end; 20's paragraph is two sentences.
 * 22: a short document's language from few function words of another Latin-script language
 * (a Czech notice, a Spanish price list were English); a sentence's first word no name. A PDF's
 * statute section title may be longer ("§ 7 Rechte und Pflichten der Mitglieder"); a title over a
 * lead-in ending in a colon, or at a page's foot over the next page's paragraph, heads it. A web
 * page's breadcrumb of one or two links written as a paragraph ("Úvod » Pro děti") is no text.
 * Plain text's article lines ("Čl. 2 Výpůjční lhůty", "Art. 4 - Durata") head their rules. A
 * PDF's long numbered clause whose sentence runs on ("5.1 Well-behaved dogs … on a" / "leash …")
 * is no heading.
 */
export const READING_VERSION = 22;

export const SUPPORTED_EXTENSIONS = [".txt", ".rst", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx", ".doc"] as const;
/** The first bytes of an OLE compound file, as a Word 97–2003 document is. */
export const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Pictures read with OCR as documents, when OCR is on. */
export const IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff"] as const;

export const isImageFile = (name: string) => (IMAGE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());

/** Whether OCR may have something to read in this file (a PDF's scanned pages, a picture). */
export const mayHoldScans = (name: string) => path.extname(name).toLowerCase() === ".pdf" || isImageFile(name);

/** The extensions read with these OCR settings (images only with OCR on). */
export function readableExtensions(ocr: boolean): readonly string[] {
  return ocr ? [...SUPPORTED_EXTENSIONS, ...IMAGE_EXTENSIONS] : SUPPORTED_EXTENSIONS;
}

/** More pictures than any page shows; a crafted page could list millions. */
const MAX_PICTURES = 1000;

/**
 * The pictures a page shows from the documents folder, as paths relative to the folder: relative
 * addresses are resolved against the page's own folder, "/…" against the documents folder;
 * addresses with a scheme ("https:", "data:") or a host ("//…") are not in the folder. Query and
 * fragment are dropped, escapes decoded. The loader does not read these as documents of their
 * own: a manual's screenshots and icons are part of its pages.
 */
export function localPictures(page: string, addresses: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of addresses.slice(0, MAX_PICTURES)) {
    const address = raw.trim().replace(/[?#].*$/, "");
    if (!address || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(address) || address.length > 1000) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(address);
    } catch {
      decoded = address;
    }
    const at = decoded.startsWith("/") ? path.posix.normalize(decoded.slice(1)) : path.posix.normalize(path.posix.join(path.posix.dirname(page), decoded));
    if (!at.startsWith("../") && at !== "..") out.add(at);
  }
  return [...out];
}

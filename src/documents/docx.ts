/**
 * Word (.docx): mammoth turns the document into HTML, keeping headings ("Heading 1" … styles) as
 * h1–h6, lists and tables; the HTML reader then gives text and sections like any web page.
 */
import { readHtml, type HtmlDocument } from "./html.js";

export async function readDocx(buffer: Buffer): Promise<HtmlDocument | string> {
  const mammoth = (await import("mammoth")).default;
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer }));
  } catch (error) {
    return `unreadable Word document (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
  return readHtml(`<html><body>${html}</body></html>`);
}

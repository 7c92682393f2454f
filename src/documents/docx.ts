/**
 * Word (.docx): mammoth turns the document into HTML, keeping headings ("Heading 1" … styles) as
 * h1–h6, lists and tables; the HTML reader then gives text and sections like any web page.
 *
 * A .docx is a zip, and a small zip can unpack to gigabytes. Before mammoth sees it, the zip's
 * central directory (read by yauzl) must declare no more than MAX_UNPACKED_BYTES for all its
 * parts, and every part is inflated once as a stream that stops as soon as it passes its declared
 * size, so a zip that lies about its sizes is refused with bounded memory too. All parts, images
 * too: mammoth reads whichever part the package's relationships name as the document, and a
 * bomb named "word/media/document.xml" passed a check that left media out. (Images barely
 * compress: a file within MAX_FILE_BYTES unpacks to about its size.) Mammoth is told not to read
 * images, so they are never unpacked for it.
 */
import { readHtml, type HtmlDocument } from "./html.js";
import { megabytes, type ReadLimits } from "./limits.js";

/** More parts than any real document has. */
const MAX_ENTRIES = 10_000;

interface ZipEntry {
  readonly fileName: string;
  readonly uncompressedSize: number;
}

/** Why the package must not be unpacked, or undefined when its parts are within the limit. */
export async function checkPackage(buffer: Buffer, maxUnpackedBytes: number): Promise<string | undefined> {
  const yauzl = await import("yauzl");
  let zip: Awaited<ReturnType<typeof yauzl.fromBufferPromise>>;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    return `not a Word document (${error instanceof Error ? error.message : String(error)})`;
  }
  try {
    if (zip.entryCount > MAX_ENTRIES) return `a zip of ${zip.entryCount} parts (more than ${MAX_ENTRIES})`;
    const entries = await new Promise<ZipEntry[]>((resolve, reject) => {
      const all: ZipEntry[] = [];
      zip.on("entry", (entry: ZipEntry) => {
        all.push(entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve(all));
      zip.on("error", reject);
      zip.readEntry();
    });
    const read = entries.filter((e) => !e.fileName.endsWith("/"));
    const declared = read.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > maxUnpackedBytes) {
      return `it unpacks to ${megabytes(declared)} (MAX_UNPACKED_BYTES is ${megabytes(maxUnpackedBytes)})`;
    }
    for (const entry of read) {
      const stream = await zip.openReadStreamPromise(entry as never);
      // validateEntrySizes: the stream fails as soon as it yields more than the entry declared.
      for await (const _ of stream) void _;
    }
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /too many bytes|size mismatch/i.test(message)
      ? "a part unpacks to more than its zip directory declares (a zip bomb?)"
      : `a damaged zip (${message.slice(0, 160)})`;
  } finally {
    zip.close();
  }
}

export async function readDocx(buffer: Buffer, limits: Pick<ReadLimits, "maxUnpackedBytes">): Promise<HtmlDocument | string> {
  const refused = await checkPackage(buffer, limits.maxUnpackedBytes);
  if (refused) return refused;
  const mammoth = (await import("mammoth")).default;
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer },
      {
        // Images are not content the bot can quote: never unpacked, never linked from disk.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
        externalFileAccess: false,
      },
    ));
  } catch (error) {
    return `unreadable Word document (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`;
  }
  return readHtml(`<html><body>${html}</body></html>`);
}

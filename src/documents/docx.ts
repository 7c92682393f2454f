/**
 * Word (.docx): mammoth turns the document into HTML, keeping headings ("Heading 1" … styles) as
 * h1–h6, lists and tables; the HTML reader then gives text and sections like any web page.
 *
 * A .docx is a zip, and a small zip can unpack to gigabytes. Before mammoth sees it, the zip's
 * central directory (read by yauzl) must declare no more than MAX_UNPACKED_BYTES for the parts
 * mammoth reads, and those parts are inflated once as a stream that stops as soon as one passes
 * its declared size, so a zip that lies about its sizes is refused with bounded memory too. The
 * parts mammoth reads are every part outside the folders of images, embedded objects and fonts,
 * and the ones the package's relationships name as the document and its styles, numbering,
 * notes and comments wherever they are stored (a bomb named "word/media/document.xml" passed a
 * check that left those folders out). Images are never unpacked: mammoth is told not to read
 * them, and they are left out of the count (a scan stored as a bitmap compresses 40 times).
 */
import path from "node:path";
import { readHtml, type HtmlDocument } from "./html.js";
import { megabytes, type ReadLimits } from "./limits.js";

/** More parts than any real document has. */
const MAX_ENTRIES = 10_000;

/** Parts mammoth does not read as text when images are not converted, unless a relationship names them as text (`textParts`). */
const NOT_READ = /(^|\/)(media|embeddings|fonts)\/|^docProps\/thumbnail\./i;
/** Relationships of the document whose targets mammoth reads as text, as in its `findPartPaths`. */
const TEXT_RELATIONSHIPS = /\/(?:officeDocument|styles|numbering|footnotes|endnotes|comments)$/;

interface ZipEntry {
  readonly fileName: string;
  readonly uncompressedSize: number;
}

/** The internal targets of relationships of these types in a .rels part, resolved against the folder of the part they belong to. */
function relationshipTargets(xml: string, from: string): string[] {
  const out: string[] = [];
  for (const [tag] of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);
    const type = attribute("Type");
    const target = attribute("Target");
    if (!type || !target || !TEXT_RELATIONSHIPS.test(type) || /^external$/i.test(attribute("TargetMode") ?? "")) continue;
    out.push(target.startsWith("/") ? path.posix.normalize(target.slice(1)) : path.posix.join(path.posix.dirname(from), target));
  }
  return out;
}

/** The .rels part of a part ("word/_rels/document.xml.rels" of "word/document.xml"). */
const relsOf = (part: string) => path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);

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
    const parts = new Map(entries.filter((e) => !e.fileName.endsWith("/")).map((e) => [e.fileName, e]));
    const counted = new Set<string>();
    let declared = 0;
    const texts = new Map<string, string>();
    // Counts parts against the limit and inflates them within their declared sizes (keeping the
    // text of relationship parts).
    const take = async (names: Iterable<string>): Promise<string | undefined> => {
      const fresh = [...names].filter((n) => parts.has(n) && !counted.has(n));
      for (const name of fresh) {
        counted.add(name);
        declared += parts.get(name)!.uncompressedSize;
      }
      if (declared > maxUnpackedBytes) return `it unpacks to ${megabytes(declared)} (MAX_UNPACKED_BYTES is ${megabytes(maxUnpackedBytes)})`;
      for (const name of fresh) {
        const stream = await zip.openReadStreamPromise(parts.get(name) as never);
        const keep = name.endsWith(".rels") ? ([] as Buffer[]) : undefined;
        // validateEntrySizes: the stream fails as soon as it yields more than the entry declared.
        for await (const chunk of stream) keep?.push(chunk as Buffer);
        if (keep) texts.set(name, Buffer.concat(keep).toString("utf8"));
      }
      return undefined;
    };
    const refused = await take([...parts.keys()].filter((n) => !NOT_READ.test(n)));
    if (refused) return refused;
    // The document and its text parts, wherever the relationships put them.
    const root = relationshipTargets(texts.get("_rels/.rels") ?? "", "");
    const documents = root.length ? root : ["word/document.xml"];
    const beside = await take([...documents, ...documents.map(relsOf)]);
    if (beside) return beside;
    return await take(documents.flatMap((d) => relationshipTargets(texts.get(relsOf(d)) ?? "", d)));
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

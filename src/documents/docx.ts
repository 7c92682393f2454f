/**
 * Word (.docx): mammoth turns the document into HTML, keeping headings ("Heading 1" … styles) as
 * h1–h6, lists and tables; the HTML reader then gives text and sections like any web page.
 *
 * A .docx is a zip, and a small zip can unpack to gigabytes. The zip is opened once, by yauzl,
 * and mammoth reads its parts through that same view (`PackageFile`): every part mammoth asks
 * for is counted against MAX_UNPACKED_BYTES by its declared size before it is inflated, and
 * inflated as a stream that fails as soon as it passes that size. So whatever mammoth reads, by
 * whatever relationship, is counted; predicting its reads from the relationships by hand missed
 * parts (a bomb stored as "word/media/document.xml", character references in a Target, zip
 * directories two readers see differently). Before mammoth starts, the declared sizes of the parts
 * outside the image, object and font folders are added up, so a plain bomb is named with its size
 * at once. Images are never unpacked: mammoth is told not to read them.
 */
import { headingStyles, headingTransform, STYLES_PART } from "./docx-headings.js";
import { escapeHtml } from "../html-text.js";
import { readHtml, type HtmlDocument } from "./html.js";
import { MAX_NESTING, megabytes, type ReadLimits } from "./limits.js";

/** More parts than any real document has. */
const MAX_ENTRIES = 10_000;
/** Where images, embedded objects and fonts are stored: left out of the check before mammoth starts (mammoth counts what it reads of them). */
const NOT_READ = /(^|\/)(media|embeddings|fonts)\/|^docProps\/thumbnail\./i;
interface ZipEntry {
  readonly fileName: string;
  readonly uncompressedSize: number;
}

/**
 * What keeps an XML part from being parsed safely, found by scanning its tags: no parse tree, no
 * recursion. mammoth's parser (xmldom) builds the whole tree and its reader recurses once per
 * level, so a 23 KB .docx of a million nested elements took 6 s and 1.1 GB before the stack
 * overflowed. The scan follows xmldom where the two could differ: an end tag that does not close
 * the open element is ignored (counting it as a close let "<a></x>" nest unseen); "<!" that is no
 * comment or CDATA is text. Whatever it cannot follow to its end (a tag, comment, CDATA section
 * or processing instruction left open) is refused, not passed, and so is a DTD, which the Open
 * Packaging Conventions forbid in a package's parts. Written here because the XML parsers at
 * hand build the tree first.
 */
export function xmlProblem(xml: string, maxDepth: number): "deep" | "unclosed" | "dtd" | undefined {
  const open: string[] = [];
  for (const tag of xmlTags(xml)) {
    if (tag.kind === "unclosed" || tag.kind === "dtd") return tag.kind;
    if (tag.kind === "end") {
      if (open.length && open[open.length - 1] === tag.name.toLowerCase()) open.pop();
    } else if (tag.kind === "start") {
      open.push(tag.name.toLowerCase());
      if (open.length > maxDepth) return "deep";
    }
  }
  return undefined;
}

interface XmlTag {
  /** "unclosed" or "dtd": the scan stops there. */
  readonly kind: "start" | "end" | "empty" | "unclosed" | "dtd";
  /** As written, prefix included (the first 200 characters of a start tag at most). */
  readonly name: string;
  /** Where its "<" and its ">" are. */
  readonly start: number;
  readonly end: number;
}

/**
 * The tags of an XML part in order, read as xmldom reads them (see `xmlProblem`):
 * comments, CDATA sections, processing instructions and a "<!" that is no declaration passed over;
 * a start tag ends at the first ">" outside quotes. Linear: each character is looked at once.
 */
function* xmlTags(xml: string): Generator<XmlTag> {
  let at = xml.indexOf("<");
  while (at !== -1) {
    const next = xml[at + 1];
    let end: number;
    const stop = (kind: "unclosed" | "dtd"): XmlTag => ({ kind, name: "", start: at, end: at });
    if (xml.startsWith("<!--", at)) {
      end = xml.indexOf("-->", at + 4);
      if (end < 0) return yield stop("unclosed");
      end += 2;
    } else if (xml.startsWith("<![CDATA[", at)) {
      end = xml.indexOf("]]>", at + 9);
      if (end < 0) return yield stop("unclosed");
      end += 2;
    } else if (xml.startsWith("<!DOCTYPE", at)) {
      return yield stop("dtd");
    } else if (next === "!") {
      end = at;
    } else if (next === "?") {
      end = xml.indexOf("?>", at + 2);
      if (end < 0) return yield stop("unclosed");
      end += 1;
    } else if (next === "/") {
      end = xml.indexOf(">", at + 2);
      if (end < 0) return yield stop("unclosed");
      yield { kind: "end", name: xml.slice(at + 2, end).trimEnd(), start: at, end };
    } else {
      // A start tag ends at the first ">" outside quotes ("<" cannot be in an attribute value, ">" can).
      let quote = "";
      end = -1;
      for (let i = at + 1; i < xml.length; i++) {
        const c = xml[i];
        if (quote) {
          if (c === quote) quote = "";
        } else if (c === '"' || c === "'") quote = c;
        else if (c === ">") {
          end = i;
          break;
        }
      }
      if (end < 0) return yield stop("unclosed");
      const name = /^[^\s/>]*/.exec(xml.slice(at + 1, Math.min(end, at + 200)))![0];
      yield { kind: xml[end - 1] === "/" ? "empty" : "start", name, start: at, end };
    }
    at = xml.indexOf("<", end + 1);
  }
}

const XML_PROBLEMS = {
  deep: (part: string) => `Word document nested too deeply (over ${MAX_NESTING} levels of elements in ${part})`,
  unclosed: (part: string) => `unreadable Word document (an unclosed tag, comment or section in ${part})`,
  dtd: (part: string) => `unreadable Word document (${part} declares a DTD, which Word documents never do)`,
};

/**
 * The XML of a part without its hidden runs (`<w:vanish/>` in a run's own properties): Word neither
 * shows nor prints them, so they are no text a reader could check a quote against, and a way to
 * slip words past one. mammoth reads no such property, so the runs are cut from the XML before it
 * parses it, by a linear scan of the tags (the part has passed `xmlProblem`). A run inside a run (a
 * text box in a drawing) is judged by its own properties, and a vanish in the record of a format
 * change (`w:rPrChange`) is what the run was, not what it is. (A vanish set by a character style
 * is not followed.)
 */
export function withoutHiddenRuns(xml: string): string {
  if (!xml.includes("vanish")) return xml;
  // The prefixes bound to WordprocessingML in the part: "w" as Word writes it, any other a tool
  // chooses, "" for a default namespace (mammoth reads the elements by namespace, not by prefix).
  const prefixes = new Set<string>();
  for (const m of xml.matchAll(/\bxmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) if (WORD_NAMESPACES.has(m[2]!)) prefixes.add(m[1] ?? "");
  const wordName = (name: string) => {
    const colon = name.indexOf(":");
    return prefixes.has(colon < 0 ? "" : name.slice(0, colon)) ? name.slice(colon + 1) : undefined;
  };
  interface Run {
    readonly start: number;
    hidden: boolean;
    /** Nothing read inside it yet: its properties, if any, come first. */
    fresh: boolean;
    /** Depth inside its own properties (0: outside them). */
    props: number;
  }
  const runs: Run[] = [];
  const cut: [number, number][] = [];
  for (const tag of xmlTags(xml)) {
    if (tag.kind === "unclosed" || tag.kind === "dtd") return xml; // (refused by xmlProblem before this)
    const name = wordName(tag.name);
    const run = runs.at(-1);
    if (run && run.props > 0) {
      if (tag.kind === "end") run.props--;
      else {
        if (run.props === 1 && name === "vanish" && !/\bval\s*=\s*["'](?:0|false|off)["']/.test(xml.slice(tag.start, tag.end))) run.hidden = true;
        if (tag.kind === "start") run.props++;
      }
      continue;
    }
    if (run?.fresh) {
      run.fresh = false;
      if (tag.kind === "start" && name === "rPr") {
        run.props = 1;
        continue;
      }
    }
    if (name !== "r" || tag.kind === "empty") continue;
    if (tag.kind === "start") runs.push({ start: tag.start, hidden: false, fresh: true, props: 0 });
    else {
      const done = runs.pop();
      // (Inside a hidden run, a hidden one goes with it.)
      if (done?.hidden && !runs.some((r) => r.hidden)) cut.push([done.start, tag.end + 1]);
    }
  }
  if (!cut.length) return xml;
  let out = "";
  let at = 0;
  for (const [start, end] of cut) {
    out += xml.slice(at, start);
    at = end;
  }
  return out + xml.slice(at);
}

/** WordprocessingML's namespace, transitional (as Word writes it) and strict. */
const WORD_NAMESPACES: ReadonlySet<string> = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);

/** A part mammoth may not read: over the limit. Its message is the reason the file is skipped. */
class Refused extends Error {}

/** The zip as mammoth reads it (its `file` option: `exists` and `read`), every read counted. */
interface PackageFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
  write(name: string, contents: unknown): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}

export async function readDocx(buffer: Buffer, limits: Pick<ReadLimits, "maxUnpackedBytes">): Promise<HtmlDocument | string> {
  const max = limits.maxUnpackedBytes;
  const yauzl = await import("yauzl");
  let zip: Awaited<ReturnType<typeof yauzl.fromBufferPromise>>;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    return `not a Word document (${error instanceof Error ? error.message : String(error)})`;
  }
  let html: string;
  let headings: ReturnType<typeof headingTransform>;
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
    const inflate = async (entry: ZipEntry): Promise<Buffer> => {
      const stream = await zip.openReadStreamPromise(entry as never);
      const chunks: Buffer[] = [];
      // validateEntrySizes: the stream fails as soon as it yields more than the entry declared.
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    const tooLarge = (bytes: number) => new Refused(`it unpacks to ${megabytes(bytes)} (MAX_UNPACKED_BYTES is ${megabytes(max)})`);
    // The parts mammoth reads as text, whatever their relationships, are mostly outside these
    // folders: their declared sizes are checked at once (each is inflated, within its size, when read).
    const declared = [...parts.values()].filter((e) => !NOT_READ.test(e.fileName)).reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > max) throw tooLarge(declared);
    let unpacked = 0;
    let styles: string | undefined;
    const file: PackageFile = {
      exists: (name) => parts.has(name),
      read: async (name, encoding) => {
        if (name === STYLES_PART && encoding === "utf-8" && styles !== undefined) return styles;
        const entry = parts.get(name);
        if (!entry) throw new Error(`no part ${name}`);
        unpacked += entry.uncompressedSize;
        if (unpacked > max) throw tooLarge(unpacked);
        const bytes = await inflate(entry);
        if (encoding === "base64") return bytes.toString("base64");
        if (!encoding) return new Uint8Array(bytes);
        // mammoth reads its XML parts as text: each is checked before it is parsed.
        const text = new TextDecoder(encoding).decode(bytes);
        const problem = xmlProblem(text, MAX_NESTING);
        if (problem) throw new Refused(XML_PROBLEMS[problem](name));
        return withoutHiddenRuns(text);
      },
      write: () => {
        throw new Error("the package is read only");
      },
      toArrayBuffer: () => Promise.reject(new Error("the package is read only")),
    };
    // The styles are read first, for the headings they define; mammoth is given the same text (counted once).
    if (parts.has(STYLES_PART)) styles = (await file.read(STYLES_PART, "utf-8")) as string;
    headings = headingTransform(headingStyles(styles ?? ""));
    const mammoth = (await import("mammoth")).default;
    ({ value: html } = await mammoth.convertToHtml(
      { file } as never,
      {
        transformDocument: headings.transform,
        // Images are not content the bot can quote: never unpacked, never linked from disk.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
        externalFileAccess: false,
      },
    ));
  } catch (error) {
    if (error instanceof Refused) return error.message;
    const message = error instanceof Error ? error.message : String(error);
    if (/too many bytes|size mismatch/i.test(message)) return "a part unpacks to more than its zip directory declares (a zip bomb?)";
    return `unreadable Word document (${message.split("\n")[0]!.slice(0, 160)})`;
  } finally {
    zip.close();
  }
  const title = headings.title();
  const head = title ? `<head><title>${escapeHtml(title)}</title></head>` : "";
  return readHtml(`<html>${head}<body>${html}</body></html>`);
}

import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { convert as htmlToText } from "html-to-text";
import { detectLang } from "./text.js";
import type { SkippedFile, SourceDocument } from "./types.js";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf"] as const;

export interface LoadResult {
  readonly documents: SourceDocument[];
  readonly skipped: SkippedFile[];
}

interface Extracted {
  text: string;
  title?: string | undefined;
}

const TITLE_MAX = 80;

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The first non-empty line, cut at a word boundary to a readable length. */
export function titleFromText(text: string): string {
  const line = text.split("\n").map((l) => l.trim()).find((l) => l.length > 0) ?? "";
  if (line.length <= TITLE_MAX) return line;
  const cut = line.slice(0, TITLE_MAX);
  const space = cut.lastIndexOf(" ");
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function decodeUtf8(buffer: Buffer): string {
  // fatal: a file that is not UTF-8 is reported, not silently turned into replacement characters.
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buffer);
}

function extractMarkdown(raw: string): Extracted {
  const parsed = matter(raw);
  const fmTitle = typeof parsed.data.title === "string" ? parsed.data.title.trim() : undefined;
  const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(parsed.content)?.[1];
  return { text: parsed.content, title: fmTitle || heading };
}

function extractHtml(raw: string): Extracted {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(raw)?.[1] ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(raw)?.[1];
  const text = htmlToText(raw, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "title", format: "skip" },
    ],
  });
  return { text, title: title ? htmlToText(title, { wordwrap: false }).trim() : undefined };
}

async function extractPdf(buffer: Buffer): Promise<Extracted> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    // One request at a time: the parser does not take concurrent calls.
    const text = await parser.getText();
    const info = await parser.getInfo().catch(() => undefined);
    const infoTitle = (info?.info as { Title?: unknown } | undefined)?.Title;
    // pdf-parse separates pages with "-- n of m --" lines; they are not part of the document.
    const body = text.text.replace(/^\s*-- \d+ of \d+ --\s*$/gm, "");
    return { text: body, title: typeof infoTitle === "string" ? infoTitle : undefined };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

async function extract(file: string, buffer: Buffer): Promise<Extracted | string> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".pdf") {
    try {
      return await extractPdf(buffer);
    } catch (error) {
      return `unreadable PDF (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  // As git does: a NUL byte in the first 8000 bytes means binary.
  if (buffer.subarray(0, 8000).includes(0)) return "binary content in a text file";
  let raw: string;
  try {
    raw = decodeUtf8(buffer);
  } catch {
    return "not valid UTF-8 text (save it as UTF-8)";
  }
  if (ext === ".md" || ext === ".markdown") return extractMarkdown(raw);
  if (ext === ".html" || ext === ".htm") return extractHtml(raw);
  return { text: raw };
}

/** Normalises line endings and trailing blanks, so offsets and hashes do not depend on the editor. */
function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

interface Candidate {
  absolute: string;
  relative: string;
}

/** Walks the folder; symlinks are followed only when they stay inside it. */
async function walk(root: string, skipped: SkippedFile[]): Promise<Candidate[]> {
  const realRoot = await fs.realpath(root);
  const found: Candidate[] = [];
  const visited = new Set<string>();
  const rel = (p: string) => path.relative(root, p).split(path.sep).join("/");

  async function visit(dir: string): Promise<void> {
    const real = await fs.realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = await fs.realpath(absolute);
        } catch {
          skipped.push({ source: rel(absolute), reason: "broken symbolic link" });
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          skipped.push({ source: rel(absolute), reason: "symbolic link to a place outside the documents folder" });
          continue;
        }
        const stat = await fs.stat(target);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      }
      if (isDir) await visit(absolute);
      else if (isFile) found.push({ absolute, relative: rel(absolute) });
      else skipped.push({ source: rel(absolute), reason: "not a regular file" });
    }
  }
  await visit(root);
  return found;
}

/**
 * Reads every supported document below `docsDir`. Files that cannot be used are returned in
 * `skipped` with the reason; they never stop the load.
 */
export async function loadDocuments(docsDir: string, options: { maxFileBytes: number }): Promise<LoadResult> {
  const skipped: SkippedFile[] = [];
  const documents: SourceDocument[] = [];
  const candidates = await walk(docsDir, skipped);
  for (const { absolute, relative } of candidates) {
    const ext = path.extname(relative).toLowerCase();
    if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
      skipped.push({ source: relative, reason: `unsupported file type "${ext || "(none)"}"` });
      continue;
    }
    let buffer: Buffer;
    try {
      const stat = await fs.stat(absolute);
      if (stat.size > options.maxFileBytes) {
        skipped.push({ source: relative, reason: `too large (${stat.size} bytes; MAX_FILE_BYTES is ${options.maxFileBytes})` });
        continue;
      }
      buffer = await fs.readFile(absolute);
    } catch (error) {
      skipped.push({ source: relative, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? "error"})` });
      continue;
    }
    if (buffer.length === 0) {
      skipped.push({ source: relative, reason: "empty file" });
      continue;
    }
    const extracted = await extract(relative, buffer);
    if (typeof extracted === "string") {
      skipped.push({ source: relative, reason: extracted });
      continue;
    }
    const text = cleanText(extracted.text);
    if (!text) {
      skipped.push({ source: relative, reason: "no text in it" });
      continue;
    }
    const title = extracted.title?.replace(/\s+/g, " ").trim() || titleFromText(text);
    documents.push({ source: relative, title, lang: detectLang(text), hash: sha256(text), text });
  }
  return { documents, skipped };
}

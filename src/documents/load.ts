import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { detectLang } from "../rag/text.js";
import type { SkippedFile, SourceDocument } from "../rag/types.js";
import { readDocx } from "./docx.js";
import { readHtml } from "./html.js";
import { readMarkdown } from "./markdown.js";
import { readPdf } from "./pdf.js";
import type { Structure } from "./structure.js";
import { readableFileName, readText } from "./text.js";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"] as const;

/**
 * In the documents folder: the address each document added by URL came from (written by the
 * bot's /add), so its citations link to the original. Not a document itself.
 */
export const ORIGINS_FILE = ".origins.json";

/** The origins file of a documents folder: `{ "relative/path.html": "https://…" }`; empty when absent or unreadable. */
export async function readOrigins(dir: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await fs.readFile(path.join(dir, ORIGINS_FILE), "utf8"));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string" && /^https?:\/\//i.test(e[1])));
  } catch {
    return {};
  }
}

export interface LoadResult {
  readonly documents: SourceDocument[];
  readonly skipped: SkippedFile[];
}

interface Extracted {
  text: string;
  structure: Structure;
  title?: string | undefined;
  url?: string | undefined;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function decodeUtf8(buffer: Buffer): string {
  // fatal: a file that is not UTF-8 is reported, not silently turned into replacement characters.
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buffer);
}

/** Text and structure of one file, or the reason it cannot be read. */
export async function extract(file: string, buffer: Buffer): Promise<Extracted | string> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".pdf") {
    try {
      return await readPdf(buffer);
    } catch (error) {
      return `unreadable PDF (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  if (ext === ".docx") return readDocx(buffer);
  // As git does: a NUL byte in the first 8000 bytes means binary.
  if (buffer.subarray(0, 8000).includes(0)) return "binary content in a text file";
  let raw: string;
  try {
    raw = decodeUtf8(buffer);
  } catch {
    return "not valid UTF-8 text (save it as UTF-8)";
  }
  if (ext === ".md" || ext === ".markdown") return readMarkdown(raw);
  if (ext === ".html" || ext === ".htm") return readHtml(raw);
  return readText(raw, file);
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
  const origins = await readOrigins(docsDir);
  for (const { absolute, relative } of candidates) {
    if (relative === ORIGINS_FILE) continue;
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
    const { text, structure } = extracted;
    // Where the admin fetched it from wins over what the page says of itself.
    const url = origins[relative] ?? extracted.url;
    if (!text.trim()) {
      skipped.push({ source: relative, reason: "no text in it" });
      continue;
    }
    const title = extracted.title?.replace(/\s+/g, " ").trim() || readableFileName(relative);
    documents.push({
      source: relative,
      title,
      lang: detectLang(text),
      // The structure is part of what is indexed: a new heading changes the document.
      hash: sha256(JSON.stringify([text, structure, url ?? null])),
      text,
      structure,
      ...(url ? { url } : {}),
    });
  }
  return { documents, skipped };
}

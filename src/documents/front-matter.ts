/**
 * Front matter of Markdown files, parsed as data and nothing else.
 *
 * Written by hand instead of gray-matter: gray-matter evaluates front matter whose language is
 * `js`/`javascript` (`---js`), so a document could run code inside the bot, and it caches parses
 * by content (a failed parse came back as a success the next time). Finding the delimiters is a
 * few lines; the parsing itself is done by the `yaml` and `smol-toml` libraries, with YAML's core
 * schema (no custom tags, alias expansion capped), so no document can run code or blow up memory.
 */
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";

export interface FrontMatter {
  /** The front matter's fields; empty when there is none or it was ignored. */
  readonly data: Readonly<Record<string, unknown>>;
  /** The file's text after the front matter (the whole text when there is none). */
  readonly content: string;
  /** Why the front matter was ignored, when it was (the text is still read). */
  readonly warning?: string;
}

/** A front matter this large is not front matter; the delimiters must close within it. */
const MAX_FRONT_MATTER = 64 * 1024;

/** Languages gray-matter and static site generators accept that are data, not programs. */
const DATA_LANGUAGES = new Set(["", "yaml", "yml", "json"]);

/** Thrown for front matter in a data language that does not parse: the file is not read as meant. */
export class FrontMatterError extends Error {}

function opening(raw: string): { language: string; toml: boolean; bodyStart: number } | undefined {
  const firstEnd = raw.indexOf("\n");
  const first = (firstEnd < 0 ? raw : raw.slice(0, firstEnd)).replace(/\r$/, "");
  if (first.length > 64) return undefined;
  if (/^\+\+\+[ \t]*$/.test(first)) return { language: "toml", toml: true, bodyStart: firstEnd + 1 };
  const m = /^---[ \t]*([A-Za-z0-9_-]*)[ \t]*$/.exec(first);
  return m && firstEnd >= 0 ? { language: m[1]!.toLowerCase(), toml: false, bodyStart: firstEnd + 1 } : undefined;
}

/** Offset of the closing delimiter line and of the text after it, within the first 64 KB. */
function closing(raw: string, from: number, toml: boolean): { end: number; after: number } | undefined {
  let at = from;
  while (at <= raw.length && at - from <= MAX_FRONT_MATTER) {
    const next = raw.indexOf("\n", at);
    const line = (next < 0 ? raw.slice(at) : raw.slice(at, next)).replace(/\r$/, "");
    if (toml ? /^\+\+\+[ \t]*$/.test(line) : /^(?:---|\.\.\.)[ \t]*$/.test(line)) return { end: at, after: next < 0 ? raw.length : next + 1 };
    if (next < 0) return undefined;
    at = next + 1;
  }
  return undefined;
}

/** Brackets front matter nests at most ("[[…]]" of a TOML table array is two). */
const MAX_NESTING = 64;

/**
 * Characters a line of YAML front matter may open with in blanks and block indicators ("- - - x"
 * nests a list in a list once per "- ", as "[" does: 32,000 of them ended the process too).
 */
const MAX_INDENT = 128;

/** The longest run of blanks and block indicators ("-", "?", ":") a line of a text opens with. */
function blockDepth(text: string): number {
  let deepest = 0;
  for (const m of text.matchAll(/^[ \t?:-]+/gm)) deepest = Math.max(deepest, m[0].length);
  return deepest;
}

/** The deepest nesting of "[" and "{" in a text (closing brackets end a level). */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Splits `---` (YAML, or `---json`) or `+++` (TOML) front matter from the text and parses it as
 * data. Front matter in any other language (`---js`, `---coffee`) is never run: it is dropped
 * with a warning and the rest is read. Front matter that does not parse throws FrontMatterError.
 */
export function parseFrontMatter(raw: string): FrontMatter {
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const open = opening(text);
  if (!open) return { data: {}, content: text };
  const close = closing(text, open.bodyStart, open.toml);
  if (!close) return { data: {}, content: text };
  const source = text.slice(open.bodyStart, close.end);
  const content = text.slice(close.after);
  if (!open.toml && !DATA_LANGUAGES.has(open.language)) {
    return { data: {}, content, warning: `front matter in "${open.language}" is not read (only YAML, TOML or JSON data); the text was read without it` };
  }
  // The YAML parser recurses once per nested "[" or "{": 30,000 of them overflowed the stack, and
  // after a few such files V8 itself ran out of memory and ended the whole process. Counted with
  // quotes ignored, so a bracket inside a string counts too: no real front matter comes close.
  if (flowDepth(source) > MAX_NESTING || blockDepth(source) > MAX_INDENT) throw new FrontMatterError(`front matter nests deeper than ${MAX_NESTING} levels`);
  let value: unknown;
  try {
    if (open.toml) value = parseToml(source);
    else if (open.language === "json") value = JSON.parse(source);
    // The core schema knows no custom tags; a handful of aliases is all real front matter uses.
    else value = parseYaml(source, { schema: "core", customTags: [], maxAliasCount: 50, prettyErrors: false, strict: true, uniqueKeys: false });
  } catch (error) {
    const kind = open.toml ? "TOML" : open.language === "json" ? "JSON" : "YAML";
    const detail = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 160) : String(error);
    throw new FrontMatterError(`front matter is not valid ${kind} (${detail})`);
  }
  // "---" followed by prose and another "---" (a Markdown rule) is not front matter.
  const data = asRecord(value);
  return data ? { data, content } : { data: {}, content: text };
}

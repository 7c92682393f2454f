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
import { parse as parseYaml, Parser as YamlParser } from "yaml";

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

/** Levels front matter nests at most ("[[…]]" of a TOML table array is two). */
const MAX_NESTING = 64;

/** A node of yaml's syntax tree, as far as nesting goes: a document's value, a collection's items' keys and values. */
interface CstNode {
  readonly type?: string;
  readonly value?: CstNode;
  readonly items?: readonly { key?: CstNode | null; value?: CstNode | null }[];
}

/** The deepest nesting of collections in a YAML text, walked with a stack of its own. */
function yamlDepth(text: string): number {
  let deepest = 0;
  for (const document of new YamlParser().parse(text)) {
    const stack: [CstNode, number][] = [[document as CstNode, 0]];
    while (stack.length) {
      const [node, depth] = stack.pop()!;
      deepest = Math.max(deepest, depth);
      if (node.type === "document" && node.value) stack.push([node.value, depth]);
      for (const item of node.items ?? []) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
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
  // YAML's composer recurses once per level of nesting: 30,000 nested "[", "- " or "? &a " overflowed
  // the stack, and after a few such files V8 itself ran out of memory and ended the whole process;
  // 300 levels of explicit keys took 33 s. The depth is measured first, on the syntax tree that
  // yaml's own parser builds without recursion; brackets are counted for TOML and JSON (with
  // quotes ignored: no real front matter comes close).
  if ((open.toml || open.language === "json" ? flowDepth(source) : yamlDepth(source)) > MAX_NESTING) {
    throw new FrontMatterError(`front matter nests deeper than ${MAX_NESTING} levels`);
  }
  let value: unknown;
  try {
    if (open.toml) value = parseToml(source);
    else if (open.language === "json") value = JSON.parse(source);
    // The core schema knows no custom tags; a handful of aliases is all real front matter uses.
    // Errors throw; warnings (an unknown tag, once per tag) are not written to the log.
    else value = parseYaml(source, { schema: "core", customTags: [], maxAliasCount: 50, prettyErrors: false, strict: true, uniqueKeys: false, logLevel: "error" });
  } catch (error) {
    const kind = open.toml ? "TOML" : open.language === "json" ? "JSON" : "YAML";
    const detail = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 160) : String(error);
    throw new FrontMatterError(`front matter is not valid ${kind} (${detail})`);
  }
  // "---" followed by prose and another "---" (a Markdown rule) is not front matter.
  const data = asRecord(value);
  return data ? { data, content } : { data: {}, content: text };
}

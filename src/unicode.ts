/**
 * Cutting text by length without cutting a character in half. JavaScript counts UTF-16 code
 * units, and an emoji or a rare CJK character is two of them (a surrogate pair): a cut between
 * the two leaves half a character, which Telegram refuses ("text must be encoded in UTF-8"), and
 * the whole message is lost with it, its plain-text retry too. A heading of 299 letters and an
 * emoji silenced every answer citing it; a stranger's name broke the admin's /access page. Every
 * cut by length of text that is sent goes through these; `wellFormed` is the last guard before sending.
 */

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `at`, or one before it when it falls between the two halves of a character. */
export function wholeAt(text: string, at: number): number {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at)) ? at - 1 : at;
}

/** The text up to `end` (a length), one unit shorter when `end` would cut a character in half. */
export function headOf(text: string, end: number): string {
  return text.slice(0, wholeAt(text, Math.max(0, end)));
}

/** The text from `start`, one unit later when `start` would cut a character in half. */
export function tailFrom(text: string, start: number): string {
  const at = Math.max(0, start);
  return text.slice(wholeAt(text, at) === at ? at : at + 1);
}

/** Direction embeddings, overrides and isolates: "invoice\u202Efdp.txt" shows as "invoicetxt.pdf". */
const DIRECTION_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/g;
/** Direction marks: they only move where punctuation lands ("C++\u200F" in a Hebrew title). */
const DIRECTION_MARKS = /[\u061C\u200E\u200F]/g;

/**
 * A name on one line as it reads: direction overrides dropped (one before a number or a file
 * name makes a reader read another), control characters and runs of white space one space.
 * `keepMarks`: direction marks stay (a title's own right-to-left punctuation); a name a person
 * chose (the access list) loses them too.
 */
export function plainLine(text: string, { keepMarks = false }: { keepMarks?: boolean } = {}): string {
  const flat = text.replace(DIRECTION_OVERRIDES, "").replace(/[\p{Cc}\s]+/gu, " ").trim();
  return keepMarks ? flat : flat.replace(DIRECTION_MARKS, "");
}

const LONE_HALF = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with any half character (from a file, a user or a model) replaced by U+FFFD, as UTF-8 would show it. */
export function wellFormed(text: string): string {
  return text.replace(LONE_HALF, "\uFFFD");
}

/**
 * A request's parameters with every string well-formed, through arrays and objects (a caption, a
 * keyboard's labels, also when the keyboard is a builder's instance), as they are sent: their own
 * fields. What `isFile` says is a file being uploaded is passed on as it is, and so are bytes.
 */
export function wellFormedPayload<T>(value: T, isFile: (value: object) => boolean = () => false): T {
  if (typeof value === "string") return wellFormed(value) as T;
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value) || value instanceof ArrayBuffer || isFile(value)) return value;
  if (Array.isArray(value)) return value.map((v) => wellFormedPayload(v, isFile)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormedPayload(v, isFile)])) as T;
}

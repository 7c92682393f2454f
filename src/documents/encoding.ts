/**
 * Bytes to text for the text formats (plain text, Markdown, HTML): UTF-8, or UTF-16 where a byte
 * order mark says so. UTF-8 with a few bad bytes is read as UTF-8 (they become U+FFFD); text that
 * is not UTF-8 is read in the encoding an HTML page declares, else as Windows-1252 (which Latin-1
 * files read as too); both with a warning. Binary content is refused.
 */

/** The text of a file (and a warning when its encoding was guessed), or why it is not text. */
export type Decoded = { readonly text: string; readonly warning?: string } | { readonly reason: string };

/** Where an HTML page may declare its encoding: the first 1024 bytes, as browsers look. */
const PRESCAN_BYTES = 1024;
/** Control characters (other than tabs, line and page breaks) a legacy text may hold: more is binary. */
const MAX_CONTROL_SHARE = 0.01;
/**
 * Bytes that are not UTF-8 a UTF-8 text may hold, as a share of its characters, and still be read
 * as UTF-8 (they become U+FFFD): a stray byte or a file cut inside a character. Read as
 * Windows-1252 instead, every other accented letter would be garbled ("cafÃ©").
 */
const MAX_BAD_UTF8_SHARE = 0.001;

/** The encoding a `<meta charset>` or `http-equiv` Content-Type in the page's first bytes names, if this platform knows it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString("latin1");
  const label = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head)?.[1];
  if (!label) return undefined;
  try {
    const encoding = new TextDecoder(label).encoding;
    // As browsers do: a page that names UTF-16 in its own (ASCII-readable) bytes is not UTF-16.
    return encoding.startsWith("utf-16") ? "utf-8" : encoding;
  } catch {
    return undefined;
  }
}

/** Controls (other than tabs, line and page breaks) and replacement characters in a text. */
function controlCount(text: string): number {
  return text.match(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
}

/**
 * Windows-1252's characters at 0x80–0x9F (quotes, dashes, €…), where Latin-1 has control codes;
 * the five bytes it leaves undefined stay controls. By hand because Node 20's TextDecoder decodes
 * "windows-1252" as Latin-1 there (0x93 becomes U+0093, not “).
 */
const WINDOWS_1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** Text that is not UTF-8, read as its page declares or as Windows-1252; undefined when it reads as binary. */
function decodeLegacy(bytes: Uint8Array, html: boolean): { text: string; encoding: string } | undefined {
  const declared = html ? declaredCharset(bytes) : undefined;
  // A page declaring UTF-8 that is not: read as browsers' default for such pages.
  const encoding = declared && declared !== "utf-8" ? declared : "windows-1252";
  const text = encoding === "windows-1252" ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  // The whole text: binary after a page of text is binary too.
  return controlCount(text) > MAX_CONTROL_SHARE * text.length ? undefined : { text, encoding };
}

function decodeUtf8(bytes: Uint8Array): string {
  // fatal: a file that is not UTF-8 is reported, not silently turned into replacement characters.
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
}

/**
 * The encoding a byte order mark declares for UTF-16 (what Windows Notepad writes as "Unicode"),
 * or undefined: such text is full of NUL bytes, and is no binary file for that.
 */
function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

export function decodeText(bytes: Uint8Array, options: { html?: boolean } = {}): Decoded {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      return { reason: "not valid UTF-16 text, though it begins as such (save it as UTF-8)" };
    }
    return text.slice(0, 4000).includes("\u0000") ? { reason: "binary content in a text file" } : { text };
  }
  // As git does: a NUL byte in the first 8000 bytes means binary.
  if (bytes.subarray(0, 8000).includes(0)) return { reason: "binary content in a text file" };
  try {
    return { text: decodeUtf8(bytes) };
  } catch {
    // UTF-8 with a few bad bytes (a stray byte, a file cut inside a character): its other
    // non-ASCII letters are valid UTF-8, and outnumber the bad ones. A Latin-1 file has none valid.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const bad = lenient.match(/\ufffd/g)?.length ?? 0;
    const valid = lenient.match(/[^\x00-\x7f\ufffd]/g)?.length ?? 0;
    if (valid > bad && bad <= MAX_BAD_UTF8_SHARE * lenient.length && controlCount(lenient) <= MAX_CONTROL_SHARE * lenient.length) {
      return { text: lenient, warning: `${bad} byte sequence(s) are not valid UTF-8 and were read as "\ufffd" (save it as UTF-8)` };
    }
    // Older files are often Latin-1 or Windows-1252 (a NEWS file with an accented name): read,
    // not skipped whole for a few bytes; the warning says how, in case characters look wrong.
    const legacy = decodeLegacy(bytes, options.html ?? false);
    if (!legacy) return { reason: "not valid UTF-8 text, nor text in another encoding (save it as UTF-8)" };
    return { text: legacy.text, warning: `not UTF-8: read as ${legacy.encoding} (save it as UTF-8 if characters look wrong)` };
  }
}

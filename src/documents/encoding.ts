/**
 * Bytes to text for the text formats (plain text, Markdown, HTML): UTF-8, or UTF-16 where a byte
 * order mark says so. Text that is not all UTF-8 is read in the encoding an HTML page declares;
 * else its valid UTF-8 sequences as UTF-8 and every other byte as Windows-1252 (a UTF-8 file with
 * a stray byte keeps its accents; a Latin-1 file reads whole as such); both with a warning.
 * Binary content, and text in a non-Western legacy encoding that is not declared, are refused.
 */

/** The text of a file (and a warning when its encoding was guessed), or why it is not text. */
export type Decoded = { readonly text: string; readonly warning?: string } | { readonly reason: string };

/** Where an HTML page may declare its encoding: the first 1024 bytes, as browsers look. */
const PRESCAN_BYTES = 1024;
/** Control characters (other than tabs, line and page breaks) a legacy text may hold: more is binary. */
const MAX_CONTROL_SHARE = 0.01;
/**
 * Letters of Latin-1's upper half (À–ÿ) a Western text has at most, as a share of its letters:
 * text in another legacy encoding read as Windows-1252 (Russian in Windows-1251) is mostly these.
 */
const MAX_UPPER_LATIN_SHARE = 0.3;

/** Why a file that is no UTF-8 and no text in another encoding is skipped. */
const NOT_TEXT = "not valid UTF-8 text, nor text in another encoding (save it as UTF-8)";

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

function windows1252(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_C1[byte - 0x80]! : String.fromCharCode(byte);
}

/** Length of the valid UTF-8 sequence at `i` (1 for ASCII), or 0 when none starts there. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Text that is not all UTF-8: its valid UTF-8 sequences as UTF-8, every other byte as
 * Windows-1252. Also counts the multi-byte sequences and the bytes read as Windows-1252. (By
 * hand: no decoder here reads each byte by what it is.)
 */
function decodeMixed(bytes: Uint8Array): { text: string; multibyte: number; legacy: number } {
  const utf8 = new TextDecoder("utf-8");
  const parts: string[] = [];
  let multibyte = 0;
  let legacy = 0;
  let run = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = utf8SequenceAt(bytes, i);
    if (n > 0) {
      if (n > 1) multibyte++;
      i += n;
      continue;
    }
    if (run < i) parts.push(utf8.decode(bytes.subarray(run, i)));
    parts.push(windows1252(bytes[i]!));
    legacy++;
    run = ++i;
  }
  if (run < bytes.length) parts.push(utf8.decode(bytes.subarray(run)));
  return { text: parts.join(""), multibyte, legacy };
}

function upperLatinShare(text: string): number {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/[\u00c0-\u00ff]/g)?.length ?? 0;
  return letters ? upper / letters : 0;
}

function decodeUtf8(bytes: Uint8Array): string {
  // fatal: a file that is not UTF-8 is noticed, not silently turned into replacement characters.
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
    // An HTML page may say in what encoding it is written (KOI8-R, Shift_JIS, ISO-8859-2…).
    const declared = options.html ? declaredCharset(bytes) : undefined;
    if (declared && declared !== "utf-8") {
      const text = new TextDecoder(declared).decode(bytes);
      if (controlCount(text) > MAX_CONTROL_SHARE * text.length) return { reason: NOT_TEXT };
      return { text, warning: `not UTF-8: read as ${declared} (save it as UTF-8 if characters look wrong)` };
    }
    // Older files are often Latin-1 or Windows-1252 (a NEWS file with an accented name), and a
    // UTF-8 file may hold a stray byte: read, not skipped whole for a few bytes; the warning says how.
    const { text, multibyte, legacy } = decodeMixed(bytes);
    // The whole text: binary after a page of text is binary too.
    if (controlCount(text) > MAX_CONTROL_SHARE * text.length) return { reason: NOT_TEXT };
    if (multibyte > 0) return { text, warning: `${legacy} byte(s) are not valid UTF-8 and were read as Windows-1252 (save it as UTF-8)` };
    if (upperLatinShare(text) > MAX_UPPER_LATIN_SHARE) return { reason: "not UTF-8, nor text in a Western encoding (save it as UTF-8)" };
    return { text, warning: "not UTF-8: read as windows-1252 (save it as UTF-8 if characters look wrong)" };
  }
}

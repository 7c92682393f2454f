/**
 * Bytes to text for the text formats (plain text, Markdown, HTML): UTF-8, or UTF-16 where a byte
 * order mark says so; binary content is refused.
 */

/** The text of a file, or why it is not text. */
export type Decoded = { readonly text: string } | { readonly reason: string };

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

export function decodeText(bytes: Uint8Array): Decoded {
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
    return { reason: "not valid UTF-8 text (save it as UTF-8)" };
  }
}

/**
 * Text from documents (file names, titles, quotes) shown on a terminal. A terminal obeys the
 * control characters in what it prints: an escape sequence in a file name can set the window's
 * title, clear the screen or move the cursor, a carriage return can print over a line, and
 * bidirectional overrides can show a name reversed. These are shown as their code ("\x1b",
 * "\u202e") instead. (JSON output escapes them already.)
 */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** …and, in a one-line field, line breaks and tabs too. */
const LINE_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** The controls of LINE_CONTROLS after the first 32. */
const WIDE_CONTROLS = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const code = (c: string) => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
};

/** Text for a terminal: line breaks and tabs kept, every other control character shown as its code. */
export function forTerminal(text: string): string {
  return text.replace(CONTROLS, code);
}

/** One line for a terminal (a file name, a reason): every control character shown as its code. */
export function forTerminalLine(text: string): string {
  return text.replace(LINE_CONTROLS, code);
}

/**
 * Controls past the first 32 (DEL, the C1 controls such as the one-character form of "ESC [", the
 * bidirectional overrides, the line separators) shown as their code, the first 32 left as they are:
 * for a line whose fields are written as JSON already (which escapes those) and may be coloured
 * (which takes ESC).
 */
export function forColouredLine(text: string): string {
  return text.replace(WIDE_CONTROLS, code);
}

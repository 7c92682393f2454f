/** Plain text: a short first line that reads like a heading is the title; else the file name, made readable. */
import path from "node:path";
import type { Structure } from "./structure.js";

/**
 * Trailing blanks of every line removed. Split and trimmed rather than `/[ \t]+\n/g`: that pattern
 * backtracks over a long run of blanks that no line break ends, which is quadratic in the run.
 */
export function trimLineEnds(text: string): string {
  return text
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}

/** Normalises line endings and trailing blanks, so offsets and hashes do not depend on the editor. */
export function cleanText(text: string): string {
  return trimLineEnds(text.replace(/\r\n?/g, "\n"))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** "release-notes_2024.txt" -> "Release notes 2024". */
export function readableFileName(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[-_.]+/g, " ").replace(/\s+/g, " ").trim();
  return base ? base[0]!.toUpperCase() + base.slice(1) : file;
}

const HEADING_MAX = 100;

/** A first line that is short, stands alone and does not end like a sentence. */
export function headingLine(text: string): string | undefined {
  const [first = "", second] = text.split("\n", 2);
  const line = first.trim();
  if (!line || line.length > HEADING_MAX) return undefined;
  if (/[.,;:!?…]$/.test(line) && !/\?$/.test(line)) return undefined;
  if (second !== undefined && second.trim() !== "" && line.length > 60) return undefined;
  return /\p{L}/u.test(line) ? line : undefined;
}

export function readText(raw: string, file: string): { text: string; structure: Structure; title: string } {
  const text = cleanText(raw);
  return { text, structure: { sections: [], pages: [] }, title: headingLine(text) ?? readableFileName(file) };
}

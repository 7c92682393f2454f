/**
 * Pictures of text for OCR tests, drawn by the tests themselves: lines of text on a white page
 * (a scan or a photo of a notice), blank or noisy pages. Drawn with @napi-rs/canvas in the
 * Liberation Sans font that pdf.js ships, so they look the same on every machine.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import type { ScanSpec } from "./pdf.js";

const require = createRequire(import.meta.url);
const FONT = "Scan Sans";
GlobalFonts.registerFromPath(path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts", "LiberationSans-Regular.ttf"), FONT);

export interface PictureOptions {
  readonly width?: number;
  readonly height?: number;
  readonly fontSize?: number;
  /**
   * Random grey blotches over the page: a scan nobody can read. Blotches rather than fine dots:
   * the OCR finds as little in either, and fine dots cost it half a minute a page.
   */
  readonly noise?: boolean;
}

function draw(lines: readonly string[], options: PictureOptions) {
  const width = options.width ?? 1240;
  const height = options.height ?? 1754;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext("2d");
  g.fillStyle = "white";
  g.fillRect(0, 0, width, height);
  g.fillStyle = "black";
  const size = options.fontSize ?? 34;
  g.font = `${size}px "${FONT}"`;
  lines.forEach((line, i) => g.fillText(line, 100, 160 + i * size * 1.6));
  if (options.noise) {
    // A fixed pseudo-random sequence: the same page on every run.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < (width * height) / 6; i++) {
      const v = Math.floor(next() * 256);
      g.fillStyle = `rgb(${v},${v},${v})`;
      g.fillRect(Math.floor(next() * width), Math.floor(next() * height), 32, 32);
    }
  }
  return { canvas, width, height };
}

/** A page of text as a PNG (a photo or scan saved as an image file). */
export async function textPng(lines: readonly string[], options: PictureOptions = {}): Promise<Buffer> {
  return Buffer.from(await draw(lines, options).canvas.encode("png"));
}

/** A page of text as a JPEG, ready to be a scanned page of a PDF (makePdf). */
export async function scannedPage(lines: readonly string[], options: PictureOptions = {}): Promise<ScanSpec> {
  const { canvas, width, height } = draw(lines, options);
  return { jpeg: Buffer.from(await canvas.encode("jpeg", 90)), width, height };
}

/**
 * Documents come from outside, and a file built to make a reader quadratic stalls the bot as
 * surely as one that runs code. Every reader is timed here on pathological input of about 1 MB
 * against ordinary input of the same size. (Apart from untrusted.test.ts, whose tests it took
 * half the time of: the two files run side by side.)
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../../src/documents/limits.js";
import { readDocument } from "../../src/documents/read.js";
import { makeDoc } from "../helpers/doc.js";
import { makeDocx } from "../helpers/docx.js";
import * as hostile from "../helpers/hostile.js";

const CHUNKING = { chunkSize: 800, chunkOverlap: 100 };

async function readTime(source: string, bytes: Uint8Array, limits: ReadLimits): Promise<number> {
  const started = performance.now();
  const outcome = await readDocument({ source, bytes, chunking: CHUNKING, limits });
  const elapsed = performance.now() - started;
  assert.ok(outcome.ok, `${source}: ${outcome.ok ? "" : outcome.reason}`);
  return elapsed;
}

test("every reader is linear on pathological input of 1 MB: its time is within a small factor of ordinary input of the same size", async () => {
  const limits = { ...DEFAULT_READ_LIMITS, maxChars: 1e8, maxPassages: 1e8 };
  const MB = 1_100_000;
  const tinyLines = hostile.tinyLinesPdf(100_000);
  const dots = hostile.dotLeaderPdf();
  const cases: { name: string; source: string; hostile: Uint8Array; ordinary: Uint8Array }[] = [
    { name: "text: a run of blanks no line break ends", source: "a.txt", hostile: Buffer.from(`a${" ".repeat(MB)}b`), ordinary: Buffer.from(hostile.prose(MB)) },
    // Each a heading of plain text's layout, by the hundred thousand (counting them per heading was quadratic).
    // Against as many short paragraphs of prose: many paragraphs cost more than one long one anyway.
    { name: "text: 100,000 numbered lines, each a paragraph", source: "a.txt", hostile: Buffer.from(Array.from({ length: 100_000 }, (_, i) => `${1 + (i % 999)}. Item`).join("\n\n")), ordinary: Buffer.from(Array.from({ length: 100_000 }, () => "Items.").join("\n\n")) },
    { name: "text: 40,000 numbered questions with answers", source: "a.txt", hostile: Buffer.from(Array.from({ length: 40_000 }, (_, i) => `${1 + (i % 99)}.${i % 9} Why is it so?\n\n\tBecause it is.`).join("\n\n")), ordinary: Buffer.from(Array.from({ length: 80_000 }, () => "It is so, because.").join("\n\n")) },
    { name: "text: a rule line of 1 MB", source: "a.txt", hostile: Buffer.from(`Title\n${"=".repeat(MB)}\n\nText.`), ordinary: Buffer.from(hostile.prose(MB)) },
    {
      name: "Markdown: heading lines of 100 KB",
      source: "a.md",
      hostile: Buffer.from(Array.from({ length: 11 }, () => `# x${" \t".repeat(50_000)}y\n\nText.`).join("\n")),
      ordinary: Buffer.from(hostile.prose(MB)),
    },
    // Script tags whose block never closes them (each looked for its closing to the end of the file).
    { name: "Markdown: 110,000 script tags in one block", source: "a.md", hostile: Buffer.from(`<script>\n${"<script>a\n".repeat(MB / 10)}</script<\n`), ordinary: Buffer.from(hostile.prose(MB)) },
    // Quoted 256-column tables of one-cell rows: markdown-it pads each row to 256 cells (1.2 million
    // cells a 30 KB file); the file's cap on cells must see them inside a block quote too.
    {
      name: "Markdown: block-quoted tables of 256 columns",
      source: "a.md",
      hostile: Buffer.from(`> |${"a|".repeat(256)}\n> |${"-|".repeat(256)}\n${"> x\n".repeat(256)}\n`.repeat(700)),
      ordinary: Buffer.from(`| a | b | c |\n| - | - | - |\n${"| x | y | z |\n".repeat(256)}\n`.repeat(300)),
    },
    // …nor behind a fence that only looks like one (inside a block of HTML), nor after a narrow table that runs on into headings.
    {
      name: "Markdown: 256-column tables after a fence in HTML and a narrow table",
      source: "a.md",
      hostile: Buffer.from(`<div>\n\`\`\`\n</div>\n\n|a|\n|-|\n${`# h\n|${"a|".repeat(256)}\n|${"-|".repeat(256)}\n${"x\n".repeat(256)}`.repeat(700)}`),
      ordinary: Buffer.from(`| a | b | c |\n| - | - | - |\n${"| x | y | z |\n".repeat(256)}\n`.repeat(300)),
    },
    // A reference to a 100 KB address, used 250,000 times: written out at every use, it rendered to
    // more characters than a string can hold.
    // Against as many uses of a short one.
    {
      name: "Markdown: a 100 KB link target used 250,000 times",
      source: "a.md",
      hostile: Buffer.from(`[a]: /${"x".repeat(100_000)}\n\n${"[a] ".repeat(250_000)}`),
      ordinary: Buffer.from(`[a]: /x\n\n${"[a] ".repeat(275_000)}`),
    },
    // Cells in 240 nested spans: each span taken for a row walked the whole text under it.
    {
      name: "Markdown: table cells nested in 240 spans",
      source: "a.md",
      hostile: Buffer.from(`<table><tr>${"<td><span>".repeat(240)}${"<b>x</b> ".repeat(120_000)}${"</span></td>".repeat(240)}</tr></table>\n`),
      ordinary: Buffer.from(hostile.prose(MB)),
    },
    {
      name: "HTML: 480 nested blocks around a paragraph of 1 MB",
      source: "a.html",
      hostile: Buffer.from(`<html><body>${"<div>".repeat(480)}<p>${hostile.prose(MB)}</p>${"</div>".repeat(480)}</body></html>`),
      ordinary: Buffer.from(`<html><body><p>${hostile.prose(MB)}</p></body></html>`),
    },
    // Each hidden alternative looked at all the others to know whether it was the last one shown.
    {
      name: "HTML: 32,000 hidden alternatives in one line",
      source: "a.html",
      hostile: Buffer.from(`<html><body><p>Press <span>${'<span hidden="true">Ctrl</span>'.repeat(MB / 31)}</span>+Enter.</p></body></html>`),
      ordinary: Buffer.from(`<html><body><p>${hostile.prose(MB)}</p></body></html>`),
    },
    // Each link to a place on the page is read for a permalink mark: read whole, every link read all the links inside it.
    {
      name: "HTML: 450 links to '#' nested around 1 MB",
      source: "a.html",
      hostile: Buffer.from(`<html><body><p>${'<a href="#x">'.repeat(450)}${"<b>x</b> ".repeat(MB / 9)}${"</a>".repeat(450)}</p></body></html>`),
      ordinary: Buffer.from(`<html><body><p>${hostile.prose(MB)}</p></body></html>`),
    },
    { name: "HTML: a paragraph of blanks", source: "a.html", hostile: Buffer.from(`<html><body><p>a${" ".repeat(MB)}b</p></body></html>`), ordinary: Buffer.from(`<html><body><p>${hostile.prose(MB)}</p></body></html>`) },
    { name: "PDF: 100,000 tiny hyphenated lines", source: "a.pdf", hostile: tinyLines, ordinary: hostile.prosePdf(tinyLines.length) },
    { name: "PDF: dot leaders of 20,000 characters with no page number", source: "a.pdf", hostile: dots, ordinary: hostile.prosePdf(dots.length) },
    // Each level of nesting was a pass over the whole text in the npm reader of .doc files.
    { name: "Word 97: 300,000 fields nested in one another", source: "a.doc", hostile: makeDoc([{ text: `${"\x13".repeat(300_000)}a${"\x14b\x15".repeat(300_000)}` }]), ordinary: makeDoc([{ text: hostile.prose(MB) }]) },
    // The scan for hidden runs once looked for the end of a "<?" in an attribute at every tag.
    {
      name: "Word: 65,000 runs with '<?' in an attribute, and a hidden one",
      source: "a.docx",
      hostile: await makeDocx([{ text: "", xml: `<w:p>${'<w:r w:a="><?"/>'.repeat(65_000)}<w:r><w:rPr><w:vanish/></w:rPr><w:t>x</w:t></w:r><w:r><w:t>${hostile.prose(100)}</w:t></w:r></w:p>` }]),
      ordinary: await makeDocx([{ text: hostile.prose(MB) }]),
    },
    { name: "Word: a paragraph of blanks", source: "a.docx", hostile: await makeDocx([{ text: `a${" ".repeat(MB)}b` }]), ordinary: await makeDocx([{ text: hostile.prose(MB) }]) },
  ];
  // Several cases share their ordinary input (1 MB of prose as text, Markdown or HTML): its best time is kept for the next.
  const ordinaryTimes = new Map<string, number>();
  const ordinaryKey = (c: (typeof cases)[number]) => `${c.source}\0${Buffer.from(c.ordinary).toString("latin1")}`;
  for (const c of cases) {
    assert.ok(c.hostile.length >= 1_000_000, `${c.name}: at least 1 MB`);
    // A quadratic step makes this a thousand times slower at this size; linear code stays close.
    // Fast readers are timed against at least 50 ms: a single pause of a busy machine (GC, the
    // stress test beside this file) must not decide a ratio of two 30 ms runs. The best of up to
    // three runs each, taken in turn, until the ratio holds: a busy machine (`npm test` runs two
    // test files at once) slows one run, not the ratio, and a quadratic step fails all three.
    // (Three runs of every case took three minutes of the suite.)
    const key = ordinaryKey(c);
    let ordinary = ordinaryTimes.get(key) ?? Infinity;
    let pathological = Infinity;
    const holds = () => pathological < 10 * Math.max(ordinary, 50);
    for (let run = 0; run < 3 && (run === 0 || !holds()); run++) {
      if (run > 0 || ordinary === Infinity) ordinary = Math.min(ordinary, await readTime(c.source, c.ordinary, limits));
      pathological = Math.min(pathological, await readTime(c.source, c.hostile, limits));
    }
    ordinaryTimes.set(key, ordinary);
    assert.ok(holds(), `${c.name}: ${Math.round(pathological)} ms against ${Math.round(ordinary)} ms for ordinary input`);
  }
});

test("PDF text cleaning is linear in a page's longest word: a run of 100,000 letters costs about what as much prose does", async () => {
  const { structurePdfPages } = await import("../../src/documents/pdf.js");
  const time = (pages: string[]) => {
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const t = performance.now();
      structurePdfPages(pages, []);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  // Quadratic, the run took about 20 s here; linear, a few milliseconds.
  const ordinary = time([hostile.prose(100_000)]);
  const letters = time([`${"x".repeat(100_000)} y-`, "z"]);
  assert.ok(letters < 10 * Math.max(ordinary, 50), `${Math.round(letters)} ms against ${Math.round(ordinary)} ms for prose`);
});

test("a PDF page's top or bottom line of page numbers read two ways ('1 di 1 di …': 'di' is a Roman number and Italian's 'of') costs what prose does", async () => {
  const { structurePdfPages } = await import("../../src/documents/pdf.js");
  const time = (pages: string[]) => {
    const t = performance.now();
    structurePdfPages(pages, []);
    return performance.now() - t;
  };
  const page = (edge: string) => [edge, hostile.prose(2_000), edge].join("\n");
  const ordinary = time([page("Tabella riassuntiva delle tariffe"), page("Tabella riassuntiva delle tariffe"), page("Tabella riassuntiva delle tariffe")]);
  // Read every way, 30 pairs took seconds, and each 4 more about seven times as long.
  const edge = `Tabella${" 1 di".repeat(30)} 1.`;
  const twoWays = time([page(edge), page(edge), page(edge)]);
  assert.ok(twoWays < 10 * Math.max(ordinary, 50), `${Math.round(twoWays)} ms against ${Math.round(ordinary)} ms`);
});

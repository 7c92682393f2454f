import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { createQuestionAnswerer, knowledgeBaseOptions } from "../../src/app.js";
import { answerBlocks, renderMessage } from "../../src/bot/format.js";
import { loadDocuments, type ScanProgress } from "../../src/documents/load.js";
import { createDocumentReader, type DocumentReader } from "../../src/documents/reader.js";
import { createEmbeddings } from "../../src/rag/embeddings/index.js";
import { KnowledgeBase } from "../../src/rag/knowledge-base.js";
import { makePdf } from "../helpers/pdf.js";
import { scannedPage, textPng } from "../helpers/scan.js";
import { memoryLogger, tempDir, testConfig, writeFiles } from "../helpers/util.js";

const OCR = { languages: ["eng", "deu"], maxPages: 50, pageTimeoutMs: 60_000 };

/** A folder as an office has it: a contract whose second page is a scan, a photo of a notice, and a text note. */
let folder: string;
let reader: DocumentReader;
let cacheDir: string;

before(async () => {
  folder = await tempDir();
  cacheDir = path.join(await tempDir(), "ocr-cache");
  const scan = await scannedPage(["Maintenance contract", "The heating system must be serviced every", "eighteen months by a licensed engineer."]);
  const blank = await scannedPage([]);
  const noisy = await scannedPage(["x"], { noise: true });
  await writeFiles(folder, {
    "contract.pdf": makePdf({ pages: [["Service agreement between the owners and the caretaker, signed in March."], scan, blank, noisy] }),
    "notice.png": await textPng(["Parking notice", "The underground garage closes at nine in the evening."]),
    "readme.md": "# Office notes\n\nThe kitchen is cleaned on Fridays.\n",
  });
  reader = createDocumentReader({}, 1, { ...OCR, cacheDir, cacheKeepMs: 0 });
});

after(async () => {
  await reader.close();
});

test("a scanned page and a photo are read by OCR: their passages keep the page and say they were scanned; text pages are not OCR'd; a blank or noisy scan is named", async () => {
  const seen: ScanProgress[] = [];
  const loaded = await loadDocuments(folder, { reader, onProgress: (_d, _t, scanned) => scanned && seen.push(scanned) });
  assert.deepEqual(loaded.skipped, []);
  const contract = loaded.documents.find((d) => d.source === "contract.pdf")!;
  assert.match(contract.text, /serviced every\s+eighteen months by a licensed engineer/);
  assert.match(contract.text, /Service agreement between the owners/);
  // Only the three pages without a text layer were read as pictures; the text page was not.
  assert.deepEqual(contract.structure.scanned, [2]);
  assert.equal(seen.at(-1)!.total, 4, "three pages of the contract and the photo");
  assert.equal(loaded.ocrPages, 4);
  const passage = loaded.chunks.find((c) => c.source === "contract.pdf" && c.text.includes("eighteen months"))!;
  assert.deepEqual(passage.scanned, [2]);
  assert.deepEqual(
    loaded.warnings.filter((w) => w.source === "contract.pdf").map((w) => w.warning),
    ["page 4: poor scan quality (OCR confidence under 50%), not indexed", "page 3: no text found in the scan (blank, a picture without words, or a poor scan)"],
  );
  const notice = loaded.documents.find((d) => d.source === "notice.png")!;
  assert.equal(notice.title, "Parking notice");
  assert.match(notice.text, /garage closes at nine in the evening/);
  assert.deepEqual(notice.structure.scanned, [1]);
});

test("pages of a text PDF without a picture (a blank page, a chapter title) are not read by OCR, named or marked scanned", async () => {
  const dir = await tempDir();
  await writeFiles(dir, { "book.pdf": makePdf({ pages: [["The first chapter tells how the valves are checked."], [], ["Pumps"], ["The second chapter tells how the pumps are cleaned."]] }) });
  // A reader of its own: another folder's full read would sweep this folder's cache entries.
  const own = createDocumentReader({}, 1, OCR);
  try {
    const loaded = await loadDocuments(dir, { reader: own });
    assert.equal(loaded.ocrPages, 0);
    assert.deepEqual(loaded.warnings, []);
    const book = loaded.documents[0]!;
    assert.equal(book.structure.scanned, undefined);
    assert.match(book.text, /Pumps/, "the title page keeps its text layer");
  } finally {
    await own.close();
  }
});

test("an unchanged folder read again runs no OCR (the results are kept by content hash); a changed file is read again", async () => {
  const again = await loadDocuments(folder, { reader });
  assert.equal(again.ocrPages, 0);
  assert.match(again.documents.find((d) => d.source === "notice.png")!.text, /garage closes/);
  await fs.writeFile(path.join(folder, "notice.png"), await textPng(["Parking notice", "The underground garage closes at ten in the evening."]));
  const changed = await loadDocuments(folder, { reader });
  assert.equal(changed.ocrPages, 1);
  assert.match(changed.documents.find((d) => d.source === "notice.png")!.text, /closes at ten/);
  // The old photo's entry is swept: the cache holds what the folder holds.
  assert.equal((await fs.readdir(cacheDir)).length, 2);
});

test("a question answered only by the scanned page is answered with a citation naming that page as scanned", async () => {
  const index = await tempDir();
  const config = testConfig({ DOCS_DIR: folder, INDEX_DIR: index });
  const { log } = memoryLogger();
  const embeddings = await createEmbeddings(config, log);
  const { kb } = await KnowledgeBase.open({ ...knowledgeBaseOptions(config, log, embeddings), reader }, { enabled: true });
  const qa = createQuestionAnswerer(config, log, kb);
  const answer = await qa.ask("How often must the heating system be serviced?");
  const cited = answer.citations.find((c) => c.source === "contract.pdf");
  assert.ok(cited, JSON.stringify(answer));
  assert.equal(cited.page, 2);
  assert.equal(cited.scanned, true);
  assert.match(renderMessage(answerBlocks(answer), "plain"), /p\. 2, scanned \(contract\.pdf\)/);
});

test("a picture an HTML or Markdown page shows is part of that page, not a document; a picture on its own, or only linked to, is read", async () => {
  const dir = await tempDir();
  const shot = await textPng(["Settings dialog", "Click Save to keep the changes."]);
  await writeFiles(dir, {
    "guide/index.html":
      '<html><head><title>Guide</title></head><body><h1>Guide</h1><p>Open the settings.</p><img src="img/settings%20dialog.png?v=2"><img src="/shared/logo.png"><a href="../letter.png">the letter</a></body></html>',
    "guide/img/settings dialog.png": shot,
    "shared/logo.png": shot,
    "letter.png": await textPng(["Dear tenants", "The water is off on Monday morning."]),
    "notes.md": "# Notes\n\nThe flow of a release:\n\n![diagram](pictures/flow.png)\n",
    "pictures/flow.png": shot,
    "whiteboard.png": await textPng(["Whiteboard", "Release planning happens on Mondays."]),
  });
  const own = createDocumentReader({}, 1, OCR);
  const loaded = await loadDocuments(dir, { reader: own }).finally(() => own.close());
  assert.deepEqual(loaded.documents.map((d) => d.source).sort(), ["guide/index.html", "letter.png", "notes.md", "whiteboard.png"]);
  assert.deepEqual(
    loaded.skipped.map((s) => [s.source, s.reason]).sort(),
    [
      ["guide/img/settings dialog.png", "a picture shown in guide/index.html"],
      ["pictures/flow.png", "a picture shown in notes.md"],
      ["shared/logo.png", "a picture shown in guide/index.html"],
    ],
  );
});

test("OCR gives up on a file after three pages in a row over their time limit, and remembers them for an hour: a longer limit reads them again", async () => {
  const dir = await tempDir();
  const cache = path.join(await tempDir(), "ocr-cache");
  // Each page says something else: a line on every page would be read as a running header.
  const words = ["lighthouse", "harbour", "anchor", "compass", "lantern"];
  const pages = await Promise.all(words.map((w) => scannedPage([`Chapter on the ${w}`, `The keeper writes about the ${w} every evening.`])));
  await writeFiles(dir, { "book.pdf": makePdf({ pages }) });
  const slow = createDocumentReader({}, 1, { ...OCR, pageTimeoutMs: 1, cacheDir: cache });
  const patient = createDocumentReader({}, 1, { ...OCR, cacheDir: cache });
  try {
    for (const run of ["first", "again"]) {
      const read = await loadDocuments(dir, { reader: slow });
      assert.equal(read.documents.length, 0, run);
      assert.match(read.skipped[0]!.reason, /pages 1–3: OCR took longer than 0\.001 s \(OCR_PAGE_TIMEOUT_MS is 1\)/, run);
      assert.match(read.skipped[0]!.reason, /pages 4, 5: not read, as OCR gave up on 3 pages in a row before them/, run);
    }
    const cached = (await fs.readdir(cache)).filter((f) => f.endsWith(".json"));
    assert.equal(cached.length, 1, "the pages given up on are kept");
    const entry = path.join(cache, cached[0]!);
    const kept = JSON.parse(await fs.readFile(entry, "utf8")) as Record<string, { timedOutAfterMs?: number; timedOutAt?: number }>;
    assert.deepEqual(Object.keys(kept).sort(), ["1", "2", "3"]);
    assert.ok(Object.values(kept).every((p) => p.timedOutAfterMs === 1));
    // Given up on over an hour ago (a busy machine may have been the cause): tried again.
    const earlier = Date.now() - 2 * 60 * 60 * 1000;
    await fs.writeFile(entry, JSON.stringify(Object.fromEntries(Object.entries(kept).map(([k, p]) => [k, { ...p, timedOutAt: earlier }]))));
    await loadDocuments(dir, { reader: slow });
    const tried = JSON.parse(await fs.readFile(entry, "utf8")) as Record<string, { timedOutAt?: number }>;
    assert.ok(Object.values(tried).every((p) => (p.timedOutAt ?? 0) > earlier), "tried again, and given up on again now");
    // Under a longer limit, the pages given up on are read again.
    const read = await loadDocuments(dir, { reader: patient });
    assert.equal(read.documents.length, 1, JSON.stringify(read.skipped));
    assert.match(read.documents[0]!.text, /about the lighthouse every evening/);
  } finally {
    await slow.close();
    await patient.close();
  }
});

test("with OCR off, a scanned PDF is skipped saying so and images are not documents", async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    "scan.pdf": makePdf({ pages: [await scannedPage(["Only a picture of text"])] }),
    "photo.png": await textPng(["Some text"]),
    "note.txt": "A note.",
  });
  const loaded = await loadDocuments(dir, { limits: {} });
  assert.deepEqual(loaded.documents.map((d) => d.source), ["note.txt"]);
  assert.deepEqual(loaded.skipped.map((s) => [s.source, s.reason]).sort(), [
    ["photo.png", 'unsupported file type ".png"'],
    ["scan.pdf", "no text in it (a scanned PDF: OCR is off, OCR=false)"],
  ]);
});

test("a page over its OCR time limit is named with the setting; pages past OCR_MAX_PAGES are named and left out; an image too big to decode is refused by its header", async () => {
  const dir = await tempDir();
  const page = await scannedPage(["A page of a long scanned book"]);
  await writeFiles(dir, { "book.pdf": makePdf({ pages: [page, page, page] }) });
  const slow = createDocumentReader({}, 1, { ...OCR, pageTimeoutMs: 1 });
  const few = createDocumentReader({}, 1, { ...OCR, maxPages: 1 });
  try {
    const timedOut = await loadDocuments(dir, { reader: slow });
    assert.match(timedOut.skipped[0]!.reason, /pages 1–3: OCR took longer than 0\.001 s \(OCR_PAGE_TIMEOUT_MS is 1\)/);
    const capped = await loadDocuments(dir, { reader: few });
    assert.equal(capped.documents.length, 1);
    assert.deepEqual(capped.warnings.map((w) => w.warning), ["pages 2, 3: scanned, not read (OCR_MAX_PAGES is 1)"]);
    // A JPEG whose header claims 60,000 x 60,000 pixels: refused before anything is decoded.
    const jpeg = Buffer.from((await scannedPage(["x"], { width: 16, height: 16 })).jpeg);
    const frame = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(60_000, frame + 5);
    jpeg.writeUInt16BE(60_000, frame + 7);
    const huge = await few.read({ source: "huge.jpg", bytes: jpeg, chunking: { chunkSize: 800, chunkOverlap: 100 } });
    assert.deepEqual(huge, { ok: false, reason: "too many pixels to read (60000 x 60000; at most 50 million)" });
    // An SVG named .png is not handed to an SVG renderer: only the four picture formats are decoded.
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><text x="10" y="50">Hello</text></svg>');
    const trick = await few.read({ source: "trick.png", bytes: svg, chunking: { chunkSize: 800, chunkOverlap: 100 } });
    assert.deepEqual(trick, { ok: false, reason: "not a picture that can be read (PNG, JPEG, WebP or TIFF)" });
  } finally {
    await slow.close();
    await few.close();
  }
});

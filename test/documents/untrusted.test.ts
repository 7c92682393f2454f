/**
 * Documents come from outside. These tests feed the readers files built to run code, exhaust
 * memory, stall the bot or stop a build, and check that each is refused or read safely, named
 * with its reason, while the good files beside them are indexed.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { after, test } from "node:test";
import { xmlProblem } from "../../src/documents/docx.js";
import { writeFailure, safeFileName, DocumentLibrary } from "../../src/documents/library.js";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../../src/documents/limits.js";
import { loadDocuments } from "../../src/documents/load.js";
import { readDocument } from "../../src/documents/read.js";
import { createDocumentReader } from "../../src/documents/reader.js";
import { docxParts, makeDocx } from "../helpers/docx.js";
import * as hostile from "../helpers/hostile.js";
import { makePdf } from "../helpers/pdf.js";
import { childrenOf, readerProcessesOf, running, tempDir, writeFiles } from "../helpers/util.js";

const CHUNKING = { chunkSize: 800, chunkOverlap: 100 };

async function tempDirWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await tempDir();
  await writeFiles(dir, files);
  return dir;
}
/** One reader for the tests that read with the default limits: a reader process takes a second or two to start. */
const sharedReader = createDocumentReader();
after(() => sharedReader.close());
const load = (dir: string) => loadDocuments(dir, { reader: sharedReader });
const GOOD = "# Lighthouse\n\nThe lighthouse keeper lights the lamp at dusk and logs every passing ship.\n";

test("---js front matter runs nothing: the file is read without it, with a warning naming the file", async () => {
  const dir = await tempDir();
  const marker = path.join(dir, "pwned");
  await writeFiles(dir, { "meeting-notes.md": hostile.jsFrontMatter(marker) });
  for (let run = 0; run < 2; run++) {
    const { documents, skipped, warnings } = await load(dir);
    assert.deepEqual(skipped, []);
    const doc = documents.find((d) => d.source === "meeting-notes.md")!;
    assert.match(doc.text, /approved the lighthouse budget/);
    assert.doesNotMatch(doc.text, /require|writeFileSync/, "the front matter is not part of the text");
    assert.equal(doc.title, "Meeting notes", "the title comes from the heading, not from the code");
    assert.deepEqual(warnings.map((w) => w.source), ["meeting-notes.md"]);
    assert.match(warnings[0]!.warning, /front matter in "js" is not read/);
  }
  await assert.rejects(fs.stat(marker), "the code in the front matter never ran");
});

test("YAML, TOML and JSON front matter are read as data; YAML tags run nothing", async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    "yaml.md": "---\ntitle: Harbour rules\nurl: https://example.org/harbour\n---\nBoats moor at the east pier.\n",
    "toml.md": '+++\ntitle = "Ferry times"\n+++\nThe ferry leaves at nine.\n',
    "json.md": '---json\n{ "title": "Crew list" }\n---\nThe crew has six sailors.\n',
    "tags.md": '---\ntitle: !!js/function "function () { return 1 }"\nother: !!python/object:os.system "echo hi"\n---\nTagged front matter stays data.\n',
  });
  const { documents, skipped } = await load(dir);
  assert.deepEqual(skipped, []);
  const by = new Map(documents.map((d) => [d.source, d]));
  assert.equal(by.get("yaml.md")!.title, "Harbour rules");
  assert.equal(by.get("yaml.md")!.url, "https://example.org/harbour");
  assert.equal(by.get("toml.md")!.title, "Ferry times");
  assert.equal(by.get("json.md")!.title, "Crew list");
  assert.equal(typeof by.get("tags.md")!.title, "string");
  assert.equal(by.get("tags.md")!.text, "Tagged front matter stays data.");
});

test("bad YAML, an alias bomb and deep HTML are skipped and named; the rest of the folder is indexed, every time", async () => {
  const dir = await tempDir();
  // 30,000 nested brackets, or lists in lists ("- - - x"), in front matter: the YAML parser's
  // recursion overflowed the stack, and after a few such files V8 ran out of memory and ended the
  // whole process.
  const brackets = `---\na: ${"[".repeat(30_000)}\n---\n\nBody.\n`;
  const dashes = `---\n${"- ".repeat(30_000)}x\n---\n\nBody.\n`;
  // …and explicit keys with an anchor ("? &a ? &a …"), which no count of brackets or indentation saw.
  const keys = `---\n${"? &a ".repeat(6_000)}x\n---\n\nBody.\n`;
  await writeFiles(dir, {
    "good.md": GOOD,
    "broken.md": hostile.BAD_YAML,
    "laughs.md": hostile.yamlAliasBomb(),
    "deep.html": hostile.deepHtml(),
    ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`brackets${i}.md`, brackets])),
    ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`dashes${i}.md`, dashes])),
    ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`keys${i}.md`, keys])),
  });
  // Twice: no parser cache may turn the failed parse into a success the second time.
  for (let run = 0; run < 2; run++) {
    const { documents, skipped } = await load(dir);
    assert.deepEqual(documents.map((d) => d.source), ["good.md"]);
    const reason = (source: string) => skipped.find((s) => s.source === source)?.reason ?? "";
    assert.match(reason("broken.md"), /front matter is not valid YAML/);
    assert.match(reason("laughs.md"), /front matter is not valid YAML \(.*alias/i);
    assert.match(reason("deep.html"), /nested too deeply/);
    assert.match(reason("brackets7.md"), /front matter nests deeper than 64 levels/);
    assert.match(reason("dashes7.md"), /front matter nests deeper than 64 levels/);
    assert.match(reason("keys7.md"), /front matter nests deeper than 64 levels/);
  }
});

test("a .docx bomb is refused by its declared size, one that lies about it by inflating with a cap, one nested a million deep by its tags, in bounded memory", async () => {
  const reader = createDocumentReader();
  try {
    const read = (name: string, bytes: Buffer) => reader.read({ source: name, bytes, chunking: CHUNKING });
    // Warm the worker, so its start does not count as the bomb's memory.
    assert.equal((await read("ok.docx", await makeDocx([{ text: "Ordinary words." }]))).ok, true);
    const bomb = await hostile.docxBomb();
    const lying = await hostile.lyingDocx();
    assert.ok(bomb.length < 200_000, "50 MB of XML in a small file");
    // The files are read in reader processes: their memory is the test's and its children's.
    const before = treeRss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss())), 5);
    const refused = await read("bomb.docx", bomb);
    const lied = await read("lying.docx", lying);
    // A million nested elements in 23 KB: refused by a scan of its tags, before a parse tree is built (mammoth took 1.1 GB).
    const deep = await read("deep.docx", await hostile.deepDocx());
    clearInterval(sampler);
    assert.deepEqual(deep, { ok: false, reason: "Word document nested too deeply (over 500 levels of elements in word/document.xml)" });
    assert.equal((await read("shallow.docx", await hostile.deepDocx(400))).ok, true, "nesting real documents have is read");
    assert.deepEqual(refused, { ok: false, reason: "it unpacks to 50 MB (MAX_UNPACKED_BYTES is 40 MB)" });
    assert.deepEqual(lied, { ok: false, reason: "a part unpacks to more than its zip directory declares (a zip bomb?)" });
    // Stored where images go, the document is counted all the same.
    assert.deepEqual(await read("media.docx", await hostile.mediaDocxBomb()), { ok: false, reason: "it unpacks to 50 MB (MAX_UNPACKED_BYTES is 40 MB)" });
    // …however its relationships name it: mammoth's reads are what is counted.
    assert.deepEqual(await read("escaped.docx", await hostile.mediaDocxBomb(50 * 1024 * 1024, { escapedTarget: true })), { ok: false, reason: "it unpacks to 50 MB (MAX_UNPACKED_BYTES is 40 MB)" });
    // A picture stored as a bitmap unpacks to far more than the file, but is never unpacked: the text is read.
    const withBitmap = hostile.deflatedZip([...docxParts([{ text: "The scan of the signed contract follows." }]), ["word/media/image1.bmp", Buffer.alloc(60 * 1024 * 1024)]]);
    assert.ok(withBitmap.length < 1024 * 1024);
    const bitmap = await read("contract.docx", withBitmap);
    assert.ok(bitmap.ok && /signed contract/.test(bitmap.document.text), JSON.stringify(bitmap).slice(0, 200));
    // mammoth took 3.7 GB for the bomb; nothing near its unpacked size is ever held.
    assert.ok(peak - before < 100 * 1024 * 1024, `memory grew by ${Math.round((peak - before) / 1e6)} MB`);
  } finally {
    await reader.close();
  }
});

test("the nesting scan follows the XML parser: self-closing tags, comments, CDATA and a > inside an attribute do not nest; end tags that close nothing do not un-nest; what it cannot follow is refused", () => {
  const flat = `<?xml version="1.0"?><!-- <a><b> --><w:body>${'<w:p w:x="1>2"><w:br/><![CDATA[<c><d>]]></w:p>'.repeat(1000)}</w:body>`;
  assert.equal(xmlProblem(flat, 2), undefined);
  assert.equal(xmlProblem(`<a>${"<b x='>'>".repeat(3)}`, 3), "deep");
  assert.equal(xmlProblem("<a><b><c/></b></a>", 2), undefined);
  // The parser ignores an end tag that does not match the open element: it still nests.
  assert.equal(xmlProblem("<w:ins></w:x>".repeat(10), 5), "deep");
  // "<!" that is no comment is text to the parser, not a tag that hides what follows.
  assert.equal(xmlProblem(`<!x '>${"<a>".repeat(10)}`, 5), "deep");
  for (const open of ["<a><!-- never closed", "<a><?pi never closed", "<a><![CDATA[ never", "<a><b x='never>", "<a></a"]) assert.equal(xmlProblem(open, 5), "unclosed", open);
  assert.equal(xmlProblem('<!DOCTYPE w [<!ENTITY x "y">]><a/>', 5), "dtd");
});

/** How long one read of `bytes` as `source` takes in this thread (no worker start in the time). */
test("files over a limit are skipped, each named with the limit and its setting", async () => {
  const pages = (n: number) => makePdf({ pages: Array.from({ length: n }, (_, i) => [`Page ${i + 1} tells of the harbour and its boats.`]) });
  // Each limit over a folder of the good file and the one file it stops: a reader with these limits
  // is started for each, and only the first needs the PDF reader (loading it took seconds of each).
  const skippedWith = async (limits: Partial<ReadLimits>, files: Record<string, string | Buffer>) => {
    const { documents, skipped } = await loadDocuments(await tempDirWith({ "good.md": GOOD, ...files }), { limits });
    assert.ok(documents.some((d) => d.source === "good.md"), "the good file is read");
    return (source: string) => skipped.find((s) => s.source === source)?.reason;
  };
  const long = hostile.prose(30_000);
  assert.equal((await skippedWith({ maxPdfPages: 10 }, { "pages.pdf": pages(12) }))("pages.pdf"), "too many pages (12; MAX_PDF_PAGES is 10)");
  assert.equal((await skippedWith({ maxChars: 20_000 }, { "long.txt": long }))("long.txt"), `too much text (${long.length} characters; MAX_DOCUMENT_CHARS is 20000)`);
  assert.match((await skippedWith({ maxPassages: 30 }, { "passages.md": Array.from({ length: 40 }, (_, i) => `## Part ${i}\n\n${hostile.prose(300)}`).join("\n\n") }))("passages.md") ?? "", /^too many passages \(\d+; MAX_PASSAGES_PER_DOCUMENT is 30\)$/);
  assert.match((await skippedWith({ maxFileBytes: 4000 }, { "long.txt": long }))("long.txt") ?? "", /^too large \(29 KB; MAX_FILE_BYTES is 4 KB\)$/);
});

test("the folder's passages are bounded: documents past MAX_FOLDER_PASSAGES are skipped and named, in the folder's order, and the ones that fit are kept", async () => {
  const part = (n: number) => Array.from({ length: n }, (_, i) => `## Part ${i}\n\n${hostile.prose(600)}`).join("\n\n");
  // (With a copy of "b", read first and left out: it spends none of the budget.)
  const dir = await tempDirWith({ "a-good.md": GOOD, "b-many copy.md": part(40), "b-many.md": part(40), "c-more.md": part(40).replace(/Part/g, "Chapter"), "d-small.md": "# Harbour\n\nThe harbour master opens the lock gates at high tide.\n", ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`e${i}.md`, `# Boat ${i}\n\nBoat number ${i} is moored at the ${i}th berth.\n`])) });
  const all = await loadDocuments(dir);
  const count = (source: string) => all.chunks.filter((c) => c.source === source).length;
  // Room for all but "c": "c" is skipped, and the small files after it still fit.
  const small = Array.from({ length: 10 }, (_, i) => `e${i}.md`);
  const limit = count("a-good.md") + count("b-many.md") + count("d-small.md") + small.reduce((n, s) => n + count(s), 0);
  const { documents, skipped, chunks } = await loadDocuments(dir, { limits: { maxFolderPassages: limit } });
  assert.deepEqual(documents.map((d) => d.source), ["a-good.md", "b-many.md", "d-small.md", ...small]);
  assert.ok(chunks.length <= limit);
  assert.equal(skipped.find((s) => s.source === "c-more.md")?.reason, `the folder's passages would pass MAX_FOLDER_PASSAGES (${limit}); raise it to index more (each passage costs memory)`);
});

test("a document of 90,000 sections under long headings crosses from the reader's worker packed: each heading once, not once per section; more than 100,000 are refused", async () => {
  const v8 = await import("node:v8");
  const { toWire } = await import("../../src/documents/read-worker.js");
  const long = (c: string) => c.repeat(290);
  const task = {
    source: "bomb.md",
    bytes: Buffer.from(`# ${long("a")}\n\n## ${long("b")}\n\n${"### x\ny\n".repeat(90_000)}`),
    chunking: CHUNKING,
    limits: { ...DEFAULT_READ_LIMITS, maxPassages: 1e6 },
  };
  // (Read twice, here and by a reader process below: each read takes seconds.)
  const plain = await readDocument(task);
  const wire = toWire(plain);
  assert.ok(plain.ok && wire.ok);
  const sent = v8.serialize(wire).length;
  assert.ok(sent < 10_000_000, `${sent} bytes cross to the bot`);
  assert.ok(v8.serialize(plain).length > 5 * sent, "unpacked, every path is written out again");
  // The bot gets the same sections back, and a real document reads as before.
  const { documents, skipped } = await load(await tempDirWith({ "bomb.md": task.bytes, "good.md": GOOD, "more.md": `# a\n\n${"### x\ny\n".repeat(100_001)}` }));
  assert.deepEqual(skipped, [{ source: "more.md", reason: "too many headings (100002 sections; at most 100000)" }]);
  const bomb = documents.find((d) => d.source === "bomb.md")!;
  assert.equal(bomb.structure.sections.length, 90_002);
  assert.deepEqual(bomb.structure.sections.at(-1)!.path, [long("a"), long("b"), "x"]);
  assert.deepEqual(bomb.structure.sections, plain.document.structure.sections);
});

test("tiny sections under long headings do not make passages carry their heading paths many times over", async () => {
  // Five nested 300-character headings over 2,000 sections of a line each: a passage spans a few
  // of them, and each section's path is 1,500 characters.
  const heading = (level: number) => `${"#".repeat(level)} ${String.fromCharCode(96 + level).repeat(300)}\n\n`;
  const file = `${[1, 2, 3, 4, 5].map(heading).join("")}${Array.from({ length: 2_000 }, (_, i) => `###### s${i}\n\nLine ${i} of the planted file says little.\n\n`).join("")}`;
  const { chunks } = await load(await tempDirWith({ "planted.md": file }));
  const text = chunks.reduce((n, c) => n + c.text.length, 0);
  const named = chunks.reduce((n, c) => n + JSON.stringify(c.sections ?? []).length, 0);
  // Each passage names the section it covers most (its 1,500 characters, as before), not also the
  // few others it spans.
  assert.ok(named < text, `${named} bytes of sections for ${text} characters of text`);
  // A real short section joined to the next is still named.
  const { chunks: real } = await load(await tempDirWith({ "real.md": `# Guide\n\n## Install\n\nRun the installer.\n\n## Use\n\n${"Open the program and pick a file to work on. ".repeat(30)}\n` }));
  assert.ok(real.some((c) => c.sections?.some((x) => x.section === "Guide › Install")), JSON.stringify(real.map((c) => c.sections)));
});

test("a file stopped at a limit is not read again while it and the limits are unchanged, by the next run either; changed, or under a raised limit, it is", async () => {
  const dir = await tempDir();
  const stops = path.join(await tempDir(), "index", "read-stops.json");
  await writeFiles(dir, { "good.md": GOOD, "book.pdf": hostile.prosePdf(2_000_000) });
  const reader = createDocumentReader({ timeoutMs: 300 }, 1, undefined, stops);
  const reason = async (r = reader) => (await loadDocuments(dir, { reader: r })).skipped.find((s) => s.source === "book.pdf")?.reason;
  try {
    assert.equal(await reason(), "took longer than 0.3 s to read (READ_TIMEOUT_MS is 300)");
    assert.equal(await reason(), "took longer than 0.3 s to read (READ_TIMEOUT_MS is 300); not read again, the file is unchanged since");
  } finally {
    await reader.close();
  }
  // The next run (a restart, another `npm run ingest`) reads the memo beside the index.
  const next = createDocumentReader({ timeoutMs: 300 }, 1, undefined, stops);
  try {
    assert.equal(await reason(next), "took longer than 0.3 s to read (READ_TIMEOUT_MS is 300); not read again, the file is unchanged since");
    // A run whose limit was raised because of the stop tries the file again.
    const raised = createDocumentReader({ timeoutMs: 400 }, 1, undefined, stops);
    try {
      assert.equal(await reason(raised), "took longer than 0.4 s to read (READ_TIMEOUT_MS is 400)");
    } finally {
      await raised.close();
    }
    await fs.appendFile(path.join(dir, "book.pdf"), "\n");
    assert.equal(await reason(next), "took longer than 0.3 s to read (READ_TIMEOUT_MS is 300)", "changed bytes are read again");
  } finally {
    await next.close();
  }
  // A memo that is not as written is no memo.
  await fs.writeFile(stops, "{not json");
  const third = createDocumentReader({ timeoutMs: 300 }, 1, undefined, stops);
  try {
    assert.equal(await reason(third), "took longer than 0.3 s to read (READ_TIMEOUT_MS is 300)");
  } finally {
    await third.close();
  }
});

test("a file that takes too long or needs too much memory is skipped with that limit; the reader goes on with the next file", async () => {
  const dir = await tempDir();
  await writeFiles(dir, { "good.md": GOOD, "book.pdf": hostile.prosePdf(2_000_000) });
  const slow = await loadDocuments(dir, { limits: { timeoutMs: 300 } });
  assert.match(slow.skipped.find((s) => s.source === "book.pdf")?.reason ?? "", /^took longer than 0\.3 s to read \(READ_TIMEOUT_MS is 300\)$/);

  const heavy = await tempDir();
  // Half a million elements: a DOM far larger than a 64 MB heap.
  await writeFiles(heavy, { "good.md": GOOD, "heavy.html": `<html><body>${"<b>x</b>".repeat(600_000)}</body></html>` });
  await assertSkippedForMemory(heavy, "heavy.html", 64, 1, "the worker that ran out is replaced");
});

test("a PDF whose streams inflate past the memory limit outside the heap is stopped and skipped; a file read beside it is read", async () => {
  const dir = await tempDir();
  await writeFiles(dir, { "good.md": GOOD, "inflating.pdf": await hostile.inflatingPdf(600) });
  await assertSkippedForMemory(dir, "inflating.pdf", 96, 2, "the file read at the same time is read again and kept");
});

test("two files that go over the memory limit together are both skipped, and the reader goes on", { timeout: 150_000 }, async () => {
  const dir = await tempDir();
  // Pages of four pictures, each just under the size a reader with 128 MB leaves out, drawn for OCR
  // at hundreds of megabytes outside the heap: the memory watch stops both files, and each is read again alone.
  // (Two files, not one copied: a copy is read once.)
  await writeFiles(dir, { "a.pdf": await hostile.hugeImagePdf(4000, "Figure 1", 4), "b.pdf": await hostile.hugeImagePdf(4000, "Figure 2", 4), "good.md": GOOD });
  const reader = createDocumentReader({ memoryMb: 128 }, 2, { languages: ["eng"], maxPages: 2, pageTimeoutMs: 60_000 });
  try {
    // Two reads gathering the workers' places one at a time used to wait for each other forever.
    const { documents, skipped } = await loadDocuments(dir, { reader });
    assert.deepEqual(documents.map((d) => d.source), ["good.md"]);
    for (const source of ["a.pdf", "b.pdf"]) assert.equal(skipped.find((s) => s.source === source)?.reason, "needs more than 128 MB of memory to read (READ_MEMORY_MB is 128)");
    // …and the reader still reads.
    const after = await tempDir();
    await writeFiles(after, { "good.md": GOOD });
    assert.deepEqual((await loadDocuments(after, { reader })).documents.map((d) => d.source), ["good.md"]);
  } finally {
    await reader.close();
  }
});

test("a picture in a PDF too large to decode within the memory limit is left out, not decoded: the page's text is read in bounded memory", async () => {
  // 144 million pixels, 432 MB decoded, from a file of under a megabyte (twice 256 MB holds 33 million at 16 bytes a pixel); its page has so little text that it is drawn for OCR.
  // (pdf.js takes about 200 MB of heap to go over such a page's drawing without decoding the picture.)
  const pdf = await hostile.hugeImagePdf(12_000, "Figure 1");
  assert.ok(pdf.length < 1024 * 1024);
  const reader = createDocumentReader({ memoryMb: 256 }, 1, { languages: ["eng"], maxPages: 2, pageTimeoutMs: 60_000 });
  try {
    const outcome = await reader.read({ source: "map.pdf", bytes: pdf, chunking: CHUNKING });
    assert.ok(outcome.ok, outcome.ok ? "" : outcome.reason);
    assert.match(outcome.document.text, /Figure 1/);
  } finally {
    await reader.close();
  }
});

/** Resident memory of this process and the processes it started, and theirs (from /proc). */
function treeRss(pid = process.pid): number {
  try {
    const own = Number(/^VmRSS:\s*(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "latin1"))?.[1] ?? 0) * 1024;
    return own + childrenOf(pid).reduce((sum, child) => sum + treeRss(child), 0);
  } catch {
    return 0;
  }
}

test("a reader that dies while reading (V8 aborting, a native parser's crash) costs nothing but a second read: the bot goes on, and the file is read by a new reader", async () => {
  // (Readers of earlier tests may still be ending: this test's reader is the one started after them.)
  const earlier = new Set(readerProcessesOf(process.pid));
  const reader = createDocumentReader({}, 1);
  try {
    const read = (name: string, text: string) => reader.read({ source: name, bytes: Buffer.from(text), chunking: CHUNKING });
    assert.equal((await read("warm.md", GOOD)).ok, true);
    const child = readerProcessesOf(process.pid).find((pid) => !earlier.has(pid));
    assert.ok(child, "the file was read in a process of its own");
    // A long file keeps the reader busy while it is ended the way V8 ends a process out of heap.
    const long = read("long.md", `# Long\n\n${hostile.prose(3_000_000)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(child, "SIGABRT");
    // What ended the reader may have been left by the file before: only ending it twice is the file's doing.
    const outcome = await long;
    assert.ok(outcome.ok && /Long/.test(outcome.document.text), JSON.stringify(outcome).slice(0, 200));
    assert.ok(!running(child), "the reader that was ended is gone");
    const after = await read("after.md", GOOD);
    assert.ok(after.ok && /lighthouse keeper/.test(after.document.text));
  } finally {
    await reader.close();
  }
});

/** Reads a folder of good.md and one heavy file with this memory limit: the heavy one is skipped for memory, good.md is read. */
async function assertSkippedForMemory(dir: string, heavy: string, memoryMb: number, workers: number, why: string): Promise<void> {
  const reader = createDocumentReader({ memoryMb }, workers);
  try {
    const { documents, skipped } = await loadDocuments(dir, { reader });
    assert.equal(skipped.find((s) => s.source === heavy)?.reason, `needs more than ${memoryMb} MB of memory to read (READ_MEMORY_MB is ${memoryMb})`);
    assert.deepEqual(documents.map((d) => d.source), ["good.md"], why);
  } finally {
    await reader.close();
  }
}

test("file names lose invisible characters and are capped in bytes with the extension kept; a failed write names its cause", async () => {
  assert.equal(safeFileName("invoice\u202Efdp.txt"), "invoicefdp.txt", "no right-to-left override");
  assert.equal(safeFileName("re\u200Bport\u2060\uFEFF.md"), "report.md", "no zero-width characters");
  assert.equal(safeFileName("line\u2028break\u2029.md"), "linebreak.md", "no line or paragraph separators");
  assert.equal(safeFileName("a\u0007b\u009Fc.pdf"), "abc.pdf", "no control characters");
  const cjk = safeFileName(`${"文".repeat(100)}.pdf`)!;
  assert.ok(Buffer.byteLength(cjk) <= 180, `${Buffer.byteLength(cjk)} bytes`);
  assert.equal(cjk, `${"文".repeat(58)}.pdf`, "cut between characters, extension kept");
  const emoji = safeFileName(`${"👩‍👩‍👧".repeat(20)}.txt`)!;
  assert.ok(emoji.endsWith(".txt") && Buffer.byteLength(emoji) <= 180 && !emoji.includes("\uFFFD"));

  const dir = await tempDir();
  const library = new DocumentLibrary(dir, { reader: createDocumentReader(), chunking: CHUNKING });
  await library.save(cjk, Buffer.from("A file with a long name in Chinese characters."));
  assert.deepEqual((await fs.readdir(dir)).filter((f) => !f.startsWith(".")), [cjk]);
  const second = await library.freeName(cjk);
  assert.equal(second, `${"文".repeat(57)} (2).pdf`, "the second copy's name is shortened to stay within the cap");
  assert.ok(Buffer.byteLength(second) <= 180);
  // Cut before a blank, the second copy's name is still one the library writes; a collection's folder does not count against the cap.
  const spaced = `${"a".repeat(172)} bbbb.md`;
  assert.equal(safeFileName(spaced), spaced);
  await library.save(spaced, Buffer.from("The first report."));
  const spacedSecond = await library.freeName(spaced);
  assert.equal(spacedSecond, `${"a".repeat(172)} (2).md`);
  await library.save(spacedSecond, Buffer.from("The second report."));
  assert.equal(await library.freeName(`hr/${spaced}`), `hr/${spaced}`, "free in its collection, the name is kept whole");
  await library.save(`hr/${spaced}`, Buffer.from("The collection's report."));
  assert.equal(await library.freeName(`hr/${spaced}`), `hr/${"a".repeat(172)} (2).md`);
  const tooLong = await fs.writeFile(path.join(dir, `${"x".repeat(300)}.txt`), "x").catch((e: unknown) => e);
  assert.equal(writeFailure(tooLong), "the file name is too long for the file system");
  assert.equal(writeFailure(Object.assign(new Error("x"), { code: "ENOSPC" })), "the disk holding the documents folder is full");
  assert.equal(writeFailure(Object.assign(new Error("x"), { code: "EACCES" })), "the documents folder is not writable");
});

test("`npm run ingest` on a folder of hostile files beside good ones exits 0, indexes the good ones and names each bad one", async () => {
  const { execFile } = await import("node:child_process");
  const root = await tempDir();
  const docs = path.join(root, "docs");
  const marker = path.join(root, "pwned");
  await writeFiles(docs, {
    "good.md": GOOD,
    "guide.pdf": makePdf({ pages: [["The harbour master opens the lock gates at high tide."]] }),
    "meeting-notes.md": hostile.jsFrontMatter(marker),
    "broken.md": hostile.BAD_YAML,
    "laughs.md": hostile.yamlAliasBomb(),
    "deep.html": hostile.deepHtml(),
    "bomb.docx": await hostile.docxBomb(),
    "lying.docx": await hostile.lyingDocx(),
    "media.docx": await hostile.mediaDocxBomb(),
    "tiny-lines.pdf": hostile.tinyLinesPdf(10_000),
    // A name that sets the terminal's title and clears its screen, across two lines.
    "evil\u001b]0;PWNED\u0007\u001b[2J\nname.md": hostile.BAD_YAML,
  });
  const env = { ...process.env, DOCS_DIR: docs, INDEX_DIR: path.join(root, "index"), EMBEDDINGS_PROVIDER: "hashing", LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "" };
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = execFile(process.execPath, ["--import", "tsx", "scripts/ingest.ts"], { cwd: path.resolve(import.meta.dirname, "../.."), env }, (error, out) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: out }),
    );
    child.stdin?.end();
  });
  assert.equal(code, 0, stdout);
  assert.match(stdout, /Indexed 4 document\(s\)/, "good.md, guide.pdf, meeting-notes.md (without its front matter) and the tiny-lines PDF");
  for (const [file, reason] of [
    ["broken.md", /front matter is not valid YAML/],
    ["laughs.md", /front matter is not valid YAML .*alias/i],
    ["deep.html", /nested too deeply/],
    ["bomb.docx", /MAX_UNPACKED_BYTES/],
    ["lying.docx", /zip directory declares/],
    ["media.docx", /MAX_UNPACKED_BYTES/],
    ["evil\\x1b]0;PWNED\\x07\\x1b[2J\\x0aname.md", /front matter is not valid YAML/],
  ] as const) {
    const line = stdout.split("\n").find((l) => l.startsWith(`  - ${file}: `));
    assert.match(line ?? "", reason, `${file} is named with its reason`);
  }
  assert.ok(!/[\u0000-\u0009\u000B-\u001F]/.test(stdout), "no control character reaches the terminal");
  assert.match(stdout, /Read with warnings \(1\):\n  - meeting-notes\.md: front matter in "js" is not read/);
  await assert.rejects(fs.stat(marker), "no code ran");
});

test("titles and headings shown in citations lose direction overrides and control characters, from a file name, a <title> or a heading", async () => {
  const read = async (source: string, text: string) => {
    const outcome = await readDocument({ source, bytes: Buffer.from(text), chunking: CHUNKING, limits: DEFAULT_READ_LIMITS });
    assert.ok(outcome.ok, source);
    return outcome.document;
  };
  const named = await read("invoice\u202Efdp\u0007.txt", "The lighthouse keeper lights the lamp at dusk.");
  assert.equal(named.title, "Invoicefdp", "from the file name");
  const html = await read("page.html", "<html><head><title>Pay\u202E\u2066 here\u0008</title></head><body><h1>Keep\u202Egnp.exe</h1><p>The lighthouse keeper lights the lamp at dusk.</p></body></html>");
  assert.equal(html.title, "Pay here");
  assert.deepEqual(html.structure.sections.map((s) => s.path), [["Keepgnp.exe"]]);
  const md = await read("notes.md", "# Chapter\u202D one\u0001\n\nThe lighthouse keeper lights the lamp at dusk.\n");
  assert.deepEqual(md.structure.sections.map((s) => s.path), [["Chapter one"]]);
  // A direction mark only places punctuation in right-to-left text: it stays.
  const hebrew = await read("he.html", "<html><head><title>\u05de\u05d3\u05e8\u05d9\u05da C++\u200F</title></head><body><p>The lighthouse keeper lights the lamp at dusk.</p></body></html>");
  assert.equal(hebrew.title, "\u05de\u05d3\u05e8\u05d9\u05da C++\u200F");
  // Nothing readable in the file name and no title: a placeholder, not an empty line.
  assert.equal((await read("\u202E\u2067.txt", "The lighthouse keeper lights the lamp at dusk.")).title, "Untitled");
  // The file name beside a citation's title reads as it is.
  const { sourceLine } = await import("../../src/bot/format.js");
  const line = sourceLine({ n: 1, title: "Lamp", section: null, page: null, pageEnd: null, source: "invoice\u202Etxt.exe.md" }, "en");
  assert.doesNotMatch(line, /\u202E/);
  assert.match(line, /invoicetxt\.exe\.md/);
});

import assert from "node:assert/strict";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { sha256 } from "../../src/documents/hash.js";
import { loadDocuments } from "../../src/documents/load.js";
import { createDocumentReader } from "../../src/documents/reader.js";
import { indexedText } from "../../src/documents/split.js";
import { CORPUS_DIR, tempDir, writeFiles } from "../helpers/util.js";

/** A one-page PDF with a text line and a title, written by hand (offsets computed). */
function tinyPdf(text: string, title: string): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Title (${title}) >>`,
  ];
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

test("the real corpus loads with titles, languages and hashes", async () => {
  const { documents, skipped } = await loadDocuments(CORPUS_DIR, { limits: { maxFileBytes: 1e7 } });
  assert.deepEqual(skipped, []);
  assert.deepEqual(documents.map((d) => [d.source, d.lang]), [
    ["buterin-putin-meeting.txt", "de"],
    ["russia-blockchain-race.txt", "en"],
  ]);
  for (const d of documents) {
    assert.match(d.hash, /^[0-9a-f]{64}$/);
    assert.ok(d.title.length > 10 && d.title.length <= 81, d.title);
  }
});

test("every supported format is read, with the title each format gives", async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    "notes/front.md": "---\ntitle: From Front Matter\n---\n# Heading\n\nBody text about blockchains.",
    "notes/heading.md": "Intro line\n\n## The Heading Title\n\nMore text.",
    "page.html": "<html><head><title>Page &amp; Title</title></head><body><h1>H</h1><p>Hello <b>world</b> of Sberbank.</p><script>x()</script></body></html>",
    "plain.txt": "First line is the title\nSecond line.",
    "doc.pdf": tinyPdf("Hyperledger Fabric runs the vote", "A PDF Title"),
  });
  const { documents, skipped } = await loadDocuments(dir, { limits: { maxFileBytes: 1e7 } });
  assert.deepEqual(skipped, []);
  const byName = Object.fromEntries(documents.map((d) => [d.source, d]));
  assert.equal(byName["notes/front.md"]?.title, "From Front Matter");
  assert.doesNotMatch(byName["notes/front.md"]!.text, /title:/);
  assert.equal(byName["notes/heading.md"]?.title, "The Heading Title");
  assert.equal(byName["page.html"]?.title, "Page & Title");
  assert.match(byName["page.html"]!.text, /Hello world of Sberbank/);
  assert.doesNotMatch(byName["page.html"]!.text, /<b>|x\(\)/);
  assert.equal(byName["plain.txt"]?.title, "First line is the title");
  assert.match(byName["doc.pdf"]!.text, /Hyperledger Fabric runs the vote/);
  assert.equal(byName["doc.pdf"]?.title, "A PDF Title");
});

test("bad files are skipped and each is named with its reason", async () => {
  const dir = await tempDir();
  const outside = await tempDir();
  await writeFiles(outside, { "secret.txt": "TOKEN=123" });
  await writeFiles(dir, {
    "good.txt": "A good document.",
    "empty.txt": "",
    "blank.md": "   \n\n  ",
    "binary.txt": Buffer.from([0, 1, 2, 3, 0, 0, 255, 0, 10, 0]),
    "latin1.txt": Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x61, 0x75, 0x73]),
    "big.txt": "x".repeat(2000),
    "broken.pdf": "%PDF-1.4 this is not really a pdf",
    "image.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  });
  await fs.symlink(path.join(outside, "secret.txt"), path.join(dir, "leak.txt"));
  await fs.symlink(outside, path.join(dir, "leakdir"));
  await fs.symlink(path.join(dir, "good.txt"), path.join(dir, "alias.txt"));
  // Names written by a system that used Latin-1 ("café.md", "Übersicht/"): not UTF-8.
  await fs.writeFile(Buffer.concat([Buffer.from(path.join(dir, "caf")), Buffer.from([0xe9]), Buffer.from(".txt")]), "Open at nine.");
  await fs.mkdir(Buffer.concat([Buffer.from(`${dir}${path.sep}`), Buffer.from([0xdc]), Buffer.from("bersicht")]));
  await fs.symlink(Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9]), Buffer.from(".txt")]), path.join(dir, "menu.txt"));

  const { documents, skipped } = await loadDocuments(dir, { limits: { maxFileBytes: 1000 } });
  assert.deepEqual(documents.map((d) => d.source).sort(), ["good.txt", "latin1.txt"], "Latin-1 text is read (with a warning), not skipped");
  assert.equal(documents.find((d) => d.source === "latin1.txt")!.text, "Grüße aus");
  const reasons = Object.fromEntries(skipped.map((s) => [s.source, s.reason]));
  assert.match(reasons["empty.txt"]!, /empty/);
  assert.match(reasons["blank.md"]!, /no text/);
  assert.match(reasons["binary.txt"]!, /binary/);
  assert.match(reasons["big.txt"]!, /too large.*MAX_FILE_BYTES/);
  assert.match(reasons["broken.pdf"]!, /PDF/);
  assert.match(reasons["image.png"]!, /unsupported file type "\.png"/);
  assert.match(reasons["leak.txt"]!, /outside the documents folder/);
  assert.match(reasons["leakdir"]!, /outside the documents folder/);
  // A link to a file of the folder is that file again: read once, under its own name (though the link comes first).
  assert.match(reasons["alias.txt"]!, /the same file as good\.txt \(a symbolic link\), read once/);
  assert.match(reasons["caf\uFFFD.txt"]!, /name is not valid UTF-8: rename it/, "not 'unreadable (ENOENT)'");
  assert.match(reasons["\uFFFDbersicht"]!, /name is not valid UTF-8: rename it/, "not 'folder not readable (ENOENT)'");
  assert.match(reasons["menu.txt"]!, /name is not valid UTF-8: rename it/, "a link to such a name: not 'not a regular file'");
  assert.ok(documents.every((d) => !d.text.includes("TOKEN")));
});

test("a file swapped for a link to a file outside the folder after the folder was listed is not read, nor a folder swapped for such a link; a file saved anew inside the folder meanwhile is read as it is now", async () => {
  const dir = await tempDir();
  const outside = await tempDir();
  await writeFiles(outside, { "secret.txt": "TOKEN=123 is the root password.", "notes/plan.txt": "TOKEN=456 opens the safe." });
  await writeFiles(dir, { "a.txt": "The lighthouse keeper lights the lamp at dusk.", "z-notes.txt": "Notes on the lamp and its oil.", "notes/plan.txt": "The plan for the lamp." });
  let swapped = false;
  const { documents, skipped } = await loadDocuments(dir, {
    // Listed, none read yet: the moment a build reading slow files first gives away for minutes.
    onProgress: (done) => {
      if (swapped || done !== 0) return;
      swapped = true;
      fsSync.renameSync(path.join(dir, "z-notes.txt"), path.join(dir, "z-old.bak"));
      fsSync.symlinkSync(path.join(outside, "secret.txt"), path.join(dir, "z-notes.txt"));
      fsSync.renameSync(path.join(dir, "notes"), path.join(dir, "notes-old"));
      fsSync.symlinkSync(path.join(outside, "notes"), path.join(dir, "notes"));
      // As an editor saves: a new file renamed over the old one.
      fsSync.writeFileSync(path.join(dir, ".a.txt.new"), "The lighthouse keeper lights the lamp at dusk, and at dawn puts it out.");
      fsSync.renameSync(path.join(dir, ".a.txt.new"), path.join(dir, "a.txt"));
    },
  });
  assert.ok(swapped);
  assert.deepEqual(documents.map((d) => d.source), ["a.txt"]);
  assert.match(documents[0]!.text, /at dawn puts it out/);
  assert.ok(documents.every((d) => !d.text.includes("TOKEN")));
  const reasons = Object.fromEntries(skipped.map((s) => [s.source, s.reason]));
  assert.equal(reasons["z-notes.txt"], "symbolic link to a place outside the documents folder (it was put there while the folder was read)");
  assert.equal(reasons["notes/plan.txt"], "symbolic link to a place outside the documents folder (it was put there while the folder was read)");
});

test("a site's banner heading, the outermost heading of every page, is left out of the section paths; a heading only some pages open is kept", async (t) => {
  const page = (banner: string, n: number) =>
    `<!DOCTYPE html><html lang="en"><head><title>Chapter ${n}</title></head><body>
      <h1><a href="https://mail.example.org">${banner}</a></h1>
      <h2>Chapter ${n} - Topic ${n}</h2><p>Chapter ${n} explains topic number ${n} in a few plain words for the reader.</p>
      <h3>${n}.1 Details</h3><p>The details of topic ${n} come here, with an example of their use.</p></body></html>`;
  // One reader for the five folders (each load would start and stop its own).
  const reader = createDocumentReader({ maxFileBytes: 1e7 });
  t.after(() => reader.close());
  const dir = await tempDir();
  const files: Record<string, string> = {};
  for (let n = 1; n <= 5; n++) files[`ch${n}.html`] = page("Example Mailer", n);
  await writeFiles(dir, files);
  const { documents, chunks } = await loadDocuments(dir, { reader });
  assert.deepEqual(chunks.filter((c) => c.source === "ch3.html").map((c) => c.section), ["Chapter 3 - Topic 3"]);
  const ch3 = documents.find((d) => d.source === "ch3.html")!;
  assert.deepEqual(ch3.structure.sections.map((s) => s.path.join(" › ")), ["Chapter 3 - Topic 3", "Chapter 3 - Topic 3 › 3.1 Details"]);
  assert.ok(chunks.every((c) => !c.section?.includes("Example Mailer")));
  assert.ok(documents.every((d) => d.structure.sections.every((s) => s.path[0] !== "Example Mailer")));
  // Their hashes and ids are those of the passages as labelled now (what is embedded changed).
  for (const c of chunks) {
    assert.equal(c.hash, sha256(indexedText(c)));
    assert.ok(c.id.startsWith(`${c.source}#${sha256(`${c.lang}\n${c.hash}`).slice(0, 12)}`));
  }
  // A Markdown note that opens with the same heading keeps it: only web pages have the site's banner.
  const withNote = await tempDir();
  await writeFiles(withNote, { ...files, "notes.md": "# Example Mailer\n\nNotes of the team.\n\n## Upgrading\n\nUpgrade on Mondays, after the backup has run.\n" });
  const note = (await loadDocuments(withNote, { reader })).chunks.filter((c) => c.source === "notes.md");
  assert.ok(note.some((c) => c.section?.startsWith("Example Mailer")), JSON.stringify(note.map((c) => c.section)));
  // Each collection (top-level folder) has its own site: pages of another site beside it do not hide its banner.
  const two = await tempDir();
  await writeFiles(two, {
    ...Object.fromEntries(Object.entries(files).map(([name, html]) => [`mailer/${name}`, html])),
    "proxy/a.html": page("Proxy Manual", 1),
    "proxy/b.html": page("Proxy Manual", 2),
  });
  const mailer = (await loadDocuments(two, { reader })).chunks.filter((c) => c.source.startsWith("mailer/"));
  assert.ok(mailer.length > 0 && mailer.every((c) => !c.section?.includes("Example Mailer")), JSON.stringify(mailer.map((c) => c.section)));

  // Four pages are too few to tell a banner from a book's title; two pages of five that head
  // differently are no site's banner either.
  const few = await tempDir();
  await writeFiles(few, Object.fromEntries(Object.entries(files).slice(0, 4)));
  assert.ok((await loadDocuments(few, { reader })).chunks.some((c) => c.section?.startsWith("Example Mailer › ")));
  const mixed = await tempDir();
  await writeFiles(mixed, { ...files, "ch4.html": page("Other Title", 4), "ch5.html": page("Third Title", 5) });
  assert.ok((await loadDocuments(mixed, { reader })).chunks.some((c) => c.section?.startsWith("Example Mailer › ")));
});

test("the site's name that every page title sets beside its own is left out of the titles, at either end; a title that is the name alone keeps it", async (t) => {
  const page = (title: string, n: number) =>
    `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body>
      <h1>Topic ${n}</h1><p>Topic number ${n} is explained here in a few plain words for the reader of the manual.</p></body></html>`;
  const reader = createDocumentReader({ maxFileBytes: 1e7 });
  t.after(() => reader.close());
  const dir = await tempDir();
  const files: Record<string, string> = { "index.html": page("NordOS 4.2 documentation", 0) };
  for (let n = 1; n <= 5; n++) files[`p${n}.html`] = page(`Topic ${n} — NordOS 4.2 documentation`, n);
  // Another site in its own collection, its name first.
  for (let n = 1; n <= 5; n++) files[`library/p${n}.html`] = page(`City Library | Opening ${n}`, n);
  for (let n = 1; n <= 5; n++) files[`debian/p${n}.html`] = page(`Debian -- Package ${n}`, n);
  await writeFiles(dir, files);
  const { documents, chunks } = await loadDocuments(dir, { reader });
  const titleOf = (source: string) => documents.find((d) => d.source === source)!.title;
  assert.equal(titleOf("p3.html"), "Topic 3");
  assert.equal(titleOf("index.html"), "NordOS 4.2 documentation", "the home page's title is the name alone");
  assert.equal(titleOf("library/p2.html"), "Opening 2");
  assert.equal(titleOf("debian/p4.html"), "Package 4");
  assert.ok(chunks.filter((c) => c.source !== "index.html").every((c) => !c.title.includes("NordOS") && !c.title.includes("City Library")), JSON.stringify(chunks.map((c) => c.title)));
  for (const c of chunks) assert.equal(c.hash, sha256(indexedText(c)), "hashed as titled now");
  // Titles that differ at both ends name no site; four pages are too few to tell.
  const mixed = await tempDir();
  await writeFiles(mixed, Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`p${n}.html`, page(n % 2 ? `Topic ${n} - Guide` : `Topic ${n} - Handbook`, n)])));
  assert.ok((await loadDocuments(mixed, { reader })).documents.every((d) => / - (?:Guide|Handbook)$/.test(d.title)));
  const few = await tempDir();
  await writeFiles(few, Object.fromEntries([1, 2, 3, 4].map((n) => [`p${n}.html`, page(`Topic ${n} — Docs`, n)])));
  assert.ok((await loadDocuments(few, { reader })).documents.every((d) => d.title.endsWith(" — Docs")));
});

test("a copy of a file in the same collection is read once, under the shortest name; a copy in another collection stays there", async () => {
  const dir = await tempDir();
  const report = "# Quarterly report\n\nThe harbour authority raised mooring fees by four percent in the spring.\n";
  await writeFiles(dir, {
    "Copy of report.md": report,
    "report (1).md": report,
    "report.md": report,
    "hr/old/report.md": report,
    "hr/report.md": report,
    "notes.md": "# Notes\n\nThe ferry timetable changes in October.\n",
  });
  const { documents, chunks, skipped } = await loadDocuments(dir);
  assert.deepEqual(documents.map((d) => d.source).sort(), ["hr/report.md", "notes.md", "report.md"]);
  assert.equal(chunks.filter((c) => c.text.includes("mooring fees")).length, 2, "once per collection");
  const reason = (source: string) => skipped.find((s) => s.source === source)?.reason;
  for (const copy of ["Copy of report.md", "report (1).md"]) assert.equal(reason(copy), "the same content as report.md, read once");
  assert.equal(reason("hr/old/report.md"), "the same content as hr/report.md, read once");
});

test("of copies, the one added by an address is kept (its citations link there); a copy whose read failed gives way to one read well; a copy left unread still shows its pictures", async () => {
  const dir = await tempDir();
  const fees = "# Fees\n\nThe harbour authority raised mooring fees by four percent in the spring.\n";
  await writeFiles(dir, {
    "f.md": fees,
    "fees-2024.md": fees,
    ".origins.json": JSON.stringify({ "fees-2024.md": "https://example.org/fees" }),
  });
  const { documents } = await loadDocuments(dir);
  assert.deepEqual(documents.map((d) => [d.source, d.url]), [["fees-2024.md", "https://example.org/fees"]]);

  // The shorter name's read fails (a limit on a busy machine): its copy, read well, is kept.
  const real = createDocumentReader();
  const failing = Object.assign(Object.create(real) as typeof real, {
    read: (task: Parameters<typeof real.read>[0], options?: Parameters<typeof real.read>[1]) =>
      task.source === "r.md" ? Promise.resolve({ ok: false as const, reason: "took longer than 0.1 s to read" }) : real.read(task, options),
  });
  const twice = await tempDir();
  await writeFiles(twice, { "r.md": fees, "report copy.md": fees });
  try {
    const { documents: read, skipped } = await loadDocuments(twice, { reader: failing });
    assert.deepEqual(read.map((d) => d.source), ["report copy.md"]);
    assert.deepEqual(skipped, [{ source: "r.md", reason: "the same content as report copy.md, read once" }]);
  } finally {
    await real.close();
  }

  // Two copies of a page in one collection, each beside its own picture: neither picture is a
  // document of its own, whichever copy is read.
  const { textPng } = await import("../helpers/scan.js");
  const manual = await tempDir();
  const page = '<html><body><main><h1>Setup</h1><p>Open the settings dialog to set the port.</p><img src="img/shot.png"></main></body></html>';
  await writeFiles(manual, {
    "guide/setup.html": page,
    "guide/zz/setup.html": page,
    "guide/img/shot.png": await textPng(["Settings"]),
    "guide/zz/img/shot.png": await textPng(["Old settings"]),
  });
  const ocr = createDocumentReader({}, 1, { languages: ["eng"], maxPages: 5, pageTimeoutMs: 60_000 });
  try {
    const { documents: pages, skipped } = await loadDocuments(manual, { reader: ocr });
    assert.deepEqual(pages.map((d) => d.source), ["guide/setup.html"]);
    const reason = (s: string) => skipped.find((x) => x.source === s)?.reason;
    assert.equal(reason("guide/zz/setup.html"), "the same content as guide/setup.html, read once");
    assert.equal(reason("guide/img/shot.png"), "a picture shown in guide/setup.html");
    assert.equal(reason("guide/zz/img/shot.png"), "a picture shown in guide/zz/setup.html");
  } finally {
    await ocr.close();
  }
});

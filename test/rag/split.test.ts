import assert from "node:assert/strict";
import { test } from "node:test";
import { loadDocuments } from "../../src/documents/load.js";
import { splitDocuments } from "../../src/documents/split.js";
import { CORPUS_DIR } from "../helpers/util.js";

test("chunks are at most 800 characters, carry exact offsets and stable ids", async () => {
  const { documents } = await loadDocuments(CORPUS_DIR, { limits: { maxFileBytes: 1e7 } });
  const chunks = await splitDocuments(documents, { chunkSize: 800, chunkOverlap: 100 });
  assert.ok(chunks.length >= 6);
  for (const c of chunks) {
    const doc = documents.find((d) => d.source === c.source)!;
    assert.ok(c.text.length <= 800);
    assert.equal(doc.text.slice(c.start, c.end), c.text, "offsets point at the exact passage");
    assert.equal(c.title, doc.title);
  }
  assert.equal(new Set(chunks.map((c) => c.id)).size, chunks.length);
  const again = await splitDocuments(documents, { chunkSize: 800, chunkOverlap: 100 });
  assert.deepEqual(again.map((c) => c.id), chunks.map((c) => c.id));
  // Every part of each document is in some chunk.
  for (const doc of documents) {
    const own = chunks.filter((c) => c.source === doc.source);
    assert.equal(own[0]!.start, 0);
    assert.equal(own.at(-1)!.end, doc.text.length);
  }
});

test("chunks end on sentence or paragraph boundaries when they can", async () => {
  const sentence = "Blockchain adoption is accelerating in Russia and elsewhere. ";
  const text = sentence.repeat(40).trim();
  const chunks = await splitDocuments(
    [{ source: "s.txt", title: "S", lang: "en", hash: "h", text, structure: { sections: [], pages: [] } }],
    { chunkSize: 300, chunkOverlap: 0 },
  );
  assert.ok(chunks.length > 5);
  for (const c of chunks.slice(0, -1)) assert.match(c.text, /\.$/);
});

test("a heading whose first block is too long to join it is no passage of its own: it opens the passage after it", async () => {
  // A PDF section as books have them: the heading, then one block longer than a passage.
  const heading = "9.1 Uploading to the archive";
  const block = "Once you are an official developer you can upload the package with dupload or dput.\n".repeat(12);
  const text = `${heading}\n\n${block}\nThe end.`;
  const section = { start: 0, headingEnd: heading.length, path: ["9.1 Uploading to the archive"] };
  const chunks = await splitDocuments([{ source: "b.pdf", title: "Guide", lang: "en", hash: "h", text, structure: { sections: [section], pages: [0] } }], {
    chunkSize: 300,
    chunkOverlap: 0,
  });
  assert.ok(chunks.length > 2);
  assert.ok(chunks.every((c) => c.text.trim() !== heading), "no passage is the heading alone");
  assert.equal(chunks[0]!.start, 0);
  assert.match(chunks[0]!.text, /^9\.1 Uploading to the archive\n\nOnce you are an official developer/, "the heading opens the first passage of its section");
  for (const c of chunks) assert.equal(text.slice(c.start, c.end), c.text, "offsets stay exact");
  // A document of nothing but a heading still has its passage.
  const alone = await splitDocuments([{ source: "h.md", title: "H", lang: "en", hash: "h", text: heading, structure: { sections: [section], pages: [] } }], {
    chunkSize: 300,
    chunkOverlap: 0,
  });
  assert.equal(alone.length, 1);
});

test("a passage knows which of its lines are a table's rows, also where the table runs on over two passages", async () => {
  const intro = "The library lends books, music and films to everyone with a card. ".repeat(4).trim();
  const rows = Array.from({ length: 30 }, (_, i) => `Room ${100 + i} storage for department ${i}`).join("\n");
  const outro = "Every room is open to staff during opening hours. ".repeat(4).trim();
  const text = `${intro}\n\n${rows}\n\n${outro}`;
  const table = [text.indexOf("Room 100"), text.indexOf("Room 100") + rows.length] as const;
  const chunks = await splitDocuments([{ source: "rooms.html", title: "Rooms", lang: "en", hash: "h", text, structure: { sections: [], pages: [], tables: [table] } }], {
    chunkSize: 400,
    chunkOverlap: 0,
  });
  const withRows = chunks.filter((c) => c.text.includes("Room 1"));
  assert.ok(withRows.length >= 2, "the table runs over passages");
  for (const c of chunks) {
    // Each passage's part of the table, and nothing else: every row it holds, no sentence.
    const parts = (c.tables ?? []).map(([s, e]) => text.slice(s, e));
    assert.deepEqual(parts.join("\n").split("\n").filter((l) => l.startsWith("Room")), c.text.split("\n").filter((l) => l.startsWith("Room")));
    for (const p of parts) assert.ok(!p.includes("library lends") && !p.includes("open to staff"), p);
  }
});

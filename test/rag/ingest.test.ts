import { buildLexicon } from "../../src/rag/corpus.js";
import { createDocumentReader } from "../../src/documents/reader.js";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { NoDocumentsError } from "../../src/errors.js";
import { HashingEmbeddings, type EmbeddingsHandle } from "../../src/rag/embeddings/index.js";
import type { IngestOptions, IngestProgress } from "../../src/rag/ingest.js";
import { ingest } from "../../src/store/local/build.js";
import { loadIndex, readManifest } from "../../src/store/local/index-store.js";
import { ANALYSER_FINGERPRINT } from "../../src/rag/text.js";
import { CORPUS_DIR, memoryLogger, tempDir, writeFiles } from "../helpers/util.js";

/** Hashing embeddings that count what they embed, and can be told to fail. */
class CountingEmbeddings extends HashingEmbeddings {
  embedded: string[] = [];
  failAfter = Infinity;
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    if (this.embedded.length + texts.length > this.failAfter) throw new Error("embedding service died");
    this.embedded.push(...texts);
    return super.embedDocuments(texts);
  }
}

async function setup() {
  const root = await tempDir();
  const docsDir = path.join(root, "docs");
  await fs.cp(CORPUS_DIR, docsDir, { recursive: true });
  const emb = new CountingEmbeddings(128);
  const handle: EmbeddingsHandle = { embeddings: emb, info: { provider: "hashing", model: emb.modelName, dimensions: 128 } };
  const options: IngestOptions = {
    docsDir,
    indexDir: path.join(root, "index"),
    reader: createDocumentReader({ maxFileBytes: 1e6 }),
    chunkSize: 800,
    chunkOverlap: 100,
    hnsw: { m: 16, efConstruction: 100 },
    embeddings: handle,
    log: memoryLogger().log,
    embedBatch: 2,
  };
  return { docsDir, emb, handle, options };
}

test("first ingest embeds everything and reports documents, chunks, provider and progress", async () => {
  const { options, emb } = await setup();
  const progress: IngestProgress[] = [];
  const s = await ingest({ ...options, onProgress: (p) => progress.push(p) });
  assert.equal(s.documents, 2);
  assert.equal(s.embedded, s.chunks);
  assert.equal(s.reused, 0);
  assert.deepEqual(s.added, ["buterin-putin-meeting.txt", "russia-blockchain-race.txt"]);
  assert.equal(emb.embedded.length, s.chunks);
  assert.equal(s.provider, "hashing");
  assert.deepEqual([...new Set(progress.map((p) => p.stage))], ["load", "embed", "write"]);
  const embedSteps = progress.filter((p) => p.stage === "embed");
  assert.ok(embedSteps.length > 2 && embedSteps.at(-1)!.done === s.chunks);
  const manifest = await readManifest(options.indexDir);
  assert.equal(manifest?.chunkCount, s.chunks);
  assert.deepEqual(manifest?.embeddings, options.embeddings.info);
});

test("reingest: unchanged embeds nothing; an edit re-embeds only its chunks; a deletion disappears", async () => {
  const { options, emb, docsDir } = await setup();
  const first = await ingest(options);

  emb.embedded = [];
  const same = await ingest(options);
  assert.equal(same.embedded, 0);
  assert.equal(same.reused, first.chunks);
  assert.equal(same.unchanged, 2);
  assert.equal(same.rebuilt, false, "an unchanged corpus keeps the current index");
  assert.equal(same.buildDir, first.buildDir);
  const forced = await ingest({ ...options, force: true });
  assert.equal(forced.rebuilt, true);
  assert.equal(forced.embedded, 0, "a forced rebuild still reuses every vector");

  const file = path.join(docsDir, "russia-blockchain-race.txt");
  const text = await fs.readFile(file, "utf8");
  await fs.writeFile(file, text.replace(/Herman\sGref/, "Herman O. Gref"));
  emb.embedded = [];
  const edited = await ingest(options);
  assert.deepEqual(edited.changed, ["russia-blockchain-race.txt"]);
  assert.ok(edited.embedded >= 1 && edited.embedded <= 2, `re-embedded ${edited.embedded}`);
  assert.ok(emb.embedded.every((t) => t.includes("Herman O. Gref")));

  // The edit updated the previous graph: the changed chunk got a new label, the old one is deleted.
  const afterEdit = await loadIndex(options.indexDir, { embeddings: emb, info: options.embeddings.info, ef: 64 });
  assert.ok(afterEdit.store.index.getCurrentCount() > afterEdit.passages.length);
  // The lexical index was carried over from the previous build and updated: the same as one made afresh.
  assert.deepEqual(afterEdit.lexicon.bm25.toArrays(), buildLexicon(afterEdit.passages).bm25.toArrays());
  assert.deepEqual(afterEdit.lexicon.fuzzy.toArrays(), buildLexicon(afterEdit.passages).fuzzy.toArrays());
  const [top] = await afterEdit.store.similaritySearchWithScore("Herman O. Gref Sberbank leader", 1);
  assert.match(top![0].pageContent, /Herman O\. Gref/);

  await fs.rm(path.join(docsDir, "buterin-putin-meeting.txt"));
  emb.embedded = [];
  const removed = await ingest(options);
  assert.deepEqual(removed.removed, ["buterin-putin-meeting.txt"]);
  assert.equal(removed.embedded, 0);
  const index = await loadIndex(options.indexDir, { embeddings: emb, info: options.embeddings.info, ef: 64 });
  assert.ok(index.passages.all().every((c) => c.source === "russia-blockchain-race.txt"));
  assert.deepEqual(index.lexicon.bm25.toArrays(), buildLexicon(index.passages).bm25.toArrays(), "a removed document's postings are gone");
  // Removing half the corpus would leave too many deleted points: the graph was rebuilt clean.
  assert.equal(index.store.index.getCurrentCount(), index.passages.length);
  const hits = await index.store.similaritySearchWithScore("Buterin Putin Wirtschaftsforum", 10);
  assert.ok(hits.every(([d]) => d.metadata.source === "russia-blockchain-race.txt"), "deleted chunks are never returned");
});

test("an index made by another word analyser is built again at the next ingest, reusing every vector", async () => {
  const { options, emb } = await setup();
  const first = await ingest(options);
  const manifestFile = path.join(first.buildDir, "manifest.json");
  assert.equal(JSON.parse(await fs.readFile(manifestFile, "utf8")).analyser, ANALYSER_FINGERPRINT);
  await fs.writeFile(manifestFile, JSON.stringify({ ...JSON.parse(await fs.readFile(manifestFile, "utf8")), analyser: "an older analyser" }));
  emb.embedded = [];
  const again = await ingest(options);
  assert.equal(again.rebuilt, true, "words analysed otherwise are not the same index");
  assert.equal(again.embedded, 0);
  assert.equal((await readManifest(options.indexDir))?.analyser, ANALYSER_FINGERPRINT);
});

test("a failure during a rebuild keeps the previous index serving", async () => {
  const { options, emb, docsDir } = await setup();
  await ingest(options);
  await writeFiles(docsDir, { "new.md": "# New\n\n" + "Fresh text about the Central Bank. ".repeat(60) });
  emb.failAfter = emb.embedded.length + 1;
  await assert.rejects(ingest(options), /embedding service died/);
  const index = await loadIndex(options.indexDir, { embeddings: emb, info: options.embeddings.info, ef: 64 });
  assert.ok(!index.passages.all().some((c) => c.source === "new.md"));
  assert.equal(index.manifest.documents.length, 2);
});

test("a rebuild whose reader is closed under it (the program stopping) is given up: files it did not finish are not dropped from the index", async () => {
  const { options, docsDir } = await setup();
  await ingest(options);
  const long = Array.from({ length: 20_000 }, (_, i) => `The harbour log of day ${i} lists every ship that moored.`).join("\n\n");
  await writeFiles(docsDir, { "log.md": `# Log\n\n${long}` });
  const reader = createDocumentReader({ maxFileBytes: 1e7 });
  const given = assert.rejects(ingest({ ...options, reader }), /reader was closed while the folder was read/);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await reader.close();
  await given;
  assert.equal((await readManifest(options.indexDir))!.documents.length, 2, "the index is as it was");
});

test("no usable documents is an error; skipped files are listed in the summary", async () => {
  const { options, docsDir } = await setup();
  await writeFiles(docsDir, { "empty.txt": "", "blob.txt": Buffer.from([0, 0, 0]) });
  const s = await ingest(options);
  assert.deepEqual(s.skipped.map((f) => f.source).sort(), ["blob.txt", "empty.txt"]);

  const empty = await tempDir();
  await writeFiles(empty, { "nothing.txt": "" });
  await assert.rejects(ingest({ ...options, docsDir: empty }), (error: unknown) => {
    assert.ok(error instanceof NoDocumentsError);
    assert.match(error.message, /1 file\(s\) skipped/);
    return true;
  });
});

test("every passage and document carries its collection: the top-level folder, or main for files directly in the folder", async () => {
  const { options, docsDir } = await setup();
  await writeFiles(docsDir, {
    "hr/holidays.md": "# Holidays\n\nEvery employee has 30 days of paid leave a year.\n",
    "engineering/deploy/release.md": "# Releases\n\nReleases go out on Tuesdays after the freeze.\n",
  });
  await ingest(options);
  const index = await loadIndex(options.indexDir, { embeddings: options.embeddings.embeddings, info: options.embeddings.info, ef: 10 });
  const byCollection = (name: string) => new Set(index.passages.all().filter((c) => c.collection === name).map((c) => c.source));
  assert.deepEqual([...byCollection("hr")], ["hr/holidays.md"]);
  assert.deepEqual([...byCollection("engineering")], ["engineering/deploy/release.md"]);
  assert.ok(byCollection("main").has("russia-blockchain-race.txt"));
  assert.equal(index.manifest.documents.find((d) => d.source === "hr/holidays.md")?.collection, "hr");
});

test("the first build after an upgrade from the docstore.json format reuses the old build's vectors instead of embedding everything again", async () => {
  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  const { SynchronousInMemoryDocstore } = await import("@langchain/community/stores/doc/in_memory");
  const { Document } = await import("@langchain/core/documents");
  const { options, emb } = await setup();
  const first = await ingest(options);
  // The build as format 3 wrote it: LangChain's HNSWLib.save (graph, docstore.json, args.json).
  const index = await loadIndex(options.indexDir, { embeddings: emb, info: options.embeddings.info, ef: 10 });
  const docs: Record<string, InstanceType<typeof Document>> = {};
  index.passages.all().forEach((c, row) => {
    const { text, ...metadata } = c;
    docs[String(index.passages.labels[row])] = new Document({ pageContent: text, metadata, id: c.id });
  });
  const docstore = new SynchronousInMemoryDocstore();
  docstore.add(docs);
  await new HNSWLib(emb, { space: "cosine", numDimensions: 128, index: index.store.index, docstore }).save(index.buildDir);
  for (const name of ["passages.bin", "lexicon.bin"]) await fs.rm(path.join(index.buildDir, name));
  const manifestFile = path.join(index.buildDir, "manifest.json");
  await fs.writeFile(manifestFile, JSON.stringify({ ...JSON.parse(await fs.readFile(manifestFile, "utf8")), formatVersion: 3 }));

  const { log, lines } = memoryLogger();
  emb.embedded = [];
  const upgraded = await ingest({ ...options, log, force: true });
  assert.equal(upgraded.embedded, 0, "every vector reused");
  assert.equal(upgraded.chunks, first.chunks);
  assert.ok(lines.some((l) => /older format.*reusing its vectors/.test(l)));
  const now = await loadIndex(options.indexDir, { embeddings: emb, info: options.embeddings.info, ef: 64 });
  assert.equal(now.manifest.formatVersion, (await import("../../src/store/backend.js")).FORMAT_VERSION);
  const [top] = await now.store.similaritySearchWithScore("Who leads Sberbank?", 1);
  assert.match(top![0].pageContent, /Gref/);
});

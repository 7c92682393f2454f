import { FORMAT_VERSION } from "../../src/store/backend.js";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { knowledgeBaseOptions } from "../../src/app.js";
import { createEmbeddings } from "../../src/rag/embeddings/index.js";
import { currentBuildDir } from "../../src/store/local/index-store.js";
import { KnowledgeBase, ReindexInProgressError } from "../../src/rag/knowledge-base.js";
import { folderStampOf, keepStamp } from "../../src/rag/ingest.js";
import { READING_VERSION } from "../../src/documents/formats.js";
import { assertCollectionsIsolated, writeCollectionsFolder } from "../helpers/collections.js";
import { CORPUS_DIR, memoryLogger, tempDir, testConfig } from "../helpers/util.js";

async function options() {
  const root = await tempDir();
  const docsDir = path.join(root, "docs");
  await fs.cp(CORPUS_DIR, docsDir, { recursive: true });
  const config = testConfig({ DOCS_DIR: docsDir, INDEX_DIR: path.join(root, "index") });
  const { log } = memoryLogger();
  return { config, docsDir, opts: knowledgeBaseOptions(config, log, await createEmbeddings(config, log)) };
}

test("a damaged index on disk is rebuilt at start, even though the documents did not change", async () => {
  const { opts, config } = await options();
  await KnowledgeBase.open(opts, { enabled: true });
  const build = (await currentBuildDir(config.indexDir))!;
  await fs.writeFile(path.join(build, "hnswlib.index"), "garbage");
  const { kb, built } = await KnowledgeBase.open(opts, { enabled: true });
  assert.ok(built?.rebuilt);
  assert.ok((await kb.retrieve("Who leads Sberbank?")).results.length > 0);
});

test("an index damaged in place is rebuilt at start, not served: a graph file with a changed byte and the same size (a bad sector), a manifest of the wrong shape", async () => {
  const { opts, config } = await options();
  await KnowledgeBase.open(opts, { enabled: true });
  // hnswlib reads any graph file whose size adds up: a changed neighbour count crashed the process on a question.
  const graph = path.join((await currentBuildDir(config.indexDir))!, "hnswlib.index");
  const bytes = await fs.readFile(graph);
  bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
  await fs.writeFile(graph, bytes);
  const first = await KnowledgeBase.open(opts, { enabled: true });
  assert.ok(first.built?.rebuilt, "a damaged graph is rebuilt");
  assert.notDeepEqual(await fs.readFile(path.join((await currentBuildDir(config.indexDir))!, "hnswlib.index")), bytes, "the damage is not carried into the new build");
  assert.match((await first.kb.retrieve("Who leads Sberbank?")).results[0]!.chunk.text, /Sberbank/);
  for (const edit of [(m: Record<string, unknown>) => (m.documents = null), (m: Record<string, unknown>) => (m.hnsw = null), (m: Record<string, unknown>) => delete m.embeddings]) {
    const file = path.join((await currentBuildDir(config.indexDir))!, "manifest.json");
    const manifest = JSON.parse(await fs.readFile(file, "utf8")) as Record<string, unknown>;
    edit(manifest);
    await fs.writeFile(file, JSON.stringify(manifest));
    const { kb, built } = await KnowledgeBase.open(opts, { enabled: true });
    assert.ok(built?.rebuilt, `rebuilt after ${edit.toString()}`);
    assert.ok((await kb.retrieve("Who leads Sberbank?")).results.length > 0);
  }
});

test("an index built from another folder is not served: a start with another DOCS_DIR rebuilds from it, saying why; a missing DOCS_DIR names the variable", async () => {
  const { config } = await options();
  const { log, lines } = memoryLogger();
  await KnowledgeBase.open(knowledgeBaseOptions(config, log, await createEmbeddings(config, log)), { enabled: true });
  const other = path.join(await tempDir(), "manuals");
  await fs.mkdir(other);
  await fs.writeFile(path.join(other, "pinning.md"), "# Pinning\n\nTo pin a package version, add a Pin line to the preferences file of the package manager.\n");
  const moved = { ...config, docsDir: other };
  const { kb, built } = await KnowledgeBase.open(knowledgeBaseOptions(moved, log, await createEmbeddings(moved, log)), { enabled: true });
  assert.ok(built?.rebuilt, "rebuilt");
  assert.deepEqual(kb.index.manifest.documents.map((d) => d.source), ["pinning.md"]);
  assert.equal(kb.index.manifest.docsDir, await fs.realpath(other));
  assert.ok(lines.some((l) => /built from another documents folder/.test(l)), "the log says why");
  const r = await kb.retrieve("How do I pin a package version?");
  assert.equal(r.results[0]!.chunk.source, "pinning.md");

  const { checkDocsDir } = await import("../../src/app.js");
  await assert.rejects(checkDocsDir({ docsDir: "/nonexistent/folder" }), (e: Error) => /DOCS_DIR: "\/nonexistent\/folder" does not exist; set DOCS_DIR in \.env/.test(e.message));
  await assert.rejects(checkDocsDir({ docsDir: path.join(other, "pinning.md") }), /is a file, not a folder/);
});

test("a reindex swaps in new documents; a second one while it runs is refused", async () => {
  const { opts, docsDir } = await options();
  const { kb } = await KnowledgeBase.open(opts, { enabled: true });
  await fs.writeFile(path.join(docsDir, "moon.md"), "# Moon\n\nThe Zephyr consortium plans helium-3 mining on the Moon by 2031.");
  const running = kb.reindex();
  await assert.rejects(kb.reindex(), ReindexInProgressError);
  const summary = await running;
  assert.deepEqual(summary.added, ["moon.md"]);
  const r = await kb.retrieve("Zephyr helium-3 mining");
  assert.equal(r.results[0]!.chunk.source, "moon.md");
  assert.equal(kb.isReindexing, false);
});

test("files changed in the folder by hand, while the bot ran or was down, are found by their names, sizes and times and indexed; an untouched folder is not read again", async () => {
  const { opts, docsDir, config } = await options();
  await KnowledgeBase.open(opts, { enabled: true });
  // A later start over the same folder: nothing changed, nothing is read.
  const { kb } = await KnowledgeBase.open(opts, { enabled: true });
  assert.equal(await kb.refreshIfFolderChanged(), undefined);

  await fs.writeFile(path.join(docsDir, "moon.md"), "# Moon\n\nThe Zephyr consortium plans helium-3 mining on the Moon by 2031.");
  const added = await kb.refreshIfFolderChanged();
  assert.deepEqual(added?.added, ["moon.md"]);
  assert.equal((await kb.retrieve("Zephyr helium-3 mining")).results[0]!.chunk.source, "moon.md");
  assert.equal(await kb.refreshIfFolderChanged(), undefined, "indexed once");

  // Edited in place with the same size: its time tells.
  const file = path.join(docsDir, "moon.md");
  await fs.writeFile(file, "# Moon\n\nThe Zephyr consortium plans helium-3 mining on Mars by 2031.");
  await fs.utimes(file, new Date(), new Date(Date.now() + 5_000));
  assert.deepEqual((await kb.refreshIfFolderChanged())?.changed, ["moon.md"]);
  // Touched without a change: read, found unchanged, and not read again.
  await fs.utimes(file, new Date(), new Date(Date.now() + 10_000));
  const touched = await kb.refreshIfFolderChanged();
  assert.equal(touched?.rebuilt, false);
  assert.equal(await kb.refreshIfFolderChanged(), undefined);

  await fs.rm(file);
  assert.deepEqual((await kb.refreshIfFolderChanged())?.removed, ["moon.md"]);
  // Files no build reads (a git checkout's own, a log) change without a document changing.
  await fs.mkdir(path.join(docsDir, ".git"));
  await fs.writeFile(path.join(docsDir, ".git", "FETCH_HEAD"), "abc");
  await fs.writeFile(path.join(docsDir, "bot.log"), "a line");
  assert.equal(await kb.refreshIfFolderChanged(), undefined);

  // A folder left without documents fails to build once, and is not tried again until it changes.
  const files = (await fs.readdir(docsDir)).filter((f) => f.endsWith(".txt") || f.endsWith(".md"));
  const saved = await Promise.all(files.map(async (f) => [f, await fs.readFile(path.join(docsDir, f))] as const));
  for (const f of files) await fs.rm(path.join(docsDir, f));
  await assert.rejects(kb.refreshIfFolderChanged(), /no usable documents|No usable documents/i);
  assert.equal(await kb.refreshIfFolderChanged(), undefined, "not tried again");
  for (const [f, bytes] of saved) await fs.writeFile(path.join(docsDir, f), bytes);
  assert.equal((await kb.refreshIfFolderChanged())?.unchanged, files.length, "back: read again");

  // An index whose folder is not known (built before stamps were kept, or by another instance
  // with a shared index) is taken as the folder's: nothing is read, later changes are found.
  const { kb: other } = await KnowledgeBase.open(opts, { enabled: true });
  await fs.rm(path.join(config.indexDir, "folder-stamp.json"));
  assert.equal(await other.refreshIfFolderChanged(), undefined);
  await fs.writeFile(path.join(docsDir, "moon.md"), "# Moon\n\nThe Zephyr consortium plans helium-3 mining on the Moon by 2031.");
  assert.deepEqual((await other.refreshIfFolderChanged())?.added, ["moon.md"]);
});

test("a start with other reading settings reads the folder again: a file skipped under the old MAX_FILE_BYTES is indexed, passages are split at the new CHUNK_SIZE", async () => {
  const { opts, docsDir } = await options();
  const big = `# Tides\n\n${"The Quillon harbour closes its lock gates before every spring tide. ".repeat(200)}`;
  await fs.writeFile(path.join(docsDir, "tides.md"), big);
  const { createDocumentReader } = await import("../../src/documents/reader.js");
  const small = createDocumentReader({ maxFileBytes: 10_000 });
  const large = createDocumentReader({ maxFileBytes: 100_000 });
  try {
    const { built } = await KnowledgeBase.open({ ...opts, reader: small }, { enabled: true });
    assert.match(built?.skipped.find((s) => s.source === "tides.md")?.reason ?? "", /MAX_FILE_BYTES/);
    // Restarted with the same settings: nothing to read. With the limit raised: the file is read.
    const { kb: same } = await KnowledgeBase.open({ ...opts, reader: small }, { enabled: true });
    assert.equal(await same.refreshIfFolderChanged(), undefined);
    const { kb: raised } = await KnowledgeBase.open({ ...opts, reader: large }, { enabled: true });
    assert.deepEqual((await raised.refreshIfFolderChanged())?.added, ["tides.md"]);
    assert.equal((await raised.retrieve("When does the Quillon harbour close its lock gates?")).results[0]!.chunk.source, "tides.md");
    const before = raised.index.corpus.size;
    const { kb: finer } = await KnowledgeBase.open({ ...opts, reader: large, chunkSize: Math.round(opts.chunkSize / 2) }, { enabled: true });
    assert.equal((await finer.refreshIfFolderChanged())?.rebuilt, true);
    assert.ok(finer.index.corpus.size > before, `${finer.index.corpus.size} passages at half the size, ${before} before`);
  } finally {
    await small.close();
    await large.close();
  }
});

test("a folder indexed by readers of an older READING_VERSION is read again at the next start, though no file changed", async () => {
  const { opts } = await options();
  await KnowledgeBase.open(opts, { enabled: true });
  const { kb: same } = await KnowledgeBase.open(opts, { enabled: true });
  assert.equal(await same.refreshIfFolderChanged(), undefined, "same readers, untouched folder: nothing to read");
  // As an older version of the bot left it: the stamp its readers took.
  await keepStamp(opts, (await folderStampOf(opts, READING_VERSION - 1))!);
  const { kb: upgraded } = await KnowledgeBase.open(opts, { enabled: true });
  assert.notEqual(await upgraded.refreshIfFolderChanged(), undefined, "the folder is read again");
  assert.equal(await upgraded.refreshIfFolderChanged(), undefined, "once");
});

test("a start with another number of readers (READ_WORKERS, by default one per core) does not read the folder again", async () => {
  const { documentReader, closeDocumentReaders } = await import("../../src/app.js");
  const { folderStampOf } = await import("../../src/rag/ingest.js");
  const { testConfig } = await import("../helpers/util.js");
  const { docsDir } = await options();
  const stampWith = (workers: string) => {
    const config = testConfig({ DOCS_DIR: docsDir, INDEX_DIR: path.join(docsDir, "..", "index"), OCR: "false", READ_WORKERS: workers });
    return folderStampOf({ docsDir, reader: documentReader(config), chunkSize: config.chunkSize, chunkOverlap: config.chunkOverlap });
  };
  try {
    assert.equal(await stampWith("1"), await stampWith("3"));
  } finally {
    await closeDocumentReaders();
  }
});

test("a folder still being copied into is read once it holds still", async () => {
  const { opts, docsDir } = await options();
  const { kb } = await KnowledgeBase.open(opts, { enabled: true });
  await fs.writeFile(path.join(docsDir, "one.md"), "# One\n\nThe Zephyr consortium plans helium-3 mining on the Moon by 2031.");
  const more = setTimeout(() => void fs.writeFile(path.join(docsDir, "two.md"), "# Two\n\nThe Quillon harbour closes its lock gates before every spring tide."), 100);
  assert.equal(await kb.refreshIfFolderChanged(600), undefined, "changed again while it settled: not read yet");
  clearTimeout(more);
  assert.deepEqual((await kb.refreshIfFolderChanged(200))?.added, ["one.md", "two.md"]);
});

test("where the folder's stamp cannot be kept beside the index, it is kept in memory: an unchanged folder is not read at every look", async () => {
  const { opts, docsDir, config } = await options();
  const { kb } = await KnowledgeBase.open(opts, { enabled: true });
  // A folder in the stamp file's place: it cannot be written.
  await fs.rm(path.join(config.indexDir, "folder-stamp.json"));
  await fs.mkdir(path.join(config.indexDir, "folder-stamp.json"));
  await fs.writeFile(path.join(docsDir, "moon.md"), "# Moon\n\nThe Zephyr consortium plans helium-3 mining on the Moon by 2031.");
  assert.deepEqual((await kb.refreshIfFolderChanged())?.added, ["moon.md"]);
  assert.equal(await kb.refreshIfFolderChanged(), undefined);
});

test("an index of an older format is rebuilt at start, with the reason in the log", async () => {
  const root = await tempDir();
  const docsDir = path.join(root, "docs");
  await fs.cp(CORPUS_DIR, docsDir, { recursive: true });
  const config = testConfig({ DOCS_DIR: docsDir, INDEX_DIR: path.join(root, "index") });
  const { log, lines } = memoryLogger();
  const opts = knowledgeBaseOptions(config, log, await createEmbeddings(config, log));
  await KnowledgeBase.open(opts, { enabled: true });
  // What an index written before sections and pages looks like: format version 1.
  const manifestFile = path.join((await currentBuildDir(config.indexDir))!, "manifest.json");
  // (Its documents had no collection yet.)
  const old = JSON.parse(await fs.readFile(manifestFile, "utf8")) as { documents: { collection?: string }[] };
  await fs.writeFile(manifestFile, JSON.stringify({ ...old, formatVersion: 1, documents: old.documents.map(({ collection: _, ...d }) => d) }));
  const { kb, built } = await KnowledgeBase.open(opts, { enabled: true });
  assert.ok(built?.rebuilt, "rebuilt");
  assert.deepEqual(built.added, [], "its documents are known: none reported as added");
  assert.ok(lines.some((l) => new RegExp(`format version 1, this program reads ${FORMAT_VERSION}`).test(l) && /building the index/.test(l)), "the log says why");
  assert.ok((await kb.index.corpus.all()).every((c) => "section" in c && "page" in c && c.collection === "main"), "chunks of the new format");
});

test("an index built before calibration is calibrated at load, to the bar a build stores, without being rebuilt", async () => {
  const { opts, config } = await options();
  const { kb: first } = await KnowledgeBase.open(opts, { enabled: true });
  const stored = first.index.manifest.calibration!;
  const manifestFile = path.join((await currentBuildDir(config.indexDir))!, "manifest.json");
  const { calibration: _dropped, ...older } = JSON.parse(await fs.readFile(manifestFile, "utf8"));
  await fs.writeFile(manifestFile, JSON.stringify(older));
  const { kb, built } = await KnowledgeBase.open(opts, { enabled: true });
  assert.equal(built, undefined, "served as it is");
  assert.equal(kb.index.manifest.calibration, undefined);
  const r = await kb.retrieve("Who leads Sberbank?");
  assert.equal(r.denseChance, stored.denseMedian.en, "the same bar as the build computed");
  assert.equal(r.denseAnswerBar, stored.denseAnswer.en);
  // One of an older version (only the median), or malformed, is calibrated at load the same way.
  for (const calibration of [{ version: 1, questions: 100, denseMedian: stored.denseMedian }, { ...stored, denseAnswer: undefined }, { ...stored, denseMedian: { en: "x" } }, { ...stored, denseAnswer: {} }, { ...stored, denseMedian: { ...stored.denseMedian, xx: -5 } }, { ...stored, denseAnswer: [0.5] }]) {
    await fs.writeFile(manifestFile, JSON.stringify({ ...older, calibration }));
    const { kb: again } = await KnowledgeBase.open(opts, { enabled: true });
    const asked = await again.retrieve("Who leads Sberbank?");
    assert.equal(asked.denseAnswerBar, stored.denseAnswer.en, JSON.stringify(calibration));
    assert.equal(asked.answerable, r.answerable);
  }
});

test("a build written by another process (npm run ingest) is served: by /reindex at once, and by questions within seconds", async () => {
  const { ingest } = await import("../../src/store/local/build.js");
  const { opts, docsDir } = await options();
  const { kb } = await KnowledgeBase.open(opts, { enabled: true });
  await fs.writeFile(path.join(docsDir, "moon.md"), "# Moon\n\nThe Zephyr consortium plans helium-3 mining on the Moon by 2031.");
  await ingest(opts); // what `npm run ingest` does, from another process
  const summary = await kb.reindex();
  assert.equal(summary.rebuilt, false, "nothing new to build");
  assert.equal((await kb.retrieve("Zephyr helium-3 mining")).results[0]!.chunk.source, "moon.md", "but the newest build is served");

  await fs.writeFile(path.join(docsDir, "mars.md"), "# Mars\n\nThe Ares cooperative grows potatoes in lava tubes on Mars.");
  await ingest(opts);
  await kb.retrieve("potatoes"); // notices the new pointer and loads it in the background
  for (let i = 0; i < 60 && (await kb.index.corpus.all()).every((c) => c.source !== "mars.md"); i++) {
    await new Promise((r) => setTimeout(r, 100));
    await kb.retrieve("potatoes");
  }
  assert.ok((await kb.index.corpus.all()).some((c) => c.source === "mars.md"), "questions pick up a CLI ingest without a restart");
});

test("one index builder at a time: a live owner's lock refuses a second builder; a dead owner's lock is taken over", async () => {
  const { ingest } = await import("../../src/store/local/build.js");
  const { IndexBusyError } = await import("../../src/store/local/build-lock.js");
  const { spawn } = await import("node:child_process");
  const { opts, config } = await options();
  await fs.mkdir(config.indexDir, { recursive: true });
  const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
  try {
    await fs.writeFile(path.join(config.indexDir, "build.lock"), String(other.pid));
    await assert.rejects(ingest(opts), IndexBusyError);
  } finally {
    other.kill();
  }
  await new Promise((r) => other.once("exit", r));
  // Its owner is gone now (as after kill -9): the next builder takes over.
  const summary = await ingest(opts);
  assert.ok(summary.rebuilt);
  await assert.rejects(fs.access(path.join(config.indexDir, "build.lock")), "the lock is released");
  // Two builders in one process: the second is refused while the first runs.
  const first = ingest({ ...opts, force: true });
  await assert.rejects(ingest({ ...opts, force: true }), IndexBusyError);
  await first;
});

test("an index built with the hashing fallback tries the model again at /reindex and rebuilds with it when it loads", async () => {
  const { buildTinyModel } = await import("../helpers/tiny-model.js");
  const { createHashing, createLocal } = await import("../../src/rag/embeddings/index.js");
  const root = await tempDir();
  const docsDir = path.join(root, "docs");
  await fs.cp(CORPUS_DIR, docsDir, { recursive: true });
  const name = await buildTinyModel(root, "tiny-e5");
  const config = testConfig({ DOCS_DIR: docsDir, INDEX_DIR: path.join(root, "index"), EMBEDDINGS_MODEL: name, MODELS_OFFLINE: "true", MODEL_CACHE_DIR: path.join(root, "cache") });
  const { log, lines } = memoryLogger();
  let modelThere = false;
  const opts = {
    ...knowledgeBaseOptions(config, log, { ...createHashing(config), fallbackReason: "local model could not be loaded (offline)" }),
    retryEmbeddings: async () => (modelThere ? createLocal(config, { localModelPath: root }) : { ...createHashing(config), fallbackReason: "still offline" }),
  };
  const { kb } = await KnowledgeBase.open(opts, { enabled: true });
  assert.equal(kb.embeddings.info.provider, "hashing");
  const still = await kb.reindex();
  assert.equal(still.provider, "hashing", "no model yet: the fallback stays");
  modelThere = true;
  const summary = await kb.reindex();
  assert.equal(summary.provider, "local");
  assert.ok(summary.rebuilt && summary.embedded === summary.chunks, "everything embedded again, with the model");
  assert.equal(kb.embeddings.info.provider, "local");
  assert.equal(kb.index.manifest.embeddings.provider, "local");
  assert.ok((await kb.retrieve("Sberbank")).results.length > 0);
  assert.ok(lines.some((l) => /the embeddings model loads now/.test(l)));
});

test("a search limited to collections knows nothing of the others: not their passages, not their words", async () => {
  const root = await tempDir();
  const docsDir = await writeCollectionsFolder(root);
  const config = testConfig({ DOCS_DIR: docsDir, INDEX_DIR: path.join(root, "index") });
  const { log } = memoryLogger();
  const { kb } = await KnowledgeBase.open(knowledgeBaseOptions(config, log, await createEmbeddings(config, log)), { enabled: true });
  await assertCollectionsIsolated(kb);
  const leave = await kb.retrieve("How many days of paid leave do employees get?", 5, { collections: ["hr"] });
  assert.equal(leave.denseChance, kb.index.manifest.calibration!.denseMedian.en, "a collection's questions are held to the whole folder's bar");
});

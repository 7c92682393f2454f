import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { knowledgeBaseOptions } from "../../src/app.js";
import { createEmbeddings } from "../../src/rag/embeddings/index.js";
import { currentBuildDir } from "../../src/rag/index-store.js";
import { KnowledgeBase, ReindexInProgressError } from "../../src/rag/knowledge-base.js";
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
  await fs.writeFile(manifestFile, JSON.stringify({ ...JSON.parse(await fs.readFile(manifestFile, "utf8")), formatVersion: 1 }));
  const { kb, built } = await KnowledgeBase.open(opts, { enabled: true });
  assert.ok(built?.rebuilt, "rebuilt");
  assert.ok(lines.some((l) => /format version 1, this program reads 2/.test(l) && /building the index/.test(l)), "the log says why");
  assert.ok(kb.index.chunks.every((c) => "section" in c && "page" in c), "chunks of the new format");
});

import assert from "node:assert/strict";
import path from "node:path";
import { after, test } from "node:test";
import { EmbeddingsError } from "../../src/errors.js";
import { createEmbeddings, createLocal, e5PrefixesFor, HashingEmbeddings } from "../../src/rag/embeddings/index.js";
import { buildTinyModel, TINY_DIMENSIONS } from "../helpers/tiny-model.js";
import { startOpenAIServer } from "../helpers/openai-server.js";
import { eventLoopTurnsDuring, memoryLogger, tempDir, testConfig } from "../helpers/util.js";

const cos = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(cos(a, a));

test("hashing: deterministic, normalised, and closer for shared words and related spellings", async () => {
  const h = new HashingEmbeddings(512);
  const [a, b, c, d] = await h.embedDocuments([
    "Putin met Herman Gref of Sberbank",
    "Sberbank's Gref met Putin",
    "The Eiffel tower is tall",
    "Russland und die Bank von Russland",
  ]);
  assert.deepEqual(await h.embedQuery("Putin met Herman Gref of Sberbank"), a);
  for (const v of [a!, b!, c!, d!]) assert.ok(Math.abs(norm(v) - 1) < 1e-9);
  assert.ok(cos(a!, b!) > cos(a!, c!) + 0.3);
  const russia = await h.embedQuery("Bank of Russia");
  assert.ok(cos(russia, d!) > cos(russia, c!), "cognates share character n-grams across languages");
  assert.deepEqual(await h.embedQuery(""), new Array(512).fill(0));
});

test("hashing: a batch of passages in a script without spaces lets the event loop run while it is embedded", async () => {
  const h = new HashingEmbeddings(512);
  const chinese = "东京塔的高度是三百三十三米，它在一九五八年建成，是日本的通信塔和观光塔。";
  const texts = Array.from({ length: 300 }, (_, i) => `${chinese.repeat(20)}${i}`);
  const started = performance.now();
  const { result: vectors, turns } = await eventLoopTurnsDuring(() => h.embedDocuments(texts));
  const took = performance.now() - started;
  assert.equal(vectors.length, 300);
  assert.deepEqual(vectors[7], h.embed(texts[7]!), "the same vectors as one at a time");
  // (In one synchronous pass, none.)
  assert.ok(turns >= Math.floor(took / 100), `${turns} turns of the event loop in ${Math.round(took)} ms`);
  assert.ok(turns > 0);
});

test("local: a model folder loads through transformers.js offline, with e5 prefixes", async () => {
  const root = await tempDir();
  const name = await buildTinyModel(root, "tiny-e5");
  const cfg = testConfig({ EMBEDDINGS_PROVIDER: "local", EMBEDDINGS_MODEL: name, MODELS_OFFLINE: "true", MODEL_CACHE_DIR: path.join(root, "cache") });
  const handle = await createLocal(cfg, { localModelPath: root });
  assert.equal(handle.info.provider, "local");
  assert.equal(handle.info.dimensions, TINY_DIMENSIONS);
  assert.equal(handle.info.model, "tiny-e5@q8");
  const [passage] = await handle.embeddings.embedDocuments(["putin met buterin"]);
  const query = await handle.embeddings.embedQuery("putin met buterin");
  assert.ok(Math.abs(norm(query) - 1) < 1e-5);
  assert.notDeepEqual(query, passage, "query: and passage: prefixes make the two differ");
  const batch = await handle.embeddings.embedDocuments(Array.from({ length: 40 }, (_, i) => `bank ${i}`));
  assert.equal(batch.length, 40);
  assert.deepEqual(e5PrefixesFor("Xenova/multilingual-e5-small"), { query: "query: ", passage: "passage: " });
  assert.deepEqual(e5PrefixesFor("Xenova/all-MiniLM-L6-v2"), { query: "", passage: "" });
});

test("local: an explicitly chosen model that cannot be loaded is an error that says what to do", async () => {
  const root = await tempDir();
  const cfg = testConfig({ EMBEDDINGS_PROVIDER: "local", EMBEDDINGS_MODEL: "nobody/missing-model", MODELS_OFFLINE: "true", MODEL_CACHE_DIR: root });
  await assert.rejects(createEmbeddings(cfg, memoryLogger().log), (error: unknown) => {
    assert.ok(error instanceof EmbeddingsError);
    assert.match(error.message, /nobody\/missing-model/);
    assert.match(error.hint, /EMBEDDINGS_PROVIDER=hashing/);
    return true;
  });
});

test("automatic choice falls back to hashing, loudly, when the local model cannot be had", async () => {
  const root = await tempDir();
  const { log, lines } = memoryLogger();
  const cfg = testConfig({ EMBEDDINGS_PROVIDER: "", MODELS_OFFLINE: "true", MODEL_CACHE_DIR: root });
  const handle = await createEmbeddings(cfg, log);
  assert.equal(handle.info.provider, "hashing");
  assert.match(handle.fallbackReason ?? "", /could not be loaded.*hashing/);
  assert.ok(lines.some((l) => /FALLBACK/.test(l) && /"level":40/.test(l)));
});

test("openai: any OpenAI-compatible endpoint over HTTP, key sent and never needed locally", async () => {
  const fake = new HashingEmbeddings(64);
  const server = await startOpenAIServer({ embed: (texts) => texts.map((t) => fake.embed(t)) });
  after(() => server.close());
  const cfg = testConfig({ EMBEDDINGS_PROVIDER: "openai", OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: "sk-test-123", EMBEDDINGS_MODEL: "nomic-embed-text" });
  const handle = await createEmbeddings(cfg, memoryLogger().log);
  assert.deepEqual(handle.info, { provider: "openai", model: "nomic-embed-text", dimensions: 64 });
  const vectors = await handle.embeddings.embedDocuments(["a", "b", "c"]);
  assert.equal(vectors.length, 3);
  const last = server.requests.at(-1)!;
  assert.equal(last.body.model, "nomic-embed-text");
  assert.equal(last.headers.authorization, "Bearer sk-test-123");
});

test("openai: an unreachable endpoint is an error naming the settings to check", async () => {
  const cfg = testConfig({ EMBEDDINGS_PROVIDER: "openai", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" });
  await assert.rejects(createEmbeddings(cfg, memoryLogger().log), (error: unknown) => {
    assert.ok(error instanceof EmbeddingsError);
    assert.match(error.hint, /OPENAI_BASE_URL/);
    return true;
  });
});

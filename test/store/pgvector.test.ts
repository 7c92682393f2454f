/**
 * The index in Postgres + pgvector, through the same `pg` client code that talks to a server:
 * here PostgreSQL 18 + pgvector in process (PGlite) over the wire protocol, or a real server
 * when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { after, before, mock, test } from "node:test";
import { createQuestionAnswerer, knowledgeBaseOptions } from "../../src/app.js";
import { createEmbeddings } from "../../src/rag/embeddings/index.js";
import type { EmbeddingsHandle } from "../../src/rag/embeddings/types.js";
import { KnowledgeBase } from "../../src/rag/knowledge-base.js";
import { loadDocuments } from "../../src/documents/load.js";
import { ANALYSER_FINGERPRINT, terms } from "../../src/rag/text.js";
import { createPool, pgBackend } from "../../src/store/pg/backend.js";
import { PgCorpus } from "../../src/store/pg/corpus.js";
import { MemoryCorpus } from "../../src/rag/corpus.js";
import { migrate, SCHEMA_VERSION } from "../../src/store/pg/schema.js";
import { PgAccessStore, PgConversationStore, PgFeedback, PgRateLimitClient } from "../../src/store/pg/state.js";
import { AccessList } from "../../src/state/access.js";
import { startPglite } from "../../scripts/bench/pglite.js";
import { assertCollectionsIsolated, writeCollectionsFolder } from "../helpers/collections.js";
import { CORPUS_DIR, memoryLogger, PROJECT_ROOT, tempDir, testConfig } from "../helpers/util.js";

let url: string;
let stop: (() => Promise<void>) | undefined;
let schemas = 0;

before(async () => {
  if (process.env.TEST_DATABASE_URL) {
    url = process.env.TEST_DATABASE_URL;
  } else {
    ({ url, stop } = await startPglite());
  }
});
after(async () => stop?.());

/** Embeddings that count the texts they embed (and can be made slow). */
function counting(handle: EmbeddingsHandle) {
  const seen: string[] = [];
  let delayMs = 0;
  const inner = handle.embeddings;
  const embeddings = Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, {
    embedDocuments: async (texts: string[]) => {
      seen.push(...texts);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return inner.embedDocuments(texts);
    },
  });
  return { handle: { ...handle, embeddings }, seen, slow: (ms: number) => (delayMs = ms) };
}

/** A knowledge base in its own schema, over a copy of the corpus; one connection (PGlite is one session). */
async function pgKnowledgeBase(extra: Record<string, string> = {}, from = CORPUS_DIR) {
  const root = await tempDir();
  const docsDir = path.join(root, "docs");
  await fs.cp(from, docsDir, { recursive: true });
  const schema = `t${process.pid}_${++schemas}`;
  const config = testConfig({ DOCS_DIR: docsDir, VECTOR_STORE: "pgvector", DATABASE_URL: url, PG_SCHEMA: schema, ...extra });
  const { log } = memoryLogger();
  const pool = createPool(url, { max: 1, ef: config.retrieval.hnswEf });
  const backend = pgBackend(pool, schema);
  const embeddings = counting(await createEmbeddings(config, log));
  const options = { ...knowledgeBaseOptions(config, log, embeddings.handle), backend };
  const { kb, built } = await KnowledgeBase.open(options, { enabled: true });
  return { kb, built, config, log, docsDir, schema, pool, backend, embeddings, options };
}

test("ingest into Postgres: the dev questions find the same passages as the local index", async () => {
  const pgKb = await pgKnowledgeBase();
  assert.ok(pgKb.built?.rebuilt);
  assert.equal(pgKb.kb.index.manifest.chunkCount, (await pgKb.kb.index.corpus.all()).length);
  assert.ok((await pgKb.kb.index.corpus.all()).every((c) => c.collection === "main"), "each passage carries its collection");
  const collections = await pgKb.pool.query<{ collection: string }>(`SELECT DISTINCT collection FROM "${pgKb.schema}".chunks`);
  assert.deepEqual(collections.rows.map((r) => r.collection), ["main"], "in its own column, for filtering");
  const root = await tempDir();
  const localConfig = testConfig({ DOCS_DIR: CORPUS_DIR, INDEX_DIR: path.join(root, "index") });
  const { log } = memoryLogger();
  const { kb: local } = await KnowledgeBase.open(knowledgeBaseOptions(localConfig, log, await createEmbeddings(localConfig, log)), { enabled: true });
  assert.deepEqual(pgKb.kb.index.manifest.calibration, local.index.manifest.calibration, "the same bar for random questions, calibrated inside the build's transaction");
  const questions = (await fs.readFile(path.join(PROJECT_ROOT, "data/eval/seed-questions.jsonl"), "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { question: string; source: string | null });
  let hitsLocal = 0;
  let hitsPg = 0;
  for (const q of questions) {
    const [a, b] = [await local.retrieve(q.question), await pgKb.kb.retrieve(q.question)];
    assert.deepEqual(b.results.map((r) => r.chunk.id), a.results.map((r) => r.chunk.id), `same passages for "${q.question}"`);
    assert.equal(b.answerable, a.answerable);
    // BM25 from the postings table scores as the in-memory index does, passage for passage.
    const expanded = terms(q.question).map((term, i) => ({ term, weight: i % 2 ? 0.6 : 1 }));
    const [memory, sql] = [await local.index.corpus.lexical(expanded, 20), await pgKb.kb.index.corpus.lexical(expanded, 20)];
    assert.deepEqual(sql.map((h) => h.id), memory.map((h) => h.id), `same lexical ranking for "${q.question}"`);
    sql.forEach((h, i) => assert.ok(Math.abs(h.score - memory[i]!.score) < 1e-9, `same score for ${h.id}`));
    if (q.source && a.results.slice(0, 3).some((r) => r.chunk.source === q.source)) hitsLocal++;
    if (q.source && b.results.slice(0, 3).some((r) => r.chunk.source === q.source)) hitsPg++;
  }
  assert.equal(hitsPg, hitsLocal);
  // The whole answer pipeline runs on it as on the local index.
  const qa = createQuestionAnswerer(pgKb.config, pgKb.log, pgKb.kb);
  const answer = await qa.ask("Who leads Sberbank?");
  assert.equal(answer.abstained, false);
  assert.match(answer.citations[0]!.quote, /Gref/);
  const { rows } = await pgKb.pool.query("SELECT current_setting('hnsw.ef_search') AS ef");
  assert.equal(rows[0].ef, String(pgKb.config.retrieval.hnswEf), "HNSW_EF is the session's ef_search");
  await pgKb.pool.end();
});

test("BM25 in SQL reads a common word's postings only for the best candidates, and ranks exactly as without", async () => {
  // A folder with words of every frequency: a few in nearly every passage, most in a handful.
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const syllables = ["ba", "ko", "ri", "tu", "me", "sa", "lo", "ne", "pi", "du", "ga", "vo"];
  const vocab = Array.from({ length: 240 }, (_, i) => `${syllables[i % 12]}${syllables[Math.floor(i / 12) % 12]}${syllables[(i * 7) % 12]}l`);
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length * random() ** 3))]!;
  const folder = await tempDir();
  for (let f = 0; f < 40; f++) {
    const paragraphs = Array.from({ length: 4 }, () => `${Array.from({ length: 45 }, word).join(" ")}.`);
    await fs.writeFile(path.join(folder, `f${f}.txt`), paragraphs.join("\n\n"));
  }
  const pgKb = await pgKnowledgeBase({}, folder);
  const memory = new MemoryCorpus(await pgKb.kb.index.corpus.all());
  const corpus = pgKb.kb.index.corpus as PgCorpus;
  let issued: string[] = [];
  const query = pgKb.pool.query.bind(pgKb.pool);
  (pgKb.pool as { query: unknown }).query = (text: string, ...rest: unknown[]) => (issued.push(text), (query as (...a: unknown[]) => unknown)(text, ...rest));
  let pruned = 0;
  let widened = 0;
  for (let q = 0; q < 12; q++) {
    const asked = Array.from({ length: 3 + (q % 5) }, () => ({ term: vocab[Math.floor(random() * vocab.length)]!, weight: q % 3 ? 1 : 0.2 + random() }));
    for (const frequentDf of [5, 20, 60]) {
      for (const [n, candidates] of [[3, 1], [10, 10], [40, 1]] as const) {
        issued = [];
        const sql = await corpus.withPruning({ frequentDf, candidates }).lexical(asked, n);
        const exact = await memory.lexical(asked, n);
        assert.deepEqual(sql.map((h) => h.id), exact.map((h) => h.id), `same ranking (${frequentDf}, ${n}, ${candidates})`);
        sql.forEach((h, i) => assert.ok(Math.abs(h.score - exact[i]!.score) < 1e-9, `same score for ${h.id}`));
        const allRead = issued.some((t) => t.includes("OFFSET"));
        if (!allRead && issued.some((t) => t.includes("row_id = ANY($5"))) pruned++;
        if (!allRead && issued.some((t) => t.includes("WHERE score >= $5"))) widened++;
      }
    }
  }
  (pgKb.pool as { query: unknown }).query = query;
  assert.ok(pruned > 0, "some searches never read all the postings of their common words");
  assert.ok(widened > 0, "some had to score rows beyond the first candidates, and still did not read everything");
  await pgKb.pool.end();
});

test("reingest: unchanged embeds nothing, an edited document only its chunks, a deleted one leaves", async () => {
  const { kb, docsDir, embeddings, pool } = await pgKnowledgeBase();
  const firstGeneration = kb.index.buildDir;
  embeddings.seen.length = 0;

  const same = await kb.reindex();
  assert.equal(same.rebuilt, false);
  assert.equal(embeddings.seen.length, 0, "nothing embedded");
  assert.equal(kb.index.buildDir, firstGeneration);

  const file = path.join(docsDir, "russia-blockchain-race.txt");
  await fs.appendFile(file, "\n\nA closing note: the Zephyrine committee approved the plan in 2031.\n");
  const edited = await kb.reindex();
  assert.deepEqual(edited.changed, ["russia-blockchain-race.txt"]);
  const editedChunks = (await kb.index.corpus.all()).filter((c) => c.source === "russia-blockchain-race.txt");
  assert.ok(embeddings.seen.length > 0 && embeddings.seen.length <= editedChunks.length, `only the edited document's new text (${embeddings.seen.length})`);
  assert.ok(embeddings.seen.every((t) => !t.includes("Vitalik")), "nothing of the unchanged document");
  assert.notEqual(kb.index.buildDir, firstGeneration);
  assert.equal((await kb.retrieve("Zephyrine committee approved")).results[0]!.chunk.source, "russia-blockchain-race.txt");
  // Text put in front moves every passage after it: the same passages are stored again with where
  // they are now (and so are cited at their offsets, on their pages, under their sections).
  await fs.writeFile(file, `A new opening paragraph, written later.\n\n${await fs.readFile(file, "utf8")}`);
  await kb.reindex();
  const stored = (await kb.index.corpus.all()).filter((c) => c.source === "russia-blockchain-race.txt");
  const fresh = (await loadDocuments(docsDir)).chunks.filter((c) => c.source === "russia-blockchain-race.txt");
  assert.deepEqual(
    stored.map(({ start, end, section, page }) => ({ start, end, section, page })).sort((a, b) => a.start - b.start),
    fresh.map(({ start, end, section, page }) => ({ start, end, section, page })).sort((a, b) => a.start - b.start),
  );

  await fs.rm(path.join(docsDir, "buterin-putin-meeting.txt"));
  embeddings.seen.length = 0;
  const removed = await kb.reindex();
  assert.deepEqual(removed.removed, ["buterin-putin-meeting.txt"]);
  assert.equal(embeddings.seen.length, 0, "removing embeds nothing");
  assert.ok((await kb.index.corpus.all()).every((c) => c.source !== "buterin-putin-meeting.txt"));
  const r = await kb.retrieve("Where did Putin meet Vitalik Buterin?", 10);
  assert.ok(r.results.every((x) => x.chunk.source !== "buterin-putin-meeting.txt"), "the dense leg no longer returns its chunks");
  await pool.end();
});

test("a question during a reindex is answered from the old generation or the new one, never a mix", async () => {
  const { kb, docsDir, embeddings, pool } = await pgKnowledgeBase();
  const oldIds = new Set((await kb.index.corpus.all()).map((c) => c.id));
  await fs.writeFile(path.join(docsDir, "moon.md"), "# Moon\n\nThe Zephyr consortium plans helium-3 mining on the Moon by 2031. Putin and Buterin discussed it.");
  await fs.rm(path.join(docsDir, "russia-blockchain-race.txt"));
  embeddings.slow(400);
  const reindex = kb.reindex();
  const during = await Promise.all(["Where did Putin meet Buterin?", "Who leads Sberbank?", "helium-3 mining on the Moon"].map((q) => kb.retrieve(q, 10)));
  await reindex;
  const newIds = new Set((await kb.index.corpus.all()).map((c) => c.id));
  for (const r of during) {
    const ids = r.results.map((x) => x.chunk.id);
    assert.ok(ids.every((id) => oldIds.has(id)) || ids.every((id) => newIds.has(id)), `one generation: ${ids.join(", ")}`);
  }
  const after = await kb.retrieve("helium-3 mining on the Moon");
  assert.equal(after.results[0]!.chunk.source, "moon.md");
  await pool.end();
});

test("the schema is created and migrated by the program, once; other embeddings rebuild the index", async () => {
  const first = await pgKnowledgeBase();
  await migrate(first.pool, first.schema);
  await migrate(first.pool, first.schema);
  const { rows } = await first.pool.query(`SELECT version FROM "${first.schema}".schema_version ORDER BY version`);
  assert.deepEqual(rows.map((r) => r.version), Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  await first.pool.end();

  // The same schema with other embeddings: its index is rebuilt in the new space, with the reason logged.
  const config = testConfig({ DOCS_DIR: first.docsDir, VECTOR_STORE: "pgvector", DATABASE_URL: url, PG_SCHEMA: first.schema, HASHING_DIMENSIONS: "64" });
  const { log, lines } = memoryLogger();
  const pool = createPool(url, { max: 1 });
  const { kb, built } = await KnowledgeBase.open({ ...knowledgeBaseOptions(config, log, await createEmbeddings(config, log)), backend: pgBackend(pool, first.schema) }, { enabled: true });
  assert.ok(built?.rebuilt);
  assert.equal(kb.index.manifest.embeddings.dimensions, 64);
  assert.ok(lines.some((l) => /different embeddings/.test(l)), "the reason is logged");
  assert.ok((await kb.retrieve("Who leads Sberbank?")).results.length > 0);
  await pool.end();
});

test("a manifest in the database that does not parse is named as unreadable and the index is built again, not served with holes", async () => {
  const pgKb = await pgKnowledgeBase();
  const s = `"${pgKb.schema}"`;
  // Edited by hand: the documents list is no list.
  await pgKb.pool.query(`UPDATE ${s}.state SET manifest = jsonb_set(manifest, '{documents}', '"none"')`);
  const load = () => pgKb.backend.load({ embeddings: pgKb.embeddings.handle.embeddings, info: pgKb.embeddings.handle.info, ef: 64 });
  await assert.rejects(load(), (error: Error) => /unreadable or incomplete/.test(error.message) && /manifest: documents/.test(String((error.cause as Error)?.message)));
  const { log, lines } = memoryLogger();
  const { kb, built } = await KnowledgeBase.open({ ...pgKb.options, log }, { enabled: true });
  assert.ok(built?.rebuilt);
  assert.ok(lines.some((l) => /manifest in the database is unreadable/.test(l) && /documents/.test(l)), "the reason is logged");
  assert.deepEqual(kb.index.manifest.documents.map((d) => d.source).sort(), (await fs.readdir(pgKb.docsDir)).sort());
  assert.match((await kb.retrieve("Who leads Sberbank?")).results[0]!.chunk.text, /Gref/);
  await pgKb.pool.end();
});

test("passages deleted from the database by hand are noticed: a start builds them again, and so does /reindex with the documents unchanged, instead of answering nothing", async () => {
  const pgKb = await pgKnowledgeBase();
  const s = `"${pgKb.schema}"`;
  const load = () => pgKb.backend.load({ embeddings: pgKb.embeddings.handle.embeddings, info: pgKb.embeddings.handle.info, ef: 64 });
  await pgKb.pool.query(`DELETE FROM ${s}.postings`);
  await pgKb.pool.query(`DELETE FROM ${s}.chunks`);
  await assert.rejects(load(), (error: Error) => /unreadable or incomplete/.test(error.message) && /holds 0 of its \d+ passages/.test(String((error.cause as Error)?.message)));
  const { kb, built } = await KnowledgeBase.open(pgKb.options, { enabled: true });
  assert.ok(built?.rebuilt, "built again at start");
  assert.match((await kb.retrieve("Who leads Sberbank?")).results[0]!.chunk.text, /Gref/);
  // The same while running: /reindex finds the documents unchanged, but not their passages.
  await pgKb.pool.query(`DELETE FROM ${s}.postings`);
  await pgKb.pool.query(`DELETE FROM ${s}.chunks`);
  const again = await kb.reindex();
  assert.ok(again.rebuilt, "stored again");
  assert.match((await kb.retrieve("Who leads Sberbank?")).results[0]!.chunk.text, /Gref/);
  await pgKb.pool.end();
});

test("an index of the tsvector format is moved to postings at the first build, reusing every vector", async () => {
  const pgKb = await pgKnowledgeBase();
  const s = `"${pgKb.schema}"`;
  // What format 3 left: a tsvector column instead of postings, and its version in the manifest.
  await pgKb.pool.query(`ALTER TABLE ${s}.chunks ADD COLUMN lexemes tsvector NOT NULL DEFAULT ''`);
  await pgKb.pool.query(`TRUNCATE ${s}.postings`);
  await pgKb.pool.query(`UPDATE ${s}.state SET manifest = jsonb_set(manifest, '{formatVersion}', '3')`);
  pgKb.embeddings.seen.length = 0;
  const { kb, built } = await KnowledgeBase.open(pgKb.options, { enabled: true });
  assert.ok(built?.rebuilt);
  assert.equal(pgKb.embeddings.seen.length, 0, "nothing embedded again");
  const { rows } = await pgKb.pool.query(`SELECT count(*)::int AS n FROM ${s}.chunks`);
  assert.equal(rows[0].n, kb.index.manifest.chunkCount, "the old rows are gone");
  assert.match((await kb.retrieve("Who leads Sberbank?")).results[0]!.chunk.text, /Gref/);
  const lexical = await kb.index.corpus.lexical([{ term: "sberbank", weight: 1 }], 3);
  assert.ok(lexical.length > 0, "BM25 reads the new postings");
  // The postings index of the first postings version (by term alone) is replaced when the program
  // starts (its schema migration), before any build.
  await pgKb.pool.query(`DROP INDEX ${s}.postings_term_row; CREATE INDEX postings_term ON ${s}.postings (term)`);
  await pgKb.pool.query(`DELETE FROM ${s}.schema_version WHERE version = (SELECT max(version) FROM ${s}.schema_version)`);
  const restarted = createPool(url, { max: 1 });
  await pgBackend(restarted, pgKb.schema).load({ embeddings: pgKb.embeddings.handle.embeddings, info: pgKb.embeddings.handle.info, ef: 64 });
  const { rows: indexes } = await pgKb.pool.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'postings'`, [pgKb.schema]);
  assert.ok(indexes.some((r) => r.indexname === "postings_term_row") && !indexes.some((r) => r.indexname === "postings_term"), JSON.stringify(indexes));
  await restarted.end();
  await pgKb.pool.end();
});

test("postings written by another word analyser are written again at the next build, reusing every vector", async () => {
  const pgKb = await pgKnowledgeBase();
  const s = `"${pgKb.schema}"`;
  // What an older analyser left: other words in the postings (here: one word missing), and its name in the manifest.
  await pgKb.pool.query(`DELETE FROM ${s}.postings WHERE term = 'sberbank'`);
  await pgKb.pool.query(`UPDATE ${s}.state SET manifest = jsonb_set(manifest, '{analyser}', '"an older analyser"')`);
  pgKb.embeddings.seen.length = 0;
  const { log, lines } = memoryLogger();
  // Served as it is at start (a warning says why words may be missed), analysed again by the next build.
  const { kb, built } = await KnowledgeBase.open({ ...pgKb.options, log }, { enabled: true });
  assert.equal(built, undefined);
  assert.ok(lines.some((l) => /analysed by an older version/.test(l)));
  const summary = await kb.reindex();
  assert.ok(summary.rebuilt, "an unchanged folder is built again");
  assert.equal(pgKb.embeddings.seen.length, 0, "nothing embedded again");
  assert.equal(kb.index.manifest.analyser, ANALYSER_FINGERPRINT);
  assert.ok((await kb.index.corpus.lexical([{ term: "sberbank", weight: 1 }], 3)).length > 0, "the word is in the postings again");
  await pgKb.pool.end();
});

test("with a database, follow-up history and rate-limit counters are shared by instances, and a failing database costs no answer", async () => {
  const schema = `t${process.pid}_${++schemas}`;
  const [poolA, poolB] = [createPool(url, { max: 1 }), createPool(url, { max: 1 })];
  const errors: string[] = [];
  const onError = (_e: unknown, what: string) => errors.push(what);
  const a = new PgConversationStore(poolA, schema, { turns: 2, maxAgeMs: 60_000, onError });
  const b = new PgConversationStore(poolB, schema, { turns: 2, maxAgeMs: 60_000, onError });
  for (const q of ["first", "second", "third"]) await a.add("chat:1", { question: q, standalone: q, answer: `about ${q}`, at: Date.now() });
  assert.deepEqual((await b.recent("chat:1")).map((t) => t.question), ["second", "third"], "the other instance sees the last turns, in order");
  assert.deepEqual(await b.recent("chat:2"), []);
  // A row edited by hand into no turn is left out; the others still read.
  await poolA.query(`UPDATE ${schema}.conversation_turns SET turn = '{"question": 5}'::jsonb WHERE turn->>'question' = 'second'`);
  assert.deepEqual((await b.recent("chat:1")).map((t) => t.question), ["third"]);

  const limitA = new PgRateLimitClient(poolA, schema, onError);
  const limitB = new PgRateLimitClient(poolB, schema, onError);
  assert.equal(await limitA.incr("user:7"), 1);
  await limitA.pexpire("user:7", 300);
  assert.equal(await limitB.incr("user:7"), 2, "one counter across instances");
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(await limitB.incr("user:7"), 1, "a new window starts at 1");
  assert.deepEqual(errors, []);
  await Promise.all([poolA.end(), poolB.end()]);

  const down = createPool("postgres://postgres@127.0.0.1:1/none", { max: 1 });
  assert.deepEqual(await new PgConversationStore(down, schema, { turns: 2, maxAgeMs: 60_000, onError }).recent("chat:1"), []);
  assert.equal(await new PgRateLimitClient(down, schema, onError).incr("user:7"), 0, "let through");
  assert.deepEqual(errors, ["reading the conversation", "counting for the rate limit"]);
  await down.end();
});

test("with a database, access approvals and feedback are shared: what one instance records, the other acts on", async () => {
  const schema = `t${process.pid}_${++schemas}`;
  const [poolA, poolB] = [createPool(url, { max: 1 }), createPool(url, { max: 1 })];
  const configured = { users: [1], chats: [], admins: [42] };
  const a = await AccessList.open(new PgAccessStore(poolA, schema), configured);
  const b = await AccessList.open(new PgAccessStore(poolB, schema), configured);
  assert.equal(await a.request(7, { name: "Seven", username: "seven" }), "added");
  assert.equal(await b.request(7, { name: "Seven", username: "seven" }), "known", "the other instance does not ask the admins again");
  assert.equal(b.user(7), "pending");
  await a.approveUser(7);
  assert.equal(b.user(7), "pending", "not yet read");
  await b.refresh();
  assert.equal(b.user(7), "allowed", "approved through the other instance");
  assert.equal(b.describe(7), "Seven (@seven, id 7)", "who it is travels with the approval");
  await Promise.all([a.denyUser(8), b.allowChat(-100)]);
  const both = await AccessList.open(new PgAccessStore(poolA, schema), configured);
  assert.deepEqual([both.user(8), both.chatAllowed(-100)], ["denied", true], "neither change overwrote the other");

  const fa = await PgFeedback.open(poolA, schema, { retentionDays: 90 });
  const fb = await PgFeedback.open(poolB, schema, { retentionDays: 90 });
  const key = await fa.remember(-100, 7, { question: "Who?", text: "Gref [1].", lang: "en", abstained: false, citations: [] });
  assert.equal((await fb.recall(key))?.answer.text, "Gref [1].");
  assert.deepEqual(await fb.vote(key, 7, "up"), { up: 1, down: 0 });
  assert.deepEqual(await fa.vote(key, 7, "down"), { up: 0, down: 1 }, "one vote per person: a second press changes it");
  assert.deepEqual(await fa.vote(key, 9, "down"), { up: 0, down: 2 });
  assert.equal(await fb.vote("no-such-key", 7, "up"), undefined);
  await fb.abstained(-100, 7, "What is the moon made of?", "The documents do not answer this.");
  const { rows } = await poolA.query(`SELECT question FROM "${schema}".feedback_unanswered`);
  assert.deepEqual(rows.map((r) => r.question), ["What is the moon made of?"]);

  // Entries past the retention go while the bot runs too, once a day, not only at its start.
  await poolA.query(`UPDATE "${schema}".feedback_unanswered SET at = now() - interval '100 days'`);
  await fa.abstained(-100, 7, "Same day", "-");
  const count = async () => (await poolA.query(`SELECT count(*)::int AS n FROM "${schema}".feedback_unanswered`)).rows[0].n;
  assert.equal(await count(), 2, "not again within the day");
  const now = Date.now();
  mock.method(Date, "now", () => now + 25 * 60 * 60 * 1000);
  try {
    await fa.abstained(-100, 7, "Next day", "-");
  } finally {
    mock.restoreAll();
  }
  const left = (await poolA.query(`SELECT question FROM "${schema}".feedback_unanswered ORDER BY question`)).rows.map((r) => r.question);
  assert.deepEqual(left, ["Next day", "Same day"]);
  await Promise.all([poolA.end(), poolB.end()]);
});

test("with pgvector too, a search limited to collections knows nothing of the others (filtered in the index scan and in the lexical SQL)", async () => {
  const root = await tempDir();
  const docsDir = await writeCollectionsFolder(root);
  const schema = `t${process.pid}_${++schemas}`;
  const config = testConfig({ DOCS_DIR: docsDir, VECTOR_STORE: "pgvector", DATABASE_URL: url, PG_SCHEMA: schema });
  const { log } = memoryLogger();
  const pool = createPool(url, { max: 1, ef: config.retrieval.hnswEf });
  try {
    const options = { ...knowledgeBaseOptions(config, log, await createEmbeddings(config, log)), backend: pgBackend(pool, schema) };
    const { kb } = await KnowledgeBase.open(options, { enabled: true });
    await assertCollectionsIsolated(kb);
  } finally {
    await pool.end();
  }
});

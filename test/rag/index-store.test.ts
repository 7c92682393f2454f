import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { IndexCorruptError, IndexMismatchError, IndexNotFoundError } from "../../src/errors.js";
import { HashingEmbeddings } from "../../src/rag/embeddings/index.js";
import { buildGraph, currentBuildDir, loadIndex, writeIndex } from "../../src/store/local/index-store.js";
import { PackedPassages } from "../../src/store/local/passages-file.js";
import type { Chunk } from "../../src/documents/types.js";
import { eventLoopTurnsDuring, tempDir } from "../helpers/util.js";

const emb = new HashingEmbeddings(64);
const info = { provider: "hashing" as const, model: emb.modelName, dimensions: 64 };

function chunk(i: number, text: string): Chunk {
  return { id: `doc.txt#${i}`, source: "doc.txt", collection: "main", title: "Doc", lang: "en", text, section: null, page: null, pageEnd: null, hash: `h${i}`, start: i * 100, end: i * 100 + text.length };
}

async function write(dir: string, texts: string[], collection: (i: number) => string = () => "main") {
  const chunks = texts.map((t, i) => ({ ...chunk(i, t), collection: collection(i) }));
  const buildDir = await writeIndex(dir, {
    chunks,
    graph: await buildGraph(await emb.embedDocuments(texts), 64, { m: 16, efConstruction: 100 }),
    embeddings: emb,
    hnsw: { m: 16, efConstruction: 100 },
    manifest: { embeddings: info, chunking: { size: 800, overlap: 100 }, documents: [], skipped: [], builtAt: new Date().toISOString(), buildMs: 1 },
  });
  return { buildDir, chunks };
}

test("save and load round trip keeps chunks, vectors and search, with ef set", async () => {
  const dir = await tempDir();
  await assert.rejects(loadIndex(dir, { embeddings: emb, info, ef: 64 }), IndexNotFoundError);
  const texts = ["Putin met Buterin in St. Petersburg", "Gref leads Sberbank", "Hyperledger Fabric voting platform"];
  await write(dir, texts);
  const index = await loadIndex(dir, { embeddings: emb, info, ef: 77 });
  assert.equal(index.store.index.getEf(), 77);
  assert.deepEqual(index.passages.all().map((c) => c.text), texts);
  assert.equal(index.passages.all()[1]!.start, 100);
  const [hit] = await index.store.similaritySearchWithScore("Who leads Sberbank?", 1);
  assert.equal(hit![0].pageContent, "Gref leads Sberbank");
});

test("an index built with other embeddings is refused with a message to reindex", async () => {
  const dir = await tempDir();
  await write(dir, ["one", "two"]);
  await assert.rejects(loadIndex(dir, { embeddings: emb, info: { ...info, model: "other" }, ef: 64 }), (error: unknown) => {
    assert.ok(error instanceof IndexMismatchError);
    assert.match(error.message, /hashing-v5-64.*other/);
    assert.match(error.hint, /npm run ingest/);
    return true;
  });
  await assert.rejects(loadIndex(dir, { embeddings: emb, info: { ...info, dimensions: 32 }, ef: 64 }), IndexMismatchError);
});

test("an interrupted build leaves the previous index serving, and is cleaned up by the next one", async () => {
  const dir = await tempDir();
  await write(dir, ["old passage about banks"]);
  const before = await currentBuildDir(dir);
  // What a crash mid-build leaves: a half-written build directory that nothing points to.
  const partial = path.join(dir, "builds", ".tmp-crashed");
  await fs.mkdir(partial, { recursive: true });
  await fs.writeFile(path.join(partial, "hnswlib.index"), "garbage");
  await fs.writeFile(path.join(dir, ".current.json.crashed"), "{");
  const index = await loadIndex(dir, { embeddings: emb, info, ef: 64 });
  assert.equal(index.passages.all()[0]!.text, "old passage about banks");
  assert.equal(await currentBuildDir(dir), before);

  await write(dir, ["new passage"]);
  assert.deepEqual((await fs.readdir(path.join(dir, "builds"))).length, 1, "old and crashed builds removed");
  assert.ok(!(await fs.readdir(dir)).some((n) => n.includes("crashed")));
});

test("a build that fails half way leaves nothing behind and the previous index serving", async () => {
  const dir = await tempDir();
  await write(dir, ["a passage", "another passage"]);
  const wrong = await buildGraph(await emb.embedDocuments(["x"]), 64, { m: 16, efConstruction: 100 });
  await assert.rejects(
    writeIndex(dir, { chunks: [chunk(0, "x")], graph: wrong, embeddings: emb, hnsw: { m: 16, efConstruction: 100 }, manifest: { embeddings: { ...info, dimensions: 32 }, chunking: { size: 800, overlap: 100 }, documents: [], skipped: [], builtAt: "", buildMs: 1 } }),
    /differ in dimensions/,
  );
  assert.deepEqual((await fs.readdir(path.join(dir, "builds"))).filter((name) => name.startsWith(".tmp-")), [], "no half-written build left");
  assert.deepEqual((await loadIndex(dir, { embeddings: emb, info, ef: 64 })).passages.all().map((c) => c.text), ["a passage", "another passage"]);
});

test("a corrupted index file is reported as corrupt, not as a crash", async () => {
  const dir = await tempDir();
  const { buildDir: build } = await write(dir, ["a passage", "another passage"]);
  await fs.writeFile(path.join(build, "passages.bin"), "DQARRAY1 cut short");
  await assert.rejects(loadIndex(dir, { embeddings: emb, info, ef: 64 }), (error: unknown) => {
    assert.ok(error instanceof IndexCorruptError);
    assert.match(error.hint, /npm run ingest/);
    return true;
  });
  await fs.writeFile(path.join(dir, "current.json"), "nonsense");
  await assert.rejects(loadIndex(dir, { embeddings: emb, info, ef: 64 }), IndexCorruptError);
});

test("a search limited to collections finds only their passages, exactly for a small collection and through hnswlib's filter for a large one, with the same nearest first", async () => {
  const { scopedDenseSearch } = await import("../../src/store/local/scoped-search.js");
  const dir = await tempDir();
  const texts = Array.from({ length: 60 }, (_, i) => `Passage ${i} about ${["boats", "trains", "planes"][i % 3]} and harbour number ${i}.`);
  const { chunks } = await write(dir, texts, (i) => (i % 10 === 0 ? "narrow" : "main"));
  const index = await loadIndex(dir, { embeddings: emb, info, ef: 100 });
  const query = await emb.embedQuery("boats and harbour number 30");
  const narrow = new Set(["narrow"]);
  const exact = await (await scopedDenseSearch(index, narrow)).similaritySearchVectorWithScore(query, 3);
  const filtered = await (await scopedDenseSearch(index, narrow, 0)).similaritySearchVectorWithScore(query, 3);
  const ids = (hits: [{ metadata: Record<string, unknown> }, number][]) => hits.map(([d]) => String(d.metadata.id));
  const narrowIds = new Set(chunks.filter((c) => c.collection === "narrow").map((c) => c.id));
  assert.equal(exact.length, 3);
  assert.ok([...ids(exact), ...ids(filtered)].every((id) => narrowIds.has(id)), "only the collection's passages");
  assert.equal(ids(exact)[0], "doc.txt#30");
  assert.deepEqual(ids(filtered), ids(exact), "the graph search agrees with the exact one");
  assert.ok(Math.abs(exact[0]![1] - filtered[0]![1]) < 1e-4, "the same distance scale");
});

test("the lexical index is read from the build with the same scores as one made from the passages; a missing or damaged file is made again, saying why, and written back", async () => {
  const { MemoryCorpus, buildLexicon, passagesOf } = await import("../../src/rag/corpus.js");
  const { memoryLogger } = await import("../helpers/util.js");
  const dir = await tempDir();
  const texts = [
    "Die Sberbank wird von Herman Gref geleitet.",
    "Putin met Vitalik Buterin at the economic forum in St. Petersburg.",
    "The Central Bank regulates digital assets and blockchain platforms.",
    "Hyperledger Fabric runs the voting platform of the bank.",
  ];
  const { buildDir, chunks } = await write(dir, texts);
  const fromPassages = buildLexicon(passagesOf(chunks));
  const search = async (corpus: InstanceType<typeof MemoryCorpus>) =>
    Promise.all(["bank", "buterin", "plattform", "regulates digital"].map((q) => corpus.lexical(q.split(" ").map((term) => ({ term, weight: 1 })), 4)));
  const expected = await search(new MemoryCorpus(chunks, fromPassages));
  assert.ok(expected[0]!.length >= 2 && expected[1]!.length === 1, "the searches find something to compare");

  const read = await loadIndex(dir, { embeddings: emb, info, ef: 64 });
  assert.deepEqual(read.lexicon.bm25.toArrays(), fromPassages.bm25.toArrays(), "the same postings");
  assert.deepEqual(await search(new MemoryCorpus(read.passages, read.lexicon)), expected, "the same scores");
  assert.deepEqual(read.lexicon.fuzzy.similar("platform", 3), fromPassages.fuzzy.similar("platform", 3));

  const file = path.join(buildDir, "lexicon.bin");
  const flipByte = async (target: string, at: (size: number) => number) => {
    const bytes = await fs.readFile(target);
    bytes[at(bytes.length)]! ^= 0x5a;
    await fs.writeFile(target, bytes);
  };
  const otherAnalyser = async () => {
    // As if the stopwords or Node's Unicode data had changed since the build (the header is not checksummed, the fingerprint is checked).
    const text = (await fs.readFile(file)).toString("latin1");
    await fs.writeFile(file, Buffer.from(text.replace(/"analyser":"[0-9a-f]{16}"/, `"analyser":"${"0".repeat(16)}"`), "latin1"));
  };
  const damages = [() => fs.rm(file), () => fs.truncate(file, 100), () => fs.writeFile(file, "not a lexicon"), () => flipByte(file, (n) => n - 3), otherAnalyser];
  const reasons = /missing|cut short|not an arrays file|checksum|another word analyser/;
  for (const damage of damages) {
    await damage();
    const { log, lines } = memoryLogger();
    const again = await loadIndex(dir, { embeddings: emb, info, ef: 64, log });
    const warning = lines.find((l) => l.includes("lexical index cannot be read"));
    assert.ok(warning && reasons.test(warning), `says why: ${warning}`);
    assert.deepEqual(await search(new MemoryCorpus(again.passages, again.lexicon)), expected);
    const { log: quiet, lines: none } = memoryLogger();
    await loadIndex(dir, { embeddings: emb, info, ef: 64, log: quiet });
    assert.equal(none.filter((l) => l.includes("lexical")).length, 0, "written back: the next start reads it");
  }
});

test("every language a passage is in is kept with its words through a build and a load, the fifteenth too", async () => {
  const { MemoryCorpus } = await import("../../src/rag/corpus.js");
  const dir = await tempDir();
  const texts = ["The backup runs every night.", "Säkerhetskopian körs varje natt.", "Yedekleme her gece çalışır.", "Die Sicherung läuft jede Nacht."];
  const langs = ["en", "sv", "tr", "de"] as const;
  const chunks = texts.map((t, i) => ({ ...chunk(i, t), lang: langs[i]! }));
  await writeIndex(dir, {
    chunks,
    graph: await buildGraph(await emb.embedDocuments(texts), 64, { m: 16, efConstruction: 100 }),
    embeddings: emb,
    hnsw: { m: 16, efConstruction: 100 },
    manifest: { embeddings: info, chunking: { size: 800, overlap: 100 }, documents: [], skipped: [], builtAt: new Date().toISOString(), buildMs: 1 },
  });
  const read = await loadIndex(dir, { embeddings: emb, info, ef: 64 });
  const corpus = new MemoryCorpus(read.passages, read.lexicon);
  assert.ok(corpus.usedIn("sakerhetskopian", "sv") && corpus.usedIn("yedekleme", "tr") && corpus.usedIn("sicherung", "de"));
  assert.ok(!corpus.usedIn("sakerhetskopian", "en") && !corpus.usedIn("backup", "tr"));
  for (const lang of langs) assert.ok(corpus.usedIn(["backup", "sakerhetskopian", "yedekleme", "sicherung"][langs.indexOf(lang)]!, lang), lang);
});

test("a damaged passages file fails the load as a corrupt index (which is rebuilt), not a question later; words in letters outside the Basic Multilingual Plane are indexed", async () => {
  const dir = await tempDir();
  const { buildDir } = await write(dir, ["𞤀𞤣𞤤𞤢𞤥 𞤆𞤵𞤤𞤢𞤪 is written in Adlam", "𠀀𠀁 and 𪜀𪜁𪜂 are rare Chinese characters", "plain text"]);
  const index = await loadIndex(dir, { embeddings: emb, info, ef: 64 });
  const { MemoryCorpus } = await import("../../src/rag/corpus.js");
  const corpus = new MemoryCorpus(index.passages, index.lexicon);
  const { terms } = await import("../../src/rag/text.js");
  const [word] = terms("𞤀𞤣𞤤𞤢𞤥"); // lower-cased: Adlam has capitals
  assert.equal(corpus.df(word!), 1);
  assert.deepEqual(corpus.similar(terms("𞤀𞤣𞤤𞤢𞤦")[0]!, 1).map((s) => s.term), [word]);
  assert.equal(corpus.df(terms("𪜁")[0]!), 1);
  const file = path.join(buildDir, "passages.bin");
  const bytes = await fs.readFile(file);
  bytes[bytes.length - 40]! ^= 0x5a; // inside the last arrays, past the header
  await fs.writeFile(file, bytes);
  await assert.rejects(loadIndex(dir, { embeddings: emb, info, ef: 64 }), (error: unknown) => error instanceof IndexCorruptError && /checksum/.test(String((error as Error).cause ?? error.message)));
});

test("the passages table of a large build is made with the event loop running: the bot still answers while a reindex writes", async () => {
  const chunks = Array.from({ length: 40_000 }, (_, i) => ({
    id: `passage-${i}`,
    source: `doc${i % 200}.md`,
    collection: "main",
    title: `Document ${i % 200}`,
    lang: "en",
    text: `Passage ${i} tells of the harbour, the lighthouse and the lock gates at high tide. `.repeat(8),
    section: "Harbour › Gates",
    page: null,
    pageEnd: null,
    start: i * 700,
    end: i * 700 + 700,
    hash: `h${i}`,
  })) as unknown as Chunk[];
  const { result: passages, turns } = await eventLoopTurnsDuring(() => PackedPassages.from(chunks, chunks.map((_, i) => i)));
  assert.equal(passages.length, 40_000);
  assert.equal(passages.chunk(passages.row("passage-31337")).text, chunks[31337]!.text);
  // (Made in one piece, none: some 0.7 s of work on the bot's thread.)
  assert.ok(turns > 3, `${turns} turns of the event loop`);
});

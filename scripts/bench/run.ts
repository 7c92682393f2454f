import { benchOcr, type OcrBench } from "./ocr.js";
import { createDocumentReader } from "../../src/documents/reader.js";
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Document } from "@langchain/core/documents";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { MemoryVectorStore } from "@langchain/classic/vectorstores/memory";
import hnswlib from "hnswlib-node";
import { createLogger } from "../../src/logger.js";
import { HashingEmbeddings } from "../../src/rag/embeddings/hashing.js";
import type { EmbeddingsHandle } from "../../src/rag/embeddings/types.js";
import type { IngestOptions, IngestProgress } from "../../src/rag/ingest.js";
import { ingest } from "../../src/store/local/build.js";
import { currentBuildDir, loadIndex } from "../../src/store/local/index-store.js";
import { buildLexicon, lexiconOf, MemoryCorpus, type Corpus } from "../../src/rag/corpus.js";
import type { DenseSearch } from "../../src/store/backend.js";
import { EXACT_SEARCH_UP_TO, scopedDenseSearch } from "../../src/store/local/scoped-search.js";
import { HybridRetriever } from "../../src/rag/retrieve.js";
import { createPool, pgBackend } from "../../src/store/pg/backend.js";
import { BruteForce, latency, loopHeld, recallAt, timeEach } from "./stats.js";
import { syntheticCorpus } from "./synthetic.js";

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly dims: number;
  readonly m: number;
  readonly efConstruction: number;
  readonly ef: number;
  readonly efSweep: readonly number[];
  readonly queries: number;
  /** Queries for the slow baselines (MemoryVectorStore, brute force). */
  readonly baselineQueries: number;
  /** The size at which M and efConstruction are swept (0: no sweep). */
  readonly paramSweepSize: number;
  readonly realCorpusDir?: string;
  readonly memory: boolean;
  /** Scanned pages read by OCR for the OCR row (0: none). */
  readonly ocrPages: number;
  /** Tesseract languages of the OCR row (OCR_LANGUAGES). */
  readonly ocrLanguages: readonly string[];
  /** Postgres databases to run the pgvector store on beside hnswlib (PGlite in process; a server). */
  readonly pgTargets?: readonly { label: string; url: string; maxChunks: number }[];
  readonly log?: (line: string) => void;
}

/** Hashing embeddings that add up the time spent embedding. */
class TimedEmbeddings extends HashingEmbeddings {
  ms = 0;
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const t = performance.now();
    const out = await super.embedDocuments(texts);
    this.ms += performance.now() - t;
    return out;
  }
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const name of await fs.readdir(dir)) total += (await fs.stat(path.join(dir, name))).size;
  return total;
}

const silent = createLogger({ level: "silent", secrets: [] });

/** The collection of about 1% of the documents that the filtered rows search alone. */
const NARROW = "narrow";

export interface SizeResult {
  chunks: number;
  documents: number;
  ingest: { seconds: number; chunksPerSecond: number; embedSeconds: number; overheadShare: number; stages: Record<string, number> };
  reingestUnchanged: { seconds: number; speedup: number };
  reingestOneDocEdited: { seconds: number; embedded: number; speedup: number };
  /**
   * loadSeconds: files read; readySeconds: until a question can be answered; lexiconRebuildSeconds:
   * analysing every passage again (what each start cost before lexicon.bin), all of it on the event
   * loop; lexiconOffLoop: the same lexicon as a build makes it now (in a worker past a small size),
   * and the longest the event loop waited meanwhile.
   */
  index: { buildSeconds: number; diskMb: number; loadSeconds: number; readySeconds: number; lexiconRebuildSeconds: number; lexiconOffLoop: { seconds: number; loopHeldMs: number } };
  retrieval: {
    efSweep: { ef: number; recallAt10: number; p50: number; p95: number }[];
    configured: { ef: number; recallAt10: number; dense: { p50: number; p95: number }; hybrid: { p50: number; p95: number } };
    bruteForce: { p50: number; p95: number };
    memoryVectorStore: { p50: number; p95: number; recallAt10: number };
    langchainDefaults: { ef: number; p50: number; p95: number; recallAt10: number };
    speedupVsBruteForceP95: number;
  };
  /** The same documents in Postgres + pgvector (VECTOR_STORE=pgvector), per database. */
  pgvector?: {
    label: string;
    ingestSeconds: number;
    reingestUnchangedSeconds: number;
    reingestOneDocEdited: { seconds: number; embedded: number };
    loadSeconds: number;
    dense: { p50: number; p95: number };
    /** The whole retrieval, with BM25 in SQL. */
    hybrid: { p50: number; p95: number };
    recallAt10: number;
  }[];
  /** Questions searching one collection of about 1% of the passages (recall against exact search within it). */
  filtered?: {
    store: string;
    share: number;
    dense: { p50: number; p95: number };
    recallAt10: number;
    hybrid: { p50: number; p95: number };
    hybridP95VsUnfiltered: number;
  }[];
}

async function benchSize(n: number, o: BenchOptions, root: string): Promise<{ result: SizeResult; indexDir: string }> {
  const say = o.log ?? (() => {});
  const corpus = syntheticCorpus(n, { queries: o.queries, seed: n });
  const docsDir = path.join(root, `docs-${n}`);
  const indexDir = path.join(root, `index-${n}`);
  await fs.mkdir(docsDir, { recursive: true });
  // About 1% of the documents (at least one) form the collection "narrow": the filtered rows search it alone.
  const narrowEvery = Math.max(2, Math.round(corpus.documents.length / Math.max(1, Math.round(corpus.documents.length / 100))));
  await fs.mkdir(path.join(docsDir, NARROW), { recursive: true });
  for (const [i, d] of corpus.documents.entries()) await fs.writeFile(path.join(docsDir, i % narrowEvery === 0 ? NARROW : "", d.name), d.text);

  const embeddings = new TimedEmbeddings(o.dims);
  const handle: EmbeddingsHandle = { embeddings, info: { provider: "hashing", model: embeddings.modelName, dimensions: o.dims } };
  const stages: Record<string, number> = {};
  let stageStart = performance.now();
  let stage = "";
  const onProgress = (p: IngestProgress) => {
    if (p.stage !== stage) {
      const now = performance.now();
      if (stage) stages[stage] = (stages[stage] ?? 0) + (now - stageStart) / 1000;
      stage = p.stage;
      stageStart = now;
    }
  };
  const options: IngestOptions = {
    docsDir,
    indexDir,
    reader: createDocumentReader({ maxFileBytes: 1e8 }),
    chunkSize: 800,
    chunkOverlap: 100,
    hnsw: { m: o.m, efConstruction: o.efConstruction },
    embeddings: handle,
    log: silent,
    embedBatch: 256,
  };
  say(`  ${n}: ingest`);
  const t0 = performance.now();
  const summary = await ingest({ ...options, onProgress });
  const seconds = (performance.now() - t0) / 1000;
  stages[stage] = (stages[stage] ?? 0) + (performance.now() - stageStart) / 1000;
  const embedSeconds = embeddings.ms / 1000;

  say(`  ${n}: reingest`);
  const t1 = performance.now();
  await ingest(options);
  const unchangedSeconds = (performance.now() - t1) / 1000;
  say(`  ${n}: reingest after editing one document`);
  const first = corpus.documents[1]!;
  await fs.writeFile(path.join(docsDir, first.name), `${first.text}\n\nAn added closing paragraph about nothing in particular.`);
  const t2 = performance.now();
  const editedSummary = await ingest(options);
  const editedSeconds = (performance.now() - t2) / 1000;
  const edited = { seconds: editedSeconds, embedded: editedSummary.embedded, speedup: seconds / editedSeconds };

  say(`  ${n}: load`);
  const buildDir = (await currentBuildDir(indexDir))!;
  const tl = performance.now();
  const index = await loadIndex(indexDir, { embeddings, info: handle.info, ef: o.ef });
  const loadSeconds = (performance.now() - tl) / 1000;
  const retriever = new HybridRetriever(index.store, embeddings, new MemoryCorpus(index.passages, index.lexicon), { k: 10, answerableThreshold: 0.15 });
  const readySeconds = (performance.now() - tl) / 1000;
  // The baseline: what a start cost when the lexical index was made from the passages each time.
  const tr = performance.now();
  buildLexicon(index.passages);
  const lexiconRebuildSeconds = (performance.now() - tr) / 1000;
  const lexiconOffLoop = await loopHeld(() => lexiconOf(index.passages));
  const rows = Array.from({ length: index.passages.length }, (_, i) => i);

  say(`  ${n}: queries`);
  const qvecs = await Promise.all(corpus.queries.map((q) => embeddings.embedQuery(q)));
  const vectors = rows.map((row) => index.store.index.getPoint(index.passages.labels[row]!));
  const brute = new BruteForce(vectors, o.dims);
  const baselineQ = qvecs.slice(0, o.baselineQueries);
  const exact = await timeEach(qvecs, (q) => brute.search(q, 10));
  const truth = exact.results;
  const bruteLatency = latency(exact.ms.slice(0, o.baselineQueries));

  const label = (d: Document) => Number(d.metadata.label ?? index.passages.row(String(d.metadata.id)));
  const idToLabel = new Map(rows.map((row) => [index.passages.id(row), row]));
  const denseRun = async (store: HNSWLib, qs: number[][]) =>
    timeEach(qs, async (q) => (await store.similaritySearchVectorWithScore(q, 10)).map(([d]) => idToLabel.get(String(d.metadata.id)) ?? label(d)));

  const efSweep: SizeResult["retrieval"]["efSweep"] = [];
  for (const ef of o.efSweep) {
    index.store.index.setEf(ef);
    const r = await denseRun(index.store, qvecs);
    efSweep.push({ ef, recallAt10: recallAt(truth, r.results), ...latency(r.ms) });
  }
  index.store.index.setEf(o.ef);
  const dense = await denseRun(index.store, qvecs);
  const hybrid = await timeEach(corpus.queries, (q) => retriever.retrieve(q, 10));

  say(`  ${n}: filtered to one collection`);
  const narrowAt = rows.filter((row) => index.passages.collection(row) === NARROW);
  const narrowBrute = new BruteForce(narrowAt.map((i) => vectors[i]!), o.dims);
  const narrowTruth = qvecs.map((q) => narrowBrute.search(q, 10).map((j) => narrowAt[j]!));
  const narrowSet = new Set([NARROW]);
  const filteredRun = async (store: DenseSearch, corpusOf: Corpus, storeLabel: string, unfilteredHybridP95: number) => {
    const d = await timeEach(qvecs, async (q) => (await store.similaritySearchVectorWithScore(q, 10)).map(([doc]) => idToLabel.get(String(doc.metadata.id)) ?? -1));
    const scopedRetriever = new HybridRetriever(store, embeddings, corpusOf, { k: 10, answerableThreshold: 0.15 });
    const h = await timeEach(corpus.queries, (q) => scopedRetriever.retrieve(q, 10));
    return { store: storeLabel, share: narrowAt.length / index.passages.length, dense: latency(d.ms), recallAt10: recallAt(narrowTruth, d.results), hybrid: latency(h.ms), hybridP95VsUnfiltered: latency(h.ms).p95 / unfilteredHybridP95 };
  };
  const narrowCorpus = await new MemoryCorpus(index.passages, index.lexicon).subset(narrowSet);
  const filtered: NonNullable<SizeResult["filtered"]> = [
    await filteredRun(await scopedDenseSearch(index, narrowSet), narrowCorpus, `hnswlib, exact up to ${EXACT_SEARCH_UP_TO} passages (default)`, latency(hybrid.ms).p95),
    await filteredRun(await scopedDenseSearch(index, narrowSet, 0), narrowCorpus, "hnswlib, graph search with a filter", latency(hybrid.ms).p95),
  ];

  say(`  ${n}: baselines`);
  // LangChain's HNSWLib as it loads by default: hnswlib's ef of 10, never raised (the same
  // graph, read again, searched through HNSWLib at that ef).
  const lcDefault = (await loadIndex(indexDir, { embeddings, info: handle.info, ef: 10 })).store;
  const lc = await denseRun(lcDefault, qvecs);
  const memoryStore = new MemoryVectorStore(embeddings);
  await memoryStore.addVectors(vectors, rows.map((row) => ({ pageContent: "", metadata: { id: index.passages.id(row) } }) as Document));
  const mem = await timeEach(baselineQ, async (q) => (await memoryStore.similaritySearchVectorWithScore(q, 10)).map(([d]) => idToLabel.get(String(d.metadata.id))!));

  const pgvector: NonNullable<SizeResult["pgvector"]> = [];
  for (const target of (o.pgTargets ?? []).filter((t) => n <= t.maxChunks)) {
    say(`  ${n}: pgvector (${target.label})`);
    const pool = createPool(target.url, { max: 2, ef: o.ef });
    const schema = `bench_${n}_${process.pid}`;
    const backend = pgBackend(pool, schema);
    try {
      const tp = performance.now();
      await backend.ingest(options);
      const ingestSeconds = (performance.now() - tp) / 1000;
      const tu = performance.now();
      await backend.ingest(options);
      const reingestUnchangedSeconds = (performance.now() - tu) / 1000;
      const tload = performance.now();
      const served = await backend.load({ embeddings, info: handle.info, ef: o.ef });
      const loadSeconds = (performance.now() - tload) / 1000;
      // Same documents, so the same chunk ids: the exact neighbours above are the truth here too.
      const r = await timeEach(qvecs, async (q) => (await served.store.similaritySearchVectorWithScore(q, 10)).map(([d]) => idToLabel.get(String(d.metadata.id)) ?? -1));
      const pgRetriever = new HybridRetriever(served.store, embeddings, served.corpus, { k: 10, answerableThreshold: 0.15 });
      const pgHybrid = await timeEach(corpus.queries, (q) => pgRetriever.retrieve(q, 10));
      const scoped = await served.scope(narrowSet);
      filtered.push(await filteredRun(scoped.store, scoped.corpus, `pgvector (${target.label})`, latency(pgHybrid.ms).p95));
      const second = corpus.documents[2] ?? first;
      await fs.writeFile(path.join(docsDir, second.name), `${second.text}\n\nAnother added closing paragraph, for the pgvector reingest.`);
      const te = performance.now();
      const editedPg = await backend.ingest(options);
      pgvector.push({
        label: target.label,
        ingestSeconds,
        reingestUnchangedSeconds,
        reingestOneDocEdited: { seconds: (performance.now() - te) / 1000, embedded: editedPg.embedded },
        loadSeconds,
        dense: latency(r.ms),
        hybrid: latency(pgHybrid.ms),
        recallAt10: recallAt(truth, r.results),
      });
    } finally {
      await backend.discard().catch(() => {});
      await pool.end();
    }
  }

  const configuredRecall = recallAt(truth, dense.results);
  return {
    indexDir,
    result: {
      chunks: summary.chunks,
      documents: summary.documents,
      ingest: { seconds, chunksPerSecond: summary.chunks / seconds, embedSeconds, overheadShare: 1 - embedSeconds / seconds, stages },
      reingestUnchanged: { seconds: unchangedSeconds, speedup: seconds / unchangedSeconds },
      reingestOneDocEdited: edited,
      index: { buildSeconds: stages.write ?? NaN, diskMb: (await dirSize(buildDir)) / 2 ** 20, loadSeconds, readySeconds, lexiconRebuildSeconds, lexiconOffLoop },
      retrieval: {
        efSweep,
        configured: { ef: o.ef, recallAt10: configuredRecall, dense: latency(dense.ms), hybrid: latency(hybrid.ms) },
        bruteForce: bruteLatency,
        memoryVectorStore: { ...latency(mem.ms), recallAt10: recallAt(truth.slice(0, mem.results.length), mem.results) },
        langchainDefaults: { ef: lcDefault.index.getEf(), ...latency(lc.ms), recallAt10: recallAt(truth, lc.results) },
        speedupVsBruteForceP95: bruteLatency.p95 / latency(dense.ms).p95,
      },
      ...(pgvector.length ? { pgvector } : {}),
      filtered,
    },
  };
}

export interface ParamSweepRow {
  m: number;
  efConstruction: number;
  buildSeconds: number;
  indexMb: number;
  recall: Record<number, number>;
  p50: Record<number, number>;
}

/** Build cost and recall of a few (M, efConstruction) pairs on the same vectors. */
async function paramSweep(n: number, o: BenchOptions): Promise<ParamSweepRow[]> {
  const corpus = syntheticCorpus(n, { queries: o.queries, seed: n });
  const embeddings = new HashingEmbeddings(o.dims);
  const texts = corpus.documents.flatMap((d) => d.text.split("\n\n").slice(1));
  const vectors = await embeddings.embedDocuments(texts);
  const qvecs = await Promise.all(corpus.queries.map((q) => embeddings.embedQuery(q)));
  const brute = new BruteForce(vectors, o.dims);
  const truth = qvecs.map((q) => brute.search(q, 10));
  const rows: ParamSweepRow[] = [];
  for (const [m, efConstruction] of [[8, 100], [16, 100], [16, 200], [32, 200]] as const) {
    const index = new hnswlib.HierarchicalNSW("cosine", o.dims);
    index.initIndex(vectors.length, m, efConstruction, 100);
    const t = performance.now();
    vectors.forEach((v, i) => index.addPoint(v, i));
    const buildSeconds = (performance.now() - t) / 1000;
    const file = path.join(os.tmpdir(), `bench-sweep-${process.pid}.bin`);
    index.writeIndexSync(file);
    const indexMb = (await fs.stat(file)).size / 2 ** 20;
    await fs.rm(file);
    const recall: Record<number, number> = {};
    const p50: Record<number, number> = {};
    for (const ef of [32, 64, 128]) {
      index.setEf(ef);
      const r = await timeEach(qvecs, (q) => index.searchKnn(q, 10).neighbors);
      recall[ef] = recallAt(truth, r.results);
      p50[ef] = latency(r.ms).p50;
    }
    rows.push({ m, efConstruction, buildSeconds, indexMb, recall, p50 });
  }
  return rows;
}

export interface BenchResult {
  options: Omit<BenchOptions, "log">;
  machine: { cpus: number; node: string; platform: string };
  sizes: SizeResult[];
  realCorpus?: { chunks: number; ingestSeconds: number; hybrid: { p50: number; p95: number } };
  paramSweep?: { size: number; rows: ParamSweepRow[] };
  memory?: { chunks: number; steps: { step: string; rssMb: number; heapMb: number }[]; readySeconds: number; peakRssMb: number; heapUsedMb: number };
  ocr?: OcrBench;
  localModel: { skipped: string } | { rows: { dtype: string; batch: number; sentencesPerSecond: number }[] };
  seconds: number;
}

export async function runBench(o: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const say = o.log ?? (() => {});
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "docsqa-bench-"));
  try {
    const sizes: SizeResult[] = [];
    let largest: { n: number; indexDir: string } | undefined;
    for (const n of o.sizes) {
      say(`corpus of ${n} chunks`);
      const { result, indexDir } = await benchSize(n, o, root);
      sizes.push(result);
      if (!largest || n > largest.n) largest = { n, indexDir };
    }
    let realCorpus: BenchResult["realCorpus"];
    if (o.realCorpusDir) {
      say("real corpus");
      const embeddings = new HashingEmbeddings(o.dims);
      const handle: EmbeddingsHandle = { embeddings, info: { provider: "hashing", model: embeddings.modelName, dimensions: o.dims } };
      const indexDir = path.join(root, "index-real");
      const t = performance.now();
      const s = await ingest({ docsDir: o.realCorpusDir, indexDir, reader: createDocumentReader(), chunkSize: 800, chunkOverlap: 100, hnsw: { m: o.m, efConstruction: o.efConstruction }, embeddings: handle, log: silent });
      const ingestSeconds = (performance.now() - t) / 1000;
      const index = await loadIndex(indexDir, { embeddings, info: handle.info, ef: o.ef });
      const retriever = new HybridRetriever(index.store, embeddings, new MemoryCorpus(index.passages, index.lexicon), { k: 4, answerableThreshold: 0.15 });
      const qs = ["Where did Putin meet Vitalik Buterin?", "Wer leitet die Sberbank?", "When is full regulatory clarity expected?", "Welche Länder nehmen am digitalen Wettlauf teil?"];
      const r = await timeEach([...qs, ...qs, ...qs, ...qs, ...qs], (q) => retriever.retrieve(q));
      realCorpus = { chunks: s.chunks, ingestSeconds, hybrid: latency(r.ms) };
    }
    let sweep: BenchResult["paramSweep"];
    if (o.paramSweepSize > 0) {
      say(`HNSW parameter sweep at ${o.paramSweepSize} chunks`);
      sweep = { size: o.paramSweepSize, rows: await paramSweep(o.paramSweepSize, o) };
    }
    let memory: BenchResult["memory"];
    if (o.memory && largest) {
      say(`memory of a process with the ${largest.n}-chunk index loaded`);
      const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(import.meta.dirname, "memory.ts"), largest.indexDir, String(o.dims)], {
        encoding: "utf8",
      });
      memory = { chunks: largest.n, ...JSON.parse(out.trim().split("\n").at(-1)!) };
    }
    let ocr: OcrBench | undefined;
    if (o.ocrPages > 0) {
      say(`OCR of ${o.ocrPages} scanned pages`);
      ocr = await benchOcr(o.ocrPages, o.ocrLanguages);
    }
    return {
      options: { ...o, log: undefined } as BenchResult["options"],
      machine: { cpus: os.availableParallelism(), node: process.version, platform: `${os.platform()} ${os.arch()}` },
      sizes,
      ...(realCorpus ? { realCorpus } : {}),
      ...(sweep ? { paramSweep: sweep } : {}),
      ...(memory ? { memory } : {}),
      ...(ocr ? { ocr } : {}),
      localModel: await benchLocalModel(say),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

/** Sentences per second of the local model, when it is in the cache (no download is attempted). */
async function benchLocalModel(say: (line: string) => void): Promise<BenchResult["localModel"]> {
  const { loadConfig } = await import("../../src/config.js");
  const { createLocal } = await import("../../src/rag/embeddings/index.js");
  const base = loadConfig();
  const sentences = Array.from({ length: 64 }, (_, i) => `Sentence number ${i}: Putin met Buterin at the forum in St. Petersburg to talk about blockchain.`);
  const rows: { dtype: string; batch: number; sentencesPerSecond: number }[] = [];
  for (const dtype of ["q8", "fp32"] as const) {
    for (const batch of [1, 32]) {
      let handle;
      try {
        handle = await createLocal({ ...base, embeddings: { ...base.embeddings, offline: true, dtype, batchSize: batch } });
      } catch (error) {
        return { skipped: `local model not in MODEL_CACHE_DIR (${(error as Error).message.split("\n")[0]}); run \`npm run ingest\` once with network to download it` };
      }
      say(`local model ${dtype}, batch ${batch}`);
      const t = performance.now();
      await handle.embeddings.embedDocuments(sentences);
      rows.push({ dtype, batch, sentencesPerSecond: sentences.length / ((performance.now() - t) / 1000) });
    }
  }
  return { rows };
}

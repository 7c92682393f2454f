import fs from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../src/config.js";
import { chartSvg, formatReport } from "./bench/report.js";
import { runBench } from "./bench/run.js";
import { parseOptions, run } from "./cli.js";
import { startPglite } from "./bench/pglite.js";

const USAGE = `Usage: npm run bench -- [--sizes 1000,10000,100000] [--json] [--docs] [--quick] [--no-pg] [--pglite-max N]
  --sizes  the index sizes to measure, in passages (each about that many; whole documents are added)
  --docs   also write docs/performance.md and docs/performance.svg
  --quick  small sizes (about 1000 and 5000 passages), for a smoke run
  --no-pg  without the pgvector rows (PGlite; a server with BENCH_DATABASE_URL)
  --pglite-max N  largest size run on PGlite (default 10000: its HNSW build is slow)`;

run(async () => {
  const { values } = parseOptions(USAGE, {
    sizes: { type: "string" },
    json: { type: "boolean", default: false },
    docs: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    "no-pg": { type: "boolean", default: false },
    "pglite-max": { type: "string" },
  });
  const config = loadConfig();
  const sizes = (values.sizes ?? (values.quick ? "1000,5000" : "1000,10000,100000")).split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error(`--sizes takes whole numbers >= 10, got ${values.sizes}`);
  // pgvector beside hnswlib: PGlite (PostgreSQL + pgvector in this process, over the wire
  // protocol) always; a real server too with BENCH_DATABASE_URL.
  const pglite = values["no-pg"] ? undefined : await startPglite();
  const pgTargets = [
    // PGlite builds HNSW in WebAssembly, about ten times slower than a server: by default only up to 10,000 chunks.
    ...(pglite ? [{ label: "PGlite", url: pglite.url, maxChunks: Number(values["pglite-max"] ?? 10_000) }] : []),
    ...(process.env.BENCH_DATABASE_URL ? [{ label: "server", url: process.env.BENCH_DATABASE_URL, maxChunks: Infinity }] : []),
  ];
  const result = await runBench({
    pgTargets,
    sizes,
    dims: 384,
    m: config.retrieval.hnswM,
    efConstruction: config.retrieval.hnswEfConstruction,
    ef: config.retrieval.hnswEf,
    efSweep: [10, 16, 32, 64, 128, 256],
    queries: 200,
    baselineQueries: 50,
    // The graph-parameter sweep is at 10,000 chunks: only when that size is asked for.
    paramSweepSize: !values.quick && sizes.includes(10_000) ? 10_000 : 0,
    realCorpusDir: config.docsDir,
    memory: true,
    ocrPages: config.ocr ? (values.quick ? 2 : 6) : 0,
    ocrLanguages: config.ocr?.languages ?? [],
    log: values.json ? undefined : (line) => process.stderr.write(`${line}\n`),
  }).finally(() => pglite?.stop());
  const report = formatReport(result);
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `\n${report}\n`);
  if (values.docs) {
    const command = `npm run bench -- --docs${values.sizes ? ` --sizes ${values.sizes}` : ""}${values.quick ? " --quick" : ""}${values["pglite-max"] ? ` --pglite-max ${values["pglite-max"]}` : ""}${values["no-pg"] ? " --no-pg" : ""}`;
    await fs.mkdir("docs", { recursive: true });
    await fs.writeFile(path.join("docs", "performance.svg"), chartSvg(result));
    await fs.writeFile(path.join("docs", "performance.md"), performanceDoc(report, command, new Date().toISOString().slice(0, 10)));
    process.stderr.write("wrote docs/performance.md and docs/performance.svg\n");
  }
  return 0;
});

function performanceDoc(report: string, command: string, date: string): string {
  return `# Performance

Measured ${date} with \`${command}\` (offline, deterministic synthetic corpora of topic-clustered
paragraphs, one chunk each, embedded with the \`hashing\` provider so no model download is needed;
plus the real corpus in \`data/docs\`). Ratios matter more than absolute numbers: every figure in
a row comes from the same run on the same machine.

![latency and recall against corpus size](performance.svg)

${report}

## What the columns mean

- **outside embedding**: share of ingestion time not spent in the embeddings call (loading,
  splitting, index build and save). With the hashing provider embedding is cheap, so this share
  is high; with the local model embedding dominates.
- **full / unchanged**: a full build divided by a reingest of the same, unchanged documents
  (which keeps the current index after comparing document hashes with the manifest).
- **1 doc edited**: reingest after one document changed: only its new chunks are embedded and
  inserted into the previous HNSW graph (its old chunks are marked deleted); the graph is rebuilt
  from the stored vectors only once deleted points pass a quarter of it.
- **recall@10**: share of the exact top 10 (brute-force cosine over the same vectors) that the
  index returns.
- **LangChain HNSWLib default**: the same index loaded through LangChain's \`HNSWLib.load\`
  without raising ef, which leaves hnswlib's default of 10 (the graph itself is the one built
  with this project's M / efConstruction).
- **MemoryVectorStore**: LangChain's exact in-memory store (a JavaScript scan; 50 queries).
- **pgvector**: the same documents ingested into Postgres with \`VECTOR_STORE=pgvector\`
  (generations, HNSW \`vector_cosine_ops\` with the same M / efConstruction, \`hnsw.ef_search\` =
  ef), searched through the wire protocol. PGlite is PostgreSQL compiled to WebAssembly running
  in this process: its HNSW build is about ten times slower than a native server's, so it runs
  up to 10,000 chunks unless \`--pglite-max\` says otherwise; set \`BENCH_DATABASE_URL\` to add a
  real server at every size.
- **hybrid**: the whole retrieval the bot runs: query embedding, HNSW, BM25 with fuzzy query
  expansion, rank fusion and the answerability signal.
- **Filtered to one collection**: questions that search one collection of about 1% of the
  passages (more at the smallest sizes: the share is in each row; a chat limited by \`COLLECTIONS_BY_CHAT\`), with recall@10 against exact search within
  that collection and the whole retrieval's p95 against the unfiltered p95 of the same store. The
  local index searches a collection of up to 20,000 passages exactly over its vectors (the
  default row) and larger ones with hnswlib's filtered graph search (the second row shows what
  that would cost at 1%: it keeps recall but visits far more of the graph); pgvector filters
  inside its iterative index scan.
`;
}

/**
 * Run as a child process: loads an index the way the bot does and reports resident memory after
 * each step, as one JSON line on stdout. Usage: tsx scripts/bench/memory.ts INDEX_DIR DIMENSIONS
 */
import { HashingEmbeddings } from "../../src/rag/embeddings/hashing.js";
import { loadIndex } from "../../src/store/local/index-store.js";
import { MemoryCorpus } from "../../src/rag/corpus.js";
import { HybridRetriever } from "../../src/rag/retrieve.js";

const [indexDir, dims] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/** Resident memory, and the JS heap that is still referenced (after a full collection). */
const measure = (step: string) => {
  gc();
  const m = process.memoryUsage();
  return { step, rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20 };
};
const steps = [measure("node + modules")];
const embeddings = new HashingEmbeddings(Number(dims));
const info = { provider: "hashing" as const, model: embeddings.modelName, dimensions: embeddings.dimensions };
const started = performance.now();
const index = await loadIndex(indexDir!, { embeddings, info, ef: 64 });
steps.push(measure("HNSW graph (native), passages and lexical index read"));
const retriever = new HybridRetriever(index.store, embeddings, new MemoryCorpus(index.passages, index.lexicon), { k: 4, answerableThreshold: 0.15 });
const readySeconds = (performance.now() - started) / 1000;
steps.push(measure("retriever ready"));
for (let i = 0; i < 20; i++) await retriever.retrieve(`query number ${i} about synthetic words`);
steps.push(measure("after 20 queries"));
process.stdout.write(
  `${JSON.stringify({ steps, readySeconds, peakRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20 })}\n`,
);

/**
 * Run as a child process: loads an index the way the bot does and reports resident memory after
 * each step, as one JSON line on stdout. Usage: tsx scripts/bench/memory.ts INDEX_DIR DIMENSIONS
 */
import { readFileSync } from "node:fs";
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
// Timed without the measuring steps (a full garbage collection each).
const started = performance.now();
const index = await loadIndex(indexDir!, { embeddings, info, ef: 64 });
const retriever = new HybridRetriever(index.store, embeddings, new MemoryCorpus(index.passages, index.lexicon), { k: 4, answerableThreshold: 0.15 });
const readySeconds = (performance.now() - started) / 1000;
steps.push(measure("HNSW graph (native), passages and lexical index read; retriever ready"));
for (let i = 0; i < 20; i++) await retriever.retrieve(`query number ${i} about synthetic words`);
steps.push(measure("after 20 queries"));
/**
 * This process's own peak: Linux keeps getrusage's maxRSS across exec, so a child of a large bench
 * process would report its parent's peak; VmHWM in /proc belongs to this process's memory alone.
 */
function peakRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
process.stdout.write(`${JSON.stringify({ steps, readySeconds, peakRssMb: peakRssMb(), heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20 })}\n`);

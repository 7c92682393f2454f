import { collectionOf } from "../../documents/collections.js";
import { AppError, IndexMismatchError } from "../../errors.js";
import { lexiconOf, passagesOf } from "../../rag/corpus.js";
import { describeSpace } from "../../rag/embeddings/types.js";
import { changesSince, embedChunks, folderPath, readDocuments, unchangedSummary, upToDate, type IngestOptions, type IngestSummary } from "../../rag/ingest.js";
import type { Manifest } from "../backend.js";
import { slicer } from "../../event-loop.js";
import { withBuildLock } from "./build-lock.js";
import { hnswlib } from "./hnswlib.js";
import { buildGraph, calibrateGraph, currentBuildDir, loadDocstoreBuild, loadIndex, readManifest, storedVectors, updateGraph, writeIndex, type LoadedIndex } from "./index-store.js";

/**
 * What the previous index can give: its manifest and, if it is in the same space, a private copy
 * of it (its vectors are reused, and its graph may be updated rather than rebuilt).
 */
async function previousIndex(options: IngestOptions): Promise<{ manifest?: Manifest; index?: LoadedIndex }> {
  const { embeddings, indexDir, log } = options;
  let manifest: Manifest | undefined;
  try {
    manifest = await readManifest(indexDir);
  } catch (error) {
    log.warn({ err: error }, "previous index unreadable; building from scratch");
    return {};
  }
  if (!manifest) return {};
  try {
    return { manifest, index: await loadIndex(indexDir, { embeddings: embeddings.embeddings, info: embeddings.info, ef: 10, log }) };
  } catch (error) {
    const why = error instanceof AppError ? error.message : String(error);
    const older = error instanceof IndexMismatchError ? await loadDocstoreBuild(indexDir, { embeddings: embeddings.embeddings, info: embeddings.info }).catch(() => undefined) : undefined;
    if (older) {
      log.info(`previous index of an older format (${why}); reusing its vectors`);
      return { manifest, index: older };
    }
    log.info({ previous: describeSpace(manifest.embeddings) }, `previous index not reusable (${why}); embedding everything`);
    return { manifest };
  }
}

/**
 * The one ingestion pipeline (used by `npm run ingest`, start-up and /reindex):
 * load -> split -> embed (reusing unchanged chunks' vectors) -> write a new index atomically.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  // Before any work: a missing native addon stops ingestion at once, with what to install.
  hnswlib();
  // One builder at a time: a second one is told another build runs, and no build directory is
  // removed while its builder writes it.
  return withBuildLock(options.indexDir, () => build(options));
}

async function build(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { log, embeddings } = options;
  const progress = options.onProgress ?? (() => {});
  const { documents, chunks, skipped, warnings } = await readDocuments(options);

  const current = await readManifest(options.indexDir).catch(() => undefined);
  const currentDir = current && (await currentBuildDir(options.indexDir).catch(() => undefined));
  const folder = await folderPath(options.docsDir);
  const sameFolder = !current?.docsDir || current.docsDir === folder;
  if (!options.force && current && currentDir && sameFolder && upToDate(current, documents, options)) {
    log.info({ documents: documents.length, chunks: current.chunkCount }, "documents unchanged; the current index stays");
    return unchangedSummary(options, { documents, skipped, warnings, chunks: current.chunkCount, started, buildDir: currentDir });
  }
  log.info({ documents: documents.length, chunks: chunks.length, skipped: skipped.length }, "documents split");

  const previous = await previousIndex(options);
  const prev = previous.index;
  const stored = prev ? await storedVectors(prev) : undefined;
  // With the same graph parameters the previous graph is updated: chunks already in it need nothing.
  const updatable =
    prev !== undefined && prev.manifest.hnsw.m === options.hnsw.m && prev.manifest.hnsw.efConstruction === options.hnsw.efConstruction;
  const inGraph = (id: string) => updatable && prev.passages.row(id) >= 0;
  // Per passage, in slices: at 100,000 passages these lookups held the bot's thread for seconds.
  const pause = slicer();
  const vectors: (number[] | undefined)[] = [];
  const missing: number[] = [];
  const perDoc = new Map<string, number>();
  for (const [i, c] of chunks.entries()) {
    const kept = inGraph(c.id);
    vectors.push(kept ? undefined : stored?.get(c.hash));
    if (!kept && !vectors[i]) missing.push(i);
    perDoc.set(c.source, (perDoc.get(c.source) ?? 0) + 1);
    await pause();
  }
  const reused = chunks.length - missing.length;
  const embedded = await embedChunks(options, missing.map((i) => chunks[i]!));
  missing.forEach((id, j) => (vectors[id] = embedded[j]));
  log.info({ embedded: missing.length, reused }, "chunks embedded");

  progress({ stage: "write", done: 0, total: 1 });
  const seconds = (performance.now() - started) / 1000;
  const vectorOf = (i: number) => vectors[i] ?? stored!.get(chunks[i]!.hash)!;
  const updated = updatable ? await updateGraph(prev, chunks, vectorOf) : undefined;
  const graph = updated ?? await buildGraph(chunks.map((_, i) => vectorOf(i)), embeddings.info.dimensions, options.hnsw);
  log.info({ graph: updated ? "updated" : "built" }, "HNSW graph ready");
  // The lexical index likewise: passages the previous build holds keep their postings.
  const lexicon = await lexiconOf(passagesOf(chunks), prev ? { lexicon: prev.lexicon, passages: prev.passages } : undefined);
  const calibration = await calibrateGraph(graph, (q) => embeddings.embeddings.embedQuery(q), documents.map((d) => d.lang));
  const buildDir = await writeIndex(options.indexDir, {
    chunks,
    graph,
    embeddings: embeddings.embeddings,
    hnsw: options.hnsw,
    lexicon,
    manifest: {
      docsDir: folder,
      chunking: { size: options.chunkSize, overlap: options.chunkOverlap },
      embeddings: { ...embeddings.info, ...(embeddings.fallbackReason ? { fallbackReason: embeddings.fallbackReason } : {}) },
      documents: documents.map((d) => ({
        source: d.source,
        collection: collectionOf(d.source),
        title: d.title,
        lang: d.lang,
        hash: d.hash,
        chunks: perDoc.get(d.source) ?? 0,
      })),
      skipped,
      builtAt: new Date().toISOString(),
      buildMs: Math.round(seconds * 1000),
      calibration,
    },
  });
  progress({ stage: "write", done: 1, total: 1 });

  return {
    documents: documents.length,
    chunks: chunks.length,
    skipped,
    warnings,
    embedded: missing.length,
    reused,
    ...changesSince(previous.manifest, documents),
    provider: embeddings.info.provider,
    model: embeddings.info.model,
    dimensions: embeddings.info.dimensions,
    ...(embeddings.fallbackReason ? { fallbackReason: embeddings.fallbackReason } : {}),
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    buildDir,
    rebuilt: true,
  };
}

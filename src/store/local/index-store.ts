import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { SynchronousInMemoryDocstore } from "@langchain/community/stores/doc/in_memory";
import type { HierarchicalNSW } from "hnswlib-node";
import { IndexCorruptError, IndexMismatchError, IndexNotFoundError } from "../../errors.js";
import type { Chunk } from "../../documents/types.js";
import { describeSpace, sameSpace, type EmbeddingsInfo } from "../../rag/embeddings/types.js";
import { FORMAT_VERSION, type HnswParams, type Manifest } from "../backend.js";
import { hnswlib } from "./hnswlib.js";

const POINTER = "current.json";
const BUILDS = "builds";

/** An index loaded for searching. The vector store is LangChain's VectorStore interface. */
export interface LoadedIndex {
  readonly store: HNSWLib;
  readonly chunks: readonly Chunk[];
  /** The HNSW label of each chunk (labels of removed chunks are marked deleted in the graph). */
  readonly labels: readonly number[];
  readonly manifest: Manifest;
  readonly buildDir: string;
}

function chunkToDocument(chunk: Chunk): Document {
  const { text, ...metadata } = chunk;
  return new Document({ pageContent: text, metadata, id: chunk.id });
}

export function documentToChunk(doc: Document): Chunk {
  return { ...(doc.metadata as Omit<Chunk, "text">), text: doc.pageContent };
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** The build directory the pointer names, or undefined when there is no index. */
export async function currentBuildDir(indexDir: string): Promise<string | undefined> {
  let raw: string;
  try {
    raw = await fs.readFile(path.join(indexDir, POINTER), "utf8");
  } catch {
    return undefined;
  }
  try {
    const { build } = JSON.parse(raw) as { build: string };
    if (typeof build !== "string" || build.includes("/") || build.includes("..")) throw new Error("bad pointer");
    return path.join(indexDir, BUILDS, build);
  } catch (error) {
    throw new IndexCorruptError(indexDir, error);
  }
}

export async function readManifest(indexDir: string): Promise<Manifest | undefined> {
  const dir = await currentBuildDir(indexDir);
  if (!dir) return undefined;
  try {
    return JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  } catch (error) {
    throw new IndexCorruptError(indexDir, error);
  }
}

/** An HNSW graph and the label of each chunk in it, in chunk order. */
export interface Graph {
  readonly index: HierarchicalNSW;
  readonly labels: readonly number[];
}

/** Longest stretch of graph building between two turns of the event loop. */
const SLICE_MS = 20;

/**
 * Calls `step` for 0…count-1, letting the event loop run every SLICE_MS: inserting into the graph
 * is synchronous native work, seconds for a large folder, and questions must not wait for it.
 */
async function inSlices(count: number, step: (i: number) => void): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < count; i++) {
    step(i);
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** A fresh graph over all vectors, labelled 0…n-1. */
export async function buildGraph(vectors: readonly number[][], dimensions: number, hnsw: HnswParams): Promise<Graph> {
  const index = new (hnswlib().HierarchicalNSW)("cosine", dimensions);
  index.initIndex(Math.max(1, vectors.length), hnsw.m, hnsw.efConstruction, 100);
  await inSlices(vectors.length, (i) => {
    const vector = vectors[i]!;
    if (vector.length !== dimensions) throw new Error(`vector ${i} has ${vector.length} dimensions, not ${dimensions}`);
    index.addPoint(vector, i);
  });
  return { index, labels: vectors.map((_, i) => i) };
}

/** Share of deleted points above which a graph is rebuilt instead of updated. */
const MAX_DELETED_SHARE = 0.25;

/**
 * Updates a previous graph in place for a new list of chunks: chunks it already holds keep their
 * label, removed ones are marked deleted, new ones are inserted. Undefined when too much of the
 * graph would be deleted points (then a fresh build is better). `previous` must be a copy loaded
 * for this purpose, not the one serving queries.
 */
export async function updateGraph(previous: LoadedIndex, chunks: readonly Chunk[], vectorOf: (i: number) => number[]): Promise<Graph | undefined> {
  const index = previous.store.index;
  const labelOf = new Map(previous.chunks.map((c, i) => [c.id, previous.labels[i]!]));
  const keep = new Set(chunks.map((c) => c.id));
  const removed = previous.chunks.filter((c) => !keep.has(c.id));
  const added = chunks.filter((c) => !labelOf.has(c.id)).length;
  const total = index.getCurrentCount() + added;
  const deleted = index.getCurrentCount() - previous.chunks.length + removed.length;
  if (total === 0 || deleted / total > MAX_DELETED_SHARE) return undefined;
  for (const c of removed) index.markDelete(labelOf.get(c.id)!);
  if (total > index.getMaxElements()) index.resizeIndex(total);
  let next = index.getCurrentCount();
  const labels: number[] = [];
  await inSlices(chunks.length, (i) => {
    const existing = labelOf.get(chunks[i]!.id);
    if (existing !== undefined) labels.push(existing);
    else {
      index.addPoint(vectorOf(i), next);
      labels.push(next++);
    }
  });
  return { index, labels };
}

/**
 * Writes a new index and swaps it in atomically: everything goes into a fresh build directory,
 * then a one-line pointer file is replaced by rename. A crash at any moment leaves the previous
 * pointer, and so the previous index, intact. Older builds are removed afterwards.
 */
export async function writeIndex(
  indexDir: string,
  input: {
    chunks: readonly Chunk[];
    graph: Graph;
    embeddings: Embeddings;
    manifest: Omit<Manifest, "formatVersion" | "chunkCount" | "hnsw">;
    hnsw: HnswParams;
  },
): Promise<string> {
  const { chunks, graph } = input;
  if (chunks.length !== graph.labels.length) throw new Error("chunks and labels differ in number");
  const dimensions = input.manifest.embeddings.dimensions;
  const buildsDir = path.join(indexDir, BUILDS);
  await fs.mkdir(buildsDir, { recursive: true });
  const id = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(3).toString("hex")}`;
  const tmp = path.join(buildsDir, `.tmp-${id}`);
  await fs.mkdir(tmp);

  const docs: Record<string, Document> = {};
  chunks.forEach((chunk, i) => (docs[String(graph.labels[i])] = chunkToDocument(chunk)));
  const docstore = new SynchronousInMemoryDocstore();
  docstore.add(docs);
  const store = new HNSWLib(input.embeddings, { space: "cosine", numDimensions: dimensions, index: graph.index, docstore });
  await store.save(tmp);
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    ...input.manifest,
    hnsw: { space: "cosine", ...input.hnsw },
    chunkCount: chunks.length,
  };
  // The manifest is written last: a build directory without one was never finished.
  await fs.writeFile(path.join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2));
  // On disk before the pointer names it: a power cut must not leave a pointer to lost data.
  for (const name of await fs.readdir(tmp)) await fsyncPath(path.join(tmp, name));
  await fsyncPath(tmp);
  await fs.rename(tmp, path.join(buildsDir, id));
  await fsyncPath(buildsDir);

  const pointerTmp = path.join(indexDir, `.${POINTER}.${id}`);
  await fs.writeFile(pointerTmp, JSON.stringify({ build: id }));
  await fsyncPath(pointerTmp);
  await fs.rename(pointerTmp, path.join(indexDir, POINTER));
  await fsyncPath(indexDir);

  await removeOldBuilds(indexDir, id);
  return path.join(buildsDir, id);
}

/** Flushes a file or directory to disk. */
async function fsyncPath(p: string): Promise<void> {
  const handle = await fs.open(p, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes every build but the current one, and leftovers of interrupted builds. */
async function removeOldBuilds(indexDir: string, keep: string): Promise<void> {
  const buildsDir = path.join(indexDir, BUILDS);
  for (const name of await fs.readdir(buildsDir)) {
    if (name !== keep) await fs.rm(path.join(buildsDir, name), { recursive: true, force: true });
  }
  for (const name of await fs.readdir(indexDir)) {
    if (name.startsWith(`.${POINTER}.`)) await fs.rm(path.join(indexDir, name), { force: true });
  }
}

/**
 * Loads the current index for searching with `embeddings`, which must be the space it was built
 * in. Sets the HNSW search breadth (ef), which hnswlib does not save and LangChain leaves at 10.
 */
export async function loadIndex(
  indexDir: string,
  options: { embeddings: Embeddings; info: EmbeddingsInfo; ef: number },
): Promise<LoadedIndex> {
  const buildDir = await currentBuildDir(indexDir);
  if (!buildDir || !(await exists(buildDir))) {
    if (buildDir) throw new IndexCorruptError(indexDir, new Error(`missing build ${buildDir}`));
    throw new IndexNotFoundError(indexDir);
  }
  const manifest = await readManifest(indexDir);
  if (!manifest) throw new IndexNotFoundError(indexDir);
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new IndexMismatchError(`format version ${manifest.formatVersion}, this program reads ${FORMAT_VERSION}`);
  }
  if (!sameSpace(manifest.embeddings, options.info)) {
    throw new IndexMismatchError(
      `built with ${describeSpace(manifest.embeddings)}, configured now: ${describeSpace(options.info)}`,
    );
  }
  hnswlib(); // a missing native addon is reported as such, not as a corrupt index
  let store: HNSWLib;
  try {
    store = await HNSWLib.load(buildDir, options.embeddings);
  } catch (error) {
    throw new IndexCorruptError(indexDir, error);
  }
  // The docstore holds the live chunks by label; deleted points stay in the graph, unlisted.
  const entries = [...(store.docstore as SynchronousInMemoryDocstore)._docs.entries()]
    .map(([label, doc]) => ({ label: Number(label), doc }))
    .sort((a, b) => a.label - b.label);
  if (entries.length !== manifest.chunkCount || entries.some((e) => !(e.label < store.index.getCurrentCount()))) {
    throw new IndexCorruptError(indexDir, new Error(`${entries.length} chunks, manifest says ${manifest.chunkCount}`));
  }
  store.index.setEf(Math.max(options.ef, 1));
  return { store, chunks: entries.map((e) => documentToChunk(e.doc)), labels: entries.map((e) => e.label), manifest, buildDir };
}

/** The stored vector of a chunk's text, by its hash, read from the graph on demand: what a reingest reuses. */
export function storedVectors(index: LoadedIndex): { get(hash: string): number[] | undefined } {
  const labelByHash = new Map<string, number>();
  index.chunks.forEach((chunk, i) => {
    if (!labelByHash.has(chunk.hash)) labelByHash.set(chunk.hash, index.labels[i]!);
  });
  return {
    get: (hash) => {
      const label = labelByHash.get(hash);
      return label === undefined ? undefined : index.store.index.getPoint(label);
    },
  };
}

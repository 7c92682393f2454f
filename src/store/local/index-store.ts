import fs from "node:fs/promises";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { SynchronousInMemoryDocstore } from "@langchain/community/stores/doc/in_memory";
import type { HierarchicalNSW } from "hnswlib-node";
import { IndexCorruptError, IndexMismatchError, IndexNotFoundError } from "../../errors.js";
import { slicer } from "../../event-loop.js";
import type { Logger } from "../../logger.js";
import type { Chunk } from "../../documents/types.js";
import { calibrate, CALIBRATION_EF, embedRandomQuestions, type Calibration } from "../../rag/calibration.js";
import { lexiconOf, passagesOf, type Lexicon } from "../../rag/corpus.js";
import { describeSpace, sameSpace, type EmbeddingsInfo } from "../../rag/embeddings/types.js";
import { ANALYSER_FINGERPRINT } from "../../rag/text.js";
import { FORMAT_VERSION, type HnswParams, type Manifest } from "../backend.js";
import { hnswlib } from "./hnswlib.js";
import { readLexicon, writeLexicon } from "./lexicon-file.js";
import { PackedPassages } from "./passages-file.js";
import { parseManifest } from "../manifest.js";

const POINTER = "current.json";
const BUILDS = "builds";
/** The files of a build: the HNSW graph (hnswlib's own format), the passages, the lexical index, the manifest. */
const GRAPH_FILE = "hnswlib.index";
const PASSAGES_FILE = "passages.bin";
const LEXICON_FILE = "lexicon.bin";

/** An index loaded for searching. The vector store is LangChain's VectorStore interface. */
export interface LoadedIndex {
  readonly store: HNSWLib;
  /** The passages by row, with the HNSW label of each (labels of removed passages are marked deleted in the graph). */
  readonly passages: PackedPassages;
  /** BM25 postings and the trigram index, read from the build (or made again from the passages when that file was unusable). */
  readonly lexicon: Lexicon;
  readonly manifest: Manifest;
  readonly buildDir: string;
}

function chunkToDocument(chunk: Chunk): Document {
  const { text, ...metadata } = chunk;
  return new Document({ pageContent: text, metadata, id: chunk.id });
}

/**
 * LangChain's HNSWLib finds a hit's passage by asking its docstore for the label: this one reads
 * the passage from the build's file then, instead of holding every passage as an object.
 */
class PassageDocstore extends SynchronousInMemoryDocstore {
  private readonly rowOfLabel: Int32Array;

  constructor(private readonly passages: PackedPassages) {
    super();
    let max = -1;
    for (const label of passages.labels) max = Math.max(max, label);
    this.rowOfLabel = new Int32Array(max + 1).fill(-1);
    passages.labels.forEach((label, row) => (this.rowOfLabel[label] = row));
  }

  override search(search: string): Document {
    const row = this.rowOfLabel[Number(search)] ?? -1;
    if (row < 0) throw new Error(`ID ${search} not found.`);
    return chunkToDocument(this.passages.chunk(row));
  }

  override add(): void {
    throw new Error("a loaded index is read-only; a reindex writes a new build");
  }
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
    return parseManifest(JSON.parse(await fs.readFile(path.join(dir, "manifest.json"), "utf8")));
  } catch (error) {
    throw new IndexCorruptError(indexDir, error);
  }
}

/** An HNSW graph and the label of each chunk in it, in chunk order. */
export interface Graph {
  readonly index: HierarchicalNSW;
  readonly labels: readonly number[];
}

/**
 * Calls `step` for 0…count-1, letting the event loop run every SLICE_MS: inserting into the graph
 * is synchronous native work, seconds for a large folder, and questions must not wait for it.
 */
async function inSlices(count: number, step: (i: number) => void): Promise<void> {
  const pause = slicer();
  for (let i = 0; i < count; i++) {
    step(i);
    await pause();
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

/** Calibrates a graph about to be written (see rag/calibration.ts). */
export async function calibrateGraph(graph: Graph, embedQuery: (text: string) => Promise<number[]>, folderLanguages: Iterable<string>): Promise<Calibration> {
  const embedded = await embedRandomQuestions(embedQuery, folderLanguages);
  const ef = graph.index.getEf();
  graph.index.setEf(CALIBRATION_EF);
  try {
    return await calibrate(embedded, async (vector) => {
      if (graph.labels.length === 0) return 0;
      const { distances } = graph.index.searchKnn(vector, 1);
      return distances.length ? 1 - distances[0]! : 0;
    });
  } finally {
    graph.index.setEf(ef);
  }
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
  const old = previous.passages;
  const labelOf = (id: string) => {
    const row = old.row(id);
    return row < 0 ? undefined : old.labels[row]!;
  };
  // (In slices, as every per-passage loop of a build: at 100,000 passages each is a few hundred milliseconds.)
  const pause = slicer();
  const keep = new Set<string>();
  let added = 0;
  for (const c of chunks) {
    keep.add(c.id);
    if (labelOf(c.id) === undefined) added++;
    await pause();
  }
  const removed: number[] = [];
  for (let row = 0; row < old.length; row++) {
    if (!keep.has(old.id(row))) removed.push(old.labels[row]!);
    await pause();
  }
  const total = index.getCurrentCount() + added;
  const deleted = index.getCurrentCount() - old.length + removed.length;
  if (total === 0 || deleted / total > MAX_DELETED_SHARE) return undefined;
  for (const label of removed) index.markDelete(label);
  if (total > index.getMaxElements()) index.resizeIndex(total);
  let next = index.getCurrentCount();
  const labels: number[] = [];
  await inSlices(chunks.length, (i) => {
    const existing = labelOf(chunks[i]!.id);
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
    /** The passages' lexical index (made from them when not given). */
    lexicon?: Lexicon;
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
  // A build that fails half way (a full disk) is removed at once: left until the next build, it
  // kept the disk full for every other write (found by an attack review).
  try {
    if (graph.index.getNumDimensions() !== dimensions) throw new Error("the graph and the manifest differ in dimensions");
    await graph.index.writeIndex(path.join(tmp, GRAPH_FILE));
    const graphChecksum = await checksumOf(path.join(tmp, GRAPH_FILE));
    await (await PackedPassages.from(chunks, graph.labels)).write(path.join(tmp, PASSAGES_FILE));
    await writeLexicon(path.join(tmp, LEXICON_FILE), input.lexicon ?? (await lexiconOf(passagesOf(chunks))));
    const manifest: Manifest = {
      formatVersion: FORMAT_VERSION,
      analyser: ANALYSER_FINGERPRINT,
      ...input.manifest,
      hnsw: { space: "cosine", ...input.hnsw },
      chunkCount: chunks.length,
      graphChecksum,
    };
    // The manifest is written last: a build directory without one was never finished.
    await fs.writeFile(path.join(tmp, "manifest.json"), JSON.stringify(manifest, null, 2));
    // On disk before the pointer names it: a power cut must not leave a pointer to lost data.
    for (const name of await fs.readdir(tmp)) await fsyncPath(path.join(tmp, name));
    await fsyncPath(tmp);
  } catch (error) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
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

/**
 * SHA-256 of a file, read in pieces (a large graph is hundreds of megabytes: hashed as it streams,
 * the event loop keeps running between pieces).
 */
async function checksumOf(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const piece of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(piece as Buffer);
  return hash.digest("hex");
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
 * A lexical file that is missing, from another version or damaged is made again from the
 * passages (and written back for the next start), saying why: it costs seconds, not the index.
 */
export async function loadIndex(
  indexDir: string,
  options: { embeddings: Embeddings; info: EmbeddingsInfo; ef: number; log?: Logger | undefined },
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
  const addon = hnswlib(); // a missing native addon is reported as such, not as a corrupt index
  let passages: PackedPassages;
  let graph: HierarchicalNSW;
  try {
    const graphFile = path.join(buildDir, GRAPH_FILE);
    graph = new addon.HierarchicalNSW("cosine", manifest.embeddings.dimensions);
    // The graph's bytes are checked (see Manifest.graphChecksum) while hnswlib reads them, and the
    // index is served only if they match: a damaged graph crashes on a search, not on its read.
    let checksum: string | undefined;
    [passages, , checksum] = await Promise.all([
      PackedPassages.read(path.join(buildDir, PASSAGES_FILE)),
      graph.readIndex(graphFile),
      manifest.graphChecksum === undefined ? undefined : checksumOf(graphFile),
    ]);
    if (checksum !== manifest.graphChecksum) throw new Error(`${graphFile} does not match its checksum`);
  } catch (error) {
    throw new IndexCorruptError(indexDir, error);
  }
  const count = graph.getCurrentCount();
  if (passages.length !== manifest.chunkCount || passages.labels.some((label) => !(label < count))) {
    throw new IndexCorruptError(indexDir, new Error(`${passages.length} passages, manifest says ${manifest.chunkCount}`));
  }
  graph.setEf(Math.max(options.ef, 1));
  const store = new HNSWLib(options.embeddings, { space: "cosine", numDimensions: manifest.embeddings.dimensions, index: graph, docstore: new PassageDocstore(passages) });
  const lexicon = await loadLexicon(buildDir, passages, options.log);
  return { store, passages, lexicon, manifest, buildDir };
}

/** The build's lexicon, or one made again from its passages when the file cannot be used (see loadIndex). */
async function loadLexicon(buildDir: string, passages: PackedPassages, log: Logger | undefined): Promise<Lexicon> {
  const file = path.join(buildDir, LEXICON_FILE);
  try {
    const lexicon = await readLexicon(file);
    if (lexicon.bm25.size !== passages.length) throw new Error(`${file} holds ${lexicon.bm25.size} passages, the index ${passages.length}`);
    return lexicon;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? `${file} is missing` : (error as Error).message;
    log?.warn({ reason }, "the lexical index cannot be read; making it again from the passages");
    let lexicon: Lexicon;
    try {
      lexicon = await lexiconOf(passages);
    } catch (e) {
      throw new IndexCorruptError(path.dirname(path.dirname(buildDir)), e);
    }
    // Written beside the build for the next start; if that fails, this start still has it.
    const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    await fs.rm(tmp, { force: true });
    await writeLexicon(tmp, lexicon)
      .then(() => fs.rename(tmp, file))
      .catch((e: unknown) => {
        log?.warn({ err: e }, "could not write the lexical index back");
        return fs.rm(tmp, { force: true });
      });
    return lexicon;
  }
}

/** The last format that kept passages in LangChain's docstore.json (see FORMAT_VERSION). */
const DOCSTORE_FORMAT = 3;

/**
 * A build of the previous format (passages in LangChain's docstore.json), read only so that the
 * first reindex after an upgrade reuses its vectors and graph instead of embedding everything
 * again (hours with a local model on a large folder). Undefined when the build is not of that
 * format or not in this embedding space.
 */
export async function loadDocstoreBuild(indexDir: string, options: { embeddings: Embeddings; info: EmbeddingsInfo }): Promise<LoadedIndex | undefined> {
  const buildDir = await currentBuildDir(indexDir);
  const manifest = await readManifest(indexDir);
  if (!buildDir || manifest?.formatVersion !== DOCSTORE_FORMAT || !sameSpace(manifest.embeddings, options.info)) return undefined;
  let store: HNSWLib;
  try {
    store = await HNSWLib.load(buildDir, options.embeddings);
  } catch (error) {
    throw new IndexCorruptError(indexDir, error);
  }
  const entries = [...(store.docstore as SynchronousInMemoryDocstore)._docs.entries()]
    .map(([label, doc]) => ({ label: Number(label), chunk: { ...(doc.metadata as Omit<Chunk, "text">), text: doc.pageContent } as Chunk }))
    .sort((a, b) => a.label - b.label);
  if (entries.some((e) => !(e.label < store.index.getCurrentCount()))) throw new IndexCorruptError(indexDir, new Error("a passage names a point the graph lacks"));
  const passages = await PackedPassages.from(
    entries.map((e) => e.chunk),
    entries.map((e) => e.label),
  );
  return { store, passages, lexicon: await lexiconOf(passages), manifest, buildDir };
}

/**
 * The stored vector of a chunk's text, by its hash, read from the graph on demand: what a reingest
 * reuses. Every passage is parsed for its hash: in slices, as at 100,000 passages that is seconds.
 */
export async function storedVectors(index: LoadedIndex): Promise<{ get(hash: string): number[] | undefined }> {
  const labelByHash = new Map<string, number>();
  const pause = slicer();
  for (let row = 0; row < index.passages.length; row++) {
    const { hash } = index.passages.chunk(row);
    if (!labelByHash.has(hash)) labelByHash.set(hash, index.passages.labels[row]!);
    await pause();
  }
  return {
    get: (hash) => {
      const label = labelByHash.get(hash);
      return label === undefined ? undefined : index.store.index.getPoint(label);
    },
  };
}

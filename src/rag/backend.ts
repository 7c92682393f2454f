import fs from "node:fs/promises";
import type { Embeddings } from "@langchain/core/embeddings";
import type { VectorStore } from "@langchain/core/vectorstores";
import type { EmbeddingsInfo } from "./embeddings/types.js";
import { ingest, type IngestOptions, type IngestSummary } from "./ingest.js";
import { currentBuildDir, loadIndex, type Manifest } from "./index-store.js";
import { MemoryCorpus, type Corpus } from "./corpus.js";

/** An index as questions are answered from it: the dense store, the passages and what was built. */
export interface ServedIndex {
  /** Nearest neighbours by embedding (LangChain's VectorStore interface). */
  readonly store: VectorStore;
  /** The passages and their lexical statistics (in memory, or read from Postgres as needed). */
  readonly corpus: Corpus;
  readonly manifest: Manifest;
  /** Names this build: a directory (hnswlib) or a generation (pgvector). A new name is a new build. */
  readonly buildDir: string;
}

/**
 * Where the index lives: on local disk (hnswlib, the default) or in Postgres (pgvector). The
 * knowledge base builds, loads and follows new builds through this, the same way for both.
 */
export interface IndexBackend {
  readonly kind: "hnswlib" | "pgvector";
  /** Loads the current build; IndexNotFoundError / IndexMismatchError / IndexCorruptError as loadIndex. */
  load(options: { embeddings: Embeddings; info: EmbeddingsInfo; ef: number }): Promise<ServedIndex>;
  /** The name of the current build, cheaply (checked before questions): undefined when there is none. */
  current(): Promise<string | undefined>;
  /** Brings the index up to date with the documents folder (one builder at a time). */
  ingest(options: IngestOptions): Promise<IngestSummary>;
  /** Deletes this index entirely (a throwaway evaluation index). */
  discard(): Promise<void>;
}

/** The on-disk HNSW index in `indexDir` (hnswlib-node through LangChain's HNSWLib). */
export function localBackend(indexDir: string): IndexBackend {
  return {
    kind: "hnswlib",
    load: async (options) => {
      const index = await loadIndex(indexDir, options);
      return { store: index.store, corpus: new MemoryCorpus(index.chunks), manifest: index.manifest, buildDir: index.buildDir };
    },
    current: () => currentBuildDir(indexDir),
    ingest: (options) => ingest({ ...options, indexDir }),
    discard: () => fs.rm(indexDir, { recursive: true, force: true }),
  };
}

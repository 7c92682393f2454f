import type { Embeddings } from "@langchain/core/embeddings";
import type { VectorStore } from "@langchain/core/vectorstores";
import type { SkippedFile } from "../documents/types.js";
import type { Logger } from "../logger.js";
import type { Calibration } from "../rag/calibration.js";
import type { Corpus } from "../rag/corpus.js";
import type { EmbeddingsInfo } from "../rag/embeddings/types.js";
import type { IngestOptions, IngestSummary } from "../rag/ingest.js";

/**
 * Version of what an index holds. 2: chunks split inside sections, with section path and pages,
 * and embedded with their title and section. 3: every chunk and document carries its collection.
 * 4: a local build keeps its passages and its lexical index (BM25 postings, trigrams) in files of
 * flat arrays, read at start instead of parsed and analysed again.
 * An index of another version is rebuilt.
 */
export const FORMAT_VERSION = 4;

export interface HnswParams {
  readonly m: number;
  readonly efConstruction: number;
}

export interface Manifest {
  readonly formatVersion: number;
  readonly embeddings: EmbeddingsInfo & { readonly fallbackReason?: string };
  readonly hnsw: HnswParams & { readonly space: "cosine" };
  readonly chunking: { readonly size: number; readonly overlap: number };
  readonly chunkCount: number;
  /** The documents folder the index was built from (its real path); absent in older indexes. */
  readonly docsDir?: string;
  readonly documents: readonly { source: string; collection: string; title: string; lang: string; hash: string; chunks: number }[];
  readonly skipped: readonly SkippedFile[];
  readonly builtAt: string;
  readonly buildMs: number;
  /** The folder's scale of closeness for random questions (rag/calibration.ts); absent in older indexes. */
  readonly calibration?: Calibration;
  /**
   * The word analyser the lexical side was made with (`ANALYSER_FINGERPRINT`); absent in older
   * indexes. Another one (new stopwords, word forms, Unicode data) makes the next build analyse
   * every passage again: the Postgres postings were written with the old words.
   */
  readonly analyser?: string;
  /**
   * SHA-256 of a local build's HNSW graph file, checked when it is loaded: hnswlib reads any file
   * whose size adds up, and a damaged neighbour list then crashes the process on a question.
   * Absent in older builds and in Postgres.
   */
  readonly graphChecksum?: string;
}


/** Nearest neighbours by embedding: the one call of LangChain's VectorStore retrieval makes. */
export type DenseSearch = Pick<VectorStore, "similaritySearchVectorWithScore">;

/** An index as questions are answered from it: the dense store, the passages and what was built. */
export interface ServedIndex {
  /** Nearest neighbours by embedding (LangChain's VectorStore interface). */
  readonly store: DenseSearch;
  /** The passages and their lexical statistics (in memory, or read from Postgres as needed). */
  readonly corpus: Corpus;
  readonly manifest: Manifest;
  /** Names this build: a directory (hnswlib) or a generation (pgvector). A new name is a new build. */
  readonly buildDir: string;
  /**
   * The same index limited to some collections: a dense search that only finds their passages
   * (filtered inside the search, not after it) and a corpus of their passages with their own
   * statistics. The other collections do not exist for it.
   */
  scope(collections: ReadonlySet<string>): Promise<{ store: DenseSearch; corpus: Corpus }>;
}

/**
 * Where the index lives: on local disk (hnswlib, the default) or in Postgres (pgvector). The
 * knowledge base builds, loads and follows new builds through this, the same way for both.
 */
export interface IndexBackend {
  readonly kind: "hnswlib" | "pgvector";
  /** Loads the current build; IndexNotFoundError / IndexMismatchError / IndexCorruptError as loadIndex. */
  load(options: { embeddings: Embeddings; info: EmbeddingsInfo; ef: number; log?: Logger }): Promise<ServedIndex>;
  /** The name of the current build, cheaply (checked before questions): undefined when there is none. */
  current(): Promise<string | undefined>;
  /** Brings the index up to date with the documents folder (one builder at a time). */
  ingest(options: IngestOptions): Promise<IngestSummary>;
  /** Deletes this index entirely (a throwaway evaluation index). */
  discard(): Promise<void>;
}

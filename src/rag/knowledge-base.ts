import { AppError, IndexCorruptError, IndexMismatchError, IndexNotFoundError } from "../errors.js";
import type { EmbeddingsHandle } from "./embeddings/types.js";
import { ingest, type IngestOptions, type IngestProgress, type IngestSummary } from "./ingest.js";
import { loadIndex, type LoadedIndex } from "./index-store.js";
import { HybridRetriever, type Retrieval } from "./retrieve.js";

export interface KnowledgeBaseOptions extends Omit<IngestOptions, "onProgress"> {
  readonly k: number;
  readonly ef: number;
  readonly answerableThreshold: number;
  readonly denseAnswerableSimilarity: number | undefined;
}

export class ReindexInProgressError extends AppError {
  constructor() {
    super("A reindex is already running.", "Wait for it to finish.");
  }
}

/**
 * The searchable documents: the loaded index and its retriever. A reindex builds a new index
 * beside the old one, which keeps answering, and swaps the retriever in one assignment.
 */
export class KnowledgeBase {
  private reindexing: Promise<IngestSummary> | undefined;

  private constructor(
    private readonly options: KnowledgeBaseOptions,
    private current: { index: LoadedIndex; retriever: HybridRetriever },
  ) {}

  get index(): LoadedIndex {
    return this.current.index;
  }

  get embeddings(): EmbeddingsHandle {
    return this.options.embeddings;
  }

  get isReindexing(): boolean {
    return this.reindexing !== undefined;
  }

  private static async load(options: KnowledgeBaseOptions) {
    const index = await loadIndex(options.indexDir, {
      embeddings: options.embeddings.embeddings,
      info: options.embeddings.info,
      ef: options.ef,
    });
    const retriever = new HybridRetriever(index.store, options.embeddings.embeddings, index.chunks, {
      k: options.k,
      answerableThreshold: options.answerableThreshold,
      denseAnswerableSimilarity: options.denseAnswerableSimilarity,
    });
    return { index, retriever };
  }

  /**
   * Opens the index; with `build`, an index that is missing, corrupt or built with other
   * embeddings is (re)built first and the summary returned.
   */
  static async open(
    options: KnowledgeBaseOptions,
    build: { enabled: boolean; onProgress?: (p: IngestProgress) => void } = { enabled: false },
  ): Promise<{ kb: KnowledgeBase; built?: IngestSummary }> {
    try {
      return { kb: new KnowledgeBase(options, await KnowledgeBase.load(options)) };
    } catch (error) {
      const rebuildable =
        error instanceof IndexNotFoundError || error instanceof IndexMismatchError || error instanceof IndexCorruptError;
      if (!build.enabled || !rebuildable) throw error;
      options.log.warn({ reason: error.message }, "building the index");
      const built = await ingest({ ...options, force: true, ...(build.onProgress ? { onProgress: build.onProgress } : {}) });
      return { kb: new KnowledgeBase(options, await KnowledgeBase.load(options)), built };
    }
  }

  retrieve(question: string, k?: number, options?: { alsoCover?: string }): Promise<Retrieval> {
    return this.current.retriever.retrieve(question, k, options);
  }

  /**
   * Rebuilds the index from the documents folder while the current one keeps serving. On failure
   * the current index stays. Only one runs at a time.
   */
  async reindex(onProgress?: (p: IngestProgress) => void): Promise<IngestSummary> {
    if (this.reindexing) throw new ReindexInProgressError();
    const run = (async () => {
      const summary = await ingest({ ...this.options, ...(onProgress ? { onProgress } : {}) });
      if (summary.rebuilt) this.current = await KnowledgeBase.load(this.options);
      return summary;
    })();
    this.reindexing = run;
    try {
      return await run;
    } finally {
      this.reindexing = undefined;
    }
  }
}

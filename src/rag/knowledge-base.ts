import path from "node:path";
import { AppError, IndexCorruptError, IndexFolderMismatchError, IndexMismatchError, IndexNotFoundError } from "../errors.js";
import type { EmbeddingsHandle } from "./embeddings/types.js";
import type { IndexBackend, ServedIndex } from "../store/backend.js";
import { calibrate, embedRandomQuestions, isCurrentCalibration, type Calibration } from "./calibration.js";
import { folderPath, folderStampOf, ingestFolder, keepStamp, keptStamp, type IngestOptions, type IngestProgress, type IngestSummary } from "./ingest.js";
import { HybridRetriever, type Retrieval } from "./retrieve.js";
import { ANALYSER_FINGERPRINT } from "./text.js";

export interface KnowledgeBaseOptions extends Omit<IngestOptions, "onProgress"> {
  readonly k: number;
  readonly ef: number;
  readonly answerableThreshold: number;
  /** Set: this bar; unset: a default for the provider (none for hashing). */
  readonly denseAnswerableSimilarity: number | undefined;
  /**
   * Tries the configured embeddings again: before a reindex, an index built with the hashing
   * fallback (the local model could not be loaded) gets another chance at the real model.
   */
  readonly retryEmbeddings?: () => Promise<EmbeddingsHandle>;
  /** Where the index lives: the on-disk index, or Postgres (chosen by the composition root). */
  readonly backend: IndexBackend;
}

const backendOf = (options: KnowledgeBaseOptions) => options.backend;

/** Scoped retrievers kept per index (distinct sets of collections asked about). */
const MAX_SCOPES = 32;


/**
 * The dense similarity above which a passage counts as answering, by provider. Hashing vectors
 * measure word overlap, which the lexical signal already covers. The e5 and OpenAI values are the
 * similarities those models typically give related query/passage pairs; they were not measured
 * here (no model download is possible on these machines): set DENSE_ANSWERABLE_SIMILARITY to tune.
 */
export function defaultDenseBar(info: EmbeddingsHandle["info"]): number | undefined {
  if (info.provider === "local" && /e5/i.test(info.model)) return 0.84;
  if (info.provider === "openai") return 0.45;
  return undefined;
}

/** How often a question may check whether a newer index build is on disk. */
const POINTER_CHECK_MS = 2000;

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
  /** The documents folder's stamp the index was last built from, once known here (`refreshIfFolderChanged`). */
  private stamp: string | undefined;
  /** A stamp whose reindex failed: not tried again until the folder changes (or an admin's /reindex). */
  private failedStamp: string | undefined;
  private following = false;
  private lastPointerCheck = 0;

  private constructor(
    private options: KnowledgeBaseOptions,
    private current: { index: ServedIndex; retriever: HybridRetriever; calibration: Calibration; scoped?: Map<string, Promise<HybridRetriever>> },
  ) {}

  get index(): ServedIndex {
    return this.current.index;
  }

  get embeddings(): EmbeddingsHandle {
    return this.options.embeddings;
  }

  get isReindexing(): boolean {
    return this.reindexing !== undefined;
  }

  private static async load(options: KnowledgeBaseOptions) {
    const backend = backendOf(options);
    const index = await backend.load({
      embeddings: options.embeddings.embeddings,
      info: options.embeddings.info,
      ef: options.ef,
      log: options.log,
    });
    // A local index serves the folder it was built from: with another DOCS_DIR it is rebuilt, not
    // served silently. (Instances sharing Postgres may mount the same folder at different paths.)
    if (backend.kind === "hnswlib" && index.manifest.docsDir) {
      const now = await folderPath(options.docsDir);
      if (now !== index.manifest.docsDir) throw new IndexFolderMismatchError(index.manifest.docsDir, now);
    }
    // Postgres postings hold the words of the analyser that wrote them (a local index makes its
    // lexical file again at load): served as they are, analysed again by the next build.
    if (backend.kind === "pgvector" && index.manifest.analyser !== ANALYSER_FINGERPRINT) {
      options.log.warn("the index's words were analysed by an older version; the next reindex (or npm run ingest) analyses every passage again");
    }
    const calibration = await KnowledgeBase.calibration(index, options);
    const retriever = new HybridRetriever(index.store, options.embeddings.embeddings, index.corpus, KnowledgeBase.retrieverOptions(options, calibration, index.manifest.documents));
    return { index, retriever, calibration };
  }

  /**
   * The build's calibration (see calibration.ts); an index built before it (or with another
   * version of it, or a malformed one) is calibrated now, in memory, until a reindex stores one.
   */
  private static async calibration(index: ServedIndex, options: KnowledgeBaseOptions): Promise<Calibration> {
    const stored = index.manifest.calibration;
    if (isCurrentCalibration(stored)) return stored;
    const started = performance.now();
    // Searched with the serving breadth (HNSW_EF; the build uses CALIBRATION_EF, the same by default).
    const made = await calibrate(
      await embedRandomQuestions((q) => options.embeddings.embeddings.embedQuery(q), index.manifest.documents.map((d) => d.lang)),
      async (vector) => {
        if (index.corpus.size === 0) return 0;
        const [nearest] = await index.store.similaritySearchVectorWithScore(vector, 1);
        return nearest ? 1 - nearest[1] : 0;
      },
    );
    options.log.info({ ms: Math.round(performance.now() - started) }, "index calibrated at load (its calibration is missing, older or malformed; the next reindex stores it)");
    return made;
  }

  private static retrieverOptions(options: KnowledgeBaseOptions, calibration: Calibration, documents: readonly { source: string; lang: string }[]) {
    const languages = new Map(documents.map((d) => [d.source, d.lang]));
    return {
      documentLanguage: (source: string) => languages.get(source),
      // A collection's questions are held to the whole folder's bar, with their nearest passage in
      // the collection: a question about it must come closer to its passages than random
      // questions come to the folder's (a stricter bar for a small collection).
      calibration,
      k: options.k,
      answerableThreshold: options.answerableThreshold,
      denseAnswerableSimilarity: options.denseAnswerableSimilarity ?? defaultDenseBar(options.embeddings.info),
    };
  }

  /**
   * The retriever of some collections: a corpus of their passages only (its own statistics) and a
   * dense search filtered to them. Kept per set of collections until the index changes.
   */
  private scopedRetriever(collections: readonly string[]): Promise<HybridRetriever> {
    const current = this.current;
    const key = [...new Set(collections)].sort().join("\n");
    const cached = current.scoped?.get(key);
    if (cached) return cached;
    const made = current.index.scope(new Set(collections)).then(
      ({ store, corpus }) => new HybridRetriever(store, this.options.embeddings.embeddings, corpus, KnowledgeBase.retrieverOptions(this.options, current.calibration, current.index.manifest.documents)),
    );
    // A handful of scopes in practice (one per kind of chat); bounded all the same. A failure is not kept.
    current.scoped ??= new Map();
    if (current.scoped.size >= MAX_SCOPES) current.scoped.delete(current.scoped.keys().next().value!);
    current.scoped.set(key, made);
    made.catch(() => current.scoped?.delete(key));
    return made;
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
        error instanceof IndexNotFoundError ||
        error instanceof IndexMismatchError ||
        error instanceof IndexCorruptError ||
        error instanceof IndexFolderMismatchError;
      if (!build.enabled || !rebuildable) throw error;
      options.log.warn({ reason: error.message }, "building the index");
      const built = await ingestFolder(backendOf(options), { ...options, force: true, ...(build.onProgress ? { onProgress: build.onProgress } : {}) });
      const kb = new KnowledgeBase(options, await KnowledgeBase.load(options));
      kb.stamp = built.folderStamp;
      return { kb, built };
    }
  }

  /** The options for a reindex: with the real embeddings if the current ones are a fallback and the model now loads. */
  private async withRetriedEmbeddings(): Promise<KnowledgeBaseOptions> {
    const { embeddings, retryEmbeddings, log } = this.options;
    if (!embeddings.fallbackReason || !retryEmbeddings) return this.options;
    try {
      const again = await retryEmbeddings();
      if (again.fallbackReason) return this.options;
      log.info({ provider: again.info.provider, model: again.info.model }, "the embeddings model loads now: rebuilding the index with it");
      return { ...this.options, embeddings: again };
    } catch (error) {
      log.warn({ err: error }, "the embeddings model still cannot be loaded; keeping the fallback");
      return this.options;
    }
  }

  /** Searches the whole index, or with `collections` only theirs (nothing of the others counts). */
  retrieve(question: string, k?: number, options?: { alsoCover?: string; collections?: readonly string[] }): Promise<Retrieval> {
    void this.followPointer();
    const { collections, ...rest } = options ?? {};
    if (!collections) return this.current.retriever.retrieve(question, k, rest);
    return this.scopedRetriever(collections).then((retriever) => retriever.retrieve(question, k, rest));
  }

  /**
   * Serves whichever build the pointer names: an index written by `npm run ingest` (or another
   * instance) is picked up without a restart. Checked at most every few seconds, loaded in the
   * background while the current one keeps answering.
   */
  private async followPointer(): Promise<void> {
    const now = Date.now();
    if (this.following || now - this.lastPointerCheck < POINTER_CHECK_MS) return;
    this.lastPointerCheck = now;
    this.following = true;
    try {
      const onDisk = await backendOf(this.options).current();
      if (onDisk && onDisk !== this.current.index.buildDir && !this.reindexing) {
        this.current = await KnowledgeBase.load(this.options);
        this.options.log.info({ build: path.basename(this.current.index.buildDir) }, "serving a newer index build");
      }
    } catch (error) {
      this.options.log.warn({ err: error }, "could not load the newer index build; the current one keeps serving");
    } finally {
      this.following = false;
    }
  }

  /**
   * Rebuilds the index from the documents folder while the current one keeps serving. On failure
   * the current index stays. Only one runs at a time.
   */
  async reindex(onProgress?: (p: IngestProgress) => void, stamp?: string): Promise<IngestSummary> {
    if (this.reindexing) throw new ReindexInProgressError();
    const run = (async () => {
      const options = await this.withRetriedEmbeddings();
      const summary = await ingestFolder(backendOf(options), { ...options, ...(onProgress ? { onProgress } : {}) }, stamp);
      this.options = options;
      if (summary.folderStamp) this.stamp = summary.folderStamp;
      // Unchanged documents may still mean a newer build than the one in memory (a CLI ingest ran).
      if (summary.rebuilt || summary.buildDir !== this.current.index.buildDir) this.current = await KnowledgeBase.load(this.options);
      return summary;
    })();
    this.reindexing = run;
    try {
      return await run;
    } finally {
      this.reindexing = undefined;
    }
  }

  /**
   * Reads the folder again (in the background of the answers, as /reindex) when its files are not
   * those the index was built from: edited, added or removed by hand, while the bot ran or was
   * down. Undefined when nothing changed or a reindex is running already. With `settleMs`, the
   * folder must hold still that long: one being copied into is read once the copy is done.
   */
  async refreshIfFolderChanged(settleMs = 0, onProgress?: (p: IngestProgress) => void): Promise<IngestSummary | undefined> {
    if (this.reindexing) return undefined;
    const now = await folderStampOf(this.options);
    // A folder that cannot be listed is no change to act on (the build would only fail on it), nor
    // is one whose reindex failed already (no documents left, say): a change or /reindex tries again.
    if (now === undefined || now === this.failedStamp) return undefined;
    const kept = this.stamp ?? (await keptStamp(this.options));
    if (kept === undefined) {
      // An index built before stamps were kept, or by another instance (a shared index with
      // pgvector, whose build this instance's folder must not undo at every start): taken as the
      // folder's; changes from now on are found.
      this.stamp = now;
      await keepStamp(this.options, now);
      return undefined;
    }
    this.stamp = kept;
    if (kept === now || this.reindexing) return undefined;
    if (settleMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      if ((await folderStampOf(this.options)) !== now || this.reindexing) return undefined;
    }
    this.options.log.info("the documents folder changed since the index was built: reading it again, the index keeps answering meanwhile");
    let summary: IngestSummary;
    try {
      summary = await this.reindex(onProgress, now);
    } catch (error) {
      if (error instanceof ReindexInProgressError) return undefined; // an admin's /reindex came first
      this.failedStamp = now;
      throw error;
    }
    this.options.log.info({ added: summary.added, changed: summary.changed, removed: summary.removed, skipped: summary.skipped.length }, summary.rebuilt ? "index updated from the documents folder" : "the documents folder's documents are unchanged");
    return summary;
  }

  /**
   * Brings the index up to date with the folder after a change made here (an upload, a removal):
   * waits for a reindex that is running (it may have read the folder before the change), then
   * runs one. Unchanged documents keep their embeddings, so this costs only the changed file.
   */
  async update(onProgress?: (p: IngestProgress) => void): Promise<IngestSummary> {
    while (this.reindexing) await this.reindexing.catch(() => {});
    return this.reindex(onProgress);
  }
}

/** Asked before the first index is ready. `progress` says how far reading the documents is. */
export class NotReadyError extends AppError {
  constructor(readonly progress: IngestProgress | undefined) {
    super("The documents are still being read.", "Ask again in a moment.");
  }
}

/**
 * The knowledge base while its first build may still run: the bot starts polling at once and
 * tells users how far the reading is, instead of leaving them in silence for minutes. Until it
 * is ready, everything but `isReady`, `isReindexing` and `progress` throws NotReadyError.
 */
export class PendingKnowledgeBase {
  private kb: KnowledgeBase | undefined;
  private last: IngestProgress | undefined;
  /** Settles when the first build is done (or failed). */
  readonly ready: Promise<KnowledgeBase>;

  constructor(open: (onProgress: (p: IngestProgress) => void) => Promise<KnowledgeBase>) {
    this.ready = open((p) => (this.last = p)).then((kb) => (this.kb = kb));
    this.ready.catch(() => {}); // the owner awaits it; nothing else must see it as unhandled
  }

  get isReady(): boolean {
    return this.kb !== undefined;
  }

  get progress(): IngestProgress | undefined {
    return this.last;
  }

  private get loaded(): KnowledgeBase {
    if (!this.kb) throw new NotReadyError(this.last);
    return this.kb;
  }

  get index(): ServedIndex {
    return this.loaded.index;
  }

  get embeddings(): EmbeddingsHandle {
    return this.loaded.embeddings;
  }

  get isReindexing(): boolean {
    return this.kb?.isReindexing ?? false;
  }

  async reindex(onProgress?: (p: IngestProgress) => void): Promise<IngestSummary> {
    return this.loaded.reindex(onProgress);
  }

  async update(onProgress?: (p: IngestProgress) => void): Promise<IngestSummary> {
    return this.loaded.update(onProgress);
  }

  async retrieve(question: string, k?: number, options?: { alsoCover?: string; collections?: readonly string[] }): Promise<Retrieval> {
    return this.loaded.retrieve(question, k, options);
  }
}

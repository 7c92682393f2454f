import { Embeddings } from "@langchain/core/embeddings";
import type { FeatureExtractionPipeline } from "@huggingface/transformers";

export interface LocalEmbeddingsOptions {
  /** A Hugging Face model id ("Xenova/multilingual-e5-small") or a folder name under `localModelPath`. */
  readonly model: string;
  /** Where downloaded models are cached. */
  readonly cacheDir: string;
  /** A folder that holds models as `<folder>/<model>/…` (checked before the cache). */
  readonly localModelPath?: string;
  /** Never download: only the cache and localModelPath are used. */
  readonly offline: boolean;
  readonly dtype: string;
  readonly threads: number;
  readonly batchSize: number;
  /** Where models are downloaded from (a Hugging Face mirror); unset: huggingface.co. */
  readonly remoteHost?: string;
  /** Download progress of each model file, in bytes. */
  readonly onDownload?: (progress: { file: string; loaded: number; total: number }) => void;
}

/** e5 models were trained with these prefixes; without them retrieval quality drops. */
export function e5Prefixes(model: string): { query: string; passage: string } {
  return /(^|[/-])e5([-/]|$)/i.test(model) ? { query: "query: ", passage: "passage: " } : { query: "", passage: "" };
}

/**
 * Sentence embeddings computed in process by transformers.js (ONNX Runtime on the CPU):
 * mean pooling, normalised, batched, with e5's query/passage prefixes.
 */
export class LocalEmbeddings extends Embeddings {
  private constructor(
    private readonly extractor: FeatureExtractionPipeline,
    private readonly prefixes: { query: string; passage: string },
    private readonly batchSize: number,
  ) {
    super({ maxConcurrency: 1 });
  }

  static async load(options: LocalEmbeddingsOptions): Promise<LocalEmbeddings> {
    const { env, pipeline } = await import("@huggingface/transformers");
    env.cacheDir = options.cacheDir;
    env.allowRemoteModels = !options.offline;
    // The download cache has the same layout as a local model folder (<dir>/<model id>/…), so
    // offline loading reads it as one.
    env.allowLocalModels = true;
    env.localModelPath = options.localModelPath ?? options.cacheDir;
    if (options.remoteHost) env.remoteHost = options.remoteHost.endsWith("/") ? options.remoteHost : `${options.remoteHost}/`;
    const onDownload = options.onDownload;
    const extractor = await pipeline("feature-extraction", options.model, {
      ...(onDownload
        ? {
            progress_callback: (p: { status?: string; file?: string; loaded?: number; total?: number }) => {
              if (p.status === "progress" && p.file && p.total) onDownload({ file: p.file, loaded: p.loaded ?? 0, total: p.total });
            },
          }
        : {}),
      dtype: options.dtype as "q8",
      device: "cpu",
      session_options: { intraOpNumThreads: options.threads, interOpNumThreads: 1 },
    });
    return new LocalEmbeddings(extractor, e5Prefixes(options.model), options.batchSize);
  }

  private async run(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      const tensor = await this.extractor(batch, { pooling: "mean", normalize: true });
      out.push(...(tensor.tolist() as number[][]));
    }
    return out;
  }

  override embedDocuments(texts: string[]): Promise<number[][]> {
    return this.run(texts.map((t) => this.prefixes.passage + t));
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.run([this.prefixes.query + text]);
    return vector!;
  }

  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }
}

import { OpenAIEmbeddings } from "@langchain/openai";
import type { Config } from "../../config.js";
import { EmbeddingsError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { HashingEmbeddings } from "./hashing.js";
import { LocalEmbeddings } from "./local.js";
import type { EmbeddingsHandle } from "./types.js";
import { cappedFetch } from "../../net/capped-fetch.js";

/** The most bytes read of an embeddings reply: per text of a batch, and at least. */
const REPLY_BYTES_PER_TEXT = 128 * 1024;
const MIN_REPLY_BYTES = 8 * 1024 * 1024;

export * from "./types.js";
export { HashingEmbeddings } from "./hashing.js";
export { LocalEmbeddings, e5Prefixes as e5PrefixesFor } from "./local.js";

export const DEFAULT_LOCAL_MODEL = "Xenova/multilingual-e5-small";
export const DEFAULT_OPENAI_EMBEDDINGS_MODEL = "text-embedding-3-small";

type EmbeddingsConfig = Pick<Config, "embeddings" | "openai">;

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}

export function createHashing(cfg: EmbeddingsConfig): EmbeddingsHandle {
  const embeddings = new HashingEmbeddings(cfg.embeddings.hashingDimensions);
  return { embeddings, info: { provider: "hashing", model: embeddings.modelName, dimensions: embeddings.dimensions } };
}

/** Download progress of the local model, in bytes over all its files so far. */
export type DownloadProgress = (progress: { file: string; loaded: number; total: number }) => void;

export async function createLocal(
  cfg: EmbeddingsConfig,
  options: { localModelPath?: string; onDownload?: DownloadProgress } = {},
): Promise<EmbeddingsHandle> {
  const model = cfg.embeddings.model ?? DEFAULT_LOCAL_MODEL;
  const embeddings = await LocalEmbeddings.load({
    model,
    cacheDir: cfg.embeddings.cacheDir,
    offline: cfg.embeddings.offline,
    dtype: cfg.embeddings.dtype,
    threads: cfg.embeddings.threads,
    batchSize: cfg.embeddings.batchSize,
    ...(cfg.embeddings.remoteHost ? { remoteHost: cfg.embeddings.remoteHost } : {}),
    ...(options.onDownload ? { onDownload: overAllFiles(options.onDownload) } : {}),
    ...(options.localModelPath ? { localModelPath: options.localModelPath } : {}),
  });
  const probe = await embeddings.embedQuery("probe");
  return {
    embeddings,
    info: { provider: "local", model: `${model}@${cfg.embeddings.dtype}`, dimensions: probe.length },
  };
}

export async function createOpenAI(cfg: EmbeddingsConfig): Promise<EmbeddingsHandle> {
  const model = cfg.embeddings.model ?? DEFAULT_OPENAI_EMBEDDINGS_MODEL;
  const embeddings = new OpenAIEmbeddings({
    model,
    // Local servers (Ollama, LM Studio, vLLM) accept any key; the client insists on one.
    apiKey: cfg.openai.apiKey ?? "not-needed",
    batchSize: cfg.embeddings.batchSize,
    maxRetries: 2,
    timeout: 60_000,
    // (The reply is read up to a bound, as the chat model's: the endpoint is outside. A vector of
    // 4,096 numbers written as JSON takes about 100 KB.)
    configuration: { ...(cfg.openai.baseURL ? { baseURL: cfg.openai.baseURL } : {}), fetch: cappedFetch(Math.max(MIN_REPLY_BYTES, cfg.embeddings.batchSize * REPLY_BYTES_PER_TEXT)) },
  });
  const probe = await embeddings.embedQuery("probe");
  return { embeddings, info: { provider: "openai", model, dimensions: probe.length } };
}

/** Per-file progress summed over the files seen so far, so one bar or line covers the whole model. */
function overAllFiles(report: DownloadProgress): DownloadProgress {
  const files = new Map<string, { loaded: number; total: number }>();
  return ({ file, loaded, total }) => {
    files.set(file, { loaded, total });
    let sumLoaded = 0;
    let sumTotal = 0;
    for (const f of files.values()) {
      sumLoaded += f.loaded;
      sumTotal += f.total;
    }
    report({ file, loaded: sumLoaded, total: sumTotal });
  };
}

/** Download progress as log lines, at every tenth of the way. */
export function logDownload(log: Logger): DownloadProgress {
  let last = -1;
  return ({ file, loaded, total }) => {
    const tenth = Math.floor((loaded / total) * 10);
    if (tenth <= last) return;
    last = tenth;
    log.info({ file, percent: tenth * 10, megabytes: Number((total / 1e6).toFixed(1)) }, "downloading the embeddings model");
  };
}

/**
 * The configured embeddings. With no provider chosen, the local model is tried and, when it cannot
 * be loaded (no network and no cache), hashing is used and the reason is returned, loudly.
 * An explicitly chosen provider that fails is an error that says what to do.
 */
export async function createEmbeddings(cfg: EmbeddingsConfig, log: Logger, onDownload?: DownloadProgress): Promise<EmbeddingsHandle> {
  const provider = cfg.embeddings.provider;
  if (provider === "hashing") return createHashing(cfg);
  if (provider === "openai") {
    try {
      return await createOpenAI(cfg);
    } catch (error) {
      throw new EmbeddingsError(
        `The OpenAI-compatible embeddings endpoint failed: ${reason(error)}`,
        "Check OPENAI_BASE_URL, OPENAI_API_KEY and EMBEDDINGS_MODEL, or set EMBEDDINGS_PROVIDER=hashing to work offline.",
        { cause: error },
      );
    }
  }
  try {
    return await createLocal(cfg, { onDownload: onDownload ?? logDownload(log) });
  } catch (error) {
    const model = cfg.embeddings.model ?? DEFAULT_LOCAL_MODEL;
    if (provider === "local") {
      throw new EmbeddingsError(
        `Could not load the local embeddings model ${model}: ${reason(error)}`,
        `Run once with network access so it is downloaded into MODEL_CACHE_DIR (${cfg.embeddings.cacheDir}), ` +
          "or set EMBEDDINGS_PROVIDER=hashing to work offline without a model.",
        { cause: error },
      );
    }
    const fallbackReason = `local model ${model} could not be loaded (${reason(error)}); using hashing embeddings, which match words, not meaning`;
    log.warn({ model }, `FALLBACK: ${fallbackReason}`);
    return { ...createHashing(cfg), fallbackReason };
  }
}

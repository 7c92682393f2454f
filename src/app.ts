import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import type { Config } from "./config.js";
import { redactSecrets, type Logger } from "./logger.js";
import { DocumentLibrary } from "./documents/library.js";
import { createDocumentReader, type DocumentReader } from "./documents/reader.js";
import { createEmbeddings, logDownload, type EmbeddingsHandle } from "./rag/embeddings/index.js";
import type { IngestOptions, IngestProgress, IngestSummary } from "./rag/ingest.js";
import { KnowledgeBase, type KnowledgeBaseOptions } from "./rag/knowledge-base.js";
import { ExtractiveAnswerer } from "./rag/answer/extractive.js";
import { ConfigError } from "./errors.js";
import type { IndexBackend } from "./store/backend.js";
import { localBackend } from "./store/local/backend.js";
import { createPool, pgBackend } from "./store/pg/backend.js";
import { PgConversationStore } from "./store/pg/state.js";
import { createChatModel, LlmAnswerer } from "./rag/answer/llm.js";
import { MemoryConversationStore } from "./rag/conversation.js";
import { QuestionAnswerer } from "./rag/qa.js";
import type { Lang } from "./rag/text.js";
import { QuestionForms } from "./rag/translate-query.js";
import { closeRecordingMeasurer } from "./net/recording-length-pool.js";

/** Ingestion settings from the config: one place, so `npm run ingest`, start-up and /reindex agree. */
export function ingestOptions(config: Config, log: Logger, embeddings: EmbeddingsHandle): IngestOptions {
  return {
    docsDir: config.docsDir,
    indexDir: config.indexDir,
    reader: documentReader(config),
    chunkSize: config.chunkSize,
    chunkOverlap: config.chunkOverlap,
    hnsw: { m: config.retrieval.hnswM, efConstruction: config.retrieval.hnswEfConstruction },
    embeddings,
    log,
  };
}

/** The isolated reader of documents: one pool of reader processes per bot (and per set of limits). */
const readers = new Map<string, DocumentReader>();
export function documentReader(config: Config): DocumentReader {
  // What OCR read is kept beside the index, by content hash: a reindex never reads a scan twice.
  const ocr = config.ocr ? { ...config.ocr, cacheDir: path.join(config.indexDir, "ocr-cache") } : undefined;
  const key = JSON.stringify([config.reading, ocr]);
  let reader = readers.get(key);
  // Files stopped at a limit are remembered beside the index too (by content hash, for an hour).
  // The limits without the worker count: `reader.limits` goes into the folder's stamp and to every read.
  const { workers, ...limits } = config.reading;
  if (!reader) readers.set(key, (reader = createDocumentReader(limits, workers, ocr, path.join(config.indexDir, "read-stops.json"))));
  return reader;
}

/** Ends every reader's processes (a stopping bot: reads in flight fail, and are not held against their files). */
export async function closeDocumentReaders(): Promise<void> {
  const open = [...readers.values()];
  readers.clear();
  await Promise.all([...open.map((reader) => reader.close().catch(() => {})), closeRecordingMeasurer().catch(() => {})]);
}

/** The documents folder as admins change it from the chat, read with the same reader as ingestion. */
export function documentLibrary(config: Config): DocumentLibrary {
  return new DocumentLibrary(config.docsDir, { reader: documentReader(config), chunking: { chunkSize: config.chunkSize, chunkOverlap: config.chunkOverlap } });
}

/** The connection pool to DATABASE_URL (one per process); undefined without it. */
let pool: { url: string; pool: pg.Pool } | undefined;
export function databasePool(config: Config): pg.Pool | undefined {
  const url = config.store.databaseUrl;
  if (!url) return undefined;
  if (pool?.url !== url) pool = { url, pool: createPool(url, { max: config.store.poolSize, ef: config.retrieval.hnswEf }) };
  return pool.pool;
}

/** Where the index lives, from the config: the on-disk index, or Postgres. */
const backends = new Map<string, IndexBackend>();
export function indexBackend(config: Config): IndexBackend {
  if (config.store.kind === "hnswlib") return localBackend(config.indexDir);
  const key = `${config.store.databaseUrl}#${config.store.schema}`;
  let backend = backends.get(key);
  if (!backend) backends.set(key, (backend = pgBackend(databasePool(config)!, config.store.schema)));
  return backend;
}

export function knowledgeBaseOptions(config: Config, log: Logger, embeddings: EmbeddingsHandle): KnowledgeBaseOptions {
  return {
    ...ingestOptions(config, log, embeddings),
    backend: indexBackend(config),
    k: config.retrieval.k,
    ef: config.retrieval.hnswEf,
    answerableThreshold: config.retrieval.answerableThreshold,
    denseAnswerableSimilarity: config.retrieval.denseAnswerableSimilarity,
    retryEmbeddings: () => createEmbeddings(config, log),
  };
}

/**
 * The documents folder must be a readable folder before anything else happens (a model download,
 * an index build): a wrong DOCS_DIR stops start-up naming the variable and the fix. Called by each
 * entry point (the bot, the CLI commands) once, first. A folder given on a command line
 * (`--docs`) is named as that option: DOCS_DIR was not what the user typed.
 */
export async function checkDocsDir(config: Pick<Config, "docsDir">, option?: string): Promise<void> {
  const fix = option ? `give ${option} the folder that holds your documents` : "set DOCS_DIR in .env to the folder that holds your documents (HTML, Markdown, text, PDF, Word), e.g. DOCS_DIR=/home/me/manuals";
  const refuse = (message: string): never => {
    if (option) throw new Error(`${option}: ${message}`);
    throw new ConfigError([{ variable: "DOCS_DIR", message }]);
  };
  let stat;
  try {
    stat = await fs.stat(config.docsDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(`"${config.docsDir}" ${code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? "error"})`}; ${fix}`);
  }
  if (!stat.isDirectory()) refuse(`"${config.docsDir}" is a file, not a folder; ${fix}`);
  try {
    await fs.access(config.docsDir, fsConstants.R_OK | fsConstants.X_OK);
  } catch {
    refuse(`"${config.docsDir}" cannot be read by this user; give it read access or ${fix}`);
  }
}

/** Embeddings + index, building the index when there is none (or it no longer fits). */
export async function openKnowledgeBase(
  config: Config,
  log: Logger,
  onProgress?: (p: IngestProgress) => void,
): Promise<{ kb: KnowledgeBase; built?: IngestSummary }> {
  const logged = logDownload(log);
  const embeddings = await createEmbeddings(config, log, (d) => {
    logged(d);
    onProgress?.({ stage: "model", done: Math.round(d.loaded / 1e6), total: Math.max(1, Math.round(d.total / 1e6)) });
  });
  return KnowledgeBase.open(knowledgeBaseOptions(config, log, embeddings), {
    enabled: true,
    ...(onProgress ? { onProgress } : {}),
  });
}

const languagesOf = new WeakMap<object, readonly Lang[]>();

/** The languages of the passages the knowledge base serves now (none while it is being built). */
function folderLanguages(kb: Pick<KnowledgeBase, "index">, collections?: readonly string[]): readonly Lang[] {
  let manifest;
  try {
    manifest = kb.index.manifest;
  } catch {
    return [];
  }
  if (collections) return [...new Set(manifest.documents.filter((d) => collections.includes(d.collection)).map((d) => d.lang as Lang))];
  let langs = languagesOf.get(manifest);
  if (!langs) {
    langs = [...new Set(manifest.documents.map((d) => d.lang as Lang))];
    languagesOf.set(manifest, langs);
  }
  return langs;
}

/**
 * The folder's languages now, and whether its passages are found by their words only: hashing
 * embeddings (the configured ones, or the fallback when the model could not be loaded; looked up
 * per question, as a reindex may bring the model back). For the extractive answerer: its hint says
 * there is no language model.
 */
function languagesNow(kb: Pick<KnowledgeBase, "embeddings" | "index">) {
  return (collections?: readonly string[]) => ({ folder: folderLanguages(kb, collections), wordsOnly: kb.embeddings.info.provider === "hashing" });
}

/** The answer pipeline over a knowledge base: an LLM when configured, extractive otherwise. */
export function createQuestionAnswerer(config: Config, log: Logger, kb: Pick<KnowledgeBase, "retrieve" | "embeddings" | "index">): QuestionAnswerer {
  // Looked up per call: the knowledge base may still be building when the answerer is made.
  const embeddings = { embedDocuments: (texts: string[]) => kb.embeddings.embeddings.embedDocuments(texts) };
  // With a database, follow-ups work whichever instance a question reaches.
  const pool = databasePool(config);
  const history = { turns: config.history.turns, maxAgeMs: config.history.maxAgeMs };
  const conversations = pool ? new PgConversationStore(pool, config.store.schema, { ...history, onError: (err, what) => log.warn({ err }, `database failed ${what}; answering without it`) }) : new MemoryConversationStore(history);
  const common = {
    retrieve: (q: string, o?: { alsoCover?: string; collections?: readonly string[] }) => kb.retrieve(q, undefined, o),
    folderWords: () => kb.index.corpus,
    conversations,
    embeddings,
    secrets: config.secrets,
    log,
    answerTimeoutMs: config.llm.answerTimeoutMs,
  };
  if (config.llm.provider === "openai") {
    const llm = new LlmAnswerer(createChatModel({ ...config.llm, ...config.openai }), { malformedRetries: config.llm.maxRetries });
    const forms = config.llm.translateQuestions ? new QuestionForms(llm, () => folderLanguages(kb), log) : undefined;
    return new QuestionAnswerer({ ...common, answerer: llm, condenser: llm, ...(forms ? { forms } : {}) });
  }
  return new QuestionAnswerer({ ...common, answerer: new ExtractiveAnswerer(embeddings), languages: languagesNow(kb) });
}

/**
 * One tiny request to the chat endpoint at start-up, so a wrong key, address or model name stops
 * start-up with the setting to fix instead of looking like an outage to every user. An endpoint
 * that cannot be reached now is only a warning: it may come up later.
 */
export async function probeChatModel(config: Config, log: Logger): Promise<void> {
  if (config.llm.provider !== "openai") return;
  const model = createChatModel({ ...config.llm, ...config.openai, maxRetries: 0, timeoutMs: Math.min(config.llm.timeoutMs, 15_000), maxTokens: 1 });
  try {
    await model.invoke([{ role: "user", content: "ping" }]);
  } catch (error) {
    const e = error as { status?: number; message?: string };
    // The endpoint's own words may echo what it was sent (the key among them).
    const said = redactSecrets((e.message ?? "").split("\n")[0]!, config.secrets).slice(0, 200);
    if (e.status === 401 || e.status === 403) {
      throw new ConfigError([{ variable: "OPENAI_API_KEY", message: `the LLM endpoint refused the key (HTTP ${e.status}); check the key for ${config.openai.baseURL ?? "OpenAI"}` }]);
    }
    if (e.status === 404) {
      const aboutModel = /model/i.test(said);
      throw new ConfigError([
        aboutModel
          ? { variable: "LLM_MODEL", message: `the endpoint does not know the model "${config.llm.model}" (HTTP 404: ${said})` }
          : { variable: "OPENAI_BASE_URL", message: `no OpenAI-compatible chat endpoint there (HTTP 404); it usually ends in /v1` },
      ]);
    }
    log.warn({ status: e.status, reason: said }, "the LLM endpoint did not answer the start-up check; starting anyway, answers will fail until it does");
  }
}

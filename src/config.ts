import os from "node:os";
import path from "node:path";
import dotenv from "dotenv";
import { z } from "zod";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./documents/limits.js";
import { COLLECTION_NAME } from "./documents/collections.js";
import { DEFAULT_OCR_MAX_PAGES, trainedDataFile, type OcrSettings } from "./documents/ocr.js";
import { defaultReadWorkers } from "./documents/reader.js";
import { ConfigError } from "./errors.js";
import { redactSecrets } from "./logger.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off", ""])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));
/** A whole number in a range; any failure says so in those words ("must be a whole number from 1 to 50"), not the validator's. */
const int = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};
/** A number in a range, said likewise. */
const num = (min: number, max: number) => {
  const error = `must be a number from ${min} to ${max}`;
  return z.coerce.number({ error }).min(min, { error }).max(max, { error });
};
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));
const optionalUrl = optionalString.pipe(z.url({ protocol: /^https?$/ }).optional());

/** A comma- or space-separated list of numeric ids. */
const idList = (pattern: RegExp, message: string) =>
  z
    .string()
    .default("")
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(pattern, message)));

/** Collection names, comma-separated; empty: none given. */
const collectionList = z
  .string()
  .default("")
  .transform((v) => v.split(/[\s,]+/).filter(Boolean))
  .pipe(z.array(z.string().regex(COLLECTION_NAME, "must be collection names (top-level folders of DOCS_DIR, or main), comma-separated")));

/** "chat=collection,collection;chat=collection": which collections each chat searches. */
const collectionsByChat = z
  .string()
  .default("")
  .transform((v, ctx) => {
    const out: [number, string[]][] = [];
    for (const entry of v.split(";").map((e) => e.trim()).filter(Boolean)) {
      const m = /^(-?\d+)\s*=\s*(.+)$/.exec(entry);
      const names = m ? m[2]!.split(/[\s,]+/).filter(Boolean) : [];
      if (!m || !names.length || !names.every((n) => COLLECTION_NAME.test(n))) {
        ctx.addIssue({ code: "custom", message: `"${entry}" is not chat id=collection,collection (e.g. -1001234567890=hr,finance;4242=hr)` });
        return z.NEVER;
      }
      out.push([Number(m[1]), names]);
    }
    return out;
  });

/** Every environment variable the program reads, with its default. Documented in .env.example. */
const schema = z.object({
  DOCS_DIR: z.string().default("data/docs"),
  INDEX_DIR: z.string().default("data/index"),
  DOCS_RESCAN_MINUTES: int(0, 10_080).default(5),
  MAX_FILE_BYTES: int(1, 1024 ** 3).default(DEFAULT_READ_LIMITS.maxFileBytes),
  READ_TIMEOUT_MS: int(100, 3_600_000).default(DEFAULT_READ_LIMITS.timeoutMs),
  READ_MEMORY_MB: int(64, 65_536).default(DEFAULT_READ_LIMITS.memoryMb),
  READ_WORKERS: int(1, 64).default(defaultReadWorkers()),
  MAX_PDF_PAGES: int(1, 1_000_000).default(DEFAULT_READ_LIMITS.maxPdfPages),
  MAX_DOCUMENT_CHARS: int(1000, 1_000_000_000).default(DEFAULT_READ_LIMITS.maxChars),
  MAX_PASSAGES_PER_DOCUMENT: int(1, 10_000_000).default(DEFAULT_READ_LIMITS.maxPassages),
  MAX_FOLDER_PASSAGES: int(1, 100_000_000).default(DEFAULT_READ_LIMITS.maxFolderPassages),
  MAX_UNPACKED_BYTES: int(1024, 64 * 1024 ** 3).default(DEFAULT_READ_LIMITS.maxUnpackedBytes),
  OCR: bool.default(true),
  OCR_LANGUAGES: z
    .string()
    .default("eng+deu")
    .transform((v) => v.split(/[\s+,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z_]{3,12}$/, "must be Tesseract language codes joined by +, e.g. eng+deu")).min(1, "must name at least one language, e.g. eng")),
  OCR_MAX_PAGES: int(1, 100_000).default(DEFAULT_OCR_MAX_PAGES),
  OCR_PAGE_TIMEOUT_MS: int(1000, 3_600_000).default(60_000),
  CHUNK_SIZE: int(100, 8000).default(800),
  CHUNK_OVERLAP: int(0, 4000).default(100),

  EMBEDDINGS_PROVIDER: z
    .enum(["local", "openai", "hashing", ""])
    .optional()
    .transform((v) => (v ? v : undefined)),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_BATCH_SIZE: int(1, 2048).default(16),
  HASHING_DIMENSIONS: int(16, 65536).default(1024),
  MODEL_CACHE_DIR: z.string().default(".cache/models"),
  MODEL_DTYPE: z.enum(["q8", "fp32", "fp16", "int8", "uint8", "q4"]).default("q8"),
  MODELS_OFFLINE: bool.default(false),
  MODEL_REMOTE_HOST: optionalUrl,
  EMBEDDINGS_THREADS: int(1, 256).default(Math.max(1, os.availableParallelism())),

  OPENAI_BASE_URL: optionalUrl,
  OPENAI_API_KEY: optionalString,
  TRANSCRIBE_MODEL: optionalString,
  TRANSCRIBE_BASE_URL: optionalUrl,
  TRANSCRIBE_API_KEY: optionalString,
  VOICE_MAX_SECONDS: int(1, 3600).default(120),

  VECTOR_STORE: z.enum(["hnswlib", "pgvector"]).default("hnswlib"),
  DATABASE_URL: optionalString.pipe(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection URL").optional()),
  // At least 3: with webhooks one connection listens for other instances' news for good, an index
  // build holds one while it runs, and questions need one (at 1, a webhook bot answered nothing).
  DATABASE_POOL_SIZE: int(3, 100).default(8),
  PG_SCHEMA: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "must be a plain identifier: letters, digits and underscores").default("docsqa"),

  RETRIEVAL_K: int(1, 50).default(4),
  HNSW_M: int(4, 128).default(16),
  HNSW_EF_CONSTRUCTION: int(10, 2000).default(200),
  HNSW_EF: int(10, 5000).default(256),
  ANSWERABLE_THRESHOLD: num(0, 1).default(0.25),
  DENSE_ANSWERABLE_SIMILARITY: optionalString.pipe(z.union([z.undefined(), z.string().transform(Number).pipe(z.number().min(-1).max(1))])),

  LLM_PROVIDER: z.enum(["openai", "none"]).optional(),
  LLM_MODEL: z.string().default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: int(100, 600_000).default(30_000),
  LLM_MAX_RETRIES: int(0, 10).default(2),
  ANSWER_TIMEOUT_MS: int(1000, 600_000).default(60_000),
  LLM_TEMPERATURE: num(0, 2).default(0),
  LLM_MAX_TOKENS: int(0, 200_000).default(2048),
  LLM_TRANSLATE_QUESTIONS: bool.default(true),
  HISTORY_TURNS: int(0, 50).default(4),
  HISTORY_MAX_AGE_MINUTES: int(1, 7 * 24 * 60).default(30),

  TELEGRAM_BOT_TOKEN: optionalString.pipe(
    z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, "must look like 123456789:AA… (the token BotFather gave you)")
      .optional(),
  ),
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1-256 characters: letters, digits, _ and - (Telegram's rule)").optional(),
  ),
  PORT: int(0, 65535).default(8080),
  WEBHOOK_LEASE_MS: int(1000, 3_600_000).default(120_000),
  HEALTHZ_DETAIL: bool.default(false),
  ADMIN_USER_IDS: idList(/^\d+$/, "must be numeric Telegram user ids, comma-separated (not @usernames)"),
  ALLOWED_USER_IDS: idList(/^\d+$/, "must be numeric Telegram user ids, comma-separated (not @usernames)"),
  ALLOWED_CHAT_IDS: idList(/^-?\d+$/, "must be numeric chat ids, comma-separated (groups are negative, e.g. -1001234567890)"),
  ACCESS_FILE: z.string().default("data/access.json"),
  ACCESS_PENDING_MAX: int(1, 10_000).default(50),
  COLLECTIONS_BY_CHAT: collectionsByChat,
  DEFAULT_COLLECTIONS: collectionList,
  MAX_QUESTION_CHARS: int(10, 4000).default(1000),
  RATE_LIMIT_MESSAGES: int(1, 1000).default(8),
  RATE_LIMIT_WINDOW_SECONDS: int(1, 3600).default(60),
  RATE_LIMIT_ACTIONS: int(1, 10_000).default(60),
  FEEDBACK_LOG: z.string().default("data/feedback.jsonl"),
  FEEDBACK_RETENTION_DAYS: int(1, 3650).default(90),
  REINDEX_PROGRESS_INTERVAL_MS: int(500, 60_000).default(3000),
  FETCH_TIMEOUT_MS: int(1000, 600_000).default(30_000),
  ALLOW_PRIVATE_URLS: bool.default(false),
  STREAM_ANSWERS: bool.default(true),
  STREAM_INTERVAL_MS: int(200, 10_000).default(1000),

  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

type Env = z.output<typeof schema>;

/** Settings whose values are never echoed, even in error messages. */
const SECRET_SETTINGS = new Set(["OPENAI_API_KEY", "TRANSCRIBE_API_KEY", "TELEGRAM_BOT_TOKEN", "DATABASE_URL", "TELEGRAM_WEBHOOK_SECRET"]);

/** The names of every setting, for documentation checks. */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.shape);

export interface Config {
  readonly docsDir: string;
  readonly indexDir: string;
  /** How often the documents folder is looked at for files changed by hand (0: only at start). */
  readonly docsRescanMs: number;
  /** What reading one document may cost and become, and how many workers read. */
  readonly reading: ReadLimits & { readonly workers: number };
  /** OCR of scanned pages and images; undefined when OCR=false. */
  readonly ocr: OcrSettings | undefined;
  readonly chunkSize: number;
  readonly chunkOverlap: number;
  readonly embeddings: {
    /** undefined: automatic (local model, falling back to hashing when it cannot be loaded). */
    readonly provider: "local" | "openai" | "hashing" | undefined;
    readonly model: string | undefined;
    readonly batchSize: number;
    readonly hashingDimensions: number;
    readonly cacheDir: string;
    readonly dtype: Env["MODEL_DTYPE"];
    readonly offline: boolean;
    readonly threads: number;
    /** A Hugging Face mirror to download models from; unset: huggingface.co. */
    readonly remoteHost: string | undefined;
  };
  readonly openai: { readonly baseURL: string | undefined; readonly apiKey: string | undefined };
  /** Where the index lives: local files (hnswlib, the default) or Postgres with pgvector. */
  readonly store: { readonly kind: "hnswlib" | "pgvector"; readonly databaseUrl: string | undefined; readonly schema: string; readonly poolSize: number };
  readonly retrieval: {
    readonly k: number;
    readonly hnswM: number;
    readonly hnswEfConstruction: number;
    readonly hnswEf: number;
    readonly answerableThreshold: number;
    readonly denseAnswerableSimilarity: number | undefined;
  };
  readonly llm: {
    /** "openai": any OpenAI-compatible chat endpoint; "none": extractive answers, no model. */
    readonly provider: "openai" | "none";
    readonly model: string;
    readonly timeoutMs: number;
    /** Budget for one whole answer: follow-up rewrite, answer and all retries. */
    readonly answerTimeoutMs: number;
    readonly maxRetries: number;
    readonly temperature: number;
    /** Longest reply asked of the model, in tokens (0: none asked). */
    readonly maxTokens: number;
    /** Search each question in the folder's other languages too, translated by the model (one cached call). */
    readonly translateQuestions: boolean;
  };
  readonly history: { readonly turns: number; readonly maxAgeMs: number };
  readonly telegram: {
    /** Undefined: no bot (the console chat runs instead, on a terminal). */
    readonly token: string | undefined;
    readonly apiRoot: string | undefined;
    /** Set: webhook mode (Telegram posts updates to `url`); unset: long polling. */
    readonly webhook: { readonly url: string; readonly secret: string; readonly port: number; readonly leaseMs: number; readonly healthDetail: boolean } | undefined;
    readonly adminUserIds: readonly number[];
    /** Empty both: everyone may ask. Otherwise these users (in private) and chats, plus approvals in `accessFile`. */
    readonly allowedUserIds: readonly number[];
    readonly allowedChatIds: readonly number[];
    readonly accessFile: string;
    /** Per chat id (groups negative, private chats by user id): the collections it searches. */
    readonly collectionsByChat: ReadonlyMap<number, readonly string[]>;
    /** The collections of every other chat; undefined: all of them. Admins' private chats search all unless listed. */
    readonly defaultCollections: readonly string[] | undefined;
    /** Requests waiting at most; strangers beyond it are told the bot is private, and admins get an hourly count. */
    readonly maxPendingRequests: number;
    readonly maxQuestionChars: number;
    /** Per person and window: questions, and commands plus button presses. Admins are exempt. */
    readonly rateLimit: { readonly messages: number; readonly actions: number; readonly windowMs: number };
    readonly feedbackLog: string;
    /** Log entries older than this are dropped when the bot starts. */
    readonly feedbackRetentionDays: number;
    readonly progressIntervalMs: number;
    /** Time limit for downloading an uploaded file or fetching a page for /add. */
    readonly fetchTimeoutMs: number;
    /** /add may fetch from private, loopback and link-local addresses. */
    readonly allowPrivateUrls: boolean;
    /** Private chats with the LLM answerer: the answer is streamed as drafts while it is written. */
    readonly streamAnswers: boolean;
    /** At most one draft update per this many milliseconds. */
    readonly streamIntervalMs: number;
    /** Voice questions: transcribed by this endpoint; undefined: voice messages get a hint naming TRANSCRIBE_MODEL. */
    readonly voice: { readonly model: string; readonly baseURL: string | undefined; readonly apiKey: string | undefined; readonly maxSeconds: number } | undefined;
  };
  readonly logLevel: Env["LOG_LEVEL"];
  /** Values that must never be logged or shown. */
  readonly secrets: readonly string[];
}

/**
 * Where voice questions are transcribed, and with which key. The language model's server and key
 * are the default; a transcription server of its own never gets the language model's key (it may
 * be another party's).
 */
function transcriptionEndpoint(e: Env): { baseURL: string | undefined; apiKey: string | undefined } {
  if (e.TRANSCRIBE_BASE_URL) return { baseURL: e.TRANSCRIBE_BASE_URL, apiKey: e.TRANSCRIBE_API_KEY };
  return { baseURL: e.OPENAI_BASE_URL, apiKey: e.TRANSCRIBE_API_KEY ?? e.OPENAI_API_KEY };
}

/** The password in a connection URL, if any: masked in logs wherever it appears on its own. */
/** The password written into an address ("https://user:password@proxy/v1"), decoded. */
function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url.trim()).password) || undefined;
  } catch {
    return undefined;
  }
}

/** Settings that hold an address, which may carry a password. */
const URL_SETTINGS = ["DATABASE_URL", "OPENAI_BASE_URL", "TRANSCRIBE_BASE_URL", "TELEGRAM_API_ROOT", "TELEGRAM_WEBHOOK_URL"] as const;

/**
 * What is masked wherever text leaves the program (and an answer that holds one is withheld): the
 * secret settings as given, the database password, and the password of another address setting
 * when it is long enough not to be an everyday word (a proxy's "admin" would withhold every answer
 * that says "administrator"). From the raw settings, so that a setting that fails to parse is
 * echoed without them too (a webhook URL with the token in its path, missing its "https://").
 * Shorter than 4 characters, a value is not masked: it would mask parts of ordinary words.
 */
function secretsIn(raw: Readonly<Record<string, string | undefined>>): string[] {
  const values = [
    ...[...SECRET_SETTINGS].flatMap((name) => [raw[name], raw[name]?.trim()]),
    urlPassword(raw.DATABASE_URL),
    ...URL_SETTINGS.map((name) => urlPassword(raw[name])).filter((p) => p !== undefined && p.length >= ADDRESS_PASSWORD_MIN),
  ];
  return [...new Set(values.filter((s): s is string => !!s && s.length >= 4))];
}
/** The shortest password of an address setting (other than DATABASE_URL's) masked everywhere. */
const ADDRESS_PASSWORD_MIN = 8;

/** A setting's value as a config error echoes it: without any secret, nor the credentials of an address (all up to its last "@", a password may hold "/" or "#"). */
function echoed(value: string | undefined, secrets: readonly string[]): string {
  return JSON.stringify(value === undefined ? null : redactSecrets(value, secrets).replace(/\/\/[^\s@]*@/g, "//[redacted]@"));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Parses an environment into one validated, frozen Config. Throws ConfigError naming each bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  // An empty value (`NAME=` in .env) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = schema.safeParse(given);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? "?"),
        message: `${issue.message}${SECRET_SETTINGS.has(String(issue.path[0])) ? "" : ` (got ${echoed(given[String(issue.path[0])], secretsIn(given))})`}`,
      })),
    );
  }
  const e = result.data;
  const problems: { variable: string; message: string }[] = [];
  if (e.CHUNK_OVERLAP >= e.CHUNK_SIZE) {
    problems.push({ variable: "CHUNK_OVERLAP", message: `must be smaller than CHUNK_SIZE (${e.CHUNK_SIZE})` });
  }
  if (e.EMBEDDINGS_PROVIDER === "openai" && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    problems.push({
      variable: "OPENAI_API_KEY",
      message: "EMBEDDINGS_PROVIDER=openai needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a local server)",
    });
  }
  if (e.LLM_PROVIDER === "openai" && !e.OPENAI_API_KEY && !e.OPENAI_BASE_URL) {
    problems.push({
      variable: "OPENAI_API_KEY",
      message: "LLM_PROVIDER=openai needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a local server)",
    });
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    problems.push({ variable: "TELEGRAM_WEBHOOK_SECRET", message: "TELEGRAM_WEBHOOK_URL needs a secret that Telegram sends with every update, e.g. the output of `openssl rand -hex 32`" });
  }
  if (e.VECTOR_STORE === "pgvector" && !e.DATABASE_URL) {
    problems.push({ variable: "DATABASE_URL", message: "VECTOR_STORE=pgvector needs DATABASE_URL=postgres://user:password@host:5432/database (a Postgres with the pgvector extension)" });
  }
  if (e.TRANSCRIBE_MODEL) {
    const endpoint = transcriptionEndpoint(e);
    if (!endpoint.baseURL && !endpoint.apiKey) {
      problems.push({ variable: "TRANSCRIBE_MODEL", message: "voice questions need TRANSCRIBE_API_KEY or OPENAI_API_KEY (OpenAI), or TRANSCRIBE_BASE_URL (a local whisper server)" });
    }
  } else {
    for (const variable of ["TRANSCRIBE_BASE_URL", "TRANSCRIBE_API_KEY"] as const) {
      if (e[variable]) problems.push({ variable, message: `${variable} is set but TRANSCRIBE_MODEL is not: set TRANSCRIBE_MODEL (e.g. whisper-1) to turn voice questions on` });
    }
  }
  if (e.OCR) {
    const missing = e.OCR_LANGUAGES.filter((l) => !trainedDataFile(l));
    if (missing.length) {
      problems.push({
        variable: "OCR_LANGUAGES",
        message: `no OCR data installed for ${missing.join(", ")}: run npm install ${missing.map((l) => `@tesseract.js-data/${l}`).join(" ")} (or set OCR=false)`,
      });
    }
  }
  if (problems.length) throw new ConfigError(problems);

  const abs = (p: string) => path.resolve(cwd, p);
  return deepFreeze({
    docsDir: abs(e.DOCS_DIR),
    indexDir: abs(e.INDEX_DIR),
    docsRescanMs: e.DOCS_RESCAN_MINUTES * 60_000,
    reading: {
      maxFileBytes: e.MAX_FILE_BYTES,
      timeoutMs: e.READ_TIMEOUT_MS,
      memoryMb: e.READ_MEMORY_MB,
      maxPdfPages: e.MAX_PDF_PAGES,
      maxChars: e.MAX_DOCUMENT_CHARS,
      maxPassages: e.MAX_PASSAGES_PER_DOCUMENT,
      maxUnpackedBytes: e.MAX_UNPACKED_BYTES,
      maxFolderPassages: e.MAX_FOLDER_PASSAGES,
      workers: e.READ_WORKERS,
    },
    ocr: e.OCR ? { languages: e.OCR_LANGUAGES, maxPages: e.OCR_MAX_PAGES, pageTimeoutMs: e.OCR_PAGE_TIMEOUT_MS } : undefined,
    chunkSize: e.CHUNK_SIZE,
    chunkOverlap: e.CHUNK_OVERLAP,
    embeddings: {
      provider: e.EMBEDDINGS_PROVIDER,
      model: e.EMBEDDINGS_MODEL,
      batchSize: e.EMBEDDINGS_BATCH_SIZE,
      hashingDimensions: e.HASHING_DIMENSIONS,
      cacheDir: abs(e.MODEL_CACHE_DIR),
      dtype: e.MODEL_DTYPE,
      offline: e.MODELS_OFFLINE,
      remoteHost: e.MODEL_REMOTE_HOST,
      threads: e.EMBEDDINGS_THREADS,
    },
    openai: { baseURL: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY },
    store: { kind: e.VECTOR_STORE, databaseUrl: e.DATABASE_URL, schema: e.PG_SCHEMA, poolSize: e.DATABASE_POOL_SIZE },
    retrieval: {
      k: e.RETRIEVAL_K,
      hnswM: e.HNSW_M,
      hnswEfConstruction: e.HNSW_EF_CONSTRUCTION,
      hnswEf: e.HNSW_EF,
      answerableThreshold: e.ANSWERABLE_THRESHOLD,
      denseAnswerableSimilarity: e.DENSE_ANSWERABLE_SIMILARITY,
    },
    llm: {
      provider: e.LLM_PROVIDER ?? (e.OPENAI_API_KEY || e.OPENAI_BASE_URL ? "openai" : "none"),
      model: e.LLM_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      answerTimeoutMs: e.ANSWER_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES,
      temperature: e.LLM_TEMPERATURE,
      maxTokens: e.LLM_MAX_TOKENS,
      translateQuestions: e.LLM_TRANSLATE_QUESTIONS,
    },
    history: { turns: e.HISTORY_TURNS, maxAgeMs: e.HISTORY_MAX_AGE_MINUTES * 60_000 },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT?.replace(/\/+$/, ""),
      webhook:
        e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
          ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET, port: e.PORT, leaseMs: e.WEBHOOK_LEASE_MS, healthDetail: e.HEALTHZ_DETAIL }
          : undefined,
      adminUserIds: e.ADMIN_USER_IDS.map(Number),
      allowedUserIds: e.ALLOWED_USER_IDS.map(Number),
      allowedChatIds: e.ALLOWED_CHAT_IDS.map(Number),
      accessFile: abs(e.ACCESS_FILE),
      maxPendingRequests: e.ACCESS_PENDING_MAX,
      collectionsByChat: new Map(e.COLLECTIONS_BY_CHAT),
      defaultCollections: e.DEFAULT_COLLECTIONS.length ? e.DEFAULT_COLLECTIONS : undefined,
      maxQuestionChars: e.MAX_QUESTION_CHARS,
      rateLimit: { messages: e.RATE_LIMIT_MESSAGES, actions: e.RATE_LIMIT_ACTIONS, windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000 },
      feedbackLog: abs(e.FEEDBACK_LOG),
      feedbackRetentionDays: e.FEEDBACK_RETENTION_DAYS,
      progressIntervalMs: e.REINDEX_PROGRESS_INTERVAL_MS,
      fetchTimeoutMs: e.FETCH_TIMEOUT_MS,
      allowPrivateUrls: e.ALLOW_PRIVATE_URLS,
      streamAnswers: e.STREAM_ANSWERS,
      streamIntervalMs: e.STREAM_INTERVAL_MS,
      // The transcription endpoint defaults to the language model's server and key.
      voice: e.TRANSCRIBE_MODEL ? { model: e.TRANSCRIBE_MODEL, ...transcriptionEndpoint(e), maxSeconds: e.VOICE_MAX_SECONDS } : undefined,
    },
    logLevel: e.LOG_LEVEL,
    secrets: secretsIn(given),
  });
}

/** Reads `.env` (if present; real environment variables win) and parses the result. */
export function loadConfig(cwd = process.cwd()): Config {
  dotenv.config({ path: path.join(cwd, ".env"), quiet: true });
  return parseConfig(process.env, cwd);
}

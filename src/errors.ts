/**
 * The project's small error set. Each error carries a `hint`: what the person running the bot
 * should do next. Messages never contain secrets; callers decide what reaches end users.
 */
export class AppError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** A setting is missing or invalid. `variable` names the environment variable. */
export class ConfigError extends AppError {
  constructor(
    readonly problems: readonly { variable: string; message: string }[],
  ) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n")}`,
      "Fix the variables above in .env or the environment (see .env.example for every setting) and start again.",
    );
  }
}

/** The index was built from another documents folder than DOCS_DIR names now. */
export class IndexFolderMismatchError extends AppError {
  constructor(built: string, now: string) {
    super(`The index was built from another documents folder (${built}); DOCS_DIR is now ${now}.`, "It is rebuilt from DOCS_DIR at start; or run `npm run ingest`.");
  }
}

/** No index on disk yet. */
export class IndexNotFoundError extends AppError {
  constructor(dir: string) {
    super(`No index found in ${dir}.`, "Build it with `npm run ingest`.");
  }
}

/** The index on disk was built with other embeddings than the ones configured now. */
export class IndexMismatchError extends AppError {
  constructor(detail: string) {
    super(
      `The index was built with different embeddings: ${detail}.`,
      "Rebuild it with `npm run ingest` (or /reindex in the chat).",
    );
  }
}

/** The index on disk cannot be read. */
export class IndexCorruptError extends AppError {
  constructor(dir: string, cause: unknown) {
    super(`The index in ${dir} is unreadable or incomplete.`, "Rebuild it with `npm run ingest`.", {
      cause,
    });
  }
}

/** An embeddings provider could not be loaded or failed to embed. */
export class EmbeddingsError extends AppError {}

/** Ingestion found nothing usable. */
export class NoDocumentsError extends AppError {
  constructor(dir: string, skipped: number) {
    super(
      `No usable documents in ${dir}${skipped ? ` (${skipped} file(s) skipped)` : ""}.`,
      "Put .txt, .md, .html, .pdf, .docx or .doc files (or scans as .png, .jpg, .webp, .tif) into the documents folder (DOCS_DIR) and ingest again.",
    );
  }
}

/** The answer step failed (LLM unreachable, timed out, or answered nonsense). */
export class AnswerError extends AppError {
  constructor(
    message: string,
    readonly kind: "timeout" | "http" | "malformed" | "network",
    options?: ErrorOptions & { hint?: string },
  ) {
    super(message, options?.hint ?? "Check LLM_PROVIDER, OPENAI_BASE_URL and LLM_MODEL, or try again later.", options);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof AppError) return `${error.message}\n${error.hint}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The hnswlib-node native addon is missing or cannot be loaded (npm ci could not compile it). */
export class NativeAddonError extends AppError {
  constructor(cause: unknown) {
    // (The first line: "Could not locate the bindings file. Tried:" lists the paths on the lines after it.)
    const why = (cause instanceof Error ? cause.message.split("\n")[0]! : String(cause)).replace(/\.?\s*Tried:\s*$/, "");
    super(
      `The hnswlib-node native addon could not be loaded (${why.length > 160 ? `${why.slice(0, 160)}…` : why}).`,
      "npm ci compiles it with node-gyp, which needs a C++ toolchain and Python: Debian/Ubuntu `apt install build-essential python3`, " +
        "macOS `xcode-select --install`, Windows the Visual Studio Build Tools with \"Desktop development with C++\". Then run `npm rebuild hnswlib-node`.",
      { cause },
    );
  }
}

import cliProgress from "cli-progress";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { checkDocsDir, createQuestionAnswerer, openKnowledgeBase } from "../src/app.js";
import { loadConfig, type Config } from "../src/config.js";
import { PICTURE_OF_A_PAGE, SAME_FILE } from "../src/documents/load.js";
import { describeError } from "../src/errors.js";
import { databaseProblem } from "../src/store/pg/connect.js";
import { createLogger, maskConsole, redactSecrets, type Logger } from "../src/logger.js";
import { useProxyFromEnvironment } from "../src/proxy.js";
import type { IngestProgress, IngestSummary } from "../src/rag/ingest.js";
import { forTerminal, forTerminalLine } from "../src/terminal.js";

/** Files of an unsupported type named in the summary when there are this few of the type. */
const NAMED_PER_TYPE = 3;

/** Set by `setup`: an error message on stderr is masked with them, as log lines are. */
let secrets: readonly string[] = [];
/** Set by `setup`: a database error names where and which setting (DATABASE_URL). */
let databaseUrl: string | undefined;

/** Config and a logger for a command-line script; a bad setting ends the script with the message. */
export function setup(options: { quiet?: boolean } = {}): { config: Config; log: Logger } {
  const config = loadConfig();
  secrets = config.secrets;
  databaseUrl = config.store.databaseUrl;
  const level = options.quiet && config.logLevel === "info" ? "warn" : config.logLevel;
  // A person at a terminal reads one line per message; a pipe or a file gets JSON lines.
  const log = createLogger({ level, secrets: config.secrets, readable: process.stderr.isTTY === true });
  maskConsole(config.secrets);
  useProxyFromEnvironment(log);
  return { config, log };
}

/** Ends a script at its command line: `--help` (the usage on stdout, status 0) or a wrong option (the message and the usage on stderr, status 2). */
class UsageExit extends Error {
  constructor(
    readonly text: string,
    readonly code: 0 | 2,
  ) {
    super(text);
  }
}

/**
 * A script's command line, with `--help` for every script: it prints `usage` and ends the script,
 * as an option it does not know does with the message first (node's parseArgs throws on one,
 * which `run` would show as a bare error with status 1).
 */
export function parseOptions<const O extends NonNullable<ParseArgsConfig["options"]>, const P extends boolean = false>(usage: string, options: O, allowPositionals?: P) {
  const args = process.argv.slice(2);
  const end = args.indexOf("--");
  if ((end < 0 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h")) throw new UsageExit(usage, 0);
  try {
    return parseArgs({ options, allowPositionals: allowPositionals ?? false, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node's advice for text that starts with "-" has an unbalanced quote, and under npm the text
    // needs a second "--" (npm takes the first): said here as it works.
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    const script = /npm run (\S+)/.exec(usage)?.[1] ?? "<script>";
    const said = unknown
      ? `Unknown option '${unknown[1]}'.${allowPositionals ? ` Text that starts with "-" goes after a second "--": npm run ${script} -- -- "${unknown[1]} …"` : ""}`
      : message;
    throw new UsageExit(`${said}\n\n${usage}`, 2);
  }
}

/** Ends a script for options that do not go together: the message and the usage on stderr, status 2. */
export function usageError(message: string, usage: string): never {
  throw new UsageExit(`${message}\n\n${usage}`, 2);
}

/** Runs a script's main function; any error becomes a message on stderr and exit status 1. */
export function run(main: () => Promise<number | void>): void {
  // A reader that stops early (`npm run ask … | head -3`) closes the pipe: the rest of the output
  // is not wanted. Without this, the next write ended the script with a stack trace (EPIPE).
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  });
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof UsageExit) {
        (error.code === 0 ? process.stdout : process.stderr).write(`${error.text.trimEnd()}\n`);
        process.exitCode = error.code;
        return;
      }
      process.stderr.write(`\nError: ${forTerminal(redactSecrets(describeError(databaseProblem(error, databaseUrl) ?? error), secrets))}\n`);
      process.exitCode = 1;
    },
  );
}

/** A progress bar on a terminal, nothing elsewhere. */
export function progressBar(enabled: boolean): { onProgress?: (p: IngestProgress) => void; stop: () => void } {
  if (!enabled || !process.stderr.isTTY) return { stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: "{stage} [{bar}] {value}/{total}{scanned}", stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let stage = "";
  return {
    onProgress: (p) => {
      // Scanned pages are read while files are: counted on the files' line.
      const scanned = p.scanned ? `  scanned pages ${p.scanned.done}/${p.scanned.total}` : "";
      if (p.stage !== stage) {
        if (stage) bar.stop();
        stage = p.stage;
        bar.start(p.total, p.done, { stage: p.stage.padEnd(5), scanned });
      } else {
        bar.setTotal(p.total);
        bar.update(p.done, { scanned });
      }
    },
    stop: () => bar.stop(),
  };
}

export function formatSummary(s: IngestSummary): string {
  const lines = [
    `Indexed ${s.documents} document(s) as ${s.chunks} chunk(s) in ${s.seconds.toFixed(1)} s.`,
    `Embeddings: ${s.provider} ${s.model} (${s.dimensions} dimensions); ${s.embedded} chunk(s) embedded, ${s.reused} reused.`,
    `Documents: ${s.added.length} added, ${s.changed.length} changed, ${s.removed.length} removed, ${s.unchanged} unchanged.`,
  ];
  if (s.fallbackReason) lines.push(`WARNING: ${s.fallbackReason}.`);
  if (s.skipped.length) {
    lines.push(`Skipped ${s.skipped.length} file(s):`);
    // Files of types no reader takes are counted per type; every other reason is named per file.
    const byType = new Map<string, string[]>();
    let pictures = 0;
    let aliases = 0;
    for (const f of s.skipped) {
      const type = /^unsupported file type "(.*)"$/.exec(f.reason)?.[1];
      if (type !== undefined) {
        let files = byType.get(type);
        if (!files) byType.set(type, (files = []));
        files.push(f.source);
      }
      else if (f.reason.startsWith(PICTURE_OF_A_PAGE)) pictures++;
      else if (f.reason.startsWith(SAME_FILE)) aliases++;
      else lines.push(`  - ${forTerminalLine(f.source)}: ${forTerminalLine(f.reason)}`);
    }
    // A type with few files names them (a README without extension is worth renaming; a site's 300 .css files are not news).
    const named = (files: readonly string[]) => (files.length <= NAMED_PER_TYPE ? `: ${files.map(forTerminalLine).join(", ")}` : "");
    if (byType.size) lines.push(`  - unsupported file types: ${[...byType].sort((a, b) => b[1].length - a[1].length).map(([t, files]) => `${forTerminalLine(t)} (${files.length}${named(files)})`).join(", ")}`);
    if (pictures) lines.push(`  - ${pictures} picture(s) shown in pages (part of those pages, not read on their own)`);
    if (aliases) lines.push(`  - ${aliases} symbolic link(s) to files of the folder (each file read once, under its own name)`);
  }
  if (s.warnings.length) {
    lines.push(`Read with warnings (${s.warnings.length}):`);
    for (const w of s.warnings) lines.push(`  - ${forTerminalLine(w.source)}: ${forTerminalLine(w.warning)}`);
  }
  return lines.join("\n");
}

/**
 * Config, logger, the knowledge base (built first if missing, with a progress bar and summary on
 * a terminal unless `json`) and the answer pipeline: what `ask` and `eval` start from.
 */
export async function openForCli(
  json: boolean,
  overrides: Partial<Pick<Config, "docsDir" | "indexDir" | "store">> | ((loaded: Config) => Partial<Pick<Config, "docsDir" | "indexDir" | "store">>) = {},
) {
  const { config: loaded, log } = setup({ quiet: true });
  const config: Config = { ...loaded, ...(typeof overrides === "function" ? overrides(loaded) : overrides) };
  await checkDocsDir(config, config.docsDir !== loaded.docsDir ? "--docs" : undefined);
  const bar = progressBar(!json);
  const { kb, built: opened } = await openKnowledgeBase(config, log, bar.onProgress);
  // A folder changed by hand since its index was built is read again before a question: the bot
  // does that in the background, but a one-off command would answer from the old index (a
  // deleted file still cited). If that cannot be done now (another build runs, a file cannot be
  // read), the index as it was built answers, with a line saying so.
  const built =
    opened ??
    (await kb.refreshIfFolderChanged(0, bar.onProgress).catch((error: unknown) => {
      bar.stop();
      process.stderr.write(`The documents folder changed since the index was built, but it could not be read again now: ${describeError(error).split("\n")[0]}\nAnswering from the index as it was built.\n`);
      return undefined;
    }));
  bar.stop();
  if (built && !json) process.stderr.write(`${formatSummary(built)}\n\n`);
  return { config, log, kb, qa: createQuestionAnswerer(config, log, kb) };
}

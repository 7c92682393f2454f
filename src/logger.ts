import { format } from "node:util";
import pino, { type Logger } from "pino";
import { prettyFactory } from "pino-pretty";
import { forColouredLine, forTerminalLine } from "./terminal.js";

export type { Logger };

/**
 * Replaces every occurrence of a secret in a string: as it is, JSON-escaped, URL-encoded and in
 * base64, and a long secret (16 characters or more) in any letter case. A failing service's
 * error text can echo the request's key back transformed (an error page showed the
 * Authorization header lower-cased and in base64). A short one (a database password "secret")
 * is matched as written only: in any case it masked ordinary words ("Secrets", "PostgreSQL").
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const { exact, anyCase } = patternsOf(secrets);
  let out = exact ? text.replace(exact, "[redacted]") : text;
  if (anyCase) out = out.replace(anyCase, "[redacted]");
  return out;
}

/** Whether a text holds a secret in any of the forms `redactSecrets` masks. */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  const { exact, anyCase } = patternsOf(secrets);
  return (exact !== null && text.search(exact) >= 0) || (anyCase !== null && text.search(anyCase) >= 0);
}

/** Every form of the secrets that `redactSecrets` masks (for holding back a draft that may be starting one). */
export function secretForms(secrets: readonly string[]): readonly string[] {
  return patternsOf(secrets).forms;
}

/** Secrets at least this long are masked in any letter case. */
const ANY_CASE_MIN = 16;

interface SecretPatterns {
  readonly exact: RegExp | null;
  readonly anyCase: RegExp | null;
  readonly forms: readonly string[];
}

/** The patterns of each list of secrets (the configuration's list, every time), made once. */
const patterns = new WeakMap<readonly string[], SecretPatterns>();

function patternsOf(secrets: readonly string[]): SecretPatterns {
  let made = patterns.get(secrets);
  if (!made) patterns.set(secrets, (made = makePatterns(secrets)));
  return made;
}

function makePatterns(secrets: readonly string[]): SecretPatterns {
  const exact = new Set<string>();
  const anyCase = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    // As written in a JSON log line too (a quote or backslash in a password is escaped there).
    const text = [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)];
    const base64 = Buffer.from(s).toString("base64");
    for (const form of [...text, base64, base64.replace(/=+$/, ""), Buffer.from(s).toString("base64url")]) exact.add(form);
    if (s.length >= ANY_CASE_MIN) for (const form of text) anyCase.add(form);
  }
  // Longest first, so a form inside another is not masked first and the rest left showing.
  const pattern = (forms: ReadonlySet<string>, flags: string) =>
    forms.size ? new RegExp([...forms].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), flags) : null;
  return { exact: pattern(exact, "g"), anyCase: pattern(anyCase, "gi"), forms: [...exact] };
}

/**
 * Log lines a person reads between answers (the console chat): one line each, local time, the
 * error's first line instead of its stack, colours on a terminal. A field's text (a file name)
 * reaches the terminal as text: pino-pretty writes fields as JSON, which escapes only the first
 * 32 controls, so the C1 controls and bidirectional overrides are shown as their code here
 * (src/terminal.ts): "inv\u202efdp.exe" would otherwise show as "invexe.pdf".
 */
export function readableLines(colorize: boolean, write: (text: string) => void = stderrLines()): pino.DestinationStream {
  const format = prettyFactory({
    colorize,
    singleLine: true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,err",
    messageFormat: (line, key) => {
      const err = line.err as { message?: string } | undefined;
      // An error's message can carry a file name, and with it control characters.
      return `${forTerminalLine(String(line[key]))}${err?.message ? `: ${forTerminalLine(err.message.split("\n")[0]!)}` : ""}`;
    },
  });
  return { write: (line: string) => write(forColouredLine(format(line))) };
}

/**
 * Stderr written at once (a line is not lost when the process exits) through pino's own
 * destination, which waits out a pipe that is full and finishes a partial write: a bare
 * `fs.writeSync(2, …)` threw EAGAIN when a reader of piped stderr paused, and cut long lines.
 */
function stderrLines(): (text: string) => void {
  const destination = pino.destination({ fd: 2, sync: true });
  return (text) => void destination.write(text);
}

/**
 * A JSON logger on stderr (stdout stays free for command output), or `readable` one-line text.
 * Secrets are masked in every line, whatever field they hide in.
 */
export function createLogger(options: {
  level: string;
  secrets: readonly string[];
  destination?: pino.DestinationStream;
  readable?: boolean;
}): Logger {
  const { secrets } = options;
  const destination = options.destination ?? (options.readable ? readableLines(process.stderr.isTTY === true) : pino.destination({ fd: 2, sync: true }));
  const masking: pino.DestinationStream = secrets.length
    ? { write: (line: string) => destination.write(redactSecrets(line, secrets)) }
    : destination;
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: ["token", "apiKey", "*.token", "*.apiKey", "config.secrets"], censor: "[redacted]" },
    },
    masking,
  );
}

/**
 * The console masked as the logger is: libraries write to it past the logger. The OpenAI SDK
 * prints a streamed line it cannot parse, and an endpoint that echoes the request's headers put
 * the API key on the bot's output that way (found by an attack review).
 */
export function maskConsole(secrets: readonly string[], target: Console = console): void {
  if (!secrets.length) return;
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const write = target[method].bind(target);
    target[method] = (...args: unknown[]) => write(redactSecrets(format(...args), secrets));
  }
}

/**
 * A warning that can repeat many times a second (a wrong webhook secret, refused strangers):
 * logged at most once per `intervalMs`; the ones left out are counted in one line at the end of
 * the interval.
 */
export function throttledWarning(log: Logger, message: string, intervalMs = 60_000): (fields?: Record<string, unknown>) => void {
  let last = -Infinity;
  let skipped = 0;
  let lastFields: Record<string, unknown> = {};
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    if (!skipped) return;
    log.warn({ ...lastFields, notLogged: skipped }, `${message} (${skipped} more in the last ${Math.round(intervalMs / 1000)} s)`);
    skipped = 0;
    last = Date.now();
  };
  return (fields = {}) => {
    const now = Date.now();
    if (now - last < intervalMs) {
      skipped++;
      lastFields = fields;
      if (!timer) {
        timer = setTimeout(flush, last + intervalMs - now);
        timer.unref();
      }
      return;
    }
    log.warn(fields, message);
    last = now;
  };
}

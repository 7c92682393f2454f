import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { forTerminalLine } from "./terminal.js";

export type { Logger };

/**
 * Replaces every occurrence of a secret in a string: as it is, in any letter case, JSON-escaped,
 * URL-encoded and in base64. A failing service's error text can echo the request's key back transformed (an
 * error page that showed the Authorization header lower-cased and in base64 reached the log).
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let pattern = patterns.get(secrets);
  if (pattern === undefined) patterns.set(secrets, (pattern = secretPattern(secrets)));
  return pattern ? text.replace(pattern, "[redacted]") : text;
}

/** The pattern of each list of secrets (the configuration's list, every time), made once. */
const patterns = new WeakMap<readonly string[], RegExp | null>();

function secretPattern(secrets: readonly string[]): RegExp | null {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    const base64 = Buffer.from(s).toString("base64");
    // As written in a JSON log line too (a quote or backslash in a password is escaped there).
    for (const form of [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s), base64, base64.replace(/=+$/, ""), Buffer.from(s).toString("base64url")]) forms.add(form);
  }
  if (!forms.size) return null;
  // Longest first, so a form inside another is not masked first and the rest left showing.
  return new RegExp([...forms].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
}

/**
 * Log lines a person reads between answers (the console chat): one line each, local time, the
 * error's first line instead of its stack, colours on a terminal.
 */
function readableLines(colorize: boolean): pino.DestinationStream {
  return pretty({
    colorize,
    singleLine: true,
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname,err",
    destination: 2,
    sync: true,
    messageFormat: (line, key) => {
      const err = line.err as { message?: string } | undefined;
      // An error's message can carry a file name, and with it control characters (src/terminal.ts).
      return `${String(line[key])}${err?.message ? `: ${forTerminalLine(err.message.split("\n")[0]!)}` : ""}`;
    },
  });
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

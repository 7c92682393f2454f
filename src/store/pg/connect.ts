import pg from "pg";
import { AppError, ConfigError } from "../../errors.js";
import type { Logger } from "../../logger.js";

/** Where a connection URL points, for the log: host, port and database, never the user or password. */
export function databaseAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(DATABASE_URL is not a URL)";
  }
}

/** Postgres error codes that no retry fixes: a wrong password or user, a database that does not exist. */
const FATAL: Record<string, string> = {
  "28P01": "the server refused the user name or password",
  "28000": "the server refused this user or client (pg_hba.conf)",
  "3D000": "the database does not exist",
};

/** Errors of a connection that found no server there (or none in time). */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"]);

/**
 * A database error said for the person who runs the command: where the database is, which setting
 * points there and what to do. "connect ECONNREFUSED 127.0.0.1:5432" or 'extension "vector" is not
 * available' alone named neither DATABASE_URL nor pgvector. Undefined for any other error.
 */
export function databaseProblem(error: unknown, url: string | undefined): AppError | undefined {
  if (!url || !(error instanceof Error)) return undefined;
  const code = (error as { code?: string }).code;
  const where = databaseAddress(url);
  if (code && FATAL[code]) return new ConfigError([{ variable: "DATABASE_URL", message: `${FATAL[code]} at ${where}; check the URL` }]);
  // Only a connection to the database's own host (an embeddings endpoint that is down is not the database).
  const host = (() => {
    try {
      return new URL(url).hostname.replace(/^\[|\]$/g, "");
    } catch {
      return undefined;
    }
  })();
  const toDatabase = host !== undefined && (error.message.includes(host) || (error as { address?: string }).address === host);
  if ((code && UNREACHABLE.has(code) && toDatabase) || /connection timeout|Connection terminated unexpectedly/i.test(error.message)) {
    return new AppError(`Cannot reach the database at ${where} (${error.message}).`, "Check that Postgres runs there and that DATABASE_URL points to it.", { cause: error });
  }
  if (/extension "vector"/i.test(error.message)) {
    return new AppError(
      `The database at ${where} has no pgvector (${error.message}).`,
      "Install pgvector on that server (Debian/Ubuntu: apt install postgresql-<version>-pgvector; it is enabled by the bot), or leave VECTOR_STORE unset for the local index.",
      { cause: error },
    );
  }
  return undefined;
}

/**
 * Waits until the database answers, so that start-up is never a silent hang: each failure is
 * logged (where, the setting, the next try), trying again with backoff up to a minute. A refused
 * password or a missing database stops start-up naming DATABASE_URL instead.
 */
export async function waitForDatabase(url: string, log: Logger, options: { firstDelayMs?: number; maxDelayMs?: number } = {}): Promise<void> {
  const maxDelay = options.maxDelayMs ?? 60_000;
  for (let delay = options.firstDelayMs ?? 1000, tries = 1; ; delay = Math.min(delay * 2, maxDelay), tries++) {
    // A client of its own: a host that does not answer at all fails this try after 10 s instead
    // of never (the pool keeps no such limit: there it would also cut queries waiting for a busy connection).
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end().catch(() => {});
      if (tries > 1) log.info({ database: databaseAddress(url), tries }, "database reachable");
      return;
    } catch (error) {
      await client.end().catch(() => {});
      const code = (error as { code?: string }).code;
      if (code && FATAL[code]) throw new ConfigError([{ variable: "DATABASE_URL", message: `${FATAL[code]} at ${databaseAddress(url)}; check the URL` }]);
      log.warn(
        { database: databaseAddress(url), setting: "DATABASE_URL", reason: (error as Error).message, retryInMs: delay },
        "cannot reach the database yet; retrying (check that Postgres runs there and DATABASE_URL)",
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

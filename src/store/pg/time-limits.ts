/**
 * Time limits of the project's Postgres queries: one for every query (createPool), lifted for
 * the work that waits for a lock and may run for minutes, and a longer one for the few queries
 * that read or drop a whole index at once.
 */
import type pg from "pg";

/**
 * How long a query may take before it fails (client side, so a database that stops answering, or
 * a connection that hangs, fails the question within bounds instead of holding it in silence).
 * Index builds and migrations, which wait for a lock and may run for minutes, go without it.
 */
export const QUERY_TIMEOUT_MS = 30_000;
/** How long to wait for a connection (a new one, or a free one of the pool). */
export const CONNECT_TIMEOUT_MS = 15_000;

/**
 * The time limit of the few queries that read or drop a whole index at once (its vocabulary when
 * it is loaded, a collection's when a chat limited to it first asks, a schema dropped): once per
 * index or scope, and on a large index longer than a question's queries may take.
 */
const SLOW_QUERY_TIMEOUT_MS = 10 * 60_000;

/** A query under SLOW_QUERY_TIMEOUT_MS (node-postgres reads `query_timeout` per query; its types do not declare it). */
export function slowQuery(text: string, values?: unknown[]): pg.QueryConfig {
  return { text, ...(values ? { values } : {}), query_timeout: SLOW_QUERY_TIMEOUT_MS } as pg.QueryConfig;
}

/**
 * Lifts the pool's query time limit on one checked-out connection; the returned function puts it
 * back before the connection returns to the pool. (node-postgres reads the limit per query from
 * the connection's parameters, which its types do not declare.)
 */
export function withoutQueryTimeout(client: pg.PoolClient): () => void {
  const parameters = (client as unknown as { connectionParameters?: { query_timeout?: number } }).connectionParameters;
  if (!parameters) return () => {};
  const before = parameters.query_timeout;
  parameters.query_timeout = 0;
  return () => {
    parameters.query_timeout = before;
  };
}

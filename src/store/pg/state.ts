/**
 * Bot state in Postgres when DATABASE_URL is set, so that instances behind one webhook share it:
 * recent turns for follow-up questions, and rate-limit counters (through @grammyjs/ratelimiter's
 * Redis-like storage client interface, which only needs `incr` and `pexpire`).
 */
import type pg from "pg";
import type { ConversationStore, Turn } from "../../rag/conversation.js";
import { ensureMigrated, ident } from "./schema.js";

/**
 * A database that fails must not cost the user the answer: without history a follow-up is
 * searched as asked, and without a counter a message is let through. The failure is logged.
 */
type OnError = (error: unknown, what: string) => void;

export class PgConversationStore implements ConversationStore {
  private readonly s: string;
  private adds = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly options: { turns: number; maxAgeMs: number; onError: OnError },
  ) {
    this.s = ident(schema);
  }

  async recent(conversation: string): Promise<Turn[]> {
    if (this.options.turns === 0) return [];
    return this.read(conversation).catch((error: unknown) => {
      this.options.onError(error, "reading the conversation");
      return [];
    });
  }

  private async read(conversation: string): Promise<Turn[]> {
    await ensureMigrated(this.pool, this.schema);
    const { rows } = await this.pool.query<{ turn: Turn }>(
      `SELECT turn FROM ${this.s}.conversation_turns WHERE conversation = $1 AND at >= now() - make_interval(secs => $2::float8 / 1000)
       ORDER BY at DESC LIMIT $3`,
      [conversation, this.options.maxAgeMs, this.options.turns],
    );
    return rows.map((r) => r.turn).reverse();
  }

  async add(conversation: string, turn: Turn): Promise<void> {
    if (this.options.turns === 0) return;
    await this.write(conversation, turn).catch((error: unknown) => this.options.onError(error, "saving the conversation"));
  }

  private async write(conversation: string, turn: Turn): Promise<void> {
    await ensureMigrated(this.pool, this.schema);
    await this.pool.query(`INSERT INTO ${this.s}.conversation_turns (conversation, at, turn) VALUES ($1, to_timestamp($2::float8 / 1000), $3::jsonb)`, [
      conversation,
      turn.at,
      JSON.stringify(turn),
    ]);
    // Old turns are never read again: removed now and then.
    if (++this.adds % 100 === 1) {
      await this.pool
        .query(`DELETE FROM ${this.s}.conversation_turns WHERE at < now() - make_interval(secs => $1::float8 / 1000)`, [this.options.maxAgeMs])
        .catch(() => {});
    }
  }
}

/** The two calls @grammyjs/ratelimiter makes on a Redis client, on a Postgres table. */
export class PgRateLimitClient {
  private readonly s: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly onError: OnError,
  ) {
    this.s = ident(schema);
  }

  /** Counts a hit; a counter whose window has passed starts again at 1. */
  async incr(key: string): Promise<number> {
    return this.count(key).catch((error: unknown) => {
      this.onError(error, "counting for the rate limit");
      return 0;
    });
  }

  private async count(key: string): Promise<number> {
    await ensureMigrated(this.pool, this.schema);
    const { rows } = await this.pool.query<{ count: number }>(
      `INSERT INTO ${this.s}.rate_limits (key, count, expires_at) VALUES ($1, 1, now() + interval '1 hour')
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.expires_at <= now() THEN 1 ELSE rate_limits.count + 1 END,
         expires_at = CASE WHEN rate_limits.expires_at <= now() THEN now() + interval '1 hour' ELSE rate_limits.expires_at END
       RETURNING count`,
      [key],
    );
    return rows[0]!.count;
  }

  /** The window of a counter: it ends `ms` from now. */
  async pexpire(key: string, ms: number): Promise<number> {
    return this.pool
      .query(`UPDATE ${this.s}.rate_limits SET expires_at = now() + make_interval(secs => $2::float8 / 1000) WHERE key = $1`, [key, ms])
      .then(
        (r) => r.rowCount ?? 0,
        (error: unknown) => {
          this.onError(error, "setting a rate-limit window");
          return 0;
        },
      );
  }
}

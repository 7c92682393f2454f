/**
 * Bot state in Postgres when DATABASE_URL is set, so that instances behind one webhook share it:
 * recent turns for follow-up questions, rate-limit counters (through @grammyjs/ratelimiter's
 * Redis-like storage client interface, which only needs `incr` and `pexpire`), access approvals,
 * and feedback (answers their buttons name, votes, unanswered questions).
 */
import type pg from "pg";
import { randomBytes } from "node:crypto";
import { storedTurn, type ConversationStore, type Turn } from "../../rag/conversation.js";
import { accessData, EMPTY_ACCESS, type AccessFile, type AccessStore } from "../../state/access.js";
import { storedAnswer, type Feedback, type StoredAnswer, type Tally } from "../../state/feedback.js";
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
    const { rows } = await this.pool.query<{ turn: unknown }>(
      `SELECT turn FROM ${this.s}.conversation_turns WHERE conversation = $1 AND at >= now() - make_interval(secs => $2::float8 / 1000)
       ORDER BY at DESC, seq DESC LIMIT $3`,
      [conversation, this.options.maxAgeMs, this.options.turns],
    );
    return rows
      .map((r) => storedTurn(r.turn))
      .filter((t): t is Turn => t !== undefined)
      .reverse();
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

/** Access approvals in one row, changed under a row lock: instances never overwrite each other's changes. */
export class PgAccessStore implements AccessStore {
  private readonly s: string;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {
    this.s = ident(schema);
  }

  async load(): Promise<AccessFile> {
    await ensureMigrated(this.pool, this.schema);
    const { rows } = await this.pool.query<{ data: AccessFile }>(`SELECT data FROM ${this.s}.access_state`);
    return rows[0] ? accessData(rows[0].data) : EMPTY_ACCESS;
  }

  async change(change: (data: AccessFile) => AccessFile): Promise<AccessFile> {
    await ensureMigrated(this.pool, this.schema);
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`INSERT INTO ${this.s}.access_state (singleton, data) VALUES (true, $1::jsonb) ON CONFLICT DO NOTHING`, [JSON.stringify(EMPTY_ACCESS)]);
      const { rows } = await client.query<{ data: AccessFile }>(`SELECT data FROM ${this.s}.access_state FOR UPDATE`);
      const current = accessData(rows[0]!.data);
      const next = change(current);
      if (next !== current) await client.query(`UPDATE ${this.s}.access_state SET data = $1::jsonb`, [JSON.stringify(next)]);
      await client.query("COMMIT");
      client.release();
      return next;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      // Not back into the pool: a statement given up on (the query time limit) may still run on
      // the server, its transaction open and the row locked, and the ROLLBACK queued behind it.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  }
}

const PRUNE_EVERY_MS = 24 * 60 * 60 * 1000;

/** Feedback in tables: any instance can show the passages of, and count the votes on, any answer. */
export class PgFeedback implements Feedback {
  private readonly s: string;

  /** When entries older than the retention were last dropped. */
  private prunedAt = 0;

  private constructor(
    private readonly pool: pg.Pool,
    schema: string,
    private readonly retentionDays: number,
  ) {
    this.s = ident(schema);
  }

  /** Opens the tables, dropping entries older than the retention. */
  static async open(pool: pg.Pool, schema: string, options: { retentionDays: number }): Promise<PgFeedback> {
    await ensureMigrated(pool, schema);
    const feedback = new PgFeedback(pool, schema, options.retentionDays);
    await feedback.prune();
    return feedback;
  }

  /** Drops entries older than the retention; again once a day while the bot runs, not only at start (a bot that runs for months kept them all). */
  private async prune(): Promise<void> {
    this.prunedAt = Date.now();
    const cutoff = [this.retentionDays];
    await this.pool.query(`DELETE FROM ${this.s}.feedback_answers WHERE at < now() - make_interval(days => $1)`, cutoff);
    await this.pool.query(`DELETE FROM ${this.s}.feedback_unanswered WHERE at < now() - make_interval(days => $1)`, cutoff);
  }

  /** The daily pruning, before an entry is recorded; a failed one does not stop the entry (tried again the next day). */
  private async pruneDaily(): Promise<void> {
    if (Date.now() - this.prunedAt >= PRUNE_EVERY_MS) await this.prune().catch(() => undefined);
  }

  async remember(chatId: number, userId: number | undefined, answer: StoredAnswer): Promise<string> {
    await this.pruneDaily();
    const key = randomBytes(6).toString("base64url");
    await this.pool.query(`INSERT INTO ${this.s}.feedback_answers (key, chat_id, user_id, answer) VALUES ($1, $2, $3, $4::jsonb)`, [
      key,
      chatId,
      userId ?? null,
      JSON.stringify(storedAnswer(answer)),
    ]);
    return key;
  }

  async recall(key: string): Promise<{ chatId: number; answer: StoredAnswer } | undefined> {
    const { rows } = await this.pool.query<{ chat_id: string; answer: StoredAnswer }>(`SELECT chat_id, answer FROM ${this.s}.feedback_answers WHERE key = $1`, [key]);
    return rows[0] ? { chatId: Number(rows[0].chat_id), answer: rows[0].answer } : undefined;
  }

  async vote(key: string, userId: number, vote: "up" | "down"): Promise<Tally | undefined> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.s}.feedback_votes (key, user_id, vote) SELECT key, $2, $3 FROM ${this.s}.feedback_answers WHERE key = $1
       ON CONFLICT (key, user_id) DO UPDATE SET vote = EXCLUDED.vote, at = now()`,
      [key, userId, vote],
    );
    if (!rowCount) return undefined;
    const { rows } = await this.pool.query<{ up: number; down: number }>(
      `SELECT count(*) FILTER (WHERE vote = 'up')::int AS up, count(*) FILTER (WHERE vote = 'down')::int AS down FROM ${this.s}.feedback_votes WHERE key = $1`,
      [key],
    );
    return { up: rows[0]!.up, down: rows[0]!.down };
  }

  async abstained(chatId: number, userId: number | undefined, question: string, answer: string): Promise<void> {
    await this.pruneDaily();
    await this.pool.query(`INSERT INTO ${this.s}.feedback_unanswered (chat_id, user_id, question, answer) VALUES ($1, $2, $3, $4)`, [chatId, userId ?? null, question, answer]);
  }
}

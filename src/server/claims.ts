/**
 * Who handles which webhook update. Telegram resends an update whose request did not succeed in
 * time, and behind a load balancer the resend may reach another instance: an update is claimed
 * (with its payload) before it is handled, so each update_id is handled once across instances.
 * A claim whose instance died before finishing is taken over after a lease, so nothing is lost:
 * a live instance renews the claims and chat locks it holds (`renew`, well within the lease), so
 * only a dead one's run out, however long an answer or a chat's queue takes.
 * Updates of one chat are handled one at a time across instances (a per-chat lock).
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Update } from "grammy/types";
import { ident } from "../store/pg/schema.js";

export interface UpdateClaims {
  /** True when this instance got the update (first to claim it). */
  claim(update: Update): Promise<boolean>;
  done(updateId: number): Promise<void>;
  /** Unfinished updates claimed longer ago than `leaseMs`: now claimed by this instance. */
  takeOver(leaseMs: number): Promise<Update[]>;
  /** Waits for the chat's lock; the returned function releases it. */
  lockChat(key: string): Promise<() => Promise<void>>;
  /** Extends the lease of every claim and chat lock this instance still holds. */
  renew(): Promise<void>;
  /**
   * Stops renewing a claim this instance cannot handle now (the chat's lock could not be taken:
   * the database failed): its lease runs out and it is taken over, here or by another instance,
   * as a dead instance's would be. No database call, so it holds while the database is down.
   */
  abandon(updateId: number): void;
  /** Whether the store answers (health checks). */
  healthy(): Promise<boolean>;
  /**
   * Tells every instance about an update that must reach the one holding some state: the stop
   * button under a streamed answer reaches whichever instance Telegram's request lands on, while
   * the model call to abort runs in the instance that answers. `listen` gets what others publish.
   */
  publish(update: Update): Promise<void>;
  listen(onUpdate: (update: Update) => void): Promise<void>;
  close(): Promise<void>;
}

/** One instance without a database: claims and locks in memory. */
export class MemoryClaims implements UpdateClaims {
  private readonly seen = new Map<number, { update: Update; at: number; done: boolean }>();
  private readonly chains = new Map<string, Promise<void>>();

  async claim(update: Update): Promise<boolean> {
    if (this.seen.has(update.update_id)) return false;
    this.seen.set(update.update_id, { update, at: Date.now(), done: false });
    if (this.seen.size > 100_000) for (const [id, s] of this.seen) if (s.done) this.seen.delete(id);
    return true;
  }

  async done(updateId: number): Promise<void> {
    const s = this.seen.get(updateId);
    if (s) s.done = true;
  }

  async takeOver(): Promise<Update[]> {
    return []; // one instance: nobody else's claims to take over
  }

  async renew(): Promise<void> {
    // One instance: no lease that another could take over.
  }

  abandon(updateId: number): void {
    // In memory the chat's lock cannot fail; an update given up on is handled no more.
    this.seen.delete(updateId);
  }

  async lockChat(key: string): Promise<() => Promise<void>> {
    const previous = this.chains.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const chain = previous.then(() => mine);
    this.chains.set(key, chain);
    await previous;
    return async () => {
      release();
      if (this.chains.get(key) === chain) this.chains.delete(key);
    };
  }

  async healthy(): Promise<boolean> {
    return true;
  }

  async publish(): Promise<void> {
    // One instance: nobody else to tell.
  }

  async listen(): Promise<void> {}

  async close(): Promise<void> {}
}

/** How often a chat lock held elsewhere is tried again. */
const LOCK_POLL_MS = 50;

/**
 * Claims in Postgres (table `updates`). Chat locks are lease rows (table `chat_locks`), not
 * session advisory locks: an advisory lock holds a connection for as long as the chat is being
 * answered, and handlers that need the pool for their own queries could then wait on each other.
 * A lease held by an instance that died ends after the lease time.
 */
export class PgClaims implements UpdateClaims {
  private readonly s: string;
  private readonly channel: string;
  private listener: pg.PoolClient | undefined;
  private closed = false;
  /** Claims this instance took and has not finished, and the chat locks it holds: renewed. */
  private readonly working = new Set<number>();
  private readonly holding = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
    private readonly instance: string,
    private readonly leaseMs: number,
    private readonly onError: (error: unknown, what: string) => void = () => {},
  ) {
    this.s = ident(schema);
    this.channel = ident(`${schema.slice(0, 50)}_broadcast`);
  }

  async publish(update: Update): Promise<void> {
    await this.pool.query("SELECT pg_notify($1, $2)", [this.channel.slice(1, -1), JSON.stringify(update)]);
  }

  /** LISTEN on a connection of its own; a broken connection is replaced after a second. */
  async listen(onUpdate: (update: Update) => void): Promise<void> {
    const connect = async (): Promise<void> => {
      if (this.closed) return;
      let client: pg.PoolClient | undefined;
      try {
        client = await this.pool.connect();
        const listening = client;
        this.listener = client;
        client.on("notification", (n) => {
          try {
            onUpdate(JSON.parse(n.payload ?? "") as Update);
          } catch (error) {
            this.onError(error, "reading a broadcast update");
          }
        });
        client.on("error", (error) => {
          if (this.listener !== listening) return; // let go already (its LISTEN failed)
          this.onError(error, "listening for broadcast updates");
          listening.release(true);
          this.listener = undefined;
          setTimeout(() => void connect(), 1000).unref();
        });
        await client.query(`LISTEN ${this.channel}`);
      } catch (error) {
        this.onError(error, "listening for broadcast updates");
        // A connection whose LISTEN failed (or timed out) is let go, not kept out of the pool for good.
        if (client && this.listener === client) {
          this.listener = undefined;
          client.release(true);
        }
        setTimeout(() => void connect(), 1000).unref();
      }
    };
    await connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.listener;
    this.listener = undefined;
    if (client) {
      await client.query(`UNLISTEN ${this.channel}`).catch(() => {});
      client.release();
    }
  }

  async claim(update: Update): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.s}.updates (update_id, payload, claimed_by) VALUES ($1, $2::jsonb, $3) ON CONFLICT (update_id) DO NOTHING`,
      [update.update_id, JSON.stringify(update), this.instance],
    );
    if (rowCount === 1) this.working.add(update.update_id);
    return rowCount === 1;
  }

  abandon(updateId: number): void {
    this.working.delete(updateId);
  }

  async done(updateId: number): Promise<void> {
    this.working.delete(updateId);
    await this.pool.query(`UPDATE ${this.s}.updates SET done_at = now() WHERE update_id = $1`, [updateId]);
    // Finished claims are kept a day (Telegram resends within minutes), then removed.
    if (updateId % 100 === 0) {
      await this.pool.query(`DELETE FROM ${this.s}.updates WHERE done_at < now() - interval '1 day'`).catch(() => {});
    }
  }

  async takeOver(leaseMs: number): Promise<Update[]> {
    const { rows } = await this.pool.query<{ payload: Update }>(
      `UPDATE ${this.s}.updates SET claimed_by = $1, claimed_at = now()
       WHERE update_id IN (
         SELECT update_id FROM ${this.s}.updates
         WHERE done_at IS NULL AND claimed_at < now() - make_interval(secs => $2::float8 / 1000)
         ORDER BY update_id LIMIT 50 FOR UPDATE SKIP LOCKED)
       RETURNING payload`,
      [this.instance, leaseMs],
    );
    for (const r of rows) this.working.add(r.payload.update_id);
    return rows.map((r) => r.payload).sort((a, b) => a.update_id - b.update_id);
  }

  async renew(): Promise<void> {
    if (this.working.size) {
      await this.pool.query(`UPDATE ${this.s}.updates SET claimed_at = now() WHERE update_id = ANY($1::bigint[]) AND claimed_by = $2 AND done_at IS NULL`, [
        [...this.working],
        this.instance,
      ]);
    }
    if (this.holding.size) {
      await this.pool.query(`UPDATE ${this.s}.chat_locks SET expires_at = now() + make_interval(secs => $2::float8 / 1000) WHERE holder = ANY($1::text[])`, [
        [...this.holding],
        this.leaseMs,
      ]);
    }
  }

  async lockChat(key: string): Promise<() => Promise<void>> {
    const holder = `${this.instance}:${randomUUID()}`;
    for (;;) {
      const { rowCount } = await this.pool.query(
        `INSERT INTO ${this.s}.chat_locks (key, holder, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3::float8 / 1000))
         ON CONFLICT (key) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at WHERE chat_locks.expires_at < now()`,
        [key, holder, this.leaseMs],
      );
      if (rowCount === 1) break;
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
    this.holding.add(holder);
    return async () => {
      this.holding.delete(holder);
      await this.pool.query(`DELETE FROM ${this.s}.chat_locks WHERE key = $1 AND holder = $2`, [key, holder]);
    };
  }

  async healthy(): Promise<boolean> {
    // One of the project's own tables, not just "SELECT 1": a schema dropped under a running
    // instance failed every question while /healthz said all was well (a restart migrates it again).
    return this.pool.query(`SELECT 1 FROM ${this.s}.updates LIMIT 1`).then(
      () => true,
      () => false,
    );
  }
}

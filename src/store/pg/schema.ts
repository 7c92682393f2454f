/**
 * The project's tables in Postgres, created and migrated by the project itself on start (never by
 * hand): every migration has a version, runs once, in order, in a transaction, under an advisory
 * lock so that instances starting together do not race.
 */
import type pg from "pg";
import { slowQuery, withoutQueryTimeout } from "./time-limits.js";

/** A schema name as an SQL identifier (quoted; only letters, digits and underscores are accepted). */
export function ident(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`not a usable schema name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** Key of the advisory lock that serialises migrations (any 64-bit number unique to this use). */
const MIGRATION_LOCK = 7_303_201_001;

/**
 * Migrations, in order. The chunks table itself is made by the builder (`ensureChunkTable`), with
 * the vector extension: its vector column has the dimensions of the configured embeddings, which a
 * migration cannot know, and a database used only for bot state (webhook claims) needs no pgvector.
 */
const MIGRATIONS: readonly ((s: string) => string)[] = [
  (s) => `
    CREATE TABLE ${s}.state (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      generation bigint NOT NULL,
      manifest jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );`,
  // Webhook updates, claimed by the instance that handles them: each update_id once, across instances.
  (s) => `
    CREATE TABLE ${s}.updates (
      update_id bigint PRIMARY KEY,
      payload jsonb NOT NULL,
      claimed_by text NOT NULL,
      claimed_at timestamptz NOT NULL DEFAULT now(),
      done_at timestamptz
    );
    CREATE INDEX updates_unfinished ON ${s}.updates (claimed_at) WHERE done_at IS NULL;`,
  // Bot state shared by instances: recent turns for follow-up questions, and rate-limit counters.
  (s) => `
    CREATE TABLE ${s}.conversation_turns (
      conversation text NOT NULL,
      at timestamptz NOT NULL,
      turn jsonb NOT NULL
    );
    CREATE INDEX conversation_turns_recent ON ${s}.conversation_turns (conversation, at DESC);
    CREATE TABLE ${s}.rate_limits (
      key text PRIMARY KEY,
      count integer NOT NULL,
      expires_at timestamptz NOT NULL
    );`,
  // Access approvals, and feedback: answers their buttons name, votes, unanswered questions.
  (s) => `
    CREATE TABLE ${s}.access_state (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      data jsonb NOT NULL
    );
    CREATE TABLE ${s}.feedback_answers (
      key text PRIMARY KEY,
      chat_id bigint NOT NULL,
      user_id bigint,
      answer jsonb NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE ${s}.feedback_votes (
      key text NOT NULL REFERENCES ${s}.feedback_answers (key) ON DELETE CASCADE,
      user_id bigint NOT NULL,
      vote text NOT NULL CHECK (vote IN ('up', 'down')),
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (key, user_id)
    );
    CREATE TABLE ${s}.feedback_unanswered (
      id bigserial PRIMARY KEY,
      chat_id bigint NOT NULL,
      user_id bigint,
      question text NOT NULL,
      answer text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );`,
  // Turns written in the same millisecond keep the order they were written in.
  (s) => `ALTER TABLE ${s}.conversation_turns ADD COLUMN seq bigserial;`,
  // Per-chat order across instances: a lease row per chat being answered.
  (s) => `
    CREATE TABLE ${s}.chat_locks (
      key text PRIMARY KEY,
      holder text NOT NULL,
      expires_at timestamptz NOT NULL
    );`,
  // The postings index by term alone becomes one by term and row (what BM25 pruning reads) at
  // start-up, not at the next build: a served index must not wait for one. The table exists
  // only once a build wrote it (the build creates it, with this index).
  (s) => `
    DO $migrate$ BEGIN
      IF to_regclass('${s}.postings') IS NOT NULL THEN
        CREATE INDEX IF NOT EXISTS postings_term_row ON ${s}.postings (term, row_id) INCLUDE (tf, len, first_gen, last_gen, collection);
        DROP INDEX IF EXISTS ${s}.postings_term;
      END IF;
    END $migrate$;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

const migrated = new WeakMap<pg.Pool, Map<string, Promise<void>>>();
/** `migrate`, once per pool and schema in this process (a failure is tried again next time). */
export function ensureMigrated(pool: pg.Pool, schema: string): Promise<void> {
  const bySchema = migrated.get(pool) ?? new Map<string, Promise<void>>();
  migrated.set(pool, bySchema);
  let done = bySchema.get(schema);
  if (!done) {
    done = migrate(pool, schema).catch((error: unknown) => {
      bySchema.delete(schema);
      throw error;
    });
    bySchema.set(schema, done);
  }
  return done;
}

/** Creates the schema and applies the migrations it has not seen yet. */
export async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const s = ident(schema);
  const client = await pool.connect();
  // Another instance's migration is waited for, and a migration runs, as long as they take.
  const restore = withoutQueryTimeout(client);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_version (version integer NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT max(version) AS version FROM ${s}.schema_version`);
    const at = rows[0]?.version ?? 0;
    if (at > MIGRATIONS.length) {
      throw new Error(`the database schema ${schema} is at version ${at}, newer than this program (${MIGRATIONS.length}); update the program`);
    }
    for (let v = at; v < MIGRATIONS.length; v++) {
      await client.query("BEGIN");
      try {
        await client.query(MIGRATIONS[v]!(s));
        await client.query(`INSERT INTO ${s}.schema_version (version) VALUES ($1)`, [v + 1]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    restore();
    client.release();
  }
}

/** Removes a schema and everything in it (a throwaway evaluation index). */
export async function dropSchema(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(slowQuery(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`));
}

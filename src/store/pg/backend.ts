/**
 * The index in Postgres with pgvector (VECTOR_STORE=pgvector): chunks, their metadata and
 * embeddings in one table with an HNSW index, versioned by generation so that a reindex is
 * incremental (only new text is embedded; unchanged chunks keep their rows) and atomic (readers
 * switch from one generation to the next in one committed transaction, and a question is answered
 * from one generation only, never a mix).
 *
 * Our own SQL rather than LangChain's PGVectorStore: PGVectorStore has no notion of generations
 * (its metadata filter cannot express "visible in generation g", and an operator it does not know
 * silently runs unfiltered), keeps ids as UUIDs, does not set `hnsw.ef_search` per query, and
 * creates its HNSW index without failing loudly. The retrieval pipeline still sees a LangChain
 * VectorStore (PgGenerationStore below).
 */
import type { Embeddings } from "@langchain/core/embeddings";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import { VectorStore } from "@langchain/core/vectorstores";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { IndexCorruptError, IndexMismatchError, IndexNotFoundError } from "../../errors.js";
import { slicer } from "../../event-loop.js";
import { collectionOf } from "../../documents/collections.js";
import { indexedText } from "../../documents/split.js";
import type { Chunk } from "../../documents/types.js";
import { parseManifest } from "../manifest.js";
import { FORMAT_VERSION, type HnswParams, type IndexBackend, type Manifest, type ServedIndex } from "../backend.js";
import { describeSpace, sameSpace, type EmbeddingsInfo } from "../../rag/embeddings/types.js";
import { changesSince, embedChunks, folderPath, readDocuments, unchangedSummary, upToDate, type IngestOptions, type IngestSummary } from "../../rag/ingest.js";
import { dropSchema, ensureMigrated, ident } from "./schema.js";
import { CONNECT_TIMEOUT_MS, QUERY_TIMEOUT_MS, slowQuery, withoutQueryTimeout } from "./time-limits.js";
import { PgCorpus, visibleIn } from "./corpus.js";
import { ALL_LANGS, LANG_BITS } from "../../rag/corpus.js";
import { ANALYSER_FINGERPRINT, terms } from "../../rag/text.js";
import { calibrate, CALIBRATION_EF, embedRandomQuestions } from "../../rag/calibration.js";

/** Advisory lock key of the builder: one build at a time across every instance and CLI run. */
const BUILD_LOCK = 7_303_201_002;
/** Rows per INSERT statement. */
const INSERT_BATCH = 200;

const toVector = (v: readonly number[]) => `[${v.join(",")}]`;

interface State {
  generation: number;
  /** Undefined when the stored manifest does not parse (edited by hand, or written by a broken build); `unreadable` says why. */
  manifest: Manifest | undefined;
  unreadable?: Error;
}

/** The current generation and its manifest, checked like the local index's (the database is outside this program too). */
async function readState(db: pg.Pool | pg.PoolClient, s: string): Promise<State | undefined> {
  const { rows } = await db.query<{ generation: string; manifest: unknown }>(`SELECT generation, manifest FROM ${s}.state`);
  if (!rows[0]) return undefined;
  const generation = Number(rows[0].generation);
  try {
    return { generation, manifest: parseManifest(rows[0].manifest) };
  } catch (error) {
    return { generation, manifest: undefined, unreadable: error as Error };
  }
}

async function chunkTableDimensions(db: pg.PoolClient | pg.Pool, schema: string): Promise<number | undefined> {
  const { rows } = await db.query<{ dims: number }>(
    "SELECT a.atttypmod AS dims FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attname = 'embedding'",
    [`${ident(schema)}.chunks`],
  );
  return rows[0]?.dims;
}

/** Which of the columns that changed between versions the chunks table has. */
async function changedColumns(db: pg.PoolClient, schema: string): Promise<{ collection: boolean; lexemes: boolean }> {
  const { rows } = await db.query<{ attname: string }>("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname IN ('lexemes', 'collection') AND NOT attisdropped", [`${ident(schema)}.chunks`]);
  const names = new Set(rows.map((r) => r.attname));
  return { collection: names.has("collection"), lexemes: names.has("lexemes") };
}

/** What a passage's row holds besides its text, as read back from jsonb. */
function storedMeta(chunk: Chunk): unknown {
  const { text: _text, ...meta } = chunk;
  return JSON.parse(JSON.stringify(meta));
}

/**
 * The postings of newly inserted passages: one row per passage and distinct term, with the term's
 * frequency (capped as the local index caps it), the passage's length in terms, language and
 * collection, visible from generation `generation`.
 */
async function insertPostings(
  client: pg.PoolClient,
  s: string,
  generation: number,
  inserted: readonly { row_id: string; id: string }[],
  chunkOf: ReadonlyMap<string, Chunk>,
  analysedOf: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  const cols = { term: [] as string[], row: [] as string[], tf: [] as number[], len: [] as number[], lang: [] as number[], collection: [] as string[] };
  for (const { row_id, id } of inserted) {
    const chunk = chunkOf.get(id)!;
    const analysed = analysedOf.get(id)!;
    const tf = new Map<string, number>();
    for (const t of analysed) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      cols.term.push(term);
      cols.row.push(row_id);
      cols.tf.push(Math.min(n, 65535));
      cols.len.push(analysed.length);
      cols.lang.push(LANG_BITS[chunk.lang]);
      cols.collection.push(chunk.collection);
    }
  }
  if (!cols.term.length) return;
  await client.query(
    `INSERT INTO ${s}.postings (term, row_id, tf, len, lang, collection, first_gen)
     SELECT u.*, $7::bigint FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[], $5::smallint[], $6::text[]) AS u`,
    [cols.term, cols.row, cols.tf, cols.len, cols.lang, cols.collection, generation],
  );
}

/**
 * The chunks table for vectors of `dimensions`, with its HNSW index for these parameters. A table
 * for other embeddings is dropped (its vectors cannot be compared with the new ones).
 */
async function ensureChunkTable(client: pg.PoolClient, schema: string, dimensions: number, hnsw: HnswParams, reset: boolean): Promise<void> {
  const s = ident(schema);
  await client.query("CREATE EXTENSION IF NOT EXISTS vector");
  const existing = await chunkTableDimensions(client, schema);
  const columns = existing === undefined ? undefined : await changedColumns(client, schema);
  if (existing !== undefined && (existing !== dimensions || reset || !columns?.collection)) {
    await client.query(`DROP TABLE ${s}.chunks`);
    await client.query(`DROP TABLE IF EXISTS ${s}.postings`);
    await client.query(`DROP TABLE IF EXISTS ${s}.vocabulary`);
    await client.query(`DELETE FROM ${s}.state`);
  }
  // Passages of the tsvector version keep their vectors (reused by text hash); their lexical
  // side moves to the postings table as the build inserts them again.
  else if (columns?.lexemes) await client.query(`ALTER TABLE ${s}.chunks DROP COLUMN lexemes`);
  await client.query(`
    CREATE TABLE IF NOT EXISTS ${s}.chunks (
      row_id bigserial PRIMARY KEY,
      id text NOT NULL,
      first_gen bigint NOT NULL,
      last_gen bigint,
      source text NOT NULL,
      collection text NOT NULL,
      start_offset integer NOT NULL,
      hash text NOT NULL,
      chunk jsonb NOT NULL,
      text text NOT NULL,
      term_count integer NOT NULL,
      embedding vector(${dimensions}) NOT NULL
    )`);
  await client.query(`CREATE INDEX IF NOT EXISTS chunks_generations ON ${s}.chunks (first_gen, last_gen)`);
  // BM25 postings: per passage row and term, the term's frequency, with what scoring and
  // visibility need, so the lexical leg reads the rows of the question's terms and nothing else
  // (an index-only scan on the term). Rows follow their passage's generations.
  await client.query(`
    CREATE TABLE IF NOT EXISTS ${s}.postings (
      term text NOT NULL,
      row_id bigint NOT NULL,
      tf integer NOT NULL,
      len integer NOT NULL,
      lang smallint NOT NULL,
      collection text NOT NULL,
      first_gen bigint NOT NULL,
      last_gen bigint
    )`);
  // By term, then row: a question reads a rare term's postings whole and a common term's only for its best candidates.
  await client.query(`CREATE INDEX IF NOT EXISTS postings_term_row ON ${s}.postings (term, row_id) INCLUDE (tf, len, first_gen, last_gen, collection)`);
  await client.query(`CREATE INDEX IF NOT EXISTS postings_row ON ${s}.postings (row_id)`);
  // The postings retired with their generation (few at a time), removed at the build after it.
  await client.query(`CREATE INDEX IF NOT EXISTS postings_retired ON ${s}.postings (last_gen) WHERE last_gen IS NOT NULL`);
  await client.query(`CREATE INDEX IF NOT EXISTS chunks_source ON ${s}.chunks (source, start_offset)`);
  await client.query(`CREATE INDEX IF NOT EXISTS chunks_id ON ${s}.chunks (id)`);
  await client.query(`CREATE INDEX IF NOT EXISTS chunks_collection ON ${s}.chunks (collection)`);
  // Per generation: each term's document frequency, and the passages' mean length in terms.
  await client.query(`
    CREATE TABLE IF NOT EXISTS ${s}.vocabulary (
      generation bigint NOT NULL,
      term text NOT NULL,
      df integer NOT NULL,
      PRIMARY KEY (generation, term)
    )`);
  // The languages of the passages that use each term (LANG_BITS); generations written before it read as "all".
  await client.query(`ALTER TABLE ${s}.vocabulary ADD COLUMN IF NOT EXISTS langs smallint NOT NULL DEFAULT ${ALL_LANGS}`);
  await client.query(`
    CREATE TABLE IF NOT EXISTS ${s}.generation_stats (
      generation bigint PRIMARY KEY,
      chunks integer NOT NULL,
      avg_terms float8 NOT NULL
    )`);
  await client.query(`CREATE INDEX IF NOT EXISTS chunks_hash ON ${s}.chunks (hash)`);
  const name = `chunks_embedding_hnsw_m${hnsw.m}_ef${hnsw.efConstruction}`;
  const { rows } = await client.query<{ indexname: string }>(
    "SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = 'chunks' AND indexname LIKE 'chunks_embedding_hnsw_%'",
    [schema],
  );
  if (!rows.some((r) => r.indexname === name)) {
    for (const r of rows) await client.query(`DROP INDEX ${s}.${ident(r.indexname)}`);
    await client.query(`CREATE INDEX ${ident(name)} ON ${s}.chunks USING hnsw (embedding vector_cosine_ops) WITH (m = ${hnsw.m}, ef_construction = ${hnsw.efConstruction})`);
  }
}

/**
 * Nearest neighbours among the chunks of one generation, as a LangChain VectorStore.
 */
export class PgGenerationStore extends VectorStore {
  declare FilterType: never;

  constructor(
    private readonly searchEmbeddings: Embeddings,
    private readonly pool: pg.Pool,
    private readonly schema: string,
    readonly generation: number,
    /** Only passages of these collections are searched (undefined: all), inside the index scan. */
    private readonly collections?: readonly string[],
  ) {
    super(searchEmbeddings, {});
  }

  /** The same search, limited to some collections. */
  scoped(collections: readonly string[]): PgGenerationStore {
    return new PgGenerationStore(this.searchEmbeddings, this.pool, this.schema, this.generation, collections);
  }

  _vectorstoreType(): string {
    return "pgvector-generation";
  }

  async addVectors(): Promise<void> {
    throw new Error("PgGenerationStore is read-only: the index is written by the ingest pipeline");
  }

  async addDocuments(): Promise<void> {
    throw new Error("PgGenerationStore is read-only: the index is written by the ingest pipeline");
  }

  async similaritySearchVectorWithScore(query: number[], k: number): Promise<[DocumentInterface, number][]> {
    const s = ident(this.schema);
    const client = await this.pool.connect();
    try {
      // hnsw.ef_search and the iterative scan are set once per session, before its first search.
      if (!configuredSessions.has(client)) {
        await client.query(searchSettings.get(this.pool) ?? "SET hnsw.iterative_scan = relaxed_order");
        configuredSessions.add(client);
      }
      const { rows } = await client.query<{ id: string; distance: number }>(
        // With iterative scans (relaxed order) the HNSW scan goes on until k rows pass the filter.
        `SELECT id, embedding <=> $1::vector AS distance FROM ${s}.chunks WHERE ${visibleIn("$2")}${this.collections ? " AND collection = ANY($4::text[])" : ""}
         ORDER BY embedding <=> $1::vector LIMIT $3`,
        [toVector(query), this.generation, k, ...(this.collections ? [this.collections] : [])],
      );
      // Iterative scans in relaxed order may return neighbours slightly out of order.
      client.release();
      return rows
        .map((r) => [new Document({ pageContent: "", metadata: { id: r.id }, id: r.id }), Number(r.distance)] as [DocumentInterface, number])
        .sort((a, b) => a[1] - b[1]);
    } catch (error) {
      // A connection whose query failed (timed out on a hung connection) is not reused.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  }
}

/**
 * Runs `work` holding a session advisory lock on a connection of its own: another holder of the
 * same key (another instance, a CLI run) waits until it is released, calling `onWait` first so
 * that the wait is said (a build can take minutes). The connection is released (and with it the
 * lock) even when `work` fails; a crashed process's lock ends with its session.
 */
export async function withAdvisoryLock<T>(pool: pg.Pool, key: number, work: (client: pg.PoolClient) => Promise<T>, onWait?: () => void): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  // Waiting for the lock and building take as long as they take: no query time limit here.
  const restore = withoutQueryTimeout(client);
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [key]);
    if (!rows[0]?.locked) {
      onWait?.();
      await client.query("SELECT pg_advisory_lock($1)", [key]);
    }
    try {
      return await work(client);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [key]).catch(() => (broken = true));
    }
  } finally {
    restore();
    client.release(broken);
  }
}

/** Passages a generation's rows hold (its manifest says how many it should). */
async function storedPassages(db: pg.Pool | pg.PoolClient, s: string, generation: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${s}.chunks WHERE ${visibleIn("$1")}`, [generation]);
  return rows[0]?.n ?? 0;
}

/** Per pool, the settings of a session that searches HNSW; and the sessions that have them. */
const searchSettings = new WeakMap<pg.Pool, string>();
const configuredSessions = new WeakSet<pg.PoolClient>();

/**
 * Connects to DATABASE_URL. Every session searches HNSW with `ef` candidates (pgvector's default
 * of 40 is too low for good recall) and iterative scans, so that filtering by generation does not
 * starve a result. Idle connections do not keep a command-line script alive.
 */
export function createPool(databaseUrl: string, options: { max?: number; ef?: number; queryTimeoutMs?: number } = {}): pg.Pool {
  const ef = Math.max(1, Math.min(options.ef ?? 256, 1000));
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.max ?? 8,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
    query_timeout: options.queryTimeoutMs ?? QUERY_TIMEOUT_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A connection the network dropped without a word is found out within minutes (probes from
    // 10 s of silence on; the system's default waits two hours), not waited on.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  searchSettings.set(pool, `SET hnsw.ef_search = ${ef}; SET hnsw.iterative_scan = relaxed_order`);
  // An idle connection that breaks (a database restart) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  return pool;
}

/** The index in Postgres, in `schema`. Migrates the schema before first use. */
export function pgBackend(pool: pg.Pool, schema: string): IndexBackend & { readonly pool: pg.Pool } {
  const s = ident(schema);
  const ready = () => ensureMigrated(pool, schema);
  const name = (g: number) => `pgvector:${schema}:generation-${g}`;

  return {
    kind: "pgvector",
    pool,

    discard: () => dropSchema(pool, schema),

    async current() {
      await ready();
      const state = await readState(pool, s);
      return state ? name(state.generation) : undefined;
    },

    async load(options: { embeddings: Embeddings; info: EmbeddingsInfo; ef: number }): Promise<ServedIndex> {
      await ready();
      const where = `schema ${schema} of the database`;
      const state = await readState(pool, s);
      if (!state || (await chunkTableDimensions(pool, schema)) === undefined) throw new IndexNotFoundError(where);
      const { manifest, generation } = state;
      if (!manifest) throw new IndexCorruptError(where, state.unreadable);
      if (manifest.formatVersion !== FORMAT_VERSION) {
        throw new IndexMismatchError(`format version ${manifest.formatVersion}, this program reads ${FORMAT_VERSION}`);
      }
      if (!sameSpace(manifest.embeddings, options.info)) {
        throw new IndexMismatchError(`built with ${describeSpace(manifest.embeddings)}, configured now: ${describeSpace(options.info)}`);
      }
      // In memory: the vocabulary with document frequencies, not the passages.
      const { rows: stats } = await pool.query<{ chunks: number; avg_terms: number }>(`SELECT chunks, avg_terms FROM ${s}.generation_stats WHERE generation = $1`, [generation]);
      if (!stats[0] || stats[0].chunks !== manifest.chunkCount) {
        throw new IndexCorruptError(where, new Error(`generation ${generation} has no statistics for its ${manifest.chunkCount} chunks`));
      }
      const stored = await storedPassages(pool, s, generation);
      if (stored !== manifest.chunkCount) {
        throw new IndexCorruptError(where, new Error(`generation ${generation} holds ${stored} of its ${manifest.chunkCount} passages`));
      }
      const { rows: vocabulary } = await pool.query<{ term: string; df: number; langs: number }>(slowQuery(`SELECT term, df, langs FROM ${s}.vocabulary WHERE generation = $1`, [generation]));
      const corpus = await new PgCorpus(
        pool,
        schema,
        generation,
        new Map(vocabulary.map((v) => [v.term, { df: v.df, langs: v.langs }])),
        stats[0].chunks,
        stats[0].avg_terms,
        manifest.documents.map((d) => d.source),
      ).prepared();
      const store = new PgGenerationStore(options.embeddings, pool, schema, generation);
      return {
        store,
        corpus,
        manifest,
        buildDir: name(generation),
        scope: async (collections) => {
          const only = [...collections];
          const sources = manifest.documents.filter((d) => collections.has(d.collection)).map((d) => d.source);
          return { store: store.scoped(only), corpus: await corpus.subset(only, sources) };
        },
      };
    },

    async ingest(options: IngestOptions): Promise<IngestSummary> {
      await ready();
      const started = performance.now();
      const { log, embeddings } = options;
      const progress = options.onProgress ?? (() => {});
      // One builder at a time, across instances: a second waits here, then usually finds nothing
      // to do. A warning, so that `npm run ask` and `ingest` (which show warnings only) say why they wait.
      const waiting = () => log.warn("another build of this database's index is running (another instance, or a CLI run); waiting for it to finish");
      return withAdvisoryLock(pool, BUILD_LOCK, async (client) => {
        const { documents, chunks, skipped, warnings } = await readDocuments(options);
        const state = await readState(client, s);
        const old = state?.manifest;
        if (state?.unreadable) log.warn({ reason: state.unreadable.message }, "the index's manifest in the database is unreadable; every passage is embedded and stored again");
        if (!options.force && state && old && upToDate(old, documents, options)) {
          // Unchanged documents, but passages gone from the table (deleted by hand, a restore gone
          // wrong): built again, not kept as an index that answers nothing.
          const stored = await storedPassages(client, s, state.generation);
          if (stored === old.chunkCount) {
            log.info({ documents: documents.length, chunks: old.chunkCount }, "documents unchanged; the current generation stays");
            return unchangedSummary(options, { documents, skipped, warnings, chunks: old.chunkCount, started, buildDir: name(state.generation) });
          }
          log.warn({ stored, expected: old.chunkCount }, "the database holds other passages than its index lists; storing them again");
        }

        const sameVectors = !!old && sameSpace(old.embeddings, embeddings.info);
        const compatible = !!state && !!old && sameVectors && old.formatVersion === FORMAT_VERSION;
        // Another index format in the same space: its rows are kept for their vectors, and every
        // passage is inserted again in the new layout (the old rows go when the new generation commits).
        await ensureChunkTable(client, schema, embeddings.info.dimensions, options.hnsw, !!state && !sameVectors);
        const g = compatible ? state.generation : 0;
        const next = (state?.generation ?? 0) + 1;
        // A row is kept only while it holds the passage as it is now: the same text can move (text
        // put in front of it) or change pages or sections under the same id, and a kept row with
        // the old offsets would cite the wrong place. Such a row is retired and the passage stored
        // again (its vector reused by hash).
        const now = new Map(chunks.map((c) => [c.id, c]));
        const { rows: visible } = await client.query<{ id: string; chunk: unknown }>(`SELECT id, chunk FROM ${s}.chunks WHERE ${visibleIn("$1")}`, [g]);
        const kept = new Set(visible.filter((r) => now.has(r.id) && isDeepStrictEqual(r.chunk, storedMeta(now.get(r.id)!))).map((r) => r.id));
        const fresh = chunks.filter((c) => !kept.has(c.id));
        // Vectors of text embedded before (same hash, same embeddings: the table holds one space).
        const hashes = [...new Set(fresh.map((c) => c.hash))];
        const { rows: known } = await client.query<{ hash: string; embedding: string }>(
          `SELECT DISTINCT ON (hash) hash, embedding::text AS embedding FROM ${s}.chunks WHERE hash = ANY($1)`,
          [hashes],
        );
        const vectors = new Map(known.map((r) => [r.hash, JSON.parse(r.embedding) as number[]]));
        const missing = [...new Map(fresh.filter((c) => !vectors.has(c.hash)).map((c) => [c.hash, c])).values()];
        const embedded = await embedChunks(options, missing);
        missing.forEach((c, j) => vectors.set(c.hash, embedded[j]!));
        const missingHashes = new Set(missing.map((c) => c.hash));
        const embeddedChunks = chunks.filter((c) => !kept.has(c.id) && missingHashes.has(c.hash)).length;
        log.info({ embedded: embeddedChunks, reused: chunks.length - embeddedChunks }, "chunks embedded");

        progress({ stage: "write", done: 0, total: 1 });
        // The lexical side, analysed as the local index analyses it: terms per passage, document frequencies.
        const analysedOf = new Map<string, string[]>();
        const df = new Map<string, number>();
        const langs = new Map<string, number>();
        let totalTerms = 0;
        const pause = slicer();
        for (const c of chunks) {
          await pause();
          const analysed = terms(indexedText(c));
          analysedOf.set(c.id, analysed);
          totalTerms += analysed.length;
          for (const t of new Set(analysed)) {
            df.set(t, (df.get(t) ?? 0) + 1);
            langs.set(t, (langs.get(t) ?? 0) | LANG_BITS[c.lang]);
          }
        }
        const perDoc = new Map<string, number>();
        for (const c of chunks) perDoc.set(c.source, (perDoc.get(c.source) ?? 0) + 1);
        const manifest: Manifest = {
          formatVersion: FORMAT_VERSION,
          analyser: ANALYSER_FINGERPRINT,
          docsDir: await folderPath(options.docsDir),
          embeddings: { ...embeddings.info, ...(embeddings.fallbackReason ? { fallbackReason: embeddings.fallbackReason } : {}) },
          hnsw: { space: "cosine", ...options.hnsw },
          chunking: { size: options.chunkSize, overlap: options.chunkOverlap },
          chunkCount: chunks.length,
          documents: documents.map((d) => ({ source: d.source, collection: collectionOf(d.source), title: d.title, lang: d.lang, hash: d.hash, chunks: perDoc.get(d.source) ?? 0 })),
          skipped,
          builtAt: new Date().toISOString(),
          buildMs: Math.round(performance.now() - started),
        };
        const embeddedQuestions = await embedRandomQuestions((q) => embeddings.embeddings.embedQuery(q), documents.map((d) => d.lang));
        // The switch: new rows, retired rows and the new generation commit together. Readers on the
        // old generation keep seeing exactly it; the rows only it used are removed at the next switch.
        await client.query("BEGIN");
        try {
          // Leftovers of a builder that died before committing (postings first: they are found by their passage's row).
          await client.query(`DELETE FROM ${s}.postings WHERE row_id IN (SELECT row_id FROM ${s}.chunks WHERE first_gen >= $1)`, [next]);
          await client.query(`DELETE FROM ${s}.chunks WHERE first_gen >= $1`, [next]);
          await client.query(`UPDATE ${s}.postings SET last_gen = NULL WHERE row_id IN (SELECT row_id FROM ${s}.chunks WHERE last_gen >= $1)`, [next]);
          await client.query(`UPDATE ${s}.chunks SET last_gen = NULL WHERE last_gen >= $1`, [next]);
          for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
            const part = fresh.slice(i, i + INSERT_BATCH);
            const values: unknown[] = [];
            const tuples = part.map((c, j) => {
              const analysed = analysedOf.get(c.id)!;
              values.push(c.id, next, c.source, c.collection, c.start, c.hash, JSON.stringify(storedMeta(c)), c.text, analysed.length, toVector(vectors.get(c.hash)!));
              const b = j * 10;
              return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}::jsonb, $${b + 8}, $${b + 9}, $${b + 10}::vector)`;
            });
            const { rows: inserted } = await client.query<{ row_id: string; id: string }>(
              `INSERT INTO ${s}.chunks (id, first_gen, source, collection, start_offset, hash, chunk, text, term_count, embedding) VALUES ${tuples.join(", ")} RETURNING row_id, id`,
              values,
            );
            await insertPostings(client, s, next, inserted, new Map(part.map((c) => [c.id, c])), analysedOf);
          }
          const { rows: retired } = await client.query<{ row_id: string }>(
            `UPDATE ${s}.chunks SET last_gen = $1 WHERE ${visibleIn("$2")} AND NOT (id = ANY($3)) RETURNING row_id`,
            [next, g, [...kept]],
          );
          await client.query(`UPDATE ${s}.postings SET last_gen = $1 WHERE row_id = ANY($2::bigint[])`, [next, retired.map((r) => r.row_id)]);
          // Retired postings (a retired passage's, or ones another analyser wrote) carry last_gen.
          await client.query(`DELETE FROM ${s}.postings WHERE last_gen IS NOT NULL AND last_gen <= $1`, [g]);
          await client.query(`DELETE FROM ${s}.chunks WHERE last_gen IS NOT NULL AND last_gen <= $1`, [g]);
          if (compatible && old!.analyser !== ANALYSER_FINGERPRINT) {
            // Postings written by another word analyser (older, or another Node's Unicode data): every
            // kept passage's postings are written again for the new generation; the old ones stay for
            // readers of the old generation and go at the next build, like a retired passage's.
            const { rows: kept } = await client.query<{ row_id: string; id: string }>(`SELECT row_id, id FROM ${s}.chunks WHERE first_gen < $1 AND last_gen IS NULL`, [next]);
            const ids = kept.map((r) => r.row_id);
            await client.query(`UPDATE ${s}.postings SET last_gen = $1 WHERE row_id = ANY($2::bigint[]) AND first_gen < $1 AND last_gen IS NULL`, [next, ids]);
            const byId = new Map(chunks.map((c) => [c.id, c]));
            for (let i = 0; i < kept.length; i += INSERT_BATCH) await insertPostings(client, s, next, kept.slice(i, i + INSERT_BATCH), byId, analysedOf);
            await client.query(`UPDATE ${s}.chunks c SET term_count = u.n FROM unnest($1::bigint[], $2::int[]) AS u(row_id, n) WHERE c.row_id = u.row_id`, [
              ids,
              kept.map((r) => analysedOf.get(r.id)!.length),
            ]);
          }
          if (!compatible) {
            await client.query(`DELETE FROM ${s}.postings WHERE first_gen < $1`, [next]);
            await client.query(`DELETE FROM ${s}.chunks WHERE first_gen < $1`, [next]);
          }
          // The new generation's lexical statistics; the previous generation's stay for its readers.
          await client.query(`DELETE FROM ${s}.vocabulary WHERE generation < $1 OR generation >= $2`, [g, next]);
          await client.query(`DELETE FROM ${s}.generation_stats WHERE generation < $1 OR generation >= $2`, [g, next]);
          const vocabularyTerms = [...df.keys()];
          await client.query(`INSERT INTO ${s}.vocabulary (generation, term, df, langs) SELECT $1, * FROM unnest($2::text[], $3::int[], $4::smallint[])`, [
            next,
            vocabularyTerms,
            vocabularyTerms.map((t) => df.get(t)!),
            vocabularyTerms.map((t) => langs.get(t)!),
          ]);
          await client.query(`INSERT INTO ${s}.generation_stats (generation, chunks, avg_terms) VALUES ($1, $2, $3)`, [next, chunks.length, chunks.length ? totalTerms / chunks.length : 0]);
          // Calibrated on the new generation inside the transaction, so the manifest that names it
          // has its bar (the questions were embedded before it began: only searches run here).
          await client.query(`SET LOCAL hnsw.ef_search = ${CALIBRATION_EF}; SET LOCAL hnsw.iterative_scan = relaxed_order`);
          const calibration = await calibrate(
            embeddedQuestions,
            async (vector) => {
              const { rows } = await client.query<{ distance: number }>(
                `SELECT embedding <=> $1::vector AS distance FROM ${s}.chunks WHERE ${visibleIn("$2")} ORDER BY embedding <=> $1::vector LIMIT 1`,
                [toVector(vector), next],
              );
              return rows[0] ? 1 - Number(rows[0].distance) : 0;
            },
          );
          await client.query(
            `INSERT INTO ${s}.state (singleton, generation, manifest, updated_at) VALUES (true, $1, $2::jsonb, now())
             ON CONFLICT (singleton) DO UPDATE SET generation = EXCLUDED.generation, manifest = EXCLUDED.manifest, updated_at = now()`,
            [next, JSON.stringify({ ...manifest, calibration })],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        }
        // Statistics for the planner (else it may scan every posting instead of using the term index),
        // and the visibility map that lets it read postings from the index alone. Outside the
        // transaction (VACUUM cannot run in one); a failure costs speed, not the build.
        await client.query(`VACUUM (ANALYZE) ${s}.postings, ${s}.chunks`).catch((err: unknown) => log.warn({ err }, "VACUUM ANALYZE after the build failed"));
        progress({ stage: "write", done: 1, total: 1 });
        log.info({ generation: next, chunks: chunks.length, inserted: fresh.length }, "new generation committed");
        return {
          documents: documents.length,
          chunks: chunks.length,
          skipped,
          warnings,
          embedded: embeddedChunks,
          reused: chunks.length - embeddedChunks,
          ...changesSince(compatible ? old : undefined, documents),
          provider: embeddings.info.provider,
          model: embeddings.info.model,
          dimensions: embeddings.info.dimensions,
          ...(embeddings.fallbackReason ? { fallbackReason: embeddings.fallbackReason } : {}),
          seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
          buildDir: name(next),
          rebuilt: true,
        };
      }, waiting);
    },
  };
}

import type pg from "pg";
import { BM25_B, BM25_K1, bm25Idf, corpusOrder, LANG_BITS, type Corpus } from "../../rag/corpus.js";
import { FuzzyVocabulary } from "../../rag/fuzzy.js";
import type { Lang } from "../../rag/text.js";
import type { Chunk } from "../../documents/types.js";
import { ident } from "./schema.js";

/** Chunks of generation `$g` (a parameter reference such as "$2"). */
export const visibleIn = (g: string) => `first_gen <= ${g} AND (last_gen IS NULL OR last_gen > ${g})`;

/**
 * The passages of one generation in Postgres. Held in memory: only the vocabulary with document
 * frequencies and languages (what query expansion, idf, answerability and ranking need). BM25
 * runs in SQL over the postings of the question's terms (read by term), and the score is Okapi
 * BM25 with the same k1, b and idf as the local index (ranked rows are put in corpus order in code:
 * joining every scored row with the passages made the planner scan them all); passages are read by id when the retriever
 * needs their text.
 */
export class PgCorpus implements Corpus {
  private readonly s: string;
  private fuzzy?: FuzzyVocabulary;
  readonly order: (chunk: Pick<Chunk, "source" | "start">) => number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly generation: number,
    private readonly vocab: ReadonlyMap<string, { readonly df: number; readonly langs: number }>,
    readonly size: number,
    private readonly avgLength: number,
    sources: readonly string[],
    /** Only the passages of these collections exist for this corpus (undefined: all). */
    private readonly collections?: readonly string[],
  ) {
    this.s = ident(schema);
    this.order = corpusOrder(sources);
  }

  /** The SQL condition that keeps the passages of this corpus's collections (`$n` is bound to them). */
  private inScope(param: string): string {
    return this.collections ? ` AND c.collection = ANY(${param}::text[])` : "";
  }

  /**
   * The passages of some collections as a corpus of their own: their count, mean length and
   * vocabulary (document frequencies and languages) read from Postgres, once per scope.
   */
  async subset(collections: readonly string[], sources: readonly string[]): Promise<PgCorpus> {
    const g = this.generation;
    const { rows: stats } = await this.pool.query<{ chunks: number; avg_terms: number }>(
      `SELECT count(*)::int AS chunks, coalesce(avg(term_count), 0)::float8 AS avg_terms FROM ${this.s}.chunks c WHERE ${visibleIn("$1")} AND c.collection = ANY($2::text[])`,
      [g, collections],
    );
    const { rows: vocabulary } = await this.pool.query<{ term: string; df: number; langs: number }>(
      `SELECT p.term, count(*)::int AS df, bit_or(p.lang)::int AS langs
       FROM ${this.s}.postings p
       WHERE ${visibleIn("$1")} AND p.collection = ANY($2::text[])
       GROUP BY p.term`,
      [g, collections],
    );
    const vocab = new Map(vocabulary.map((v) => [v.term, { df: v.df, langs: v.langs }]));
    return new PgCorpus(this.pool, this.schema, g, vocab, stats[0]?.chunks ?? 0, stats[0]?.avg_terms ?? 0, sources, collections);
  }

  df(term: string): number {
    return this.vocab.get(term)?.df ?? 0;
  }

  usedIn(term: string, lang: Lang): boolean {
    return ((this.vocab.get(term)?.langs ?? 0) & LANG_BITS[lang]) !== 0;
  }

  idf(term: string): number {
    return bm25Idf(this.size, this.df(term));
  }

  similar(term: string, limit: number): { term: string; similarity: number }[] {
    // The trigram index of the vocabulary, made at the first question (the vocabulary is read at load).
    this.fuzzy ??= FuzzyVocabulary.build(this.vocab.keys());
    return this.fuzzy.similar(term, limit);
  }

  async lexical(expanded: readonly { term: string; weight: number }[], n: number): Promise<{ id: string; score: number }[]> {
    // Weights per term as the local index adds them up: weight x idf, summed over repeats.
    const weights = new Map<string, number>();
    for (const { term, weight } of expanded) if (this.df(term) > 0) weights.set(term, (weights.get(term) ?? 0) + weight * this.idf(term));
    if (!weights.size || n <= 0) return [];
    const termsList = [...weights.keys()];
    // Only the postings of the question's terms are read (an index-only scan on postings_term).
    // Every row scoring at least the n-th best comes back (ties at the cut included) ...
    const { rows: scored } = await this.pool.query<{ row_id: string; score: number }>(
      `WITH q(term, w) AS (SELECT * FROM unnest($1::text[], $2::float8[])),
       scored AS (
         SELECT p.row_id, sum(q.w * (p.tf * ${BM25_K1 + 1}) / (p.tf + ${BM25_K1} * (1 - ${BM25_B} + ${BM25_B} * p.len / $3::float8))) AS score
         FROM q JOIN ${this.s}.postings p ON p.term = q.term
         WHERE ${visibleIn("$4")}${this.collections ? " AND p.collection = ANY($6::text[])" : ""}
         GROUP BY p.row_id),
       cut AS (SELECT score FROM scored ORDER BY score DESC OFFSET $5 - 1 LIMIT 1)
       SELECT row_id, score FROM scored WHERE score >= coalesce((SELECT score FROM cut), 0)`,
      [termsList, termsList.map((t) => weights.get(t)!), this.avgLength || 1, this.generation, n, ...(this.collections ? [this.collections] : [])],
    );
    if (!scored.length) return [];
    // ... and is ordered as the local index orders it: by score, then in corpus order.
    const { rows: found } = await this.pool.query<{ row_id: string; id: string; source: string; start_offset: number }>(
      `SELECT row_id, id, source, start_offset FROM ${this.s}.chunks WHERE row_id = ANY($1::bigint[])`,
      [scored.map((r) => r.row_id)],
    );
    const byRow = new Map(found.map((r) => [r.row_id, r]));
    return scored
      .flatMap((r) => {
        const c = byRow.get(r.row_id);
        return c ? [{ id: c.id, score: Number(r.score), at: this.order({ source: c.source, start: c.start_offset }) }] : [];
      })
      .sort((x, y) => y.score - x.score || x.at - y.at)
      .slice(0, n)
      .map(({ id, score }) => ({ id, score }));
  }

  async get(ids: readonly string[]): Promise<Map<string, Chunk>> {
    if (!ids.length) return new Map();
    const { rows } = await this.pool.query<{ chunk: Omit<Chunk, "text">; text: string }>(
      `SELECT chunk, text FROM ${this.s}.chunks c WHERE ${visibleIn("$1")} AND id = ANY($2::text[])${this.inScope("$3")}`,
      [this.generation, ids, ...(this.collections ? [this.collections] : [])],
    );
    return new Map(rows.map((r) => [r.chunk.id, { ...r.chunk, text: r.text } as Chunk]));
  }

  async around(id: string): Promise<{ chunk: Chunk; prev?: Chunk; next?: Chunk } | undefined> {
    const chunk = (await this.get([id])).get(id);
    if (!chunk) return undefined;
    const neighbour = async (comparison: "<" | ">", direction: "DESC" | "ASC") => {
      const { rows } = await this.pool.query<{ chunk: Omit<Chunk, "text">; text: string }>(
        `SELECT chunk, text FROM ${this.s}.chunks WHERE ${visibleIn("$1")} AND source = $2 AND start_offset ${comparison} $3
         ORDER BY start_offset ${direction} LIMIT 1`,
        [this.generation, chunk.source, chunk.start],
      );
      return rows[0] ? ({ ...rows[0].chunk, text: rows[0].text } as Chunk) : undefined;
    };
    const [prev, next] = await Promise.all([neighbour("<", "DESC"), neighbour(">", "ASC")]);
    return { chunk, ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
  }

  async all(): Promise<readonly Chunk[]> {
    const { rows } = await this.pool.query<{ chunk: Omit<Chunk, "text">; text: string }>(
      `SELECT chunk, text FROM ${this.s}.chunks c WHERE ${visibleIn("$1")}${this.inScope("$2")}`,
      [this.generation, ...(this.collections ? [this.collections] : [])],
    );
    return rows.map((r) => ({ ...r.chunk, text: r.text }) as Chunk).sort((a, b) => this.order(a) - this.order(b));
  }
}

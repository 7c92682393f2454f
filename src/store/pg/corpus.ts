import type pg from "pg";
import { BM25_B, BM25_K1, bm25Idf, corpusOrder, LANG_BITS, type Corpus } from "../../rag/corpus.js";
import { FuzzyVocabulary } from "../../rag/fuzzy.js";
import { makeFuzzy } from "../../rag/lexicon-pool.js";
import type { Lang } from "../../rag/text.js";
import type { Chunk } from "../../documents/types.js";
import { ident } from "./schema.js";
import { slowQuery } from "./time-limits.js";

/** A term in more than this share of the passages (and at least PRUNE_MIN_DF) is a common one, for pruning. */
const PRUNE_DF_SHARE = 0.05;
const PRUNE_MIN_DF = 200;
/** Rows beyond the candidates that may still be scored in full before every posting is read instead. */
const PRUNE_MAX_MORE = 2000;
/** What the common terms set aside may add at most, as a share of what the others can. */
const PRUNE_BOUND_SHARE = 0.25;
/** Rows scored on the rarer terms that get the common terms' parts too (at least; n when more are asked for). */
const PRUNE_CANDIDATES = 200;

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
    private readonly sources: readonly string[],
    /** Only the passages of these collections exist for this corpus (undefined: all). */
    private readonly collections?: readonly string[],
    /** Terms in more passages than `frequentDf` are read only for the best `candidates` rows (see prunedScores). */
    private readonly pruning = { frequentDf: Math.max(PRUNE_MIN_DF, Math.floor(size * PRUNE_DF_SHARE)), candidates: PRUNE_CANDIDATES },
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
    const { rows: stats } = await this.pool.query<{ chunks: number; avg_terms: number }>(slowQuery(`SELECT count(*)::int AS chunks, coalesce(avg(term_count), 0)::float8 AS avg_terms FROM ${this.s}.chunks c WHERE ${visibleIn("$1")} AND c.collection = ANY($2::text[])`, [g, collections]));
    const { rows: vocabulary } = await this.pool.query<{ term: string; df: number; langs: number }>(slowQuery(`SELECT p.term, count(*)::int AS df, bit_or(p.lang)::int AS langs
       FROM ${this.s}.postings p
       WHERE ${visibleIn("$1")} AND p.collection = ANY($2::text[])
       GROUP BY p.term`, [g, collections]));
    const vocab = new Map(vocabulary.map((v) => [v.term, { df: v.df, langs: v.langs }]));
    return new PgCorpus(this.pool, this.schema, g, vocab, stats[0]?.chunks ?? 0, stats[0]?.avg_terms ?? 0, sources, collections).prepared();
  }

  /**
   * The corpus with the trigram index of its vocabulary made, ready for questions: a large
   * vocabulary's is made in a worker (seconds of sorting and indexing that would otherwise hold the
   * event loop at the first question).
   */
  async prepared(): Promise<this> {
    this.fuzzy ??= await makeFuzzy([...this.vocab.keys()]);
    return this;
  }

  /** The same corpus pruned at other bounds (a small folder reaches pruning only so). */
  withPruning(pruning: { frequentDf: number; candidates: number }): PgCorpus {
    const pruned = new PgCorpus(this.pool, this.schema, this.generation, this.vocab, this.size, this.avgLength, this.sources, this.collections, pruning);
    pruned.fuzzy = this.fuzzy;
    return pruned;
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
    return this.vocabularyIndex().similar(term, limit);
  }

  endingIn(term: string): string[] {
    return this.vocabularyIndex().endingIn(term);
  }

  startingWith(term: string): string[] {
    return this.vocabularyIndex().startingWith(term);
  }

  /** The trigram index of the vocabulary: made by `prepared`, as every corpus the backend serves is (here, on this thread, only for one made without it). */
  private vocabularyIndex(): FuzzyVocabulary {
    return (this.fuzzy ??= FuzzyVocabulary.build(this.vocab.keys()));
  }

  /** The first four parameters of `scoredSql`, for these terms. */
  private termParams(terms: readonly string[], weights: ReadonlyMap<string, number>): unknown[] {
    return [terms, terms.map((t) => weights.get(t)!), this.avgLength || 1, this.generation];
  }

  /** The BM25 part of each term for the rows that have it, summed per row: `$1` terms, `$2` weights, `$3` mean length, `$4` generation. */
  private scoredSql(extra: { rows?: string; collections?: string }): string {
    // Every constant is float8, as in the local index: a bare 2.2 is numeric in SQL, and numeric
    // arithmetic on every posting took most of the query's time (PGlite at 100,000 passages: a
    // whole question p50 215 -> 101 ms), and rounded otherwise than the local index does.
    const f = (x: number) => `${x}::float8`;
    return `SELECT p.row_id, sum(q.w * (p.tf * ${f(BM25_K1 + 1)}) / (p.tf + ${f(BM25_K1)} * (${f(1)} - ${f(BM25_B)} + ${f(BM25_B)} * p.len / $3::float8))) AS score
         FROM unnest($1::text[], $2::float8[]) AS q(term, w) JOIN ${this.s}.postings p ON p.term = q.term${extra.rows ? ` AND p.row_id = ANY(${extra.rows}::bigint[])` : ""}
         WHERE ${visibleIn("$4")}${extra.collections ? ` AND p.collection = ANY(${extra.collections}::text[])` : ""}
         GROUP BY p.row_id`;
  }

  async lexical(expanded: readonly { term: string; weight: number }[], n: number): Promise<{ id: string; score: number }[]> {
    // Weights per term as the local index adds them up: weight x idf, summed over repeats.
    const weights = new Map<string, number>();
    for (const { term, weight } of expanded) if (this.df(term) > 0) weights.set(term, (weights.get(term) ?? 0) + weight * this.idf(term));
    if (!weights.size || n <= 0) return [];
    const scored = (await this.prunedScores(weights, n)) ?? (await this.allScores(weights, n));
    if (!scored.length) return [];
    // Ordered as the local index orders them: by score, then in corpus order.
    const { rows: found } = await this.pool.query<{ row_id: string; id: string; source: string; start_offset: number }>(
      `SELECT row_id, id, source, start_offset FROM ${this.s}.chunks WHERE row_id = ANY($1::bigint[])`,
      [scored.map((r) => r.row_id)],
    );
    const byRow = new Map(found.map((r) => [r.row_id, r]));
    return scored
      .flatMap((r) => {
        const c = byRow.get(r.row_id);
        return c ? [{ id: c.id, score: r.score, at: this.order({ source: c.source, start: c.start_offset }) }] : [];
      })
      .sort((x, y) => y.score - x.score || x.at - y.at)
      .slice(0, n)
      .map(({ id, score }) => ({ id, score }));
  }

  /** Every row scoring at least the n-th best (ties at the cut included), from all postings of the terms. */
  private async allScores(weights: ReadonlyMap<string, number>, n: number): Promise<{ row_id: string; score: number }[]> {
    const termsList = [...weights.keys()];
    const { rows } = await this.pool.query<{ row_id: string; score: number }>(
      `WITH scored AS (${this.scoredSql({ collections: this.collections ? "$6" : undefined })}),
       cut AS (SELECT score FROM scored ORDER BY score DESC OFFSET $5 - 1 LIMIT 1)
       SELECT row_id, score FROM scored WHERE score >= coalesce((SELECT score FROM cut), 0)`,
      [...this.termParams(termsList, weights), n, ...(this.collections ? [this.collections] : [])],
    );
    return rows.map((r) => ({ row_id: r.row_id, score: Number(r.score) }));
  }

  /**
   * The same rows without reading the long postings of the question's common words (MaxScore,
   * Turtle & Flood 1995): rows are first scored on the rarer terms alone; the best of them get the
   * common terms' parts, read by term and row; a common term adds at most w x (k1 + 1) to any
   * row, so a row left out can pass the n-th score only with a partial score above that score
   * minus the bound: such rows are scored too. When a row without any rarer term could pass it,
   * or too many rows could, undefined: every posting is read. Exact either way. Written by hand
   * because Postgres has no top-k pruning for a sum over postings.
   */
  private async prunedScores(weights: ReadonlyMap<string, number>, n: number): Promise<{ row_id: string; score: number }[] | undefined> {
    // A common term adds at most w x (k1 + 1) to a score. The most common terms are set aside while
    // what they could add stays small beside what the rest can: otherwise the check below fails
    // and every posting is read after all.
    const most = (t: string) => weights.get(t)! * (BM25_K1 + 1);
    const byDf = [...weights.keys()].sort((a, b) => this.df(b) - this.df(a));
    const reach = byDf.reduce((sum, t) => sum + most(t), 0);
    const frequent: string[] = [];
    let bound = 0;
    for (const t of byDf) {
      if (this.df(t) <= this.pruning.frequentDf || bound + most(t) > PRUNE_BOUND_SHARE * (reach - bound - most(t))) break;
      frequent.push(t);
      bound += most(t);
    }
    const rare = byDf.slice(frequent.length);
    if (!frequent.length || !rare.length) return undefined;
    const take = Math.max(this.pruning.candidates, n);
    const scope = this.collections ? [this.collections] : [];
    const { rows: partial } = await this.pool.query<{ row_id: string; score: number }>(
      `${this.scoredSql({ collections: this.collections ? "$6" : undefined })} ORDER BY score DESC LIMIT $5`,
      [...this.termParams(rare, weights), take + 1, ...scope],
    );
    if (partial.length < n) return undefined;
    const candidates = partial.slice(0, take);
    const withCommon = async (rows: readonly { row_id: string; score: number }[]) => {
      const { rows: extra } = await this.pool.query<{ row_id: string; score: number }>(
        this.scoredSql({ rows: "$5", collections: this.collections ? "$6" : undefined }),
        [...this.termParams(frequent, weights), rows.map((r) => r.row_id), ...scope],
      );
      const added = new Map(extra.map((r) => [r.row_id, Number(r.score)]));
      return rows.map((r) => ({ row_id: r.row_id, score: Number(r.score) + (added.get(r.row_id) ?? 0) }));
    };
    const nth = (rows: readonly { score: number }[]) => [...rows].sort((a, b) => b.score - a.score)[n - 1]!.score;
    let full = await withCommon(candidates);
    // The n-th best score can only rise as more rows are scored. A row without any of the rarer
    // terms scores at most the bound: if that can reach it, every posting is read.
    const floor = nth(full);
    if (bound >= floor) return undefined;
    // A row with rarer terms beyond the candidates reaches it only with a partial score of at least
    // floor - bound: those rows are scored too (unless there are too many).
    if (partial.length > take && Number(partial[take]!.score) + bound >= floor) {
      const { rows: more } = await this.pool.query<{ row_id: string; score: number }>(
        `SELECT * FROM (${this.scoredSql({ collections: this.collections ? "$7" : undefined })}) s WHERE score >= $5 ORDER BY score DESC LIMIT $6`,
        [...this.termParams(rare, weights), floor - bound, PRUNE_MAX_MORE + take + 1, ...scope],
      );
      if (more.length > PRUNE_MAX_MORE + take) return undefined;
      const known = new Set(candidates.map((r) => r.row_id));
      full = [...full, ...(await withCommon(more.filter((r) => !known.has(r.row_id))))];
    }
    const cut = nth(full);
    return full.filter((r) => r.score >= cut);
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

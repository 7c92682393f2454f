/**
 * Okapi BM25 over pre-analysed documents, with an inverted index so a query costs time in the
 * postings of its terms, not in the size of the corpus. (LangChain's BM25Retriever re-tokenises
 * every document on every query and offers no analyser hook, which is why this one exists.)
 * Postings are typed arrays: at 100,000 chunks that is tens of megabytes instead of hundreds.
 */
const EMPTY = new Uint32Array(0);

export class Bm25Index {
  private readonly postings = new Map<string, { docs: Uint32Array; tfs: Uint16Array }>();
  private readonly lengths: Uint32Array;
  private readonly avgLength: number;
  readonly size: number;

  constructor(
    documents: readonly (readonly string[])[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.size = documents.length;
    this.lengths = new Uint32Array(documents.length);
    const building = new Map<string, number[]>(); // doc, tf, doc, tf, …
    let total = 0;
    documents.forEach((terms, doc) => {
      this.lengths[doc] = terms.length;
      total += terms.length;
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [term, count] of tf) {
        let list = building.get(term);
        if (!list) building.set(term, (list = []));
        list.push(doc, count);
      }
    });
    for (const [term, list] of building) {
      const docs = new Uint32Array(list.length / 2);
      const tfs = new Uint16Array(list.length / 2);
      for (let i = 0; i < docs.length; i++) {
        docs[i] = list[2 * i]!;
        tfs[i] = Math.min(list[2 * i + 1]!, 65535);
      }
      this.postings.set(term, { docs, tfs });
    }
    this.avgLength = documents.length ? total / documents.length : 0;
  }

  /** Number of documents that contain the term. */
  df(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** The documents that contain the term, in document order. */
  documentsWith(term: string): Uint32Array {
    return this.postings.get(term)?.docs ?? EMPTY;
  }

  idf(term: string): number {
    const df = this.df(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The vocabulary: every term that occurs somewhere. */
  vocabulary(): IterableIterator<string> {
    return this.postings.keys();
  }

  /** Adds `weight` x the term's BM25 score of every document that contains it. */
  accumulate(term: string, weight: number, board: ScoreBoard): void {
    const list = this.postings.get(term);
    if (!list) return;
    const idf = this.idf(term) * weight;
    const avg = this.avgLength || 1;
    const { docs, tfs } = list;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const tf = tfs[i]!;
      board.add(doc, (idf * (tf * (this.k1 + 1))) / (tf + this.k1 * (1 - this.b + (this.b * this.lengths[doc]!) / avg)));
    }
  }

  search(queryTerms: readonly string[], limit: number): { doc: number; score: number }[] {
    const board = new ScoreBoard(this.size);
    for (const term of new Set(queryTerms)) this.accumulate(term, 1, board);
    return board.top(limit);
  }
}

/** Scores per document in a flat array, remembering which were touched: no hashing per posting. */
export class ScoreBoard {
  private readonly scores: Float64Array;
  private readonly touched: number[] = [];

  constructor(size: number) {
    this.scores = new Float64Array(size);
  }

  add(doc: number, value: number): void {
    if (this.scores[doc] === 0) this.touched.push(doc);
    this.scores[doc]! += value;
  }

  /** The `limit` best documents, best first (ties by document order). */
  top(limit: number): { doc: number; score: number }[] {
    const best: { doc: number; score: number }[] = [];
    for (const doc of this.touched) {
      const score = this.scores[doc]!;
      if (best.length === limit && score <= best[limit - 1]!.score) continue;
      let i = best.length;
      if (i === limit) i--;
      else best.push({ doc, score });
      while (i > 0 && (best[i - 1]!.score < score || (best[i - 1]!.score === score && best[i - 1]!.doc > doc))) {
        best[i] = best[i - 1]!;
        i--;
      }
      best[i] = { doc, score };
    }
    return best;
  }
}

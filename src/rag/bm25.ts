/**
 * Okapi BM25 over pre-analysed documents, with an inverted index so a query costs time in the
 * postings of its terms, not in the size of the corpus. (LangChain's BM25Retriever re-tokenises
 * every document on every query and offers no analyser hook, which is why this one exists.)
 */
export class Bm25Index {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
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
    let total = 0;
    documents.forEach((terms, doc) => {
      this.lengths[doc] = terms.length;
      total += terms.length;
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [term, count] of tf) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf: count });
      }
    });
    this.avgLength = documents.length ? total / documents.length : 0;
  }

  /** Number of documents that contain the term. */
  df(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  idf(term: string): number {
    const df = this.df(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** The vocabulary: every term that occurs somewhere. */
  vocabulary(): IterableIterator<string> {
    return this.postings.keys();
  }

  /** Adds `weight` x the term's BM25 score of every document that contains it to `scores`. */
  accumulate(term: string, weight: number, scores: Map<number, number>): void {
    const list = this.postings.get(term);
    if (!list) return;
    const idf = this.idf(term) * weight;
    const avg = this.avgLength || 1;
    for (const { doc, tf } of list) {
      const norm = tf + this.k1 * (1 - this.b + (this.b * this.lengths[doc]!) / avg);
      scores.set(doc, (scores.get(doc) ?? 0) + (idf * (tf * (this.k1 + 1))) / norm);
    }
  }

  search(queryTerms: readonly string[], limit: number): { doc: number; score: number }[] {
    const scores = new Map<number, number>();
    for (const term of new Set(queryTerms)) this.accumulate(term, 1, scores);
    return topScores(scores, limit);
  }
}

/** The `limit` best entries, best first (ties by document order). */
export function topScores(scores: Map<number, number>, limit: number): { doc: number; score: number }[] {
  return [...scores]
    .map(([doc, score]) => ({ doc, score }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, limit);
}

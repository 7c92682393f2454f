/**
 * Okapi BM25 over pre-analysed documents, with an inverted index so a query costs time in the
 * postings of its terms, not in the size of the corpus. (LangChain's BM25Retriever re-tokenises
 * every document on every query and offers no analyser hook, which is why this one exists.)
 *
 * Everything is in a few flat typed arrays (the vocabulary as sorted UTF-8, postings as document
 * numbers and term frequencies), so an index is written with the build and read back in one
 * pass at start, without re-analysing a passage or making an object per term.
 */
import { SortedStrings } from "./sorted-strings.js";

/** The arrays an index is made of: what a build writes and a start reads. */
export interface Bm25Arrays {
  readonly vocabBytes: Uint8Array;
  readonly vocabStarts: Uint32Array;
  /** Where each term's postings start in `docs` / `tfs`; entry V is the end. */
  readonly postingStarts: Uint32Array;
  readonly docs: Uint32Array;
  readonly tfs: Uint16Array;
  /** Terms per document. */
  readonly lengths: Uint32Array;
  /** Per term, the OR of the tags (language bits) of the documents that use it. */
  readonly termTags: Uint16Array;
  /** Per document, its tag bits. */
  readonly docTags: Uint16Array;
}

/** A document's analysed terms and its tag bits (its language), for building. */
export interface AnalysedDocument {
  readonly terms: readonly string[];
  readonly tag: number;
}

/**
 * What a new index keeps of a previous one: `newDocOf[old]` is the old document's number in the
 * new index, or -1 when it is gone. Kept documents are not analysed again.
 */
export interface CarriedOver {
  readonly index: Bm25Index;
  readonly newDocOf: Int32Array;
}

/** Growable (term, document, frequency) triples in typed arrays. */
class Triples {
  term = new Uint32Array(1024);
  doc = new Uint32Array(1024);
  tf = new Uint16Array(1024);
  length = 0;
  push(term: number, doc: number, tf: number): void {
    if (this.length === this.term.length) {
      const grow = <T extends Uint32Array | Uint16Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.term = grow(this.term);
      this.doc = grow(this.doc);
      this.tf = grow(this.tf);
    }
    this.term[this.length] = term;
    this.doc[this.length] = doc;
    this.tf[this.length++] = Math.min(tf, 65535);
  }
}

export class Bm25Index {
  readonly vocab: SortedStrings;
  readonly size: number;
  private readonly avgLength: number;

  private constructor(
    private readonly arrays: Bm25Arrays,
    private readonly k1: number,
    private readonly b: number,
    checked = true,
  ) {
    this.vocab = SortedStrings.of(arrays.vocabBytes, arrays.vocabStarts, checked);
    this.size = arrays.lengths.length;
    let total = 0;
    for (const l of arrays.lengths) total += l;
    this.avgLength = this.size ? total / this.size : 0;
  }

  /** An index over these documents' terms (numbered in order; no language tags). */
  static build(documents: readonly (readonly string[])[], k1 = 1.2, b = 0.75): Bm25Index {
    return Bm25Index.update(documents.length, (i) => ({ terms: documents[i]!, tag: 0 }), undefined, k1, b);
  }

  /**
   * An index of `count` documents: those `previous` carries over keep their postings (nothing is
   * analysed again), the others are asked of `analyse`. The result is the same as a build from
   * all documents' terms.
   */
  static update(count: number, analyse: (doc: number) => AnalysedDocument, previous?: CarriedOver & { tagOf?: (doc: number) => number }, k1 = 1.2, b = 0.75): Bm25Index {
    const lengths = new Uint32Array(count);
    const docTags = new Uint16Array(count);
    const carried = new Uint8Array(count);
    const ids = new Map<string, number>();
    const names: string[] = [];
    const idOf = (term: string) => {
      let id = ids.get(term);
      if (id === undefined) {
        ids.set(term, (id = names.length));
        names.push(term);
      }
      return id;
    };
    const triples = new Triples();
    if (previous) {
      const { index, newDocOf } = previous;
      const a = index.arrays;
      for (let old = 0; old < newDocOf.length; old++) {
        const doc = newDocOf[old]!;
        if (doc < 0) continue;
        if (doc >= count || carried[doc]) throw new Error(`carried document ${old} maps to ${doc}, out of range or twice`);
        carried[doc] = 1;
        lengths[doc] = a.lengths[old]!;
      }
      for (let t = 0; t < index.vocab.size; t++) {
        let id = -1;
        for (let p = a.postingStarts[t]!; p < a.postingStarts[t + 1]!; p++) {
          const doc = newDocOf[a.docs[p]!]!;
          if (doc < 0) continue;
          if (id < 0) id = idOf(index.vocab.get(t));
          triples.push(id, doc, a.tfs[p]!);
        }
      }
      for (let old = 0; old < newDocOf.length; old++) {
        const doc = newDocOf[old]!;
        if (doc >= 0) docTags[doc] = previous.tagOf?.(doc) ?? a.docTags[old]!;
      }
    }
    for (let doc = 0; doc < count; doc++) {
      if (carried[doc]) continue;
      const { terms, tag } = analyse(doc);
      lengths[doc] = terms.length;
      docTags[doc] = tag;
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [term, n] of tf) triples.push(idOf(term), doc, n);
    }
    return Bm25Index.pack(names, triples, lengths, docTags, k1, b);
  }

  /** Sorts the (term, doc, tf) triples into postings by term (in vocabulary order), each by document. */
  private static pack(names: string[], triples: Triples, lengths: Uint32Array, docTags: Uint16Array, k1: number, b: number): Bm25Index {
    const vocab = SortedStrings.from(names);
    const rank = new Uint32Array(names.length);
    names.forEach((name, id) => (rank[id] = vocab.indexOf(name)));
    const postingStarts = new Uint32Array(vocab.size + 1);
    for (let i = 0; i < triples.length; i++) postingStarts[rank[triples.term[i]!]! + 1]!++;
    for (let t = 0; t < vocab.size; t++) postingStarts[t + 1]! += postingStarts[t]!;
    const fill = postingStarts.slice(0, vocab.size);
    const docs = new Uint32Array(triples.length);
    const tfs = new Uint16Array(triples.length);
    const termTags = new Uint16Array(vocab.size);
    for (let i = 0; i < triples.length; i++) {
      const t = rank[triples.term[i]!]!;
      const at = fill[t]!++;
      docs[at] = triples.doc[i]!;
      tfs[at] = triples.tf[i]!;
      termTags[t]! |= docTags[triples.doc[i]!]!;
    }
    // Postings carried over come first, new documents after: put each list in document order.
    for (let t = 0; t < vocab.size; t++) {
      const from = postingStarts[t]!;
      const to = postingStarts[t + 1]!;
      let sorted = true;
      for (let p = from + 1; p < to && sorted; p++) sorted = docs[p - 1]! < docs[p]!;
      if (sorted) continue;
      const order = Array.from({ length: to - from }, (_, j) => from + j).sort((x, y) => docs[x]! - docs[y]!);
      const d = order.map((p) => docs[p]!);
      const f = order.map((p) => tfs[p]!);
      docs.set(d, from);
      tfs.set(f, from);
    }
    return new Bm25Index({ vocabBytes: vocab.bytes, vocabStarts: vocab.starts, postingStarts, docs, tfs, lengths, termTags, docTags }, k1, b);
  }

  /**
   * An index from arrays read back from a file; checked, so a damaged file fails here and not at
   * a question. `checked` false: arrays this program has just made (a worker's), taken as they are.
   */
  static fromArrays(arrays: Bm25Arrays, k1 = 1.2, b = 0.75, checked = true): Bm25Index {
    if (!checked) return new Bm25Index(arrays, k1, b, false);
    const v = arrays.vocabStarts.length - 1;
    const { postingStarts: ps, docs, tfs, lengths, termTags, docTags } = arrays;
    if (ps.length !== v + 1 || termTags.length !== v || docTags.length !== lengths.length || ps[0] !== 0 || ps[v] !== docs.length || tfs.length !== docs.length) throw new Error("BM25 arrays do not fit together");
    for (let t = 0; t < v; t++) if (ps[t + 1]! < ps[t]!) throw new Error("BM25 postings out of order");
    const n = lengths.length;
    for (let p = 0; p < docs.length; p++) if (docs[p]! >= n) throw new Error("BM25 posting names a document that does not exist");
    return new Bm25Index(arrays, k1, b);
  }

  /** The arrays, for writing to a file. */
  toArrays(): Bm25Arrays {
    return this.arrays;
  }

  private termId(term: string): number {
    return this.vocab.indexOf(term);
  }

  /** Number of documents that contain the term. */
  df(term: string): number {
    const t = this.termId(term);
    return t < 0 ? 0 : this.arrays.postingStarts[t + 1]! - this.arrays.postingStarts[t]!;
  }

  /** The OR of the tags of the documents that use the term (0 for a term nobody uses). */
  tags(term: string): number {
    const t = this.termId(term);
    return t < 0 ? 0 : this.arrays.termTags[t]!;
  }

  idf(term: string): number {
    const df = this.df(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Adds `weight` x the term's BM25 score of every document that contains it. */
  accumulate(term: string, weight: number, board: ScoreBoard): void {
    const t = this.termId(term);
    if (t < 0) return;
    const idf = this.idf(term) * weight;
    const avg = this.avgLength || 1;
    const { docs, tfs, lengths, postingStarts } = this.arrays;
    for (let i = postingStarts[t]!, end = postingStarts[t + 1]!; i < end; i++) {
      const doc = docs[i]!;
      const tf = tfs[i]!;
      board.add(doc, (idf * (tf * (this.k1 + 1))) / (tf + this.k1 * (1 - this.b + (this.b * lengths[doc]!) / avg)));
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

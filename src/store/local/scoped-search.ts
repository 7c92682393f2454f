import { Document } from "@langchain/core/documents";
import type { DenseSearch } from "../backend.js";
import { slicer } from "../../event-loop.js";
import type { LoadedIndex } from "./index-store.js";

/**
 * Collections of up to this many passages are searched exactly, over all their vectors: a graph
 * search with a filter that passes 1% of the points visits many points for few results and loses
 * recall, while an exact search of a few thousand vectors takes well under a millisecond. Larger
 * ones use hnswlib's filtered graph search.
 */
export const EXACT_SEARCH_UP_TO = 20_000;

/** The `k` rows of a flat array of `dims`-long vectors with the largest dot product with `query`, best first. */
export function nearestByDot(data: Float32Array, dims: number, query: ArrayLike<number>, k: number): { i: number; s: number }[] {
  const best: { i: number; s: number }[] = [];
  for (let i = 0, n = data.length / dims; i < n; i++) {
    let s = 0;
    const o = i * dims;
    for (let j = 0; j < dims; j++) s += query[j]! * data[o + j]!;
    if (best.length < k || s > best[best.length - 1]!.s) {
      best.push({ i, s });
      best.sort((a, b) => b.s - a.s);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

/** Exact cosine search over the (unit) vectors of some passages, in one flat array. */
class ExactSearch implements DenseSearch {
  constructor(
    private readonly ids: readonly string[],
    private readonly data: Float32Array,
    private readonly dims: number,
  ) {}

  async similaritySearchVectorWithScore(query: number[], k: number): Promise<[Document, number][]> {
    const norm = Math.sqrt(query.reduce((s, x) => s + x * x, 0)) || 1;
    const best = nearestByDot(this.data, this.dims, Float32Array.from(query, (x) => x / norm), k);
    // As hnswlib's cosine space reports it: a distance of 1 - similarity.
    return best.map(({ i, s }) => [new Document({ pageContent: "", metadata: { id: this.ids[i] }, id: this.ids[i]! }), 1 - s]);
  }
}

/** Nearest neighbours among the passages of some collections only (see EXACT_SEARCH_UP_TO). */
export async function scopedDenseSearch(index: LoadedIndex, collections: ReadonlySet<string>, exactUpTo = EXACT_SEARCH_UP_TO): Promise<DenseSearch> {
  const { passages } = index;
  const rows: number[] = [];
  for (let row = 0; row < passages.length; row++) if (collections.has(passages.collection(row))) rows.push(row);
  const graph = index.store.index;
  if (rows.length <= exactUpTo) {
    // Copied out of the graph a vector at a time (each an array from the addon): 20,000 of them
    // are seconds, so the event loop runs in between.
    const dims = graph.getNumDimensions();
    const data = new Float32Array(rows.length * dims);
    const pause = slicer();
    for (let i = 0; i < rows.length; i++) {
      data.set(graph.getPoint(passages.labels[rows[i]!]!), i * dims);
      await pause();
    }
    return new ExactSearch(rows.map((row) => passages.id(row)), data, dims);
  }
  // hnswlib's search takes a filter on labels: the graph is searched for in-scope neighbours only
  // (by label, so no passage is read for the points the search passes on its way).
  const inScope = new Set(rows.map((row) => passages.labels[row]!));
  return {
    similaritySearchVectorWithScore: async (query, k) => {
      const found = graph.searchKnn(query, Math.min(k, rows.length), (label) => inScope.has(label));
      return found.neighbors.map((label, i) => [index.store.docstore.search(String(label)), found.distances[i]!] as [Document, number]);
    },
  };
}

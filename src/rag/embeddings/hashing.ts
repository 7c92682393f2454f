import { Embeddings } from "@langchain/core/embeddings";
import { charNgrams, terms } from "../text.js";
import { slicer } from "../../event-loop.js";

const WORD_WEIGHT = 1;
const NGRAM_WEIGHT = 0.35;
const NGRAM_SIZES = [3, 4, 5] as const;

/** FNV-1a, 32 bit. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Offline, deterministic embeddings with no model: feature-hashed content words and their
 * character n-grams (which also match related spellings across languages: "Russia"/"Russland"),
 * with sublinear term frequency and signed hashing, L2-normalised.
 * The fallback when no model can be had, not a substitute for one.
 */
export class HashingEmbeddings extends Embeddings {
  readonly dimensions: number;

  constructor(dimensions: number) {
    super({});
    this.dimensions = dimensions;
  }

  /**
   * Names the vectors: a build reuses a passage's stored vector only under the same name. The
   * version changes with `terms`, which the vectors are made of (v4: joined spellings; v5: the
   * letters `fold` reads as a keyboard without them types them, "ł" as "l").
   */
  get modelName(): string {
    return `hashing-v5-${this.dimensions}`;
  }

  embed(text: string): number[] {
    const counts = new Map<string, number>();
    const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
    for (const term of terms(text)) {
      add(`w:${term}`);
      for (const n of NGRAM_SIZES) for (const gram of charNgrams(term, n)) add(`g:${gram}`);
    }
    const vector = new Array<number>(this.dimensions).fill(0);
    for (const [feature, count] of counts) {
      const h = fnv1a(feature);
      const weight = (feature.startsWith("w:") ? WORD_WEIGHT : NGRAM_WEIGHT) * (1 + Math.log(count));
      vector[(h >>> 1) % this.dimensions]! += h & 1 ? weight : -weight;
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
    return vector;
  }

  /**
   * A batch in slices, the event loop let run between them: words of scripts written without
   * spaces go through the word segmenter, and a batch of Chinese passages held the bot's thread
   * for 300 ms at a time during a build (found by an attack review).
   */
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const pause = slicer();
    const out: number[][] = [];
    for (const t of texts) {
      out.push(this.embed(t));
      await pause();
    }
    return out;
  }

  override async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}

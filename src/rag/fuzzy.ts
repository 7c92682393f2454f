import { charNgrams } from "./text.js";

/** Similarity of two words by their character trigrams (0..1). */
export function wordSimilarity(a: string, b: string): number {
  return a === b ? 1 : dice(charNgrams(a, 3), charNgrams(b, 3));
}

/** Dice coefficient of two sets of character trigrams. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const g of new Set(b)) if (set.has(g)) shared++;
  return (2 * shared) / (set.size + new Set(b).size);
}

/**
 * Finds the vocabulary terms spelled like a given term (trigram Dice >= minSimilarity):
 * "interested" ~ "interessiert", "digitalen" ~ "digital". It is what lets lexical matching
 * cross between English and German for cognates and inflections.
 */
export class FuzzyVocabulary {
  private readonly byGram = new Map<string, string[]>();
  private readonly grams = new Map<string, string[]>();

  constructor(
    vocabulary: Iterable<string>,
    private readonly minSimilarity = 0.5,
    private readonly minLength = 4,
  ) {
    for (const term of vocabulary) {
      if (term.length < this.minLength) continue;
      const grams = charNgrams(term, 3);
      this.grams.set(term, grams);
      for (const g of new Set(grams)) {
        let list = this.byGram.get(g);
        if (!list) this.byGram.set(g, (list = []));
        list.push(term);
      }
    }
  }

  /** Similar vocabulary terms with their similarity, best first (the term itself excluded). */
  similar(term: string, limit = 5): { term: string; similarity: number }[] {
    if (term.length < this.minLength) return [];
    const grams = charNgrams(term, 3);
    const candidates = new Map<string, number>();
    for (const g of new Set(grams)) for (const t of this.byGram.get(g) ?? []) candidates.set(t, (candidates.get(t) ?? 0) + 1);
    const out: { term: string; similarity: number }[] = [];
    const need = Math.ceil((this.minSimilarity * new Set(grams).size) / 2);
    for (const [t, shared] of candidates) {
      if (t === term || shared < need) continue;
      const similarity = dice(grams, this.grams.get(t)!);
      if (similarity >= this.minSimilarity) out.push({ term: t, similarity });
    }
    return out.sort((a, b) => b.similarity - a.similarity || a.term.localeCompare(b.term)).slice(0, limit);
  }
}

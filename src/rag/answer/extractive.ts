import type { Embeddings } from "@langchain/core/embeddings";
import { wordSimilarity } from "../fuzzy.js";
import type { Retrieval } from "../retrieve.js";
import { sentences, terms } from "../text.js";
import { message } from "./messages.js";
import type { Answerer, Draft, ProposedCitation } from "./types.js";

interface Sentence {
  passage: number;
  text: string;
  score: number;
}

/** Share of the question's content words a sentence contains (exactly or by a close spelling). */
function overlap(questionTerms: readonly string[], sentence: string): number {
  const words = new Set(terms(sentence));
  if (!questionTerms.length || !words.size) return 0;
  let sum = 0;
  for (const q of questionTerms) {
    let best = 0;
    for (const w of words) {
      const s = wordSimilarity(q, w);
      if (s > best) best = s;
      if (best === 1) break;
    }
    sum += best >= 0.5 ? best : 0;
  }
  return sum / questionTerms.length;
}

const cosine = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);

/**
 * Answers without a language model: the sentences of the retrieved passages that best match the
 * question (by shared words and by embedding similarity), quoted and cited.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly name = "extractive" as const;

  constructor(
    private readonly embeddings: Embeddings,
    private readonly options: { maxQuotes: number } = { maxQuotes: 2 },
  ) {}

  async draft(question: string, retrieval: Retrieval, lang: "en" | "de"): Promise<Draft> {
    if (!retrieval.answerable || retrieval.results.length === 0) {
      return { text: message("notInDocuments", lang), citations: [], abstained: true };
    }
    const questionTerms = [...new Set(terms(question))];
    const candidates: Sentence[] = [];
    retrieval.results.forEach((r, i) => {
      for (const text of sentences(r.chunk.text, r.chunk.lang)) candidates.push({ passage: i + 1, text, score: 0 });
    });
    if (!candidates.length) return { text: message("notInDocuments", lang), citations: [], abstained: true };

    // The question was embedded once, by retrieval.
    const queryVector = retrieval.queryVector;
    const sentenceVectors = await this.embeddings.embedDocuments(candidates.map((c) => c.text));
    for (const [i, c] of candidates.entries()) {
      const rankPrior = 0.05 / c.passage;
      c.score = overlap(questionTerms, c.text) + 0.5 * cosine(queryVector, sentenceVectors[i]!) + rankPrior;
    }
    const best = [...candidates].sort((a, b) => b.score - a.score);
    const chosen = [best[0]!];
    for (const c of best.slice(1)) {
      if (chosen.length >= this.options.maxQuotes) break;
      // A second quote only if it is nearly as good and says something else.
      if (c.score >= best[0]!.score * 0.6 && !chosen.some((x) => x.text === c.text)) chosen.push(c);
    }
    const citations: ProposedCitation[] = chosen.map((c, i) => ({ id: i + 1, passage: c.passage, quote: c.text }));
    const text = [message("extractiveLead", lang), ...chosen.map((c, i) => `«${c.text}» [${i + 1}]`)].join("\n");
    return { text, citations, abstained: false };
  }
}

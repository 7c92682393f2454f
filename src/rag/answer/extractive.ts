import type { Embeddings } from "@langchain/core/embeddings";
import { wordSimilarity } from "../fuzzy.js";
import type { Retrieval } from "../retrieve.js";
import { terms, type SentenceSpan } from "../text.js";
import { message } from "./messages.js";
import { passageSentences } from "./sentences.js";
import type { Answerer, Draft, ProposedCitation } from "./types.js";

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

/** A unit shorter than this (in content words) is a fragment: it is quoted with its neighbour. */
const FRAGMENT_TERMS = 5;
/** A sentence opening that refers back to the one before it. */
const CONTINUES = /^(?:it|its|this|these|that|those|they|such|so|thus|then|otherwise|however|es|dies|diese|dieser|dieses|das|dabei|dazu|damit|dann|sonst|so|er|sie)\b/i;
/** A line without closing punctuation and shorter than this (in words) reads as a heading or caption. */
const CAPTION_WORDS = 8;

/** A heading-like line ("SECURITY setgid directory and sticky bit"): never the heart of a quote. */
function isCaption(unit: SentenceSpan): boolean {
  return !/[.!?:;)»"”]$/.test(unit.text) && unit.text.split(/\s+/).length < CAPTION_WORDS && !/^[•◦▪‣●○■–*-]\s/.test(unit.text);
}
/** A second quote must score at least this share of the best one. */
const SECOND_QUOTE = 0.85;
/** A quote window grows to about this many characters at most. */
const WINDOW_MAX = 600;

interface Candidate {
  passage: number;
  units: SentenceSpan[];
  at: number;
  score: number;
}

/**
 * The stretch of a passage to quote around its best unit: a unit ending in ":" goes on into
 * what it introduces (the next line, list or code block), and a fragment takes its neighbour.
 */
export function quoteWindow(text: string, units: readonly SentenceSpan[], at: number): { start: number; end: number } {
  let first = at;
  let last = at;
  const size = () => units[last]!.end - units[first]!.start;
  const words = () => terms(text.slice(units[first]!.start, units[last]!.end)).length;
  // What a colon introduces: the following units up to the end of that block.
  if (/:\s*$/.test(units[last]!.text)) {
    while (last + 1 < units.length && size() < WINDOW_MAX) {
      last++;
      const gap = text.slice(units[last]!.end, units[last + 1]?.start ?? units[last]!.end);
      if (gap.includes("\n\n") && !/:\s*$/.test(units[last]!.text)) break;
    }
  }
  // A next sentence that refers back ("It is …", "Dies …") completes this one.
  while (last + 1 < units.length && last - at < 2 && CONTINUES.test(units[last + 1]!.text) && size() < WINDOW_MAX) {
    if (text.slice(units[last]!.end, units[last + 1]!.start).includes("\n\n")) break;
    last++;
  }
  while (words() < FRAGMENT_TERMS && size() < WINDOW_MAX) {
    if (last + 1 < units.length) last++;
    else if (first > 0) first--;
    else break;
  }
  return { start: units[first]!.start, end: units[last]!.end };
}

/**
 * Answers without a language model: the passage window that best matches the question (by
 * shared words and by embedding similarity), quoted and cited; a second one from another
 * passage when it is nearly as good.
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
    const candidates: Candidate[] = [];
    retrieval.results.forEach((r, i) => {
      const units = passageSentences(r.chunk);
      units.forEach((u, at) => {
        if (terms(u.text).length >= 2 && !isCaption(u)) candidates.push({ passage: i + 1, units, at, score: 0 });
      });
    });
    if (!candidates.length) return { text: message("notInDocuments", lang), citations: [], abstained: true };

    // The question was embedded once, by retrieval.
    const vectors = await this.embeddings.embedDocuments(candidates.map((c) => c.units[c.at]!.text));
    for (const [i, c] of candidates.entries()) {
      c.score = overlap(questionTerms, c.units[c.at]!.text) + 0.5 * cosine(retrieval.queryVector, vectors[i]!) + 0.05 / c.passage;
    }
    const best = [...candidates].sort((a, b) => b.score - a.score);
    const chosen: { passage: number; quote: string; start: number; end: number }[] = [];
    for (const c of best) {
      if (chosen.length >= this.options.maxQuotes || c.score < best[0]!.score * SECOND_QUOTE) break;
      const chunk = retrieval.results[c.passage - 1]!.chunk;
      const window = quoteWindow(chunk.text, c.units, c.at);
      const start = chunk.start + window.start;
      const end = chunk.start + window.end;
      // One quote per passage, and never the same text twice (passages overlap).
      const overlaps = chosen.some((x) => x.passage === c.passage || (retrieval.results[x.passage - 1]!.chunk.source === chunk.source && x.start < end && start < x.end));
      if (overlaps) continue;
      chosen.push({ passage: c.passage, quote: chunk.text.slice(window.start, window.end), start, end });
    }
    const citations: ProposedCitation[] = chosen.map((c, i) => ({ id: i + 1, passage: c.passage, quote: c.quote }));
    const text = [message("extractiveLead", lang), ...chosen.map((c, i) => `«${c.quote}» [${i + 1}]`)].join("\n");
    return { text, citations, abstained: false };
  }
}

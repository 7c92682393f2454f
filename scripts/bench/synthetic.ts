/**
 * Deterministic synthetic corpora with a controlled vocabulary: topic-clustered paragraphs of
 * 420-790 characters (one chunk each at CHUNK_SIZE 800), and questions drawn from the topics.
 */

import { seededRandom } from "../../src/random.js";

const SYLLABLES = "ka lo mi ru te shi po na ve zu bel dor fan gri hol jum kel lin mor nus pra qua ris sol tor ulm vex wan xi yor".split(" ");
const STOPWORDS = "the of and in to a is for with on that by as from at".split(" ");
const VOCABULARY = 6000;
const TOPICS = 250;
const TOPIC_WORDS = 40;

export interface Corpus {
  readonly documents: { name: string; text: string }[];
  readonly queries: string[];
  readonly paragraphs: number;
}

export function syntheticCorpus(paragraphs: number, options: { perDocument?: number; queries?: number; seed?: number } = {}): Corpus {
  const rnd = seededRandom(options.seed ?? 7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const vocab = new Set<string>();
  while (vocab.size < VOCABULARY) {
    const n = 2 + Math.floor(rnd() * 3);
    vocab.add(Array.from({ length: n }, () => pick(SYLLABLES)).join(""));
  }
  const words = [...vocab];
  // Zipf-distributed background vocabulary.
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= words.length; r++) cumulative.push((total += 1 / r ** 1.07));
  const zipf = () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const topics = Array.from({ length: TOPICS }, () => Array.from({ length: TOPIC_WORDS }, () => pick(words)));

  const paragraph = (topic: readonly string[]) => {
    const target = 420 + Math.floor(rnd() * 360);
    let text = "";
    let sentence: string[] = [];
    while (text.length < target) {
      const r = rnd();
      sentence.push(r < 0.55 ? pick(topic) : r < 0.85 ? zipf() : pick(STOPWORDS));
      if (sentence.length >= 8 + Math.floor(rnd() * 8)) {
        const s = sentence.join(" ");
        text += `${s[0]!.toUpperCase()}${s.slice(1)}. `;
        sentence = [];
      }
    }
    return text.trim().slice(0, 790).replace(/\s+\S*$/, ".");
  };

  const perDocument = options.perDocument ?? 100;
  const documents: { name: string; text: string }[] = [];
  for (let p = 0, d = 0; p < paragraphs; d++) {
    const count = Math.min(perDocument, paragraphs - p);
    const body = Array.from({ length: count }, () => paragraph(pick(topics))).join("\n\n");
    documents.push({ name: `doc-${String(d).padStart(5, "0")}.txt`, text: `Synthetic document ${d}\n\n${body}` });
    p += count;
  }
  const queries = Array.from({ length: options.queries ?? 200 }, () => {
    const topic = pick(topics);
    return `${[pick(topic), pick(topic), pick(topic), zipf()].join(" ")}?`;
  });
  return { documents, queries, paragraphs };
}

/**
 * The numbered sentences of retrieved passages: what an LLM cites by id ("2.3") and what the
 * code turns back into the exact quote and offsets, so a quote never depends on the model
 * copying text (curly quotes, dashes, escaping, small models all break copying).
 */
import { sentenceSpans, type SentenceSpan } from "../text.js";
import type { Chunk } from "../../documents/types.js";

/** The most sentences one citation quotes. */
export const MAX_QUOTED_SENTENCES = 4;

/** The parts of a passage that are a table's rows (see Chunk.tables), as offsets into its text. */
export function tableRowsOf(chunk: Chunk): [number, number][] {
  return (chunk.tables ?? []).map(([s, e]) => [s - chunk.start, e - chunk.start]);
}

/** Sentences of a passage that can be cited: its section's headings and contents lines are left out. */
export function passageSentences(chunk: Chunk): SentenceSpan[] {
  const headings = new Set((chunk.section ?? "").split(" › ").map((h) => h.trim()));
  return sentenceSpans(chunk.text, chunk.lang, tableRowsOf(chunk)).filter(
    (u) => !headings.has(u.text.replace(/^#{1,6}\s+/, "").replace(/[*_`]/g, "").trim()) && !/(?:\.\s?){4,}\s*\d+$/.test(u.text),
  );
}

/**
 * The exact text that sentence ids name: ids of one passage ("2.3", "2.4"), joined from the first
 * to the last. Ids of other passages than the first valid one and unknown ids are ignored.
 * Undefined when no id is valid.
 */
export function quoteFromSentenceIds(ids: readonly string[], passages: readonly Chunk[]): { passage: number; quote: string } | undefined {
  let passage: number | undefined;
  let first = Infinity;
  let last = -1;
  let units: SentenceSpan[] = [];
  const sentencesOf = new Map<number, SentenceSpan[]>();
  for (const id of ids) {
    const m = /^\s*\[?(\d{1,3})\.(\d{1,4})\]?\s*$/.exec(id);
    if (!m) continue;
    const p = Number(m[1]);
    const s = Number(m[2]) - 1;
    const chunk = passages[p - 1];
    if (!chunk || (passage !== undefined && p !== passage)) continue;
    if (passage === undefined) {
      // (Each passage split once, however many unknown ids name it.)
      let split = sentencesOf.get(p);
      if (!split) sentencesOf.set(p, (split = passageSentences(chunk)));
      units = split;
    }
    if (!units[s]) continue;
    passage = p;
    first = Math.min(first, s);
    last = Math.max(last, s);
  }
  if (passage === undefined || last < 0) return undefined;
  const chunk = passages[passage - 1]!;
  // At most MAX_QUOTED_SENTENCES from the first: the first and last ids of a passage made the whole
  // passage one quote (found by an attack review), and the prompt asks for one to three sentences.
  return { passage, quote: chunk.text.slice(units[first]!.start, units[Math.min(last, first + MAX_QUOTED_SENTENCES - 1)]!.end) };
}

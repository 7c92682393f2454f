import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { sha256 } from "./load.js";
import type { Chunk, SourceDocument } from "./types.js";

/**
 * LangChain's splitter keeps a separator at the start of the next piece (". Next sentence").
 * Sentence punctuation belongs to the sentence it ends, so this one keeps it at the end.
 */
class SentenceAwareSplitter extends RecursiveCharacterTextSplitter {
  override splitOnSeparator(text: string, separator: string): string[] {
    if (!separator) return super.splitOnSeparator(text, separator);
    const escaped = separator.replace(/[/\-\\^$*+?.()|[\]{}]/g, "\\$&");
    return text.split(new RegExp(`(?<=${escaped})`)).filter((s) => s !== "");
  }
}

/** Paragraphs first, then lines, then sentences, then clauses, then words. */
const SEPARATORS = ["\n\n", "\n", ". ", "! ", "? ", "; ", ": ", ", ", " ", ""];

export interface SplitOptions {
  readonly chunkSize: number;
  readonly chunkOverlap: number;
}

/**
 * Splits documents into chunks of at most `chunkSize` characters on sentence-friendly boundaries,
 * each with its exact character offsets in the document.
 */
export async function splitDocuments(documents: readonly SourceDocument[], options: SplitOptions): Promise<Chunk[]> {
  const splitter = new SentenceAwareSplitter({
    chunkSize: options.chunkSize,
    chunkOverlap: options.chunkOverlap,
    separators: SEPARATORS,
  });
  const chunks: Chunk[] = [];
  for (const doc of documents) {
    const pieces = await splitter.splitText(doc.text);
    const seen = new Map<string, number>();
    let cursor = 0;
    for (const text of pieces) {
      // Pieces come in document order and overlap by at most chunkOverlap characters.
      let start = doc.text.indexOf(text, Math.max(0, cursor - options.chunkOverlap - 1));
      if (start < 0) start = doc.text.indexOf(text);
      if (start < 0) throw new Error(`splitter produced text not found in ${doc.source}`);
      cursor = start + text.length;
      const hash = sha256(text);
      const n = seen.get(hash) ?? 0;
      seen.set(hash, n + 1);
      chunks.push({
        id: `${doc.source}#${hash.slice(0, 12)}${n ? `-${n}` : ""}`,
        source: doc.source,
        title: doc.title,
        lang: doc.lang,
        text,
        hash,
        start,
        end: start + text.length,
      });
    }
  }
  return chunks;
}

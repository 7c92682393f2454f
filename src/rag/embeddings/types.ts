import type { Embeddings } from "@langchain/core/embeddings";

export type EmbeddingsProviderName = "local" | "openai" | "hashing";

/** What identifies a vector space: an index is only searched with the embeddings that built it. */
export interface EmbeddingsInfo {
  readonly provider: EmbeddingsProviderName;
  readonly model: string;
  readonly dimensions: number;
}

export interface EmbeddingsHandle {
  readonly embeddings: Embeddings;
  readonly info: EmbeddingsInfo;
  /** Set when the automatic choice could not load the local model and fell back to hashing. */
  readonly fallbackReason?: string;
}

export function sameSpace(a: EmbeddingsInfo, b: EmbeddingsInfo): boolean {
  return a.provider === b.provider && a.model === b.model && a.dimensions === b.dimensions;
}

export function describeSpace(info: EmbeddingsInfo): string {
  return `${info.provider} ${info.model} (${info.dimensions} dimensions)`;
}

/** Cosine similarity of two L2-normalised vectors (every provider here returns them normalised). */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * (b[i] ?? 0);
  return sum;
}

import { nearestByDot } from "../../src/store/local/scoped-search.js";

export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function latency(ms: readonly number[]) {
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) };
}

/** Times `fn` once per input, in milliseconds. */
export async function timeEach<T, R>(inputs: readonly T[], fn: (input: T) => Promise<R> | R): Promise<{ ms: number[]; results: R[] }> {
  const ms: number[] = [];
  const results: R[] = [];
  for (const input of inputs) {
    const t = performance.now();
    results.push(await fn(input));
    ms.push(performance.now() - t);
  }
  return { ms, results };
}

/** Runs `fn`, timing it and the longest the event loop waited for a turn meanwhile (a 1 ms timer's longest gap). */
export async function loopHeld(fn: () => Promise<unknown>): Promise<{ seconds: number; loopHeldMs: number }> {
  let last = performance.now();
  let held = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    held = Math.max(held, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  // A stretch that held the loop up to the end is counted too.
  held = Math.max(held, performance.now() - last);
  return { seconds: (performance.now() - start) / 1000, loopHeldMs: held };
}

/** Exact cosine search over unit vectors in one flat array: the ground truth, and the plain-JS baseline. */
export class BruteForce {
  private readonly data: Float32Array;
  constructor(
    vectors: readonly number[][],
    private readonly dims: number,
  ) {
    this.data = new Float32Array(vectors.length * dims);
    vectors.forEach((v, i) => this.data.set(v, i * dims));
  }

  search(query: readonly number[], k: number): number[] {
    return nearestByDot(this.data, this.dims, Float32Array.from(query), k).map((b) => b.i);
  }
}

export function recallAt(truth: readonly number[][], found: readonly number[][]): number {
  let hit = 0;
  let total = 0;
  truth.forEach((t, i) => {
    const f = new Set(found[i]);
    for (const id of t) if (f.has(id)) hit++;
    total += t.length;
  });
  return total ? hit / total : 1;
}

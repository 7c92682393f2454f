/**
 * mulberry32: a small, fast seeded generator of numbers in [0, 1). Used where the same "random"
 * draw must come out every time: the questions that calibrate an index at each build, and the
 * bench's and stress test's synthetic corpora.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

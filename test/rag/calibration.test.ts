import { test } from "node:test";
import assert from "node:assert/strict";
import { calibrate, calibratedLanguages, denseBars, embedRandomQuestions } from "../../src/rag/calibration.js";

test("calibrating a build lets other work run between its random questions", async () => {
  // An embedder that computes on this thread, as the hashing one and a local model do.
  const busy = async (text: string) => {
    const until = performance.now() + 1;
    while (performance.now() < until);
    return [text.length, 1];
  };
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  try {
    const embedded = await embedRandomQuestions(busy, []);
    assert.ok(ticks > 0, "timers ran while the random questions were embedded");
    ticks = 0;
    await calibrate(embedded, async () => {
      const until = performance.now() + 1;
      while (performance.now() < until);
      return 0.5;
    });
    assert.ok(ticks > 0, "timers ran while their nearest passages were searched");
  } finally {
    clearInterval(timer);
  }
});

test("a build asks random questions in English, German and each language of its documents that has a list of everyday words", async () => {
  const asked = await embedRandomQuestions(async (text) => [text.length], ["fr", "other", "fr", "es"]);
  assert.deepEqual(asked.map((x) => x.lang), ["en", "de", "fr", "es"]);
  assert.ok(asked.every((x) => x.vectors.length === 100));
  assert.deepEqual(calibratedLanguages(["de"]), ["en", "de"]);
});

test("the bars are quantiles of what the random questions found: what is not a number is left out, and a language without random questions has no answer bar", async () => {
  const embedded = [{ lang: "en" as const, vectors: [[0], [1], [2], [3], [4]] }, { lang: "de" as const, vectors: [[0], [1]] }];
  const similarity = [0.1, 0.2, Number.NaN, 0.3, 0.5];
  const calibration = await calibrate(embedded, async ([i]) => similarity[i!]!);
  assert.deepEqual(calibration.denseMedian, { en: 0.25, de: 0.15 });
  assert.deepEqual(calibration.denseAnswer, { en: 0.35, de: 0.175 });
  assert.deepEqual(denseBars(calibration, "en"), { chance: 0.25, answer: 0.35 });
  // A French question over a folder not asked in French (it holds no French document): the lowest
  // median of the others, and no answer bar.
  assert.deepEqual(denseBars(calibration, "fr"), { chance: 0.15 });
  // Only non-numbers found: no bars for that language.
  const none = await calibrate([{ lang: "en", vectors: [[0]] }], async () => Number.NaN);
  assert.deepEqual(none.denseMedian, {});
  assert.equal(denseBars(none, "en"), undefined);
});

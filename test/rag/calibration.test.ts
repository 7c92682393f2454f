import { test } from "node:test";
import assert from "node:assert/strict";
import { calibrate, embedRandomQuestions } from "../../src/rag/calibration.js";

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
    const embedded = await embedRandomQuestions(busy);
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

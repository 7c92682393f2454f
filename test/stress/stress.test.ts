import assert from "node:assert/strict";
import { test } from "node:test";
import { parseTelegramHtml } from "../../scripts/stress/bot-api.js";
import { runStress } from "../../scripts/stress/run.js";
import { CORPUS_DIR } from "../helpers/util.js";

test("the emulator refuses HTML that Telegram would refuse (so the formatting check can fail)", () => {
  assert.ok(parseTelegramHtml("<b>bold</b> &amp; <blockquote expandable>q</blockquote>").ok);
  for (const bad of ["<b>open", "a < b", "</i>", "<div>x</div>", "&nbsp;", "<b><i>x</b></i>"]) {
    assert.equal(parseTelegramHtml(bad).ok, false, bad);
  }
});

test("npm run stress at a small size: hostile input, load, faults, kill -9, security all pass", async () => {
  const { figures } = await runStress({ hostile: 150, users: 10, questionsPerUser: 3, floodPerSecond: 50, floodSeconds: 1, corpusDir: CORPUS_DIR });
  const failed = figures.filter((f) => !f.pass);
  assert.deepEqual(failed, [], failed.map((f) => `${f.figure}: ${f.value}`).join("\n"));
  assert.ok(figures.length >= 25);
});

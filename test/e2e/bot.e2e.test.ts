import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { HashingEmbeddings } from "../../src/rag/embeddings/index.js";
import { botMessages, freePort, startBot, startEmulator, waitFor, type BotProcess, type Emulator } from "../helpers/emulator.js";
import { startOpenAIServer, type OpenAIServer, type ScriptedReply } from "../helpers/openai-server.js";
import { CORPUS_DIR, tempDir } from "../helpers/util.js";

const TOKEN = "424242:e2e-test-token-abcdefghijklmnopqrst";
const ADMIN = 1001;
const BOT_ID = 666; // what the emulator's getMe answers
const BOT_USERNAME = "TestNameBot";

let emu: Emulator;
let llm: OpenAIServer;
let bot: BotProcess;
let docsDir: string;
let env: Record<string, string>;
let llmMode: "cite" | "long" | "fail" | "half" = "cite";
let slowEmbedding = false;

/** A fake model that behaves: it cites passage 1 with an exact quote from it. */
function scriptedChat(body: any): ScriptedReply | string {
  if (llmMode === "fail") return { status: 500, body: { error: { message: "model crashed" } } };
  const user: string = body.messages.at(-1).content;
  // It cites the first sentence of passage 1 by its id, and repeats its opening words.
  const first = /^\[1\.1\] (.*)$/m.exec(user)?.[1] ?? "";
  const words = first.slice(0, 60).replace(/\s+\S*$/, "");
  // "half": the answer carries half an emoji (its JSON says "\ud83d" alone), as a cut-off model output may.
  const text =
    llmMode === "long"
      ? `${"This is a long, well supported answer about the documents. ".repeat(170)}${words} [1]`
      : `According to the documents${llmMode === "half" ? " \uD83D" : ""}: ${words} [1].`;
  return JSON.stringify({ answerable: true, answer: text, citations: [{ id: 1, sentences: ["1.1"] }] });
}

before(async () => {
  emu = await startEmulator();
  const fake = new HashingEmbeddings(256);
  llm = await startOpenAIServer({
    embed: (texts) => texts.map((t) => fake.embed(t)),
    embedDelayMs: (texts) => (slowEmbedding && texts.some((t) => t.includes("Zephyr")) ? 2500 : 0),
    chat: scriptedChat,
  });
  const root = await tempDir();
  docsDir = path.join(root, "docs");
  await fs.cp(CORPUS_DIR, docsDir, { recursive: true });
  env = {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    ADMIN_USER_IDS: String(ADMIN),
    // A private bot: the users and the group of the tests below; everyone else must be approved.
    ALLOWED_USER_IDS: "2001,2002,3001,4001,4002,5001,6001",
    ALLOWED_CHAT_IDS: "-5001",
    ACCESS_FILE: path.join(root, "access.json"),
    DOCS_DIR: docsDir,
    INDEX_DIR: path.join(root, "index"),
    FEEDBACK_LOG: path.join(root, "feedback.jsonl"),
    EMBEDDINGS_PROVIDER: "openai",
    OPENAI_BASE_URL: llm.baseURL,
    OPENAI_API_KEY: "sk-e2e-secret-key",
    LLM_MODEL: "test-model",
    LLM_MAX_RETRIES: "0",
    REINDEX_PROGRESS_INTERVAL_MS: "500",
    RATE_LIMIT_MESSAGES: "50",
    LOG_LEVEL: "info",
  };
  bot = startBot(env);
  await waitFor("the bot to start and its index to be ready", () => /bot started/.test(bot.output()) && /index ready/.test(bot.output()), 60_000);
});

after(async () => {
  const code = await bot?.stop();
  await emu?.server.stop();
  await llm?.close();
  assert.equal(code, 0, `the bot stops cleanly on SIGTERM\n${bot?.output().slice(-2000)}`);
  assert.ok(!bot.output().includes(TOKEN) && !bot.output().includes("sk-e2e-secret-key"), "no secret in the bot's output");
});

function client(userId: number, chat: { id: number; type: "private" | "group" | "supergroup" }) {
  return emu.server.getClient(TOKEN, { userId, chatId: chat.id, type: chat.type, firstName: "Tester", userName: `user${userId}`, chatTitle: "Group" });
}

async function ask(c: ReturnType<typeof client>, chatId: number, text: string, options: Record<string, unknown> = {}) {
  const before = botMessages(emu.server, chatId).length;
  await c.sendMessage(c.makeMessage(text, options as any));
  return waitFor(`an answer to "${text}"`, () => {
    const msgs = botMessages(emu.server, chatId);
    return msgs.length > before ? msgs.slice(before) : undefined;
  });
}

test("a private question gets an answer with a verified citation, over real HTTP", async () => {
  const c = client(2001, { id: 2001, type: "private" });
  const [reply] = await ask(c, 2001, "Who leads Sberbank?");
  assert.equal(reply.parse_mode, "HTML");
  assert.match(reply.text, /According to the documents: .+ \[1\]\./);
  assert.match(reply.text, /<b>Sources:<\/b>/);
  const quote = /<blockquote>([\s\S]*?)<\/blockquote>/.exec(reply.text)?.[1];
  assert.ok(quote && quote.length > 10);
  const corpus = (await Promise.all((await fs.readdir(docsDir)).map((f) => fs.readFile(path.join(docsDir, f), "utf8")))).join("\n");
  assert.ok(corpus.includes(quote!), "the quote is the documents' exact text");
});

test("the passage button under an answer shows the cited passage with its context and place", async () => {
  const c = client(2002, { id: 2002, type: "private" });
  const [answer] = await ask(c, 2002, "Wer leitet die Sberbank?");
  const button = answer.reply_markup?.inline_keyboard?.[0]?.[0];
  assert.match(button?.text ?? "", /^\[1\] (?:passage|Stelle)$/, "a passage button per citation");
  const before = botMessages(emu.server, 2002).length;
  await c.sendCallback(c.makeCallbackQuery(button.callback_data, { message: { message_id: answer.message_id ?? 1 } } as any));
  const [shown] = await waitFor("the passage", () => botMessages(emu.server, 2002).slice(before)[0] && botMessages(emu.server, 2002).slice(before));
  assert.equal(shown.parse_mode, "HTML");
  const quote = /<blockquote>([\s\S]*?)<\/blockquote>/.exec(answer.text)![1]!;
  assert.ok(shown.text.includes(`<b>${quote}</b>`), "the cited quote is bold inside its passage");
  assert.match(shown.text, /^<b>\[1\] .+ \(russia-blockchain-race\.txt\)<\/b>/, "the source line comes first");
  assert.ok(shown.text.length > quote.length + 100, "with the text around it");
});

test("a stranger is told the bot is private, the admin approves with a button, and the stranger is answered", async () => {
  const stranger = client(7001, { id: 7001, type: "private" });
  const [refused] = await ask(stranger, 7001, "Who leads Sberbank?");
  assert.match(refused.text, /private/);
  assert.doesNotMatch(refused.text, /Gref|Sberbank/, "no document text reaches a stranger");
  const request = await waitFor("the admin's request", () => botMessages(emu.server, ADMIN).find((m) => /asks to use the bot/.test(m.text)));
  assert.match(request.text, /id 7001/);
  const approve = request.reply_markup.inline_keyboard[0][0];
  assert.equal(approve.callback_data, "acc:ok:7001");

  const admin = client(ADMIN, { id: ADMIN, type: "private" });
  await admin.sendCallback(admin.makeCallbackQuery(approve.callback_data, { message: { message_id: request.message_id ?? 1, text: request.text } } as any));
  await waitFor("the approval notice", () => botMessages(emu.server, 7001).find((m) => /You may ask me now/.test(m.text)));
  const [answer] = await ask(stranger, 7001, "Who leads Sberbank?");
  assert.match(answer.text, /\[1\]/, "approved: answered");

  // A group nobody allowed gets no document text: the bot says it is private (and leaves).
  const outsider = client(7002, { id: -8001, type: "supergroup" });
  const [bye] = await ask(outsider, -8001, `@${BOT_USERNAME} who leads Sberbank?`, { entities: [{ type: "mention", offset: 0, length: BOT_USERNAME.length + 1 }] });
  assert.match(bye.text, /private/);
  assert.doesNotMatch(bye.text, /Gref/);
});

test("in a group: silence without a mention; a mention and a reply to the bot each get an answer", async () => {
  const chat = { id: -5001, type: "supergroup" as const };
  const c = client(3001, chat);
  await c.sendMessage(c.makeMessage("Who leads Sberbank? (not for the bot)"));
  const mention = `@${BOT_USERNAME} who leads Sberbank?`;
  const first = await ask(c, chat.id, mention, { entities: [{ type: "mention", offset: 0, length: BOT_USERNAME.length + 1 }] });
  assert.equal(first.length, 1, "only the mention was answered");
  const botMsgId = first[0].message_id ?? 1;
  const second = await ask(c, chat.id, "and what did Gref say about virtual currencies?", {
    reply_to_message: { message_id: botMsgId, date: 0, chat: { id: chat.id, type: "supergroup", title: "Group" }, from: { id: BOT_ID, is_bot: true, first_name: "Bot", username: BOT_USERNAME }, text: "…" },
  });
  assert.equal(second.length, 1);
  assert.match(second[0].text, /\[1\]/);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(botMessages(emu.server, chat.id).length, 2, "the unaddressed message never got a reply");
});

test("/reindex: a non-admin is refused; an admin's reindex picks up a new document while questions keep being answered", async () => {
  const stranger = client(4001, { id: 4001, type: "private" });
  const refused = await ask(stranger, 4001, "/reindex", { entities: [{ type: "bot_command", offset: 0, length: 8 }] });
  assert.match(refused[0].text, /Only the bot's admins/);

  const newQuestion = "When does the Zephyr consortium plan helium-3 mining on the Moon?";
  const user = client(4002, { id: 4002, type: "private" });
  const beforeAnswer = await ask(user, 4002, newQuestion);
  assert.doesNotMatch(beforeAnswer.map((m) => m.text).join(""), /new-report\.md/);

  await fs.writeFile(path.join(docsDir, "new-report.md"), "# Lunar Mining Report\n\nThe Zephyr consortium plans helium-3 mining on the Moon by 2031, starting near the Shackleton crater.\n");
  slowEmbedding = true;
  const admin = client(ADMIN, { id: ADMIN, type: "private" });
  const [status] = await ask(admin, ADMIN, "/reindex", { entities: [{ type: "bot_command", offset: 0, length: 8 }] });
  assert.match(status.text, /Rebuilding the index/);

  // While the new document is being embedded, questions are answered from the old index.
  const during = await ask(user, 4002, "Who leads Sberbank?");
  assert.match(during[0].text, /\[1\]/);
  assert.ok(!/Index rebuilt/.test(botMessages(emu.server, ADMIN).at(-1).text), "the reindex was still running");

  const done = await waitFor("the reindex report", () => botMessages(emu.server, ADMIN).find((m) => /Index rebuilt/.test(m.text)), 30_000);
  slowEmbedding = false;
  assert.match(done.text, /3 documents/);
  assert.match(done.text, /added 1, changed 0, removed 0, unchanged 2/);
  assert.match(done.text, /reused \d+/);

  const afterAnswer = await ask(user, 4002, newQuestion);
  assert.match(afterAnswer[0].text, /Lunar Mining Report \(new-report\.md\)/);
});

test("a document copied into the folder while the bot was down is answered from after the next start, without a /reindex", async () => {
  const code = await bot.stop();
  assert.equal(code, 0);
  await fs.writeFile(path.join(docsDir, "harbour.md"), "# Harbour Rules\n\nThe Quillon harbour closes its lock gates two hours before every spring tide.\n");
  bot = startBot(env);
  await waitFor("the changed folder to be indexed", () => /index updated from the documents folder/.test(bot.output()), 60_000);
  assert.match(bot.output(), /the documents folder changed since the index was built/);
  const [answer] = await ask(client(4002, { id: 4002, type: "private" }), 4002, "When does the Quillon harbour close its lock gates?");
  assert.match(answer.text, /Harbour Rules \(harbour\.md\)/);
});

test("a 10,000-character answer arrives split into messages within Telegram's limit, complete", async () => {
  llmMode = "long";
  try {
    const c = client(5001, { id: 5001, type: "private" });
    await c.sendMessage(c.makeMessage("Who leads Sberbank?"));
    const msgs = await waitFor("all parts", () => {
      const m = botMessages(emu.server, 5001);
      return m.some((x: any) => /Sources:/.test(x.text)) ? m : undefined;
    });
    assert.ok(msgs.length >= 3, `${msgs.length} messages`);
    for (const m of msgs) assert.ok(m.text.length <= 4096);
    const all = msgs.map((m: any) => m.text).join(" ");
    assert.equal(all.match(/This is a long, well supported answer/g)?.length, 170, "no sentence lost");
    assert.ok(msgs.at(-1).reply_markup, "the buttons come under the last part");
  } finally {
    llmMode = "cite";
  }
});

test("half a character in the model's answer does not cost the answer: it arrives, mended", async () => {
  llmMode = "half";
  try {
    const c = client(6001, { id: 6001, type: "private" });
    const [answer] = await ask(c, 6001, "Who leads Sberbank?");
    // Telegram refuses text that is not valid UTF-8, and a lone half of a surrogate pair is not.
    assert.doesNotMatch(answer.text, /[\uD800-\uDFFF]/);
    assert.match(answer.text, /According to the documents \uFFFD: .*\[1\]/);
  } finally {
    llmMode = "cite";
  }
});

test("an LLM failure yields a friendly message and the bot keeps answering", async () => {
  const c = client(6001, { id: 6001, type: "private" });
  llmMode = "fail";
  const [sorry] = await ask(c, 6001, "Who leads Sberbank?");
  assert.match(sorry.text, /language model is not responding/);
  assert.doesNotMatch(sorry.text, /500|crashed|127\.0\.0\.1/);
  llmMode = "cite";
  const [ok] = await ask(c, 6001, "Who leads Sberbank?");
  assert.match(ok.text, /\[1\]/);
});

test("npm start without a token and without a terminal exits non-zero and says how to set the token", async () => {
  const root = await tempDir();
  const p = startBot({ DOCS_DIR: docsDir, INDEX_DIR: path.join(root, "index"), EMBEDDINGS_PROVIDER: "hashing" });
  const code = await new Promise<number | null>((resolve) => p.child.once("exit", resolve));
  assert.equal(code, 1);
  assert.match(p.output(), /TELEGRAM_BOT_TOKEN is not set/);
  assert.match(p.output(), /BotFather/);
});

test("a first index build that fails ends the start with its reason, also while Telegram cannot be reached", async () => {
  const root = await tempDir();
  const empty = path.join(root, "docs");
  await fs.mkdir(empty);
  const p = startBot({
    TELEGRAM_BOT_TOKEN: "123456:unreachable-api-token-abcdefghijklmnop",
    TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}`,
    DOCS_DIR: empty,
    INDEX_DIR: path.join(root, "index"),
    EMBEDDINGS_PROVIDER: "hashing",
    LOG_LEVEL: "info",
  });
  try {
    const exited = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(-1), 30_000);
      p.child.once("exit", (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    assert.equal(exited, 1, p.output().slice(-1500));
    assert.match(p.output(), /DOCS_DIR/);
  } finally {
    await p.stop();
  }
});

test("a Bot API that cannot be reached is not a silent hang: the bot says it is still trying, with the address and the setting", async () => {
  const root = await tempDir();
  // A port nothing listens on: every connection is refused.
  const closed = `http://127.0.0.1:${await freePort()}`;
  const p = startBot({
    TELEGRAM_BOT_TOKEN: "123456:unreachable-api-token-abcdefghijklmnop",
    TELEGRAM_API_ROOT: closed,
    DOCS_DIR: docsDir,
    INDEX_DIR: path.join(root, "index"),
    EMBEDDINGS_PROVIDER: "hashing",
    LOG_LEVEL: "info",
  });
  try {
    await waitFor("the still-trying warning", () => /still trying to reach the Bot API/.test(p.output()), 30_000);
    const line = p.output().split("\n").find((l) => /still trying to reach the Bot API/.test(l))!;
    assert.match(line, new RegExp(closed.replace(/[.]/g, "\\.")));
    assert.match(line, /TELEGRAM_API_ROOT/);
    assert.doesNotMatch(p.output(), /unreachable-api-token/, "the token is not logged");
  } finally {
    await p.stop();
  }
});

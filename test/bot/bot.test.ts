import { addCaption } from "../../src/bot/features/documents.js";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { before, test } from "node:test";
import { AnswerError } from "../../src/errors.js";
import type { KnowledgeBase } from "../../src/rag/knowledge-base.js";
import type { QuestionAnswerer } from "../../src/rag/qa.js";
import { ADMIN, botHarness, groupMessage, privateText, TOKEN } from "../helpers/bot-harness.js";
import { corpusQuestionAnswerer } from "../helpers/kb.js";

let kb: KnowledgeBase;
let qa: QuestionAnswerer;
before(async () => {
  ({ kb, qa } = await corpusQuestionAnswerer());
});

test("a private question gets one HTML reply with markers, sources, quotes and feedback buttons", async () => {
  const h = await botHarness({ qa, kb });
  await h.handle(privateText("Wer leitet die Sberbank?", { id: 7, language_code: "de" }));
  const [m, ...rest] = h.sent();
  assert.equal(rest.length, 0);
  assert.equal(m!.payload.parse_mode, "HTML");
  assert.equal(m!.payload.reply_parameters.message_id, 1);
  assert.match(m!.payload.text, /\[1\]/);
  assert.match(m!.payload.text, /<b>Quellen:<\/b>/);
  assert.match(m!.payload.text, /«[^»]*Herman.Gref[^»]*» \[1\]/, "the extractive answer quotes the passage");
  assert.doesNotMatch(m!.payload.text, /<blockquote>/, "a quote the answer shows is not repeated under Sources");
  assert.match(m!.payload.text, /<b>\[1\] Russia blockchain race \(russia-blockchain-race\.txt\)<\/b>/);
  const rows = m!.payload.reply_markup.inline_keyboard;
  assert.ok(rows[0].every((b: any) => /^\[\d\] Stelle$/.test(b.text)), "a passage button per citation, in German");
  assert.deepEqual(rows.at(-1).map((b: any) => b.text), ["👍", "👎"]);
  assert.ok(h.calls.some((c) => c.method === "sendChatAction" && c.payload.action === "typing"));

  const [up, down] = rows.at(-1).map((b: any) => b.callback_data);
  const press = (from: number, data: string) =>
    h.handle({ callback_query: { id: `cb${from}${data}`, chat_instance: "x", from: { id: from, is_bot: false, first_name: "U" }, data, message: { message_id: 1000, date: 0, chat: { id: 7, type: "private", first_name: "U" } } } });
  await press(7, down);
  assert.ok(h.calls.some((c) => c.method === "answerCallbackQuery" && /Danke|Thanks/.test(c.payload.text)));
  const shown = () => h.calls.filter((c) => c.method === "editMessageReplyMarkup").at(-1)!.payload.reply_markup.inline_keyboard.at(-1).map((b: any) => b.text);
  assert.deepEqual(shown(), ["👍", "👎 1"], "the buttons show the vote");
  await press(7, up);
  assert.deepEqual(shown(), ["👍 1", "👎"], "a second press changes the vote, it does not add one");
  await press(8, up);
  assert.deepEqual(shown(), ["👍 2", "👎"]);

  const lines = (await fs.readFile(h.feedbackFile, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines[0].event, "answer");
  assert.equal(lines[0].answer.question, "Wer leitet die Sberbank?");
  assert.ok(lines[0].answer.citations[0].quote);
  assert.deepEqual(lines.filter((l) => l.event === "vote").map((l) => [l.userId, l.vote]), [[7, "down"], [7, "up"], [8, "up"]]);

  // After a restart the buttons still work: they name the stored answer.
  const { FeedbackLog } = await import("../../src/state/feedback.js");
  const reopened = await FeedbackLog.open(h.feedbackFile, { retentionDays: 90 });
  const key = up.split(":")[1];
  assert.deepEqual(reopened.tally(key), { up: 2, down: 0 });
  assert.equal((await reopened.recall(key))?.answer.lang, "de");
});

test("with its store failing (a database down), a button press is answered with a note instead of spinning, and a stranger's message with one instead of silence", async () => {
  const down = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
  const h = await botHarness({ qa, kb }, {
    env: { ALLOWED_USER_IDS: "7" },
    feedback: { remember: async () => "k1", recall: down, vote: down, abstained: async () => {} },
    accessStore: { load: async () => ({ users: [], chats: [], denied: [], pending: [], names: {}, collections: {} }), change: down },
  });
  const press = (data: string) => ({ callback_query: { id: `cb-${data}`, chat_instance: "x", from: { id: 7, is_bot: false, first_name: "U" }, data, message: { message_id: 5, date: 0, chat: { id: 7, type: "private" as const, first_name: "U" }, text: "answer" } } });
  for (const data of ["fb:k1:up", "p:k1:1"]) {
    await h.handle(press(data));
    const answered = h.calls.filter((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === `cb-${data}`);
    assert.equal(answered.length, 1, `${data}: answered once`);
    assert.match(answered[0]!.payload.text, /something went wrong.*try again/i);
  }
  await h.handle(privateText("Who leads Sberbank?", { id: 99 }));
  const toStranger = h.sent().filter((c) => c.payload.chat_id === 99);
  assert.equal(toStranger.length, 1);
  assert.match(toStranger[0]!.payload.text, /something went wrong.*try again/i);
  assert.doesNotMatch(toStranger[0]!.payload.text, /Gref/);
});

test("feedback older than FEEDBACK_RETENTION_DAYS is dropped when the log is opened", async () => {
  const { FeedbackLog } = await import("../../src/state/feedback.js");
  const { tempDir } = await import("../helpers/util.js");
  const file = `${await tempDir()}/feedback.jsonl`;
  const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
  const recent = new Date().toISOString();
  await fs.writeFile(file, [
    JSON.stringify({ event: "abstained", at: old, chatId: 1, question: "old", answer: "-" }),
    JSON.stringify({ event: "abstained", at: recent, chatId: 1, question: "new", answer: "-" }),
    '{"event": "abstained", "at": "torn',
  ].join("\n"));
  await FeedbackLog.open(file, { retentionDays: 30 });
  const left = (await fs.readFile(file, "utf8")).trim().split("\n").map((l) => JSON.parse(l).question);
  assert.deepEqual(left, ["new"]);
});

test("the feedback log is moved aside at its size limit, one written before the limit too", async () => {
  const { FeedbackLog } = await import("../../src/state/feedback.js");
  const { tempDir } = await import("../helpers/util.js");
  const dir = await tempDir();
  const file = `${dir}/feedback.jsonl`;
  const answer = { question: "q", text: "t", lang: "en" as const, abstained: false, citations: [] };
  const log = await FeedbackLog.open(file, { retentionDays: 30, maxBytes: 2000 });
  const keys: string[] = [];
  for (let i = 0; i < 40; i++) {
    await log.abstained(1, 2, `unanswered ${i} ${"x".repeat(100)}`, "-");
    keys.push(await log.remember(1, 2, answer));
  }
  const size = async (f: string) => (await fs.stat(f)).size;
  assert.ok((await size(file)) <= 2000 && (await size(`${file}.1`)) <= 2000, "each file within the limit");
  const lines = (await fs.readFile(file, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.at(-1).key, keys.at(-1), "the newest entries are in the log");
  assert.ok((await log.recall(keys[0]!)) !== undefined, "the buttons still reach the answers kept in memory");

  // A log over the limit (written before it) opens, and is moved aside at the next entry.
  const big = `${dir}/big.jsonl`;
  const line = `${JSON.stringify({ event: "abstained", at: new Date().toISOString(), chatId: 1, question: "y".repeat(1000), answer: "-" })}\n`;
  await fs.writeFile(big, line.repeat(600));
  const opened = await FeedbackLog.open(big, { retentionDays: 30, maxBytes: 1000 });
  await opened.abstained(1, 2, "after", "-");
  assert.equal((await fs.readFile(`${big}.1`, "utf8")).length, line.length * 600, "the old log moved aside whole");
  assert.match(await fs.readFile(big, "utf8"), /"after"/);

  // After a restart the answers of the log moved aside still have working buttons, and it is
  // pruned of entries past the retention like the log itself.
  const old = JSON.stringify({ event: "abstained", at: new Date(Date.now() - 40 * 86_400_000).toISOString(), chatId: 1, question: "old", answer: "-" });
  await fs.appendFile(`${file}.1`, `${old}\n`);
  const movedKey = JSON.parse((await fs.readFile(`${file}.1`, "utf8")).split("\n").find((l) => l.includes('"event":"answer"'))!).key;
  const reopened = await FeedbackLog.open(file, { retentionDays: 30, maxBytes: 2000 });
  assert.ok((await reopened.recall(movedKey)) !== undefined, "an answer in the moved log is still found");
  assert.doesNotMatch(await fs.readFile(`${file}.1`, "utf8"), /"old"/);

  // A log deleted by hand before it is due to move: the next entries are written all the same.
  await fs.rm(file);
  for (let i = 0; i < 30; i++) await reopened.abstained(1, 2, `again ${i} ${"z".repeat(100)}`, "-");
  assert.match(await fs.readFile(file, "utf8"), /again 29/);

  // A pruned copy that cannot be written (its temporary name taken by a folder) leaves the log as it is; the bot starts.
  const stuck = `${dir}/stuck.jsonl`;
  await fs.writeFile(stuck, `${old}\n${line}`);
  await fs.mkdir(`${stuck}.${process.pid}.tmp`);
  await FeedbackLog.open(stuck, { retentionDays: 30 });
  assert.match(await fs.readFile(stuck, "utf8"), /"old"/);
});

test("a question the documents do not answer says so, without buttons, and is logged for the admin", async () => {
  const h = await botHarness({ qa, kb });
  await h.handle(privateText("What is the population of Brazil?"));
  const [m] = h.sent();
  assert.equal(m!.payload.text, "The documents do not answer this question.");
  assert.equal(m!.payload.reply_markup, undefined);
  const [line] = (await fs.readFile(h.feedbackFile, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(line.event, "abstained");
});

test("in groups the bot answers mentions, replies to it and /ask@it, and ignores everything else", async () => {
  const h = await botHarness({ qa, kb }, { env: { RATE_LIMIT_MESSAGES: "100" } });
  await h.handle(groupMessage("Who leads Sberbank?"));
  await h.handle(groupMessage("@OtherBot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 9 }] }));
  await h.handle(groupMessage("/ask@OtherBot Who leads Sberbank?"));
  await h.handle(groupMessage("", { text: undefined, sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }));
  await h.handle(groupMessage("/unknown"));
  assert.equal(h.sent().length, 0, "nothing addressed to the bot: silence");

  await h.handle(groupMessage("@DocsBot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 8 }] }));
  await h.handle(groupMessage("and who is Gref?", { reply_to_message: { message_id: 99, date: 0, chat: { id: -100, type: "supergroup", title: "G" }, from: { id: 666, is_bot: true, first_name: "Docs" }, text: "x" } }));
  await h.handle(groupMessage("/ask@DocsBot Who leads Sberbank?"));
  await h.handle(groupMessage("/ask Who leads Sberbank?"));
  const sent = h.sent();
  assert.equal(sent.length, 4);
  for (const m of sent) {
    assert.equal(m.payload.reply_parameters.message_id, 5, "answers reply to the asking message");
    assert.match(m.payload.text, /Herman.Gref|Gref/);
  }
});

test("a photo's caption /add names the collection after it, for this bot only", () => {
  assert.deepEqual(addCaption("/add", "DocsBot"), { collection: undefined });
  assert.deepEqual(addCaption(" /add@docsbot hr ", "DocsBot"), { collection: "hr" });
  assert.deepEqual(addCaption("/add hr extra", "DocsBot"), { collection: "hr extra" }, "refused later as a collection name, not taken as hr");
  assert.equal(addCaption("/add@OtherBot hr", "DocsBot"), undefined);
  assert.equal(addCaption("/addition", "DocsBot"), undefined);
  assert.equal(addCaption(undefined, "DocsBot"), undefined);
});

test("without a transcription model, a voice message gets a hint naming TRANSCRIBE_MODEL", async () => {
  const h = await botHarness({ qa, kb });
  await h.handle({ message: { ...privateText("x").message, text: undefined, voice: { file_id: "v", file_unique_id: "v", duration: 2 } } as any });
  assert.match(h.sent()[0]!.payload.text, /no transcription model is set up \(the bot's admin can set TRANSCRIBE_MODEL\)/);
});

test("non-text, unknown commands and over-long questions get a one-line explanation in private", async () => {
  const h = await botHarness({ qa, kb }, { env: { MAX_QUESTION_CHARS: "50" } });
  await h.handle({ message: { ...privateText("x").message, text: undefined, photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] } as any });
  await h.handle(privateText("/frobnicate"));
  await h.handle(privateText("why ".repeat(30)));
  await h.handle(privateText("/ask"));
  const texts = h.sent().map((m) => m.payload.text);
  assert.match(texts[0]!, /only read text/);
  assert.match(texts[1]!, /do not know that command/);
  assert.match(texts[2]!, /limit is 50 characters/);
  assert.match(texts[3]!, /put the question after the command/);
});

test("/reindex: refused for non-admins (even with an admin's username), silent in groups, runs for admins", async () => {
  const h = await botHarness({ qa, kb });
  await h.handle(privateText("/reindex", { id: 99, username: "the_admin" }));
  assert.match(h.sent()[0]!.payload.text, /Only the bot's admins/);
  await h.handle(groupMessage("/reindex", {}, { id: 99, username: "the_admin" }));
  assert.equal(h.sent().length, 1, "no reply in the group");
  assert.ok(h.logLines.some((l) => /refused \/reindex/.test(l)));

  await h.handle(privateText("/reindex", { id: ADMIN }));
  assert.match(h.sent()[1]!.payload.text, /Rebuilding the index/);
  const finished = (c: { method: string; payload: any }) => c.method === "editMessageText" && /Index rebuilt|have not changed/.test(c.payload.text);
  for (let i = 0; i < 100 && !h.calls.some(finished); i++) await new Promise((r) => setTimeout(r, 50));
  const done = h.calls.find(finished);
  assert.match(done!.payload.text, /have not changed since the last build; now serving it: 2 documents/, "an unchanged folder is not reported as rebuilt");
  assert.match(done!.payload.text, /unchanged 2/);
});

test("a failing LLM gives a friendly message and the bot keeps answering", async () => {
  let fail = true;
  const flaky = {
    answererName: "llm" as const,
    ask: async (q: string, o?: { conversation?: string }) => {
      if (fail) throw new AnswerError("The language model endpoint answered HTTP 500.", "http");
      return qa.ask(q, o);
    },
  };
  const h = await botHarness({ qa: flaky, kb });
  await h.handle(privateText("Who leads Sberbank?"));
  assert.match(h.sent()[0]!.payload.text, /language model is not responding/);
  assert.doesNotMatch(h.sent()[0]!.payload.text, /500|http/i);
  fail = false;
  await h.handle(privateText("Who leads Sberbank?"));
  assert.match(h.sent()[1]!.payload.text, /Gref/);
});

test("when Telegram rejects the HTML, the same answer goes out as plain text", async () => {
  const h = await botHarness({ qa, kb }, { rejectHtml: true });
  await h.handle(privateText("Who leads Sberbank?"));
  const plain = h.sent().filter((m) => !m.payload.parse_mode);
  assert.equal(plain.length, 1);
  assert.match(plain[0]!.payload.text, /Sources:\n\n\[1\]/);
  assert.doesNotMatch(plain[0]!.payload.text, /<b>|&amp;/);
  assert.ok(plain[0]!.payload.reply_markup, "buttons survive the fallback");
});

test("the token never appears in a log line", async () => {
  const h = await botHarness({ qa, kb });
  await h.handle(privateText(`my token is ${TOKEN}`));
  await h.handle(privateText("/reindex", { id: 5 }));
  assert.ok(h.logLines.length > 0);
  assert.ok(h.logLines.every((l) => !l.includes(TOKEN)));
});

test("a user who floods is told once to slow down; other users are not affected", async () => {
  const h = await botHarness({ qa, kb }, { env: { RATE_LIMIT_MESSAGES: "3", RATE_LIMIT_WINDOW_SECONDS: "60" } });
  for (let i = 0; i < 8; i++) await h.handle(privateText("Who leads Sberbank?", { id: 11 }));
  await h.handle(privateText("Who leads Sberbank?", { id: 12 }));
  const toFlooder = h.sent().filter((m) => m.payload.chat_id === 11).map((m) => m.payload.text);
  assert.equal(toFlooder.filter((t) => /faster than I can answer/.test(t)).length, 1);
  assert.equal(toFlooder.length, 4, "three answers and one notice");
  assert.match(h.sent().find((m) => m.payload.chat_id === 12)!.payload.text, /Gref/);
});

test("anonymous group admins are counted per group: one group's flood does not use up another's questions", async () => {
  const h = await botHarness({ qa, kb }, { env: { RATE_LIMIT_MESSAGES: "3", RATE_LIMIT_WINDOW_SECONDS: "60" } });
  // Telegram sends every anonymous admin's message from one placeholder user, as the group.
  const anonymous = (chatId: number, i: number) => ({
    message: {
      message_id: 100 + i,
      date: 0,
      chat: { id: chatId, type: "supergroup" as const, title: "G" },
      from: { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" },
      sender_chat: { id: chatId, type: "supergroup" as const, title: "G" },
      text: "/ask who leads Sberbank?",
      entities: [{ type: "bot_command" as const, offset: 0, length: 4 }],
    },
  });
  for (let i = 0; i < 8; i++) await h.handle(anonymous(-100, i));
  await h.handle(anonymous(-200, 99));
  assert.equal(h.sent().filter((m) => m.payload.chat_id === -100 && /Gref/.test(m.payload.text)).length, 3);
  assert.equal(h.sent().filter((m) => m.payload.chat_id === -200 && /Gref/.test(m.payload.text)).length, 1, "the other group is answered");
});

test("questions posted in a group as channels share one budget there: owning many channels is not many budgets", async () => {
  const h = await botHarness({ qa, kb }, { env: { RATE_LIMIT_MESSAGES: "3", RATE_LIMIT_WINDOW_SECONDS: "60" } });
  const asChannel = (chatId: number, channel: number, i: number) => ({
    message: {
      message_id: 300 + i,
      date: 0,
      chat: { id: chatId, type: "supergroup" as const, title: "G" },
      from: { id: 136817688, is_bot: true, first_name: "Channel", username: "Channel_Bot" },
      sender_chat: { id: channel, type: "channel" as const, title: `C${channel}` },
      text: "/ask who leads Sberbank?",
      entities: [{ type: "bot_command" as const, offset: 0, length: 4 }],
    },
  });
  for (let i = 0; i < 8; i++) await h.handle(asChannel(-100, -1000 - i, i));
  await h.handle(asChannel(-200, -1000, 99));
  await h.handle(privateText("who leads Sberbank?", { id: 55 }));
  assert.equal(h.sent().filter((m) => m.payload.chat_id === -100 && /Gref/.test(m.payload.text)).length, 3, "eight channels, one budget");
  assert.equal(h.sent().filter((m) => m.payload.chat_id === -200 && /Gref/.test(m.payload.text)).length, 1, "a channel in another group has that group's budget");
  assert.equal(h.sent().filter((m) => m.payload.chat_id === 55 && /Gref/.test(m.payload.text)).length, 1, "a person's own budget is apart");
});

test("button presses count against whoever presses, even under a message sent as a chat", async () => {
  const h = await botHarness({ qa, kb }, { env: { RATE_LIMIT_ACTIONS: "2", RATE_LIMIT_WINDOW_SECONDS: "60" } });
  const press = (from: number, i: number) => ({
    callback_query: {
      id: `p-${from}-${i}`,
      chat_instance: "x",
      from: { id: from, is_bot: false, first_name: "U" },
      data: "noop",
      message: { message_id: 9, date: 0, chat: { id: -100, type: "supergroup" as const, title: "G" }, sender_chat: { id: -100, type: "supergroup" as const, title: "G" } },
    },
  });
  for (let i = 0; i < 3; i++) await h.handle(press(31, i));
  await h.handle(press(32, 0));
  const slowed = (id: string) => /wait a moment/.test(h.calls.find((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === id)?.payload.text ?? "");
  assert.equal(slowed("p-31-2"), true, "the third press of one person is past the budget");
  assert.equal(slowed("p-32-0"), false, "another person's first press is not");
});

test("a formatted /ask is still a question for the rate limit (a bold entity before the command does not hide it)", async () => {
  const h = await botHarness({ qa, kb }, { env: { RATE_LIMIT_MESSAGES: "1", RATE_LIMIT_WINDOW_SECONDS: "60" } });
  const boldAsk = (id: number) =>
    groupMessage("/ask who leads Sberbank?", { message_id: 50 + id, entities: [{ type: "bold", offset: 0, length: 24 }, { type: "bot_command", offset: 0, length: 4 }] }, { id: 21 });
  for (let i = 0; i < 4; i++) await h.handle(boldAsk(i));
  assert.equal(h.sent().filter((m) => /Gref/.test(m.payload.text)).length, 1, "one question in the window, however it is formatted");
});

test("commands and button presses do not use up the questions; every press is answered, past the limit with a short 'slow down'; admins are exempt", async () => {
  const h = await botHarness({ qa, kb }, { env: { RATE_LIMIT_MESSAGES: "2", RATE_LIMIT_ACTIONS: "5", RATE_LIMIT_WINDOW_SECONDS: "60" } });
  // A new user exploring: commands, then questions.
  for (const command of ["/start", "/help", "/sources"]) await h.handle(privateText(command, { id: 11 }));
  await h.handle(privateText("Who leads Sberbank?", { id: 11 }));
  await h.handle(privateText("And Gazprom?", { id: 11 }));
  const toUser = () => h.sent().filter((m) => m.payload.chat_id === 11).map((m) => m.payload.text as string);
  assert.equal(toUser().length, 5, "three commands and two questions, all answered");
  assert.ok(toUser().every((t) => !/faster than I can answer|wait a moment/.test(t)));

  // Pressing a button quickly: each press gets an answer, so no button spins.
  const answer = h.sent().find((m) => m.payload.chat_id === 11 && /Gref/.test(m.payload.text))!;
  const key = answer.payload.reply_markup.inline_keyboard.at(-1)[0].callback_data as string;
  for (let i = 0; i < 12; i++) {
    await h.handle({ callback_query: { id: `press-${i}`, chat_instance: "x", from: { id: 11, is_bot: false, first_name: "U" }, data: key, message: { message_id: 1000, date: 0, chat: { id: 11, type: "private", first_name: "U" } } } });
  }
  const answered = h.calls.filter((c) => c.method === "answerCallbackQuery");
  assert.equal(answered.length, 12, "every press answered");
  assert.equal(answered.filter((c) => /wait a moment/.test(c.payload.text ?? "")).length, 12 - 2, "two presses left in the budget after three commands; past it, a toast");

  // The third question in the window is refused with one notice; further ones are dropped silently.
  await h.handle(privateText("Who leads Sberbank?", { id: 11 }));
  await h.handle(privateText("Who leads Sberbank?", { id: 11 }));
  assert.equal(toUser().filter((t) => /faster than I can answer/.test(t)).length, 1);

  // An admin paging and asking far past both limits is never limited.
  for (let i = 0; i < 10; i++) await h.handle(privateText("Who leads Sberbank?", { id: ADMIN }));
  for (let i = 0; i < 10; i++) await h.handle(privateText("/help", { id: ADMIN }));
  const toAdmin = h.sent().filter((m) => m.payload.chat_id === ADMIN).map((m) => m.payload.text as string);
  assert.equal(toAdmin.length, 20);
  assert.ok(toAdmin.every((t) => !/faster than I can answer|wait a moment/.test(t)));
});

test("with hundreds of documents, /start, /help and /sources stay within Telegram's limit", async () => {
  const documents = Array.from({ length: 500 }, (_, i) => ({ source: `manuals/chapter-${i}.html`, title: `Chapter ${i}: a rather long title about installing things`, lang: "en", hash: "h", chunks: 12 }));
  const bigKb = { ...kb, index: { ...kb.index, manifest: { ...kb.index.manifest, documents } } } as unknown as KnowledgeBase;
  const h = await botHarness({ qa, kb: bigKb });
  await h.handle(privateText("/start", { id: 7 }));
  const start = h.sent().at(-1)!.payload.text as string;
  assert.ok(start.length < 4096);
  assert.match(start, /and 490 more: \/sources/);
  assert.doesNotMatch(start, /admin/, "a user's /start says nothing of admin commands");
  await h.handle(privateText("/start", { id: ADMIN }));
  assert.match(h.sent().at(-1)!.payload.text, /You are an admin: \/reindex .*\/access/, "an admin's /start names theirs");
  const before = h.sent().length;
  await h.handle(privateText("/sources", { id: 7 }));
  const parts = h.sent().slice(before).map((c) => c.payload.text as string);
  assert.ok(parts.length >= 2, "split into several messages");
  for (const p of parts) assert.ok(p.length <= 4096);
  const all = parts.join("\n");
  assert.match(all, /Indexed documents \(500\)/);
  assert.match(all, /Chapter 299:/);
  assert.match(all, /and 200 more/);
});

test("while the first index is still being built, questions and commands get how far the reading is", async () => {
  const { PendingKnowledgeBase } = await import("../../src/rag/knowledge-base.js");
  const { createQuestionAnswerer } = await import("../../src/app.js");
  const { testConfig } = await import("../helpers/util.js");
  let finish!: (value: KnowledgeBase) => void;
  let report!: (p: { stage: "embed" | "write"; done: number; total: number }) => void;
  const pending = new PendingKnowledgeBase((onProgress) => {
    report = onProgress;
    return new Promise<KnowledgeBase>((resolve) => (finish = resolve));
  });
  const pendingQa = createQuestionAnswerer(testConfig(), (await import("../helpers/util.js")).memoryLogger().log, pending);
  const h = await botHarness({ qa: pendingQa, kb: pending });
  report({ stage: "embed", done: 3, total: 10 });
  await h.handle(privateText("Who leads Sberbank?", { id: 7 }));
  assert.match(h.sent().at(-1)!.payload.text, /still reading the documents \(passages: 3 of 10\)/);
  await h.handle(privateText("/start", { id: 7, language_code: "de" }));
  assert.match(h.sent().at(-1)!.payload.text, /Ich lese die Dokumente noch \(Abschnitte: 3 von 10\)/);
  report({ stage: "write", done: 0, total: 1 });
  await h.handle(privateText("Who leads Sberbank?", { id: 7 }));
  assert.match(h.sent().at(-1)!.payload.text, /still reading the documents \(writing the index\)\./, "no '0 of 1'");
  await h.handle(privateText("/reindex", { id: ADMIN }));
  assert.match(h.sent().at(-1)!.payload.text, /still reading/);

  finish(kb);
  await pending.ready;
  await h.handle(privateText("Who leads Sberbank?", { id: 7 }));
  assert.match(h.sent().at(-1)!.payload.text, /\[1\]/, "answered once the index is ready");
});

import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { before, test } from "node:test";
import type { KnowledgeBase } from "../../src/rag/knowledge-base.js";
import type { QuestionAnswerer } from "../../src/rag/qa.js";
import { AccessList } from "../../src/state/access.js";
import { ADMIN, BOT_INFO, botHarness, groupMessage, privateText } from "../helpers/bot-harness.js";
import { corpusQuestionAnswerer } from "../helpers/kb.js";

let kb: KnowledgeBase;
let qa: QuestionAnswerer;
before(async () => {
  ({ kb, qa } = await corpusQuestionAnswerer());
});

const restricted = { env: { ALLOWED_USER_IDS: "7" } };
const press = (from: number, data: string, text = "Stranger (id 99) asks to use the bot.") => ({
  callback_query: {
    id: `cb-${data}`,
    chat_instance: "x",
    from: { id: from, is_bot: false, first_name: from === ADMIN ? "Admin" : "Someone" },
    data,
    message: { message_id: 77, date: 0, chat: { id: from, type: "private" as const, first_name: "A" }, text },
  },
});
const added = (by: number, chatId = -300) => ({
  my_chat_member: {
    chat: { id: chatId, type: "supergroup" as const, title: "G" },
    from: { id: by, is_bot: false, first_name: "Adder" },
    date: 0,
    old_chat_member: { user: BOT_INFO, status: "left" as const },
    new_chat_member: { user: BOT_INFO, status: "member" as const },
  },
});
const answers = (h: Awaited<ReturnType<typeof botHarness>>, chatId: number) =>
  h.sent().filter((c) => c.payload.chat_id === chatId && /\[1\]/.test(c.payload.text));

test("a stranger gets one message saying the bot is private; each admin is asked once; approval lets them in at once and is kept", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  await h.handle(privateText("Who leads Sberbank?", { id: 7 }));
  assert.equal(answers(h, 7).length, 1, "an allowed user is answered");

  await h.handle(privateText("Who leads Sberbank?", { id: 99, username: "stranger" }));
  await h.handle(privateText("Hello? Who leads Sberbank?", { id: 99, username: "stranger" }));
  const toStranger = h.sent().filter((c) => c.payload.chat_id === 99);
  assert.equal(toStranger.length, 1, "one message, then silence");
  assert.match(toStranger[0]!.payload.text, /private/);
  assert.doesNotMatch(toStranger[0]!.payload.text, /Sberbank|Gref/, "no document text reaches a stranger");
  const requests = h.sent().filter((c) => c.payload.chat_id === ADMIN);
  assert.equal(requests.length, 1, "the admin is asked once");
  assert.match(requests[0]!.payload.text, /@stranger, id 99/);
  assert.deepEqual(requests[0]!.payload.reply_markup.inline_keyboard[0].map((b: any) => b.callback_data), ["acc:ok:99", "acc:no:99"]);

  await h.handle(press(12345, "acc:ok:99"));
  assert.equal(h.access.user(99), "pending", "a non-admin's press changes nothing");

  await h.handle(press(ADMIN, "acc:ok:99"));
  assert.ok(h.calls.some((c) => c.method === "editMessageText" && /approved by Admin/.test(c.payload.text)));
  assert.ok(h.sent().some((c) => c.payload.chat_id === 99 && /You may ask me now/.test(c.payload.text)));
  await h.handle(privateText("Who leads Sberbank?", { id: 99 }));
  assert.equal(answers(h, 99).length, 1, "approved: answered at once");

  const reopened = await AccessList.open(h.accessFile, { users: [7], chats: [], admins: [ADMIN] });
  assert.equal(reopened.user(99), "allowed", "the approval survives a restart");
  assert.deepEqual(JSON.parse(await fs.readFile(h.accessFile, "utf8")).users, [99]);
});

test("a denied stranger stays out, silently", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  await h.handle(privateText("Who leads Sberbank?", { id: 98 }));
  await h.handle(press(ADMIN, "acc:no:98"));
  const before = h.sent().length;
  await h.handle(privateText("Please?", { id: 98 }));
  assert.equal(h.sent().length, before);
  assert.equal(h.access.user(98), "denied");
  assert.ok(!h.sent().some((c) => c.payload.chat_id === 98 && /You may ask/.test(c.payload.text)));
});

test("added to a group by a non-admin, the bot says it is private and leaves; added by an admin, the group may ask", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  await h.handle(added(555, -300));
  assert.ok(h.sent().some((c) => c.payload.chat_id === -300 && /private/.test(c.payload.text)));
  assert.ok(h.calls.some((c) => c.method === "leaveChat" && c.payload.chat_id === -300));

  await h.handle(added(ADMIN, -400));
  assert.ok(!h.calls.some((c) => c.method === "leaveChat" && c.payload.chat_id === -400));
  assert.equal(h.access.chatAllowed(-400), true);
  await h.handle({ message: { ...groupMessage("@DocsBot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 8 }] }).message, chat: { id: -400, type: "supergroup", title: "G" } } });
  assert.equal(answers(h, -400).length, 1, "a member of an allowed group is answered");

  // A group the bot sits in without being allowed gets no answer: it says so and leaves.
  await h.handle({ message: { ...groupMessage("@DocsBot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 8 }] }).message, chat: { id: -500, type: "supergroup", title: "G" } } });
  assert.equal(answers(h, -500).length, 0);
  assert.ok(h.calls.some((c) => c.method === "leaveChat" && c.payload.chat_id === -500));
});

test("/access is for admins; without allow-lists the bot is open and says so", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  await h.handle(privateText("/access", { id: ADMIN }));
  assert.match(h.sent().at(-1)!.payload.text, /Users \(settings\): 7/);
  await h.handle(privateText("/access", { id: 7 }));
  assert.match(h.sent().at(-1)!.payload.text, /Only the bot's admins/);

  const open = await botHarness({ qa, kb });
  await open.handle(privateText("Who leads Sberbank?", { id: 4242 }));
  assert.equal(answers(open, 4242).length, 1, "open: anyone is answered");
  await open.handle(privateText("/access", { id: ADMIN }));
  assert.match(open.sent().at(-1)!.payload.text, /everyone may ask/);
});

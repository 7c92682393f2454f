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
/** Waits (up to 5 s) for the bot to leave a chat: a supergroup is left after a grace of 2 s. */
async function leaves(h: Awaited<ReturnType<typeof botHarness>>, chatId: number): Promise<boolean> {
  for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    if (h.calls.some((c) => c.method === "leaveChat" && c.payload.chat_id === chatId)) return true;
  }
  return false;
}
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
  assert.ok(await leaves(h, -300));
  assert.ok(h.sent().some((c) => c.payload.chat_id === -300 && /private/.test(c.payload.text)));

  // The service message of the bot's arrival may come first: the group is not left for it.
  await h.handle({ message: { message_id: 3, date: 0, chat: { id: -400, type: "group" as const, title: "G" }, from: { id: ADMIN, is_bot: false, first_name: "Admin" }, new_chat_members: [BOT_INFO] } } as never);
  await h.handle(added(ADMIN, -400));
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(!h.calls.some((c) => c.method === "leaveChat" && c.payload.chat_id === -400));
  assert.ok(!h.sent().some((c) => c.payload.chat_id === -400 && /private/.test(c.payload.text)), "nor told it is private");
  assert.equal(h.access.chatAllowed(-400), true);
  await h.handle({ message: { ...groupMessage("@DocsBot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 8 }] }).message, chat: { id: -400, type: "supergroup", title: "G" } } });
  assert.equal(answers(h, -400).length, 1, "a member of an allowed group is answered");

  // A group the bot sits in without being allowed gets no answer: it says so and leaves.
  await h.handle({ message: { ...groupMessage("@DocsBot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 8 }] }).message, chat: { id: -500, type: "supergroup", title: "G" } } });
  assert.equal(answers(h, -500).length, 0);
  assert.ok(await leaves(h, -500));

  // Also when an admin speaks there: every member would read the answer, or the list of documents.
  const inGroup = (text: string, chatId: number) => ({ message: { ...groupMessage(text, text.startsWith("/") ? {} : { entities: [{ type: "mention", offset: 0, length: 8 }] }, { id: ADMIN }).message, chat: { id: chatId, type: "group" as const, title: "G" } } });
  for (const [text, chatId] of [["@DocsBot who leads Sberbank?", -600], ["/sources", -700]] as const) {
    await h.handle(inGroup(text, chatId));
    assert.ok(await leaves(h, chatId), `${text}: leaves`);
    const there = h.sent().filter((c) => c.payload.chat_id === chatId);
    assert.equal(there.length, 1, `${text}: one message, ${JSON.stringify(there.map((c) => c.payload.text))}`);
    assert.match(there[0]!.payload.text, /private/);
    assert.doesNotMatch(there[0]!.payload.text, /Gref|Sberbank|\.txt|\.md/);
  }
  // A button pressed there is answered, not left spinning.
  await h.handle({ callback_query: { id: "cb-g", chat_instance: "g", from: { id: ADMIN, is_bot: false, first_name: "Admin" }, data: "fb:x:up", message: { message_id: 9, date: 0, chat: { id: -800, type: "group" as const, title: "G" }, text: "x" } } });
  assert.ok(h.calls.some((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === "cb-g" && /private/.test(c.payload.text)));
});

test("removed from a group, the bot forgets its permission: a member who adds it back later is not an admin, and it leaves; an admin withdraws a group from /access", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  // (Basic groups: a supergroup nobody allowed is left only after a grace of 2 s.)
  const chat = (id: number) => ({ id, type: "group" as const, title: "G" });
  const joined = (by: number, chatId: number) => ({ my_chat_member: { ...added(by, chatId).my_chat_member, chat: chat(chatId) } });
  const removed = (by: number, chatId: number, status: "left" | "kicked") => ({
    my_chat_member: { ...joined(by, chatId).my_chat_member, old_chat_member: { user: BOT_INFO, status: "member" as const }, new_chat_member: status === "kicked" ? { user: BOT_INFO, status, until_date: 0 } : { user: BOT_INFO, status } },
  });
  const ask = (chatId: number) => ({ message: { ...groupMessage("@DocsBot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 8 }] }).message, chat: chat(chatId) } });
  for (const [chatId, status, by] of [[-300, "left", ADMIN], [-310, "kicked", 555]] as const) {
    await h.handle(joined(ADMIN, chatId));
    await h.handle(ask(chatId));
    assert.equal(answers(h, chatId).length, 1, "allowed while the bot is in it");
    await h.handle(removed(by, chatId, status));
    assert.equal(h.access.chatAllowed(chatId), false, `${status} by ${by}: the permission goes with the bot`);
    // A member adds the bot back: not greeted as by an admin; told it is private; left; nothing answered.
    await h.handle(joined(555, chatId));
    assert.ok(await leaves(h, chatId), "left again");
    const greetings = h.sent().filter((c) => c.payload.chat_id === chatId && /An admin added me/.test(c.payload.text));
    assert.equal(greetings.length, 1, "greeted once, when the admin added it");
    await h.handle(ask(chatId));
    assert.equal(answers(h, chatId).length, 1, "no answer after the member added it back");
  }

  // From /access: an admin-added group has Revoke; pressing it withdraws the group and leaves it.
  await h.handle(joined(ADMIN, -320));
  await h.handle(privateText("/access", { id: ADMIN }));
  const view = page(h);
  assert.match(view.text, /Groups added by an admin:\n• G \(id -320\)/);
  const revoke = view.buttons.find((b) => /Revoke G$/.test(b.text))!;
  await h.handle(press(ADMIN, revoke.callback_data));
  assert.equal(h.access.chatAllowed(-320), false);
  assert.ok(await leaves(h, -320));
  assert.doesNotMatch(page(h).text, /id -320/, "the list is shown again without it");
  // Nobody else can press it.
  await h.handle(joined(ADMIN, -330));
  await h.handle(press(555, "accg:no:-330:0"));
  assert.equal(h.access.chatAllowed(-330), true);
});

test("a button that no longer means anything (an older version's, forged data) is answered with a note, not left spinning", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  for (const [id, data] of [["cb-1", "p:zzz:1000"], ["cb-2", "no-such-button"], ["cb-3", undefined]] as const) {
    const update = press(7, data ?? "", "x");
    if (data === undefined) delete (update.callback_query as { data?: string }).data;
    await h.handle({ callback_query: { ...update.callback_query, id } });
    const answered = h.calls.filter((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === id);
    assert.equal(answered.length, 1, `${data}: answered once`);
    assert.match(answered[0]!.payload.text, /no longer works/);
  }
});

test("/access is for admins; without allow-lists the bot is open and says so", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  await h.handle(privateText("/access", { id: ADMIN }));
  assert.match(h.sent().at(-1)!.payload.text, /Users in ALLOWED_USER_IDS:\n• id 7/);
  assert.equal(h.sent().at(-1)!.payload.reply_markup, undefined, "nothing to decide, no keyboard (not an empty row)");
  await h.handle(privateText("/access", { id: 7 }));
  assert.match(h.sent().at(-1)!.payload.text, /Only the bot's admins/);
  // In a group, the lists (names, usernames, ids) would be read by every member.
  await h.handle(groupMessage("/access", {}, { id: ADMIN }));
  const inGroup = h.sent().at(-1)!.payload;
  assert.doesNotMatch(inGroup.text, /id 7|ALLOWED_USER_IDS/);
  assert.match(inGroup.text, /private chat/i);

  const open = await botHarness({ qa, kb });
  await open.handle(privateText("Who leads Sberbank?", { id: 4242 }));
  assert.equal(answers(open, 4242).length, 1, "open: anyone is answered");
  await open.handle(privateText("/access", { id: ADMIN }));
  assert.match(open.sent().at(-1)!.payload.text, /everyone may ask/);
});

const page = (h: Awaited<ReturnType<typeof botHarness>>) => {
  const last = h.calls.filter((c) => (c.method === "sendMessage" && c.payload.chat_id === ADMIN) || c.method === "editMessageText").at(-1)!.payload;
  const buttons = (last.reply_markup?.inline_keyboard ?? []).flat() as { text: string; callback_data: string }[];
  return { text: last.text as string, buttons };
};

test("/access names who is waiting, approved and denied, newest first; an admin revokes someone or lets them in from the list, and it holds at once", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  await h.handle(privateText("hi", { id: 91, username: "first" }));
  await h.handle(privateText("hi", { id: 92, username: "second" }));
  await h.handle(press(ADMIN, "acc:ok:91"));
  assert.ok(h.calls.some((c) => c.method === "editMessageText" && /^U \(@first, id 91\): approved by Admin \(id 42\)\.$/.test(c.payload.text)), "the request names who, once");
  await h.handle(privateText("Who leads Sberbank?", { id: 91 }));
  assert.equal(answers(h, 91).length, 1);

  await h.handle(privateText("/access", { id: ADMIN }));
  let view = page(h);
  assert.match(view.text, /Waiting:\n• U \(@second, id 92\)\n\nApproved here:\n• U \(@first, id 91\)\n\nUsers in ALLOWED_USER_IDS:\n• id 7/);
  const revoke = view.buttons.find((b) => /Revoke/.test(b.text))!;
  assert.match(revoke.text, /Revoke U$/);
  await h.handle(press(ADMIN, revoke.callback_data));
  assert.equal(h.access.user(91), "denied");
  view = page(h);
  assert.match(view.text, /Denied:\n• U \(@first, id 91\)/, "the list is shown again, changed");
  await h.handle(privateText("Who leads Sberbank?", { id: 91 }));
  assert.equal(answers(h, 91).length, 1, "a revoked user is no longer answered");

  await h.handle(press(ADMIN, view.buttons.find((b) => /Let in/.test(b.text))!.callback_data));
  await h.handle(privateText("Who leads Sberbank?", { id: 91 }));
  assert.equal(answers(h, 91).length, 2, "let in again");
});

test("400 strangers: the admin gets a bounded number of messages, each stranger one reply, and /access still works, page by page", async () => {
  const h = await botHarness({ qa, kb }, { env: { ALLOWED_USER_IDS: "7", ACCESS_PENDING_MAX: "20" } });
  for (let i = 0; i < 400; i++) await h.handle(privateText("hi", { id: 10_000 + i, username: `s${i}` }));
  await h.handle(privateText("hi again", { id: 10_399 }));
  const toAdmin = h.sent().filter((c) => c.payload.chat_id === ADMIN);
  assert.equal(toAdmin.length, 21, "twenty requests and one summary of the rest");
  assert.match(toAdmin.at(-1)!.payload.text, /^1 more person asked/, "the summary counts from the first stranger past the cap; the next comes an hour later");
  const strangers = h.sent().filter((c) => c.payload.chat_id >= 10_000);
  assert.equal(strangers.length, 400, "each stranger is told once, even past the cap");
  assert.ok(strangers.slice(20).every((c) => /private/.test(c.payload.text) && /too many requests/.test(c.payload.text)));

  await h.handle(privateText("/access", { id: ADMIN }));
  let view = page(h);
  assert.ok(view.text.length < 4096);
  assert.match(view.text, /Who may ask \(21, page 1 of 3\)/);
  assert.match(view.text, /@s19, id 10019/, "newest first");
  await h.handle(press(ADMIN, view.buttons.find((b) => /Next/.test(b.text))!.callback_data));
  view = page(h);
  assert.match(view.text, /page 2 of 3/);
  assert.ok(view.buttons.some((b) => /Previous/.test(b.text)));
});

test("a group that becomes a supergroup keeps its permission under the new id", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  await h.handle(added(ADMIN, -300));
  const mention = (chatId: number) => ({
    message: { ...groupMessage("@DocsBot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 8 }] }).message, chat: { id: chatId, type: "supergroup" as const, title: "G" } },
  });
  // Telegram may deliver the new supergroup's "bot joined" (by the member who upgraded it) first.
  await h.handle({ ...added(8, -1003000) });
  await h.handle({ message: { message_id: 9, date: 0, chat: { id: -300, type: "group" as const, title: "G" }, from: { id: 8, is_bot: false, first_name: "M" }, migrate_to_chat_id: -1003000 } });
  await h.handle({ message: { message_id: 1, date: 0, chat: { id: -1003000, type: "supergroup" as const, title: "G" }, from: { id: 8, is_bot: false, first_name: "M" }, migrate_from_chat_id: -300 } });
  await h.handle(mention(-1003000));
  assert.equal(answers(h, -1003000).length, 1, "answered in the new supergroup");
  await new Promise((r) => setTimeout(r, 2500));
  assert.ok(!h.calls.some((c) => c.method === "leaveChat"), "the bot stays, though the join came before the migration");
  assert.equal(h.access.chatAllowed(-300), false, "the old id is gone");

  // The new supergroup's first question may come before Telegram's message about the migration: answered once it is.
  await h.handle(added(ADMIN, -500));
  const early = h.handle(mention(-1005000));
  await new Promise((r) => setTimeout(r, 300));
  await h.handle({ message: { message_id: 10, date: 0, chat: { id: -500, type: "group" as const, title: "H" }, from: { id: 8, is_bot: false, first_name: "M" }, migrate_to_chat_id: -1005000 } });
  await early;
  assert.equal(answers(h, -1005000).length, 1, "the early question is answered, not lost");

  // A chat that was not allowed gains nothing by migrating.
  await h.handle({ message: { message_id: 1, date: 0, chat: { id: -1004000, type: "supergroup" as const, title: "X" }, from: { id: 8, is_bot: false, first_name: "M" }, migrate_from_chat_id: -400 } });
  await h.handle(mention(-1004000));
  assert.equal(answers(h, -1004000).length, 0);
  assert.ok(await leaves(h, -1004000));
});

test("an edit of the access file holds within seconds, without a restart", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  await h.handle(privateText("hi", { id: 93 }));
  await h.handle(press(ADMIN, "acc:ok:93"));
  await h.handle(privateText("Who leads Sberbank?", { id: 93 }));
  assert.equal(answers(h, 93).length, 1);
  h.access.watch(100, (err) => assert.fail(String(err)));
  try {
    const stored = JSON.parse(await fs.readFile(h.accessFile, "utf8"));
    await fs.writeFile(h.accessFile, JSON.stringify({ ...stored, users: [], denied: [93] }));
    const until = Date.now() + 3000;
    while (h.access.user(93) !== "denied" && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await h.handle(privateText("Who leads Sberbank?", { id: 93 }));
    assert.equal(answers(h, 93).length, 1, "denied by the edit: no second answer");
  } finally {
    h.access.close();
  }
});

test("a stranger cannot pass for someone else in /access: the id shown is always their own", async () => {
  const h = await botHarness({ qa, kb }, restricted);
  const longName = "Eve".padEnd(64, "e");
  await h.handle(privateText("hi", { id: 94, first_name: longName, last_name: "x (@alice, id 7)".padStart(64, " ") } as any));
  await h.handle(privateText("/access", { id: ADMIN }));
  const text = h.sent().at(-1)!.payload.text as string;
  assert.match(text, /, id 94\)|\(id 94\)/, text);
  const request = h.sent().find((c) => c.payload.chat_id === ADMIN && /asks to use the bot/.test(c.payload.text))!.payload.text as string;
  assert.match(request, /id 94\) asks to use the bot\.$/, request);
  // A right-to-left override would show the text after it reversed: the real id read as another.
  await h.handle(privateText("hi", { id: 95, first_name: "Alice (@alice, id 7)\u202E" } as any));
  const disguised = h.sent().filter((c) => c.payload.chat_id === ADMIN && /asks to use the bot/.test(c.payload.text)).at(-1)!.payload.text as string;
  assert.doesNotMatch(disguised, /\u202E/);
  assert.match(disguised, /\(id 95\) asks to use the bot\.$/, disguised);
});

import assert from "node:assert/strict";
import path from "node:path";
import { before, test } from "node:test";
import type { KnowledgeBase } from "../../src/rag/knowledge-base.js";
import type { QuestionAnswerer } from "../../src/rag/qa.js";
import { botHarness, groupMessage, privateText, ADMIN } from "../helpers/bot-harness.js";
import { corpusQuestionAnswerer } from "../helpers/kb.js";
import { tempDir, writeFiles } from "../helpers/util.js";

let kb: KnowledgeBase;
let qa: QuestionAnswerer;
before(async () => {
  const docs = path.join(await tempDir(), "docs");
  await writeFiles(docs, {
    "hr/leave.md": "# Paid leave\n\nEvery employee has 31 days of paid leave a year, booked in the Tallybook portal.\n",
    "board/minutes.md": "# Board minutes\n\nThe board agreed to acquire Zephyrine Robotics for 40 million euros, to be announced in March.\n",
  });
  ({ kb, qa } = await corpusQuestionAnswerer({ DOCS_DIR: docs }));
});

const env = { env: { COLLECTIONS_BY_CHAT: "-100=hr;-200=board", RATE_LIMIT_MESSAGES: "100" } };
const ask = (chatId: number, question: string, from = 8) => ({
  message: { ...groupMessage(`@DocsBot ${question}`, { entities: [{ type: "mention", offset: 0, length: 8 }] }, { id: from }).message, chat: { id: chatId, type: "supergroup" as const, title: "G" } },
});
const command = (chatId: number, text: string) => ({ message: { ...groupMessage(text).message, chat: { id: chatId, type: "supergroup" as const, title: "G" } } });
const toChat = (h: Awaited<ReturnType<typeof botHarness>>, chatId: number) => h.sent().filter((c) => c.payload.chat_id === chatId).map((c) => JSON.stringify(c.payload));

test("each group searches only its collections: the other's facts, titles and files do not exist there", async () => {
  const h = await botHarness({ qa, kb }, env);
  await h.handle(ask(-100, "How many days of paid leave does an employee get?"));
  assert.match(toChat(h, -100).at(-1)!, /31 days/);
  await h.handle(ask(-100, "Which company will the board acquire, Zephyrine Robotics?"));
  await h.handle(command(-100, "/sources"));
  await h.handle(command(-100, "/help"));
  const hr = toChat(h, -100).join("\n");
  assert.doesNotMatch(hr, /Zephyrine|40 million|minutes|board\//i, "nothing of the board's collection reaches the HR group");
  assert.match(hr, /do not answer/, "the board's fact is simply not in this group's documents");

  await h.handle(ask(-200, "Which company will the board acquire, Zephyrine Robotics?"));
  assert.match(toChat(h, -200).at(-1)!, /Zephyrine Robotics/);
  await h.handle(command(-200, "/sources"));
  assert.doesNotMatch(toChat(h, -200).join("\n"), /leave\.md|Tallybook/);

  // A passage button whose data was copied from the board's group, pressed in the HR group.
  const boardAnswer = h.sent().filter((c) => c.payload.chat_id === -200 && c.payload.reply_markup).at(-1)!;
  const passageButton = boardAnswer.payload.reply_markup.inline_keyboard.flat().find((b: any) => b.callback_data.startsWith("p:"))!;
  const before = h.sent().length;
  await h.handle({
    callback_query: { id: "copied", chat_instance: "x", from: { id: 8, is_bot: false, first_name: "M" }, data: passageButton.callback_data, message: { message_id: 1, date: 0, chat: { id: -100, type: "supergroup" as const, title: "G" } } },
  });
  assert.equal(h.sent().length, before, "no passage is shown");
  assert.ok(h.calls.some((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === "copied" && /no longer in the index|nicht mehr/.test(c.payload.text)));
  // Nor in a chat that may see every collection (an admin's private chat): the button belongs to the board's answer.
  await h.handle({
    callback_query: { id: "copied-admin", chat_instance: "y", from: { id: ADMIN, is_bot: false, first_name: "A" }, data: passageButton.callback_data, message: { message_id: 1, date: 0, chat: { id: ADMIN, type: "private" as const, first_name: "A" } } },
  } as any);
  assert.equal(h.sent().length, before, "no passage is shown in another chat");
  // Under the answer itself, in the board's group, it is shown.
  await h.handle({
    callback_query: { id: "own", chat_instance: "z", from: { id: 8, is_bot: false, first_name: "M" }, data: passageButton.callback_data, message: { message_id: 1, date: 0, chat: { id: -200, type: "supergroup" as const, title: "G" } } },
  });
  assert.match(toChat(h, -200).at(-1)!, /Zephyrine/, "the passage is shown where the answer is");

  // And its vote button, pressed in the HR group: nothing is counted.
  const voteButton = boardAnswer.payload.reply_markup.inline_keyboard.flat().find((b: any) => b.callback_data.startsWith("fb:"))!;
  await h.handle({
    callback_query: { id: "copied-vote", chat_instance: "x", from: { id: 8, is_bot: false, first_name: "M" }, data: voteButton.callback_data, message: { message_id: 1, date: 0, chat: { id: -100, type: "supergroup" as const, title: "G" } } },
  });
  assert.ok(h.calls.some((c) => c.method === "answerCallbackQuery" && c.payload.callback_query_id === "copied-vote" && /too old/.test(c.payload.text)));
  assert.ok(!h.calls.some((c) => c.method === "editMessageReplyMarkup"), "no tally shown or changed");
});

test("an admin's private chat searches everything unless COLLECTIONS_BY_CHAT lists it; other chats get DEFAULT_COLLECTIONS", async () => {
  const h = await botHarness({ qa, kb }, { env: { DEFAULT_COLLECTIONS: "hr" } });
  await h.handle(privateText("Which company will the board acquire, Zephyrine Robotics?", { id: ADMIN }));
  assert.match(toChat(h, ADMIN).at(-1)!, /Zephyrine Robotics/);
  await h.handle(privateText("Which company will the board acquire, Zephyrine Robotics?", { id: 7 }));
  assert.doesNotMatch(toChat(h, 7).join("\n"), /Zephyrine Robotics for/);
});

test("an admin changes a group's collections with /collections (the choice comes in private), and the next question respects it; a member cannot", async () => {
  const h = await botHarness({ qa, kb }, env);
  const press = (chatId: number, from: number, data: string) =>
    h.handle({ callback_query: { id: `p-${data}-${from}`, chat_instance: "x", from: { id: from, is_bot: false, first_name: "A" }, data, message: { message_id: 9, date: 0, chat: { id: chatId, type: chatId > 0 ? ("private" as const) : ("supergroup" as const), first_name: "A", title: "G" } } } } as any);
  await h.handle({ message: { ...groupMessage("/collections", {}, { id: ADMIN }).message, chat: { id: -100, type: "supergroup" as const, title: "G" } } });
  assert.match(toChat(h, -100).at(-1)!, /sent you the choice for this group in our private chat/, "no collection names in the group");
  const shown = h.sent().filter((c) => c.payload.chat_id === ADMIN).at(-1)!.payload;
  assert.match(shown.text, /The chat id -100 searches these collections: hr/);
  const buttons = shown.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
  assert.deepEqual(buttons.map((b) => b.text), ["▫️ board", "✅ hr"]);

  await press(-100, 8, buttons[0]!.callback_data);
  await h.handle(ask(-100, "Which company will the board acquire, Zephyrine Robotics?"));
  assert.doesNotMatch(toChat(h, -100).at(-1)!, /Zephyrine Robotics for/, "a member's press (copied data) changes nothing");

  await press(ADMIN, ADMIN, buttons[0]!.callback_data.replace(/:[\w-]{6}$/, ":stale0"));
  assert.equal(h.access.collectionsOf(-100), undefined, "a button made from another list of collections does nothing");

  await press(ADMIN, ADMIN, buttons[0]!.callback_data);
  assert.match(h.calls.filter((c) => c.method === "editMessageText").at(-1)!.payload.text, /these collections: board, hr/);
  await h.handle(ask(-100, "Which company will the board acquire, Zephyrine Robotics?"));
  assert.match(toChat(h, -100).at(-1)!, /Zephyrine Robotics for/, "the board's collection is searched now");
  assert.deepEqual(h.access.collectionsOf(-100), ["board", "hr"], "kept with the access decisions");

  await press(ADMIN, ADMIN, "col:-100:reset");
  await h.handle(ask(-100, "Which company will the board acquire, Zephyrine Robotics?"));
  assert.doesNotMatch(toChat(h, -100).at(-1)!, /Zephyrine Robotics for/, "back to the settings");
});

test("in a group, the admin commands that show the folder answer only in private", async () => {
  const h = await botHarness({ qa, kb }, env);
  for (const command of ["/docs", "/remove", "/reindex", "/add https://example.org/a.html"]) {
    await h.handle({ message: { ...groupMessage(command, {}, { id: ADMIN }).message, chat: { id: -100, type: "supergroup" as const, title: "G" } } });
  }
  const inGroup = toChat(h, -100);
  assert.equal(inGroup.length, 4);
  assert.ok(inGroup.every((m) => /use this command in our private chat/.test(m) && !/minutes|leave\.md/.test(m)), inGroup.join("\n"));
});

test("/docs <collection> lists one collection's documents; an unknown one is named with the ones there are", async () => {
  const h = await botHarness({ qa, kb }, env);
  await h.handle(privateText("/docs hr", { id: ADMIN }));
  const text = h.sent().at(-1)!.payload.text as string;
  assert.match(text, /^Documents of the collection hr \(1\)/);
  assert.match(text, /hr\/leave\.md/);
  assert.doesNotMatch(text, /board/);
  await h.handle(privateText("/docs HR", { id: ADMIN }));
  assert.match(h.sent().at(-1)!.payload.text, /^Documents of the collection hr \(1\)/, "a name in other case means that collection");
  await h.handle(privateText("/docs finance", { id: ADMIN }));
  assert.match(h.sent().at(-1)!.payload.text, /no collection "finance"\. Collections: board, hr\./);
});

test("/remove <collection> offers only that collection's documents", async () => {
  const h = await botHarness({ qa, kb }, env);
  await h.handle(privateText("/remove board", { id: ADMIN }));
  const labels = h.sent().at(-1)!.payload.reply_markup.inline_keyboard.flat().map((b: any) => b.text as string);
  assert.deepEqual(labels, ["Board minutes (board/minutes.md)"]);
});

test("/remove <name> takes the collection or document of exactly that name first, then one that differs only in case", async () => {
  const docs = path.join(await tempDir(), "docs");
  await writeFiles(docs, {
    "hr/leave.md": "# Paid leave\n\nEvery employee has 31 days of paid leave a year.\n",
    "HR/salaries.md": "# Salaries\n\nSalaries are paid on the 25th of each month.\n",
    "Notes.md": "# Upper notes\n\nThe ferry leaves at nine.\n",
    "notes.md": "# Lower notes\n\nThe ferry leaves at ten.\n",
  });
  const own = await corpusQuestionAnswerer({ DOCS_DIR: docs });
  const h = await botHarness({ qa: own.qa, kb: own.kb }, env);
  const offered = async (text: string) => {
    await h.handle(privateText(text, { id: ADMIN }));
    return h.sent().at(-1)!.payload.reply_markup.inline_keyboard.flat().map((b: any) => b.text as string);
  };
  assert.deepEqual(await offered("/remove hr"), ["Paid leave (hr/leave.md)"]);
  assert.deepEqual(await offered("/remove HR"), ["Salaries (HR/salaries.md)"]);
  await h.handle(privateText("/remove notes.md", { id: ADMIN }));
  assert.match(h.sent().at(-1)!.payload.text, /Lower notes/);
  await h.handle(privateText("/remove Notes.md", { id: ADMIN }));
  assert.match(h.sent().at(-1)!.payload.text, /Upper notes/);
  await h.handle(privateText("/remove UPPER NOTES", { id: ADMIN }));
  assert.match(h.sent().at(-1)!.payload.text, /Upper notes/, "a title in other case still finds its document");
});

test("a chat's collections are kept across a restart, folder names with spaces included; a damaged list limits the chat to nothing", async () => {
  const { AccessList } = await import("../../src/state/access.js");
  const h = await botHarness({ qa, kb }, env);
  await h.access.setCollections(-100, ["hr", "Board Minutes"]);
  const reopened = await AccessList.open(h.accessFile, { users: [], chats: [], admins: [ADMIN] });
  assert.deepEqual(reopened.collectionsOf(-100), ["Board Minutes", "hr"]);
  // A chat's list damaged by hand limits it to nothing, not to the settings' collections.
  const fs = await import("node:fs/promises");
  const stored = JSON.parse(await fs.readFile(h.accessFile, "utf8"));
  await fs.writeFile(h.accessFile, JSON.stringify({ ...stored, collections: { "-100": "hr" } }));
  const damaged = await AccessList.open(h.accessFile, { users: [], chats: [], admins: [ADMIN] });
  assert.deepEqual(damaged.collectionsOf(-100), []);
});

test("a group limited by COLLECTIONS_BY_CHAT keeps its limit when it becomes a supergroup", async () => {
  const h = await botHarness({ qa, kb }, env);
  await h.handle({ message: { message_id: 9, date: 0, chat: { id: -100, type: "group" as const, title: "G" }, from: { id: 8, is_bot: false, first_name: "M" }, migrate_to_chat_id: -1009 } } as any);
  await h.handle(ask(-1009, "Which company will the board acquire, Zephyrine Robotics?"));
  assert.doesNotMatch(toChat(h, -1009).at(-1)!, /Zephyrine Robotics for/, "still only hr");
  await h.handle(ask(-1009, "How many days of paid leave does an employee get?"));
  assert.match(toChat(h, -1009).at(-1)!, /31 days/);
  assert.ok(h.logLines.some((l) => /put the new id in COLLECTIONS_BY_CHAT/.test(l)));
});

test("a question in the new supergroup that comes with the message about the migration waits for it: never answered from every collection", async () => {
  for (const allowed of [{}, { ALLOWED_CHAT_IDS: "-100,-1009" }] as Record<string, string>[]) {
    const h = await botHarness({ qa, kb }, { env: { ...env.env, ...allowed } });
    // Telegram says so in the new chat; a member asks there at the same moment (another member's queue).
    await Promise.all([
      h.handle({ message: { message_id: 1, date: 0, chat: { id: -1009, type: "supergroup" as const, title: "G" }, from: { id: 7, is_bot: false, first_name: "O" }, migrate_from_chat_id: -100 } } as any),
      h.handle(ask(-1009, "Which company will the board acquire, Zephyrine Robotics?")),
    ]);
    const reply = toChat(h, -1009).at(-1)!;
    assert.doesNotMatch(reply, /Zephyrine Robotics for/, JSON.stringify(allowed));
    assert.match(reply, /do not answer/);
  }
  // The access store fails to take the record: the question that waited for it is not answered from every collection either.
  const h = await botHarness({ qa, kb }, env);
  h.access.migrateChat = async () => {
    throw new Error("disk full");
  };
  await Promise.allSettled([
    h.handle({ message: { message_id: 1, date: 0, chat: { id: -1009, type: "supergroup" as const, title: "G" }, from: { id: 7, is_bot: false, first_name: "O" }, migrate_from_chat_id: -100 } } as any),
    h.handle(ask(-1009, "Which company will the board acquire, Zephyrine Robotics?")),
  ]);
  assert.ok(!toChat(h, -1009).some((m) => /Zephyrine Robotics for/.test(m)), toChat(h, -1009).join("\n"));
});

test("a follow-up uses only earlier turns asked over the same collections", async () => {
  const first = await qa.ask("How many days of paid leave does an employee get?", { conversation: "c1", collections: ["hr"] });
  assert.match(first.text, /31 days/);
  const after = await qa.ask("And what about the Tallybook portal?", { conversation: "c1", collections: ["board"] });
  assert.equal(after.standalone, "And what about the Tallybook portal?", "the hr turn is not carried into a board-only follow-up");
  const same = await qa.ask("And what about the Tallybook portal?", { conversation: "c1", collections: ["hr"] });
  assert.notEqual(same.standalone, "And what about the Tallybook portal?", "within the same collections the follow-up is combined with the turn before");
});

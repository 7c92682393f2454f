/**
 * Collections end to end: the bot as `npm start` runs it, against the Bot API emulator over real
 * HTTP, with two collections holding distinctive facts and three chats: a group for each, and a
 * private chat that searches both.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { botMessages, startBot, startEmulator, waitFor, type BotProcess, type Emulator } from "../helpers/emulator.js";
import { writeCollectionsFolder } from "../helpers/collections.js";
import { tempDir } from "../helpers/util.js";

const TOKEN = "434343:e2e-collections-token-abcdefghijkl";
const ADMIN = 1001;
const BOT_USERNAME = "TestNameBot";
const HR = -7101;
const BOARD = -7102;
const BOTH = 7201;

let emu: Emulator;
let bot: BotProcess;

before(async () => {
  emu = await startEmulator();
  const root = await tempDir();
  bot = startBot({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    ADMIN_USER_IDS: String(ADMIN),
    ACCESS_FILE: path.join(root, "access.json"),
    DOCS_DIR: await writeCollectionsFolder(root),
    INDEX_DIR: path.join(root, "index"),
    FEEDBACK_LOG: path.join(root, "feedback.jsonl"),
    EMBEDDINGS_PROVIDER: "hashing",
    COLLECTIONS_BY_CHAT: `${HR}=hr;${BOARD}=board;${BOTH}=hr,board`,
    DEFAULT_COLLECTIONS: "main",
    RATE_LIMIT_MESSAGES: "50",
    LOG_LEVEL: "info",
  });
  await waitFor("the bot to start and its index to be ready", () => /bot started/.test(bot.output()) && /index ready/.test(bot.output()), 60_000);
});

after(async () => {
  await bot?.stop();
  await emu?.server.stop();
});

function client(userId: number, chat: { id: number; type: "private" | "supergroup" }) {
  return emu.server.getClient(TOKEN, { userId, chatId: chat.id, type: chat.type, firstName: "Tester", userName: `user${userId}`, chatTitle: "Group" });
}

async function ask(userId: number, chatId: number, question: string): Promise<string> {
  const group = chatId < 0;
  const c = client(userId, { id: chatId, type: group ? "supergroup" : "private" });
  const text = group ? `@${BOT_USERNAME} ${question}` : question;
  const before = botMessages(emu.server, chatId).length;
  await c.sendMessage(c.makeMessage(text, group ? ({ entities: [{ type: "mention", offset: 0, length: BOT_USERNAME.length + 1 }] } as any) : {}));
  const replies = await waitFor(`an answer to "${question}" in ${chatId}`, () => {
    const msgs = botMessages(emu.server, chatId);
    return msgs.length > before ? msgs.slice(before) : undefined;
  });
  return replies.map((m) => m.text).join("\n");
}

const BOARD_QUESTION = "Which company will the board acquire, Zephyrine Robotics?";
const HR_QUESTION = "How many days of paid leave does an employee get?";

test("open to everyone (no allow-list, only admins), the bot says so at start, and how to keep it private", () => {
  assert.match(bot.output(), /ALLOWED_USER_IDS and ALLOWED_CHAT_IDS are not set: the bot answers everyone[^\n]*to keep it private and approve people from the chat, set ALLOWED_USER_IDS=\d+/);
});

test("each group is answered from its own collection only, and never sees the other's passages, titles or files", async () => {
  const hrAnswer = await ask(3001, HR, HR_QUESTION);
  assert.match(hrAnswer, /31 days/);
  const hrOnBoard = await ask(3001, HR, BOARD_QUESTION);
  assert.doesNotMatch(hrOnBoard, /40 million|Board minutes|minutes\.md/);
  assert.match(hrOnBoard, /do not answer/);

  const boardAnswer = await ask(3002, BOARD, BOARD_QUESTION);
  assert.match(boardAnswer, /Zephyrine Robotics for 40 million euros/);
  const boardOnHr = await ask(3002, BOARD, HR_QUESTION);
  assert.doesNotMatch(boardOnHr, /31 days|Paid leave|leave\.md/);
});

test("a private chat listed with both collections is answered from either; an unlisted one only from DEFAULT_COLLECTIONS", async () => {
  assert.match(await ask(BOTH, BOTH, HR_QUESTION), /31 days/);
  assert.match(await ask(BOTH, BOTH, BOARD_QUESTION), /Zephyrine Robotics for 40 million euros/);
  const other = await ask(7301, 7301, BOARD_QUESTION);
  assert.doesNotMatch(other, /40 million/);
});

/**
 * End to end, over real HTTP: the bot as `npm start` runs it, the project's Bot API emulator
 * (photos, voice messages, getFile and downloads), and a local OpenAI-compatible server whose
 * /v1/audio/transcriptions endpoint stands in for whisper. An admin photographs a notice and adds
 * it with the caption /add; a member asks about it, then asks by voice; a Ukrainian member is
 * answered in Ukrainian.
 */
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { BotApiEmulator, EMULATED_BOT, type SentMessage } from "../../scripts/stress/bot-api.js";
import { botReady, chatWith, startBot, type BotProcess } from "../helpers/emulator.js";
import { startOpenAIServer, type OpenAIServer } from "../helpers/openai-server.js";
import { oggOpus } from "../helpers/audio.js";
import { scannedPage } from "../helpers/scan.js";
import { tempDir, writeFiles } from "../helpers/util.js";

const TOKEN = "717171:scans-voice-e2e-token-abcdefghijk";
const ADMIN = 3001;
const MEMBER = 3002;
const GROUP = -3003;

let emu: BotApiEmulator;
let whisper: OpenAIServer;
let bot: BotProcess;
let docsDir: string;
/** What the fake transcription endpoint does: say this text, or fail. */
let speech: { say: string } | { page: string } | "fail" = { say: "" };
/** Recordings the endpoint received, as it received them. */
const heard: { model: string; fileName: string; bytes: Buffer }[] = [];

/** A 3-second OGG/Opus voice note as Telegram stores it (the fake endpoint does not decode it; it checks the bytes arrive). */
const OGG = oggOpus(3);

before(async () => {
  emu = new BotApiEmulator(TOKEN, { maxPollSeconds: 1 });
  await emu.start();
  whisper = await startOpenAIServer({
    transcribe: (upload) => {
      heard.push(upload);
      if (speech === "fail") return { status: 503, body: { error: { message: "model overloaded" } } };
      return "page" in speech ? { raw: speech.page, contentType: "text/html" } : speech.say;
    },
  });
  const root = await tempDir();
  docsDir = path.join(root, "docs");
  await writeFiles(docsDir, {
    "office.md": "# Office\n\nThe kitchen is cleaned on Fridays by the facility team.\n",
    "офіс.md": "# Правила офісу\n\nПереговорну кімнату бронюють через секретаря щонайменше за день.\n",
  });
  bot = startBot({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    ADMIN_USER_IDS: String(ADMIN),
    ALLOWED_USER_IDS: String(MEMBER),
    ALLOWED_CHAT_IDS: String(GROUP),
    ACCESS_FILE: path.join(root, "access.json"),
    DOCS_DIR: docsDir,
    INDEX_DIR: path.join(root, "index"),
    FEEDBACK_LOG: path.join(root, "feedback.jsonl"),
    EMBEDDINGS_PROVIDER: "hashing",
    LLM_PROVIDER: "none",
    TRANSCRIBE_MODEL: "whisper-test",
    TRANSCRIBE_BASE_URL: whisper.baseURL,
    TRANSCRIBE_API_KEY: "sk-transcribe-e2e-secret",
    REINDEX_PROGRESS_INTERVAL_MS: "500",
    RATE_LIMIT_MESSAGES: "100",
    LOG_LEVEL: "info",
  });
  await botReady(bot);
});

after(async () => {
  const code = await bot?.stop();
  await emu?.stop();
  await whisper?.close();
  assert.equal(code, 0, `the bot stops cleanly on SIGTERM\n${bot?.output().slice(-2000)}`);
  assert.ok(!bot.output().includes(TOKEN) && !bot.output().includes("sk-transcribe-e2e-secret"), "no secret in the bot's output");
});

const user = (id: number) => ({ id, is_bot: false, first_name: id === ADMIN ? "Admin" : "Member", language_code: "en" });
const privateChat = (id: number) => ({ id, type: "private" as const, first_name: "U" });
// OCR of a photo and a transcription take their time on two cores: a minute for each reply.
const chat = chatWith(() => emu);
const exchange = (chatId: number, message: Record<string, unknown>, done: (after: SentMessage[]) => unknown) => chat.exchange(chatId, message, done, 60_000);

function voiceFrom(from: number, seconds = 3, recording = OGG) {
  const file = emu.addFile(recording, "voice.ogg");
  return { file_id: file.file_id, file_unique_id: file.file_unique_id, duration: seconds, mime_type: "audio/ogg", file_size: file.file_size };
}

test("an admin sends a photo of a notice with the caption /add; a member's question is then answered from it, cited as scanned", async () => {
  const page = await scannedPage(["Parking notice", "The underground garage closes at 21:00 every evening."], { width: 1000, height: 600 });
  const file = emu.addFile(page.jpeg, "photo.jpg");
  const photo = [{ file_id: file.file_id, file_unique_id: file.file_unique_id, width: 1000, height: 600, file_size: file.file_size }];
  const added = await exchange(ADMIN, { chat: privateChat(ADMIN), from: user(ADMIN), photo, caption: "/add", caption_entities: [{ type: "bot_command", offset: 0, length: 4 }] }, (a) =>
    a.some((m) => /^Added: /.test(m.text)),
  );
  const report = added.find((m) => /^Added: /.test(m.text))!;
  assert.match(report.text, /Parking notice \(photo-[\d-]+\.jpg\)/);
  assert.match(report.text, /It can be asked about now/);
  assert.deepEqual((await fs.readdir(docsDir)).filter((f) => f.startsWith("photo-")).length, 1);

  const answer = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), text: "When does the underground garage close?" }, (a) => a.some((m) => /\[1\]/.test(m.text)));
  const text = answer.find((m) => /\[1\]/.test(m.text))!.text;
  assert.match(text, /closes at 21:00 every evening/);
  assert.match(text, /Parking notice, p\. 1, scanned \(photo-[\d-]+\.jpg\)/);
});

test("a photo without /add gets a hint; a member's photo is a message the bot cannot read", async () => {
  const file = emu.addFile((await scannedPage(["x"], { width: 50, height: 50 })).jpeg, "p.jpg");
  const photo = [{ file_id: file.file_id, file_unique_id: file.file_unique_id, width: 50, height: 50 }];
  const hint = await exchange(ADMIN, { chat: privateChat(ADMIN), from: user(ADMIN), photo }, (a) => a.length > 0);
  assert.match(hint[0]!.text, /send it again with the caption \/add/);
  const member = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), photo }, (a) => a.length > 0);
  assert.match(member[0]!.text, /only read text messages/);
});

test("a voice question is transcribed, shown as understood, and answered like a typed one; in a group, a voice reply to the bot is too", async () => {
  speech = { say: "On which day is the kitchen cleaned?" };
  const replies = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), voice: voiceFrom(MEMBER) }, (a) => a.some((m) => /\[1\]/.test(m.text)));
  assert.equal(replies[0]!.text, "🎤 On which day is the kitchen cleaned?");
  assert.match(replies.find((m) => /\[1\]/.test(m.text))!.text, /facility team/);
  const upload = heard.at(-1)!;
  assert.equal(upload.model, "whisper-test");
  assert.equal(upload.fileName, "voice.ogg");
  assert.deepEqual(upload.bytes, OGG, "the recording reaches the endpoint as Telegram stored it");

  const group = { id: GROUP, type: "supergroup" as const, title: "Office" };
  const botMessage = { message_id: 1, date: 0, chat: group, from: EMULATED_BOT, text: "Ask me" };
  const inGroup = await exchange(GROUP, { chat: group, from: user(MEMBER), voice: voiceFrom(MEMBER), reply_to_message: botMessage }, (a) => a.some((m) => /\[1\]/.test(m.text)));
  assert.equal(inGroup[0]!.text, "🎤 On which day is the kitchen cleaned?");
});

test("a failing transcription endpoint, a recording past VOICE_MAX_SECONDS (as claimed, or as it plays), an unreadable one and silence each get a friendly reply", async () => {
  speech = "fail";
  const failed = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), voice: voiceFrom(MEMBER) }, (a) => a.length > 0);
  assert.match(failed[0]!.text, /could not transcribe the voice message: the transcription service is not responding/);
  const calls = heard.length;
  const long = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), voice: voiceFrom(MEMBER, 600) }, (a) => a.length > 0);
  assert.match(long[0]!.text, /too long: I listen to at most 120 seconds/);
  assert.equal(heard.length, calls, "a recording over the limit is not sent");
  // The length is the sender's claim: a recording that claims a second but plays for ten minutes
  // is read from its container and not sent; nor is one larger than a second of sound can be, nor
  // one whose length nothing tells.
  speech = { say: "What is cleaned on Fridays?" };
  const liar = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), voice: voiceFrom(MEMBER, 1, oggOpus(600)) }, (a) => a.length > 0);
  assert.match(liar[0]!.text, /too long: I listen to at most 120 seconds/);
  const heavy = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), voice: voiceFrom(MEMBER, 1, oggOpus(1, 200_000)) }, (a) => a.length > 0);
  assert.match(heavy[0]!.text, /too long: I listen to at most 120 seconds/);
  const noise = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), voice: voiceFrom(MEMBER, 3, Buffer.alloc(3000, 7)) }, (a) => a.length > 0);
  assert.match(noise[0]!.text, /could not tell how long this recording is/);
  assert.equal(heard.length, calls, "none of them is sent");
  speech = { say: "  " };
  const silent = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), voice: voiceFrom(MEMBER) }, (a) => a.length > 0);
  assert.match(silent[0]!.text, /could not make out any words/);
  // A proxy's error page with status 200 is no transcript: not shown as what was said, nor answered.
  speech = { page: "<html><body>502 Bad Gateway</body></html>" };
  const page = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), voice: voiceFrom(MEMBER) }, (a) => a.length > 0);
  assert.match(page[0]!.text, /could not transcribe the voice message/);
  assert.doesNotMatch(page.map((m) => m.text).join("\n"), /Bad Gateway/);
  // A transcript that holds a secret (an endpoint echoing what it was sent) is shown masked, as an answer is.
  speech = { say: `Is ${TOKEN} the kitchen key?` };
  const echoed = await exchange(MEMBER, { chat: privateChat(MEMBER), from: user(MEMBER), voice: voiceFrom(MEMBER) }, (a) => a.length > 1);
  assert.ok(echoed.every((m) => !m.text.includes(TOKEN)), echoed.map((m) => m.text).join("\n"));
  assert.match(echoed[0]!.text, /^🎤 Is \[redacted\] the kitchen key\?/);
});

test("a member whose Telegram language is Ukrainian gets /start, /help and an answer in Ukrainian", async () => {
  const uk = { ...user(MEMBER), language_code: "uk" };
  const command = (text: string) => ({ chat: privateChat(MEMBER), from: uk, text, entities: [{ type: "bot_command", offset: 0, length: text.length }] });
  const start = await exchange(MEMBER, command("/start"), (a) => a.length > 0);
  assert.match(start[0]!.text, /^Я відповідаю на запитання щодо цих документів/);
  const help = await exchange(MEMBER, command("/help"), (a) => a.length > 0);
  assert.match(help[0]!.text, /Команди: \/ask <запитання>/);
  const answer = await exchange(MEMBER, { chat: privateChat(MEMBER), from: uk, text: "Як забронювати переговорну кімнату?" }, (a) => a.some((m) => /\[1\]/.test(m.text)));
  const reply = answer.find((m) => /\[1\]/.test(m.text))!;
  assert.match(reply.text, /^У документах сказано:/);
  assert.match(reply.text, /Джерела:/);
  assert.ok(buttonsOf(reply).includes("[1] фрагмент"), buttonsOf(reply).join(", "));
});

const buttonsOf = (m: SentMessage) => (m.keyboard?.inline_keyboard ?? []).flat().map((b: { text: string }) => b.text);

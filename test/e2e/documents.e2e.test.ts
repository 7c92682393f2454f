/**
 * End to end, over real HTTP: the bot as `npm start` runs it, the project's Bot API emulator
 * (uploads, getFile and downloads, drafts, buttons), the OpenAI-compatible test server streaming
 * its answers, and a local web server for /add. Admins change the documents from the chat; the
 * answers stream as drafts and can be stopped.
 */
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import { BotApiEmulator, EMULATED_BOT, type SentMessage } from "../../scripts/stress/bot-api.js";
import { HashingEmbeddings } from "../../src/rag/embeddings/index.js";
import { currentBuildDir, readManifest } from "../../src/store/local/index-store.js";
import { makeDocx } from "../helpers/docx.js";
import * as hostile from "../helpers/hostile.js";
import { botReady, chatWith, startBot, waitFor, type BotProcess } from "../helpers/emulator.js";
import { startOpenAIServer, type OpenAIServer } from "../helpers/openai-server.js";
import { makePdf } from "../helpers/pdf.js";
import { CORPUS_DIR, tempDir } from "../helpers/util.js";

const TOKEN = "535353:docs-e2e-token-abcdefghijklmnopqrst";
const ADMIN = 1001;
const MEMBER = 2001;
const GROUP = -5001;

let emu: BotApiEmulator;
let llm: OpenAIServer;
let web: http.Server;
let webRoot: string;
let bot: BotProcess;
let docsDir: string;
let indexDir: string;
/** "slow": a long answer written slowly, to be stopped. */
let llmMode: "cite" | "slow" = "cite";

/** The test model: cites the sentence of passage 1 sharing most words with the question, by its id, and repeats it. */
function scriptedChat(body: any) {
  const user: string = body.messages.at(-1).content;
  if (llmMode === "slow") return { stream: { pieces: Array.from({ length: 400 }, (_, i) => `word${i} `), delayMs: 40 } };
  const question = new Set((/<question>\n([\s\S]*?)\n<\/question>/.exec(user)?.[1] ?? "").toLowerCase().match(/\w+/g) ?? []);
  const sentences = [...user.matchAll(/^\[(1\.\d+)\] (.*)$/gm)].map((m) => ({ id: m[1]!, text: m[2]! }));
  const overlap = (t: string) => (t.toLowerCase().match(/\w+/g) ?? []).filter((w) => question.has(w)).length;
  const best = sentences.sort((a, b) => overlap(b.text) - overlap(a.text))[0] ?? { id: "1.1", text: "" };
  const words = best.text.slice(0, 100).replace(/\s+\S*$/, "");
  return JSON.stringify({ answerable: true, answer: `According to the documents: ${words} [1].`, citations: [{ id: 1, sentences: [best.id] }] });
}

before(async () => {
  emu = new BotApiEmulator(TOKEN, { maxPollSeconds: 1 });
  await emu.start();
  const fake = new HashingEmbeddings(256);
  llm = await startOpenAIServer({ embed: (texts) => texts.map((t) => fake.embed(t)), chat: scriptedChat, streamDelayMs: 60 });
  web = http.createServer((req, res) => {
    if (req.url === "/guide.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        "<html><head><title>Lighthouse keeping guide</title></head><body><main><h1>Lighthouse keeping guide</h1>" +
          "<h2>Lamps</h2><p>The Farrowmere lighthouse lamp is cleaned every Tuesday with vinegar and soft cloth.</p>" +
          "<p>Spare bulbs are kept in the brass cabinet beside the stairs.</p></main></body></html>",
      );
    } else if (req.url === "/moved") {
      res.writeHead(302, { location: "/guide.html" });
      res.end();
    } else {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise<void>((r) => web.listen(0, "127.0.0.1", r));
  webRoot = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;

  const root = await tempDir();
  docsDir = path.join(root, "docs");
  indexDir = path.join(root, "index");
  await fs.cp(CORPUS_DIR, docsDir, { recursive: true });
  bot = startBot({
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: emu.apiRoot,
    ADMIN_USER_IDS: String(ADMIN),
    ALLOWED_USER_IDS: String(MEMBER),
    ALLOWED_CHAT_IDS: String(GROUP),
    ACCESS_FILE: path.join(root, "access.json"),
    DOCS_DIR: docsDir,
    INDEX_DIR: indexDir,
    FEEDBACK_LOG: path.join(root, "feedback.jsonl"),
    EMBEDDINGS_PROVIDER: "hashing",
    OPENAI_BASE_URL: llm.baseURL,
    OPENAI_API_KEY: "sk-docs-e2e-secret",
    LLM_MODEL: "test-model",
    LLM_MAX_RETRIES: "0",
    ALLOW_PRIVATE_URLS: "true",
    STREAM_INTERVAL_MS: "200",
    REINDEX_PROGRESS_INTERVAL_MS: "500",
    RATE_LIMIT_MESSAGES: "100",
    LOG_LEVEL: "info",
  });
  await botReady(bot);
});

after(async () => {
  const code = await bot?.stop();
  await emu?.stop();
  await llm?.close();
  await new Promise<void>((r) => web?.close(() => r()) ?? r());
  assert.equal(code, 0, `the bot stops cleanly on SIGTERM\n${bot?.output().slice(-2000)}`);
  assert.ok(!bot.output().includes(TOKEN) && !bot.output().includes("sk-docs-e2e-secret"), "no secret in the bot's output");
});

const user = (id: number) => ({ id, is_bot: false, first_name: id === ADMIN ? "Admin" : "Member", language_code: "en" });
const privateChat = (id: number) => ({ id, type: "private" as const, first_name: "U" });

const { messagesTo, exchange } = chatWith(() => emu);

function say(from: number, text: string, done: (after: SentMessage[]) => boolean = (a) => a.length > 0) {
  const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  return exchange(from, { chat: privateChat(from), from: user(from), text, ...(entities ? { entities } : {}) }, done);
}

function upload(from: number, bytes: Buffer, fileName: string, done: (after: SentMessage[]) => boolean) {
  const document = emu.addFile(bytes, fileName);
  return exchange(from, { chat: privateChat(from), from: user(from), document }, done);
}

/** Pushes a message without waiting; the test then waits for what it expects. */
function push(from: number, message: Record<string, unknown>): void {
  const text = message.text as string | undefined;
  const entities = text?.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined;
  emu.push({ message: { message_id: emu.newMessageId(), date: 0, chat: privateChat(from), from: user(from), ...message, ...(entities ? { entities } : {}) } } as any);
}

/** Presses an inline button of a message the bot sent. */
function press(from: number, message: SentMessage, data: string): void {
  emu.push({
    callback_query: {
      id: String(Math.random()),
      from: user(from),
      chat_instance: "ci",
      data,
      message: { message_id: message.message_id, date: 0, chat: privateChat(message.chat_id), text: message.text },
    },
  } as any);
}

const buttons = (m: SentMessage) => (m.keyboard?.inline_keyboard ?? []).flat();
const finalAnswer = (after: SentMessage[]) => after.find((m) => /\[1\]/.test(m.text) || /do not answer|not in the documents|could not verify/i.test(m.text));
/** Waits for a message of the bot (new or edited) to match. */
const until = (what: string, probe: () => SentMessage | undefined, timeoutMs = 30_000) => waitFor(what, probe, timeoutMs);
const docsOnDisk = async () => (await fs.readdir(docsDir)).filter((f) => !f.startsWith(".")).sort();

const PDF = makePdf({
  title: "Quillfeather turbine manual",
  pages: [
    ["Quillfeather turbine manual", "", "1. Installation", "Mount the turbine on a level concrete base."],
    ["2. Maintenance", "The Quillfeather turbine needs a bolt torque of 47 newton metres.", "Check the torque every spring."],
  ],
});

test("an admin uploads a PDF: the reply says what was added, and a question only it answers cites it", async () => {
  push(ADMIN, { document: emu.addFile(PDF, "quillfeather-manual.pdf") });
  const status = await until("the upload report", () => messagesTo(ADMIN).find((m) => /^Added: /.test(m.text)));
  assert.match(status.text, /quillfeather-manual\.pdf/);
  assert.match(status.text, /2 pages/);
  assert.match(status.text, /\d+ passages?\b/, "its passages counted (\"1 passage\", \"12 passages\")");
  assert.ok((await docsOnDisk()).includes("quillfeather-manual.pdf"));

  const answer = await say(ADMIN, "What bolt torque does the Quillfeather turbine need?", (a) => !!finalAnswer(a));
  const final = finalAnswer(answer)!;
  assert.match(final.text, /quillfeather-manual\.pdf/, `the answer cites the uploaded PDF:\n${final.text}`);
  assert.match(final.text, /p\. 2/, "with the page of the quote");
});

test("a .docx upload is read with its headings as sections and answered from", async () => {
  const docx = await makeDocx([
    { text: "Harbour rules", style: "Heading1" },
    { text: "Mooring", style: "Heading2" },
    { text: "Boats in the Quenby harbour must be moored with two ropes of braided nylon." },
  ]);
  push(ADMIN, { document: emu.addFile(docx, "harbour rules.docx") });
  const status = await until("the upload report", () => messagesTo(ADMIN).find((m) => /^Added: .*harbour rules\.docx/.test(m.text)));
  assert.match(status.text, /2 sections/);
  const answer = await say(ADMIN, "How must boats be moored in the Quenby harbour?", (a) => !!finalAnswer(a));
  const final = finalAnswer(answer)!;
  assert.match(final.text, /harbour rules\.docx/);
  assert.match(final.text, /Mooring/, "the section of the quote is named");
});

test("a file whose name exists asks first: Cancel changes nothing, Replace swaps it", async () => {
  const newer = makePdf({ pages: [["Quillfeather turbine manual", "2. Maintenance", "The Quillfeather turbine now needs a bolt torque of 52 newton metres."]] });
  const asked = await upload(ADMIN, newer, "quillfeather-manual.pdf", (a) => a.some((m) => buttons(m).length === 3));
  const question = asked.find((m) => buttons(m).length === 3)!;
  assert.match(question.text, /already exists/);
  assert.deepEqual(buttons(question).map((b) => b.text), ["Replace", "Keep both", "Cancel"]);

  press(ADMIN, question, buttons(question)[2]!.callback_data!);
  await until("the cancellation", () => messagesTo(ADMIN).find((m) => m.message_id === question.message_id && /Cancelled/.test(m.text)));
  const folder = await docsOnDisk();
  assert.deepEqual(folder.filter((f) => f.startsWith("quillfeather")), ["quillfeather-manual.pdf"]);
  assert.deepEqual(await fs.readFile(path.join(docsDir, "quillfeather-manual.pdf")), PDF, "the first file is untouched");

  const again = await upload(ADMIN, newer, "quillfeather-manual.pdf", (a) => a.some((m) => buttons(m).length === 3));
  const second = again.find((m) => buttons(m).length === 3)!;
  press(ADMIN, second, buttons(second)[0]!.callback_data!);
  await until("the replacement", () => messagesTo(ADMIN).find((m) => m.message_id === second.message_id && /^Replaced: /.test(m.text)));
  assert.deepEqual(await fs.readFile(path.join(docsDir, "quillfeather-manual.pdf")), newer, "the new file is in the folder");
  const answer = await say(ADMIN, "What bolt torque does the Quillfeather turbine need?", (a) => !!finalAnswer(a));
  assert.match(finalAnswer(answer)!.text, /52 newton/);

  const third = await upload(ADMIN, PDF, "quillfeather-manual.pdf", (a) => a.some((m) => buttons(m).length === 3));
  const keep = third.find((m) => buttons(m).length === 3)!;
  press(ADMIN, keep, buttons(keep)[1]!.callback_data!);
  await until("the second copy", () => messagesTo(ADMIN).find((m) => m.message_id === keep.message_id && /^Added: .*quillfeather-manual \(2\)\.pdf/.test(m.text)));
  assert.deepEqual((await docsOnDisk()).filter((f) => f.startsWith("quillfeather")), ["quillfeather-manual (2).pdf", "quillfeather-manual.pdf"]);
});

test("a non-admin's upload changes nothing, and files in a group are ignored", async () => {
  const before = await docsOnDisk();
  const buildBefore = await currentBuildDir(indexDir);
  const reply = await upload(MEMBER, makePdf({ pages: [["Intruder notes"]] }), "intruder.pdf", (a) => a.length > 0);
  assert.match(reply[0]!.text, /Only the bot's admins/);
  const groupCount = messagesTo(GROUP).length;
  emu.push({ message: { message_id: emu.newMessageId(), date: 0, chat: { id: GROUP, type: "supergroup", title: "G" }, from: user(ADMIN), document: emu.addFile(PDF, "group.pdf") } } as any);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(messagesTo(GROUP).length, groupCount, "no reply in the group");
  assert.deepEqual(await docsOnDisk(), before);
  assert.equal(await currentBuildDir(indexDir), buildBefore, "the index is the same build");
});

test("an unreadable file is refused with the reason, and the folder and index stay as they were", async () => {
  const before = await docsOnDisk();
  const manifest = await readManifest(indexDir);
  push(ADMIN, { document: emu.addFile(Buffer.from("%PDF-1.4 this is not really a PDF"), "broken.pdf") });
  const status = await until("the refusal", () => messagesTo(ADMIN).find((m) => /could not read broken\.pdf/.test(m.text)));
  assert.match(status.text, /Nothing was added/);
  const unsupported = await upload(ADMIN, Buffer.from("MZ binary"), "tool.exe", (a) => a.length > 0);
  assert.match(unsupported[0]!.text, /cannot read this kind of file/);
  assert.deepEqual(await docsOnDisk(), before);
  assert.equal((await readManifest(indexDir))?.builtAt, manifest?.builtAt, "no new index build");
});

test("hostile uploads each get a reply saying why and nothing is kept; code in front matter never runs", async () => {
  const before = await docsOnDisk();
  const marker = path.join(path.dirname(docsDir), "pwned");
  const refusals: [string, Buffer, RegExp][] = [
    ["broken.md", Buffer.from(hostile.BAD_YAML), /front matter is not valid YAML/],
    ["deep.html", Buffer.from(hostile.deepHtml()), /nested too deeply/],
    ["bomb.docx", await hostile.docxBomb(), /unpacks to 50 MB \(MAX_UNPACKED_BYTES is 40 MB\)/],
    ["lying.docx", await hostile.lyingDocx(), /more than its zip directory declares/],
  ];
  for (const [name, bytes, reason] of refusals) {
    push(ADMIN, { document: emu.addFile(bytes, name) });
    const status = await until(`the refusal of ${name}`, () => messagesTo(ADMIN).find((m) => m.text.startsWith(`I could not read ${name}: `)));
    assert.match(status.text, reason);
    assert.match(status.text, /Nothing was added/);
  }
  assert.deepEqual(await docsOnDisk(), before, "nothing was kept");

  push(ADMIN, { document: emu.addFile(Buffer.from(hostile.jsFrontMatter(marker)), "meeting-notes.md") });
  const added = await until("the report on meeting-notes.md", () => messagesTo(ADMIN).find((m) => /^Added: .*meeting-notes\.md/.test(m.text)));
  assert.match(added.text, /Note: front matter in "js" is not read/);
  await assert.rejects(fs.stat(marker), "the front matter's code never ran");
  const answer = await say(ADMIN, "When did the committee approve the lighthouse budget?", (a) => !!finalAnswer(a));
  assert.match(finalAnswer(answer)!.text, /meeting-notes\.md/);
});

test("the bot answers another user's question while a slow file is being read", async () => {
  // Several seconds of pdf.js work: on the event loop it would hold every chat up until it ended.
  push(ADMIN, { document: emu.addFile(hostile.prosePdf(4_000_000), "big report.pdf") });
  await until("the upload to start", () => messagesTo(ADMIN).find((m) => m.text === "Reading the file…"));
  const answer = await say(MEMBER, "What bolt torque does the Quillfeather turbine need?", (a) => !!finalAnswer(a));
  assert.match(finalAnswer(answer)!.text, /47 newton metres|\[1\]/);
  const upload = () => messagesTo(ADMIN).find((m) => /big report\.pdf/.test(m.text));
  assert.equal(upload(), undefined, "the question was answered while the file was still being read");
  await until("the upload's result", upload, 120_000);
});

test("/add fetches a page (following a redirect) and its answers link to the original address", async () => {
  push(ADMIN, { text: `/add ${webRoot}/moved` });
  const status = await until("the /add report", () => messagesTo(ADMIN).find((m) => /^Added: Lighthouse keeping guide/.test(m.text)));
  assert.match(status.text, new RegExp(`Source: ${webRoot}/guide.html`));
  const answer = await say(ADMIN, "How often is the Farrowmere lighthouse lamp cleaned?", (a) => !!finalAnswer(a));
  const final = finalAnswer(answer)!;
  assert.ok(final.text.includes(`href="${webRoot}/guide.html"`), `the source links to the page:\n${final.text}`);

  const refused = await say(ADMIN, "/add file:///etc/passwd", (a) => a.some((m) => /could not add/.test(m.text)));
  assert.match(refused.at(-1)!.text, /only http and https/);
  push(ADMIN, { text: `/add ${webRoot}/nothing-here` });
  await until("the 404 report", () => messagesTo(ADMIN).find((m) => /HTTP 404/.test(m.text)));
});

test("/remove asks which document, confirms, and answers no longer cite it", async () => {
  const list = await say(ADMIN, "/remove", (a) => a.some((m) => buttons(m).length > 0));
  const picker = list.find((m) => buttons(m).length > 0)!;
  const choice = buttons(picker).find((b) => /\(quillfeather-manual\.pdf\)/.test(b.text));
  assert.ok(choice, `the PDF is offered: ${buttons(picker).map((b) => b.text).join(" | ")}`);
  press(ADMIN, picker, choice.callback_data!);
  const confirm = await until("the confirmation", () => messagesTo(ADMIN).find((m) => m.message_id === picker.message_id && /^Remove /.test(m.text)));
  press(ADMIN, confirm, buttons(confirm).find((b) => b.text === "Remove")!.callback_data!);
  await until("the removal report", () => messagesTo(ADMIN).find((m) => m.message_id === picker.message_id && /^Removed quillfeather-manual\.pdf/.test(m.text)));
  assert.ok(!(await docsOnDisk()).includes("quillfeather-manual.pdf"));

  const answer = await say(ADMIN, "What bolt torque does the Quillfeather turbine need?", (a) => !!finalAnswer(a));
  assert.ok(answer.every((m) => !m.text.includes("quillfeather-manual.pdf")), `no citation of the removed PDF:\n${answer.map((m) => m.text).join("\n")}`);
  assert.match(finalAnswer(answer)!.text, /quillfeather-manual \(2\)\.pdf/, "the copy that was kept answers now");

  const docs = await say(ADMIN, "/docs");
  assert.match(docs[0]!.text, /Documents \(\d+\)/);
  assert.ok(!docs[0]!.text.includes("quillfeather-manual.pdf"));
});

test("a streamed answer shows growing drafts, with a stop button, before the final message", async () => {
  const draftsBefore = emu.drafts.length;
  const answer = await say(MEMBER, "Who leads Sberbank?", (a) => !!finalAnswer(a));
  const final = finalAnswer(answer)!;
  const drafts = emu.drafts.slice(draftsBefore).filter((d) => d.chat_id === MEMBER);
  const texts = drafts.map((d) => d.text).filter(Boolean);
  assert.ok(texts.length >= 2, `at least two drafts with text (${texts.length})`);
  for (let i = 1; i < texts.length; i++) assert.ok(texts[i]!.length > texts[i - 1]!.length, "each draft is longer than the last");
  assert.ok(drafts.every((d) => d.can_stop && d.draft_id === drafts[0]!.draft_id), "one draft id, with the stop button");
  assert.ok(drafts.every((d) => d.at <= final.at), "the final message comes after the drafts");
  assert.ok(!texts.some((t) => /\[\d/.test(t)), "drafts show no sentence ids");
});

test("pressing stop aborts the model call: the test server sees its stream closed", async () => {
  llmMode = "slow";
  try {
    const closedBefore = llm.closedEarly;
    const draftsBefore = emu.drafts.length;
    const sentBefore = messagesTo(MEMBER).length;
    emu.push({ message: { message_id: emu.newMessageId(), date: 0, chat: privateChat(MEMBER), from: user(MEMBER), text: "Who leads Sberbank?" } } as any);
    const draft = await waitFor("a draft with text", () => emu.drafts.slice(draftsBefore).find((d) => d.chat_id === MEMBER && d.text.length > 0));
    emu.push({ stopped_message_generation: { chat: privateChat(MEMBER), draft_id: draft.draft_id } } as any);
    const stopped = await until("the stop reply", () => messagesTo(MEMBER).slice(sentBefore).find((m) => /Stopped/.test(m.text)), 10_000);
    assert.ok(stopped);
    await waitFor("the model's stream to be closed", () => llm.closedEarly > closedBefore, 5000);
  } finally {
    llmMode = "cite";
  }
});

test("in a group the answer is not streamed: no drafts, the answer comes as a message", async () => {
  const draftsBefore = emu.drafts.length;
  const text = `@${EMULATED_BOT.username} Who leads Sberbank?`;
  const answer = await exchange(
    GROUP,
    {
      chat: { id: GROUP, type: "supergroup", title: "G" },
      from: user(MEMBER),
      text,
      entities: [{ type: "mention", offset: 0, length: EMULATED_BOT.username.length + 1 }],
    },
    (a) => !!finalAnswer(a),
  );
  assert.ok(finalAnswer(answer));
  assert.equal(emu.drafts.slice(draftsBefore).length, 0);
});

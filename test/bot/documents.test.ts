import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { EmbeddingsError } from "../../src/errors.js";
import { ADMIN, botHarness } from "../helpers/bot-harness.js";
import { tempDir, writeFiles } from "../helpers/util.js";

/** A knowledge base whose index update fails, as when the embeddings endpoint is down. */
function failingKb() {
  let updates = 0;
  const kb = {
    index: { manifest: { documents: [{ source: "notes.md", title: "Notes", chunks: 1, hash: "h", lang: "en" }] }, chunks: [] },
    isReindexing: false,
    update: async () => {
      updates++;
      throw new EmbeddingsError("The embeddings endpoint could not be reached.", "Check OPENAI_BASE_URL.");
    },
  };
  return { kb: kb as any, updates: () => updates };
}

const qa = { ask: async () => { throw new Error("not asked"); }, answererName: "extractive" as const } as any;

function documentMessage(fileId: string, fileName: string) {
  return {
    message: {
      message_id: 3,
      date: 0,
      chat: { id: ADMIN, type: "private" as const, first_name: "A" },
      from: { id: ADMIN, is_bot: false, first_name: "A" },
      document: { file_id: fileId, file_unique_id: "u", file_name: fileName, file_size: 40 },
    },
  };
}

async function until<T>(probe: () => T | undefined, what: string, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test("an upload whose indexing fails is not kept: a new file is removed, a replaced one restored", async () => {
  const docs = await tempDir();
  await fs.writeFile(path.join(docs, "notes.md"), "# Notes\n\nThe old notes say the ferry leaves at nine.\n");
  const uploads = await tempDir();
  await fs.writeFile(path.join(uploads, "new"), "# Plans\n\nThe plan is to paint the boathouse green.\n");
  await fs.writeFile(path.join(uploads, "newer"), "# Notes\n\nThe new notes say the ferry leaves at ten.\n");
  const { kb, updates } = failingKb();
  // A local Bot API server (TELEGRAM_API_ROOT) gives absolute paths: the file is read from disk.
  const h = await botHarness({ qa, kb }, { env: { DOCS_DIR: docs, TELEGRAM_API_ROOT: "http://127.0.0.1:9" }, files: { f1: path.join(uploads, "new"), f2: path.join(uploads, "newer") } });
  const edits = () => h.calls.filter((c) => c.method === "editMessageText").map((c) => String(c.payload.text));

  await h.handle(documentMessage("f1", "plans.md"));
  const failed = await until(() => edits().find((t) => /could not be indexed/.test(t)), "the failure report");
  assert.match(failed, /plans\.md could not be indexed, so it was not kept; the index is unchanged\.\nReason: The embeddings endpoint could not be reached\./);
  assert.deepEqual((await fs.readdir(docs)).filter((f) => !f.startsWith(".")), ["notes.md"]);

  await h.handle(documentMessage("f2", "notes.md"));
  const question = h.sent().at(-1)!;
  assert.match(question.payload.text, /already exists/);
  const replace = question.payload.reply_markup.inline_keyboard[0][0].callback_data;
  await h.handle({
    callback_query: { id: "q", from: { id: ADMIN, is_bot: false, first_name: "A" }, chat_instance: "c", data: replace, message: { message_id: 1000 + h.sent().length - 1, date: 0, chat: { id: ADMIN, type: "private", first_name: "A" }, text: "x" } },
  } as any);
  await until(() => edits().filter((t) => /could not be indexed/.test(t)).length === 2 || undefined, "the second failure report");
  assert.equal(updates(), 2);
  assert.match(await fs.readFile(path.join(docs, "notes.md"), "utf8"), /leaves at nine/, "the replaced file is back");
});

test("uploads of one name at once are both kept (the second as \"name (2)\"), and a failed upload taken back leaves a newer file of its name alone", async () => {
  const docs = await tempDir();
  // Enough files that a copy check takes a while: the two uploads overlap.
  await writeFiles(docs, Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`filler${i}.md`, `# Filler ${i}\n\nText ${i}.\n`])));
  const uploads = await tempDir();
  await writeFiles(uploads, {
    a: "# Report A\n\nAlice's report: the budget is 5 million.\n",
    b: "# Report B\n\nBob's report: the budget is 9 million.\n",
    v1: "# Plan v1\n\nPaint the boathouse green.\n",
    v2: "# Plan v2\n\nPaint the boathouse blue.\n",
  });
  // The first update fails after a while; later ones wait for it, as KnowledgeBase.update does, and succeed.
  let updates = 0;
  let first: Promise<void> | undefined;
  const kb = {
    index: { manifest: { documents: [{ source: "filler0.md", title: "Filler", chunks: 1, hash: "h", lang: "en" }] }, chunks: [] },
    isReindexing: false,
    update: async () => {
      if (++updates === 1) {
        first = (async () => {
          await new Promise((r) => setTimeout(r, 600));
          throw new EmbeddingsError("The embeddings endpoint could not be reached.", "Check OPENAI_BASE_URL.");
        })();
        return first;
      }
      await first?.catch(() => {});
    },
  } as any;
  const files = Object.fromEntries(["a", "b", "v1", "v2"].map((k) => [k, path.join(uploads, k)]));
  const h = await botHarness({ qa, kb }, { env: { DOCS_DIR: docs, TELEGRAM_API_ROOT: "http://127.0.0.1:9", ADMIN_USER_IDS: `${ADMIN},43` }, files });
  const texts = () => h.calls.filter((c) => c.method === "editMessageText" || c.method === "sendMessage").map((c) => String(c.payload.text));
  const upload = (from: number, fileId: string, fileName: string) => {
    const m = documentMessage(fileId, fileName);
    return h.handle({ message: { ...m.message, chat: { ...m.message.chat, id: from }, from: { ...m.message.from, id: from } } });
  };

  // A new plan.md whose indexing will fail; meanwhile the admin replaces it with a newer plan.md.
  await upload(ADMIN, "v1", "plan.md");
  await until(() => texts().find((t) => /Adding plan\.md to the index/.test(t)), "the first plan being indexed");
  await upload(ADMIN, "v2", "plan.md");
  const question = h.sent().at(-1)!;
  assert.match(question.payload.text, /already exists/);
  await h.handle({
    callback_query: { id: "q", from: { id: ADMIN, is_bot: false, first_name: "A" }, chat_instance: "c", data: question.payload.reply_markup.inline_keyboard[0][0].callback_data, message: { message_id: 1000 + h.sent().length - 1, date: 0, chat: { id: ADMIN, type: "private", first_name: "A" }, text: "x" } },
  } as any);
  await until(() => texts().find((t) => /could not be indexed/.test(t)), "the first plan's failure");
  await until(() => texts().find((t) => /Replaced/.test(t)), "the newer plan's report");
  assert.match(await fs.readFile(path.join(docs, "plan.md"), "utf8"), /blue/, "the newer plan is kept");

  // Two admins send a different report.md at the same moment.
  await Promise.all([upload(ADMIN, "a", "report.md"), upload(43, "b", "report.md")]);
  await until(() => texts().filter((t) => /^Added/.test(t)).length >= 2 || undefined, "both reports added");
  const reports = (await fs.readdir(docs)).filter((f) => f.startsWith("report")).sort();
  assert.deepEqual(reports, ["report (2).md", "report.md"]);
  const held = await Promise.all(reports.map((f) => fs.readFile(path.join(docs, f), "utf8")));
  assert.deepEqual(held.map((t) => /Alice|Bob/.exec(t)![0]).sort(), ["Alice", "Bob"], "neither report is lost");
});

test("an upload with the same content as a document of its collection is not kept, as a new file or in place of another: the reply names the document that has it", async () => {
  const { folderKnowledgeBase } = await import("../helpers/kb.js");
  const docs = await tempDir();
  const notes = "# Notes\n\nThe old notes say the ferry leaves at nine.\n";
  const plans = "# Plans\n\nThe plan is to paint the boathouse green.\n";
  await writeFiles(docs, { "notes.md": notes, "plans.md": plans });
  const uploads = await tempDir();
  await writeFiles(uploads, { copy: notes, other: plans });
  const { kb } = await folderKnowledgeBase(docs);
  const h = await botHarness({ qa, kb }, { env: { DOCS_DIR: docs, TELEGRAM_API_ROOT: "http://127.0.0.1:9" }, files: { f1: path.join(uploads, "copy"), f2: path.join(uploads, "other") } });
  const edits = () => h.calls.filter((c) => c.method === "editMessageText").map((c) => String(c.payload.text));
  await h.handle(documentMessage("f1", "notes from Ann.md"));
  const report = await until(() => edits().find((t) => /not kept/.test(t)), "the report", 3000);
  assert.match(report, /^notes from Ann\.md could not be indexed, so it was not kept; the index is unchanged\.\nReason: the same content as notes\.md, which is in the documents already$/);

  // In place of notes.md, the bytes of plans.md: notes.md stays as it was, in the folder and the index.
  await h.handle(documentMessage("f2", "notes.md"));
  const replace = h.sent().at(-1)!.payload.reply_markup.inline_keyboard[0][0].callback_data;
  await h.handle({
    callback_query: { id: "q", from: { id: ADMIN, is_bot: false, first_name: "A" }, chat_instance: "c", data: replace, message: { message_id: 1000 + h.sent().length - 1, date: 0, chat: { id: ADMIN, type: "private", first_name: "A" }, text: "x" } },
  } as any);
  await until(() => edits().filter((t) => /not kept/.test(t)).length === 2 || undefined, "the second report", 3000);
  assert.match(edits().at(-1)!, /Reason: the same content as plans\.md/);
  assert.equal(await fs.readFile(path.join(docs, "notes.md"), "utf8"), notes);
  assert.deepEqual((await fs.readdir(docs)).filter((f) => !f.startsWith(".")).sort(), ["notes.md", "plans.md"]);
  assert.deepEqual(kb.index.manifest.documents.map((d) => d.source).sort(), ["notes.md", "plans.md"]);
});

test("an upload that cannot be written into the documents folder says so, and nothing is indexed", async () => {
  const uploads = await tempDir();
  await fs.writeFile(path.join(uploads, "new"), "# Plans\n\nThe plan is to paint the boathouse green.\n");
  const { kb, updates } = failingKb();
  // sysfs refuses new files even to root (EACCES, or EROFS where it is mounted read-only).
  const h = await botHarness({ qa, kb }, { env: { DOCS_DIR: "/sys", TELEGRAM_API_ROOT: "http://127.0.0.1:9" }, files: { f1: path.join(uploads, "new") } });
  const edits = () => h.calls.filter((c) => c.method === "editMessageText").map((c) => String(c.payload.text));
  await h.handle(documentMessage("f1", "plans.md"));
  const failed = await until(() => edits().find((t) => /could not be saved/.test(t)), "the failure report");
  assert.match(failed, /^plans\.md could not be saved in the documents folder, so it was not added; the index is unchanged\.\nReason: the (documents folder is not writable|file could not be written)/);
  assert.equal(updates(), 0, "nothing to index");
});

test("uploads are for admins in private chats; a member is told, and nothing is downloaded", async () => {
  const docs = await tempDir();
  const { kb } = failingKb();
  const h = await botHarness({ qa, kb }, { env: { DOCS_DIR: docs } });
  const msg = documentMessage("f1", "x.pdf");
  msg.message.from.id = 7;
  msg.message.chat.id = 7;
  await h.handle(msg);
  assert.match(h.sent().at(-1)!.payload.text, /Only the bot's admins can add or remove documents/);
  assert.ok(!h.calls.some((c) => c.method === "getFile"));
});

test("/remove labels keep the whole file name; a one-page /docs has no empty keyboard row", async () => {
  const documents = [
    { source: "handbook-en/debian-packaging-and-distribution.html", title: "Chapter 7. Packaging and distributing software: a rather long chapter title", chunks: 3, hash: "h", lang: "en" },
    { source: "notes.md", title: "notes.md", chunks: 1, hash: "h", lang: "en" },
  ];
  const kb = { index: { manifest: { documents }, chunks: [] }, isReindexing: false } as any;
  const h = await botHarness({ qa, kb });
  const say = (text: string) =>
    h.handle({ message: { message_id: 1, date: 0, chat: { id: ADMIN, type: "private" as const, first_name: "A" }, from: { id: ADMIN, is_bot: false, first_name: "A" }, text, entities: [{ type: "bot_command" as const, offset: 0, length: text.length }] } });
  await say("/remove");
  const labels = h.sent().at(-1)!.payload.reply_markup.inline_keyboard.flat().map((b: any) => b.text as string);
  assert.equal(labels.length, 2);
  assert.match(labels[0]!, /^Chapter 7\. Packaging.*… \(…\/debian-packaging-and-distribution\.html\)$/, labels[0]);
  assert.ok(labels[0]!.length <= 64);
  assert.equal(labels[1], "notes.md", "a title that is the file name is not said twice");
  await say("/docs");
  assert.equal(h.sent().at(-1)!.payload.reply_markup, undefined);
});

test("an upload goes into the collection its caption names, or the admin chooses one with buttons; a link in place of a collection folder is refused", async () => {
  const docs = await tempDir();
  await writeFiles(docs, { "hr/leave.md": "# Leave\n\n31 days.\n", "board/minutes.md": "# Minutes\n\nAcquisition.\n" });
  const uploads = await tempDir();
  await fs.writeFile(path.join(uploads, "a"), "# Travel\n\nTrain tickets are refunded within a week.\n");
  await fs.writeFile(path.join(uploads, "b"), "# Expenses\n\nReceipts go to accounting by the 5th.\n");
  await fs.writeFile(path.join(uploads, "c"), "# Canteen\n\nLunch is served from noon.\n");
  const documents = [
    { source: "hr/leave.md", collection: "hr", title: "Leave", chunks: 1, hash: "h", lang: "en" },
    { source: "board/minutes.md", collection: "board", title: "Minutes", chunks: 1, hash: "h", lang: "en" },
  ];
  let updates = 0;
  const kb = { index: { manifest: { documents }, chunks: [] }, isReindexing: false, update: async () => void updates++ } as any;
  const h = await botHarness({ qa, kb }, { env: { DOCS_DIR: docs, TELEGRAM_API_ROOT: "http://127.0.0.1:9" }, files: { f1: path.join(uploads, "a"), f2: path.join(uploads, "a"), f3: path.join(uploads, "a"), f4: path.join(uploads, "a"), f5: path.join(uploads, "b"), f6: path.join(uploads, "c") } });
  const upload = (fileId: string, caption?: string, name = "travel.md") => h.handle({ message: { ...documentMessage(fileId, name).message, ...(caption ? { caption } : {}) } });

  await upload("f1", "finance");
  await until(() => updates === 1 || undefined, "the update");
  assert.match(await fs.readFile(path.join(docs, "finance", "travel.md"), "utf8"), /refunded/, "a new collection from the caption");

  await upload("f2");
  const question = await until(() => h.sent().find((m) => /Which collection should travel\.md go into/.test(m.payload.text)), "the question");
  const buttons = question.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
  assert.deepEqual(buttons.map((b) => b.text), ["board", "hr", "main", "Cancel"]);
  await h.handle({ callback_query: { id: "c", from: { id: ADMIN, is_bot: false, first_name: "A" }, chat_instance: "c", data: buttons[1]!.callback_data, message: { message_id: 1000, date: 0, chat: { id: ADMIN, type: "private", first_name: "A" }, text: "x" } } } as any);
  await until(() => updates === 2 || undefined, "the second update");
  assert.match(await fs.readFile(path.join(docs, "hr", "travel.md"), "utf8"), /refunded/);
  // A caption that differs from a collection only in case, or from the main one, means that collection: no "HR" beside "hr".
  await upload("f5", "HR", "expenses.md");
  await until(() => updates === 3 || undefined, "the third update");
  assert.match(await fs.readFile(path.join(docs, "hr", "expenses.md"), "utf8"), /Receipts/);
  await upload("f6", "Main", "canteen.md");
  await until(() => updates === 4 || undefined, "the fourth update");
  assert.match(await fs.readFile(path.join(docs, "canteen.md"), "utf8"), /noon/);
  assert.deepEqual((await fs.readdir(docs)).filter((f) => !f.startsWith(".")).sort(), ["board", "canteen.md", "finance", "hr"]);

  const outside = await tempDir();
  await fs.symlink(outside, path.join(docs, "linked"));
  await upload("f3", "linked");
  await until(() => h.calls.some((c) => c.method === "editMessageText" && /could not be (saved|written)|not kept|failed/i.test(String(c.payload.text))) || undefined, "the refusal");
  assert.deepEqual(await fs.readdir(outside), [], "nothing written through the link");

  // "/add" as a file's caption, as on a photo, names no collection: the admin is asked.
  await upload("f4", "/add");
  await until(() => h.sent().filter((m) => /Which collection should travel\.md go into/.test(m.payload.text)).length === 2 || undefined, "the question for /add");
  assert.ok(!h.sent().some((m) => /\/add/.test(String(m.payload.text))), "the command is not taken for a collection's name");

  // A forwarded file's caption was written by someone else: it names no collection, the admin is asked.
  await h.handle({ message: { ...documentMessage("f1", "travel.md").message, caption: "board", forward_origin: { type: "user", date: 0, sender_user: { id: 555, is_bot: false, first_name: "S" } } } } as any);
  await until(() => h.sent().filter((m) => /Which collection should travel\.md go into/.test(m.payload.text)).length === 3 || undefined, "the question for a forwarded file");
  await assert.rejects(fs.access(path.join(docs, "board", "travel.md")), "not put into the collection the caption names");
  // Nor is a forwarded photo's "/add board" taken: the admin gets the hint to send it with their own caption.
  const photo = { ...documentMessage("f1", "x.md").message, document: undefined, photo: [{ file_id: "p1", file_unique_id: "p1", width: 10, height: 10 }] };
  await h.handle({ message: { ...photo, caption: "/add board", forward_origin: { type: "user", date: 0, sender_user: { id: 555, is_bot: false, first_name: "S" } } } } as any);
  assert.match(h.sent().at(-1)!.payload.text, /send it again with the caption \/add|cannot read photos/);
});

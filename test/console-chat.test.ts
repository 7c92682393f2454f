import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import { runConsoleChat } from "../src/console-chat.js";
import { AnswerError } from "../src/errors.js";
import { corpusQuestionAnswerer } from "./helpers/kb.js";
import { memoryLogger } from "./helpers/util.js";

/** Types the lines into the console chat and returns everything it printed. */
async function chat(lines: string[], deps: Awaited<ReturnType<typeof corpusQuestionAnswerer>>, qa = deps.qa, maxQuestionChars?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (c) => (printed += String(c)));
  const { log, lines: logLines } = memoryLogger();
  const done = runConsoleChat(qa, deps.kb, { input, output, log, intro: "Documents: …", ...(maxQuestionChars ? { maxQuestionChars } : {}) });
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await done;
  return { printed, logLines };
}

test("the console chat answers questions and knows the bot's commands: /help, /sources, /reindex, /exit", async () => {
  const deps = await corpusQuestionAnswerer();
  const { printed } = await chat(["/help", "/sources", "/nonsense", "/ask Who leads Sberbank?", "/reindex", "/exit", "Who leads Sberbank?"], deps);
  assert.match(printed, /I answer questions about 2 document\(s\)/, "/help is not asked as a question");
  assert.doesNotMatch(printed, /do not answer this question/);
  assert.match(printed, /Indexed documents \(2\):\n• Buterin putin meeting \(buterin-putin-meeting\.txt, \d+ passages\)/);
  assert.match(printed, /I do not know \/nonsense\. Commands:/);
  assert.match(printed, /«[^»]*Herman.Gref[^»]*» \[1\]\n\nSources:/);
  assert.match(printed, /Rebuilding the index from the documents folder…\n(The documents have not changed since the last build|Index rebuilt)[^\n]*: 2 documents/);
  assert.equal(printed.match(/Herman.Gref/g)!.length, 1, "nothing is answered after /exit");
});

test("in the console chat, a failing model is one sentence on screen and one short line in the log", async () => {
  const deps = await corpusQuestionAnswerer();
  const down = { ask: async () => { throw new AnswerError("The language model is not responding.", "network"); } } as any;
  const { printed, logLines } = await chat(["Who leads Sberbank?"], deps, down);
  assert.match(printed, /The language model is not responding\. Check LLM_PROVIDER/);
  assert.equal(logLines.length, 1);
  assert.ok(logLines[0]!.length < 300, "no stack trace");
});

test("in the console chat, control characters from the documents are shown as codes, never sent to the terminal", async () => {
  const deps = await corpusQuestionAnswerer();
  const documents = deps.kb.index.manifest.documents as unknown as { title?: string }[];
  documents[0]!.title = "Minutes\u001b]0;PWNED\u0007\u001b[2J of the board";
  const { printed } = await chat(["/sources"], deps);
  assert.match(printed, /Minutes\\x1b\]0;PWNED\\x07\\x1b\[2J of the board/);
  assert.ok(!printed.includes("\u001b") && !printed.includes("\u0007"));
});

test("in the console chat, a question over MAX_QUESTION_CHARS is refused with the limit, as the bot refuses it", async () => {
  const deps = await corpusQuestionAnswerer();
  let asked = 0;
  const counting = { ask: async (q: string, o: any) => (asked++, deps.qa.ask(q, o)) } as any;
  const { printed } = await chat(["Who leads Sberbank and what did the two men talk about?", "Who leads Sberbank?"], deps, counting, 20);
  assert.match(printed, /That question is too long: the limit is 20 characters\./);
  assert.equal(asked, 1, "only the short question is asked");
});

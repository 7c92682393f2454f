import readline from "node:readline/promises";
import { AnswerError, describeError } from "./errors.js";
import type { Logger } from "./logger.js";
import { answerBlocks, toMessages } from "./bot/format.js";
import { adminSay, say } from "./bot/texts.js";
import type { KnowledgeBase } from "./rag/knowledge-base.js";
import type { QuestionAnswerer } from "./rag/qa.js";
import { forTerminal } from "./terminal.js";

const COMMANDS = "Commands: /help, /sources, /reindex, /exit (or Ctrl-D).";

/**
 * A chat on the terminal with the same answer pipeline and the same citations as the bot, as
 * plain text, and the bot's commands that make sense there: /help, /sources, /reindex, /exit.
 * Ends on /exit, Ctrl-D or Ctrl-C.
 */
export async function runConsoleChat(
  qa: Pick<QuestionAnswerer, "ask">,
  kb: Pick<KnowledgeBase, "index" | "reindex">,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; log: Logger; intro: string; maxQuestionChars?: number },
): Promise<void> {
  const rl = readline.createInterface({ input: io.input, output: io.output, terminal: false });
  // Everything shown passes through here: file names, titles and quotes come from the documents.
  const write = (text: string) => io.output.write(`${forTerminal(text)}\n`);
  const documents = () => kb.index.manifest.documents;
  write(io.intro);
  write(`Ask a question, in any language. ${COMMANDS}\n`);
  io.output.write("> ");
  for await (const line of rl) {
    const input = line.trim();
    // "/ask question" is the question; any other "/word" is a command (its arguments ignored).
    const asked = /^\/ask(?:@\S+)?\s+([\s\S]+)$/i.exec(input)?.[1]?.trim();
    const command = asked ? undefined : /^\/(\w+)(?:@\S+)?(?:\s|$)/.exec(input)?.[1]?.toLowerCase();
    if (command === "exit" || command === "quit") break;
    if (command === "help" || command === "start") {
      write(`\nI answer questions about ${documents().length} document(s), with numbered sources you can check. Follow-up questions work too.\n${COMMANDS}\n`);
    } else if (command === "sources") {
      write(`\n${say("en").sources(documents())}\n`);
    } else if (command === "reindex") {
      write("\nRebuilding the index from the documents folder…");
      try {
        write(`${adminSay("en").reindexDone(await kb.reindex())}\n`);
      } catch (error) {
        write(`${adminSay("en").reindexFailed(describeError(error).split("\n")[0]!)}\n`);
      }
    } else if (command !== undefined) {
      write(`\nI do not know /${command}. ${COMMANDS}\n`);
    } else if ((asked ?? input).length > (io.maxQuestionChars ?? Infinity)) {
      // As the bot refuses it (MAX_QUESTION_CHARS).
      write(`\n${say("en").tooLong(io.maxQuestionChars!)}\n`);
    } else if (asked ?? input) {
      try {
        const result = await qa.ask(asked ?? input, { conversation: "console" });
        write(`\n${toMessages(answerBlocks(result), "plain", Number.MAX_SAFE_INTEGER).join("\n\n")}\n`);
      } catch (error) {
        // A known failure (the model is down, a timeout) is said here in full; the log keeps one line.
        if (error instanceof AnswerError) {
          io.log.warn({ reason: error.message }, "answering failed");
          write(`\n${error.message} ${error.hint}\n`);
        } else {
          io.log.error({ err: error }, "answering failed");
          write("\nSomething went wrong; see the log.\n");
        }
      }
    }
    io.output.write("> ");
  }
  rl.close();
}

import readline from "node:readline/promises";
import { AnswerError } from "./errors.js";
import type { Logger } from "./logger.js";
import { answerBlocks, toMessages } from "./bot/format.js";
import type { QuestionAnswerer } from "./rag/qa.js";

/**
 * A chat on the terminal with the same answer pipeline and the same citations as the bot, as
 * plain text. Ends on /exit, Ctrl-D or Ctrl-C.
 */
export async function runConsoleChat(
  qa: Pick<QuestionAnswerer, "ask">,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; log: Logger; intro: string },
): Promise<void> {
  const rl = readline.createInterface({ input: io.input, output: io.output, terminal: false });
  const write = (text: string) => io.output.write(`${text}\n`);
  write(io.intro);
  write("Ask a question (English or German). /exit to quit.\n");
  io.output.write("> ");
  for await (const line of rl) {
    const question = line.trim();
    if (question === "/exit" || question === "/quit") break;
    if (question) {
      try {
        const result = await qa.ask(question, { conversation: "console" });
        write(`\n${toMessages(answerBlocks(result), "plain", Number.MAX_SAFE_INTEGER).join("\n\n")}\n`);
      } catch (error) {
        io.log.error({ err: error }, "answering failed");
        write(error instanceof AnswerError ? `\n${error.message} ${error.hint}\n` : "\nSomething went wrong; see the log.\n");
      }
    }
    io.output.write("> ");
  }
  rl.close();
}

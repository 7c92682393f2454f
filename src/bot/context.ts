import type { Context } from "grammy";
import type { AutoChatActionFlavor } from "@grammyjs/auto-chat-action";
import type { Config } from "../config.js";
import type { DocumentLibrary } from "../documents/library.js";
import type { Logger } from "../logger.js";
import type { Transcriber } from "../net/transcribe.js";
import type { KnowledgeBase } from "../rag/knowledge-base.js";
import type { QuestionAnswerer } from "../rag/qa.js";
import type { AccessList } from "../state/access.js";
import type { Feedback } from "../state/feedback.js";

export type BotContext = Context & AutoChatActionFlavor;

/**
 * Who is asking, for budgets and follow-ups: the chat a message is sent as when there is one (an
 * anonymous group admin, someone posting as their channel), else the user. Telegram gives all of
 * those one shared placeholder user: counted by it, eight anonymous questions in one group used
 * up the budget of anonymous admins in every other group.
 */
export function askerId(ctx: Context): number | undefined {
  // The message's own sender, not that of the message a pressed button sits under (the bot's).
  const message = ctx.callbackQuery ? undefined : (ctx.message ?? ctx.editedMessage);
  return message?.sender_chat?.id ?? ctx.from?.id;
}

/** What the bot needs from the rest of the program. */
export interface BotDeps {
  readonly qa: Pick<QuestionAnswerer, "ask" | "answererName">;
  /** Throws NotReadyError (`index`, `reindex`) while the first index is still being built. */
  readonly kb: Pick<KnowledgeBase, "index" | "embeddings" | "reindex" | "update" | "isReindexing">;
  readonly settings: Config["telegram"];
  readonly feedback: Feedback;
  readonly access: AccessList;
  /** The documents folder, as admins change it from the chat. */
  readonly library: DocumentLibrary;
  /** Turns voice questions into text; undefined when no transcription model is set (TRANSCRIBE_MODEL). */
  readonly transcriber?: Transcriber | undefined;
  readonly log: Logger;
}

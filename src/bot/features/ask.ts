import { Composer, InlineKeyboard } from "grammy";
import { AnswerError } from "../../errors.js";
import { answerBlocks } from "../format.js";
import { FeedbackLog } from "../feedback.js";
import { groupQuestion } from "../filters.js";
import { replyBlocks, replyText } from "../reply.js";
import { langOf, TEXTS } from "../texts.js";
import type { BotContext, BotDeps } from "../context.js";

const isGroup = (ctx: BotContext) => ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";

/** Questions: any text in private chats, addressed messages in groups, and /ask everywhere. */
export function askFeature(deps: BotDeps): Composer<BotContext> {
  const { qa, settings, feedback, log } = deps;
  const composer = new Composer<BotContext>();

  async function answer(ctx: BotContext, question: string): Promise<void> {
    const t = TEXTS[langOf(ctx.from?.language_code)];
    if (!question.trim()) {
      await replyText(ctx, t.emptyAsk);
      return;
    }
    if (question.length > settings.maxQuestionChars) {
      await replyText(ctx, t.tooLong(settings.maxQuestionChars));
      return;
    }
    ctx.chatAction = "typing";
    const chatId = ctx.chat!.id;
    let result;
    try {
      // Follow-ups belong to one person's thread of questions in a chat.
      result = await qa.ask(question, { conversation: `${chatId}:${ctx.from?.id ?? 0}` });
    } catch (error) {
      log.error({ err: error, chatId }, "answering failed");
      await replyText(ctx, error instanceof AnswerError ? t.llmDown : t.failed);
      return;
    }
    const key = feedback.remember(chatId, result);
    const keyboard = result.abstained ? undefined : new InlineKeyboard().text("👍", `fb:${key}:up`).text("👎", `fb:${key}:down`);
    await replyBlocks(ctx, answerBlocks(result), { log, ...(keyboard ? { keyboard } : {}) });
    if (result.abstained) {
      await feedback.append(FeedbackLog.entry("abstained", chatId, ctx.from?.id, result)).catch((err) => log.error({ err }, "feedback log"));
    }
  }

  composer.command("ask", (ctx) => answer(ctx, ctx.match));

  composer.callbackQuery(/^fb:([\w-]+):(up|down)$/, async (ctx) => {
    const t = TEXTS[langOf(ctx.from.language_code)];
    const remembered = feedback.recall(ctx.match[1]!);
    if (!remembered) {
      await ctx.answerCallbackQuery({ text: t.expired });
      return;
    }
    const vote = ctx.match[2] as "up" | "down";
    await feedback.append(FeedbackLog.entry("vote", remembered.chatId, ctx.from.id, remembered.result, vote));
    await ctx.answerCallbackQuery({ text: t.thanks });
  });

  // Groups: only messages that mention the bot or reply to it; everything else is ignored.
  const group = composer.filter(isGroup);
  group.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    const question = groupQuestion(ctx.msg, ctx.me);
    if (question === undefined) return;
    await answer(ctx, question);
  });

  const priv = composer.chatType("private");
  priv.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    await answer(ctx, ctx.msg.text);
  });
  priv.on("message", (ctx) => {
    const t = TEXTS[langOf(ctx.from.language_code)];
    return replyText(ctx, ctx.msg.text?.startsWith("/") ? t.unknownCommand : t.nonText);
  });
  return composer;
}

import { GrammyError, type InlineKeyboard } from "grammy";
import type { Logger } from "../logger.js";
import { packBlocks, renderMessage, toMessages, type Block } from "./format.js";
import type { BotContext } from "./context.js";

function replyTo(ctx: BotContext) {
  const id = ctx.msg?.message_id;
  return id ? { reply_parameters: { message_id: id, allow_sending_without_reply: true } } : {};
}

/**
 * Sends blocks as one or more HTML messages, the first as a reply to the asking message and the
 * keyboard under the last. If Telegram rejects a message's formatting, the rest of the content
 * goes out as plain text: the user always gets the whole answer.
 */
export async function replyBlocks(
  ctx: BotContext,
  blocks: readonly Block[],
  options: { keyboard?: InlineKeyboard; log: Logger },
): Promise<void> {
  const messages = packBlocks(blocks, "html");
  for (let i = 0; i < messages.length; i++) {
    const last = i === messages.length - 1;
    try {
      await ctx.reply(renderMessage(messages[i]!, "html"), {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(i === 0 ? replyTo(ctx) : {}),
        ...(last && options.keyboard ? { reply_markup: options.keyboard } : {}),
      });
    } catch (error) {
      if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
      options.log.warn({ description: error.description }, "Telegram rejected the HTML; sending plain text");
      const plain = toMessages(messages.slice(i).flat(), "plain");
      for (let j = 0; j < plain.length; j++) {
        await ctx.reply(plain[j]!, {
          link_preview_options: { is_disabled: true },
          ...(i === 0 && j === 0 ? replyTo(ctx) : {}),
          ...(j === plain.length - 1 && options.keyboard ? { reply_markup: options.keyboard } : {}),
        });
      }
      return;
    }
  }
}

/** A short text reply to the asking message. */
export function replyText(ctx: BotContext, text: string) {
  return ctx.reply(text, replyTo(ctx));
}

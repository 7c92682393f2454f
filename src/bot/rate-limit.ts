import { Composer, type MiddlewareFn } from "grammy";
import { limit } from "@grammyjs/ratelimiter";
import type { Config } from "../config.js";
import type { AccessList } from "../state/access.js";
import { groupQuestion, repliesToBot } from "./filters.js";
import { askerId, type BotContext } from "./context.js";
import { localeFor } from "../i18n/index.js";
import { say } from "./texts.js";

/** Counters shared by instances (a Redis-like client: @grammyjs/ratelimiter needs only these two calls). */
export interface RateLimitStore {
  incr(key: string): Promise<number>;
  pexpire(key: string, ms: number): Promise<unknown>;
}

/**
 * What an update costs: a question (it runs a search and maybe the language model), an action
 * (a command or a button press: cheap), or nothing (a group message not addressed to the bot,
 * a join, a stop button).
 */
export function costOf(ctx: BotContext): "question" | "action" | "free" {
  if (ctx.callbackQuery) return "action";
  const message = ctx.message;
  if (!message || !ctx.from) return "free";
  const text = message.text ?? message.caption;
  // As grammY tells a command: any bot_command entity at the start (a bold /ask has its bold entity first).
  const entity = message.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  const command = entity ? text?.slice(1, entity.length) : undefined;
  if (command !== undefined) return command.split("@")[0]!.toLowerCase() === "ask" ? "question" : "action";
  if (ctx.chat?.type === "private") return "question";
  // A recording in a group is a question when it replies to the bot.
  if (message.voice || message.audio) return repliesToBot(message, ctx.me) ? "question" : "free";
  return groupQuestion(message, ctx.me) !== undefined ? "question" : "free";
}

/**
 * Whose budget an update counts against: its sender's. A message posted in a group as a channel
 * names the channel, not the person (Telegram hides who), and one person can own many channels:
 * every channel posting in a group shares one budget there, so owning N channels is not N budgets.
 * (Anonymous admins post as the group itself: one budget per group, as before.)
 */
export function rateKey(ctx: BotContext): string | undefined {
  const message = ctx.callbackQuery ? undefined : (ctx.message ?? ctx.editedMessage);
  const sender = message?.sender_chat;
  if (sender && sender.id !== message.chat.id) return `channels-in:${message.chat.id}`;
  return askerId(ctx)?.toString();
}

/**
 * Two budgets per person, so that nobody trips a limit by using the bot normally: questions
 * (`RATE_LIMIT_MESSAGES` per window), and commands plus button presses (`RATE_LIMIT_ACTIONS`,
 * generous: paging a list or going through /remove is many presses). Admins are exempt. Past a
 * limit, a button press still gets an answer (a short "slow down" on the button, so it does not
 * spin), and a private chat gets one notice per window; the update itself is dropped.
 */
export function rateLimits(settings: Config["telegram"], access: Pick<AccessList, "isAdmin">, store: RateLimitStore | undefined): MiddlewareFn<BotContext> {
  const { windowMs, messages, actions } = settings.rateLimit;
  const notified = new Map<string, number>();
  /** True once per person and budget per window. */
  const firstNotice = (key: string): boolean => {
    const now = Date.now();
    if (now - (notified.get(key) ?? 0) < windowMs) return false;
    if (notified.size > 10_000) notified.clear();
    notified.set(key, now);
    return true;
  };
  const budget = (kind: "question" | "action", max: number) =>
    limit<BotContext, never>({
      timeFrame: windowMs,
      limit: max,
      keyPrefix: `RATE_${kind.toUpperCase()}`,
      alwaysReply: true,
      ...(store ? { storageClient: store as never } : {}),
      keyGenerator: rateKey,
      onLimitExceeded: async (ctx) => {
        const t = say(localeFor(ctx.from?.language_code));
        if (ctx.callbackQuery) {
          await ctx.answerCallbackQuery({ text: t.slowDown }).catch(() => {});
          return;
        }
        // Notices in private chats only: no noise in groups.
        if (ctx.chat?.type !== "private" || !firstNotice(`${kind}:${rateKey(ctx)}`)) return;
        await ctx.reply(kind === "question" ? t.rateLimited : t.slowDown).catch(() => {});
      },
    });
  const composer = new Composer<BotContext>();
  composer.filter((ctx) => !access.isAdmin(ctx.from?.id) && costOf(ctx) === "question", budget("question", messages));
  composer.filter((ctx) => !access.isAdmin(ctx.from?.id) && costOf(ctx) === "action", budget("action", actions));
  return composer.middleware();
}

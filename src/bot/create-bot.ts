import { Bot, BotError, GrammyError, HttpError, InputFile, type Api } from "grammy";
import type { LanguageCode, UserFromGetMe } from "grammy/types";
import { autoChatAction } from "@grammyjs/auto-chat-action";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import type { Logger } from "../logger.js";
import { NotReadyError } from "../rag/knowledge-base.js";
import type { BotContext, BotDeps } from "./context.js";
import { accessFeature, migrationsFirst } from "./features/access.js";
import { adminFeature } from "./features/admin.js";
import { AnswerStreams, askFeature } from "./features/ask.js";
import { collectionsFeature } from "./features/collections.js";
import { documentsFeature } from "./features/documents.js";
import { helpFeature } from "./features/help.js";
import { rateLimits, type RateLimitStore } from "./rate-limit.js";
import { say } from "./texts.js";
import { DEFAULT_LOCALE, LOCALES, localeFor, t } from "../i18n/index.js";
import { wellFormedPayload } from "../unicode.js";

export interface CreateBotOptions extends BotDeps {
  readonly token: string;
  readonly secrets: readonly string[];
  /** Known bot identity (tests); otherwise fetched with getMe on init. */
  readonly botInfo?: UserFromGetMe;
  /** Rate-limit counters shared by instances; in memory when unset. */
  readonly rateLimitStore?: RateLimitStore;
  /** Called after each update is handled (or failed): lets the caller confirm the offset on shutdown. */
  readonly onHandled?: (updateId: number) => void;
}

/**
 * While the first index is still being built, whatever needed it tells the user how far the
 * reading is (in a chat) or says so on the button (a callback), instead of failing silently.
 */
async function notReadyYet(ctx: BotContext, next: () => Promise<void>): Promise<void> {
  try {
    await next();
  } catch (error) {
    if (!(error instanceof NotReadyError)) throw error;
    const text = say(localeFor(ctx.from?.language_code)).stillReading(error.progress);
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
    else if (ctx.chat) await ctx.reply(text, ctx.msg ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {});
  }
}

/** Private chats in order per chat; groups in order per member. */
export function sequenceKey(ctx: BotContext): string | undefined {
  const chat = ctx.chat;
  if (!chat) return ctx.from?.id.toString();
  return chat.type === "private" || !ctx.from ? chat.id.toString() : `${chat.id}:${ctx.from.id}`;
}

/** Tells the kinds of failure apart in the log: Telegram refused, network, or a bug. */
export function logBotError(log: Logger, err: BotError<BotContext>): void {
  const e = err.error;
  const where = { updateId: err.ctx.update.update_id, chatId: err.ctx.chat?.id };
  if (e instanceof GrammyError) log.warn({ ...where, method: e.method, code: e.error_code, description: e.description }, "Telegram refused a request");
  else if (e instanceof HttpError) log.warn({ ...where, err: e.error }, "network error talking to Telegram");
  else log.error({ ...where, err: e }, "unhandled error in a handler");
}

/**
 * After a handler failed (a database down, a stored row that no longer reads): a button press is
 * answered, or the client shows it spinning until Telegram gives up; a private message gets a
 * reply, or the person hears nothing (a stranger writing while the access list could not be
 * written). Group messages stay unanswered: most were not addressed to the bot. Best effort.
 */
async function sayItFailed(ctx: BotContext): Promise<void> {
  const text = say(localeFor(ctx.from?.language_code)).failed;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text }).catch(() => {});
  else if (ctx.message && ctx.chat?.type === "private") await ctx.reply(text).catch(() => {});
}

/** The bot, with every feature, ready for `bot.init()` and a runner. Never started here. */
export function createBot(options: CreateBotOptions): Bot<BotContext> {
  const { settings, log } = options;
  const bot = new Bot<BotContext>(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}), timeoutSeconds: 60 },
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  // Half a character anywhere in a request makes Telegram refuse all of it (see unicode.ts).
  bot.api.config.use((prev, method, payload, signal) => prev(method, wellFormedPayload(payload, (v) => v instanceof InputFile), signal));
  if (options.onHandled) {
    const onHandled = options.onHandled;
    bot.use(async (ctx, next) => {
      try {
        await next();
      } finally {
        onHandled(ctx.update.update_id);
      }
    });
  }

  // The stop button under a streamed answer: handled at once, not queued behind the answer it stops.
  const streams = new AnswerStreams();
  bot.on("stopped_message_generation", (ctx) => {
    const stopped = ctx.update.stopped_message_generation!;
    if (!streams.stop(stopped.chat.id, stopped.draft_id)) log.debug({ chatId: stopped.chat.id }, "stop pressed for an answer already sent");
  });

  // A group's move to a supergroup is recorded before the new chat's questions (see migrationsFirst).
  bot.use(migrationsFirst());
  // The rate limits come first, so a flooder's messages are dropped before they queue up anywhere.
  bot.use(rateLimits(settings, options.access, options.rateLimitStore));
  // Updates of one person in order; different people, and different members of a group, in
  // parallel (with @grammyjs/runner): one slow question does not hold up a whole group.
  bot.use(sequentialize(sequenceKey));
  bot.use(autoChatAction(bot.api));

  // Channel posts, edits, joins and everything else that is not a message or a button press fall through, ignored.
  const features = bot.on(["message", "callback_query", "my_chat_member"]);
  features
    .errorBoundary(async (err) => {
      logBotError(log, err);
      await sayItFailed(err.ctx);
    })
    .use(notReadyYet, accessFeature(options), collectionsFeature(options), helpFeature(options), adminFeature(options, options.secrets), documentsFeature(options, options.secrets), askFeature(options, streams, options.secrets));
  // A press no handler took (a button of an older version, a game button, forged data): answered,
  // or the client shows it spinning until Telegram gives up on it.
  features.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: say(localeFor(ctx.from.language_code)).buttonGone }).catch(() => {}));

  bot.catch((err) => logBotError(log, err));
  return bot;
}

/** Public commands for everyone; /reindex in addition in each admin's private chat. Failures are logged, not fatal. */
export async function registerCommands(api: Api, adminIds: readonly number[], log: Logger): Promise<void> {
  // The public menu in every language of locales/ (Telegram shows the one of the user's app language).
  const menu = (locale: string, commands: readonly string[]) => commands.map((command) => ({ command, description: t(locale, `command-${command}`) }));
  const everyone = ["ask", "sources", "stats", "help"];
  const admins = [...everyone, "reindex", "add", "docs", "remove", "access", "collections"];
  const languages: (string | undefined)[] = [undefined, ...LOCALES.filter((l) => l !== DEFAULT_LOCALE)];
  const calls: Promise<unknown>[] = languages.flatMap((l) => {
    const language = l ? { language_code: l as LanguageCode } : {};
    return [
      api.setMyCommands(menu(l ?? DEFAULT_LOCALE, everyone), language),
      // The admins' own commands in addition, in each admin's private chat.
      ...adminIds.map((id) => api.setMyCommands(menu(l ?? DEFAULT_LOCALE, admins), { scope: { type: "chat", chat_id: id }, ...language })),
    ];
  });
  for (const r of await Promise.allSettled(calls)) {
    if (r.status === "rejected") log.warn({ err: r.reason }, "setMyCommands failed (commands still work, only the menu is missing)");
  }
}

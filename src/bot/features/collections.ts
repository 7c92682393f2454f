import { Composer, InlineKeyboard } from "grammy";
import { collectionOf } from "../../documents/collections.js";
import { markup } from "../paging.js";
import { replyText } from "../reply.js";
import { collectionsOfChat } from "../scope.js";
import { langOf, TEXTS } from "../texts.js";
import type { BotContext, BotDeps } from "../context.js";

/** Buttons per /collections message: Telegram's keyboards hold at most 100. */
const MAX_TOGGLES = 90;

/**
 * /collections (admins): which collections a chat searches, one toggle button per collection, in
 * a group for that group, in a private chat for the admin's own chat, `/collections <user id>` for
 * a person's private chat. Kept with the access decisions (shared by instances); "Settings" goes
 * back to what COLLECTIONS_BY_CHAT and DEFAULT_COLLECTIONS say.
 */
export function collectionsFeature(deps: BotDeps): Composer<BotContext> {
  const { access, kb, settings, log } = deps;
  const composer = new Composer<BotContext>();
  const t = (ctx: BotContext) => TEXTS[langOf(ctx.from?.language_code)];
  /** Every collection of the index, sorted: a button names one by its place here. */
  const known = () => [...new Set(kb.index.manifest.documents.map((d) => collectionOf(d.source)))].sort();

  function view(ctx: BotContext, chatId: number) {
    const tx = t(ctx);
    const names = known();
    const adminPrivate = chatId > 0 && access.isAdmin(chatId);
    const current = collectionsOfChat(settings, access, chatId, adminPrivate);
    const on = (name: string) => !current || current.includes(name);
    const keyboard = new InlineKeyboard();
    names.slice(0, MAX_TOGGLES).forEach((name, i) => {
      keyboard.text(`${on(name) ? "✅" : "▫️"} ${name}`, `col:${chatId}:${i}`);
      if (i % 2 === 1) keyboard.row();
    });
    keyboard.row();
    if (access.collectionsOf(chatId)) keyboard.text(tx.collectionsReset, `col:${chatId}:reset`);
    const text = tx.collectionsOf(chatId === ctx.chat?.id ? undefined : chatId, current ? [...current] : undefined, names.length);
    return { text, keyboard };
  }

  composer.command("collections", async (ctx) => {
    if (!access.isAdmin(ctx.from?.id)) {
      if (ctx.chat.type === "private") await replyText(ctx, t(ctx).collectionsAdminsOnly);
      return;
    }
    const arg = ctx.match.trim();
    if (arg && !/^-?\d{1,20}$/.test(arg)) {
      await replyText(ctx, t(ctx).collectionsUsage);
      return;
    }
    const chatId = arg ? Number(arg) : ctx.chat.id;
    await access.refresh(true);
    const v = view(ctx, chatId);
    await ctx.reply(v.text, markup(v.keyboard));
  });

  composer.callbackQuery(/^col:(-?\d{1,20}):(\d{1,3}|reset)$/, async (ctx) => {
    const tx = t(ctx);
    if (!access.isAdmin(ctx.from.id)) {
      await ctx.answerCallbackQuery({ text: tx.collectionsAdminsOnly });
      return;
    }
    const chatId = Number(ctx.match[1]);
    const names = known();
    try {
      if (ctx.match[2] === "reset") {
        await access.setCollections(chatId, undefined);
      } else {
        const name = names[Number(ctx.match[2])];
        if (!name) {
          await ctx.answerCallbackQuery({ text: tx.collectionsChanged });
          return;
        }
        const current = collectionsOfChat(settings, access, chatId, chatId > 0 && access.isAdmin(chatId)) ?? names;
        const next = current.includes(name) ? current.filter((n) => n !== name) : [...current, name];
        await access.setCollections(chatId, next);
      }
    } catch (err) {
      log.warn({ err, chatId }, "could not save a chat's collections");
      await ctx.answerCallbackQuery({ text: tx.accessNotSaved, show_alert: true });
      return;
    }
    log.info({ chatId, by: ctx.from.id, collections: access.collectionsOf(chatId) ?? "settings" }, "collections of a chat changed");
    await ctx.answerCallbackQuery();
    const v = view(ctx, chatId);
    await ctx.editMessageText(v.text, markup(v.keyboard)).catch(() => {});
  });
  return composer;
}

import { createHash } from "node:crypto";
import { Composer, InlineKeyboard } from "grammy";
import { collectionsOf } from "../../documents/collections.js";
import { markup } from "../paging.js";
import { replyText } from "../reply.js";
import { collectionsOfChat } from "../scope.js";
import { adminSay } from "../texts.js";
import { localeFor } from "../../i18n/index.js";
import type { BotContext, BotDeps } from "../context.js";

/** A short fingerprint of the list of collections a keyboard was made from. */
function listVersion(names: readonly string[]): string {
  return createHash("sha256").update(names.join("\n")).digest("base64url").slice(0, 6);
}

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
  const t = (ctx: BotContext) => adminSay(localeFor(ctx.from?.language_code));
  /** Every collection of the index, sorted: a button names one by its place here. */
  const known = () => collectionsOf(kb.index.manifest.documents);

  /** The toggles of a chat's collections; `here`: shown in that chat itself. */
  function view(ctx: BotContext, chatId: number, here: boolean) {
    const tx = t(ctx);
    const names = known();
    const adminPrivate = chatId > 0 && access.isAdmin(chatId);
    const current = collectionsOfChat(settings, access, chatId, adminPrivate);
    const on = (name: string) => !current || current.includes(name);
    const keyboard = new InlineKeyboard();
    const version = listVersion(names);
    names.slice(0, MAX_TOGGLES).forEach((name, i) => {
      keyboard.text(`${on(name) ? "✅" : "▫️"} ${name}`, `col:${chatId}:${i}:${version}`);
      if (i % 2 === 1) keyboard.row();
    });
    keyboard.row();
    if (access.collectionsOf(chatId)) keyboard.text(tx.collectionsReset, `col:${chatId}:reset`);
    const text = tx.collectionsOf(here ? undefined : access.describe(chatId), current, names.length);
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
    const v = view(ctx, chatId, ctx.chat.type === "private" && chatId === ctx.chat.id);
    if (ctx.chat.type === "private") {
      await ctx.reply(v.text, markup(v.keyboard));
      return;
    }
    // In a group: the names of every collection are for the admin, not for the members.
    const tx = t(ctx);
    const sent = await ctx.api.sendMessage(ctx.from!.id, v.text, markup(v.keyboard)).then(
      () => true,
      () => false,
    );
    await replyText(ctx, sent ? tx.collectionsSentPrivately : tx.collectionsOpenPrivate(chatId));
  });

  composer.callbackQuery(/^col:(-?\d{1,20}):(?:(\d{1,3}):([\w-]{6})|(reset))$/, async (ctx) => {
    const tx = t(ctx);
    if (!access.isAdmin(ctx.from.id)) {
      await ctx.answerCallbackQuery({ text: tx.collectionsAdminsOnly });
      return;
    }
    const chatId = Number(ctx.match[1]);
    const names = known();
    try {
      if (ctx.match[4] === "reset") {
        await access.setCollections(chatId, undefined);
      } else {
        // A button names a collection by its place in the list it was made from: if the list
        // changed since (a collection added or removed), the place may name another one.
        const name = names[Number(ctx.match[2])];
        if (!name || ctx.match[3] !== listVersion(names)) {
          await ctx.answerCallbackQuery({ text: tx.collectionsChanged });
          return;
        }
        const bySettings = settings.collectionsByChat.get(chatId) ?? (chatId > 0 && access.isAdmin(chatId) ? undefined : settings.defaultCollections);
        await access.toggleCollection(chatId, name, bySettings ?? names);
      }
    } catch (err) {
      log.warn({ err, chatId }, "could not save a chat's collections");
      await ctx.answerCallbackQuery({ text: tx.accessNotSaved, show_alert: true });
      return;
    }
    log.info({ chatId, by: ctx.from.id, collections: access.collectionsOf(chatId) ?? "settings" }, "collections of a chat changed");
    await ctx.answerCallbackQuery();
    const v = view(ctx, chatId, ctx.callbackQuery.message?.chat.id === chatId);
    await ctx.editMessageText(v.text, markup(v.keyboard)).catch(() => {});
  });
  return composer;
}

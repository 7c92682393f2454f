import { Composer, InlineKeyboard } from "grammy";
import type { User } from "grammy/types";
import { replyText } from "../reply.js";
import { APPROVED_NOTICE, langOf, TEXTS } from "../texts.js";
import type { BotContext, BotDeps } from "../context.js";

const isGroup = (type: string | undefined) => type === "group" || type === "supergroup";

/** "Jane Doe (@jane, id 42)": how admins see who asks. */
function describe(user: Pick<User, "id" | "first_name" | "last_name" | "username">): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return `${name}${user.username ? ` (@${user.username}, id ${user.id})` : ` (id ${user.id})`}`;
}

/**
 * Who may ask. Registered before every other feature: it answers the questions of access itself
 * (approval buttons, /access, the bot being added to a group) and lets through only updates
 * from admins, allowed users in private chats and allowed groups. Everyone else in private gets
 * one message saying the bot is private, and each admin gets one request with Approve / Deny.
 */
export function accessFeature(deps: BotDeps): Composer<BotContext> {
  const { access, log } = deps;
  const composer = new Composer<BotContext>();

  // Added to a group: by an admin, the group is allowed; by anyone else, the bot says so and leaves.
  composer.on("my_chat_member", async (ctx) => {
    const { chat, from, new_chat_member } = ctx.myChatMember;
    if (!isGroup(chat.type) || !["member", "administrator"].includes(new_chat_member.status)) return;
    const t = TEXTS[langOf(from.language_code)];
    if (access.chatAllowed(chat.id)) return;
    if (access.isAdmin(from.id)) {
      await access.allowChat(chat.id);
      log.info({ chatId: chat.id, by: from.id }, "group allowed by an admin");
      await ctx.api.sendMessage(chat.id, t.groupAllowed).catch((err) => log.warn({ err }, "greeting failed"));
      return;
    }
    log.warn({ chatId: chat.id, by: from.id }, "added to a group that is not allowed; leaving");
    await ctx.api.sendMessage(chat.id, t.privateGroup).catch((err) => log.warn({ err }, "could not say goodbye"));
    await ctx.api.leaveChat(chat.id).catch((err) => log.warn({ err }, "could not leave the group"));
  });

  composer.callbackQuery(/^acc:(ok|no):(\d+)$/, async (ctx) => {
    const t = TEXTS[langOf(ctx.from.language_code)];
    if (!access.isAdmin(ctx.from.id)) {
      await ctx.answerCallbackQuery({ text: t.notAdminAccess });
      return;
    }
    const userId = Number(ctx.match[2]);
    const approve = ctx.match[1] === "ok";
    if (approve) await access.approveUser(userId);
    else await access.denyUser(userId);
    log.info({ userId, by: ctx.from.id, approve }, "access decided");
    await ctx.answerCallbackQuery();
    const who = ctx.callbackQuery.message?.text?.split("\n")[0] ?? `id ${userId}`;
    const by = describe(ctx.from);
    await ctx.editMessageText(approve ? t.approved(who, by) : t.denied(who, by)).catch((err) => log.warn({ err }, "could not update the request"));
    if (approve) await ctx.api.sendMessage(userId, APPROVED_NOTICE).catch((err) => log.warn({ err, userId }, "could not tell the user"));
  });

  composer.command("access", async (ctx) => {
    const t = TEXTS[langOf(ctx.from?.language_code)];
    if (!access.isAdmin(ctx.from?.id)) {
      if (ctx.chat.type === "private" && (access.open || access.user(ctx.from!.id) === "allowed")) await replyText(ctx, t.notAdminAccess);
      return;
    }
    await replyText(ctx, t.access({ open: access.open, ...access.list() }));
  });

  // The gate: everything after this composer sees only updates that may be answered.
  composer.use(async (ctx, next) => {
    const userId = ctx.from?.id;
    const chat = ctx.chat;
    if (access.open || access.isAdmin(userId)) return next();
    if (chat && isGroup(chat.type)) {
      if (access.chatAllowed(chat.id)) return next();
      await access.refresh();
      if (access.chatAllowed(chat.id)) return next();
      // A group the bot is in without being allowed (it was added while the bot was open): leave.
      log.warn({ chatId: chat.id }, "message from a group that is not allowed; leaving");
      await ctx.api.sendMessage(chat.id, TEXTS[langOf(ctx.from?.language_code)].privateGroup).catch(() => {});
      await ctx.api.leaveChat(chat.id).catch((err) => log.warn({ err }, "could not leave the group"));
      return;
    }
    if (userId !== undefined && access.user(userId) === "allowed") return next();
    // Before refusing: an admin may have approved them through another instance.
    await access.refresh();
    if (userId !== undefined && access.user(userId) === "allowed") return next();
    const t = TEXTS[langOf(ctx.from?.language_code)];
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: t.privateButton });
      return;
    }
    if (chat?.type !== "private" || !ctx.from) return;
    // One message per person, and one request per person to each admin; after that, silence.
    if (!(await access.request(ctx.from.id))) return;
    log.info({ userId: ctx.from.id }, "access requested");
    await replyText(ctx, t.privateBot);
    const who = describe(ctx.from);
    for (const admin of access.admins) {
      const ta = TEXTS.en; // the admin's language is not known here
      const keyboard = new InlineKeyboard().text(ta.approve, `acc:ok:${ctx.from.id}`).text(ta.deny, `acc:no:${ctx.from.id}`);
      await ctx.api.sendMessage(admin, ta.accessRequest(who), { reply_markup: keyboard }).catch((err) => log.warn({ err, admin }, "could not ask an admin"));
    }
  });
  return composer;
}

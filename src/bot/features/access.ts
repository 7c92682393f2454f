import { Composer, InlineKeyboard, type MiddlewareFn } from "grammy";
import type { User } from "grammy/types";
import { head, markup, pageOf, pager } from "../paging.js";
import { replyText } from "../reply.js";
import { adminSay, approvedNotice, say } from "../texts.js";
import { DEFAULT_LOCALE, localeFor } from "../../i18n/index.js";
import { describeKnown, type Who } from "../../state/access.js";
import type { BotContext, BotDeps } from "../context.js";

const isGroup = (type: string | undefined) => type === "group" || type === "supergroup";

/** People per /access page: with their buttons, a page stays far under Telegram's 100 buttons and 4096 characters. */
const ACCESS_PAGE = 8;
const HOUR_MS = 3_600_000;

/** Remembers ids already told something (bounded: past `max`, it starts again). */
class OncePerId {
  private readonly seen = new Set<number>();
  constructor(private readonly max: number) {}
  first(id: number): boolean {
    if (this.seen.has(id)) return false;
    if (this.seen.size >= this.max) this.seen.clear();
    this.seen.add(id);
    return true;
  }
}

/** Counts events; `count()` returns how many since the last report, at most once an hour (else undefined). */
class HourlyCount {
  private pending = 0;
  private last = -Infinity;
  count(): number | undefined {
    this.pending++;
    if (Date.now() - this.last < HOUR_MS) return undefined;
    this.last = Date.now();
    const n = this.pending;
    this.pending = 0;
    return n;
  }
}

/** A person as Telegram names them: their name and @username (the id is added where they are shown). */
function whoIs(user: Pick<User, "first_name" | "last_name" | "username">): Who {
  return { name: [user.first_name, user.last_name].filter(Boolean).join(" "), username: user.username };
}

/**
 * How long a supergroup the bot finds itself in without permission may be one that an allowed
 * group just became: Telegram says so in a message in each chat, which may be handled after the
 * join or the first message of the new chat.
 */
const MIGRATION_GRACE_MS = 2000;

/** Migration updates whose record failed (the error boundary after it swallows the error). */
const unrecordedMigrations = new WeakSet<object>();

/**
 * A group's move to a supergroup is recorded before the new chat's questions are handled.
 * Updates of a group run in parallel per member (see create-bot.ts), so a member's question in
 * the new chat could be answered while the message about the migration (another member's) was
 * still being recorded: under the new, unknown id, with every collection. Registered before the
 * rate limits and the queues, this notes the new chat's message about the migration (its first:
 * updates start in the order Telegram sends them) as it arrives, and the chat's other updates
 * wait until it is recorded; those that waited for a record that failed (the access store did
 * not take it) are not answered (the error handler logs it) rather than answered from every
 * collection; later ones are handled as after a restart would. (The old chat's message says the same;
 * it waits in that chat's queues, so only the new chat's counts here. Across several webhook
 * instances, the gate's MIGRATION_GRACE_MS and the access file's refresh cover what this cannot.)
 */
export function migrationsFirst(): MiddlewareFn<BotContext> {
  const pending = new Map<number, Promise<boolean>>();
  return async (ctx, next) => {
    const m = ctx.message;
    if (m?.migrate_from_chat_id === undefined) {
      const migrating = ctx.chat ? pending.get(ctx.chat.id) : undefined;
      if (migrating && !(await migrating)) throw new Error("the chat's move to a supergroup could not be recorded: its question is not answered");
      return next();
    }
    const to = m.chat.id;
    const done = next();
    const recorded = done.then(
      () => !unrecordedMigrations.has(ctx.update),
      () => false,
    );
    pending.set(to, recorded);
    void recorded.then(() => {
      if (pending.get(to) === recorded) pending.delete(to);
    });
    return done;
  };
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
  const refused = new OncePerId(10_000);
  const overflow = new HourlyCount();

  const leaving = new Set<number>();
  /** Supergroups whose first message waits out MIGRATION_GRACE_MS (see the gate). */
  const waiting = new Set<number>();
  /**
   * Says the bot is private and leaves a group that may not ask. A supergroup gets a grace of
   * MIGRATION_GRACE_MS first, outside the chat's queue (the message saying it was an allowed
   * group's new id may be queued behind this update): left only if it is still not allowed then.
   */
  function leave(api: BotContext["api"], chat: { id: number; type: string }, lang: string | undefined, why: string): void {
    if (leaving.has(chat.id)) return;
    leaving.add(chat.id);
    const go = async () => {
      await access.refresh(true);
      if (access.chatAllowed(chat.id)) return;
      log.warn({ chatId: chat.id }, `${why}; leaving`);
      await api.sendMessage(chat.id, say(localeFor(lang)).privateGroup).catch((err) => log.warn({ err }, "could not say goodbye"));
      await api.leaveChat(chat.id).catch((err) => log.warn({ err }, "could not leave the group"));
    };
    const done = () => leaving.delete(chat.id);
    if (chat.type === "supergroup") setTimeout(() => void go().finally(done), MIGRATION_GRACE_MS).unref();
    else void go().finally(done);
  }

  // Added to a group: by an admin, the group is allowed; by anyone else, the bot says so and leaves.
  // Removed from a group: its permission ends with it. (It was kept, and any member who added the
  // bot again later was answered from every document, greeted as if an admin had added it.)
  composer.on("my_chat_member", async (ctx) => {
    const { chat, from, new_chat_member } = ctx.myChatMember;
    if (!isGroup(chat.type)) return;
    if (new_chat_member.status === "left" || new_chat_member.status === "kicked") {
      const forgotten = await access.forgetChat(chat.id).catch((err: unknown) => {
        log.error({ err, chatId: chat.id }, "removed from a group, but its permission could not be withdrawn: remove it from the access list by hand");
        return false;
      });
      if (forgotten) log.info({ chatId: chat.id, by: from.id }, "removed from a group: its permission is withdrawn (an admin adds the bot again to allow it)");
      return;
    }
    if (!["member", "administrator"].includes(new_chat_member.status)) return;
    if (access.chatAllowed(chat.id)) return;
    if (access.isAdmin(from.id)) {
      await access.allowChat(chat.id, chat.title);
      log.info({ chatId: chat.id, by: from.id }, "group allowed by an admin");
      await ctx.api.sendMessage(chat.id, say(localeFor(from.language_code)).groupAllowed).catch((err) => log.warn({ err }, "greeting failed"));
      return;
    }
    leave(ctx.api, chat, from.language_code, "added to a group that is not allowed");
  });

  /** A page of /access: who is waiting, approved and denied (newest first), with a button for each decision. */
  function accessView(ctx: BotContext, page: number) {
    const t = adminSay(localeFor(ctx.from?.language_code));
    if (access.open) return { text: t.accessOpen, keyboard: new InlineKeyboard() };
    const entries = access.entries();
    const { at, pages, shown } = pageOf(entries, page, ACCESS_PAGE);
    const keyboard = new InlineKeyboard();
    const lines = [t.accessHeader(entries.length, at + 1, pages)];
    let section: string | undefined;
    for (const e of shown) {
      if (e.kind !== section) lines.push("", `${t.accessKinds[e.kind]}:`);
      section = e.kind;
      lines.push(`• ${e.description}`);
      const who = head(e.name || String(e.id), 24);
      if (e.kind === "pending") keyboard.text(`✅ ${who}`, `acc:ok:${e.id}:${at}`).text(`⛔ ${t.deny}`, `acc:no:${e.id}:${at}`).row();
      else if (e.kind === "approved") keyboard.text(`⛔ ${t.revoke} ${who}`, `acc:no:${e.id}:${at}`).row();
      else if (e.kind === "denied") keyboard.text(`✅ ${t.letIn} ${who}`, `acc:ok:${e.id}:${at}`).row();
      else if (e.kind === "group") keyboard.text(`⛔ ${t.revoke} ${who}`, `accg:no:${e.id}:${at}`).row();
    }
    if (!entries.length) lines.push("", t.accessEmpty);
    return { text: lines.join("\n"), keyboard: pager(keyboard, "accp", at, pages, t) };
  }

  // Approve/Deny under a request, and the decision buttons of /access (with the page to show again).
  composer.callbackQuery(/^acc:(ok|no):(\d+)(?::(\d+))?$/, async (ctx) => {
    const t = adminSay(localeFor(ctx.from.language_code));
    if (!access.isAdmin(ctx.from.id)) {
      await ctx.answerCallbackQuery({ text: t.notAdminAccess });
      return;
    }
    const userId = Number(ctx.match[2]);
    const approve = ctx.match[1] === "ok";
    const before = access.user(userId);
    try {
      if (approve) await access.approveUser(userId);
      else await access.denyUser(userId);
    } catch (err) {
      // The store failed (a database down): nothing changed, and the button says so instead of spinning.
      log.warn({ err, userId }, "could not record an access decision");
      await ctx.answerCallbackQuery({ text: t.accessNotSaved, show_alert: true });
      return;
    }
    log.info({ userId, by: ctx.from.id, approve }, "access decided");
    await ctx.answerCallbackQuery({ text: approve ? t.approvedToast : t.deniedToast });
    const who = access.describe(userId);
    const by = describeKnown(ctx.from.id, { ...whoIs(ctx.from), at: 0 });
    if (ctx.match[3] !== undefined) {
      const view = accessView(ctx, Number(ctx.match[3]));
      await ctx.editMessageText(view.text, markup(view.keyboard)).catch((err) => log.warn({ err }, "could not update /access"));
    } else {
      await ctx.editMessageText(approve ? t.approved(who, by) : t.denied(who, by)).catch((err) => log.warn({ err }, "could not update the request"));
    }
    if (approve && before !== "allowed") await ctx.api.sendMessage(userId, approvedNotice()).catch((err) => log.warn({ err, userId }, "could not tell the user"));
  });

  // Withdraws a group an admin added (from /access): the bot leaves it, and only an admin adds it again.
  composer.callbackQuery(/^accg:no:(-\d+):(\d+)$/, async (ctx) => {
    const t = adminSay(localeFor(ctx.from.language_code));
    if (!access.isAdmin(ctx.from.id)) {
      await ctx.answerCallbackQuery({ text: t.notAdminAccess });
      return;
    }
    const chatId = Number(ctx.match[1]);
    try {
      await access.forgetChat(chatId);
    } catch (err) {
      log.warn({ err, chatId }, "could not withdraw a group");
      await ctx.answerCallbackQuery({ text: t.accessNotSaved, show_alert: true });
      return;
    }
    log.info({ chatId, by: ctx.from.id }, "group withdrawn by an admin");
    await ctx.answerCallbackQuery({ text: t.groupRevokedToast });
    const view = accessView(ctx, Number(ctx.match[2]));
    await ctx.editMessageText(view.text, markup(view.keyboard)).catch((err) => log.warn({ err }, "could not update /access"));
    // (As a group nobody allowed: it is told why, and left at once; no move to a supergroup is awaited.)
    leave(ctx.api, { id: chatId, type: "group" }, ctx.from.language_code, "group withdrawn by an admin");
  });

  composer.command("access", async (ctx) => {
    const t = adminSay(localeFor(ctx.from?.language_code));
    if (!access.isAdmin(ctx.from?.id)) {
      if (ctx.chat.type === "private" && (access.open || access.user(ctx.from!.id) === "allowed")) await replyText(ctx, t.notAdminAccess);
      return;
    }
    // The lists name users and their ids: not for a group's members to read.
    if (ctx.chat.type !== "private") {
      await replyText(ctx, t.usePrivate);
      return;
    }
    await access.refresh(true);
    const view = accessView(ctx, 0);
    await ctx.reply(view.text, markup(view.keyboard));
  });
  composer.callbackQuery(/^accp:(\d+)$/, async (ctx) => {
    if (!access.isAdmin(ctx.from.id)) {
      await ctx.answerCallbackQuery({ text: adminSay(localeFor(ctx.from.language_code)).notAdminAccess });
      return;
    }
    await ctx.answerCallbackQuery();
    const view = accessView(ctx, Number(ctx.match[1]));
    await ctx.editMessageText(view.text, markup(view.keyboard)).catch(() => {});
  });

  // A group that became a supergroup: the new chat keeps the old one's permission. Telegram
  // says so in both chats (migrate_to in the old, migrate_from in the new); either is enough.
  composer.on(["message:migrate_to_chat_id", "message:migrate_from_chat_id"], async (ctx) => {
    const m = ctx.message;
    const [from, to] = m.migrate_to_chat_id !== undefined ? [m.chat.id, m.migrate_to_chat_id] : [m.migrate_from_chat_id!, m.chat.id];
    const configured = deps.settings.collectionsByChat.get(from);
    try {
      if (await access.migrateChat(from, to, configured)) log.info({ from, to }, "group became a supergroup; permission moved to the new id");
    } catch (error) {
      unrecordedMigrations.add(ctx.update);
      throw error;
    }
    if (configured && !deps.settings.collectionsByChat.has(to)) {
      log.warn({ from, to }, "COLLECTIONS_BY_CHAT names a group's old id: its collections now hold under the new id from the chat's settings; put the new id in COLLECTIONS_BY_CHAT");
    }
  });

  // The gate: everything after this composer sees only updates that may be answered.
  composer.use(async (ctx, next) => {
    const userId = ctx.from?.id;
    const chat = ctx.chat;
    if (access.open) return next();
    // A group is allowed or not whoever speaks in it: an admin's question in a group nobody
    // allowed would be answered to all its members (passages, titles, file names). An admin
    // who wants it allowed adds the bot again, or lists it in ALLOWED_CHAT_IDS.
    if (chat && isGroup(chat.type)) {
      await access.refresh();
      if (access.chatAllowed(chat.id)) return next();
      // The service messages of the bot's own arrival ("… added DocsBot", a new group) can be
      // handled before the my_chat_member update that says who added it: that one decides, or an
      // admin's new group would be left at once.
      const m = ctx.message;
      if (m && (m.new_chat_members || m.group_chat_created || m.supergroup_chat_created || m.left_chat_member)) return;
      // The first question in a group that has just become a supergroup can come before the
      // message saying so (handled in the old chat's queue): it waits for that, once per chat,
      // instead of being dropped.
      if (chat.type === "supergroup" && ctx.message && !waiting.has(chat.id)) {
        waiting.add(chat.id);
        try {
          await new Promise((resolve) => setTimeout(resolve, MIGRATION_GRACE_MS));
          await access.refresh(true);
        } finally {
          waiting.delete(chat.id);
        }
        if (access.chatAllowed(chat.id)) return next();
      }
      // A group the bot is in without being allowed (it was added while the bot was open): leave.
      leave(ctx.api, chat, ctx.from?.language_code, "message from a group that is not allowed");
      // (A button press is answered, or it spins until Telegram gives up on it.)
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: say(localeFor(ctx.from?.language_code)).privateButton }).catch(() => {});
      return;
    }
    if (access.isAdmin(userId)) return next();
    if (userId !== undefined && access.user(userId) === "allowed") return next();
    // Before refusing: an admin may have approved them through another instance.
    await access.refresh();
    if (userId !== undefined && access.user(userId) === "allowed") return next();
    const t = say(localeFor(ctx.from?.language_code));
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: t.privateButton });
      return;
    }
    if (chat?.type !== "private" || !ctx.from) return;
    // One message per person, and one request per person to each admin; after that, silence.
    const who = whoIs(ctx.from);
    const request = await access.request(ctx.from.id, who);
    if (request === "known") return;
    if (request === "full") {
      // Too many waiting: told once, without a request; admins hear about these at most once an hour.
      if (!refused.first(ctx.from.id)) return;
      await replyText(ctx, t.privateBotFull);
      const more = overflow.count();
      if (more === undefined) return;
      for (const admin of access.admins) await ctx.api.sendMessage(admin, adminSay(DEFAULT_LOCALE).accessOverflow(more, access.maxPending)).catch((err) => log.warn({ err, admin }, "could not tell an admin"));
      return;
    }
    log.info({ userId: ctx.from.id }, "access requested");
    await replyText(ctx, t.privateBot);
    for (const admin of access.admins) {
      const ta = adminSay(DEFAULT_LOCALE); // the admin's language is not known here
      const keyboard = new InlineKeyboard().text(ta.approve, `acc:ok:${ctx.from.id}`).text(ta.deny, `acc:no:${ctx.from.id}`);
      await ctx.api.sendMessage(admin, ta.accessRequest(access.describe(ctx.from.id)), { reply_markup: keyboard }).catch((err) => log.warn({ err, admin }, "could not ask an admin"));
    }
  });
  return composer;
}

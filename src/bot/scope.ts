import { collectionOf } from "../documents/collections.js";
import type { Config } from "../config.js";
import type { AccessList } from "../state/access.js";
import type { BotContext } from "./context.js";

/**
 * The collections a chat searches: those an admin set for it with /collections, else those
 * COLLECTIONS_BY_CHAT names for it (groups by their negative id, private chats by the user's id),
 * else, in an admin's private chat, all of them, else DEFAULT_COLLECTIONS. Undefined: every document.
 */
export function collectionsOfChat(
  settings: Config["telegram"],
  access: Pick<AccessList, "isAdmin" | "collectionsOf">,
  chatId: number,
  adminPrivate: boolean,
): readonly string[] | undefined {
  const listed = access.collectionsOf(chatId) ?? settings.collectionsByChat.get(chatId);
  if (listed) return listed;
  return adminPrivate ? undefined : settings.defaultCollections;
}

/** The collections of the chat an update comes from (see collectionsOfChat). */
export function chatCollections(settings: Config["telegram"], access: Pick<AccessList, "isAdmin" | "collectionsOf">, ctx: BotContext): readonly string[] | undefined {
  // A press on a message the bot cannot see (an inline message) has no chat: it may see nothing.
  if (ctx.callbackQuery && !ctx.callbackQuery.message) return [];
  const chatId = ctx.chat?.id ?? ctx.callbackQuery?.message?.chat.id ?? ctx.from?.id;
  if (chatId === undefined) return settings.defaultCollections ?? [];
  const privateChat = ctx.chat?.type === "private" || chatId === ctx.from?.id;
  return collectionsOfChat(settings, access, chatId, privateChat && chatId === ctx.from?.id && access.isAdmin(ctx.from?.id));
}

/** Whether a document (by its path) is one the chat may see. */
export function inScope(collections: readonly string[] | undefined, source: string): boolean {
  return !collections || collections.includes(collectionOf(source));
}

/**
 * Collections the settings name that the index does not have (a typo, a folder not created yet):
 * a chat limited to them gets no answers, so start-up says so, naming the setting.
 */
export function unknownCollections(settings: Config["telegram"], present: Iterable<string>): { variable: string; names: string[] }[] {
  const have = new Set(present);
  const missing = (names: readonly string[]) => [...new Set(names)].filter((n) => !have.has(n));
  const out: { variable: string; names: string[] }[] = [];
  const byChat = missing([...settings.collectionsByChat.values()].flat());
  if (byChat.length) out.push({ variable: "COLLECTIONS_BY_CHAT", names: byChat });
  const defaults = missing(settings.defaultCollections ?? []);
  if (defaults.length) out.push({ variable: "DEFAULT_COLLECTIONS", names: defaults });
  return out;
}

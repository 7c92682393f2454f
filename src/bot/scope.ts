import { collectionOf } from "../documents/collections.js";
import type { Config } from "../config.js";
import type { AccessList } from "../state/access.js";
import type { BotContext } from "./context.js";

/**
 * The collections a chat searches: those COLLECTIONS_BY_CHAT names for it (groups by their
 * negative id, private chats by the user's id), else, in an admin's private chat, all of them,
 * else DEFAULT_COLLECTIONS. Undefined: every document.
 */
export function chatCollections(settings: Config["telegram"], access: Pick<AccessList, "isAdmin">, ctx: BotContext): readonly string[] | undefined {
  const chatId = ctx.chat?.id ?? ctx.callbackQuery?.message?.chat.id ?? ctx.from?.id;
  if (chatId === undefined) return settings.defaultCollections ?? [];
  const listed = settings.collectionsByChat.get(chatId);
  if (listed) return listed;
  const privateChat = ctx.chat?.type === "private" || chatId === ctx.from?.id;
  if (privateChat && access.isAdmin(ctx.from?.id)) return undefined;
  return settings.defaultCollections;
}

/** Whether a document (by its path) is one the chat may see. */
export function inScope(collections: readonly string[] | undefined, source: string): boolean {
  return !collections || collections.includes(collectionOf(source));
}

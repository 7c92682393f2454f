import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";

function entityText(text: string, e: MessageEntity): string {
  return text.slice(e.offset, e.offset + e.length);
}

/** Removes the parts of a text the entities cover, and tidies the spaces left behind. */
function without(text: string, entities: readonly MessageEntity[]): string {
  let out = text;
  for (const e of [...entities].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  return out.replace(/^[\s,:]+/, "").replace(/\s+([,.;:!?])/g, "$1").replace(/\s{2,}/g, " ").trim();
}

/** Entities that address this bot: "@botname" mentions and text mentions of its id. */
export function mentionsOfBot(message: Pick<Message, "text" | "caption" | "entities" | "caption_entities">, me: UserFromGetMe): MessageEntity[] {
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  const name = `@${me.username}`.toLowerCase();
  return entities.filter(
    (e) =>
      (e.type === "mention" && entityText(text, e).toLowerCase() === name) ||
      (e.type === "text_mention" && e.user?.id === me.id),
  );
}

/** The message replies to one of this bot's messages. */
export function repliesToBot(message: Pick<Message, "reply_to_message">, me: UserFromGetMe): boolean {
  return message.reply_to_message?.from?.id === me.id;
}

/**
 * In a group: the question in a message addressed to the bot (mention or reply), with the
 * mention removed; undefined when the message is not for the bot.
 */
export function groupQuestion(message: Message, me: UserFromGetMe): string | undefined {
  const text = message.text;
  if (text === undefined) return undefined;
  const mentions = mentionsOfBot(message, me);
  if (mentions.length) return without(text, mentions);
  if (repliesToBot(message, me)) return text.trim();
  return undefined;
}

import assert from "node:assert/strict";
import { test } from "node:test";
import type { Message } from "grammy/types";
import { groupQuestion } from "../../src/bot/filters.js";
import { BOT_INFO } from "../helpers/bot-harness.js";

const msg = (text: string, extra: Partial<Message> = {}) =>
  ({ message_id: 1, date: 0, chat: { id: -1, type: "group", title: "g" }, text, ...extra }) as Message;

test("a mention of the bot is detected (any case) and removed from the question", () => {
  const m = msg("@docsbot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 8 }] });
  assert.equal(groupQuestion(m, BOT_INFO), "who leads Sberbank?");
  const mid = msg("tell me @DocsBot, who leads Sberbank?", { entities: [{ type: "mention", offset: 8, length: 8 }] });
  assert.equal(groupQuestion(mid, BOT_INFO), "tell me, who leads Sberbank?");
});

test("a text mention of the bot's id counts; mentions of others do not", () => {
  const tm = msg("Docs what is this?", { entities: [{ type: "text_mention", offset: 0, length: 4, user: { id: 666, is_bot: true, first_name: "Docs" } }] });
  assert.equal(groupQuestion(tm, BOT_INFO), "what is this?");
  const other = msg("@OtherBot who leads Sberbank?", { entities: [{ type: "mention", offset: 0, length: 9 }] });
  assert.equal(groupQuestion(other, BOT_INFO), undefined);
  const plain = msg("who leads Sberbank? @DocsBot is cool", {});
  assert.equal(groupQuestion(plain, BOT_INFO), undefined, "text without a mention entity is not a mention");
  // A forged update (only through the webhook, with its secret): a text mention without its user is no mention, not a crash.
  const forged = msg("Docs what is this?", { entities: [{ type: "text_mention", offset: 0, length: 4 } as never] });
  assert.equal(groupQuestion(forged, BOT_INFO), undefined);
});

test("a reply to one of the bot's messages is a question; a reply to someone else is not", () => {
  const toBot = msg("and when?", { reply_to_message: { message_id: 2, date: 0, chat: { id: -1, type: "group", title: "g" }, from: { id: 666, is_bot: true, first_name: "Docs" } } as Message["reply_to_message"] });
  assert.equal(groupQuestion(toBot, BOT_INFO), "and when?");
  const toUser = msg("and when?", { reply_to_message: { message_id: 2, date: 0, chat: { id: -1, type: "group", title: "g" }, from: { id: 9, is_bot: false, first_name: "X" } } as Message["reply_to_message"] });
  assert.equal(groupQuestion(toUser, BOT_INFO), undefined);
});

test("updates are ordered per private chat, and per member in a group", async () => {
  const { sequenceKey } = await import("../../src/bot/create-bot.js");
  const ctx = (chat: { id: number; type: string } | undefined, from?: number) => ({ chat, from: from === undefined ? undefined : { id: from } }) as any;
  assert.equal(sequenceKey(ctx({ id: 7, type: "private" }, 7)), "7");
  assert.equal(sequenceKey(ctx({ id: -100, type: "supergroup" }, 8)), "-100:8");
  assert.notEqual(sequenceKey(ctx({ id: -100, type: "supergroup" }, 8)), sequenceKey(ctx({ id: -100, type: "supergroup" }, 9)), "two members do not wait for each other");
  assert.equal(sequenceKey(ctx(undefined, 5)), "5");
});

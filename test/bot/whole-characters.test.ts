/**
 * Telegram refuses a message with half a character in it (one half of an emoji's surrogate
 * pair), and the whole message is lost. Every cut by length keeps characters whole.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InlineKeyboard, InputFile } from "grammy";
import { toMessages, wordsAfter, wordsBefore } from "../../src/bot/format.js";
import { head, tail } from "../../src/bot/paging.js";
import { capText } from "../../src/documents/structure.js";
import { headOf, tailFrom, wellFormed, wellFormedPayload } from "../../src/unicode.js";

const HALF = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const whole = (s: string) => !HALF.test(s);

test("cuts by length never split an emoji, at either parity", () => {
  for (const lead of ["", "x"]) {
    const text = `${lead}${"😀".repeat(3000)}`;
    for (const message of toMessages([{ text }], "html")) {
      assert.ok(whole(message) && message.length <= 4096, `${message.length} units`);
    }
    assert.equal(toMessages([{ text }], "plain").join(""), text, "nothing lost between the parts");
    for (const max of [9, 10, 299, 300]) {
      assert.ok(whole(capText(text, max)));
      assert.ok(whole(head(text, max)) && whole(tail(text, max)));
      assert.ok(whole(wordsBefore(text, max)) && whole(wordsAfter(text, max)));
      assert.ok(whole(headOf(text, max)) && whole(tailFrom(text, max)));
    }
  }
  assert.equal(headOf("a😀", 2), "a");
  assert.equal(tailFrom("😀b", 1), "b");
  assert.equal(capText(`${"a".repeat(298)}😀 reset`, 300), `${"a".repeat(298)}…`);
});

test("half a character from outside (a model's output) is mended before sending, in every field; files pass untouched", () => {
  assert.equal(wellFormed("ok \uD83D then"), "ok \uFFFD then");
  assert.equal(wellFormed("😀"), "😀");
  const file = new InputFile(Buffer.from("\uD83D"), "a\uD83D.txt");
  const keyboard = new InlineKeyboard().text("Guide \uD83D", "x");
  const payload = wellFormedPayload({ chat_id: 1, text: "a\uDE00", reply_markup: keyboard, document: file }, (v) => v instanceof InputFile);
  assert.equal(payload.text, "a\uFFFD");
  // A keyboard made with grammY's builder is a class instance: its labels are mended all the same.
  assert.equal(payload.reply_markup.inline_keyboard[0]![0]!.text, "Guide \uFFFD");
  assert.equal(JSON.stringify(payload.reply_markup), JSON.stringify({ inline_keyboard: [[{ text: "Guide \uFFFD", callback_data: "x" }]] }));
  assert.equal(payload.document, file, "a file being uploaded is passed on as it is");
});

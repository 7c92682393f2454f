import assert from "node:assert/strict";
import { test } from "node:test";
import { answerBlocks, escapeHtml, TELEGRAM_LIMIT, toMessages, wordsAfter, wordsBefore } from "../../src/bot/format.js";
import type { Answer } from "../../src/rag/answer/types.js";

const answer = (text: string, quote = "Herman Gref, the leader of Sberbank"): Answer => ({
  text,
  citations: [{ n: 1, source: "a.txt", title: "A <title> & more", chunkId: "a#1", section: null, page: null, pageEnd: null, quote, start: 0, end: quote.length }],
  abstained: false,
  answerer: "llm",
  lang: "en",
});

function balanced(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)(b|blockquote)(?: expandable)?>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

test("everything from documents, users and the model is escaped", () => {
  assert.equal(escapeHtml(`<b>x</b> & "y" </a>`), `&lt;b&gt;x&lt;/b&gt; &amp; "y" &lt;/a&gt;`);
  const [m] = toMessages(answerBlocks(answer("Use <script> & `code` [1]", "a <i>quote</i> & more")), "html");
  assert.match(m!, /Use &lt;script&gt; &amp; `code` \[1\]/);
  assert.match(m!, /<b>\[1\] A &lt;title&gt; &amp; more \(a\.txt\)<\/b>/);
  assert.match(m!, /<blockquote>a &lt;i&gt;quote&lt;\/i&gt; &amp; more<\/blockquote>/);
});

test("a 10,000-character answer is split at sentence boundaries into complete, well-formed messages", () => {
  const sentence = "Sberbank & the <Bank> of Russia tested blockchain platforms in 2017. ";
  const long = sentence.repeat(Math.ceil(10_000 / sentence.length)).trim();
  const blocks = answerBlocks(answer(`${long} [1]`, "x".repeat(5000)));
  const html = toMessages(blocks, "html");
  assert.ok(html.length >= 4);
  for (const m of html) {
    assert.ok(m.length <= TELEGRAM_LIMIT, `${m.length}`);
    assert.ok(balanced(m), "no tag is broken across messages");
  }
  const plain = toMessages(blocks, "plain");
  const joined = plain.join(" ").replace(/\s+/g, "");
  assert.equal(joined, [long + " [1]", "Sources:", "[1] A <title> & more (a.txt)", "x".repeat(5000)].join("").replace(/\s+/g, ""), "nothing lost");
  assert.match(html[0]!, /2017\.$/, "the first message ends at a sentence");
  assert.match(html.join(""), /<blockquote expandable>/, "long quotes are expandable");
});

test("a document's very long address leaves its source line unlinked instead of splitting the answer into many messages", () => {
  const withUrl = (url: string) => {
    const a = answer("Herman Gref leads Sberbank [1]");
    return { ...a, citations: a.citations.map((c) => ({ ...c, url })) };
  };
  const long = `https://example.org/p?${"a&".repeat(1020)}`;
  const html = toMessages(answerBlocks(withUrl(long)), "html");
  assert.equal(html.length, 1, `${html.length} messages`);
  assert.match(html[0]!, /<b>\[1\] A &lt;title&gt; &amp; more \(a\.txt\)<\/b>/, "the source line whole, without the link");
  const short = toMessages(answerBlocks(withUrl("https://example.org/a?b&c")), "html");
  assert.match(short[0]!, /<a href="https:\/\/example\.org\/a\?b&amp;c">/, "an ordinary address is still a link");
  // Tags of any kind that fill most of a message are dropped rather than repeated per character.
  const tagged = toMessages([{ text: "source line", open: `<b><a href="${"x".repeat(4100)}">`, close: "</a></b>" }], "html");
  assert.deepEqual(tagged, ["source line"]);
});

test("a source line names the section without repeating the title, and the page or pages", async () => {
  const { sourceLine } = await import("../../src/bot/format.js");
  const c = { n: 1, source: "g.pdf", title: "Guide", chunkId: "g#1", quote: "q", start: 0, end: 1 };
  assert.equal(sourceLine({ ...c, section: "4 Files › 4.1 control", page: 28, pageEnd: 28 }, "en"), "[1] Guide › 4 Files › 4.1 control, p. 28 (g.pdf)");
  assert.equal(sourceLine({ ...c, section: "Guide › 2.3 Setup", page: 3, pageEnd: 4 }, "de"), "[1] Guide › 2.3 Setup, S. 3–4 (g.pdf)");
  assert.equal(sourceLine({ ...c, section: "Guide", page: null, pageEnd: null }, "en"), "[1] Guide (g.pdf)");
});

test("a quote found in two files is one source under one number: both places, the quote once", () => {
  const quote = "Snapshots are kept for thirty days.";
  const html = { n: 1, source: "guide/storage.html", title: "Storage", chunkId: "s#3", section: "Snapshots", page: null, pageEnd: null, quote, start: 120, end: 155 };
  const pdf = { ...html, source: "guide/storage.pdf", chunkId: "p#7", page: 2, pageEnd: 2, quote: "Snapshots are kept for thirty\ndays.", start: 410, end: 446 };
  const [m] = toMessages(answerBlocks({ text: "The model says so [1].", citations: [html, pdf], abstained: false, answerer: "llm", lang: "en" }), "html");
  assert.match(m!, /<b>\[1\] Storage › Snapshots \(guide\/storage\.html\)<\/b>\n\n<b>\[1\] Storage › Snapshots, p\. 2 \(guide\/storage\.pdf\)<\/b>/);
  assert.equal(m!.match(/<blockquote>/g)?.length, 1, m);
});

test("a near miss shows where the closest passages are, linked when they have an address, escaped, without quotes", () => {
  const near: Answer = {
    text: "The documents do not seem to answer this. These passages come closest:",
    citations: [],
    abstained: true,
    answerer: "extractive",
    lang: "en",
    closest: [
      { n: 1, source: "guide.pdf", title: "Guide <2>", chunkId: "g#4", section: "4 Backups", page: 12, pageEnd: null },
      { n: 2, source: "page.html", title: "Restore", chunkId: "p#1", section: null, page: null, pageEnd: null, url: "https://example.org/restore?a=1&b=2" },
    ],
  };
  const [m] = toMessages(answerBlocks(near), "html");
  assert.match(m!, /\[1\] Guide &lt;2&gt; › 4 Backups, p\. 12 \(guide\.pdf\)/);
  assert.match(m!, /<a href="https:\/\/example\.org\/restore\?a=1&amp;b=2">\[2\] Restore \(page\.html\)<\/a>/);
  assert.doesNotMatch(m!, /blockquote/);
});

test("the context around a shown passage starts and ends at whole words", () => {
  const before = "Russia and other countries are racing to build blockchain systems for banks and government";
  assert.equal(wordsBefore(before, 40), "systems for banks and government");
  assert.equal(wordsBefore(before, 40).length <= 40, true);
  assert.equal(wordsBefore("short text", 40), "short text");
  assert.equal(wordsAfter(before, 30), "Russia and other countries are");
  assert.equal(wordsAfter("  two words  ", 40), "  two words");
  assert.ok(!/^\S*n and/.test(wordsBefore("…Sberbank of Russia and other countries", 25)), "never a piece of a word");
});

test("a citation's place names a page's title once: not again as its first heading, nor with the site's name added to it", async () => {
  const { citationPlace } = await import("../../src/bot/format.js");
  const place = (title: string, section: string | null) => citationPlace({ title, section, page: null, pageEnd: null }, "en");
  assert.equal(place("Caching Guide - Apache HTTP Server Version 2.4", "Caching Guide › Maintaining the Disk Cache"), "Caching Guide › Maintaining the Disk Cache");
  assert.equal(place("11. Brief Tour — Part II — Python 3.11.2 documentation", "11. Brief Tour — Part II › 11.5. Logging"), "11. Brief Tour — Part II › 11.5. Logging");
  assert.equal(place("Example Wiki | Backups", "Backups › Restoring"), "Backups › Restoring");
  assert.equal(place("Guide", "Guide › 4.1 control"), "Guide › 4.1 control");
  assert.equal(place("Guidebook", "Guide › Setup"), "Guidebook › Guide › Setup", "a title that merely begins with the heading's letters is another name");
  assert.equal(place("Debian-Leitfaden", "1 Einstieg › 1.2 Programme"), "Debian-Leitfaden › 1 Einstieg › 1.2 Programme");
});

test("a model's answer always shows the quote it cites, even one its sentence repeats; an extractive answer does not show its quote twice", () => {
  const quote = "recommended to disable the firewall";
  // Cut from "It is not recommended to disable the firewall": the model's sentence says the opposite.
  const [llm] = toMessages(answerBlocks(answer("It is recommended to disable the firewall [1].", quote)), "html");
  assert.match(llm!, /<blockquote>recommended to disable the firewall<\/blockquote>/);
  const [extractive] = toMessages(answerBlocks({ ...answer(`«${quote}» [1]`, quote), answerer: "extractive" }), "html");
  assert.doesNotMatch(extractive!, /<blockquote>/);
});

test("an answer citing many passages gets its passage buttons in rows Telegram accepts (at most 8 a row), then the rating", async () => {
  const { answerKeyboard } = await import("../../src/bot/features/ask.js");
  const citations = Array.from({ length: 20 }, (_, i) => ({ ...answer("x").citations[0]!, n: i + 1 }));
  const rows = answerKeyboard("k", citations, { up: 0, down: 0 }, "en").inline_keyboard;
  assert.ok(rows.every((row) => row.length <= 8), rows.map((r) => r.length).join(","));
  assert.deepEqual(rows.flat().map((b) => b.text).slice(0, 20), citations.map((c) => `[${c.n}] passage`));
  assert.deepEqual(rows.at(-1)!.map((b) => b.text), ["👍", "👎"]);
});

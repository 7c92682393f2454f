import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { after, test } from "node:test";
import { readHtml } from "../../src/documents/html.js";
import { loadDocuments } from "../../src/documents/load.js";
import { createDocumentReader, type DocumentReader } from "../../src/documents/reader.js";
import { readMarkdown } from "../../src/documents/markdown.js";
import { splitDocuments } from "../../src/documents/split.js";
import { pageAt, sectionOf } from "../../src/documents/structure.js";
import type { SourceDocument } from "../../src/documents/types.js";
import { sentenceSpans } from "../../src/rag/text.js";
import { makePdf } from "../helpers/pdf.js";
import { tempDir, writeFiles } from "../helpers/util.js";

const FILLER = "This sentence is long enough to reach the right margin of the page so that the line wraps on.";

/** A guide as PDFs come: a running header with the page number, a table of contents, hyphenated words. */
function guidePdf(outline: boolean): Buffer {
  const header = (n: number) => `Example Guide for Admins ${n} / 4`;
  return makePdf({
    title: "Example Guide",
    pages: [
      ["Example Guide for Admins", "Contents", "1 Getting started . . . . . . . . . . 2", "1.1 Install . . . . . . . . . . 2", "2 Daily work . . . . . . . . . . 3"],
      [header(2), "1 Getting started", FILLER, "The installer needs a connection to the network and prak-", "tisch no other preparation at all before it starts.", "1.1 Install", "Run the setup program as root and answer its questions.", "2"],
      [header(3), "2 Daily work", "Check the logs every morning with the logwatch tool, which is installed by default and mails a", "summary. The Makefile-", "Dateien stay untouched.", "3"],
      [header(4), FILLER, "Backups run at night from the cron daemon and keep seven days of history.", "4"],
    ],
    ...(outline
      ? { outline: [{ title: "Getting started", page: 2, children: [{ title: "Install", page: 2 }] }, { title: "Daily work", page: 3 }] }
      : {}),
  });
}

/**
 * One isolated reader for the folders of this file's tests: each load started and stopped a reader
 * process of its own (1.4 s each, about forty seconds of the suite).
 */
let shared: DocumentReader | undefined;
const reader = () => (shared ??= createDocumentReader({ maxFileBytes: 1e7 }));
after(() => shared?.close());

async function load(files: Record<string, string | Buffer>): Promise<Map<string, SourceDocument>> {
  const dir = await tempDir();
  await writeFiles(dir, files);
  const { documents, skipped } = await loadDocuments(dir, { reader: reader() });
  assert.deepEqual(skipped, []);
  return new Map(documents.map((d) => [d.source, d]));
}

/** The section path that covers `needle` in a document (asserting the text is there). */
function sectionAt(doc: SourceDocument, needle: string): string | undefined {
  const at = doc.text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return sectionOf(doc.structure, at, at + needle.length, doc.text.length)?.path.join(" › ");
}

for (const outline of [true, false]) {
  test(`PDF ${outline ? "with an outline" : "without an outline (numbered headings)"}: pages kept, headers, page numbers and contents dropped, hyphens joined`, async () => {
    const doc = (await load({ "guide.pdf": guidePdf(outline) })).get("guide.pdf")!;
    assert.equal(doc.title, "Example Guide");
    assert.equal(doc.structure.pages.length, 4);
    assert.doesNotMatch(doc.text, /Example Guide for Admins/, "the running header is gone");
    assert.doesNotMatch(doc.text, /\. \. \./, "the table of contents is gone");
    assert.doesNotMatch(doc.text, /^\d+$/m, "page-number lines are gone");
    assert.match(doc.text, /network and praktisch no other/, "a word hyphenated at the line end is joined");
    assert.match(doc.text, /Makefile-Dateien/, "a real hyphen stays");
    assert.match(doc.text, /by default and mails a summary\./, "wrapped lines are one paragraph");

    const at = (needle: string) => doc.text.indexOf(needle);
    assert.equal(pageAt(doc.structure, at("Run the setup program")), 2);
    assert.equal(pageAt(doc.structure, at("Check the logs")), 3);
    assert.equal(pageAt(doc.structure, at("Backups run at night")), 4);
    const section = (needle: string) => sectionOf(doc.structure, at(needle), at(needle) + 10, doc.text.length)?.path.join(" › ");
    assert.equal(section("Run the setup program"), "1 Getting started › 1.1 Install");
    assert.equal(section("Check the logs"), "2 Daily work");
    assert.equal(section("Backups run at night"), "2 Daily work", "a section goes on across a page break");

    const chunks = await splitDocuments([doc], { chunkSize: 200, chunkOverlap: 0 });
    const backups = chunks.find((c) => c.text.includes("Backups run at night"))!;
    assert.equal(backups.page, 4);
    assert.equal(backups.section, "2 Daily work");
    for (const c of chunks) assert.equal(doc.text.slice(c.start, c.end), c.text);
  });
}

test("PDF of two pages: a header atop both pages goes, and the sentence running from one page onto the next is whole again", async () => {
  const header = "ACME Corp - Lab Safety Rules, Rev. 3";
  const pdf = makePdf({
    pages: [
      [header, "Lab Safety Rules", "1 General rules", "Lab coats must be worn at all times.", "2 Chemicals", "Acids are stored in the blue cabinet. Acids must never be"],
      [header, "mixed with bleach, because toxic chlorine gas forms.", "3 Waste", "Chemical waste is collected every Monday."],
    ],
  });
  const doc = (await load({ "lab.pdf": pdf })).get("lab.pdf")!;
  assert.match(doc.text, /Acids must never be\s+mixed with bleach/, "the sentence is not cut by the header");
  assert.equal(doc.text.match(/ACME Corp/g)?.length, 1, "the header stays atop the first page only, where it may as well be the title");
  assert.match(doc.text, /Lab Safety Rules/, "the title under the header stays");
  // Lines that differ in their number, or end in a full stop, are the pages' own.
  const days = (await load({ "trip.pdf": makePdf({ pages: [["Day 1", "We walk to the lake and back.", "Bring a jacket."], ["Day 2", "We take the boat to the island.", "Bring a jacket."]] }) })).get("trip.pdf")!;
  assert.match(days.text, /Day 1[\s\S]*Day 2/);
  assert.equal(days.text.match(/Bring a jacket\./g)?.length, 2);
  // A footer that differs in its page number only ("… Page 1 of 2", "… Page 2 of 2") goes from
  // both pages: the sentence running onto the next page is whole. A last line that differs in
  // another number ("Day 1", "Day 2") is the page's own.
  const footed = (await load({
    "guide.pdf": makePdf({
      pages: [
        ["Quick start", "Updates are installed automatically", "ACME Home Ltd · 06/2024 Page 1 of 2"],
        ["at night when auto update is on.", "Keep the receipt.", "ACME Home Ltd · 06/2024 Page 2 of 2"],
      ],
    }),
    "walks.pdf": makePdf({ pages: [["Walks", "We walk to the lake.", "Day 1"], ["We take the boat.", "Day 2"]] }),
    // One page that says it is the only one: its footer is no part of the last sentence.
    "leaflet.pdf": makePdf({ pages: [["Heating and airing", "Report mould to the caretaker at once.", "ACME Homes Ltd Page 1 of 1"]] }),
  }));
  assert.match(footed.get("leaflet.pdf")!.text, /to the caretaker at once\.$/);
  const guide = footed.get("guide.pdf")!;
  assert.match(guide.text, /installed automatically\s+at night/, "the sentence is not cut by the footer");
  assert.doesNotMatch(guide.text, /ACME Home Ltd|Page \d of 2/);
  assert.match(footed.get("walks.pdf")!.text, /Day 1[\s\S]*Day 2/);
});

test("PDF: a footer that says its page in another language ('Sida 1 av 3', 'Strana 1 z 2', 'Pagina 1 van 2') goes, and the sentence across pages is whole", async () => {
  const footer = (n: number, of: number, said: (n: number, of: number) => string) => `Norrby simklubb · Hamngatan 4 ${said(n, of)}`;
  const sida = (n: number, of: number) => `Sida ${n} av ${of}`;
  const docs = await load({
    "regler.pdf": makePdf({
      pages: [
        ["Regler", "Barn under tio år badar med en vuxen i", footer(1, 3, sida)],
        ["vattnet hela tiden.", "Handdukar hyrs i kassan.", footer(2, 3, sida)],
        ["Bastun stänger en halvtimme före badet.", "Besökarna gav bastun betyget", "4 av 5", "i enkäten förra året.", "Side 1", "Skivan spelas i vilrummet.", footer(3, 3, sida)],
      ],
    }),
    "rad.pdf": makePdf({
      pages: [
        // (Without its accents: the test's PDFs are written in one byte per letter.)
        ["Provozni rad", "Deti do deseti let plavou jen", "Strana 1 z 2"],
        ["s dospelym.", "Strana 2 z 2"],
      ],
    }),
    "leaflet.pdf": makePdf({ pages: [["Openingstijden", "Het zwembad is op maandag gesloten.", "Zwembad De Vijver Pagina 1 van 1"]] }),
  });
  const regler = docs.get("regler.pdf")!.text;
  assert.match(regler, /med en vuxen i\s+vattnet hela tiden\./, "the sentence is not cut by the footer");
  assert.doesNotMatch(regler, /Sida \d|Hamngatan/);
  // In mid-page, a line like a page number in another language is the page's own: a rating, a record's side.
  assert.match(regler, /betyget\s+4 av 5\s+i enkäten/);
  assert.match(regler, /Side 1/);
  assert.match(docs.get("rad.pdf")!.text, /plavou jen\s+s dospelym\./);
  assert.doesNotMatch(docs.get("rad.pdf")!.text, /Strana/);
  assert.match(docs.get("leaflet.pdf")!.text, /op maandag gesloten\.$/);
});

test("PDF: a page number between dashes ('- 1 -', '… giornata tipo - 2 -') goes with its footer, and the sentence across pages is whole", async () => {
  const docs = await load({
    "giornata.pdf": makePdf({
      pages: [
        ["Cosa mettere nello zaino", "Scarpe chiuse: non sono ammessi i sandali per le attivita", "Girasole APS - giornata tipo - 1 -"],
        ["sportive.", "Tutti gli oggetti devono avere il nome.", "Girasole APS - giornata tipo - 2 -"],
      ],
    }),
    "rules.pdf": makePdf({
      pages: [
        ["House rules", "Quiet hours start at ten in the", "- 1 -"],
        ["evening.", "Bins go out on Monday.", "- 2 -"],
        ["Guests sign the book.", "- 3 -"],
      ],
    }),
  });
  const giornata = docs.get("giornata.pdf")!.text;
  assert.match(giornata, /per le attivita\s+sportive\./, "the sentence is not cut by the footer");
  assert.doesNotMatch(giornata, /giornata tipo|- \d -/);
  const rules = docs.get("rules.pdf")!.text;
  assert.match(rules, /ten in the\s+evening\./);
  assert.doesNotMatch(rules, /- \d -/);
});

test("PDF: a footnote set apart from its superscript number, and its superscript mark in the text, become \"[1]\" as a glued one does", async () => {
  const pdf = makePdf({
    pages: [
      [
        "Lab rules",
        "Safety goggles must be worn at all times in the lab.¹ Lab coats are washed every week.",
        "Each desk has at least 6 m² of floor space, as E = mc² has nothing to do with it.",
        "Visitors sign in at the front desk.²",
        "¹ Except in the office area, where they may be taken off.",
        "² Guide dogs are welcome.",
      ],
    ],
  });
  const doc = (await load({ "rules.pdf": pdf })).get("rules.pdf")!;
  assert.match(doc.text, /in the lab\.\[1\] Lab coats/);
  assert.match(doc.text, /\n\[1\] Except in the office area/);
  assert.doesNotMatch(doc.text, /¹/);
  assert.match(doc.text, /6 m² of floor space, as E = mc² has/, "a unit's and a formula's raised number is no mark");
  assert.match(doc.text, /front desk\.\[2\]/);
  assert.match(doc.text, /\n\[2\] Guide dogs are welcome\./);
});

test("HTML without <main>: the element whose id names the content is the page, without the top bar and the sidebar box a site repeats on every page; a small box so named is not", () => {
  const chrome = (content: string) =>
    `<html><body><div id="header"><div class="topbar"><span>Service line 0800 123 45-0</span> | <a href="easy.html">Easy read</a> | <a href="sign.html">Sign language</a> | <a href="/de/">Deutsch</a></div></div>` +
    `<div id="page">${content}<div id="sidebar"><div class="box"><h3>Customer centre</h3><p>Industrial Road 12</p><p>Mon–Thu 8:00–16:00</p></div></div></div></body></html>`;
  const page = readHtml(chrome(`<div id="content" class="maincontent"><h1>Organic waste</h1><p>The organic bin is emptied every week from April to October and every two weeks in winter.</p><h2>Ordering a bin</h2><p>Order a bin with the online form; it is delivered within two weeks.</p></div>`));
  assert.ok(typeof page !== "string");
  assert.match(page.text, /emptied every week[\s\S]*delivered within two weeks/);
  assert.doesNotMatch(page.text, /Customer centre|Service line|Industrial Road/);
  assert.deepEqual(page.structure.sections.map((x) => x.path.at(-1)), ["Organic waste", "Ordering a bin"]);
  // An element called "content" that holds a small part of the page is a box of its own: the page is read whole.
  const small = readHtml(chrome(`<h1>Organic waste</h1><p>The organic bin is emptied every week from April to October and every two weeks in winter, and the bin is cleaned three times a year.</p><div id="content"><p>Updated 2024.</p></div>`));
  assert.ok(typeof small !== "string");
  assert.match(small.text, /emptied every week/);
  // Nor one below the page's title and summary (asciidoc's header): they are the page's.
  const manual = readHtml(
    `<html><body><div id="header"><h1>git-clean(1) Manual Page</h1><h2>NAME</h2><div class="sectionbody"><p>git-clean - Remove untracked files from the working tree</p></div></div>` +
      `<div id="content"><h2>DESCRIPTION</h2><p>Cleans the working tree by recursively removing files that are not under version control, starting from the current directory. Normally, only files unknown to Git are removed.</p></div></body></html>`,
  );
  assert.ok(typeof manual !== "string");
  assert.match(manual.text, /Remove untracked files from the working tree[\s\S]*Cleans the working tree/);
  // The notes after it are the page's (asciidoc without a title); a <section> named "main" is one part of a page (pandoc).
  const noted = readHtml(
    `<html><body><div id="header"></div><div id="content"><h2>Refunds</h2><p>Items are refunded within 30 days.<sup>[<a id="_footnoteref_1" href="#_footnotedef_1">1</a>]</sup> Shipping is not refunded, and a refund goes to the card that paid.</p></div>` +
      `<div id="footnotes"><hr><div class="footnote" id="_footnotedef_1"><a href="#_footnoteref_1">1</a>. Gift cards are refunded as store credit only.</div></div><div id="footer">Last updated 2024</div></body></html>`,
  );
  assert.ok(typeof noted !== "string");
  assert.match(noted.text, /Gift cards are refunded as store credit only/);
  assert.doesNotMatch(noted.text, /Last updated/);
  const sections = readHtml(`<html><body><section id="main"><h1>Main</h1><p>Roast chicken with potatoes and a green salad, for four people.</p></section><section id="desserts"><h1>Desserts</h1><p>Apple pie with cream.</p></section></body></html>`);
  assert.ok(typeof sections !== "string");
  assert.match(sections.text, /Apple pie with cream/);
});

test("HTML: a raised footnote mark linked to its note is \"[1]\", and the note it links to starts \"[1]\"; so are a note that opens with a raised number and its mark without a link; any other raised number is an exponent", () => {
  const page = readHtml(
    `<html><body><main><h1>Fees</h1><p>Late payments incur a fee of 2.5% per month.<sup><a href="#fn1" id="r1">1</a></sup> The room has 20 m<sup>2</sup>.</p>` +
      `<p>Returns cost 15%.<a href="#fn%2D2"><sup>[2]</sup></a></p><hr><ol><li id="fn1">Not for customers in Austria. <a href="#r1">↩</a></li><li id="fn-2">Only for returns after 30 days.</li></ol>` +
      `<ol><li>Open the form.</li></ol></main></body></html>`,
  );
  assert.ok(typeof page !== "string");
  assert.match(page.text, /per month\.\[1\] The room has 20 m2\./);
  assert.match(page.text, /Returns cost 15%\.\[2\]/);
  assert.match(page.text, /^\[1\] Not for customers in Austria\.$/m);
  assert.match(page.text, /^\[2\] Only for returns after 30 days\.$/m);
  assert.match(page.text, /^1\. Open the form\.$/m, "a list no mark links to keeps its numbers");
  // A note is numbered as its mark, whatever its place in the list; a linked exponent is a number.
  const swapped = readHtml(
    `<html><body><main><p>Alpha costs 5 EUR.<sup><a href="#b">2</a></sup> Beta costs 7 EUR.<sup><a href="#a">1</a></sup> The hall has 90 m<sup><a href="#units">2</a></sup>.</p>` +
      `<ol><li id="b">Only on weekdays.</li><li id="a">Only in summer.</li></ol><h2 id="units">Units</h2><p>Areas are in square metres.</p></main></body></html>`,
  );
  assert.ok(typeof swapped !== "string");
  assert.match(swapped.text, /^\[2\] Only on weekdays\.\n\[1\] Only in summer\.$/m);
  assert.match(swapped.text, /The hall has 90 m2\./);
  // Without links: a raised number that opens a paragraph is a note, and the same raised number
  // after a sentence, a "%" or a word is its mark; an exponent stays a number.
  const plain = readHtml(
    `<html><body><main><p>Late payments incur a fee of 2.5% per month.<sup>1</sup> The room has 20 m<sup>1</sup> and E = mc<sup>2</sup>.</p>` +
      `<p class="footnote"><sup>1</sup> Not for customers in Austria.</p></main></body></html>`,
  );
  assert.ok(typeof plain !== "string");
  assert.match(plain.text, /per month\.\[1\] The room has 20 m1 and E = mc2\./);
  assert.match(plain.text, /^\[1\] Not for customers in Austria\.$/m);
  // Not an isotope's number that opens a paragraph, nor an exponent before a letter or after a bracket.
  const science = readHtml(
    `<html><body><main><p><sup>14</sup>C dating measures decay.</p><p>The yield was 85%.<sup>14</sup></p>` +
      `<p>For every angle, sin<sup>2</sup>x + cos<sup>2</sup>x = 1.<sup>2</sup> The area is (a + b)<sup>2</sup> square units.</p><p><sup>2</sup> See Euler, 1748.</p></main></body></html>`,
  );
  assert.ok(typeof science !== "string");
  assert.match(science.text, /^14C dating measures decay\.\n\nThe yield was 85%\.14$/m);
  assert.match(science.text, /sin2x \+ cos2x = 1\.\[2\] The area is \(a \+ b\)2 square units\./);
  assert.match(science.text, /^\[2\] See Euler, 1748\.$/m);
});

test("PDF book: a chapter's running header goes though it is on few of all pages; footnotes come apart from the words they are glued to", async () => {
  const body = (chapter: number, page: number) => [
    `Chapter ${chapter} text on page ${page} explains what the reader needs to know about this part of the work in detail.`,
    "It goes on with more sentences that fill the page, so that the header is not the only line that repeats here.",
  ];
  const pages: string[][] = [];
  // Six chapters of three pages; each chapter's title heads its own pages only (3 of 18 pages, under 30%).
  const titles = ["Planning the Move", "Packing Rooms", "Moving Day", "Unpacking", "Paperwork", "Settling In"];
  titles.forEach((title, c) => {
    for (let p = 0; p < 3; p++) {
      const n = pages.length + 1;
      const lines = [`${title} ${n}`, ...body(c + 1, n)];
      if (c === 2 && p === 1) {
        lines.push("Book the lift for the whole morning and keep the permit1 at hand for the caretaker.", "1Das permit comes from the building office two weeks before.");
      }
      pages.push(lines);
    }
  });
  const doc = (await load({ "book.pdf": makePdf({ pages }) })).get("book.pdf")!;
  for (const title of titles) assert.doesNotMatch(doc.text, new RegExp(`${title} \\d`), `the running header "${title}" is gone`);
  assert.match(doc.text, /keep the permit\[1\] at hand/, "the mark is set apart from its word");
  assert.match(doc.text, /\n\[1\] Das permit comes from the building office/, "the footnote starts a line of its own with its number apart");
  assert.doesNotMatch(doc.text, /permit1|1Das/);
});

test("PDF text: a sentence that runs on over the foot of a page is one sentence, its words on each page cited with their page; a paragraph that ends at the foot is not joined to the next page's", async () => {
  const filler = "The club keeps its books in a cash book and a bank book, one line for every payment made.";
  const pdf = makePdf({
    pages: [
      [filler, filler, "When you have checked off every entry, the difference shown at the bottom should be"],
      ["0, and if it is not, then you compare your records with the statement line by line.", filler, "Receipts are kept for ten years in a folder per year."],
      ["A new paragraph opens this page and is not part of the one before."],
    ],
  });
  const doc = (await load({ "club.pdf": pdf })).get("club.pdf")!;
  assert.match(doc.text, /the difference shown at the bottom should be 0, and if it is not, then you compare/);
  const pageOf = (needle: string) => pageAt(doc.structure, doc.text.indexOf(needle));
  assert.equal(pageOf("should be 0"), 1);
  assert.equal(pageOf("0, and if it is not"), 2);
  assert.equal(pageOf("then you compare"), 2);
  assert.equal(pageOf("A new paragraph opens"), 3);
  assert.match(doc.text, /folder per year\.\n+A new paragraph opens/, "a sentence's end at the foot of a page ends its paragraph");
});

test("PDF text: a footnote at the foot of a page that reaches the margin without a full stop (an address) is not joined to the next page's first paragraph", async () => {
  const filler = "The club keeps its books in a cash book and a bank book, one line for every payment made.";
  const pdf = makePdf({
    pages: [
      [filler, filler, filler, "The treasurer signs the cash book at every meeting of the board.1", "1See https://example.org/club/rules/section-four/who-may-sign-the-cash-book.html"],
      ["Receipts are kept for ten years in a folder per year, filed by month and by account.", filler],
    ],
  });
  const doc = (await load({ "notes.pdf": pdf })).get("notes.pdf")!;
  assert.match(doc.text, /\[1\] See https:\S+\.html\n+Receipts are kept/, "the footnote ends its block; the page's text is not part of it");
  assert.equal(pageAt(doc.structure, doc.text.indexOf("Receipts are kept")), 2);
});

test("PDF outline: a bookmark is looked for on the page it points to, so a generic title is not taken early; a heading wrapped onto two lines is found", async () => {
  const pdf = makePdf({
    pages: [
      ["Introduction", "This book covers the bookkeeping of a small club.", "General", "A line that happens to say the title of a later chapter."],
      ["More of the introduction, which goes on for a while about members and fees."],
      ["General", "Every club keeps a cash book and a bank book.", "Details", "The cash book lists each payment on its own line."],
      ["Keeping the Records of Every Payment and", "Every Receipt", "Receipts are kept for ten years in a folder per year."],
    ],
    outline: [
      { title: "Introduction", page: 1 },
      { title: "General", page: 3, children: [{ title: "Details", page: 3 }] },
      { title: "Keeping the Records of Every Payment and Every Receipt", page: 4 },
    ],
  });
  const doc = (await load({ "club.pdf": pdf })).get("club.pdf")!;
  const section = (needle: string) => sectionAt(doc, needle);
  assert.equal(section("A line that happens to say"), "Introduction", "the word on page 1 is not the chapter of page 3");
  assert.equal(section("Every club keeps a cash book"), "General");
  assert.equal(section("The cash book lists"), "General › Details");
  assert.equal(section("Receipts are kept for ten years"), "Keeping the Records of Every Payment and Every Receipt");
});

test("PDF outline: a bookmark names its heading whatever mark stands between number and title ('Chapter 2: …' for 'Chapter 2 – …', a control character where a dash was lost)", async () => {
  const pdf = makePdf({
    pages: [
      ["House Rules", "These rules apply to every resident, tenant and visitor of the building.", "Chapter 1 – General", "The building has two towers of eighteen floors each."],
      ["Chapter 2 – Quiet hours", "Quiet hours are from 22:00 to 8:00 on weekdays.", "Chapter 3 – Pets", "Dogs must be kept on a short lead in all shared areas."],
    ],
    outline: [{ title: "House Rules", page: 1, children: [{ title: "Chapter 1 \u0013 General", page: 1 }, { title: "Chapter 2: Quiet hours", page: 2 }, { title: "Chapter 3 Pets", page: 2 }] }],
  });
  const doc = (await load({ "rules.pdf": pdf })).get("rules.pdf")!;
  assert.equal(sectionAt(doc, "The building has two towers"), "House Rules › Chapter 1 – General");
  assert.equal(sectionAt(doc, "Quiet hours are from"), "House Rules › Chapter 2 – Quiet hours");
  assert.equal(sectionAt(doc, "Dogs must be kept"), "House Rules › Chapter 3 – Pets");
});

test("PDF outline: a chapter title that heads its later pages is still its heading; a title wrapped at a hyphen is found; a part's contents page is not the chapter", async () => {
  const prose = (n: number) => `Page ${n} of the manual says something about accounts and how the books are kept in order.`;
  const pages: string[][] = [
    ["Part I. Basics", "Overview", "Introduction"],
    ["Chapter 1. Overview", "Introduction", "The program keeps the books of a household or a small firm."],
    ["Chapter 1. Overview", "Reconciling with the Loan Statements (How-", "To)", "Open the loan account and tick every transaction on the statement."],
    ["Glossary", "Account An account keeps track of what you own, owe, spend or receive."],
  ];
  for (let n = 5; n <= 10; n++) pages.push(["Glossary", `Term${n} A term explained on page ${n} of the glossary.`, prose(n)]);
  const pdf = makePdf({
    pages,
    outline: [
      { title: "Part I. Basics", page: 1, children: [{ title: "Chapter 1. Overview", page: 2, children: [{ title: "Introduction", page: 2 }, { title: "Reconciling with the Loan Statements (How-To)", page: 3 }] }] },
      { title: "Glossary", page: 4 },
    ],
  });
  const doc = (await load({ "manual.pdf": pdf })).get("manual.pdf")!;
  assert.equal(sectionAt(doc, "The program keeps the books"), "Part I. Basics › Chapter 1. Overview › Introduction", "the contents line on page 1 is not the section");
  assert.equal(sectionAt(doc, "Open the loan account"), "Part I. Basics › Chapter 1. Overview › Reconciling with the Loan Statements (How-To)");
  assert.equal(sectionAt(doc, "Account An account keeps track"), "Glossary", "the running header's first page keeps its heading");
  assert.equal(sectionAt(doc, "Term9 A term"), "Glossary");
  assert.doesNotMatch(doc.text, /Glossary\s+Term/, "the running header is still dropped from the pages after");
});

test("PDF outline: a chapter title wrapped onto two lines as its running header is wrapped heads the chapter, and the header still goes from the pages after", async () => {
  const pages: string[][] = [
    ["Chapter 4. Windows and Menus", "The main window lists the accounts of the open file."],
    ["Windows and Menus", "The menu bar holds the File, Edit and View menus.", "Page 2 of the book says more about menus."],
    ["Windows and Menus", "The toolbar repeats the most used menu items.", "Page 3 of the book says more about menus."],
    ["Windows and Menus", "Context menus open with a right click.", "Page 4 of the book says more about menus."],
    ["Chapter 5. Setting Up, Editing &", "Working with Accounts", "This chapter describes setting up and editing the accounts of a book."],
    ["Setting Up, Editing &", "Working with Accounts", "Types of Accounts", "A bank account keeps track of money in a bank.", "Page 6 of the book."],
    ["Setting Up, Editing &", "Working with Accounts", "Renumbering Subaccounts", "The codes of subaccounts can be renumbered in steps of ten.", "Page 7 of the book."],
    ["Setting Up, Editing &", "Working with Accounts", "An equity account holds the opening balances.", "Page 8 of the book."],
  ];
  const pdf = makePdf({
    pages,
    outline: [
      { title: "Chapter 4. Windows and Menus", page: 1 },
      { title: "Chapter 5. Setting Up, Editing & Working with Accounts", page: 5, children: [{ title: "Types of Accounts", page: 6 }, { title: "Renumbering Subaccounts", page: 7 }] },
    ],
  });
  const doc = (await load({ "help.pdf": pdf })).get("help.pdf")!;
  assert.equal(sectionAt(doc, "This chapter describes setting up"), "Chapter 5. Setting Up, Editing & Working with Accounts");
  assert.equal(sectionAt(doc, "The codes of subaccounts"), "Chapter 5. Setting Up, Editing & Working with Accounts › Renumbering Subaccounts");
  assert.equal(sectionAt(doc, "An equity account"), "Chapter 5. Setting Up, Editing & Working with Accounts › Renumbering Subaccounts");
  assert.equal(doc.text.match(/Working with Accounts/g)?.length, 1, "the running header is dropped from the pages after the chapter's first");
});

test("PDF outline: a long question wrapped onto three lines is its heading, though the page sets its quotes and apostrophes where the bookmark has plain ones", async () => {
  const pdf = makePdf({
    pages: [
      [
        "5.5 What is missing from the system?",
        "A list of programs that still need packaging is kept on the web site.",
        "5.6 Why do I get \u201Dld: cannot find -lfoo\u201D messages when compil-",
        "ing programs? Why aren\u2019t there any libfoo.so files in the library",
        "packages?",
        "Such links are placed in separate development packages, usually named libfoo-dev.",
      ],
    ],
    outline: [
      { title: "5.5 What is missing from the system?", page: 1 },
      { title: 'Why do I get "ld: cannot find -lfoo" messages when compiling programs? Why aren\'t there any libfoo.so files in the library packages?', page: 1 },
    ],
  });
  const doc = (await load({ "faq.pdf": pdf })).get("faq.pdf")!;
  assert.equal(sectionAt(doc, "A list of programs"), "5.5 What is missing from the system?");
  assert.match(sectionAt(doc, "Such links are placed") ?? "", /^5\.6 Why do I get .ld: cannot find -lfoo. messages when compiling programs\? Why aren.t there any libfoo\.so files in the library packages\?$/);
});

test("PDF without an outline: a numbered heading with a number in its title is a heading, and so are the ones after it; a numbered row of figures is not", async () => {
  const pdf = makePdf({
    pages: [
      [
        "Errata, version 1.1",
        "1. End of the game",
        "In a two-player game the end is triggered at 15 prestige points.",
        "2. Order card no. 27 \u201CSilk for Lyon\u201D",
        "The card was printed with 3 prestige points. It should show 4.",
        "3. Repaying debt",
        "A debt token can be repaid at any time during your turn.",
        "4 Basic 9 10 GB",
        "Plans are billed per month.",
      ],
    ],
  });
  const recipe = makePdf({ pages: [["1 Introduction", "Bread is easy to bake at home.", "1. Mix 500 g flour and water", "2. Wait 30 minutes", "3. Bake for 45 minutes", "2 Storage", "Keep the loaf in a paper bag."]] });
  const docs = await load({ "errata.pdf": pdf, "bread.pdf": recipe });
  const doc = docs.get("errata.pdf")!;
  // A list's steps with a number in them are no headings, and the heading after them is found.
  assert.equal(sectionAt(docs.get("bread.pdf")!, "Wait 30 minutes"), "1 Introduction");
  assert.equal(sectionAt(docs.get("bread.pdf")!, "Keep the loaf"), "2 Storage");
  assert.equal(sectionAt(doc, "It should show 4."), "2. Order card no. 27 \u201CSilk for Lyon\u201D");
  assert.equal(sectionAt(doc, "A debt token can be repaid"), "3. Repaying debt");
  assert.equal(sectionAt(doc, "Plans are billed per month."), "3. Repaying debt", "a row of figures that follows the numbers is no heading");
});

test("PDF without an outline: a meeting's agenda, numbered as its sections are, is a list under its title; the sections further on are the headings", async () => {
  const minutes = makePdf({
    pages: [
      [
        "Minutes of the general meeting",
        "The meeting opened at two o'clock with six hundred members present.",
        "Agenda",
        "1. Annual report 2024",
        "2. Accounts and use of the result",
        "3. Second shop",
        "4. Other business",
        "1. Annual report 2024",
        "The chair reports a turnover of 2.7 million for the year.",
        "2. Accounts",
        "The accounts are approved by 571 votes.",
        "3. Second shop",
        "The board may go on with the plans for a second shop.",
        "4. Other business",
        "The next meeting is on 18 October.",
      ],
    ],
  });
  const doc = (await load({ "minutes.pdf": minutes })).get("minutes.pdf")!;
  assert.match(doc.text, /2\. Accounts and use of the result\s+3\. Second shop\s+4\. Other business/, "the agenda stays whole, as text");
  // …under its title: a short line over a numbered list's first step heads it.
  assert.equal(sectionAt(doc, "Accounts and use of the result"), "Agenda");
  assert.equal(sectionAt(doc, "a turnover of 2.7 million"), "1. Annual report 2024");
  assert.equal(sectionAt(doc, "a second shop."), "3. Second shop");
  assert.equal(sectionAt(doc, "The next meeting"), "4. Other business");
  // Not the heading after a procedure's steps, which end their sentences, nor two headings in a
  // row (an empty section's and the next one's).
  const manual = makePdf({
    pages: [
      [
        "1. Overview",
        "The router connects your home to the Internet.",
        "2. Installation",
        "Set the router up in three steps.",
        "1. Plug the router into power.",
        "2. Connect the cable to the wall socket.",
        "3. Configuration",
        "Open the web interface at 192.168.8.1 in a browser.",
        "4. Guests",
        "5. Troubleshooting",
        "A red light means the cable is not connected.",
      ],
    ],
  });
  const router = (await load({ "router.pdf": manual })).get("router.pdf")!;
  assert.equal(sectionAt(router, "Open the web interface"), "3. Configuration");
  assert.equal(sectionAt(router, "A red light means"), "5. Troubleshooting");
  // An agenda across a page break, with an item wrapped onto a second line; a list of questions.
  const split = makePdf({
    pages: [
      ["Minutes of the annual meeting", "The chair opened the meeting at seven with forty members present.", "Agenda", "1. Opening", "2. Report of the treasurer and of the", "auditors"],
      ["3. Budget 2025", "4. Any other business", "1. Opening", "The chair welcomed the new secretary.", "2. Report of the treasurer and of the auditors", "The accounts were approved.", "3. Budget 2025", "The budget was adopted.", "4. Any other business", "None was raised."],
    ],
  });
  const faq = makePdf({
    pages: [
      [
        "Members' questions",
        "The answers below were updated in March.",
        "1. How do I register?",
        "2. What does it cost?",
        "3. Can I cancel?",
        "1. How do I register?",
        "Fill in the form at the desk.",
        "2. What does it cost?",
        "Membership costs 40 euros a year.",
        "3. Can I cancel?",
        "Cancel in writing before the end of the month.",
      ],
    ],
  });
  const more = await load({ "split.pdf": split, "faq.pdf": faq });
  assert.equal(sectionAt(more.get("split.pdf")!, "welcomed the new secretary"), "1. Opening");
  assert.equal(sectionAt(more.get("split.pdf")!, "The budget was adopted."), "3. Budget 2025");
  assert.equal(sectionAt(more.get("faq.pdf")!, "40 euros"), "2. What does it cost?");
  assert.equal(sectionAt(more.get("faq.pdf")!, "Cancel in writing"), "3. Can I cancel?");
});

test("PDF without an outline: a line that goes on from the paragraph above is no title over a numbered list", async () => {
  const pdf = makePdf({
    pages: [
      [
        "Registration",
        "Children register for the summer weeks with a form that is described on the website of the",
        "City Council",
        "1. Fill in the online form with the child's details and the weeks you want.",
        "2. Pay the fee within seven days of the confirmation that you receive by mail.",
        "Places are given in the order the forms arrive, and the waiting list is kept.",
      ],
    ],
  });
  const doc = (await load({ "reg.pdf": pdf })).get("reg.pdf")!;
  assert.equal(sectionAt(doc, "Fill in the online form"), "Registration");
  assert.match(doc.text, /website of the\s+City Council/);
});

test("PDF without an outline or numbers: a short title line over a paragraph heads it, even after a full line; short lines together (an address, a table's rows), a caption, a stamp, a note's label and a table's header row do not", async () => {
  const pdf = makePdf({
    pages: [
      [
        "Recycling and rubbish",
        "Westbridge Borough Council, Waste and Street Services, Edition 4, January 2025, for all flats",
        "Communal bins",
        "Most blocks of flats share large communal bins kept in a bin store, emptied twice a week on",
        "Monday and Thursday. If your bin store is full before the collection day, ask for an extra one.",
        "Food waste in flats",
        "Blocks with 10 or more flats can ask for a communal food waste bin. Each household receives a",
        "kitchen caddy.",
        "Westbridge Borough Council",
        "Town Hall, Market Street",
        "Plan Price Storage",
        "Basic 9 10 GB",
        "Pro 19 100 GB",
        "Write to the council with your address and the name of your block, and we answer within a week.",
        "Figure 3 Collections by year",
        "The chart shows the tonnes of waste collected from flats in each of the last five years.",
        "CONFIDENTIAL",
        "The figures for the current year are not yet checked by the auditors and may still change.",
        "Contact",
        "Write to waste@westbridge.example or call the council on weekdays between nine and five.",
        "Note",
        "Calls are recorded for training purposes and deleted after thirty days by the council.",
        "Code Meaning What to do",
        "E11 Water does not flow in, or flows in too slowly. Check that the tap is open and the hose is not kinked.",
        "E23 Drain pump fault. Contact customer service on weekdays between nine and five, or write to us.",
        "Paper sizes",
        "A4 sheets are used for letters and for most of the forms that the office sends out each week.",
        "A3 sheets are used for posters and plans; ask the front desk for a roll of them when you need it.",
      ],
    ],
  });
  const doc = (await load({ "flats.pdf": pdf })).get("flats.pdf")!;
  assert.equal(sectionAt(doc, "Most blocks of flats"), "Communal bins");
  assert.equal(sectionAt(doc, "Blocks with 10 or more flats"), "Food waste in flats", "a heading after a full line that ends a sentence");
  assert.match(doc.text, /\nFood waste in flats\n/, "not glued to the line before");
  assert.equal(sectionAt(doc, "Write to the council"), "Food waste in flats", "an address and a table's rows head nothing");
  assert.equal(sectionAt(doc, "The chart shows"), "Food waste in flats", "nor does a figure's caption");
  assert.equal(sectionAt(doc, "The figures for the current year"), "Food waste in flats", "nor a stamp");
  // A word alone in lower case after its capital heads what follows, unless it labels a note.
  assert.equal(sectionAt(doc, "Write to waste@"), "Contact");
  assert.equal(sectionAt(doc, "Calls are recorded"), "Contact", "a note's label heads nothing");
  assert.equal(sectionAt(doc, "E11 Water does not"), "Contact", "nor a table's header row over rows that open with codes");
  assert.equal(sectionAt(doc, "A3 sheets are used"), "Paper sizes", "paragraphs that open with 'A4', 'A3' are no table's rows");
});

test("PDF without an outline: numbered clauses whose sentence runs on over the next line ('5.1 Well-behaved dogs are welcome … on a' / 'leash at all times.') are text under their section; a numbered heading stays one", async () => {
  const pdf = makePdf({
    pages: [
      [
        "4. Kitchen",
        "4.1 Tea, coffee and milk are free for members and their signed-in guests. Label your food in",
        "the fridge with your name and the date; the fridge is emptied every Friday at 4pm.",
        "5. Pets",
        "5.1 Well-behaved dogs are welcome on the second floor (The Spindle and Studios) on a",
        "leash at all times.",
        "5.2 Other pets are not allowed.",
        "6. Events",
        "6.1 Booking an event space",
        "Members who want to run an event for more than 15 people must ask at reception first.",
        "6.2 Termination of a booking, the return of deposits and of keys and",
        "cards issued for the event",
        "A member may cancel a booking in writing up to one week before the event.",
      ],
    ],
  });
  const doc = (await load({ "rules.pdf": pdf })).get("rules.pdf")!;
  assert.equal(sectionAt(doc, "leash at all times"), "5. Pets");
  assert.equal(sectionAt(doc, "Label your food"), "4. Kitchen");
  assert.match(doc.text, /on a leash at all times\./, "the clause's sentence is one");
  assert.equal(sectionAt(doc, "Members who want to run"), "6. Events › 6.1 Booking an event space", "a short numbered heading is one");
  assert.match(sectionAt(doc, "A member may cancel") ?? "", /^6\. Events › 6\.2 Termination of a booking/, "a long heading wrapped without a sentence's end is one");
});

test("PDF without an outline: a statute's sections head their text, a long one ('§ 7 Rechte und Pflichten der Mitglieder'), one over a lead-in to a list ('Organe des Vereins sind:') and one at a page's foot; a wrapped reference to a section ('§ 26 BGB …') heads nothing", async () => {
  const pdf = makePdf({
    pages: [
      [
        "§ 6 Mitgliedsbeiträge",
        "(1) Von den Mitgliedern werden Beiträge erhoben. Höhe und Fälligkeit der",
        "Jahresbeiträge werden in einer Beitragsordnung der Versammlung festgesetzt.",
        "(2) Ehrenmitglieder sind von der Beitragspflicht befreit.",
        "§ 7 Rechte und Pflichten der Mitglieder",
        "(1) Die Mitglieder sind berechtigt, an den Veranstaltungen des Vereins teilzu-",
        "nehmen und die Einrichtungen des Vereins nach der Platzordnung zu nutzen.",
        "(2) Stimmberechtigt sind Mitglieder ab Vollendung des 16. Lebensjahres.",
        "§ 8 Organe des Vereins",
        "Organe des Vereins sind:",
        "a) die Mitgliederversammlung,",
        "b) der Vorstand.",
        "§ 9 Vorstand",
      ],
      [
        "(1) Der Vorstand besteht aus dem oder der Vorsitzenden und dem Kassenwart.",
        "Er vertritt den Verein gerichtlich und außergerichtlich als Vorstand nach",
        "§ 26 BGB, durch zwei seiner Mitglieder gemeinsam und ohne Vollmacht im",
        "Rechtsverkehr und vor Gericht.",
        "(2) Der Vorstand wird von der Mitgliederversammlung für zwei Jahre gewählt.",
      ],
    ],
  });
  const doc = (await load({ "satzung.pdf": pdf })).get("satzung.pdf")!;
  assert.equal(sectionAt(doc, "Stimmberechtigt sind"), "§ 7 Rechte und Pflichten der Mitglieder");
  assert.equal(sectionAt(doc, "a) die Mitgliederversammlung"), "§ 8 Organe des Vereins");
  assert.equal(sectionAt(doc, "Der Vorstand wird von"), "§ 9 Vorstand", "a title at a page's foot heads the next page's paragraph");
  assert.equal(sectionAt(doc, "und vor Gericht"), "§ 9 Vorstand", "a wrapped reference is no heading");
});

test("PDF without an outline: a title line over a table (its header row, or its rows of figures at once) heads it, after a sentence, a bullet's item or a title in capitals; a table's header row under a numbered heading does not", async () => {
  const pdf = makePdf({
    pages: [
      [
        "PRICES AND OPENING HOURS",
        "Opening hours",
        "These hours apply from January to December, except on the public holidays listed below.",
        "Day Pool Sauna Gym",
        "Monday 06.00–20.00 06.00–20.00 06.00–21.00",
        "Tuesday 06.00–20.00 12.00–21.00 06.00–21.00",
        "The till closes 45 minutes before the pool does, and the pools are cleared 20 minutes before.",
        "Holidays",
        "Every public holiday the hall opens at ten in the morning and closes early in the afternoon.",
        "- Christmas Eve: closed",
        "Admission",
        "Swim 80 kr 45 kr 60 kr",
        "Swim and sauna 110 kr 60 kr 85 kr",
        "Children under 7 swim for free with a paying adult, and a family ticket covers up to three children.",
        "3. Total costs of the building 2023",
        "Cost type Total 2023",
        "Property tax 3.918,40 EUR",
        "Water and sewage 7.204,15 EUR",
        "These costs are shared by all flats of the building according to their floor area in square metres.",
        "Payment terms",
        "Invoices are payable within 30 days of receipt by bank transfer, and late payments accrue 2",
        "percent interest per month; reminders are sent after 14 and 28 days by post and by e-mail, and",
        "after 42 days the claim goes to a collection agency, which charges its own fees on top of it.",
        "Our member prices are listed in the table below and apply from the first of January for all",
        "Members",
        "Item Price Stock",
        "Bread 2.50 EUR 40",
        "Milk 1.20 EUR 25",
      ],
    ],
  });
  const doc = (await load({ "prices.pdf": pdf })).get("prices.pdf")!;
  assert.equal(sectionAt(doc, "These hours apply"), "Opening hours", "after a title in capitals");
  assert.equal(sectionAt(doc, "Tuesday 06.00"), "Opening hours");
  assert.equal(sectionAt(doc, "Swim and sauna 110"), "Admission", "after a bullet's item, over rows of figures");
  assert.equal(sectionAt(doc, "Children under 7"), "Admission");
  assert.equal(sectionAt(doc, "Water and sewage"), "3. Total costs of the building 2023", "a header row under a numbered heading is the table's");
  assert.match(sectionAt(doc, "Invoices are payable") ?? "", /Payment terms$/, "prose that gives two numbers is no table's row");
  assert.match(sectionAt(doc, "Milk 1.20") ?? "", /Payment terms$/, "a line that goes on from a full line that ends no sentence heads no table");
});

test("PDF release notes: a version's line with its date ('Version 2.4.0 – 20 May 2024') heads its notes, though it opens as a caption and holds a row of figures", async () => {
  const pdf = makePdf({
    pages: [
      [
        "Firmware release notes",
        "Updates are installed automatically at night when automatic updates are switched on in the app.",
        "Version 2.4.1 – 10 June 2024",
        "• Fixed: after a power cut, holiday mode could end early.",
        "• Improved: the network reconnects faster after the router restarts.",
        "Version 2.4.0 – 20 May 2024",
        "• New: support for the Matter standard, so the thermostat can be added to more home controllers.",
        "Figure 3 Installed versions by month",
        "The chart shows how many thermostats ran each version in each month of the last year.",
        "Stand 01.05.2024",
        "These notes are updated with every release and sent to all registered owners by e-mail.",
      ],
    ],
  });
  const doc = (await load({ "notes.pdf": pdf })).get("notes.pdf")!;
  assert.equal(sectionAt(doc, "Fixed: after a power cut"), "Version 2.4.1 – 10 June 2024");
  assert.equal(sectionAt(doc, "New: support for the Matter"), "Version 2.4.0 – 20 May 2024");
  assert.equal(sectionAt(doc, "The chart shows"), "Version 2.4.0 – 20 May 2024", "a caption without a date heads nothing");
  assert.equal(sectionAt(doc, "These notes are updated"), "Version 2.4.0 – 20 May 2024", "nor a date without a version's number");
});

test("PDF outline: a roman-numbered heading wrapped onto two lines is found", async () => {
  const { structurePdfPages } = await import("../../src/documents/pdf.js");
  const key = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  const outline = ["Scope of this agreement and the services that the provider renders", "Payment terms"].map((title) => ({ title, key: key(title), depth: 0, page: 1 }));
  const page = ["Some opening remarks on the contract between the parties named above.", "IV. Scope of this agreement and the services that", "the provider renders", "The provider renders hosting and support services as set out in the annex.", "Payment terms", "Invoices are due within thirty days."].join("\n");
  const { structure } = structurePdfPages([page], outline);
  assert.deepEqual(structure.sections.map((s) => s.path), [["IV. Scope of this agreement and the services that the provider renders"], ["Payment terms"]]);
});

test("PDF outline: an appendix whose heading line says \"Appendix B\" before the bookmark's title heads its sections, not the last chapter", async () => {
  const { structurePdfPages } = await import("../../src/documents/pdf.js");
  const key = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  const entries = [
    { title: "14 OS facilities", depth: 0 },
    { title: "B Invoking R", depth: 0 },
    { title: "Invoking R under Windows", depth: 1 },
    { title: "Chapter summary", depth: 0 },
  ];
  const outline = entries.map((e) => ({ ...e, key: key(e.title), page: 1 }));
  const page = [
    "14 OS facilities",
    "R has facilities to access the operating system.",
    "Appendix B Invoking R",
    "Users of R on Windows or macOS should read the section for their system first.",
    "B.2 Invoking R under Windows",
    "There are two ways to run R under Windows.",
    "Part of the chapter summary is written here, not a heading.",
  ].join("\n");
  const { structure } = structurePdfPages([page], outline);
  assert.deepEqual(
    structure.sections.map((s) => s.path),
    [["14 OS facilities"], ["Appendix B Invoking R"], ["Appendix B Invoking R", "B.2 Invoking R under Windows"]],
  );
  // On the page before the bookmark's, a line with a chapter word is a preface's list of the parts.
  const book = [
    { title: "Preface", depth: 0, page: 1 },
    { title: "1 Getting Started", depth: 0, page: 2 },
  ].map((e) => ({ ...e, key: key(e.title) }));
  const preface = ["Preface", "This book is organized in three parts:", "Part 1 Getting Started", "explains how to install the program and open a first file."].join("\n");
  const chapter = ["Part 1 Getting Started", "Start the program from the menu of your desktop."].join("\n");
  const parted = structurePdfPages([preface, chapter], book);
  assert.deepEqual(parted.structure.sections.map((s) => s.path), [["Preface"], ["Part 1 Getting Started"]]);
  assert.ok(parted.structure.sections[1]!.start > parted.text.indexOf("explains how to install"), "the preface's list is the preface's text");
});

test("PDF text: a caption and a note box's heading start their own line, even after a line that reached the margin", async () => {
  const pdf = makePdf({
    pages: [
      [
        FILLER,
        "Figure 2.1. The account tree after the first transactions were entered",
        FILLER,
        "Tip",
        "Press the Tab key to complete an account name.",
        FILLER,
        "Anführungszeichen setzt man mit dem Paket csquotes in allen Sprachen.",
        "This sentence is long enough to reach the right margin of the page and tells of the upgrade to",
        "Version 2.4. It added a new module.",
      ],
    ],
  });
  const doc = (await load({ "guide.pdf": pdf })).get("guide.pdf")!;
  assert.match(doc.text, /wraps on\.\nFigure 2\.1\. The account tree/, "the caption is not the end of the sentence before");
  assert.match(doc.text, /wraps on\.\nTip\nPress the Tab key/, "the note's heading is a line of its own");
  assert.match(doc.text, /wraps on\. Anführungszeichen setzt man/, "a paragraph that goes on is still one");
  assert.match(doc.text, /upgrade to Version 2\.4\. It added/, "a caption-like line in mid-sentence goes on with it");
});

test("PDF outline: a running header that names the section starting lower on its page is not taken for the heading; a title wrapped at a suspended hyphen is found", async () => {
  const prose = (n: number) => `Page ${n} goes on about the accounts of the household and how they are kept in order over the year.`;
  // Each page is headed by the section it ends in (as LaTeX's \\rightmark does); "Transactions" starts halfway down page 4.
  const pages: string[][] = [1, 2, 3].map((n) => ["Account Types", prose(n), `${n}`]);
  pages.push(["Transactions", "The last account type is equity, which closes the list of types.", "Transactions", "A transaction moves money between two accounts.", "4"]);
  pages.push(["Transactions", prose(5), "Ein-", "und Ausgaben buchen", "Income and expenses are booked as transactions too.", "5"]);
  pages.push(["Transactions", prose(6), "6"]);
  const pdf = makePdf({
    pages,
    outline: [
      { title: "Account Types", page: 1 },
      { title: "Transactions", page: 4, children: [{ title: "Ein- und Ausgaben buchen", page: 5 }] },
    ],
  });
  const doc = (await load({ "book.pdf": pdf })).get("book.pdf")!;
  assert.equal(sectionAt(doc, "The last account type is equity"), "Account Types", "the page's top is still the section before");
  assert.equal(sectionAt(doc, "A transaction moves money"), "Transactions");
  assert.doesNotMatch(doc.text, /Transactions\s+The last account type/, "the header line is gone");
  assert.equal(sectionAt(doc, "Income and expenses are booked"), "Transactions › Ein- und Ausgaben buchen");
});

test("PDF text: reference brackets lose the blanks pdf.js adds, and a word hyphenated inside brackets is joined", async () => {
  const pdf = makePdf({
    pages: [
      ["As shown before [1 ] and in [ 2, 4 ], the setup needs a network (sie-", "he Abschnitt 2) and nothing else."],
    ],
  });
  const doc = (await load({ "notes.pdf": pdf })).get("notes.pdf")!;
  assert.match(doc.text, /As shown before \[1\] and in \[2, 4\], the setup/);
  assert.match(doc.text, /network \(siehe Abschnitt 2\)/);
});

test("PDF text: a word broken at a line end is written as the document writes it elsewhere", async () => {
  const pdf = makePdf({
    pages: [
      [
        "GnuCash keeps a short-term loan apart. Ein- und Ausgaben, Aktien and Fonds are booked on the page.",
        "Send an Email to the state-of-the-art help desk.",
        "Open the program: the Gnu-",
        "Cash window shows each short-",
        "term loan, Bank-, Bar-, Aktien-",
        "und Fondskonten, and prak-",
        "tisch tools. Our E-",
        "Mail-Adresse is on the state-",
        "of-the-art page.",
      ],
    ],
  });
  const doc = (await load({ "book.pdf": pdf })).get("book.pdf")!;
  assert.match(doc.text, /the GnuCash window/, "joined where the document writes the word in one");
  assert.match(doc.text, /each short-term loan/, "the hyphen kept where the document writes it with one");
  assert.match(doc.text, /Bar-, Aktien- und Fondskonten/, "a suspended hyphen before a word that follows such hyphens elsewhere");
  assert.match(doc.text, /praktisch tools/, "an unknown word is still joined before a lower-case line");
  assert.match(doc.text, /Our E-Mail-Adresse/, "not joined where the word goes on in a chain of hyphens");
  assert.match(doc.text, /the state-of-the-art page/, "a pair of a longer chain the document writes keeps its hyphen");
});

test("HTML: only the main content, headings as the section path, code kept as a block, spaces around inline elements", async () => {
  const html = `<!DOCTYPE html><html><head><title>6.2. APT Commands</title>
    <link rel="canonical" href="https://example.org/apt.html"></head><body>
    <div id="banner"><a href="/">Download the ebook</a></div>
    <nav><ul><li><a href="/a">Home</a></li><li><a href="/b">Next chapter</a></li></ul></nav>
    <ul class="docnav"><li><a href="p.html">Prev</a></li></ul>
    <div class="section"><h2>6.2. APT Commands</h2>
      <p>APT is a   vast project.</p>
      <h3>6.2.2. Installing and Removing</h3>
      <p>To install a simple <code>.deb</code> file with its dependencies, use:</p>
      <pre>
# apt install ./package.deb
# apt purge package
</pre>
      <ul><li>first point</li><li>second <em>point</em></li></ul>
    </div>
    <footer>Copyright 2024 Example</footer><script>track()</script></body></html>`;
  const doc = (await load({ "apt.html": html })).get("apt.html")!;
  assert.equal(doc.title, "6.2. APT Commands");
  assert.equal(doc.url, "https://example.org/apt.html");
  for (const chrome of ["Download the ebook", "Home", "Next chapter", "Prev", "Copyright", "track"]) assert.ok(!doc.text.includes(chrome), chrome);
  assert.match(doc.text, /a simple \.deb file with its dependencies, use:/);
  assert.match(doc.text, /use:\n\n# apt install \.\/package\.deb\n# apt purge package\n\n• first point\n• second point$/);
  assert.match(doc.text, /APT is a vast project\./);
  const at = doc.text.indexOf("# apt install");
  assert.equal(sectionOf(doc.structure, at, at + 5, doc.text.length)?.path.join(" › "), "6.2. APT Commands › 6.2.2. Installing and Removing");
});

test("HTML site chrome without names: breadcrumb, language bar, link rows (a Texinfo page's \"Next: … [Index]\") and numbered contents lists go; permalink marks leave headings; a note's heading ends with its box", async () => {
  // Shaped like a real manual page, with class names no rule knows.
  const html = `<!DOCTYPE html><html lang="en"><head><title>Stopping and Restarting - Web Server</title></head><body>
    <div id="pg-top"><a href="/">Server</a> &gt; <a href="/docs">Documentation</a> &gt; <a href="/docs/2.4">Version 2.4</a></div>
    <p class="hdr">Next: <a href="next.html">Logging</a>, Previous: <a href="prev.html">Installing</a>, Up: <a href="index.html">Manual</a> &nbsp; [<a href="ix.html">Index</a>]</p>
    <div id="pg-body">
      <div class="c1"><p>1. <a href="#o">Overview of signals</a><br>1.1. <a href="#p">Process handling</a><br>1.2. <a href="#r">Restarting children</a><br>2. <a href="#s">Logs</a><br>A. <a href="#q">Appendix on exit codes</a></p></div>
      <h1>Stopping and Restarting the Server</h1>
      <div class="langs"><p><span>Available Languages: </span><a href="de">&nbsp;de&nbsp;</a> | <a href="en">&nbsp;en&nbsp;</a> | <a href="fr">&nbsp;fr&nbsp;</a> | <a href="ja">&nbsp;ja&nbsp;</a></p></div>
      <p>This document covers stopping and restarting the server on Unix-like systems.</p>
      <div id="qv"><h3>Topics</h3><ul><li><img src="down.gif"> <a href="#graceful">Graceful Restart</a></li><li><a href="#stop">Stop Now</a></li></ul>
        <h3>See also</h3><ul class="also"><li><a href="signals.html">Signal handling</a></li></ul></div>
      <div class="part">
        <h2><a name="graceful">Graceful Restart</a> <a class="mark" href="#graceful">¶</a></h2>
        <p>The parent process advises the children to exit after their current request.</p>
        <div class="box"><h3>Note:</h3><p>Children that are idle exit at once.</p></div>
        <p>The configuration is read again and new children start with it.</p>
      </div>
      <p><a href="a.html">Stopping</a>, <a href="b.html">Restarting</a>, <a href="c.html">Logs</a></p>
      <p>See <a href="signals.html">the signals page</a> for details on the signals, which the server handles in order of arrival.</p>
      <table><tr class="r"><td>2.1. <a href="#a">Why do the children exit late?</a><br>2.2. <a href="#b">Why is the log empty?</a></td></tr>
        <tr><td><b>2.1. Why do the children exit late?</b></td></tr><tr><td>They finish their current request first.</td></tr>
        <tr><td><a href="w.html">Worker</a></td><td>A process that serves requests.</td></tr>
        <tr><td><a href="s.html">--suppressions</a></td><td><a href="sf.html">Suppression files</a></td></tr></table>
      <p><a href="v.html">Valgrind</a> 3.22 <a href="n.html">release notes</a></p>
    </div></body></html>`;
  const doc = (await load({ "stopping.html": html })).get("stopping.html")!;
  for (const chrome of ["Documentation", "Version 2.4", "Available Languages", "| en |", "¶", "Stopping, Restarting, Logs", "Topics", "See also", "Signal handling", "Stop Now", "Previous:", "Overview of signals", "Appendix on exit codes"]) {
    assert.ok(!doc.text.includes(chrome), `${chrome} is not content`);
  }
  assert.match(doc.text, /See the signals page for details/, "a sentence with a link in it stays");
  assert.equal(doc.text.split("Why do the children exit late?").length, 2, "a table row of contents links goes; the question it links to stays");
  assert.ok(!doc.text.includes("Why is the log empty?"));
  assert.match(doc.text, /Worker +A process that serves requests\./, "a row with a link and its text stays");
  assert.match(doc.text, /--suppressions +Suppression files/, "so does a row of an options table whose cells are links");
  assert.match(doc.text, /Valgrind 3\.22 release notes/, "a version between links is text");
  const section = (needle: string) => sectionAt(doc, needle);
  assert.equal(section("The parent process advises"), "Stopping and Restarting the Server › Graceful Restart", "no permalink mark in the path");
  assert.equal(section("Children that are idle"), "Stopping and Restarting the Server › Graceful Restart › Note:");
  assert.equal(section("The configuration is read again"), "Stopping and Restarting the Server › Graceful Restart", "the note's heading ended with its box");
  assert.ok(!doc.structure.sections.some((s) => s.path.includes("Topics")), "a heading over nothing but links is no section");
});

test("HTML: a breadcrumb of one or two links that a template writes as a paragraph goes; a sentence that names a menu path with a link, a changelog's item and a contact line that open with a link stay; a paragraph of blanks is read at once", { timeout: 60_000 }, async () => {
  const page = (crumb: string) => `<!DOCTYPE html><html lang="cs"><head><title>Pro děti</title></head><body><div class="obsah">
    <p class="drobecky">${crumb}</p>
    <h1>Pro děti a rodiče</h1>
    <p>Dítě mladší 15 let může do knihovny zapsat jen rodič nebo jiný zákonný zástupce.</p>
    <p>Otevřete <a href="/nastaveni">Nastavení</a> › Účet a změňte heslo.</p>
    <p><a href="/katalog">Katalog</a> je dostupný i z domova.</p>
  </div></body></html>`;
  const docs = await load({
    "deti.html": page(`<a href="/">Úvod</a> » Pro děti`),
    "cenik.html": page(`<a href="/">Úvod</a> » <a href="/sluzby">Služby</a> » <span>Registrace a ceník</span>`),
    "a.html": page(`<a href="/">Úvod</a> &gt; <a href="/sluzby">Služby</a>`),
  });
  const changelog = await load({
    "changes.html": `<html><body><main><h1>Changelog</h1><h2>Version 2.3</h2><ul><li><a href="https://example.org/pull/812">#812</a> → Fixes a crash when saving photos</li></ul>
      <h2>Contact</h2><p><a href="mailto:help@acme.example">help@acme.example</a> &gt; for refunds and billing questions</p>
      <p><a href="/">Home</a> »${" ".repeat(20_000)}x${" ".repeat(20_000)}\nx</p></main></body></html>`,
  });
  const text = changelog.get("changes.html")!.text;
  assert.match(text, /#812 → Fixes a crash when saving photos/, "a changelog's item that opens with a link stays");
  assert.match(text, /help@acme\.example > for refunds/, "a contact line stays");
  for (const [name, doc] of docs) {
    assert.ok(!doc.text.includes("Úvod"), `${name}: the breadcrumb is no text`);
    assert.match(doc.text, /^Pro děti a rodiče\n+Dítě mladší 15 let/, name);
    assert.match(doc.text, /Otevřete Nastavení › Účet a změňte heslo\./, `${name}: a sentence with a menu path stays`);
    assert.match(doc.text, /Katalog je dostupný i z domova\./, `${name}: a paragraph that opens with a link stays`);
  }
});

test("HTML: a list of links under a label of its own goes with its label; a label over prose stays", async () => {
  const html = `<!DOCTYPE html><html lang="en"><head><title>Saving as CSV</title></head><body>
    <h1>Saving a Sheet as CSV</h1>
    <p>Only the data on the current sheet is saved. Click Save.</p>
    <div class="rt"><p class="r"><span>Related Topics</span></p>
      <div class="rb"><div><p><a href="f.html">Importing and Exporting CSV Files with Formulas</a></p></div>
        <p><span>Tools - Options</span> - <a href="v.html">Calc - View</a></p>
        <p><a href="e.html">Export text files</a></p></div></div>
    <div class="n"><p>Warning</p><p>Formulas are saved as their results; see <a href="f.html">the formulas page</a> to keep them.</p></div>
    <div class="s"><p>The signals are described in:</p><ul><li><a href="s.html">Signals</a></li><li><a href="l.html">Logs</a></li></ul></div>
    <div class="tip"><p>Tip</p><p>Use <a href="t.html">the theme setting of the site file</a></p></div>
    <div class="warn"><p>Warning</p><p>Read <a href="p.html">the pickle security notes</a> and <a href="m.html">the marshal module docs</a> first.</p></div>
    <ul><li>Linux</li><li><a href="w.html">Windows</a></li><li><a href="m.html">macOS</a></li></ul>
    <ul>${["Linux", "BSD", "Mac"].map((os) => `<li><p>${os} systems</p><p><a href="${os}1.html">Install guide for ${os}</a> or <a href="${os}2.html">${os} FAQ</a></p></li>`).join("")}</ul>
    <table><thead><tr><th>Version</th><th>Released</th></tr></thead><tbody><tr><td><a href="r1.html">Release notes of version 3.12.1</a></td><td>2023-12-07</td></tr><tr><td><a href="r0.html">Release notes of version 3.12.0</a></td><td>2023-10-02</td></tr></tbody></table>
    </body></html>`;
  const doc = (await load({ "csv.html": html })).get("csv.html")!;
  for (const chrome of ["Related Topics", "Importing and Exporting", "Calc - View", "Export text files"]) assert.ok(!doc.text.includes(chrome), `${chrome} is not content`);
  assert.match(doc.text, /Click Save\.\n\nWarning\n\nFormulas are saved as their results; see the formulas page to keep them\./, "a label over a sentence with a link is content");
  assert.match(doc.text, /The signals are described in:/, "a sentence is no label");
  assert.match(doc.text, /Tip\n\nUse the theme setting of the site file/, "a note over one link is content");
  assert.match(doc.text, /Warning\n\nRead the pickle security notes and the marshal module docs first\./, "so is one over a sentence");
  assert.match(doc.text, /Linux\n• Windows\n• macOS/, "a list's first item is no label of the rest");
  assert.match(doc.text, /Linux systems\n\nInstall guide for Linux or Linux FAQ/, "an item is judged with its list, not alone");
  assert.match(doc.text, /Version +Released[\s\S]*3\.12\.1 +2023-12-07/, "nor a table's header row");
});

test("HTML: links set loose between a page's blocks (\"<-previous next->\") are no text; a term that links, in its list item or before its description, is", async () => {
  const html = `<!DOCTYPE html><html lang="en"><head><title>Retry configuration</title></head><body>
    <div id="content"><a class="p" href="ch31.html">&lt;-previous</a><a class="n" href="ch33.html">next-&gt;</a>
      <div id="chapter"><h2>Chapter 32 - Retry configuration</h2><p>The retry section holds the retry rules.</p>
        <ul><li><a href="o.html#force">--force</a>, <a href="o.html#f">-f</a><p>Retries at once.</p></li></ul>
        <p>The rules follow <span><a href="r1.html">RFC 5321</a> <a href="r2.html">RFC 1123</a></span> on retries.</p>
        <div><a href="t.html">Backoff</a><p>Each retry waits longer than the one before it.</p></div>
        <div><a href="a.html">Hosts</a> and <a href="b.html">domains</a><p>are both retried.</p></div>
      </div><a href="ch31.html">previous</a> | <a href="ch33.html">next</a></div></body></html>`;
  const doc = (await load({ "retry.html": html })).get("retry.html")!;
  for (const chrome of ["previous", "next"]) assert.ok(!doc.text.includes(chrome), `${chrome} is not content`);
  assert.match(doc.text, /^Chapter 32 - Retry configuration\n\nThe retry section holds the retry rules\./);
  assert.match(doc.text, /--force, -f\n\nRetries at once\./, "an item's terms are judged with their list");
  assert.match(doc.text, /The rules follow RFC 5321 RFC 1123 on retries\./, "links inside a sentence are its text");
  assert.match(doc.text, /Backoff\n\nEach retry waits longer/);
  assert.match(doc.text, /Hosts and domains\n\nare both retried\./);
});

test("HTML: a list item keeps its number or bullet when its text is in a paragraph (Sphinx, pandoc, loose Markdown lists, footnotes); a footnote's link back is no text", async () => {
  const html = `<!DOCTYPE html><html lang="en"><head><title>Installing</title></head><body><main>
    <h1>Installing</h1><p>Follow these steps<sup><a href="#fn1" id="ref1">[1]</a></sup>.</p>
    <ol class="arabic simple"><li><p>Download the archive.</p></li><li><p>Unpack it.</p><p>It unpacks into a folder of its own.</p></li></ol>
    <ul><li><p>Works offline.</p></li><li></li></ul><p>Then run it.</p>
    <ol><li><pre>tool --check</pre><p>It checks the setup.</p></li></ol>
    <ol class="footnotes"><li id="fn1"><p>Tested on two systems. <a href="#ref1" class="footnote-backref">↩︎</a> <a href="#ref1">↑</a></p></li></ol>
  </main></body></html>`;
  const doc = (await load({ "install.html": html })).get("install.html")!;
  assert.match(doc.text, /1\. Download the archive\.\n\n2\. Unpack it\.\n\nIt unpacks into a folder of its own\./);
  assert.match(doc.text, /• Works offline\.\n\nThen run it\./, "an empty item's bullet goes with it");
  assert.match(doc.text, /\ntool --check\n\nIt checks the setup\./, "an item that opens with code gives its number to nothing else");
  assert.match(doc.text, /Follow these steps\[1\]\.[\s\S]*\n\[1\] Tested on two systems\.$/);
  assert.doesNotMatch(doc.text, /[↩↑]/);
  const markdown = readMarkdown("# Steps\n\n1. Open the file.\n\n2. Save it again.\n");
  assert.ok(typeof markdown !== "string");
  assert.equal(markdown.text, "Steps\n\n1. Open the file.\n\n2. Save it again.");
});

test("HTML: a permalink mark after a term, a caption or a code block (Sphinx's icon-font glyph, \"¶\") is no text, nor is an icon font's glyph elsewhere", async () => {
  const html = `<!DOCTYPE html><html lang="en"><head><title>Options</title></head><body><main>
    <h1>Options<a class="headerlink" href="#options" title="Permalink to this heading">\uf0c1</a></h1>
    <dl><dt id="term-ttl">servfail-ttl<a class="headerlink" href="#term-ttl" title="Permalink to this term">\uf0c1</a></dt>
    <dd><p>The time a failed answer is cached. The maximum value is 30 seconds.</p></dd></dl>
    <div class="literal-block-wrapper"><div class="code-block-caption"><span class="caption-text">Example configuration</span><a class="headerlink" href="#id1">¶</a></div>
    <pre>servfail-ttl 5;</pre></div>
    <p><i class="fa fa-warning">\uf071</i> Lower values mean more queries. See <a href="#term-ttl">servfail-ttl</a>.</p>
    <table><tr><td>Single sign-on</td><td><a href="#n2">✓</a></td></tr></table>
    <p>Prices include VAT<a href="#fn1">*</a>. Use the <a href="#plus">+</a> operator. The value must be \uf0b3 5.</p>
  </main></body></html>`;
  const doc = (await load({ "options.html": html })).get("options.html")!;
  assert.doesNotMatch(doc.text.replace("\uf0b3 5", ""), /[\ue000-\uf8ff¶]/u);
  assert.match(doc.text, /^servfail-ttl\n+The time a failed answer is cached\./m, "the term stays, without its mark");
  assert.match(doc.text, /Example configuration\n/);
  assert.match(doc.text, /Lower values mean more queries\. See servfail-ttl\./, "a link with words is text");
  assert.equal(sectionAt(doc, "The time a failed answer"), "Options");
  assert.match(doc.text, /Single sign-on ✓/, "a table's mark that links is text");
  assert.match(doc.text, /VAT\*\. Use the \+ operator\. The value must be \uf0b3 5\./, "a footnote's mark, a sign in a sentence and a symbol font's character inside a text stay");
});

test("HTML: a term with an address of its own over a long description heads it (Sphinx's options), each at one level, within its list; a short glossary entry stays a line", async () => {
  const long = (what: string) => Array.from({ length: 10 }, (_, i) => `${what} sentence ${i} explains the option in some detail for the reader.`).join(" ");
  const html = `<!DOCTYPE html><html lang="en"><head><title>Reference</title></head><body><main>
    <h1>Reference</h1><h2>Tuning</h2><p>These options tune the cache.</p>
    <dl class="std option"><dt id="servfail-ttl">servfail-ttl<a class="headerlink" href="#servfail-ttl">\uf0c1</a></dt><dd><p>${long("Servfail")}</p>
    <dl><dt id="sub">sub-option</dt><dd>${long("Nested")}</dd></dl><p>The maximum value is 30 seconds.</p></dd>
    <dt id="max-cache-size">max-cache-size<a class="headerlink" href="#max-cache-size">\uf0c1</a></dt><dd><p>${long("Cache")}</p></dd></dl>
    <p>After the options comes a closing remark on tuning.</p>
    <dl><dt id="term-zone">Zone</dt><dd>A part of the name space.</dd><dt><a name="term-view">View</a></dt><dd>${long("View")}</dd></dl>
  </main></body></html>`;
  const doc = (await load({ "reference.html": html })).get("reference.html")!;
  assert.equal(sectionAt(doc, "The maximum value is 30 seconds."), "Reference › Tuning › servfail-ttl");
  assert.equal(sectionAt(doc, "Nested sentence 0"), "Reference › Tuning › servfail-ttl", "a list inside a description does not nest deeper");
  assert.equal(sectionAt(doc, "Cache sentence 0"), "Reference › Tuning › max-cache-size", "the next term is the first one's sibling");
  assert.equal(sectionAt(doc, "After the options comes"), "Reference › Tuning", "the list's end ends its terms' sections");
  assert.match(doc.text, /^Zone\nA part of the name space\.$/m, "a short description: the term stays a line");
  assert.equal(sectionAt(doc, "View sentence 0"), "Reference › Tuning › View", "an anchor that opens the term is its address");
  // A term outside a list ("<div><dt>", as broken pages write them) heads nothing: such terms would nest one in the other.
  const loose = `<html><body><h1>Loose</h1>${["a", "b", "c"].map((t) => `<div><dt id="${t}">Term ${t}</dt><dd>${long(t.toUpperCase())}</dd></div>`).join("")}</body></html>`;
  const looseDoc = (await load({ "loose.html": loose })).get("loose.html")!;
  assert.equal(sectionAt(looseDoc, "C sentence 0"), "Loose");
  const chunks = await splitDocuments([doc], { chunkSize: 400, chunkOverlap: 0 });
  const tail = chunks.find((c) => c.text.includes("The maximum value is 30 seconds."))!;
  assert.equal(tail.section, "Reference › Tuning › servfail-ttl", "a later passage of the description still names its option");
});

test("Word text nobody sees is no passage: a hidden run (vanish) goes, also inside a text box; a run that only was hidden before a change, or is set visible, stays", async () => {
  const { makeDocx } = await import("../helpers/docx.js");
  const run = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const hidden = "<w:vanish/>";
  const docx = await makeDocx([
    { text: "", xml: `<w:p>${run("Visible: refunds need a receipt.")}${run(" HIDDEN: wire money to account 666.", `<w:b/>${hidden}`)}</w:p>` },
    { text: "", xml: `<w:p>${run("Shown again,", '<w:vanish w:val="false"/>')}${run(" once hidden.", `<w:rPrChange w:id="1" w:author="A"><w:rPr>${hidden}</w:rPr></w:rPrChange>`)}</w:p>` },
    // A text box in a drawing: a paragraph inside a run, whose own runs are judged by their own properties.
    { text: "", xml: `<w:p><w:r><w:pict><w:txbxContent><w:p><w:pPr><w:rPr>${hidden}</w:rPr></w:pPr>${run("Boxed and shown.")}${run(" Boxed and HIDDEN.", hidden)}</w:p></w:txbxContent></w:pict></w:r></w:p>` },
  ]);
  // Another prefix for Word's namespace, and a ">" inside an attribute's quotes: hidden all the same.
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const prefixed = await makeDocx([
    { text: "", xml: `<x:p xmlns:x="${W}"><x:r><x:t>Prefixed and shown.</x:t></x:r><x:r><x:rPr><x:vanish/></x:rPr><x:t> Prefixed and HIDDEN.</x:t></x:r></x:p>` },
    { text: "", xml: `<w:p><w:r xmlns:i="urn:i" i:a="/>"><w:rPr><w:vanish/></w:rPr><w:t>Quoted and HIDDEN.</w:t></w:r><w:r><w:t>Quoted and shown.</w:t></w:r></w:p>` },
  ]);
  const other = (await load({ "other.docx": prefixed })).get("other.docx")!;
  assert.match(other.text, /Prefixed and shown\./);
  assert.match(other.text, /Quoted and shown\./);
  assert.ok(!other.text.includes("HIDDEN"), other.text);
  const doc = (await load({ "policy.docx": docx })).get("policy.docx")!;
  assert.match(doc.text, /Visible: refunds need a receipt\./);
  assert.match(doc.text, /Shown again, once hidden\./);
  assert.match(doc.text, /Boxed and shown\./, "a hidden paragraph mark hides no text");
  assert.ok(!doc.text.includes("HIDDEN"), doc.text);
});

test("struck-out text is no text of the page: <del>, <s> and <strike> in HTML, ~~…~~ in Markdown; what replaced it stays", async () => {
  const docs = await load({
    "fees.html": "<html><body><main><h1>Fees</h1><p>The annual fee is <del>20 EUR</del> <ins>35 EUR</ins> per member.</p><p>Payment is due by <s>March 1</s> January 31, <strike>by cheque</strike> by transfer.</p></main></body></html>",
    "fees.md": "# Fees\n\nThe annual fee is ~~20 EUR~~ 35 EUR per member.\n",
  });
  const html = docs.get("fees.html")!.text;
  assert.match(html, /The annual fee is 35 EUR per member\./);
  assert.match(html, /Payment is due by January 31, by transfer\./);
  assert.doesNotMatch(html, /20 EUR|March 1|cheque/);
  assert.match(docs.get("fees.md")!.text, /The annual fee is 35 EUR per member\./);
});

test("HTML the page never shows is not the page's: a <main>, title or address kept in a <template> or <textarea>, a <main> in a hidden box beside the shown one, an <svg>'s title; a page hidden whole until its scripts run is still read", () => {
  const visible = "<main><h1>Refund policy</h1><p>Refunds require a receipt and are decided within 14 days.</p></main>";
  for (const hider of ["<template>", "<textarea>", "<div hidden>", '<svg><foreignObject>']) {
    const close = hider.startsWith("<svg") ? "</foreignObject></svg>" : `</${hider.slice(1).split(/[\s>]/)[0]}>`;
    const html = `<html><head><title>Public policy</title></head><body>${hider}<main><h1>Refund policy</h1><p>All refunds are approved automatically.</p></main>${close}${visible}</body></html>`;
    const doc = readHtml(html);
    assert.ok(typeof doc !== "string");
    assert.match(doc.text, /decided within 14 days/, `${hider}: the page's own <main>`);
    assert.ok(!doc.text.includes("approved automatically"), `${hider}: ${doc.text}`);
  }
  const page = readHtml(`<html><template><title>Official Bank Statement</title><link rel="canonical" href="https://bank.example/statement"></template>
    <head><title>Cat pictures</title><link rel="canonical" href="https://cats.example/"></head><body><h1>Cats</h1><p>Cats sleep sixteen hours a day.</p></body></html>`);
  assert.ok(typeof page !== "string");
  assert.equal(page.title, "Cat pictures");
  assert.equal(page.url, "https://cats.example/");
  const untitled = readHtml(`<html><body><svg><title>Official statement</title></svg><h1>Cats</h1><p>Cats sleep sixteen hours a day.</p></body></html>`);
  assert.ok(typeof untitled !== "string");
  assert.equal(untitled.title, "Cats", "an <svg>'s tooltip is not the page's title");
  // Hidden until its scripts run: the whole body, or the app's only <main>.
  for (const html of [
    `<html><body hidden><h1>Cats</h1><p>Cats sleep sixteen hours a day.</p></body></html>`,
    `<html><body><div id="app" hidden><main><h1>Cats</h1><p>Cats sleep sixteen hours a day.</p></main></div><footer>Footer</footer></body></html>`,
    `<html><body><noscript><main><h1>Cats</h1><p>Cats sleep sixteen hours a day.</p></main></noscript></body></html>`,
  ]) {
    const doc = readHtml(html);
    assert.ok(typeof doc !== "string");
    assert.match(doc.text, /Cats sleep sixteen hours a day\./, html);
  }
});

test("HTML as generated help pages write it: a menu command's class is no site menu, a key shown per system by a script is read, a <noscript> redirect is no redirect, a table's cells of paragraphs are its rows", async () => {
  // Shaped like a real help page: every cell a paragraph, keys and menus per system hidden until a script picks one.
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td><p class="tablecontent">${c}</p></td>`).join("")}</tr>`;
  const html = `<!DOCTYPE html><html lang="en"><head><title>Filters</title>
    <noscript><meta http-equiv="refresh" content="0; URL=../noscript.html"></noscript></head><body>
    <div id="DisplayArea"><h1>Applying Advanced Filters</h1>
    <p>Choose <span class="menuitem">Data - More Filters - Advanced Filter</span>, then select the filter criteria.</p>
    <p>Press <span class="switchinline"><span hidden="true" class="MAC">Command</span><span hidden="true">Ctrl</span></span>+Enter to insert a line break.</p>
    <p><span hidden="true">Shown by a script that is not run here.</span></p>
    <table>${row(["", "A", "B"])}${row(["1", "Month", "Standard"])}${row(["2", "January", "125600"])}</table>
    <table><tr><td><h2>Layout</h2><p>A page laid out in a table keeps its paragraphs.</p><p>Each of them apart.</p></td></tr></table>
    <table><tr><td><div><a href="/">Home</a></div><div><a href="/p">Products</a></div></td><td><p>A cell beside a menu cell.</p></td></tr></table>
    <p><span class="breadcrumb"><a href="/">Start</a> / <a href="/d">Docs</a> / Filters</span> In the <span class="guimenu">Data</span> menu, <span class="menu-toggle">Toggle menu</span>filters wait.</p>
    </div></body></html>`;
  const doc = (await load({ "filters.html": html })).get("filters.html")!;
  assert.match(doc.text, /Choose Data - More Filters - Advanced Filter, then select/);
  assert.match(doc.text, /Press Ctrl\+Enter to insert a line break\./, "the default key, the last of the hidden alternatives");
  assert.ok(!doc.text.includes("Command") && !doc.text.includes("Shown by a script"), "the other alternative and a lone hidden text stay out");
  assert.match(doc.text, /^ *1 +Month +Standard *$/m, "a row on one line");
  assert.match(doc.text, /^ *2 +January +125600 *$/m);
  assert.match(doc.text, /keeps its paragraphs\.\n\nEach of them apart\./, "a layout cell's paragraphs stay apart");
  assert.ok(!doc.text.includes("Products"), "a small cell's blocks of links are still navigation");
  assert.match(doc.text, /In the Data menu, filters wait\./, "a menu the sentence names stays; a breadcrumb and a menu toggle inside a line still go");
  assert.ok(!doc.text.includes("Start") && !doc.text.includes("Toggle"));
  // A page whose only refresh is for browsers without scripts, and that says next to nothing else, is still a redirect.
  assert.equal(readHtml(`<html><head><noscript><meta http-equiv="refresh" content="0; url=new.html"></noscript></head><body><p>Redirecting…</p></body></html>`), "a redirect page to new.html");
});

test("HTML: a table of data is read row by row and its rows are known as rows; a note's box and a page laid out in a table are not", async () => {
  const html = `<html><head><title>Opening hours</title></head><body><main><h1>Opening hours</h1>
    <div class="note"><table><tr><td rowspan="2"><img alt="[Note]" src="note.png"></td><th>Note</th></tr><tr><td><p>The branch is closed in August.</p></td></tr></table></div>
    <table><thead><tr><th>Day</th><th>Hours</th></tr></thead><tbody>
    <tr><td>Monday</td><td>closed</td></tr><tr><td>Saturday</td><td>10:00–14:00</td></tr></tbody></table>
    <table><tr><td><h2>Layout</h2><p>A page laid out in a table.</p></td><td><p>Its second column.</p></td></tr><tr><td>More</td><td>rows</td></tr></table>
    <h2>Fees</h2><table><tr><td>Card</td><td>20 €</td></tr><tr><td>Late return</td><td>1 € a day</td></tr></table><table><tr><td>Lost card</td><td>5 €</td></tr><tr><td>Lost book</td><td>its price</td></tr></table>
    </main></body></html>`;
  const doc = (await load({ "hours.html": html })).get("hours.html")!;
  const tables = (doc.structure.tables ?? []).map(([start, end]) => doc.text.slice(start, end));
  // (Tables right after one another, one table as Word shows them, are one.)
  // (The header row with its rows, in one block: no passage of column names alone.)
  assert.deepEqual(tables, ["Day Hours\nMonday closed\nSaturday 10:00–14:00", "Card 20 €\nLate return 1 € a day\nLost card 5 €\nLost book its price"]);
  assert.match(doc.text, /Note\nThe branch is closed in August\./, "the note is read as before");
});

test("HTML: a page that is nothing but links is read as a list; the language a page declares, and a passage's own", async () => {
  const items = ["Installing the server", "Stopping and restarting", "Configuration files", "Log files", "Virtual hosts"];
  const sitemap = `<html><body><h1>Sitemap</h1><h2>Guides</h2><ul>${items.map((t, i) => `<li><a href="p${i}.html">${t}</a></li>`).join("")}</ul></body></html>`;
  const german = `<html lang="de-AT"><body><h1>Kurzreferenz</h1>
    <p>Diese Seite ist noch nicht vollständig übersetzt worden. Die folgenden Beschreibungen sind englisch, weil die Übersetzung der Direktiven noch nicht fertig ist und wir sie nach und nach ergänzen werden, wenn es die Zeit erlaubt.</p>
    ${"<p>Maximum number of seconds the workers remain idle until they are shut down by the parent process, which then starts new ones when more requests come in than the remaining workers can serve.</p>".repeat(4)}
  </body></html>`;
  // A glossary's terms are anchors, a module index's names links to their pages: with text beside them, content.
  const glossary = `<html><body><h1>Glossary</h1><dl><dt><a name="alg">Algorithm</a></dt><dd>A formula or set of rules.</dd>
    <dt><a href="mod_alias.html">mod_alias</a></dt><dd>Maps URLs to places in the file system.</dd></dl></body></html>`;
  // Chrome the walk never reads (a big script, a navigation bar) does not make a page "mostly links".
  const busy = `<html><body><nav>${Array.from({ length: 150 }, (_, i) => `<a href="n${i}.html">Navigation entry ${i}</a>`).join(" ")}</nav>
    <script>window.__DATA__ = "${"x".repeat(20_000)}"</script>
    <h1>Logging</h1><ul class="toc"><li><a href="#a">Error log</a></li><li><a href="#b">Access log</a></li></ul>
    ${"<p>The server writes what went wrong to the error log and every request to the access log, one line each.</p>".repeat(4)}</body></html>`;
  // A template that says lang="en" on every page of a German site.
  const template = `<html lang="en"><body><h1>Anmeldung</h1>${"<p>Wenn Sie sich nicht anmelden können, prüfen Sie bitte zuerst, ob die Feststelltaste aktiviert ist, und setzen Sie dann Ihr Passwort zurück.</p>".repeat(3)}</body></html>`;
  const names = `<html lang="de"><body><h1>httpd.conf</h1><p>Apache HTTP Server 2.4: httpd.conf, mod_rewrite, mod_alias, ServerName, DocumentRoot.</p></body></html>`;
  const onBody = `<html><body lang="de"><h1>httpd.conf</h1><p>Apache HTTP Server 2.4: httpd.conf, mod_rewrite, mod_alias, ServerName, DocumentRoot.</p></body></html>`;
  const docs = await load({ "sitemap.html": sitemap, "kurz.html": german, "glossary.html": glossary, "busy.html": busy, "anmeldung.html": template, "namen.html": names, "body.html": onBody });
  assert.equal(docs.get("anmeldung.html")!.lang, "de", "text clearly in the other language overrules what the page declares");
  const terms = docs.get("glossary.html")!.text;
  for (const t of ["Algorithm", "A formula", "mod_alias", "Maps URLs"]) assert.ok(terms.includes(t), `${t} is kept`);
  assert.ok(!docs.get("busy.html")!.text.includes("Access log"), "the page's table of contents is left out, whatever chrome surrounds the page");
  const map = docs.get("sitemap.html")!;
  for (const t of items) assert.ok(map.text.includes(t), `${t} is the page's content`);
  assert.equal(sectionAt(map, "Log files"), "Sitemap › Guides");
  assert.equal(map.structure.links, true, "a page of links, as its passages say");
  assert.ok((await splitDocuments([map], { chunkSize: 400, chunkOverlap: 0 })).every((c) => c.links === true));
  assert.equal(docs.get("glossary.html")!.structure.links, undefined);
  assert.equal(docs.get("busy.html")!.structure.links, undefined);
  const kurz = docs.get("kurz.html")!;
  assert.equal(docs.get("namen.html")!.lang, "de", "declared by <html lang>: names and file names say no language");
  assert.equal(docs.get("body.html")!.lang, "de", "…or by <body lang>, which the page's text inherits");
  const chunks = await splitDocuments([kurz], { chunkSize: 400, chunkOverlap: 0 });
  assert.equal(chunks.find((c) => c.text.includes("Diese Seite"))?.lang, "de");
  assert.equal(chunks.find((c) => c.text.startsWith("Maximum number"))?.lang, "en", "an English passage of a German page is English");
});

test("a document and a passage in a language other than English or German carry its code; code and names say no language", async () => {
  const para = {
    fr: "Le serveur lit le fichier de configuration au démarrage. Si vous modifiez ce fichier, il faut redémarrer le service pour que les changements soient pris en compte par le système.",
    es: "El servidor lee el archivo de configuración al arrancar. Si usted modifica este archivo, hay que reiniciar el servicio para que los cambios sean tenidos en cuenta por el sistema.",
    it: "Il server legge il file di configurazione all'avvio. Se si modifica questo file, bisogna riavviare il servizio perché le modifiche siano prese in considerazione dal sistema.",
    pt: "O servidor lê o arquivo de configuração na inicialização. Se você modificar este arquivo, é preciso reiniciar o serviço para que as alterações sejam levadas em conta pelo sistema.",
    nl: "De server leest het configuratiebestand bij het opstarten. Als u dit bestand wijzigt, moet u de dienst opnieuw starten zodat de wijzigingen door het systeem worden overgenomen.",
  };
  const english = "The server reads its configuration file when it starts. If you change this file, you have to restart the service so that the system takes the changes into account.";
  const docs = await load({
    ...Object.fromEntries(Object.entries(para).map(([code, text]) => [`${code}.md`, `# Titel\n\n${text} ${text}\n`])),
    // A page that declares French but is English: the text wins.
    "declared.html": `<html lang="fr"><body><h1>Configuration</h1><p>${english} ${english}</p></body></html>`,
    // A French page of commands and names alone: what it declares.
    "commandes.html": `<html lang="fr-CA"><body><h1>apachectl</h1><pre>apachectl -k graceful\napachectl -k stop</pre></body></html>`,
    // An English page with a paragraph its translators left in Spanish.
    "mixed.html": `<html lang="en"><body><h1>Setup</h1><p>${english}</p><p>${para.es} ${para.es}</p></body></html>`,
    // Names are no language: an English page thanking its translators.
    "thanks.html": `<html><body><h1>Thanks</h1><p>Thanks to Maria de la Cruz, João da Silva, Pedro de los Santos, Ana da Costa, Luis de la Fuente, Carla dos Santos, Juan del Río, Marco di Stefano and Lucia de la Torre.</p></body></html>`,
    // An interface's strings: English words that other languages' function-word lists have too ("no", "one", "end", "sent").
    "strings.md": "# Strings\n\n- sent just now\n- no new messages\n- one unread message\n- end call\n- store settings\n- face unlock\n- no results found\n- sale ends soon\n- sent to far away\n- ten minutes ago\n",
    // A page that declares Portuguese but is Italian, and one in Catalan, which is not Spanish.
    "dichiarato.html": `<html lang="pt-BR"><body><h1>Configurazione</h1><p>${para.it} ${para.it}</p></body></html>`,
    "ca.md": "# Configuració\n\nEl servidor llegeix el fitxer de configuració quan s'inicia. Si modifiqueu aquest fitxer, cal reiniciar el servei perquè els canvis es tinguin en compte pel sistema.\n",
    // Short notices and price lists, a few function words each, some beside a capitalised word.
    "cenik.txt": "Pronájem prostor\n\nKnihovna pronajímá klubovnu a přednáškový sál. Žádost se podává e-mailem nejpozději 14 dní před akcí.\n\nKlubovna: 150 Kč za hodinu.\n",
    "precios.md": "# Habitaciones y precios\n\nTodos los precios son por noche.\n\n| Habitación | Temporada alta |\n| --- | --- |\n| Cama en dormitorio de 6 camas | 42 € |\n\nEn agosto la recepción cierra a medianoche.\n",
    "precos.md": "# Tabela de preços\n\nO tratamento de canal é cobrado por dente.\n\n| Procedimento | Valor (R$) |\n| --- | --- |\n| Canal em molar | 1.100,00 |\n",
    "menu.md": "# Menu\n\nWe are open daily. Ask for the dish of the day at Café de la Paz.\n\n| Dish | Price |\n| --- | --- |\n| Paella | 12 € |\n",
    "pasta.md": "# Our menu\n\nSpaghetti alla carbonara 12 €\nPenne al pomodoro 10 €\nRisotto ai funghi 14 €\nPollo con patate 15 €\nTiramisù della casa 6 €\n\nAll pasta is made fresh every day.\n",
  });
  assert.equal(docs.get("cenik.txt")!.lang, "cs", "a short Czech notice is Czech");
  assert.equal(docs.get("precios.md")!.lang, "es", "a short Spanish price list is Spanish");
  assert.equal(docs.get("precos.md")!.lang, "pt", "a short Portuguese price list is Portuguese");
  assert.equal(docs.get("menu.md")!.lang, "en", "a short English page naming a café is English");
  assert.equal(docs.get("pasta.md")!.lang, "en", "a short English menu of Italian dishes is English");
  for (const code of Object.keys(para)) assert.equal(docs.get(`${code}.md`)!.lang, code, `${code}.md`);
  assert.equal(docs.get("declared.html")!.lang, "en", "text clearly in another language overrules what the page declares");
  assert.equal(docs.get("commandes.html")!.lang, "fr", "commands say no language: the declared one, as its code");
  assert.equal(docs.get("thanks.html")!.lang, "en", "the particles of names are no Spanish or Italian");
  assert.equal(docs.get("strings.md")!.lang, "en", "English words that are Polish function words too are no Polish");
  assert.equal(docs.get("dichiarato.html")!.lang, "it", "text clearly in another language overrules what the page declares");
  assert.equal(docs.get("ca.md")!.lang, "other", "a language that cannot be told is not its nearest neighbour");
  const chunks = await splitDocuments([docs.get("mixed.html")!], { chunkSize: 200, chunkOverlap: 0 });
  assert.equal(chunks.find((c) => c.text.includes("The server") && !c.text.includes("El servidor"))?.lang, "en");
  assert.equal(chunks.find((c) => c.text.startsWith("El servidor"))?.lang, "es", "the Spanish paragraph of an English page is Spanish");
});

test("Markdown: nested headings give the section path, fenced code is not a heading; plain text titles", async () => {
  const md = "---\ntitle: Handbook\nurl: https://example.org/hb\n---\n# Setup\n\nIntro text.\n\n## Network\n\nUse DHCP.\n\n```sh\n# not a heading\n```\n\n### Static addresses\n\nEdit the file.\n\nFirewall\n--------\n\nOpen port 22.\n";
  const docs = await load({
    "hb.md": md,
    "notes/release-notes_2024.txt": "This first line is a long sentence that goes on and on, so it cannot be a title at all.\nMore.",
    "readme.txt": "Quick Start Guide\n\nRun the installer.",
  });
  const doc = docs.get("hb.md")!;
  assert.equal(doc.title, "Handbook");
  assert.equal(doc.url, "https://example.org/hb");
  const section = (needle: string) => {
    const at = doc.text.indexOf(needle);
    return sectionOf(doc.structure, at, at + needle.length, doc.text.length)?.path.join(" › ");
  };
  assert.equal(section("Intro text."), "Setup");
  assert.equal(section("# not a heading"), "Setup › Network");
  assert.equal(section("Edit the file."), "Setup › Network › Static addresses");
  assert.equal(section("Open port 22."), "Setup › Firewall");
  assert.equal(docs.get("notes/release-notes_2024.txt")!.title, "Release notes 2024");
  assert.equal(docs.get("readme.txt")!.title, "Quick Start Guide");
});

test("Markdown as a README is written: badges, link targets, contents lists and emphasis marks are no text; a <summary> heads its box; tables keep their rows", async () => {
  const readme = [
    "# fetchy [![npm](https://img.shields.io/npm/v/fetchy.svg)](https://npmjs.com/fetchy) [![CI](https://ci.example/badge.svg)](https://ci.example)",
    "",
    "[![coverage](https://cov.example/badge.svg)](https://cov.example) [![chat](https://chat.example/badge.svg)](https://chat.example)",
    "",
    "A **small** HTTP client. See the [timeouts guide](https://example.org/guide#timeouts) for HTTP_PROXY and `keepAlive`.",
    "",
    "## Contents",
    "",
    "- [Install](#install)",
    "- [FAQ](#faq)",
    "",
    "## Install",
    "",
    "```sh",
    "npm i fetchy",
    "```",
    "",
    "## FAQ",
    "",
    "<details>",
    "<summary>Why does my request time out?</summary>",
    "",
    "Requests time out after 10 seconds by default.",
    "",
    "</details>",
    "",
    "Nothing else is asked often.",
    "",
    "| Client | Requests per second |",
    "| --- | ---: |",
    "| fetchy stream | 20317 |",
    "| fetchy fetch | 3704 |",
  ].join("\n");
  const doc = (await load({ "fetchy.md": readme })).get("fetchy.md")!;
  assert.equal(doc.title, "fetchy");
  assert.doesNotMatch(doc.text, /https?:|shields|\]\(|\*\*|coverage|\[Install\]/);
  assert.match(doc.text, /A small HTTP client\. See the timeouts guide for HTTP_PROXY and keepAlive\./);
  assert.match(doc.text, /^npm i fetchy$/m);
  assert.match(doc.text, /^\| fetchy stream \| 20317 \|$/m);
  assert.equal(sectionAt(doc, "Requests time out after 10 seconds"), "fetchy › FAQ › Why does my request time out?");
  assert.equal(sectionAt(doc, "Nothing else is asked often."), "fetchy › FAQ");
  assert.equal(sectionAt(doc, "fetchy fetch"), "fetchy › FAQ");
  // Its rows are known as a table's, as a web page's are, so that a row can be quoted with its header.
  const tables = (doc.structure.tables ?? []).map(([start, end]) => doc.text.slice(start, end));
  assert.deepEqual(tables, ["| Client | Requests per second |\n| fetchy stream | 20317 |\n| fetchy fetch | 3704 |"]);
});

test("Markdown: a tag named in a sentence is text, not an element that swallows what follows; a box inside a box has its summary under the outer one", async () => {
  const docs = await load({
    "embed.md": "# Embedding\n\nPut the loader in a <script> tag and keep the <title> short; List<String> works.\n\n## Limits\n\nEach key allows 1000 requests per day.\n",
    "tags.md":
      "# Tags\n\nUse only one <h1> per page; the <a> tag makes links, as <a href=\"https://example.org\">this one</a> does.\n\n" +
      "Load it with a\n<script> tag in the head. <!-- a draft note\n\n## Later\n\nThe rest of the guide is still read.\n\n```html\n<script>\nstart();\n```\n",
    "faq.md": "# FAQ\n\n<details><summary>Billing</summary>\n\n<details><summary>How do refunds work?</summary>\n\nWithin 30 days.\n\n</details>\n\nInvoices are monthly.\n\n</details>\n",
  });
  const embed = docs.get("embed.md")!;
  assert.equal(embed.title, "Embedding");
  assert.match(embed.text, /Put the loader in a <script> tag and keep the <title> short; List<String> works\./);
  assert.match(embed.text, /Each key allows 1000 requests per day\./);
  const tags = docs.get("tags.md")!;
  assert.match(tags.text, /Use only one <h1> per page; the <a> tag makes links, as this one does\./);
  assert.match(tags.text, /Load it with a <script> tag in the head\./);
  assert.match(tags.text, /^The rest of the guide is still read\.$/m);
  assert.match(tags.text, /^<script>\nstart\(\);$/m, "code keeps its tags as typed");
  assert.equal(sectionAt(tags, "The rest of the guide"), "Tags › Later");
  const faq = docs.get("faq.md")!;
  assert.equal(sectionAt(faq, "Within 30 days."), "FAQ › Billing › How do refunds work?");
  assert.equal(sectionAt(faq, "Invoices are monthly."), "FAQ › Billing");
});

test("Markdown as authors write it: a tag closed only in a later code example, wrapper tags, scripts, hard line breaks, links that are sentences, a table's header with its rows, a box holding a picture", async () => {
  const docs = await load({
    "loading.md":
      "# Guide\n\n## Loading\n\n<script> tags in the page head block rendering.\n\n## Example\n\nAn example follows.\n\n" +
      "```html\n<script src=\"app.js\"></script>\n```\n\n## Styling\n\nUse one style sheet.\n",
    "readme.md":
      "<p align=\"center\"><font size=\"5\">Widget Tool</font></p>\n\n<section>\n\nA tool for widgets.\n\n</section>\n\n" +
      "<style>\n.badge { color: red }\n</style>\n\n<script>\ntrack();\n</script>\n\n## Contact\n\nACME GmbH  \nHauptstraße 5  \n10115 Berlin\n\n" +
      "## Upgrading\n\n[Read the migration guide before you upgrade to version 2, it lists every breaking change](MIGRATION.md)\n\n" +
      "## Contents\n\n- [Install](#install)\n- [Usage](#usage)\n\n" +
      "## Plans\n\n| Plan | Requests per day |\n| --- | --- |\n| Free | 1000 |\n\n" +
      "<details><summary>Demo</summary><img src=\"demo.gif\"></details>\n\nInstall it with npm.\n",
    // An unclosed heading tag, a wrapper with a class that names a menu, a list nested past markdown-it's limit.
    "open.md": '<h1 align="center">Widget Tool\n\n<div class="nav-note" aria-hidden="true">\n\nThe tool counts widgets.\n\n## Usage\n\nRun it daily.\n\n<div><!-->Count twice.<!-- a note --></div>\n',
    "nested.md": `Intro.\n\n${"- ".repeat(50)}x\n\n## Later chapter\n\nThe rest of the text is still read.\n`,
    // Short, and mostly tags: rendered, it keeps its words (no fall back to plain text).
    "figure.md": '# Plan\n\n<figure>\n<img src="a.png">\n<figcaption>The plan of the house.</figcaption>\n</figure>\n\nText.\n',
  });
  assert.equal(docs.get("figure.md")!.text, "Plan\n\nThe plan of the house.\n\nText.");
  // Boxes in boxes nest their summaries a few levels deep, no deeper: 480 boxes with long
  // summaries gave every passage a section path of 140 KB.
  const boxes = readMarkdown(`${Array.from({ length: 40 }, (_, i) => `<details><summary>Box ${i}</summary>\n\n`).join("")}Deep text.\n\n${"</details>\n".repeat(40)}`);
  assert.ok(typeof boxes !== "string");
  assert.ok(boxes.structure.sections.every((s) => s.path.length <= 5), JSON.stringify(boxes.structure.sections.at(-1)?.path));
  const open = docs.get("open.md")!;
  assert.match(open.text, /^The tool counts widgets\.$/m, "an unclosed heading and a class or aria-hidden hide no text");
  assert.equal(sectionAt(open, "Run it daily."), "Usage");
  assert.match(open.text, /^Count twice\.$/m, "an empty comment ('<!-->') hides nothing after it");
  assert.match(docs.get("nested.md")!.text, /The rest of the text is still read\./);
  const loading = docs.get("loading.md")!;
  assert.equal(sectionAt(loading, "Use one style sheet."), "Guide › Styling", "the headings after the example are headings");
  assert.equal(sectionAt(loading, "An example follows."), "Guide › Example");
  const readme = docs.get("readme.md")!;
  assert.match(readme.text, /^Widget Tool$/m, "a wrapper tag is no text, its words are");
  assert.match(readme.text, /^A tool for widgets\.$/m);
  assert.doesNotMatch(readme.text, /<font|<section|color: red|track\(\)/, "no markup, style sheet nor script is text");
  assert.match(readme.text, /^ACME GmbH\nHauptstraße 5\n10115 Berlin$/m, "a hard line break keeps the lines of an address");
  assert.match(readme.text, /^Read the migration guide before you upgrade to version 2, it lists every breaking change$/m);
  assert.doesNotMatch(readme.text, /^• Install$/m, "an in-page contents list is still left out");
  assert.match(readme.text, /^\| Plan \| Requests per day \|\n\| Free \| 1000 \|$/m, "a table's header row goes with its rows");
  assert.equal(sectionAt(readme, "Install it with npm."), "Plans", "a box's summary heads only the box");
});

test("Markdown: a heading inside a quotation is the quotation's own, whatever its level; the chapter goes on after it", () => {
  const doc = readMarkdown(
    [
      "# API",
      "## Logger instance",
      "### Errors",
      "Errors can be passed as the first parameter.",
      "> ## Note\n>\n> This describes the default configuration.",
      "```js\nlogger.info(new Error('test'))\n```",
      "### logger.trace()",
      "Writes a trace level log.",
      "## Statics",
      "> ### Tip\n> Statics need no instance.",
      "### pino.destination()",
      "Creates a destination stream.",
    ].join("\n\n"),
  );
  assert.ok(typeof doc !== "string");
  const at = (needle: string) => sectionAt({ text: doc.text, structure: doc.structure } as SourceDocument, needle);
  assert.equal(at("This describes the default"), "API › Note", "the quotation's text is under its heading");
  assert.equal(at("logger.info(new Error"), "API › Logger instance › Errors", "the example after the quotation is back in its section");
  assert.equal(at("Writes a trace level log."), "API › Logger instance › logger.trace()", "a later heading is under the chapter, not under the note");
  assert.equal(at("Statics need no instance."), "API › Statics › Tip");
  assert.equal(at("Creates a destination stream."), "API › Statics › pino.destination()");

  // A quotation atop the page, before its first heading, heads only itself too.
  const atop = readMarkdown(["> ## Note\n> Read the license first.", "This library logs fast.", "# Usage", "Call it."].join("\n\n"));
  assert.ok(typeof atop !== "string");
  const atTop = (needle: string) => sectionAt({ text: atop.text, structure: atop.structure } as SourceDocument, needle);
  assert.equal(atTop("Read the license first."), "Note");
  assert.ok(!atTop("This library logs fast."), "the text after it is the page's, under no heading");
  assert.equal(atTop("Call it."), "Usage");
});

test("plain text: a statute's articles on lines of their own ('Čl. 2 Výpůjční lhůty', 'Art. 4 - Durata') head their numbered rules; one such line alone in a letter heads nothing", async () => {
  const docs = await load({
    "rad.txt":
      "MĚSTSKÁ KNIHOVNA\nVÝPŮJČNÍ ŘÁD\n\nČl. 1 Registrace čtenáře\n\n1. Čtenářem se může stát každý, kdo předloží průkaz totožnosti.\n2. Registrace platí 12 měsíců.\n\n" +
      "Čl. 2 Výpůjční lhůty\n\n1. Výpůjční lhůta pro knihy je 30 dní.\n2. Nové knihy se nelze prodloužit.\n\nČl. 3 Prodlužování\n\n1. Výpůjční lhůtu lze prodloužit dvakrát.\n",
    "statuto.txt": "STATUTO\n\nArt. 1 - Denominazione\n\nÈ costituita l'associazione Amici del Parco.\n\nArt. 2 - Durata\n\nLa durata dell'associazione è illimitata.\n",
    "lettera.txt": "Cari soci,\n\nvi scriviamo per la modifica dello statuto.\n\nArt. 4 - Quote\n\nLa quota resta di 20 euro. Cordiali saluti.\n",
    "zakon.txt":
      "ČÁST PRVNÍ\n\nČl. 1 Účel\n\n1. Řád upravuje půjčování dokumentů.\n\nČl. 2 Čtenáři\n\n1. Čtenářem je každý registrovaný uživatel.\n\n" +
      "ČÁST DRUHÁ\n\nČl. 3 Poplatky\n\n1. Registrace stojí 200 Kč ročně.\n",
  });
  assert.equal(sectionAt(docs.get("zakon.txt")!, "Registrace stojí"), "ČÁST DRUHÁ › Čl. 3 Poplatky", "a part's title in capitals stays above its articles");
  const rad = docs.get("rad.txt")!;
  assert.equal(sectionAt(rad, "lze prodloužit dvakrát"), "Čl. 3 Prodlužování");
  assert.equal(sectionAt(rad, "Výpůjční lhůta pro knihy"), "Čl. 2 Výpůjční lhůty");
  assert.equal(sectionAt(docs.get("statuto.txt")!, "La durata"), "Art. 2 - Durata");
  assert.equal(sectionAt(docs.get("lettera.txt")!, "La quota resta"), undefined, "a kind seen once is no structure");
});

test("plain text: numbered, underlined and outline headings give sections; a contents list and the body's indentation are not kept", async () => {
  const faq = [
    "Archive-Name: tools/faq",
    "Last-modified: 1 March 2024",
    "",
    "<DRAFT!>",
    "\t\tFrequently Asked Questions about the tool",
    "",
    "1.0\tGeneral",
    "1.1\tWhat is it?",
    "2.0\tProblems",
    "2.1\tWhy is the tool so slow?",
    "2.2\tWhy does the tool report open files when run as root that",
    "\tare not reported otherwise?",
    "",
    "1.0\tGeneral",
    "",
    "1.1\tWhat is it?",
    "",
    "\tThe tool lists open files. It was written",
    "\tin 1994.",
    "",
    "2.0\tProblems",
    "",
    "2.1\tWhy is the tool so slow?",
    "",
    "\tThe tool may be slow if network address to host name",
    "\tresolution is slow. Turn lookups off with:",
    "",
    "\t\ttool -n",
    "",
    "2.2\tWhy does the tool report open files when run as root that",
    "\tare not reported otherwise?",
    "",
    "\tRoot sees every process.",
  ].join("\n");
  const news = "GNU frob NEWS                -*- outline -*-\n\n* Noteworthy changes in release 1.12 (2022-04-07) [stable]\n\n** Bug fixes\n\n  'frob -l' no longer misreports file lengths.\n\n* Noteworthy changes in release 1.11 (2021-09-03) [stable]\n\n** Performance improvements\n\n  frob decompresses faster.\n";
  const items = "Changes\n\n* Fixed a crash when the input is empty.\n\n* Faster start\n\n* Ported to a new system:\n  it builds there now.\n";
  const rst = "=====\nGuide\n=====\n\nInstalling\n==========\n\nRun the installer.\n\nUpgrading\n---------\n\nRun it again.\n\n--------------------------\nfoo.c:2: printf(x);\n--------------------------\n\n~~~\nmake all\n~~~\n";
  const steps = "Setup\n\n1. Download the archive.\n\n2. Unpack it.\n";
  const lists = {
    "requirements.txt": "Requirements\n\n1. Python 3.8 or later\n\n2. A C compiler such as gcc\n\n3. The zlib headers\n\nInstallation\n\nRun the configure script from the top directory.",
    "todo.txt": "1. Fix the lamp on the north tower\n\n2. Paint the door before winter",
    "shopping.txt": "Shopping list\n\nMILK\n\nEGGS AND BREAD\n\nFLOUR",
    "release.txt": "Release notes\n\n* Faster start on cold boots\n\n* Lower memory use when idle",
  };
  const cover = "Setup\n\nWe cover:\n1. Install\n2. Configure\n\n1. Install\n\nRun the installer.\n\n2. Configure\n\nEdit the file.";
  const guide = "My Guide\n========\n\nContents\n--------\n\n1. Intro\n2. Usage\n\n1. Intro\n\nHello there.\n\n2. Usage\n\nUsage text.";
  // Answers right under their questions, text right under its underline: no blank line between.
  const tight = "Tool FAQ\n\n1.1 How do I install it?\n    Run the installer.\n\n1.2 Why is it slow?\n    Name lookups are slow.\n    Turn them off.";
  const readme = "Guide\n\nInstall\n=======\nRun the installer.\n\nUpgrade\n=======\nRun it again.";
  // A table's header ruled off from its rows is no heading.
  const table = "Limits\n======\n\nThe server reads these settings at start.\n\nName       Value\n-----------------\nmaxconn    100\nport       80\n\nThey apply to every site.\n\nNotes\n=====\n\nRestart after a change.";
  // Titles in capitals right over their text, as rules and notices are typed; not a paragraph in capitals.
  const rules =
    "GARDEN RULES\nApproved by the members on 17 February\n\nART. 1 - PLOTS\nEach member may hold one plot.\nPlots are given in order of application.\n\n" +
    "ART. 2 - WATER\nWatering is allowed before 10:00.\n\nTHE SOFTWARE IS PROVIDED AS IS\nWITHOUT WARRANTY OF ANY KIND.";
  const notice = "Watering\n\n1. WHEN TO WATER\nFrom May to September only in the morning.\n\n2. HOSES\nRoll up the hose after use.";
  // A letter's points: a short title right over its paragraph. Not a list's item whose line wraps
  // onto the next one, nor one followed by its next item.
  const letter =
    "Dear parents,\n\n1. New app\nFrom 1 December the app replaces the chat group for sick notes and letters to parents. You get your login by mail.\n\n" +
    "2. Lantern walk\nThe lantern walk starts on Tuesday at half past five in the garden of the nursery. Please bring a lantern with an LED light.";
  const wrapped =
    "Packing list\n\n1. A warm jacket for the evenings at the lake,\nwhich can be cold.\n\n2. Boots for the walk up the hill and a hat.\n\n" +
    "Before you go\n\n1. Turn off the power\nat the main switch before you leave the house for the week.\n\n2. Lock the door\nand leave the key with the neighbours on the ground floor.";
  // Nor a list's item over the one line that describes it: the text after the list is the section's.
  const needs =
    "Build notes\n\nInstalling\n==========\n\n1. Python 3.8 or later\nThe interpreter that runs the build scripts of the project.\n\n2. Git\nThe tool that fetches the sources from the server.\n\n" +
    "Then run make install from the top directory.\n\nUpgrading\n=========\n\nRun make install again.";
  const docs = await load({ "faq.txt": faq, "NEWS.txt": news, "items.txt": items, "guide.rst": rst, "steps.txt": steps, "cover.txt": cover, "guide.txt": guide, "tight.txt": tight, "readme.txt": readme, "table.txt": table, "rules.txt": rules, "notice.txt": notice, "letter.txt": letter, "wrapped.txt": wrapped, "needs.txt": needs, ...lists });
  const section = (file: string, needle: string) => {
    const doc = docs.get(file)!;
    const at = doc.text.indexOf(needle);
    assert.ok(at >= 0, `${file} holds ${needle}`);
    return sectionOf(doc.structure, at, at + needle.length, doc.text.length)?.path.join(" › ");
  };
  const doc = docs.get("faq.txt")!;
  assert.equal(doc.title, "Frequently Asked Questions about the tool", "past the header fields and the marker");
  assert.equal(section("faq.txt", "The tool lists open files."), "1.0 General › 1.1 What is it?");
  assert.equal(section("faq.txt", "The tool may be slow"), "2.0 Problems › 2.1 Why is the tool so slow?");
  assert.equal(section("faq.txt", "Root sees every process."), "2.0 Problems › 2.2 Why does the tool report open files when run as root that are not reported otherwise?");
  assert.equal(doc.text.split("Why is the tool so slow?").length, 2, "the contents list is left out; the heading is kept once");
  // The answer's lines are at its margin: one sentence over two lines, the command still a block of its own.
  assert.ok(doc.text.includes("The tool may be slow if network address to host name\nresolution is slow."));
  assert.ok(doc.text.includes("\n\n\ttool -n"));
  const spans = sentenceSpans(doc.text, "en").map((s) => s.text);
  assert.ok(spans.includes("The tool may be slow if network address to host name\nresolution is slow."), "wrapped lines make one sentence");
  assert.equal(docs.get("NEWS.txt")!.title, "GNU frob NEWS", "the editor's mode line is no part of the title");
  assert.equal(section("NEWS.txt", "no longer misreports"), "Noteworthy changes in release 1.12 (2022-04-07) [stable] › Bug fixes");
  assert.equal(section("NEWS.txt", "decompresses faster"), "Noteworthy changes in release 1.11 (2021-09-03) [stable] › Performance improvements");
  assert.deepEqual(docs.get("items.txt")!.structure.sections, [], "items of a list written with stars are no headings");
  assert.deepEqual(docs.get("steps.txt")!.structure.sections, [], "nor steps numbered 1., 2.");
  assert.match(docs.get("steps.txt")!.text, /1\. Download the archive\.\n\n2\. Unpack it\.$/);
  // Lists whose items are paragraphs of their own, without a full stop: items, not headings; no word is lost.
  for (const [file, text] of Object.entries(lists)) {
    assert.deepEqual(docs.get(file)!.structure.sections, [], `${file}: no sections`);
    for (const word of text.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w))) assert.ok(docs.get(file)!.text.includes(word), `${file} keeps "${word}"`);
  }
  assert.match(docs.get("cover.txt")!.text, /We cover:\n1\. Install/, "a lead-in keeps its list: no contents list");
  assert.equal(section("cover.txt", "Edit the file."), "2. Configure", "a heading's number as the file writes it");
  assert.match(docs.get("cover.txt")!.text, /\n2\. Configure\n\nEdit the file\.$/);
  assert.equal(section("guide.txt", "Usage text."), "My Guide › 2. Usage", "a heading over a contents list alone goes with it");
  assert.ok(!docs.get("guide.txt")!.text.includes("Contents"));
  assert.equal(section("tight.txt", "Run the installer."), "1.1 How do I install it?");
  assert.equal(section("tight.txt", "Turn them off."), "1.2 Why is it slow?");
  assert.ok(docs.get("tight.txt")!.text.includes("Name lookups are slow.\nTurn them off."), "the answer at its own margin");
  assert.equal(section("readme.txt", "Run it again."), "Upgrade");
  assert.equal(section("table.txt", "They apply to every site."), "Limits");
  assert.equal(section("table.txt", "maxconn"), "Limits");
  assert.equal(section("guide.rst", "Run it again."), "Guide › Installing › Upgrading");
  assert.equal(section("guide.rst", "foo.c:2"), "Guide › Installing › Upgrading", "a line of code between rules is no heading");
  assert.equal(section("guide.rst", "make all"), "Guide › Installing › Upgrading", "nor one between fences shorter than it");
  assert.equal(section("rules.txt", "Plots are given"), "ART. 1 - PLOTS");
  assert.equal(section("rules.txt", "before 10:00"), "ART. 2 - WATER");
  assert.equal(section("rules.txt", "WITHOUT WARRANTY"), "ART. 2 - WATER", "a paragraph in capitals is no title over text");
  assert.equal(section("notice.txt", "only in the morning"), "1. WHEN TO WATER");
  assert.equal(section("notice.txt", "Roll up the hose"), "2. HOSES");
  assert.equal(section("letter.txt", "replaces the chat group"), "1. New app");
  assert.equal(section("letter.txt", "starts on Tuesday"), "2. Lantern walk");
  assert.deepEqual(docs.get("wrapped.txt")!.structure.sections, [], "a list's item over its wrapped rest is no heading");
  assert.equal(section("needs.txt", "Then run make install"), "Installing");
});

test("chunks stay inside sections unless the sections are tiny", async () => {
  const long = (word: string) => Array.from({ length: 12 }, (_, i) => `${word} sentence number ${i} says something useful.`).join(" ");
  const md = `# A\n\n${long("Alpha")}\n\n# B\n\n${long("Beta")}\n\n# C\n\nTiny.\n\n# D\n\nAlso tiny.\n`;
  const doc = (await load({ "x.md": md })).get("x.md")!;
  const chunks = await splitDocuments([doc], { chunkSize: 800, chunkOverlap: 50 });
  for (const c of chunks) {
    assert.ok(!(c.text.includes("Alpha") && c.text.includes("Beta")), "a chunk does not run from A into B");
    assert.equal(doc.text.slice(c.start, c.end), c.text);
  }
  assert.ok(chunks.some((c) => c.text.includes("Tiny.") && c.text.includes("Also tiny.")), "tiny sections share a chunk");
  assert.equal(chunks.find((c) => c.text.includes("Alpha"))!.section, "A");
});

test("a short last section of a part (a manual page's \"See also\", a release's last fixes) goes with its part, not with the next part's start", async () => {
  const long = (word: string) => Array.from({ length: 8 }, (_, i) => `${word} sentence number ${i} says something useful.`).join(" ");
  const md = [
    "# Manual pages",
    "## arpaname - translate IP addresses",
    `### Description\n\n${long("Arpaname")}`,
    "### See Also\n\nThe reference manual.",
    "## delv - DNS lookup utility",
    "### Synopsis\n\ndelv [@server] [name]",
    `### Description\n\n${long("Delv")}`,
  ].join("\n\n");
  const doc = (await load({ "manpages.md": md })).get("manpages.md")!;
  const chunks = await splitDocuments([doc], { chunkSize: 800, chunkOverlap: 50 });
  const seeAlso = chunks.find((c) => c.text.includes("The reference manual."))!;
  assert.ok(!seeAlso.text.includes("delv"), seeAlso.text);
  assert.match(seeAlso.section ?? "", /^Manual pages › arpaname/);
  const synopsis = chunks.find((c) => c.text.includes("delv [@server]"))!;
  assert.match(synopsis.section ?? "", /^Manual pages › delv - DNS lookup utility/);
  assert.match(synopsis.text, /^delv - DNS lookup utility\n\nSynopsis/, "the page's heading still opens its synopsis");
  // A short part alone goes on into the next part, as before: not back into the part before it.
  const parts = `# Version 3\n\n## Added\n\n${long("Three")}\n\n# Version 2\n\n## Fixed\n\nA crash on start.\n\n# Version 1\n\n## Added\n\n${long("One")}\n`;
  const log = (await load({ "changes.md": parts })).get("changes.md")!;
  const fixed = (await splitDocuments([log], { chunkSize: 800, chunkOverlap: 50 })).find((c) => c.text.includes("A crash on start."))!;
  assert.ok(!fixed.text.includes("Three"), fixed.text);
});

test("text saved as UTF-16 with a byte order mark (Notepad's \"Unicode\") is read; binary and broken text are still skipped", async () => {
  const dir = await tempDir();
  const bom = (le: boolean, text: string) => {
    const body = Buffer.from(text, "utf16le");
    if (!le) body.swap16();
    return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
  };
  await writeFiles(dir, {
    "notes.txt": bom(true, "Meeting notes\n\nThe ferry leaves at 7:15 from pier 3."),
    "page.html": bom(false, "<html><body><main><h1>Ferry</h1><p>Tickets are sold on board.</p></main></body></html>"),
    "odd.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([0x00, 0xd8, 0x41, 0x00])]),
    "blob.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(64)]),
  });
  const { documents, skipped } = await loadDocuments(dir, { reader: reader() });
  const text = new Map(documents.map((d) => [d.source, d.text]));
  assert.match(text.get("notes.txt") ?? "", /^The ferry leaves at 7:15 from pier 3\.$/m);
  assert.match(text.get("page.html") ?? "", /Tickets are sold on board\./);
  assert.deepEqual(
    skipped.sort((a, b) => a.source.localeCompare(b.source)),
    [
      { source: "blob.txt", reason: "binary content in a text file" },
      { source: "odd.txt", reason: "not valid UTF-16 text, though it begins as such (save it as UTF-8)" },
    ],
  );
});

test("text that is not UTF-8 is read in the encoding its page declares, else as Windows-1252, with a warning; binary is still skipped", async () => {
  const dir = await tempDir();
  const koi8r = Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]); // "Привет" in KOI8-R
  const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => 1 + ((i * 7919) % 254)));
  await writeFiles(dir, {
    "NEWS.txt": Buffer.from("Release 4.4\n\nThanks to Fran\xe7ois Pinard for the new \x93quiet\x94 mode.\n", "latin1"),
    "ru.html": Buffer.concat([Buffer.from('<html><head><meta charset="koi8-r"><title>Greeting</title></head><body><main><p>'), koi8r, Buffer.from(" means hello.</p></main></body></html>")]),
    "noise.txt": noise,
    "cafe.txt": Buffer.concat([Buffer.from("Le café est prêt à midi. Très bien. "), Buffer.from([0xe9]), Buffer.from(" fin")]),
    "ru.txt": Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x2e]), // "Привет, мир." in Windows-1251
    "tail.txt": Buffer.concat([Buffer.from("Plain words here. ".repeat(5000)), ...Array.from({ length: 5 }, () => noise)]),
    "odd.html": Buffer.from('<html><head><meta charset="utf-16"><title>x</title></head><body><main><p>Caf\xe9 au lait.</p></main></body></html>', "latin1"),
  });
  const { documents, skipped, warnings } = await loadDocuments(dir, { reader: reader() });
  const text = new Map(documents.map((d) => [d.source, d.text]));
  assert.match(text.get("NEWS.txt") ?? "", /Thanks to François Pinard for the new “quiet” mode\./);
  assert.match(text.get("ru.html") ?? "", /Привет means hello\./);
  // One stray byte in UTF-8 is read as Windows-1252; the other accents stay UTF-8.
  assert.equal(text.get("cafe.txt"), "Le café est prêt à midi. Très bien. é fin");
  assert.match(text.get("odd.html") ?? "", /Café au lait\./, "a page that names UTF-16 in its own bytes is not UTF-16");
  assert.deepEqual(
    warnings.map((w) => [w.source, w.warning]).sort(),
    [
      ["NEWS.txt", "not UTF-8: read as windows-1252 (save it as UTF-8 if characters look wrong)"],
      ["cafe.txt", "1 byte(s) are not valid UTF-8 and were read as Windows-1252 (save it as UTF-8)"],
      ["odd.html", "not UTF-8: read as windows-1252 (save it as UTF-8 if characters look wrong)"],
      ["ru.html", "not UTF-8: read as koi8-r (save it as UTF-8 if characters look wrong)"],
    ],
  );
  const binary = { reason: "not valid UTF-8 text, nor text in another encoding (save it as UTF-8)" };
  assert.deepEqual(
    skipped.sort((a, b) => a.source.localeCompare(b.source)),
    [{ source: "noise.txt", ...binary }, { source: "ru.txt", reason: "not UTF-8, nor text in a Western encoding (save it as UTF-8)" }, { source: "tail.txt", ...binary }],
    "binary after 90 KB of text too; Cyrillic in Windows-1251 is not read as Western garble",
  );
});

test("an HTML page that only redirects elsewhere is skipped and named", async () => {
  const dir = await tempDir();
  await writeFiles(dir, {
    "old.html": '<html><head><meta http-equiv="refresh" content="0; URL=new/page.html"><title>Redirecting...</title></head><body>Redirecting to... <a href="new/page.html">new/page.html</a>.</body></html>',
    "new/page.html": "<html><head><title>Page</title></head><body><main><h1>Page</h1><p>The real content lives here.</p></main></body></html>",
  });
  const { documents, skipped } = await loadDocuments(dir, { reader: reader() });
  assert.deepEqual(documents.map((d) => d.source), ["new/page.html"]);
  assert.deepEqual(skipped, [{ source: "old.html", reason: "a redirect page to new/page.html" }]);
});

test("Word files: headings by outline level, Title style and bold lines, as Word's navigation shows them", async () => {
  const { makeDocx } = await import("../helpers/docx.js");
  // A German template: its own chapter style based on the built-in heading, a sub-heading style
  // with an outline level of its own, a Title, a table of contents; a section someone headed in bold.
  const styles =
    '<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel nummeriert"/><w:basedOn w:val="berschrift1"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="Unterpunkt"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Schleife"><w:name w:val="Schleife"/><w:basedOn w:val="Schleife2"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Schleife2"><w:name w:val="Schleife 2"/><w:basedOn w:val="Schleife"/></w:style>';
  const tocEntry = (text: string, page: number) =>
    `<w:p><w:hyperlink w:anchor="_Toc${page}"><w:r><w:t>${text}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>${page}</w:t></w:r></w:hyperlink></w:p>`;
  const docx = await makeDocx(
    [
      { text: "Reisekostenrichtlinie", style: "Titel" },
      { text: "", xml: tocEntry("1 Geltungsbereich", 2) + tocEntry("2 Antrag", 3) },
      { text: "1 Geltungsbereich", style: "Kapitel" },
      { text: "Diese Richtlinie gilt für alle Beschäftigten." },
      { text: "Ausnahmen für Auszubildende", bold: true },
      { text: "Für Auszubildende gelten die Regeln der Ausbildungsordnung." },
      { text: "Wichtig: Belege immer aufbewahren.", bold: true },
      { text: "", cells: ["Kostenart", "Betrag"], bold: true },
      { text: "2 Antrag", style: "berschrift1" },
      { text: "Dienstreisen werden vorab beantragt.", style: "Schleife" },
      { text: "2.1 Fristen", style: "Punkt" },
      { text: "Der Antrag muss zwei Wochen vor der Reise vorliegen." },
    ],
    { styles },
  );
  const dir = await tempDir();
  await writeFiles(dir, { "richtlinie.docx": docx });
  const { documents } = await loadDocuments(dir, { reader: reader() });
  const doc = documents[0]!;
  // The Title style names the document, not the first chapter (only the contents' links lie between).
  assert.equal(doc.title, "Reisekostenrichtlinie");
  const sectionAt = (words: string) => {
    const at = doc.text.indexOf(words);
    assert.ok(at >= 0, `${words} in ${doc.text}`);
    return sectionOf(doc.structure, at, at + words.length, doc.text.length)?.path.join(" › ");
  };
  assert.equal(sectionAt("gilt für alle"), "1 Geltungsbereich");
  assert.equal(sectionAt("Ausbildungsordnung"), "1 Geltungsbereich › Ausnahmen für Auszubildende");
  // A bold sentence and a bold table row are text, not headings.
  assert.equal(sectionAt("Belege immer"), "1 Geltungsbereich › Ausnahmen für Auszubildende");
  assert.equal(sectionAt("Betrag"), "1 Geltungsbereich › Ausnahmen für Auszubildende");
  assert.equal(sectionAt("vorab beantragt"), "2 Antrag");
  assert.equal(sectionAt("zwei Wochen"), "2 Antrag › 2.1 Fristen");
  assert.doesNotMatch(doc.text, /_Toc|\t3/);

  // Bold lines one after another are text, not headings with nothing under them (which are no
  // sections, and whose text was lost); a Title further on is a heading, not the document's name.
  const hours = await makeDocx(
    [
      { text: "Öffnungszeiten", style: "Heading1" },
      { text: "Das Büro ist für alle Anfragen da." },
      { text: "Termine vereinbaren Sie per Telefon." },
      { text: "Das Büro ist so geöffnet:" },
      { text: "Montag bis Freitag 8 bis 18 Uhr", bold: true },
      { text: "Samstag 10 bis 14 Uhr", bold: true },
      { text: "An Feiertagen geschlossen", bold: true },
      { text: "Anhang", style: "Titel" },
      { text: "Die Liste der Feiertage steht im Intranet." },
    ],
    { styles },
  );
  const allBold = await makeDocx([
    { text: "Max Mustermann", bold: true },
    { text: "Telefon 0123 456789", bold: true },
    { text: "Raum 4.12", bold: true },
    { text: "Erreichbar vormittags." },
  ]);
  // The document's name in bold over its first heading in bold: its title, over the chapters.
  const policy = await makeDocx([
    { text: "Academic Integrity Policy", bold: true },
    { text: "1. What counts as misconduct", bold: true },
    { text: "Misconduct is any attempt to gain an unfair advantage." },
    { text: "2. Generative AI tools", bold: true },
    { text: "You must declare every use of an AI tool." },
  ]);
  await writeFiles(dir, { "zeiten.docx": hours, "kontakt.docx": allBold, "policy.docx": policy });
  const read = await loadDocuments(dir, { reader: reader() });
  const zeiten = read.documents.find((d) => d.source === "zeiten.docx")!;
  assert.match(zeiten.text, /Montag bis Freitag 8 bis 18 Uhr\n\nSamstag 10 bis 14 Uhr\n\nAn Feiertagen geschlossen/);
  assert.deepEqual(zeiten.structure.sections.map((x) => x.path.join(" › ")), ["Öffnungszeiten", "Anhang"]);
  assert.equal(zeiten.title, "Öffnungszeiten");
  const kontakt = read.documents.find((d) => d.source === "kontakt.docx");
  assert.ok(kontakt, JSON.stringify(read.skipped));
  assert.match(kontakt.text, /Max Mustermann\n\nTelefon 0123 456789\n\nRaum 4\.12\n\nErreichbar vormittags\./);
  assert.deepEqual(kontakt.structure.sections, []);
  const named = read.documents.find((d) => d.source === "policy.docx")!;
  assert.equal(named.title, "Academic Integrity Policy");
  assert.deepEqual(named.structure.sections.map((x) => x.path.join(" › ")), ["Academic Integrity Policy", "Academic Integrity Policy › 1. What counts as misconduct", "Academic Integrity Policy › 2. Generative AI tools"]);
});

test("Word files: a chain of thousands of styles based on one another is followed only so far, each style once", async () => {
  const { headingStyles } = await import("../../src/documents/docx-headings.js");
  const n = 9_000;
  const chain = `<w:styles xmlns:w="x">${Array.from({ length: n }, (_, i) => `<w:style w:type="paragraph" w:styleId="s${i}"><w:name w:val="S ${i}"/><w:basedOn w:val="s${i + 1}"/></w:style>`).join("")}<w:style w:type="paragraph" w:styleId="s${n}"><w:name w:val="Base"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style></w:styles>`;
  const levels = headingStyles(chain);
  // Within a chain's reach of the outline level, styles inherit it; beyond it (64 links), they do not.
  assert.equal(levels.get(`s${n - 10}`), 3);
  assert.equal(levels.get("s0"), undefined);
  // Past 10,000 styles the rest are not read: no real document defines that many.
  const many = headingStyles(`<w:styles xmlns:w="x">${Array.from({ length: 10_001 }, (_, i) => `<w:style w:type="paragraph" w:styleId="h${i}"><w:name w:val="H ${i}"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>`).join("")}</w:styles>`);
  assert.equal(many.size, 10_000);
});

test("Word files: tables right after one another are one table, each row a line of one block, as Word shows them; a table after a paragraph starts a block", async () => {
  const { makeDocx } = await import("../helpers/docx.js");
  const docx = await makeDocx([
    { text: "Service levels", style: "Heading1" },
    { text: "", cells: ["Level", "Availability", "Response time"] },
    { text: "", cells: ["Standard", "99.5%", "8 hours"] },
    { text: "", cells: ["Premium", "99.9%", "1 hour"] },
    { text: "Fees are billed monthly." },
    { text: "", cells: ["Setup", "EUR 900"] },
  ]);
  const doc = (await load({ "sla.docx": docx })).get("sla.docx")!;
  assert.match(doc.text, /Level Availability Response time\nStandard 99\.5% 8 hours\nPremium 99\.9% 1 hour\n\nFees are billed monthly\.\n\nSetup EUR 900/);
});

test("Word files: headings become the section path; a file that is not a Word document is skipped and named", async () => {
  const { makeDocx } = await import("../helpers/docx.js");
  const docx = await makeDocx([
    { text: "Onboarding Handbook", style: "Heading1" },
    { text: "Welcome to the team." },
    { text: "Laptops", style: "Heading2" },
    { text: "Every new colleague gets a laptop from the IT desk on the first day." },
  ]);
  const dir = await tempDir();
  await writeFiles(dir, { "handbook.docx": docx, "broken.docx": "this is not a zip file" });
  const { documents, skipped } = await loadDocuments(dir, { reader: reader() });
  const doc = documents.find((d) => d.source === "handbook.docx")!;
  assert.equal(doc.title, "Onboarding Handbook");
  const at = doc.text.indexOf("Every new colleague");
  assert.ok(at > 0, doc.text);
  assert.equal(sectionOf(doc.structure, at, at + 10, doc.text.length)?.path.join(" › "), "Onboarding Handbook › Laptops");
  assert.match(skipped.find((s) => s.source === "broken.docx")?.reason ?? "", /not a Word document/);
});

test("Word 97–2003 files (.doc): headings by built-in style, outline level or a template's own style become sections; tables, lists, footnotes and any script are read, field codes and hidden text are not", async () => {
  const { makeDoc } = await import("../helpers/doc.js");
  const doc = makeDoc([
    { text: "Pumpen-Handbuch", style: "Title" },
    { text: "Installation", style: "Heading1" },
    { text: "Die Pumpe wird mit vier M8-Schrauben befestigt.", footnote: "Im Freien nur Edelstahlschrauben verwenden." },
    { text: "Anschluss in Łódź", style: "Heading2" },
    { text: 'Ersatzteile nennt \x13 HYPERLINK "https://example.org/teile" \x14die Website des Herstellers\x15.\x0bDas braune Kabel kommt an L1.' },
    { text: "", cells: ["Modell", "Leistung"] },
    { text: "", cells: ["P-100", "750 W"] },
    { text: "Strom abschalten.", list: true },
    { text: "Deckel öffnen.", list: true },
    { text: "Wartung", style: "Chapter" },
    { text: "Die Pumpe braucht wenig Pflege." },
    // Hidden text (Word shows it only with formatting marks) is not what the document says.
    { text: "Die Pumpe darf stundenlang trocken laufen.", hidden: true },
    { text: "Dichtung", style: "Section" },
    { text: "Die Dichtung alle sechs Monate prüfen." },
    { text: "Entsorgung", outline: 1 },
    { text: "Altgeräte gehören zum Wertstoffhof." },
  ]);
  const dir = await tempDir();
  await writeFiles(dir, { "pumpe.doc": doc });
  const { documents, skipped } = await loadDocuments(dir, { reader: reader() });
  assert.deepEqual(skipped, []);
  const pumpe = documents[0]!;
  assert.equal(pumpe.title, "Pumpen-Handbuch");
  const section = (words: string) => sectionAt(pumpe, words);
  assert.equal(section("vier M8-Schrauben"), "Installation");
  assert.equal(section("braune Kabel"), "Installation › Anschluss in Łódź");
  // A field's result is text; its instructions (the address) are not.
  assert.match(pumpe.text, /Ersatzteile nennt die Website des Herstellers\.\nDas braune Kabel kommt an L1\./);
  assert.doesNotMatch(pumpe.text, /HYPERLINK|example\.org/);
  // A table's rows stay rows; a list's items stay items.
  assert.match(pumpe.text, /Modell\s+Leistung\nP-100\s+750 W/);
  assert.match(pumpe.text, /Strom abschalten\.\n.*Deckel öffnen\./);
  // A style based on the template's chapter style is a chapter too; an outline level set on a paragraph makes a sub-heading.
  assert.equal(section("wenig Pflege"), "Wartung");
  assert.doesNotMatch(pumpe.text, /trocken/);
  assert.match(pumpe.text, /Die Pumpe braucht wenig Pflege\.\s+Dichtung\s+Die Dichtung alle sechs Monate prüfen\./);
  assert.equal(section("sechs Monate"), "Dichtung");
  assert.equal(section("Wertstoffhof"), "Dichtung › Entsorgung");
  // The footnote is read after the text, numbered as its reference is.
  assert.match(pumpe.text, /befestigt\.\[1\]/);
  assert.match(pumpe.text, /\[1\] Im Freien nur Edelstahlschrauben verwenden\.\s*$/);
});

test("Word 97–2003 as LibreOffice writes it: tables in tables, footnotes and endnotes numbered as their references, tracked deletions left out, headers, footers and comments not in the text", async () => {
  // test/fixtures/word97.doc is word97.fodt saved by LibreOffice 7.4: soffice --headless --convert-to 'doc:MS Word 97' word97.fodt
  const dir = await tempDir();
  await fs.copyFile(new URL("../fixtures/word97.doc", import.meta.url), path.join(dir, "word97.doc"));
  const { documents, skipped } = await loadDocuments(dir, { reader: reader() });
  assert.deepEqual(skipped, []);
  const doc = documents[0]!;
  assert.equal(doc.title, "My Document Title");
  assert.equal(sectionAt(doc, "Under level three"), "Introduction › Details › Level Three");
  assert.match(doc.text, /Καλημέρα κόσμε\. Polish: Zażółć gęślą jaźń\. CJK: 日本語のテキスト/);
  // The inner table's rows are lines of the outer cell; the outer row goes on after it.
  assert.match(doc.text, /R2C1 second para N1 N2\nN3 N4 R2C3/);
  // Footnotes and endnotes after the text, each with its reference's number (an author's mark kept).
  assert.match(doc.text, /beta\[4\] gamma\[5\] delta\* eps\[6\]/);
  assert.match(doc.text, /\[5\] FN-GAMMA first para\. FN-GAMMA second para\./);
  assert.match(doc.text, /\* FN-STAR custom mark\./);
  assert.match(doc.text, /\[2\] ENDNOTE body one\.\s+\[4\] EN-BETA\./);
  assert.match(doc.text, /The price is INSERTED 200 euros\./);
  assert.doesNotMatch(doc.text, /DELETEDWORDS|HEADERTEXT|FOOTERTEXT|COMMENTTEXT|HYPERLINK|PAGE/);
});

test("Word 97–2003 files: a password, Word 95, RTF or a spreadsheet named .doc is skipped and named; a .docx named .doc is read as one; a broken file, one whose sector chain loops or whose text claims more than it holds, is skipped; listed twice, a footnote is read once; a field left open hides nothing", async () => {
  const { makeDoc, withLoopingStream } = await import("../helpers/doc.js");
  const { makeDocx } = await import("../helpers/docx.js");
  const CFB = (await import("cfb")).default;
  const sheet = CFB.utils.cfb_new();
  CFB.utils.cfb_add(sheet, "/Workbook", Buffer.from("not text"));
  const good = makeDoc([{ text: "Kapitel", style: "Heading1" }, { text: "Ein ganz normaler Absatz mit etwas Text darin." }]);
  const dir = await tempDir();
  await writeFiles(dir, {
    "geheim.doc": makeDoc([{ text: "Nur mit Passwort." }], { encrypted: true }),
    "alt.doc": makeDoc([{ text: "Aus dem Jahr 1996." }], { nFib: 0x68 }),
    "brief.doc": "{\\rtf1\\ansi Sehr geehrte Damen und Herren}",
    "tabelle.doc": Buffer.from(CFB.write(sheet, { type: "buffer" }) as Uint8Array),
    "neu.doc": await makeDocx([{ text: "Ein Word-2007-Dokument mit alter Endung." }]),
    "kaputt.doc": good.subarray(0, 1200),
    "kurz.doc": makeDoc([{ text: "Ein Absatz." }], { ccpText: 90_000 }),
    // A stream that starts past the file's end, at a sector that points to itself.
    "schleife.doc": withLoopingStream(makeDoc(Array.from({ length: 100 }, (_, i) => ({ text: `Absatz ${i}, lang genug, dass der Text nicht in den kleinen Sektoren liegt.` })))),
    // One run of text listed a thousand times: a small file claiming a thousand times its text.
    "vielfach.doc": makeDoc([{ text: "Ein Absatz." }], { pieceRepeats: 1000 }),
    // A footnote table that lists the same footnote again and again; a field begun and never ended.
    "fussnote.doc": makeDoc([{ text: "Der Text.", footnote: "Nur einmal gelesen." }, { text: "Mehr Text.", footnote: "Die zweite Fußnote." }], { footnotePlaces: [0, 22, 0, 44, 0, 44] }),
    "feld.doc": makeDoc([{ text: "Davor \x13 REF Marke ohne Ende" }, { text: "Der Rest des Dokuments." }]),
    "gut.doc": good,
  });
  const { documents, skipped } = await loadDocuments(dir, { reader: reader() });
  assert.deepEqual(documents.map((d) => d.source).sort(), ["feld.doc", "fussnote.doc", "gut.doc", "neu.doc"]);
  const text = (name: string) => documents.find((d) => d.source === name)!.text;
  assert.equal(text("fussnote.doc").split("Nur einmal gelesen").length, 2, text("fussnote.doc"));
  assert.equal(text("fussnote.doc").split("Die zweite Fußnote").length, 2, text("fussnote.doc"));
  assert.match(text("feld.doc"), /Der Rest des Dokuments\./);
  assert.match(documents.find((d) => d.source === "neu.doc")!.text, /alter Endung/);
  const reason = (name: string) => skipped.find((s) => s.source === name)?.reason ?? "";
  assert.match(reason("geheim.doc"), /encrypted Word document/);
  assert.match(reason("alt.doc"), /Word 95 document.*save it as \.docx/);
  assert.match(reason("brief.doc"), /RTF document named \.doc/);
  assert.match(reason("tabelle.doc"), /without a WordDocument stream/);
  assert.match(reason("kaputt.doc"), /unreadable Word document \(its compound file is damaged or cut short\)/);
  assert.match(reason("kurz.doc"), /unreadable Word document \(a piece table shorter than the text\)/);
  assert.match(reason("schleife.doc"), /its compound file is damaged or cut short/);
  assert.match(reason("vielfach.doc"), /pieces of text that overlap/);
});

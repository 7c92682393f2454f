import assert from "node:assert/strict";
import { test } from "node:test";
import { locateQuote, verifyCitations, withoutForeignAddresses } from "../../src/rag/answer/citations.js";
import type { Chunk } from "../../src/documents/types.js";

const doc = "Intro.\n\nPutin recently had a meeting with Herman\u00a0Gref, the leader of Sberbank.  He said   more.";
const chunk: Chunk = { id: "a#1", source: "a.txt", collection: "main", title: "A", lang: "en", text: doc.slice(8), section: null, page: null, pageEnd: null, hash: "h", start: 8, end: doc.length };
const other: Chunk = { id: "b#1", source: "b.txt", collection: "main", title: "B", lang: "de", text: "Die Bank von Russland.", section: null, page: null, pageEnd: null, hash: "g", start: 0, end: 22 };

test("a quote is found regardless of white space and case, with exact document offsets", () => {
  const found = locateQuote("“herman gref, the LEADER of Sberbank”", chunk)!;
  assert.equal(found.quote, "Herman\u00a0Gref, the leader of Sberbank");
  assert.equal(doc.slice(found.start, found.end), found.quote);
  assert.equal(locateQuote("He said more", chunk)?.quote, "He said   more");
  assert.equal(locateQuote("Herman Gref is the president", chunk), undefined);
  assert.equal(locateQuote("", chunk), undefined);
  // Marks around a quote are left out, but not a closing one whose opening mark the quote holds:
  // a quoted command keeps its last character.
  const links: Chunk = { ...other, id: "c#1", source: "c.txt", lang: "pt", text: "• \"ln -s foo bar\"\n\nRun 'ls -l' and don't stop.", end: 48 };
  assert.equal(locateQuote('• "ln -s foo bar"', links)?.quote, '• "ln -s foo bar"');
  assert.equal(locateQuote('«• "ln -s foo bar"»', links)?.quote, '• "ln -s foo bar"');
  assert.equal(locateQuote("Run 'ls -l'", links)?.quote, "Run 'ls -l'");
  assert.equal(locateQuote("“and don't stop.”", links)?.quote, "and don't stop.");
  // Kept only where the passage has it: a model's own marks around a quote with an odd mark inside.
  const c = (text: string): Chunk => ({ ...other, id: "d#1", source: "d.txt", lang: "en", text, end: text.length });
  assert.equal(locateQuote("'the users' home directories'", c("Open the users' home directories and files."))?.quote, "the users' home directories");
  assert.equal(locateQuote('"a 15" screen"', c('It has a 15" screen.'))?.quote, 'a 15" screen');
  assert.equal(locateQuote("Click ‘OK’", c("Click ‘OK’ to continue."))?.quote, "Click ‘OK’");
  assert.equal(locateQuote("Klicken Sie auf ‚OK‘", c("Klicken Sie auf ‚OK‘ und fertig."))?.quote, "Klicken Sie auf ‚OK‘");
  assert.equal(locateQuote("“Don’t stop.”", c("Don’t stop. Go."))?.quote, "Don’t stop.");
  // Whole words and numbers only: a quote cut inside one would cite a figure or word the passage does not say.
  const limits = c("The limit per client is 250 requests per minute; unrelated 25 later.");
  assert.equal(locateQuote("The limit per client is 25", limits), undefined);
  assert.equal(locateQuote("limit per client is 250", limits)?.quote, "limit per client is 250");
  assert.equal(locateQuote("imit per client", limits), undefined);
  assert.equal(locateQuote("unrelated 25", limits)?.quote, "unrelated 25", "a later whole occurrence is found");
  assert.equal(locateQuote("…client is 250 requests…", limits)?.quote, "client is 250 requests");
  const sizes = c("Each disk holds 2.5 GB; the pool holds 25,000 files. Version 2. Ends here.");
  assert.equal(locateQuote("Each disk holds 2", sizes), undefined, "no part of a decimal");
  assert.equal(locateQuote("the pool holds 25", sizes), undefined, "no part of a number with thousands");
  assert.equal(locateQuote("5 GB", sizes), undefined);
  assert.equal(locateQuote("Version 2.", sizes)?.quote, "Version 2.", "a full stop after a number ends it");
});

test("unknown passages and invented quotes are dropped with their markers; the rest renumbered", () => {
  const v = verifyCitations(
    {
      abstained: false,
      text: "Gref leads Sberbank [2]. The bank is Russian [5]. Putin met him [1] [3]. Invented [4].",
      citations: [
        { id: 1, passage: 1, quote: "Putin recently had a meeting" },
        { id: 2, passage: 1, quote: "the leader of Sberbank" },
        { id: 3, passage: 9, quote: "anything" },
        { id: 4, passage: 2, quote: "Die Bank von Deutschland" },
        { id: 5, passage: 2, quote: "Bank von Russland" },
      ],
    },
    [chunk, other],
  );
  assert.equal(v.text, "Gref leads Sberbank [1]. The bank is Russian [2]. Putin met him [3]. Invented.");
  assert.deepEqual(v.citations.map((c) => [c.n, c.source, c.quote]), [
    [1, "a.txt", "the leader of Sberbank"],
    [2, "b.txt", "Bank von Russland"],
    [3, "a.txt", "Putin recently had a meeting"],
  ]);
  assert.equal(v.dropped, 2);
  for (const c of v.citations.filter((x) => x.source === "a.txt")) assert.equal(doc.slice(c.start, c.end), c.quote);
});

test("citations no marker uses are dropped, and a repeated quote becomes one citation", () => {
  const v = verifyCitations(
    {
      abstained: false,
      text: "A [1] and again [2].",
      citations: [
        { id: 1, passage: 1, quote: "He said more" },
        { id: 2, passage: 1, quote: "he said more" },
        { id: 3, passage: 2, quote: "Bank von Russland" },
      ],
    },
    [chunk, other],
  );
  assert.equal(v.text, "A [1] and again [1].");
  assert.equal(v.citations.length, 1);
});

test("an answer that quotes text with a blank before punctuation keeps the quote exactly; only the markers' blanks are tidied", () => {
  const lck: Chunk = { ...other, id: "c#1", source: "c.txt", lang: "en", text: "Delete the .LCK and .LNK files , then restart.", end: 47 };
  const v = verifyCitations(
    { abstained: false, text: "The documents say: «Delete the .LCK and .LNK files , then restart.» [1] . Also [7] .", citations: [{ id: 1, passage: 1, quote: "Delete the .LCK and .LNK files , then restart." }] },
    [lck],
  );
  assert.equal(v.text, "The documents say: «Delete the .LCK and .LNK files , then restart.» [1]. Also.");
  assert.equal(v.citations[0]!.quote, "Delete the .LCK and .LNK files , then restart.");
});

test("a quote that ends in a lone full stop after an ellipsis ('exportieren... .') still supports its marker", async () => {
  const { claimsOf } = await import("../../src/rag/answer/claims.js");
  const { supportedCitations } = await import("../../src/rag/answer/citations.js");
  const quote = "GnuCash erlaubt Ihnen, eine leere Kopie Ihrer Kontenpläne zu erstellen, durch Auswahl von Datei → Exportieren → Konten exportieren... .";
  const text = `Die Dokumente sagen:\n«${quote}» [1]`;
  const claims = claimsOf(text);
  assert.match(claims.at(-1)!, /Konten exportieren\.\.\. \.» \[1\]$/, "the marker stays with the words it follows");
  const { draft, dropped } = await supportedCitations({ text, citations: [{ id: 1, passage: 1, quote }], abstained: false });
  assert.equal(dropped, 0);
  assert.equal(draft.citations.length, 1);
});

test("a quote is one claim with its marker, whatever full stops it holds ('(z. B.'), and a quote whose citation is dropped leaves the answer with it", async () => {
  const { claimsOf } = await import("../../src/rag/answer/claims.js");
  const { supportedCitations } = await import("../../src/rag/answer/citations.js");
  const first = "Sie dürfen höchstens 10 DVDs gleichzeitig ausleihen.";
  const table = "Medienart Leihfrist\n\nDVDs und Blu-rays 1 Woche.\nBibliothek der Dinge (z. B.";
  const text = `Die Dokumente sagen:\n«${first}» [1]\n«${table}» [2]`;
  assert.equal(claimsOf(text).at(-1), `«${table}» [2]`);
  const { draft, dropped } = await supportedCitations({ text, citations: [{ id: 1, passage: 1, quote: first }, { id: 2, passage: 1, quote: table }], abstained: false });
  assert.equal(dropped, 0, "the table's quote supports its own marker");
  assert.equal(draft.citations.length, 2);
  // A quote the passage does not hold is dropped with its marker: no uncited «…» is left.
  const chunk: Chunk = { ...other, id: "d#1", source: "ausleihe.html", lang: "de", text: first, end: first.length };
  const v = verifyCitations({ text, citations: [{ id: 1, passage: 1, quote: first }, { id: 2, passage: 1, quote: table }], abstained: false }, [chunk]);
  assert.equal(v.text, `Die Dokumente sagen:\n«${first}» [1]`);
  assert.equal(v.citations.length, 1);
  // A quote inside a sentence stays, only its marker goes.
  const inline = verifyCitations({ text: "Type «make install» [2] in the shell, then restart [1].", citations: [{ id: 1, passage: 1, quote: first }, { id: 2, passage: 1, quote: "make install" }], abstained: false }, [chunk]);
  assert.equal(inline.text, "Type «make install» in the shell, then restart [1].");
  // German »…« quotes are claims of their own too; an unclosed mark joins nothing.
  assert.deepEqual(claimsOf("»Das Gerät ist aus. Es startet neu.« [1] Der Filter ist sauber [2]. Die Garantie gilt zwei Jahre [3]."), [
    "»Das Gerät ist aus. Es startet neu.« [1]",
    "Der Filter ist sauber [2].",
    "Die Garantie gilt zwei Jahre [3].",
  ]);
  assert.equal(claimsOf("Klicken Sie «Weiter und dann OK. [1] Der Filter ist sauber [2]. Die Garantie gilt zwei Jahre [3].").length, 3);
});

test("a model's sentences that give an address neither the passages nor the question give are left out", () => {
  const known = ["Questions go to help@tallybook.example or https://tallybook.example/support.", "How do I reach support?"];
  const text = "Write to help@tallybook.example [1]. The portal is https://tallybook.example/support. Or ask @phish_support_bot. Urgent cases: www.evil.example.";
  const { text: kept, removed } = withoutForeignAddresses(text, known);
  assert.equal(kept, "Write to help@tallybook.example [1]. The portal is https://tallybook.example/support.");
  assert.equal(removed, 2);
  assert.deepEqual(withoutForeignAddresses("No address here [1].", known), { text: "No address here [1].", removed: 0 });
  assert.equal(withoutForeignAddresses("As you wrote, mail me@home.example.", ["Mail me@home.example the answer"]).removed, 0, "the asker's own address");
  // The passage's address as a model formats it: in code or bold, without or with its scheme, before Chinese or Japanese punctuation.
  const passage = ["Help is at example.com/help and at https://docs.example/start."];
  for (const sentence of ["See `https://example.com/help` [1].", "See **https://example.com/help** [1].", "请访问 https://example.com/help。", "詳細は「https://docs.example/start」を参照 [1]。", "Open www.example.com/help/ [1]."]) {
    assert.equal(withoutForeignAddresses(sentence, passage).removed, 0, sentence);
  }
  // What is left keeps its lines.
  const listed = withoutForeignAddresses("Steps [1]:\n\n- Open the portal.\n- Log in. Mail keys to keys@evil.example.\n\nDone [1].", passage);
  assert.equal(listed.text, "Steps [1]:\n\n- Open the portal.\n- Log in. Done [1].");
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { makePdf } from "../helpers/pdf.js";
import { questionAnswererOver } from "../helpers/kb.js";

// One manual, shipped as HTML pages and as a PDF (lines wrapped, a word hyphenated at a line's
// end), beside pages on other topics and the manual's German translation.
const FILLER = "Each step is written to the journal, with the time it took and the user who started it, so that an administrator can follow it later.";
const ANSWER = "To keep older versions of a file, the server takes snapshots of the data volume every night and keeps them for thirty days.";
const HTML = `<html lang="en"><head><title>Storage guide</title></head><body>
<h1>Storage guide</h1>
<h2>Quotas</h2><p>Every user may store up to fifty gigabytes. ${FILLER} ${FILLER}</p>
<h2>Snapshots</h2><p>${ANSWER} A snapshot is read-only; restoring one copies its files back. ${FILLER} ${FILLER}</p>
<h2>Encryption</h2><p>Volumes are encrypted with a key held by the storage service. ${FILLER} ${FILLER}</p>
</body></html>`;
const GERMAN = `<html lang="de"><head><title>Speicherhandbuch</title></head><body>
<h1>Speicherhandbuch</h1>
<h2>Snapshots</h2><p>Um ältere Versionen einer Datei aufzubewahren, erstellt der Server jede Nacht Snapshots des Datenvolumes und bewahrt sie dreißig Tage lang auf. Ein Snapshot ist schreibgeschützt.</p>
</body></html>`;
const PDF = makePdf({
  pages: [
    ["Storage guide", "", "Quotas", "Every user may store up to fifty gigabytes. Each step is written to the", "journal, with the time it took and the user who started it, so that an", "administrator can follow it later."],
    [
      "Snapshots",
      "To keep older versions of a file, the server takes snap-",
      "shots of the data volume every night and keeps them for thirty days. A",
      "snapshot is read-only; restoring one copies its files back. Each step is",
      "written to the journal, with the time it took and the user who started it,",
      "so that an administrator can follow it later.",
    ],
  ],
});
const OTHERS = {
  "printing.md": `# Printing\n\nPrinters are added by the help desk. A print job waits in the queue until the printer is free. ${FILLER}\n`,
  "mail.md": `# Mail\n\nMailboxes hold ten gigabytes. Old mail is archived after two years. ${FILLER}\n`,
};

test("the same text in two files (a manual as HTML and as PDF): the quote cites both files under one number, each at its own place", async () => {
  const { qa } = await questionAnswererOver({ "guide/storage.html": HTML, "guide/storage.pdf": PDF, "de/speicher.html": GERMAN, ...OTHERS });
  const question = "How many days does the server keep the snapshots of the data volume?";
  const a = await qa.ask(question);
  assert.equal(a.abstained, false);
  const n = a.citations[0]!.n;
  const copies = a.citations.filter((c) => c.n === n);
  assert.deepEqual(copies.map((c) => c.source).sort(), ["guide/storage.html", "guide/storage.pdf"], a.citations.map((c) => `[${c.n}] ${c.source}: ${c.quote}`).join(" | "));
  for (const c of copies) assert.match(c.quote.replace(/-\s+/g, "").replace(/\s+/g, " "), /keeps them for thirty days/);
  // Each copy is cited where it stands in its own file: the PDF's on its page.
  assert.equal(copies.find((c) => c.source.endsWith(".pdf"))!.page, 2);
  assert.equal(copies.find((c) => c.source.endsWith(".html"))!.page, null);
  // Not the translation, which says the same in other words, nor another number for the copy.
  assert.ok(!a.citations.some((c) => c.source.startsWith("de/")));
  assert.equal(a.text.match(/«/g)?.length ?? 0, new Set(a.citations.map((c) => c.n)).size, a.text);
});

test("a passage that only shares a sentence with another file is no copy of it: each keeps its own place", async () => {
  // The two pages share their closing note and nothing else: the answer cites the one that answers.
  const note = "Questions about this page go to the help desk, which answers within two working days.";
  const { qa } = await questionAnswererOver({
    "printing.md": `# Printing\n\nPrinters are added by the help desk. A print job waits in the queue until the printer is free, and a job older than a day is deleted. ${note}\n`,
    "mail.md": `# Mail\n\nMailboxes hold ten gigabytes. Old mail is archived after two years and deleted after ten. ${note}\n`,
    ...{ "storage.html": HTML },
  });
  const a = await qa.ask("When is a print job that waits in the queue deleted?");
  assert.equal(a.abstained, false);
  assert.deepEqual([...new Set(a.citations.filter((c) => c.n === 1).map((c) => c.source))], ["printing.md"], a.citations.map((c) => `[${c.n}] ${c.source}: ${c.quote}`).join(" | "));
});

test("a manual in two languages, each as HTML and as PDF: a question's own language's two copies come first, one after the other", async () => {
  // Commands and numbers say the same in both languages, so the English copies match the German
  // question nearly as well as the German ones, and are held just below the best German passage.
  const journal = "Jeder Schritt wird im Journal festgehalten, mit der Dauer und dem Benutzer, der ihn gestartet hat, damit ein Administrator ihn später nachvollziehen kann.";
  const german = ["Um eine Verbindung von Port 4025 auf localhost zu Port 25 auf remote-server", "herzustellen, führen Sie auf localhost aus:", "$ ssh -q -L 4025:remote-server:25 benutzer@remote-server"];
  const english = ["To connect port 4025 of localhost to port 25 of remote-server", "through ssh, execute on localhost:", "$ ssh -q -L 4025:remote-server:25 user@remote-server"];
  const page = (lang: string, title: string, heading: string, lines: string[], before = "") =>
    `<html lang="${lang}"><head><title>${title}</title></head><body><h1>${title}</h1>${before}<h2>${heading}</h2><p>${lines[0]} ${lines[1]}</p><pre>${lines[2]}</pre></body></html>`;
  const { kb } = await questionAnswererOver({
    "de/netz.html": page("de", "Netzwerk", "Portweiterleitung", german, `<h2>Zugang</h2><p>${journal} ${journal}</p>`),
    "de/netz.pdf": makePdf({ pages: [["Netzwerk", "Zugang", journal], ["Portweiterleitung", ...german]] }),
    "en/net.html": page("en", "Network", "Port forwarding", english),
    "en/net.pdf": makePdf({ pages: [["Network"], ["Port forwarding", ...english]] }),
  });
  const r = await kb.retrieve("Wie leite ich mit ssh Port 4025 auf meinem Rechner an Port 25 eines fernen Servers weiter?");
  const sources = r.results.map((x) => x.chunk.source);
  assert.deepEqual(sources.slice(0, 2).sort(), ["de/netz.html", "de/netz.pdf"], sources.join(", "));
});

test("a near miss names the closest passages once each: a passage's copy in another file is listed under its number", async () => {
  const { closestPassages } = await import("../../src/rag/qa.js");
  const chunk = (id: string, source: string, section: string, page: number | null) =>
    ({ chunk: { id, source, title: "Storage guide", section, page, pageEnd: page, text: "", lang: "en" }, score: 1 }) as never;
  const places = closestPassages({
    results: [
      chunk("h1", "guide/storage.html", "Snapshots", null),
      { ...(chunk("p1", "guide/storage.pdf", "Snapshots", 2) as object), twinOf: "h1" } as never,
      chunk("h2", "guide/storage.html", "Quotas", null),
      chunk("m1", "mail.md", "Mail", null),
    ],
  });
  assert.deepEqual(
    places.map((p) => [p.n, p.source, p.page]),
    [
      [1, "guide/storage.html", null],
      [1, "guide/storage.pdf", 2],
      [2, "guide/storage.html", null],
    ],
  );
});

test("two versions of a page that differ in a number are no copies of each other's value: each version is quoted with its own", async () => {
  const page = (version: number, limit: string, rule: string) =>
    `# Gateway limits (version ${version})\n\nThe gateway accepts connections from the office network and from the VPN. Every connection is logged with the client address and the time it was opened, and the log is kept for a year so that an administrator can trace a session later.\n\nThe maximum number of simultaneous connections per client is ${limit}.\n\nPasswords for the gateway must be changed every 90 days${rule}.\n\nIdle sessions are closed after ten minutes without traffic.\n`;
  const { qa } = await questionAnswererOver({
    "v1/gateway.md": page(1, "25", ""),
    "v2/gateway.md": page(2, "250", " unless the account uses a hardware security key"),
    "printing.md": "# Printing\n\nPrinters are added by the help desk. A print job waits in the queue until the printer is free.\n",
  });
  const show = (a: { citations: readonly { n: number; source: string; quote: string }[] }) => a.citations.map((c) => `[${c.n}] ${c.source}: ${c.quote}`).join(" | ");
  const limit = await qa.ask("What is the maximum number of simultaneous connections per client?");
  assert.deepEqual(limit.citations.map((c) => [c.source, c.quote.match(/is (\d+)\./)?.[1]]).sort(), [["v1/gateway.md", "25"], ["v2/gateway.md", "250"]], show(limit));
  assert.equal(new Set(limit.citations.map((c) => c.n)).size, 2, show(limit));
  const rule = await qa.ask("How often must the gateway password be changed?");
  assert.ok(rule.citations.some((c) => c.source === "v2/gateway.md" && /unless the account uses a hardware security key/.test(c.quote)), show(rule));
  assert.ok(!rule.citations.some((c) => c.source === "v2/gateway.md" && /every 90 days\.?$/.test(c.quote)), show(rule));
});

test("a paragraph another file repeats with a word or two changed is quoted once, not twice", async () => {
  const described = (extra: string, servers: string) =>
    `It performs DNS lookups and displays the answers that are returned from the name ${servers} that were queried. Most ${extra}DNS administrators use dig to troubleshoot DNS problems because of its flexibility, ease of use, and clarity of output.`;
  const { qa } = await questionAnswererOver({
    "manpages/dig.md": `# dig\n\n## Description\n\ndig is a flexible tool for interrogating DNS name servers. ${described("", "server(s)")}\n`,
    "guide/verify.md": `# Verifying a resolver\n\n## Using dig\n\n${described("seasoned ", "servers")}\n`,
    "tools.md": `# Diagnostic tools\n\n## nslookup\n\nnslookup queries name servers interactively. Because of its quirks, we do not recommend the use of nslookup for troubleshooting; use dig instead.\n`,
    ...OTHERS,
  });
  const a = await qa.ask("Which tool do most DNS administrators use to troubleshoot DNS problems?");
  assert.equal(a.abstained, false);
  const quotes = [...new Map(a.citations.map((c) => [c.n, c.quote])).values()];
  assert.equal(quotes.filter((q) => /DNS administrators use dig/.test(q)).length, 1, quotes.join(" | "));
});

test("a quote adds nothing to another that says its words in the same order with a word or two changed; it does when it says more, another number, name or 'not'", async () => {
  const { addsNothingTo } = await import("../../src/rag/twins.js");
  const man = "dig is a flexible tool for interrogating DNS name servers. It performs DNS lookups and displays the answers that are returned from the name server(s) that were queried. Most DNS administrators use dig to troubleshoot DNS problems.";
  const guide = "It performs DNS lookups and displays the answers that are returned from the name servers that were queried. Most seasoned DNS administrators use dig to troubleshoot DNS problems.";
  assert.equal(addsNothingTo(guide, man), true);
  assert.equal(addsNothingTo(man, guide), false, "the manual's quote says what the tool is besides");
  const limit = (n: string) => `The maximum number of simultaneous connections per client is ${n}.`;
  assert.equal(addsNothingTo(limit("250"), limit("25")), false);
  assert.equal(addsNothingTo("Passwords for the gateway must be changed every 90 days unless the account uses a hardware key.", "Passwords for the gateway must be changed every 90 days."), false);
  const os = (name: string) => `On ${name}, the configuration file of the agent is read once at start and again after every reload of the service.`;
  assert.equal(addsNothingTo(os("Windows"), os("Linux")), false);
  const ttl = (what: string) => `Sets the number of seconds to cache a ${what} response before the server asks again.`;
  assert.equal(addsNothingTo(ttl("NXDOMAIN"), ttl("SERVFAIL")), false);
  assert.equal(addsNothingTo("You cannot restore a snapshot of the volume while the volume is mounted.", "You can restore a snapshot of the volume while the volume is mounted."), false);
});

test("a translation that left a chapter in the original language: a question in that language is answered from the original's copy first, the translation's named as its copy", async () => {
  const untranslated = `${ANSWER} A snapshot is read-only; restoring one copies its files back. ${FILLER} ${FILLER}`;
  // Built in both orders: whichever file the index lists first, the English file's copy leads.
  for (const [first, second] of [["a-en", "b-de"], ["b-en", "a-de"]] as const) {
    const { qa } = await questionAnswererOver({
      [`${first}/storage.md`]: `# Storage guide\n\n## Quotas\n\nEvery user may store up to fifty gigabytes. ${FILLER}\n\n## Snapshots\n\n${untranslated}\n`,
      [`${second}/speicher.md`]:
        "# Speicherhandbuch\n\n## Kontingente\n\nJeder Benutzer darf bis zu fünfzig Gigabyte speichern. Jeder Schritt wird im Journal vermerkt, mit der Dauer und dem Benutzer, der ihn gestartet hat, damit ein Administrator ihn später nachvollziehen kann. " +
        "Die Kontingente gelten für alle Volumes des Servers und werden jede Nacht neu berechnet.\n\n" +
        `## Snapshots\n\n${untranslated}\n`,
      ...OTHERS,
    });
    const a = await qa.ask("How many days does the server keep the snapshots of the data volume?");
    assert.equal(a.abstained, false);
    const english = first.endsWith("en") ? first : second;
    const results = a.retrieval.results;
    const lead = results.findIndex((r) => /thirty days/.test(r.chunk.text));
    assert.equal(results[lead]!.chunk.source, `${english}/storage.md`, results.map((r) => `${r.chunk.source}${r.twinOf ? " (copy)" : ""}`).join(", "));
    assert.equal(results[lead + 1]!.twinOf, results[lead]!.chunk.id, "the translation's copy right after it, named as a copy");
    assert.equal(a.citations[0]!.source, `${english}/storage.md`);
  }
});

test("copies of one passage: the one in the asker's language leads even where the list has room for it alone; each copy is listed once", async () => {
  const { withTwinsAdjacent } = await import("../../src/rag/twins.js");
  const text = `${ANSWER} A snapshot is read-only; restoring one copies its files back. ${FILLER}`;
  const item = (id: string, source: string, rank: number, body = text) => ({ chunk: { id, source, lang: "en", text: body }, rank });
  const german = item("de1", "de/speicher.pdf", 0.9);
  const english = item("en1", "en/storage.pdf", 0.8);
  const other = item("x1", "en/mail.md", 0.7, "Mailboxes hold ten gigabytes. Old mail is archived after two years, and deleted mail stays in the bin for a week.");
  const preferred = (c: { source: string }) => c.source.startsWith("en/");
  const one = withTwinsAdjacent([german, english, other], [german, english, other], 1, preferred);
  assert.deepEqual(one.map((x) => x.chunk.id), ["en1"], "room for one: the English document's copy, at the group's score");
  assert.equal(one[0]!.rank, 0.9);
  const all = withTwinsAdjacent([german, english, other], [german, english, other], 3, preferred);
  assert.deepEqual(all.map((x) => [x.chunk.id, x.twinOf ?? ""]), [["en1", ""], ["de1", "en1"], ["x1", ""]]);
});

test("a near miss lists one passage once, whichever of its copies a search of the question's translation put first", async () => {
  const { closestPassages } = await import("../../src/rag/qa.js");
  const chunk = (id: string, source: string) => ({ id, source, title: source, section: "Snapshots", page: null, pageEnd: null, text: ANSWER, lang: "en" }) as never;
  const places = closestPassages({
    results: [
      { chunk: chunk("de1", "de/speicher.pdf"), score: 0.9, twinOf: "en1" },
      { chunk: chunk("en1", "en/storage.pdf"), score: 0.9 },
      { chunk: chunk("m1", "en/mail.md"), score: 0.5 },
    ] as never,
  });
  assert.deepEqual(places.map((p) => [p.source, p.n]), [["de/speicher.pdf", 1], ["en/storage.pdf", 1], ["en/mail.md", 2]]);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { isContentsListing } from "../../src/rag/contents-listing.js";
import { knowledgeBaseOver, questionAnswererOver } from "../helpers/kb.js";

// Numbers that look like section numbers in everyday text: none of these is a contents listing, so
// each answer is quoted (a contents page's listing itself is tested in answer-extractive.test.ts).

const cases: { name: string; files: Record<string, string>; q: string; expect: RegExp }[] = [
  {
    name: "German office hours (times 10.30 Uhr)",
    files: {
      "sprechstunde.md": "# Sprechstunde\n\nDie Sprechstunde des Prüfungsamts ist montags ab 10.30 Uhr, mittwochs ab 14.00 Uhr und freitags ab 9.15 Uhr.\n\nTermine vereinbaren Sie bitte vorher über das Online-Portal der Hochschule oder telefonisch beim Sekretariat.\n",
      "bibliothek.md": "# Bibliothek\n\nDie Bibliothek leiht Bücher für vier Wochen aus. Eine Verlängerung ist online möglich.\n",
    },
    q: "Wann ist die Sprechstunde des Prüfungsamts?",
    expect: /10\.30 Uhr/,
  },
  {
    name: "supported Ubuntu releases (22.04 LTS)",
    files: {
      "support.md": "# Supported systems\n\nThe agent is supported on Ubuntu 20.04 LTS, 22.04 LTS and 24.04 LTS. Other distributions may work but are not tested.\n",
      "install.md": "# Installing\n\nDownload the package and run the installer as root. The installer asks for the server address.\n",
    },
    q: "Which Ubuntu versions is the agent supported on?",
    expect: /22\.04 LTS/,
  },
  {
    name: "German holiday closures (24.12. Geschlossen)",
    files: {
      "feiertage.md": "# Öffnungszeiten an Feiertagen\n\nDie Mensa bleibt an folgenden Tagen zu: 24.12. Heiligabend, 31.12. Silvester und 1.1. Neujahr. An allen anderen Tagen öffnet sie um 11 Uhr.\n",
      "mensa.md": "# Mensa\n\nDie Mensa bietet täglich drei Gerichte an, eines davon vegetarisch.\n",
    },
    q: "An welchen Tagen bleibt die Mensa zu?",
    expect: /24\.12\./,
  },
  {
    name: "legal text citing Ziffer 3.1 Satz …",
    files: {
      "vertrag.md": "# Kündigung\n\nDer Vertrag kann nach Ziffer 3.1 Satz 2 mit einer Frist von drei Monaten gekündigt werden, in den Fällen der Ziffer 4.2 Absatz 1 und Ziffer 5.3 Buchstabe a fristlos.\n",
      "haftung.md": "# Haftung\n\nDie Haftung ist auf Vorsatz und grobe Fahrlässigkeit beschränkt.\n",
    },
    q: "Mit welcher Frist kann der Vertrag gekündigt werden?",
    expect: /drei Monaten/,
  },
  {
    name: "release notes",
    files: {
      "changes.md": "# Changes\n\n2.4 Added export to PDF.\n2.5 Fixed the crash when the export folder is missing.\n2.6 Removed the old XML export.\n",
      "about.md": "# About\n\nThe editor stores notes as plain text files in one folder.\n",
    },
    q: "In which version was the crash with a missing export folder fixed?",
    expect: /2\.5 Fixed the crash/,
  },
  {
    name: "release notes on one line",
    files: {
      "changes.md": "# Changes\n\nVersion history: 2.4 Added export to PDF; 2.5 Fixed the crash when the export folder is missing; 2.6 Removed the old XML export.\n",
      "about.md": "# About\n\nThe editor stores notes as plain text files in one folder.\n",
    },
    q: "In which version was the crash with a missing export folder fixed?",
    expect: /2\.5 Fixed the crash/,
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const { qa } = await questionAnswererOver(c.files);
    const answer = await qa.ask(c.q);
    const quotes = answer.citations.map((x) => x.quote);
    assert.ok(quotes.some((q) => c.expect.test(q)), `abstained=${answer.abstained} quotes=${JSON.stringify(quotes)}`);
  });
}

test("what is a contents listing: numbered titles in order, most of the lines, defining nothing and ending no sentence", () => {
  for (const listing of [
    "Die FAQ\n\n8.1 Welche Programme bietet Debian an?\n8.2 Wie kann ich ein Paket entfernen?\n8.3 Wie kann ich feststellen, welche Pakete installiert sind?",
    "5.1. Welche Art von Anwendungen ist verfügbar? 5.2. Wer schreibt die Programme? 5.3. Wie kann ich X? 5.4. Wie kann ich Y?",
    "Contents\n1.1 Introduction\n1.2 Installing\n1.3 Configuration\n2.1 Usage",
    // A generated table of contents: chapters' own numbers ("4.") end no sentence either.
    "• 4. Name Server Operations\n\n• 4.1. Tools for Use With the Daemon\n• 4.2. Signals\n• 4.3. Plugins\n\n• 5. DNSSEC\n\n• 5.1. Zone Signing\n• 5.2. Secure Delegation",
  ]) assert.ok(isContentsListing(listing), listing);
  for (const passage of [
    // A sentence that ends in a number ends.
    "1.1 Install\nInstall version 2.0.\n1.2 Configure\nSet the port to 8080.\n1.3 Run\nThe default timeout is 30.",
    // A section under numbered headings, its steps between them.
    "2.1 Setup\n• Open the file menu\n• Choose Save\n2.1.1 Options\n• Tick Backup\n• Click OK\n2.1.2 More\n• Quit",
    // A reference's entries define.
    "Options\n4.1 Watchdog: restarts a hung service\n4.2 Backlog: queued connections\n4.3 Keepalive: idle seconds",
    // Numbered steps end their sentences.
    "1. Open the file.\n2. Choose Save.\n2.1 Options\n2.2 More\n2.3 Backup\n3. Quit.",
  ]) assert.ok(!isContentsListing(passage), passage);
});

test("a contents listing goes below the passages retrieved with it, not out of them: whether a question is answered is the same", async () => {
  const { kb } = await knowledgeBaseOver({
    "index.md": "# Contents\n\n4.1 Watchdog restarts a hung service\n4.2 Backlog of queued connections\n4.3 Keepalive in idle seconds\n",
    ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`note${i}.md`, `# Note ${i}\n\nAfter an upgrade the service may stop answering requests from clients. Log ${i}.\n`])),
  });
  const r = await kb.retrieve("Which option restarts the service when it is hung after an upgrade and stops answering requests from clients?", 4);
  assert.equal(r.answerable, true, `coverage ${r.answerability}`);
  assert.ok(r.results.some((x) => x.chunk.source === "index.md"), "still among the passages retrieved");
});

test("a page of links (a sitemap, an index) goes below the prose its links lead to", async () => {
  const titles = ["Restarting a hung service", "Queued connections and the backlog", "Keepalive and idle connections", "Rotating the log files", "Virtual hosts by name"];
  const { kb } = await knowledgeBaseOver({
    "sitemap.html": `<html><body><h1>Sitemap</h1><ul>${titles.map((t, i) => `<li><a href="p${i}.html">${t}</a></li>`).join("")}</ul></body></html>`,
    "watchdog.md": "# Watchdog\n\nThe watchdog starts a service again when it hangs: after thirty seconds without an answer, the service is restarted and the event is logged.\n",
    "backlog.md": "# Backlog\n\nConnections wait in the backlog queue until a worker is free.\n",
  });
  const r = await kb.retrieve("How is a hung service restarted?", 3);
  assert.equal(r.results[0]?.chunk.source, "watchdog.md", r.results.map((x) => x.chunk.source).join());
  assert.ok(r.results.some((x) => x.chunk.source === "sitemap.html"), "still among the passages retrieved");
});

import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { before, test } from "node:test";
import { MemoryConversationStore } from "../../src/rag/conversation.js";
import { CARRIED_CHARS, looksLikeFollowUp, type QuestionAnswerer } from "../../src/rag/qa.js";
import { normalizeForMatch, sentenceSpans, terms, type Lang } from "../../src/rag/text.js";
import { askingTerms, ASKS_MENU, ASKS_PLACE, ASKS_WHERE_IN_PROGRAM, ASKS_WHERE_TO_READ, definitionTerms, looksLikeCode, onlyPointsElsewhere, quoteWindow, SAYS_PLACE } from "../../src/rag/answer/extractive.js";
import { amountAsked, ASKS_AMOUNT, ASKS_HOW, ASKS_WHY, ASKS_YES_NO, asksYesNo, definitionAsked, definitionOf, isPriceWord, SAYS_NO, SAYS_WHY } from "../../src/rag/asked.js";
import { corpusQuestionAnswerer, folderQuestionAnswerer, questionAnswererOver } from "../helpers/kb.js";
import { CORPUS_DIR, PROJECT_ROOT, tempDir } from "../helpers/util.js";
import { isNewerHeading, isNewerVersion } from "../../src/rag/answer/versions.js";


/** What `quoteWindow` quotes of `text` around its unit `from`. */
function quoted(text: string, lang: Lang = "en", from = 0, options: Parameters<typeof quoteWindow>[4] = {}): string {
  const w = quoteWindow(text, sentenceSpans(text, lang), from, from, options);
  return text.slice(w.start, w.end);
}

/** Asks `question` and checks that its first quote matches `expected` (the quotes in the message); the answer, for further checks. */
async function firstQuoteMatches(answerer: QuestionAnswerer, question: string, expected: RegExp) {
  const a = await answerer.ask(question);
  assert.match(a.citations[0]?.quote ?? "", expected, `${question}: ${a.citations.map((c) => c.quote).join(" | ") || "(no quote)"}`);
  return a;
}

let qa: QuestionAnswerer;
before(async () => {
  ({ qa } = await corpusQuestionAnswerer());
});

interface DevQuestion { id: string; question: string; source: string | null; expect: string | null }

test("dev questions: a cited quote from the right source whenever retrieval finds it; null questions abstain", async () => {
  const file = path.join(PROJECT_ROOT, "data/eval/seed-questions.jsonl");
  const questions = (await fs.readFile(file, "utf8")).trim().split("\n").map((l) => JSON.parse(l) as DevQuestion);
  const documents = new Map<string, string>();
  for (const name of await fs.readdir(CORPUS_DIR)) documents.set(name, (await fs.readFile(path.join(CORPUS_DIR, name), "utf8")).trim());
  let checked = 0;
  let falseAbstentions = 0;
  for (const q of questions) {
    const a = await qa.ask(q.question);
    assert.equal(a.answerer, "extractive");
    if (!q.source) {
      assert.equal(a.abstained, true, `${q.id} must abstain`);
      assert.equal(a.text, q.id === "d11" ? "Die Dokumente beantworten diese Frage nicht." : "The documents do not answer this question.");
      continue;
    }
    const top3 = a.retrieval.results.slice(0, 3);
    const found = top3.some((x) => x.chunk.source === q.source && normalizeForMatch(x.chunk.text).includes(normalizeForMatch(q.expect!)));
    if (!found) continue;
    // One answerable question may fall under the answerability bar (d09, a German question about
    // an English article, covers 0.21 of its words against 0.25); the README reports it.
    if (a.abstained) {
      falseAbstentions++;
      continue;
    }
    checked++;
    assert.ok(a.citations.some((c) => c.source === q.source), `${q.id}: a quote from ${q.source}`);
    for (const c of a.citations) {
      assert.equal(documents.get(c.source)!.slice(c.start, c.end), c.quote, "every quote is the document's exact text");
      assert.ok(a.text.includes(`[${c.n}]`));
    }
    assert.match(a.text, q.question.match(/^(Wer|Wie|Welche)/) ? /^Die Dokumente sagen:/ : /^The documents say:/);
  }
  assert.ok(checked >= 7, `${checked} questions had their passage in the top 3 and were answered`);
  assert.ok(falseAbstentions <= 1, `${falseAbstentions} answerable questions abstained`);
});

test("a quote is read under its section's headings: the sentence that answers beats one that only shares the question's words", async () => {
  // Sections long enough to be passages of their own.
  const filler = "The log file records when this happened, which process did it and how long it took, so that an administrator can follow it later. ".repeat(6);
  const { qa: server } = await questionAnswererOver({
    "server.md":
      "# Stopping and restarting\n\n## Immediate stop\n\nThe parent process kills its children at once. All requests being handled are aborted and no further requests are served. " +
      `${filler}\n\n## Graceful restart\n\nThe parent process advises its children to exit after their current request. Idle children exit at once, and new children start with the new configuration. ${filler}\n`,
  });
  const a = await server.ask("What happens to the requests still running when I do a graceful restart?");
  assert.equal(a.abstained, false);
  assert.match(a.citations[0]!.quote, /exit after their current request/, a.citations.map((c) => c.quote).join(" | "));
});

test("an option's synopsis line is the term of the description under it: the sentence that answers is quoted with it, not the synopsis alone", async () => {
  const { qa } = await questionAnswererOver({
    "options.md":
      "# Command line options\n\n" +
      "-Mrm <message id> <message id> ...\n\nThis option requests the daemon to remove the given messages from the queue. No bounce messages are sent; each message is simply forgotten. Active messages are left alone.\n\n" +
      "-Mf <message id> <message id> ...\n\nThis option requests the daemon to freeze the given messages, so that no delivery is tried until they are thawed.\n",
  });
  const a = await qa.ask("If I delete a stuck message from the queue with -Mrm, does the sender get a bounce about it?");
  assert.equal(a.abstained, false);
  assert.match(a.citations[0]!.quote, /^-Mrm <message id> <message id> \.\.\.\s+This option requests.*No bounce messages are sent/s, a.citations.map((c) => c.quote).join(" | "));
  // A question that names the option and little else: its description is quoted, never the synopsis alone.
  // Its forms: an option with its argument, with its long name, with "=" and a value; not a list item, a hyphenated word or a sentence.
  const opensDefinition = (line: string) => {
    const text = `${line}\n\nWhat the option does, in a sentence of its own.`;
    return definitionTerms(text, sentenceSpans(text, "en"))[0]!.opens;
  };
  for (const line of ["-b, --build", "--log-level=LEVEL", "-X <name> [value]", "-q<qflags> <start id> <end id>", "-bI:sieve", "-name pattern"]) assert.ok(opensDefinition(line), line);
  for (const line of ["- an item of a list of things", "-spalten und -bereiche werden fixiert.", "--verbose prints every step the program takes, in order."]) assert.ok(!opensDefinition(line), line);
  // Nor an option with its description on its line, a changelog's item, a wrapped sentence that starts with an option.
  for (const line of ["--color=WHEN  colorize the output (default: never)", "-Fixed the crash on start (issue 12)", "--keep-days changes how long they are kept\nbefore they are deleted."]) assert.ok(!opensDefinition(line), line);
  const { qa: lister } = await questionAnswererOver({
    "ls.md": "# Output options of the lister\n\nThe lister prints one entry per line. These options change how it looks.\n\n--color=WHEN  colorize the output (default: never)\n\n--width=COLS  set the output width (default: 80)\n\n-S  sort by file size, largest first (not by name)\n\nThe defaults suit a terminal of any size.\n",
  });
  const colour = await lister.ask("How do I colorize the output?");
  assert.match(colour.citations[0]?.quote ?? "", /^--color=WHEN\s+colorize the output/, colour.citations.map((c) => c.quote).join(" | "));
  // A list's short first item is no term's line: it is still quoted alone when it answers.
  const { qa: server } = await questionAnswererOver({
    "req.md": "# Requirements\n\nThe server runs on any Linux host that has the following software installed.\n\n- Python 3.11 runtime\n- PostgreSQL 15 database\n- Redis 7 cache\n\nEverything else is bundled with the release archive.\n",
  });
  const python = await server.ask("Which Python version does the server need?");
  assert.match(python.citations[0]?.quote ?? "", /Python 3\.11 runtime$/, python.citations.map((c) => c.quote).join(" | "));
  const b = await qa.ask("What does -Mf do with a message id?");
  assert.ok(b.citations.length > 0 && b.citations.every((c) => /\s/.test(c.quote.replace(/^-M\w+ <message id> <message id> \.\.\./, "").trim())), b.citations.map((c) => c.quote).join(" | "));
});

test("a question that asks for an address to write to is answered by the sentence that gives one", async () => {
  const filler = "Each package in the archive is looked after by one person or a team, who answer its bugs, follow its upstream and prepare its new versions. ".repeat(4);
  const { qa } = await questionAnswererOver({
    "maintainers.md":
      "# Packages\n\n## The control file\n\nThe Maintainer field gives the e-mail address of the person who is currently responsible for maintaining this package. " +
      `The Description field gives a brief summary of the package.\n\n${filler}\n\n## Maintainers\n\nUsers can address questions to individual package maintainers using e-mail. ` +
      `To reach the maintainer of a package called xyz, send e-mail to xyz@packages.example.org.\n\n${filler}\n`,
  });
  const a = await qa.ask("Is there an e-mail address I can use to contact the person who maintains a given package directly?");
  assert.equal(a.abstained, false);
  assert.ok(a.citations.some((c) => c.quote.includes("xyz@packages.example.org")), a.citations.map((c) => c.quote).join(" | "));
  const { ASKS_ADDRESS } = await import("../../src/rag/answer/extractive.js");
  for (const q of ["Which web page lists the mirrors?", "Where can I report a bug in a package?", "An welche E-Mail-Adresse schreibe ich?", "Wo kann ich einen Fehler melden?"]) assert.ok(ASKS_ADDRESS.test(q), q);
  for (const q of ["Which IP address does the server listen on?", "What is the address of the variable?", "Where do I put the config file?", "Give every website its own IP address?"]) assert.ok(!ASKS_ADDRESS.test(q), q);
});

test("only a question for an address to write to or visit asks for one, and only an address says one", async () => {
  const { ASKS_ADDRESS, SAYS_ADDRESS } = await import("../../src/rag/answer/extractive.js");
  for (const q of ["What is the URL of the project home page?", "Where do I send bug reports?", "How can I contact the developers?", "Is there a mailing list for users?", "Wo melde ich einen Fehler?", "Welche E-Mail Adresse hat der Support?", "Wie lautet die URL der Dokumentation?", "Wo kann ich als Nutzer einen gefundenen Fehler im Paket melden?"]) assert.ok(ASKS_ADDRESS.test(q), q);
  for (const q of ["Where should I report my working hours?", "Where do I write the config file?", "Which URL parameters are supported?", "What website builder is recommended?", "How do I change my e-mail address?", "Wie ändere ich meine E-Mail-Adresse?", "Wo muss ich die Stunden melden?", "Wo kann ich die Ergebnisse schreiben?", "Where can I reach the settings menu?"]) assert.ok(!ASKS_ADDRESS.test(q), q);
  for (const t of ["send e-mail to xyz@packages.example.org.", "see https://example.org/a", "Me.Name+tag@sub.example.co.uk"]) assert.ok(SAYS_ADDRESS.test(t), t);
  for (const t of ["npm install frob@2.4.1", "lodash@4.17.21,", "Y = X@W.T", "@Override", "user@host:~$ ls"]) assert.ok(!SAYS_ADDRESS.test(t), t);
  // In linear time: a long word with no "@" in it is read once, not once from each of its letters.
  for (const long of ["a".repeat(100_000), "%".repeat(100_000), "a.".repeat(50_000)]) {
    const started = performance.now();
    SAYS_ADDRESS.test(long);
    assert.ok(performance.now() - started < 100, `${long.slice(0, 4)}…: ${performance.now() - started} ms`);
  }
  // A package's version is no address: the bug question's quote does not run on into the install line.
  const { qa } = await questionAnswererOver({
    "bugs.md": "# Bugs\n\n## Reporting bugs\n\nReport a bug in the issue tracker of the project, with the version and the steps that show it. " +
      "A bug that is already fixed goes away when you install the fixed release with npm install frob@2.4.1 and restart.\n\n" +
      "Each package in the archive is looked after by one person or a team, who answer its bugs, follow its upstream and prepare its new versions. ".repeat(4),
  });
  const a = await qa.ask("Where can I report a bug?");
  assert.ok(a.citations.length > 0 && a.citations.every((c) => !c.quote.includes("frob@2.4.1")), a.citations.map((c) => c.quote).join(" | "));
});

test("a web address's words count less than a sentence's own: the sentence that names the releases beats the handbook's address", async () => {
  const filler = "The chapters that follow describe the build of the packages, the patches they carry and the tools that test them on each architecture. ".repeat(5);
  const { qa } = await questionAnswererOver({
    "scope.md":
      "# About\n\n## Scope\n\nThis handbook aims to be the one place to look for anything about the kernel. " +
      "It describes the packaging of the Linux kernel for versions of Debian from 10 (buster) onwards. " +
      `The latest released copy is always available from https://example.org/debian/kernel-handbook/ for everyone to read.\n\n${filler}\n`,
  });
  const a = await qa.ask("Which Debian releases does this kernel handbook cover?");
  assert.equal(a.abstained, false);
  assert.match(a.citations[0]!.quote, /from 10 \(buster\) onwards/, a.citations.map((c) => c.quote).join(" | "));
  // A question that names the site asks for its address.
  const site = await qa.ask("Is there a page on example.org with the latest released kernel handbook?");
  assert.match(site.citations[0]!.quote, /^The latest released copy is always available from https:\/\/example\.org\/debian\/kernel-handbook\//, site.citations.map((c) => c.quote).join(" | "));
});

test("a quote from a short section joined to the next passage is cited with its own section, and its colon takes nothing from the next section", async () => {
  // "Installing" and "Development builds" are too short to be passages of their own: they are
  // joined to the section after them, which is most of the passage. What the second's colon
  // introduced was a picture, which is no text.
  const { qa } = await questionAnswererOver({
    "logging.md":
      "# Logging\n\n## Installing\n\nFor the latest stable version:\n\nnpm install --save prettylog\n\n" +
      "## Development builds\n\nThe prettylog module can be used to format log lines during development:\n\n![demo](demo.png)\n\n" +
      "## Shipping logs\n\nLog processing runs in a separate worker thread, so that formatting, alerting and shipping never slow down the application itself. " +
      "Each worker reads the lines of the log stream, batches them, and sends them to the collector that the configuration names. ".repeat(3) +
      "\n",
  });
  const a = await qa.ask("How do I format log lines during development?");
  assert.equal(a.abstained, false);
  const quote = a.citations.find((c) => /prettylog/.test(c.quote));
  assert.ok(quote, a.citations.map((c) => c.quote).join(" | "));
  assert.equal(quote.quote, "The prettylog module can be used to format log lines during development:");
  assert.equal(quote.section, "Logging › Development builds");
  // A heading over a quote is no part of it (as a short line on its own, it reads like a term).
  const install = await qa.ask("How do I install the latest stable version of prettylog?");
  const command = install.citations.find((c) => /npm install/.test(c.quote));
  assert.ok(command, install.citations.map((c) => c.quote).join(" | "));
  assert.equal(command.quote, "For the latest stable version:\n\nnpm install --save prettylog");
  assert.equal(command.section, "Logging › Installing");
});

test("a question on one numbered thing (RAID-6) is not answered by a sentence on another of that name (RAID-1)", async () => {
  const filler = "Disks are grouped into arrays, and the kernel spreads the data of each array over its disks as its level says. ".repeat(4);
  const { qa } = await questionAnswererOver({
    "raid.md":
      "# RAID levels\n\n## Mirroring\n\nIn a RAID-1 array of N disks, the data stays available even when N-1 disks fail. " + filler +
      "\n\n## Double parity\n\nRAID-6 keeps two parity blocks per stripe. Two disks can fail without any loss. " + filler + "\n",
  });
  const a = await qa.ask("How many disks can fail in a RAID-6 array before the data becomes unavailable?");
  assert.equal(a.abstained, false);
  assert.ok(a.citations.length > 0);
  for (const c of a.citations) assert.doesNotMatch(c.quote, /RAID-1/, a.citations.map((x) => x.quote).join(" | "));
  assert.match(a.citations.map((c) => c.quote).join(" "), /Two disks can fail/);
  // Written with its number in one word ("RAID6"), likewise: the list item on RAID5 says "you
  // need" as the question does, but not the level asked about.
  const { qa: levels } = await questionAnswererOver({
    "md.md":
      "# Software RAID\n\nSoftware RAID combines several disks into one device that the system then sees as a single disk.\n\n" +
      "• RAID5 has a setup procedure similar to RAID1 with the exception that you need to use at least three active partitions.\n\n" +
      "• RAID6 also has a setup procedure similar to RAID1 except that at least four active partitions are required.\n\n" +
      "## Spares\n\nSpare partitions take over when an active one fails.\n",
  });
  await firstQuoteMatches(levels, "How many partitions do I need to mark as active to build a RAID6 array in the partitioner?", /^• RAID6 .*four active partitions/);
});

test("a how-much question in Swedish or Danish is answered by the sentence with the amount, not by one that shares more of its words", async () => {
  const { qa } = await questionAnswererOver({
    "simhall.md":
      "# Simhallen\n\n## Årskort\n\nEtt årskort för pensionärer kostar mindre än för vuxna och säljs i kassan. Priset är 3 200 kr för vuxna och 2 100 kr för pensionärer.\n\n" +
      "## Öppettider\n\nSimhallen har öppet alla dagar utom midsommarafton.\n",
    "svoemmehal.md":
      "# Svømmehallen\n\n## Årskort\n\nEt årskort for pensionister koster mindre end for voksne og købes i billetlugen. Prisen er 2 900 kr for voksne og 1 900 kr for pensionister.\n",
  });
  for (const [question, amount] of [
    ["Vad kostar ett årskort för pensionärer?", /2 100 kr/],
    ["Hvor meget koster et årskort for pensionister?", /1 900 kr/],
  ] as const) {
    const answer = await qa.ask(question);
    assert.match(answer.citations[0]?.quote ?? "", amount, `${question}: ${answer.citations.map((c) => c.quote).join(" | ")}`);
  }
});

test("an amount asked whose rule and its exception follow each other, each with its number and the question's word, is quoted with both, not with the exception alone", async () => {
  const { qa } = await questionAnswererOver({
    "gym.md":
      "# House rules\n\n## Gym and classes\n\nThe gym may be used from the age of 15. Teenagers aged 13 to 14 may train in the gym together with an adult after an introduction. Indoor shoes are required.\n\n" +
      "## Pools\n\nThe diving tower is open at weekends.\n",
    "dovolena.md":
      "# Dovolená\n\n## Nárok na dovolenou\n\nVšichni zaměstnanci mají nárok na 5 týdnů dovolené za kalendářní rok (25 dní při plném úvazku). Po 5 letech zaměstnání vzniká nárok na další 2 dny dovolené ročně.\n\n" +
      "## Čerpání\n\nŽádost se podává vedoucímu v docházkovém systému.\n",
  });
  for (const [question, rule, exception] of [
    ["How old do you have to be to train in the gym?", /from the age of 15/, /aged 13 to 14/],
    ["Kolik mám dovolené?", /25 dní/, /další 2 dny/],
  ] as const) {
    const answer = await qa.ask(question);
    const quote = answer.citations[0]?.quote ?? "";
    assert.match(quote, rule, `${question}: ${answer.citations.map((c) => c.quote).join(" | ")}`);
    assert.match(quote, exception, question);
  }
});

test("a question for a share ('What percentage …?', 'Welcher Anteil …?') is answered by the sentence with the percentage, not by another share", async () => {
  const { qa } = await questionAnswererOver({
    "bylaws.md":
      "# Meetings of owners\n\nA director may be removed by a vote of two-thirds of the owners present at a meeting at which a quorum of owners is present. A quorum at any meeting is 25% of the votes.\n\n" +
      "# Budget\n\nThe budget is adopted by the board each November.\n",
    "satzung.md":
      "# Mitgliederversammlung\n\nAlle Mitglieder werden 14 Tage vorher eingeladen; anwesend sein müssen die Mitglieder des Vorstands. Beschlussfähig ist die Versammlung ab 30 Prozent der Stimmen.\n",
  });
  for (const [question, share] of [
    ["What percentage of owners is needed for a quorum?", /25%/],
    ["Welcher Anteil der Mitglieder muss anwesend sein?", /30 Prozent/],
  ] as const) {
    const answer = await qa.ask(question);
    assert.match(answer.citations[0]?.quote ?? "", share, `${question}: ${answer.citations.map((c) => c.quote).join(" | ")}`);
  }
});

test("how many of a thing, how long: the number of that thing or of time is quoted, not another number beside it", async () => {
  const { qa } = await questionAnswererOver({
    "hr.txt": "Vacation policy\n\nUnused vacation days can be carried over until March 31 of the following year. Every full-time employee gets 28 days of paid vacation per year.\n",
    "router.md":
      "# Firmware updates\n\nThe router checks for new firmware every night at 03:00, and the host restarts on the Update page. An update of the firmware takes about four minutes.\n",
  });
  const days = await qa.ask("How many vacation days do I get?");
  assert.match(days.citations[0]!.quote, /28 days/, days.citations.map((c) => c.quote).join(" | "));
  const update = await qa.ask("How long does a firmware update take?");
  assert.match(update.citations[0]!.quote, /four minutes/, update.citations.map((c) => c.quote).join(" | "));
});

test("a yes-or-no question's quote that permits runs on to the sentence that sets the permission's condition", async () => {
  const { qa } = await questionAnswererOver({
    "integrity.md":
      "# Academic integrity\n\n## Generative AI tools\n\nUnless the assignment brief states otherwise, you may use generative AI tools such as ChatGPT to brainstorm or check grammar. " +
      "You must declare every use in the AI Use Statement at the start of your submission. Some assessments are marked AI-free in the brief.\n\n" +
      "## Referencing\n\nEvery source is cited in the reference list at the end of the work.\n",
    "hausordnung.md": "# Hausordnung\n\n## Grillen\n\nGrillen mit Elektrogrills ist im Hof erlaubt. Sie müssen die Nachbarn vorher informieren. Holzkohle ist verboten.\n",
  });
  for (const [question, condition] of [
    ["Am I allowed to use ChatGPT for my assignments?", /You must declare every use/],
    ["Darf ich im Hof grillen?", /Sie müssen die Nachbarn vorher informieren/],
  ] as const) {
    const answer = await qa.ask(question);
    assert.match(answer.citations[0]!.quote, condition, `${question}: ${answer.citations.map((c) => c.quote).join(" | ")}`);
  }
});

test("a quote that says the thing is not there ('has no car park') runs on to the next sentence that speaks of it, for a question where, not whether", async () => {
  const { qa } = await questionAnswererOver({
    "visit.md":
      "# Getting here\n\n## By car\n\nThe museum has no car park of its own. The nearest car park is the Havenkwartier garage, a 5-minute walk away. Coaches stop on the quay.\n\n" +
      "## By train\n\nFrom the central station take tram 8 to the harbour stop.\n",
    "tickets.md": "# Tickets\n\nTickets are sold online and at the desk.\n",
  });
  const park = await qa.ask("Where can I park my car?");
  assert.match(park.citations[0]!.quote, /has no car park of its own\. The nearest car park is the Havenkwartier garage/, park.citations.map((c) => c.quote).join(" | "));
  // "There is no need to …" says nothing is missing: its quote does not run on.
  const { qa: scanner } = await questionAnswererOver({
    "scanner.md": "# Scanner\n\nThere is no need to restart the ticket scanner after an update. The scanner logs are kept for 30 days.\n",
    "tickets.md": "# Tickets\n\nTickets are sold online and at the desk.\n",
  });
  const restart = await scanner.ask("How do I restart the ticket scanner?");
  assert.doesNotMatch(restart.citations[0]?.quote ?? "", /logs are kept/, restart.citations.map((c) => c.quote).join(" | "));
});

test("what answers an amount: a number the question does not give, as a whole number; of the thing counted, in any spelling; of times for how often", () => {
  const of = (question: string, text: string) => amountAsked(question, question)!.saysNumberOf(text);
  assert.ok(of("How many minutes does it wait on port 8080?", "It waits 80 minutes."), "80 is not the question's 8080");
  assert.ok(of("How long is the archive kept in 2024?", "It is kept 24 days."));
  assert.ok(!of("How long is the archive kept in 2024?", "It is kept until 2024 days end."));
  assert.ok(of("Wie viele Prüfungen gibt es?", "Es gibt 3 Prüfungen im Jahr."), "umlauts");
  assert.ok(of("How often does the job retry?", "The job retries 3 times."));
  assert.ok(of("Wie oft läuft die Sicherung?", "Die Sicherung läuft alle 6 Stunden."));
  // A length is no duration: "how long … be?", German "wie lang" (not "wie lange").
  assert.ok(of("How long does the reset take?", "Hold the button for 10 seconds."));
  assert.ok(!of("How long does a Wi-Fi password have to be?", "Hold the button for 10 seconds."));
  assert.ok(!of("Wie lang muss das Passwort sein?", "Halten Sie die Taste 10 Sekunden lang."));
  assert.ok(of("Wie lange dauert das Zurücksetzen?", "Halten Sie die Taste 10 Sekunden lang."));
  const has = (question: string, text: string) => amountAsked(question, question)!.hasNumber(text);
  assert.ok(!has("Wie lange dauert ein Schnappschuss?", "Ein Schnappschuss wird jede Nacht erstellt."), "'ein' is the article, no number");
  assert.ok(has("Wie lange dauert es?", "Es dauert fünf Tage."));
  assert.equal(amountAsked("Which job retries?", "Which job retries?"), undefined);
  // A question for a point in time is answered by a date, a time, a weekday or so long before or
  // after something; not by a code's digits, a count or a version.
  for (const text of ["Written exam 80% 14 January 2025", "The backup runs every night at 03:00.", "Pay within 30 days after the invoice.", "Open on Fridays.", "Die Abholung ist am 02.03.2024 ab 18 Uhr."]) {
    assert.ok(has("When is the exam?", text) && of("Wann ist die Abholung?", text), text);
  }
  for (const text of ["Prerequisites DS7001 Statistical Foundations", "You may resit once.", "Python 3.12 is required.", "It uses 2048 MB."]) assert.ok(!has("When is the exam?", text), text);
  assert.ok(has("How many exams are there?", "Prerequisites DS7001"), "any number for another amount");
  assert.ok(of("Quand dois-je faire la première révision ?", "Après les 500 premiers kilomètres (ou 3 mois) : première révision"), "after so much use");
  assert.ok(!has("Quand dois-je faire la première révision ?", "La première révision est offerte."));
  assert.ok(of("A che ora apre il cancello in inverno?", "Da ottobre a marzo apre alle ore 8."), "what time, in Italian");
  assert.ok(!of("A che ora apre il cancello in inverno?", "Il cancello ha 2 chiavi."));
  for (const text of ["Open Mon–Fri 8–12.", "de 8h30 à 12h00", "at 7 a.m.", "in week 12"]) assert.ok(of("When does it open?", text), text);
  assert.ok(of("When do I need to renew my card?", "Renew it every 2 years."), "'when do I need' asks a time");
  assert.ok(has("What is the difference between fetch and pull, and when do I want which?", "Use pull 2 times."), "'when' that asks in which case asks no time");
  // A price is an amount, and a sum of money answers it.
  for (const q of ["What does the Pro plan cost?", "Was kostet eine Sitzung?", "Wie teuer ist der Pro-Tarif?", "How expensive is the Pro plan?"]) assert.ok(ASKS_AMOUNT.test(q), q);
  for (const q of ["What does the cost field mean?", "What does the cost per click mean?"]) assert.ok(!ASKS_AMOUNT.test(q), q);
  assert.ok(of("What does it cost me?", "It costs 120 EUR a year."));
  // A price word in a question for another amount asks no price.
  assert.ok(!of("When is the annual fee due?", "The annual fee for adults is 120 EUR."));
  assert.ok(!of("How old must I be for the senior price?", "A senior ticket costs 8 EUR instead of 12 EUR."));
  assert.ok(of("Was kostet eine Sitzung?", "In unserer Praxis liegen sie zwischen 95 und 140 Euro pro Sitzung."));
  assert.ok(of("How much does the Pro plan cost?", "Pro: $19 per user and month"));
  assert.ok(!of("Was kostet eine Sitzung?", "Eine Sitzung dauert 45 Minuten."), "a number, but no money");
  // How early, from what age: so long before something, an age.
  assert.ok(of("Wie früh muss zur Mitgliederversammlung eingeladen werden?", "Sie ist mindestens drei Wochen vorher schriftlich einzuberufen."));
  assert.ok(!has("Wie früh muss zur Mitgliederversammlung eingeladen werden?", "Die Einladung erfolgt durch Aushang."));
  for (const q of ["Ab welchem Alter darf man abstimmen?", "At what age can children swim alone?"]) assert.ok(has(q, "Members aged 16 and over vote."), q);
  // A measure asked by its adjective, by its unit right after the number (not "3 cells in").
  assert.ok(of("How heavy is the motor?", "| Dry weight | 27.0 kg |") && of("How fast does it go?", "top speed 25km/h"));
  assert.ok(!of("How heavy is the motor?", "in heavy seas, 3 waves high") && !of("How tall is the stand?", "Select 3 cells in a row."));
  // Dutch and Polish ask for amounts and prices too.
  assert.ok(of("Wat kost het om Vriend te worden?", "| Vriend | € 35 per jaar |") && of("Hoe lang duurt een rondleiding?", "Een rondleiding duurt ongeveer 60 minuten."));
  assert.ok(of("Jak długo trwa gwarancja?", "Gwarancja obejmuje okres 24 miesięcy od daty zakupu.") && of("Ile kosztuje kaseta?", "Kaseta kosztuje 59 zł."));
  // (Not a French island typed without its accent, nor Spanish and Italian "cena", dinner, as a word of price.)
  assert.equal(amountAsked("Comment aller sur l'ile ?", "Comment aller sur l'ile ?"), undefined);
  assert.ok(!isPriceWord("cena"));
});

test("a question for a price is answered by the sentence with the sum, though it says 'they' for the costs the sentence before names", async () => {
  const { qa } = await questionAnswererOver({
    "reinigung.md":
      "# Professionelle Zahnreinigung\n\n## Kosten\n\nDie professionelle Zahnreinigung ist keine Leistung der gesetzlichen Krankenversicherung. Die Kosten richten sich nach der Gebührenordnung und hängen vom Aufwand ab. " +
      "In unserer Praxis liegen sie in der Regel zwischen 95 und 140 Euro pro Sitzung.\n\nDie jährliche Zahnsteinentfernung ist dagegen eine Kassenleistung.\n",
    "termine.md": "# Termine\n\nTermine vergeben wir telefonisch von Montag bis Freitag.\n",
  });
  const a = await qa.ask("Was kostet eine professionelle Zahnreinigung?");
  assert.ok(a.citations.some((c) => c.quote.includes("zwischen 95 und 140 Euro")), a.citations.map((c) => c.quote).join(" | "));
});

test("a sentence that answers with a number the question does not give is news, though its words are all the question's", async () => {
  const { qa } = await questionAnswererOver({
    "backup.md": "# Backup\n\nThe nightly backup job on the storage server retries 3 times.\n\nThe nightly backup job on the storage server writes each retry to syslog with its exit code.\n",
    "network.md": "# Network\n\nThe server listens on port 8080.\n",
  });
  for (const q of ["How many times does the nightly backup job on the storage server retry?", "How often does the nightly backup job on the storage server retry?"]) {
    assert.match((await qa.ask(q)).citations[0]?.quote ?? "", /3 times/, q);
  }
});

test("a question the document asks itself is not quoted as the answer; the sentences that answer it are", async () => {
  const { qa: loans } = await questionAnswererOver({
    "loans.md":
      "# A loan to a friend\n\nYour friend borrows 2000 euros and pays them back over eighteen months at five percent interest. " +
      "So how do you work out the monthly payment of the loan to your friend?\n\nThe loan calculator in the Tools menu shows 115.56 euros for each month.\n",
  });
  const a = await loans.ask("How do I work out the monthly payment of a loan to a friend?");
  assert.equal(a.abstained, false);
  assert.ok(a.citations.length > 0);
  for (const c of a.citations) assert.doesNotMatch(c.quote, /\?$/, a.citations.map((x) => x.quote).join(" | "));
  assert.ok(a.citations.some((c) => c.quote.includes("115.56")), a.citations.map((x) => x.quote).join(" | "));
  const window = (text: string) => quoted(text);
  assert.equal(
    window("Is the program free of charge for a small business with many accounts? Is it fast? The program costs nothing and opens a large book within a second. Updates come twice a year."),
    "Is the program free of charge for a small business with many accounts? Is it fast? The program costs nothing and opens a large book within a second.",
    "two questions in a row: on to the answer",
  );
  assert.equal(window("Which backup tool should I use for the books?\n\nAnd how often should it run?\n\nThe copy tool, once a day, keeps a full copy of each book."), "Which backup tool should I use for the books?\n\nAnd how often should it run?", "one paragraph on, not two");
});

test("a question that comes close but is not answered says so and points to the closest passages, without quoting them as an answer", async () => {
  // A bar above what "Who leads Sberbank?" reaches (0.59), so the best passage is a near miss.
  const { qa: strict } = await corpusQuestionAnswerer({ ANSWERABLE_THRESHOLD: "0.8" });
  const a = await strict.ask("Who leads Sberbank?");
  assert.equal(a.abstained, true);
  assert.equal(a.citations.length, 0);
  assert.equal(a.text, "The documents do not seem to answer this. These passages come closest:");
  assert.ok(a.closest?.length, "the closest passages are named");
  assert.equal(a.closest![0]!.source, "russia-blockchain-race.txt");
  const off = await strict.ask("Who discovered penicillin?");
  assert.equal(off.text, "The documents do not answer this question.", "a question foreign to the folder gets no closest passages");
  assert.equal(off.closest, undefined);
  // A question about something the folder never names is told which, in its language.
  const named = await strict.ask("What did Gref say about Sberbank and WireGuard?");
  assert.equal(named.abstained, true);
  assert.equal(named.text, "The documents never mention “WireGuard”, so they do not answer this question.");
  const benannt = await strict.ask("Was hat Gref über Sberbank und WireGuard gesagt?");
  assert.equal(benannt.text, "Die Dokumente erwähnen „WireGuard“ nirgends und beantworten diese Frage daher nicht.");
  // Only a name the asker typed in this message, without control characters or an address in it.
  for (const q of ["What did Gref say about Sberbank in report\u202Egpj.exe?", "What did Gref say about Sberbank on https://example.org/x.yml?"]) {
    const plain = await strict.ask(q);
    assert.equal(plain.abstained, true, q);
    assert.equal(plain.text, "The documents do not answer this question.", q);
  }
  await strict.ask("What did Gref say about Sberbank and WireGuard?", { conversation: "named" });
  const after = await strict.ask("And why is that?", { conversation: "named" });
  assert.doesNotMatch(after.text, /WireGuard/, "a follow-up is not told about the name of the turn before");
});

test("without a language model, a question in a language the folder does not have is told that asking in the folder's language may find an answer", async () => {
  const onboarding = {
    "onboarding.md": "# Your first day\n\nBring your passport and your bank details on your first day. Your manager meets you at the reception at nine.\n\n## Laptop\n\nIT hands out the laptop in the afternoon.\n",
    "plans.md": "# Plans\n\nThe Basic plan costs 10 EUR a month and the Pro plan 25 EUR a month.\n",
  };
  const { qa: english } = await questionAnswererOver(onboarding);
  const de = await english.ask("Was muss ich am ersten Tag mitbringen?");
  assert.equal(de.abstained, true);
  assert.equal(de.text, "Ich habe in den Dokumenten keine Antwort gefunden. Sie sind auf Englisch verfasst, und ohne Sprachmodell finde ich Stellen nur über die Wörter, die sie mit der Frage teilen: Auf Englisch gestellt, findet sie vielleicht eine.");
  const es = await english.ask("¿Qué tengo que llevar el primer día de trabajo?");
  assert.equal(es.abstained, true);
  assert.match(es.text, /Están en inglés .* formulada en inglés/);
  // Asked in the folder's language, it is found; a question in that language it does not answer gets the plain abstention.
  const en = await english.ask("What must I bring on my first day?");
  assert.match(en.citations[0]?.quote ?? "", /passport/);
  assert.equal((await english.ask("How do I bake sourdough bread?")).text, "The documents do not answer this question.");
  // Words in the folder's language from an asker whose Telegram speaks German: an English question, nothing to suggest.
  assert.equal((await english.ask("sourdough bread", { userLanguage: "de" })).text, "Die Dokumente beantworten diese Frage nicht.");
  // Nor for keywords, whose language no statistics of their letters tell ("best dishwasher 2025" scores German).
  const keywords = await english.ask("best dishwasher 2025");
  assert.equal(keywords.abstained, true);
  assert.doesNotMatch(keywords.text, /Englisch|English|inglés/, keywords.text);
  // A folder that has the question's language: nothing to suggest.
  const { qa: both } = await questionAnswererOver({ ...onboarding, "urlaub.md": "# Urlaub\n\nJede Mitarbeiterin hat 30 Tage Urlaub im Jahr.\n" });
  const plain = await both.ask("Was muss ich am ersten Tag mitbringen?");
  assert.equal(plain.abstained, true);
  assert.equal(plain.text, "Die Dokumente beantworten diese Frage nicht.");
  // Only the languages of the documents the chat searches: a chat of the German collection is not sent to English ones.
  const { qa: collections } = await questionAnswererOver({ "en/onboarding.md": onboarding["onboarding.md"], "de/urlaub.md": "# Urlaub\n\nJede Mitarbeiterin hat 30 Tage Urlaub im Jahr.\n" });
  const scoped = await collections.ask("¿Qué tengo que llevar el primer día de trabajo?", { collections: ["de"] });
  assert.equal(scoped.abstained, true);
  assert.match(scoped.text, /Están en alemán/);
  assert.doesNotMatch(scoped.text, /inglés/);
});

test("a French question that opens like a FAQ's headings ('Peut-on …') is answered by what it asks about, not by a FAQ entry that shares only its opening", async () => {
  const { qa: jeu } = await questionAnswererOver({
    "faq.md":
      "# FAQ\n\n## Peut-on livrer une commande avec les marchandises de plusieurs navires ?\n\nOui, à condition que tous les navires se trouvent dans le même port au moment de la livraison.\n\n" +
      "## Peut-on acheter deux fois dans le même tour ?\n\nNon. Chaque action ne se choisit qu'une fois par tour.\n\n" +
      "## Combien de cartes reçoit chaque joueur ?\n\nCinq cartes, tirées au hasard.\n\n## Le plateau est-il double face ?\n\nOui, la face nuit sert au mode expert.\n",
    "regles.md":
      "# Règles du jeu\n\nUn jeu de commerce pour 2 à 5 joueurs, à partir de 10 ans. Une partie dure environ une heure.\n\n## Mise en place\n\nChaque joueur reçoit un navire et 6 pièces d'or. Pour jouer, placez le plateau au centre de la table.\n",
  });
  await firstQuoteMatches(jeu, "Peut-on jouer avec des enfants de 8 ans ?", /à partir de 10 ans/);
});

test("the same guide in two languages: each language's question is answered from its own copy, and a how-long or when question by the sentence with the number", async () => {
  const root = await tempDir();
  const docs = path.join(root, "docs");
  await fs.mkdir(path.join(docs, "en"), { recursive: true });
  await fs.mkdir(path.join(docs, "de"));
  await fs.writeFile(
    path.join(docs, "en", "backup.md"),
    "# Backups\n\n## Schedule\n\nThe backup job runs every night at two o'clock and copies the database to the storage server. It keeps the copies of the last fourteen days.\n\n" +
      "## Restoring\n\nTo restore a copy, stop the application, run the restore script with the date of the copy, and start the application again. The restore takes about ten minutes.\n",
  );
  await fs.writeFile(
    path.join(docs, "de", "backup.md"),
    "# Datensicherung\n\n## Zeitplan\n\nDie Datensicherung läuft jede Nacht um zwei Uhr und kopiert die Datenbank auf den Speicherserver. Sie behält die Kopien der letzten vierzehn Tage.\n\n" +
      "## Wiederherstellen\n\nUm eine Kopie wiederherzustellen, halten Sie die Anwendung an, starten das Wiederherstellungsskript mit dem Datum der Kopie und starten die Anwendung wieder. Die Wiederherstellung dauert etwa zehn Minuten.\n",
  );
  const { qa: twin } = await folderQuestionAnswerer(docs);
  for (const [q, source, words] of [
    ["How long does restoring a copy take?", "en/backup.md", /ten minutes/],
    ["Wie lange dauert die Wiederherstellung einer Kopie?", "de/backup.md", /zehn Minuten/],
    ["When does the backup job run?", "en/backup.md", /two o'clock/],
    ["Wann läuft die Datensicherung?", "de/backup.md", /zwei Uhr/],
  ] as const) {
    const a = await twin.ask(q);
    assert.equal(a.abstained, false, q);
    assert.equal(a.citations[0]!.source, source, q);
    assert.match(a.citations[0]!.quote, words, q);
  }
});

test("a question asks for an amount or a time by the opening of any of its sentences, or of a clause after a comma or joined by and", () => {
  for (const q of [
    "How long does it take?",
    "My folder fills up with backup files. Does the program clean them up on its own, and after how long?",
    "Ein Freund leiht sich 2.000 € von mir. Wie hoch ist dann die monatliche Rate?",
    "Ich habe viele Sicherungsdateien. Nach wie vielen Tagen werden sie gelöscht?",
    "I use a server. When does the backup run?",
    "My folder fills up\nHow long are the backups kept?",
    "I back up at 2 a.m. How long does it take?",
    "When was the project founded?",
    "When exactly does the job run?",
    "When's the deadline?",
    "And when?",
    "When shall I file it?",
    "I use it for work and how long is the trial?",
    "Wie groß ist die Datei?",
    // …or of a clause after a comma.
    "With the standard retry rule, after how long does the server give up on an address?",
    "Kurze Frage, wie lange dauert die Wiederherstellung?",
    // …after a preposition, or inside another question.
    "After how many failed logins is the account locked?",
    "Um wie viel wächst der Cache, wenn ich DNSSEC einschalte?",
    "Is there a limit on how many sheets a single file can have?",
    "Über wie viele Monate läuft ein Budget?",
    "Is there a limit to how many files I can open at once?",
    // …in Swedish, Danish, Norwegian, Finnish, Czech and Turkish.
    "Hur länge sparas glömda saker?",
    "Vad kostar ett årskort för pensionärer?",
    "Hvor mange feriedage har jeg?",
    "Hvor mye koster parkering?",
    "Paljonko vuosikortti maksaa?",
    "Kuinka kauan laina kestää?",
    "Kolik dní dovolené mám?",
    "Jak dlouho trvá zkušební doba?",
    "Jak dlouhá je výpovědní lhůta?",
    "Jak długa jest gwarancja?",
    "Jak duże jest mieszkanie?",
    // …typed without their accents.
    "hur manga badvakter finns det?",
    "jak dlouha je vypovedni lhuta?",
    "Yıllık kart ne kadar?",
    // …a share.
    "What percentage of owners is needed for a quorum?",
    "Welcher Anteil der Kosten wird erstattet?",
    "¿Qué porcentaje se devuelve si cancelo?",
  ]) {
    assert.ok(ASKS_AMOUNT.test(q), q);
  }
  for (const q of [
    "Which option lets the machine boot when a disk is missing?",
    "Can I delete them when the program runs?",
    "Wie richte ich das ein, wenn ich wenig Platz habe?",
    "Is there a tool that tells me how long it takes?",
    "Can I delete backups, e.g. when does the disk fill up?",
    "Can I stop it, and when I restart it, does it continue?",
    "I have a RAID. When a disk fails, does the array keep running?",
    // "When I …" opens a condition, not a question about a time.
    "When I record a debit against an expense account, does its balance go up or down?",
    "When family is visiting, can I share the books?",
    // A clause after a comma asks only when it runs to the question mark: here it tells.
    "Je nachdem, wie viele Nutzer online sind, ist der Server langsam. Wie ändere ich den Port?",
    "Ich nutze, wie viele andere, den Standardport. Wie ändere ich den Port?",
    "Ich habe gesehen, wie lange der Import dauert. Kann man ihn abbrechen?",
    "I know, how many connections the server accepts, but how do I change the port?",
    "Why does it get slow depending on how many users are online?",
    // Inside another question only as a limit's amount: these ask how, or whether.
    "How do I set up an alert on how long a job runs?",
    // A share that is no part of anything: a network share.
    "What share do students save coursework on?",
    "Does the price depend on how many seats we buy?",
    "I read the section on how much memory it needs. Which flag turns on swap?",
    // Nor a word that only begins so.
    "Is there a page about how long-term support works?",
    "How long-lived are the access tokens?",
  ]) {
    assert.ok(!ASKS_AMOUNT.test(q), q);
  }
  // Every question is read so before retrieval: a run of blank lines and spaces around "when" took
  // 25 s for 1,000 characters (blanks matched two ways at each of several places).
  const time = (text: string) => {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      ASKS_AMOUNT.test(text);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const blanks = time(`x${"\n".repeat(497)}when${" ".repeat(497)}x`);
  const words = time("word ".repeat(200));
  assert.ok(blanks < 20 * Math.max(words, 5), `${blanks} ms against ${words} ms`);
  assert.ok(time(`x${"\n".repeat(2000)}when exactly${" ".repeat(2000)}x`) < 1000);
});

test("a question whether something can or may be done quotes the sentence that says no, not only the one that repeats its words", async () => {
  const { qa: menus } = await questionAnswererOver({
    "menus.md":
      "# Menus\n\n## Keyboard access\n\nMost menus open with the Alt key and the underlined letter of the menu name: Alt+F opens the File menu. " +
      "The access keys of the menus are fixed, and users cannot change them.\n\n" +
      "## Kurzwahl\n\nDie meisten Menüs öffnen sich mit der Alt-Taste und dem unterstrichenen Buchstaben des Menünamens: Alt+D öffnet das Menü Datei. " +
      "Die Tastenkombinationen der Menüs sind fest und lassen sich nicht ändern.\n",
  });
  const a = await menus.ask("Kann ich ändern, mit welcher Alt-Taste sich ein Menü öffnet?");
  assert.equal(a.abstained, false);
  assert.match(a.citations[0]!.quote, /lassen sich nicht ändern/);
});

test("a quote from an older version of a document is quoted with the newer version's answer, unless the question asks for the older one", async () => {
  const doc = (source: string, title: string) => ({ source, title });
  assert.equal(isNewerVersion(doc("policy-2019.md", "Password policy (version 2019)"), doc("policy-2024.md", "Password policy (version 2024, supersedes all earlier versions)")), true);
  assert.equal(isNewerVersion(doc("policy-2024.md", "Password policy (version 2024)"), doc("policy-2019.md", "Password policy (version 2019)")), false, "older is no newer");
  assert.equal(isNewerVersion(doc("guide/v2.9/setup.html", "Setup"), doc("guide/v2.10/setup.html", "Setup")), true, "versions compare as numbers");
  assert.equal(isNewerVersion(doc("ch01.html", "Chapter 1. Installing"), doc("ch02.html", "Chapter 2. Upgrading")), false, "chapters have titles of their own");
  assert.equal(isNewerVersion(doc("en/setup.html", "Setup"), doc("de/setup.html", "Setup")), false, "translations are no versions");
  assert.equal(isNewerVersion(doc("2023-05-meeting.md", "Team meeting 2023-05"), doc("2023-07-meeting.md", "Team meeting 2023-07")), false, "a series is no versions");
  assert.equal(isNewerVersion(doc("lesson1.md", "Lesson 1"), doc("lesson2.md", "Lesson 2")), false);
  assert.equal(isNewerVersion(doc("policy-05-2024.md", "Travel policy (Stand 05/2024)"), doc("policy-12-2023.md", "Travel policy (Stand 12/2023)")), false, "a date compares from its year");
  assert.equal(isNewerVersion(doc("policy-12-2023.md", "Travel policy (Stand 12/2023)"), doc("policy-05-2024.md", "Travel policy (Stand 05/2024)")), true);
  const { qa: policies } = await questionAnswererOver({
    "policy-2019.md": "# Password policy (version 2019)\n\nPasswords must be changed every 90 days.\n",
    "policy-2024.md": "# Password policy (version 2024, supersedes all earlier versions)\n\nPasswords no longer need to be changed periodically. A change is required only after a suspected compromise.\n",
    "kitchen.md": "# Kitchen\n\nThe kitchen is cleaned every Friday. Please label your food in the fridge.\n",
  });
  const a = await policies.ask("Do I have to change my password every 90 days?");
  assert.deepEqual(a.citations.map((c) => c.source).sort(), ["policy-2019.md", "policy-2024.md"], a.text);
  assert.match(a.citations.find((c) => c.source === "policy-2024.md")!.quote, /no longer need to be changed/);
  const old = await policies.ask("What did the 2019 password policy say about changing passwords?");
  assert.deepEqual(old.citations.map((c) => c.source), ["policy-2019.md"], old.text);
});

test("a quote from an entry of a changelog is quoted with the latest entry that says otherwise; headings that are no versions are not", async () => {
  assert.equal(isNewerHeading("2.0.0 (2022-01-10)", "2.4.0 (2024-05-02)"), true);
  assert.equal(isNewerHeading("Version 3.1", "Version 3.2"), true);
  assert.equal(isNewerHeading("Version 3.2", "Version 3.1"), false);
  assert.equal(isNewerHeading("Chapter 1", "Chapter 2"), false, "a chapter's number is no version");
  assert.equal(isNewerHeading("2.1 Installing", "2.2 Upgrading"), false, "nor a numbered section's");
  assert.equal(isNewerHeading("2.1 Scope", "3.1 Scope"), false, "nor one of the same name in another chapter");
  assert.equal(isNewerHeading("Stand vom 01.02.2023", "Stand vom 15.01.2023"), false, "a date written day first compares from its year");
  const { qa: changes } = await questionAnswererOver({
    "changelog.md":
      "# Changelog\n\n## 2.4.0 (2024-05-02)\n\n- Increased the upload limit to 250 MB.\n- Fixed a crash when renaming folders.\n\n## 2.3.0 (2023-11-20)\n\n- Increased the upload limit to 100 MB.\n- Added dark mode.\n\n## 2.0.0 (2022-01-10)\n\n- The upload limit is 25 MB.\n- New sharing dialog.\n",
    "faq.md": "# FAQ\n\n## Accounts\n\nYou can delete your account in the settings. Deleted accounts cannot be restored.\n",
  });
  const a = await changes.ask("What is the upload limit?");
  assert.ok(a.citations.some((c) => /250 MB/.test(c.quote)), a.text);
  assert.ok(!a.citations.some((c) => /100 MB/.test(c.quote)), "the latest entry, not one in between");
  const asked = await changes.ask("What was the upload limit in version 2.0.0?");
  assert.ok(!asked.citations.some((c) => /250 MB/.test(c.quote)), asked.text);
});

test("a quote under a sentence that says whom the sentences after it apply to starts with that sentence, in its paragraph", () => {
  const rules = "The following rules apply only to external contractors. Laptops must be returned within 5 days after the contract ends. Phones must be returned on the last day.";
  assert.equal(quoted(rules, "en", 2), rules);
  assert.equal(
    quoted("Die folgenden Regeln gelten nur für externe Mitarbeiter. Laptops sind innerhalb von 5 Tagen nach Vertragsende zurückzugeben.", "de", 1),
    "Die folgenden Regeln gelten nur für externe Mitarbeiter. Laptops sind innerhalb von 5 Tagen nach Vertragsende zurückzugeben.",
  );
  // With a colon, from the paragraph before: the sentence right after it.
  assert.equal(
    quoted("For employees hired after 1 January 2024, the following applies:\n\nThe notice period is 3 months to the end of a month.\n\nFor all other employees, the notice period is 6 weeks.", "en", 1),
    "For employees hired after 1 January 2024, the following applies:\n\nThe notice period is 3 months to the end of a month.",
  );
  assert.equal(quoted("Für Beschäftigte in Teilzeit gilt Folgendes:\n\nDie Kündigungsfrist beträgt einen Monat.", "de", 1), "Für Beschäftigte in Teilzeit gilt Folgendes:\n\nDie Kündigungsfrist beträgt einen Monat.");
  // Not from another paragraph, nor a sentence that points to the next section, nor one that says no rule.
  assert.equal(quoted("The following rules apply only to external contractors.\n\nLaptops must be returned within 5 days after the contract ends.", "en", 1), "Laptops must be returned within 5 days after the contract ends.");
  assert.equal(quoted("The following section applies to the setup of the server. Laptops must be returned within 5 days after the contract ends.", "en", 1), "Laptops must be returned within 5 days after the contract ends.");
  assert.equal(quoted("The following picture shows the front of the laptop. Laptops must be returned within 5 days after the contract ends.", "en", 1), "Laptops must be returned within 5 days after the contract ends.");
});

test("an item of a list a sentence introduces is quoted with that sentence and the whole list; a step of a procedure from its first step; a table row with its header", () => {
  const equipment = "Each employee receives:\n\n• a laptop\n• a 27-inch monitor\n• a headset\n• a mobile phone, only if the role requires on-call duty";
  assert.equal(quoted(equipment, "en", 4), equipment);
  // A list without a lead sentence: the item as it is.
  assert.equal(quoted("Notes\n\n• a laptop for everyone\n• a mobile phone, only if the role requires on-call duty", "en", 2), "• a mobile phone, only if the role requires on-call duty");
  const steps = "1. Download the client from the intranet.\n2. Install it with administrator rights.\n3. Enter the server address vpn.example.com.\n4. Log in with your email address and your one-time code.\n5. Restart the computer.";
  assert.equal(quoted(steps, "en", 2, { asksHow: true }), steps);
  assert.equal(quoted(steps, "en", 2), "3. Enter the server address vpn.example.com.", "not for a question that asks no how");
  // The paragraph right above a procedure, for a how-question: with the procedure, which says how.
  const descale = "Descale the kettle every 4 weeks, or every 2 weeks where the water is hard.\n\n1. Fill the kettle with water and vinegar.\n2. Boil the mixture.\n3. Rinse it three times.";
  assert.equal(quoted(descale, "en", 0, { asksHow: true }), descale);
  assert.equal(quoted(descale, "en", 0), "Descale the kettle every 4 weeks, or every 2 weeks where the water is hard.", "not for a question that asks no how");
  const notFromItsStart = "Descale the kettle every 4 weeks, or every 2 weeks where the water is hard.\n\n3. Rinse it three times.\n4. Dry it.";
  assert.equal(quoted(notFromItsStart, "en", 0, { asksHow: true }), "Descale the kettle every 4 weeks, or every 2 weeks where the water is hard.", "not a list that starts elsewhere than step 1");
  const table = "Prices per month.\n\n| Plan | Price | Storage |\n| Starter | €5 | 10 GB |\n| Plus | €20 | 200 GB |\n| Pro | €40 | 500 GB |";
  assert.equal(quoted(table, "en", 3), "| Plan | Price | Storage |\n| Starter | €5 | 10 GB |\n| Plus | €20 | 200 GB |");
  // A passage that begins inside a table (split from its header) has no header to quote: its first row is a row.
  assert.equal(quoted("| Warsaw | EUR 48 per day | EUR 210 per night |\n| Prague | EUR 52 per day | EUR 230 per night |\n| Dresden | EUR 59 per day | EUR 245 per night |", "en", 2), "| Dresden | EUR 59 per day | EUR 245 per night |");
});

test("a table row is chosen for the row's own words under its header's: the row of the plan asked about, with the header", async () => {
  const { qa: plans } = await questionAnswererOver({
    "plans.md":
      "# Hosting plans\n\nPrices per month, excluding VAT.\n\n| Plan | Price | Storage | Backups | Support |\n|---|---|---|---|---|\n| Starter | €5 | 10 GB | weekly | Forum |\n| Basic | €10 | 50 GB | daily | Email |\n| Plus | €20 | 200 GB | daily | Email |\n| Pro | €40 | 500 GB | hourly | Email and chat |\n| Premium | €80 | 1 TB | hourly | Phone 24/7 |\n\nAll plans can be cancelled monthly.\n",
    "kitchen.md": "# Kitchen\n\nThe kitchen is cleaned every Friday. Please label your food in the fridge.\n",
  });
  const a = await firstQuoteMatches(plans, "What support does the Premium plan include?", /^\| Plan \| Price \| Storage \| Backups \| Support \|[\s\S]*\| Premium \| €80 \| 1 TB \| hourly \| Phone 24\/7 \|$/);
  assert.equal(a.abstained, false);
  // (A small table is quoted whole, as the page shows it, its rows read against each other.)
  await firstQuoteMatches(plans, "How much storage does the Plus plan have?", /^\| Plan \| Price \| Storage[\s\S]*\| Plus \| €20 \| 200 GB \| daily \| Email \|$/m);
  // A table at the end of its document: its last row is a whole row, not a sentence cut off, and
  // the header row alone, which only names the columns, is no answer.
  const { qa: atEnd } = await questionAnswererOver({
    "plans.md": "# Hosting plans\n\nPrices per month, excluding VAT.\n\n| Plan | Price | Storage | Backups | Support |\n|---|---|---|---|---|\n| Starter | €5 | 10 GB | weekly | Forum |\n| Basic | €10 | 50 GB | daily | Email |\n| Plus | €20 | 200 GB | daily | Email |\n| Pro | €40 | 500 GB | hourly | Email and chat |\n| Premium | €80 | 1 TB | hourly | Phone 24/7 |\n",
    "kitchen.md": "# Kitchen\n\nThe kitchen is cleaned every Friday. Please label your food in the fridge.\n",
  });
  await firstQuoteMatches(atEnd, "What support does the Premium plan include?", /^\| Plan \| Price \| Storage \| Backups \| Support \|[\s\S]*\| Premium \| €80 \| 1 TB \| hourly \| Phone 24\/7 \|$/);
  await firstQuoteMatches(atEnd, "What storage does each plan have?", /^\| Plan \| Price \| Storage \| Backups \| Support \|\n\| Starter /);
  // A table right under its heading, its last row at the passage's end: the header is the table's
  // first row all the same, and a row too far below it to quote together is quoted after it.
  const rows = Array.from({ length: 14 }, (_, i) => `| S${i + 1} | ${["yes", "no"][i % 2]} | ${["no", "yes"][i % 2]} | ${["yes", "no"][(i >> 1) % 2]} | ${40 + i} cm deep, ${60 + 2 * i} cm wide |`);
  const { qa: shelves } = await questionAnswererOver({
    "colours.md": `# Shelf colours\n\n| Model | White | Walnut | Grey | Size |\n|---|---|---|---|---|\n${rows.join("\n")}\n`,
    "kitchen.md": "# Kitchen\n\nThe kitchen is cleaned every Friday. Please label your food in the fridge.\n",
  });
  const s13 = await shelves.ask("Is the S13 available in walnut?");
  const s14 = await shelves.ask("Is the S14 available in grey?");
  assert.deepEqual(s14.citations.slice(0, 2).map((c) => c.quote), ["| Model | White | Walnut | Grey | Size |", rows[13]], s14.text);
  assert.deepEqual(s13.citations.slice(0, 2).map((c) => c.quote), ["| Model | White | Walnut | Grey | Size |", rows[12]], s13.text);
  const s2 = await shelves.ask("Is the S2 available in walnut?");
  assert.match(s2.citations[0]?.quote ?? "", /^\| Model \| White \| Walnut \| Grey \| Size \|\n\| S1 [^\n]*\n\| S2 \| no \| yes \| yes \| 41 cm deep, 62 cm wide \|$/, s2.text);
});

test("a note under its label (\"Note\", \"Anmerkung\") right after a quote's paragraph is quoted with it where it says some of the question the quote does not", () => {
  const saysMore = (words: string[]) => (text: string, quote: string) => words.some((w) => text.toLowerCase().includes(w) && !quote.toLowerCase().includes(w));
  // As a PDF reader writes a box: its label joined to its first line.
  const pdf =
    "If you use the file for a long time, the closing of the books computes the opening balance for you. The closing balance of one period is the opening balance of the next.\n" +
    "Note\nFor stock and mutual fund accounts you must enter opening balances by hand.\nBalance Information\nEnter the balance here.";
  const stock = saysMore(["stock", "opening"]);
  assert.equal(quoted(pdf, "en", 0, { saysMore: stock }), pdf.split("\nBalance Information")[0]);
  assert.equal(quoted(pdf, "en", 0, { saysMore: saysMore(["opening"]) }), "If you use the file for a long time, the closing of the books computes the opening balance for you.", "a note that adds nothing asked");
  assert.equal(quoted(pdf, "en", 0), "If you use the file for a long time, the closing of the books computes the opening balance for you.", "no question given");
  // A label on a line of its own; never a heading of the document's structure.
  const html = "A reversing transaction is created at once.\n\nNote\n\nThe reversing transaction gets the current date.\n\nMore text.";
  const date = saysMore(["date"]);
  assert.equal(quoted(html, "en", 0, { saysMore: date }), html.split("\n\nMore")[0]);
  assert.equal(quoted(html, "en", 0, { saysMore: date, headingStarts: [html.indexOf("Note")] }), "A reversing transaction is created at once.");
  // A one-word line that is no note's label heads the next section, which no reader may have marked.
  const section = html.replace("Note", "Reversal");
  assert.equal(quoted(section, "en", 0, { saysMore: date }), "A reversing transaction is created at once.");
});

test("a footnote is quoted with the sentence that cites it, and a sentence that cites a footnote with the footnote", async () => {
  // Exactly as written: the mark, the blank lines and the note.
  assert.equal(
    quoted("Revenue grew by 12 percent in 2023.[^1]\n\nStaff turnover fell to 4 percent.\n\n[^1]: Excluding the one-off sale of the subsidiary; including it, revenue fell by 3 percent.", "en", 2),
    "Revenue grew by 12 percent in 2023.[^1]\n\nStaff turnover fell to 4 percent.\n\n[^1]: Excluding the one-off sale of the subsidiary; including it, revenue fell by 3 percent.",
  );
  assert.equal(quoted("Energy costs rose by 30 percent.[^q] Hardware spending stayed flat.\n\n[^q]: Measured against the previous quarter, not the previous year.", "en", 0), "Energy costs rose by 30 percent.[^q] Hardware spending stayed flat.\n\n[^q]: Measured against the previous quarter, not the previous year.");
  // As the PDF reader sets a footnote apart.
  assert.equal(quoted("Keep the permit[2] at hand for the caretaker.\n[2] The permit comes from the building office two weeks before.", "en", 1), "Keep the permit[2] at hand for the caretaker.\n[2] The permit comes from the building office two weeks before.");
  // A list of references under a heading of its own is no footnote.
  const cites = "Cities are warmer than the countryside.[1] Green roofs cool them by up to 2 degrees.\n\nReferences\n\n[1] Oke, T. R. (1982). The energetic basis of the urban heat island.";
  assert.equal(quoted(cites, "en", 0), "Cities are warmer than the countryside.[1] Green roofs cool them by up to 2 degrees.");
  // Another note's mark, or none, takes nothing.
  assert.equal(quoted("Energy costs rose by 30 percent.[^q]\n\nHardware spending stayed flat this year, as planned.\n\n[^r]: Measured in euros against the previous year.", "en", 1), "Hardware spending stayed flat this year, as planned.");
  assert.equal(quoted("Energy costs rose by 30 percent.[^q]\n\nHardware spending stayed flat this year, as planned.\n\n[^r]: Measured in euros against the previous year.", "en", 2), "[^r]: Measured in euros against the previous year.");
  const { qa: report } = await questionAnswererOver({
    "report.md": "# Annual report\n\n## Results\n\nRevenue grew by 12 percent in 2023.[^1]\n\nStaff turnover fell to 4 percent.\n\n[^1]: Excluding the one-off sale of the Berlin subsidiary; including it, revenue fell by 3 percent.\n",
  });
  await firstQuoteMatches(report, "How much did revenue grow in 2023?", /^Revenue grew by 12 percent in 2023\.\[\^1\][\s\S]*including it, revenue fell by 3 percent\.$/);
});

test("a sentence that says nothing but the question's words is not quoted as its answer; one that says what it asks is", async () => {
  const { qa } = await questionAnswererOver({
    "keys.md": "# Keyboard\n\nThe Alt key shortcuts open the menus.\n\nThe Alt key shortcuts that open the menus use the underlined letter of each menu's name.\n",
    "printing.md": "# Printing\n\nReports can be printed or exported as PDF from the File menu.\n",
    "accounts.md": "# Accounts\n\nEvery account has a type, a currency and a parent account.\n",
  });
  const a = await qa.ask("Which Alt key shortcuts open the menus?");
  assert.equal(a.abstained, false);
  assert.match(a.citations[0]!.quote, /underlined letter/);
});

test("a question that sets the scene before it asks is answered by the sentence on what it asks, not by the one that repeats the scene", async () => {
  const { qa } = await questionAnswererOver({
    "logging.md":
      "# Logging\n\nEvery message has a level: debug, info, warning or error.\n\nBy default, debug and info output is hidden; call setLevel to show it.\n",
    "rotation.md": "# Rotation\n\nLog files are rotated daily and kept for a week.\n",
    "formats.md": "# Formats\n\nA format string decides how each line looks, with the time first.\n",
  });
  const a = await qa.ask("My debug and info messages print nothing, only warnings and errors show up. Is that the default behaviour?");
  assert.equal(a.abstained, false);
  assert.match(a.citations[0]!.quote, /^By default, debug and info output is hidden/, a.citations.map((c) => c.quote).join(" | "));
});

test("the asking sentence of a question is the one that ends in a question mark, not a question its scene quotes", () => {
  assert.deepEqual([...askingTerms("My debug messages print nothing. Is that the default?")], ["default"]);
  assert.deepEqual([...askingTerms("How do I add a user?")], [], "a question that only asks has no scene");
  assert.deepEqual([...askingTerms('The installer prints "Overwrite the partition table?" Then it hangs. How do I answer it automatically')], []);
});

test("a question that asks which file or folder is answered by the sentence that names the path", async () => {
  const { qa: layouts } = await questionAnswererOver({
    "layouts.md":
      "# Print layouts\n\nThe print dialog lists the layouts it finds in two folders. Layouts that come with the program are in /usr/share/ledger/layouts. " +
      "Your own layouts go in ~/.local/share/ledger/layouts in your home folder.\n\n" +
      "Users may add their own layouts to the print dialog at any time, even while the program runs: the dialog lists a new layout the next time it opens.\n",
  });
  const a = await layouts.ask("I made my own print layout. Which folder should I put it in so the print dialog lists it?");
  assert.equal(a.abstained, false);
  assert.match(a.citations[0]!.quote, /~\/\.local\/share\/ledger\/layouts/);
  for (const q of ["Which file decides the order?", "In welchen Dateien stehen die Benutzerkonten?", "Wo liegen meine Einstellungen?", "Where are my settings stored?", "Where is the configuration file?", "Wo werden meine Einstellungen gespeichert?"]) {
    assert.ok(ASKS_PLACE.test(q), q);
  }
  for (const q of ["What file format does it use?", "Where did Putin meet Buterin?", "Wo liegt der Unterschied?", "Which directory service should I use?"]) assert.ok(!ASKS_PLACE.test(q), q);
  for (const t of ["/etc/nsswitch.conf", "unter HKEY_CURRENT_USER", "C:\\Users\\ann"]) assert.ok(SAYS_PLACE.test(t), t);
  for (const t of ["and/or", "TCP/IP", "Ein-/Ausgabe", "5 €/Monat"]) assert.ok(!SAYS_PLACE.test(t), t);
});

test("a question that says no is answered by the sentence that says no, not by the one that repeats its words", async () => {
  const { qa } = await questionAnswererOver({
    "backup.md":
      "# Backups\n\n## What is copied\n\nEvery night the backup tool copies the files of your home folder to the backup disk, and it keeps the copies of the last seven nights on that disk. " +
      "Files in the cache folder are not copied, and neither are files larger than 4 GB.\n\n" +
      "## Was gesichert wird\n\nJede Nacht kopiert das Sicherungsprogramm die Dateien Ihres Benutzerordners auf die Sicherungsplatte und behält die Kopien der letzten sieben Nächte auf dieser Platte. " +
      "Dateien im Zwischenspeicherordner werden nicht kopiert, ebenso wenig Dateien über 4 GB.\n",
  });
  for (const [q, said] of [
    ["Some files of my home folder never end up on the backup disk at night. Which files does the backup tool leave out?", /not copied/],
    ["Manche Dateien meines Benutzerordners landen nachts nie auf der Sicherungsplatte. Welche Dateien lässt das Sicherungsprogramm aus?", /nicht kopiert/],
  ] as const) {
    const answer = await qa.ask(q);
    assert.equal(answer.abstained, false, q);
    assert.match(answer.citations[0]!.quote, said, q);
  }
});

test("a question whether something is so, or why, is answered by a sentence, not by the code example that calls its functions", async () => {
  const { qa: logs } = await questionAnswererOver({
    "logging.md":
      "# Logging\n\n## Levels\n\nAt its simplest, log messages go to standard error:\n\n```\nimport logging\nlogging.debug('details')\nlogging.info('progress')\n" +
      "logging.warning('disk almost full')\nlogging.error('write failed')\n```\n\nBy default, debug and info messages are suppressed, and the output goes to standard error.\n\n" +
      "## Files\n\nLog messages can be written to a file instead with basicConfig(filename=...).\n",
  });
  for (const q of ["My logging.info() and logging.debug() calls print nothing, only warnings show up. Is that the default?", "Why do my logging.info() and logging.debug() calls print nothing?"]) {
    await firstQuoteMatches(logs, q, /^By default, debug and info messages are suppressed/);
  }
  // A question how to do it is answered by the code.
  await firstQuoteMatches(logs, "How do I write a warning with logging?", /logging\.warning\('disk almost full'\)/);
  for (const q of ["Is that the default behaviour?", "Ist das Absicht?", "Are tabs allowed in the file?", "Was it ever released?", "Isn't that the default?", "Wasn’t this removed in 2.0?"]) assert.ok(asksYesNo(q, false), q);
  // Not a question for a thing, nor German "was" (what).
  for (const q of ["Is there a tool for it?", "Was ist die Hauptstadt von Kanada?", "Was an der Datei ist falsch?"]) assert.ok(!asksYesNo(q, false), q);
  // Code is a call, an assignment, a statement, an import or a prompt on every line; prose that
  // names a path, an address or a bracket is none.
  for (const c of ["import logging\nlogging.debug('details')", 'printf("hello\\n");', "SELECT * FROM users;", "x = compute();", "$ sudo apt update"]) assert.ok(looksLikeCode(c), c);
  // So is a configuration file's directive with its value, whatever a quoted value says (also cut
  // after its full stop, as the sentence splitter leaves it).
  for (const c of ['ErrorDocument 404 /missing.html\nErrorDocument 403 "Access is not allowed here at all."', 'ErrorDocument 403 "Zugriff ist hier nicht erlaubt.', "KeepAlive On"]) assert.ok(looksLikeCode(c), c);
  for (const p of ["The source code is published at https://example.org/tool", "To mount the disk at boot, add this line to /etc/fstab:", "Logging is off by default (see /etc/app.conf)", "The value must satisfy 0 <= n < 10", "LibreOffice 7 opens the file in its own format.", 'PostgreSQL 15 is the version "bookworm" ships by default.', "LibreOffice 7 can't open Word 95 files.", "PostgreSQL 15 is the default.", "LibreOffice 7.5 Release Notes", "PostgreSQL 15 può leggere l'archivio."]) {
    assert.ok(!looksLikeCode(p), p);
  }
});

test("a yes-or-no question is answered by the sentence, not by the configuration example above it", async () => {
  const { qa } = await questionAnswererOver({
    "errors.md":
      "# Error pages\n\n## The ErrorPage directive\n\nExamples:\n\n    ErrorPage 500 http://other.example.com/cgi-bin/tester\n    ErrorPage 404 /cgi-bin/bad_urls.pl\n    ErrorPage 402 http://server.example.com/pay.html\n    ErrorPage 401 /subscription_info.html\n    ErrorPage 403 \"Sorry, no entry here today.\"\n\n" +
      "When a remote URL is used for the 401 page, the client never learns that it must ask for a password. You must therefore use a local document there.\n\n" +
      "## Logging\n\nEvery error is also written to the error log.\n",
  });
  const answer = await qa.ask("Can my ErrorPage for status 401 point to a page on another server?");
  assert.equal(answer.abstained, false);
  assert.match(answer.citations[0]!.quote, /^When a remote URL is used for the 401 page/);
});

test("a why-question is answered by the sentence that gives the reason, not by the one that repeats its words", async () => {
  const { qa: rates } = await questionAnswererOver({
    "rates.md":
      "# Exchange rates\n\n## Downloading rates\n\nThe rates window lists the current exchange rates of the currencies in your books. " +
      "Each time you click the Download button, the current exchange rates of every currency you use are downloaded into the rates window.\n\n" +
      "Note: when the Download button is disabled, the current exchange rates cannot be downloaded, because the quotes module is not installed.\n\n" +
      "## Kurse herunterladen\n\nDas Kursfenster zeigt die aktuellen Wechselkurse der Währungen Ihrer Bücher. " +
      "Jedes Mal, wenn Sie auf den Knopf Herunterladen klicken, werden die aktuellen Wechselkurse aller Währungen, die Sie nutzen, in das Kursfenster heruntergeladen.\n\n" +
      "Anmerkung: Ist der Knopf Herunterladen deaktiviert, können keine aktuellen Wechselkurse heruntergeladen werden, weil das Kursmodul nicht installiert ist.\n",
  });
  const en = await rates.ask("In the rates window the button to download the current exchange rates is disabled. Why?");
  assert.equal(en.abstained, false);
  assert.match(en.citations[0]!.quote, /not installed/);
  const de = await rates.ask("Im Kursfenster ist der Knopf zum Herunterladen der aktuellen Wechselkurse deaktiviert. Woran liegt das?");
  assert.equal(de.abstained, false);
  assert.match(de.citations[0]!.quote, /nicht installiert/);
  // Asking what one does wrong asks for the cause; a rule with what happens otherwise gives it.
  const { qa: labels } = await questionAnswererOver({
    "figures.md":
      "# Figures\n\n## Referring to a figure\n\nWith \\ref you print the number of a figure in the text, with \\pageref its page. " +
      "The \\label command must come after the \\caption command, otherwise the numbering is wrong. " +
      "As explained for the table of contents, two runs are needed before the numbers of the figure and of every reference in the text come out right.\n\n" +
      "## Abbildungen\n\nMit \\ref geben Sie die Nummer einer Abbildung im Text aus, mit \\pageref ihre Seite. " +
      "Der Befehl \\label muss nach dem Befehl \\caption stehen, sonst stimmt die Nummerierung nicht. " +
      "Wie beim Inhaltsverzeichnis braucht es zwei Durchläufe, bevor die Nummern der Abbildung und jedes Verweises im Text stimmen.\n",
  });
  for (const [q, said] of [
    ["My reference to a figure shows the wrong number. What am I doing wrong?", /must come after the \\caption/],
    ["Mein Verweis auf eine Abbildung zeigt eine falsche Nummer. Was mache ich falsch?", /muss nach dem Befehl \\caption/],
  ] as const) {
    const answer = await labels.ask(q);
    assert.equal(answer.abstained, false, q);
    assert.match(answer.citations[0]!.quote, said, q);
  }
  for (const q of ["Why is it slow?", "It never runs. Why?", "Warum bekomme ich einen Fehler?", "Woran liegt das?", "What causes this error?", "Wieso fehlt die Datei?", "What am I doing wrong?", "Was mache ich da falsch?", "What's wrong with my setup?", "Nothing happens. What's the usual reason?", "What could be the cause of this error?", "Was ist die häufigste Ursache dafür?", "What's the usual reason the import stops?", "What is the reason that it fails?", "Was könnten die Gründe sein?"]) assert.ok(ASKS_WHY.test(q), q);
  for (const q of ["How do I install it?", "Wo liegt der Unterschied?", "Whyte's manual: where is it?", "That's why I ask: how do I install it?", "Was ist der Grund-Tarif?", "What is the reason field in the log for?"]) assert.ok(!ASKS_WHY.test(q), q);
  for (const t of ["because it is loaded every time", "This is due to the fact that", "bedeutet das, dass das Modul fehlt", "weil 18 Buchstaben dazwischen stehen", "Das liegt daran, dass der Port belegt ist.", "Er startet nicht, denn der Port ist belegt.", "This leads to a crash.", "Quote the value, otherwise the shell splits it.", "Es muss danach stehen, sonst stimmt die Nummer nicht."]) assert.ok(SAYS_WHY.test(t), t);
  // Linear on a long run of blanks (a lookbehind before "denn" scanned the run back at every blank).
  const time = (text: string) => {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      SAYS_WHY.test(text);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const blanks = time(`x${" ".repeat(40_000)}y`);
  const words = time("word ".repeat(8_000));
  assert.ok(blanks < 10 * Math.max(words, 5), `${blanks} ms against ${words} ms`);
  for (const t of ["since 2010", "da oben", "Sie können das ändern.", "The search results in the sidebar are sorted.", "The link leads to the download page.", "Der Link führt zu der Downloadseite.", "Die Spannung liegt an Pin 3 an.", "Es sei denn, Sie ändern es.", "Was ist denn hier los?", "Unless otherwise noted, sizes are in bytes.", "Wenn nicht sonst angegeben, in Bytes."]) assert.ok(!SAYS_WHY.test(t), t);
});

test("a question what a thing is or does is answered by the sentence that says it, not by an example that uses the thing", async () => {
  // The passages on using it say its name far more often than the one that says what it is.
  const commands = ["sync", "pull", "watch", "log", "check", "lock", "unlock", "export", "import", "trash", "restore", "tags"];
  const { qa } = await questionAnswererOver({
    "README.md":
      "# quillpad\n\n```js\nimport { quillpad } from \"quillpad\";\nconst notes = quillpad.open(\"./notes\");\n```\n\n" +
      `## Usage\n\n${commands.map((c) => `Run quillpad ${c} to ${c} your notes.`).join(" ")} quillpad prints what it did after every command.\n\n` +
      `## Configuration\n\n${"quillpad reads ~/.config/quillpad/config.toml. Set remote to the WebDAV address and interval to the seconds between syncs. quillpad keeps a cache in ~/.cache/quillpad, which quillpad clears on quillpad reset. ".repeat(3)}\n\n` +
      "## About\n\nQuillpad is a plain-text note editor that keeps your notes in sync over WebDAV. It started in 2019 as a weekend project and is kept up by a handful of volunteers. " +
      "Notes stay ordinary text files in a folder you choose, so any other editor can open them too. Bug reports and ideas go to the issue tracker; translations are welcome.\n",
    "handbuch.md": "# Notizen\n\n## Ablage\n\nDas Notizbuch liegt im Ordner ~/Notizen. Jedes Notizbuch kann Unterordner haben.\n\n## Begriffe\n\nEin Notizbuch ist eine Sammlung von Notizen mit eigenem Ordner und eigener Synchronisation.\n",
  });
  for (const [q, said] of [
    ["What is quillpad?", /^Quillpad is a plain-text note editor/],
    ["What does quillpad do?", /^Quillpad is a plain-text note editor/],
    ["Was ist ein Notizbuch?", /^Ein Notizbuch ist eine Sammlung/],
  ] as const) {
    const a = await qa.ask(q);
    assert.equal(a.abstained, false, q);
    assert.match(a.citations[0]!.quote, said, `${q}: ${a.citations.map((c) => c.quote).join(" | ")}`);
    assert.match(a.retrieval.results[0]!.chunk.text, said.source.startsWith("^Quill") ? /Quillpad is a/ : /Ein Notizbuch ist/, `${q}: the passage that says it comes first`);
  }
  // What asks it: one thing, in the last sentence, not a pronoun; what says it: the thing's name
  // among a sentence's first words with its verb, or a line that opens with it and a dash.
  assert.equal(definitionAsked("I keep seeing it in the logs. What is debconf?"), "debconf");
  assert.equal(definitionAsked("What's a virtual host?"), "virtual host");
  assert.equal(definitionAsked("What does FTBFS stand for?"), "FTBFS");
  assert.equal(definitionAsked("Wofür ist ein Kontenrahmen gut?"), "Kontenrahmen");
  assert.equal(definitionAsked("Was macht debconf?"), "debconf");
  assert.equal(definitionAsked("What is debconf used for?"), "debconf");
  assert.equal(definitionAsked("What are virtual packages good for?"), "virtual packages");
  for (const q of ["What is the recommended maximum length for a Debian package name?", "I saw W: lines. What are they?", "How do I install debconf?", "Is debconf installed?", "What do I do?", "What do you mean?", "Was ist sie?", "Was macht man bei einem Fehler?"]) {
    assert.equal(definitionAsked(q), undefined, q);
  }
  const says = definitionOf("What is lintian?")!;
  for (const t of ["lintian is Debian's package checker.", "The lintian program is what checks packages for common errors.", "Setup.\nLintian is the package checker.", "• lintian - Debians Paket-Prüfer", "lintian: Debian's package checker"]) assert.ok(says(t), t);
  for (const t of ["Run lintian after the build.", "The output of lintian is long.", "pre-lintian is a script.", "lintian: error reading the changes file", "Lintian is now running.", "lintian ist jetzt fertig.", "lintian ist noch nicht fertig.", "lintian is being rewritten.", "lintian is now."]) assert.ok(!says(t), t);
  for (const t of ["Lintian is now the standard checker for Debian packages.", "## lintian – the Debian package checker"]) assert.ok(says(t), t);
  // A configuration's comment names the thing, it does not explain it.
  const host = definitionOf("What is a virtual host?")!;
  assert.ok(host("A virtual host is one of several sites served by one machine."));
  for (const t of ["<VirtualHost *:80>\n# This first-listed virtual host is also the default\nServerName a.example", "// The virtual host is set below", "; virtual host is disabled"]) assert.ok(!host(t), t);
  // Linear in a hostile text: long words, many sentence ends.
  const time = (text: string) => {
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      says(text);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  const plain = time("word ".repeat(20_000));
  for (const hostile of ["a".repeat(100_000), "a. ".repeat(33_000), `${"x.\n".repeat(1_000)}${"lintian ".repeat(10_000)}`, "\n".repeat(100_000), "ж\n".repeat(50_000), "Это текст\n".repeat(10_000)]) {
    const took = time(hostile);
    assert.ok(took < 10 * Math.max(plain, 5), `${JSON.stringify(hostile.slice(0, 12))}: ${took} ms against ${plain} ms`);
  }
  // And in a question of runs of blanks, up to the longest a question may be.
  const started = performance.now();
  definitionAsked(`What is${" ".repeat(3_990)}x`);
  const blanks = performance.now() - started;
  const asked = performance.now();
  definitionAsked(`What is ${"x ".repeat(1_995)}`);
  assert.ok(blanks < 10 * Math.max(performance.now() - asked, 5), `${blanks} ms for a question of blanks`);
});

test("which questions ask whether something can be done, and which sentences say no", () => {
  for (const q of ["Can I change which Alt key opens a menu?", "Shouldn't I use it?", "Können Benutzer die Tasten ändern?", "Sollten wir das tun?", "I returned a jacket. Should I book it as income?"]) {
    assert.ok(ASKS_YES_NO.test(q), q);
  }
  for (const q of ["Can you explain what a debit is?", "Do tell me what a debit is.", "May 2024: what changed?", "Soll und Haben: was ist das?", "Sollüberschreitung, was tun?", "Können Sie mir sagen, wie das geht?", "Is there a tool for it?"]) {
    assert.ok(!ASKS_YES_NO.test(q), q);
  }
  for (const t of ["users can’t change them", "Es geht nichts verloren.", "Use the mirror instead.", "Sie lassen sich nicht ändern."]) assert.ok(SAYS_NO.test(t), t);
  for (const t of ["See No. 5 for the knot.", "Noël is notably late."]) assert.ok(!SAYS_NO.test(t), t);
});

/** What retrieval gives the extractive answerer for a question over passages (in rank order), with the words' weights and the languages that use them. */
async function draftOver(
  question: string,
  passages: readonly { lang: "en" | "de"; text: string; source?: string; start?: number; belowOwnLanguage?: boolean; section?: string; sections?: { at: number; section: string }[] }[],
  weights: Record<string, { weight: number; langs: readonly ("en" | "de" | "other")[] }>,
  locale: "en" | "de" = "de",
) {
  const { ExtractiveAnswerer } = await import("../../src/rag/answer/extractive.js");
  const { HashingEmbeddings } = await import("../../src/rag/embeddings/index.js");
  const embeddings = new HashingEmbeddings(256);
  const retrieval = {
    question,
    results: passages.map((p, i) => {
      const start = p.start ?? 0;
      const chunk = { id: String(i), source: p.source ?? `${p.lang}/page.md`, collection: "main", title: "Page", lang: p.lang, text: p.text, section: p.section ?? null, page: null, pageEnd: null, hash: String(i), start, end: start + p.text.length, ...(p.sections ? { sections: p.sections } : {}) };
      return { chunk, score: 1.5 - i / 10, ...(p.belowOwnLanguage ? { belowOwnLanguage: true as const } : {}) };
    }),
    answerability: 1,
    unknownNames: [],
    specificMissing: [],
    termWeights: new Map(Object.entries(weights).map(([w, { weight }]) => [w, weight])),
    wordLanguages: new Map(Object.entries(weights).map(([w, { langs }]) => [w, langs])),
    expansions: new Map(),
    denseTop: 0.5,
    queryVector: await embeddings.embedQuery(question),
    answerable: true,
  };
  return new ExtractiveAnswerer(embeddings).draft(question, retrieval, { locale, name: locale === "de" ? "German" : "English" });
}

test("a heading inside a passage is never a quote of its own, though it ends in no caption's way", async () => {
  const text = "The Smuggler can no longer buy goods in Marseille.\n\n3. Order card no. 27 \u201CSilk for Lyon\u201D\n\nThe card was printed with 3 prestige points. It should show 4 prestige points and a reward of 2 gold.";
  const at = text.indexOf("3. Order");
  const draft = await draftOver(
    "Which order card is called Silk for Lyon?",
    [{ lang: "en", text, section: "2. Character card", sections: [{ at: 0, section: "2. Character card" }, { at, section: "3. Order card no. 27 \u201CSilk for Lyon\u201D" }] }],
    { order: { weight: 1, langs: ["en"] }, card: { weight: 1, langs: ["en"] }, silk: { weight: 2, langs: ["en"] }, lyon: { weight: 2, langs: ["en"] } },
    "en",
  );
  assert.ok(!draft.citations.some((c) => c.quote.startsWith("3. Order card")), draft.citations.map((c) => c.quote).join(" | "));
});

/** …over an English and a German passage (the English one first). */
function twoLanguageDraft(question: string, texts: { en: string; de: string; enBelow?: boolean }, weights: Parameters<typeof draftOver>[2]) {
  return draftOver(question, [{ lang: "en", text: texts.en, ...(texts.enBelow ? { belowOwnLanguage: true } : {}) }, { lang: "de", text: texts.de }], weights);
}

test("a quote says what the question is about, not only which amount it asks for: the first where a window close to the best does, a further one from another passage always", async () => {
  const weights = { long: { weight: 3, langs: ["en", "other"] as const }, passwords: { weight: 3, langs: ["en", "other"] as const } };
  const passages = [
    { lang: "en" as const, source: "security.md", text: "Passwords must have at least 12 characters. Administrator accounts need 16." },
    { lang: "en" as const, source: "faq.md", text: "How long do you keep my data after I cancel? We keep your data for 7 years." },
    { lang: "en" as const, source: "service.md", text: "Service accounts use generated passwords of 32 characters." },
  ];
  const quotesOver = async (over: typeof passages) => (await draftOver("How long must passwords be?", over, weights, "en")).citations.map((c) => c.quote);
  assert.deepEqual(await quotesOver(passages.slice(0, 2)), ["Passwords must have at least 12 characters. Administrator accounts need 16."]);
  assert.deepEqual(await quotesOver([passages[0]!, passages[2]!]), ["Passwords must have at least 12 characters. Administrator accounts need 16.", "Service accounts use generated passwords of 32 characters."]);
  // Nor is the first quote one that says only which amount is asked, where a window close to it says what about.
  const reset = await draftOver(
    "How long does a reset take?",
    [passages[1]!, { lang: "en" as const, source: "router.md", text: "After a reset the router restarts; this takes a while." }],
    { long: { weight: 3, langs: ["en", "other"] as const }, reset: { weight: 3, langs: ["en", "other"] as const } },
    "en",
  );
  assert.match(reset.citations[0]?.quote ?? "", /^After a reset/, reset.text);
  // A window says what it is about under all its headings below the page's title.
  const w = (word: string) => ({ [word]: { weight: 3, langs: ["en", "other"] as const } });
  const warranty = await draftOver(
    "How long is the warranty?",
    [
      { lang: "en" as const, source: "kettle.md", section: "Kettle K5 › Warranty › Duration", text: "Two years from the date of purchase." },
      { lang: "en" as const, source: "kettle.md", section: "Kettle K5 › Warranty › Exclusions", text: "The warranty does not cover damage caused by limescale." },
    ],
    { ...w("long"), ...w("warranty") },
    "en",
  );
  assert.match(warranty.citations[0]?.quote ?? "", /^Two years/, warranty.text);
  // "high", "heavy", "late" … of "How high …?" say which amount, as "long" does.
  const desk = await draftOver(
    "How high is the desk?",
    [
      { lang: "en" as const, source: "desk.md", text: "The desk adjusts from 70 cm to 120 cm." },
      { lang: "en" as const, source: "safety.md", text: "Never open the control box: it carries high voltage." },
    ],
    { ...w("high"), ...w("desk") },
    "en",
  );
  assert.deepEqual(desk.citations.map((c) => c.quote), ["The desk adjusts from 70 cm to 120 cm."], desk.text);
  // …and "cost" of "What does … cost?": a price of another thing says nothing of the expansion.
  const expansion = await draftOver(
    "What does the Storm expansion cost?",
    [
      { lang: "en" as const, source: "shop.md", text: "The Storm expansion is sold for EUR 25 in the shop." },
      { lang: "en" as const, source: "championship.md", text: "Entry to the championship will cost EUR 15 and includes lunch." },
    ],
    { storm: { weight: 2, langs: ["en", "other"] as const }, expansion: { weight: 2, langs: ["en", "other"] as const }, cost: { weight: 5, langs: ["en", "other"] as const } },
    "en",
  );
  assert.deepEqual(expansion.citations.map((c) => c.quote), ["The Storm expansion is sold for EUR 25 in the shop."], expansion.text);
});

test("a window that ends in a question its passage leaves for the next passage is not quoted: the next passage's answer is", async () => {
  const document =
    "Peter wants to borrow some money from you, and you agree on the details.\n" +
    "• Loan amount: 2000 euros\n• Loan term: 18 months\n• Interest: 5 percent a year\n• Monthly payment: ??\n" +
    "So how do you work out the monthly payment of the loan?\n" +
    "The loan calculator in the Tools menu works it out: each month Peter pays 115.56 euros. To book it, split it into interest and repayment.";
  // Two passages, as the chunker may cut a document: the first ends with the question.
  const cutAt = document.indexOf("The loan calculator");
  const passages = [
    { lang: "en" as const, source: "loans.md", text: document.slice(0, cutAt).trimEnd() },
    { lang: "en" as const, source: "loans.md", start: cutAt, text: document.slice(cutAt) },
  ];
  const weights = Object.fromEntries(["work", "out", "monthly", "payment", "loan", "friend"].map((w) => [w, { weight: 3, langs: ["en", "other"] as const }]));
  const draft = await draftOver("How do I work out the monthly payment of a loan to a friend?", passages, weights, "en");
  const quotes = draft.citations.map((c) => c.quote);
  assert.match(quotes[0] ?? "", /115\.56/, quotes.join(" | "));
  for (const q of quotes) assert.doesNotMatch(q, /\?$/, quotes.join(" | "));
});

test("a question for a limit is answered by the sentence that gives it, not only by the one that names the thing; a field line is no term", async () => {
  // A reference entry: a field line, the sentence naming what the setting is, then its limit in other words.
  const entry =
    "servfail-ttl\n\nGrammar: servfail-ttl <duration>;\n\nTags: server\n\nSets the length of time (in seconds) that a SERVFAIL response is cached.\n\n" +
    "This sets the number of seconds to cache a SERVFAIL response due to a validation failure. If set to 0, SERVFAIL caching is disabled.\n\n" +
    "The maximum value is 30 seconds; any higher value is silently reduced. The default is 1 second.";
  const weights = Object.fromEntries(["long", "servfail", "responses", "cached"].map((w) => [w, { weight: 3, langs: ["en", "other"] as const }]));
  const limit = await draftOver("How long can SERVFAIL responses be cached at most?", [{ lang: "en", source: "reference.html", section: "Tuning › servfail-ttl", text: entry }], weights, "en");
  const quotes = limit.citations.map((c) => c.quote);
  assert.ok(quotes.some((q) => /maximum value is 30 seconds/.test(q)), quotes.join(" | "));
  assert.ok(quotes.every((q) => !q.startsWith("Tags:")), "the field line is not quoted as the sentence's term");
  // German too: "höchstens" asks for the limit «bis zu 15 Minuten» gives.
  const de = "Dynamische Änderungen werden in das Journal geschrieben und später in die Zonendatei übernommen.\n\nDas Zurückschreiben wird um bis zu 15 Minuten verzögert, damit mehrere Änderungen zusammen geschrieben werden.";
  const deWeights = Object.fromEntries(["lange", "dauert", "dynamische", "anderungen", "zonendatei"].map((w) => [w, { weight: 3, langs: ["de", "other"] as const }]));
  const höchstens = await draftOver("Wie lange dauert es höchstens, bis dynamische Änderungen in der Zonendatei stehen?", [{ lang: "de", section: "Dynamische Änderungen", text: de }], deWeights);
  assert.ok(höchstens.citations.some((c) => /bis zu 15 Minuten/.test(c.quote)), höchstens.citations.map((c) => c.quote).join(" | "));
});

test("a passage that retrieval put below its twin in the question's language is not quoted first when the twin says as much", async () => {
  const question = "Wofür ist FrobLimit und FrobQueue?";
  const everywhere = ["en", "de", "other"] as const;
  // The same names in both copies; the English window is first by rank, and shorter.
  const texts = { en: "FrobLimit and FrobQueue bound the workers.", de: "FrobLimit und FrobQueue begrenzen gemeinsam die Anzahl der Arbeiter des Dienstes." };
  const weights = { froblimit: { weight: 3, langs: everywhere }, frobqueue: { weight: 3, langs: everywhere } };
  assert.equal((await twoLanguageDraft(question, texts, weights)).citations[0]!.passage, 1, "without the mark, the first passage's window");
  assert.equal((await twoLanguageDraft(question, { ...texts, enBelow: true }, weights)).citations[0]!.passage, 2, "marked as below its German twin, the German window");
});

test("a window in another language that says only the name a question shares with it is no full answer: the asker's language's window that says it all is quoted", async () => {
  // Not the same text: the English passage is not put below the German one, it only shares the
  // name. The German one says the name and "Bauen", not "schneller".
  const draft = await twoLanguageDraft(
    "Gibt es etwas, womit das Bauen mit frobbuild schneller geht?",
    { en: "frobbuild constructs a chroot and builds a package inside it.", de: "Für das Bauen mit frobbuild gibt es frobcow, das ein COW-Dateisystem verwendet." },
    // English passages use only the name.
    { bauen: { weight: 4, langs: ["de", "other"] }, frobbuild: { weight: 2, langs: ["en", "de", "other"] }, schneller: { weight: 4, langs: ["de", "other"] } },
  );
  assert.equal(draft.citations[0]!.passage, 2, draft.text);
  assert.match(draft.text, /frobcow/);
});

test("sentences do not break at abbreviations or German ordinals", () => {
  const text = "Das Forum fand in St. Petersburg statt, vom 1. bis 3. Juni. Buterin sprach dort mit Putin.";
  const spans = sentenceSpans(text, "de");
  for (const span of spans) assert.equal(text.slice(span.start, span.end), span.text, "offsets are exact");
  const s = spans.map((x) => x.text);
  assert.deepEqual(s, ["Das Forum fand in St. Petersburg statt, vom 1. bis 3. Juni.", "Buterin sprach dort mit Putin."]);
  // Nor at an abbreviation written with a space between its letters.
  assert.deepEqual(
    sentenceSpans("Mit \\, lässt sich ein kurzer Abstand erzeugen, wie er z. B. in Abkürzungen vorkommt. Z. B. Dateien sind so. Das heißt d. h. nichts.", "de").map((x) => x.text),
    ["Mit \\, lässt sich ein kurzer Abstand erzeugen, wie er z. B. in Abkürzungen vorkommt.", "Z. B. Dateien sind so.", "Das heißt d. h. nichts."],
  );
  // Nor at a short word in lower case before an amount: the figure after it is the sentence's own.
  assert.deepEqual(sentenceSpans("Trips are reimbursed at min. EUR 45 per day vs. EUR 28 elsewhere. Book early.", "en").map((x) => x.text), ["Trips are reimbursed at min. EUR 45 per day vs. EUR 28 elsewhere.", "Book early."]);
  assert.deepEqual(
    sentenceSpans("Der Umsatz betrug ca. 4,5 Mio. EUR bzw. 5,1 Mio. USD. Das gilt nicht für Angestellte gem. § 5 BetrVG. Weiter.", "de").map((x) => x.text),
    ["Der Umsatz betrug ca. 4,5 Mio. EUR bzw. 5,1 Mio. USD.", "Das gilt nicht für Angestellte gem. § 5 BetrVG.", "Weiter."],
  );
  assert.deepEqual(sentenceSpans("Power use is 12 W (max. 18 W). The fan is quiet.", "en").map((x) => x.text), ["Power use is 12 W (max. 18 W).", "The fan is quiet."]);
  // Nor at an abbreviation no sentence ends with, before a capitalised noun; nor at one within a
  // line of rows read as lines (a PDF's table); nor at an article's label in capitals.
  assert.deepEqual(
    sentenceSpans("Verteilt wird nach Verbrauch (Heizkostenverteiler bzw. Warmwasserzähler) und Fläche. Vgl. Anlage 2.", "de").map((x) => x.text),
    ["Verteilt wird nach Verbrauch (Heizkostenverteiler bzw. Warmwasserzähler) und Fläche.", "Vgl. Anlage 2."],
  );
  assert.deepEqual(sentenceSpans("Nettokaltmiete Wohnung 780,00 €\nMiete Pkw-Stellplatz Nr. 4 45,00 €", "de").map((x) => x.text), ["Nettokaltmiete Wohnung 780,00 €\nMiete Pkw-Stellplatz Nr. 4 45,00 €"]);
  assert.deepEqual(sentenceSpans("ART. 4 - COLTIVAZIONE\n\nSono ammesse colture orticole.", "it").map((x) => x.text), ["ART. 4 - COLTIVAZIONE", "Sono ammesse colture orticole."]);
  assert.equal(sentenceSpans("Add the gem. Then run bundle install. It is signed by our CA. Then it is trusted.", "en").length, 4, "English short words still end sentences");
  assert.deepEqual(sentenceSpans("The library is open from 9 to 18.\nOn Saturdays\nit opens from 10 to 14. Holidays vary.", "en").map((x) => x.text), ["The library is open from 9 to 18.", "On Saturdays\nit opens from 10 to 14.", "Holidays vary."], "a number may end a sentence");
  assert.equal(sentenceSpans("It costs 5 EUR per day. Parking is free on Sundays.", "en").length, 2, "a short word at a sentence's end still ends it before a word");
  assert.equal(sentenceSpans("Enter your user name. 2FA is required for every login.", "en").length, 2, "…and any short word but a known abbreviation before a figure");
  assert.deepEqual(sentenceSpans("Set it to x. A later step reads it.", "en").length, 2, "a letter alone at a sentence's end still ends it");
  assert.deepEqual(sentenceSpans("Set it to x. Y. Smith said it works.", "en").length, 2, "…before an initial too");
  // Nor at a title written in lower case before a name, as Italian, Spanish and Portuguese write
  // them. (A time of day ends a sentence: "12:00." is no ordinal.)
  assert.deepEqual(
    sentenceSpans("La portineria è aperta il sabato dalle 8:00 alle 12:00. Il portiere, sig. Rossi, ritira i pacchi. La dott.ssa Bianchi riceve il lunedì.", "it").map((x) => x.text),
    ["La portineria è aperta il sabato dalle 8:00 alle 12:00.", "Il portiere, sig. Rossi, ritira i pacchi.", "La dott.ssa Bianchi riceve il lunedì."],
  );
  assert.equal(sentenceSpans("Hable con el sr. García antes de mudarse. Él tiene las llaves.", "es").length, 2);
  assert.equal(sentenceSpans("Clean the filter with a soft rag. Do not use solvents.", "en").length, 2, "not in English");
  // An aside in brackets after a quoted message with an ellipsis stays with its sentence.
  const message = 'Eine häufige Meldung ist "Unable to bind to Port ..." (Anm.: "Kann nicht an Port ... binden"). Diese Meldung hat zwei Ursachen.';
  assert.deepEqual(
    sentenceSpans(message, "de").map((x) => x.text),
    ['Eine häufige Meldung ist "Unable to bind to Port ..." (Anm.: "Kann nicht an Port ... binden").', "Diese Meldung hat zwei Ursachen."],
  );
  assert.deepEqual(sentenceSpans("See the list below.\n(1) The first item.", "en").map((x) => x.text), ["See the list below.", "(1) The first item."], "a bracket that opens a line is a unit of its own");
  // Surrounding quote marks are left out, but not a closing one whose opening mark the unit holds:
  // a list item that quotes a command keeps its last character.
  const links = 'Zwei Wege:\n\n• "ln foo bar"\n\n• "ln -s foo bar"\n\n"Das ist alles."\n\n• „Schnellstart“';
  assert.deepEqual(sentenceSpans(links, "de").map((x) => x.text), ["Zwei Wege:", '• "ln foo bar"', '• "ln -s foo bar"', "Das ist alles.", "• „Schnellstart“"]);
  // Not after a sentence that ends plainly, nor an enumerator, a reference or a link.
  for (const [text, count] of [
    ["Es gibt drei Fälle. (1) Der Server läuft nicht. (2) Der Port ist belegt.", 3],
    ["The company was founded in 2015. [1] It grew quickly after that.", 2],
    ["Read the guide first. [Installation](install.md) explains every step.", 2],
    ["The server stopped. (It had run out of memory.)", 2],
  ] as const) assert.equal(sentenceSpans(text, "en").length, count, text);
  // "!" or "?" before a lower-case word on the same line is inside a sentence (a command "\!", "(IP-Adresse?)").
  assert.deepEqual(
    sentenceSpans("Das nächste Zeichen beendet das Crescendo. Mit dem Befehl \\! kann es explizit beendet werden. Danach geht es weiter.", "de").map((x) => x.text),
    ["Das nächste Zeichen beendet das Crescendo.", "Mit dem Befehl \\! kann es explizit beendet werden.", "Danach geht es weiter."],
  );
  assert.deepEqual(sentenceSpans("Vermeiden Sie den Fragestil (IP-Adresse?) und nehmen Sie den Doppelpunkt. Gut!", "de").length, 2);
  assert.deepEqual(sentenceSpans("Does it work? Yes! It does.", "en").length, 3, "before a capital it ends one");
  assert.deepEqual(sentenceSpans("Does it work?\nyes", "en").length, 2, "a line's end is no space");
  // A mark that stands alone before a number or a sign is an operator: a configuration line is one unit.
  assert.deepEqual(sentenceSpans("Set it so:\n\nauth_advertise_hosts = ! 10.9.8.0/24\n\nThen restart.", "en").map((x) => x.text), ["Set it so:", "auth_advertise_hosts = ! 10.9.8.0/24", "Then restart."]);
  assert.deepEqual(sentenceSpans("It works! 10 people tried it. Really? 3 of them twice.", "en").length, 4, "after a word it still ends a sentence");
  assert.deepEqual(sentenceSpans("Attention ! 3 fichiers seront supprimés. Combien ? 2 au plus.", "fr").length, 4, "French spacing: after a word and a blank it ends one too");
  assert.deepEqual(sentenceSpans("relay_from_hosts = 127.0.0.1 : ! 10.0.0.1 : 10.0.0.0/8", "en").length, 1, "a list's negated item");
});

test("a quote that is followed by a sentence pointing back to it with a colon takes that sentence and the list it introduces", async () => {
  const quote = quoted;
  const causes =
    'Eine der häufigsten Fehlermeldungen ist "Unable to bind to Port ...". Diese Meldung wird üblicherweise verursacht:\n\n' +
    "• durch den Versuch, den Server an einem privilegierten Port zu starten, ohne root zu sein,\n• oder durch einen anderen Server am gleichen Port.\n\nWeitere Hilfe gibt die FAQ.";
  assert.equal(quote(causes, "de", 0), causes.slice(0, causes.indexOf("\n\nWeitere")), "the causes, not the FAQ after the list");
  // "Their …" goes on from the sentence before, as "Its …" does.
  const their = "The frob daemons of the cluster are started by systemd at every boot of a node. Their log files are kept in /var/log/frob for a week.\n\nOther text.";
  assert.equal(quote(their, "en", 0), their.slice(0, their.indexOf("\n\n")));
  // The list is taken even when its first line would read as going on ("Es …").
  const lines = 'Die Meldung lautet "Unable to bind to Port ...". Diese Meldung wird verursacht:\nEs läuft schon ein Server am Port.\nDer Port ist privilegiert.';
  assert.equal(quote(lines, "de", 0), lines);
  // A definition list with blank lines between its terms and definitions is what the colon introduces, up to its last item.
  const sections = "Manual pages are organised in numbered sections:\n\n1\n\ncommands;\n\n2\n\nsystem calls;\n\n3\n\nlibrary functions.\n\nThe first section is shown.";
  assert.equal(quote(sections, "en", 0), sections.slice(0, sections.indexOf("\n\nThe first")));
  // What follows a command, a table or numbered steps set out with blank lines is not part of the list.
  for (const paragraph of ["\n\nNginx is a web server. It serves static files fast. The service is started at boot time.", "\n\nThe service is then started at boot time."]) {
    for (const block of ["    apt install nginx", "```\napt install nginx\n```", "| Option | Meaning |\n| -v | verbose |", "1. Download\n2. Install"]) {
      const text = `To install the server, do the following:\n\n${block}${paragraph}`;
      assert.equal(quote(text, "en", 0), text.slice(0, text.indexOf(paragraph)).trimEnd(), block);
    }
  }
  // Commands set apart one per block are one list, for a how-question too; a Markdown heading after them is not a command.
  const commands = "The editor can be started with a file in either of these ways:\n\n$ mc -e notes.txt\n\n$ mcedit notes.txt\n\n## Keys\n\nF2 save\nF10 quit";
  for (const asksHow of [false, true]) {
    assert.equal(quoted(commands, "en", 0, { asksHow }), commands.slice(0, commands.indexOf("\n\n## Keys")), `asksHow ${asksHow}`);
  }
  // A table under its caption and header, to its last row; the paragraph after it is not part of it.
  const table =
    "The module is set up by pam_unix. Its three important configuration files are:\n\nTable 4.1. Files of pam_unix\n\nFile Permission Owner\n\n" +
    "/etc/passwd -rw-r--r-- root\n/etc/shadow -rw-r----- shadow\n/etc/group -rw-r--r-- root\n\nThe first one holds the accounts. It is read by every login.";
  assert.equal(quote(table, "en", 0), table.slice(0, table.indexOf("\n\nThe first one")), "the pointing-back 'Its … are:' and the whole table");
  const dessen = "Die Anmeldung übernimmt das Modul pam_unix. Dessen drei wichtige Dateien sind:\n\n/etc/passwd\n/etc/shadow\n/etc/group\n\nMehr steht in passwd(5).";
  assert.equal(quote(dessen, "de", 0), dessen.slice(0, dessen.indexOf("\n\nMehr")));
  // Sentences that point forward without a colon, and a table's caption, introduce what follows too.
  const cmd = "\n\n$ echo \"penguin ALL=(ALL) ALL\" >> /etc/sudoers\n\nThis is for a single-user workstation only. Never do it on a server.";
  for (const lead of [
    "It is common to configure sudo(8) as follows to let the user, e.g. penguin, gain administrative rights with his own password.",
    "Many commands display brief help if you invoke them in one of the following ways (or without any arguments).",
    "Table 4.1. 3 important configuration files for the administrative rights given by sudo(8)",
  ]) {
    const text = lead + cmd;
    assert.equal(quote(text, "en", 0), text.slice(0, text.indexOf("\n\nThis is")), lead);
  }
  for (const lead of ["The following section describes the configuration of sudo(8) in detail.", "Tabelle 1 auf der nächsten Seite führt alle Klassen auf."]) {
    const text = lead + cmd;
    assert.equal(quote(text, lead.includes("Tabelle") ? "de" : "en", 0), lead, lead);
  }
  // Nothing runs on past a list, a command or a table into the next section, the next table or a paragraph.
  for (const [text, end] of [
    ["To use the file manager you need these two packages installed on the system:\n\n• mc\n• mc-data\n\nStarting MC\n\n$ mc\n\nMidnight Commander starts.", "mc-data"],
    ["Give the user administrative rights as follows.\n\n$ echo penguin >> /etc/sudoers\n\nTable 1.2. List of interesting packages\n\npackage popcon size\n\nmc V:50 1542", "/etc/sudoers"],
    ["The package lists the following files:\n\n• /etc/mc/mc.ini;\n\n## Notes\n\nThe server must be restarted after every change to its configuration.", "mc.ini;"],
    ["Its files are described in two tables:\n\nTable 1. Files of the first package\n\nFile name and its owner\n\n/etc/passwd root\n/etc/shadow shadow\n\nTable 2. Files of the second package\n\n/etc/group root", "/etc/shadow shadow"],
  ] as const) {
    assert.equal(quote(text, "en", 0), text.slice(0, text.indexOf(end) + end.length), end);
  }
  // A sentence that only mentions what follows ("the following year", "In the following section", "im Folgenden") introduces nothing.
  for (const [lead, lang] of [
    ["In the following section we explain how to configure the server in detail.", "en"],
    ["Its first release came out in the following year and was a success.", "en"],
    ["The bound holds for every graph with many vertices, as follows from the theorem.", "en"],
    ["Die Installation wird im Folgenden für alle Systeme genau beschrieben.", "de"],
  ] as const) {
    const text = `${lead}\n\n$ apt install frobd\n\nThe server reads its configuration at start.`;
    assert.equal(quote(text, lang, 0), lead, lead);
  }
  // One that points forward to prose brings nothing either.
  const prose = "The main server of the company is configured by its administrators as follows.\n\nThe server reads its configuration at start. It logs every change.";
  assert.equal(quote(prose, "en", 0), "The main server of the company is configured by its administrators as follows.");
  // German sentences that point forward.
  for (const lead of ["Die Datei /etc/hosts sieht auf einem frisch installierten System wie folgt aus.", "Die wichtigsten Befehle für die tägliche Paketverwaltung auf einem Debian-System sind die folgenden."]) {
    const text = `${lead}\n\n$ cat /etc/hosts\n\nDiese Datei wird beim Start gelesen. Sie ist klein.`;
    assert.equal(quote(text, "de", 0), text.slice(0, text.indexOf("\n\nDiese")), lead);
  }
  // Translations point forward too ("lo que sigue", "i comandi seguenti"); "le chapitre suivant" does not.
  for (const lead of [
    "Para crear el túnel, ejecute en el equipo local lo que sigue.",
    "Si può avviare direttamente questo editor su di un file usando uno dei comandi seguenti.",
    "Ses trois fichiers de configuration importants sont les suivants.",
    "Installez sur la machine les programmes suivants.",
    "È frequente una semplice configurazione, come qui di seguito descritto, per permettere all'utente di ottenere privilegi di amministratore.",
  ]) {
    const text = `${lead}\n\n$ ssh -q -L 4025:remote-server:25 user@remote-server\n\nDiese Zeile ist Prosa. Sie endet hier.`;
    assert.equal(quote(text, "other", 0), text.slice(0, text.indexOf("\n\nDiese")), lead);
  }
  const later = "La configuration du serveur est décrite en détail dans le chapitre suivant.";
  assert.equal(quote(`${later}\n\n$ apt install frobd\n\nLe serveur lit sa configuration.`, "other", 0), later);
  const root = "Para darle derechos de administrador, ejecute como root lo que sigue.\n\n# echo \"penguin ALL=(ALL) ALL\" >> /etc/sudoers\n\nEsta es la forma segura.";
  assert.equal(quote(root, "other", 0), root.slice(0, root.indexOf("\n\nEsta")), "a command at a root prompt is no heading");
  // Nor does a next section's title or a note's heading come with such a sentence.
  for (const next of ["2.7.8. Configurazione di rete", "Nota", "## Rete"]) {
    const twice = "Premere il tasto F8 tre volte di seguito.";
    assert.equal(quote(`${twice}\n\n${next}\n\nLa rete si configura con un solo file.`, "other", 0), twice, next);
  }
  // A term's definition is a line; a paragraph after a short line is the next section's.
  const headed = "The steps are:\n\n• download the package from the project’s release page;\n\nConfiguration\n\nEdit the file by hand. Then restart the server.";
  assert.ok(!quote(headed, "en", 0).includes("Edit the file"), quote(headed, "en", 0));
});

test("without a model, a follow-up is searched together with the question it follows", async () => {
  await qa.ask("What did Gref say about virtual currencies?", { conversation: "c1" });
  const a = await qa.ask("And why is that?", { conversation: "c1" });
  assert.equal(a.standalone, "What did Gref say about virtual currencies? And why is that?");
  assert.equal(a.abstained, false);
  const fresh = await qa.ask("And why is that?", { conversation: "c2" });
  assert.equal(fresh.standalone, "And why is that?");
});

test("a long chain of follow-ups is searched with a bounded text: where it began, what it asked last, and the follow-up", async () => {
  const first = "What did Gref say about virtual currencies?";
  await qa.ask(first, { conversation: "chain" });
  // Long follow-ups of everyday words, as an attack sent them: each turn's search text held the whole chain before it.
  const filler = (i: number) => `And what about it then, and that, and ${"that and it ".repeat(60)}number ${i}?`;
  let last = await qa.ask(filler(0), { conversation: "chain" });
  for (let i = 1; i < 30; i++) last = await qa.ask(filler(i), { conversation: "chain" });
  assert.ok(last.standalone.length <= CARRIED_CHARS + filler(29).length + 200, `${last.standalone.length} characters searched`);
  assert.ok(last.standalone.startsWith(first), last.standalone.slice(0, 80));
  assert.ok(last.standalone.includes("number 28?"), "the follow-up before it is still searched");
  assert.ok(last.standalone.endsWith(filler(29)));
});

test("a question that stands on its own is searched as asked, even after another one", async () => {
  await qa.ask("What did Gref say about virtual currencies?", { conversation: "c3" });
  const a = await qa.ask("What is the capital of France and Germany?", { conversation: "c3" });
  assert.equal(a.standalone, "What is the capital of France and Germany?");
  assert.equal(a.abstained, true);
  assert.equal(looksLikeFollowUp("How can I install a .deb file so that APT also pulls in its dependencies?"), false);
  assert.equal(looksLikeFollowUp("und wer leitet sie?"), true);
  assert.equal(looksLikeFollowUp("and in 2019?"), true);
});

test("a follow-up combined with the last turn must still be answerable on its own words", async () => {
  await qa.ask("Wer leitet die Sberbank?", { conversation: "c4" });
  const a = await qa.ask("And what about the Eiffel tower?", { conversation: "c4" });
  assert.ok(a.standalone.startsWith("Wer leitet die Sberbank?") && a.standalone.endsWith("And what about the Eiffel tower?"), a.standalone);
  assert.equal(a.abstained, true, "the previous question's words do not make the Eiffel tower answerable");
});

test("an elliptic follow-up that asks about a number (\"and in 2019?\") is answered only where the documents say that number", async () => {
  const { qa: own } = await questionAnswererOver({
    "shipyard.md": "# Shipyard results\n\nIn 2018 the shipyard delivered 40 electric and diesel ferries to its customers in Norway and Sweden.\n\nIn 2019 the shipyard delivered 55 ferries, most of them electric.\n",
  });
  // (A question of many words: a number in it the folder never says would be the asker's own, beside what it asks.)
  await own.ask("How many electric and diesel ferries did the shipyard deliver to its customers in Norway and Sweden in 2018?", { conversation: "y" });
  const said = await own.ask("and in 2019?", { conversation: "y" });
  assert.equal(said.abstained, false);
  assert.match(said.citations[0]?.quote ?? "", /In 2019 the shipyard delivered 55 ferries/);
  const unsaid = await own.ask("and in 2021?", { conversation: "y" });
  assert.equal(unsaid.abstained, true, unsaid.text);
});

test("without a model, follow-ups move on: a pronoun finds the name the last answer gave, and no quote is repeated when another answers", async () => {
  const first = await qa.ask("Who leads Sberbank?", { conversation: "c5" });
  assert.match(first.citations[0]!.quote, /Herman\sGref/);
  const said = await qa.ask("What did he say about cryptocurrencies?", { conversation: "c5" });
  assert.match(said.standalone, /Gref/, "'he' is searched as the name the answer gave");
  assert.equal(said.abstained, false);
  assert.ok(said.citations.every((c) => !first.citations.some((f) => f.source === c.source && f.start < c.end && c.start < f.end)), "the first answer's quote is not repeated");
  assert.ok(said.citations.some((c) => /Gref|He stated/.test(c.quote) && /cryptocurrenc/i.test(c.quote)), said.citations.map((c) => c.quote).join(" | "));
  const told = await qa.ask("and what did Putin tell him?", { conversation: "c5" });
  assert.equal(told.abstained, false, "its own words are in the documents; an everyday verb need not be");
  assert.ok(told.citations.some((c) => /Putin told Gref/.test(c.quote)), told.citations.map((c) => c.quote).join(" | "));
  const fresh = await qa.ask("What did he say about cryptocurrencies?", { conversation: "c6" });
  assert.equal(fresh.standalone, fresh.question, "another conversation has no names to lend");
});

test("a follow-up that asks nothing by itself ('und die Garantie?') asks what the question before it did: after 'how long', the sentence with the time", async () => {
  const { qa } = await questionAnswererOver({
    "router.md":
      "# Gastzugang und Garantie\n\n## Gastzugänge\n\nGastzugänge laufen nach 24 Stunden automatisch ab. Ein Gast kann seinen Zugang nicht selbst verlängern.\n\n" +
      "## Garantie\n\nFür die Garantie brauchen Sie den Kaufbeleg, denn ohne Beleg gibt es keine Garantie.\n\nDie Garantie beträgt drei Jahre.\n",
  });
  const first = await qa.ask("Wie lange laufen Gastzugänge?", { conversation: "g" });
  assert.match(first.citations[0]!.quote, /24 Stunden/);
  const next = await qa.ask("und die Garantie?", { conversation: "g" });
  assert.ok(next.citations.some((c) => /drei Jahre/.test(c.quote)), next.citations.map((c) => c.quote).join(" | "));
  // "what about …" asks nothing by itself either; and a chain of such follow-ups asks what its last own question did.
  const { questionAsked } = await import("../../src/rag/answer/extractive.js");
  assert.equal(questionAsked("what about the warranty?", "How long do guest accounts last?"), "How long do guest accounts last?");
  assert.equal(questionAsked("and how do I extend it?", "How long do guest accounts last?"), "and how do I extend it?");
  assert.equal(questionAsked("and for admins?\nhow do I add one?", "How long?"), "and for admins?\nhow do I add one?");
});

test("the conversation store keeps a bounded number of recent turns", async () => {
  let now = 0;
  const store = new MemoryConversationStore({ turns: 2, maxAgeMs: 1000, maxConversations: 2, now: () => now });
  for (const q of ["a", "b", "c"]) await store.add("x", { question: q, standalone: q, answer: "", at: now });
  assert.deepEqual((await store.recent("x")).map((t) => t.question), ["b", "c"]);
  now = 2000;
  assert.deepEqual(await store.recent("x"), [], "old turns expire");
  await store.add("y", { question: "y", standalone: "y", answer: "", at: now });
  await store.add("z", { question: "z", standalone: "z", answer: "", at: now });
  assert.deepEqual(await store.recent("x"), [], "the least recently used conversation is dropped");
});

test("a hard-wrapped paragraph is read as sentences, while list items, headings and table rows stay units", () => {
  const text = "Only those users get answers;\n  admins always do.\n- A list item: one unit.\n- Another item.\n## A heading\nThe body starts here and wraps\nonto a second line. Then more.\n| a | b |\n| c | d |";
  const spans = sentenceSpans(text, "en");
  for (const span of spans) assert.equal(text.slice(span.start, span.end), span.text, "offsets stay exact");
  assert.deepEqual(spans.map((s) => s.text.replace(/\s+/g, " ")), [
    "Only those users get answers; admins always do.",
    "- A list item: one unit.",
    "- Another item.",
    "## A heading",
    "The body starts here and wraps onto a second line.",
    "Then more.",
    "| a | b |",
    "| c | d |",
  ]);
});

test("a sentence that ends its line is not run into the next row of a table or list that begins in lower case; an abbreviation at a line's end still is", () => {
  // A class options table as a PDF gives it: option name, then its description.
  const text =
    "a4paper für Papier im DIN A4-Format.\nOhne diese Option nehmen die Standardklassen das amerikanische Papierformat.\nfleqn für linksbündige Gleichungen\nleqno für Gleichungsnummern links";
  assert.deepEqual(sentenceSpans(text, "de").map((s) => s.text), [
    "a4paper für Papier im DIN A4-Format.",
    "Ohne diese Option nehmen die Standardklassen das amerikanische Papierformat.",
    "fleqn für linksbündige Gleichungen\nleqno für Gleichungsnummern links",
  ]);
  assert.deepEqual(sentenceSpans("Some tools, e.g.\nthe shell, keep it. Others weigh approx.\nten kilograms. Done.", "en").map((s) => s.text.replace(/\s+/g, " ")), [
    "Some tools, e.g. the shell, keep it.",
    "Others weigh approx. ten kilograms.",
    "Done.",
  ]);
  assert.equal(sentenceSpans("Das gilt bzgl.\nder Steuer auch.", "de").length, 1);
});

test("punctuation inside code does not end a sentence", () => {
  const text = "You can add #![warn(unused)] to the top of your example. Call a.b() then c.d() to see it! Done.";
  assert.deepEqual(sentenceSpans(text, "en").map((s) => s.text), [
    "You can add #![warn(unused)] to the top of your example.",
    "Call a.b() then c.d() to see it!",
    "Done.",
  ]);
});

test("a sentence that stops to show a command on a line of its own is one sentence with it: a quote starts where the sentence does, and the command is no term", async () => {
  const text =
    "8.3. Wie sehe ich, welche Pakete installiert sind?\n\n" +
    "Um den Status aller in einem Debian-System installierten Pakete zu sehen, führen Sie den Befehl\n\ndpkg --list\n\naus. Es wird eine Zeile je Paket mit seiner Version ausgegeben.\n\n" +
    "Um alle Dateien eines Pakets zu sehen, geben Sie dies ein:\n\ndpkg --listfiles Paketname\n";
  assert.deepEqual(sentenceSpans(text, "de").map((s) => s.text).slice(1, 3), [
    "Um den Status aller in einem Debian-System installierten Pakete zu sehen, führen Sie den Befehl\n\ndpkg --list\n\naus.",
    "Es wird eine Zeile je Paket mit seiner Version ausgegeben.",
  ]);
  // Without the words after it: the command still belongs to the sentence cut short for it, not to
  // a table's numbered caption over its header row.
  const english = "To see the status of every package installed on the system, run the command\n\ndpkg --list\n\nIt prints one line per package.";
  assert.equal(quoted(english, "en", 1), "To see the status of every package installed on the system, run the command\n\ndpkg --list");
  const table = "Tabla 4.1. los tres archivos importantes de configuración de pam_unix\n\narchivo permisos usuario grupo descripción\n\n/etc/passwd -rw-r--r-- root root";
  assert.equal(quoted(table, "es", 1), "archivo permisos usuario grupo descripción");
  // A word of a list set apart after a lead line is no command inside a sentence.
  const options = "These are the options that the tool understands today\n\nverbose\n\nprints every step it takes.\n\nquiet\n\nprints nothing.";
  assert.deepEqual(sentenceSpans(options, "en").map((x) => x.text).slice(0, 3), ["These are the options that the tool understands today", "verbose", "prints every step it takes."]);
  // However short the sentence cut for it, where it begins after another on its line (no heading
  // does), and where the segmenter read the command and the words after it as one.
  const r = "During a session, objects are created and stored by name. The R command\n> objects()\n(alternatively, ls()) can be used to display the names of the objects.\nThe collection is called the workspace.";
  assert.deepEqual(sentenceSpans(r, "en").map((x) => x.text), [
    "During a session, objects are created and stored by name.",
    "The R command\n> objects()\n(alternatively, ls()) can be used to display the names of the objects.",
    "The collection is called the workspace.",
  ]);
  const heading = "Listing objects\n> objects()\n(alternatively, ls()) lists them.";
  assert.equal(sentenceSpans(heading, "en")[0]!.text, "Listing objects");
  // Nor does a short sentence take the heading under it (as a reader gives a README's "## Install (Linux)"), nor a list item.
  const readme = "Bugs go to the tracker. Questions go to the forum\n\nInstall (Linux)\n\nnpm install -g docbot\n";
  assert.equal(sentenceSpans(readme, "en")[1]!.text, "Questions go to the forum");
  const slide = "We care about this. Privacy first\n• no upload of any\ndocuments at all.";
  assert.equal(sentenceSpans(slide, "en")[1]!.text, "Privacy first");
  const { qa } = await questionAnswererOver({ "pakete.md": text });
  const answer = await qa.ask("Wie sehe ich alle installierten Pakete samt Version?");
  assert.match(answer.citations[0]!.quote, /^Um den Status aller in einem Debian-System installierten Pakete zu sehen, führen Sie den Befehl\s+dpkg --list\s+aus\./);
});

test("a question that asks which package, tool or command is answered by the sentence that names one, not by its lead-in", async () => {
  const { ASKS_NAME } = await import("../../src/rag/answer/extractive.js");
  for (const q of ["Which package am I missing?", "What command shows the log?", "Welches Paket brauche ich?", "Mit welchem Befehl sehe ich das?", "Is there a helper that makes this easier?", "Are there any tools for it?", "Gibt es ein Werkzeug, das mich warnt?", "Gibt es ein kleines Skript dafür?"]) assert.ok(ASKS_NAME.test(q), q);
  for (const q of ["Which file holds the settings?", "How do I build packages?", "Welche Version ist das?", "Is there a limit on packages?", "Gibt es eine Grenze für Pakete?", "Is there a command-line option to skip the tests?", "Is there a package size limit?", "Gibt es im Programm eine Option für Farben?"]) assert.ok(!ASKS_NAME.test(q), q);
  // Linear: an open-ended article ("irgendein…") read every shorter prefix again.
  const started = performance.now();
  ASKS_NAME.test(`gibt es irgendein${"x".repeat(100_000)}`);
  assert.ok(performance.now() - started < 100, "ASKS_NAME is linear");
  const { qa } = await questionAnswererOver({
    "build.md":
      "# Building packages\n\nIf you want to build packages on your own system, you need a basic development environment with a C compiler and several other essential tools. The environment is set up with the package build-essential, which pulls in the rest.\n\nBuilding takes a while on older machines.\n",
  });
  const answer = await qa.ask("Which package do I need for a basic development environment with a C compiler?");
  assert.match(answer.citations[0]!.quote, /build-essential/);
});

test("'what can I use to …' asks for a tool: the sentence that calls a word a tool is quoted, not the one that repeats the question's words", async () => {
  const { ASKS_NAME } = await import("../../src/rag/answer/extractive.js");
  for (const q of ["What can I use to keep it small?", "What should I use for logging?", "Was kann ich dafür verwenden?", "Was könnte man stattdessen einsetzen?"]) assert.ok(ASKS_NAME.test(q), q);
  // What a thing is for is no question for a tool.
  for (const q of ["Can I use a second disk?", "What can I use the API key for?", "What do I use the --force flag for?", "Was kann ich mit dem Token verwenden?"]) assert.ok(!ASKS_NAME.test(q), q);
  const spool = (tool: string) =>
    `# Keeping the spool small\n\nThe mail spool grows without limit: the server never deletes old messages on its own, and a full disk stops delivery.\n\nInstead, ${tool}, which removes old messages from the spool on a schedule. How often to run it and what size to keep depends on the traffic.\n`;
  const question = "The spool keeps filling my disk. What can I use to keep its size down?";
  const { qa } = await questionAnswererOver({ "spool.md": spool("the package ships the spoolprune tool") });
  const answer = await qa.ask(question);
  assert.ok(answer.citations.some((c) => /spoolprune tool/.test(c.quote)), JSON.stringify(answer.citations.map((c) => c.quote)));
  // A common word before "tool" names nothing ("the right tool"), nor does a capitalised one (a
  // product's name, not a command's): neither is an answer of its kind.
  for (const tool of ["pick the right tool", "the package ships the Spoolprune tool"]) {
    const { qa: plain } = await questionAnswererOver({ "spool.md": spool(tool) });
    const other = await plain.ask(question);
    assert.ok(other.citations.every((c) => !c.quote.includes(tool)), JSON.stringify(other.citations.map((c) => c.quote)));
  }
});

test("questions alone answer nothing: a FAQ's list of its questions is not quoted, the answer under one is", async () => {
  const { qa } = await questionAnswererOver({
    "index.md":
      "# Contents\n\n1.1. How can I see which packages are installed on my system?\n1.2. How can I see which version of a package is installed?\n1.3. How can I remove a package with all of its files?\n1.4. How can I keep a package from being upgraded?\n",
    "answers.md":
      "# Package tools\n\n## How can I see which packages are installed on my system?\n\nThe command dpkg --list prints every installed package with its version and a short description.\n",
  });
  const answer = await qa.ask("How can I see which packages are installed, with their version?");
  assert.ok(answer.citations.length > 0);
  assert.ok(answer.citations.every((c) => !/\?$/.test(c.quote.trim())), JSON.stringify(answer.citations.map((c) => c.quote)));
  assert.match(answer.citations[0]!.quote, /dpkg --list prints every installed package/);
});

test("a contents page's section titles, cut off as a PDF sets them, are not quoted; a quote of a command starts with the sentence whose colon leads to it", async () => {
  const { qa } = await questionAnswererOver({
    "contents.md":
      "# Contents\n\n10.3 Does my old laptop boot the kernel versions that fill up /boot, and can I 10.4 Can I safely uninstall the old kernel packages and keep the versions that 10.5 Where can I read which old kernel packages are safe to uninstall, and how the 10.6 How do I make sure\n",
    "kernel.md":
      "# Kernels\n\n## Can I safely uninstall an old kernel package?\n\nYes. The removal script checks whether the kernel you run now is the one you want to remove. Therefore you can remove unwanted kernel image packages using this command:\ndpkg --purge linux-image-NNN\n(replace NNN with your kernel version, of course)\n",
  });
  const answer = await qa.ask("My /boot is filling up with old kernel versions. Can I safely uninstall the old kernel packages?");
  assert.ok(answer.citations.length > 0);
  assert.ok(answer.citations.every((c) => c.source === "kernel.md"), JSON.stringify(answer.citations.map((c) => c.quote)));
  const command = answer.citations.find((c) => c.quote.includes("dpkg --purge"));
  assert.ok(command, JSON.stringify(answer.citations.map((c) => c.quote)));
  assert.match(command.quote, /using this command:\s*dpkg --purge/, "the command comes with what it does");
  assert.equal(quoted("To list the packages, type:\n\ndpkg --list\n\nIt prints one line each.", "en", 1), "To list the packages, type:\n\ndpkg --list");
  // A sentence the command interrupts is quoted to its end, which comes after the command in lower case.
  assert.equal(
    quoted("To keep a module from loading, create a file containing the line:\n\nblacklist tulip\n\nin the /etc/modprobe.d directory. See the manual page for more.", "en", 0),
    "To keep a module from loading, create a file containing the line:\n\nblacklist tulip\n\nin the /etc/modprobe.d directory.",
  );
  // A tool's name or a program's output after the command starts a sentence of its own.
  assert.equal(quoted("The following packages are required:\n\n- libc6\n- zlib1g\n\nsystemd-resolved must be disabled before you begin.", "en", 0), "The following packages are required:\n\n- libc6\n- zlib1g");
  assert.equal(quoted("Start the server with:\n\n$ ./server --port 8080\n\nlistening on port 8080; press Ctrl-C to stop.", "en", 0), "Start the server with:\n\n$ ./server --port 8080");
});

test("a yes-or-no question's quote starts with the passage's own yes or no, a sentence or two before, in its paragraph", () => {
  const text = "Can I remove an old kernel package?\n\nYes. The removal script checks whether you run that kernel now. Therefore you can remove old kernel packages with this command:\ndpkg --purge linux-image-NNN";
  const from = sentenceSpans(text, "en").findIndex((u) => u.text.startsWith("Therefore"));
  assert.match(quoted(text, "en", from, { asksYesNo: true }), /^Yes\. The removal script checks .* Therefore you can remove .*\ndpkg --purge linux-image-NNN$/s);
  assert.match(quoted(text, "en", from), /^Therefore you can remove/, "a question that does not ask yes or no");
  const apart = "Yes. That works on every release.\n\nTherefore you can remove old kernel packages with this command:\ndpkg --purge linux-image-NNN";
  assert.match(quoted(apart, "en", 1, { asksYesNo: true }), /^Therefore/, "not across a paragraph");
});

test("a how-question's quote that only says what to achieve runs on to the step in the sentences after it", async () => {
  for (const q of ["How do I add a user to a group?", "'man read' shows the builtin. How do I get the other page?", "Wie bringe ich APT dazu, dem Schlüssel zu vertrauen?", "Womit lade ich das Paket hoch?"]) assert.ok(ASKS_HOW.test(q), q);
  for (const q of ["How long does it take?", "Wie viele Prozesse laufen?", "Was passiert bei einem Neustart?", "Why is it slow?"]) assert.ok(!ASKS_HOW.test(q), q);
  const text =
    "In some cases, it will be useful to add a user to a group in order to grant them additional permissions. " +
    "For example, a user who is in the audio group can access audio devices. " +
    "This can be achieved with a command such as adduser user group. Groups are listed in /etc/group.";
  const units = sentenceSpans(text, "en");
  const quote = (asksHow: boolean, from = 0) => quoted(text, "en", from, { asksHow });
  assert.match(quote(true), /^In some cases.*adduser user group\.$/s, "the lead-in, its example and the command, and no further");
  assert.equal(quote(false), units[0]!.text, "any other question: the sentence alone");
  assert.equal(quote(true, 2), `${units[1]!.text} ${units[2]!.text}`, "a quote that holds the step runs on no further (it opens with what its 'This' points back to)");
  // The step may open the next paragraph, up to three sentences on; never two paragraphs on.
  const steps = (between: string, after: string) => {
    const t =
      "When a third-party package source is added, APT needs to be told to trust the key of that source " +
      "(otherwise it will keep complaining that it cannot ensure the authenticity of the packages that come from that repository, " +
      "and it will refuse to install them without asking first, which quickly becomes tiresome for everyone who maintains the machine, runs its updates at night or installs it anew from a script whenever a new release of the system comes out). " +
      `The first step is of course to get the public key.${between}The key usually comes as a small text file. ` +
      `${after}To add the key, put it in a *.gpg file in /etc/apt/trusted.gpg.d/ on the machine.`;
    return quoted(t, "en", 0, { asksHow: true });
  };
  assert.match(steps("\n\n", ""), /^When a third-party.*trusted\.gpg\.d\/ on the machine\.$/s, "into the next paragraph");
  assert.match(steps("\n\n", "\n\n"), /^When a third-party[^\n]*comes out\)\.$/, "not two paragraphs on");
  // Nor past a heading into the next section.
  const sectioned = "Users of the system are managed centrally by the administrator team.\n\n## Groups\nGroups can be edited in /etc/group by hand.";
  assert.equal(quoted(sectioned, "en", 0, { asksHow: true }), "Users of the system are managed centrally by the administrator team.");
  // A question what to set is a how-question too, and a menu path is a step (a manual of a program with windows).
  for (const q of ["Was muss ich vorher einstellen, damit der Steuerbericht die Konten kennt?", "What do I have to set before the tax report works?"]) assert.ok(ASKS_HOW.test(q), q);
  for (const q of ["What do I have to pay for it?", "Was muss ich über Steuern wissen?", "What do you do for a living?"]) assert.ok(!ASKS_HOW.test(q), q);
  const menu =
    "Erzeugt einen Bericht der steuerpflichtigen Einnahmen und abzugsfähigen Ausgaben für einen Zeitraum. " +
    "Um die Daten herunterzuladen, wählen Sie die Schaltfläche Exportieren in der Symbolleiste. " +
    "Um diesen Bericht zu verwenden, müssen Sie unter Bearbeiten --> Steueroptionen festlegen, welches Formular jedes Konto verwendet. " +
    "Danach ist der Bericht vollständig.";
  assert.match(quoted(menu, "de", 0, { asksHow: true }), /^Erzeugt.*Bearbeiten --> Steueroptionen festlegen, welches Formular jedes Konto verwendet\.$/s);
  // A setting given its value as a configuration file writes it is a step, and the sentence the
  // setting interrupts ("you should set" / the line / "so that …") is quoted whole.
  const setting =
    "Some mail clients ask for a name and password whenever AUTH is advertised, even where the relay is allowed by an IP address check anyway. " +
    "You can make such clients more friendly by not advertising AUTH to them. " +
    "For example, if clients on the 10.9.8.0/24 network may relay without authentication, you should set\n\nauth_advertise_hosts = ! 10.9.8.0/24\n\nso that no authentication mechanisms are advertised to them.";
  assert.equal(quoted(setting, "en", 0, { asksHow: true }), setting);
  assert.equal(quoted("A limit is set per host by the daemon. The value x = 5 is an example of a count in this text. Nothing else is needed.", "en", 0, { asksHow: true }), "A limit is set per host by the daemon.", "an equation in prose is no setting");
  assert.equal(quoted("A limit is set per host by the daemon. In the model, x_i = 0 holds for every idle host in this text. Nothing else is needed.", "en", 0, { asksHow: true }), "A limit is set per host by the daemon.", "nor one with a subscript");
  // An arrow in prose is no menu path: the quote still runs on to the step.
  assert.equal(quoted("The x -> y mapping of every user account is kept in a table of the directory server. To change it, edit /etc/map.conf by hand.", "en", 0, { asksHow: true }), "The x -> y mapping of every user account is kept in a table of the directory server. To change it, edit /etc/map.conf by hand.");
});

test("a how-question's quote that reaches a numbered step goes on through the procedure's next steps, not past its heading", () => {
  const procedure =
    "Freezing keeps the header rows visible while you scroll through the rest of the sheet.\n\n" +
    "1. Select the row below the rows that you want to keep visible.\n\nAll rows above the selection are frozen. To freeze rows and columns, select the cell below and to the right of them.\n\n" +
    "2. Choose View - Freeze Rows and Columns.\n\n3. Scroll down to check it.";
  assert.equal(quoted(procedure, "en", 0, { asksHow: true }), procedure, "the steps, with the note between two of them");
  assert.equal(quoted(procedure, "en", 0), procedure.split("\n\n")[0], "any other question: the sentence alone");
  // Not into the next section's procedure, nor to a step whose number does not follow.
  const sections = "Freezing keeps the header rows visible while you scroll.\n\n1. Select the row below the header.\n\n## Printing\n\n2. Choose File - Print.";
  assert.equal(quoted(sections, "en", 0, { asksHow: true, headingStarts: [sections.indexOf("## Printing")] }), sections.split("\n\n## Printing")[0]);
  const skipped = "Freezing keeps the header rows visible while you scroll.\n\n1. Select the row below the header.\n\n3. Choose File - Print.";
  assert.equal(quoted(skipped, "en", 0, { asksHow: true }), skipped.split("\n\n3.")[0]);
  // Steps written without full stops, as a Markdown list writes them, are steps too; a list of years is none.
  const short = "To add a printer:\n\n1. Open Settings\n\n2. Click Devices\n\n3. Click Add printer";
  assert.equal(quoted(short, "en", 1, { asksHow: true }), short, "from step 1, with the sentence that leads to it");
  const years = "The tool was renamed twice, see the history below.\n\n1. 2019: renamed to frob.\n\n2. 2020: renamed to frobnicate.";
  assert.equal(quoted(years, "en", 0, { asksHow: true }), years.split("\n\n")[0]);
});

test("a how-question's quote runs on to the command a prompt shows after it, as translations write it without a colon", () => {
  const it =
    "Si può spegnere il sistema dalla riga di comando nella normale modalità multiutente.\n\n# shutdown -h now\n\n" +
    "Si può spegnere il sistema dalla riga di comando nella modalità single-user.\n\n# poweroff -i -f\n";
  assert.equal(quoted(it, "it", 0, { asksHow: true }), "Si può spegnere il sistema dalla riga di comando nella normale modalità multiutente.\n\n# shutdown -h now");
  assert.equal(quoted(it, "it", 0), "Si può spegnere il sistema dalla riga di comando nella normale modalità multiutente.", "any other question: the sentence alone");
  // Over the rest of its paragraph, with the commands right under the first.
  const es = "Debian usa la orden «/usr/bin/editor» para el editor por defecto. Puede cambiarlo como se muestra.\n\n$ sudo update-alternatives --config editor\n$ editor --version\n\nOtro párrafo.";
  assert.equal(quoted(es, "es", 0, { asksHow: true }), es.split("\n\nOtro")[0]);
  // Not past another paragraph's prose, nor past a heading.
  const lead = "The default text editor of the whole system is chosen by its administrator.";
  const apart = `${lead}\n\nEvery user of the machine can keep a personal choice as well.\n\n$ select-editor`;
  assert.equal(quoted(apart, "en", 0, { asksHow: true }), lead);
  const headed = `${lead}\n\n## Shells\n\n$ chsh -s /bin/zsh`;
  assert.equal(quoted(headed, "en", 0, { asksHow: true, headingStarts: [headed.indexOf("## Shells")] }), lead);
  // Nor over sentences that do not point to it, into a configuration file's comment, or to
  // another command after a sentence that gives its own.
  const others = "You can shut the whole system down from the command line of any console. Rebooting works the same way on every machine.\n\n# systemctl suspend";
  assert.equal(quoted(others, "en", 0, { asksHow: true }), "You can shut the whole system down from the command line of any console.");
  const comment = "Compression of every response is turned on in the configuration file of the server.\n\n# enable gzip\ngzip on;";
  assert.equal(quoted(comment, "en", 0, { asksHow: true }), "Compression of every response is turned on in the configuration file of the server.");
  const own = "Run apt update -q to refresh the package lists of the whole machine.\n\n$ sudo apt full-upgrade";
  assert.equal(quoted(own, "en", 0, { asksHow: true }), "Run apt update -q to refresh the package lists of the whole machine.");
});

test("a question where in a program something is found or changed is answered by the sentence with the menu path, not the one that restates it", async () => {
  for (const q of ["Tags are hidden in my note list. Where can I look at them?", "Where do I turn off the sounds?", "Wo stelle ich ein, wie viele Perioden ein Budget hat?", "Wo kann ich die Sprache umstellen?", "Où puis-je modifier la langue ?", "¿Dónde puedo cambiar el idioma?"]) {
    assert.ok(ASKS_WHERE_IN_PROGRAM.test(q), q);
  }
  for (const q of ["Where is the option to change the language?", "Wo lässt sich die Sprache ändern?", "Wo ändert man die Sprache?", "Dove posso cambiare la lingua?"]) assert.ok(ASKS_WHERE_IN_PROGRAM.test(q), q);
  // Not where a thing comes from or lives, nor where to get help or download something.
  for (const q of ["Where does the name come from?", "Where is the project hosted?", "Wo liegt der Unterschied?", "Woher kommt der Name?", "Where can I find more information about this?", "¿Dónde puedo descargar el instalador?", "Où puis-je signaler un bug ?"]) {
    assert.ok(!ASKS_WHERE_IN_PROGRAM.test(q), q);
  }
  const { qa: notes } = await questionAnswererOver({
    "tags.md":
      "# Notebooks\n\n## Tags\n\nTags group the notes of a notebook by topic. Tags themselves are hidden in the note list of a notebook. " +
      "To see them, open the tag browser, which is found under View → Tag Browser while a notebook is open.\n\n## Sharing\n\nA notebook can be shared with other users from its context menu.\n",
    "sync.md": "# Synchronisation\n\nNotes are synchronised every ten minutes when a server is set. The note list shows a cloud sign on every note that is synchronised.\n",
  });
  await firstQuoteMatches(notes, "Tags are hidden in my note list. Where can I look at them?", /View → Tag Browser/);
  await firstQuoteMatches(notes, "Where do I find the tags of my notes?", /View → Tag Browser/);
});

test("a question what to try is a how-question: its quote runs on from the problem to the step", async () => {
  for (const q of ["Was kann ich im Druckermenü probieren?", "What can I try?", "What could I do about it?"]) assert.ok(ASKS_HOW.test(q), q);
  assert.ok(!ASKS_HOW.test("What can I do with the root account?"), "what one may do is no step");
  const { qa: printer } = await questionAnswererOver({
    "drucker.md":
      "# Wartung\n\n## Leere Seiten\n\nManchmal druckt der Drucker nach dem Einschalten nur leere Seiten, obwohl die Patrone voll ist. " +
      "Das liegt meist an eingetrockneter Tinte.\n\nWählen Sie dann Wartung → Düsenreinigung.\n\n## Papierstau\n\nEin Papierstau wird im Display angezeigt.\n",
  });
  await firstQuoteMatches(printer, "Mein Drucker druckt nur leere Seiten, obwohl die Patrone voll ist. Was kann ich im Druckermenü probieren?", /Wartung → Düsenreinigung/);
});

test("a how-question's quote that only says what a feature does runs on to the instruction after it, in a program's manual", () => {
  const en =
    "Freezing keeps the header rows or columns of a long sheet visible while you scroll through the rest of the data.\n\n" +
    "Select the row below the rows that you want to keep visible. Then the rows above it stay where they are.";
  assert.equal(quoted(en, "en", 0, { asksHow: true }), en, "the description, then the step in the next paragraph");
  assert.equal(quoted(en, "en", 0), en.split("\n\n")[0], "any other question: the description alone");
  const de =
    // (A word that shares its compound's first part, "-spalten", is no command-line option.)
    "Für lange Datenzeilen oder -spalten steht die Fixierfunktion zur Verfügung, die dafür sorgt, dass die Kopfzeilen beim Blättern sichtbar bleiben.\n\n" +
    "Wählen Sie die Zeile unterhalb der Zeilen aus, die im fixierten Bereich liegen sollen.";
  assert.equal(quoted(de, "de", 0, { asksHow: true }), de);
  // A setting's description, then what to set it to ("How do I switch off the automatic saving?").
  const setting = "• Auto-save time interval: This field sets the number of minutes between each automatic saving of the file. Set to 0 to disable the auto-save feature.";
  assert.equal(quoted(setting, "en", 0, { asksHow: true }), setting);
  // So is a step a condition names ("If you set …, …"): the problem, then what to set.
  const conditional =
    "Sometimes a binary built with IPv6 support runs on a host whose kernel has none. It then wastes time looking up AAAA records for every delivery. " +
    "If you set the disable_ipv6 option true, no IPv6 lookups take place. The option is read at start.";
  assert.equal(quoted(conditional, "en", 0, { asksHow: true }), conditional.replace(" The option is read at start.", ""));
  assert.equal(quoted("The daemon writes its pid file at start. Logs are kept for a week. If you ever wonder about it, the logs say more.", "en", 0, { asksHow: true }), "The daemon writes its pid file at start.", "a condition without a step is none");
  // A condition may as well be a warning: an instruction after it is the step.
  const warned = "The installer can erase a whole disk and put the system on it. If you select the wrong disk, all data on it is lost. Select the target disk in the Devices list.";
  assert.equal(quoted(warned, "en", 0, { asksHow: true }), warned);
  // A number is what "to" sets something to, not a sentence's subject ("Type 2 hypervisors …", "Run 3 of …").
  // (In the paragraph after the item: the item's own sentences are quoted with it in any case.)
  for (const next of ["Type 2 hypervisors run on a host system.", "Run 3 of the benchmark was slower."]) {
    const text = `• Auto-save time interval: This field sets the number of minutes between each automatic saving of the file.\n\n${next}`;
    assert.equal(quoted(text, "en", 0, { asksHow: true }), text.replace(`\n\n${next}`, ""), next);
  }
  // Nor is a noun that spells such a verb an instruction ("Change is …", "Set theory …").
  const noun = "• Auto-save time interval: This field sets the number of minutes between each automatic saving of the file.\n\nChange is saved at once.";
  assert.equal(quoted(noun, "en", 0, { asksHow: true }), noun.replace("\n\nChange is saved at once.", ""));
  // An instruction is a verb of instructions acting on something, as a sentence's start: not a
  // noun that spells one ("Open source …", "Select statements …"), not "Sie können …", nor a question.
  for (const [text, lang] of [
    ["Freezing keeps the header rows of a long sheet visible while you scroll through the rest of the data.\n\nOpen source spreadsheets all offer this feature in some form.", "en"],
    ["Freezing keeps the header rows of a long sheet visible while you scroll through the rest of the data.\n\nSelect statements in a database do the same for query results.", "en"],
    ["Die Fixierfunktion sorgt dafür, dass die Kopfzeilen beim Blättern durch die Daten sichtbar bleiben.\n\nHier können Sie viele weitere Ansichten der Tabelle einstellen.", "de"],
    ["Die Fixierfunktion sorgt dafür, dass die Kopfzeilen beim Blättern durch die Daten sichtbar bleiben.\n\nBenötigen Sie weitere Ansichten der Tabelle?", "de"],
    // Nor a name the sentence goes on to describe, a cross-reference, or "sie" (they).
    ["Freezing keeps the header rows of a long sheet visible while you scroll through the rest of the data.\n\nOpen Source Software is what most people run today.", "en"],
    ["Die Fixierfunktion sorgt dafür, dass die Kopfzeilen beim Blättern durch die Daten sichtbar bleiben.\n\nSehen Sie dazu auch das Kapitel über Ansichten.", "de"],
    ["Die Fixierfunktion sorgt dafür, dass die Kopfzeilen beim Blättern durch die Daten sichtbar bleiben.\n\nWerden die Zeilen fixiert, dann bleiben sie beim Blättern oben stehen.", "de"],
    // Nor the next section's title, though it reads like one ("Select a Print Range").
    ["Freezing keeps the header rows of a long sheet visible while you scroll through the rest of the data.\n\nSelect a Print Range\n\nA print range limits what is printed.", "en"],
  ] as const) {
    const units = sentenceSpans(text, lang);
    const from = units.findIndex((u) => /Freezing keeps|Fixierfunktion/.test(u.text));
    assert.equal(quoted(text, lang, from, { asksHow: true }), units[from]!.text, text);
  }
  // An instruction may open its paragraph with "Dann", "Anschließend", "Bitte".
  const dann = "Die Fixierfunktion sorgt dafür, dass die Kopfzeilen beim Blättern durch die Daten sichtbar bleiben.\n\nDann klicken Sie auf Ansicht und Zeilen fixieren.";
  assert.equal(quoted(dann, "de", 0, { asksHow: true }), dann);
  // Nor is a word after a comma that shares its compound's first part ("Tabellenzeilen, -spalten und -bereiche") an option.
  const komma = "Für Tabellenzeilen, -spalten und -bereiche steht die Fixierfunktion bereit, die sie beim Blättern sichtbar hält.\n\nWählen Sie die Zeile unterhalb der fixierten Zeilen aus.";
  assert.equal(quoted(komma, "de", 0, { asksHow: true }), komma);
});

test("a quote that points back to the sentence before it ('this option') starts with that sentence, within its block", async () => {
  const quote = (text: string, lang: Lang, from: number, cutAtStart = false) => quoted(text, lang, from, { cutAtStart });
  const options =
    "The noauto option keeps a disk from being mounted at start. The nofail option lets the system start even when the disk is missing. " +
    "Use this option for removable disks that may be unplugged while the machine is off.";
  assert.equal(quote(options, "en", 2), "The nofail option lets the system start even when the disk is missing. Use this option for removable disks that may be unplugged while the machine is off.");
  assert.equal(
    quote("Die Option a4paper wählt das Papierformat DIN A4. Ohne diese Option nehmen die Standardklassen das amerikanische Format.", "de", 1),
    "Die Option a4paper wählt das Papierformat DIN A4. Ohne diese Option nehmen die Standardklassen das amerikanische Format.",
  );
  // "All other …" names the rest of what the sentence before it named.
  const csv = "When you save a spreadsheet as CSV, only the data on the current sheet is saved. All other information, including formulas and formatting, is lost.";
  assert.equal(quote(csv, "en", 1), csv);
  const theOther = "When you save a spreadsheet as CSV, only the data on the current sheet is saved. All the other sheets of the workbook are left out of the exported text file entirely.";
  assert.equal(quote(theOther, "en", 1), theOther);
  const blaetter = "Beim Export in eine CSV-Datei wird nur die aktuelle Tabelle gespeichert. Die anderen Tabellen und alle Formeln gehen dabei verloren.";
  assert.equal(quote(blaetter, "de", 1), blaetter);
  // Sentences that stand on their own, or point forward or at the text itself, are quoted alone.
  for (const [text, lang] of [
    ["The server reads its configuration at start. Changes to the main configuration file take effect after a restart of the server.", "en"],
    ["The server reads its configuration at start. Use a tool such as logrotate to keep the log files small over time.", "en"],
    ["The server reads its configuration at start. This chapter describes the options of the main configuration file.", "en"],
    ["The server reads its configuration at start. Other than that, the main configuration file is read only when the server is reloaded.", "en"],
    // A heading the text reader left on the line before the sentence is no word that points back.
    ["The server reads its configuration at start and must be restarted after a change.\nOther Settings\nThe proxy can be set in the main configuration file.", "en"],
    ["The server reads its configuration at start. Run this command to check the main configuration file for errors:", "en"],
    ["Der Server liest seine Konfiguration beim Start. Dieser Abschnitt beschreibt alle Optionen der zentralen Konfigurationsdatei des Servers.", "de"],
  ] as const) {
    const units = sentenceSpans(text, lang);
    assert.equal(quote(text, lang, 1), units[1]!.text, text);
  }
  // French, Spanish, Italian and Portuguese sentences point back the same way ("Cette option …",
  // "Par conséquent …", "Las demás …", "Quindi …", "Isso …").
  for (const [text, lang] of [
    ["L'option nofail permet au système de démarrer même si le disque est absent. Cette option convient aux disques amovibles.", "fr"],
    ["Le serveur lit sa configuration au démarrage. Par conséquent, toute modification exige un redémarrage.", "fr"],
    ["Al exportar a CSV solo se guarda la hoja actual. Las demás hojas y todas las fórmulas se pierden.", "es"],
    ["Il server legge la configurazione all'avvio. Quindi ogni modifica richiede un riavvio del servizio.", "it"],
    ["O servidor lê a configuração ao iniciar. Isso significa que cada alteração exige um reinício.", "pt"],
  ] as const) {
    assert.equal(quote(text, lang, 1), text, text);
  }
  // Not "ce que", "tal como" or the text itself ("ce chapitre", "este capítulo").
  for (const [text, lang] of [
    ["Le serveur lit sa configuration au démarrage. Ce chapitre décrit les options du fichier de configuration principal.", "fr"],
    ["Le serveur lit sa configuration au démarrage. Voici ce que contient le fichier de configuration principal.", "fr"],
    ["El servidor lee su configuración al iniciar. Este capítulo describe las opciones del archivo de configuración principal.", "es"],
    // Nor an English text's acronym spelled like one of their words.
    ["The charger is sold in every shop of the union. The charger carries the CE mark on its back.", "en"],
    ["Most visitors need no visa for a short stay. Travellers send the ESTA form online before they fly.", "en"],
  ] as const) {
    const units = sentenceSpans(text, lang);
    assert.equal(quote(text, lang, 1), units[1]!.text, text);
  }
  const blocks = "The nofail option lets the system start even when the disk is missing.\n\nThis option is also read by the mount command when it is run by hand.";
  assert.equal(quote(blocks, "en", 1), "This option is also read by the mount command when it is run by hand.", "not across a blank line");
  const items = "- The noauto option keeps a disk from being mounted at start.\n- This option is also read by the mount command when it is run by hand.";
  assert.equal(quote(items, "en", 1), "- This option is also read by the mount command when it is run by hand.", "not into another list item");
  const piece = "disk from being mounted at start and is read by mount. This option is also read by the mount command when it is run by hand.";
  assert.equal(quote(piece, "en", 1, true), "This option is also read by the mount command when it is run by hand.", "not into a piece of a sentence cut off at the passage's start");
});

test("a quote runs on to the next sentence when that one draws its conclusion ('Therefore …', 'Deshalb …'), in its paragraph", () => {
  const en = "The backup job copies only the files changed since its last run. Therefore the first run takes much longer than the runs after it. Old copies are removed after 30 days.";
  assert.equal(quoted(en, "en", 0), "The backup job copies only the files changed since its last run. Therefore the first run takes much longer than the runs after it.");
  const de = "Ein Client, der zu einer entfernten Adresse umgeleitet wird, erhält den Statuscode nicht. Deshalb müssen Sie auf ein lokales Dokument verweisen. Andere Codes dürfen jede Adresse nutzen.";
  assert.equal(quoted(de, "de", 0), "Ein Client, der zu einer entfernten Adresse umgeleitet wird, erhält den Statuscode nicht. Deshalb müssen Sie auf ein lokales Dokument verweisen.");
  // The conclusion quoted is quoted with its reason, as any sentence that points back is.
  assert.equal(quoted(en, "en", 1), "The backup job copies only the files changed since its last run. Therefore the first run takes much longer than the runs after it.");
  const folglich = "Der Client erhält den Statuscode nicht. Folglich fragt er nie nach einem Passwort.";
  assert.equal(quoted(folglich, "de", 1), folglich);
  // So does a French, Spanish, Italian or Portuguese conclusion.
  for (const [text, lang] of [
    ["La sauvegarde ne copie que les fichiers modifiés. Ainsi, la première exécution dure bien plus longtemps. Les anciennes copies sont supprimées après 30 jours.", "fr"],
    ["La copia solo guarda los archivos modificados. Por lo tanto, la primera ejecución tarda mucho más. Las copias antiguas se borran a los 30 días.", "es"],
    ["Il backup copia solo i file modificati. Perciò la prima esecuzione dura molto di più. Le copie vecchie vengono cancellate dopo 30 giorni.", "it"],
  ] as const) {
    const units = sentenceSpans(text, lang);
    assert.equal(quoted(text, lang, 0), `${units[0]!.text} ${units[1]!.text}`, text);
  }
  // Not "Ainsi que …", "Así como …": what follows is no conclusion.
  const ainsi = "La sauvegarde ne copie que les fichiers modifiés. Ainsi que prévu, les copies restent sept jours sur le disque externe.";
  assert.equal(quoted(ainsi, "fr", 0), "La sauvegarde ne copie que les fichiers modifiés.");
  // Not across a blank line: the next paragraph's conclusion is its own.
  const apart = "The backup job copies only the files changed since its last run.\n\nTherefore the first run takes much longer than the runs after it.";
  assert.equal(quoted(apart, "en", 0), "The backup job copies only the files changed since its last run.");
});

test("a short sentence is quoted with its neighbour, never with the heading of the next section", () => {
  const text = "Upgrades are done with apt.\n\nRun apt upgrade weekly.\n\n## Backups\n\nKeep three copies of everything on two disks.";
  assert.equal(quoted(text, "en", 1), "Upgrades are done with apt.\n\nRun apt upgrade weekly.");
  const numbered = "Run apt upgrade weekly.\n\n2.3 Backups\n\nKeep three copies of everything on two disks.";
  assert.equal(quoted(numbered, "en", 0), "Run apt upgrade weekly.");
  // A FAQ's question heading, as a rendered page or a <summary> writes it: a question alone between blank lines.
  const faq = "Run apt upgrade weekly.\n\nWhy should I keep backups?\n\nKeep three copies of everything on two disks.";
  assert.equal(quoted(faq, "en", 0), "Run apt upgrade weekly.");
  // Its own paragraph's neighbour before the next paragraph: not the page's "Last updated" line.
  const page = "Hold the reset button for 10 seconds. The router restarts and all settings are erased. The reset takes about 3 minutes.\n\nLast updated by jsmith on 12 March 2021 · 4 min read";
  assert.equal(quoted(page, "en", 2), "The router restarts and all settings are erased. The reset takes about 3 minutes.");
  // A FAQ's short entry is whole: neither the next entry's question nor the last sentence of the one before.
  const entries = "Q: Can I cancel at any time?\nA: Annual plans can only be cancelled within the first 14 days after purchase.\n\nQ: Do you offer refunds?\nA: No.\n\nQ: Is my data encrypted?\nA: Yes, at rest and in transit.";
  const no = sentenceSpans(entries, "en").findIndex((u) => u.text === "A: No.");
  assert.equal(quoted(entries, "en", no), "Q: Do you offer refunds?\nA: No.");
});

test("a definition is quoted with its term: an option's description names the option it describes", () => {
  const manual =
    "Memcheck options\n\n--track-origins=<yes|no> [default: no]\n\nControls whether Memcheck tracks the origin of uninitialised values.\n\n" +
    "--leak-check=<no|full>\nWhen enabled, search for memory leaks when the program exits.";
  const units = sentenceSpans(manual, "en");
  const at = (needle: string) => units.findIndex((u) => u.text.startsWith(needle));
  assert.equal(quoted(manual, "en", at("Controls")), "--track-origins=<yes|no> [default: no]\n\nControls whether Memcheck tracks the origin of uninitialised values.");
  assert.equal(quoted(manual, "en", at("--leak-check")), "--leak-check=<no|full>\nWhen enabled, search for memory leaks when the program exits.", "a term on the line before is one unit with it");
  // Not the section's own heading, nor the last line of an example before the sentence.
  const restart = "Graceful Restart\n\nThe parent process advises the children to exit after their current request.";
  assert.equal(quoted(restart, "en", 1, { headings: ["Server", "Graceful Restart"] }), "The parent process advises the children to exit after their current request.");
  const example = 'Use it like this.\n\n<Location "/private">\n    # ...\n</Location>\n\nIn the example above, requests to /private are refused.';
  assert.equal(quoted(example, "en", sentenceSpans(example, "en").length - 1), "In the example above, requests to /private are refused.");
});

test("a definition's later sentences are read under its term: the one that answers about the term is quoted, within that term's definition", async () => {
  // A definition list as a PDF's text gives it: each term on a line of its own, its definition on
  // the lines after it; only the definition's first sentence is joined to the term.
  const { qa: relations } = await questionAnswererOver({
    "relations.txt":
      "Package relations\n\nThe control file lists a package's relations to other packages, each in a field of its own.\n\n" +
      "• Recommends\nThis declares a strong, but not absolute, dependency. Most users want these packages installed with yours.\n" +
      "• Pre-Depends\nThis is stronger than Depends. The package is unpacked only after the listed packages are configured. This holds during upgrades as well. " +
      "Use it very rarely, and only after a discussion on the mailing list. In short: do not use it at all.\n" +
      "• Conflicts\nThe package is installed only after all packages it conflicts with are removed.\n",
  });
  const a = await relations.ask("Should I use Pre-Depends?");
  assert.equal(a.abstained, false);
  const quotes = a.citations.map((c) => c.quote);
  assert.match(quotes[0]!, /do not use it at all/, quotes.join(" | "));
  assert.doesNotMatch(quotes[0]!, /Conflicts/, "a quote stops where the next term's definition begins");
  // The last line of a list of short lines is no term: what follows is about the whole list.
  const list = "The package tools are:\n• apt\n• dpkg\n• aptitude\nThese tools install and remove packages. They keep a database.";
  const units = sentenceSpans(list, "en");
  const under = definitionTerms(list, units).map((d) => d.term);
  assert.equal(under[units.findIndex((u) => u.text.startsWith("They keep"))], undefined);
  const glossary = "Fields:\n• Depends\nThe package needs these. Always list them.\n• Recommends\nStrong, but not absolute.";
  const glossaryUnits = sentenceSpans(glossary, "en");
  assert.deepEqual(definitionTerms(glossary, glossaryUnits).map((d) => d.term), [undefined, "• Depends", "• Depends", "• Recommends"]);
  const termOf = (text: string, starts: string) => {
    const u = sentenceSpans(text, "en");
    return definitionTerms(text, u)[u.findIndex((x) => x.text.startsWith(starts))]!.term;
  };
  // A term alone between blank lines has its definition after the blank line; a short line that
  // ends a paragraph (a signature, a greeting) is no term of the next one; a wrapped sentence's
  // first line is no term; nor a table row or a setting.
  assert.equal(termOf("Fields\n\nDepends\n\nThe package needs these.", "The package"), "Depends");
  assert.equal(termOf("Passwords expire every 90 days. The helpdesk answers calls on weekdays.\nYour IT team\n\nThe canteen is open from 11:30.", "The canteen"), undefined);
  assert.equal(termOf("Thanks for the update.\nKind regards,\nThe canteen is open from 11:30. It serves two meals.", "It serves"), undefined);
  assert.equal(termOf("The library is open from 9 to 18.\nOn Saturdays\nit opens from 10 to 14. Holidays vary.", "Holidays"), undefined);
  assert.equal(termOf("Service levels\nCritical\nAn engineer responds within one hour. A fix follows within four hours.", "A fix"), "Critical", "a heading line over the first term is no list");
  assert.equal(termOf("Bitte beachten Sie Folgendes.\nUrlaubsanträge von\nAuszubildenden genehmigt die Ausbildungsleitung. Sie antwortet binnen einer Woche.", "Sie antwortet"), undefined);
  assert.equal(termOf("Set it so.\n\ncache = on\nKeeps pages for an hour. It saves bandwidth.", "It saves"), undefined);
  // A quote stops at the next term, and no sentence of another term's definition joins it.
  const { qa: deps } = await questionAnswererOver({
    "relations.txt":
      "Package relations\n\nThe control file lists a package's relations to other packages.\n\n" +
      "• Recommends\nThis declares a strong, but not absolute, dependency. Most users want these packages installed with yours.\n" +
      "• Suggests\nThis declares a weak dependency. Most users do not need these packages.\n" +
      "• Conflicts\nThe package is installed only after all packages it conflicts with are removed.\n",
  });
  const suggests = await deps.ask("Do most users want Suggests packages?");
  assert.equal(suggests.abstained, false);
  assert.match(suggests.citations[0]!.quote, /do not need these packages/);
  for (const c of suggests.citations) assert.doesNotMatch(c.quote, /Recommends[\s\S]*Suggests|Suggests[\s\S]*Conflicts/, c.quote);
});

test("a passage's second statement is quoted too when it comes close; a sentence next to a quote joins it, even across a paragraph when it points back", async () => {
  const { qa: menus } = await questionAnswererOver({
    "menus.md":
      "# Menu shortcuts\n\nMost menu items can be reached with access keys, which match the underlined letters in the menu names. " +
      "Pressing the Alt key together with the underlined letter of a menu name opens that menu. Once the menu is open, press the underlined letter of an item to choose it. " +
      "For example, Alt+F opens the File menu, and S then saves the file. These access keys are fixed and cannot be changed by the user.\n",
  });
  const remap = await menus.ask("Can I pick other letters for the Alt key shortcuts that open the menus?");
  assert.equal(remap.abstained, false);
  assert.match(remap.citations.map((c) => c.quote).join(" | "), /cannot be changed by the user/);
  const { qa: raid } = await questionAnswererOver({
    "raid.md":
      "# RAID levels\n\n## Mirroring\n\nRAID-1 keeps the same data on every disk of the array, so all disks but one can fail.\n\n## Double parity\n\n" +
      "RAID-6 can be considered an extension of RAID-5, where each stripe of N blocks involves two redundancy blocks spread over N+2 disks.\n\n" +
      "This RAID level is slightly more expensive than the previous two, but up to two drives can fail without compromising data availability.\n",
  });
  const fail = await raid.ask("How many disks can fail in a RAID-6 array before the data is gone?");
  assert.equal(fail.abstained, false);
  const quotes = fail.citations.map((c) => c.quote);
  assert.ok(quotes.some((q) => /RAID-6 can be considered[\s\S]*up to two drives can fail/.test(q)), quotes.join(" | "));
});

test("a quote read under its term starts at the term; an option's definition starts at its option line; a passage's sentence that only names the subject again is not added", async () => {
  const { qa } = await questionAnswererOver({
    "glossary.txt":
      "Network terms\n\nDHCP\nHands out addresses to the machines of the network. Leases last one day.\n\n" +
      "DNS\nTranslates names into addresses. Internal names end in .corp.example.\n\nVPN\nConnects remote machines to the office network.\n",
    "gzip.txt":
      "Options\n\n--fast\nCompresses quickly but uses less memory. The default level is 3.\n--best\nCompresses slowly and uses more memory. The default level is 9.\n--store\nNo compression at all.\n",
    "bank.txt": "Sberbank is the largest bank in Russia. Herman Gref has led Sberbank since 2007. Sberbank has branches in many countries. Its headquarters are in Moscow.\n",
  });
  const dns = await qa.ask("What do internal DNS names end in?");
  assert.match(dns.citations[0]!.quote, /^DNS\nTranslates[\s\S]*\.corp\.example\.$/, "the quote names what it is about");
  const best = await qa.ask("What is the default level of --best?");
  assert.match(best.citations[0]!.quote, /^--best\n[\s\S]*level is 9\.$/);
  for (const c of best.citations) assert.doesNotMatch(c.quote, /level is 3\.\s*--best/, "another option's sentence is no part of --best's definition");
  const leads = await qa.ask("Who leads Sberbank?");
  assert.match(leads.citations[0]!.quote, /Herman Gref/);
  for (const c of leads.citations) assert.doesNotMatch(c.quote, /largest bank/, leads.citations.map((x) => x.quote).join(" | "));
});

test("a second passage whose window scores three quarters of the best is quoted too: a sentence that repeats the question's words does not hide the one that answers", async () => {
  const { qa: archive } = await questionAnswererOver({
    "choosing.md": "# Choosing a program\n\nAs an aside: the archive already holds packages for almost every kind of program, and far more packages than there are people allowed to upload to it.\n",
    "uploading.md": "# Uploading\n\nOfficial developers upload a package to the archive, most easily with dupload(1) or dput(1).\n",
  });
  const a = await archive.ask("Which programs upload my finished package to the archive?");
  assert.equal(a.abstained, false);
  assert.ok(a.citations.some((c) => /dput\(1\)/.test(c.quote)), a.citations.map((c) => c.quote).join(" | "));
});

test("when the best window is in another passage, retrieval's first passage is the second quote if it comes close: two windows that repeat the question's words do not crowd out the one that answers", async () => {
  const { ExtractiveAnswerer } = await import("../../src/rag/answer/extractive.js");
  const { HashingEmbeddings } = await import("../../src/rag/embeddings/index.js");
  const embeddings = new HashingEmbeddings(256);
  const question = "If I call close() on a client that still has queued requests, can I keep adding new requests to it?";
  const texts = {
    closing: "In this state the client goes on processing its queued requests as usual, with the one exception that no additional requests can be added.",
    running: "If all queued requests are processed and neither close() nor destroy() is called on the client, it goes back to the pending state.",
    processing: "The dispatch(), close() and destroy() methods of a client can be called at any time while queued requests are processed.",
  };
  const chunk = (name: string, text: string) =>
    ({ id: name, source: `${name}.md`, collection: "main", title: name, lang: "en", text, section: null, page: null, pageEnd: null, hash: name, start: 0, end: text.length }) as const;
  const retrieval = {
    question,
    // Retrieval's order: the closing state first.
    results: Object.entries(texts).map(([name, text], i) => ({ chunk: chunk(name, text), score: 1.5 - i * 0.05 })),
    answerability: 1,
    unknownNames: [],
    specificMissing: [],
    termWeights: new Map(terms(question).map((t) => [t, 1])),
    wordLanguages: new Map(),
    expansions: new Map(),
    denseTop: 0.5,
    queryVector: await embeddings.embedQuery(question),
    answerable: true,
  };
  const draft = await new ExtractiveAnswerer(embeddings).draft(question, retrieval, { locale: "en", name: "English" });
  assert.deepEqual(
    draft.citations.map((c) => c.passage),
    [2, 1],
  );
  assert.match(draft.citations[1]!.quote, /no additional requests can be added/);
  // Not when it says too little of the question to be quoted at all.
  const far = { ...retrieval, results: [{ chunk: chunk("closing", "Each state has a name of its own."), score: 1.5 }, ...retrieval.results.slice(1)] };
  const other = await new ExtractiveAnswerer(embeddings).draft(question, far, { locale: "en", name: "English" });
  assert.deepEqual(
    other.citations.map((c) => c.passage),
    [2, 3],
    "the second quote is the next best window, as without a first passage",
  );
});

test("a box's title on a line of its own is not quoted as the answer; the sentence that gives the command is", async () => {
  const { qa } = await questionAnswererOver({
    "admin.txt":
      "Virtual machines\n\n# virsh pool-create-as srv-kvm dir --target /srv/kvm\nPool srv-kvm created\n\n#\n\nTIP Add your user to the libvirt group\n\n" +
      "All samples in this section assume that you are running commands as root.\n\n" +
      "Accounts\n\nIn some cases, it is useful to add a user to a group to grant them extra permissions. For example, a user in the audio group can use the sound card. " +
      "This can be done with a command such as adduser user group.\n",
  });
  const a = await firstQuoteMatches(qa, "How do I add a user to a group?", /adduser user group/);
  for (const c of a.citations) assert.doesNotMatch(c.quote, /TIP Add your user/);
});

test("a short block of configuration lines is quoted as the answer it is, not skipped as a caption", async () => {
  const { qa } = await questionAnswererOver({
    "priorities.txt":
      "Package priorities\n\nAPT gives each package source a priority. Let us now assume that a server runs several programs that depend on version 5.28 of Perl, " +
      "and that upgrades must not install another version of it. You could use this entry\n\nPackage: perl\nPin: version 5.28*\nPin-Priority: 1001\n\n" +
      "To gain a better understanding of the mechanisms of priority and pinning, do not hesitate to run apt-cache policy to display the priority of each package source and version.\n",
  });
  await firstQuoteMatches(qa, "How do I pin a package version?", /Pin: version 5\.28\*/);
});

test("a word the folder writes only in another form is the question's word for how near the folder comes too: 'can i have a dog' is answered from 'dogs'", async () => {
  const { qa } = await questionAnswererOver({
    "house-rules.md":
      "# House rules\n\n## Pets\n\nSmall pets are allowed (dogs up to 10 kg, cats). Keep them on a lead in the common areas.\n\n## Quiet hours\n\nQuiet hours are from 22:00 to 7:00 on weekdays and until 9:00 on Sundays.\n\n" +
      "## Waste\n\nPaper, glass and plastic go into the bins in the courtyard; bulky waste is collected on the first Monday of the month.\n",
    "repairs.md": "# Repairs\n\nSmall repairs (taps, washers, light bulbs, sockets) are the tenant's to do and pay for. The landlord pays for the boiler, the roof and the wiring.\n",
    "rent.md": "# Rent\n\nThe rent of EUR 720 and EUR 90 of service charges are paid by bank transfer before the fifth of each month. The deposit is three months' rent.\n",
  });
  const dog = await qa.ask("can i have a dog");
  assert.equal(dog.abstained, false, dog.text);
  assert.match(dog.citations[0]?.quote ?? "", /dogs up to 10 kg/);
  // Questions on nothing the folder says still get no answer.
  for (const q of ["Who painted the Mona Lisa?", "How tall is the Eiffel tower?"]) assert.equal((await qa.ask(q)).abstained, true, q);
});

test("a list item is quoted to its end: the cause its first sentence gives comes with the remedy after it", async () => {
  const item = "- The door will not open: the programme may not have finished, or there is still water in the drum. Select Spin / Drain. If the machine has no power, pull the red tab behind the service flap.";
  const text = `Other problems\n\n- Water leaks under the machine: check the hose connections.\n${item}\n- The machine is loud: remove the transit bolts. Keep them for transport.`;
  const units = sentenceSpans(text, "en");
  const from = units.findIndex((u) => u.text.startsWith("- The door"));
  assert.equal(quoted(text, "en", from), item);
  // Not into the next item, nor past the window.
  const long = `${item} ${"The flap is at the bottom right of the front panel and opens with a coin. ".repeat(8).trim()}`;
  const longText = text.replace(item, long);
  const cut = quoted(longText, "en", sentenceSpans(longText, "en").findIndex((u) => u.text.startsWith("- The door")));
  assert.ok(cut.startsWith("- The door") && !cut.includes("The machine is loud") && cut.length < long.length, cut);
  const { qa } = await questionAnswererOver({
    "manual.md": `# Troubleshooting\n\n${text}\n`,
  });
  const a = await qa.ask("the door wont open");
  assert.ok(a.citations.some((c) => c.quote.includes("Select Spin / Drain")), a.citations.map((c) => c.quote).join(" | ") || "(no quote)");
});

test("a web page's table row that answers is quoted, with its table when the table is short; a long table's row alone", async () => {
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
  const days = [["Monday", "closed"], ["Tuesday", "10:00–19:00"], ["Wednesday", "10:00–19:00"], ["Thursday", "10:00–19:00"], ["Friday", "10:00–19:00"], ["Saturday", "10:00–14:00"], ["Sunday", "closed"]];
  const { qa } = await questionAnswererOver({
    "hours.html":
      "<html><head><title>Opening hours</title></head><body><main><h1>Opening hours</h1><p>The central library and its branches keep different hours.</p>" +
      `<h2>Central library</h2><table><thead><tr><th>Day</th><th>Hours</th></tr></thead><tbody>${days.map(row).join("")}</tbody></table>` +
      "<h2>Branch North</h2><p>The branch north is closed for building work until the end of August; please use the central library.</p></main></body></html>",
    "events.html": "<html><head><title>Events</title></head><body><main><h1>Events</h1><p>Every Saturday morning the branch west holds a reading hour for children.</p></main></body></html>",
  });
  const a = await qa.ask("When is the central library open on Saturday?");
  const table = a.citations.find((c) => c.quote.includes("Saturday 10:00–14:00"));
  assert.ok(table, a.citations.map((c) => c.quote).join(" | ") || "(no quote)");
  assert.match(table.quote, /^Day Hours\s+Monday closed\n[\s\S]*\nSunday closed$/, "the whole short table, under its header");
  // A table longer than a quote: the row, not 600 characters of other rows.
  const many = Array.from({ length: 60 }, (_, i) => [`Room ${100 + i}`, i === 42 ? "the chess club meets on Thursdays" : `storage for department ${i}`]);
  const { qa: rooms } = await questionAnswererOver({
    "rooms.html": `<html><head><title>Rooms</title></head><body><main><h1>Rooms</h1><p>Every room of the building and what it is for.</p><table>${many.map(row).join("")}</table></main></body></html>`,
  });
  const b = await rooms.ask("Where does the chess club meet?");
  assert.ok(b.citations.some((c) => c.quote === "Room 142 the chess club meets on Thursdays"), b.citations.map((c) => c.quote).join(" | ") || "(no quote)");
});

test("a command alone in a code block under its heading is quoted for a how-question, not skipped as a caption", async () => {
  const { qa } = await questionAnswererOver({
    "sdk.html":
      "<html><head><title>Node.js SDK</title></head><body><main><h1>Node.js SDK</h1><p>The official Node.js library for the Acme API. Requires Node.js 18 or newer.</p>" +
      "<h2>Installation</h2><pre><code>npm install @acme/node-sdk</code></pre><h2>Usage</h2><pre><code>import Acme from \"@acme/node-sdk\";\nconst acme = new Acme(process.env.ACME_KEY);</code></pre>" +
      "<h2>Types</h2><p>The package ships its own type definitions.</p></main></body></html>",
  });
  await firstQuoteMatches(qa, "How do I install the Node library?", /^npm install @acme\/node-sdk$/);
  // A subcommand or a hyphenated name makes one too.
  const { qa: py } = await questionAnswererOver({
    "sdk.md": "# Python SDK\n\nThe official Python library for the Acme API.\n\n## Installation\n\n```\npip install acme\n```\n\n## Usage\n\nCreate a client with your key and call its methods.\n",
  });
  const pip = await py.ask("How do I install the Python library?");
  assert.ok(pip.citations.some((c) => c.quote === "pip install acme"), pip.citations.map((c) => c.quote).join(" | "));
});

test("a sentence that only sends the reader to another section is not the answer, unless the question asks where to read", async () => {
  const { qa } = await questionAnswererOver({
    "debian.txt":
      "Versions\n\nA version number may hold a revision after a hyphen, as in 1.2-3.\n\nSee section 8.1 to learn how the name of the Debian revision is raised.\n\n" +
      "History\n\nThe name Debian is no acronym: it joins the first names of Ian Murdock and of Debra, his girlfriend at the time.\n",
  });
  await firstQuoteMatches(qa, "Where does the name Debian come from?", /Ian Murdock/);
  await firstQuoteMatches(qa, "Where can I read how the Debian revision is raised?", /See section 8\.1/);
  for (const q of ["Which document explains how to avoid configuration file questions?", "Is there an example of a PAM configuration?", "Is there a guide to raising the revision?", "Wo ist das Anheben der Revision beschrieben?", "Gibt es dazu eine Anleitung?", "Which man page lists the options?"]) {
    assert.ok(ASKS_WHERE_TO_READ.test(q), q);
  }
  for (const q of ["Where does the name Debian come from?", "Woher kommt der Name Debian?", "Which option skips recommended packages?"]) assert.ok(!ASKS_WHERE_TO_READ.test(q), q);
  // A pointer that goes on to give the answer is an answer.
  const { qa: hr } = await questionAnswererOver({
    "contract.txt":
      "Probation\n\nDuring the probation period, either side may end the contract with two weeks notice.\n\n" +
      "Consult section 4 of your contract for the notice period after probation: for most staff it is three months.\n",
  });
  await firstQuoteMatches(hr, "What is the notice period after probation?", /three months/);
});

test("a line that answers without a full stop is still quoted; a page header of two lines is not", async () => {
  const { qa } = await questionAnswererOver({
    "office.txt":
      "ACME Office Handbook\nPage 4\n\nOffice\n\nOpening hours are Monday to Friday from 8 am to 6 pm\n\nGuests use the network called Office-Guest without a password\n\n" +
      "Staff connect to the network called Office-Staff with their own login.\n",
  });
  const a = await firstQuoteMatches(qa, "When is the office open?", /Monday to Friday/);
  const b = await firstQuoteMatches(qa, "Which network can guests use in the office?", /Office-Guest/);
  for (const c of [...a.citations, ...b.citations]) assert.doesNotMatch(c.quote, /^ACME Office Handbook\s+Page 4$/);
  // A page's running header (two lines, no code's signs) is no quote to start from.
  const { qa: manual } = await questionAnswererOver({
    "manual.txt":
      "Backup Server Manual\nVersion 2.1\n\nThe backup server copies every workstation each night. Restores are started from the web console under Restore.\n\n" +
      "Backup Server Manual\nPage 4\n\nTo restore a file, open the web console, choose Restore and pick the date.\n",
  });
  const c = await firstQuoteMatches(manual, "What does the backup server do?", /^The backup server copies every workstation/);
  for (const x of c.citations) assert.doesNotMatch(x.quote, /Page 4/);
});

test("a FAQ's answer is read under its question on the line above: the sentence that answers is quoted, not one that shares more of the asker's words", async () => {
  const faq =
    "Frequently asked questions\n\n" +
    "How do I rename a branch on my own machine?\n\n" +
    "To rename a local branch, run git branch -m with the old and the new name.\n\n" +
    "Can I still rename a branch after it has been pushed to the shared server?\n\n" +
    "Only with care: everyone who cloned it keeps the old name until they fetch again and reset their copy by hand.\n\n" +
    "Why is cloning so slow?\n\n" +
    "Large histories take a while; a shallow clone downloads only the latest commits.\n";
  const { qa } = await questionAnswererOver({ "faq.txt": faq });
  await firstQuoteMatches(qa, "Is renaming a branch a problem once it is pushed to the server?", /^Only with care/);
  // The question above the answer is no part of the quote.
  await firstQuoteMatches(qa, "How do I rename my local branch?", /^To rename a local branch/);
  // Nor is the next entry's question part of a short answer's quote.
  const { qa: trip } = await questionAnswererOver({
    "trip.txt":
      "Trip to the zoo: questions from parents\n\nDoes my child need a packed lunch on the day of the trip?\n\nYes, please.\n\n" +
      "Will the children be back at school in time for the normal pick-up at 15:15?\n\nThe coach leaves the zoo at 14:00, so we expect to be back by 14:45.\n\n" +
      "Can parents come along as helpers on the trip to the zoo?\n\nWe need four parent helpers; please tell the class teacher by Friday.\n",
  });
  const lunch = await firstQuoteMatches(trip, "Does my child need a packed lunch?", /^Yes, please\.$/);
  assert.equal(lunch.citations.length, 1, "no other entry's answer");
  // A list of questions heads nothing: the paragraph after it is not read under its last question.
  const { qa: water } = await questionAnswererOver({
    "water.txt":
      "Questions to think about\n\nWhy is the sea salty?\n\nWhere does the water in a river come from?\n\nThis chapter answers both of them, one after the other.\n\n" +
      "Rivers are fed by rain and by melting snow that runs off the land into streams.\n\nSalt in the sea comes from rocks on land that rain slowly wears away.\n",
  });
  await firstQuoteMatches(water, "Where does river water come from?", /^Rivers are fed by rain/);
});

test("a question that asks where something is in the menus is answered by the menu path, not only by an example of its use", async () => {
  const { qa } = await questionAnswererOver({
    "loans.md":
      "# Loans\n\nLoans are kept in liability accounts, one for each loan. The menus of the account window record payments.\n\n## Calculations\n\n" +
      "Determining loan amortization schedules, periodic payment amounts, total payment value, or interest rates can be somewhat complex. To help with these calculations, the program has a built-in Loan Repayment Calculator. To access the calculator, go to Tools → Loan Repayment Calculator.\n\n" +
      "## Example: length of a loan\n\n" +
      "How long will you be paying back a 20,000 loan at 10% fixed rate interest compounded monthly if you pay 500 per month? To perform this calculation, leave Payment Periods empty and fill in the other fields. Answer: you will pay off the loan in 4 years and 1 month (49 months).\n",
  });
  const a = await qa.ask("Is there something built in that works out my mortgage payment or how long a loan will take to pay off, and where is it in the menus?");
  assert.equal(a.abstained, false);
  assert.ok(a.citations.some((c) => /go to Tools → Loan Repayment Calculator/.test(c.quote)), a.citations.map((c) => c.quote).join(" | "));
  for (const q of ["Which menu has the loan calculator?", "Where in the menus do I find the reconcile window?", "Über welchen Menüpunkt exportiere ich die Konten?", "Wo finde ich das in der Symbolleiste?"]) assert.ok(ASKS_MENU.test(q), q);
  for (const q of ["Where are the settings stored?", "What does the menu do?", "Wo liegen meine Einstellungen?", "How do I print the menu of a restaurant?"]) assert.ok(!ASKS_MENU.test(q), q);
});

test("a document's sentence built to make the quote's patterns backtrack is quoted at once: the bot is not held", async () => {
  // A sentence that points back ("It-…") and goes on in a run of capitals: a pattern that let the run
  // be cut into words in every way took a minute per question over it, on the bot's own thread
  // (which no test time limit interrupts). Not a speed target: a hang guard, with a margin of
  // thousands over the few milliseconds the question takes.
  const hangs = 15_000;
  // A pointer-like sentence built for the pointer pattern ("For more details see see see … aaa"):
  // tried at every "see" and every letter, 20,000 characters took minutes; a few ms now.
  for (const sentence of ["For more details " + "see ".repeat(2500) + "a".repeat(10_000), "See " + "a".repeat(20_000), "Weitere Informationen " + "siehe ab ".repeat(2000)]) {
    const started = performance.now();
    assert.equal(onlyPointsElsewhere(sentence), false);
    assert.ok(performance.now() - started < hangs, `${Math.round(performance.now() - started)} ms`);
  }
  assert.equal(onlyPointsElsewhere("See section 8.1 for the details."), true, "a pointer is still one");
  assert.equal(onlyPointsElsewhere("For more information, see debuild(1)."), true);
  const { qa } = await questionAnswererOver({
    "router.txt": `Factory reset of the X200 router\n\nThe X200 router keeps its settings in flash memory. It-${"A".repeat(100)} resets the router when you hold the reset button for ten seconds.\n\nOther unrelated text about cables and power supplies.\n`,
  });
  const started = performance.now();
  const a = await qa.ask("How do I reset the X200 router?");
  assert.ok(performance.now() - started < hangs, `${Math.round(performance.now() - started)} ms`);
  assert.equal(a.abstained, false);
  assert.match(a.citations[0]!.quote, /reset button/);
});

test("questions in French, Spanish, Italian and Portuguese are read for what they ask: how, which command, which file, how many, whether", async () => {
  const { ASKS_HOW } = await import("../../src/rag/asked.js");
  const { ASKS_NAME } = await import("../../src/rag/answer/extractive.js");
  const kinds = (q: string) =>
    [ASKS_HOW.test(q) && "how", ASKS_NAME.test(q) && "name", ASKS_PLACE.test(q) && "place", ASKS_AMOUNT.test(q) && "amount", ASKS_YES_NO.test(q) && "yes-no"].filter(Boolean).join(",");
  const expected: [string, string][] = [
    ["Comment créer un tube nommé ?", "how"],
    ["J'ai créé ma clé sans phrase de passe ; comment en ajouter une après coup ?", "how"],
    ["Tengo muchos ordenadores en casa, ¿cómo evito descargar dos veces los paquetes?", "how"],
    ["Come lo sistemo?", "how"],
    ["Como crio uma ligação simbólica?", "how"],
    ["Quelle commande gère la date d'expiration d'un mot de passe ?", "how,name"],
    ["¿Qué orden tengo que ejecutar?", "how,name"],
    ["Qual è il comando per spegnere il computer?", "how,name"],
    ["Existe alguma ferramenta para gerar palavras-passe?", "name"],
    ["Où dois-je indiquer un module à charger au démarrage ?", "place"],
    ["¿En qué archivo se guarda el nombre de mi máquina?", "place"],
    ["Quali file contengono gli account utente?", "place"],
    ["Onde ficam guardados os ficheiros .deb que o APT descarrega?", "place"],
    ["Combien de jours les copies sont-elles conservées ?", "amount"],
    ["¿Cuántos días se guardan las copias?", "amount"],
    ["¿Cuándo se ejecuta la copia?", "amount"],
    ["Quand faut-il redémarrer ?", "amount"],
    ["Puis-je garder cette adresse ?", "yes-no"],
    ["¿Se puede configurar la impresora desde el navegador?", "yes-no"],
    ["É possível usar duas placas de rede?", "yes-no"],
    // A sentence that says when something happens, before the question ("Quand je lance …"), or
    // "en cuanto a" ("as for"), asks no amount.
    ["Quand je lance apt update, j'ai une erreur. Comment la corriger ?", "how"],
    ["Quando avvio il server ricevo un errore: come lo risolvo?", "how"],
    ["En cuanto a las copias, ¿se pueden cifrar?", "yes-no"],
    // English and German questions that only look like them ask as before.
    ["Comment out the line in the config?", ""],
    ["Comment character in nginx config files?", ""],
    ["Comment on a merge request?", ""],
    ["Come to think of it, the port is taken?", ""],
    ["Come into effect when?", ""],
    ["I dove into the config docs: what does MaxClients mean?", ""],
    ["Which file holds the settings?", "place"],
  ];
  for (const [q, kind] of expected) assert.equal(kinds(q), kind, q);
  // What says no in those languages, and what English writes alike that does not.
  for (const t of ["Ce fichier n'est pas lu.", "Use el archivo en lugar de la orden.", "Il file non viene letto.", "O ficheiro não é lido."]) assert.ok(SAYS_NO.test(t), t);
  for (const t of ["Only the non-free section is listed.".replace("Only ", "The "), "Set the font to DejaVu Sans.", "A solo run of the tests."]) assert.ok(!SAYS_NO.test(t), t);
  // The thing counted, for the sentence that gives the number.
  const days = amountAsked("Combien de jours les copies sont-elles conservées ?", "Combien de jours les copies sont-elles conservées ?")!;
  assert.ok(days.saysNumberOf("Les copies sont conservées 7 jours."));
  assert.ok(!days.saysNumberOf("Le disque 2 contient les copies."));
});

test("numbers written out and questions for a duration or a frequency, in the languages beyond English and German", async () => {
  const has = (question: string, text: string) => amountAsked(question, question)!.hasNumber(text);
  const of = (question: string, text: string) => amountAsked(question, question)!.saysNumberOf(text);
  assert.ok(of("¿Cuánto tardan las notas?", "Las calificaciones se publican unos tres meses después del examen."), "'cuánto tardan' asks a duration");
  assert.ok(!of("¿Cuánto tardan las notas?", "La escuela tiene 3 aulas."), "a count of something else is no duration");
  assert.ok(of("Hur länge sparas kvarglömda saker?", "Kvarglömda saker sparas i trettio dagar."));
  assert.ok(of("Jak dlouho trvá zkušební doba?", "Zkušební doba je tři měsíce."));
  assert.ok(of("Quanto dura il corso?", "Il corso dura tre settimane."));
  assert.ok(of("Hur ofta töms skåpen?", "Skåpen töms två gånger per dag."), "'hur ofta' asks a frequency");
  for (const text of ["Il faut compter trois jours.", "Het duurt drie weken.", "Trwa to pięć dni.", "Il faut sept jours."]) assert.ok(has("¿Cuánto tiempo?", text), text);
  // Not what another language writes alike: "DOS", Portuguese "dos" (of the), "due", "pet",
  // "Sept." (September), OSM; nor French "très" (folded, Spanish "tres") a few words before a unit.
  for (const text of ["Format the DOS partition.", "A entrega dos livros é feita pelos correios.", "The fee is due on arrival.", "No pet may stay overnight.", "Renewals open in Sept.", "Maps come from OSM."]) {
    assert.ok(!has("How long is the stay?", text), text);
  }
  assert.ok(!of("Combien de temps dure la livraison ?", "La livraison est très rapide en semaine."));
  assert.ok(!has("When is the vet open?", "Every pet needs a collar."), "'pět' folded is 'pet'");
  // Nor a unit of time that is an English word: "let", "timer" (Swedish "år" folded, "ar", is one).
  for (const text of ["The oven has two timer programs.", "Press 1 and let the door close."]) assert.ok(!of("How long does the oven take to preheat?", text), text);
  assert.ok(of("Hur länge gäller garantin?", "Garantin gäller i 3 år."));

  // The sentence with the number written out is quoted, not one from another page that shares
  // only the question's verb and gives a number in digits.
  const { qa } = await questionAnswererOver({
    "examenes.md": "# Exámenes DELE\n\nLos diplomas DELE son oficiales y no caducan. La prueba oral puede tener lugar el mismo día. Las calificaciones se publican unas seis semanas después.\n",
    "contacto.md": "# Cómo llegar\n\nDesde el aeropuerto, el metro tarda unos 25 minutos hasta la escuela.\n",
  });
  const answer = await qa.ask("¿Cuánto tardan las notas del DELE?");
  assert.match(answer.citations.map((c) => c.quote).join(" | "), /seis semanas/);
});

test("a French how-question's quote runs on to the command, as an English one's does", async () => {
  const { qa } = await questionAnswererOver({
    "groupes.md":
      "# Groupes\n\nDans certains cas, il est utile d'ajouter un utilisateur à un groupe pour lui donner des droits supplémentaires. " +
      "Par exemple, un utilisateur du groupe audio peut utiliser la carte son. " +
      "On peut le faire avec une commande telle que adduser utilisateur groupe. Les groupes sont listés dans /etc/group.\n",
  });
  await firstQuoteMatches(qa, "Comment ajouter un utilisateur à un groupe ?", /^Dans certains cas.*adduser utilisateur groupe\.$/s);
});

test("a question that asks for a key combination is answered by the menu line that gives it, not by the description of the same command", async () => {
  const { ASKS_SHORTCUT, SAYS_SHORTCUT } = await import("../../src/rag/asked.js");
  for (const q of ["Is there a keyboard shortcut to open the help?", "Which key combo jumps to a date?", "Mit welchem Tastenkürzel speichere ich den Bericht?", "Gibt es eine Tastenkombination dafür?", "Quel raccourci clavier ouvre l'aide ?"]) assert.ok(ASKS_SHORTCUT.test(q), q);
  // Not a quicker way, nor a link on the desktop.
  for (const q of ["How do I open the help?", "Which key does the database use?", "Is there a shortcut through the accounts setup?", "Can I create a desktop shortcut?"]) assert.ok(!ASKS_SHORTCUT.test(q), q);
  for (const t of ["Go to Date (Ctrl+G)", "Strg + Alt + S", "Shift+F10", "Close it with Alt-F4.", "⌘Q quits"]) assert.ok(SAYS_SHORTCUT.test(t), t);
  for (const t of ["C++ is a language.", "The Shift key alone", "meta+data", "win + loss", "Install Command + Line Tools first.", "a super-user"]) assert.ok(!SAYS_SHORTCUT.test(t), t);
  const { qa } = await questionAnswererOver({
    "register.md":
      "# Working in the register\n\nThe register lists the transactions of an account by date. You can jump to the transactions of a particular date, " +
      "sort the transactions by date or by number, and filter them to show only a range of dates. Jumping to a date keeps the current filter.\n\n" +
      "# Actions menu\n\nThe Actions menu lists each command with its keyboard shortcut.\n\n• Go to Date (Ctrl+G) Jumps to the transactions of a date you enter.\n• Split Transaction Shows the splits of the transaction.\n" +
      "• Delete Transaction (Ctrl+Del) Deletes the current transaction.\n• Blank Transaction Moves to the blank transaction at the bottom.\n",
  });
  await firstQuoteMatches(qa, "Which keyboard shortcut jumps to a particular date in the register?", /Ctrl\+G/);
});

test("a page of long headings over hundreds of short lines costs a question about what the same lines under short headings cost: where a window stands is read once per passage, not once per window", async () => {
  const word = (i: number) => Array.from({ length: 3 }, (_, k) => String.fromCharCode(97 + ((Math.imul(i + 1, 2654435761) >>> (k * 5)) % 26))).join("");
  const body = Array.from({ length: 14 }, (_, i) => Array.from({ length: 110 }, (_, k) => `- ${word(k + i * 200)} ${word(k * 3 + 1)}`).join("\n").slice(0, 780)).join("\n\n");
  const heading = (level: number, long: boolean) =>
    `${"#".repeat(level + 1)} ${level === 0 ? `Zorblat frobnitz configure file stored package ${long ? "https://zz.example/a " : ""}` : ""}${long ? Array.from({ length: 80 }, (_, k) => `${word(5000 + level * 100 + k)}-é`).join(" ").slice(0, 290 - (level === 0 ? 70 : 0)) : `Part ${level}`}`;
  const page = (long: boolean) => `${Array.from({ length: 6 }, (_, l) => heading(l, long)).join("\n\n")}\n\n${body}\n`;
  const questions = ["How do I configure the zorblat frobnitz?", "Why does the zorblat frobnitz fail?", "Where is the zorblat frobnitz file stored?", "Which package provides the frobnitz?"];
  const cost = async (qa: QuestionAnswerer) => {
    const started = performance.now();
    for (const q of questions) await qa.ask(q);
    return performance.now() - started;
  };
  const { qa: short } = await questionAnswererOver({ "page.md": page(false) }, { RETRIEVAL_K: "12" });
  const { qa: long } = await questionAnswererOver({ "page.md": page(true) }, { RETRIEVAL_K: "12" });
  // The best of each, timed in turn, until the ratio holds (at most five rounds): a busy machine
  // (`npm test` runs two test files at once) slows a round, not the ratio of the best ones; one
  // timed in a row after the other once failed at 1,034 against 214 ms in CI.
  let baseline = Infinity;
  let planted = Infinity;
  const holds = () => planted < 4 * baseline + 50;
  for (let round = 0; round < 5 && (round < 2 || !holds()); round++) {
    baseline = Math.min(baseline, await cost(short));
    planted = Math.min(planted, await cost(long));
  }
  // (Read with each window, the long headings cost six to eight times as much.)
  assert.ok(holds(), `${planted.toFixed(0)} ms under long headings against ${baseline.toFixed(0)} ms under short ones`);
});

test("a quote that ends a PDF page does not run on into the page's footnote: a line of code at the foot is quoted alone", async () => {
  const { makePdf } = await import("../helpers/pdf.js");
  const filler = "The backup tool reads its settings when it starts and writes a short report after every run.";
  const pdf = makePdf({
    pages: [
      [
        filler,
        filler,
        filler,
        filler,
        "To see every file the tool copies, edit its settings file like this:",
        "1 # settings for the nightly backup",
        "2 # uncomment to list every copied file",
        "3 #LIST_FILES = 1",
        "1More on settings files is in the administrator's handbook, chapter 7, which the office keeps.",
      ],
      ["Restoring a file takes the date of the backup and the name of the file, nothing else.", filler],
    ],
  });
  const { qa: pdfQa } = await questionAnswererOver({ "backup.pdf": pdf });
  const a = await pdfQa.ask("How do I make the backup tool list every file it copies?");
  assert.equal(a.abstained, false);
  const quote = a.citations[0]!.quote;
  assert.match(quote, /#LIST_FILES = 1$/, `the quote ends with the line of code: ${quote}`);
  assert.doesNotMatch(quote, /handbook/, "the footnote is no part of it");
  // A citation that a wrapped line begins with is no footnote: the sentence goes on over it.
  const cited = "Rate-monotonic scheduling was proved optimal for fixed priorities in\n[1] and later extended to several processors by Dhall and Liu.";
  assert.deepEqual(sentenceSpans(cited, "en").map((u) => u.text), [cited]);
  assert.deepEqual(sentenceSpans("4 #LIST_FILES = 1\n[1] More on settings files is in chapter 7.", "en").map((u) => u.text), ["4 #LIST_FILES = 1", "[1] More on settings files is in chapter 7."]);
});

test("a plain-text file's title and headings are not quoted with the answer under them: the citation names them", async () => {
  const { qa: own } = await questionAnswererOver({
    "parking.txt": "Parking Policy\n\n1. Who may park\n\nEmployees with a green permit may park in the garage on levels 2 and 3. Visitors park on level 1.\n\n2. Charging\n\nElectric cars charge at the wall boxes on level 2 for free.\n",
    "holidays.txt": "Holiday Policy\n\nEvery employee has 30 days of paid leave per calendar year.\n",
  });
  const parking = await firstQuoteMatches(own, "Who may park in the garage?", /^Employees with a green permit may park in the garage on levels 2 and 3\./);
  assert.equal(parking.citations[0]!.section, "1. Who may park");
  await firstQuoteMatches(own, "How many days of paid leave does an employee get?", /^Every employee has 30 days of paid leave per calendar year\.$/);
});

test("'how many slip days' is answered by the number of slip days, not by days of something else or a number given as an example", async () => {
  const { amountAsked } = await import("../../src/rag/asked.js");
  const asked = amountAsked("How many slip days do we get?", "How many slip days do we get?")!;
  assert.equal(asked.saysWholeNumberOf("Every student gets four slip days for the semester."), true);
  assert.equal(asked.saysWholeNumberOf("Late work loses 10% per day, up to 3 days."), false, "days, but not slip days");
  assert.equal(asked.saysNumberOf("You can use several slip days on one homework (for example, two slip days = 48 hours late)."), false, "an example's number is none the text says");
  // A number joined to its unit by a hyphen counts too ("a 2-year warranty").
  const warranty = amountAsked("How long is the warranty?", "How long is the warranty?")!;
  assert.equal(warranty.saysNumberOf("All large appliances come with a 2-year manufacturer's warranty."), true);
  const { qa: course } = await questionAnswererOver({
    "late-policy.md":
      "# Late work\n\n## Slip days\n\nEvery student gets four slip days for the semester. A slip day lets you hand in a homework up to 24 hours late with no penalty. " +
      "You can use several slip days on one assignment (for example, two slip days = 48 hours late), but no more than two on any single homework.\n\n" +
      "## After your slip days run out\n\nLate homework submitted after your slip days are used up loses 10% per day it is late, up to 3 days.\n",
    "schedule.md": "# Schedule\n\nHomework is due on Mondays at 23:59. Solutions are posted five days after the deadline.\n",
  });
  await firstQuoteMatches(course, "how many slip days do we get", /four slip days/);
});

test("a question for an amount whose best sentence gives no number is quoted with the sentence beside it that gives one, in other words than the question's", async () => {
  const { qa } = await questionAnswererOver({
    "app.md":
      "# App\n\n## Pairing\n\nOpen the app, tap Add device and hold the phone within 3 m of the thermostat until the display shows a tick.\n\n" +
      "## Sharing with household members\n\nThe owner of a home can invite up to 5 members under Settings > Home > Members in the app. " +
      "Members can change temperatures and schedules but cannot remove the thermostat or invite other people.\n\n" +
      "## Notifications\n\nThe app sends a notice when the room gets colder than the frost limit or when the thermostat goes offline.\n",
  });
  await firstQuoteMatches(qa, "How many people can I share the thermostat with?", /up to 5 members[^]*invite other people/);
});

test("'how quickly' and 'how soon' ask for a time: the sentence that gives one is quoted", async () => {
  const { qa } = await questionAnswererOver({
    "webhooks.md":
      "# Webhooks\n\n## Setting up\n\nAdd an HTTPS endpoint in the dashboard under Settings and select the events you want to receive. Each endpoint has its own signing secret.\n\n" +
      "## Responding\n\nYour webhook endpoint has to answer each event with a 2xx status code, so that we know it has arrived. " +
      "An answer later than 10 seconds counts as a failed delivery. Do the slow work after you answer.\n\n" +
      "## Refunds\n\nYou get your money back after a refund is approved in the dashboard, on the card you paid with. It is there 5 working days later.\n",
  });
  const quotes = async (question: string) => (await qa.ask(question)).citations.map((c) => c.quote).join(" ");
  assert.match(await quotes("How quickly does my webhook endpoint have to answer?"), /10 seconds/);
  assert.match(await quotes("How soon do I get my money back after a refund?"), /5 working days/);
});

import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { before, test } from "node:test";
import { isAcronym, spellsOut } from "../../src/rag/acronyms.js";
import { Bm25Index } from "../../src/rag/bm25.js";
import { FuzzyVocabulary, wordSimilarity } from "../../src/rag/fuzzy.js";
import { KnowledgeBase } from "../../src/rag/knowledge-base.js";
import { namePairs, respelledInflections, sameStem, shortPlurals } from "../../src/rag/retrieve.js";
import { germanVerbForms, romanceVerbForms } from "../../src/rag/verb-forms.js";
import { normalizeForMatch, terms } from "../../src/rag/text.js";
import { corpusKnowledgeBase, folderKnowledgeBase, knowledgeBaseOver, questionAnswererOver } from "../helpers/kb.js";
import { PROJECT_ROOT, tempDir } from "../helpers/util.js";

test("BM25 ranks rare matching terms first and ignores stopwords", () => {
  const docs = ["the bank of russia", "the sberbank leader gref", "the the the bank"].map((d) => terms(d));
  const bm25 = Bm25Index.build(docs);
  const hits = bm25.search(terms("Who leads the Sberbank?"), 3);
  assert.deepEqual(hits.map((h) => h.doc), [1]);
  assert.ok(bm25.idf("gref") > bm25.idf("bank"));
});

test("similar spellings are found across English and German", () => {
  const fuzzy = FuzzyVocabulary.build(["interessiert", "russland", "digitale", "bank", "eiffel"]);
  assert.equal(fuzzy.similar("interested")[0]?.term, "interessiert");
  assert.equal(fuzzy.similar("digitalen")[0]?.term, "digitale");
  assert.deepEqual(fuzzy.similar("population"), []);
});

test("spelling neighbours are exactly those a comparison with every word finds; a vocabulary planted with 200,000 words of one beginning costs a bounded search, not a pass over it per question word", () => {
  // Exact: the closest words of a random vocabulary, as comparing with every word finds them.
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const letters = "aeioubcdklmnprst";
  const word = () => Array.from({ length: 4 + Math.floor(random() * 8) }, () => letters[Math.floor(random() * letters.length)]).join("");
  // Words and their variants (a letter changed, dropped or added, an ending), so many are alike near the bar.
  const edit = (w: string) => {
    const at = Math.floor(random() * w.length);
    const c = letters[Math.floor(random() * letters.length)]!;
    const r = random();
    return r < 0.3 ? w.slice(0, at) + c + w.slice(at + 1) : r < 0.5 ? w.slice(0, at) + w.slice(at + 1) : r < 0.8 ? w.slice(0, at) + c + w.slice(at) : w + ["s", "en", "ing", "ed"][Math.floor(random() * 4)];
  };
  const vocabulary = [...new Set(Array.from({ length: 2_000 }, word).flatMap((w) => Array.from({ length: 10 }, () => edit(edit(w))).concat(w)))].filter((w) => w.length >= 4);
  const fuzzy = FuzzyVocabulary.build(vocabulary);
  // The five closest words by comparing with every word.
  const closest = (words: readonly string[], q: string) =>
    words
      .filter((t) => t !== q)
      .map((t) => ({ term: t, similarity: wordSimilarity(q, t) }))
      .filter((x) => x.similarity >= 0.5)
      .sort((a, b) => b.similarity - a.similarity || a.term.localeCompare(b.term))
      .slice(0, 5);
  for (let i = 0; i < 200; i++) {
    const q = i % 2 ? vocabulary[i * 37]! : word();
    assert.deepEqual(fuzzy.similar(q, 5), closest(vocabulary, q), q);
  }
  // Letters outside the Basic Multilingual Plane (Adlam, two UTF-16 units each) are compared whole, in the question's word or the folder's.
  const adlam = ["𞤀𞤁𞤂𞤃𞤄", "𞤀𞤁𞤂𞤃𞤅", "𞤀𞤁x𞤃𞤄", "abcd𞤀e", "abcdxe", "abcdef", "x𞤀𞤁𞤂𞤃"];
  const mixed = FuzzyVocabulary.build(adlam);
  for (const q of [...adlam, "abcd𞤀f", "𞤀𞤁𞤂𞤃"]) assert.deepEqual(mixed.similar(q, 5), closest(adlam, q), q);
  // Bounded: twenty lookups of words that share "password" with 200,000 planted words cost less
  // than ten comparisons of one word with every planted word (before the bound, each lookup was
  // such a pass and more: a crafted question took half a minute).
  const planted = Array.from({ length: 200_000 }, (_, i) => `password${i.toString(26)}`);
  const big = FuzzyVocabulary.build(planted);
  const lookups = performance.now();
  for (let i = 0; i < 20; i++) assert.ok(big.similar(`password${(i * 7919).toString(26)}x`, 3).length > 0);
  const bounded = performance.now() - lookups;
  const passes = performance.now();
  for (let i = 0; i < 10; i++) for (const t of planted) wordSimilarity(`password${i}zz`, t);
  const full = performance.now() - passes;
  assert.ok(bounded < full, `${Math.round(bounded)} ms for 20 lookups against ${Math.round(full)} ms for 10 passes`);
});

test("spelling lookups among planted words of hundreds of letters cost what they cost among short words: a long word is not read whole", () => {
  let seed = 11;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const tail = (n: number) => Array.from({ length: n }, () => letters[Math.floor(random() * 26)]).join("");
  // 3,000 words of 800 letters that open like the question's words, and as many of 14 letters.
  const long = FuzzyVocabulary.build(Array.from({ length: 3_000 }, () => `abcdefgh${tail(792)}`));
  const short = FuzzyVocabulary.build(Array.from({ length: 3_000 }, () => `abcdefgh${tail(6)}`));
  const asked = Array.from({ length: 40 }, () => `abcdefgh${tail(2)}`);
  const cost = (fuzzy: FuzzyVocabulary) => {
    const started = performance.now();
    for (const q of asked) fuzzy.similar(q, 3);
    return performance.now() - started;
  };
  cost(short);
  const baseline = Math.min(cost(short), cost(short));
  const planted = Math.min(cost(long), cost(long));
  // (Read whole with a list of the trigrams seen, the long words cost some thousand times more.)
  assert.ok(planted < 10 * baseline + 20, `${planted.toFixed(1)} ms among long words against ${baseline.toFixed(1)} ms among short ones`);
  // Still found: a long word spelled like a long question word, and a short one like its stem.
  const mixed = FuzzyVocabulary.build(["internationalisation", "internationalization", "nation", "abab".repeat(200)]);
  assert.deepEqual(mixed.similar("internationalisation", 3).map((x) => x.term), ["internationalization"]);
  assert.deepEqual(mixed.similar("abab", 3), []);
});

test("the compounds a word ends are found by reading a bounded part of the spelling index: a vocabulary planted to share a word's trigrams without ending in it costs no pass over it", () => {
  const fuzzy = FuzzyVocabulary.build(["zahlungsfrist", "kuendigungsfrist", "frist", ...Array.from({ length: 100_000 }, (_, i) => `aaa${i.toString(26)}baa`)]);
  assert.deepEqual(new Set(fuzzy.endingIn("frist")), new Set(["kuendigungsfrist", "zahlungsfrist"]));
  const vocabulary = (fuzzy as any).vocabulary;
  const get = vocabulary.get.bind(vocabulary);
  let read = 0;
  vocabulary.get = (i: number) => (read++, get(i));
  // Every planted word has "aaa" and ends in "aa", as "aaaa" does; none ends in "aaaa".
  assert.deepEqual(fuzzy.endingIn("aaaa"), []);
  assert.ok(read <= 10_000, `${read} entries read`);
});

test("passages of hundreds of one-letter lines cost a question about what the same words in prose cost: scoring reads a passage's words, not its lines times the question's words", async () => {
  // Deterministic words and passages: 200 made-up four-letter words, each passage opening with 20 of them.
  let seed = 5;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = (s: string) => s[Math.floor(random() * s.length)]!;
  const vocabulary = new Set<string>();
  while (vocabulary.size < 200) vocabulary.add(pick("bcdfghjklmnpqrstvwxz") + pick("aeiou") + pick("bcdfghjklmnpqrstvwxz") + pick("bcdfghjklmnpqrstvwxz"));
  const said = [...vocabulary];
  const head = () => Array.from({ length: 20 }, () => said[Math.floor(random() * said.length)]).join(" ");
  const lines = Array.from({ length: 300 }, (_, k) => String.fromCharCode(65 + (k % 26))).join("\n");
  const filler = Array.from({ length: 110 }, (_, k) => ["the", "data", "value", "system", "is", "of", "and", "in", "a", "file"][k % 10]).join(" ");
  const heads = Array.from({ length: 60 }, head);
  const crafted = await questionAnswererOver({ "doc.txt": heads.map((h) => `${h}\n${lines}`).join("\n\n") });
  const prose = await questionAnswererOver({ "doc.txt": heads.map((h) => `${h} ${filler}.`).join("\n\n") });
  const question = said.join(" ").slice(0, 1000);
  // Processor time, not wall time: the suite runs files side by side on two cores, and a wall
  // clock counts the time another file's test held the processor.
  const fastest = async (qa: typeof crafted.qa) => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const started = process.cpuUsage();
      await qa.ask(question);
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  await crafted.qa.ask("warm up");
  await prose.qa.ask("warm up");
  const [lined, plain] = [await fastest(crafted.qa), await fastest(prose.qa)];
  // Read line by line against every expansion of every question word, the lines took about 40
  // times as long; read off the words, 2 to 4 times (up to 8 on a loaded machine, where this once
  // failed at 6).
  assert.ok(lined < 12 * plain + 100, `${Math.round(lined)} ms against ${Math.round(plain)} ms`);
});

test("a question of a hundred words looks up close spellings for a bounded number of them", async () => {
  const { kb } = await knowledgeBaseOver({ "a.md": "# Passwords\n\nEvery password expires after ninety days.\n" });
  const corpus = (kb as any).index.corpus;
  const similar = corpus.similar.bind(corpus);
  let lookups = 0;
  corpus.similar = (term: string, limit?: number) => (lookups++, similar(term, limit));
  const words = Array.from({ length: 100 }, (_, i) => `passw${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}rd`);
  await kb.retrieve(words.join(" "));
  assert.ok(lookups > 0 && lookups <= 64, `${lookups} lookups`);
});

test("words that differ in their number are different things, however alike they are spelled", () => {
  const fuzzy = FuzzyVocabulary.build(["raid1", "raid5", "ext3", "python3", "raid", "ipv6"]);
  assert.deepEqual(fuzzy.similar("raid6").map((s) => s.term), ["raid"], "RAID-6 is not RAID-1 or RAID-5; plain RAID still is close");
  assert.deepEqual(fuzzy.similar("ext4"), []);
  assert.deepEqual(fuzzy.similar("python2").map((s) => s.term), []);
  assert.equal(fuzzy.similar("ipv6")[0], undefined, "the word itself is not its own neighbour");
  assert.equal(wordSimilarity("raid1", "raid6"), 0);
  assert.ok(wordSimilarity("raid6", "raid") > 0.5);
});

test("a name with a single digit ('RAID-6') is one word: it finds its own passage, not its neighbour's", () => {
  assert.ok(terms("a RAID-6 array").includes("raid6"));
  assert.deepEqual(terms("RAID-6").filter((t) => t.startsWith("raid")).sort(), terms("RAID6 raid").sort(), "RAID-6, RAID6: the same word");
  const docs = [
    "RAID-5 spreads parity over all the disks of the array; one disk may fail.",
    "RAID-6 extends the scheme with two parity blocks per stripe, so two disks may fail.",
    "RAID-1 mirrors the data of the array on every disk.",
  ].map((d) => terms(d));
  const hits = Bm25Index.build(docs).search(terms("How many disks can fail in a RAID-6 array?"), 3);
  assert.equal(hits[0]!.doc, 1);
});

/** The file of the passage ranked first for a question over a folder of these files. */
async function firstSourceOver(files: Record<string, string>, question: string): Promise<string | undefined> {
  const { kb } = await knowledgeBaseOver(files);
  return (await kb.retrieve(question, 3)).results[0]?.chunk.source;
}

test("a name with a number is not matched by its name alone when the question says that too ('raid' of 'RAID-6' is no weaker 'raid6')", async () => {
  // The RAID-1 and RAID-5 passages share the question's other words ("available" of
  // "unavailable" too); only RAID-6 tells them apart, and every passage says "RAID".
  const first = await firstSourceOver(
    {
      "mirror.md": "# Mirroring\n\nIn a RAID-1 array of N disks the data stays available even when N-1 disks fail.\n",
      "parity.md": "# Parity\n\nA RAID-5 array keeps its data available when one disk fails; a second failure makes it unavailable.\n",
      "double.md": "# Double parity\n\nA RAID-6 array adds a second parity block, so two disks can fail without losing data.\n",
    },
    "How many disks can fail in a RAID-6 array before the data becomes unavailable?",
  );
  assert.equal(first, "double.md");
});

test("a question asking how long ranks the passage with such a number above one that only repeats its words; other questions do not", async () => {
  const files = {
    "queue.md": "# The upload queue\n\nEvery upload waits in the queue until a maintainer has reviewed it; the queue is published to the mirrors in the order of the uploads.\n",
    "delay.md": "# Delayed uploads\n\nAn upload in the delayed queue is published to the mirrors after 3 days.\n",
    "mirrors.md": "# Mirrors\n\nThe mirrors copy the archive every day.\n",
  };
  assert.equal(await firstSourceOver(files, "How long does an upload wait in the queue before it is published?"), "delay.md");
  assert.equal(await firstSourceOver(files, "Who does an upload wait for in the queue before it is published?"), "queue.md");
});

test("a why-question ranks the passage that gives a reason above one that only says the same words; a when-question does not", async () => {
  const files = {
    "schedule.md": "# Schedule\n\nThe nightly backup starts at 02:00. On Sundays the nightly backup stops early, and its log says so.\n",
    "disks.md": "# Disk checks\n\nOn Sundays the nightly backup stops early because the weekly disk check locks the disk.\n",
    "mail.md": "# Mail\n\nReports are mailed to the administrator every morning.\n",
  };
  assert.equal(await firstSourceOver(files, "Why does the nightly backup stop early on Sundays?"), "disks.md");
  assert.equal(await firstSourceOver(files, "When does the nightly backup stop on Sundays?"), "schedule.md");
});

test("a question whether something is so ranks the passage that says it is not above one that says the same words without a no; a where-question does not", async () => {
  const files = {
    "schedule.md": "# Schedule\n\nThe nightly backup starts at 02:00. On Sundays the nightly backup goes to the second disk, and its log says so.\n",
    "weekend.md": "# Disk checks\n\nOn Sundays the nightly backup never goes to the second disk while the disk check locks it.\n",
    "mail.md": "# Mail\n\nReports are mailed to the administrator every morning.\n",
  };
  assert.equal(await firstSourceOver(files, "Does the nightly backup go to the second disk on Sundays?"), "weekend.md");
  assert.equal(await firstSourceOver(files, "Where does the nightly backup go on Sundays?"), "schedule.md");
  // Only a no on the question's words: "This cannot be undone." beside it says nothing on changing the password.
  const wifi = {
    "wifi.md": "# Wi-Fi\n\nTo change the Wi-Fi password, open Settings and type the new one twice.\n",
    "reset.md": "# Reset\n\nEvery changed setting, the Wi-Fi password too, goes back to the factory state when you hold the reset button. This cannot be undone.\n",
    "mail.md": "# Mail\n\nReports are mailed to the administrator every morning.\n",
  };
  assert.equal(await firstSourceOver(wifi, "Can I change the Wi-Fi password?"), "wifi.md");
});

test("a number the folder never says is the asker's own: the question is answered on its other words, and one about something else, or about the numbers, is still not", async () => {
  const { kb } = await knowledgeBaseOver({
    "invoices.md": "# Invoices\n\nBy default, invoices are numbered from 1 and each new invoice takes the next number. To start the numbering elsewhere, open File → Properties, select the Counters tab and set the invoice number to one less than the first number you want.\n",
    "customers.md": "# Customers\n\nEvery customer has an address, a currency and billing terms. An invoice can be printed several times.\n",
  });
  const own = await kb.retrieve("My invoices are numbered 1, 2, 3, but I want to continue my old numbering from 5001. How do I set that up?", 3);
  assert.equal(own.answerable, true);
  assert.equal(own.results[0]?.chunk.source, "invoices.md");
  const other = await kb.retrieve("How many bones are in the human body? 206?", 3);
  assert.equal(other.answerable, false);
  assert.deepEqual(other.specificMissing, ["bones"], "what it is about is the bones, not the asker's number");
  // Numbers that are most of the question are what it asks about, not the asker's aside.
  assert.equal((await kb.retrieve("What is 17 times 23?", 3)).answerable, false);
  // So is a number after the word for its kind: an error code the folder never lists is not its own.
  const { kb: api } = await knowledgeBaseOver({
    "errors.md": "# Errors\n\n| Status | Meaning |\n| --- | --- |\n| 400 | The request is malformed |\n| 404 | The label does not exist |\n| 500 | Something went wrong on our side |\n",
    "auth.md": "# Authentication\n\nEvery request carries your secret API key. A revoked key returns an error code and no data.\n",
  });
  const teapot = await api.retrieve("What does error code 418 mean?", 3);
  assert.equal(teapot.answerable, false);
  assert.deepEqual(teapot.specificMissing, ["418"]);
  assert.equal((await api.retrieve("What does error code 404 mean?", 3)).answerable, true);
  // Right after the word only: "the status of my 2019 …" and "postal code 80331" are the asker's own.
  assert.ok(!(await api.retrieve("How do I check the status of my 2019 label?", 3)).specificMissing.includes("2019"));
  assert.ok(!(await api.retrieve("Does a revoked key return an error for postal code 80331?", 3)).specificMissing.includes("80331"));
});

test("what a contraction leaves ('doesn' of \"doesn't\") is no word: the passage on the question's subject wins, not one that says \"doesn't\"", async () => {
  assert.deepEqual(terms("Why doesn't the backup start? It isn't running."), ["backup", "start", "running"]);
  const first = await firstSourceOver(
    {
      "backup.md": "# Backup\n\nThe nightly backup does not start while the disk is full.\n",
      "printer.md": "# Printer\n\nThe printer doesn't print in colour, and it doesn't start a job on its own.\n",
      "media.md": "# Media\n\nBackup tapes are kept in the safe.\n",
    },
    "Why doesn't my backup start?",
  );
  assert.equal(first, "backup.md");
});

test("a word hyphenated to a short particle is also found written in one ('built-in', 'builtin')", () => {
  assert.ok(terms("the shell built-in").includes("builtin"));
  assert.ok(terms("E-Mail und Wi-Fi").includes("email") && terms("Wi-Fi").includes("wifi"));
  assert.ok(!terms("GPG-Schlüssel, Let's-Encrypt-Zertifikate").some((t) => t.includes("schlussel") && t !== "schlussel"), "two full words stay two");
  assert.ok(!terms("Let's-Encrypt").some((t) => t.startsWith("sencrypt") || t === "letsencrypt"));
  assert.ok(terms("add-ons, plug-ins").includes("addons") && terms("plug-ins").includes("plugins"), "a plural too");
  assert.ok(!terms("E-Mail-Adresse").includes("email"), "inside a longer chain the parts are the words");
  // Both passages have the question's other words; only "builtin" = "built-in" tells them apart.
  const docs = ["the shell manual documents each shell command.", "help documents a shell built-in command and prints its usage."].map((d) => terms(d));
  assert.equal(Bm25Index.build(docs).search(terms("Which shell builtin command documents itself?"), 2)[0]!.doc, 1, "without the joined word the first passage would win");
});

test("a lexical index updated from the previous build equals one made afresh, and analyses only the new passages", async () => {
  const { buildLexicon, passagesOf } = await import("../../src/rag/corpus.js");
  const chunk = (source: string, text: string, lang: "en" | "de" = "en") =>
    ({ id: `${source}#${text.length}`, source, collection: "main", title: source, lang, text, section: null, page: null, pageEnd: null, hash: text, start: 0, end: text.length }) as const;
  const a = chunk("a.md", "The Central Bank regulates digital assets.");
  const b = chunk("b.md", "Die Sberbank wird von Herman Gref geleitet.", "de");
  const c = chunk("c.md", "Putin met Buterin at the forum in St. Petersburg.");
  const d = chunk("d.md", "Hyperledger Fabric runs the voting platform.");
  const e = chunk("e.md", "Digitale Plattformen der Zentralbank und der Sberbank.", "de");
  const previous = passagesOf([a, b, c]);
  const next = [d, a, c, e]; // b removed, a and c moved, d and e new
  const analysed: string[] = [];
  const counting = passagesOf(next);
  const watched = { ...counting, chunk: (row: number) => (analysed.push(next[row]!.source), counting.chunk(row)) };
  const updated = buildLexicon(watched, { lexicon: buildLexicon(previous), passages: previous });
  assert.deepEqual(analysed.sort(), ["d.md", "e.md"]);
  const fresh = buildLexicon(passagesOf(next));
  assert.deepEqual(updated.bm25.toArrays(), fresh.bm25.toArrays());
  assert.deepEqual(updated.fuzzy.toArrays(), fresh.fuzzy.toArrays());
  assert.equal(updated.bm25.df("sberbank"), 1, "the removed passage's words are gone");
  assert.ok(updated.bm25.tags("sberbank") === 2 && updated.bm25.tags("bank") === 1, "each word knows the languages of the passages using it");
});

let kb: KnowledgeBase;
before(async () => {
  ({ kb } = await corpusKnowledgeBase());
});

test("hybrid results are fused, deduplicated, ranked and cut at k", async () => {
  const r = await kb.retrieve("Putin Gref Sberbank blockchain", 4);
  assert.equal(r.results.length, 4);
  assert.equal(new Set(r.results.map((x) => x.chunk.id)).size, 4);
  for (let i = 1; i < r.results.length; i++) assert.ok(r.results[i - 1]!.score >= r.results[i]!.score);
  assert.ok(r.results.some((x) => x.dense !== undefined && x.lexical !== undefined), "both lists contribute");
  assert.equal((await kb.retrieve("Putin", 2)).results.length, 2);
});

interface DevQuestion { id: string; question: string; source: string | null; expect: string | null }

test("dev questions, offline hashing: the passage is in the top 3 across languages; unanswerable ones are flagged", async () => {
  const file = path.join(PROJECT_ROOT, "data/eval/seed-questions.jsonl"); // the seed articles' questions
  const questions = (await fs.readFile(file, "utf8")).trim().split("\n").map((l) => JSON.parse(l) as DevQuestion);
  let hits = 0;
  let answerableOk = 0;
  const answerable = questions.filter((q) => q.source);
  for (const q of questions) {
    const r = await kb.retrieve(q.question, 3);
    if (!q.source) {
      assert.equal(r.answerable, false, `${q.id} "${q.question}" must come out as not answered`);
      continue;
    }
    if (r.answerable) answerableOk++;
    if (r.results.some((x) => x.chunk.source === q.source && normalizeForMatch(x.chunk.text).includes(normalizeForMatch(q.expect!)))) hits++;
  }
  // Measured: 8 of 9 (hit@3) and 7 of 9 answerable with the hashing provider; see the README. The
  // two others ask in one language about a passage in the other with no word in common (d04's
  // "shareholder voting", d09's "Wettlauf" for "race"): words alone cannot tell them from a
  // question the documents do not answer, so they abstain.
  assert.ok(hits >= 8, `hit@3 ${hits}/${answerable.length}`);
  assert.ok(answerableOk >= 7, `answerable ${answerableOk}/${answerable.length}`);
});

test("general-knowledge questions that share only everyday words with the documents are not answerable", async () => {
  // Each shares a word with the articles (a country, "bank", "meeting", "digital"), but its
  // specific words (the ones rare in its language) are nowhere in them.
  for (const q of [
    "Who discovered penicillin?",
    "Which bank sells the cheapest mortgages in Ohio?",
    "How do I prepare for a job interview meeting?",
    "Wie entferne ich Kalk aus dem Wasserkocher?",
    "Welche Bank hat die besten Zinsen für ein Tagesgeldkonto?",
  ]) {
    const r = await kb.retrieve(q);
    assert.equal(r.answerable, false, q);
    assert.ok(r.specificMissing.length > 0 || r.answerability < 0.25, q);
  }
  // A word the passages use only in a similar spelling ("later" for "water") is no evidence.
  const water = await kb.retrieve("How often should I water a cactus?");
  assert.equal(water.answerable, false);
});

test("the specific words of a question: not common in its language, the folder's own subject left out", async () => {
  const { commonWords, commonRank, specificWords } = await import("../../src/rag/general-words.js");
  const en = commonWords("en")!;
  const de = commonWords("de")!;
  assert.ok(commonRank("water", en)! < commonRank("penicillin", en)! || commonRank("penicillin", en) === undefined);
  assert.equal(commonRank("pulls", en), commonRank("pull", en), "a simple inflection of a common word is common");
  assert.deepEqual(specificWords(terms("Who discovered penicillin?"), en, () => false), ["penicillin"]);
  assert.deepEqual(specificWords(terms("How do I install the dpkg tool on Debian?"), en, (t) => t === "debian"), ["dpkg"]);
  // All common: the least common one says most.
  assert.deepEqual(specificWords(terms("How far away is the earth?"), en, () => false), ["earth"]);
  // However long: a long question of everyday words held to its rarest third let general
  // questions through on a word or two any manual says ("… start running in the park every morning …").
  assert.deepEqual(specificWords(terms("I want to start running in the park every morning before work. How far should I go in the first week?"), en, () => false).length, 1);
  assert.deepEqual(specificWords(terms("Wo liegt der Bodensee?"), de, () => false), ["bodensee"]);
  assert.equal(commonWords("other"), undefined, "no list: no rule");
});

test("a verb that only frames the question ('what happens to …') is never taken for its topic, and the question is answered", async () => {
  const { commonWords, framesQuestion, specificWords } = await import("../../src/rag/general-words.js");
  const en = commonWords("en")!;
  assert.deepEqual(specificWords(terms("What happens to the password?"), en, () => false, (t) => framesQuestion(t, "en")), ["password"]);
  assert.deepEqual(specificWords(terms("Was passiert mit dem Passwort?"), commonWords("de")!, () => false, (t) => framesQuestion(t, "de")), ["passwort"]);
  // "How am I supposed to …?" asks how, as "How do I …?" does.
  assert.deepEqual(specificWords(terms("How am I supposed to pay the rent?"), en, () => false, (t) => framesQuestion(t, "en")), ["rent"]);
  // By the verb's own endings: a noun made from it is the topic ("shower", "worker", "Geber").
  assert.deepEqual(["happened", "meant", "shower", "worker"].map((w) => framesQuestion(w, "en")), [true, true, false, false]);
  assert.deepEqual(["bedeutet", "geber"].map((w) => framesQuestion(w, "de")), [true, false]);
  // An infinitive with its pronoun attached ("farne", "hacerlo") is the verb.
  assert.deepEqual(["farne", "dirmi", "fattore"].map((w) => framesQuestion(w, "it")), [true, true, false]);
  assert.deepEqual(["hacerlo", "decirme"].map((w) => framesQuestion(w, "es")), [true, true]);
  const { questionAnswererOver } = await import("../helpers/kb.js");
  const { qa } = await questionAnswererOver({
    "router.md":
      "# Router manual\n\n## Resetting the router\n\nTo reset the router, press and hold the reset button for ten seconds. All settings, including the Wi-Fi password, are erased.\n\n## Firmware\n\nThe router checks for new firmware every night.\n",
    "hr.txt": "Vacation policy\n\nEvery employee gets 28 days of paid vacation per year.\n",
  });
  const answer = await qa.ask("What happens to the password?");
  assert.equal(answer.abstained, false, answer.text);
  assert.match(answer.citations[0]!.quote, /password, are erased/);
  // A general question of everyday words is still not answered from these passages.
  assert.equal((await qa.ask("What happens to the ice?")).abstained, true);
});

test("a pronoun ('myself') or what a contraction leaves ('I've' -> 've') is never a question's topic: a question whose other words the folder says is answered", async () => {
  const { commonWords, framesQuestion, specificWords } = await import("../../src/rag/general-words.js");
  const en = commonWords("en")!;
  // Every word common: "myself" is the rarest in film subtitles, "build" the topic.
  assert.deepEqual(specificWords(terms("What version of Go do I need to build it myself?"), en, () => false, (t) => framesQuestion(t, "en")), ["build"]);
  assert.ok(!terms("I've been here for years, we'll see, you're right").some((t) => ["ve", "ll", "re"].includes(t)));
  const { questionAnswererOver } = await import("../helpers/kb.js");
  const { qa } = await questionAnswererOver({
    "install.md": "# Installing\n\n## Building from source\n\nBuilding the tool requires Go 1.22 or newer. Run make to build it.\n\n## Packages\n\nPackages for Debian and Fedora are published with every release.\n",
    "leave.md": "# Sick pay\n\nThe company pays full salary for 20 days of sickness a year once you have worked here for two years.\n",
  });
  for (const [question, quoted] of [
    ["What version of Go do I need to build it myself?", /Go 1\.22/],
    ["I've been here 3 years - how many days of sick pay do I get?", /20 days of sickness/],
  ] as const) {
    const answer = await qa.ask(question);
    assert.equal(answer.abstained, false, `${question}: ${answer.text}`);
    assert.match(answer.citations.map((c) => c.quote).join(" "), quoted, question);
  }
  // Questions about nothing the folder says are still not answered.
  assert.equal((await qa.ask("How do I teach myself to juggle?")).abstained, true);
});

test("a general question that shares a word or two with a small folder's passage, short of the lexical bar, is not answered however close that passage comes", async () => {
  // Nothing in the folder says who regulates exchanges in the EU; its nearest passage is about
  // Russian regulators (ratio to the answer bar 2.5, coverage 0.15 of 0.25).
  const r = await kb.retrieve("Who regulates cryptocurrency exchanges in the European Union?");
  assert.equal(r.answerable, false, `coverage ${r.answerability}, nearest ${r.denseTop} vs bar ${r.denseAnswerBar}`);
});

test("a question with nothing in common with the documents is not answerable", async () => {
  for (const q of ["What is the population of Brazil?", "Recipe for apple pie", "🙂🙂🙂", ""]) {
    const r = await kb.retrieve(q);
    assert.equal(r.answerable, false, q);
  }
});

test("a question no closer to its nearest passage than most random everyday questions are is not answered; the bars are the folder's own, stored with the build", async () => {
  const { randomQuestions } = await import("../../src/rag/calibration.js");
  const { HybridRetriever } = await import("../../src/rag/retrieve.js");
  const calibration = kb.index.manifest.calibration!;
  assert.ok(calibration, "a build stores its calibration");
  for (const lang of ["en", "de"] as const) {
    const [chance, answer] = [calibration.denseMedian[lang]!, calibration.denseAnswer[lang]!];
    assert.ok(chance > 0 && chance <= answer && answer < 1, `${lang}: ${chance} ${answer}`);
  }
  assert.deepEqual(randomQuestions("en", 3), randomQuestions("en", 3), "the same random questions at every build");
  assert.deepEqual(randomQuestions("other"), [], "no list of common words: no bar");

  const question = "Who leads Sberbank?";
  const asked = await kb.retrieve(question);
  assert.equal(asked.answerable, true);
  assert.equal(asked.denseChance, calibration.denseMedian.en, "held to the folder's bars for its language");
  assert.equal(asked.denseAnswerBar, calibration.denseAnswer.en);
  const embeddings = kb.embeddings.embeddings;
  const withBars = (chance: number, answer: number, lang: "en" | "de" = "en") =>
    new HybridRetriever(kb.index.store, embeddings, kb.index.corpus, {
      k: 5,
      answerableThreshold: 0.25,
      calibration: { ...calibration, denseMedian: { [lang]: chance }, denseAnswer: { [lang]: answer } },
    });
  // The same words matched, but a folder where most random questions come closer than this one does.
  const top = asked.denseTop;
  const between = await withBars(top - 0.01, top + 0.01).retrieve(question);
  assert.equal(between.answerable, false);
  assert.equal(between.nearMiss, true, "closer than half of them: the closest passages are offered as such");
  assert.equal(between.answerability, asked.answerability, "its words are matched as before");
  const below = await withBars(top + 0.01, top + 0.02).retrieve(question);
  assert.equal(below.answerable, false);
  assert.equal(below.nearMiss, false, "not closer than half of them: the closest passages are no help");
  assert.equal((await withBars(top - 0.02, top - 0.01).retrieve(question)).answerable, true);
  // Unless one passage says every word of it: a short question comes no closer to a long passage
  // that says its words among many others (a table of dates for "When is HW4 due?").
  const allSaid = "When did Putin have a meeting with Gref?";
  const full = await kb.retrieve(allSaid);
  assert.ok(full.answerability >= 0.9, String(full.answerability));
  assert.equal((await withBars(full.denseTop - 0.01, full.denseTop + 0.01).retrieve(allSaid)).answerable, true);
  // A question nearest to a passage in another language shares little more than names with it: it
  // is held to the median of its own language's random questions only.
  const german = "Wer leitet die Sberbank?";
  const crossing = await kb.retrieve(german);
  assert.equal(crossing.results[0]!.chunk.lang, "en");
  const t = crossing.denseTop;
  assert.equal((await withBars(t - 0.01, t + 0.01, "de").retrieve(german)).answerable, true);
  assert.equal((await withBars(t + 0.01, t + 0.02, "de").retrieve(german)).answerable, false);
});

test("over a folder in French and Spanish, general questions in those languages are not answered and questions about it are; the build is calibrated in its languages", async () => {
  const { kb: romance } = await knowledgeBaseOver({
    "sauvegarde.md":
      "# Sauvegarde des données\n\nL'outil rsnapshot copie chaque nuit le répertoire personnel des utilisateurs vers le disque externe. " +
      "Les copies quotidiennes sont conservées sept jours, puis remplacées par une copie hebdomadaire.\n\n" +
      "# Restauration\n\nPour restaurer un fichier effacé, copiez-le depuis le dossier daily.0 du disque externe vers son emplacement d'origine.\n",
    "copias.md":
      "# Copias de seguridad\n\nLa herramienta rsnapshot copia cada noche el directorio personal de los usuarios al disco externo. " +
      "Las copias diarias se guardan siete días y luego se sustituyen por una copia semanal.\n\n" +
      "# Recuperación\n\nPara recuperar un archivo borrado, cópielo desde la carpeta daily.0 del disco externo a su lugar de origen.\n",
  });
  const calibration = romance.index.manifest.calibration!;
  assert.deepEqual(Object.keys(calibration.denseAnswer).sort(), ["de", "en", "es", "fr"], "English and German, and the folder's own languages");
  for (const q of ["Combien de jours les copies quotidiennes sont-elles conservées ?", "¿Cuántos días se guardan las copias diarias?", "Comment restaurer un fichier effacé ?", "¿Cómo recupero un archivo borrado?"]) {
    const r = await romance.retrieve(q, 3);
    assert.equal(r.answerable, true, q);
  }
  // Each shares everyday words with the passages ("origine", "copias", "disco"), enough for its
  // coverage, but the word that says what it is about is not among its language's everyday words,
  // and the folder never says it.
  for (const q of [
    "Où se trouve l'origine du Nil ?",
    "Combien de copies de la Joconde existe-t-il dans le monde ?",
    "Qui a peint la Joconde ?",
    "¿Cuántas copias vendió el disco de Shakira?",
    "¿Dónde está el origen del río Amazonas?",
    "¿Cómo se prepara una paella valenciana?",
  ]) {
    const r = await romance.retrieve(q, 3);
    assert.equal(r.answerable, false, q);
    assert.ok(r.specificMissing.length > 0 || r.answerability < 0.25, q);
  }
  // Without the rules English and German have for them, a question's verb in another form than
  // the folder's ("arrive" / "efface", "změním" / "změnit") or framing it ("Qu'arrive-t-il …?") is
  // not the word it is about.
  const { kb: czech } = await knowledgeBaseOver({
    "heslo.md": "# Heslo\n\nUživatel může změnit své heslo příkazem passwd. Nové heslo musí mít alespoň osm znaků a nesmí obsahovat jméno uživatele.\n",
    "disque.md": "# Disque\n\nQuand le disque externe est plein, rsnapshot efface les copies les plus anciennes pour faire de la place.\n",
  });
  for (const q of ["Jak změním heslo?", "Jak si změním své heslo?", "Qu'arrive-t-il quand le disque est plein ?"]) assert.equal((await czech.retrieve(q, 3)).answerable, true, q);
  assert.equal((await czech.retrieve("Kdo namaloval Monu Lisu?", 3)).answerable, false);
});

test("a joined spelling the folder never uses ('e-mail' -> 'email') is not a word the question misses", async () => {
  const plain = await kb.retrieve("Who leads Sberbank? Send the answer by mail.");
  const hyphenated = await kb.retrieve("Who leads Sberbank? Send the answer by e-mail.");
  assert.ok(!hyphenated.termWeights.has("email") && !hyphenated.specificMissing.includes("email"));
  assert.equal(hyphenated.answerability, plain.answerability, "judged on its parts, as if written apart");
  assert.equal(hyphenated.answerable, plain.answerable);
});

test("an everyday word the folder never says weighs half a rare word; said in another form, or beside a rare word the folder lacks, it weighs in full", async () => {
  const plain = await kb.retrieve("Who leads Sberbank?");
  const elsewhere = await kb.retrieve("Who leads Sberbank's Kubernetes cluster?");
  const rare = elsewhere.termWeights.get("kubernetes")!;
  assert.equal(plain.termWeights.get("leads"), rare / 2, "'leads' is how the asker put it; the folder says 'the leader of'");
  assert.ok(plain.answerable);
  assert.equal(elsewhere.termWeights.get("leads"), rare, "with a word the folder lacks, the question is about something else");
  assert.equal(elsewhere.termWeights.get("cluster"), rare);
  assert.equal(elsewhere.answerable, false);
  const inflected = await kb.retrieve("Who meets Putin?");
  assert.equal(inflected.termWeights.get("meets"), rare, "the folder says 'meet'");
});

test("the score board returns the best documents in order, ties by document order", async () => {
  const { ScoreBoard } = await import("../../src/rag/bm25.js");
  const board = new ScoreBoard(10);
  for (const [doc, v] of [[3, 1], [7, 5], [1, 5], [9, 2], [3, 3], [0, 0.5]] as const) board.add(doc, v);
  assert.deepEqual(board.top(3), [{ doc: 1, score: 5 }, { doc: 7, score: 5 }, { doc: 3, score: 4 }]);
  assert.equal(board.top(10).length, 5);
});

test("a question naming something the documents never name is not answerable, however much else it shares", async () => {
  const plain = await kb.retrieve("What did Gref say about Sberbank and blockchain?");
  assert.equal(plain.answerable, true);
  for (const [q, name] of [
    ["What did Gref say about Sberbank and WireGuard?", "WireGuard"],
    ["Did Sberbank adopt TOTP for its blockchain?", "TOTP"],
    ["Where is the blockchain.yml file of Sberbank?", "blockchain.yml"],
    // A longer name that ends in a word the documents use is another name ("ModSecurity" is not "security").
    ["What did Gref say about Sberbank and HyperBlockchain?", "HyperBlockchain"],
  ] as const) {
    const r = await kb.retrieve(q);
    assert.deepEqual(r.unknownNames, [name], q);
    assert.equal(r.answerable, false, q);
  }
  // An acronym people say every day is a word of the language, not a name; only as written ("LUKS" is no plural of "Luke").
  assert.deepEqual((await kb.retrieve("What did Gref say about Sberbank on TV?")).unknownNames, []);
  assert.deepEqual((await kb.retrieve("What did Gref say about Sberbank and LUKS?")).unknownNames, ["LUKS"]);
  // …and among the language's most common words: the list's rarer acronyms name things ("PHP", "XBOX").
  assert.deepEqual((await kb.retrieve("What did Gref say about Sberbank and PHP?")).unknownNames, ["PHP"]);
  // …or in the list and a word of the dictionary ("RAM").
  assert.deepEqual((await kb.retrieve("Did Sberbank's blockchain platform need more RAM?")).unknownNames, []);
  // …or a word the dictionary leaves out as an abbreviation although everyone writes it so ("OK").
  assert.deepEqual((await kb.retrieve("Is it OK to say that Gref praised the blockchain?")).unknownNames, []);
  // What the asker gives as an example is theirs, as a number is: "like 3.12.0rc2", "z. B. HyperBlockchain".
  for (const q of ["Did Gref name a version of the blockchain platform, like 3.12.0rc2?", "Hat Gref eine Blockchain-Plattform wie HyperBlockchain erwähnt?", "Which platform did Sberbank choose for its blockchain, e.g. HyperBlockchain?"]) {
    assert.deepEqual((await kb.retrieve(q)).unknownNames, [], q);
  }
  assert.deepEqual((await kb.retrieve("Did Gref name the version 3.12.0rc2 of the blockchain platform?")).unknownNames, ["3.12.0rc2"], "not given as an example");
  // Names the documents use, in any case or spelling close to theirs, are fine.
  assert.deepEqual((await kb.retrieve("Did the SBERBANK talk to Putin?")).unknownNames, []);
  assert.deepEqual((await kb.retrieve("What did Gref say about SberBanks?")).unknownNames, []);
});

test("a passage only the lexical list found (its long text far from the question by embeddings) still ranks by what it says, not below everything both lists found", async () => {
  const files: Record<string, string> = {};
  // Thirty short passages share the question's compound's parts ("Kapitel", "Überschrift") and are close by embeddings.
  for (let i = 0; i < 30; i++) files[`kap${i}.md`] = `# Kapitel ${i}\n\nDie Überschrift von Kapitel ${i} setzt der Befehl section; jede Überschrift erscheint im Inhaltsverzeichnis.\n`;
  // The answer says the question's rare word, at the end of a long passage about something else.
  const filler = Array.from({ length: 40 }, (_, i) => `Absatz ${i}: Zeilen werden genau so ausgedruckt, wie sie eingegeben wurden, mit allen Leerzeichen und Zeilenwechseln, ohne Interpretation von Sonderzeichen.`).join(" ");
  files["verbatim.md"] = `# Direkte Ausgabe\n\n${filler} Der Befehl frobverb darf nicht innerhalb von Parametern anderer Befehle verwendet werden.\n`;
  const { kb: latex } = await knowledgeBaseOver(files);
  const r = await latex.retrieve("Kann ich frobverb in einer Kapitelüberschrift verwenden?", 3);
  assert.equal(r.results[0]!.chunk.source, "verbatim.md");
  assert.equal(r.results[0]!.dense, undefined, "the embeddings did not find it");
  assert.equal(r.answerable, true);
});

test("a question most of whose specific words the folder never says is about something else; half of them, or compounds whose parts it says, are fine", async () => {
  const { kb: packaging } = await knowledgeBaseOver({
    "packaging.md":
      "# Dependencies\n\nThe build dependencies of a package are listed in its control file. The frobdeps tool checks that every dependency is declared before the package is uploaded, and lists the programs it found missing. Each block of the control file may list several packages.\n",
    "platten.md":
      "# Platten\n\nDas Programm fdisk zeigt die Tabelle jeder Partition einer Festplatte an, und auch die Belegung jeder Partition. Mit fdisk -l sehen Sie alle Festplatten auf einmal.\n",
  });
  // Rust, crates and vendoring are not the folder's subject: it shares only "dependencies" with the question.
  const rust = await packaging.retrieve("Which tool should I use to package Rust crates, and how do I handle vendored dependencies?");
  assert.ok(rust.specificMissing.includes("rust") && !rust.specificMissing.includes("dependencies"), rust.specificMissing.join(", "));
  assert.equal(rust.answerable, false);
  // One of two: the folder may still answer it.
  const programs = await packaging.retrieve("Does frobdeps check the dependencies of Rust programs?");
  assert.deepEqual(programs.specificMissing, []);
  assert.equal(programs.answerable, true);
  // German compounds the folder writes apart ("Tabelle jeder Partition", "Belegung … Festplatte") count as said.
  const platten = await packaging.retrieve("Zeigt fdisk die Partitionstabelle und die Festplattenbelegung an?");
  assert.deepEqual(platten.specificMissing, []);
  assert.equal(platten.answerable, true);
  // …also alone; an English word is no compound of the folder's words ("block" + "list").
  assert.equal((await packaging.retrieve("Wie zeige ich die Partitionstabelle an?")).answerable, true);
  const blocklist = await packaging.retrieve("Does frobdeps know my blocklist and the zorblang registry?");
  assert.ok(blocklist.specificMissing.includes("blocklist"), blocklist.specificMissing.join(", "));
  // Names of the asker's own setup beside the folder's subject: not answered, but the closest passages are offered.
  const setup = await packaging.retrieve("On my Hetzner box with Proxmox, what does frobdeps check?");
  assert.deepEqual([...setup.specificMissing].sort(), ["hetzner", "proxmox"]);
  assert.equal(setup.answerable, false);
  assert.equal(setup.nearMiss, true);
  assert.equal(setup.results[0]!.chunk.source, "packaging.md");
});

test("a how-question whose action the folder never says, in any form, is not answered from a passage that names its subject in passing; one the folder says is", async () => {
  const { kb } = await knowledgeBaseOver({
    "notes.md":
      "# Office notes\n\n## Kitchen\n\nThe kitchen is cleaned every Friday. Please label your food in the fridge.\n\n## Misc\n\nOur neighbours run a Kubernetes training next door, which is sometimes noisy.\n",
    "cluster.md": "# Cluster\n\nThe staging cluster is restarted on Sundays. Ask the operations team before you scale it up.\n",
    "farm.md": "# Build farm\n\nA rebuild of the staging cluster waits in the queue of the build farm until a builder is free. To cancel a rebuild that waits, run farmctl cancel with its number.\n",
  });
  const deploy = await kb.retrieve("How do I deploy an app on Kubernetes?");
  assert.deepEqual(deploy.specificMissing, ["deploy"]);
  assert.equal(deploy.answerable, false);
  // The folder says the action (inflected): the question is about it.
  const scale = await kb.retrieve("How do I scale the staging cluster?");
  assert.deepEqual(scale.specificMissing, []);
  assert.equal(scale.answerable, true);
  const restart = await kb.retrieve("When is the staging cluster restarted?");
  assert.equal(restart.answerable, true);
  // A question plainly about the folder may name the action in its own words ("withdraw" for "cancel").
  const withdraw = await kb.retrieve("I put a rebuild of the staging cluster into the build farm's queue and changed my mind. How do I withdraw it?");
  assert.deepEqual(withdraw.specificMissing, []);
  assert.equal(withdraw.answerable, true);
});

test("a question about a name the folder says that asks of it what the folder never says ('the capital of North Carolina', 'the weather in Valencia') is not answered; one that asks what the folder says of the name is", async () => {
  const { kb } = await knowledgeBaseOver({
    "bylaws.md":
      "# Bylaws of the Cedar Hollow Association\n\nThe Association is a nonprofit corporation organized under the laws of the State of North Carolina. Its office is in Valencia Street 4, Raleigh.\n\n## Flags\n\nThe North Carolina flag and the U.S. flag may be displayed at any time.\n",
    "fees.md": "# Fees\n\nThe monthly assessment for a townhome at Cedar Hollow is $410. Late payments cost a fee of $25. Dana Whitfield is president of Cedar Hollow.\n",
  });
  for (const question of ["What's the capital of North Carolina?", "What's the weather like in Valencia in August?"]) {
    const answer = await kb.retrieve(question);
    assert.equal(answer.answerable, false, question);
    assert.ok(answer.specificMissing.length > 0, question);
  }
  // (A verb the folder does not say is the asker's own word for what it says: "heads". So is a
  // thing it asks of a name the folder's headings give, what the folder is about: "address".)
  for (const question of ["May I display the North Carolina flag?", "What is the assessment for a townhome at Cedar Hollow?", "Where is the office of Cedar Hollow?", "Who heads Cedar Hollow?", "What is the address of Cedar Hollow?"]) {
    assert.equal((await kb.retrieve(question)).answerable, true, question);
  }
});

test("a question plainly about the folder may lack one ordinary word ('clash'); a general one that lacks one is still not answered", async () => {
  // A logging library's manual: every page says "logger", which English says far less often.
  const options = ["level", "name", "timestamp", "redact", "serializers", "hooks", "formatters", "mixin", "base", "enabled", "transport", "destination", "depthLimit", "edgeLimit", "messageKey", "errorKey", "customLevels", "browser", "safe", "onChild", "msgPrefix", "crlf"];
  const files: Record<string, string> = Object.fromEntries(
    options.map((o, i) => [`${o}.md`, `# ${o}\n\nThe ${o} option of the logger changes how the logger writes its lines (${i + 1}). Set it when you create the logger, or on a child logger.\n`]),
  );
  files["nested.md"] =
    "# nestedKey\n\nThe nestedKey option of the logger puts every object you log under one property of its own, so that the object's keys never overwrite the logger's level and time fields.\n";
  const { kb } = await knowledgeBaseOver(files);
  const clash = await kb.retrieve("The objects I log have level and time keys that clash with the logger's own fields. Can they go under one separate property?", 3);
  assert.deepEqual(clash.specificMissing, [], "'clash' is how the asker puts it");
  assert.equal(clash.answerable, true);
  assert.equal(clash.results[0]?.chunk.source, "nested.md");
  // Without a word of the folder's own, one ordinary word it lacks is what the question is about.
  const cold = await kb.retrieve("What are the symptoms of the common cold?", 3);
  assert.deepEqual(cold.specificMissing, ["symptoms"]);
  assert.equal(cold.answerable, false);
  // Nor when the word it lacks is the action it asks for.
  const encrypt = await kb.retrieve("How do I encrypt the objects the logger writes, keeping their level and time fields under one separate property?", 3);
  assert.deepEqual(encrypt.specificMissing, ["encrypt"]);
  assert.equal(encrypt.answerable, false);
  // Nor with the folder's word in another sense and little else of the folder.
  for (const q of ["What is the best logger for firewood?", "How much does a professional logger earn per year?"]) {
    const r = await kb.retrieve(q, 3);
    assert.equal(r.answerable, false, q);
    assert.equal(r.specificMissing.length, 1, q);
  }
});

test("a name joined to a word by a hyphen ('Node.js-Version') is known when the folder says the name and the word", async () => {
  const { kb } = await knowledgeBaseOver({
    "node.md": "# Node.js\n\nType stripping is on by default from Node.js version 23.6: a transport written in TypeScript loads without a flag.\n",
  });
  const known = await kb.retrieve("Ab welcher Node.js-Version lädt ein in TypeScript geschriebener Transport ohne Flag?", 3);
  assert.deepEqual(known.unknownNames, []);
  assert.equal(known.answerable, true);
  assert.deepEqual((await kb.retrieve("Ab welcher Deno.js-Version lädt ein in TypeScript geschriebener Transport ohne Flag?", 3)).unknownNames, ["Deno.js-Version"]);
});

test("an acronym is spelled out by the first letters of a run of words set apart as a name, small linking words left out, never begun with one", () => {
  assert.ok(spellsOut("FIFO", "the first element added is the first element retrieved (“first-in, first-out”)"));
  assert.ok(spellsOut("GIL", "global interpreter lock\nThe mechanism used by CPython to assure that only one thread runs at a time."));
  assert.ok(spellsOut("EAFP", "EAFP\nEasier to ask for forgiveness than permission. This common coding style assumes …"));
  assert.ok(spellsOut("LTS", "Debian Long Term Support (LTS) extends the life of a release."));
  assert.ok(!spellsOut("LAW", "Let's assume we want to add a module."), "first letters in running prose are chance");
  assert.ok(!spellsOut("AWS", "Apache is a web server."), "a linking word gives no first letter");
  assert.ok(!spellsOut("FIFO", "The FIFO is a queue."), "the acronym is no spelling of itself");
  assert.ok(!spellsOut("GIL", "global locks and interpreters"), "the words in a run, in order");
  assert.ok(isAcronym("FIFO") && !isAcronym("OK") && !isAcronym("Fifo") && !isAcronym("ABCDEFG"));
});

test("a planted run of linking words that could each give a letter is read once, not along every path through it", { timeout: 20_000 }, () => {
  // Leaving out any number of links, unremembered, "XAAAAB" over 2,000 "and"s is C(2000, 4) paths:
  // at most two are left out in a row, and each place is worked out once.
  assert.equal(spellsOut("XAAAAB", `x ${"and ".repeat(1990)}`), false);
  assert.equal(spellsOut("XAAAAB", `x ${"and ".repeat(1990)}bell`), false, "nor does an expansion leave out more than two linking words in a row");
  assert.equal(spellsOut("XAAAAB", `x ${"and ".repeat(4)}bell`), true);
});

test("an acronym the folder spells out is no unknown name; one it never spells out still is, and so is a version it never says", async () => {
  const { kb } = await knowledgeBaseOver({
    "queues.md": "# Using lists as queues\n\nA queue takes its elements in order (“first-in, first-out”): the first element added is the first retrieved. Popping from the front of a list is slow, because every other element has to move by one; collections.deque pops from both ends fast.\n",
    "versions.md": "# Version numbers\n\nA release candidate has the suffix rc and a number after its version: it may still change before the final release.\n",
  });
  const fifo = await kb.retrieve("I use a list as a FIFO and pop from the front a lot. Why is it slow?", 3);
  assert.deepEqual(fifo.unknownNames, []);
  assert.deepEqual(fifo.specificMissing, []);
  assert.equal(fifo.answerable, true);
  assert.equal(fifo.results[0]?.chunk.source, "queues.md");
  // A version is what the question is about ("Does Python 3.15.0a2 remove the GIL?"), not the asker's aside…
  assert.deepEqual((await kb.retrieve("What does the rc suffix in version 3.12.0rc2 mean?", 3)).unknownNames, ["3.12.0rc2"]);
  // …unless the asker gives it as an example of what the question asks about.
  assert.deepEqual((await kb.retrieve("What does the rc suffix in a version like 3.12.0rc2 mean?", 3)).unknownNames, []);
  assert.deepEqual((await kb.retrieve("Is a LIFO queue slow when I pop from the front?", 3)).unknownNames, ["LIFO"]);
});

test("a name an English question capitalises is said only as written, inflected or as the start of a longer name: a close spelling is another thing", async () => {
  const { kb } = await knowledgeBaseOver({
    "bots.md":
      "# Bots\n\n## Middleware\n\nA Telegram bot built with this framework runs middleware on every update: add middleware with bot.use, and each one calls next to pass the update on.\n\n" +
      "## Settings\n\nOn macOS the preferences are stored in a property list; change them with the defaults command while the bot is stopped.\n\n" +
      "## Storage\n\nThe bot keeps its sessions in PostgreSQL, in a table of its own.\n",
  });
  // "Telegraf" is spelled like "Telegram", but is another framework: the closest passages are offered, not quoted as the answer.
  const other = await kb.retrieve("How do I add middleware to a Telegraf bot?");
  assert.equal(other.answerable, false);
  assert.equal(other.nearMiss, true);
  // "Postgres" is the start of "PostgreSQL" (and spelled like it), "Mac" of "macOS"; "Telegram" is said as written.
  assert.equal((await kb.retrieve("Does the bot keep its sessions in Postgres?")).answerable, true);
  assert.equal((await kb.retrieve("On a Mac, how do I change the stored preferences while the bot is stopped?")).answerable, true);
  assert.equal((await kb.retrieve("How do I add middleware to a Telegram bot?")).answerable, true);
});

test("a German word the folder says only as the last part of its compounds is said, and finds them", async () => {
  const { kb: billing } = await knowledgeBaseOver({
    "rechnungen.md": "# Rechnungen\n\nDie Zahlungsfrist einer Rechnung steht in den Zahlungsbedingungen. Wer innerhalb der Zahlungsfrist zahlt, erhält keinen Nachlass.\n",
    "konten.md": "# Konten\n\nJedes Konto hat einen Kontotyp. Ein Unterkonto erbt den Typ seines Elternkontos, und der Saldo eines Kontos erscheint im Kontenbaum.\n",
  });
  // "Frist" alone is nowhere in the folder; "Zahlungsfrist" is a kind of it.
  const frist = await billing.retrieve("Bis wann gilt die Frist?");
  assert.deepEqual(frist.specificMissing, []);
  assert.equal(frist.answerable, true);
  assert.equal(frist.results[0]!.chunk.source, "rechnungen.md");
  // Said alone elsewhere, a specific word's compounds still count in ranking.
  const { kb: archive } = await knowledgeBaseOver({
    "kalender.md": "# Kalender\n\nDas Programm zeigt jede Frist im Kalender an.\n",
    "rechnung.md": "# Rechnungen\n\nDas Programm berechnet jede Zahlungsfrist aus den Bedingungen.\n",
    "zinsen.md": "# Zinsen\n\nDas Programm berechnet die Zinsen jeden Monat.\n",
    "lintian.md": "# Prüfen\n\nDas Programm lintian prüft das Paket.\n",
    "backup.md": "# Sichern\n\nEin Skript sichert die Daten jede Nacht auf ein Band.\n",
    "mail.md": "# Post\n\nDie Bestätigung kommt per Mail an die Adresse des Betreuers.\n",
    "keys.md": "# Schlüssel\n\nJeder Betreuer signiert mit seinem eigenen Schlüssel.\n",
    "bugs.md": "# Fehler\n\nFehlerberichte gehen an die Datenbank der Fehler.\n",
    "docs.md": "# Handbuch\n\nDas Handbuch beschreibt jede Richtlinie im Einzelnen.\n",
  });
  const frist2 = await archive.retrieve("Welches Programm berechnet die Frist?");
  assert.equal(frist2.results[0]!.chunk.source, "rechnung.md");
  // An everyday word's compounds do not: "Name" is not "Dateiname".
  const { kb: files } = await knowledgeBaseOver({
    "namen.md": "# Namen\n\nDer Name des Pakets steht in der ersten Zeile. Jeder Dateiname ist klein geschrieben, jeder Paketname auch.\n",
    "pfade.md": "# Pfade\n\nDer Dateiname eines Pakets endet auf .deb; der Dateiname enthält die Version.\n",
  });
  const name = await files.retrieve("Wie lautet der Name?");
  assert.ok(!(name.expansions.get("name") ?? []).some((e) => e.term.endsWith("name") && e.term !== "name"), JSON.stringify(name.expansions.get("name")));
});

test("a short word the folder writes as two everyday words ('weekday', 'day of the week') finds the passage that writes them", async () => {
  const { kb } = await knowledgeBaseOver({
    "calendar.md": "# Calendar\n\nThe calendar chart shows your spending by the day of the week.\n",
    "budget.md": "# Budget chart\n\nThe budget chart shows your spending by month and by account.\n",
    "summary.md": "# Summary chart\n\nThe summary chart shows your spending for the year.\n",
  });
  const r = await kb.retrieve("Which chart shows my spending by weekday?");
  assert.deepEqual([...new Set((r.expansions.get("weekday") ?? []).map((e) => e.term))].filter((t) => t === "week" || t === "day").sort(), ["day", "week"]);
  assert.equal(r.results[0]!.chunk.source, "calendar.md");
  // A word ending is no second word: "message" is not "mess" + "age".
  const { kb: office } = await knowledgeBaseOver({ "office.md": "# Office\n\nThe kitchen is a mess at the age of the building.\n" });
  const m = await office.retrieve("Where do I leave a message?");
  assert.ok(!(m.expansions.get("message") ?? []).some((e) => e.term === "age"), JSON.stringify(m.expansions.get("message")));
  // Nor is an everyday word of its own two short ones: a question about a guitar shares nothing
  // with a passage on the GUI of tar.
  const { kb: archives } = await knowledgeBaseOver({ "archive.md": "# Archives\n\nUnpack the tar archive with the GUI tool, or run tar from a terminal. The GUI lists every file of the tar archive.\n" });
  const g = await archives.retrieve("How do I tune my guitar?");
  assert.deepEqual(g.expansions.get("guitar") ?? [], []);
  assert.equal(g.answerability, 0);
});

test("a short word the folder writes apart in the plural ('backyard', 'back yards') is said; its two words far apart are not", async () => {
  const { kb } = await knowledgeBaseOver({
    "fences.md": "# Fences\n\nFences may be no more than 6 feet tall in back yards and 4 feet tall in side yards.\n",
    "sheds.md": "# Sheds\n\nA garden shed needs approval when it is taller than 8 feet.\n",
    "pools.md": "# Pools\n\nPools are open from May to September.\n",
  });
  const r = await kb.retrieve("How tall can my backyard fence be?");
  assert.deepEqual(r.specificMissing, []);
  assert.equal(r.results[0]!.chunk.source, "fences.md");
  const { kb: apart } = await knowledgeBaseOver({
    "fences.md": "# Fences\n\nFences may be no more than 6 feet tall. Put the gate at the back. Three yards of mesh cover a small garden.\n",
    "pools.md": "# Pools\n\nPools are open from May to September.\n",
  });
  assert.deepEqual((await apart.retrieve("How tall can my backyard fence be?")).specificMissing, ["backyard"]);
  // A plural only as a noun, after a preposition or determiner: "hand shakes" is a verb's.
  const { kb: ward } = await knowledgeBaseOver({
    "care.md": "# Care\n\nIf the patient's hand shakes while holding a cup, offer a cup with a lid. Greet the patient by name.\n",
    "visits.md": "# Visits\n\nVisiting hours are from two to six in the afternoon.\n",
  });
  assert.deepEqual((await ward.retrieve("Is a handshake required when greeting the patient?")).specificMissing, ["handshake"]);
});

test("a German verb the folder says without its separable prefix ('ausspülen', 'spülen') is said; an everyday one ('Einkommen', 'kommen') is not", async () => {
  const { kb } = await knowledgeBaseOver({
    "notfall.md": "# Notfälle\n\nBei Spritzern ins Auge die Augen mindestens 15 Minuten mit Wasser spülen. Danach den Betriebsarzt rufen.\n",
    "abfall.md": "# Abfall\n\nLösungsmittel kommen in den roten Kanister im Abzug.\n",
  });
  const r = await kb.retrieve("Wie lange muss man ausspülen?");
  assert.deepEqual(r.specificMissing, []);
  assert.equal(r.results[0]!.chunk.source, "notfall.md");
  assert.deepEqual((await kb.retrieve("Wie hoch ist das Einkommen?")).specificMissing, ["einkommen"]);
  // Nor a noun the question capitalises: "Einnahmen" is no "nahmen".
  const { kb: verein } = await knowledgeBaseOver({
    "protokoll.md": "# Protokoll\n\nAn der Versammlung nahmen zwölf Mitglieder des Vereins teil. Der Vorstand wurde entlastet.\n",
    "satzung.md": "# Satzung\n\nDer Verein hat seinen Sitz in Bremen.\n",
  });
  assert.deepEqual((await verein.retrieve("Wie hoch waren die Einnahmen des Vereins?")).specificMissing, ["einnahmen"]);
});

test("a Czech word in another case than the folder writes it ('na svatbu', 'svatba') weighs as the folder's word and finds its passage", async () => {
  const { kb } = await knowledgeBaseOver({
    "placene.md":
      "# Placené volno\n\nZaměstnanec má nárok na placené volno při těchto událostech. Vlastní svatba: dva dny placeného volna. Narození dítěte: jeden den. Úmrtí rodiče nebo sourozence: dva dny. Volno je třeba nahlásit předem vedoucímu.\n",
    // Rules that say the question's other words, as a handbook's pages do.
    ...Object.fromEntries(
      [1, 2, 3, 4].map((n) => [
        `pravidlo-${n}.md`,
        `# Pravidlo ${n}\n\nŽádost o dny volna podává zaměstnanec nejméně ${n} pracovních dní předem. Během volna se docházka nezapisuje a vedoucí schvaluje čerpání volna v aplikaci.\n`,
      ]),
    ),
  });
  const r = await kb.retrieve("Kolik dní volna dostanu na svatbu?");
  assert.ok(r.expansions.get("svatbu")?.some((e) => e.term === "svatba"), JSON.stringify(r.expansions.get("svatbu")));
  assert.equal(r.results[0]!.chunk.source, "placene.md");
  // A far commoner word that ends alike is no form of it: "platí", applies, is no "plat", a salary.
  const { kb: smeny } = await knowledgeBaseOver({
    "smeny.md":
      "# Směny\n\nRanní směna začíná v šest hodin a končí ve dvě hodiny odpoledne. Odpolední směna začíná ve dvě hodiny a končí v deset hodin večer. Pravidla výměny směn platí i o víkendu a ve svátek. Výměnu směny je třeba nahlásit vedoucímu nejméně den předem, jinak ji nelze schválit.\n",
    "sklad.md": "# Sklad\n\nVe skladu je povinné nosit bezpečnostní obuv a reflexní vestu po celou dobu směny.\n",
  });
  const shift = await smeny.retrieve("Jaký je plat na ranní směně?");
  const inflected = (word: string) => (shift.expansions.get(word) ?? []).filter((e) => (e as { inflected?: boolean }).inflected).map((e) => e.term);
  assert.deepEqual(inflected("plat"), []);
  assert.ok(inflected("smene").includes("smena"), JSON.stringify(shift.expansions.get("smene")));
});

test("two words of an English question that the folder writes as one ('host names', 'hostname') find the passage that writes it", async () => {
  const { kb } = await knowledgeBaseOver({
    "resolve.md": "# Resolution\n\nThe resolver file sets the hostname lookup order: local files first, then DNS.\n",
    "hosts.md": "# Hosts\n\nHost groups are listed by name in the inventory, one host per line.\n",
    "names.md": "# Names\n\nNames of hosts in the inventory are short; a host name may repeat in several groups.\n",
  });
  const r = await kb.retrieve("In which order are host names looked up?");
  assert.deepEqual([...new Set([...(r.expansions.get("host") ?? []), ...(r.expansions.get("names") ?? [])].map((e) => e.term))].filter((t) => t === "hostname"), ["hostname"]);
  assert.equal(r.results[0]!.chunk.source, "resolve.md");
  // Not two words apart ("host" … "names"): "names" alone is no "hostname".
  assert.ok(r.expansions.get("names")?.some((e) => e.term === "hostname"));
  for (const question of ["Which host lists the names?", "For each host, names are listed where?", "Which is the host. Names come next?"]) {
    const apart = await kb.retrieve(question);
    assert.ok(!(apart.expansions.get("names") ?? []).some((e) => e.term === "hostname"), `${question}: ${JSON.stringify(apart.expansions.get("names"))}`);
  }
});

test("a phrase of an English question that a command runs together over a short word ('table of contents', '\\tableofcontents') finds the passage that names the command, in any language", async () => {
  const { kb } = await knowledgeBaseOver({
    "inhalt.md": "# Inhaltsverzeichnis\n\nDer Befehl \\tableofcontents setzt das Inhaltsverzeichnis. Rufen Sie LaTeX zweimal auf, damit es die richtigen Seitenzahlen enthält.\n",
    "tables.md": "# Tables\n\nA table holds rows and columns. The contents of each cell are set in the table environment.\n",
    "files.md": "# Files\n\nThe contents of the input file are read line by line; a table of the files read is kept in the log.\n",
  });
  const r = await kb.retrieve("My table of contents stays empty. What is wrong?");
  assert.ok(r.expansions.get("table")?.some((e) => e.term === "tableofcontents"), JSON.stringify(r.expansions.get("table")));
  // Not over a word that joins nothing ("table with contents"), nor over a sentence's end.
  for (const question of ["Is there a table with contents?", "Where is the table of. Contents are what?"]) {
    const apart = await kb.retrieve(question);
    assert.ok(!(apart.expansions.get("table") ?? []).some((e) => e.term === "tableofcontents"), `${question}: ${JSON.stringify(apart.expansions.get("table"))}`);
  }
});

test("a question for a price that no passage on the thing gives (a sum, or that it is free or included) is not answered from passages that only name the thing; one that is, is", async () => {
  const { qa } = await questionAnswererOver({
    "manual.md":
      "# Wiring\n\nIf your heating system has no C wire, install the Power Adapter PA-1 at the control board. The PA-1 supplies the thermostat with 24 V.\n\n" +
      "# Accessories\n\nThe wall plate costs £9 and covers the marks of an old thermostat.\n\nThe trim kit is included in the box.\n\n| Item | Price (EUR) |\n| --- | --- |\n| Carry case | 29 |\n",
    "school.md": "# Riding school\n\nA lesson with our trainer costs 30 pounds. Saddles are lent at no extra cost.\n",
  });
  const adapter = await qa.ask("How much does the Power Adapter PA-1 cost?");
  assert.equal(adapter.abstained, true, adapter.text);
  const plate = await qa.ask("How much does the wall plate cost?");
  assert.equal(plate.abstained, false, plate.text);
  assert.match(plate.citations[0]!.quote, /£9/);
  // A price said as free or included, in another form of the question's word, or in a table whose header names the currency.
  for (const question of ["How much does the trim kit cost?", "How much do lessons cost?", "How much does the carry case cost?"]) {
    assert.equal((await qa.ask(question)).abstained, false, question);
  }
  // Not a question for another amount.
  assert.equal((await qa.ask("How many volts does the PA-1 supply?")).abstained, false);
  // A price asked by naming it, or whether the thing costs anything at all, in any language.
  for (const question of ["What is the price of the Power Adapter PA-1?", "Does the Power Adapter PA-1 cost anything?", "Is there a fee for the Power Adapter PA-1?"]) {
    assert.equal((await qa.ask(question)).abstained, true, question);
  }
  for (const question of ["What is the price of the wall plate?", "Does the trim kit cost anything?", "Is there a fee for the trim kit?"]) {
    assert.equal((await qa.ask(question)).abstained, false, question);
  }
  // Not who pays, whether a duty applies, nor a compound of a word of price: no price asked.
  const { priceAsked } = await import("../../src/rag/asked.js");
  for (const question of ["Do I have to pay for damage my guests cause?", "Muss ich für meinen Minijob Steuern zahlen?", "¿Hay que pagar el alquiler por adelantado?", "What is the cost center for travel expenses?", "What is the price list URL?", "I got a free of charge replacement, how do I register it?"]) {
    assert.equal(priceAsked(question, question), undefined, question);
  }
  // The thing is told by the word of it the folder says least: the bin's own fee is no fee for
  // being excused from it.
  const { qa: bins } = await questionAnswererOver({
    "biotonne.md":
      "# Biotonne\n\nDie Biotonne wird im Sommer wöchentlich geleert. Eine Biotonne mit 120 Litern kostet 64 Euro im Jahr, eine mit 80 Litern 46 Euro.\n",
    "kompost.md": "# Eigenkompostierung\n\nWer alle Bioabfälle selbst kompostiert, kann sich von der Biotonne befreien lassen. Den Antrag auf Befreiung stellen Sie schriftlich.\n",
    "sperrmuell.md": "# Sperrmüll\n\nZwei Abholungen im Jahr sind kostenlos, jede weitere kostet 45 Euro.\n",
  });
  const excused = await bins.ask("Kostet der Antrag auf Befreiung von der Biotonne eine Gebühr?");
  assert.equal(excused.abstained, true, excused.text);
  for (const question of ["Was kostet die Biotonne?", "Muss ich für die Abholung von Sperrmüll bezahlen?"]) {
    assert.equal((await bins.ask(question)).abstained, false, question);
  }
  // A German question names the thing by a noun: "zusätzlich" says how, though the folder says it least.
  const { qa: club } = await questionAnswererOver({
    "beitraege.md":
      "# Zusatzbeiträge\n\nFür Abteilungen mit besonderen Kosten werden zusätzlich zum Grundbeitrag folgende Jahresbeiträge erhoben:\n\n| Abteilung | Zusatzbeitrag |\n| --- | --- |\n| Tennis (Erwachsene) | 120,00 € |\n| Tennis (Jugend) | 60,00 € |\n\n" +
      "# Grundbeitrag\n\nDer Grundbeitrag für Erwachsene beträgt 96 Euro im Jahr. Mit ihm können Sie in allen Abteilungen mitmachen, nur für Tennis gibt es Zusatzbeiträge.\n",
    "training.md": "# Training\n\nTennis wird von April bis Oktober auf der Anlage am See gespielt. Erwachsene trainieren dienstags.\n",
  });
  const tennis = await club.ask("Was kostet Tennis zusätzlich für Erwachsene?");
  assert.equal(tennis.abstained, false, tennis.text);
});
test("a price list whose currency only its header names ('Valor (R$)'), a price in a currency written after the sum ('150 Kč'), and a price asked for a month of a table by seasons are answered with the list's row", async () => {
  const { qa } = await questionAnswererOver({
    "precos.md":
      "# Tabela de preços\n\n## Endodontia\n\nO tratamento de canal é cobrado por dente.\n\n| Procedimento | Valor (R$) |\n| --- | --- |\n| Canal em pré-molar | 800,00 |\n| Canal em molar | 1.100,00 |\n\n" +
      "## Cirurgia\n\n| Procedimento | Valor (R$) |\n| --- | --- |\n| Extração simples | 250,00 |\n| Frenectomia | 600,00 |\n\n" +
      "## Urgência\n\nO atendimento de urgência fora do horário tem taxa adicional de R$ 150,00. Pacientes com dor forte podem ser encaixados no mesmo dia.\n",
  });
  const extraction = await qa.ask("Quanto custa a extração simples?");
  assert.equal(extraction.abstained, false, extraction.text);
  assert.match(extraction.citations[0]!.quote, /Extração simples \| 250,00/);
  const molar = await qa.ask("Quanto custa um canal num molar?");
  assert.equal(molar.abstained, false, molar.text);
  assert.match(molar.citations[0]!.quote, /Canal em molar \| 1\.100,00/);
  // Still no price of what no row names.
  assert.equal((await qa.ask("Quanto custa o clareamento dental?")).abstained, true);
  const { qa: library } = await questionAnswererOver({
    "prostory.txt": "Pronájem prostor\n\nKnihovna pronajímá klubovnu a přednáškový sál. Žádost se podává e-mailem nejpozději 14 dní před akcí.\n\nCeník\n\nKlubovna: 150 Kč za hodinu.\nPřednáškový sál: 400 Kč za hodinu.\n",
  });
  const room = await library.ask("kolik stojí přednáškový sál?");
  assert.equal(room.abstained, false, room.text);
  assert.match(room.citations[0]!.quote, /400 Kč/);
  const { qa: hostel } = await questionAnswererOver({
    "precios.md":
      "# Habitaciones y precios\n\nTodos los precios son por noche.\n\n| Habitación | Temporada baja (nov–mar) | Temporada alta (jul–sep) |\n| --- | --- | --- |\n| Cama en dormitorio de 6 camas | 21 € | 42 € |\n| Habitación doble | 55 € | 110 € |\n\n" +
      "# Llegada\n\nEn agosto la recepción cierra a medianoche.\n",
  });
  const august = await hostel.ask("¿cuánto cuesta una cama en el dormitorio de 6 en agosto?");
  assert.equal(august.abstained, false, august.text);
  assert.match(august.citations[0]!.quote, /42 €/);
  // A currency's name is a weight's too, and a month's name a thing's ("mayo"): no price either way.
  const { qa: specs } = await questionAnswererOver({
    "specs.md": "# Specifications\n\n| Model | Weight in pounds | Length |\n| --- | --- | --- |\n| R200 | 66 | 2.4 m |\n| R100 | 48 | 1.9 m |\n",
    "menu.md": "# Burgers\n\n| Burger | Price |\n| --- | --- |\n| Classic | €9 |\n| Cheese | €10 |\n\nAll burgers come with ketchup. Other sauces on request: mayo, mustard, barbecue.\n",
  });
  for (const question of ["How much does the R200 cost?", "How much does mayo cost?"]) {
    const answer = await specs.ask(question);
    assert.equal(answer.abstained, true, `${question}: ${answer.text}`);
  }
});
test("a price asked by the verb of paying ('was zahlt man …?', 'how much do I pay …?') is quoted with its sum, not with a sentence that shares more of its words; that the thing is free ('kostenlose …') is its price", async () => {
  const { qa } = await questionAnswererOver({
    "beitraege.md":
      "# Beitragsordnung\n\n## Jahresbeiträge\n\n| Beitragsgruppe | Jahresbeitrag |\n| --- | --- |\n| Kinder und Jugendliche bis 17 Jahre | 96 € |\n| Erwachsene ab 18 Jahre | 168 € |\n\n" +
      "## Arbeitsstunden\n\nJedes erwachsene Mitglied ist verpflichtet, jährlich acht Arbeitsstunden für den Verein zu leisten.\n",
    "lockers.md": "# Lockers\n\nEvery guest gets a locker under the bed. Bring your own padlock to lock your locker at night.\n\n| Item | Price |\n| --- | --- |\n| Padlock | €5 |\n| Towel | €2 |\n",
  });
  const yearly = await qa.ask("was zahlt man als erwachsener so im jahr für den verein?");
  assert.equal(yearly.abstained, false, yearly.text);
  assert.match(yearly.citations[0]!.quote, /168 €/);
  const padlock = await qa.ask("how much do I pay for a padlock?");
  assert.equal(padlock.abstained, false, padlock.text);
  assert.match(padlock.citations[0]!.quote, /€5/);
  // That the thing is free answers as its sum would, before another thing's sum (a fine).
  const { qa: house } = await questionAnswererOver({
    "hausordnung.md":
      "# Müll\n\n## Sperrmüll\n\nSperrmüll darf nicht im Hof abgestellt werden. Jeder Haushalt kann zweimal im Jahr eine kostenlose Sperrmüllabholung (bis zu 5 m³) bei der Stadtreinigung anmelden.\n\n" +
      "Wer Sperrmüll unerlaubt im Haus abstellt, muss mit den Kosten der Entsorgung rechnen; zusätzlich berechnen wir eine Bearbeitungspauschale von 50,00 €.\n",
  });
  for (const question of ["Was kostet die Sperrmüllabholung?", "Was zahlt man für die Sperrmüllabholung?"]) {
    const answer = await house.ask(question);
    assert.equal(answer.abstained, false, answer.text);
    assert.match(answer.citations[0]!.quote, /kostenlose Sperrmüllabholung/, question);
  }
});
test("whether a thing can be had without paying ('¿Puedo cancelar sin pagar nada?') is answered by the sentence that says it is free, not by one that says 'no' of something else", async () => {
  const { qa } = await questionAnswererOver({
    "reservas.md":
      "# Reservas\n\nPara reservar pedimos un depósito del 30 %. Si cancelas más tarde o no te presentas, nos quedamos con el depósito. La cancelación es gratuita hasta 48 horas antes de la llegada.\n\n" +
      "# Llegada\n\nSi tu vuelo se retrasa, envíanos un WhatsApp: las reservas que no hayan avisado antes de las 23:00 pueden cancelarse.\n",
    "booking.md": "# Booking\n\nWe ask for a deposit of 30 %. If you cancel later or do not show up, we keep the deposit. Cancelling is free of charge up to 48 hours before arrival.\n",
  });
  const es = await qa.ask("¿Puedo cancelar la reserva sin pagar nada?");
  assert.equal(es.abstained, false, es.text);
  assert.match(es.citations[0]!.quote, /La cancelación es gratuita/);
  const en = await qa.ask("Can I cancel my booking without paying anything?");
  assert.equal(en.abstained, false, en.text);
  assert.match(en.citations[0]!.quote, /free of charge/);
  // A room that "is free" on a condition is available, not free of charge: no fee is given.
  const { qa: checkout } = await questionAnswererOver({
    "checkout.md": "# Check-out\n\nCheck-out is at 11 am. Late check-out until 2 pm can be booked at the reception if the room is free.\n\n# Breakfast\n\nBreakfast is served from 7 to 10 am.\n",
  });
  const late = await checkout.ask("Is there a fee for late check-out?");
  assert.equal(late.abstained, true, late.text);
});
test("an English word mistyped ('mashine', 'machne') is the word the passages found say, one slip away; a word of the dictionary one slip from it ('painter' for 'printer') is another word", async () => {
  const { qa } = await questionAnswererOver({
    "laundry.md": "# Laundry\n\nThe laundry room is next to the luggage room and open from 8 am to 9 pm.\n\n| Service | Price |\n| --- | --- |\n| Washing machine (one load) | €4 |\n| Dryer (45 minutes) | €3 |\n",
    "office.md": "# Office\n\nThe printer in the lobby prints in black and white. Ask at reception for the Wi-Fi password.\n",
  });
  for (const question of ["is there a washing mashine?", "how much is the washing machne?"]) {
    const answer = await qa.ask(question);
    assert.equal(answer.abstained, false, `${question}: ${answer.text}`);
    assert.match(answer.citations[0]!.quote, /Washing machine/);
  }
  const painter = await qa.ask("does the painter print in colour?");
  assert.equal(painter.abstained, true, painter.text);
  // A tool's name another letter early on from a word the folder says ("pydantic", "pedantic") is the tool's.
  const { qa: checker } = await questionAnswererOver({ "checks.md": "# Checks\n\nRun mypy in pedantic mode to check your models before a release. It supports strict typing and reports every untyped function.\n" });
  const tool = await checker.ask("Does it support pydantic models?");
  assert.equal(tool.abstained, true, tool.text);
});
test("a measure asked by its adjective ('How heavy …?', 'How tall …?') is answered by its number and unit, found by the noun that names it; where no passage found gives one, the question is not answered from the adjective said in another sense", async () => {
  const { qa } = await questionAnswererOver({
    "operation.md":
      "# Sailing boats\n\nWhen the motor is used on a sailing boat, tilt it up while sailing. A motor left in the water creates drag, and in heavy seas the lower unit can be damaged. " +
      "Keep the motor away from hot surfaces and do not touch the exhaust while it runs.\n",
    "specifications.md": "# Dimensions\n\n| Item | K6S | K6L |\n| --- | --- | --- |\n| Overall width | 350 mm | 350 mm |\n| Dry weight | 27.0 kg | 28.0 kg |\n\n# Drive\n\nThe gear ratio is 2.08. The standard propeller is 7.8 × 7 in.\n",
  });
  const heavy = await qa.ask("How heavy is the motor?");
  assert.equal(heavy.abstained, false, heavy.text);
  assert.match(heavy.citations[0]!.quote, /27\.0 kg/);
  // No height nor temperature with its unit anywhere: not answered from "hot surfaces" or a width.
  for (const question of ["How tall is the motor?", "How hot does the exhaust get?"]) {
    assert.equal((await qa.ask(question)).abstained, true, question);
  }
});
test("a weight asked by its verb ('How much does it weigh?', 'Combien pèse …?', 'Ile waży …?') is found by the noun that names it and quoted with its number", async () => {
  const { qa } = await questionAnswererOver({
    "specifications.md": "# Dimensions\n\n| Item | K6S | K6L |\n| --- | --- | --- |\n| Overall width | 350 mm | 350 mm |\n| Dry weight | 27.0 kg | 28.0 kg |\n\n# Drive\n\nThe gear ratio is 2.08.\n",
  });
  const weigh = await qa.ask("How much does the motor weigh?");
  assert.equal(weigh.abstained, false, weigh.text);
  assert.match(weigh.citations[0]!.quote, /27\.0 kg/);
  const { qa: fr } = await questionAnswererOver({
    "fiche.md":
      "# Fiche technique\n\n| Élément | Valeur |\n| --- | --- |\n| Cadre | Aluminium 6061, cadre bas (col de cygne), taille unique pour cyclistes de 1,55 m à 1,90 m |\n" +
      "| Fourche | Suspension 63 mm, blocable, réglage de la précharge sans outil |\n| Moteur | Moteur central 250 W, couple 65 Nm, assistance jusqu'à 25 km/h |\n" +
      "| Batterie | 36 V, 15 Ah, 540 Wh, intégrée au tube diagonal, amovible avec clé |\n| Transmission | Shimano Nexus 7 vitesses, moyeu intégré, poignée tournante |\n" +
      "| Freins | Disques hydrauliques Tektro, 180 mm à l'avant et 160 mm à l'arrière |\n| Éclairage | Avant 70 lux, arrière avec feu stop, alimentés par la batterie |\n" +
      "| Poids | 23,4 kg (taille M, avec batterie) |\n| Antivol | Antivol de cadre AXA à clé, la même clé que celle de la batterie |\n\n" +
      "# Entretien\n\nNettoyez le vélo à l'eau claire, sans nettoyeur haute pression.\n",
  });
  const pese = await fr.ask("Combien pèse le vélo ?");
  assert.equal(pese.abstained, false, pese.text);
  assert.match(pese.citations.map((c) => c.quote).join("\n"), /\| Poids \| 23,4 kg/);
  const { qa: pl } = await questionAnswererOver({
    "dane.md":
      "# Dane techniczne\n\nDrukarka jest przeznaczona do użytku w domu i w małym biurze. Przed pierwszym użyciem należy zdjąć wszystkie taśmy ochronne i włożyć kasety z tuszem.\n\n" +
      "| Parametr | Wartość |\n| --- | --- |\n| Wymiary | 425 x 304 x 149 mm |\n| Masa | 4,2 kg (z kasetami) |\n| Zasilanie | 100-240 V |\n",
  });
  const wazy = await pl.ask("Ile waży ta drukarka?");
  assert.equal(wazy.abstained, false, wazy.text);
  assert.match(wazy.citations[0]!.quote, /4,2 kg/);
  // The verb in another sense: a share of a grade, not a weight; a kettlebell ("una pesa") whose price is asked.
  const { qa: course } = await questionAnswererOver({
    "assessment.md": "# Assessment\n\nThe coursework counts for 40% of the final grade and the written exam for 60%.\n\n# Attendance\n\nSeminars are compulsory.\n",
  });
  const share = await course.ask("How much does the coursework weigh?");
  assert.equal(share.abstained, false, share.text);
  assert.match(share.citations[0]!.quote, /40%/);
  const { measureAsked } = await import("../../src/rag/asked.js");
  assert.equal(measureAsked("¿Cuánto cuesta una pesa rusa?"), undefined);
});
test("a price asked of one thing ('how much is an adult ticket') is quoted with its sum, not with a sentence of another number on the same thing", async () => {
  const { qa } = await questionAnswererOver({
    "tickets.md":
      "# Prices\n\nChildren under 18 also need a free ticket with a time slot. Children under 12 must be accompanied by an adult.\n\n| Ticket | Price |\n| --- | --- |\n| Adults | €17.50 |\n| Students | €9.00 |\n\n" +
      "# Opening hours\n\nThe museum is open daily from 10:00 to 17:00.\n",
  });
  const adult = await qa.ask("how much is an adult ticket");
  assert.equal(adult.abstained, false, adult.text);
  assert.match(adult.citations[0]!.quote, /€17\.50/);
});
test("an English word in one inflected form ('stalling') says another form of it that the folder writes ('stalls'), and a model's letters glued to its number ('XL' of 'AJ-35XL') are a name the folder says", async () => {
  const { qa } = await questionAnswererOver({
    "troubleshooting.md":
      "# Engine runs badly\n\n| Symptom | Possible cause | Remedy |\n| --- | --- | --- |\n| Engine stalls at idle | Choke left pulled out on a warm engine | Push the choke knob in |\n| Heavy vibration | Propeller damaged | Replace the propeller |\n",
    "cartridges.md": "# Cartridges\n\n| Cartridge | Yield |\n| --- | --- |\n| AJ-35 black | about 250 pages |\n| AJ-35XL black (high yield) | about 600 pages |\n",
    "fuel.md": "# Fuel\n\nUse unleaded petrol with at least 91 octane. Mix no oil into the fuel: the engine has its own oil sump.\n",
  });
  // (A plural's "es" only after a hiss: "planes" says no "plans".)
  const { otherEnglishForms } = await import("../../src/rag/retrieve.js");
  assert.ok(!otherEnglishForms("planes").includes("plans") && !otherEnglishForms("status").length && !otherEnglishForms("filling").includes("files"));
  const stalling = await qa.ask("The engine keeps stalling when idling, why?");
  assert.equal(stalling.abstained, false, stalling.text);
  assert.match(stalling.citations[0]!.quote, /stalls at idle/);
  // (Not a unit written glued to its number: "MS" of "MS Teams" is no "200ms".)
  const { qa: app } = await questionAnswererOver({
    "sync.md": "# Sync\n\nSync latency is under 200ms. The app integrates with Slack and Zoom.\n",
    "billing.md": "# Billing\n\nInvoices are sent monthly.\n",
  });
  assert.match((await app.ask("Does the app integrate with MS Teams?")).text, /never mention/);
  const xl = await qa.ask("How many pages does the black XL cartridge print?");
  assert.doesNotMatch(xl.text, /never mention/, xl.text);
  assert.equal(xl.abstained, false, xl.text);
  assert.match(xl.citations[0]!.quote, /600 pages/);
});
test("a name of two words an English question capitalises ('Docker Desktop') that no passage says together is not answered from passages on its first word", async () => {
  const text =
    "# Containers\n\nLinux containers such as Docker or LXC run services apart from each other. Install the docker.io package to run Docker containers, and add your user to the docker group. " +
    "Docker images are pulled from a registry and started with docker run.\n\n# Desktop\n\nThe desktop environment is chosen at install time; GNOME is the default desktop on a new installation.\n";
  const { kb } = await knowledgeBaseOver({ "guide.md": text });
  const product = await kb.retrieve("How do I install Docker Desktop on my laptop?");
  assert.equal(product.answerable, false, "the guide speaks of Docker and of desktops, not of Docker Desktop");
  assert.equal((await kb.retrieve("How do I install Docker on my laptop?")).answerable, true);
  assert.equal((await kb.retrieve("Which Docker package do I install?")).answerable, true, "a word after the name in lower case is no part of it");
  // Said together, it is answered.
  const { kb: together } = await knowledgeBaseOver({ "guide.md": `${text}\nDocker Desktop is not packaged; install the docker.io package instead.\n` });
  assert.equal((await together.retrieve("How do I install Docker Desktop on my laptop?")).answerable, true);
  // Said together in another form of its words, or in a heading; a run of three capitalised words
  // is no name of two ("In Windows, open the Control Panel" answers "the Windows Control Panel").
  const { kb: manual } = await knowledgeBaseOver({
    "keys.md": "# SSH\n\nTo generate an SSH key, run ssh-keygen -t ed25519. The keys are kept in ~/.ssh.\n",
    "reviews.md": "# Reviews\n\nTo open a pull request, push your branch and click Compare. Requests are reviewed within a day.\n",
    "settings.md": "# Settings\n\nIn Windows, open the Control Panel from the Start menu. The panel lists every setting.\n",
    "boot.md": "# Secure Boot\n\nIt checks the signature of each piece of firmware and each boot loader before it runs. Turn it off in the firmware settings to start an unsigned system.\n",
  });
  for (const question of ["How do I generate SSH Keys?", "How do I open Pull Requests?", "Where is the Windows Control Panel?", "How do I turn off Secure Boot for an older system?"]) {
    assert.equal((await manual.retrieve(question)).answerable, true, question);
  }
  assert.deepEqual(namePairs("How do I install Docker Desktop? Docker Hub is down, and the Windows Control Panel too, like Debian PCs, Debian 12 and Docker, Desktop."), [["docker", "desktop"], ["control", "panel"]]);
  assert.deepEqual(namePairs("How Do I Reset The Admin Password?"), [], "a question in Title Case names nothing");
  // Of a longer name, its last two words: a name whose head the folder never says together is another thing.
  const { kb: course } = await knowledgeBaseOver({
    "modules.md":
      "# Modules\n\n## Machine Learning\n\nSupervised learning, model selection and neural networks. The written exam is on 14 January.\n\n" +
      "## Big Data Systems\n\nDistributed storage and stream processing. The written exam is on 20 May.\n\n## Research Methods\n\nHow to write a literature review in natural language.\n",
  });
  assert.equal((await course.retrieve("When is the Natural Language Processing exam?")).answerable, false);
  assert.equal((await course.retrieve("When is the Big Data Systems exam?")).answerable, true);
  // A name one of whose words the folder never says, in any form, is another thing than the one it
  // names by its other words; everyday words ("Watch", "Google") are words of the name there.
  const { kb: thermostat } = await knowledgeBaseOver({
    "app.md":
      "# App\n\nThe thermostat is controlled from the Warmly app on a phone or tablet. From firmware 2.4 it also supports Apple Home, so Siri can set the temperature.\n\n" +
      "# Backups\n\nThe schedule is kept in cloud storage, on servers in Frankfurt, and restored when the thermostat is replaced.\n",
  });
  for (const question of ["Can I control the thermostat from my Apple Watch?", "Is the schedule kept in Google Cloud Storage?"]) {
    assert.equal((await thermostat.retrieve(question)).answerable, false, question);
  }
  for (const question of ["Can I control the thermostat with Apple Home?", "Is the schedule kept in cloud storage?"]) {
    assert.equal((await thermostat.retrieve(question)).answerable, true, question);
  }
  // A stopword is in no index: "My" of "My Account" is no word the folder never says.
  const { kb: account } = await knowledgeBaseOver({
    "account.md": "# Your account\n\nTo change your email address, open My Account, choose Contact details and enter the new address. We send a link to confirm it.\n",
  });
  for (const question of ["How do I change my email address in My Account?", "How do I Change my email address?"]) {
    assert.equal((await account.retrieve(question)).answerable, true, question);
  }
});

test("an amount the asker writes with its unit ('1m75', '5kg') is theirs, not a name the folder must say; a model's code ('T9') is a name", async () => {
  const { kb } = await knowledgeBaseOver({
    "tailles.md":
      "# Choisir sa taille\n\nLe cadre existe en trois tailles selon votre taille en centimètres.\n\n| Taille du cadre | Taille du cycliste |\n| --- | --- |\n| S | 155–168 cm |\n| M | 168–183 cm |\n| L | 183–198 cm |\n",
    "charge.md": "# Porte-bagages\n\nLe porte-bagages arrière supporte une charge maximale de 25 kg, sacoches comprises.\n",
    "train.md": "# Vélo dans le train\n\nEn semaine, les vélos non pliés ne sont pas admis dans les trains entre 7 h et 9 h ni entre 17 h et 19 h.\n",
  });
  // (An hour as French writes it, "à 8h", likewise: the folder writes "7 h".)
  for (const question of ["Je mesure 1m75, quelle taille de cadre choisir ?", "Le porte-bagages supporte-t-il une charge de 30kg ?", "Puis-je prendre mon vélo dans le train à 8h en semaine ?"]) {
    const r = await kb.retrieve(question);
    assert.deepEqual(r.unknownNames, [], question);
    assert.equal(r.answerable, true, question);
  }
  assert.deepEqual((await kb.retrieve("Le modèle T9 a-t-il un porte-bagages ?")).unknownNames, ["T9"]);
  assert.deepEqual((await kb.retrieve("Le porte-bagages a-t-il une connexion 5G ?")).unknownNames, ["5G"], "a digit and a letter: a name");
});

test("a question typed as chat types it ('whats', 'cant'), asking how far ahead, or about an error's code is not refused for those words", async () => {
  const { kb } = await knowledgeBaseOver({
    "config.md":
      "# Configuration\n\n## Compression\n\nThe compression option takes auto, off or a zstd level from 1 to 19; auto means zstd level 3, which suits most backups.\n\n" +
      "## Booking\n\nRooms can be booked up to 14 days in advance, for at most three hours a day.\n\n" +
      "## Error codes\n\n| Code | Meaning | What to do |\n| --- | --- | --- |\n| E101 | repository not found | Check the path in the repo option. |\n| E103 | repository is locked by another process | Wait for it to finish, or remove a stale lock with unlock. |\n| E210 | password file unreadable | Check the file's permissions. |\n" +
      [...Array(14).keys()].map((i) => `| E3${10 + i} | backend ${["timeout", "refused", "quota", "checksum", "rename", "listing"][i % 6]} on pack ${i} | Retry later; if it persists, run check --read-data on the pack files. |\n`).join(""),
  });
  for (const question of ["whats the default compression level?", "what does error E103 mean"]) {
    const r = await kb.retrieve(question);
    assert.deepEqual(r.specificMissing, [], question);
    assert.equal(r.answerable, true, question);
  }
  assert.deepEqual((await kb.retrieve("How far ahead can I book a room?")).specificMissing, [], "'ahead' says which amount is asked");
  // A question about a code the passage gives is answered however little its vector is like the
  // passage's (a short question, a long table): held to bars above its nearest passage, it still is.
  const { HybridRetriever } = await import("../../src/rag/retrieve.js");
  const code = "what does error E103 mean";
  const top = (await kb.retrieve(code)).denseTop;
  const calibration = kb.index.manifest.calibration!;
  const barred = new HybridRetriever(kb.index.store, kb.embeddings.embeddings, kb.index.corpus, {
    k: 5,
    answerableThreshold: 0.25,
    calibration: { ...calibration, denseMedian: { en: top - 0.01 }, denseAnswer: { en: top + 0.01 } },
  });
  assert.equal((await barred.retrieve(code)).answerable, true);
  // Not a product's model, which every passage says: it tells no passage from another.
  const { kb: product } = await knowledgeBaseOver({
    "x200.md": ["Charging", "Cleaning", "Storage", "Safety"].map((h, i) => `# ${h}\n\nThe X200 ${["charges in two hours from the supplied adapter", "is wiped with a damp cloth and never rinsed", "is stored dry at room temperature between uses", "must not be opened; only service staff may open the X200"][i]}.\n`).join("\n"),
  });
  const waterproof = "Can the X200 fly?";
  const productTop = (await product.retrieve(waterproof)).denseTop;
  const productBars = new HybridRetriever(product.index.store, product.embeddings.embeddings, product.index.corpus, {
    k: 5,
    answerableThreshold: 0.25,
    calibration: { ...product.index.manifest.calibration!, denseMedian: { en: productTop - 0.01 }, denseAnswer: { en: productTop + 0.01 } },
  });
  assert.equal((await productBars.retrieve(waterproof)).answerable, false);
});

test("a noun in the other number than the folder writes it ('Katze' / 'Katzen', 'cane' / 'cani', 'perro' / 'perros') finds the passage, and a question of everyday words is not about its word of price", async () => {
  const { qa } = await questionAnswererOver({
    "regolamento.txt":
      "REGOLAMENTO DEGLI ORTI\n\nART. 8 - ANIMALI\nI cani sono ammessi solo al guinzaglio e devono restare sui vialetti. Non è consentito tenere animali negli orti.\n\n" +
      "ART. 9 - LAVORI COMUNI\nOgni assegnatario partecipa ad almeno 10 ore all'anno di lavori per le aree comuni.\n",
    "tariffe.md": "# Quote e tariffe\n\n| Voce | Importo |\n| --- | --- |\n| Quota associativa | 25 € |\n| Nuova chiave in caso di smarrimento | 12 € |\n",
    "mietvertrag.md":
      "# § 7 Tierhaltung\n\nDie Haltung von Kleintieren wie Hamstern ist ohne Zustimmung gestattet. Die Haltung von Hunden und Katzen bedarf der vorherigen schriftlichen Zustimmung des Vermieters.\n\n" +
      "# § 8 Heizung\n\nHeizen Sie die Räume im Winter auf mindestens 16 Grad, damit die Leitungen nicht einfrieren.\n",
    "normas.md": "# Normas\n\n## Mascotas\n\nLos perros pueden entrar con correa. Los gatos no están permitidos.\n\n## Horario\n\nEl espacio abre de 8:00 a 20:00.\n",
  });
  for (const [question, quote] of [
    ["Posso portare il mio cane agli orti?", /I cani sono ammessi/],
    ["Darf ich mir eine Katze anschaffen?", /Hunden und Katzen/],
    ["¿Puedo venir con mi perro?", /Los perros pueden entrar/],
    ["Ho perso la chiave, quanto costa farne una nuova?", /Nuova chiave in caso di smarrimento \| 12 €/],
  ] as const) {
    const answer = await qa.ask(question);
    assert.equal(answer.abstained, false, `${question}: ${answer.text}`);
    assert.match(answer.citations[0]!.quote, quote, question);
  }
});

test("a Romance verb in another form than the folder writes it ('abrís' / 'abre', 'enjuagar' / 'enjuague', 'invitar' / 'invitados', 'bagnare' / 'bagnate') is said by the folder: the question is answered", async () => {
  const { qa } = await questionAnswererOver({
    "guia.md":
      "# Guía del paciente\n\n## Horario\n\nDe lunes a jueves la clínica abre de 9:00 a 20:00. Los viernes, de 9:00 a 15:00.\n\n" +
      "## Después de una extracción\n\nDurante las primeras 24 horas no se enjuague la boca y no escupa.\n\n" +
      "## Invitados\n\nCada socio puede traer hasta 2 invitados a la vez. Los invitados firman en recepción.\n\n" +
      // (Said often, the form ranks little, but still says the word.)
      "## Salas\n\nLas salas se reservan en recepción; los invitados no reservan salas.\n\n## Cocina\n\nLa cocina es para socios e invitados.\n\n" +
      "## Wifi\n\nLos invitados usan la red de invitados.\n\n## Taquillas\n\nLas taquillas no se prestan a invitados.\n",
    "orti.md":
      "# Regolamento degli orti\n\n## Acqua\n\nIn estate le piante vanno bagnate solo dalle 6:30 alle 10:00 e dopo le 19:00, perché di giorno l'acqua del pozzo non basta per tutti.\n\n" +
      "## Attrezzi\n\nGli attrezzi comuni si trovano nella casetta vicino al cancello e vanno rimessi al loro posto dopo l'uso.\n",
  });
  for (const [question, quote] of [
    ["¿A qué hora abrís los viernes?", /Los viernes, de 9:00 a 15:00/],
    ["¿Me puedo enjuagar la boca después de sacarme una muela?", /no se enjuague la boca/],
    ["¿Cuántas personas puedo invitar a la vez?", /hasta 2 invitados/],
    ["A che ora posso bagnare l'orto d'estate?", /dalle 6:30 alle 10:00/],
  ] as const) {
    const answer = await qa.ask(question);
    assert.equal(answer.abstained, false, `${question}: ${answer.text}`);
    assert.match(answer.citations.map((c) => c.quote).join(" "), quote, question);
  }
  // A verb the folder never writes in any form is still not answered from it.
  assert.equal((await qa.ask("¿Puedo fumar en la sala de espera?")).abstained, true);
  // A noun spelled as a verb's form makes none ("bagni", toilets, are no "bagnate", watered), nor
  // does a participle that is an everyday word ("salida", the exit, is no form of "salir" / "sale").
  assert.deepEqual(romanceVerbForms("bagni", "it"), []);
  assert.deepEqual(romanceVerbForms("reservo", "es"), []);
  const { kb: library } = await knowledgeBaseOver({
    "normas.md": "# Normas de la biblioteca\n\n## Préstamo\n\nEl lector que sale con un libro sin prestar activa la alarma. Los libros se devuelven en 21 días.\n\n## Horario\n\nLa biblioteca abre de 8:00 a 21:00 de lunes a viernes.\n",
  });
  const exit = await library.retrieve("¿Dónde está la salida de emergencia?");
  assert.ok(!(exit.expansions.get("salida") ?? []).some((e) => e.term === "sale"), JSON.stringify(exit.expansions.get("salida")));
  assert.deepEqual(romanceVerbForms("abris", "es").filter((f) => ["abre", "abrir", "abren"].includes(f)), ["abrir", "abre", "abren"]);
  assert.ok(romanceVerbForms("enjuagar", "es").includes("enjuague") && romanceVerbForms("sacarme", "es").includes("saque"), "respelled before 'e'; a pronoun at its end comes off");
  assert.ok(romanceVerbForms("pagare", "it").includes("paghi") && romanceVerbForms("manger", "fr").includes("mangeons"));
  assert.ok(romanceVerbForms("lasciare", "it").includes("lasciamo") && !romanceVerbForms("lasciare", "it").includes("lasciiamo"));
  assert.deepEqual(romanceVerbForms("abris", "de"), [], "only the Romance languages");
});

test("'what kind of' frames a question as its verb does: the kind is not what it is about ('What kind of oil goes in the engine?' over a manual that names the oil)", async () => {
  const { kb } = await knowledgeBaseOver({
    "manual.md":
      "# Specifications\n\n| Item | Value |\n| --- | --- |\n| Engine oil | Four-stroke outboard oil, SAE 10W-30 |\n| Oil capacity | 0.5 L |\n| Recommended fuel | Unleaded petrol, minimum 91 RON |\n\n" +
      "# Maintenance\n\nChange the engine oil after the first 20 hours and then every 100 hours or once a season. Drain the old oil while the engine is warm.\n",
  });
  for (const question of ["What kind of oil goes in the engine?", "Which type of fuel does the engine need?"]) {
    const oil = await kb.retrieve(question);
    assert.deepEqual(oil.specificMissing, [], question);
  }
  assert.equal((await kb.retrieve("What kind of bird is a penguin?")).answerable, false, "a thing the folder never names is still what it is about");
  const { kindWords } = await import("../../src/rag/general-words.js");
  for (const [question, word] of [["Quel type de batterie faut-il ?", "type"], ["Quels types d'huile ?", "types"], ["Quale tipo di olio?", "tipo"], ["¿Qué tipo de aceite lleva?", "tipo"], ["Welche Art von Öl?", "art"]] as const) {
    assert.deepEqual([...kindWords(question)], [word], question);
  }
});

test("an irregular verb a user tells a mishap with ('I forgot my password') says the form the documents write ('if I forget my password'); not a general question in the past ('Who paid …?'), nor every irregular verb", async () => {
  const { kb } = await knowledgeBaseOver({
    "faq.md":
      "# Frequently asked questions\n\n## What happens if I forget my repository password?\n\nYour data cannot be recovered. Everything is encrypted with a key derived from your password, and there is no reset.\n\n" +
      "## Can I back up to S3?\n\nYes: give the bucket as the repository, for example s3:backups/laptop.\n",
    "install.md": "# Installation\n\nDownload the binary for your platform and put it on your PATH. Check the installation with the version command.\n",
    "repository.md":
      "# Repositories\n\n## Creating a repository\n\nRun init with the repository path. You are asked for a password twice; the repository password protects all snapshots.\n\n" +
      "## Password files\n\nTo run backups unattended, store the repository password in a file readable only by you and pass it with --password-file.\n\n" +
      "## Changing the password\n\nThe key command adds a new password to the repository; remove the old one afterwards. Files already backed up stay as they are.\n",
  });
  const forgot = await kb.retrieve("I forgot my repository password, can I still get my files back?");
  assert.deepEqual(forgot.specificMissing, []);
  assert.equal(forgot.answerable, true);
  // (Said, as an inflection is, not merely spelled alike.)
  assert.ok(forgot.expansions.get("forgot")?.some((e) => e.term === "forget" && "inflected" in e && e.inflected === true), JSON.stringify(forgot.expansions.get("forgot")));
  assert.match(forgot.results[0]!.chunk.section ?? "", /What happens if I forget my repository password/);
  // Only a mishap the asker tells: a general question in the past is not said by another form.
  const { toldMishap } = await import("../../src/rag/verb-forms.js");
  assert.ok(toldMishap("I forgot my password", "forgot") && toldMishap("We accidentally lost the key", "lost") && toldMishap("My card was stolen, what now?", "stolen"));
  assert.ok(!toldMishap("Who paid for the building?", "paid") && !toldMishap("What sank?", "sank") && !toldMishap("I forget my password often", "forget"));
  assert.ok(!toldMishap("What language is spoken in Brazil?", "spoken"), "not every irregular verb");
  const { kb: news } = await knowledgeBaseOver({
    "meeting.md": "# The meeting\n\nThe minister is certainly paying attention to the new technology, and met the bank's chairman last week to discuss it.\n",
  });
  assert.equal((await news.retrieve("Who paid for the meeting?")).answerable, false);
});

test("a clipped word ('my uni card', 'the repo') says the full word the folder writes ('university card'); a clipping stands only for its own language's word", async () => {
  const { qa } = await questionAnswererOver({
    "faq.md":
      "# Frequently asked questions\n\n## I have lost my university card. What should I do?\n\nReport the loss immediately in the Card Portal so that nobody else can use your card or print credit. A replacement card costs £10.\n\n" +
      "## Can I bring food into the library?\n\nCold snacks and drinks in covered cups are allowed on the ground floor only.\n",
    "printing.md": "# Printing\n\nPrint credit is held on your card. Top it up in the Print Portal with a debit or credit card; the printers accept any card issued by the library.\n",
    "borrowing.md": "# Borrowing\n\nShow your card at the desk or use the self-service machines. Standard loans last three weeks and renew automatically.\n",
  });
  const lost = await qa.ask("I lost my uni card, what do I do?");
  assert.equal(lost.abstained, false, lost.text);
  assert.match(lost.citations[0]!.quote, /Report the loss immediately/);
  const { clippedFrom } = await import("../../src/rag/clippings.js");
  assert.deepEqual(clippedFrom("repo", "en"), ["repository"]);
  assert.deepEqual(clippedFrom("repo", "de"), []);
  assert.deepEqual(clippedFrom("constructor", "en"), [], "no word of the object's own");
});

test("a vague quantity ('for a couple of weeks', 'ein paar Tage') frames a question: it is about the weeks, not the couple", async () => {
  const { qa } = await questionAnswererOver({
    "remote-work.md":
      "# Working from abroad\n\nYou are allowed to work from another country for up to 20 working days per calendar year, provided that the country is in the EU or the EEA. Apply to the People Team at least 4 weeks in advance, so that we can check tax and social security rules.\n\n" +
      "# Working from home\n\nYou may work from home up to 3 days a week. Laptops are provided by IT; monitors can be borrowed for home use.\n",
    "leave.md": "# Annual leave\n\nFull-time employees receive 25 days of annual leave. Leave of more than two weeks in a row needs the approval of your manager.\n",
  });
  const abroad = await qa.ask("Am I allowed to work from Spain for a couple of weeks?");
  assert.equal(abroad.abstained, false, abroad.text);
  assert.match(abroad.citations[0]!.quote, /up to 20 working days/);
  const { kindWords } = await import("../../src/rag/general-words.js");
  assert.deepEqual([...kindWords("Kann ich ein paar Tage von zu Hause arbeiten?")], ["paar"]);
  assert.deepEqual([...kindWords("Wie viel kostet ein Paar Handschuhe?")], [], "a pair");
  assert.deepEqual([...kindWords("Posso parcheggiare per un paio d'ore?")], ["paio"]);
  assert.deepEqual([...kindWords("Can a couple share a room?")], [], "a couple, not a couple of");
});

test("a German question is about the things it names (its capitalised nouns) as much as about its other rare words: one the folder names is not refused for the asker's verb", async () => {
  const { kb } = await knowledgeBaseOver({
    "mietvertrag.md":
      "# § 7 Tierhaltung\n\nDie Haltung von Kleintieren wie Hamstern ist ohne Zustimmung gestattet. Die Haltung von Hunden und Katzen bedarf der vorherigen schriftlichen Zustimmung des Vermieters.\n\n" +
      "# § 8 Heizung\n\nHalten Sie die Räume im Winter auf mindestens 16 Grad, damit die Leitungen nicht einfrieren.\n",
  });
  const cat = await kb.retrieve("Darf ich mir eine Katze anschaffen?");
  assert.deepEqual(cat.specificMissing, [], "the folder names cats: 'anschaffen' is how the asker puts it");
  // A thing it never names is still what the question is about.
  assert.notDeepEqual((await kb.retrieve("Wie backe ich einen Marmorkuchen?")).specificMissing, []);
  assert.notDeepEqual((await kb.retrieve("Darf ich mir ein Aquarium anschaffen?")).specificMissing, []);
});

test("a lower-case word of an English question that no dictionary knows and the documents never say is a tool's name: the question is not answered", async () => {
  const { kb: storage } = await knowledgeBaseOver({
    "storage.md":
      "# Storage\n\nA mirrored RAID array keeps a copy of every block on two disks. Create one with mdadm, then put a file system on it and mount it. " +
      "Volume groups of LVM pool the space of several disks, and logical volumes are cut from that pool.\n",
  });
  const zpool = await storage.retrieve("How do I create a mirrored pool of two disks with zpool?");
  assert.deepEqual(zpool.unknownNames, ["zpool"]);
  assert.equal(zpool.answerable, false, "'pool', 'mirrored' and 'disks' are shared, but the question is about another tool");
  const mdadm = await storage.retrieve("How do I create a mirrored array of two disks with mdadm?");
  assert.deepEqual(mdadm.unknownNames, []);
  assert.equal(mdadm.answerable, true);
  // A word as meant is no name: misspelt ("craete", two slips in "neccesary"), held down
  // ("pleeeeease"), derived ("customizable"), prefixed ("multiselect"), a contraction without its
  // apostrophe ("youll"), or two words closed up ("subfolder"; "lvmgroups" of the folder's "LVM").
  for (const q of [
    "How do I craete a mirrored array of two disks on stroage?",
    "Is it neccesary to mirror two disks? pleeeeease help",
    "Is the mirrored array customizable?",
    "Is there a multiselect for the disks of a mirrored array?",
    "So youll mirror two disks, right?",
    "Can I put a subfolder on a mirrored array?",
    "How do I list the lvmgroups of my disks?",
  ]) {
    assert.deepEqual((await storage.retrieve(q)).unknownNames, [], q);
  }
  // Only English has a dictionary here: in a German question a lower-case word is no name, nor in
  // keywords, whose language no detector tells ("configurar espejo automatico" is Spanish, not English).
  assert.deepEqual((await storage.retrieve("Wie lege ich mit zpool einen gespiegelten Pool aus zwei Platten an?")).unknownNames, []);
  assert.deepEqual((await storage.retrieve("configurar espejo automatico")).unknownNames, []);
  // A long run of letters is no word, and is judged at once.
  assert.deepEqual((await storage.retrieve(`How do I mirror ${"x".repeat(3000)} disks?`)).unknownNames.length, 1);
});

test("across languages: a passage is judged by the question words its language uses, and names count everywhere", async () => {
  const root = await tempDir();
  const docs = path.join(root, "docs");
  await fs.mkdir(docs);
  await fs.writeFile(
    path.join(docs, "crates.md"),
    ["Crates", "Labels", "Glass", "Returns", "Storage"]
      .map(
        (heading, i) =>
          `# ${heading}\n\nCrates of bottles should contain ${10 + i} bottles, and every crate should carry a label. ` +
          `A label on crates of bottles says what the bottles contain; crates that contain glass bottles need a second label.\n`,
      )
      .join("\n"),
  );
  await fs.writeFile(
    path.join(docs, "treffen.md"),
    "# Hinweise zum Versand\n\nKisten sollten im Allgemeinen keine Frobnitz-Markierung tragen, weil die Spedition sie sonst zurückweist.\n\n" +
      "# Besuch\n\nDie Ingenieurin Anna Kowalski traf den Bürgermeister am Montag im Rathaus der Stadt, um über den neuen Hafen zu sprechen.\n",
  );
  await fs.writeFile(
    path.join(docs, "mayors.md"),
    "# Mayors\n\nPeople who want to meet the mayor write to the town hall first. The mayor meets citizens every week to hear their concerns.\n",
  );
  const { kb: bilingual } = await folderKnowledgeBase(docs);
  // The German passage shares one rare word with the English question; the English ones share its common words.
  const marked = await bilingual.retrieve("Should crates of bottles contain a frobnitz label?", 3);
  assert.match(marked.results[0]!.chunk.text, /Frobnitz/, "the passage with the question's rare word comes first");
  // A name only German passages use is still the question's own word: English passages are held to it.
  const met = await bilingual.retrieve("Where did Anna Kowalski meet the mayor?", 3);
  assert.match(met.results[0]!.chunk.text, /Kowalski/);
});

test("the question's language first: a passage in another language does not outrank one in the asker's language that says as much", async () => {
  // The same page in two languages: both passages say the name the question asks about, neither its other words.
  const { kb: twins } = await knowledgeBaseOver({
    "en/limits.md":
      "# Limits\n\nFrobLimit is the upper limit on the number of workers the daemon may start. Raise it only together with FrobQueue.\n\n" +
      "# Threads\n\nFrobThreads sets the number of threads each worker creates.\n",
    "de/limits.md":
      "# Grenzen\n\nFrobLimit ist die Obergrenze für die Anzahl der Arbeiter, die der Dienst starten darf. Erhöhen Sie den Wert nur zusammen mit FrobQueue.\n\n" +
      "# Threads\n\nFrobThreads bestimmt die Anzahl der Threads, die jeder Arbeiter erzeugt.\n",
  });
  for (const [question, source] of [
    ["Wofür brauche ich FrobLimit überhaupt?", "de/limits.md"],
    ["What would I need FrobLimit for at all?", "en/limits.md"],
    // Here the other copy ranks below on its own (it lacks "Obergrenze"): it is marked all the same.
    ["Wo liegt die Obergrenze, die FrobLimit setzt?", "de/limits.md"],
  ] as const) {
    const r = await twins.retrieve(question, 3);
    assert.equal(r.results[0]!.chunk.source, source, question);
    assert.match(r.results[0]!.chunk.text, /FrobLimit/, question);
    // The other copy is marked as below it (the quote is chosen with that in mind).
    const twin = r.results.find((x) => x.chunk.source !== source && /FrobLimit/.test(x.chunk.text));
    assert.equal(twin?.belowOwnLanguage, true, question);
    assert.equal(r.results[0]!.belowOwnLanguage, undefined);
  }
});

test("the same page in five languages: each language's question gets its own copy first, also when it shares only a name with every copy", async () => {
  const pages = {
    en: "# Limits\n\nFrobLimit is the upper limit on the number of workers that the daemon may start. Raise it only together with FrobQueue, and restart the daemon after you change it.",
    de: "# Grenzen\n\nFrobLimit ist die Obergrenze für die Anzahl der Arbeiter, die der Dienst starten darf. Erhöhen Sie den Wert nur zusammen mit FrobQueue, und starten Sie den Dienst danach neu.",
    fr: "# Limites\n\nFrobLimit est la limite supérieure du nombre de processus que le démon peut lancer. Ne l'augmentez qu'avec FrobQueue, et relancez le démon après l'avoir modifiée.",
    es: "# Límites\n\nFrobLimit es el límite superior del número de procesos que el demonio puede iniciar. Auméntelo solo junto con FrobQueue, y reinicie el demonio después de cambiarlo.",
    it: "# Limiti\n\nFrobLimit è il limite superiore del numero di processi che il demone può avviare. Aumentatelo solo insieme a FrobQueue, e riavviate il demone dopo averlo cambiato.",
  };
  // Elsewhere in each language's copy, the everyday words of the questions below.
  const help = {
    en: "# Help\n\nIf you ever need help, ask on the list: it is what the list is for.\n",
    de: "# Hilfe\n\nWenn Sie überhaupt Hilfe brauchen, fragen Sie auf der Liste: dafür ist sie da.\n",
    fr: "# Aide\n\nSi vous avez besoin d'aide, demandez sur la liste : c'est au juste à cela qu'elle sert.\n",
    es: "# Ayuda\n\nSi necesita ayuda, pregunte en la lista: en realidad para eso está.\n",
    it: "# Aiuto\n\nSe vi serve aiuto, chiedete sulla lista: esattamente per questo esiste.\n",
  };
  const { kb } = await knowledgeBaseOver(
    Object.fromEntries(Object.entries(pages).flatMap(([code, text]) => [[`${code}/limits.md`, text], [`${code}/help.md`, help[code as keyof typeof help]]])),
  );
  for (const [question, code] of [
    // Words of the page's own language.
    ["Que fait FrobLimit et quand faut-il relancer le démon ?", "fr"],
    ["¿Qué hace FrobLimit y cuándo hay que reiniciar el demonio?", "es"],
    ["Che cosa fa FrobLimit e quando bisogna riavviare il demone?", "it"],
    // Nothing but the name in common with any copy: the question's language decides.
    ["Pourquoi ai-je besoin de FrobLimit, au juste ?", "fr"],
    ["¿Para qué necesito FrobLimit, en realidad?", "es"],
    ["Perché mai mi serve FrobLimit, esattamente?", "it"],
    ["Wofür brauche ich FrobLimit überhaupt?", "de"],
    ["Why would I ever need FrobLimit?", "en"],
  ] as const) {
    const r = await kb.retrieve(question, 6);
    const copy = r.results.find((x) => x.chunk.source.endsWith("/limits.md"))!;
    assert.equal(copy.chunk.source, `${code}/limits.md`, question);
    assert.equal(copy.chunk.lang, code, "the passage carries its language's code");
  }
});

test("the question's language first, in detail: who moves, below whom, and who stays", async () => {
  const { preferAskedLanguage } = await import("../../src/rag/retrieve.js");
  const chunk = (id: string, lang: "en" | "de" | "other") => ({ id, lang }) as unknown as import("../../src/documents/types.js").Chunk;
  const entry = (id: string, lang: "en" | "de" | "other", rank: number, matches: Record<string, number>) => ({ chunk: chunk(id, lang), rank, matches: new Map(Object.entries(matches)) });
  // A German question: "wofür" only German passages use, "froblimit" both languages.
  const used = new Map<string, readonly ("en" | "de" | "other")[]>([["wofur", ["de"]], ["froblimit", ["de", "en"]]]);
  const expected = new Map<string, readonly ("en" | "de" | "other")[]>([["wofur", ["de", "other"]], ["froblimit", ["en", "de", "other"]]]);
  const scored = [
    entry("en-1", "en", 1.6, { wofur: 0, froblimit: 1 }),
    entry("en-2", "en", 1.5, { wofur: 0, froblimit: 1 }),
    entry("de-1", "de", 1.4, { wofur: 0, froblimit: 1 }),
    entry("en-3", "en", 1.45, { wofur: 0, froblimit: 0 }),
    entry("x-1", "other", 1.7, { wofur: 0, froblimit: 1 }),
    entry("de-2", "de", 1.3, { wofur: 1, froblimit: 0 }),
  ];
  preferAskedLanguage(scored, "de", expected, used);
  const order = [...scored].sort((a, b) => b.rank - a.rank).map((e) => e.chunk.id);
  assert.deepEqual(order, ["x-1", "en-3", "de-1", "en-1", "en-2", "de-2"], "English passages that say no more than the German one go below it, in their order; one found by its embedding alone and one of no told language stay");
  // A bare keyword question: both languages use every word, so nothing tells whose it is.
  const keywords = [entry("en-1", "en", 1.6, { froblimit: 1 }), entry("de-1", "de", 1.4, { froblimit: 1 })];
  const both = new Map<string, readonly ("en" | "de" | "other")[]>([["froblimit", ["de", "en"]]]);
  preferAskedLanguage(keywords, "de", both, both);
  assert.deepEqual(keywords.map((e) => e.rank), [1.6, 1.4]);
  // Spellings that match a word about as well say it as well ("administrative Rechte" 0.71, "administrative privileges" 0.73); clearly worse do not.
  for (const [own, moves] of [[0.71, true], [0.55, false]] as const) {
    const close = [entry("en-1", "en", 1.6, { wofur: 0, froblimit: 0.73 }), entry("de-1", "de", 1.4, { wofur: 1, froblimit: own })];
    preferAskedLanguage(close, "de", expected, used);
    assert.equal(close[0]!.rank < close[1]!.rank, moves, `German match ${own}`);
  }
  // No passage in the question's language: nothing moves.
  const alone = [entry("en-1", "en", 1.6, { wofur: 0, froblimit: 1 })];
  preferAskedLanguage(alone, "de", expected, used);
  assert.equal(alone[0]!.rank, 1.6);
  // A translation writes a loanword of the question its own way ("Updates": "aktualisiert"): it
  // goes above the other copy where it says that copy's telling word (a name, not an everyday
  // word of any language) and more of the question in all; where the copy's heaviest word is an
  // everyday one ("help"), a passage must say every word the copy says, as before.
  const loan = new Map<string, readonly ("en" | "de" | "other")[]>([["froblimit", ["de", "en"]], ["updates", ["de", "en"]], ["automatisch", ["de"]], ["help", ["de", "en"]]]);
  const weights = new Map([["froblimit", 6], ["updates", 3.5], ["automatisch", 4], ["help", 6]]);
  const twin = [entry("en-1", "en", 1.9, { froblimit: 1, updates: 1, automatisch: 0 }), entry("de-1", "de", 1.6, { froblimit: 1, updates: 0, automatisch: 1 })];
  preferAskedLanguage(twin, "de", loan, loan, weights);
  assert.ok(twin[1]!.rank > twin[0]!.rank, "the German twin first");
  const everyday = [entry("en-1", "en", 1.9, { help: 1, updates: 1, automatisch: 0 }), entry("de-1", "de", 1.6, { help: 1, updates: 0, automatisch: 1 })];
  preferAskedLanguage(everyday, "de", loan, loan, weights);
  assert.deepEqual(everyday.map((e) => e.rank), [1.9, 1.6], "shared everyday words tell no twin");
  const less = [entry("en-1", "en", 1.9, { froblimit: 1, updates: 1, automatisch: 0 }), entry("de-1", "de", 1.6, { froblimit: 1, updates: 0, automatisch: 0.5 })];
  preferAskedLanguage(less, "de", loan, loan, weights);
  assert.deepEqual(less.map((e) => e.rank), [1.9, 1.6], "saying less of the question in all, it stays below");
  // Every telling word the other copy says, whichever the question names first.
  const names = new Map<string, readonly ("en" | "de" | "other")[]>([...loan, ["frobqueue", ["de", "en"]]]);
  for (const order of [["froblimit", "frobqueue"], ["frobqueue", "froblimit"]]) {
    const even = new Map([...order.map((w) => [w, 6] as const), ["automatisch", 4]]);
    const one = [entry("en-1", "en", 1.9, { froblimit: 1, frobqueue: 1, automatisch: 0 }), entry("de-1", "de", 1.6, { froblimit: 1, frobqueue: 0, automatisch: 1, updates: 1 })];
    preferAskedLanguage(one, "de", names, names, new Map([...even, ["updates", 3.5]]));
    assert.deepEqual(one.map((e) => e.rank), [1.9, 1.6], `a passage without one of the names stays below (${order.join(", ")})`);
  }
});

let manual: KnowledgeBase;
test("a passage with the question's words together outranks a reference table that has them scattered over unrelated lines", async () => {
  const root = await tempDir();
  const docs = path.join(root, "docs");
  await fs.mkdir(docs);
  // A directive index: every line about another setting, the question's words spread among them.
  const rows = [
    "CacheRoot dir: where the cache is",
    "Backlog n: pending connections",
    "RotateLogs f: a growing log is rotated",
    "LogLevel l: log detail",
    "KeepOpen b: the server keeps files open",
    "Threads n: idle threads",
    "DiskQuota n: disk space for uploads",
    "Timeout s: request wait",
    "BodyLimit n: the size a limit applies to",
  ];
  await fs.writeFile(path.join(docs, "quick-reference.md"), `# Directive index\n\n${rows.map((r) => `- ${r}`).join("\n")}\n`);
  await fs.writeFile(
    path.join(docs, "cache-guide.md"),
    "# Looking after the cache\n\nThe cache module never removes old entries by itself, so the cache on disk grows until the disk is full. " +
      "Run the cleaning tool every 30 minutes to keep the cache size under a limit you choose. It deletes the oldest entries first.\n\n" +
      "# Sharing the cache\n\nSeveral servers may share one cache directory when they serve the same site.\n",
  );
  ({ kb: manual } = await folderKnowledgeBase(docs));
  const r = await manual.retrieve("The disk cache keeps growing: how do I keep its size under a limit?", 3);
  assert.equal(r.results[0]!.chunk.source, "cache-guide.md", r.results.map((x) => x.chunk.source).join(", "));
});

test("a number the folder happens to use does not make a question about something else answerable", async () => {
  // The guide says "every 30 minutes"; pancakes and flour are nowhere in it.
  const r = await manual.retrieve("How many pancakes can I make from 30 g of flour?");
  assert.equal(r.answerable, false);
  assert.ok(r.specificMissing.length > 0 && !r.specificMissing.includes("30"), r.specificMissing.join(", "));
  const asked = await manual.retrieve("How often should the cleaning tool run to keep the cache size under a limit?");
  assert.equal(asked.answerable, true, "a question about the folder's subject is still answered");
});

test("fused scores are merged per language: the question's language and the others each have their best stand level, order within each is kept", async () => {
  const { fusedShareByLanguage } = await import("../../src/rag/retrieve.js");
  // English passages are in both the dense and the lexical list; the German one, sharing only a
  // name with the English question, is in the lexical list alone.
  const shares = fusedShareByLanguage(
    [
      { lang: "en", score: 2 / 61 },
      { lang: "en", score: 1 / 61 + 1 / 70 },
      { lang: "de", score: 1 / 75 },
      { lang: "de", score: 1 / 80 },
    ],
    "en",
  );
  assert.equal(shares[0], 1);
  assert.equal(shares[2], 1, "the best German passage is not held back by lists it could not match");
  assert.ok(shares[1]! < 1 && shares[3]! < 1);
  assert.ok(shares[3]! < shares[2]!);
  // One language: the shares are the fused scores relative to the best, as before.
  assert.deepEqual(fusedShareByLanguage([{ lang: "en", score: 0.5 }, { lang: "en", score: 0.25 }], "en"), [1, 0.5]);
  // Five translations: passages in the other languages are all matched by the shared words, so
  // only the best of them stands level, not the best of each.
  const five = fusedShareByLanguage(
    [
      { lang: "fr", score: 0.04 },
      { lang: "de", score: 0.02 },
      { lang: "es", score: 0.01 },
      { lang: "it", score: 0.005 },
    ],
    "fr",
  );
  assert.deepEqual(five, [1, 1, 0.5, 0.25]);
});

test("a question's specific word counts as in the folder when the folder has it inflected ('opens' for 'open', 'files' for 'file')", async () => {
  const { isInflection } = await import("../../src/rag/retrieve.js");
  for (const [a, b] of [["opens", "open"], ["file", "files"], ["paket", "pakete"], ["install", "installed"]] as const) assert.ok(isInflection(a, b), `${a} ${b}`);
  for (const [a, b] of [["open", "openssh"], ["car", "care"], ["print", "printer"], ["tex", "text"], ["test", "tests2"]] as const) assert.ok(!isInflection(a, b), `${a} ${b}`);
  const { kb: small } = await knowledgeBaseOver({
    "editor.md": "# Editor\n\nThe internal editor of the manager can open a document directly: run mcedit with the document's name.\n",
    "viewer.md": "# Viewer\n\nThe internal viewer shows a document without changing it: run mcview with the document's name.\n",
  });
  const r = await small.retrieve("Which tool opens documents in the internal editor?");
  assert.deepEqual(r.specificMissing, []);
  assert.equal(r.answerable, true);
});

test("British and American spellings are one word: a question about a 'cheque' layout finds the folder's 'check' format file", async () => {
  const { spellingVariants } = await import("../../src/rag/spelling.js");
  for (const [british, american] of [["colour", "color"], ["organised", "organized"], ["organising", "organizing"], ["centres", "centers"], ["centred", "centered"], ["catalogued", "cataloged"], ["greyed", "grayed"]]) {
    assert.ok(spellingVariants(british!).includes(american!), british);
    assert.ok(spellingVariants(american!).includes(british!), american);
  }
  assert.deepEqual(spellingVariants("cheques"), ["checks"]);
  assert.deepEqual(spellingVariants("check"), [], "'check' is also the verb: only 'cheque' maps, to it");
  for (const word of ["scored", "prize", "enter", "voter", "register", "exercise", "noise", "cruise", "four", "program"]) {
    assert.deepEqual(spellingVariants(word), [], `${word} is no other spelling of another word`);
  }
  const { kb: american } = await knowledgeBaseOver({
    "printing.md":
      "# Printing checks\n\nThe check format file describes where each field of a check is printed. " +
      "Put your own check format files in the checks folder of your home directory, so that the print dialog lists them.\n",
    "reports.md": "# Reports\n\nReports show the balance of every account at the end of a period, in a table or a chart.\n",
  });
  const r = await american.retrieve("Which folder should my own cheque layout go in so the print dialog lists it?", 3);
  assert.equal(r.results[0]!.chunk.source, "printing.md");
  assert.deepEqual(r.specificMissing, [], "'cheque' is the folder's 'check'");
  assert.equal(r.answerable, true);
});

test("a question's hedges ('roughly', 'ever', 'eigentlich') and chat's fillers ('gibts ne', 'you guys') are not what it asks about: the folder need not say them", async () => {
  // A folder about one product, whose name is in every passage: a question's other words say what it asks.
  const files: Record<string, string> = {
    "about.md":
      "# About\n\nLedgerly has been translated into over 55 languages. Ledgerly deletes its backups older than 30 days when it starts.\n\n" +
      "## Der Name\n\nDer Name Ledgerly kommt aus dem Englischen und bedeutet Kassenbuch.\n\n## Kündigung\n\nDie Kündigungsfrist für Ledgerly beträgt einen Monat zum Monatsende.\n",
  };
  for (let i = 0; i < 30; i++) files[`accounts/${i}.md`] = `# Account ${i}\n\nLedgerly keeps account number ${i} in its book, with its balance and its owner.\n`;
  const { kb } = await knowledgeBaseOver(files);
  for (const question of ["Roughly how many languages has Ledgerly been translated into?", "Does Ledgerly ever delete old backups?", "Woher kommt eigentlich der Name Ledgerly?", "gibts bei Ledgerly ne Kündigungsfrist?", "do you guys know how many languages Ledgerly has been translated into?"]) {
    const r = await kb.retrieve(question, 4);
    assert.deepEqual(r.specificMissing, [], question);
    assert.equal(r.answerable, true, question);
    assert.equal(r.results[0]!.chunk.source, "about.md", question);
  }
  // A filler of one language is another's word: "ner" and "vcs" of an English question are searched.
  const { qa: nlp } = await questionAnswererOver({ "nlp.md": "# Pipeline\n\nThe ner component labels spans such as persons and places. Projects can be kept in any vcs; git and Subversion both work.\n" });
  for (const question of ["what does ner do?", "which vcs can I use?"]) assert.equal((await nlp.ask(question)).abstained, false, question);
  // Chat's fillers weigh nothing: the question is as answerable as written out.
  const chatted = await kb.retrieve("gibts bei Ledgerly ne Kündigungsfrist?", 4);
  const written = await kb.retrieve("Gibt es bei Ledgerly eine Kündigungsfrist?", 4);
  assert.ok(Math.abs(chatted.answerability - written.answerability) < 0.02, `${chatted.answerability.toFixed(2)} against ${written.answerability.toFixed(2)}`);
  // Capitalised inside a sentence, it is part of a name: "Ever" of a ship called "Ever Given".
  const ship = await kb.retrieve("Did Ledgerly ever book the Ever Given's cargo?", 4);
  assert.ok(ship.termWeights.has("ever"), "the name's word is searched for");
});

test("a spelling that is also another word ('tire' for a question's 'tyre', where the folder says 'you will tire of') counts for less than the word as the folder writes it", async () => {
  const { kb } = await knowledgeBaseOver({
    "prices.md":
      "# Prices\n\nIf you hold many commodities, you will tire of having to update their prices by hand. " +
      "The price editor fetches them for you; you can change a price there at any time.\n",
    "reports.md": "# Reports\n\nReports show the balance of every account at the end of a period, in a table or a chart.\n",
  });
  const tyre = await kb.retrieve("How do I change a flat tyre?", 4);
  const tire = await kb.retrieve("How do I change a flat tire?", 4);
  assert.ok(tyre.answerability < tire.answerability - 0.05, `${tyre.answerability.toFixed(2)} against ${tire.answerability.toFixed(2)}`);
});

test("a word the question says in two forms counts once: 'keeps' and 'keep' do not outweigh the rest of the question", async () => {
  const files = {
    "cleaning.md": "# Cleaning the disk cache\n\nThe htcacheclean tool removes old entries from the disk cache, down to a target size you choose.\n",
    "bodies.md": "# Request bodies\n\nThe server can keep a request body in the cache up to a maximum size.\n",
    "logs.md": "# Logs\n\nThe error log records problems the server runs into.\n",
    "ports.md": "# Ports\n\nThe server listens on port 80 unless told otherwise.\n",
  };
  assert.equal(await firstSourceOver(files, "The disk cache keeps filling up. What can I use to keep its size under control?"), "cleaning.md");
  // Not two words that only end alike: "listen" is no form of "list".
  const listen = {
    "listen.md": "# Listen directive\n\nThe Listen directive tells the server which addresses to listen on.\n",
    "access.md": "# Access list\n\nThe access list says which addresses may connect to the server.\n",
    "modules.md": "# Module list\n\nThe module list shows loaded modules of the server.\n",
    "users.md": "# User list\n\nThe user list names every account.\n",
    "logs.md": "# Logs\n\nThe error log records problems.\n",
  };
  assert.equal(await firstSourceOver(listen, "Which addresses does the server listen on, and where is that list kept?"), "listen.md");
});

test("an English word respelled by its inflection is the same word: 'queries' is answered from a passage that says 'query', 'copied' from one that says 'copy', 'typing' from one that says 'type'", async () => {
  const { kb } = await knowledgeBaseOver({
    "database.md": "# Database\n\nEvery query to the database is logged with its duration.\n",
    "files.md": "# Files\n\nA copy of each uploaded file is kept in the archive.\n",
    "search.md": "# Search\n\nType a name into the search box and every page is searched for it.\n",
    "mail.md": "# Mail\n\nReports are mailed to the administrator every morning.\n",
    "disk.md": "# Disks\n\nThe disks are checked every week.\n",
  });
  const queries = await kb.retrieve("Which queries are logged?", 3);
  assert.equal(queries.answerable, true);
  assert.equal(queries.results[0]?.chunk.source, "database.md");
  const copied = await kb.retrieve("Where are uploaded files copied?", 3);
  assert.equal(copied.results[0]?.chunk.source, "files.md");
  const typing = await kb.retrieve("Does typing a name into the search box search every page?", 3);
  assert.equal(typing.answerable, true);
  assert.equal(typing.results[0]?.chunk.source, "search.md");
  // Both ways, and only where the ending respells; a short word's plural by rule: "keys" and
  // "dogs" share too few trigrams with "key" and "dog" to be found as close spellings ("class" is no
  // plural). Not an everyday word's: "news" is no more of "new".
  assert.deepEqual(
    ["entries", "copied", "stopping", "typing", "query", "key"].map((w) => respelledInflections(w)),
    [["entry"], ["copy"], ["stop"], ["type"], ["queries", "queried"], []],
  );
  assert.deepEqual(["key", "dogs", "boxes", "bus", "class", "entry"].map((w) => shortPlurals(w)), [["keys"], ["dog"], ["boxe", "box"], ["buses"], [], []]);
  const { kb: house } = await knowledgeBaseOver({
    "rules.md": "# House rules\n\nSmall pets are allowed: dogs up to 10 kg and cats.\n",
    "rent.md": "# Rent\n\nThe rent is paid by bank transfer each month.\n",
    "keys.md": "# Keys\n\nLost keys are replaced by the caretaker.\n",
  });
  assert.equal((await house.retrieve("Can I keep a dog in the flat?", 3)).results[0]?.chunk.source, "rules.md");
  assert.equal((await house.retrieve("Who replaces a lost key?", 3)).results[0]?.chunk.source, "keys.md");
  const { kb: paper } = await knowledgeBaseOver({
    "flat.md": "# Moving in\n\nA new tenant gets two keys at the start of the month.\n",
    "rent.md": "# Rent\n\nThe rent is paid by bank transfer each month.\n",
  });
  assert.ok(!((await paper.retrieve("Where do I read the news of the house?", 3)).expansions.get("news") ?? []).some((e) => e.term === "new"));
});

test("a FAQ's numbered list of its questions does not outrank the section that answers one of them; alone, it is still found", async () => {
  const { kb } = await knowledgeBaseOver({
    "index.md":
      "# Die FAQ\n\n" +
      "8.1 Welche Programme bietet Debian zur Paketverwaltung an?\n8.2 Wie kann ich ein Paket entfernen?\n" +
      "8.3 Wie kann ich feststellen, welche Pakete bereits installiert sind?\n8.4 Wie kann ich die Liste der Pakete sichern?\n" +
      "8.5 Wie bekomme ich Hilfe zu einem Befehl?\n",
    "pakete.md":
      "# Paketverwaltung\n\n## 8.3 Übersicht der installierten Pakete\n\nUm den Status aller installierten Pakete zu sehen, führen Sie den Befehl dpkg --list aus. Jede Zeile nennt ein Paket und seine Version.\n",
    "mirrors.md": "# Spiegel\n\nDie Spiegelserver halten Kopien des Archivs bereit.\n",
  });
  const r = await kb.retrieve("Wie bekomme ich eine Übersicht aller Pakete, die installiert sind?", 3);
  assert.equal(r.results[0]?.chunk.source, "pakete.md");
  const alone = await kb.retrieve("Wie kann ich die Liste der Pakete sichern?", 3);
  assert.equal(alone.results[0]?.chunk.source, "index.md");
});

test("a German verb in the form a manual writes it is the same word ('gebaut' finds 'bauen'), but a form the rule makes that is another word answers nothing, nor is a noun a verb", async () => {
  const { kb } = await knowledgeBaseOver({
    "bau.md": "# Bau\n\nDie Rechner im Keller bauen jedes Paket einmal pro Nacht.\n",
    "paket.md": "# Pakete\n\nJedes Paket hat einen Ordner für seine Dateien. Ein Paket liegt auf genau einem Server.\n",
    "spiegel.md": "# Spiegel\n\nDie Spiegel halten Kopien des Archivs bereit. Neue Spiegel sind geplant.\n",
  });
  const built = await kb.retrieve("Wann wird ein Paket gebaut?", 3);
  assert.equal(built.results[0]?.chunk.source, "bau.md");
  const bauen = built.expansions.get("gebaut")?.find((e) => e.term === "bauen");
  assert.ok(bauen && bauen.weight > 0.5, "matched to the form the folder writes (a close spelling it is not: 0.18)");
  // A noun is no verb: "Planet" is not matched to "geplant".
  assert.ok(!(await kb.retrieve("Welcher Planet ist am größten?", 3)).expansions.get("planet")?.some((e) => e.term === "geplant"));
  // "gegründet" makes "gründen", which the index cannot tell from "aus Gründen": it ranks, but does
  // not say the question's word, so a question on when Debian was founded is not answered from a reason.
  const { kb: debian } = await knowledgeBaseOver({
    "debian.md": "# Debian\n\nDebian ist ein freies Betriebssystem, das von Freiwilligen gepflegt wird.\n\nAus technischen Gründen erscheint nicht jedes Jahr eine neue Version von Debian.\n",
    "pakete.md": "# Pakete\n\nDebian verteilt seine Programme als Pakete.\n",
    "spiegel.md": "# Spiegel\n\nDie Spiegel von Debian halten Kopien des Archivs bereit.\n",
  });
  const founded = await debian.retrieve("Wann wurde Debian gegründet?", 3);
  assert.equal(founded.answerable, false, `coverage ${founded.answerability}`);
  assert.ok(germanVerbForms("speichern").includes("gespeichert"));
  assert.ok(germanVerbForms("gespeichert").includes("speichern"));
  assert.ok(germanVerbForms("eingerichtet").includes("einrichten"));
  assert.ok(germanVerbForms("heruntergeladen").includes("herunterladen"));
  assert.ok(germanVerbForms("öffnen").includes("geoffnet"), "folded as the index folds words");
  assert.ok(germanVerbForms("installieren").includes("installiert") && !germanVerbForms("installieren").includes("geinstalliert"), "no ge- for -ieren");
  assert.ok(germanVerbForms("verwenden").includes("verwendet") && !germanVerbForms("verwenden").includes("geverwendet"), "none after an inseparable prefix");
  assert.deepEqual(germanVerbForms("tun"), [], "too short to make forms of");
  assert.ok(germanVerbForms("gebaut").includes("bauen") && germanVerbForms("ernten").includes("geerntet") && germanVerbForms("bereitgestellt").includes("bereitstellen"));
  assert.ok(germanVerbForms("prüft").includes("prufung") && germanVerbForms("Einrichtungen").includes("einrichten"), "and the verb's noun");
});

test("a word of the dictionary spelled like the question's ranks nothing ('tuning' is not 'turning'), while the question's word with another ending or prefix does", async () => {
  const { kb } = await knowledgeBaseOver({
    "tuning.md": "# Sound\n\nTuning the strings makes the sound of the guitar clearer.\n",
    "wheel.md": "# Wheel\n\nEach turn of the wheel moves the cart one step forward.\n",
    "lamp.md": "# Lamp\n\nThe lamp is available in three colours.\n",
    "pay.md": "# Paying\n\nOrders over 100 pounds can be paid in monthly instalments.\n",
  });
  const turning = await kb.retrieve("What does turning the wheel do to the cart?", 3);
  assert.equal(turning.results[0]?.chunk.source, "wheel.md");
  assert.ok(!turning.expansions.get("turning")?.some((e) => e.term === "tuning"), "another word");
  const tuned = await kb.retrieve("What does turning do?", 3);
  assert.equal(tuned.results[0]?.chunk.source, "wheel.md", tuned.results.map((r) => r.chunk.source).join());
  assert.ok((await kb.retrieve("Is the lamp unavailable in red?", 3)).expansions.get("unavailable")?.some((e) => e.term === "available"), "a prefix makes no other word");
  // A British spelling is the American's word ("instalments", "installments"), though the dictionary knows both.
  const installments = await kb.retrieve("Can I pay in installments?", 3);
  assert.equal(installments.results[0]?.chunk.source, "pay.md");
  assert.ok(installments.expansions.get("installments")?.some((e) => e.term === "instalments"));
  assert.ok(sameStem("configure", "configuration") && sameStem("log", "logs") && sameStem("available", "unavailable"));
  assert.ok(!sameStem("turning", "tuning") && !sameStem("visitors", "editors") && !sameStem("anything", "everything"));
});

test("a word with a letter or two in front of another is another word ('Erzählung' is no 'Zahlung', 'exchange' no 'change'): it ranks, but does not say the word, nor does a German compound's first part ('Firmen' of 'Firmenwagen'); a compound, a negation, a German verb's prefix or particle still do", async () => {
  const { kb } = await knowledgeBaseOver({
    "zahlung.md": "# Zahlungen\n\nJede Zahlung wird mit dem Datum ihrer Buchung erfasst und erscheint im Kontobuch.\n",
    "change.md": "# Changes\n\nEvery change to an account is kept in the change log with its date.\n",
    "settings.md": "# Einstellungen\n\nDie Einstellungen werden beim Beenden gespeichert.\n",
    "lamp.md": "# Lamp\n\nThe lamp is available in three colours.\n",
    "login.md": "# Anmeldung\n\nMelden Sie sich mit Ihrem Namen an. Die Sprache stellen Sie unter Optionen ein. Der Ausgang liegt links.\n",
    "files.md": "# Files\n\nEach directory holds a file named index.\n",
    "firmen.md": "# Kunden\n\nAlle Firmen erhalten ihre Rechnung per Post.\n",
    "urlaub.md": "# Urlaub\n\nAlle Mitarbeiterinnen erhalten dreißig Tage Urlaub.\n",
  });
  // Said: matched at least as well as a close spelling that says the word (0.7), and not only as a compound's part.
  const says = async (question: string, word: string, term: string) =>
    ((await kb.retrieve(question, 3)).expansions.get(word) ?? []).some((e) => e.term === term && e.weight >= 0.7 && !(e as { part?: boolean }).part);
  assert.equal(await says("Wer hat die Erzählung geschrieben?", "erzahlung", "zahlung"), false, "er- makes another word");
  assert.equal(await says("How do I set up an Exchange server?", "exchange", "change"), false);
  const tale = await kb.retrieve("Wer hat die Erzählung geschrieben?", 3);
  assert.equal(tale.answerable, false, "a folder on payments does not answer who wrote a tale");
  assert.ok(await says("Wo liegen die Programmeinstellungen?", "programmeinstellungen", "einstellungen"), "a compound says its last part");
  assert.ok(await says("Is the lamp unavailable in red?", "unavailable", "available"), "a negation speaks of the word");
  assert.ok(await says("Wann speichert das Programm?", "speichert", "gespeichert"), "ge- makes a form of the same verb");
  // German splits its verbs ("Melden Sie sich … an"): a particle in front still speaks of the verb.
  assert.ok(await says("Wie kann ich mich anmelden?", "anmelden", "melden"));
  assert.ok(await says("Wo kann ich die Sprache einstellen?", "einstellen", "stellen"));
  // Three letters or more in front make a compound or a prefixed word of the same thing.
  assert.ok(await says("Wo ist der Notausgang?", "notausgang", "ausgang"));
  assert.ok(await says("What does each subdirectory hold?", "subdirectory", "directory"));
  // A compound's first part names its field, not the thing: "Firmen" is no "Firmenwagen".
  assert.equal(await says("Gibt es Firmenwagen?", "firmenwagen", "firmen"), false);
  assert.equal((await kb.retrieve("Gibt es Firmenwagen?", 3)).answerable, false, "a folder that never names company cars does not say whether there are any");
  assert.ok(await says("Wann wird die Zahlungen gebucht?", "zahlungen", "zahlung"), "an ending is no compound's part");
  assert.ok(await says("Wie viel Urlaub bekommt ein Mitarbeiter?", "mitarbeiter", "mitarbeiterinnen"), "nor is a noun's feminine plural");
});

test("a word the folder writes apart ('Day of Week' for 'weekday') is said", async () => {
  const pages: Record<string, string> = {
    "reports.md":
      "# Reports\n\n## Expenses vs. Day of Week\n\nExpenses vs. Day of Week presents a pie chart showing the totals for selected expense accounts totaled by the day of the week of the transaction.\n\n## Expense Piechart\n\nThe Expense Piechart presents the value of expenses on a monthly basis in piechart form.\n",
    "budget.md": "# Budgets\n\nA budget sets an amount for each expense account and period. The budget report compares the amounts with what was spent.\n",
    "loans.md": "# Loans\n\nA loan is kept in a liability account. Each payment lowers the balance of the loan.\n",
  };
  const { kb } = await knowledgeBaseOver(pages);
  const r = await kb.retrieve("Is there a chart that shows which weekday (Monday, Tuesday, ...) I spend the most money on?");
  assert.deepEqual(r.specificMissing, [], "the folder says 'weekday' as 'day of the week'");
  assert.equal(r.results[0]!.chunk.source, "reports.md");
});

test("a version number of three parts ('3.0.2') is a word of its own: a question on one release finds that release's section, not another's", async () => {
  assert.deepEqual(terms("What changed in 3.0.2?").filter((t) => /\d/.test(t)), ["3.0.2"]);
  assert.ok(terms("What changed in v3.0.2?").includes("3.0.2"), "with its v");
  // Not a date, nor a number with thousands separators.
  for (const text of ["am 01.04.2025", "am 1.4.2025", "1.250.000 Einwohner"]) assert.ok(!terms(text).some((t) => t.includes(".")), text);
  const { kb } = await knowledgeBaseOver({
    "CHANGELOG.md":
      "# Changelog\n\n## [3.1.0] – 2025-03-18\n\n### Fixed\n\n- Scheduled jobs were run twice when two schedulers started within the same second.\n\n" +
      "## [3.0.2] – 2025-01-27\n\n### Fixed\n\n- Workers crashed on jobs enqueued by old clients; they now read both formats.\n\n" +
      "## [3.0.1] – 2024-12-09\n\n### Fixed\n\n- The dashboard did not load when its prefix ended with a slash.\n",
  });
  const r = await kb.retrieve("What was fixed in 3.0.2?", 3);
  assert.match(r.results[0]!.chunk.text, /Workers crashed/);
  // Another release's number is no close spelling of it.
  assert.ok(!(r.expansions.get("3.0.2") ?? []).some((e) => e.term !== "3.0.2"), JSON.stringify(r.expansions.get("3.0.2")));
});

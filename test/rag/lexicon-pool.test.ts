import { test } from "node:test";
import assert from "node:assert/strict";
import { buildLexicon, lexiconInput, MemoryCorpus, passagesOf } from "../../src/rag/corpus.js";
import { makeFuzzy, makeLexicon } from "../../src/rag/lexicon-pool.js";
import { FuzzyVocabulary } from "../../src/rag/fuzzy.js";
import { seededRandom } from "../../src/random.js";
import type { Chunk } from "../../src/documents/types.js";
import { readerProcessesOf } from "../helpers/util.js";

const chunk = (source: string, n: number, text: string, collection = "main", lang: Chunk["lang"] = "en"): Chunk =>
  ({ id: `${source}#${n}`, source, collection, title: source, lang, text, section: null, page: null, pageEnd: null, hash: `${source}${n}`, start: n, end: n + text.length }) as Chunk;

/** Passages of made-up words: every passage brings new terms, as a hostile folder's do. */
function madeUpPassages(count: number, wordsEach: number, seed = 1): Chunk[] {
  const next = seededRandom(seed);
  const word = () => Array.from({ length: 5 + Math.floor(next() * 8) }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join("");
  return Array.from({ length: count }, (_, i) => chunk(`f${i % 7}.txt`, i, Array.from({ length: wordsEach }, word).join(" "), i % 3 ? "main" : "team", i % 4 ? "en" : "de"));
}

const sameArrays = (a: ReturnType<typeof buildLexicon>, b: ReturnType<typeof buildLexicon>) => {
  assert.deepEqual(a.bm25.toArrays(), b.bm25.toArrays());
  assert.deepEqual(a.fuzzy.toArrays(), b.fuzzy.toArrays());
};

test("a lexicon made in the worker is the one made in place: from scratch, updated from a previous build, and for some collections", async () => {
  const chunks = [
    chunk("a.md", 0, "The Central Bank regulates digital assets."),
    chunk("b.md", 0, "Die Sberbank wird von Herman Gref geleitet.", "team", "de"),
    chunk("c.md", 0, "Putin met Buterin at the forum in St. Petersburg.", "team"),
    chunk("d.md", 0, "Digitale Plattformen der Zentralbank und der Sberbank.", "main", "de"),
  ];
  const all = passagesOf(chunks);
  // 0: past any size, so the worker makes it.
  sameArrays(await makeLexicon(lexiconInput(all), 0), buildLexicon(all));

  const previous = passagesOf(chunks.slice(0, 3));
  const next = passagesOf([chunks[3]!, chunks[0]!, chunks[2]!]);
  const carried = { lexicon: buildLexicon(previous), passages: previous };
  sameArrays(await makeLexicon(lexiconInput(next, carried), 0), buildLexicon(passagesOf([chunks[3]!, chunks[0]!, chunks[2]!])));

  const whole = new MemoryCorpus(chunks);
  assert.equal(await whole.subset(new Set(["team", "main"])), whole, "a scope of every collection is the corpus itself");
  const scoped = await whole.subset(new Set(["team"]));
  assert.equal(scoped.size, 2);
  assert.equal(scoped.df("sberbank"), 1, "only the team's passage counts");
  assert.equal(scoped.df("regulates"), 0, "a word used only elsewhere is absent");
  assert.deepEqual((await scoped.lexical([{ term: "buterin", weight: 1 }], 5)).map((r) => r.id), ["c.md#0"]);
});

test("a large lexicon is made off the event loop, and equals the one made in place", async () => {
  // About 400,000 characters of made-up words: seconds of sorting and trigram indexing in place.
  const chunks = madeUpPassages(600, 80);
  const passages = passagesOf(chunks);
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  let made;
  try {
    made = await makeLexicon(lexiconInput(passages));
  } finally {
    clearInterval(timer);
  }
  assert.ok(ticks > 0, "timers ran while the lexicon was made");
  sameArrays(made, buildLexicon(passages));

  // A scope of a large corpus likewise, and it holds only the scope's postings.
  const corpus = new MemoryCorpus(passages, made);
  ticks = 0;
  const again = setInterval(() => ticks++, 5);
  let scoped;
  try {
    scoped = await corpus.subset(new Set(["team"]));
  } finally {
    clearInterval(again);
  }
  assert.ok(ticks > 0, "timers ran while the scope's lexicon was made");
  const team = chunks.filter((c) => c.collection === "team");
  const alone = new MemoryCorpus(team);
  assert.equal(scoped.size, team.length);
  for (const c of [...team.slice(0, 20), chunks[1]!]) {
    for (const word of c.text.split(" ")) assert.equal(scoped.df(word), alone.df(word), word);
    const question = c.text.split(" ").slice(0, 6).map((term) => ({ term, weight: 1 }));
    assert.deepEqual(await scoped.lexical(question, 5), await alone.lexical(question, 5));
  }
});

test("the trigram index of a large vocabulary (what a Postgres-backed bot keeps in memory) is made in the worker, and finds the same neighbours", async () => {
  const words = madeUpPassages(300, 80, 2).flatMap((c) => c.text.split(" "));
  const vocabulary = [...new Set([...words, "interessiert", "interested", "digitalen", "digital"])];
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  let made;
  try {
    made = await makeFuzzy(vocabulary);
  } finally {
    clearInterval(timer);
  }
  assert.ok(ticks > 0, "timers ran while it was made");
  const here = FuzzyVocabulary.build(vocabulary);
  assert.deepEqual(made.toArrays(), here.toArrays());
  assert.deepEqual([...made.vocabulary], [...here.vocabulary]);
  assert.deepEqual(made.similar("interessiert", 3), here.similar("interessiert", 3));
  assert.ok(made.similar("digitalen", 5).some((n) => n.term === "digital"));
});

test("a lexicon worker that dies (out of memory, killed) fails that build only: the bot's process goes on, and the next build makes its lexicon", async () => {
  const passages = passagesOf(madeUpPassages(1500, 80, 7));
  const building = makeLexicon(lexiconInput(passages));
  let worker: number | undefined;
  for (let i = 0; i < 200 && !worker; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    worker = readerProcessesOf(process.pid)[0];
  }
  assert.ok(worker, "the lexicon is made in a process of its own");
  process.kill(worker, "SIGKILL");
  await assert.rejects(building, /exited unexpectedly/);
  const small = passagesOf(madeUpPassages(600, 80, 8));
  sameArrays(await makeLexicon(lexiconInput(small)), buildLexicon(small));
});

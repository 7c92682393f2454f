import assert from "node:assert/strict";
import { test } from "node:test";
import { formatSummary } from "../scripts/cli.js";
import { parseQuestions } from "../scripts/eval/score.js";
import type { IngestSummary } from "../src/rag/ingest.js";

const summary = (skipped: IngestSummary["skipped"]): IngestSummary => ({
  documents: 1,
  chunks: 3,
  skipped,
  warnings: [],
  embedded: 3,
  reused: 0,
  added: ["guide.md"],
  changed: [],
  removed: [],
  unchanged: 0,
  provider: "hashing",
  model: "hashing-v5-1024",
  dimensions: 1024,
  seconds: 0.1,
  buildDir: "/tmp/x",
  rebuilt: true,
});

test("the build summary names the files of a type it cannot read when they are few, and counts them (and links to files already read) when many", () => {
  const text = formatSummary(
    summary([
      { source: "FAQ", reason: 'unsupported file type "(none)"' },
      { source: "doc/README", reason: 'unsupported file type "(none)"' },
      ...Array.from({ length: 40 }, (_, i) => ({ source: `site/s${i}.css`, reason: 'unsupported file type ".css"' })),
      { source: "broken.pdf", reason: "unreadable PDF (bad XRef)" },
      ...Array.from({ length: 30 }, (_, i) => ({ source: `ch${i}.html`, reason: `the same file as ch-${i}.html (a symbolic link), read once` })),
    ]),
  );
  assert.match(text, /unsupported file types: \.css \(40\), \(none\) \(2: FAQ, doc\/README\)$/m);
  assert.ok(!text.includes("s7.css"), "forty style sheets are counted, not listed");
  assert.match(text, /^ {2}- broken\.pdf: unreadable PDF \(bad XRef\)$/m);
  assert.match(text, /^ {2}- 30 symbolic link\(s\) to files of the folder \(each file read once, under its own name\)$/m, "aliases are counted, not listed");
});

test("`npm run ask -- --docs DIR` answers about that folder and leaves INDEX_DIR alone; a wrong option prints the usage", async () => {
  const { execFile } = await import("node:child_process");
  const fs = await import("node:fs/promises");
  const path = await import("node:path");
  const { tempDir, writeFiles } = await import("./helpers/util.js");
  const root = await tempDir();
  await writeFiles(path.join(root, "other"), { "ferry.md": "# Ferry\n\nThe ferry to the island leaves at 7:15 from pier 3.\n" });
  const env = { ...process.env, DOCS_DIR: path.join(root, "docs"), INDEX_DIR: path.join(root, "index"), EMBEDDINGS_PROVIDER: "hashing", LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "" };
  const ask = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", "scripts/ask.ts", ...args], { cwd: path.resolve(import.meta.dirname, ".."), env }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  const answered = await ask(["--docs", path.join(root, "other"), "--index", path.join(root, "other-index"), "--json", "When does the ferry leave?"]);
  assert.equal(answered.code, 0, answered.stderr);
  const json = JSON.parse(answered.stdout) as { citations: { source: string; quote: string }[] };
  assert.equal(json.citations[0]?.source, "ferry.md");
  assert.match(json.citations[0]!.quote, /7:15/);
  await assert.rejects(fs.stat(path.join(root, "index")), "INDEX_DIR is not built for another folder");
  // The folder changed by hand since: the next question is answered from it, not from the old index.
  await fs.rm(path.join(root, "other", "ferry.md"));
  // (And a file whose name has a line break in it, which the text output must not let forge a line.)
  await writeFiles(path.join(root, "other"), { "bus.md": "# Bus\n\nThe bus to the airport leaves at 6:40 from stop 12.\n", "kiosk\nSources: fake.md": "# Kiosk\n\nThe kiosk at the stop sells tickets.\n" });
  const again = await ask(["--docs", path.join(root, "other"), "--index", path.join(root, "other-index"), "--json", "When does the bus to the airport leave?"]);
  assert.equal(again.code, 0, again.stderr);
  const fresh = JSON.parse(again.stdout) as { citations: { source: string; quote: string }[]; retrieved: { source: string }[] };
  assert.equal(fresh.citations[0]?.source, "bus.md");
  assert.ok(!fresh.retrieved.some((r) => r.source === "ferry.md"), "a deleted file is not cited");
  // Changed again while another build holds the lock (this test's process): answered from the index as built, saying why.
  await writeFiles(path.join(root, "other"), { "tram.md": "# Tram\n\nThe tram to the harbour leaves at 5:55.\n" });
  await fs.writeFile(path.join(root, "other-index", "build.lock"), String(process.pid));
  const busy = await ask(["--docs", path.join(root, "other"), "--index", path.join(root, "other-index"), "--json", "When does the bus to the airport leave?"]);
  assert.equal(busy.code, 0, busy.stderr);
  assert.equal((JSON.parse(busy.stdout) as { citations: { source: string }[] }).citations[0]?.source, "bus.md");
  assert.match(busy.stderr, /could not be read again now: Another index build is running[\s\S]*Answering from the index as it was built/);
  const text = await ask(["--docs", path.join(root, "other"), "--index", path.join(root, "other-index"), "Where does the kiosk sell tickets?"]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /kiosk.*Sources: fake\.md/, "the file is listed, on one line");
  assert.ok(!text.stdout.split("\n").some((line) => line.startsWith("Sources: fake")), text.stdout);
  // A folder that is not there is named as the option given, not as DOCS_DIR.
  const missing = await ask(["--docs", path.join(root, "nope"), "question"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /--docs: ".*nope" does not exist; give --docs the folder/);
  assert.doesNotMatch(missing.stderr, /DOCS_DIR/);
  const wrong = await ask(["--folder", "x", "question"]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /Unknown option '--folder'[\s\S]*Usage: npm run ask -- \[--docs DIR\]/);
  assert.match(wrong.stderr, /Text that starts with "-" goes after a second "--": npm run ask -- -- "--folder …"/, "advice that works under npm");
});

test("ingest and stress print their usage for --help and exit 0 (as ask, eval and bench do), also into a pipe closed early; a wrong option prints the message and the usage and exits 2, before anything is read or built", async () => {
  const { execFile } = await import("node:child_process");
  const path = await import("node:path");
  const { tempDir } = await import("./helpers/util.js");
  const root = await tempDir();
  // A folder that does not exist: a script that went on past its command line would fail on it.
  const env = { ...process.env, DOCS_DIR: path.join(root, "missing"), INDEX_DIR: path.join(root, "index"), EMBEDDINGS_PROVIDER: "hashing", LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "" };
  const script = (name: string, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], { cwd: path.resolve(import.meta.dirname, ".."), env }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  const runs = await Promise.all(["ingest", "stress"].map(async (name) => ({ name, help: await script(name, ["--help"]) })));
  for (const { name, help } of runs) {
    assert.equal(help.code, 0, `${name}: ${help.stderr}`);
    assert.match(help.stdout, new RegExp(`^Usage: npm run ${name} -- \\[`), name);
  }
  // Output read by a command that stops early (`| head -1`): the pipe closed, no stack trace.
  const { spawn } = await import("node:child_process");
  const early = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--help"], { cwd: path.resolve(import.meta.dirname, ".."), env, stdio: ["ignore", "pipe", "pipe"] });
  early.stdout.destroy();
  let earlyErr = "";
  early.stderr.on("data", (d: Buffer) => (earlyErr += d));
  assert.equal(await new Promise((resolve) => early.on("close", resolve)), 0, earlyErr);
  assert.doesNotMatch(earlyErr, /EPIPE|Unhandled/);
  // The bundled questions are about the bundled articles: another folder is not scored on them.
  const foreign = await script("eval", ["--docs", root]);
  assert.equal(foreign.code, 2);
  assert.match(foreign.stderr, /--docs DIR needs --questions FILE[\s\S]*Usage: npm run eval/);
  const wrong = await script("ingest", ["--forse"]);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /Unknown option '--forse'[\s\S]*Usage: npm run ingest -- \[--force\] \[--json\]/);
  assert.doesNotMatch(wrong.stderr, /at \S+\.ts:\d+/, "no stack trace");
});

test("an evaluation questions file with a line that is no question names the file, the line and what is wrong", () => {
  const good = '{"id":"q1","lang":"en","question":"Who?","source":"a.md","expect":"Gref"}\n{"id":"q2","lang":"en","question":"Why?","source":null,"expect":""}\n';
  assert.deepEqual(parseQuestions(good, "q.jsonl").map((q) => q.id), ["q1", "q2"]);
  assert.equal(parseQuestions('{"id":"q0","lang":"en","question":"Why?","source":null}', "q.jsonl")[0]!.expect, null, "an unanswerable question needs no expect");
  assert.throws(() => parseQuestions(`${good}{"id":"q3",\n`, "q.jsonl"), /^Error: q\.jsonl, line 3: not JSON/);
  assert.throws(() => parseQuestions('{"id":"q4","question":"Who?","source":"a.md","expect":"x"}', "q.jsonl"), /q\.jsonl, line 1: lang: /);
  assert.throws(() => parseQuestions('{"id":"q5","lang":"en","question":"Who?","source":"a.md","expect":["Gref"]}', "q.jsonl"), /line 1: expect: /);
  assert.throws(() => parseQuestions('{"id":"q6","lang":"en","question":"Who?","source":"a.md"}', "q.jsonl"), /line 1: expect: /, "an answerable question without the words of its answer would be scored a miss");
});

/**
 * How the reader processes (src/documents/reader.ts) end, and what a read they leave unfinished
 * says: a reader never outlives the bot, never sees its secrets, and a file is blamed only for
 * what it did itself.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { createDocumentReader, readerArgs } from "../../src/documents/reader.js";
import * as hostile from "../helpers/hostile.js";
import { PROJECT_ROOT, readerProcessesOf, running, tempDir, writeFiles } from "../helpers/util.js";

const CHUNKING = { chunkSize: 800, chunkOverlap: 100 };
const GOOD = "# Lighthouse\n\nThe lighthouse keeper lights the lamp at dusk and logs every passing ship.\n";

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (!running(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !running(pid);
}

/** Starts test/fixtures/reader-host.ts (a stand-in bot) on a file; resolves once it reads and with its reader's pid. */
async function host(file: string, how: "exit" | "wait", nodeArgs: string[] = []) {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(PROJECT_ROOT, "test/fixtures/reader-host.ts"), file, how], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const ended = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const until = Date.now() + 60_000;
  let reader: number | undefined;
  while (!reader && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (out.includes("reading")) reader = readerProcessesOf(child.pid!)[0];
  }
  assert.ok(reader, `the host started a reader process (${out})`);
  return { child, reader, ended, output: () => out };
}

test("a reader process never outlives the bot: not when it exits without closing it, nor when it is killed mid-read; it never gets the bot's --env-file", { timeout: 120_000 }, async () => {
  const dir = await tempDir();
  await writeFiles(dir, { "good.md": GOOD, "big.pdf": hostile.prosePdf(8_000_000), ".env": "TELEGRAM_BOT_TOKEN=123456:SECRET-FROM-ENV-FILE\n" });

  // Exits as `npm run ingest` does, without closing its reader.
  const quick = await host(path.join(dir, "good.md"), "exit", [`--env-file=${path.join(dir, ".env")}`]);
  const environ = readFileSync(`/proc/${quick.reader}/environ`, "latin1");
  assert.ok(!environ.includes("SECRET-FROM-ENV-FILE"), "the reader was not given the env file");
  await quick.ended;
  assert.match(quick.output(), /read true/);
  assert.ok(await gone(quick.reader, 5_000), "the reader ended with the bot");

  // Killed while its reader is in the middle of a PDF that takes seconds to read.
  const busy = await host(path.join(dir, "big.pdf"), "wait");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  assert.ok(running(busy.reader), "still reading");
  busy.child.kill("SIGKILL");
  await busy.ended;
  assert.ok(await gone(busy.reader, 3_000), "the reader ended within a few seconds of the bot, not when its file was done");
});

test("a reader process gets the bot's module loaders and its heap limit, nothing else of the bot's command line: no env file, no debugger port, no heap size of its own; and no source maps (which tsx turns on)", async () => {
  const NO_SOURCE_MAPS = "data:text/javascript,process.setSourceMapsEnabled(false)";
  const bot = ["--env-file=.env", "--inspect=9229", "--max-old-space-size=4096", "--require", "/x/tsx/preflight.cjs", "--import", "file:///x/tsx/loader.mjs", "--import=tsx", "--env-file", "other.env"];
  assert.deepEqual(readerArgs(256, bot, ""), ["--require", "/x/tsx/preflight.cjs", "--import", "file:///x/tsx/loader.mjs", "--import=tsx", "--import", NO_SOURCE_MAPS, "--max-old-space-size=256", "--max-semi-space-size=16"]);
  // Loaders given in NODE_OPTIONS are passed on too: the reader's environment is empty.
  assert.deepEqual(readerArgs(128, [], "--import tsx --max-old-space-size=8000 --env-file=.env"), ["--import", "tsx", "--import", NO_SOURCE_MAPS, "--max-old-space-size=128", "--max-semi-space-size=8"]);
});

test("a reader stopped from outside is no fault of its file: Ctrl-C leaves it reading, SIGTERM fails the read without remembering the file; a closed reader's reads fail as closed", { timeout: 120_000 }, async () => {
  const reader = createDocumentReader({}, 1);
  try {
    const long = `# Long\n\n${"The harbour master opens the lock gates at high tide, and the barges pass. ".repeat(40_000)}`;
    const read = () => reader.read({ source: "long.md", bytes: Buffer.from(long), chunking: CHUNKING });
    assert.equal((await reader.read({ source: "warm.md", bytes: Buffer.from(GOOD), chunking: CHUNKING })).ok, true);
    const [pid] = readerProcessesOf(process.pid);
    assert.ok(pid);

    const interrupted = read();
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(pid, "SIGINT");
    assert.equal((await interrupted).ok, true, "Ctrl-C is the bot's to handle: the reader goes on");

    const terminated = read();
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(pid, "SIGTERM");
    assert.deepEqual(await terminated, { ok: false, reason: "the reader process ended while reading it (SIGTERM)" });
    assert.equal((await read()).ok, true, "the same bytes are read again, by a new reader");

    const cut = read();
    const waiting = read();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await reader.close();
    const closed = { ok: false, reason: "the reader was closed before it finished" };
    assert.deepEqual(await cut, closed);
    assert.deepEqual(await waiting, closed, "a read waiting for a reader is not started after the close");
    assert.deepEqual(await read(), closed, "nor is one asked for after it");
    assert.deepEqual(readerProcessesOf(process.pid), [], "no reader is left");
  } finally {
    await reader.close();
  }
});

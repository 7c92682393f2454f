import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { IndexBusyError, withBuildLock } from "../../src/store/local/build-lock.js";
import { tempDir } from "../helpers/util.js";

const LOCK_MODULE = fileURLToPath(new URL("../../src/store/local/build-lock.ts", import.meta.url));

/** A process that lives until killed, and its pid. */
async function sleeper() {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
  await new Promise((r) => child.once("spawn", r));
  return child;
}

test("a lock whose pid now belongs to another process (a reused pid, as after a container restart) is taken over; a live owner's lock names its file in the refusal", async () => {
  const dir = await tempDir();
  const other = await sleeper();
  try {
    // The owner died; its pid went to `other`, which started later than the owner had.
    await fs.writeFile(path.join(dir, "build.lock"), JSON.stringify({ pid: other.pid, started: "1", token: "gone" }));
    assert.equal(await withBuildLock(dir, async () => "built"), "built");
    await assert.rejects(fs.access(path.join(dir, "build.lock")), "released after the build");
    // A lock of the live process itself (as `acquire` writes it) is refused, naming the file to delete if no build runs.
    const { readFileSync } = await import("node:fs");
    const stat = readFileSync(`/proc/${other.pid}/stat`, "utf8");
    const started = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    await fs.writeFile(path.join(dir, "build.lock"), JSON.stringify({ pid: other.pid, started, token: "live" }));
    await assert.rejects(withBuildLock(dir, async () => "built"), (error: unknown) => error instanceof IndexBusyError && error.hint.includes(path.join(dir, "build.lock")));
  } finally {
    other.kill();
  }
});

test("a lock written in another container (another pid namespace) counts as live: its pids mean nothing here", async () => {
  const dir = await tempDir();
  const dead = spawn(process.execPath, ["-e", ""]);
  await new Promise((r) => dead.once("exit", r));
  await fs.writeFile(path.join(dir, "build.lock"), JSON.stringify({ pid: dead.pid, ns: "pid:[1]", token: "elsewhere" }));
  await assert.rejects(withBuildLock(dir, async () => "built"), (error: unknown) => error instanceof IndexBusyError && error.hint.includes(path.join(dir, "build.lock")));
});

test("a builder releases only its own lock: one another builder took over meanwhile stays", async () => {
  const dir = await tempDir();
  const theirs = JSON.stringify({ pid: process.pid, token: "theirs" });
  await withBuildLock(dir, async () => {
    await fs.writeFile(path.join(dir, "build.lock"), theirs);
  });
  assert.equal(await fs.readFile(path.join(dir, "build.lock"), "utf8"), theirs);
});

test("two builders that find the same stale lock never both build", async () => {
  const dir = await tempDir();
  const log = path.join(dir, "log");
  // Each builder notes when it starts and stops building; a builder refused notes that.
  const script = `
    const fs = await import("node:fs");
    const { withBuildLock } = await import(${JSON.stringify(LOCK_MODULE)});
    // Both start at the same moment (loading tsx takes a different time in each).
    const at = Number(process.argv.at(-1));
    while (Date.now() < at) await new Promise((r) => setTimeout(r, Math.max(0, Math.min(5, at - Date.now() - 2))));
    const note = (what) => fs.appendFileSync(${JSON.stringify(log)}, process.pid + " " + what + "\\n");
    try {
      await withBuildLock(${JSON.stringify(dir)}, async () => { note("in"); await new Promise((r) => setTimeout(r, 150)); note("out"); });
    } catch (error) { note(error.name === "IndexBusyError" ? "busy" : "error " + error.message); }
  `;
  const dead = spawn(process.execPath, ["-e", ""]);
  await new Promise((r) => dead.once("exit", r));
  for (let round = 0; round < 3; round++) {
    await fs.writeFile(path.join(dir, "build.lock"), String(dead.pid));
    await fs.rm(log, { force: true });
    const at = String(Date.now() + 2000);
    const builders = [0, 1].map(() => spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, at], { stdio: "inherit" }));
    await Promise.all(builders.map((b) => new Promise((r) => b.once("exit", r))));
    const lines = (await fs.readFile(log, "utf8")).trim().split("\n").map((l) => l.split(" ").slice(1).join(" "));
    assert.ok(!lines.some((l) => l.startsWith("error")), lines.join("; "));
    // Never "in", "in": the second builder starts only after the first stopped, or is refused.
    lines.forEach((l, i) => assert.ok(!(l === "in" && lines[i - 1] === "in"), `round ${round}: both built at once (${lines.join(", ")})`));
    assert.ok(lines.includes("in"), "one of them built");
  }
});

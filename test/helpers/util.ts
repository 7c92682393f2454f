import fsSync from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { parseConfig, type Config } from "../../src/config.js";
import { createLogger, type Logger } from "../../src/logger.js";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const CORPUS_DIR = path.join(PROJECT_ROOT, "data/docs");

const created: string[] = [];
process.once("exit", () => {
  for (const dir of created) fsSync.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test process ends (not when a hook ends). */
export async function tempDir(prefix = "docsqa-"): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A logger that keeps its lines in memory, for assertions (and silence). */
export function memoryLogger(secrets: string[] = []): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ level: "debug", secrets, destination }), lines };
}

/** A Config for tests: hashing embeddings, the given folders. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({ EMBEDDINGS_PROVIDER: "hashing", LOG_LEVEL: "silent", ...overrides });
}

export async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
}

/** The processes `pid` started (from /proc; none where there is no /proc). */
export function childrenOf(pid: number): number[] {
  try {
    return fsSync.readFileSync(`/proc/${pid}/task/${pid}/children`, "latin1").split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The document reader's processes among `pid`'s children (tinypool's entry runs them). */
export function readerProcessesOf(pid: number): number[] {
  return childrenOf(pid).filter((child) => running(child) && /tinypool/.test(fsSync.readFileSync(`/proc/${child}/cmdline`, "latin1")));
}

/** Whether a process still runs (a zombie, dead but not yet reaped, does not). */
export function running(pid: number): boolean {
  try {
    return !/^State:\s*Z/m.test(fsSync.readFileSync(`/proc/${pid}/status`, "latin1"));
  } catch {
    return false;
  }
}

/** How many turns the event loop takes while `work` runs: none for work done in one synchronous piece. */
export async function eventLoopTurnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
  }
}

import { randomBytes } from "node:crypto";
import { readFileSync, readlinkSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../errors.js";

export class IndexBusyError extends AppError {
  /** `pid`: the builder's, when the lock names one. `file`: the lock, named so that one left behind can be deleted. */
  constructor(pid: number | undefined, file?: string) {
    super(
      `Another index build is running${pid ? ` (process ${pid})` : ""}.`,
      file
        ? `Wait for it to finish, then try again. If no build runs${pid ? ` (process ${pid} is something else)` : ""}, delete ${file}.`
        : "Wait for it to finish, then try again.",
    );
  }
}

const LOCK = "build.lock";
/** Taken for the moment of taking over a stale lock, so that two builders cannot both take it. */
const TAKEOVER = "build.lock.takeover";
/** A takeover lock older than this was left by a process that died in those few milliseconds. */
const TAKEOVER_STALE_MS = 10_000;
/** How long a builder waits for another's takeover of a stale lock before it gives up. */
const ACQUIRE_WAIT_MS = 2 * TAKEOVER_STALE_MS;

/**
 * What a lock file says of its owner. `started` tells a reused pid from the owner, `ns` a process
 * of another container sharing the folder, whose pids mean nothing here (both Linux only).
 */
interface Owner {
  readonly pid: number;
  readonly started?: string;
  readonly ns?: string;
  readonly token?: string;
}

/** This process's pid namespace ("pid:[4026531836]"), or undefined off Linux. */
function pidNamespace(): string | undefined {
  try {
    return readlinkSync("/proc/self/ns/pid");
  } catch {
    return undefined;
  }
}

/** When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat); undefined off Linux. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // (The command name, field 2, is in parentheses and may hold spaces: count from after it.)
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function alive(owner: Owner): boolean {
  // Written in another container (another pid namespace): whether it lives cannot be told from
  // here, so it counts as live (the refusal names the file to delete if it is not).
  const ns = pidNamespace();
  if (owner.ns && ns && owner.ns !== ns) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false; // EPERM: exists, owned by someone else
  }
  // The pid lives, but it may be another process that got the pid after the owner died (common in
  // containers, where a restarted bot is pid 1 again): then the lock is stale.
  const started = owner.started && startTime(owner.pid);
  return !started || started === owner.started;
}

/** The owner a lock file names (a plain pid, as locks of earlier versions hold, or this file's JSON). */
function parseOwner(raw: string): Owner | undefined {
  const text = raw.trim();
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const owner = JSON.parse(text) as Partial<Owner>;
    if (Number.isInteger(owner.pid) && owner.pid! > 0) {
      const text = (key: "started" | "ns" | "token") => (typeof owner[key] === "string" ? { [key]: owner[key] } : {});
      return { pid: owner.pid!, ...text("started"), ...text("ns"), ...text("token") };
    }
  } catch {
    // unreadable: treated as stale below
  }
  return undefined;
}

/**
 * One index builder at a time across processes (`npm run ingest`, the bot's /reindex, a second
 * bot): a lock file in the index folder names its owner (pid, start time, a token of its own).
 * A lock whose owner is gone (a crash, kill -9, Ctrl-C) is taken over at once. No library does
 * this for a folder shared by short CLI runs and a long-running bot without a daemon
 * (proper-lockfile judges staleness by age, so a crashed build would block the next for its
 * whole timeout), hence this file.
 */
export async function withBuildLock<T>(indexDir: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(indexDir, LOCK);
  // Builders in this process are told apart here, before anything is awaited, so the first
  // caller is the one that gets the lock: the file only knows the process.
  if (held.has(file)) throw new IndexBusyError(process.pid);
  held.add(file);
  const token = randomBytes(8).toString("hex");
  try {
    await fs.mkdir(indexDir, { recursive: true });
    await acquire(file, token);
  } catch (error) {
    held.delete(file);
    throw error;
  }
  try {
    return await work();
  } finally {
    held.delete(file);
    // Only our own lock: one that another builder took over (ours judged stale) is theirs.
    const owner = parseOwner(await fs.readFile(file, "utf8").catch(() => ""));
    if (owner?.token === token) await fs.rm(file, { force: true });
  }
}

/** Lock files this process holds. */
const held = new Set<string>();

async function acquire(file: string, token: string): Promise<void> {
  const started = startTime(process.pid);
  const ns = pidNamespace();
  const mine = JSON.stringify({ pid: process.pid, ...(started && { started }), ...(ns && { ns }), token });
  // The lock appears with its content in one step (a link to a file written first): created empty
  // and written after, another builder could read it empty in between, take it for stale and
  // remove it (found by a review).
  const draft = `${file}.${token}.tmp`;
  await fs.writeFile(draft, mine);
  try {
    for (const until = Date.now() + ACQUIRE_WAIT_MS; ; ) {
      try {
        await fs.link(draft, file);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const raw = await fs.readFile(file, "utf8").catch(() => undefined);
      if (raw === undefined) continue; // gone meanwhile: try again
      const owner = parseOwner(raw);
      if (owner && owner.pid !== process.pid && alive(owner)) throw new IndexBusyError(owner.pid, file);
      if (Date.now() > until) throw new IndexBusyError(owner?.pid, file);
      await takeOver(file, raw);
    }
  } finally {
    await fs.rm(draft, { force: true });
  }
}

/**
 * Removes a stale lock, if it still holds `stale`. Read, check and remove are three steps: two
 * builders that both found it stale could otherwise both remove it, the second removing the lock
 * the first had just written, and both build (an attack review saw it in 7 of 15 tries). So the
 * takeover itself is done under a second lock file, and the lock is read again under it.
 */
async function takeOver(file: string, stale: string): Promise<void> {
  const takeover = path.join(path.dirname(file), TAKEOVER);
  try {
    await fs.writeFile(takeover, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Another builder is taking over right now (a few milliseconds), or died doing it: after
    // TAKEOVER_STALE_MS its takeover lock is removed. (Judged and removed in two steps: two
    // builders that both find a leftover takeover lock that old may both go on, a window that
    // needs a crash in those milliseconds first.)
    const age = await fs.stat(takeover).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > TAKEOVER_STALE_MS) await fs.rm(takeover, { force: true });
    else await new Promise((r) => setTimeout(r, 20));
    return;
  }
  try {
    if ((await fs.readFile(file, "utf8").catch(() => undefined)) === stale) await fs.rm(file, { force: true });
  } finally {
    await fs.rm(takeover, { force: true });
  }
}

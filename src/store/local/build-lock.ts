import fs from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../errors.js";

export class IndexBusyError extends AppError {
  constructor(pid: number) {
    super(`Another index build is running (process ${pid}).`, "Wait for it to finish, then try again.");
  }
}

const LOCK = "build.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/**
 * One index builder at a time across processes (`npm run ingest`, the bot's /reindex, a second
 * bot): a lock file in the index folder names its owner's pid. A lock whose owner is gone (a
 * crash, kill -9) is taken over. No library does this for a folder shared by short CLI runs
 * and a long-running bot without a daemon, hence this file.
 */
export async function withBuildLock<T>(indexDir: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(indexDir, LOCK);
  // Builders in this process are told apart here, before anything is awaited, so the first
  // caller is the one that gets the lock: the file only knows the pid.
  if (held.has(file)) throw new IndexBusyError(process.pid);
  held.add(file);
  try {
    await fs.mkdir(indexDir, { recursive: true });
    await acquire(file);
  } catch (error) {
    held.delete(file);
    throw error;
  }
  try {
    return await work();
  } finally {
    held.delete(file);
    await fs.rm(file, { force: true });
  }
}

/** Lock files this process holds. */
const held = new Set<string>();

async function acquire(file: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(file, String(process.pid), { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw error;
      const owner = Number((await fs.readFile(file, "utf8").catch(() => "")).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) throw new IndexBusyError(owner);
      await fs.rm(file, { force: true }); // stale: its owner is gone
    }
  }
}

/**
 * A throwaway PostgreSQL server from the machine's binaries (initdb + pg_ctl in a temporary
 * directory on a free port), for what one PGlite session cannot show: locks and concurrency.
 * Undefined (with the reason) when no PostgreSQL binaries are installed.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./emulator.js";
import { tempDir } from "./util.js";

const run = promisify(execFile);

async function findBinaries(): Promise<string | undefined> {
  const root = "/usr/lib/postgresql";
  const versions = await fs.readdir(root).catch(() => [] as string[]);
  for (const v of versions.sort((a, b) => Number(b) - Number(a))) {
    const bin = path.join(root, v, "bin");
    if (await fs.access(path.join(bin, "pg_ctl")).then(() => true, () => false)) return bin;
  }
  return undefined;
}

export async function startPgServer(): Promise<{ url: string; stop: () => Promise<void> } | { skipped: string }> {
  const bin = await findBinaries();
  if (!bin) return { skipped: "no PostgreSQL binaries under /usr/lib/postgresql" };
  const dir = await tempDir("docsqa-pg-");
  const data = path.join(dir, "data");
  // The server refuses to run as root: as root, it runs as the postgres user.
  const asRoot = process.getuid?.() === 0;
  const exec = (cmd: string, args: string[]) => (asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]) : run(path.join(bin, cmd), args));
  if (asRoot) await run("chown", ["-R", "postgres", dir]);
  const port = await freePort();
  await exec("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  await exec("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
    },
  };
}

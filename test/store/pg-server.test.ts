/**
 * Locking against a real PostgreSQL server (one PGlite session cannot show it): a throwaway server
 * from the machine's binaries. Skipped, saying so, where none are installed.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type pg from "pg";
import { createPool, withAdvisoryLock } from "../../src/store/pg/backend.js";
import { startPgServer } from "../helpers/pg-server.js";

let server: Awaited<ReturnType<typeof startPgServer>>;
const pools: pg.Pool[] = [];

before(async () => {
  server = await startPgServer();
  if ("skipped" in server) process.stdout.write(`# PostgreSQL server tests skipped: ${server.skipped}\n`);
});
after(async () => {
  await Promise.all(pools.map((p) => p.end()));
  if (!("skipped" in server)) await server.stop();
});

function pool(): pg.Pool {
  if ("skipped" in server) throw new Error("no server");
  const p = createPool(server.url, { max: 2 });
  pools.push(p);
  return p;
}

test("two builders at once: the second waits for the first (advisory lock across connections)", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const [a, b] = [pool(), pool()];
  const events: string[] = [];
  const first = withAdvisoryLock(a, 42, async () => {
    events.push("first starts");
    await new Promise((r) => setTimeout(r, 300));
    events.push("first ends");
  });
  await new Promise((r) => setTimeout(r, 50));
  const second = withAdvisoryLock(b, 42, async () => {
    events.push("second starts");
  });
  await Promise.all([first, second]);
  assert.deepEqual(events, ["first starts", "first ends", "second starts"]);

  // A builder that fails releases the lock: the next one is not stuck.
  await assert.rejects(withAdvisoryLock(a, 42, async () => { throw new Error("boom"); }), /boom/);
  assert.equal(await withAdvisoryLock(b, 42, async () => "free"), "free");
});

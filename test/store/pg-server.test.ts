/**
 * Locking against a real PostgreSQL server (one PGlite session cannot show it): a throwaway server
 * from the machine's binaries. Skipped, saying so, where none are installed.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type pg from "pg";
import { PgClaims } from "../../src/server/claims.js";
import { createPool, withAdvisoryLock } from "../../src/store/pg/backend.js";
import { migrate } from "../../src/store/pg/schema.js";
import { slowQuery } from "../../src/store/pg/time-limits.js";
import { PgAccessStore } from "../../src/store/pg/state.js";
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
  const p = createPool(server.url, { max: 3 });
  pools.push(p);
  return p;
}

test("two builders at once: the second waits for the first (advisory lock across connections), and says so while it waits", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const [a, b] = [pool(), pool()];
  const events: string[] = [];
  const first = withAdvisoryLock(a, 42, async () => {
    events.push("first starts");
    await new Promise((r) => setTimeout(r, 300));
    events.push("first ends");
  });
  // The second asks once the first holds the lock (a fixed wait raced the first's connection on a loaded machine).
  while (!events.includes("first starts")) await new Promise((r) => setTimeout(r, 5));
  const second = withAdvisoryLock(
    b,
    42,
    async () => {
      events.push("second starts");
    },
    () => events.push("second waits"),
  );
  await Promise.all([first, second]);
  assert.deepEqual(events, ["first starts", "second waits", "first ends", "second starts"], "the second says it waits, before the first ends");
  // Nobody holding it: no wait is said.
  const alone: string[] = [];
  await withAdvisoryLock(a, 42, async () => alone.push("runs"), () => alone.push("waits"));
  assert.deepEqual(alone, ["runs"]);

  // A builder that fails releases the lock: the next one is not stuck.
  await assert.rejects(withAdvisoryLock(a, 42, async () => { throw new Error("boom"); }), /boom/);
  assert.equal(await withAdvisoryLock(b, 42, async () => "free"), "free");
});

test("a query that the database does not answer in time fails, instead of holding a question in silence; an index build's, under its lock, may take as long as it takes", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const p = createPool(server.url, { max: 2, queryTimeoutMs: 300 });
  pools.push(p);
  await assert.rejects(p.query("SELECT pg_sleep(2)"), /timeout/i);
  const built = await withAdvisoryLock(p, 4242, async (client) => (await client.query<{ ok: number }>("SELECT 1 AS ok FROM pg_sleep(0.8)")).rows[0]!.ok);
  assert.equal(built, 1, "a long query under the build lock completes");
  // The limit is back on every connection after the build.
  await Promise.all([assert.rejects(p.query("SELECT pg_sleep(2)"), /timeout/i), assert.rejects(p.query("SELECT pg_sleep(2)"), /timeout/i)]);
  assert.equal((await p.query<{ n: number }>("SELECT 2 AS n")).rows[0]!.n, 2, "and the pool still answers");
  // The few queries that read a whole index at once have a limit of minutes.
  assert.equal((await p.query<{ ok: number }>(slowQuery("SELECT 1 AS ok FROM pg_sleep(0.8)"))).rows[0]!.ok, 1);

  // An access decision that times out behind another session's lock leaves no transaction open on
  // a connection of the pool (its ROLLBACK was queued behind the statement given up on).
  await migrate(p, "hooks_slow");
  const store = new PgAccessStore(p, "hooks_slow");
  await store.change((d) => ({ ...d, users: [1] }));
  const holder = createPool(server.url, { max: 1 });
  pools.push(holder);
  const held = await holder.connect();
  await held.query("BEGIN");
  await held.query("SELECT data FROM hooks_slow.access_state FOR UPDATE");
  await assert.rejects(store.change((d) => ({ ...d, users: [1, 2] })), /timeout/i);
  await held.query("COMMIT");
  held.release();
  const txids = await Promise.all([0, 1].map(async () => (await p.query<{ open: boolean }>("SELECT txid_current_if_assigned() IS NOT NULL AS open")).rows[0]!.open));
  assert.deepEqual(txids, [false, false], "no connection of the pool is inside a transaction left open");
  assert.deepEqual((await store.change((d) => ({ ...d, users: [1, 3] }))).users, [1, 3], "and the next decision is stored");
});

test("webhook claims across instances: each update once, chat leases in turn, a dead holder's lease expires, broadcasts reach the others", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const [a, b] = [pool(), pool()];
  await migrate(a, "hooks");
  const claimsA = new PgClaims(a, "hooks", "a", 400);
  const claimsB = new PgClaims(b, "hooks", "b", 400);
  const update = { update_id: 77, message: { message_id: 1, date: 0, chat: { id: 5, type: "private", first_name: "U" }, text: "hi" } } as any;
  const results = await Promise.all([claimsA.claim(update), claimsB.claim(update)]);
  assert.deepEqual(results.sort(), [false, true], "exactly one instance gets the update");
  await claimsA.done(77);

  const events: string[] = [];
  const releaseA = await claimsA.lockChat("chat:5");
  const waiting = claimsB.lockChat("chat:5").then((release) => (events.push("b locked"), release));
  await new Promise((r) => setTimeout(r, 150));
  events.push("a releases");
  await releaseA();
  await (await waiting)();
  assert.deepEqual(events, ["a releases", "b locked"]);

  // A holder that died never releases: its lease runs out.
  await claimsA.lockChat("chat:6");
  const started = Date.now();
  await (await claimsB.lockChat("chat:6"))();
  assert.ok(Date.now() - started >= 300, "waited for the lease");

  // An unfinished claim is taken over after the lease, once.
  await claimsA.claim({ ...update, update_id: 78 });
  await new Promise((r) => setTimeout(r, 500));
  const [takenB, takenA] = [await claimsB.takeOver(400), await claimsA.takeOver(400)];
  assert.deepEqual(takenB.map((u) => u.update_id), [78]);
  assert.deepEqual(takenA, [], "taken over by one instance only");
  await claimsB.done(78);

  // A live instance renews what it holds: a long answer, or a long queue in its chat, keeps its claim and lock.
  await claimsA.claim({ ...update, update_id: 79 });
  const releaseLong = await claimsA.lockChat("chat:7");
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 150));
    await claimsA.renew();
  }
  assert.deepEqual(await claimsB.takeOver(400), [], "a renewed claim is not taken over");
  let bGotLock = false;
  const bWaits = claimsB.lockChat("chat:7").then((release) => ((bGotLock = true), release));
  await new Promise((r) => setTimeout(r, 150));
  await claimsA.renew();
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(bGotLock, false, "a renewed chat lock is still held");
  await releaseLong();
  await (await bWaits)();
  await claimsA.done(79);

  const heard: number[] = [];
  await claimsB.listen((u) => heard.push(u.update_id));
  await claimsA.publish({ update_id: 99, stopped_message_generation: { chat: { id: 5, type: "private", first_name: "U" }, draft_id: 3 } } as any);
  for (let i = 0; i < 50 && !heard.length; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(heard, [99], "the other instance hears the stop");
  await Promise.all([claimsA.close(), claimsB.close()]);
});

test("a webhook update whose chat cannot be locked (the database failed just then) is taken over after its lease and answered, not renewed for good and lost; the health check fails once the project's schema is gone", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const { Bot } = await import("grammy");
  const { startWebhookServer } = await import("../../src/server/webhook.js");
  const { memoryLogger } = await import("../helpers/util.js");
  const [a, b] = [pool(), pool()];
  await migrate(a, "hooks_lost");
  /** Claims whose next `failures` chat locks fail, as they do while the database drops connections. */
  class Flaky extends PgClaims {
    failures = 1;
    override async lockChat(key: string) {
      if (this.failures-- > 0) throw new Error("Connection terminated unexpectedly");
      return super.lockChat(key);
    }
  }
  const claims = new Flaky(b, "hooks_lost", "b", 500);
  const bot = new Bot("1:test", { botInfo: { id: 1, is_bot: true, first_name: "B", username: "b_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as never });
  const handled: number[] = [];
  bot.on("message", (ctx) => void handled.push(ctx.update.update_id));
  const hook = await startWebhookServer({ bot: bot as never, port: 0, host: "127.0.0.1", path: "/hook", secret: "s3cret", claims, leaseMs: 500, health: () => ({ ready: true }), healthDetail: false, log: memoryLogger().log });
  try {
    const message = (id: number) => ({ update_id: id, message: { message_id: id, date: 0, chat: { id: 9, type: "private", first_name: "U" }, text: "hi" } });
    const post = (id: number) =>
      fetch(`http://127.0.0.1:${hook.port}/hook`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret" }, body: JSON.stringify(message(id)) }).then((r) => r.status);
    assert.equal(await post(101), 500, "not acknowledged: the chat could not be locked");
    assert.equal(await post(101), 200, "Telegram's resend finds it claimed");
    // An update another instance claimed and died with: taken over here, whose first lock fails too.
    assert.equal(await new PgClaims(a, "hooks_lost", "a", 500).claim(message(102) as never), true);
    claims.failures = 1;
    for (const until = Date.now() + 10_000; handled.length < 2 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual([...handled].sort(), [101, 102], "both answered, each once");
    // Healthy while the project's tables are there; not once its schema is dropped under it.
    assert.equal(await claims.healthy(), true);
    await a.query("DROP SCHEMA hooks_lost CASCADE");
    assert.equal(await claims.healthy(), false, "a dropped schema is no healthy database");
  } finally {
    await hook.close(1000);
  }
});

test("two bots on one PostgreSQL: an approval on one lets the user in on the other, and a denial there stops the answers within seconds", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const { corpusQuestionAnswerer } = await import("../helpers/kb.js");
  const { ADMIN, botHarness, privateText } = await import("../helpers/bot-harness.js");
  const { PgAccessStore } = await import("../../src/store/pg/state.js");
  const { kb, qa } = await corpusQuestionAnswerer();
  const env = { env: { ALLOWED_USER_IDS: "7", RATE_LIMIT_MESSAGES: "100" } };
  const [a, b] = [await botHarness({ kb, qa }, { ...env, accessStore: new PgAccessStore(pool(), "shared_access") }), await botHarness({ kb, qa }, { ...env, accessStore: new PgAccessStore(pool(), "shared_access") })];
  for (const h of [a, b]) h.access.watch(200, (err) => assert.fail(String(err)));
  try {
    const press = (h: typeof a, data: string) =>
      h.handle({ callback_query: { id: data, chat_instance: "x", from: { id: ADMIN, is_bot: false, first_name: "Admin" }, data, message: { message_id: 1, date: 0, chat: { id: ADMIN, type: "private" as const, first_name: "A" } } } });
    const answered = (h: typeof a) => h.sent().filter((c) => c.payload.chat_id === 99 && /\[1\]/.test(c.payload.text)).length;
    await a.handle(privateText("Who leads Sberbank?", { id: 99 }));
    await press(a, "acc:ok:99");
    await b.handle(privateText("Who leads Sberbank?", { id: 99 }));
    assert.equal(answered(b), 1, "approved on A, answered on B at once");
    await a.handle(privateText("Who leads Sberbank?", { id: 99 }));
    assert.equal(answered(a), 1);

    await press(b, "acc:no:99");
    const until = Date.now() + 5000;
    while (a.access.user(99) !== "denied" && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await a.handle(privateText("Who leads Sberbank?", { id: 99 }));
    assert.equal(answered(a), 1, "denied on B: A no longer answers");
  } finally {
    for (const h of [a, b]) h.access.close();
  }
});

test("a database that is not there yet is waited for, saying where and which setting, and used once it answers; a missing database stops start-up naming DATABASE_URL", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const net = await import("node:net");
  const { freePort } = await import("../helpers/emulator.js");
  const { memoryLogger } = await import("../helpers/util.js");
  const { waitForDatabase } = await import("../../src/store/pg/connect.js");
  const { ConfigError } = await import("../../src/errors.js");
  const { log, lines } = memoryLogger(["s3cret-pass"]);
  const port = await freePort();
  const target = new URL(server.url);
  const url = `postgres://postgres:s3cret-pass@127.0.0.1:${port}/postgres`;
  const waiting = waitForDatabase(url, log, { firstDelayMs: 100, maxDelayMs: 200 });
  await new Promise((r) => setTimeout(r, 400));
  assert.ok(lines.some((l) => /cannot reach the database yet/.test(l) && l.includes(`127.0.0.1:${port}/postgres`) && /DATABASE_URL/.test(l)), "said at the first failure");
  assert.ok(lines.every((l) => !l.includes("s3cret-pass")), "never the password");
  // The database comes up (here: a forwarder to the test server appears on the port).
  const forwarder = net.createServer((c) => c.pipe(net.connect(Number(target.port), target.hostname)).pipe(c));
  await new Promise<void>((r) => forwarder.listen(port, "127.0.0.1", r));
  try {
    await waiting;
    assert.ok(lines.some((l) => /database reachable/.test(l)));
  } finally {
    forwarder.close();
  }

  const missing = `${server.url.replace(/\/postgres$/, "")}/no_such_database`;
  await assert.rejects(waitForDatabase(missing, log), (e: unknown) => e instanceof ConfigError && e.problems[0]!.variable === "DATABASE_URL" && /does not exist/.test(e.message));
});

/** Runs `npm run ingest` (as the script; or the console chat, `npm run chat`) with these settings; its exit code and error output. */
async function ingest(env: Record<string, string>, command: readonly string[] = ["scripts/ingest.ts"]): Promise<{ code: number; stderr: string }> {
  const { execFile } = await import("node:child_process");
  const path = await import("node:path");
  const { tempDir, writeFiles } = await import("../helpers/util.js");
  const docs = await tempDir();
  await writeFiles(docs, { "a.md": "# Lighthouse\n\nThe keeper lights the lamp at dusk.\n" });
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", ...command],
      { cwd: path.resolve(import.meta.dirname, "../.."), env: { ...process.env, DOCS_DIR: docs, EMBEDDINGS_PROVIDER: "hashing", LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "", ...env } },
      (error, _out, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
    );
    child.stdin?.end();
  });
}

test("ingest or the console chat on a server without pgvector, or ingest into no server at all, says what is wrong and which setting points there", async (t) => {
  if ("skipped" in server) return t.skip(server.skipped);
  const noVector = await ingest({ VECTOR_STORE: "pgvector", DATABASE_URL: server.url });
  assert.equal(noVector.code, 1);
  assert.match(noVector.stderr, /has no pgvector .*\n.*Install pgvector on that server/);
  const chat = await ingest({ VECTOR_STORE: "pgvector", DATABASE_URL: server.url }, ["src/main.ts", "--console"]);
  assert.notEqual(chat.code, 0);
  assert.match(chat.stderr, /has no pgvector .*\n.*Install pgvector on that server/, "the console chat says it as ingest does");
  const { freePort } = await import("../../scripts/free-port.js");
  const nobody = await ingest({ VECTOR_STORE: "pgvector", DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/docs` });
  assert.equal(nobody.code, 1);
  assert.match(nobody.stderr, /Cannot reach the database at 127\.0\.0\.1:\d+\/docs .*\n.*DATABASE_URL/);
});

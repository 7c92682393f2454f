import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { CORPUS_DIR, PROJECT_ROOT, tempDir } from "./helpers/util.js";

test("without the hnswlib-node addon, ingest and start say what to install in one message, no stack trace", async () => {
  const dir = await tempDir();
  for (const args of [["scripts/ingest.ts"], ["src/main.ts", "--console"]]) {
    const script = args[0]!;
    const run = spawnSync(process.execPath, ["--require", path.join(PROJECT_ROOT, "test/fixtures/no-hnswlib.cjs"), "--import", "tsx", ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, EMBEDDINGS_PROVIDER: "hashing", DOCS_DIR: CORPUS_DIR, INDEX_DIR: path.join(dir, "index"), LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "" },
      input: "",
      encoding: "utf8",
      timeout: 60_000,
    });
    assert.equal(run.status, 1, `${script} exits 1\n${run.stderr}`);
    assert.match(run.stderr, /Error: The hnswlib-node native addon could not be loaded \(Could not locate the bindings file\)\./, script);
    assert.match(run.stderr, /build-essential python3/);
    assert.doesNotMatch(run.stderr, /^\s+at /m, `${script}: no stack trace`);
  }
});

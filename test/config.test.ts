import assert from "node:assert/strict";
import { test } from "node:test";
import { parseConfig, SETTING_NAMES } from "../src/config.js";
import { ConfigError } from "../src/errors.js";

test("defaults give a working offline setup", () => {
  const c = parseConfig({}, "/srv/bot");
  assert.equal(c.docsDir, "/srv/bot/data/docs");
  assert.equal(c.indexDir, "/srv/bot/data/index");
  assert.equal(c.chunkSize, 800);
  assert.equal(c.retrieval.k, 4);
  assert.ok(c.retrieval.hnswEf >= 64, "ef must be raised above LangChain's 10");
  assert.equal(c.embeddings.provider, undefined);
  assert.ok(Object.isFrozen(c) && Object.isFrozen(c.retrieval));
});

test("a bad value stops start-up with a message naming the variable", () => {
  assert.throws(
    () => parseConfig({ RETRIEVAL_K: "many", EMBEDDINGS_PROVIDER: "magic" }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /RETRIEVAL_K: must be a whole number from 1 to 50 \(got "many"\)/, "says what the value must be, not the validator's words");
      assert.match(error.message, /EMBEDDINGS_PROVIDER/);
      assert.match(error.hint, /\.env\.example/);
      return true;
    },
  );
});

test("a number setting says what it must be, however the value is wrong", () => {
  for (const [given, wanted] of [
    [{ MAX_FILE_BYTES: "10MB" }, /MAX_FILE_BYTES: must be a whole number from 1 to \d+ \(got "10MB"\)/],
    [{ RETRIEVAL_K: "2.5" }, /RETRIEVAL_K: must be a whole number from 1 to 50/],
    [{ RETRIEVAL_K: "99" }, /RETRIEVAL_K: must be a whole number from 1 to 50/],
    [{ LLM_TEMPERATURE: "hot" }, /LLM_TEMPERATURE: must be a number from 0 to 2/],
    // One connection would be held by a webhook bot's listener for good, and nothing answered.
    [{ DATABASE_POOL_SIZE: "1" }, /DATABASE_POOL_SIZE: must be a whole number from 3 to 100/],
  ] as const) {
    assert.throws(() => parseConfig(given), (error: unknown) => error instanceof ConfigError && wanted.test(error.message));
  }
});

test("inconsistent settings are refused", () => {
  assert.throws(() => parseConfig({ CHUNK_SIZE: "200", CHUNK_OVERLAP: "300" }), /CHUNK_OVERLAP/);
  assert.throws(() => parseConfig({ EMBEDDINGS_PROVIDER: "openai" }), /OPENAI_API_KEY/);
  assert.throws(() => parseConfig({ OPENAI_BASE_URL: "ftp://x" }), /OPENAI_BASE_URL/);
});

test("secrets are collected for masking, and never echoed in config errors' hints, also inside another setting's value", () => {
  const c = parseConfig({ OPENAI_API_KEY: "sk-secret-value" });
  assert.deepEqual(c.secrets, ["sk-secret-value"]);
  assert.ok(parseConfig({ OPENAI_BASE_URL: "https://me:proxy-pass@proxy.example.org/v1" }).secrets.includes("proxy-pass"), "a password in an address is masked in logs too");
  assert.deepEqual(parseConfig({ OPENAI_BASE_URL: "https://me:admin@proxy.example.org/v1" }).secrets, [], "…unless it is short enough to be an everyday word, which would withhold answers");

  const token = "123456789:AAEabcdefghijklmnopqrstuvwxyz012345";
  const typos = {
    // The token in the webhook's path, "https://" forgotten; the key and a password in a proxy address with a mistyped scheme.
    TELEGRAM_BOT_TOKEN: token,
    TELEGRAM_WEBHOOK_URL: `bot.example.org/tg/${token}`,
    TELEGRAM_WEBHOOK_SECRET: "abcdefgh",
    OPENAI_API_KEY: "sk-proj-0123456789abcdef",
    OPENAI_BASE_URL: "htps://me:pro/xy#pass@proxy.example.org/sk-proj-0123456789abcdef/v1",
    TELEGRAM_API_ROOT: `localhost:8081/${token}`,
  };
  const error = (() => {
    try {
      parseConfig(typos);
    } catch (e) {
      return (e as Error).message;
    }
    return "";
  })();
  for (const name of ["TELEGRAM_WEBHOOK_URL", "OPENAI_BASE_URL", "TELEGRAM_API_ROOT"]) assert.match(error, new RegExp(`${name}: .*\\(got "`), `${name} is named with what was given`);
  assert.match(error, /"bot\.example\.org\/tg\/\[redacted\]"/, "the rest of the value is shown");
  for (const secret of [token, "AAEabcdefghijklmnopqrstuvwxyz012345", "sk-proj-0123456789abcdef", "pro/xy", "xy#pass", "me:"]) assert.ok(!error.includes(secret), `${secret} is not in: ${error}`);
});

test(".env.example parses as it is: every setting documented there is valid", async () => {
  const { parse } = await import("dotenv");
  const fs = await import("node:fs/promises");
  const env = parse(await fs.readFile(new URL("../.env.example", import.meta.url)));
  assert.doesNotThrow(() => parseConfig(env));
  for (const name of SETTING_NAMES) assert.ok(name in env, `${name} is missing from .env.example`);
});

test("webhook and database settings: a missing secret or database URL is named; the URL's password is masked", () => {
  assert.throws(() => parseConfig({ TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook" }), /TELEGRAM_WEBHOOK_SECRET/);
  assert.throws(() => parseConfig({ TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook", TELEGRAM_WEBHOOK_SECRET: "has spaces" }), /TELEGRAM_WEBHOOK_SECRET/);
  assert.throws(() => parseConfig({ VECTOR_STORE: "pgvector" }), /DATABASE_URL/);
  assert.throws(() => parseConfig({ DATABASE_URL: "mysql://x" }), /DATABASE_URL/);
  const c = parseConfig({ DATABASE_URL: "postgres://bot:p%40ss-w0rd@db:5432/docs", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hook", TELEGRAM_WEBHOOK_SECRET: "s3cret_token" });
  assert.ok(c.secrets.includes("p@ss-w0rd") && c.secrets.includes("s3cret_token"));
  assert.equal(c.telegram.webhook?.port, 8080);
  assert.equal(c.store.kind, "hnswlib");
});

test("collections per chat: parsed into a map; a malformed entry is refused, naming the setting", () => {
  const c = parseConfig({ COLLECTIONS_BY_CHAT: "-1001234567890=hr,finance; 4242=hr", DEFAULT_COLLECTIONS: "main" });
  assert.deepEqual(c.telegram.collectionsByChat.get(-1001234567890), ["hr", "finance"]);
  assert.deepEqual(c.telegram.collectionsByChat.get(4242), ["hr"]);
  assert.deepEqual(c.telegram.defaultCollections, ["main"]);
  assert.equal(parseConfig({}).telegram.defaultCollections, undefined, "unset: every collection");
  assert.throws(() => parseConfig({ COLLECTIONS_BY_CHAT: "hr=-100" }), /COLLECTIONS_BY_CHAT/);
  assert.throws(() => parseConfig({ DEFAULT_COLLECTIONS: "../secret" }), /DEFAULT_COLLECTIONS/);
});

test("collections the settings name but the folder does not have are found, per setting", async () => {
  const { unknownCollections } = await import("../src/bot/scope.js");
  const c = parseConfig({ COLLECTIONS_BY_CHAT: "-100=hr,fiannce;-200=hr", DEFAULT_COLLECTIONS: "main,legal" });
  assert.deepEqual(unknownCollections(c.telegram, ["hr", "main", "finance"]), [
    { variable: "COLLECTIONS_BY_CHAT", names: ["fiannce"] },
    { variable: "DEFAULT_COLLECTIONS", names: ["legal"] },
  ]);
  assert.deepEqual(unknownCollections(parseConfig({}).telegram, ["main"]), []);
});

test("voice: the language model's key goes only to the language model's server; a transcription server of its own gets its own key or none", () => {
  const shared = parseConfig({ TRANSCRIBE_MODEL: "whisper-1", OPENAI_API_KEY: "sk-openai-key" });
  assert.deepEqual(shared.telegram.voice, { model: "whisper-1", baseURL: undefined, apiKey: "sk-openai-key", maxSeconds: 120 });
  const own = parseConfig({ TRANSCRIBE_MODEL: "whisper-1", TRANSCRIBE_BASE_URL: "http://whisper.lan:9000/v1", OPENAI_API_KEY: "sk-openai-key" });
  assert.equal(own.telegram.voice?.apiKey, undefined);
  assert.equal(own.telegram.voice?.baseURL, "http://whisper.lan:9000/v1");
  assert.throws(() => parseConfig({ TRANSCRIBE_MODEL: "whisper-1" }), /TRANSCRIBE_MODEL: voice questions need TRANSCRIBE_API_KEY or OPENAI_API_KEY/);
  assert.throws(() => parseConfig({ TRANSCRIBE_BASE_URL: "http://whisper.lan:9000/v1" }), /TRANSCRIBE_BASE_URL is set but TRANSCRIBE_MODEL is not/);
  assert.deepEqual(parseConfig({ TRANSCRIBE_MODEL: "w", TRANSCRIBE_API_KEY: "sk-transcribe" }).secrets, ["sk-transcribe"]);
});

test("OCR: a language without its data package stops start-up naming the npm package; OCR=false needs none", () => {
  assert.deepEqual(parseConfig({}).ocr?.languages, ["eng", "deu"]);
  assert.throws(() => parseConfig({ OCR_LANGUAGES: "eng+xyz" }), /OCR_LANGUAGES: no OCR data installed for xyz: run npm install @tesseract.js-data\/xyz/);
  assert.equal(parseConfig({ OCR: "false", OCR_LANGUAGES: "eng+xyz" }).ocr, undefined);
});

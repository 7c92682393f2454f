import assert from "node:assert/strict";
import { test } from "node:test";
import { createLogger, readableLines } from "../src/logger.js";

test("a readable log line shows a file name's control characters as codes: no bidirectional override, C1 control or escape reaches the terminal", () => {
  let printed = "";
  const log = createLogger({ level: "info", secrets: ["s3cret-token"], destination: readableLines(false, (text) => (printed += text)) });
  // "inv‮fdp.exe" shows as "invexe.pdf"; U+009B is the one-character "ESC [" (here: clear the screen).
  log.warn({ file: "inv\u202Efdp.exe\u009B2J\u001B]0;PWNED\u0007.md", reason: "s3cret-token" }, "skipped a file \u001B[2J");
  assert.ok(!/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/.test(printed), JSON.stringify(printed));
  assert.match(printed, /inv\\u202efdp\.exe\\x9b2J/);
  assert.match(printed, /skipped a file \\x1b\[2J/);
  assert.doesNotMatch(printed, /s3cret-token/, "secrets stay masked");
  assert.equal(printed.split("\n").length, 2, "one line");
});

test("what a library prints on the console past the logger has the secrets masked too", async () => {
  const { Console } = await import("node:console");
  const { PassThrough } = await import("node:stream");
  const { maskConsole } = await import("../src/logger.js");
  const out = new PassThrough();
  let printed = "";
  out.on("data", (d: Buffer) => (printed += d.toString()));
  const target = new Console({ stdout: out, stderr: out });
  maskConsole(["sk-zz-secret-key-0987654321"], target);
  // As the OpenAI SDK prints a streamed line it cannot parse, from an endpoint that echoes the request.
  target.error("Could not parse message into JSON:", "{bad json, Authorization: Bearer sk-zz-secret-key-0987654321");
  target.log({ headers: { authorization: "Bearer SK-ZZ-SECRET-KEY-0987654321" } });
  await new Promise((r) => setImmediate(r));
  assert.match(printed, /Could not parse message into JSON: \{bad json, Authorization: Bearer \[redacted\]/);
  assert.doesNotMatch(printed, /sk-zz-secret/i);
});

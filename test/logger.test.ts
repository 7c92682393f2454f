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

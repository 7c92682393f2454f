import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { createTranscriber, TranscriptionError } from "../../src/net/transcribe.js";

test("a transcription server that sends its reply a byte at a time is given up within the tries' time, not held as long as it drips", async () => {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
      // A byte every 100 ms (each gap well within the time limit) for 20 s.
      let sent = 0;
      const drip = setInterval(() => {
        if (++sent > 200 || res.destroyed) {
          clearInterval(drip);
          res.end(' "text": "late"}');
        } else res.write(" ");
      }, 100);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const transcriber = createTranscriber({ model: "whisper-1", baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, timeoutMs: 400 });
    const started = performance.now();
    const outcome = await transcriber.transcribe(Buffer.from("OggS"), "voice.ogg").then(
      (t) => t.text,
      (error: unknown) => error,
    );
    const seconds = (performance.now() - started) / 1000;
    assert.ok(outcome instanceof TranscriptionError, String(outcome));
    assert.match(outcome.message, /took longer than 0\.8 s/);
    assert.ok(seconds < 10, `${seconds} s`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

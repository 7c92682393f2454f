import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { cappedFetch, ReplyTooLargeError } from "../../src/net/capped-fetch.js";

test("a reply is read up to the cap: a larger one is an error once the cap is passed, a smaller one arrives whole, streamed as sent", async () => {
  const server = http.createServer((req, res) => {
    if (req.url === "/gzip") {
      res.writeHead(200, { "content-encoding": "gzip", "content-type": "application/json" });
      return void res.end(gzipSync(JSON.stringify({ ok: "x".repeat(1000) })));
    }
    res.writeHead(200, { "content-type": "text/plain" });
    if (req.url === "/small") return void res.end("hello");
    // An endless body: the reader must stop, not the server.
    const piece = Buffer.alloc(64 * 1024, 120);
    const pump = () => {
      while (!res.destroyed && res.write(piece));
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const fetchCapped = cappedFetch(1024 * 1024);
    assert.equal(await (await fetchCapped(`${base}/small`)).text(), "hello");
    // A compressed reply arrives decoded, once, and is counted as decoded.
    assert.equal(((await (await fetchCapped(`${base}/gzip`)).json()) as { ok: string }).ok.length, 1000);
    await assert.rejects(async () => (await cappedFetch(500)(`${base}/gzip`)).text(), (e: unknown) => e instanceof ReplyTooLargeError);
    const big = await fetchCapped(`${base}/endless`);
    assert.equal(big.status, 200);
    await assert.rejects(big.text(), (e: unknown) => e instanceof ReplyTooLargeError);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

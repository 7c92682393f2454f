import assert from "node:assert/strict";
import fs from "node:fs/promises";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { after, test } from "node:test";
import { createEmbeddings } from "../../src/rag/embeddings/index.js";
import { useProxyFromEnvironment } from "../../src/proxy.js";
import { buildTinyModel, TINY_DIMENSIONS } from "../helpers/tiny-model.js";
import { memoryLogger, tempDir, testConfig } from "../helpers/util.js";

const servers: http.Server[] = [];
after(() => {
  for (const s of servers) s.closeAllConnections();
  return Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test("the model is downloaded from MODEL_REMOTE_HOST through HTTP_PROXY, with progress in the log, then loads offline", async () => {
  const root = await tempDir();
  const name = await buildTinyModel(path.join(root, "hub"), "tiny-e5");
  // A stand-in for the Hugging Face hub: /<model>/resolve/main/<file>.
  const hub = await listen(
    http.createServer(async (req, res) => {
      const m = /^\/([^/]+)\/resolve\/main\/(.+)$/.exec(decodeURIComponent(new URL(req.url!, "http://x").pathname));
      const file = m && path.join(root, "hub", m[1]!, m[2]!);
      const body = file ? await fs.readFile(file).catch(() => undefined) : undefined;
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { "content-length": body.length, "content-type": "application/octet-stream" }).end(body);
    }),
  );
  // A forward proxy (CONNECT tunnels, as undici uses for every proxied request) that counts what went through it.
  const proxied: string[] = [];
  const proxyServer = http.createServer((_req, res) => res.writeHead(405).end());
  proxyServer.on("connect", (req, client, head) => {
    proxied.push(req.url!);
    const [host, port] = req.url!.split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  const proxy = await listen(proxyServer);

  const { log, lines } = memoryLogger();
  assert.equal(useProxyFromEnvironment(log, { HTTP_PROXY: proxy, NO_PROXY: "" }), true);
  const cacheDir = path.join(root, "cache");
  const cfg = testConfig({ EMBEDDINGS_PROVIDER: "local", EMBEDDINGS_MODEL: name, MODEL_CACHE_DIR: cacheDir, MODEL_REMOTE_HOST: hub });
  const handle = await createEmbeddings(cfg, log);
  assert.equal(handle.info.dimensions, TINY_DIMENSIONS);
  assert.ok(proxied.includes(hub.replace("http://", "")), "the download went through the proxy");
  assert.ok(lines.some((l) => /downloading the embeddings model/.test(l) && /"percent":100/.test(l)), "progress reaches the log");
  assert.ok(!lines.some((l) => l.includes(proxy)), "the proxy address (it may hold credentials) is not logged");

  const offline = await createEmbeddings(testConfig({ EMBEDDINGS_PROVIDER: "local", EMBEDDINGS_MODEL: name, MODEL_CACHE_DIR: cacheDir, MODELS_OFFLINE: "true" }), log);
  assert.equal(offline.info.dimensions, TINY_DIMENSIONS, "cached: it loads again without the network");
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import net from "node:net";
import { test } from "node:test";
import { freePort } from "../scripts/free-port.js";

test("the ports test servers are given lie below the system's ephemeral range, where another process's connection cannot take them before they are bound", async (t) => {
  let start: number;
  try {
    start = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
  } catch {
    t.skip("no /proc/sys/net/ipv4/ip_local_port_range here");
    return;
  }
  const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
  for (const port of ports) assert.ok(port < start, `${port} is below ${start}`);
  // Each can be bound by the server it is handed to.
  for (const port of new Set(ports)) {
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
    await new Promise((resolve) => server.close(resolve));
  }
});

import { readFileSync } from "node:fs";
import net from "node:net";

/** Where ports are picked from when the system's ephemeral range starts above it. */
const LOWEST = 20_000;
const ATTEMPTS = 50;

/**
 * The first port of the range the system hands out for `listen(0)` and outgoing connections
 * (Linux: /proc/sys/net/ipv4/ip_local_port_range), if it can be read.
 */
function ephemeralStart(): number | undefined {
  try {
    const first = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > 0 ? first : undefined;
  } catch {
    return undefined;
  }
}

/** Binds `port` (0: any) on the loopback interface, and frees it again; the port that was bound. */
function probe(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(undefined));
    s.listen(port, "127.0.0.1", () => {
      const bound = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(bound));
    });
  });
}

/**
 * A TCP port free on the loopback interface now (for test and benchmark servers), which are
 * handed a port and bind it a moment later. Taken below the system's ephemeral range where there
 * is room: a port `listen(0)` returned goes back to that range when it is closed, where the next
 * outgoing connection or `listen(0)` of any process (another test file running at the same time)
 * can take it before the server binds it. Random within the range, so two callers seldom meet.
 */
export async function freePort(): Promise<number> {
  const start = ephemeralStart();
  if (start !== undefined && start > LOWEST + 1000) {
    for (let i = 0; i < ATTEMPTS; i++) {
      const port = await probe(LOWEST + Math.floor(Math.random() * (start - LOWEST)));
      if (port !== undefined) return port;
    }
  }
  const port = await probe(0);
  if (port === undefined) throw new Error("no free TCP port on 127.0.0.1");
  return port;
}

/**
 * An HTTP proxy of our own between the bot and a server, injecting faults on command:
 * 429 with retry_after, 500s, or connections closed before the request reaches the server.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Fault = { kind: "none" } | { kind: "429"; retryAfter: number } | { kind: "500" } | { kind: "drop" };

export class FaultProxy {
  private server?: http.Server;
  fault: Fault = { kind: "none" };
  /** Share of requests the current fault applies to. */
  rate = 1;
  readonly injected: Record<string, number> = { "429": 0, "500": 0, drop: 0 };
  url = "";

  constructor(private readonly target: string) {}

  async start(): Promise<void> {
    const target = new URL(this.target);
    this.server = http.createServer((req, res) => {
      const f = this.fault;
      if (f.kind !== "none" && Math.random() < this.rate) {
        this.injected[f.kind]!++;
        if (f.kind === "drop") {
          req.socket.destroy();
          return;
        }
        req.resume();
        res.writeHead(f.kind === "429" ? 429 : 500, { "content-type": "application/json" });
        res.end(
          JSON.stringify(
            f.kind === "429"
              ? { ok: false, error_code: 429, description: `Too Many Requests: retry after ${f.retryAfter}`, parameters: { retry_after: f.retryAfter } }
              : { ok: false, error_code: 500, description: "Internal Server Error" },
          ),
        );
        return;
      }
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }
}

/**
 * A local OpenAI-compatible HTTP server for tests: real HTTP on a random loopback port, scripted
 * replies, every request recorded.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ScriptedReply {
  status?: number;
  /** JSON body; for chat completions, a string is wrapped as the assistant message content. */
  body?: unknown;
  /** Sent as is (for malformed responses). */
  raw?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
}

export interface OpenAIServer {
  readonly baseURL: string;
  readonly requests: { path: string; body: any; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export function chatCompletion(content: string): unknown {
  return {
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 0,
    model: "test-model",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

export async function startOpenAIServer(handlers: {
  embed?: (texts: string[]) => number[][];
  /** Answer embedding requests this much later (to make a build slow). */
  embedDelayMs?: (texts: string[]) => number;
  chat?: (body: any, call: number) => ScriptedReply | string;
}): Promise<OpenAIServer> {
  const requests: OpenAIServer["requests"] = [];
  let chatCalls = 0;
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const part of req) raw += part;
    const body = raw ? JSON.parse(raw) : undefined;
    const path = (req.url ?? "").replace(/^\/v1/, "");
    requests.push({ path, body, headers: req.headers });
    let reply: ScriptedReply;
    if (path === "/embeddings" && handlers.embed) {
      const input: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const base64 = body.encoding_format === "base64";
      const data = handlers.embed(input).map((v, index) => ({
        object: "embedding",
        index,
        embedding: base64 ? Buffer.from(new Float32Array(v).buffer).toString("base64") : v,
      }));
      reply = { body: { object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }, delayMs: handlers.embedDelayMs?.(input) ?? 0 };
    } else if (path === "/chat/completions" && handlers.chat) {
      const r = handlers.chat(body, chatCalls++);
      reply = typeof r === "string" ? { body: chatCompletion(r) } : r;
      if (typeof reply.body === "string") reply = { ...reply, body: chatCompletion(reply.body) };
    } else {
      reply = { status: 404, body: { error: { message: "not found" } } };
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.drop) {
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status ?? 200, { "content-type": "application/json" });
    res.end(reply.raw ?? JSON.stringify(reply.body ?? {}));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

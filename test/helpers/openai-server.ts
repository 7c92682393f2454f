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
  /** The reply's content type (JSON unless given). */
  contentType?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
  /** Send the status and headers, then nothing (a reply that stalls after its headers). */
  stall?: boolean;
  /**
   * For a request with `stream: true`: these pieces as server-sent events, `delayMs` apart. A
   * string reply to a streaming request is streamed in pieces of about 8 characters. Set
   * `stream: false` to answer a streaming request with one JSON body (a server that cannot stream).
   */
  stream?: { pieces?: string[]; delayMs?: number } | false;
}

export interface OpenAIServer {
  readonly baseURL: string;
  readonly requests: { path: string; body: any; headers: http.IncomingHttpHeaders }[];
  /** Streaming requests whose client closed the connection before the stream ended (an abort). */
  readonly closedEarly: number;
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
  /** Pause between streamed pieces when the reply does not say (default 0). */
  streamDelayMs?: number;
  /** `/audio/transcriptions` (multipart): the uploaded file and model; a string is the transcript. */
  transcribe?: (upload: { model: string; fileName: string; bytes: Buffer }) => ScriptedReply | string;
}): Promise<OpenAIServer> {
  const requests: OpenAIServer["requests"] = [];
  let closedEarly = 0;
  let chatCalls = 0;
  const sockets = new Set<import("node:net").Socket>();
  // A scripted delay (a model that never answers waits a minute) must not outlive the server: a
  // pending timer kept the test file's process alive for the rest of that minute after its last test.
  const timers = new Set<NodeJS.Timeout>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const server = http.createServer(async (req, res) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    const bytes = Buffer.concat(parts);
    const multipart = /^multipart\/form-data/i.test(req.headers["content-type"] ?? "");
    // Uploads are multipart (parsed as a browser would, by undici); everything else is JSON.
    const form = multipart ? await new Response(bytes, { headers: { "content-type": req.headers["content-type"]! } }).formData() : undefined;
    const raw = multipart ? "" : bytes.toString("utf8");
    const body = form ? Object.fromEntries([...form.keys()].map((k) => [k, typeof form.get(k) === "string" ? form.get(k) : "(file)"])) : raw ? JSON.parse(raw) : undefined;
    const path = (req.url ?? "").replace(/^\/v1/, "");
    requests.push({ path, body, headers: req.headers });
    let reply: ScriptedReply;
    if (path === "/audio/transcriptions" && handlers.transcribe && form) {
      const file = form.get("file") as File;
      const r = handlers.transcribe({ model: String(form.get("model")), fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
      reply = typeof r === "string" ? { body: { text: r } } : r;
    } else if (path === "/embeddings" && handlers.embed) {
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
      const content = typeof r === "string" ? r : typeof reply.body === "string" ? reply.body : undefined;
      if (typeof reply.body === "string") reply = { ...reply, body: chatCompletion(reply.body) };
      if (body?.stream && reply.stream !== false && !reply.status && !reply.drop && !reply.raw && (reply.stream?.pieces || content !== undefined)) {
        const pieces = reply.stream?.pieces ?? content!.match(/[\s\S]{1,8}/g) ?? [];
        if (reply.delayMs) await pause(reply.delayMs);
        await streamPieces(req, res, pieces, reply.stream?.delayMs ?? handlers.streamDelayMs ?? 0, () => closedEarly++, pause);
        return;
      }
    } else {
      reply = { status: 404, body: { error: { message: "not found" } } };
    }
    if (reply.delayMs) await pause(reply.delayMs);
    if (reply.drop) {
      req.socket.destroy();
      return;
    }
    if (reply.stall) {
      res.writeHead(reply.status ?? 200, { "content-type": "application/json" });
      res.flushHeaders();
      return;
    }
    res.writeHead(reply.status ?? 200, { "content-type": reply.contentType ?? "application/json" });
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
    get closedEarly() {
      return closedEarly;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
      }),
  };
}

/** Writes a chat completion as OpenAI streams it: one `chat.completion.chunk` event per piece, then [DONE]. */
async function streamPieces(req: http.IncomingMessage, res: http.ServerResponse, pieces: readonly string[], delayMs: number, onClosedEarly: () => void, pause: (ms: number) => Promise<void>): Promise<void> {
  let closed = false;
  res.on("close", () => {
    if (!res.writableFinished) closed = true;
  });
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const event = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id: "chatcmpl-test", object: "chat.completion.chunk", created: 0, model: "test-model", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res.write(event({ role: "assistant", content: "" }, null));
  for (const piece of pieces) {
    if (delayMs) await pause(delayMs);
    if (closed || req.socket.destroyed) {
      onClosedEarly();
      return;
    }
    res.write(event({ content: piece }, null));
  }
  res.write(event({}, "stop"));
  res.end("data: [DONE]\n\n");
}

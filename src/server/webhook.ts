/**
 * Webhook mode: Telegram POSTs each update to TELEGRAM_WEBHOOK_URL. A request without the right
 * `X-Telegram-Bot-Api-Secret-Token` gets 401. An update is claimed (once across instances) and its
 * chat's lock taken, then acknowledged at once, and answered after: answers take seconds, and
 * Telegram resends what is not acknowledged in time. Because Telegram sends a chat's next update
 * only after this one is acknowledged, and the acknowledgement waits for the chat's lock, one
 * chat's updates are answered in order even across instances. `/healthz` says whether this
 * instance can answer.
 *
 * Written on node:http rather than grammY's `webhookCallback`: that adapter answers Telegram only
 * when the handler is done (or fails the request at its timeout, after which Telegram resends),
 * and has no place for the claim and the lock between receiving and acknowledging.
 */
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Context, type Bot } from "grammy";
import type { Update } from "grammy/types";
import { throttledWarning, type Logger } from "../logger.js";
import type { BotContext } from "../bot/context.js";
import { sequenceKey } from "../bot/create-bot.js";
import type { UpdateClaims } from "./claims.js";

const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Anyone can connect to the address, and only Telegram (or the proxy before it) has a reason to:
 * it sends a whole request at once. Node's defaults let a client take a minute over its headers
 * and five over its body: 2,000 connections sending headers slowly were all held for 100 s.
 * Past these, the connection is closed. (No cap on connections: one cap for everyone lets a
 * flood of idle connections lock Telegram out; a per-address cap belongs in the proxy.)
 */
const HEADERS_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 15_000;

export interface WebhookServerOptions {
  readonly bot: Bot<BotContext>;
  readonly port: number;
  readonly host?: string;
  /** The path Telegram posts to (the path of TELEGRAM_WEBHOOK_URL). */
  readonly path: string;
  readonly secret: string;
  readonly claims: UpdateClaims;
  /** An update claimed this long ago and not finished is taken over (its instance died). */
  readonly leaseMs: number;
  /** What /healthz reports besides the claim store: the index is loaded and which build it is. */
  readonly health: () => { ready: boolean; index?: string };
  /** /healthz also says which index is loaded (its path) and what is not ready; otherwise only ok. */
  readonly healthDetail: boolean;
  readonly log: Logger;
}

export interface WebhookServer {
  readonly port: number;
  /** Updates being handled now. */
  readonly inFlight: number;
  /** Stops taking updates and waits (up to `waitMs`) for those in flight. */
  close(waitMs?: number): Promise<void>;
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  let size = 0;
  const parts: Buffer[] = [];
  for await (const part of req) {
    size += (part as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    parts.push(part as Buffer);
  }
  return Buffer.concat(parts).toString("utf8");
}

export async function startWebhookServer(o: WebhookServerOptions): Promise<WebhookServer> {
  let inFlight = 0;
  let closing = false;
  // Anyone can post to the address: a flood of them must not flood the log.
  const wrongSecret = throttledWarning(o.log, "webhook request with a wrong secret token refused");
  const keyOf = (update: Update) => sequenceKey(new Context(update, o.bot.api, o.bot.botInfo) as BotContext) ?? `update:${update.update_id}`;

  /** Handles a claimed update whose chat lock is held; never throws. */
  async function handle(update: Update, release: () => Promise<void>): Promise<void> {
    inFlight++;
    try {
      await o.bot.handleUpdate(update);
    } catch (error) {
      o.log.error({ err: error, updateId: update.update_id }, "handling a webhook update failed");
    } finally {
      await o.claims.done(update.update_id).catch((err: unknown) => o.log.warn({ err, updateId: update.update_id }, "could not mark an update done"));
      await release().catch(() => {});
      inFlight--;
    }
  }

  const server = http.createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1_000 }, (req, res) => {
    void (async () => {
      let url: URL;
      try {
        url = new URL(req.url ?? "/", "http://localhost");
      } catch {
        // A request line whose target is no address ("//[", "//a:99999"): anyone can send one.
        res.writeHead(400).end();
        return;
      }
      if (req.method === "GET" && url.pathname === "/healthz") {
        const state = o.health();
        const database = await o.claims.healthy();
        const ok = state.ready && database && !closing;
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify(o.healthDetail ? { ok, index: state.index ?? null, indexReady: state.ready, database, closing } : { ok }));
        return;
      }
      if (url.pathname !== o.path) {
        res.writeHead(404).end();
        return;
      }
      if (req.method !== "POST") {
        res.writeHead(405, { allow: "POST" }).end();
        return;
      }
      if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], o.secret)) {
        wrongSecret({ from: req.socket.remoteAddress });
        res.writeHead(401).end();
        return;
      }
      if (closing) {
        // Telegram (or the proxy) retries: another instance takes it.
        res.writeHead(503).end();
        return;
      }
      const body = await readBody(req);
      let update: Update;
      try {
        update = JSON.parse(body ?? "") as Update;
        if (!Number.isInteger(update.update_id)) throw new Error("no update_id");
      } catch {
        res.writeHead(400).end();
        return;
      }
      // The stop button under a streamed answer: handled at once, outside the chat's order (the
      // answer it stops holds the chat's lock), here and in every other instance.
      if (update.stopped_message_generation) {
        res.writeHead(200).end();
        await o.bot.handleUpdate(update).catch((err: unknown) => o.log.warn({ err }, "handling a stop failed"));
        await o.claims.publish(update).catch((err: unknown) => o.log.warn({ err }, "could not tell the other instances about a stop"));
        return;
      }
      let release: (() => Promise<void>) | undefined;
      let claimed = false;
      try {
        if (!(await o.claims.claim(update))) {
          res.writeHead(200).end(); // a resend of an update already claimed: handled (or being handled) once
          return;
        }
        claimed = true;
        release = await o.claims.lockChat(keyOf(update));
      } catch (error) {
        // The claim store is down: not acknowledged, so Telegram sends it again later. Claimed
        // already, the resend finds it claimed: its lease is let run out, and it is taken over
        // (renewed for good instead, it was never answered; found by an attack review).
        if (claimed) o.claims.abandon(update.update_id);
        o.log.error({ err: error, updateId: update.update_id }, "could not claim a webhook update");
        res.writeHead(500).end();
        return;
      }
      res.writeHead(200).end();
      await handle(update, release);
    })().catch((error: unknown) => {
      o.log.error({ err: error }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  await o.claims.listen((update) => {
    if (update.stopped_message_generation) void o.bot.handleUpdate(update).catch(() => {});
  });

  // This instance's claims and chat locks are renewed well within the lease (a third of it, so a
  // slow round trip or a missed tick does not let them lapse); claims of an instance that died
  // mid-answer are taken over once their lease has run out.
  // While closing, what is still being answered is renewed, but nothing new is taken over.
  const sweep = setInterval(() => {
    void o.claims.renew().catch((err: unknown) => o.log.warn({ err }, "could not renew this instance's claims"));
    if (closing) return;
    void o.claims
      .takeOver(o.leaseMs)
      .then(async (updates) => {
        for (const update of updates) {
          o.log.warn({ updateId: update.update_id }, "taking over an update another instance did not finish");
          const release = await o.claims.lockChat(keyOf(update)).catch((err: unknown) => {
            // Let go again, for a later sweep: each update taken over is handled or let go.
            o.claims.abandon(update.update_id);
            o.log.warn({ err, updateId: update.update_id }, "could not lock the chat of an update taken over; trying again later");
            return undefined;
          });
          if (release) void handle(update, release);
        }
      })
      .catch((err: unknown) => o.log.warn({ err }, "could not check for unfinished updates"));
  }, Math.max(100, Math.min(o.leaseMs / 3, 10_000)));
  sweep.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  o.log.info({ port, path: o.path }, "webhook server listening");

  return {
    port,
    get inFlight() {
      return inFlight;
    },
    async close(waitMs = 15_000) {
      closing = true;
      server.close();
      for (let waited = 0; inFlight > 0 && waited < waitMs; waited += 100) await new Promise((r) => setTimeout(r, 100));
      clearInterval(sweep);
      server.closeAllConnections();
      await o.claims.close();
    },
  };
}

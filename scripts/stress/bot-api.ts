/**
 * A local Bot API emulator strict enough for a stress test: real long polling with offsets
 * (updates stay until confirmed, so a killed bot gets them again), Telegram's HTML rules and
 * 4096-character limit enforced with Telegram's error texts, and every call recorded.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";

export const EMULATED_BOT = { id: 777000111, is_bot: true, first_name: "Docs", username: "DocsStressBot" };

export interface SentMessage {
  message_id: number;
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_to?: number;
  has_keyboard: boolean;
  /** The inline keyboard as sent (or last edited). */
  keyboard?: { inline_keyboard: { text: string; callback_data?: string }[][] };
  at: number;
  edits: number;
}

/** A draft of a streamed answer (sendMessageDraft). */
export interface SentDraft {
  chat_id: number;
  draft_id: number;
  text: string;
  can_stop: boolean;
  at: number;
}

const ALLOWED_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote", "tg-spoiler", "span", "tg-emoji"]);

/** Checks text as Telegram's HTML parser would; returns the visible text or an error. */
export function parseTelegramHtml(text: string): { ok: true; visible: string } | { ok: false; error: string } {
  const stack: string[] = [];
  let visible = "";
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    if (ch === "<") {
      const m = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/i.exec(text.slice(i));
      if (!m) return { ok: false, error: `Unsupported start tag at byte offset ${i}` };
      const [whole, closing, name] = m;
      const tag = name!.toLowerCase();
      if (!ALLOWED_TAGS.has(tag)) return { ok: false, error: `Unsupported start tag "${tag}" at byte offset ${i}` };
      if (closing) {
        if (stack.pop() !== tag) return { ok: false, error: `Unmatched end tag at byte offset ${i}, expected "</${stack.at(-1) ?? ""}>", found "</${tag}>"` };
      } else stack.push(tag);
      i += whole!.length;
    } else if (ch === "&") {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(text.slice(i));
      if (!m) return { ok: false, error: `Character entity expected at byte offset ${i}` };
      visible += m[1] === "lt" ? "<" : m[1] === "gt" ? ">" : m[1] === "amp" ? "&" : m[1] === "quot" ? '"' : "?";
      i += m[0].length;
    } else if (ch === ">") {
      visible += ch;
      i++;
    } else {
      visible += ch;
      i++;
    }
  }
  if (stack.length) return { ok: false, error: `Can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  return { ok: true, visible };
}

type Json = Record<string, any>;

export class BotApiEmulator {
  private server?: http.Server;
  private readonly pending: Update[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private waiters: (() => void)[] = [];
  readonly sent: SentMessage[] = [];
  readonly calls: { method: string; at: number }[] = [];
  /** Requests Telegram would have refused for formatting or length. */
  readonly formattingErrors: { method: string; error: string; text: string }[] = [];
  readonly unauthorized: number[] = [];
  /** Set: a webhook is active, and getUpdates answers 409 as Telegram does until deleteWebhook. */
  webhookUrl: string | undefined;
  /** Chats the bot left (leaveChat). */
  readonly left: number[] = [];
  /** getUpdates calls refused with 409. */
  conflicts = 0;
  private listeners: ((m: SentMessage) => void)[] = [];
  /** Drafts the bot streamed, in order. */
  readonly drafts: SentDraft[] = [];
  /** Files users "sent", by file_id: served by getFile and the file download path. */
  private readonly files = new Map<string, { bytes: Buffer; path: string }>();
  /** setWebhook's secret_token: sent with every delivery. */
  webhookSecret: string | undefined;
  /**
   * Where webhook deliveries go: these origins in turn (the path of the webhook URL kept), moving
   * to the next when one fails, as a load balancer in front of several instances would. Unset:
   * the webhook URL itself.
   */
  webhookTargets: string[] | undefined;
  /** Each webhook delivery attempt: the update, where it went, and the HTTP status (0: no answer). */
  readonly deliveries: { update_id: number; target: string; status: number }[] = [];
  private readonly chatQueues = new Map<string, Update[]>();
  private readonly delivering = new Set<string>();
  private nextTarget = 0;
  private stopped = false;
  /** Every call with its parameters. */
  readonly log: { method: string; payload: Json }[] = [];
  apiRoot = "";

  constructor(
    private readonly token: string,
    private readonly options: { maxPollSeconds?: number } = {},
  ) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const w of this.waiters.splice(0)) w();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  /** Queues an update for the bot; returns its update_id. */
  push(update: Omit<Update, "update_id">): number {
    const update_id = this.nextUpdateId++;
    const full = { update_id, ...update } as Update;
    if (this.webhookUrl) this.deliver(full);
    else this.pending.push(full);
    for (const w of this.waiters.splice(0)) w();
    return update_id;
  }

  /**
   * Webhook delivery as Telegram does it: one chat's updates one at a time (the next only after
   * the last was acknowledged with 2xx), different chats in parallel, and an update resent until
   * it is acknowledged.
   */
  private deliver(update: Update): void {
    const u = update as any;
    const chat = u.message?.chat?.id ?? u.callback_query?.message?.chat?.id ?? u.my_chat_member?.chat?.id ?? u.stopped_message_generation?.chat?.id;
    const key = chat === undefined ? `u${update.update_id}` : String(chat);
    const queue = this.chatQueues.get(key) ?? [];
    queue.push(update);
    this.chatQueues.set(key, queue);
    if (!this.delivering.has(key)) void this.drain(key);
  }

  private async drain(key: string): Promise<void> {
    this.delivering.add(key);
    const queue = this.chatQueues.get(key)!;
    while (queue.length && !this.stopped) {
      const update = queue[0]!;
      if (!this.webhookUrl) break; // deleted: what is left is for getUpdates
      const targets = this.webhookTargets ?? [new URL(this.webhookUrl).origin];
      const target = targets[this.nextTarget++ % targets.length]!;
      const url = `${target}${new URL(this.webhookUrl).pathname}`;
      let status = 0;
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(this.webhookSecret ? { "x-telegram-bot-api-secret-token": this.webhookSecret } : {}) },
          body: JSON.stringify(update),
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        await res.arrayBuffer().catch(() => {});
      } catch {
        status = 0;
      }
      this.deliveries.push({ update_id: update.update_id, target, status });
      if (status >= 200 && status < 300) queue.shift();
      else await new Promise((r) => setTimeout(r, 100));
    }
    this.delivering.delete(key);
  }

  /** Stores a file as if a user had uploaded it; returns its file_id for a `document` message. */
  addFile(bytes: Buffer, fileName: string): { file_id: string; file_unique_id: string; file_name: string; file_size: number } {
    const n = this.files.size + 1;
    const file_id = `file-${n}-${Math.random().toString(36).slice(2, 10)}`;
    this.files.set(file_id, { bytes, path: `documents/file_${n}${/\.\w+$/.exec(fileName)?.[0] ?? ""}` });
    return { file_id, file_unique_id: `u${n}`, file_name: fileName, file_size: bytes.length };
  }

  newMessageId(): number {
    return this.nextMessageId++;
  }

  onMessage(listener: (m: SentMessage) => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  /** Updates not yet confirmed by the bot. */
  get unconfirmed(): number {
    return this.pending.length;
  }

  private reply(res: http.ServerResponse, status: number, body: Json) {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private error(res: http.ServerResponse, code: number, description: string, parameters?: Json) {
    this.reply(res, code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
  }

  private checkText(method: string, p: Json): string | undefined {
    const text = String(p.text ?? "");
    let visible = text;
    if (p.parse_mode === "HTML") {
      const parsed = parseTelegramHtml(text);
      if (!parsed.ok) {
        this.formattingErrors.push({ method, error: parsed.error, text: text.slice(0, 200) });
        return `Bad Request: can't parse entities: ${parsed.error}`;
      }
      visible = parsed.visible;
    }
    if (!visible.trim()) return "Bad Request: message text is empty";
    // Telegram counts UTF-16 code units, as JavaScript's length does: an emoji counts two.
    if (visible.length > 4096) {
      this.formattingErrors.push({ method, error: "message is too long", text: text.slice(0, 200) });
      return "Bad Request: message is too long";
    }
    return undefined;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = "";
    for await (const part of req) raw += part;
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? "");
    if (download) {
      const file = [...this.files.values()].find((f) => f.path === download[2]);
      if (download[1] !== this.token || !file) return this.error(res, 404, "Not Found");
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
      res.end(file.bytes);
      return;
    }
    const m = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
    if (!m) return this.error(res, 404, "Not Found");
    const [, token, method] = m;
    if (token !== this.token) {
      this.unauthorized.push(Date.now());
      return this.error(res, 401, "Unauthorized");
    }
    let p: Json = {};
    try {
      p = raw ? JSON.parse(raw) : {};
    } catch {
      return this.error(res, 400, "Bad Request: invalid JSON");
    }
    this.calls.push({ method: method!, at: Date.now() });
    this.log.push({ method: method!, payload: p });
    switch (method) {
      case "getMe":
        return this.reply(res, 200, { ok: true, result: { ...EMULATED_BOT, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } });
      case "getUpdates": {
        if (this.webhookUrl) {
          this.conflicts++;
          return this.error(res, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }
        const offset = Number(p.offset ?? 0);
        if (offset > 0) while (this.pending.length && this.pending[0]!.update_id < offset) this.pending.shift();
        const timeout = Math.min(Number(p.timeout ?? 0), this.options.maxPollSeconds ?? 1);
        if (!this.pending.length && timeout > 0) {
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, timeout * 1000);
            this.waiters.push(() => {
              clearTimeout(t);
              resolve();
            });
          });
        }
        const limit = Math.max(1, Math.min(Number(p.limit ?? 100), 100));
        return this.reply(res, 200, { ok: true, result: this.pending.slice(0, limit) });
      }
      case "sendMessage": {
        const problem = this.checkText(method, p);
        if (problem) return this.error(res, 400, problem);
        const message: SentMessage = {
          message_id: this.nextMessageId++,
          chat_id: Number(p.chat_id),
          text: String(p.text),
          ...(p.parse_mode ? { parse_mode: String(p.parse_mode) } : {}),
          ...(p.reply_parameters?.message_id ? { reply_to: Number(p.reply_parameters.message_id) } : {}),
          has_keyboard: !!p.reply_markup,
          ...(p.reply_markup ? { keyboard: p.reply_markup } : {}),
          at: Date.now(),
          edits: 0,
        };
        this.sent.push(message);
        for (const l of this.listeners) l(message);
        return this.reply(res, 200, {
          ok: true,
          result: { message_id: message.message_id, date: Math.floor(Date.now() / 1000), chat: { id: message.chat_id, type: message.chat_id > 0 ? "private" : "supergroup" }, from: EMULATED_BOT, text: message.text },
        });
      }
      case "editMessageText": {
        const problem = this.checkText(method, p);
        if (problem) return this.error(res, 400, problem);
        const target = this.sent.find((s) => s.message_id === Number(p.message_id) && s.chat_id === Number(p.chat_id));
        if (!target) return this.error(res, 400, "Bad Request: message to edit not found");
        target.text = String(p.text);
        target.edits++;
        if (p.reply_markup) target.keyboard = p.reply_markup;
        else delete target.keyboard;
        for (const l of this.listeners) l(target);
        return this.reply(res, 200, { ok: true, result: true });
      }
      case "sendMessageDraft": {
        // Drafts exist only in private chats; Telegram answers a group or channel id with this.
        if (Number(p.chat_id) <= 0) return this.error(res, 400, "Bad Request: TEXTDRAFT_PEER_INVALID");
        if (!Number.isInteger(Number(p.draft_id)) || Number(p.draft_id) === 0) return this.error(res, 400, "Bad Request: draft_id must be non-zero");
        // An empty text is allowed: it shows a "Thinking…" placeholder.
        if (String(p.text ?? "").length > 4096) return this.error(res, 400, "Bad Request: message is too long");
        this.drafts.push({ chat_id: Number(p.chat_id), draft_id: Number(p.draft_id), text: String(p.text ?? ""), can_stop: !!p.can_stop, at: Date.now() });
        return this.reply(res, 200, { ok: true, result: true });
      }
      case "getFile": {
        const file = this.files.get(String(p.file_id));
        if (!file) return this.error(res, 400, "Bad Request: invalid file_id");
        return this.reply(res, 200, { ok: true, result: { file_id: p.file_id, file_unique_id: "u", file_size: file.bytes.length, file_path: file.path } });
      }
      case "editMessageReplyMarkup": {
        const target = this.sent.find((s) => s.message_id === Number(p.message_id) && s.chat_id === Number(p.chat_id));
        if (!target) return this.error(res, 400, "Bad Request: message to edit not found");
        if (p.reply_markup) target.keyboard = p.reply_markup;
        else delete target.keyboard;
        return this.reply(res, 200, { ok: true, result: true });
      }
      case "sendChatAction":
      case "setMyCommands":
        return this.reply(res, 200, { ok: true, result: true });
      case "deleteWebhook":
        this.webhookUrl = undefined;
        for (const queue of this.chatQueues.values()) this.pending.push(...queue.splice(0));
        this.pending.sort((a, b) => a.update_id - b.update_id);
        return this.reply(res, 200, { ok: true, result: true });
      case "setWebhook": {
        this.webhookUrl = String(p.url);
        this.webhookSecret = p.secret_token ? String(p.secret_token) : undefined;
        for (const update of this.pending.splice(0)) this.deliver(update);
        return this.reply(res, 200, { ok: true, result: true });
      }
      case "leaveChat":
        this.left.push(Number(p.chat_id));
        return this.reply(res, 200, { ok: true, result: true });
      case "answerCallbackQuery":
        return this.reply(res, 200, { ok: true, result: true });
      default:
        return this.error(res, 404, "Not Found: method not found");
    }
  }
}

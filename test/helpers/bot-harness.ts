import path from "node:path";
import type { Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../../src/bot/create-bot.js";
import { FeedbackLog } from "../../src/state/feedback.js";
import type { BotDeps } from "../../src/bot/context.js";
import { parseConfig } from "../../src/config.js";
import { AccessList, type AccessStore } from "../../src/state/access.js";
import { documentLibrary } from "../../src/app.js";
import { tempDir } from "./util.js";

export const BOT_INFO: UserFromGetMe = {
  id: 666,
  is_bot: true,
  first_name: "Docs",
  username: "DocsBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
} as UserFromGetMe;

export const TOKEN = "123456:TEST-token-abcdefghijklmnop";
export const ADMIN = 42;

export interface ApiCall {
  method: string;
  payload: any;
}

/**
 * A bot wired to real features, with the Bot API replaced by a recorder (no HTTP): feed it
 * updates with `handle`, read what it sent in `calls`.
 */
export async function botHarness(
  deps: Pick<BotDeps, "qa" | "kb">,
  options: {
    rejectHtml?: boolean;
    env?: Record<string, string>;
    /** getFile answers with these absolute paths by file_id, as a local Bot API server does. */
    files?: Record<string, string>;
    /** Where approvals are kept (another instance's database); the harness's own JSON file otherwise. */
    accessStore?: AccessStore;
    /** Where answers and votes are kept; the harness's own JSON lines file otherwise. */
    feedback?: BotDeps["feedback"];
  } = {},
) {
  const dir = await tempDir();
  const config = parseConfig({ ADMIN_USER_IDS: String(ADMIN), FEEDBACK_LOG: path.join(dir, "feedback.jsonl"), ...options.env });
  const calls: ApiCall[] = [];
  const logLines: string[] = [];
  const { createLogger } = await import("../../src/logger.js");
  const { Writable } = await import("node:stream");
  const log = createLogger({
    level: "debug",
    secrets: [TOKEN],
    destination: new Writable({ write: (c, _e, done) => (logLines.push(String(c)), done()) }),
  });
  const access = await AccessList.open(options.accessStore ?? path.join(dir, "access.json"), {
    users: config.telegram.allowedUserIds,
    chats: config.telegram.allowedChatIds,
    admins: config.telegram.adminUserIds,
    maxPending: config.telegram.maxPendingRequests,
  });
  const bot = createBot({
    ...deps,
    access,
    library: documentLibrary(config),
    token: TOKEN,
    secrets: [TOKEN],
    settings: config.telegram,
    feedback: options.feedback ?? (await FeedbackLog.open(config.telegram.feedbackLog, { retentionDays: config.telegram.feedbackRetentionDays })),
    log,
    botInfo: BOT_INFO,
  });
  let messageId = 1000;
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload });
    if (options.rejectHtml && (payload as any).parse_mode === "HTML") {
      return { ok: false, error_code: 400, description: "Bad Request: can't parse entities" } as any;
    }
    const p = payload as any;
    const result =
      method === "sendMessage"
        ? { message_id: messageId++, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text }
        : method === "getFile"
          ? { file_id: p.file_id, file_unique_id: "u", file_path: options.files?.[p.file_id] }
          : true;
    return { ok: true, result } as any;
  });
  let updateId = 1;
  const handle = async (update: Omit<Update, "update_id">) => {
    await bot.handleUpdate({ update_id: updateId++, ...update } as Update);
  };
  const sent = () => calls.filter((c) => c.method === "sendMessage");
  return { bot, calls, sent, handle, logLines, feedbackFile: config.telegram.feedbackLog, access, accessFile: path.join(dir, "access.json") };
}

export function privateText(text: string, from: { id: number; username?: string; language_code?: string } = { id: 7 }) {
  return {
    message: {
      message_id: 1,
      date: 0,
      chat: { id: from.id, type: "private" as const, first_name: "U" },
      from: { is_bot: false, first_name: "U", ...from },
      text,
      ...(text.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] } : {}),
    },
  };
}

export function groupMessage(text: string, extra: Record<string, unknown> = {}, from: { id: number; username?: string } = { id: 8 }) {
  return {
    message: {
      message_id: 5,
      date: 0,
      chat: { id: -100, type: "supergroup" as const, title: "G" },
      from: { is_bot: false, first_name: "M", ...from },
      text,
      ...(text.startsWith("/") ? { entities: [{ type: "bot_command" as const, offset: 0, length: text.split(" ")[0]!.length }] } : {}),
      ...extra,
    },
  };
}

/**
 * End-to-end plumbing: the telegram-test-api Bot API emulator on a loopback port, and the bot
 * started as `npm start` starts it (a child process running src/main.ts), talking real HTTP.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../scripts/free-port.js";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import type { BotApiEmulator, SentMessage } from "../../scripts/stress/bot-api.js";
import { PROJECT_ROOT } from "./util.js";

export { freePort };

export async function startEmulator() {
  const port = await freePort();
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 });
  await server.start();
  return { server, apiRoot: `http://127.0.0.1:${port}` };
}

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** What the bot has sent to a chat, in order (edits applied). */
export function botMessages(server: TelegramServer, chatId: number): any[] {
  return (server as any).storage.botMessages
    .map((m: any) => m.message)
    .filter((m: any) => Number(m.chat_id) === chatId);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface BotProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  stop(): Promise<number | null>;
}

/** Starts the bot exactly as `npm start` does, with the given environment. */
export function startBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Waits until a bot started by startBot has connected and its index is ready. */
export function botReady(bot: BotProcess): Promise<true> {
  return waitFor("the bot to start and its index to be ready", () => /bot started/.test(bot.output()) && /index ready/.test(bot.output()), 60_000);
}

/** Talking to the bot through the project's Bot API emulator, one chat at a time. */
export function chatWith(emu: () => BotApiEmulator) {
  /** What the bot has sent to a chat (new or edited), in order. */
  const messagesTo = (chatId: number): SentMessage[] => emu().sent.filter((m) => m.chat_id === chatId);
  /** Pushes a message; resolves with the bot's messages to that chat after it, once `done` holds. */
  const exchange = (chatId: number, message: Record<string, unknown>, done: (after: SentMessage[]) => unknown, timeoutMs = 30_000): Promise<SentMessage[]> => {
    const before = messagesTo(chatId).length;
    emu().push({ message: { message_id: emu().newMessageId(), date: Math.floor(Date.now() / 1000), ...message } } as any);
    return waitFor("the bot's reply", () => {
      const after = messagesTo(chatId).slice(before);
      return done(after) ? after : undefined;
    }, timeoutMs);
  };
  return { messagesTo, exchange };
}

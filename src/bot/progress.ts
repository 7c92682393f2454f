import type { Api } from "grammy";
import type { Logger } from "../logger.js";
import { replyText } from "./reply.js";
import type { BotContext } from "./context.js";

/**
 * One status message that a long job edits as it goes: at most one edit per `intervalMs` while it
 * runs (Telegram allows about 20 edits a minute in a group), edits in order, and always the last.
 */
export class ProgressMessage {
  private lastEdit = Date.now();
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    private readonly api: Api,
    private readonly chatId: number,
    private readonly messageId: number,
    private lastText: string,
    private readonly options: { intervalMs: number; log: Logger },
  ) {}

  /** Sends the status message as a reply to the update's message. */
  static async send(ctx: BotContext, text: string, options: { intervalMs: number; log: Logger }): Promise<ProgressMessage> {
    const sent = await replyText(ctx, text);
    return new ProgressMessage(ctx.api, sent.chat.id, sent.message_id, text, options);
  }

  /** Takes over a message the bot sent earlier (the one whose button was pressed). */
  static attach(api: Api, chatId: number, messageId: number, text: string, options: { intervalMs: number; log: Logger }): ProgressMessage {
    return new ProgressMessage(api, chatId, messageId, text, options);
  }

  private edit(text: string): Promise<void> {
    if (text === this.lastText) return this.chain;
    this.lastText = text;
    this.chain = this.chain.then(() =>
      this.api.editMessageText(this.chatId, this.messageId, text).then(
        () => {},
        (err: unknown) => this.options.log.warn({ err }, "progress edit failed"),
      ),
    );
    return this.chain;
  }

  /** A progress step: shown unless the last edit was too recent. */
  update(text: string): void {
    if (Date.now() - this.lastEdit < this.options.intervalMs) return;
    this.lastEdit = Date.now();
    void this.edit(text);
  }

  /** The final text, always shown. */
  finish(text: string): Promise<void> {
    return this.edit(text);
  }
}

import type { Api } from "grammy";
import type { Logger } from "../logger.js";
import { TELEGRAM_LIMIT } from "./format.js";
import { tailFrom } from "../unicode.js";

/**
 * Shows an answer as it is written with `sendMessageDraft` (private chats): a "Thinking…"
 * placeholder first, then the text so far, at most one update per `intervalMs` and one request
 * at a time, always the newest text. A stop button (`can_stop`) lets the user end the answer.
 * The final message is sent by the caller as any other answer (verified citations, sources,
 * buttons); the draft disappears when it arrives.
 *
 * Written here rather than with @grammyjs/stream: that plugin needs Node 22 (Promise.withResolvers;
 * this project supports Node 20), sends drafts as fast as requests return instead of at a set
 * rate, and ends by sending the streamed text itself, while our final message is a different,
 * verified one.
 */
export class DraftStream {
  private latest: string | undefined;
  private shown: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private lastSentAt = 0;
  private stopped = false;
  /** Drafts sent that Telegram accepted. */
  sent = 0;

  constructor(
    private readonly api: Api,
    private readonly chatId: number,
    readonly draftId: number,
    private readonly options: { intervalMs: number; log: Logger },
  ) {}

  /** The placeholder ("Thinking…", an empty draft) with the stop button. */
  start(): void {
    this.push("");
  }

  /** The answer so far; shown at the next slot, replaced by newer text before then. */
  push(text: string): void {
    if (this.stopped) return;
    // A draft holds one message: past the limit, the newest part is what the reader follows.
    this.latest = text.length > TELEGRAM_LIMIT ? `…${tailFrom(text, text.length - (TELEGRAM_LIMIT - 1))}` : text;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.inFlight || this.stopped) return;
    const wait = Math.max(0, this.lastSentAt + this.options.intervalMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    const text = this.latest;
    this.latest = undefined;
    if (text === undefined || text === this.shown || this.stopped) return;
    this.lastSentAt = Date.now();
    this.inFlight = this.api
      .sendMessageDraft(this.chatId, this.draftId, text, { can_stop: true })
      .then(
        () => {
          this.shown = text;
          this.sent++;
        },
        (err: unknown) => {
          // Drafts are a courtesy: if Telegram refuses them (an old server, a chat type without
          // drafts), the answer still arrives as a message. Stop trying for this answer.
          this.stopped = true;
          this.options.log.info({ err, chatId: this.chatId }, "draft refused; the answer comes as one message");
        },
      )
      .finally(() => {
        this.inFlight = undefined;
        if (this.latest !== undefined) this.schedule();
      });
  }

  /** No more drafts; resolves when the one in flight (if any) is answered, so the final message comes after it. */
  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }
}

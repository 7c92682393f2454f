import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { AnswerResult } from "../rag/qa.js";

export interface FeedbackEntry {
  readonly at: string;
  readonly event: "vote" | "abstained";
  readonly vote?: "up" | "down";
  readonly chatId: number;
  readonly userId?: number;
  readonly question: string;
  readonly answer: string;
  readonly sources: readonly { n: number; source: string; title: string; quote: string }[];
}

/** Appends feedback as JSON lines, one write at a time. */
export class FeedbackLog {
  private queue: Promise<void> = Promise.resolve();
  private readonly recent = new Map<string, { chatId: number; result: AnswerResult }>();

  constructor(
    private readonly file: string,
    private readonly keep = 2000,
  ) {}

  append(entry: FeedbackEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    this.queue = this.queue.then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.appendFile(this.file, line);
    });
    return this.queue;
  }

  /** Remembers an answer so a later button press can log it; returns the key for the buttons. */
  remember(chatId: number, result: AnswerResult): string {
    const key = randomBytes(6).toString("base64url");
    this.recent.set(key, { chatId, result });
    if (this.recent.size > this.keep) this.recent.delete(this.recent.keys().next().value!);
    return key;
  }

  recall(key: string): { chatId: number; result: AnswerResult } | undefined {
    return this.recent.get(key);
  }

  static entry(event: FeedbackEntry["event"], chatId: number, userId: number | undefined, result: AnswerResult, vote?: "up" | "down"): FeedbackEntry {
    return {
      at: new Date().toISOString(),
      event,
      ...(vote ? { vote } : {}),
      chatId,
      ...(userId !== undefined ? { userId } : {}),
      question: result.question,
      answer: result.text,
      sources: result.citations.map((c) => ({ n: c.n, source: c.source, title: c.title, quote: c.quote })),
    };
  }
}

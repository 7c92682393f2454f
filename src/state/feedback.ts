import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Answer } from "../rag/answer/types.js";

/** What is kept of an answer: enough to log a vote on it and to show its passages, after a restart too. */
export interface StoredAnswer {
  readonly question: string;
  readonly text: string;
  readonly lang: Answer["lang"];
  readonly abstained: boolean;
  readonly citations: Answer["citations"];
}

/** One line of the log. `answer` records are what the buttons under an answer name by `key`. */
export type FeedbackEntry =
  | { readonly event: "answer"; readonly at: string; readonly key: string; readonly chatId: number; readonly userId?: number; readonly answer: StoredAnswer }
  | { readonly event: "vote"; readonly at: string; readonly key: string; readonly chatId: number; readonly userId: number; readonly vote: "up" | "down"; readonly question: string }
  | { readonly event: "abstained"; readonly at: string; readonly chatId: number; readonly userId?: number; readonly question: string; readonly answer: string };

export interface Tally {
  readonly up: number;
  readonly down: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The log's size at which it is moved aside (to FEEDBACK_LOG.1, replacing the one before) and
 * begun anew. Anyone who may ask adds a line per question, so within the retention it grew without
 * bound: read whole at start, a log of 600 MB could no longer be opened and the bot did not start
 * (found by an attack review). The 5,000 answers the buttons reach take about 6 MB.
 */
export const FEEDBACK_LOG_MAX_BYTES = 64 * 1024 * 1024;

/** Only what is kept of an answer (the caller may pass a whole AnswerResult). */
export function storedAnswer(answer: StoredAnswer): StoredAnswer {
  return { question: answer.question, text: answer.text, lang: answer.lang, abstained: answer.abstained, citations: answer.citations };
}

/** What the bot needs of feedback: a JSON-lines file (FeedbackLog) or, with a database, tables. */
export interface Feedback {
  /** Stores an answer; the key is what its buttons carry. */
  remember(chatId: number, userId: number | undefined, answer: StoredAnswer): Promise<string>;
  recall(key: string): Promise<{ chatId: number; answer: StoredAnswer } | undefined>;
  /** Records a person's vote (replacing their earlier one); the tally after it, undefined for an unknown answer. */
  vote(key: string, userId: number, vote: "up" | "down"): Promise<Tally | undefined>;
  /** A question the documents did not answer. */
  abstained(chatId: number, userId: number | undefined, question: string, answer: string): Promise<void>;
}

/**
 * Answers, votes and unanswered questions as JSON lines (one write at a time): what admins read
 * to see what the documents lack, and what the buttons under an answer refer to. One vote per
 * person per answer (a second press changes it). Entries older than the retention are dropped
 * when the log is opened, and the file is rewritten atomically.
 */
export class FeedbackLog implements Feedback {
  private queue: Promise<void> = Promise.resolve();
  private readonly answers = new Map<string, { chatId: number; answer: StoredAnswer }>();
  private readonly votes = new Map<string, Map<number, "up" | "down">>();

  /** The log's size in bytes, as far as this process wrote it. */
  private size = 0;

  private constructor(
    private readonly file: string,
    private readonly keep: number,
    private readonly maxBytes: number,
  ) {}

  /**
   * Reads the log line by line (answers still within reach of their buttons, and their votes), the
   * log moved aside before it first (FEEDBACK_LOG.1: its answers' buttons still work), pruning both
   * of entries older than the retention: a file with any to drop is written anew without them.
   */
  static async open(file: string, options: { retentionDays: number; keep?: number; now?: number; maxBytes?: number }): Promise<FeedbackLog> {
    const log = new FeedbackLog(file, options.keep ?? 5000, options.maxBytes ?? FEEDBACK_LOG_MAX_BYTES);
    const cutoff = (options.now ?? Date.now()) - options.retentionDays * DAY_MS;
    await log.read(`${file}.1`, cutoff);
    log.size = await log.read(file, cutoff);
    return log;
  }

  /** Applies a log file's entries within the retention (none when it does not exist); its size after pruning. */
  private async read(file: string, cutoff: number): Promise<number> {
    // A line within the retention, or undefined (an old entry, a torn last line after a crash).
    const kept = (line: string): FeedbackEntry | undefined => {
      if (!line.trim()) return undefined;
      try {
        const entry = JSON.parse(line) as FeedbackEntry;
        return Date.parse(entry.at) >= cutoff ? entry : undefined;
      } catch {
        return undefined;
      }
    };
    const lines = () => createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
    let size = 0;
    let dropped = 0;
    try {
      for await (const line of lines()) {
        const entry = kept(line);
        if (!entry) {
          if (line.trim()) dropped++;
          continue;
        }
        size += Buffer.byteLength(`${line}\n`);
        this.apply(entry);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
      throw error;
    }
    if (!dropped) return size;
    // Written anew without them, in a second pass (the kept lines are not held in memory). A file
    // that cannot be written (a full disk) is left as it is, to be pruned at the next start.
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await pipeline(
        Readable.from(
          (async function* () {
            for await (const line of lines()) if (kept(line)) yield `${line}\n`;
          })(),
        ),
        createWriteStream(tmp),
      );
      await fs.rename(tmp, file);
    } catch {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
    }
    return size;
  }

  private apply(entry: FeedbackEntry): void {
    if (entry.event === "answer") {
      this.answers.set(entry.key, { chatId: entry.chatId, answer: entry.answer });
      if (this.answers.size > this.keep) {
        const oldest = this.answers.keys().next().value!;
        this.answers.delete(oldest);
        this.votes.delete(oldest);
      }
    } else if (entry.event === "vote" && this.answers.has(entry.key)) {
      let byUser = this.votes.get(entry.key);
      if (!byUser) this.votes.set(entry.key, (byUser = new Map()));
      byUser.set(entry.userId, entry.vote);
    }
  }

  private write(entry: FeedbackEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const bytes = Buffer.byteLength(line);
    // (After a failed write, the next still runs: a full disk for a moment does not end the log.)
    this.queue = this.queue.catch(() => undefined).then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      if (this.size > 0 && this.size + bytes > this.maxBytes) {
        // (A log moved or deleted by hand meanwhile: there is nothing to move aside.)
        await fs.rename(this.file, `${this.file}.1`).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
        });
        this.size = 0;
      }
      await fs.appendFile(this.file, line);
      this.size += bytes;
    });
    return this.queue;
  }

  /** Stores an answer; the key is what its buttons carry. */
  async remember(chatId: number, userId: number | undefined, answer: StoredAnswer): Promise<string> {
    const key = randomBytes(6).toString("base64url");
    const entry: FeedbackEntry = {
      event: "answer",
      at: new Date().toISOString(),
      key,
      chatId,
      ...(userId !== undefined ? { userId } : {}),
      answer: storedAnswer(answer),
    };
    this.apply(entry);
    await this.write(entry);
    return key;
  }

  async recall(key: string): Promise<{ chatId: number; answer: StoredAnswer } | undefined> {
    return this.answers.get(key);
  }

  /** Records a person's vote on an answer (replacing their earlier one); the tally after it. */
  async vote(key: string, userId: number, vote: "up" | "down"): Promise<Tally | undefined> {
    const stored = this.answers.get(key);
    if (!stored) return undefined;
    if (this.votes.get(key)?.get(userId) !== vote) {
      const entry: FeedbackEntry = { event: "vote", at: new Date().toISOString(), key, chatId: stored.chatId, userId, vote, question: stored.answer.question };
      this.apply(entry);
      await this.write(entry);
    }
    return this.tally(key);
  }

  tally(key: string): Tally {
    const all = [...(this.votes.get(key)?.values() ?? [])];
    return { up: all.filter((v) => v === "up").length, down: all.filter((v) => v === "down").length };
  }

  /** A question the documents did not answer: what admins read to see what the documents lack. */
  abstained(chatId: number, userId: number | undefined, question: string, answer: string): Promise<void> {
    return this.write({ event: "abstained", at: new Date().toISOString(), chatId, ...(userId !== undefined ? { userId } : {}), question, answer });
  }
}

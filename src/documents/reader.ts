/**
 * The isolated reader: every file is read (parsed, cleaned and split) in a worker thread from a
 * small pool (piscina), never on the bot's event loop. Each worker has a heap limit
 * (READ_MEMORY_MB) and each file a time limit (READ_TIMEOUT_MS, counted from when a worker takes
 * it); a worker that runs out of either is ended and replaced, and the file is skipped with the
 * limit it hit. Workers get an empty environment: nothing a document makes a parser do can read
 * the bot's token or keys from `process.env`.
 */
import os from "node:os";
import { Piscina } from "piscina";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits.js";
import type { ReadOutcome, ReadTask } from "./read.js";

export interface DocumentReader {
  readonly limits: ReadLimits;
  /** One file's document and passages, or the reason it is skipped; never throws. */
  read(task: Omit<ReadTask, "limits">): Promise<ReadOutcome>;
  /** Ends the workers; reads after this fail. */
  close(): Promise<void>;
}

/** One worker per core but one (the bot keeps a core), at least one, at most four. */
export function defaultReadWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** How long an idle worker is kept for the next file. */
const IDLE_MS = 30_000;

class WorkerReader implements DocumentReader {
  private readonly pool: Piscina<ReadTask, ReadOutcome>;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limits: ReadLimits,
    private readonly threads: number,
  ) {
    this.pool = new Piscina<ReadTask, ReadOutcome>({
      filename: new URL("./read-worker.ts", import.meta.url).href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: IDLE_MS,
      concurrentTasksPerWorker: 1,
      env: {},
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, limits.memoryMb / 8)) },
    });
    // A worker that dies between tasks is replaced by the pool; nothing to do here but not crash.
    this.pool.on("error", () => {});
  }

  /** Waits for a free worker, so a file's time limit counts from when a worker starts on it. */
  private async slot(): Promise<void> {
    if (this.active < this.threads) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  async read(task: Omit<ReadTask, "limits">): Promise<ReadOutcome> {
    await this.slot();
    const signal = AbortSignal.timeout(this.limits.timeoutMs);
    try {
      return await this.pool.run({ ...task, limits: this.limits }, { signal });
    } catch (error) {
      return { ok: false, reason: this.reasonOf(error, signal) };
    } finally {
      this.release();
    }
  }

  private reasonOf(error: unknown, signal: AbortSignal): string {
    const { timeoutMs, memoryMb } = this.limits;
    if (signal.aborted) return `took longer than ${Math.round(timeoutMs / 100) / 10} s to read (READ_TIMEOUT_MS is ${timeoutMs})`;
    if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
      return `needs more than ${memoryMb} MB of memory to read (READ_MEMORY_MB is ${memoryMb})`;
    }
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    return `the reader stopped (${message.slice(0, 200)})`;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** A reader with these limits (defaults for any not given) and this many workers. */
export function createDocumentReader(limits: Partial<ReadLimits> = {}, threads = defaultReadWorkers()): DocumentReader {
  return new WorkerReader({ ...DEFAULT_READ_LIMITS, ...limits }, Math.max(1, threads));
}

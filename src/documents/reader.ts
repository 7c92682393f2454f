/**
 * The isolated reader: every file is read (parsed, cleaned and split) in a worker thread from a
 * small pool (piscina), never on the bot's event loop. Each worker has a heap limit
 * (READ_MEMORY_MB) and each file a time limit (READ_TIMEOUT_MS, counted from when a worker takes
 * it); a worker that runs out of either is ended and replaced, and the file is skipped with the
 * limit it hit. The heap limit does not cover buffers outside the heap (pdf.js decodes a PDF's
 * streams into them: a 500 KB PDF whose content stream inflates to 500 MB took 1 GB), so the
 * process's resident memory is watched too: past twice READ_MEMORY_MB per busy worker above what
 * it was when reading began, the files being read are stopped; each is read again on its own, and
 * the one that goes over alone is skipped for memory. A file stopped at either limit is not read
 * again for an hour while its bytes are the same (each build reads the whole folder).
 *
 * Workers get an empty `process.env` (piscina's `env: {}`), so a parser cannot hand the bot's
 * token or keys to a document through it. This is not a sandbox: code running in a worker could
 * still read /proc/self/environ; what keeps document content from running is that no reader
 * evaluates it (see front-matter.ts, docx.ts).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Semaphore } from "async-mutex";
import { Piscina } from "piscina";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits.js";
import type { OcrPage, OcrSettings } from "./ocr.js";
import { OcrCache } from "./ocr-cache.js";
import { mayHoldScans, readableExtensions } from "./formats.js";
import { sha256 } from "./hash.js";
import type { ReadOutcome, ReadTask } from "./read.js";
import type { WireOutcome } from "./read-worker.js";
import { unpackSections } from "./structure.js";

/** OCR as the reader does it: the settings and where what it read is kept (none: not kept). */
export interface ReaderOcr extends OcrSettings {
  readonly cacheDir?: string;
  /** How long a cache entry no read uses is kept (default a day; see OcrCache). */
  readonly cacheKeepMs?: number;
}

export interface ReadOptions {
  /** After each scanned page of this file: pages read by OCR of those it has. */
  readonly onScanProgress?: (done: number, total: number) => void;
}

export interface DocumentReader {
  readonly limits: ReadLimits;
  /** OCR settings; undefined when OCR is off. */
  readonly ocr: OcrSettings | undefined;
  /** The file extensions this reader reads (images only with OCR). */
  readonly extensions: readonly string[];
  /** One file's document and passages, or the reason it is skipped; never throws. */
  read(task: Omit<ReadTask, "limits" | "ocr">, options?: ReadOptions): Promise<ReadOutcome>;
  /** Forgets what OCR read from files no read has asked about since `since` (ms since the epoch). */
  sweepOcrCache(since: number): Promise<void>;
  /** Ends the workers; reads after this fail. */
  close(): Promise<void>;
}

/** One worker per core but one (the bot keeps a core), at least one, at most four. */
export function defaultReadWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** How long an idle worker is kept for the next file. */
const IDLE_MS = 30_000;
/** How often resident memory is looked at while files are read. */
const MEMORY_CHECK_MS = 100;

/** Files stopped at a limit that are remembered (by hash) not to be tried again; the oldest are forgotten first. */
const MAX_REMEMBERED_STOPS = 1000;
/** How long such a file is not tried again. */
const STOP_MEMORY_MS = 60 * 60 * 1000;
/** Largest file of remembered stops read back (1,000 entries take about 200 KB). */
const MAX_STOPS_FILE_BYTES = 1_000_000;

/** How long a file to be read again alone waits at most for the memory of the reads stopped with it to be given back. */
const SETTLE_MS = 3_000;

/** A read's options inside the reader: where the pages OCR reads are collected. */
interface AttemptOptions extends ReadOptions {
  readonly fresh: Record<string, OcrPage>;
}

/** Why a read was stopped from outside the worker. */
type StopReason = "timeout" | "memory";

class WorkerReader implements DocumentReader {
  private readonly pool: Piscina<ReadTask, WireOutcome>;
  readonly ocr: OcrSettings | undefined;
  readonly extensions: readonly string[];
  private readonly cache: OcrCache | undefined;
  /** The workers' places: a file takes one, a file read again alone all (async-mutex's weighted semaphore, first come first served). */
  private readonly places: Semaphore;
  /** Files being read now, each with the way to stop it. */
  private readonly running = new Set<(reason: StopReason) => void>();
  /** Resident memory when reading began (no file in flight before). */
  private baseRss = 0;
  /** The base when the memory watch last stopped reads, until memory came back near it. */
  private stoppedBase: number | undefined;
  private watch: NodeJS.Timeout | undefined;
  /** Why files were stopped at a limit, by their bytes' hash and extension (oldest first). */
  private readonly stoppedAt = new Map<string, { reason: string; at: number }>();
  /** The outcomes that are such stops. */
  private readonly atLimit = new WeakSet<ReadOutcome>();

  /** Where the stops are kept across runs (`stopsFile`), read once before the first file. */
  private stopsLoaded: Promise<void> | undefined;

  constructor(
    readonly limits: ReadLimits,
    private readonly threads: number,
    ocr: ReaderOcr | undefined,
    private readonly stopsFile?: string,
  ) {
    this.ocr = ocr ? { languages: ocr.languages, maxPages: ocr.maxPages, pageTimeoutMs: ocr.pageTimeoutMs } : undefined;
    this.extensions = readableExtensions(!!ocr);
    this.cache = ocr?.cacheDir ? new OcrCache(ocr.cacheDir, ocr.cacheKeepMs) : undefined;
    this.places = new Semaphore(threads);
    this.pool = new Piscina<ReadTask, WireOutcome>({
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

  /** Waits for a free worker, so a file's time limit counts from when a worker starts on it; the way to give it back. */
  private async slot(): Promise<() => void> {
    return (await this.places.acquire(1))[1];
  }

  /**
   * Waits until no other file is being read, then holds every worker's place; the way to give them
   * back. Files waiting for one place wait behind it. (Gathered one place at a time, two files
   * stopped for memory together each held some and waited for the rest forever.)
   */
  private async slotAlone(): Promise<() => void> {
    return (await this.places.acquire(this.threads))[1];
  }

  async read(task: Omit<ReadTask, "limits" | "ocr">, options: ReadOptions = {}): Promise<ReadOutcome> {
    // A file stopped at a limit before is not read again while its bytes are the same: every
    // build reads the whole folder, and a 400 KB PDF that draws for two minutes cost each one
    // (each /add, /remove and reindex) the whole READ_TIMEOUT_MS again.
    // For an hour: a stop may have come of a busy machine. (Hashed only when something is remembered.)
    await (this.stopsLoaded ??= this.loadStops());
    const memo = () => `${sha256(task.bytes)}${path.extname(task.source).toLowerCase()}`;
    const key = this.stoppedAt.size ? memo() : undefined;
    const before = key === undefined ? undefined : this.stoppedAt.get(key);
    if (before && Date.now() - before.at < STOP_MEMORY_MS) return { ok: false, reason: `${before.reason}; not read again, the file is unchanged since` };
    if (before) this.stoppedAt.delete(key!);
    const outcome = await this.readTracked(task, options);
    if (!outcome.ok && this.atLimit.has(outcome)) {
      this.stoppedAt.set(key ?? memo(), { reason: outcome.reason, at: Date.now() });
      if (this.stoppedAt.size > MAX_REMEMBERED_STOPS) this.stoppedAt.delete(this.stoppedAt.keys().next().value!);
      await this.saveStops();
    }
    return outcome;
  }

  /**
   * The stops of earlier runs (`npm run ingest`, a restart of the bot): a small file that draws
   * for minutes cost every run the whole READ_TIMEOUT_MS while the memo lived in memory only. A
   * file that is missing or not as written is no memo: the files are read.
   */
  private async loadStops(): Promise<void> {
    if (!this.stopsFile) return;
    try {
      const raw = await fs.readFile(this.stopsFile, "utf8");
      if (raw.length > MAX_STOPS_FILE_BYTES) return;
      const entries: unknown = JSON.parse(raw);
      if (!Array.isArray(entries)) return;
      for (const e of entries.slice(-MAX_REMEMBERED_STOPS)) {
        if (Array.isArray(e) && typeof e[0] === "string" && typeof e[1]?.reason === "string" && typeof e[1]?.at === "number") this.stoppedAt.set(e[0], { reason: e[1].reason.slice(0, 500), at: e[1].at });
      }
    } catch {
      // No memo yet, or an unreadable one: nothing is remembered.
    }
  }

  /** Written whole, to a temporary file renamed over the old one; a failure only loses the memo. */
  private async saveStops(): Promise<void> {
    if (!this.stopsFile) return;
    const temp = `${this.stopsFile}.${process.pid}.tmp`;
    try {
      await fs.mkdir(path.dirname(this.stopsFile), { recursive: true });
      await fs.writeFile(temp, JSON.stringify([...this.stoppedAt]));
      await fs.rename(temp, this.stopsFile);
    } catch {
      await fs.rm(temp, { force: true }).catch(() => {});
    }
  }

  private async readTracked(task: Omit<ReadTask, "limits" | "ocr">, options: ReadOptions): Promise<ReadOutcome> {
    const scans = this.ocr && mayHoldScans(task.source);
    const key = scans && this.cache ? this.cache.key(task.bytes, this.ocr!.languages) : undefined;
    const cached = key ? await this.cache!.get(key) : {};
    // Pages arrive one by one as OCR reads them, so they are kept even if the read is stopped later.
    const fresh: Record<string, OcrPage> = {};
    const outcome = await this.readIn(task, cached, { ...options, fresh });
    if (key && Object.keys(fresh).length) await this.cache!.put(key, fresh);
    // A scan stopped after OCR read some of its pages gets further next time (those pages are cached): it is tried again.
    if (Object.keys(fresh).length) this.atLimit.delete(outcome);
    return outcome;
  }

  private async readIn(task: Omit<ReadTask, "limits" | "ocr">, cached: Readonly<Record<string, OcrPage>>, options: AttemptOptions): Promise<ReadOutcome> {
    const release = await this.slot();
    let outcome: ReadOutcome | "memory";
    try {
      outcome = await this.attempt(task, cached, options);
    } finally {
      release();
    }
    if (outcome !== "memory") return outcome;
    // Stopped for memory: with other files in flight any of them may have been the one, and even
    // alone, memory the bot took meanwhile counts against it. Read again alone; going over now,
    // it is this file.
    const base = this.baseRss;
    const releaseAll = await this.slotAlone();
    try {
      // Once the stopped reads' memory is given back (or it is clear it will not be soon).
      await this.settle(base);
      // What OCR read in the stopped try is not read again.
      const alone = await this.attempt(task, { ...cached, ...options.fresh }, options);
      return alone === "memory" ? this.stopped(this.memoryReason()) : alone;
    } finally {
      releaseAll();
    }
  }

  /**
   * One try in a worker; "memory" when the memory watch stopped it. The time limit is
   * READ_TIMEOUT_MS, plus OCR_PAGE_TIMEOUT_MS for each page the worker says it reads by OCR.
   */
  private async attempt(task: Omit<ReadTask, "limits" | "ocr">, cached: Readonly<Record<string, OcrPage>>, options: AttemptOptions): Promise<ReadOutcome | "memory"> {
    const controller = new AbortController();
    let stopped: StopReason | undefined;
    const stop = (reason: StopReason) => {
      stopped ??= reason;
      controller.abort();
    };
    const started = Date.now();
    let timer = setTimeout(() => stop("timeout"), this.limits.timeoutMs);
    const channel = this.ocr && mayHoldScans(task.source) ? new MessageChannel() : undefined;
    let scanPages = 0;
    channel?.port1.on("message", (message: { done: number; total: number } | { page: number; result: OcrPage }) => {
      if ("page" in message) {
        options.fresh[message.page] = message.result;
        return;
      }
      if (message.total !== scanPages) {
        scanPages = message.total;
        clearTimeout(timer);
        timer = setTimeout(() => stop("timeout"), Math.max(0, started + this.limits.timeoutMs + scanPages * this.ocr!.pageTimeoutMs - Date.now()));
      }
      options.onScanProgress?.(message.done, message.total);
    });
    if (this.running.size === 0) {
      // After a stop, the base stays where it was until memory has come back near it: measured
      // afresh, it held what the stopped reads still had, and each file in the queue got its
      // allowance on top of the last one's (five pictures in a row rose to 11 times the limit).
      const rss = process.memoryUsage.rss();
      if (this.stoppedBase !== undefined && rss - this.stoppedBase <= this.limits.memoryMb * 1024 * 1024) this.stoppedBase = undefined;
      this.baseRss = this.stoppedBase ?? rss;
    }
    this.running.add(stop);
    this.watch ??= setInterval(() => this.checkMemory(), MEMORY_CHECK_MS);
    try {
      const ocr = this.ocr ? { settings: this.ocr, cached, ...(channel ? { progress: channel.port2 } : {}) } : undefined;
      return unpackOutcome(await this.pool.run({ ...task, limits: this.limits, ocr }, { signal: controller.signal, ...(channel ? { transferList: [channel.port2] } : {}) }));
    } catch (error) {
      if (stopped === "memory") return "memory";
      const reason = this.reasonOf(error, stopped, scanPages);
      return stopped === "timeout" || (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" ? this.stopped(reason) : { ok: false, reason };
    } finally {
      clearTimeout(timer);
      channel?.port1.close();
      this.running.delete(stop);
      if (this.running.size === 0 && this.watch) {
        clearInterval(this.watch);
        this.watch = undefined;
      }
    }
  }

  /** A skip for a limit of time or memory (remembered by `read`, so the same bytes are not tried again). */
  private stopped(reason: string): ReadOutcome {
    const outcome: ReadOutcome = { ok: false, reason };
    this.atLimit.add(outcome);
    return outcome;
  }

  async sweepOcrCache(since: number): Promise<void> {
    await this.cache?.sweep(since);
  }

  private checkMemory(): void {
    const allowed = this.running.size * this.limits.memoryMb * 2 * 1024 * 1024;
    if (process.memoryUsage.rss() - this.baseRss <= allowed) return;
    this.stoppedBase ??= this.baseRss;
    for (const stop of [...this.running]) stop("memory");
  }

  /** Waits (up to SETTLE_MS) for the memory of the reads just stopped to be given back, down to one READ_MEMORY_MB above `base`. */
  private async settle(base: number): Promise<void> {
    const deadline = Date.now() + SETTLE_MS;
    while (process.memoryUsage.rss() - base > this.limits.memoryMb * 1024 * 1024 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, MEMORY_CHECK_MS));
    }
  }

  private memoryReason(): string {
    const { memoryMb } = this.limits;
    return `needs more than ${memoryMb} MB of memory to read (READ_MEMORY_MB is ${memoryMb})`;
  }

  private reasonOf(error: unknown, stopped: StopReason | undefined, scanPages: number): string {
    const { timeoutMs } = this.limits;
    if (stopped === "timeout" && scanPages) {
      const allowed = timeoutMs + scanPages * this.ocr!.pageTimeoutMs;
      return `took longer than ${Math.round(allowed / 100) / 10} s to read with ${scanPages} scanned page(s) (READ_TIMEOUT_MS is ${timeoutMs}, plus OCR_PAGE_TIMEOUT_MS ${this.ocr!.pageTimeoutMs} per page)`;
    }
    if (stopped === "timeout") return `took longer than ${Math.round(timeoutMs / 100) / 10} s to read (READ_TIMEOUT_MS is ${timeoutMs})`;
    if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") return this.memoryReason();
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    return `the reader stopped (${message.slice(0, 200)})`;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/** A worker's outcome with its sections unpacked: the sections share their heading strings. */
function unpackOutcome(wire: WireOutcome): ReadOutcome {
  if (!wire.ok) return wire;
  const { packed, ...outcome } = wire;
  const { document } = outcome;
  return { ...outcome, document: { ...document, structure: { ...document.structure, sections: unpackSections(packed) } } };
}

/** A reader with these limits (defaults for any not given) and this many workers. */
export function createDocumentReader(limits: Partial<ReadLimits> = {}, threads = defaultReadWorkers(), ocr?: ReaderOcr, stopsFile?: string): DocumentReader {
  return new WorkerReader({ ...DEFAULT_READ_LIMITS, ...limits }, Math.max(1, threads), ocr, stopsFile);
}

/**
 * The isolated reader: every file is read (parsed, cleaned and split) in a child process from a
 * small pool (tinypool's child_process runtime), never on the bot's event loop nor in its
 * process. Each reader process has a heap limit (READ_MEMORY_MB) and each file a time limit
 * (READ_TIMEOUT_MS, counted from when its reader says it has begun); a reader that runs out of
 * either is ended and replaced, and the file is skipped with the limit it hit.
 *
 * Processes, not worker threads: a worker thread that runs out of heap while V8 grows one large
 * string or table ("Reached heap limit Allocation failed") does not end alone; V8 aborts the whole
 * process, bot included (a worker doubling a string under its heap limit did it every time).
 * A child process that dies takes only itself. The heap limit does not cover buffers outside the
 * heap (pdf.js decodes a PDF's streams into them: a 500 KB PDF whose content stream inflates to
 * 500 MB took 1 GB), so each reader's resident memory is watched too (from /proc, where there is
 * one: elsewhere the heap limit alone holds): past twice READ_MEMORY_MB above what it held when it
 * began the file, the read is stopped and the file skipped for memory. A file stopped at either
 * limit is not read again for an hour while its bytes are the same (each build reads the whole
 * folder).
 *
 * Readers get an empty environment, so a parser cannot hand the bot's token or keys to a
 * document through it. This is not a sandbox: what keeps document content from running is that
 * no reader evaluates it (see front-matter.ts, docx.ts).
 */
import fs from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Semaphore } from "async-mutex";
import type { Tinypool } from "tinypool";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "./limits.js";
import type { OcrPage, OcrSettings } from "./ocr.js";
import { OcrCache } from "./ocr-cache.js";
import { mayHoldScans, readableExtensions } from "./formats.js";
import { sha256 } from "./hash.js";
import type { ReadOutcome, ReadTask } from "./read.js";
import type { ReaderMessage, WireOutcome } from "./read-worker.js";
import { unpackSections } from "./structure.js";
import { childProcessPool, loaderArgs } from "../processes.js";

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
  /** Ends the reader processes; reads after this fail. */
  close(): Promise<void>;
}

/** One reader per core but one (the bot keeps a core), at least one, at most four. */
export function defaultReadWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** How long an idle reader process is kept for the next file. */
const IDLE_MS = 30_000;
/** How often resident memory is looked at while files are read. */
const MEMORY_CHECK_MS = 100;

/** Files stopped at a limit that are remembered (by hash) not to be tried again; the oldest are forgotten first. */
const MAX_REMEMBERED_STOPS = 1000;
/** How long such a file is not tried again. */
const STOP_MEMORY_MS = 60 * 60 * 1000;
/** Largest file of remembered stops read back (1,000 entries take about 200 KB). */
const MAX_STOPS_FILE_BYTES = 1_000_000;

/** A read's options inside the reader: where the pages OCR reads are collected. */
interface AttemptOptions extends ReadOptions {
  readonly fresh: Record<string, OcrPage>;
}

/** How long a reader process may take to start, beside the file's READ_TIMEOUT_MS. */
const READER_START_MS = 30_000;
/** How many reader processes' ends are remembered (a read looks its reader's up as soon as it fails). */
const MAX_REMEMBERED_EXITS = 64;
/** Signals that say a reader crashed (a native parser's fault), not that it was stopped. */
const CRASH_SIGNALS: ReadonlySet<string> = new Set(["SIGSEGV", "SIGBUS", "SIGILL", "SIGFPE"]);

/** How a reader process ended. */
interface ReaderExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Why a read was stopped from outside its reader. */
type StopReason = "timeout" | "memory";

class ProcessReader implements DocumentReader {
  private readonly pool: Tinypool;
  readonly ocr: OcrSettings | undefined;
  readonly extensions: readonly string[];
  private readonly cache: OcrCache | undefined;
  /** The readers' places, one per process (async-mutex's semaphore, first come first served). */
  private readonly places: Semaphore;
  /** Why files were stopped at a limit, by their bytes' hash and extension and the limits (oldest first). */
  private readonly stoppedAt = new Map<string, { reason: string; at: number }>();
  /** The outcomes that are such stops. */
  private readonly atLimit = new WeakSet<ReadOutcome>();
  /** The outcomes of reads whose reader ended while reading (see `readIn`). */
  private readonly readerEnded = new WeakSet<ReadOutcome>();

  /** Where the stops are kept across runs (`stopsFile`), read once before the first file. */
  private stopsLoaded: Promise<void> | undefined;
  /** Reader processes whose end is watched, and how the last few ended (by process id). */
  private readonly watched = new Set<number>();
  private readonly exits = new Map<number, ReaderExit>();
  private closing = false;

  constructor(
    readonly limits: ReadLimits,
    threads: number,
    ocr: ReaderOcr | undefined,
    private readonly stopsFile?: string,
  ) {
    this.ocr = ocr ? { languages: ocr.languages, maxPages: ocr.maxPages, pageTimeoutMs: ocr.pageTimeoutMs } : undefined;
    this.extensions = readableExtensions(!!ocr);
    this.cache = ocr?.cacheDir ? new OcrCache(ocr.cacheDir, ocr.cacheKeepMs) : undefined;
    this.places = new Semaphore(threads);
    this.pool = childProcessPool({
      filename: new URL("./read-worker.ts", import.meta.url),
      maxThreads: threads,
      idleTimeout: IDLE_MS,
      execArgv: readerArgs(limits.memoryMb),
      // A reader that dies between files is replaced by the pool; nothing to do here but not crash.
      onError: () => {},
    });
  }

  /** Waits for a free reader, so a file's time limit counts from when a reader starts on it; the way to give it back. */
  private async slot(): Promise<() => void> {
    return (await this.places.acquire(1))[1];
  }

  async read(task: Omit<ReadTask, "limits" | "ocr">, options: ReadOptions = {}): Promise<ReadOutcome> {
    // A file stopped at a limit before is not read again while its bytes are the same: every
    // build reads the whole folder, and a 400 KB PDF that draws for two minutes cost each one
    // (each /add, /remove and reindex) the whole READ_TIMEOUT_MS again.
    // For an hour: a stop may have come of a busy machine. (Hashed only when something is remembered.)
    await (this.stopsLoaded ??= this.loadStops());
    // …under the same limits: raised (READ_TIMEOUT_MS, READ_MEMORY_MB) because of this very stop, it is tried again.
    const memo = () => `${sha256(task.bytes)}${path.extname(task.source).toLowerCase()}@${this.limits.timeoutMs}/${this.limits.memoryMb}`;
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
    try {
      const first = await this.attempt(task, cached, options);
      if (!this.readerEnded.has(first) || this.closing) return first;
      // The reader ended while reading it (out of heap, a crash, an error no parser caught): that
      // may be what the file before left running in it. A new reader reads it again; only ending
      // the same way again is this file's doing. What OCR read meanwhile is not read again.
      return await this.attempt(task, { ...cached, ...options.fresh }, options);
    } finally {
      release();
    }
  }

  /**
   * One try in a reader process. The time limit is READ_TIMEOUT_MS, plus OCR_PAGE_TIMEOUT_MS for
   * each page the reader says it reads by OCR; the memory limit is watched from the process id the
   * reader says first.
   */
  private async attempt(task: Omit<ReadTask, "limits" | "ocr">, cached: Readonly<Record<string, OcrPage>>, options: AttemptOptions): Promise<ReadOutcome> {
    if (this.closing) return closedOutcome();
    const controller = new AbortController();
    let stopped: StopReason | undefined;
    const stop = (reason: StopReason) => {
      stopped ??= reason;
      controller.abort();
    };
    // Counted from when the reader says it has begun: a reader process that is still starting
    // (about a second, more on a busy machine) takes none of the file's time.
    let started = Date.now();
    let timer = setTimeout(() => stop("timeout"), this.limits.timeoutMs + READER_START_MS);
    let scanPages = 0;
    let watch: NodeJS.Timeout | undefined;
    let pid: number | undefined;
    let failed: { readonly failed: string; readonly code?: string } | undefined;
    const allowed = this.limits.memoryMb * 2 * 1024 * 1024;
    const heard = (message: ReaderMessage) => {
      if ("pid" in message) {
        pid = message.pid;
        this.watchExit(pid);
        started = Date.now();
        clearTimeout(timer);
        timer = setTimeout(() => stop("timeout"), this.limits.timeoutMs);
        const base = residentBytes(pid);
        if (base !== undefined) watch = setInterval(() => (residentBytes(message.pid) ?? base) - base > allowed && stop("memory"), MEMORY_CHECK_MS);
        return;
      }
      if ("failed" in message) {
        failed = message;
        return;
      }
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
    };
    try {
      const ocr = this.ocr ? { settings: this.ocr, cached } : undefined;
      const wire = (await this.pool.run({ ...task, limits: this.limits, ocr }, { signal: controller.signal, channel: { postMessage: heard } })) as WireOutcome;
      return unpackOutcome(wire);
    } catch (error) {
      if (stopped === "memory") return this.stopped(this.memoryReason());
      // A reader that never said it began read nothing of the file: no fault of the file's.
      if (stopped === "timeout" && pid === undefined) return { ok: false, reason: `the reader process did not start within ${Math.round((this.limits.timeoutMs + READER_START_MS) / 1000)} s` };
      if (stopped === "timeout") return this.stopped(this.timeReason(scanPages));
      return this.failure(error, failed, pid === undefined ? undefined : this.exits.get(pid));
    } finally {
      clearTimeout(timer);
      clearInterval(watch);
    }
  }

  /** Notes how the reader process `pid` ends (once per process), so a read it leaves unfinished can say why. */
  private watchExit(pid: number): void {
    if (this.watched.has(pid)) return;
    const reader = this.pool.threads.find((t) => t.threadId === pid);
    if (!reader) return;
    this.watched.add(pid);
    reader.once("exit", (code: number | null, signal: NodeJS.Signals | null) => {
      this.watched.delete(pid);
      this.exits.set(pid, { code, signal });
      if (this.exits.size > MAX_REMEMBERED_EXITS) this.exits.delete(this.exits.keys().next().value!);
    });
  }

  /**
   * Why a read that no limit stopped failed. Only what the file itself did is remembered (not read
   * again for an hour): V8 ending the reader for its heap (SIGABRT, or a thread of it out of
   * memory) or a crash. The bot closing, or a signal from outside (a service manager stopping the
   * process group), is no fault of the file's.
   */
  private failure(error: unknown, failed: { readonly failed: string; readonly code?: string } | undefined, exit: ReaderExit | undefined): ReadOutcome {
    if (failed?.code === "ERR_WORKER_OUT_OF_MEMORY" || exit?.signal === "SIGABRT" || exit?.code === 134) return this.ended(this.stopped(this.memoryReason()));
    if (failed) return this.ended({ ok: false, reason: `the reader stopped (${failed.failed})` });
    if (this.closing) return closedOutcome();
    if (exit?.signal && CRASH_SIGNALS.has(exit.signal)) return this.ended(this.stopped(`it crashed the reader (${exit.signal})`));
    if (exit) return { ok: false, reason: `the reader process ended while reading it (${exit.signal ?? `exit code ${exit.code}`})` };
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    return { ok: false, reason: `the reader stopped (${message.slice(0, 200)})` };
  }

  /** An outcome of a reader that ended while reading (read again once by `readIn`). */
  private ended(outcome: ReadOutcome): ReadOutcome {
    this.readerEnded.add(outcome);
    return outcome;
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

  private memoryReason(): string {
    const { memoryMb } = this.limits;
    return `needs more than ${memoryMb} MB of memory to read (READ_MEMORY_MB is ${memoryMb})`;
  }

  private timeReason(scanPages: number): string {
    const { timeoutMs } = this.limits;
    if (scanPages) {
      const allowed = timeoutMs + scanPages * this.ocr!.pageTimeoutMs;
      return `took longer than ${Math.round(allowed / 100) / 10} s to read with ${scanPages} scanned page(s) (READ_TIMEOUT_MS is ${timeoutMs}, plus OCR_PAGE_TIMEOUT_MS ${this.ocr!.pageTimeoutMs} per page)`;
    }
    return `took longer than ${Math.round(timeoutMs / 100) / 10} s to read (READ_TIMEOUT_MS is ${timeoutMs})`;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.pool.destroy();
  }
}

/**
 * Source maps off in a reader process, after the loaders: tsx turns them on for the whole process,
 * and Node then parses the map of every module a parser loads (pdf.js ships megabytes of them).
 * A reader's first PDF took 2.5 s and 3.7 s of CPU with them, 1.4 s and 2.4 s without; every new
 * reader pays it (one per thread, and again after a file that ends one). A reader's errors are
 * about its file: they lose only the TypeScript line numbers of a stack trace.
 */
const NO_SOURCE_MAPS = "data:text/javascript,process.setSourceMapsEnabled(false)";

/** The reader process's flags: the bot's module loaders (see processes.ts), no source maps, and the heap limit; the young generation small beside a small heap. */
export function readerArgs(memoryMb: number, ...bot: Parameters<typeof loaderArgs>): string[] {
  return [...loaderArgs(...bot), "--import", NO_SOURCE_MAPS, `--max-old-space-size=${memoryMb}`, `--max-semi-space-size=${Math.min(16, Math.max(2, Math.round(memoryMb / 16)))}`];
}

/** A process's resident memory in bytes, from /proc; undefined where there is none (not Linux) or the process is gone. */
function residentBytes(pid: number): number | undefined {
  try {
    // A read of /proc is answered from the kernel's tables, in microseconds: not worth a thread.
    const kb = /^VmRSS:\s*(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "latin1"))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** Why a read the bot's closing cut short (or asked for after it) has no document. */
export const READER_CLOSED = "the reader was closed before it finished";

/** The outcome of a read the bot's closing cut short, or asked for after it. */
const closedOutcome = (): ReadOutcome => ({ ok: false, reason: READER_CLOSED });

/** A reader's outcome with its sections unpacked (they share their heading strings) and its passages' texts cut from the document. */
function unpackOutcome(wire: WireOutcome): ReadOutcome {
  if (!wire.ok) return wire;
  const { packed, ...outcome } = wire;
  const { document } = outcome;
  const chunks = outcome.chunks.map((chunk) => ({ ...chunk, text: chunk.text ?? document.text.slice(chunk.start, chunk.end) }));
  return { ...outcome, chunks, document: { ...document, structure: { ...document.structure, sections: unpackSections(packed) } } };
}

/** A reader with these limits (defaults for any not given) and this many reader processes. */
export function createDocumentReader(limits: Partial<ReadLimits> = {}, threads = defaultReadWorkers(), ocr?: ReaderOcr, stopsFile?: string): DocumentReader {
  return new ProcessReader({ ...DEFAULT_READ_LIMITS, ...limits }, Math.max(1, threads), ocr, stopsFile);
}

/**
 * A recording's length measured off the bot's event loop, within a time limit. music-metadata
 * reads a file it cannot place as MP3 by scanning for frame starts: a megabyte of 0xFF bytes took
 * 12 s, a 6.8 MB one 96 s and 750 MB, and the bot answered no one meanwhile (found by an attack
 * review). The measuring runs in one child process (tinypool, as the lexicon's); past the limit
 * it is stopped and the recording counts as one whose length cannot be told.
 */
import type { Tinypool } from "tinypool";
import { childEnded, childProcessPool, loaderArgs } from "../processes.js";

/** Longest a recording's length is measured for: an ordinary file of a few megabytes takes well under a second. */
export const MEASURE_TIMEOUT_MS = 10_000;
/** A finished worker is kept this long for the next voice question. */
const IDLE_MS = 30_000;
/** Heap of the measuring process: a recording is at most a few megabytes (the download limit). */
const HEAP_MB = 256;

let pool: Tinypool | undefined;
/**
 * The measurements, one at a time, each timed from its own start: with the limit running from
 * the call, a recording queued behind a slow one ran out of time waiting and was refused as
 * unreadable (found by a review).
 */
let queue: Promise<unknown> = Promise.resolve();

/** Seconds the recording plays for; undefined when it does not tell, or is not told within `timeoutMs`. */
export function measureRecording(audio: Uint8Array, mimeType?: string, timeoutMs = MEASURE_TIMEOUT_MS): Promise<number | undefined> {
  const turn = queue.then(() => measureNow(audio, mimeType, timeoutMs));
  queue = turn.catch(() => {});
  return turn;
}

async function measureNow(audio: Uint8Array, mimeType: string | undefined, timeoutMs: number): Promise<number | undefined> {
  pool ??= childProcessPool({
    filename: new URL("./recording-length.ts", import.meta.url),
    name: "measure",
    maxThreads: 1,
    idleTimeout: IDLE_MS,
    execArgv: [...loaderArgs(), `--max-old-space-size=${HEAP_MB}`],
    // A child that fails to start or dies fails its task (below); the event only must not end the bot.
    onError: () => {},
  });
  const running = pool;
  try {
    return (await running.run({ audio, mimeType }, { name: "measure", signal: AbortSignal.timeout(timeoutMs) })) as number | undefined;
  } catch (error) {
    // Stopped at the limit, or the process died (out of its heap): a length that cannot be told.
    if (childEnded(error) && pool === running) {
      pool = undefined;
      void running.destroy().catch(() => {});
    }
    return undefined;
  }
}

/** Ends the measuring process (at shutdown; tests). */
export async function closeRecordingMeasurer(): Promise<void> {
  const running = pool;
  pool = undefined;
  await running?.destroy();
}

/** Lets the event loop run (timers, network, other chats' questions) between slices of work. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Longest stretch of synchronous work between two turns of the event loop. */
export const SLICE_MS = 20;

/**
 * A pause to call between steps of long synchronous work: it lets the event loop run once
 * `sliceMs` have passed since it last did, and costs nothing otherwise.
 */
export function slicer(sliceMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since <= sliceMs) return;
    await yieldToEventLoop();
    since = performance.now();
  };
}

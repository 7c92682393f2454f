/**
 * A fetch for the model and transcription clients that stops reading a reply past a size: what an
 * endpoint sends back is data from outside, and the SDKs read it whole. A hostile or broken
 * endpoint's 20 MB streamed token held the bot's thread for seconds at a time and took 1.9 GB
 * (found by an attack review). Written here because the OpenAI SDK takes a fetch but has no limit
 * of its own, and the body is wrapped, not buffered, so streaming replies still stream.
 */

/** The most bytes read of one reply; more is an error the caller reports as the endpoint's failure. */
export const MAX_REPLY_BYTES = 2 * 1024 * 1024;

export class ReplyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the reply was larger than ${maxBytes} bytes`);
  }
}

/** A reply whose body stopped coming: the SDK's timeout ends when the headers arrive. */
export class ReplyStalledError extends Error {
  override readonly name = "TimeoutError";
  constructor(readonly idleMs: number) {
    super(`the reply timed out: nothing came for ${idleMs} ms after its headers`);
  }
}

/**
 * `fetch` with every response body cut off (an error) past `maxBytes`, and, with `idleMs`, when
 * nothing of it comes for that long: an endpoint that sent its headers and then nothing held the
 * answer until the whole answer's budget ran out, with no retry (found by an attack review).
 */
export function cappedFetch(maxBytes = MAX_REPLY_BYTES, inner: typeof fetch = globalThis.fetch, idleMs?: number): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (!response.body) return response;
    let read = 0;
    let timer: NodeJS.Timeout | undefined;
    const watch = (controller: TransformStreamDefaultController<Uint8Array>) => {
      if (!idleMs) return;
      clearTimeout(timer);
      timer = setTimeout(() => controller.error(new ReplyStalledError(idleMs)), idleMs);
      timer.unref();
    };
    const limit = new TransformStream<Uint8Array, Uint8Array>({
      start: watch,
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > maxBytes) {
          clearTimeout(timer);
          controller.error(new ReplyTooLargeError(maxBytes));
          return;
        }
        controller.enqueue(chunk);
        watch(controller);
      },
      flush: () => clearTimeout(timer),
    });
    // (The body is already decoded: its encoding and length headers no longer describe it.)
    const headers = new Headers(response.headers);
    headers.delete("content-encoding");
    headers.delete("content-length");
    return new Response(response.body.pipeThrough(limit), { status: response.status, statusText: response.statusText, headers });
  };
}

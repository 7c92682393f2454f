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

/** `fetch` with every response body cut off (an error) past `maxBytes`. */
export function cappedFetch(maxBytes = MAX_REPLY_BYTES, inner: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (!response.body) return response;
    let read = 0;
    const limit = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > maxBytes) controller.error(new ReplyTooLargeError(maxBytes));
        else controller.enqueue(chunk);
      },
    });
    // (The body is already decoded: its encoding and length headers no longer describe it.)
    const headers = new Headers(response.headers);
    headers.delete("content-encoding");
    headers.delete("content-length");
    return new Response(response.body.pipeThrough(limit), { status: response.status, statusText: response.statusText, headers });
  };
}

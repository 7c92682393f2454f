/**
 * Voice questions to text: an OpenAI-compatible transcription endpoint (`/v1/audio/transcriptions`:
 * OpenAI's whisper-1 / gpt-4o-transcribe, or a local whisper server) through the OpenAI SDK,
 * which already speaks the protocol, its multipart upload and its errors.
 */
import OpenAI, { toFile } from "openai";
import { AppError } from "../errors.js";
import { anySignal } from "./abort.js";
import { headOf } from "../unicode.js";
import { cappedFetch, MAX_REPLY_BYTES } from "./capped-fetch.js";

export interface TranscriberSettings {
  readonly model: string;
  /** The server's base URL ending in /v1; OpenAI's when unset. */
  readonly baseURL?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly timeoutMs: number;
}

export interface Transcript {
  readonly text: string;
}

export interface Transcriber {
  readonly model: string;
  /** The words of a recording (OGG/Opus from Telegram, MP3, M4A…). Throws TranscriptionError. */
  transcribe(audio: Buffer, fileName: string, signal?: AbortSignal): Promise<Transcript>;
}

/** The endpoint failed or refused: the user gets a friendly message, the log the cause. */
export class TranscriptionError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, "check TRANSCRIBE_MODEL, TRANSCRIBE_BASE_URL and TRANSCRIBE_API_KEY, and that the server is up", options);
  }
}

/** Longest transcript taken: a few minutes of speech; more is not a question. */
const MAX_TRANSCRIPT = 8000;

/** Tries per recording: one retry of a failed request. */
const ATTEMPTS = 2;

export function createTranscriber(settings: TranscriberSettings): Transcriber {
  const client = new OpenAI({
    // A local whisper server needs no key; the SDK insists on one.
    apiKey: settings.apiKey ?? "not-needed",
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    timeout: settings.timeoutMs,
    maxRetries: ATTEMPTS - 1,
    // A transcript is at most MAX_TRANSCRIPT characters: the reply is not read past a bound either.
    // Nor waited for past its time limit between its parts (the SDK's timeout ends at the headers).
    fetch: cappedFetch(MAX_REPLY_BYTES, globalThis.fetch, settings.timeoutMs),
  });
  return {
    model: settings.model,
    async transcribe(audio, fileName, signal) {
      // The whole of it within its tries' time: the limits above are per try and per gap in the
      // reply, and a server that sent a byte of its reply now and then held the question for as
      // long as it liked.
      const total = AbortSignal.timeout(ATTEMPTS * settings.timeoutMs);
      let result: unknown;
      try {
        result = await client.audio.transcriptions.create(
          { file: await toFile(audio, fileName), model: settings.model, response_format: "json" },
          { signal: anySignal([signal, total])! },
        );
      } catch (error) {
        const status = (error as { status?: number }).status;
        const why = status ? `the transcription service answered ${status}` : total.aborted ? `the transcription took longer than ${(ATTEMPTS * settings.timeoutMs) / 1000} s` : "the transcription service could not be reached";
        throw new TranscriptionError(why, { cause: error });
      }
      // Model output is data from outside: the JSON asked for with a string, capped; anything else
      // is no transcript (a 200 page of "502 Bad Gateway" or "CUDA out of memory" came back as a string).
      const text = typeof result === "object" ? (result as { text?: unknown } | null)?.text : undefined;
      if (typeof text !== "string") throw new TranscriptionError("the transcription service sent no text");
      return { text: headOf(text.replace(/\s+/g, " ").trim(), MAX_TRANSCRIPT) };
    },
  };
}

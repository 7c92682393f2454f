/**
 * How long a recording plays, read from its own container (OGG/Opus as Telegram stores voice
 * notes, MP3, M4A, WAV, FLAC…) by music-metadata: the length a voice message claims is the
 * sender's word, and its size bounds nothing (at a low bitrate a few megabytes hold an hour),
 * while a transcription service bills and works by the minute.
 */
import { parseBuffer } from "music-metadata";

/** Seconds the recording plays for, or undefined when its container does not tell (or is no recording). */
export async function recordingSeconds(audio: Uint8Array, mimeType?: string): Promise<number | undefined> {
  try {
    const { format } = await parseBuffer(audio, mimeType ? { mimeType } : undefined, { duration: true, skipCovers: true });
    return typeof format.duration === "number" && Number.isFinite(format.duration) && format.duration >= 0 ? format.duration : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How long a recording plays, read from the recording itself: the length a voice message claims
 * is the sender's word, its size bounds nothing (at a low bitrate a few megabytes hold an hour),
 * and a transcription service bills and works by the minute.
 *
 * music-metadata reads the container (MP3 by its frames, M4A, WAV, FLAC, OGG…), sniffing the
 * format from the bytes (the sender's MIME type only where sniffing fails). An OGG/Opus stream, as
 * Telegram stores voice notes, is also timed by its own packets (`opusSeconds`): the container's
 * length is one number on its last page, which the sender writes too.
 */
import { parseBuffer } from "music-metadata";

/** Seconds the recording plays for, or undefined when it does not tell (or is no recording). */
export async function recordingSeconds(audio: Uint8Array, mimeType?: string): Promise<number | undefined> {
  const container = (await containerSeconds(audio)) ?? (mimeType ? await containerSeconds(audio, mimeType) : undefined);
  const packets = opusSeconds(audio);
  if (packets === undefined) return container;
  return Math.max(packets, container ?? 0);
}

/** The entry point of the measuring process (see recording-length-pool.ts). */
export function measure(task: { audio: Uint8Array; mimeType?: string }): Promise<number | undefined> {
  return recordingSeconds(task.audio, task.mimeType);
}

async function containerSeconds(audio: Uint8Array, mimeType?: string): Promise<number | undefined> {
  try {
    const { format } = await parseBuffer(audio, mimeType ? { mimeType } : undefined, { duration: true, skipCovers: true });
    return typeof format.duration === "number" && Number.isFinite(format.duration) && format.duration >= 0 ? format.duration : undefined;
  } catch {
    return undefined;
  }
}

/** Milliseconds of one Opus frame by the configuration in its TOC byte (RFC 6716, 3.1): SILK, hybrid, CELT. */
function frameMs(config: number): number {
  if (config < 12) return [10, 20, 40, 60][config % 4]!;
  if (config < 16) return [10, 20][config % 2]!;
  return [2.5, 5, 10, 20][config % 4]!;
}

/**
 * Seconds an OGG/Opus recording plays for, summed over the audio packets of every logical stream
 * in it (each packet's TOC byte says its frames' length and count): chained streams play one after
 * the other, and a second stream whose pages claim one second held 6.4 hours in a 4.7 MB note
 * (found by an attack review). Infinity when a stream in it, before or after, is no Opus (it cannot
 * be timed here, so it is refused as too long); undefined when the bytes hold no Opus stream.
 * Bytes between pages, and a page whose checksum is wrong, are skipped to the next page, as decoders do. Written by
 * hand: music-metadata takes the length from the last page's granule position, and the decoders
 * on npm decode the audio (WebAssembly, far more work) to tell it. Linear in the bytes.
 */
export function opusSeconds(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  /** Per logical stream (by serial number): packets read, the first bytes of the one being read. */
  const streams = new Map<number, { packet: number; packetBytes: number[]; opus?: boolean }>();
  let ms = 0;
  let foreign = false;
  const finish = (stream: { packet: number; packetBytes: number[]; opus?: boolean }) => {
    const { packetBytes } = stream;
    if (stream.packet === 0 && !(packetBytes.length >= 8 && String.fromCharCode(...packetBytes.slice(0, 8)) === "OpusHead")) return false;
    stream.opus = true;
    if (stream.packet >= 2 && packetBytes.length > 0) {
      const toc = packetBytes[0]!;
      const code = toc & 3;
      const frames = code === 0 ? 1 : code < 3 ? 2 : (packetBytes[1] ?? 0) & 0x3f;
      ms += frames * frameMs(toc >> 3);
    }
    stream.packet++;
    stream.packetBytes = [];
    return true;
  };
  // No Opus stream: no OGG/Opus recording. One beside a stream of another kind: audio this cannot time.
  const result = () => (![...streams.values()].some((x) => x.opus) ? undefined : foreign ? Infinity : ms / 1000);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 27 <= bytes.length) {
    if (view.getUint32(at) !== 0x4f676753) {
      // "OggS": not at the start, no OGG file; between pages, bytes a decoder skips to the next page.
      if (at === 0) return undefined;
      at = buffer.indexOf("OggS", at + 1, "latin1");
      if (at < 0) break;
      continue;
    }
    const pageSerial = view.getUint32(at + 14, true);
    const segments = bytes[at + 26]!;
    const body = at + 27 + segments;
    if (body > bytes.length) break;
    let end = body;
    for (let s = 0; s < segments; s++) end += bytes[at + 27 + s]!;
    // A page whose checksum is wrong is no page, as decoders drop it: they go on looking from the
    // byte after its start. Stepping over it by the length it states hid valid pages inside its
    // "body": a one-second note measured 1 s held 52 minutes (found by an attack review). (A check
    // reads at most a page, 65 KB: 4.8 MB of nothing but headers claiming full pages take 2.7 s,
    // in the measuring process and within its time limit.)
    if (end > bytes.length || pageCrc(bytes, at, end) !== view.getUint32(at + 22, true)) {
      const next = buffer.indexOf("OggS", at + 1, "latin1");
      if (next < 0) break;
      at = next;
      continue;
    }
    let stream = streams.get(pageSerial);
    if (!stream) streams.set(pageSerial, (stream = { packet: 0, packetBytes: [] }));
    let offset = body;
    for (let s = 0; s < segments; s++) {
      const size = bytes[at + 27 + s]!;
      // Only a packet's first two bytes matter (or eight, for the header's signature).
      if (stream.packet >= 0) {
        const keep = Math.max(0, Math.min(size, 8 - stream.packetBytes.length, bytes.length - offset));
        for (let i = 0; i < keep; i++) stream.packetBytes.push(bytes[offset + i]!);
        if (size < 255 && !finish(stream)) {
          foreign = true;
          stream.packet = -1; // (its packets are not read further)
        }
      }
      offset += size;
    }
    at = end;
  }
  return result();
}

/** CRC-32 of OGG pages: polynomial 0x04c11db7, not reflected, initial value 0. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** The checksum of the page [start, end), its own checksum field (bytes 22-25) read as zeros. */
function pageCrc(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    const byte = i - start >= 22 && i - start < 26 ? 0 : bytes[i]!;
    crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  }
  return crc;
}

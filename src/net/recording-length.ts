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
import { flacSeconds, isFlac } from "./flac-length.js";
import { isMp4, mp4Seconds } from "./mp4-length.js";

/** Seconds the recording plays for, or undefined when it does not tell (or is no recording). */
export async function recordingSeconds(audio: Uint8Array, mimeType?: string): Promise<number | undefined> {
  const read = (await containerSeconds(audio)) ?? (mimeType ? await containerSeconds(audio, mimeType) : undefined);
  const container = read?.seconds;
  // MP3 by its frames too: music-metadata takes a VBR header's frame count as the length, and one
  // that said 10 frames held 12,000 (5 minutes; an 8 kbit/s file, 1 h 48 min; found by an attack review).
  if (read?.container === "MPEG") return Math.max(container ?? 0, mpegSeconds(audio));
  // WAV by its data: music-metadata takes a "fact" chunk's sample count, which said 1 s of a file
  // that plays 10 minutes (found by a review). A codec not timed here is a length not told.
  if (read?.container === "WAVE") {
    const data = wavSeconds(audio);
    return data === undefined ? undefined : Math.max(container ?? 0, data);
  }
  // MP4 (M4A) by its sample tables: music-metadata takes the media header's duration, which said
  // 1 s of a file whose samples play ten minutes. One without a sound track to time is not told.
  if (isMp4(audio)) {
    const samples = mp4Seconds(audio);
    return samples === undefined ? undefined : Math.max(container ?? 0, samples);
  }
  // FLAC by its frames: music-metadata takes STREAMINFO's sample count, which the sender writes.
  if (isFlac(audio)) {
    const frames = flacSeconds(audio);
    return frames === undefined ? undefined : Math.max(container ?? 0, frames);
  }
  const packets = opusSeconds(audio);
  if (packets === undefined) return container;
  return Math.max(packets, container ?? 0);
}

/** The entry point of the measuring process (see recording-length-pool.ts). */
export function measure(task: { audio: Uint8Array; mimeType?: string }): Promise<number | undefined> {
  return recordingSeconds(task.audio, task.mimeType);
}

async function containerSeconds(audio: Uint8Array, mimeType?: string): Promise<{ seconds: number; container: string | undefined } | undefined> {
  try {
    const { format } = await parseBuffer(audio, mimeType ? { mimeType } : undefined, { duration: true, skipCovers: true });
    const seconds = format.duration;
    return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? { seconds, container: format.container } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Seconds a WAV file plays for, from its data chunk: PCM and float samples by the sample rate and
 * block size its format chunk gives (what a decoder plays them at), MPEG audio in it by its
 * frames. Undefined for another codec, or no format or data chunk. Walks the chunks by hand.
 */
export function wavSeconds(bytes: Uint8Array): number | undefined {
  const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || text(0) !== "RIFF" || text(8) !== "WAVE") return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: { codec: number; rate: number; block: number } | undefined;
  let data: Uint8Array | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = text(at);
    const size = view.getUint32(at + 4, true);
    const body = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + size));
    if (id === "fmt " && body.length >= 16) {
      const codec = view.getUint16(at + 8, true);
      // WAVE_FORMAT_EXTENSIBLE names its codec in the first two bytes of its sub-format GUID.
      const actual = codec === 0xfffe && body.length >= 26 ? view.getUint16(at + 8 + 24, true) : codec;
      format = { codec: actual, rate: view.getUint32(at + 12, true), block: view.getUint16(at + 20, true) };
    } else if (id === "data") data = body;
    at += 8 + size + (size % 2);
  }
  if (!format || !data) return undefined;
  if (format.codec === 0x55 || format.codec === 0x50) return mpegSeconds(data);
  if ((format.codec === 1 || format.codec === 3) && format.rate > 0 && format.block > 0) return data.length / format.block / format.rate;
  return undefined;
}

/** Kilobits per second by bitrate index (1-14): MPEG-1 Layer I, II, III; MPEG-2/2.5 Layer I, Layer II and III. */
const BITRATES = {
  v1l1: [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  v1l2: [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2l1: [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  v2l23: [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] } as Record<number, number[]>;

/** A frame header at `at`: its length in bytes and the seconds it plays, or undefined when the bytes there are none. */
function mpegFrame(bytes: Uint8Array, at: number): { length: number; seconds: number } | undefined {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return undefined;
  const version = (bytes[at + 1]! >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
  const layer = (bytes[at + 1]! >> 1) & 3; // 3: Layer I, 2: Layer II, 1: Layer III, 0: reserved
  const index = bytes[at + 2]! >> 4;
  const rateIndex = (bytes[at + 2]! >> 2) & 3;
  if (version === 1 || layer === 0 || index === 0 || index === 15 || rateIndex === 3) return undefined;
  const padding = (bytes[at + 2]! >> 1) & 1;
  const sampleRate = SAMPLE_RATES[version]![rateIndex]!;
  const v1 = version === 3;
  const kbps = (v1 ? (layer === 3 ? BITRATES.v1l1 : layer === 2 ? BITRATES.v1l2 : BITRATES.v1l3) : layer === 3 ? BITRATES.v2l1 : BITRATES.v2l23)[index - 1]! * 1000;
  if (layer === 3) return { length: (Math.floor((12 * kbps) / sampleRate) + padding) * 4, seconds: 384 / sampleRate };
  const samples = layer === 1 && !v1 ? 576 : 1152;
  return { length: Math.floor(((samples / 8) * kbps) / sampleRate) + padding, seconds: samples / sampleRate };
}

/**
 * Seconds an MPEG audio stream (MP3) plays for, summed over its frames from the first after an
 * ID3v2 tag: a frame's header says its length and its samples; bytes that are no frame are
 * skipped to the next frame start, as decoders do. Linear in the bytes. Written by hand:
 * music-metadata counts frames only where no VBR header states their number.
 */
export function mpegSeconds(bytes: Uint8Array): number {
  let at = 0;
  // ID3v2: "ID3", version, flags, a size in four 7-bit bytes (plus a footer's 10 bytes when flagged).
  if (bytes.length >= 10 && bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    at = 10 + ((bytes[6]! & 0x7f) << 21) + ((bytes[7]! & 0x7f) << 14) + ((bytes[8]! & 0x7f) << 7) + (bytes[9]! & 0x7f) + (bytes[5]! & 0x10 ? 10 : 0);
  }
  let seconds = 0;
  while (at + 4 <= bytes.length) {
    const frame = mpegFrame(bytes, at);
    if (!frame || frame.length < 4) {
      at++;
      continue;
    }
    seconds += frame.seconds;
    at += frame.length;
  }
  return seconds;
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
  /** Bytes of candidate pages checksummed so far. */
  let checked = 0;
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
    // "body": a one-second note measured 1 s held 52 minutes (found by an attack review). A check
    // reads up to a page (65 KB) for each candidate, and candidates can overlap: past CRC_BUDGET
    // times the file's bytes checked, the file is one no decoder would read in one pass, and is
    // refused as one that cannot be timed ("OggS" 1.2 million times took 30 s).
    if (end <= bytes.length) {
      checked += end - at;
      if (checked > CRC_BUDGET * bytes.length + MAX_PAGE) return Infinity;
    }
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

/** Bytes checksummed per byte of the file at most (a valid file checks each page once: 1). */
const CRC_BUDGET = 4;
/** The longest OGG page: its header, 255 lacing values and 255 segments of 255 bytes. */
const MAX_PAGE = 27 + 255 + 255 * 255;

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

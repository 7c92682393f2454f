/**
 * How long a FLAC recording plays, by its frames: a decoder plays every frame it finds (a sync
 * code and a header whose CRC-8 holds), and music-metadata takes the sample count the STREAMINFO
 * block states, which the sender writes. A file whose STREAMINFO said 1 s held ten minutes of
 * frames. Written by hand: the FLAC decoders on npm decode the audio (far more work) to tell it.
 * Linear in the bytes: each candidate header is a few bytes checked once.
 */

/** Sample rates by a frame header's code 1–11 (0 and 12–14: elsewhere; 15: invalid). */
const RATES = [0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000, 96_000];

/** CRC-8 of FLAC frame headers: polynomial 0x07, initial value 0. */
const CRC8 = (() => {
  const table = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i;
    for (let k = 0; k < 8; k++) r = r & 0x80 ? ((r << 1) ^ 0x07) & 0xff : (r << 1) & 0xff;
    table[i] = r;
  }
  return table;
})();

/** Where the "fLaC" signature is: at 0, or after ID3v2 tags (decoders skip any number of them); -1 if neither. */
function signatureAt(bytes: Uint8Array): number {
  let at = 0;
  while (at + 10 <= bytes.length && bytes[at] === 0x49 && bytes[at + 1] === 0x44 && bytes[at + 2] === 0x33) {
    // Its size: four 7-bit bytes, after the 10-byte header (and a 10-byte footer if flagged).
    at += 10 + ((bytes[at + 6]! << 21) | (bytes[at + 7]! << 14) | (bytes[at + 8]! << 7) | bytes[at + 9]!) + (bytes[at + 5]! & 0x10 ? 10 : 0);
  }
  return bytes[at] === 0x66 && bytes[at + 1] === 0x4c && bytes[at + 2] === 0x61 && bytes[at + 3] === 0x43 ? at : -1;
}

/** Whether the bytes are a FLAC file ("fLaC", perhaps behind an ID3v2 tag). */
export function isFlac(bytes: Uint8Array): boolean {
  return signatureAt(bytes) >= 0;
}

/**
 * Seconds a FLAC file's frames play for (or the STREAMINFO's count, when that is the longer);
 * undefined when it has no STREAMINFO block.
 */
export function flacSeconds(bytes: Uint8Array): number | undefined {
  const start = signatureAt(bytes);
  if (start < 0) return undefined;
  // Metadata blocks: STREAMINFO first (the sample rate of frames that refer to it).
  let at = start + 4;
  let streamRate = 0;
  let stated = 0;
  for (let last = false; !last && at + 4 <= bytes.length; ) {
    last = (bytes[at]! & 0x80) !== 0;
    const kind = bytes[at]! & 0x7f;
    const length = (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (kind === 0 && at + 4 + 18 <= bytes.length) {
      const info = at + 4;
      streamRate = (bytes[info + 10]! << 12) | (bytes[info + 11]! << 4) | (bytes[info + 12]! >> 4);
      stated = (bytes[info + 13]! & 0x0f) * 2 ** 32 + ((bytes[info + 14]! << 24) >>> 0) + (bytes[info + 15]! << 16) + (bytes[info + 16]! << 8) + bytes[info + 17]!;
    }
    at += 4 + length;
  }
  if (!streamRate) return undefined;
  let played = 0;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let sync = buffer.indexOf(0xff, at); sync >= 0 && sync + 5 < bytes.length; sync = buffer.indexOf(0xff, sync + 1)) {
    const frame = frameAt(bytes, sync, streamRate);
    if (frame) played += frame.samples / frame.rate;
  }
  return Math.max(stated / streamRate, played);
}

/** The samples and rate of a frame whose header starts at `at`, if one does (its CRC-8 holds). */
function frameAt(bytes: Uint8Array, at: number, streamRate: number): { samples: number; rate: number } | undefined {
  if ((bytes[at + 1]! & 0xfe) !== 0xf8) return undefined;
  const sizeCode = bytes[at + 2]! >> 4;
  const rateCode = bytes[at + 2]! & 0x0f;
  if (sizeCode === 0 || rateCode === 15 || (bytes[at + 3]! & 0x01) !== 0) return undefined;
  // The frame or sample number: UTF-8's coding of up to 36 bits (1 to 7 bytes).
  let p = at + 4;
  const lead = bytes[p]!;
  const extra = lead < 0x80 ? 0 : lead >= 0xfe ? 6 : lead >= 0xfc ? 5 : lead >= 0xf8 ? 4 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : -1;
  if (extra < 0) return undefined;
  p += 1 + extra;
  let samples = sizeCode === 1 ? 192 : sizeCode <= 5 ? 576 << (sizeCode - 2) : sizeCode >= 8 ? 256 << (sizeCode - 8) : 0;
  const u16 = () => {
    const value = (bytes[p]! << 8) | bytes[p + 1]!;
    p += 2;
    return value;
  };
  if (sizeCode === 6) samples = bytes[p++]! + 1;
  else if (sizeCode === 7) samples = u16() + 1;
  let rate = rateCode === 0 ? streamRate : (RATES[rateCode] ?? 0);
  if (rateCode === 12) rate = bytes[p++]! * 1000;
  else if (rateCode === 13) rate = u16();
  else if (rateCode === 14) rate = u16() * 10;
  if (!rate || p >= bytes.length) return undefined;
  let crc = 0;
  for (let i = at; i < p; i++) crc = CRC8[crc ^ bytes[i]!]!;
  return crc === bytes[p] ? { samples, rate } : undefined;
}

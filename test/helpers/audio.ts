/**
 * Real recordings made by the tests: an OGG/Opus stream as Telegram stores voice notes (the
 * container's pages with their checksums, an OpusHead and OpusTags header, and pages of 20 ms
 * audio packets whose granule positions say how long it plays, truly or not). The packets are
 * silence frames: nothing here decodes them.
 */

/** CRC-32 of OGG pages (polynomial 0x04c11db7, no reflection, initial value 0). */
const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});

function oggCrc(page: Buffer): number {
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc;
}

function oggPage(packets: readonly Buffer[], { flags, granule, sequence, serial = 0x5eed }: { flags: number; granule: bigint; sequence: number; serial?: number }): Buffer {
  const lacing: number[] = [];
  for (const packet of packets) {
    let left = packet.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  const header = Buffer.alloc(27 + lacing.length);
  header.write("OggS", 0, "latin1");
  header[4] = 0; // version
  header[5] = flags;
  header.writeBigInt64LE(granule, 6);
  header.writeUInt32LE(serial, 14); // stream serial number
  header.writeUInt32LE(sequence, 18);
  header[26] = lacing.length;
  Buffer.from(lacing).copy(header, 27);
  const page = Buffer.concat([header, ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

const PRE_SKIP = 312;
/** A 20 ms silence frame (TOC byte 0xf8: CELT fullband 20 ms, mono, one frame): one audio packet. */
const FRAME = Buffer.from([0xf8, 0xff, 0xfe]);
/** Audio packets per page (each one lacing value; a page holds at most 255). */
const PACKETS_PER_PAGE = 200;

/**
 * An OGG/Opus recording whose last page says it plays for `seconds` (mono, 48 kHz), with
 * `padding` bytes of 20 ms audio packets: 400 bytes play for 2.66 s; more bytes than the length
 * they claim make a recording that says it is shorter than it plays.
 */
export function oggOpus(seconds: number, padding = 400, { serial, signature = "OpusHead" }: { serial?: number; signature?: string } = {}): Buffer {
  const head = Buffer.alloc(19);
  head.write(signature, 0, "latin1");
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt16LE(PRE_SKIP, 10);
  head.writeUInt32LE(48_000, 12);
  const vendor = Buffer.from("docs-qa tests", "latin1");
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write("OpusTags", 0, "latin1");
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  const packets = Array.from({ length: Math.max(1, Math.floor(padding / FRAME.length)) }, () => FRAME);
  const pages = [oggPage([head], { flags: 0x02, granule: 0n, sequence: 0, serial }), oggPage([tags], { flags: 0, granule: 0n, sequence: 1, serial })];
  for (let i = 0; i < packets.length; i += PACKETS_PER_PAGE) {
    const last = i + PACKETS_PER_PAGE >= packets.length;
    // Every page's granule position is the one the last page claims: the container's length is that number.
    pages.push(oggPage(packets.slice(i, i + PACKETS_PER_PAGE), { flags: last ? 0x04 : 0, granule: BigInt(Math.round(seconds * 48_000) + PRE_SKIP), sequence: pages.length, serial }));
  }
  return Buffer.concat(pages);
}

/**
 * An M4A file (MP4 with one AAC sound track at 44.1 kHz) of `samples` access units of 6 bytes
 * (silence to no decoder, which does not matter to a length), with its configuration (`esds`) unless
 * told not to: its media header states
 * `headerSeconds`, its time-to-sample table gives each unit `delta` (1,024: what AAC decodes it
 * to). With `fragmented`, the units are listed in a movie fragment (`moof`) instead of the table.
 */
export function m4a(options: { samples: number; headerSeconds: number; delta?: number; fragmented?: boolean; entryRate?: number; esds?: boolean; audioConfig?: number[] }): Buffer {
  const rate = 44_100;
  const delta = options.delta ?? 1024;
  const u32 = (...values: number[]) => Buffer.concat(values.map((v) => Buffer.from(Uint32Array.of(v).buffer).reverse()));
  const box = (type: string, ...body: Buffer[]) => {
    const payload = Buffer.concat(body);
    return Buffer.concat([u32(8 + payload.length), Buffer.from(type, "latin1"), payload]);
  };
  const full = (type: string, ...body: Buffer[]) => box(type, u32(0), ...body);
  // Unless `esds` is false: the stream's own configuration (AAC LC, 44.1 kHz, mono), which decoders go by.
  const asc = options.audioConfig ?? [0x12, 0x08];
  const config = Buffer.from([0x05, asc.length, ...asc]);
  const decoder = Buffer.concat([Buffer.from([0x04, 13 + config.length, 0x40, 0x15]), Buffer.alloc(11), config]);
  const es = Buffer.concat([Buffer.from([0x03, 3 + decoder.length, 0, 1, 0]), decoder]);
  const entryRate = options.entryRate ?? rate;
  const mp4a = box("mp4a", Buffer.alloc(6), Buffer.from([0, 1]), Buffer.alloc(8), Buffer.from([0, 2, 0, 16, 0, 0, 0, 0]), u32(entryRate * 65536), ...(options.esds === false ? [] : [full("esds", es)]));
  const units = options.fragmented ? 0 : options.samples;
  const stbl = box(
    "stbl",
    full("stsd", u32(1), mp4a),
    full("stts", ...(units ? [u32(1), u32(units, delta)] : [u32(0)])),
    full("stsz", u32(6, units)),
    full("stsc", u32(1), u32(1, units || 1, 1)),
    full("stco", u32(1), u32(0)),
  );
  const mdhd = full("mdhd", u32(0, 0, rate, Math.round(options.headerSeconds * rate)), Buffer.from([0x55, 0xc4, 0, 0]));
  const hdlr = full("hdlr", u32(0), Buffer.from("soun", "latin1"), u32(0, 0, 0), Buffer.from("Sound\0", "latin1"));
  const tkhd = full("tkhd", u32(0, 0, 1, 0, Math.round(options.headerSeconds * 1000)), Buffer.alloc(60));
  const trak = box("trak", tkhd, box("mdia", mdhd, hdlr, box("minf", stbl)));
  const mvhd = full("mvhd", u32(0, 0, 1000, Math.round(options.headerSeconds * 1000)), Buffer.alloc(80));
  const moov = box("moov", mvhd, trak, ...(options.fragmented ? [box("mvex", full("trex", u32(1, 1, delta, 6, 0)))] : []));
  const fragment = options.fragmented ? [box("moof", full("mfhd", u32(1)), box("traf", full("tfhd", u32(1)), full("trun", u32(options.samples))))] : [];
  return Buffer.concat([box("ftyp", Buffer.from("M4A ", "latin1"), u32(0), Buffer.from("M4A isom", "latin1")), moov, ...fragment, box("mdat", Buffer.alloc(6 * options.samples))]);
}

/**
 * A FLAC file of `frames` mono frames of 4,096 samples at 16 kHz (0.256 s each; a constant
 * subframe, silence), whose STREAMINFO states `statedSeconds`.
 */
export function flac(options: { frames: number; statedSeconds: number }): Buffer {
  const rate = 16_000;
  const info = Buffer.alloc(34); // (its MD5 of the audio, bytes 18-33: zeros, "not computed")
  info.writeUInt16BE(4096, 0);
  info.writeUInt16BE(4096, 2);
  const total = Math.round(options.statedSeconds * rate);
  // Sample rate (20 bits), channels - 1 (3), bits per sample - 1 (5), total samples (36).
  info.writeUInt32BE(((rate << 12) | (0 << 9) | (7 << 4) | Math.floor(total / 2 ** 32)) >>> 0, 10);
  info.writeUInt32BE(total % 2 ** 32, 14);
  const crc8 = (bytes: number[]) => {
    let crc = 0;
    for (const b of bytes) {
      crc ^= b;
      for (let k = 0; k < 8; k++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
    }
    return crc;
  };
  const frames = Array.from({ length: options.frames }, (_, n) => {
    // Block size code 12 (4,096), rate code 5 (16 kHz), mono, 8 bits; the frame number as UTF-8 codes it.
    const number = n < 0x80 ? [n] : [0xc0 | (n >> 6), 0x80 | (n & 0x3f)];
    const header = [0xff, 0xf8, 0xc5, 0x02, ...number];
    // Then a constant subframe of the value 0, and the frame's CRC-16 (polynomial 0x8005).
    const body = [...header, crc8(header), 0x00, 0x00];
    let crc16 = 0;
    for (const b of body) {
      crc16 ^= b << 8;
      for (let k = 0; k < 8; k++) crc16 = crc16 & 0x8000 ? ((crc16 << 1) ^ 0x8005) & 0xffff : (crc16 << 1) & 0xffff;
    }
    return Buffer.from([...body, crc16 >> 8, crc16 & 0xff]);
  });
  return Buffer.concat([Buffer.from("fLaC", "latin1"), Buffer.from([0x80, 0, 0, 34]), info, ...frames]);
}

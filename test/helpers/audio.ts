/**
 * Real recordings made by the tests: an OGG/Opus stream as Telegram stores voice notes (the
 * container's pages with their checksums, an OpusHead and OpusTags header, and audio pages whose
 * granule positions say how long it plays). The audio packets are silence frames: nothing here
 * decodes them, the length is the container's.
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

function oggPage(packet: Buffer, { flags, granule, sequence }: { flags: number; granule: bigint; sequence: number }): Buffer {
  const lacing: number[] = [];
  let left = packet.length;
  while (left >= 255) {
    lacing.push(255);
    left -= 255;
  }
  lacing.push(left);
  const header = Buffer.alloc(27 + lacing.length);
  header.write("OggS", 0, "latin1");
  header[4] = 0; // version
  header[5] = flags;
  header.writeBigInt64LE(granule, 6);
  header.writeUInt32LE(0x5eed, 14); // stream serial number
  header.writeUInt32LE(sequence, 18);
  header[26] = lacing.length;
  Buffer.from(lacing).copy(header, 27);
  const page = Buffer.concat([header, packet]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

const PRE_SKIP = 312;

/** An OGG/Opus recording that plays for `seconds` (mono, 48 kHz), padded with `padding` bytes of audio packets. */
export function oggOpus(seconds: number, padding = 400): Buffer {
  const head = Buffer.alloc(19);
  head.write("OpusHead", 0, "latin1");
  head[8] = 1; // version
  head[9] = 1; // channels
  head.writeUInt16LE(PRE_SKIP, 10);
  head.writeUInt32LE(48_000, 12);
  const vendor = Buffer.from("docs-qa tests", "latin1");
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write("OpusTags", 0, "latin1");
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  // A 20 ms silence frame (TOC byte 0xf8: CELT fullband 20 ms, mono, one frame), repeated.
  const frame = Buffer.from([0xf8, 0xff, 0xfe]);
  const audio = Buffer.concat(Array.from({ length: Math.max(1, Math.ceil(padding / frame.length)) }, () => frame)).subarray(0, Math.max(frame.length, padding));
  return Buffer.concat([
    oggPage(head, { flags: 0x02, granule: 0n, sequence: 0 }),
    oggPage(tags, { flags: 0, granule: 0n, sequence: 1 }),
    oggPage(audio, { flags: 0x04, granule: BigInt(Math.round(seconds * 48_000) + PRE_SKIP), sequence: 2 }),
  ]);
}

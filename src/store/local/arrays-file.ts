/**
 * A file of named typed arrays: a small JSON header, then each array's bytes, 8-aligned, so that
 * a start reads the file in one pass and uses the arrays where they lie, without parsing.
 * (Written by hand: the arrays are this project's own layout, and the formats that would carry
 * them — Arrow, FlatBuffers, MessagePack — add a dependency and a copy for no gain here.)
 *
 * Layout: 8 bytes magic, uint32 LE header length, header JSON, padding to 8, arrays. The header
 * holds a CRC-32 of everything after it, checked at read: a damaged byte fails the load (and the
 * file is made again), not a question later.
 */
import fs from "node:fs/promises";
import zlib from "node:zlib";

const MAGIC = Buffer.from("DQARRAY1", "ascii");

const TYPES = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
} as const;
type TypeName = keyof typeof TYPES;
export type StoredArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;

interface Header {
  readonly kind: string;
  readonly version: number;
  readonly meta: unknown;
  readonly arrays: readonly { name: string; type: TypeName; offset: number; length: number }[];
  /** CRC-32 of the bytes after the header (padding included). */
  readonly checksum?: number;
}

function typeOf(a: StoredArray): TypeName {
  if (a instanceof Uint8Array) return "u8";
  if (a instanceof Uint16Array) return "u16";
  if (a instanceof Uint32Array) return "u32";
  return "i32";
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** zlib's CRC-32 (Node 20.15 and later); without it files are written and read unchecked. */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Writes the arrays and `meta` to `file` (the caller writes into a fresh build directory, so no temp file here). */
export async function writeArrays(file: string, kind: string, version: number, meta: unknown, arrays: Record<string, StoredArray>): Promise<void> {
  const entries = Object.entries(arrays);
  const bytesOf = (a: StoredArray) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  // The header holds the offsets, which depend on the header's length: lay out with a fixed-width guess, then check.
  let headerBytes = 0;
  let header: Header;
  let encoded: Buffer;
  for (;;) {
    let at = align8(MAGIC.length + 4 + headerBytes);
    const list = entries.map(([name, a]) => {
      const entry = { name, type: typeOf(a), offset: at, length: a.length };
      at = align8(at + a.byteLength);
      return entry;
    });
    // The data as it will lie in the file (each array padded to 8), checksummed the same way the reader does.
    let checksum: number | undefined;
    if (crc32) {
      let value = 0;
      let position = align8(MAGIC.length + 4 + headerBytes);
      for (const [i, [, a]] of entries.entries()) {
        if (position !== list[i]!.offset) value = crc32(new Uint8Array(list[i]!.offset - position), value);
        value = crc32(bytesOf(a), value);
        position = list[i]!.offset + a.byteLength;
      }
      checksum = value;
    }
    header = { kind, version, meta, arrays: list, ...(checksum === undefined ? {} : { checksum }) };
    encoded = Buffer.from(JSON.stringify(header), "utf8");
    if (encoded.length <= headerBytes) break;
    headerBytes = encoded.length + 64;
  }
  const handle = await fs.open(file, "wx");
  try {
    const lead = Buffer.alloc(align8(MAGIC.length + 4 + headerBytes), 0x20);
    MAGIC.copy(lead, 0);
    lead.writeUInt32LE(headerBytes, MAGIC.length);
    encoded.copy(lead, MAGIC.length + 4);
    let position = 0;
    const write = async (bytes: Uint8Array) => {
      await handle.write(bytes, 0, bytes.length, position);
      position += bytes.length;
    };
    await write(lead);
    for (const [i, [, a]] of entries.entries()) {
      if (position !== header.arrays[i]!.offset) await write(new Uint8Array(header.arrays[i]!.offset - position));
      await write(bytesOf(a));
    }
  } finally {
    await handle.close();
  }
}

/** What a file of arrays holds. */
export interface ReadArrays {
  readonly meta: unknown;
  get<T extends StoredArray>(name: string, type: new (...args: never[]) => T): T;
}

/**
 * Reads a file written by writeArrays, checking its kind, version and that every array lies
 * inside the file. Throws with what is wrong; the caller decides what a bad file means.
 */
export async function readArrays(file: string, kind: string, version: number): Promise<ReadArrays> {
  const raw = await fs.readFile(file);
  // Typed arrays need their offset aligned: a buffer from readFile normally starts its own memory.
  const bytes = raw.byteOffset % 8 === 0 ? raw : Buffer.from(raw);
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`${file} is not an arrays file`);
  const headerBytes = bytes.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + headerBytes > bytes.length) throw new Error(`${file} is cut short`);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + headerBytes)) as Header;
  } catch {
    throw new Error(`${file} has a damaged header`);
  }
  if (header.kind !== kind || header.version !== version) throw new Error(`${file} holds ${header.kind} version ${header.version}, this program reads ${kind} version ${version}`);
  if (!header || !Array.isArray(header.arrays)) throw new Error(`${file} has a damaged header`);
  if (typeof header.checksum === "number" && crc32) {
    const dataStart = align8(MAGIC.length + 4 + headerBytes);
    const last = header.arrays.reduce((end, a) => Math.max(end, a.offset + a.length * (TYPES[a.type as TypeName]?.BYTES_PER_ELEMENT ?? 1)), dataStart);
    if (last > bytes.length || crc32(bytes.subarray(dataStart, last)) !== header.checksum) throw new Error(`${file} is damaged (checksum mismatch)`);
  }
  const byName = new Map(header.arrays.map((a) => [a.name, a]));
  return {
    meta: header.meta,
    get: (name, type) => {
      const entry = byName.get(name);
      if (!entry) throw new Error(`${file} lacks ${name}`);
      const Ctor = TYPES[entry.type as TypeName];
      if (!Ctor || Ctor !== (type as unknown)) throw new Error(`${file}: ${name} has the wrong type`);
      const end = entry.offset + entry.length * Ctor.BYTES_PER_ELEMENT;
      if (!Number.isSafeInteger(entry.offset) || entry.offset % 8 !== 0 || entry.length < 0 || end > bytes.length) throw new Error(`${file} is cut short (${name})`);
      return new Ctor(bytes.buffer, bytes.byteOffset + entry.offset, entry.length) as never;
    },
  };
}

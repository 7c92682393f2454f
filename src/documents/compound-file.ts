/**
 * The streams at the top of an OLE compound file ([MS-CFB]), read for the .doc reader: the
 * header, the allocation tables, the directory and the chains of the streams asked for, each
 * sector at most once in all (a chain that loops, or two chains that share sectors, is damage and
 * said so), so the work and the memory are bounded by the file's size whatever its tables say.
 * (SheetJS's `cfb` walks every chain from every sector, which two chains that merge make
 * quadratic; follows a stream that starts past the file's end without a check, without end; and
 * builds every entry's full path up its parents, quadratic in a deep directory.)
 */

export class DamagedCompoundFile extends Error {}

const END_OF_CHAIN = -2;
const FREE = -1;
const MINI_SECTOR = 64;
const MINI_CUTOFF = 4096;
const NO_ENTRY = -1;

function damaged(what: string): never {
  throw new DamagedCompoundFile(what);
}

/** The streams named (case as the file spells it or not) among the root storage's entries; those it lacks are missing from the map. */
export function compoundStreams(file: Buffer, names: readonly string[]): Map<string, Buffer> {
  if (file.length < 512) damaged("shorter than its header");
  const major = file.readUInt16LE(26);
  const shift = file.readUInt16LE(30);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) damaged(`a version (${major}) or sector size (2^${shift}) not of the format`);
  const size = 1 << shift;
  const sectorCount = Math.ceil((file.length - size) / size);
  if (sectorCount < 1) damaged("no sectors");
  // Each sector is taken once, by the FAT, the DIFAT or one chain: a second time is damage.
  const used = new Uint8Array(sectorCount);
  const take = (sector: number, what: string) => {
    if (sector < 0 || sector >= sectorCount) damaged(`${what} points past the end of the file`);
    if (used[sector]) damaged(`${what} runs into sectors already read`);
    used[sector] = 1;
    return file.subarray((sector + 1) * size, Math.min(file.length, (sector + 2) * size));
  };

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const fatCount = file.readUInt32LE(44);
  if (fatCount > sectorCount) damaged("more allocation table sectors than the file has");
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(file.readInt32LE(76 + i * 4));
  let difat = file.readInt32LE(68);
  while (fatSectors.length < fatCount) {
    if (difat < 0) damaged("an allocation table list shorter than it says");
    const sector = take(difat, "the allocation table list");
    for (let at = 0; at + 4 < size && fatSectors.length < fatCount; at += 4) fatSectors.push(sector.length >= at + 4 ? sector.readInt32LE(at) : FREE);
    difat = sector.length >= size ? sector.readInt32LE(size - 4) : END_OF_CHAIN;
  }
  const fat = new Int32Array(fatSectors.length * (size / 4)).fill(FREE);
  fatSectors.forEach((s, i) => {
    const sector = take(s, "the allocation table");
    for (let at = 0; at + 4 <= sector.length; at += 4) fat[i * (size / 4) + at / 4] = sector.readInt32LE(at);
  });

  /** A chain's bytes, up to `length` of them (a chain that ends early gives what it has). */
  const chain = (start: number, length: number, what: string): Buffer => {
    const parts: Buffer[] = [];
    let have = 0;
    for (let s = start; s !== END_OF_CHAIN && have < length; s = s < fat.length ? fat[s]! : END_OF_CHAIN) {
      const sector = take(s, what);
      parts.push(sector);
      have += sector.length;
    }
    return Buffer.concat(parts).subarray(0, length);
  };

  const directory = chain(file.readInt32LE(48), sectorCount * size, "the directory");
  const entryCount = Math.floor(directory.length / 128);
  if (entryCount < 1) damaged("no directory");
  const entry = (i: number) => {
    const at = i * 128;
    const nameBytes = Math.min(64, directory.readUInt16LE(at + 64));
    return {
      name: directory.toString("utf16le", at, at + Math.max(0, nameBytes - 2)),
      type: directory[at + 66]!,
      left: directory.readInt32LE(at + 68),
      right: directory.readInt32LE(at + 72),
      child: directory.readInt32LE(at + 76),
      start: directory.readInt32LE(at + 116),
      size: directory.readUInt32LE(at + 120),
    };
  };
  const root = entry(0);
  if (root.type !== 5) damaged("no root entry");

  // The root's entries: a tree by left and right, each entry visited once.
  const wanted = new Map(names.map((n) => [n.toUpperCase(), n]));
  const found = new Map<string, ReturnType<typeof entry>>();
  const seen = new Uint8Array(entryCount);
  const stack = [root.child];
  while (stack.length) {
    const i = stack.pop()!;
    if (i === NO_ENTRY || i < 0 || i >= entryCount || seen[i]) continue;
    seen[i] = 1;
    const e = entry(i);
    const name = wanted.get(e.name.toUpperCase());
    if (name && e.type === 2 && !found.has(name)) found.set(name, e);
    stack.push(e.left, e.right);
  }

  // Small streams lie in the mini stream (the root's chain), by the mini FAT.
  let mini: { data: Buffer; fat: Int32Array; used: Uint8Array } | undefined;
  const miniStream = () => {
    if (mini) return mini;
    const miniFatSectors = file.readUInt32LE(64);
    const table = chain(file.readInt32LE(60), Math.min(miniFatSectors, sectorCount) * size, "the mini allocation table");
    const data = chain(root.start, root.size, "the mini stream");
    const miniFat = new Int32Array(Math.floor(table.length / 4));
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = table.readInt32LE(i * 4);
    return (mini = { data, fat: miniFat, used: new Uint8Array(Math.ceil(data.length / MINI_SECTOR)) });
  };
  const out = new Map<string, Buffer>();
  for (const [name, e] of found) {
    if (e.size >= MINI_CUTOFF) {
      out.set(name, chain(e.start, e.size, `the stream ${name}`));
      continue;
    }
    const m = miniStream();
    const parts: Buffer[] = [];
    let have = 0;
    for (let s = e.start; s !== END_OF_CHAIN && have < e.size; s = s < m.fat.length ? m.fat[s]! : END_OF_CHAIN) {
      if (s < 0 || s >= m.used.length) damaged(`the stream ${name} points past the end of the mini stream`);
      if (m.used[s]) damaged(`the stream ${name} runs into mini sectors already read`);
      m.used[s] = 1;
      parts.push(m.data.subarray(s * MINI_SECTOR, (s + 1) * MINI_SECTOR));
      have += MINI_SECTOR;
    }
    out.set(name, Buffer.concat(parts).subarray(0, e.size));
  }
  return out;
}

/**
 * How long an MP4/M4A recording plays, from its sample tables: what a decoder plays is the
 * samples those tables list, and music-metadata takes the one number the media header (`mdhd`)
 * states, which the sender writes. A file whose header said 1 s listed ten minutes of samples.
 * Written by hand: no package on npm times MP4 by its samples short of demuxing it (ffmpeg).
 *
 * Per AAC track (`mp4a`, by its sample entry, whatever its handler says) the longest of: the
 * header's duration; the sample durations of its time-to-sample table (`stts`) and of its
 * fragments (`trun`, with `tfhd`/`trex` defaults); and its count of samples by the 1,024 audio
 * samples each decodes to whatever duration the table gives it, at the rate of the stream's own
 * configuration (`esds`). The longest track is the recording's length. Sound of another codec is
 * not timed: whose table durations are the sender's word, it is a length not told, as in a WAV.
 * Found by the sniffed box structure, an `ftyp` first or not. Linear in the
 * boxes and table entries, which the file's size bounds: boxes are found by their path, each level
 * listed once, never by recursion into whatever a file nests.
 */

/** Audio samples an AAC access unit decodes to, at the least (HE-AAC: 2,048 at twice the rate). */
const AAC_FRAME = 1024;
/** The lowest and highest AAC sampling rates (a configuration may state any rate in 24 bits). */
const MIN_AAC_RATE = 7_350;
const MAX_AAC_RATE = 96_000;
/** AAC sampling rates by an AudioSpecificConfig's samplingFrequencyIndex. */
const AAC_RATES = [96_000, 88_200, 64_000, 48_000, 44_100, 32_000, 24_000, 22_050, 16_000, 12_000, 11_025, 8_000, 7_350];
/** Sample entries of pictures, text and metadata: tracks that play no sound. */
const NOT_SOUND = new Set(["avc1", "avc3", "hvc1", "hev1", "mp4v", "vp08", "vp09", "av01", "dvh1", "dvhe", "s263", "jpeg", "mjp2", "tx3g", "text", "wvtt", "stpp", "c608", "mett", "metx", "urim", "mebx", "tmcd", "rtp ", "fdp "]);

interface Box {
  readonly type: string;
  /** The payload, after the size and type (and a 64-bit size). */
  readonly start: number;
  readonly end: number;
}

interface SoundTrack {
  id: number;
  timescale: number;
  /** Units of `timescale`. */
  headerUnits: number;
  tableUnits: number;
  samples: number;
  aacRate: number;
}

/** Boxes an MP4 (QuickTime) file may open with; a decoder takes the file by them, not by `ftyp` alone. */
const FIRST_BOXES = new Set(["ftyp", "styp", "moov", "mdat", "free", "skip", "wide", "pnot", "uuid", "pdin", "moof"]);

/** Whether the bytes open as an MP4 file does (a box of those first). */
export function isMp4(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && FIRST_BOXES.has(String.fromCharCode(bytes[4]!, bytes[5]!, bytes[6]!, bytes[7]!));
}

/** Seconds an MP4 file's longest sound track plays for; undefined when it holds no sound track with a time scale. */
export function mp4Seconds(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at) : 0);
  const u64 = (at: number) => (at + 8 <= bytes.length ? Number(view.getBigUint64(at)) : 0);

  /** The boxes in [start, end); a size past the end is cut to it (a file cut short). */
  function children(start: number, end: number): Box[] {
    const boxes: Box[] = [];
    let at = start;
    while (at + 8 <= end) {
      let size = u32(at);
      let header = 8;
      if (size === 1) {
        size = u64(at + 8);
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header) break;
      const boxEnd = Math.min(end, at + size);
      boxes.push({ type: type(at + 4), start: at + header, end: boxEnd });
      at = boxEnd;
    }
    return boxes;
  }
  const child = (box: Box, name: string) => children(box.start, box.end).find((b) => b.type === name);
  const path = (box: Box | undefined, ...names: string[]) => names.reduce<Box | undefined>((b, name) => (b ? child(b, name) : undefined), box);

  const top = children(0, bytes.length);
  // Every track whose sample entry is AAC, whatever its handler says (a decoder plays an "mp4a"
  // entry as sound under a "meta" handler too); pictures and text are no sound to time; any other
  // entry is sound this cannot time by what decodes (Opus, ALAC… whose table durations are the
  // sender's word), so the recording's length is not told.
  const tracks: SoundTrack[] = [];
  for (const moov of top.filter((b) => b.type === "moov")) {
    for (const trak of children(moov.start, moov.end).filter((b) => b.type === "trak")) {
      const mdia = child(trak, "mdia");
      const mdhd = mdia && child(mdia, "mdhd");
      const stbl = path(mdia, "minf", "stbl");
      const stsd = stbl && child(stbl, "stsd");
      const entry = stsd && stsd.start + 16 <= stsd.end ? { format: type(stsd.start + 12), start: stsd.start + 16, end: Math.min(stsd.end, stsd.start + 8 + u32(stsd.start + 8)) } : undefined;
      if (!entry || NOT_SOUND.has(entry.format)) continue;
      if (entry.format !== "mp4a" || !mdhd) return undefined;
      const v1 = bytes[mdhd.start] === 1;
      const timescale = u32(mdhd.start + (v1 ? 20 : 12));
      if (!timescale) return undefined;
      const tkhd = child(trak, "tkhd");
      const id = tkhd ? u32(tkhd.start + (bytes[tkhd.start] === 1 ? 20 : 12)) : 0;
      // All ones: "unknown" (the standard allows it); no length then but the samples'.
      const stated = v1 ? u64(mdhd.start + 24) : u32(mdhd.start + 16);
      const headerUnits = stated === 0xffffffff || stated >= 2 ** 53 ? 0 : stated;
      // The rate a decoder runs at is the one of the stream's own configuration ("esds", after the
      // entry's fields: 28 bytes, 16 or 36 more in QuickTime's versions 1 and 2), which AAC in MP4
      // cannot do without; the entry's own rate field is the sender's word. None, or no AAC rate: not told.
      const version = (bytes[entry.start + 8]! << 8) | bytes[entry.start + 9]!;
      const rate = esdsRate(entry.start + 28 + (version === 1 ? 16 : version === 2 ? 36 : 0), entry.end);
      if (!(rate >= MIN_AAC_RATE && rate <= MAX_AAC_RATE)) return undefined;
      const track: SoundTrack = { id, timescale, headerUnits, tableUnits: 0, samples: 0, aacRate: rate };
      const stts = child(stbl!, "stts");
      if (stts) {
        const entries = u32(stts.start + 4);
        for (let i = 0, at = stts.start + 8; i < entries && at + 8 <= stts.end; i++, at += 8) track.tableUnits += u32(at) * u32(at + 4);
      }
      const stsz = child(stbl!, "stsz");
      if (stsz) track.samples += u32(stsz.start + 8);
      tracks.push(track);
    }
  }
  if (!tracks.length) return undefined;

  /** The sampling rate of an AAC stream's AudioSpecificConfig, in the "esds" box among [start, end); 0 when there is none. */
  function esdsRate(start: number, end: number): number {
    const esds = children(start, end).find((b) => b.type === "esds");
    if (!esds) return 0;
    // Descriptors (tag, size in 7-bit groups): ES (3) > DecoderConfig (4) > DecoderSpecificInfo (5).
    let at = esds.start + 4;
    const descriptor = () => {
      const tag = bytes[at++];
      let size = 0;
      for (let i = 0; i < 4 && at < esds.end; i++) {
        const b = bytes[at++]!;
        size = (size << 7) | (b & 0x7f);
        if (!(b & 0x80)) break;
      }
      return { tag, size };
    };
    if (descriptor().tag !== 3) return 0;
    const flags = bytes[at + 2]!;
    at += 3 + (flags & 0x80 ? 2 : 0) + (flags & 0x40 ? 1 + bytes[at + 3]! : 0) + (flags & 0x20 ? 2 : 0);
    if (descriptor().tag !== 4) return 0;
    at += 13;
    if (descriptor().tag !== 5 || at + 2 > esds.end) return 0;
    // audioObjectType (5 bits; 31: 6 more), then samplingFrequencyIndex (4 bits; 15: 24 bits of rate).
    let bit = at * 8;
    const read = (n: number) => {
      let v = 0;
      for (let i = 0; i < n; i++, bit++) v = v * 2 + ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1);
      return v;
    };
    if (read(5) === 31) read(6);
    const index = read(4);
    return index === 15 ? (bit + 24 <= esds.end * 8 ? read(24) : 0) : (AAC_RATES[index] ?? 0);
  }

  // Fragments: each `traf` of each `moof`, by its track's id, with the defaults of `trex` and `tfhd`.
  const trexDuration = new Map<number, number>();
  for (const moov of top.filter((b) => b.type === "moov")) {
    const mvex = child(moov, "mvex");
    for (const trex of mvex ? children(mvex.start, mvex.end).filter((b) => b.type === "trex") : []) trexDuration.set(u32(trex.start + 4), u32(trex.start + 12));
  }
  const byId = new Map<number, SoundTrack[]>();
  for (const t of tracks) byId.set(t.id, [...(byId.get(t.id) ?? []), t]);
  for (const moof of top.filter((b) => b.type === "moof")) {
    for (const traf of children(moof.start, moof.end).filter((b) => b.type === "traf")) {
      const tfhd = child(traf, "tfhd");
      if (!tfhd) continue;
      // (Tracks that share an id share its fragments: each is timed with them.)
      const sharing = byId.get(u32(tfhd.start + 4));
      if (!sharing) continue;
      const flags = u32(tfhd.start) & 0xffffff;
      let at = tfhd.start + 8;
      if (flags & 0x01) at += 8;
      if (flags & 0x02) at += 4;
      const defaultDuration = flags & 0x08 ? u32(at) : (trexDuration.get(sharing[0]!.id) ?? 0);
      let samples = 0;
      let units = 0;
      for (const trun of children(traf.start, traf.end).filter((b) => b.type === "trun")) {
        const runFlags = u32(trun.start) & 0xffffff;
        const count = u32(trun.start + 4);
        samples += count;
        if (!(runFlags & 0x100)) {
          units += count * defaultDuration;
          continue;
        }
        const fields = [0x100, 0x200, 0x400, 0x800].filter((f) => runFlags & f).length;
        let sample = trun.start + 8 + (runFlags & 0x01 ? 4 : 0) + (runFlags & 0x04 ? 4 : 0);
        for (let i = 0; i < count && sample + 4 <= trun.end; i++, sample += 4 * fields) units += u32(sample);
      }
      for (const track of sharing) {
        track.samples += samples;
        track.tableUnits += units;
      }
    }
  }
  let seconds = 0;
  for (const t of tracks) {
    seconds = Math.max(seconds, Math.max(t.headerUnits, t.tableUnits) / t.timescale, t.aacRate ? (t.samples * AAC_FRAME) / t.aacRate : 0);
  }
  return seconds;
}

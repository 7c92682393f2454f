/**
 * How long an MP4/M4A recording plays, from its sample tables: what a decoder plays is the
 * samples those tables list, and music-metadata takes the one number the media header (`mdhd`)
 * states, which the sender writes. A file whose header said 1 s listed ten minutes of samples.
 * Written by hand: no package on npm times MP4 by its samples short of demuxing it (ffmpeg).
 *
 * Per sound track the longest of: the header's duration; the sample durations of its time-to-sample
 * table (`stts`) and of its fragments (`trun`, with `tfhd`/`trex` defaults); and for AAC (`mp4a`),
 * whose every sample decodes to at least 1,024 audio samples whatever duration the table gives it,
 * its count of samples by that. The longest sound track is the recording's length. Linear in the
 * boxes and table entries, which the file's size bounds: boxes are found by their path, each level
 * listed once, never by recursion into whatever a file nests.
 */

/** Audio samples an AAC access unit decodes to, at the least (HE-AAC: 2,048 at twice the rate). */
const AAC_FRAME = 1024;

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

/** Whether the bytes open as an MP4 file does (an `ftyp` box first). */
export function isMp4(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70;
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
  const tracks = new Map<number, SoundTrack>();
  for (const moov of top.filter((b) => b.type === "moov")) {
    for (const trak of children(moov.start, moov.end).filter((b) => b.type === "trak")) {
      const mdia = child(trak, "mdia");
      const hdlr = mdia && child(mdia, "hdlr");
      const mdhd = mdia && child(mdia, "mdhd");
      if (!hdlr || !mdhd || type(hdlr.start + 8) !== "soun") continue;
      const v1 = bytes[mdhd.start] === 1;
      const timescale = u32(mdhd.start + (v1 ? 20 : 12));
      if (!timescale) continue;
      const tkhd = child(trak, "tkhd");
      const id = tkhd ? u32(tkhd.start + (bytes[tkhd.start] === 1 ? 20 : 12)) : 0;
      const track: SoundTrack = { id, timescale, headerUnits: v1 ? u64(mdhd.start + 24) : u32(mdhd.start + 16), tableUnits: 0, samples: 0, aacRate: 0 };
      const stbl = path(mdia, "minf", "stbl");
      const stts = stbl && child(stbl, "stts");
      if (stts) {
        const entries = u32(stts.start + 4);
        for (let i = 0, at = stts.start + 8; i < entries && at + 8 <= stts.end; i++, at += 8) track.tableUnits += u32(at) * u32(at + 4);
      }
      const stsz = stbl && child(stbl, "stsz");
      if (stsz) track.samples += u32(stsz.start + 8);
      const stsd = stbl && child(stbl, "stsd");
      // The first sample entry: its format, and an audio entry's rate (16.16 fixed point).
      if (stsd && stsd.start + 40 <= stsd.end && type(stsd.start + 12) === "mp4a") track.aacRate = u32(stsd.start + 8 + 32) >>> 16;
      tracks.set(id, track);
    }
  }
  if (!tracks.size) return undefined;

  // Fragments: each `traf` of each `moof`, by its track's id, with the defaults of `trex` and `tfhd`.
  const trexDuration = new Map<number, number>();
  for (const moov of top.filter((b) => b.type === "moov")) {
    const mvex = child(moov, "mvex");
    for (const trex of mvex ? children(mvex.start, mvex.end).filter((b) => b.type === "trex") : []) trexDuration.set(u32(trex.start + 4), u32(trex.start + 16));
  }
  for (const moof of top.filter((b) => b.type === "moof")) {
    for (const traf of children(moof.start, moof.end).filter((b) => b.type === "traf")) {
      const tfhd = child(traf, "tfhd");
      if (!tfhd) continue;
      const track = tracks.get(u32(tfhd.start + 4));
      if (!track) continue;
      const flags = u32(tfhd.start) & 0xffffff;
      let at = tfhd.start + 8;
      if (flags & 0x01) at += 8;
      if (flags & 0x02) at += 4;
      const defaultDuration = flags & 0x08 ? u32(at) : (trexDuration.get(track.id) ?? 0);
      for (const trun of children(traf.start, traf.end).filter((b) => b.type === "trun")) {
        const runFlags = u32(trun.start) & 0xffffff;
        const count = u32(trun.start + 4);
        track.samples += count;
        if (!(runFlags & 0x100)) {
          track.tableUnits += count * defaultDuration;
          continue;
        }
        const fields = [0x100, 0x200, 0x400, 0x800].filter((f) => runFlags & f).length;
        let sample = trun.start + 8 + (runFlags & 0x01 ? 4 : 0) + (runFlags & 0x04 ? 4 : 0);
        for (let i = 0; i < count && sample + 4 <= trun.end; i++, sample += 4 * fields) track.tableUnits += u32(sample);
      }
    }
  }
  let seconds = 0;
  for (const t of tracks.values()) {
    seconds = Math.max(seconds, Math.max(t.headerUnits, t.tableUnits) / t.timescale, t.aacRate ? (t.samples * AAC_FRAME) / t.aacRate : 0);
  }
  return seconds;
}

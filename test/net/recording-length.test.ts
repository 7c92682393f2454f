import assert from "node:assert/strict";
import { test } from "node:test";
import { opusSeconds, recordingSeconds } from "../../src/net/recording-length.js";
import { flac, m4a, oggOpus } from "../helpers/audio.js";

/** An MPEG-1 Layer III stream at 128 kbit/s, 44.1 kHz: frames of 417 bytes, 26 ms each (zeros as their sound). */
function mp3(seconds: number): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  return Buffer.concat(Array.from({ length: Math.round(seconds / 0.026122) }, () => frame));
}

test("a recording's length is read from the recording: an OGG/Opus note by its packets, whatever its last page claims; the type is sniffed, not taken from the sender", async () => {
  assert.equal(await recordingSeconds(oggOpus(3), "audio/ogg"), 3);
  assert.equal(await recordingSeconds(oggOpus(600), "audio/ogg"), 600, "the container's length when it is the longer");
  // 30,000 bytes of 20 ms packets play for 200 s, while every page says 10 s.
  assert.ok((await recordingSeconds(oggOpus(10, 30_000), "audio/ogg"))! >= 199);
  const song = mp3(30);
  for (const mime of ["audio/mpeg", "audio/ogg", "audio/mp4", undefined]) {
    const seconds = await recordingSeconds(song, mime);
    assert.ok(seconds !== undefined && Math.abs(seconds - 30) < 1, `${mime}: ${seconds}`);
  }
  assert.ok((await recordingSeconds(oggOpus(5), "audio/mpeg"))! >= 5);
  assert.equal(await recordingSeconds(Buffer.alloc(3000, 7), "audio/ogg"), undefined);
});

test("a chained OGG recording is timed over every stream in it: a second stream that claims a second is read to its end", async () => {
  // A one-second note, then a stream of 30,000 bytes of 20 ms packets (200 s) whose pages say 1 s.
  const chained = Buffer.concat([oggOpus(1), oggOpus(1, 30_000, { serial: 0x7e57 })]);
  assert.ok((await recordingSeconds(chained, "audio/ogg"))! >= 200, String(await recordingSeconds(chained, "audio/ogg")));
  // A later stream that is no Opus cannot be timed here: the recording counts as too long.
  const foreign = Buffer.concat([oggOpus(1), oggOpus(1, 30_000, { serial: 0x7e57, signature: "OtherFmt" })]);
  assert.equal(await recordingSeconds(foreign, "audio/ogg"), Infinity);
  // So does one after a first stream of another kind.
  const foreignFirst = Buffer.concat([oggOpus(1, 400, { serial: 0x7e58, signature: "OtherFmt" }), oggOpus(1, 30_000, { serial: 0x7e57 })]);
  assert.equal(await recordingSeconds(foreignFirst, "audio/ogg"), Infinity);
  // Bytes between two streams are skipped to the next page, as a decoder does: the second is still timed.
  const junk = Buffer.concat([oggOpus(1), Buffer.from([0]), oggOpus(1, 30_000, { serial: 0x7e57 })]);
  assert.ok((await recordingSeconds(junk, "audio/ogg"))! >= 200, String(await recordingSeconds(junk, "audio/ogg")));
  // One stream alone as before.
  assert.equal(await recordingSeconds(oggOpus(3), "audio/ogg"), 3);
});

test("a recording's length is measured off the event loop: a file the reader would scan for long is given up at the time limit, and the bot's loop keeps turning", async () => {
  const { measureRecording, closeRecordingMeasurer } = await import("../../src/net/recording-length-pool.js");
  try {
    assert.equal(await measureRecording(oggOpus(3), "audio/ogg"), 3);
    const song = mp3(30);
    assert.ok(Math.abs((await measureRecording(song, "audio/mpeg"))! - 30) < 1);
    // A megabyte of 0xFF bytes: read as MP3, it is scanned for frame starts for seconds.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    const started = Date.now();
    const seconds = await measureRecording(Buffer.alloc(1_000_000, 0xff), "audio/mpeg", 1500);
    clearInterval(timer);
    assert.equal(seconds, undefined, "a length it cannot tell in time");
    assert.ok(Date.now() - started < 6000, `${Date.now() - started} ms`);
    assert.ok(ticks >= 10, `the event loop turned ${ticks} times meanwhile`);
    // The next recording is measured by a fresh process.
    assert.equal(await measureRecording(oggOpus(3), "audio/ogg"), 3);
    // One queued behind a slow one has its own time: it is measured, not refused for the wait
    // (which is longer than its own limit). Its own time includes starting a fresh process, which
    // took over 1.5 s in CI with another test file running beside it, and over 4 s once with two
    // more on a busy machine.
    const [slow, queued] = await Promise.all([measureRecording(Buffer.alloc(1_000_000, 0xff), "audio/mpeg", 8000), measureRecording(oggOpus(3), "audio/ogg", 7000)]);
    assert.equal(slow, undefined);
    assert.equal(queued, 3);
  } finally {
    await closeRecordingMeasurer();
  }
});

test("an OGG page whose checksum is wrong is no page: the pages hidden in what it claims as its body are timed, as a decoder plays them", async () => {
  // A one-second note, then a page with a wrong checksum that claims 65,025 bytes of body, which
  // hold a valid stream of 30,000 bytes of 20 ms packets (200 s).
  const hidden = oggOpus(1, 30_000, { serial: 0x7e57 });
  const header = Buffer.alloc(27 + 255);
  header.write("OggS", 0, "latin1");
  header.writeUInt32LE(0x5eed, 14);
  header.writeUInt32LE(0xdeadbeef, 22);
  header[26] = 255;
  header.fill(255, 27);
  const body = Buffer.concat([hidden, Buffer.alloc(Math.max(0, 255 * 255 - hidden.length))]);
  const disguised = Buffer.concat([oggOpus(1), header, body]);
  assert.ok((await recordingSeconds(disguised, "audio/ogg"))! >= 200, String(await recordingSeconds(disguised, "audio/ogg")));
  assert.equal(await recordingSeconds(oggOpus(3), "audio/ogg"), 3, "pages with right checksums are read as before");
  // Candidate pages over candidate pages ("OggS" again and again, 4.8 MB): checksummed past a few times the file, it is no recording to time.
  const started = Date.now();
  assert.equal(opusSeconds(Buffer.from("OggS".repeat(1_200_000), "latin1")), Infinity);
  assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
});

test("an MP3 is timed by its frames too: a VBR header that states 10 frames does not hide the thousands after it", async () => {
  const stated = (frames: number, seconds: number) => {
    const song = mp3(seconds);
    // A Xing header in the first frame (after MPEG-1 stereo side information): frame and byte counts present.
    song.write("Xing", 36, "latin1");
    song.writeUInt32BE(3, 40);
    song.writeUInt32BE(frames, 44);
    song.writeUInt32BE(frames * 417, 48);
    return song;
  };
  const long = stated(10, 300);
  const seconds = await recordingSeconds(long, "audio/mpeg");
  assert.ok(seconds !== undefined && seconds > 295, String(seconds));
  const honest = await recordingSeconds(stated(Math.round(30 / 0.026122), 30), "audio/mpeg");
  assert.ok(honest !== undefined && Math.abs(honest - 30) < 1, String(honest));
  // Behind an ID3v2 tag, and with bytes that are no frame between frames: still timed.
  const id3 = Buffer.concat([Buffer.from("ID3"), Buffer.from([4, 0, 0, 0, 0, 0x08, 0x00]), Buffer.alloc(1024, 0x41)]);
  const withTag = Buffer.concat([id3, mp3(20), Buffer.alloc(500, 0x13), mp3(20)]);
  const tagged = await recordingSeconds(withTag, "audio/mpeg");
  assert.ok(tagged !== undefined && Math.abs(tagged - 40) < 1.5, String(tagged));
});

test("a WAV file is timed by its data, not by the sample count a 'fact' chunk states; a codec it cannot time is a length it cannot tell", async () => {
  const wav = (codec: number, dataBytes: number, factSamples?: number) => {
    const fmt = Buffer.alloc(16);
    fmt.writeUInt16LE(codec, 0);
    fmt.writeUInt16LE(1, 2); // mono
    fmt.writeUInt32LE(8000, 4); // 8 kHz
    fmt.writeUInt32LE(8000, 8); // bytes a second
    fmt.writeUInt16LE(1, 12); // block
    fmt.writeUInt16LE(8, 14); // bits
    const chunk = (id: string, body: Buffer) => Buffer.concat([Buffer.from(id, "latin1"), Buffer.from(Uint32Array.of(body.length).buffer), body]);
    const fact = factSamples === undefined ? Buffer.alloc(0) : chunk("fact", Buffer.from(Uint32Array.of(factSamples).buffer));
    const body = Buffer.concat([Buffer.from("WAVE", "latin1"), chunk("fmt ", fmt), fact, chunk("data", Buffer.alloc(dataBytes, 0x80))]);
    return Buffer.concat([Buffer.from("RIFF", "latin1"), Buffer.from(Uint32Array.of(body.length).buffer), body]);
  };
  assert.equal(await recordingSeconds(wav(1, 80_000), "audio/wav"), 10);
  // 60 s of 8 kHz samples whose "fact" chunk says 8,000 samples (1 s).
  const lying = await recordingSeconds(wav(1, 480_000, 8000), "audio/wav");
  assert.ok(lying !== undefined && lying >= 59, String(lying));
  // An ADPCM WAV (0x11) is not timed here: refused as a length that cannot be told, not taken at its word.
  assert.equal(await recordingSeconds(wav(0x11, 40_000, 8000), "audio/wav"), undefined);
});

test("an M4A file is timed by the samples it lists, not by the length its header states: ten minutes under a header of one second are ten minutes", async () => {
  // 431 AAC units of 1,024 samples at 44.1 kHz: 10 s, as its header says.
  const honest = await recordingSeconds(m4a({ samples: 431, headerSeconds: 10 }), "audio/mp4");
  assert.ok(honest !== undefined && Math.abs(honest - 10) < 0.1, String(honest));
  // 25,840 units (600 s) under a header that says 1 s: in the sample table, with each unit's
  // duration as 1 tick there (AAC decodes each to 1,024 samples all the same), or in a fragment.
  for (const lie of [{}, { delta: 1 }, { fragmented: true }]) {
    const seconds = await recordingSeconds(m4a({ samples: 25_840, headerSeconds: 1, ...lie }), "audio/x-m4a");
    assert.ok(seconds !== undefined && seconds >= 599, `${JSON.stringify(lie)}: ${seconds}`);
  }
  // Found without an "ftyp" box first; timed at the rate of the stream's own configuration, not
  // the sample entry's (a rate of 0 there hid the count; a high one shortened it); its handler
  // called something else than sound.
  const tenMinutes = { samples: 25_840, headerSeconds: 1 };
  const noFtyp = m4a(tenMinutes);
  noFtyp.write("free", 4, "latin1");
  const handler = m4a(tenMinutes);
  handler.write("meta", handler.indexOf("soun"), "latin1");
  for (const [name, file] of [["no ftyp", noFtyp], ["entry rate 0", m4a({ ...tenMinutes, entryRate: 0, esds: true })], ["entry rate 65535", m4a({ ...tenMinutes, entryRate: 65_535, esds: true })], ["a meta handler", handler]] as const) {
    const seconds = await recordingSeconds(file, "audio/mp4");
    assert.ok(seconds !== undefined && seconds >= 599, `${name}: ${seconds}`);
  }
  // AAC without its configuration (no decoder plays it), or one stating a rate no AAC has: not told.
  assert.equal(await recordingSeconds(m4a({ samples: 431, headerSeconds: 10, esds: false }), "audio/mp4"), undefined);
  // (Its rate written out in 24 bits: 44,100 is timed; 16,000,000 would make ten minutes 1.6 s.)
  const explicit = await recordingSeconds(m4a({ ...tenMinutes, audioConfig: [0x17, 0x80, 0x56, 0x22, 0x08] }), "audio/mp4");
  assert.ok(explicit !== undefined && explicit >= 599, String(explicit));
  assert.equal(await recordingSeconds(m4a({ ...tenMinutes, audioConfig: [0x17, 0xfa, 0x12, 0x00, 0x08] }), "audio/mp4"), undefined);
  // Sound of another codec, whose table durations are the sender's word: a length it cannot tell.
  const alac = m4a({ samples: 431, headerSeconds: 10 });
  alac.write("alac", alac.indexOf("mp4a"), "latin1");
  assert.equal(await recordingSeconds(alac, "audio/mp4"), undefined);
});

test("a FLAC file is timed by its frames, not by the sample count its STREAMINFO states", async () => {
  // 40 frames of 0.256 s: 10.24 s, as stated.
  const honest = await recordingSeconds(flac({ frames: 40, statedSeconds: 10.24 }), "audio/flac");
  assert.ok(honest !== undefined && Math.abs(honest - 10.24) < 0.01, String(honest));
  // 2,344 frames (600 s) under a STREAMINFO that says 1 s; also behind one ID3v2 tag or two, and sent as another type.
  const lying = flac({ frames: 2344, statedSeconds: 1 });
  const id3 = Buffer.concat([Buffer.from("ID3"), Buffer.from([4, 0, 0, 0, 0, 0x08, 0x00]), Buffer.alloc(1024, 0x41)]);
  for (const [bytes, mime] of [[lying, "audio/flac"], [Buffer.concat([id3, lying]), "audio/flac"], [Buffer.concat([id3, id3, lying]), "audio/flac"], [lying, "audio/mpeg"]] as const) {
    const seconds = await recordingSeconds(bytes, mime);
    assert.ok(seconds !== undefined && seconds >= 599, `${mime}, ${bytes.length} bytes: ${seconds}`);
  }
});

import { describe, expect, it } from 'vitest';
import { WebmTimeline, retimed, withDuration } from '../../src/ui/export/webmFile';

// A small WebM written by hand, element by element, shaped like Chromium's MediaRecorder output:
// EBML header, a Segment of unknown size, Info (timecode scale 1 ms), Tracks, then Clusters of
// unknown size holding BlockGroups and SimpleBlocks.

function bytesOf(...parts: (number[] | Uint8Array)[]): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  for (const p of parts) out.push(...p);
  return Uint8Array.from(out);
}

function idBytes(id: number): number[] {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
}

function size(n: number, length = 1): number[] {
  const out: number[] = [];
  let v = n;
  for (let i = 0; i < length; i++) {
    out.unshift(v % 256);
    v = Math.floor(v / 256);
  }
  out[0] |= 0x80 >> (length - 1);
  return out;
}

const UNKNOWN = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

function el(id: number, data: number[] | Uint8Array): Uint8Array {
  return bytesOf(idBytes(id), size(data.length, data.length < 127 ? 1 : 2), data);
}

function uint(v: number, length: number): number[] {
  return Array.from({ length }, (_, i) => Math.floor(v / 256 ** (length - 1 - i)) % 256);
}

function block(id: number, relative: number, payload = 40): Uint8Array {
  const tc = relative < 0 ? relative + 0x10000 : relative;
  return el(id, bytesOf([0x81, tc >> 8, tc & 0xff, 0x80], new Array<number>(payload).fill(7)));
}

function cluster(time: number, blocks: Uint8Array[]): Uint8Array {
  return bytesOf(idBytes(0x1f43b675), UNKNOWN, el(0xe7, uint(time, 2)), ...blocks);
}

function file(options: { seekHead?: boolean; knownSize?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const header = el(0x1a45dfa3, el(0x4282, [0x77, 0x65, 0x62, 0x6d]));
  const info = el(0x1549a966, bytesOf(el(0x2ad7b1, [0x0f, 0x42, 0x40]), el(0x4d80, [0x43, 0x68, 0x72, 0x6f, 0x6d, 0x65])));
  const tracks = el(0x1654ae6b, el(0xae, el(0xd7, [1])));
  const body = bytesOf(
    ...(options.seekHead ? [el(0x114d9b74, el(0x4dbb, [0]))] : []),
    info,
    tracks,
    cluster(0, [el(0xa0, block(0xa1, 0)), block(0xa3, 33), el(0xa0, bytesOf(block(0xa1, 67), el(0x75a1, [1, 2, 3])))]),
    cluster(1000, [block(0xa3, -10), block(0xa3, 20, 600)]),
  );
  return bytesOf(header, idBytes(0x18538067), options.knownSize ? size(body.length, 8) : UNKNOWN, body);
}

/** Reads the Info's Duration (a float in timecode-scale units) back out of a file. */
function durationOf(bytes: Uint8Array): number | null {
  for (let i = 0; i + 3 + 8 <= bytes.length; i++) {
    if (bytes[i] === 0x44 && bytes[i + 1] === 0x89 && bytes[i + 2] === 0x88) return new DataView(bytes.buffer, bytes.byteOffset + i + 3, 8).getFloat64(0);
  }
  return null;
}

describe('following a WebM stream as it is recorded', () => {
  it('knows the latest frame’s time, across clusters, block groups and negative offsets', () => {
    const t = new WebmTimeline();
    expect(t.lastFrameMs).toBe(-1);
    t.push(file());
    expect(t.broken).toBe(false);
    expect(t.lastFrameMs).toBe(1020);
    expect(t.frameCount).toBe(5);
  });

  it('gets the same answer however the stream is cut into chunks', () => {
    const bytes = file();
    for (const cut of [1, 3, 7, 50, 333]) {
      const t = new WebmTimeline();
      let seen = -1;
      for (let i = 0; i < bytes.length; i += cut) {
        t.push(bytes.subarray(i, i + cut));
        // Time only moves forward as chunks arrive.
        expect(t.lastFrameMs).toBeGreaterThanOrEqual(seen);
        seen = t.lastFrameMs;
      }
      expect(t.lastFrameMs, `chunks of ${cut}`).toBe(1020);
    }
  });

  it('reports the frames received so far, not more', () => {
    const bytes = file();
    const secondCluster = bytes.length - cluster(1000, [block(0xa3, -10), block(0xa3, 20, 600)]).length;
    const t = new WebmTimeline();
    t.push(bytes.subarray(0, secondCluster));
    expect(t.lastFrameMs).toBe(67);
  });

  it('gives up, saying so, on an element it cannot size', () => {
    const t = new WebmTimeline();
    t.push(bytesOf(idBytes(0x1a45dfa3), UNKNOWN));
    expect(t.broken).toBe(true);
  });
});

describe('writing the duration into a recording', () => {
  it('adds a Duration to the Info of a live stream, and changes nothing else', () => {
    const bytes = file();
    const out = withDuration(bytes, 1053.3);
    expect(out.length).toBe(bytes.length + 11);
    expect(durationOf(out)).toBeCloseTo(1053.3, 9);
    // The frames read the same after it.
    const t = new WebmTimeline();
    t.push(out);
    expect(t.lastFrameMs).toBe(1020);
    expect(t.broken).toBe(false);
    // Everything after the Info is byte for byte the same.
    const tail = bytes.length - 200;
    expect(Array.from(out.subarray(out.length - tail))).toEqual(Array.from(bytes.subarray(bytes.length - tail)));
  });

  it('grows a Segment of known size by what it added', () => {
    const sized = file({ knownSize: true });
    const segmentAt = sized.indexOf(0x18);
    const sizeAt = (b: Uint8Array) => Number(new DataView(b.buffer, b.byteOffset + segmentAt + 4, 8).getBigUint64(0) & 0x00ffffffffffffffn);
    // The fixture's size field is right: the Segment runs to the end of the file.
    expect(sizeAt(sized)).toBe(sized.length - segmentAt - 12);
    const out = withDuration(sized, 500);
    expect(durationOf(out)).toBe(500);
    expect(sizeAt(out)).toBe(out.length - segmentAt - 12);
  });

  it('replaces a Duration that is already there', () => {
    const once = withDuration(file(), 100);
    const twice = withDuration(once, 2500);
    expect(twice.length).toBe(once.length);
    expect(durationOf(twice)).toBe(2500);
  });

  it('leaves a file with a SeekHead, or one it cannot read, as it is', () => {
    const seekable = file({ seekHead: true });
    expect(withDuration(seekable, 1000)).toBe(seekable);
    const junk = Uint8Array.from([1, 2, 3, 4]);
    expect(withDuration(junk, 1000)).toBe(junk);
    expect(withDuration(file(), NaN)).toEqual(file());
  });
});

/** Every frame's time in a file, in order, read by the same reader the recorder uses. */
function frameTimes(bytes: Uint8Array): number[] {
  const times: number[] = [];
  const t = new WebmTimeline();
  // One byte at a time: the reader's time moves at each frame.
  for (let i = 0; i < bytes.length; i++) {
    const before = t.lastFrameMs;
    t.push(bytes.subarray(i, i + 1));
    if (t.lastFrameMs !== before) times.push(t.lastFrameMs);
  }
  return times;
}

describe('giving recorded frames their times in the video', () => {
  it('rewrites each frame’s time in place, across clusters', () => {
    const bytes = file();
    expect(frameTimes(bytes)).toEqual([0, 33, 67, 990, 1020]);
    const out = retimed(bytes, (_i, ms) => ms / 10);
    expect(out.length).toBe(bytes.length);
    expect(frameTimes(out)).toEqual([0, 3, 7, 99, 102]);
    // Times before their cluster's start fit too (a 16-bit signed offset).
    expect(frameTimes(retimed(bytes, (_i, ms) => (ms < 500 ? ms : ms - 400)))).toEqual([0, 33, 67, 590, 620]);
    // Frames are counted in order.
    expect(frameTimes(retimed(bytes, (i) => i * 40))).toEqual([0, 40, 80, 120, 160]);
  });

  it('keeps a ReferenceBlock pointing at the frame it pointed at', () => {
    const ref = (offset: number) => el(0xfb, [offset < 0 ? offset + 256 : offset]);
    const clusterBytes = cluster(0, [el(0xa0, block(0xa1, 0)), el(0xa0, bytesOf(block(0xa1, 40), ref(-40)))]);
    const header = el(0x1a45dfa3, el(0x4282, [0x77, 0x65, 0x62, 0x6d]));
    const info = el(0x1549a966, el(0x2ad7b1, [0x0f, 0x42, 0x40]));
    const bytes = bytesOf(header, idBytes(0x18538067), UNKNOWN, info, clusterBytes);
    const out = retimed(bytes, (_i, ms) => ms * 2);
    expect(frameTimes(out)).toEqual([0, 80]);
    const at = bytes.length - 1;
    expect(bytes[at]).toBe(256 - 40);
    expect(out[at]).toBe(256 - 80);
  });

  it('leaves the file as it is when a new time does not fit its cluster', () => {
    const bytes = file();
    expect(retimed(bytes, (_i, ms) => ms * 100)).toBe(bytes);
    const junk = Uint8Array.from([0x1a, 0x45]);
    expect(retimed(junk, (_i, ms) => ms)).toBe(junk);
  });
});

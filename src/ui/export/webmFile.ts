// Just enough of WebM (EBML) to finish a recording well. A browser's MediaRecorder writes a
// live stream: each frame is stamped with the wall-clock time it was handed over, the file
// says nothing of its length (players show no duration and cannot seek), and the recorder
// hands frames over some time after they were captured. Three tools here: a reader that
// follows the frames' times as chunks arrive (so the recording stops only once the last frame
// is in), a rewriter that gives each frame the time it stands for in the video, and a writer
// that puts the duration into the file's header.

const EBML_HEADER = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const SEEK_HEAD = 0x114d9b74;
const INFO = 0x1549a966;
const TIMECODE_SCALE = 0x2ad7b1;
const DURATION = 0x4489;
const CLUSTER = 0x1f43b675;
const CLUSTER_TIMECODE = 0xe7;
const BLOCK_GROUP = 0xa0;
const BLOCK = 0xa1;
const SIMPLE_BLOCK = 0xa3;
const REFERENCE_BLOCK = 0xfb;
const CUES = 0x1c53bb6b;

/** Elements whose children are read; everything else is skipped by its size. */
const MASTERS = new Set([SEGMENT, INFO, CLUSTER, BLOCK_GROUP]);

interface Vint {
  readonly value: number;
  readonly length: number;
  /** All value bits set: "size unknown", as a live stream writes its Segment and Clusters. */
  readonly unknown: boolean;
}

/** An element ID (marker bits kept, 1–4 bytes) or a size (marker removed, 1–8 bytes); null when cut off. */
function readVint(bytes: Uint8Array, pos: number, keepMarker: boolean): Vint | null {
  if (pos >= bytes.length) return null;
  const first = bytes[pos];
  let length = 1;
  let marker = 0x80;
  while (length <= 8 && !(first & marker)) {
    length++;
    marker >>= 1;
  }
  if (length > 8 || pos + length > bytes.length) return null;
  let value = keepMarker ? first : first & (marker - 1);
  let allOnes = (first & (marker - 1)) === marker - 1;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[pos + i];
    if (bytes[pos + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

interface Header {
  readonly id: number;
  readonly size: number;
  readonly unknown: boolean;
  /** Bytes of ID and size together. */
  readonly length: number;
  /** Where the size field starts. */
  readonly sizeAt: number;
  readonly sizeLength: number;
}

function readHeader(bytes: Uint8Array, pos: number): Header | null {
  const id = readVint(bytes, pos, true);
  if (!id || id.length > 4) return null;
  const size = readVint(bytes, pos + id.length, false);
  if (!size) return null;
  return { id: id.value, size: size.value, unknown: size.unknown, length: id.length + size.length, sizeAt: pos + id.length, sizeLength: size.length };
}

function readUint(bytes: Uint8Array, pos: number, length: number): number {
  let v = 0;
  for (let i = 0; i < length; i++) v = v * 256 + bytes[pos + i];
  return v;
}

/**
 * Follows a WebM stream chunk by chunk and reports the latest frame's time. Chunks may cut
 * elements anywhere; only block headers and cluster timecodes are kept, the frames' data is
 * skipped without being stored.
 */
export class WebmTimeline {
  private pending = new Uint8Array(0);
  private skip = 0;
  private clusterTime = 0;
  private nsPerTick = 1_000_000;
  private latest = -1;
  private frames = 0;
  private failed = false;

  /** The latest frame's time in milliseconds from the start of the stream; -1 before any frame. */
  get lastFrameMs(): number {
    return this.latest;
  }

  /** How many frames the stream has held so far. */
  get frameCount(): number {
    return this.frames;
  }

  /** True once the stream had something this reader cannot follow: its time is then unknown. */
  get broken(): boolean {
    return this.failed;
  }

  push(chunk: Uint8Array): void {
    if (this.failed) return;
    let bytes = chunk;
    if (this.skip > 0) {
      const skipped = Math.min(this.skip, bytes.length);
      this.skip -= skipped;
      bytes = bytes.subarray(skipped);
    }
    if (this.pending.length > 0) {
      const joined = new Uint8Array(this.pending.length + bytes.length);
      joined.set(this.pending);
      joined.set(bytes, this.pending.length);
      bytes = joined;
    }
    let pos = 0;
    while (pos < bytes.length) {
      const h = readHeader(bytes, pos);
      if (!h) break;
      if (MASTERS.has(h.id)) {
        pos += h.length;
        continue;
      }
      if (h.unknown) {
        this.failed = true;
        return;
      }
      const data = pos + h.length;
      if (h.id === SIMPLE_BLOCK || h.id === BLOCK) {
        // Track number (a vint), then the time relative to the cluster: a signed 16-bit integer.
        const track = readVint(bytes, data, false);
        if (!track || data + track.length + 2 > bytes.length) break;
        const raw = (bytes[data + track.length] << 8) | bytes[data + track.length + 1];
        const relative = raw >= 0x8000 ? raw - 0x10000 : raw;
        this.latest = Math.max(this.latest, ((this.clusterTime + relative) * this.nsPerTick) / 1e6);
        this.frames++;
      } else if (h.id === CLUSTER_TIMECODE || h.id === TIMECODE_SCALE) {
        if (data + h.size > bytes.length) break;
        const value = readUint(bytes, data, h.size);
        if (h.id === CLUSTER_TIMECODE) this.clusterTime = value;
        else this.nsPerTick = value;
      }
      const end = data + h.size;
      if (end > bytes.length) {
        this.skip = end - bytes.length;
        pos = bytes.length;
        break;
      }
      pos = end;
    }
    this.pending = bytes.slice(pos);
  }
}

/** A size field of exactly `length` bytes, or null when the value does not fit in it. */
function sizeField(value: number, length: number): Uint8Array<ArrayBuffer> | null {
  // The all-ones value means "unknown": a known size must stay below it.
  if (value >= 2 ** (7 * length) - 1) return null;
  const out = new Uint8Array(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  out[0] |= 0x80 >> (length - 1);
  return out;
}

function float64(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setFloat64(0, value);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The file with its duration written into the Segment's Info, so that players know its length
 * and can seek. Returns the bytes unchanged where that cannot be done safely: a file with a
 * SeekHead (its offsets would move), or one this reader does not understand.
 */
export function withDuration(bytes: Uint8Array<ArrayBuffer>, durationMs: number): Uint8Array<ArrayBuffer> {
  if (!(durationMs > 0) || !Number.isFinite(durationMs)) return bytes;
  const ebml = readHeader(bytes, 0);
  if (!ebml || ebml.id !== EBML_HEADER || ebml.unknown) return bytes;
  const segmentAt = ebml.length + ebml.size;
  const segment = readHeader(bytes, segmentAt);
  if (!segment || segment.id !== SEGMENT) return bytes;
  let pos = segmentAt + segment.length;
  for (;;) {
    const h = readHeader(bytes, pos);
    if (!h || h.unknown || h.id === SEEK_HEAD || h.id === CLUSTER) return bytes;
    if (h.id === INFO) break;
    pos += h.length + h.size;
  }
  const info = readHeader(bytes, pos) as Header;
  const infoData = pos + info.length;
  const infoEnd = infoData + info.size;
  if (infoEnd > bytes.length) return bytes;
  let nsPerTick = 1_000_000;
  let durationAt = -1;
  let durationSize = 0;
  for (let p = infoData; p < infoEnd; ) {
    const h = readHeader(bytes, p);
    if (!h || h.unknown) return bytes;
    if (h.id === TIMECODE_SCALE) nsPerTick = readUint(bytes, p + h.length, h.size);
    if (h.id === DURATION) {
      durationAt = p + h.length;
      durationSize = h.size;
    }
    p += h.length + h.size;
  }
  const ticks = (durationMs * 1e6) / nsPerTick;
  if (durationAt >= 0) {
    // Already there (another browser's recorder): set its value in place.
    const out = bytes.slice();
    const view = new DataView(out.buffer, out.byteOffset + durationAt, durationSize);
    if (durationSize === 8) view.setFloat64(0, ticks);
    else if (durationSize === 4) view.setFloat32(0, ticks);
    else return bytes;
    return out;
  }
  const element = concat([Uint8Array.of(0x44, 0x89, 0x88), float64(ticks)]);
  const newInfoSize = sizeField(info.size + element.length, info.sizeLength) ?? sizeField(info.size + element.length, 8);
  if (!newInfoSize) return bytes;
  const grown = newInfoSize.length - info.sizeLength + element.length;
  let segmentSize = bytes.subarray(segment.sizeAt, segment.sizeAt + segment.sizeLength);
  if (!segment.unknown) {
    const field = sizeField(segment.size + grown, segment.sizeLength);
    if (!field) return bytes;
    segmentSize = field;
  }
  return concat([
    bytes.subarray(0, segment.sizeAt),
    segmentSize,
    bytes.subarray(segment.sizeAt + segment.sizeLength, info.sizeAt),
    newInfoSize,
    bytes.subarray(infoData, infoEnd),
    element,
    bytes.subarray(infoEnd),
  ]);
}

function readInt(bytes: Uint8Array, pos: number, length: number): number {
  const u = readUint(bytes, pos, length);
  return u >= 2 ** (8 * length - 1) ? u - 2 ** (8 * length) : u;
}

function writeInt(bytes: Uint8Array, pos: number, length: number, value: number): void {
  let v = value < 0 ? value + 2 ** (8 * length) : value;
  for (let i = length - 1; i >= 0; i--) {
    bytes[pos + i] = v % 256;
    v = Math.floor(v / 256);
  }
}

/**
 * The file with each frame's time (in milliseconds from the first frame) replaced by
 * `retime(index, time)`, `index` counting frames from 0; it must keep the frames' order. Blocks are rewritten in place (a time
 * is a 16-bit offset from its cluster's time), and ReferenceBlocks follow their frames.
 * Returns the bytes unchanged when a new time does not fit its cluster, or the file is not
 * one this reader follows.
 */
export function retimed(bytes: Uint8Array<ArrayBuffer>, retime: (index: number, ms: number) => number): Uint8Array<ArrayBuffer> {
  const out = bytes.slice();
  let nsPerTick = 1_000_000;
  let clusterTime = 0;
  /** The current block group's frame: old and new times in ticks, for its ReferenceBlock. */
  let group: { old: number; now: number } | null = null;
  const oldToNew = new Map<number, number>();
  let index = 0;
  const toTicks = (ms: number) => Math.round((ms * 1e6) / nsPerTick);
  for (let pos = 0; pos < bytes.length; ) {
    const h = readHeader(bytes, pos);
    if (!h) return bytes;
    if (MASTERS.has(h.id)) {
      if (h.id === BLOCK_GROUP) group = null;
      pos += h.length;
      continue;
    }
    // Cues point at times: a file that has them is not a live stream, and is left alone.
    if (h.unknown || h.id === CUES) return bytes;
    const data = pos + h.length;
    if (data + h.size > bytes.length) return bytes;
    if (h.id === TIMECODE_SCALE) nsPerTick = readUint(bytes, data, h.size);
    else if (h.id === CLUSTER_TIMECODE) clusterTime = readUint(bytes, data, h.size);
    else if (h.id === SIMPLE_BLOCK || h.id === BLOCK) {
      const track = readVint(bytes, data, false);
      if (!track) return bytes;
      const at = data + track.length;
      const old = clusterTime + readInt(bytes, at, 2);
      const now = toTicks(retime(index++, (old * nsPerTick) / 1e6));
      const relative = now - clusterTime;
      if (relative < -0x8000 || relative > 0x7fff) return bytes;
      writeInt(out, at, 2, relative);
      oldToNew.set(old, now);
      if (h.id === BLOCK) group = { old, now };
    } else if (h.id === REFERENCE_BLOCK && group && h.size >= 1 && h.size <= 4) {
      // An offset to the frame this one refers to (the one before it, in a live stream).
      const referred = oldToNew.get(group.old + readInt(bytes, data, h.size));
      const offset = referred === undefined ? null : referred - group.now;
      if (offset !== null && Math.abs(offset) < 2 ** (8 * h.size - 1)) writeInt(out, data, h.size, offset);
    }
    pos = data + h.size;
  }
  return out;
}

// What a WebM export will be, decided before anything is recorded: how the playback is timed
// (the plan), which frames are drawn, and the times they stand for. Pure, except for asking
// the browser whether it can record at all; the recorder itself (src/ui/export/videoRecording.ts) is
// loaded when a video is asked for.

export const RECORD_FPS = 30;
/** Longer playbacks are sped up to fit: a minute is as much as a slide or a post wants. */
export const MAX_RECORD_SECONDS = 60;
/** The start and the end are held a moment, so that the video does not begin or end mid-move. */
export const LEAD_SECONDS = 0.3;
export const HOLD_SECONDS = 0.8;
/** A 1080p frame: more is slow to encode in software and gains nothing on a slide or a page. */
export const MAX_VIDEO_PIXELS = 1920 * 1080;
export interface RecordingPlan {
  /** The last step: playback runs from 0 to here. */
  readonly end: number;
  /** Steps per second in the video. */
  readonly rate: number;
  /** Seconds of movement (without the held start and end). */
  readonly seconds: number;
  /** True when the current speed would take longer than MAX_RECORD_SECONDS. */
  readonly capped: boolean;
  readonly fps: number;
  /** Seconds held at step 0 before the movement, and at the end after it. */
  readonly lead: number;
  readonly hold: number;
  /** The video's length in seconds: lead, movement and hold. */
  readonly total: number;
}

/** How a recording of this scene plays: at the current speed, or faster to fit the cap. */
export function recordingPlan(end: number, speed: number, maxSeconds = MAX_RECORD_SECONDS): RecordingPlan {
  const natural = speed > 0 ? end / speed : 0;
  const frame = { fps: RECORD_FPS, lead: LEAD_SECONDS, hold: HOLD_SECONDS };
  if (natural <= maxSeconds) return { end, rate: speed, seconds: natural, capped: false, ...frame, total: LEAD_SECONDS + natural + HOLD_SECONDS };
  return { end, rate: end / maxSeconds, seconds: maxSeconds, capped: true, ...frame, total: LEAD_SECONDS + maxSeconds + HOLD_SECONDS };
}

/** The playhead at `t` seconds into the video. */
export function planStepAt(plan: RecordingPlan, t: number): number {
  return Math.min(plan.end, Math.max(0, (t - plan.lead) * plan.rate));
}

/** The video times of the frames to draw: a 1/fps grid from 0, and the plan's end last. */
export function planFrameTimes(plan: RecordingPlan): number[] {
  const times: number[] = [];
  for (let i = 0; i / plan.fps < plan.total - 1e-9; i++) times.push(i / plan.fps);
  times.push(plan.total);
  return times;
}

/** A frame as handed to the recorder: when (ms after the first) and what time it stands for (ms). */
export interface HandedFrame {
  readonly wall: number;
  readonly video: number;
}

/**
 * Maps a frame of the file (its index, and the recorder's time for it: ms of wall clock after
 * the first) to its time in the video. When the file holds every frame handed over, the index
 * says which; when the encoder dropped some, the frame handed over nearest in time. Times come
 * out in order and strictly increasing.
 */
export function frameTimeMap(frames: readonly HandedFrame[], framesInFile: number): (index: number, ms: number) => number {
  let j = 0;
  let last = -Infinity;
  return (index, ms) => {
    if (frames.length === 0) return ms;
    let time: number;
    if (framesInFile === frames.length) {
      time = frames[Math.min(index, frames.length - 1)].video;
    } else {
      while (j + 1 < frames.length && Math.abs(frames[j + 1].wall - ms) <= Math.abs(frames[j].wall - ms)) j++;
      time = frames[j].video;
      if (j + 1 < frames.length) j++;
    }
    time = Math.max(time, last + 1);
    last = time;
    return time;
  };
}

/** Best first: VP9 is smaller at the same quality; any WebM the browser offers will do. */
const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

/** The WebM type this browser records, or null when it records none (or cannot capture a canvas). */
export function webmMimeType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement === 'undefined') return null;
  if (typeof HTMLCanvasElement.prototype.captureStream !== 'function') return null;
  return WEBM_TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

export interface Recording {
  /** The video, or null when cancelled; rejects when the browser fails to record. */
  readonly result: Promise<Blob | null>;
  cancel(): void;
}

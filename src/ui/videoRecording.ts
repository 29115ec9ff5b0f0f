// The WebM export: the playback from step 0 to the end, every frame composed like the PNG
// (src/ui/exportFramePainter.ts) and recorded from that canvas's stream. The frames are driven
// here, one at a time: move the playhead, wait for the view to draw that step, paint the
// frame, hand it to the recorder. The view renders on demand, so a stream of the WebGL canvas
// itself would only see the frames something else happened to ask for.
//
// Every frame of the plan is drawn, however long the machine takes to draw it, and given the
// time it stands for in the video afterwards (the recorder stamps frames with the wall clock):
// the same scene gives the same video on a fast machine and a slow one.
import { computeScene } from '../state/paths';
import { playhead, seek } from '../state/playhead';
import { sceneStore } from '../state/store';
import { createFramePainter } from './exportFramePainter';
import { WebmTimeline, retimed, withDuration } from './webmFile';

export const RECORD_FPS = 30;
/** Longer playbacks are sped up to fit: a minute is as much as a slide or a post wants. */
export const MAX_RECORD_SECONDS = 60;
/** The start and the end are held a moment, so that the video does not begin or end mid-move. */
export const LEAD_SECONDS = 0.3;
export const HOLD_SECONDS = 0.8;
/** A 1080p frame: more is slow to encode in software and gains nothing on a slide or a page. */
export const MAX_VIDEO_PIXELS = 1920 * 1080;
/**
 * Frames handed to the recorder that it may not have written yet. An encoder that falls further
 * behind drops frames (and those still queued when it stops are lost): the drawing waits for it.
 */
const MAX_FRAMES_IN_FLIGHT = 6;
/** How long the recorder may take to catch up before the recording goes on (or ends) anyway. */
const MAX_ENCODER_LAG_MS = 10_000;
/** An encoder that has written nothing for this long has nothing left to write. */
const IDLE_ENCODER_MS = 3000;
const START_TIMEOUT_MS = 5000;

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

/** About 0.12 bits per pixel per frame: clean edges on thin paths and text, within reason. */
function bitrate(width: number, height: number, fps: number): number {
  return Math.round(Math.min(12_000_000, Math.max(2_500_000, width * height * fps * 0.12)));
}

export interface Recording {
  /** The video, or null when cancelled; rejects when the browser fails to record. */
  readonly result: Promise<Blob | null>;
  cancel(): void;
}

function nextAnimationFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

class Cancelled extends Error {}

/**
 * Records a moment of a tiny canvas and throws it away. A browser's first recording of a page
 * loads its encoder, which can hold the page up for seconds after the first frame (measured:
 * 2–3 s in Chromium with software video): better before the real recording's first frame than
 * in the middle of its timeline.
 */
async function warmUp(mimeType: string): Promise<void> {
  const canvas = document.createElement('canvas');
  canvas.width = 16;
  canvas.height = 16;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  let stream: MediaStream | null = null;
  let recorder: MediaRecorder | null = null;
  try {
    stream = canvas.captureStream(0);
    const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack | undefined;
    recorder = new MediaRecorder(stream, { mimeType });
    const started = new Promise<void>((resolve) => {
      if (recorder) recorder.onstart = () => resolve();
    });
    recorder.start();
    ctx.fillRect(0, 0, 16, 16);
    track?.requestFrame();
    await Promise.race([started, delay(START_TIMEOUT_MS)]);
    await nextAnimationFrame();
  } catch {
    // Only a head start: the real recording reports its own failures.
  } finally {
    if (recorder && recorder.state !== 'inactive') recorder.stop();
    for (const track of stream?.getTracks() ?? []) track.stop();
  }
}

/**
 * Records the playback from step 0 to the plan's end into a WebM video: every frame of the plan,
 * drawn no faster than the video plays and stamped with its time in it. While it records, the
 * playhead is the recording's (play is held off); afterwards the user's step and play state
 * come back, whether it finished, failed or was cancelled.
 */
export function recordPlayback(source: HTMLCanvasElement, onProgress: (fraction: number) => void): Recording {
  const mimeType = webmMimeType();
  if (!mimeType) return { result: Promise.reject(new Error('this browser cannot record video')), cancel() {} };
  const state = sceneStore.getState();
  const saved = { step: playhead.step, playing: state.playing };
  state.setPlaying(false);
  // The recording owns the playhead: the play button would fight it frame by frame.
  const holdPlay = sceneStore.subscribe((s) => {
    if (s.playing) s.setPlaying(false);
  });
  const plan = recordingPlan(computeScene(state).lastStep, state.speed);

  let cancelled = false;
  let wakeCancel: () => void = () => {};
  const cancelSignal = new Promise<never>((_, reject) => (wakeCancel = () => reject(new Cancelled())));
  cancelSignal.catch(() => {});
  /** Awaits `p` unless the recording is cancelled first. */
  const unlessCancelled = <T>(p: Promise<T>): Promise<T> => Promise.race([p, cancelSignal]);

  let recorder: MediaRecorder | null = null;
  let stream: MediaStream | null = null;

  const run = async (): Promise<Blob | null> => {
    const painter = await unlessCancelled(createFramePainter(source, { upTo: plan.end, maxPixels: MAX_VIDEO_PIXELS }));
    await unlessCancelled(warmUp(mimeType));
    stream = painter.canvas.captureStream(0);
    const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack | undefined;
    if (!track || typeof track.requestFrame !== 'function') throw new Error('this browser cannot record video');
    const rec = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: bitrate(painter.canvas.width, painter.canvas.height, plan.fps) });
    recorder = rec;

    const chunks: Blob[] = [];
    const timeline = new WebmTimeline();
    let reading = Promise.resolve();
    rec.ondataavailable = (e) => {
      if (e.data.size === 0) return;
      chunks.push(e.data);
      // In order: the timeline reads the stream as one.
      reading = reading.then(async () => timeline.push(new Uint8Array(await e.data.arrayBuffer())));
    };
    const stopped = new Promise<void>((resolve) => (rec.onstop = () => resolve()));
    const failed = new Promise<never>((_, reject) => {
      rec.onerror = (e) => {
        const error = (e as Event & { error?: unknown }).error;
        reject(error instanceof Error ? error : new Error('the recorder stopped'));
      };
    });
    failed.catch(() => {});
    const guarded = <T>(p: Promise<T>) => unlessCancelled(Promise.race([p, failed]));

    // Chunks every half second: a long recording does not sit in one growing buffer. Frames
    // handed over before its start event are kept (that event waits for the first frame).
    rec.start(500);

    const times = planFrameTimes(plan);
    const handed: HandedFrame[] = [];
    let first = 0;
    let shown = -1;

    /** Waits until the file holds the frame handed over at `wall` (ms), or the encoder lags too long. */
    const encoderReached = async (wall: number) => {
      const giveUp = performance.now() + MAX_ENCODER_LAG_MS;
      let count = timeline.frameCount;
      let moved = performance.now();
      // A few milliseconds' slack: the recorder stamps a frame when it captures it.
      while (!timeline.broken && timeline.lastFrameMs < wall - 20 && performance.now() < giveUp) {
        rec.requestData();
        await guarded(delay(40));
        await guarded(reading);
        if (timeline.frameCount !== count) {
          count = timeline.frameCount;
          moved = performance.now();
        } else if (performance.now() - moved > IDLE_ENCODER_MS) {
          // Nothing written for a while: the frame waited for was dropped, not queued.
          break;
        }
      }
    };

    for (const t of times) {
      const step = planStepAt(plan, t);
      if (step !== shown) {
        seek(step);
        shown = step;
      }
      // The view draws the new step in the next animation frame, before this one resolves (R3F's
      // loop asked for its frame first). A held frame waits too: two frames handed over in one
      // task would be captured as one.
      await guarded(nextAnimationFrame());
      // Never faster than the video plays, nor further ahead of the encoder than a few frames.
      while (handed.length > 0 && performance.now() - first < t * 1000) await guarded(nextAnimationFrame());
      if (handed.length >= MAX_FRAMES_IN_FLIGHT) await encoderReached(handed[handed.length - MAX_FRAMES_IN_FLIGHT].wall);
      painter.paint();
      track.requestFrame();
      if (handed.length === 0) first = performance.now();
      handed.push({ wall: performance.now() - first, video: t * 1000 });
      onProgress(t / plan.total);
    }

    // The encoder runs behind the page: frames still queued when the recorder stops are lost.
    await encoderReached(handed[handed.length - 1].wall);
    rec.stop();
    await guarded(stopped);
    await reading;
    if (chunks.length === 0) throw new Error('no video frames were captured');
    const bytes = retimed(new Uint8Array(await new Blob(chunks).arrayBuffer()), frameTimeMap(handed, timeline.broken ? -1 : timeline.frameCount));
    // The last frame shows for one frame's time.
    return new Blob([withDuration(bytes, plan.total * 1000 + 1000 / plan.fps)], { type: 'video/webm' });
  };

  const finish = () => {
    if (recorder && recorder.state !== 'inactive') recorder.stop();
    for (const track of stream?.getTracks() ?? []) track.stop();
    holdPlay();
    seek(saved.step);
    if (saved.playing) sceneStore.getState().setPlaying(true);
  };

  const result = run().then(
    (blob) => {
      finish();
      return cancelled ? null : blob;
    },
    (error: unknown) => {
      finish();
      if (cancelled || error instanceof Cancelled) return null;
      throw error instanceof Error ? error : new Error(String(error));
    },
  );

  return {
    result,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      wakeCancel();
    },
  };
}

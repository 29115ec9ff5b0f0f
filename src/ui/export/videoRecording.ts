// The WebM export: the playback from step 0 to the end, every frame composed like the PNG
// (src/ui/export/exportFramePainter.ts) and recorded from that canvas's stream. The frames are driven
// here, one at a time: move the playhead, wait for the view to draw that step, paint the
// frame, hand it to the recorder. The view renders on demand, so a stream of the WebGL canvas
// itself would only see the frames something else happened to ask for.
//
// Every frame of the plan is drawn, however long the machine takes to draw it, and given the
// time it stands for in the video afterwards (the recorder stamps frames with the wall clock):
// the same scene gives the same video on a fast machine and a slow one.
import { computeScene } from '../../state/paths';
import { playhead, seek } from '../../state/playhead';
import { sceneStore } from '../../state/store';
import { createFramePainter } from './exportFramePainter';
import { MAX_VIDEO_PIXELS, frameTimeMap, planFrameTimes, planStepAt, recordingPlan, webmMimeType, type HandedFrame, type Recording } from './videoPlan';
import { WebmTimeline, retimed, withDuration } from './webmFile';

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

/** About 0.12 bits per pixel per frame: clean edges on thin paths and text, within reason. */
function bitrate(width: number, height: number, fps: number): number {
  return Math.round(Math.min(12_000_000, Math.max(2_500_000, width * height * fps * 0.12)));
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

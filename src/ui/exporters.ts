// What the Export menu saves: the view as a PNG, the playback as a WebM video, and the visible
// runs as CSV or JSON. The text formats are the engine's (the CLI writes the same bytes for
// the same run); this file adds the scene-to-runs mapping and the browser's side (canvas,
// MediaRecorder, downloads). Nothing here touches the DOM at import, so Node tests can use
// the pure half.
import {
  trajectoriesCsv,
  trajectoriesJson,
  type ExportedRun,
  type OptimizerId,
  type Trajectory,
} from '../engine';
import { computeScene } from '../state/paths';
import { playhead, seek } from '../state/playhead';
import { CUSTOM_ID, sceneStore, sceneSurface, type SceneData } from '../state/store';

/** Where the app draws its WebGL view (the stage holds exactly one canvas). */
export const SCENE_CANVAS_SELECTOR = '.stage canvas';

type ExportScene = Pick<SceneData, 'surfaceId' | 'custom' | 'start' | 'steps' | 'runs' | 'noise' | 'penalty'>;

export interface SceneRunExport {
  /** The run's number in the run list, from 1: what the CSV's `run` column holds. */
  readonly label: string;
  readonly optimizer: OptimizerId;
  readonly run: ExportedRun;
  readonly path: Trajectory;
}

/**
 * The visible runs of a scene, each as the CLI would describe it: the surface without its
 * penalty (the penalty goes in the params, as `--l1`/`--l2` report it), noise and penalty only
 * when they are on (as the app runs them).
 */
export function sceneRuns(scene: ExportScene): SceneRunExport[] {
  const computed = computeScene(scene);
  const surface = sceneSurface(scene);
  const custom = scene.surfaceId === CUSTOM_ID && scene.custom ? scene.custom : null;
  const out: SceneRunExport[] = [];
  computed.runs.forEach(({ run, path }, index) => {
    if (!run.visible) return;
    out.push({
      label: String(index + 1),
      optimizer: run.optimizer,
      run: {
        surface,
        ...(custom && { expr: custom.surface.formula }),
        optimizer: run.optimizer,
        params: run.params,
        start: scene.start,
        steps: scene.steps,
        biasCorrection: run.biasCorrection,
        ...(scene.noise.sigma > 0 && { noise: scene.noise }),
        ...(scene.penalty.lambda > 0 && { penalty: scene.penalty }),
      },
      path,
    });
  });
  return out;
}

/** `run,optimizer,step,x,y,loss`: every visible run in one table. */
export function sceneCsv(scene: ExportScene): string {
  return trajectoriesCsv(sceneRuns(scene));
}

/** A JSON array of the CLI's objects, one per visible run. */
export function sceneJson(scene: ExportScene): string {
  return trajectoriesJson(sceneRuns(scene));
}

/** `descent-rosenbrock`: the start of every exported file's name. */
export function fileStem(surfaceId: string): string {
  const slug = surfaceId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `descent-${slug || 'surface'}`;
}

/** `descent-rosenbrock-step120.png`: the step shown, rounded as the legend rounds it. */
export function pngFileName(surfaceId: string, step: number): string {
  return `${fileStem(surfaceId)}-step${Math.round(step)}.png`;
}

// ---- Browser side ----------------------------------------------------------------------

/** Saves a blob under a file name through a temporary link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking in the same task can abort the download in some browsers; it has started by then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

export function findSceneCanvas(selector = SCENE_CANVAS_SELECTOR): HTMLCanvasElement | null {
  const el = document.querySelector(selector);
  return el instanceof HTMLCanvasElement ? el : null;
}

function nextAnimationFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * The canvas as a PNG. The view renders on demand, so a frame is asked for first and two
 * animation frames awaited: the drawing buffer (kept, preserveDrawingBuffer) then holds the
 * scene as it is now, not as it was at the last change.
 */
export async function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  seek(playhead.step);
  await nextAnimationFrame();
  await nextAnimationFrame();
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the view could not be read back'))), 'image/png');
  });
}

/** Best first: VP9 is smaller at the same quality; any WebM the browser offers will do. */
const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

/** The WebM type this browser records, or null when it records none (or cannot capture a canvas). */
export function webmMimeType(): string | null {
  if (typeof MediaRecorder === 'undefined' || typeof HTMLCanvasElement === 'undefined') return null;
  if (typeof HTMLCanvasElement.prototype.captureStream !== 'function') return null;
  return WEBM_TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

export const RECORD_FPS = 30;
/** Longer playbacks are sped up to fit: a minute is as much as a slide or a post wants. */
export const MAX_RECORD_SECONDS = 60;
/** The start and the end are held a moment, so that the video does not begin or end mid-move. */
const LEAD_SECONDS = 0.3;
const HOLD_SECONDS = 0.8;
const MAX_ENCODER_LAG_SECONDS = 5;

export interface RecordingPlan {
  /** The last step: playback runs from 0 to here. */
  readonly end: number;
  /** Steps per second in the video. */
  readonly rate: number;
  /** Seconds of movement (without the held start and end). */
  readonly seconds: number;
  /** True when the current speed would take longer than MAX_RECORD_SECONDS. */
  readonly capped: boolean;
}

/** How a recording of this scene plays: at the current speed, or faster to fit the cap. */
export function recordingPlan(end: number, speed: number, maxSeconds = MAX_RECORD_SECONDS): RecordingPlan {
  const natural = speed > 0 ? end / speed : 0;
  if (natural <= maxSeconds) return { end, rate: speed, seconds: natural, capped: false };
  return { end, rate: end / maxSeconds, seconds: maxSeconds, capped: true };
}

export interface Recording {
  /** The video, or null when cancelled; rejects when the browser fails to record. */
  readonly result: Promise<Blob | null>;
  cancel(): void;
}

/**
 * Records the playback from step 0 to the end into a WebM video. The playhead is driven here,
 * one seek per animation frame, rather than by the play button: the canvas renders on demand
 * and captureStream only sees painted frames, so the held start and end must be repainted too.
 */
export function recordPlayback(canvas: HTMLCanvasElement, onProgress: (fraction: number) => void): Recording {
  const mimeType = webmMimeType();
  if (!mimeType) return { result: Promise.reject(new Error('this browser cannot record video')), cancel() {} };
  const state = sceneStore.getState();
  state.setPlaying(false);
  const plan = recordingPlan(computeScene(state).lastStep, state.speed);
  const total = LEAD_SECONDS + plan.seconds + HOLD_SECONDS;

  let stream: MediaStream;
  let recorder: MediaRecorder;
  try {
    stream = canvas.captureStream(RECORD_FPS);
    recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 8_000_000 });
  } catch (error) {
    return { result: Promise.reject(error instanceof Error ? error : new Error(String(error))), cancel() {} };
  }

  let frame = 0;
  let cancelled = false;
  // The recording owns the playhead: the play button would fight it frame by frame.
  const unsubscribe = sceneStore.subscribe((s) => {
    if (s.playing) s.setPlaying(false);
  });
  const chunks: Blob[] = [];
  let bytes = 0;
  const cleanUp = () => {
    cancelAnimationFrame(frame);
    unsubscribe();
    for (const track of stream.getTracks()) track.stop();
  };

  const result = new Promise<Blob | null>((resolve, reject) => {
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
      bytes += e.data.size;
    };
    recorder.onstop = () => {
      cleanUp();
      if (cancelled) resolve(null);
      // An empty file would download as a "video" that no player opens.
      else if (bytes === 0) reject(new Error('no video frames were captured'));
      else resolve(new Blob(chunks, { type: 'video/webm' }));
    };
    recorder.onerror = (e) => {
      cleanUp();
      const error = (e as Event & { error?: unknown }).error;
      reject(error instanceof Error ? error : new Error('the recorder stopped'));
    };
  });

  const stop = () => {
    if (recorder.state !== 'inactive') recorder.stop();
  };
  let t0 = 0;
  const tick = (now: number) => {
    if (!t0) t0 = now;
    const elapsed = (now - t0) / 1000;
    seek(Math.min(plan.end, Math.max(0, elapsed - LEAD_SECONDS) * plan.rate));
    onProgress(Math.min(1, elapsed / total));
    // A busy machine's encoder can lag the canvas by seconds, and frames still queued at stop()
    // are lost: the end is held, and repainted, until the recorder has handed over some video.
    if (elapsed >= total && (bytes > 0 || elapsed >= total + MAX_ENCODER_LAG_SECONDS)) stop();
    else frame = requestAnimationFrame(tick);
  };

  seek(0);
  // Chunks every half second: a long recording does not sit in one growing buffer.
  recorder.start(500);
  frame = requestAnimationFrame(tick);
  return {
    result,
    cancel() {
      cancelled = true;
      cancelAnimationFrame(frame);
      stop();
    },
  };
}

// What the Export menu saves as data: the visible runs as CSV or JSON (the picture and the
// video are drawn by src/ui/export/exportFramePainter.ts and src/ui/export/videoRecording.ts, the
// PyTorch script is written by src/ui/export/pytorchExport.ts). The text formats are the engine's (the CLI writes the same bytes for the same run); this file adds the
// scene-to-runs mapping, file names and downloads. Nothing here touches the DOM at import, so
// Node tests can use the pure half.
import {
  trajectoriesCsv,
  trajectoriesJson,
  type ExportedRun,
  type OptimizerId,
  type Trajectory,
} from '../../engine';
import { computeScene } from '../../state/paths';
import { runSpec } from '../../state/runSpec';
import type { SceneData } from '../../state/store';

/** Where the app draws its WebGL view (the stage holds exactly one canvas). */
export const SCENE_CANVAS_SELECTOR = '.stage canvas';

export type ExportScene = Pick<SceneData, 'surfaceId' | 'custom' | 'start' | 'steps' | 'runs' | 'noise' | 'penalty' | 'batch'>;

export interface SceneRunExport {
  /** The run's number in the run list, from 1: what the CSV's `run` column holds. */
  readonly label: string;
  readonly optimizer: OptimizerId;
  readonly run: ExportedRun;
  readonly path: Trajectory;
}

/**
 * The visible runs of a scene, each as the CLI would describe it (runSpec: the surface without
 * its penalty, the penalty in the params as `--penalty` reports it; the schedule, noise and
 * penalty when they are on), with the paths the scene drew.
 */
export function sceneRuns(scene: ExportScene): SceneRunExport[] {
  const computed = computeScene(scene);
  const out: SceneRunExport[] = [];
  computed.runs.forEach(({ run, path }, index) => {
    if (!run.visible) return;
    out.push({ label: String(index + 1), optimizer: run.optimizer, run: runSpec(scene, run), path });
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

/** `descent-rosenbrock-step120.png`: the whole step shown, as the legend and the image show it. */
export function pngFileName(surfaceId: string, step: number): string {
  return `${fileStem(surfaceId)}-step${Math.floor(step + 1e-9)}.png`;
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

/**
 * Copies a text that is still being made (a module to load, then the text to write). The
 * clipboard is claimed at once, inside the click, with a ClipboardItem that waits for the text:
 * Safari and Firefox allow a write only within a user's gesture, and loading may outlast it.
 * Where ClipboardItem is missing or refuses a promise, the text is written when ready. False
 * where the page may not write the clipboard (an insecure page, a sandboxed frame, a refusal).
 */
export async function copyPendingText(text: Promise<string>): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard) return false;
  if (typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
    try {
      const blob = text.then((t) => new Blob([t], { type: 'text/plain' }));
      await clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      return true;
    } catch {
      // Fall through: an older ClipboardItem that takes no promise, or a refused write.
    }
  }
  try {
    await clipboard.writeText(await text);
    return true;
  } catch {
    return false;
  }
}

export function findSceneCanvas(selector = SCENE_CANVAS_SELECTOR): HTMLCanvasElement | null {
  const el = document.querySelector(selector);
  return el instanceof HTMLCanvasElement ? el : null;
}

// The picture and the video are drawn by a few thousand lines (layout, painter, recorder, WebM
// rewriting) that the first paint does not need: they are fetched when one is asked for, and
// kept for the next (the service worker caches the chunk with the rest of the app).
import type { Recording } from './videoPlan';

/** The composed PNG of the view as it is now (src/ui/export/exportFramePainter.ts). */
export async function exportPng(source: HTMLCanvasElement): Promise<Blob> {
  const { framePng } = await import('./exportFramePainter');
  return framePng(source);
}

/**
 * Starts the WebM recording (src/ui/export/videoRecording.ts) once its code has arrived. Cancelling
 * works from the first moment: before the code arrives, nothing is started at all.
 */
export function startVideo(source: HTMLCanvasElement, onProgress: (fraction: number) => void): Recording {
  let inner: Recording | null = null;
  let cancelled = false;
  let settle: (blob: Blob | null) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const result = new Promise<Blob | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  import('./videoRecording').then(({ recordPlayback }) => {
    if (cancelled) return;
    inner = recordPlayback(source, onProgress);
    inner.result.then(settle, fail);
  }, fail);
  return {
    result,
    cancel() {
      cancelled = true;
      if (inner) inner.cancel();
      else settle(null);
    },
  };
}

// The picture and the video are drawn by a few thousand lines (layout, painter, recorder, WebM
// rewriting) that the first paint does not need, and the PyTorch script needs mathjs: they are
// fetched when one is asked for, and kept for the next (the service worker caches the chunks
// with the rest of the app).
import type { ExportScene } from './exporters';
import type { Recording } from './videoPlan';

let pytorch: Promise<typeof import('./pytorchExport')> | null = null;

/**
 * Starts fetching the PyTorch writer (and mathjs with it) without waiting: the menu calls it when
 * the pointer or focus reaches its item, so that a click seldom waits. A failed fetch is tried
 * again next time.
 */
export function preloadPytorch(): Promise<typeof import('./pytorchExport')> {
  pytorch ??= import('./pytorchExport').catch((error: unknown) => {
    pytorch = null;
    throw error;
  });
  return pytorch;
}

/** The scene's PyTorch script (src/ui/export/pytorchExport.ts) and the file name it saves under. */
export async function pytorchText(scene: ExportScene): Promise<{ text: string; fileName: string }> {
  const { scenePytorch, PYTORCH_FILE_NAME } = await preloadPytorch();
  return { text: scenePytorch(scene), fileName: PYTORCH_FILE_NAME };
}

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

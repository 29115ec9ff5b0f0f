// Starting WebGL, and trying again: on a loaded machine the browser's GPU process often refuses the
// first context and grants one a moment later (about half of 549 loads under load failed at the
// first try). R3F's Canvas takes a function for its `gl` prop that may return a promise of the
// renderer; this is that function. When every try fails, the scene draws itself in 2D instead
// (SceneCanvas.tsx).
import { WebGLRenderer, type WebGLRendererParameters } from 'three';

/** No WebGL context could be had: the scene shows its 2D drawing instead. */
export class WebGLUnavailable extends Error {
  override readonly name = 'WebGLUnavailable';
}

/** The waits between tries, in ms: six tries over 1.75 s. */
export const RETRY_DELAYS_MS: readonly number[] = [100, 200, 300, 500, 650];

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Calls `attempt` until it returns something other than null (a throw is a failed try too),
 * waiting `delays[i]` after the i-th failure; after the last, rejects with WebGLUnavailable.
 */
export async function withRetries<T>(
  attempt: () => T | null,
  delays: readonly number[] = RETRY_DELAYS_MS,
  wait: (ms: number) => Promise<void> = sleep,
  onFailedTry: (tries: number) => void = () => {},
): Promise<T> {
  let reason = 'the browser gave no context';
  for (let i = 0; ; i++) {
    try {
      const value = attempt();
      if (value !== null) return value;
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
    onFailedTry(i + 1);
    if (i >= delays.length) throw new WebGLUnavailable(`WebGL could not start after ${i + 1} tries (${reason})`);
    await wait(delays[i]);
  }
}

// R3F's DefaultGLProps (not exported): its canvas is a DOM canvas here, or an OffscreenCanvas.
type CanvasDefaults = Omit<WebGLRendererParameters, 'canvas'> & { canvas: EventTarget };

/**
 * A `gl` factory for R3F's Canvas: asks the canvas for a WebGL 2 context with three.js's own
 * attributes (asking ourselves, so that a refused try costs no error in the console) until one
 * comes, then builds the renderer on it. `refused` hears of each failed try (the view may fetch
 * its 2D drawing meanwhile). When every try failed it calls `unavailable` and leaves
 * the Canvas waiting: rejecting at once would make the Canvas throw, and React would log the error
 * its boundary caught. The view takes the Canvas away, then calls `release`, which rejects, so that
 * R3F finishes tearing its root down.
 */
export function retryingRenderer(
  params: WebGLRendererParameters,
  unavailable: (error: WebGLUnavailable, release: () => void) => void,
  refused: (tries: number) => void = () => {},
): (defaults: CanvasDefaults) => Promise<WebGLRenderer> {
  return async (defaults) => {
    const options = { ...defaults, ...params };
    const canvas = defaults.canvas as HTMLCanvasElement;
    // three.js's defaults (WebGLRenderer's constructor), overridden by R3F's and ours.
    const attributes: WebGLContextAttributes = {
      alpha: options.alpha ?? false,
      depth: options.depth ?? true,
      stencil: options.stencil ?? false,
      antialias: options.antialias ?? false,
      premultipliedAlpha: options.premultipliedAlpha ?? true,
      preserveDrawingBuffer: options.preserveDrawingBuffer ?? false,
      powerPreference: options.powerPreference ?? 'default',
      failIfMajorPerformanceCaveat: options.failIfMajorPerformanceCaveat ?? false,
    };
    try {
      return await withRetries(() => {
        const context = canvas.getContext('webgl2', attributes);
        return context && !context.isContextLost() ? new WebGLRenderer({ ...options, canvas, context }) : null;
      }, RETRY_DELAYS_MS, sleep, refused);
    } catch (error) {
      return new Promise<WebGLRenderer>((_, reject) => unavailable(error as WebGLUnavailable, () => reject(error)));
    }
  };
}

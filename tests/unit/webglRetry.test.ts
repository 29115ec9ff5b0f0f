import { afterEach, describe, expect, it, vi } from 'vitest';
import { RETRY_DELAYS_MS, WebGLUnavailable, retryingRenderer, withRetries } from '../../src/scene/webglContext';
import { flatLayout, fromCanvas, toCanvas } from '../../src/scene/flat/flatLayout';
import { tidyStart } from '../../src/scene/tidyStart';

// WebGL is asked for again for a moment before the scene gives up on it (issue 15: half of the
// loads on a busy machine failed at the first try), and the 2D drawing that replaces it maps the
// plane onto its canvas and back.

describe('trying WebGL again', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns the first value an attempt gives, after waiting the delays between failures', async () => {
    const waits: number[] = [];
    const refusals: number[] = [];
    let calls = 0;
    const value = await withRetries(
      () => (++calls < 3 ? null : 'context'),
      [10, 20, 30],
      async (ms) => void waits.push(ms),
      (tries) => refusals.push(tries),
    );
    expect(value).toBe('context');
    expect(calls).toBe(3);
    expect(waits).toEqual([10, 20]);
    expect(refusals).toEqual([1, 2]);
  });

  it('counts a throw as a failed try and names the last reason when every try fails', async () => {
    let calls = 0;
    const attempt = () => {
      calls++;
      if (calls % 2) throw new Error('GPU process busy');
      return null;
    };
    const failure = withRetries(attempt, [1, 1, 1], async () => {});
    await expect(failure).rejects.toBeInstanceOf(WebGLUnavailable);
    await expect(withRetries(() => null, [1], async () => {})).rejects.toThrow(/after 2 tries/);
    expect(calls).toBe(4);
  });

  it('spends between one and two seconds before giving up', () => {
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(total).toBeLessThanOrEqual(2000);
  });

  it('asks the canvas for WebGL 2 with three.js’s attributes, and hands over a refusal only when released', async () => {
    vi.useFakeTimers();
    const asked: Array<[string, WebGLContextAttributes | undefined]> = [];
    const canvas = { getContext: (kind: string, attributes?: WebGLContextAttributes) => (asked.push([kind, attributes]), null) };
    let release: (() => void) | null = null;
    let refused = 0;
    const factory = retryingRenderer(
      { antialias: true, preserveDrawingBuffer: true },
      (error, releaseIt) => {
        expect(error).toBeInstanceOf(WebGLUnavailable);
        release = releaseIt;
      },
      () => refused++,
    );
    let settled: unknown = 'pending';
    const renderer = factory({ canvas: canvas as unknown as EventTarget, alpha: true, powerPreference: 'high-performance' });
    renderer.then(
      () => (settled = 'resolved'),
      (e) => (settled = e),
    );
    await vi.runAllTimersAsync();
    expect(asked).toHaveLength(RETRY_DELAYS_MS.length + 1);
    expect(refused).toBe(RETRY_DELAYS_MS.length + 1);
    expect(asked[0]).toEqual([
      'webgl2',
      { alpha: true, depth: true, stencil: false, antialias: true, premultipliedAlpha: true, preserveDrawingBuffer: true, powerPreference: 'high-performance', failIfMajorPerformanceCaveat: false },
    ]);
    // Waiting for the view to take the Canvas away: nothing settles until it releases.
    expect(release).not.toBeNull();
    expect(settled).toBe('pending');
    release!();
    await vi.runAllTimersAsync();
    expect(settled).toBeInstanceOf(WebGLUnavailable);
  });
});

describe('the 2D drawing’s plot', () => {
  const domain = { x: [-2, 2] as const, y: [-1, 3] as const };

  it('keeps the aspect ratio, inside the canvas, with room for the axes on the left and at the bottom', () => {
    const layout = flatLayout(domain, 800, 500, 16);
    expect(layout.right - layout.left).toBeCloseTo(layout.bottom - layout.top, 6);
    expect(layout.left).toBeGreaterThanOrEqual(2.8 * 16);
    expect(layout.bottom).toBeLessThanOrEqual(500 - 1.7 * 16);
    expect(layout.top).toBeGreaterThan(0);
    expect(layout.right).toBeLessThan(800);
    const wide = flatLayout({ x: [0, 10], y: [0, 1] }, 400, 800, 16);
    expect((wide.right - wide.left) / (wide.bottom - wide.top)).toBeCloseTo(10, 6);
  });

  it('maps the plane to the canvas and back, y up, and refuses points off the plot', () => {
    const layout = flatLayout(domain, 640, 480, 16);
    const [px, py] = toCanvas(layout, 1, 1);
    expect(fromCanvas(layout, px, py)?.map((v) => Number(v.toFixed(9)))).toEqual([1, 1]);
    expect(toCanvas(layout, -2, -1)).toEqual([layout.left, layout.bottom]);
    expect(toCanvas(layout, 2, 3)[1]).toBeCloseTo(layout.top, 9);
    expect(fromCanvas(layout, layout.left - 1, py)).toBeNull();
    expect(fromCanvas(layout, px, layout.bottom + 1)).toBeNull();
  });

  it('rounds a clicked start as the 3D view does, to 1/2000 of the plot', () => {
    expect(tidyStart([0.123456, -0.98765], domain)).toEqual([0.123, -0.988]);
    expect(tidyStart([123.4567, 5.5555], { x: [-500, 500], y: [-500, 500] })).toEqual([123.5, 5.6]);
  });
});

import { expect, test, type Page } from '@playwright/test';
import { canvasPixels, expectNoErrors, nextFrames, openApp, pixelDistance, watchErrors } from './helpers';
import './window';

// Faults a long lecture meets (issue 15): the GPU driver resets and the browser takes the WebGL
// context away, then gives it back. The scene must come back by itself, as it was.

/** Loses or restores the scene's context through WEBGL_lose_context, and waits for the event. */
async function context(page: Page, action: 'loseContext' | 'restoreContext'): Promise<void> {
  await page.evaluate(async (action) => {
    const canvas = document.querySelector('.stage canvas') as HTMLCanvasElement;
    const w = window as unknown as { __loseContext?: WEBGL_lose_context };
    // The extension object must be the one taken before the loss: a lost context gives none.
    if (!w.__loseContext) {
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
      w.__loseContext = gl?.getExtension('WEBGL_lose_context') ?? undefined;
    }
    const ext = w.__loseContext;
    if (!ext) throw new Error('no WEBGL_lose_context');
    const event = action === 'loseContext' ? 'webglcontextlost' : 'webglcontextrestored';
    const seen = new Promise<void>((done) => canvas.addEventListener(event, () => done(), { once: true }));
    ext[action]();
    await seen;
  }, action);
}

test('a lost WebGL context comes back by itself: the same runs at the same step, drawn again', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?surface=rosenbrock&runs=sgd,momentum,adam');
  await page.evaluate(() => window.__descent.seek(40));
  const before = await canvasPixels(page);
  expect(before.painted).toBeGreaterThan(0.2);
  const runs = await page.evaluate(() => window.__descent.store.getState().runs.map((r) => r.id));

  await context(page, 'loseContext');
  await context(page, 'restoreContext');
  // No input: the restore alone must bring the picture back.
  await nextFrames(page, 5);
  const after = await canvasPixels(page);
  expect(after.painted).toBeGreaterThan(0.2);
  expect(pixelDistance(before, after)).toBeLessThan(2);
  expect(await page.evaluate(() => window.__descent.store.getState().runs.map((r) => r.id))).toEqual(runs);
  expect(await page.evaluate(() => window.__descent.playhead.step)).toBe(40);

  // And it still answers: another step draws another picture.
  await page.evaluate(() => window.__descent.seek(200));
  expect(pixelDistance(after, await canvasPixels(page))).toBeGreaterThan(0.05);
  // three.js reports the loss as a console message of its own; nothing else may go wrong.
  await expectNoErrors(errors.filter((e) => !/Context Lost|context lost/i.test(e)));
});

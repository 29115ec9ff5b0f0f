import { expect, test, type Page } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// What a walk-through as a new user found: things hidden under other things, or off the screen.

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
}

for (const lang of ['en', 'ko'] as const) {
  test(`the lessons menu stays inside a phone's window (${lang})`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, `?lang=${lang}`);
    await page.locator('[data-control="lessons"]').click();
    const menu = await box(page, '.lesson-menu-list');
    expect(menu.x).toBeGreaterThanOrEqual(0);
    expect(menu.x + menu.width).toBeLessThanOrEqual(390);
    // Nothing makes the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoErrors(errors);
  });
}

test('seen from above, the map is not under the legend or the toolbar', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?view=2d');
  // The start, in the ravine's top-left corner, is where the particle is drawn at step 0: find
  // the map's painted bounds from the canvas and check them against the overlays.
  const bounds = await page.evaluate(() => {
    const canvas = document.querySelector('.stage canvas') as HTMLCanvasElement;
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext;
    const w = gl.drawingBufferWidth;
    const h = gl.drawingBufferHeight;
    const px = new Uint8Array(w * h * 4);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
    // The map is the saturated region; the background is a dark grey gradient.
    let minX = w, maxX = -1, minY = h, maxY = -1;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = 4 * (y * w + x);
        const r = px[i], g = px[i + 1], b = px[i + 2];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) {
          minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
        }
      }
    }
    const rect = canvas.getBoundingClientRect();
    const sx = rect.width / w;
    const sy = rect.height / h;
    // readPixels rows run bottom-up.
    return { left: rect.left + minX * sx, right: rect.left + maxX * sx, top: rect.top + (h - 1 - maxY) * sy, bottom: rect.top + (h - 1 - minY) * sy };
  });
  const legend = await box(page, '.legend');
  const toolbar = await box(page, '.toolbar');
  const overlaps = (o: { x: number; y: number; width: number; height: number }) =>
    bounds.left < o.x + o.width && o.x < bounds.right && bounds.top < o.y + o.height && o.y < bounds.bottom;
  expect(bounds.right - bounds.left).toBeGreaterThan(300);
  expect(overlaps(legend)).toBe(false);
  expect(overlaps(toolbar)).toBe(false);
  await expectNoErrors(errors);
});

test('a start off the plot or where f is undefined is refused with a message; the scene keeps its start', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const x = page.getByRole('spinbutton', { name: 'Start x' });
  await x.fill('1e9');
  await x.press('Enter');
  await expect(page.getByText('x must lie in the plotted range')).toBeVisible();
  expect(await page.evaluate(() => window.__descent.store.getState().start)).toEqual([-4, 1]);
  await expectNoErrors(errors);
});

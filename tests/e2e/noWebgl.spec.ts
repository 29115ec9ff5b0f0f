import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { canvasImage, canvasPixels, changedPixels, expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// Issue 15: on a loaded machine about half of the page loads could not start WebGL and showed only
// a message. WebGL is now asked for again for a moment, and a browser that still has none gets the
// scene drawn with Canvas 2D, every control working, and a notice that says so.

/** The 2D drawing that stands in for the WebGL view. */
const FLAT = '.stage canvas[data-view="flat"]';

/**
 * The canvas's pixels that changed clearly since `before`, all of them and those within the
 * longest arrow's reach (0.5 world units, the plot's longer side spanning 2) of a particle.
 */
async function changesNearParticles(page: Page, before: string): Promise<{ all: number; near: number }> {
  const after = await canvasImage(page);
  return page.evaluate(
    async ([a, b]) => {
      const read = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height);
      };
      const [x, y] = await Promise.all([read(a), read(b)]);
      const d = window.__descent;
      const scene = d.computeScene(d.store.getState());
      const { domain } = scene.surface;
      const span = Math.max(domain.x[1] - domain.x[0], domain.y[1] - domain.y[0]);
      const canvas = document.querySelector('.stage canvas') as HTMLCanvasElement;
      const box = canvas.getBoundingClientRect();
      const dpr = canvas.width / box.width;
      const step = Math.floor(d.playhead.step);
      const particles = scene.runs.map((r) => {
        const k = Math.min(step, r.path.steps);
        const p = d.project(r.path.x[k], r.path.y[k], 0);
        const q = d.project(r.path.x[k] + 0.25 * span, r.path.y[k], 0);
        if (!p || !q) throw new Error('no projection');
        // 0.25 spans = 0.5 world units; a few pixels more for the halo and the head.
        return { x: (p.x - box.left) * dpr, y: (p.y - box.top) * dpr, r: (q.x - p.x) * dpr + 8 };
      });
      let all = 0;
      let near = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if (Math.abs(x.data[i] - y.data[i]) + Math.abs(x.data[i + 1] - y.data[i + 1]) + Math.abs(x.data[i + 2] - y.data[i + 2]) <= 40) continue;
        all++;
        const px = (i / 4) % x.width;
        const py = Math.floor(i / 4 / x.width);
        if (particles.some((p) => Math.hypot(px - p.x, py - p.y) <= p.r)) near++;
      }
      return { all, near };
    },
    [before, after] as const,
  );
}

test.describe('a browser without WebGL', () => {
  let browser: Browser;

  test.beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-webgl', '--disable-webgl2', '--disable-quic'],
    });
  });

  test.afterAll(async () => {
    await browser.close();
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    test(`gets the scene in 2D with every control working (${viewport.width}×${viewport.height})`, async ({ baseURL }) => {
      const context = await browser.newContext({ viewport, baseURL, locale: 'en-US' });
      const page: Page = await context.newPage();
      const errors = watchErrors(page);
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'warning' && /WebGL/.test(m.text())) warnings.push(m.text());
      });
      await openApp(page, '?surface=rosenbrock&runs=sgd,momentum,adam');

      // The 2D drawing, not a message: a colour map over most of the plot.
      await expect(page.locator(FLAT)).toBeVisible();
      await expect(page.locator('.error-box')).toHaveCount(0);
      const px = await canvasPixels(page);
      expect(px.colours).toBeGreaterThan(150);
      expect(px.painted).toBeGreaterThan(0.3);
      expect(warnings.join('\n')).toMatch(/WebGL could not start after 6 tries/);

      // The notice, in both languages.
      const notice = page.locator('.notice');
      await expect(notice).toContainText('WebGL could not start in this browser');
      await page.getByRole('button', { name: '한국어' }).click();
      await expect(notice).toContainText('WebGL을 시작하지 못해');
      await page.getByRole('button', { name: 'English' }).click();
      await notice.getByRole('button').click();
      await expect(notice).toHaveCount(0);

      // A click on the map moves the start (to the point under the pointer, rounded as in 3D).
      const at = await page.evaluate(() => window.__descent.project(0.5, 2, 0));
      if (!at) throw new Error('the 2D view projects no point');
      const beforeClick = await canvasImage(page);
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => page.evaluate(() => window.__descent.store.getState().start[0])).toBeCloseTo(0.5, 1);
      const start = await page.evaluate(() => window.__descent.store.getState().start);
      expect(start[1]).toBeCloseTo(2, 1);
      expect(await changedPixels(page, beforeClick)).toBeGreaterThan(200);

      // A slider moves the paths.
      await page.evaluate(() => window.__descent.seek(150));
      const lrBefore = await page.evaluate(() => window.__descent.store.getState().runs[0].params.lr);
      const beforeSlider = await canvasImage(page);
      const slider = page.getByRole('slider', { name: 'Learning rate η' }).first();
      await slider.focus();
      for (let i = 0; i < 15; i++) await slider.press('ArrowRight');
      await expect.poll(() => page.evaluate(() => window.__descent.store.getState().runs[0].params.lr)).not.toBe(lrBefore);
      expect(await changedPixels(page, beforeSlider)).toBeGreaterThan(100);

      // Play advances the particles.
      await page.evaluate(() => window.__descent.seek(0));
      const beforePlay = await canvasImage(page);
      await page.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => page.evaluate(() => window.__descent.playhead.step), { timeout: 10_000 }).toBeGreaterThan(20);
      await page.getByRole('button', { name: 'Pause' }).click();
      expect(await changedPixels(page, beforePlay)).toBeGreaterThan(100);

      // Only 2D can be drawn: the bar shows it as the view and offers no 3D, saying why.
      const threeD = page.getByRole('button', { name: '3D', exact: true });
      await expect(threeD).toBeDisabled();
      await expect(threeD).toHaveAccessibleDescription('3D needs WebGL, which this browser did not start');
      await expect(page.getByRole('button', { name: '2D contour' })).toHaveAttribute('aria-pressed', 'true');

      // The toolbar's arrows are drawn at the particles, as in the WebGL views.
      await page.evaluate(() => window.__descent.seek(5));
      const withoutArrows = await canvasImage(page);
      for (const kind of ['gradient', 'momentum', 'step']) await page.locator(`[data-vector="${kind}"]`).first().click();
      const arrows = await changesNearParticles(page, withoutArrows);
      expect(arrows.near).toBeGreaterThan(150);
      expect(arrows.near / arrows.all).toBeGreaterThan(0.95);

      // The chart and the legend follow as with WebGL.
      await expect(page.locator('.readouts canvas').first()).toBeVisible();
      await expectNoErrors(errors);
      await context.close();
    });
  }
});

test('a WebGL context refused at first is asked for again, and the 3D view starts', async ({ page }) => {
  const errors = watchErrors(page);
  // The first two requests for WebGL 2 fail, as on a machine whose GPU process is busy.
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    const w = window as unknown as { webglRefusals: number };
    w.webglRefusals = 0;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      if (kind === 'webgl2' && w.webglRefusals < 2) {
        w.webglRefusals++;
        return null;
      }
      return (original as (...a: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
    } as typeof original;
  });
  await openApp(page);
  expect(await page.evaluate(() => (window as unknown as { webglRefusals: number }).webglRefusals)).toBe(2);
  await expect(page.locator('.stage canvas[data-engine]')).toBeVisible();
  await expect(page.locator(FLAT)).toHaveCount(0);
  await expect(page.locator('.notice')).toHaveCount(0);
  const px = await canvasPixels(page);
  expect(px.colours).toBeGreaterThan(400);
  await expectNoErrors(errors);
});

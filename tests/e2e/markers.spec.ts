import { chromium, expect, test, type Browser } from '@playwright/test';
import { markerOutline, type MarkerShape } from '../../src/state/markers';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// Issue 15: runs told apart without colour. Each run's particle is a shape (its optimizer's, or
// for a second run of one optimizer another), drawn in the views and carried by the legend.

const PHONE = { width: 390, height: 844 };
// Two SGD runs (the second a twin in a spare colour), Momentum and Adam.
const QUERY = '?runs=sgd,momentum,adam,sgd';

test.use({ viewport: PHONE });

test('the legend and the run cards show each run’s shape, twins in different ones', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, QUERY);
  const expected = await page.evaluate(() => window.__descent.computeScene(window.__descent.store.getState()).runs.map((c) => ({ id: c.run.id, color: c.run.color, marker: c.marker })));
  expect(expected.map((r) => r.marker).slice(0, 3)).toEqual(['circle', 'square', 'triangle']);
  expect(new Set(expected.map((r) => r.marker)).size).toBe(4);

  const legend = await page.locator('.legend-row').evaluateAll((rows) =>
    rows.map((row) => {
      const svg = row.querySelector('svg.legend-marker');
      const shape = svg?.querySelector('polygon');
      const box = svg?.getBoundingClientRect();
      return {
        id: (row as HTMLElement).dataset.runId,
        marker: svg?.getAttribute('data-marker'),
        corners: (shape?.getAttribute('points') ?? '').trim().split(/\s+/).length / 2,
        fill: shape ? getComputedStyle(shape).fill : '',
        size: box ? Math.min(box.width, box.height) : 0,
      };
    }),
  );
  expect(legend.map((r) => [r.id, r.marker])).toEqual(expected.map((r) => [r.id, r.marker]));
  for (const [i, row] of legend.entries()) {
    // Drawn, at a size a phone shows, in the run's colour.
    expect(row.corners).toBe(markerOutline(expected[i].marker).length / 2);
    expect(row.size).toBeGreaterThanOrEqual(12);
    const hex = expected[i].color;
    const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
    expect(row.fill).toBe(`rgb(${r}, ${g}, ${b})`);
  }

  // The run cards wear the same shapes, so a card is found by its particle's shape.
  const cards = await page.locator('.run-card').evaluateAll((cards) => cards.map((c) => c.querySelector('.run-swatch')?.getAttribute('data-marker')));
  expect(cards).toEqual(expected.map((r) => r.marker));
  await expectNoErrors(errors);
});

test.describe('without WebGL', () => {
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

  test('the 2D view draws each particle as its run’s shape', async ({ baseURL }) => {
    const context = await browser.newContext({ viewport: PHONE, baseURL, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    // Four runs of four shapes whose paths part on the ravine (a twin would lie on its first's
    // path, its shape over the other's).
    await openApp(page, '?runs=momentum,adam,lion,radam');
    await expect(page.locator('.stage canvas[data-view="flat"]')).toBeVisible();
    const outlines = Object.fromEntries((['circle', 'square', 'triangle', 'diamond', 'star', 'plus', 'triangleDown', 'cross'] as const).map((s) => [s, markerOutline(s)]));

    // A step where the particles lie apart.
    const step = await page.evaluate(() => {
      const d = window.__descent;
      const runs = d.computeScene(d.store.getState()).runs;
      let best = { step: 0, gap: 0 };
      for (let k = 2; k <= 200; k++) {
        const at = runs.map((c) => d.project(c.path.x[k], c.path.y[k], c.path.loss[k]));
        let gap = Infinity;
        for (let i = 0; i < at.length; i++) for (let j = i + 1; j < at.length; j++) gap = Math.min(gap, Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y));
        if (gap > best.gap) best = { step: k, gap };
      }
      return best;
    });
    // Apart by more than two particles' reach (a triangle reaches 9 px from its centre).
    expect(step.gap).toBeGreaterThan(24);
    await page.evaluate((k) => window.__descent.seek(k), step.step);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

    // Each particle's fill, found from its centre out to its dark rim, matched against every
    // shape at every size: the best match must be the run's own shape.
    const found = await page.evaluate(
      ({ k, outlines }) => {
        const d = window.__descent;
        const canvas = document.querySelector<HTMLCanvasElement>('.stage canvas[data-view="flat"]');
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx) throw new Error('no 2D view');
        const box = canvas.getBoundingClientRect();
        const dpr = canvas.width / box.width;
        const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const S = 64;
        return d
          .computeScene(d.store.getState())
          .runs.map((c) => {
            const p = d.project(c.path.x[k], c.path.y[k], c.path.loss[k]);
            if (!p) throw new Error('no projection');
            const cx = (p.x - box.left) * dpr;
            const cy = (p.y - box.top) * dpr;
            const rgb = [1, 3, 5].map((i) => parseInt(c.run.color.slice(i, i + 2), 16));
            const like = (x: number, y: number) => {
              const o = 4 * (y * canvas.width + x);
              return rgb.every((v, i) => Math.abs(image.data[o + i] - v) < 48);
            };
            // Flood fill of the run's colour from the centre, within a window about it.
            const mask = new Uint8Array(S * S);
            const x0 = Math.round(cx) - S / 2;
            const y0 = Math.round(cy) - S / 2;
            const todo = [[S / 2, S / 2]];
            while (todo.length > 0) {
              const [x, y] = todo.pop()!;
              if (x < 0 || y < 0 || x >= S || y >= S || mask[y * S + x] || !like(x0 + x, y0 + y)) continue;
              mask[y * S + x] = 1;
              todo.push([x + 1, y], [x - 1, y], [x, y + 1], [x, y - 1]);
            }
            const test = document.createElement('canvas');
            test.width = S;
            test.height = S;
            const t = test.getContext('2d', { willReadFrequently: true })!;
            const fits: Record<string, number> = {};
            for (const [shape, p2] of Object.entries(outlines)) {
              let best = 0;
              for (let r = 3; r <= 24; r += 0.25) {
                t.clearRect(0, 0, S, S);
                t.beginPath();
                for (let i = 0; i < p2.length; i += 2) t.lineTo(cx - x0 + r * p2[i], cy - y0 - r * p2[i + 1]);
                t.fill();
                const drawn = t.getImageData(0, 0, S, S).data;
                let both = 0;
                let either = 0;
                for (let i = 0; i < S * S; i++) {
                  const a = drawn[4 * i + 3] > 127;
                  if (a && mask[i]) both++;
                  if (a || mask[i]) either++;
                }
                best = Math.max(best, both / either);
              }
              fits[shape] = best;
            }
            const ranked = Object.entries(fits).sort((a, b) => b[1] - a[1]);
            return { marker: c.marker, best: ranked[0][0], fit: ranked[0][1], next: ranked[1][1], pixels: mask.reduce((n, v) => n + v, 0) };
          });
      },
      { k: step.step, outlines },
    );
    expect(found.map((f) => f.marker)).toEqual(['square', 'triangle', 'cross', 'triangleDown']);
    for (const f of found) {
      expect(f.pixels, f.marker).toBeGreaterThan(60);
      expect(f.best, JSON.stringify(f)).toBe(f.marker as MarkerShape);
      expect(f.fit, f.marker).toBeGreaterThan(0.85);
    }
    await expectNoErrors(errors);
    await context.close();
  });
});

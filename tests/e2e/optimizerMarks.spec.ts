import { expect, test, type Page } from '@playwright/test';
import { getSurface, traceRun, type Hyperparams } from '../../src/engine';
import { canvasImage, changedPixels, expectNoErrors, nextFrames, openApp, watchErrors } from './helpers';
import './window';

// What some optimizers draw beyond their path, checked in the pixels of the 2D view: RAdam's
// dots on the points its unrectified steps reached, Rprop's box of step sizes about the
// particle, ASGD's dashed average of its iterates.

type Rgb = readonly [number, number, number];

/**
 * How many canvas pixels within `radius` CSS pixels of where the plane's point (x, y) is drawn
 * are within `tolerance` of `colour` in every channel; 'pale' counts near-white, unsaturated
 * pixels (a white mark, drawn a little see-through).
 */
async function inkNear(page: Page, x: number, y: number, colour: Rgb | 'pale', radius = 3, tolerance = 70): Promise<number> {
  await nextFrames(page, 3);
  return page.evaluate(
    async ([x, y, colour, radius, tolerance]) => {
      const d = window.__descent;
      const surface = d.computeScene(d.store.getState()).surface;
      const at = d.project(x, y, surface.value(x, y));
      if (!at) throw new Error(`(${x}, ${y}) is not drawn`);
      const canvas = document.querySelector('.stage canvas') as HTMLCanvasElement;
      const img = new Image();
      img.src = canvas.toDataURL('image/png');
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      const rect = canvas.getBoundingClientRect();
      const sx = img.width / rect.width;
      const sy = img.height / rect.height;
      const cx = Math.round((at.x - rect.left) * sx);
      const cy = Math.round((at.y - rect.top) * sy);
      const r = Math.ceil(radius * sx);
      const data = ctx.getImageData(cx - r, cy - r, 2 * r + 1, 2 * r + 1).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (colour === 'pale') {
          if (Math.min(r, g, b) > 180 && Math.max(r, g, b) - Math.min(r, g, b) < 25) n++;
        } else if (Math.abs(r - colour[0]) <= tolerance && Math.abs(g - colour[1]) <= tolerance && Math.abs(b - colour[2]) <= tolerance) n++;
      }
      return n;
    },
    [x, y, colour, radius, tolerance] as const,
  );
}

async function seek(page: Page, step: number): Promise<void> {
  await page.evaluate((s) => window.__descent.seek(s), step);
  await nextFrames(page, 3);
}

const ravine = getSurface('ravine');
if (!ravine) throw new Error('no ravine');

test('RAdam: a white dot on each point its first, unrectified steps reached, and none after', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?surface=ravine&view=2d&runs=radam');
  const trace = traceRun({ surface: ravine, optimizer: 'radam' });
  // β₂ = 0.999: steps 1 … 5 are taken without rectification.
  for (const k of [2, 3, 4, 5]) expect(await inkNear(page, trace.x[k], trace.y[k], 'pale'), `point ${k}`).toBeGreaterThan(0);
  // The last point, by the minimum, far from the first ones: reached by a rectified step.
  const end = trace.steps;
  expect(await inkNear(page, trace.x[end], trace.y[end], 'pale')).toBe(0);
  await expectNoErrors(errors);
});

test('Rprop: a box of its step sizes about the particle, that follows the playhead', async ({ page }) => {
  const errors = watchErrors(page);
  const params: Partial<Hyperparams> = { lr: 0.2 };
  await openApp(page, '?surface=ravine&view=2d&runs=rprop:lr=0.2');
  const trace = traceRun({ surface: ravine, optimizer: 'rprop', steps: 10, params });
  const sizes = trace.state.stepSize;
  if (!sizes) throw new Error('no step sizes');
  // Rprop's colour, #2ec4b6, as the canvas shows it (lines come out a little lighter).
  const teal: Rgb = [0x2e, 0xc4, 0xb6];
  const corner = (k: number) => [trace.x[k] + sizes[0][k], trace.y[k] + sizes[1][k]] as const;
  await seek(page, 6);
  const [cx, cy] = corner(6);
  expect(await inkNear(page, cx, cy, teal)).toBeGreaterThan(0);
  // At another step the box has moved: nothing is left at the old corner.
  await seek(page, 2);
  expect(await inkNear(page, cx, cy, teal, 1)).toBe(0);
  const [dx, dy] = corner(2);
  expect(await inkNear(page, dx, dy, teal)).toBeGreaterThan(0);
  await expectNoErrors(errors);
});

test('ASGD: its averaged iterate drawn dashed, and only once averaging has started', async ({ page }) => {
  const errors = watchErrors(page);
  // The path x does not depend on t₀; the average does. With t₀ = 10⁶ the average is the path
  // itself and nothing more is drawn; with t₀ = 3 the dashed line is all that changes.
  await openApp(page, '?surface=ravine&view=2d&runs=asgd:lr=0.45;t0=1000000');
  const before = await canvasImage(page);
  await openApp(page, '?surface=ravine&view=2d&runs=asgd:lr=0.45;t0=3');
  const changed = await changedPixels(page, before);
  expect(changed).toBeGreaterThan(150);
  // And the dashes lie on the average: a few of its points far from the path carry its colour.
  const trace = traceRun({ surface: ravine, optimizer: 'asgd', steps: 40, params: { lr: 0.45, t0: 3 } });
  const avg = trace.state.avg;
  if (!avg) throw new Error('no average');
  const colour: Rgb = [0xc9, 0xad, 0xa7];
  let hits = 0;
  for (let k = 6; k <= 12; k++) if ((await inkNear(page, avg[0][k], avg[1][k], colour, 2, 60)) > 0) hits++;
  expect(hits).toBeGreaterThan(2);
  await expectNoErrors(errors);
});

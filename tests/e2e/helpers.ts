import { expect, type Frame, type Page } from '@playwright/test';
import './window';

/** Console errors and page errors seen since the page opened: a test ends by expecting none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Opens the app and waits for the first frame with the surface. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
}

/** Waits for the scene to draw a frame after a change (the canvas renders on demand). */
export async function nextFrames(page: Page | Frame, n = 3): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        let left = n;
        const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

export interface CanvasPixels {
  width: number;
  height: number;
  /** Distinct colours, quantized to 5 bits per channel. */
  colours: number;
  /** Share of pixels that differ from the top-left pixel (the background). */
  painted: number;
  /** A coarse fingerprint: the mean RGB of each cell of a 16 × 16 grid. */
  cells: number[];
}

/** Reads the WebGL canvas back (it keeps its drawing buffer) and summarises its pixels; a page's or an embed's. */
export async function canvasPixels(page: Page | Frame): Promise<CanvasPixels> {
  await nextFrames(page);
  return page.evaluate(async () => {
    const canvas = document.querySelector('.stage canvas') as HTMLCanvasElement;
    const img = new Image();
    img.src = canvas.toDataURL('image/png');
    await img.decode();
    const w = img.width;
    const h = img.height;
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, w, h).data;
    const seen = new Set<number>();
    let painted = 0;
    const bg = [data[0], data[1], data[2]];
    const grid = 16;
    const sums = new Array<number>(grid * grid * 3).fill(0);
    const counts = new Array<number>(grid * grid).fill(0);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = 4 * (y * w + x);
        const r = data[i];
        const g = data[i + 1];
        const b = data[i + 2];
        seen.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
        if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 24) painted++;
        const cell = Math.min(grid - 1, Math.floor((y * grid) / h)) * grid + Math.min(grid - 1, Math.floor((x * grid) / w));
        sums[3 * cell] += r;
        sums[3 * cell + 1] += g;
        sums[3 * cell + 2] += b;
        counts[cell]++;
      }
    }
    return { width: w, height: h, colours: seen.size, painted: painted / (w * h), cells: sums.map((s, i) => s / counts[Math.floor(i / 3)]) };
  });
}

/** How different two fingerprints are: the mean absolute difference per cell channel. */
export function pixelDistance(a: CanvasPixels, b: CanvasPixels): number {
  let d = 0;
  for (let i = 0; i < a.cells.length; i++) d += Math.abs(a.cells[i] - b.cells[i]);
  return d / a.cells.length;
}

export async function expectNoErrors(errors: string[]): Promise<void> {
  expect(errors, errors.join('\n')).toEqual([]);
}

/** The canvas as a PNG data URL, after the frames in flight have been drawn. */
export async function canvasImage(page: Page): Promise<string> {
  await nextFrames(page, 3);
  return page.evaluate(() => (document.querySelector('.stage canvas') as HTMLCanvasElement).toDataURL('image/png'));
}

/**
 * How many pixels of the canvas differ clearly from an earlier image of it: arrows are thin, so
 * counting pixels sees them where the cell averages of canvasPixels barely move.
 */
export async function changedPixels(page: Page, before: string): Promise<number> {
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
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const [x, y] = await Promise.all([read(a), read(b)]);
      let changed = 0;
      for (let i = 0; i < Math.min(x.length, y.length); i += 4) {
        if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 40) changed++;
      }
      return changed;
    },
    [before, after] as const,
  );
}

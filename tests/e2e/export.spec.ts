import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectNoErrors, nextFrames, openApp, watchErrors } from './helpers';
import './window';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** EBML, the container WebM is written in. */
const WEBM_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

function exportButton(page: Page) {
  return page.getByRole('button', { name: 'Export', exact: true });
}

async function openExportMenu(page: Page): Promise<void> {
  await expect(exportButton(page), 'the Export menu is placed in the toolbar').toBeVisible();
  await exportButton(page).click();
  await expect(page.getByRole('menu', { name: 'Export formats' })).toBeVisible();
}

/** Chooses an export and returns the file the browser saved. */
async function exportFile(page: Page, item: string, timeout = 15_000): Promise<{ download: Download; bytes: Buffer }> {
  await openExportMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByRole('menuitem', { name: item, exact: true }).click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The visible runs' path lengths (steps taken + 1), in run-list order, and their optimizers. */
async function visiblePaths(page: Page): Promise<{ label: string; optimizer: string; points: number }[]> {
  return page.evaluate(() => {
    const d = window.__descent;
    return d
      .computeScene(d.store.getState())
      .runs.map((r, i) => ({ label: String(i + 1), optimizer: r.run.optimizer, points: r.path.steps + 1, visible: r.run.visible }))
      .filter((r) => r.visible)
      .map(({ label, optimizer, points }) => ({ label, optimizer, points }));
  });
}

type Rgb = readonly [number, number, number];

/** Where the legend's panel lies in an exported frame, as a box in the image's pixels. */
interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface ImageFacts {
  readonly width: number;
  readonly height: number;
  /** The smallest alpha of any pixel: 255 for an opaque image. */
  readonly minAlpha: number;
  /** The top-left pixel: the stage's background (the gradient's edge colour there). */
  readonly corner: Rgb;
  /** Per colour asked for: how many pixels of the region are within 12 of it in every channel. */
  readonly colourCounts: number[];
  /** Pixels of the title region that stand out from its background (text). */
  readonly titleInk: number;
  /** Pixels of the view region that differ from the corner colour (a drawn surface, not a blank). */
  readonly viewInk: number;
  /** The view region's pixels, 8 × 8 blocks averaged, to compare two frames. */
  readonly viewCells: number[];
  readonly legendCells: number[];
}

/**
 * Decodes an image (a PNG file, or a video's frame drawn to a canvas) in the page and measures
 * what the tests ask of it. `view` is where the scene's view lies in the frame, `legend` the
 * legend's panel, `title` the title strip.
 */
async function imageFacts(
  page: Page,
  source: { png: string } | { video: string; time: number },
  regions: { view: Region; legend: Region; title: Region },
  colours: Rgb[],
): Promise<ImageFacts> {
  return page.evaluate(
    async ({ source, regions, colours }) => {
      const bytes = Uint8Array.from(atob('png' in source ? source.png : source.video), (c) => c.charCodeAt(0));
      let drawable: CanvasImageSource;
      let width: number;
      let height: number;
      if ('png' in source) {
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        [drawable, width, height] = [bitmap, bitmap.width, bitmap.height];
      } else {
        const v = document.createElement('video');
        v.muted = true;
        v.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
        await new Promise((resolve, reject) => {
          v.onloadeddata = resolve;
          v.onerror = () => reject(new Error(`video error ${v.error?.code}`));
        });
        v.currentTime = source.time;
        await new Promise((resolve) => (v.onseeked = resolve));
        // A seek resolves before the frame is decoded: wait for it to be presented.
        await new Promise<void>((resolve) => {
          v.requestVideoFrameCallback(() => resolve());
          setTimeout(resolve, 2000);
        });
        [drawable, width, height] = [v, v.videoWidth, v.videoHeight];
      }
      const c = document.createElement('canvas');
      c.width = width;
      c.height = height;
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(drawable, 0, 0);
      const data = ctx.getImageData(0, 0, width, height).data;
      const px = (x: number, y: number) => {
        const i = 4 * (y * width + x);
        return [data[i], data[i + 1], data[i + 2]] as const;
      };
      let minAlpha = 255;
      for (let i = 3; i < data.length; i += 4) minAlpha = Math.min(minAlpha, data[i]);
      const corner = px(1, 1);
      const far = (a: readonly number[], b: readonly number[], d: number) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > d;
      const each = (r: Region, fn: (p: readonly [number, number, number]) => void) => {
        for (let y = Math.max(0, Math.floor(r.y)); y < Math.min(height, r.y + r.height); y++) {
          for (let x = Math.max(0, Math.floor(r.x)); x < Math.min(width, r.x + r.width); x++) fn(px(x, y));
        }
      };
      const colourCounts = colours.map((col) => {
        let n = 0;
        each(regions.legend, (p) => {
          if (Math.abs(p[0] - col[0]) <= 12 && Math.abs(p[1] - col[1]) <= 12 && Math.abs(p[2] - col[2]) <= 12) n++;
        });
        return n;
      });
      let titleInk = 0;
      each(regions.title, (p) => {
        if (far(p, corner, 150)) titleInk++;
      });
      let viewInk = 0;
      each(regions.view, (p) => {
        if (far(p, corner, 60)) viewInk++;
      });
      const cells = (r: Region) => {
        const out: number[] = [];
        const n = 8;
        for (let j = 0; j < n; j++) {
          for (let i = 0; i < n; i++) {
            let sum = 0;
            let count = 0;
            each({ x: r.x + (i * r.width) / n, y: r.y + (j * r.height) / n, width: r.width / n, height: r.height / n }, (p) => {
              sum += p[0] + p[1] + p[2];
              count++;
            });
            out.push(count ? sum / count / 3 : 0);
          }
        }
        return out;
      };
      return { width, height, minAlpha, corner, colourCounts, titleInk, viewInk, viewCells: cells(regions.view), legendCells: cells(regions.legend) };
    },
    { source, regions, colours },
  );
}

/** The WebGL canvas's size in device pixels, the theme's background and the visible runs' colours. */
async function sceneFacts(page: Page): Promise<{ width: number; height: number; bg: Rgb; colours: Rgb[] }> {
  return page.evaluate(() => {
    const c = document.querySelector('.stage canvas') as HTMLCanvasElement;
    const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number) as unknown as [number, number, number];
    const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as [number, number, number];
    const s = window.__descent.store.getState();
    return { width: c.width, height: c.height, bg: rgb(getComputedStyle(document.body).backgroundColor), colours: s.runs.filter((r) => r.visible).map((r) => hex(r.color)) };
  });
}

function near(a: Rgb, b: Rgb, tolerance: number): boolean {
  return a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
}

/** Regions of a frame with the legend beside the view: title strip on top, panel on the right. */
function besideRegions(image: { width: number; height: number }, view: { width: number; height: number }) {
  const top = image.height - view.height;
  return {
    title: { x: 0, y: 0, width: image.width, height: top },
    view: { x: 0, y: top, width: view.width, height: view.height },
    legend: { x: view.width + 2, y: top, width: image.width - view.width - 2, height: view.height },
  };
}

test.describe('export', () => {
  test('the menu is a keyboard-operable menu button with the four formats and Copy as PyTorch', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const button = exportButton(page);
    await expect(button).toHaveAttribute('aria-haspopup', 'menu');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'Export formats' });
    await expect(menu).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const names = ['PNG image', 'WebM video', 'CSV data', 'JSON data', 'Copy as PyTorch'];
    for (const name of names) await expect(page.getByRole('menuitem', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'PNG image' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'WebM video' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'Copy as PyTorch' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'PNG image' })).toBeFocused();
    // The arrows that step the playhead elsewhere do nothing under the menu.
    const step = await page.evaluate(() => window.__descent.playhead.step);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => window.__descent.playhead.step)).toBe(step);
    // Each item says what it saves.
    await expect(page.getByRole('menuitem', { name: 'CSV data' })).toHaveAccessibleDescription(/run, optimizer, step, x, y, loss/);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();

    // Enter on an item saves it, from the keyboard alone.
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('menuitem', { name: 'Copy as PyTorch' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('menuitem', { name: 'JSON data' })).toBeFocused();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('descent-ravine.json');
    await expect(menu).toBeHidden();

    // A click elsewhere closes it.
    await button.click();
    await expect(menu).toBeVisible();
    await page.locator('.panel').click({ position: { x: 5, y: 5 } });
    await expect(menu).toBeHidden();
    await expectNoErrors(errors);
  });

  test('Copy as PyTorch: the script of every visible run on the clipboard, and as descent.py on request', async ({ page, context }) => {
    const errors = watchErrors(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await openExportMenu(page);
    const item = page.getByRole('menuitem', { name: 'Copy as PyTorch', exact: true });
    await expect(item).toHaveAccessibleDescription(/replays every visible run with torch\.optim/);
    await item.click();
    // A visible confirmation, with the script offered as a file too.
    const status = page.locator('.export-status');
    await expect(status).toContainText('PyTorch script copied');
    await expect(page.getByRole('status').filter({ hasText: 'PyTorch script copied' })).toBeAttached();
    const script = await page.evaluate(() => navigator.clipboard.readText());
    expect(script.split('\n').slice(0, 2)).toEqual(['#!/usr/bin/env python3', `"""Descent's runs, replayed by PyTorch (Descent's "Copy as PyTorch").`]);
    const runs = await visiblePaths(page);
    expect([...script.matchAll(/name="(run \S+ \S+)",/g)].map((m) => m[1])).toEqual(runs.map((r) => `run ${r.label} ${r.optimizer}`));
    for (const r of runs) expect(script).toContain(`steps=${r.points - 1},`);

    const [download] = await Promise.all([page.waitForEvent('download'), status.getByRole('button', { name: 'Save descent.py' }).click()]);
    expect(download.suggestedFilename()).toBe('descent.py');
    expect(await readFile(await download.path(), 'utf8')).toBe(script);
    await expectNoErrors(errors);
  });

  test('Copy as PyTorch where the page may not use the clipboard: descent.py is saved instead, and the status says so', async ({ page }) => {
    const errors = watchErrors(page);
    // As in an insecure page or a sandboxed frame: no clipboard at all.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await openApp(page);
    await openExportMenu(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Copy as PyTorch', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('descent.py');
    expect((await readFile(await download.path(), 'utf8')).startsWith('#!/usr/bin/env python3\n')).toBe(true);
    await expect(page.locator('.export-status')).toContainText('The clipboard is not available here: saved descent.py instead');
    await expectNoErrors(errors);
  });

  test('PNG: what the screen shows — opaque stage background, the view, a title and the legend — named after the surface and step', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    await page.evaluate(() => window.__descent.seek(120));
    await nextFrames(page);
    await openExportMenu(page);
    await expect(page.getByRole('menuitem', { name: 'PNG image' })).toHaveAccessibleDescription('The 3D view as it is now, at step 120, with the title and legend');
    await page.keyboard.press('Escape');
    const { download, bytes } = await exportFile(page, 'PNG image');
    expect(download.suggestedFilename()).toBe('descent-ravine-step120.png');
    expect(startsWith(bytes, PNG_MAGIC)).toBe(true);
    const scene = await sceneFacts(page);
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    // The view at its full resolution, the legend's panel beside it, the title above.
    expect(size.width).toBeGreaterThan(scene.width + 100);
    expect(size.height).toBeGreaterThan(scene.height + 15);
    const facts = await imageFacts(page, { png: bytes.toString('base64') }, besideRegions(size, scene), scene.colours);
    expect(facts.minAlpha, 'no transparent pixel').toBe(255);
    expect(near(facts.corner, scene.bg, 3), `corner ${facts.corner.join(',')}, the stage's background ${scene.bg.join(',')}`).toBe(true);
    // Every visible run's colour is in the legend (its swatch: a sample of its line style, 2.2 rem long, with its marker).
    for (const [i, n] of facts.colourCounts.entries()) expect(n, `run ${i + 1}'s swatch`).toBeGreaterThan(40);
    expect(facts.titleInk, 'title text').toBeGreaterThan(150);
    expect(facts.viewInk / (scene.width * scene.height), 'the surface in the view').toBeGreaterThan(0.05);
    await expectNoErrors(errors);
  });

  test('PNG: in the light theme the background is light; in Korean and the 2D view the menu says so', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, '?theme=light&lang=ko&view=2d');
    await page.getByRole('button', { name: '내보내기', exact: true }).click();
    const item = page.getByRole('menuitem', { name: 'PNG 이미지', exact: true });
    await expect(item).toHaveAccessibleDescription(/^지금 보이는 2D 등고선 화면 \(0 스텝\)/);
    const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
    const bytes = await readFile(await download.path());
    const scene = await sceneFacts(page);
    const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    const facts = await imageFacts(page, { png: bytes.toString('base64') }, besideRegions(size, scene), scene.colours);
    expect(facts.minAlpha).toBe(255);
    expect(near(facts.corner, scene.bg, 3), `${facts.corner.join(',')} against ${scene.bg.join(',')}`).toBe(true);
    expect(Math.min(...facts.corner)).toBeGreaterThan(200);
    for (const n of facts.colourCounts) expect(n).toBeGreaterThan(40);
    expect(facts.titleInk).toBeGreaterThan(150);
    await expectNoErrors(errors);
  });

  test('PNG: on a phone the legend goes under the view, at the screen’s pixel density', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'en-US' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await openApp(page);
    const { bytes } = await exportFile(page, 'PNG image');
    const scene = await sceneFacts(page);
    const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    // Device pixels: twice the CSS width of the view, which spans the phone's width.
    expect(scene.width).toBeGreaterThanOrEqual(2 * 380);
    expect(size.width - scene.width).toBeLessThanOrEqual(1);
    // Title above, legend below: several rows of runs need more than a title's height.
    expect(size.height).toBeGreaterThan(scene.height + 250);
    const facts = await imageFacts(
      page,
      { png: bytes.toString('base64') },
      {
        title: { x: 0, y: 0, width: size.width, height: 60 },
        view: { x: 0, y: 100, width: scene.width, height: scene.height - 100 },
        legend: { x: 0, y: size.height - 240, width: size.width, height: 240 },
      },
      scene.colours,
    );
    expect(facts.minAlpha).toBe(255);
    for (const n of facts.colourCounts) expect(n).toBeGreaterThan(150);
    expect(facts.titleInk).toBeGreaterThan(300);
    await expectNoErrors(errors);
    await context.close();
  });

  test('CSV: one table of the visible runs, the CLI columns after run and optimizer', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    await page.evaluate(() => {
      const s = window.__descent.store.getState();
      s.setSteps(50);
      s.toggleRun(s.runs[1].id);
    });
    const { download, bytes } = await exportFile(page, 'CSV data');
    expect(download.suggestedFilename()).toBe('descent-ravine.csv');
    const lines = bytes.toString('utf8').split('\n');
    expect(lines[0]).toBe('run,optimizer,step,x,y,loss');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    const paths = await visiblePaths(page);
    expect(paths).toHaveLength(5);
    for (const p of paths) {
      const mine = rows.filter((r) => r[0] === p.label);
      expect(mine, `run ${p.label}`).toHaveLength(p.points);
      expect(mine.every((r) => r[1] === p.optimizer && r.length === 6)).toBe(true);
      expect(mine.map((r) => Number(r[2]))).toEqual(mine.map((_, k) => k));
    }
    expect(rows).toHaveLength(paths.reduce((n, p) => n + p.points, 0));
    // The numbers are the engine's doubles exactly.
    const first = await page.evaluate(() => {
      const d = window.__descent;
      const path = d.computeScene(d.store.getState()).runs[0].path;
      return [path.x[7], path.y[7], path.loss[7]];
    });
    expect(rows[7].slice(3).map(Number)).toEqual(first);
    await expectNoErrors(errors);
  });

  test('JSON: an array with the CLI’s object for each visible run', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page, '?surface=rosenbrock');
    await page.evaluate(() => window.__descent.store.getState().setSteps(40));
    const { download, bytes } = await exportFile(page, 'JSON data');
    const surfaceId = await page.evaluate(() => window.__descent.store.getState().surfaceId);
    expect(download.suggestedFilename()).toBe(`descent-${surfaceId}.json`);
    const runs = JSON.parse(bytes.toString('utf8')) as { surface: string; optimizer: string; params: { steps: number }; status: string; path: number[][] }[];
    const paths = await visiblePaths(page);
    expect(runs).toHaveLength(paths.length);
    runs.forEach((r, i) => {
      expect(Object.keys(r)).toEqual(['surface', 'optimizer', 'params', 'status', 'path']);
      expect(r.surface).toBe(surfaceId);
      expect(r.optimizer).toBe(paths[i].optimizer);
      expect(r.params.steps).toBe(40);
      expect(r.path).toHaveLength(paths[i].points);
    });
    await expectNoErrors(errors);
  });

  test('WebM: the playback from step 0 to the end, composed like the PNG, at the plan’s pace; the playhead comes back', async ({ page }) => {
    test.setTimeout(150_000);
    const errors = watchErrors(page);
    await openApp(page);
    const supported = await page.evaluate(() => typeof MediaRecorder === 'function' && MediaRecorder.isTypeSupported('video/webm'));
    expect(supported, 'the Chromium under test records WebM (MediaRecorder)').toBe(true);
    await page.evaluate(() => {
      const s = window.__descent.store.getState();
      s.setSteps(20);
      s.setSpeed(20);
      window.__descent.seek(7);
    });
    await openExportMenu(page);
    // 1 s of movement, held 0.3 s at the start and 0.8 s at the end.
    const planned = 0.3 + 20 / 20 + 0.8;
    await expect(page.getByRole('menuitem', { name: 'WebM video' })).toHaveAccessibleDescription('Plays step 0 to 20 at 20 steps/s and records it: about 2 s');
    // Every frame of the plan is drawn: the playhead stops at each frame's step, 30 a second.
    const planSteps: number[] = [];
    for (let i = 0; i / 30 < planned - 1e-9; i++) planSteps.push(Math.min(20, Math.max(0, (i / 30 - 0.3) * 20)));
    planSteps.push(20);
    const seen = page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const steps: number[] = [];
          const poll = () => {
            const step = window.__descent.playhead.step;
            if (steps.length === 0 || step !== steps[steps.length - 1]) steps.push(step);
            // Back at the user's step after the end: the recording is over.
            if (steps.includes(20) && step === 7) resolve(steps);
            else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
          setTimeout(() => resolve(steps), 120_000);
        }),
    );
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('menuitem', { name: 'WebM video' }).click()]);
    await expect(page.getByRole('progressbar', { name: 'Recording progress' })).toBeHidden();
    expect(download.suggestedFilename()).toBe('descent-ravine.webm');
    const bytes = await readFile(await download.path());
    expect(startsWith(bytes, WEBM_MAGIC)).toBe(true);
    expect(bytes.includes(Buffer.from('webm'))).toBe(true);
    await expect(page.locator('.export-menu').getByRole('status')).toHaveText('Saved descent-ravine.webm');
    // The recording drove the playhead from 0 forward to the end, through every frame's step
    // (the user's step 7 before and after it).
    const steps = await seen;
    expect(steps[0]).toBe(7);
    expect(steps.at(-1)).toBe(7);
    const driven = steps.slice(1, -1);
    expect(driven.every((s, i) => i === 0 || s > driven[i - 1]), driven.join(' ')).toBe(true);
    expect(driven).toEqual([...new Set(planSteps)]);
    // …and gave it back: the user's step, paused as it was.
    await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBe(7);
    expect(await page.evaluate(() => window.__descent.store.getState().playing)).toBe(false);

    // The browser plays the file: it knows its length, which is the plan's.
    const video = await page.evaluate(async (base64) => {
      const v = document.createElement('video');
      v.muted = true;
      v.src = URL.createObjectURL(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'video/webm' }));
      await new Promise((resolve, reject) => {
        v.onloadedmetadata = resolve;
        v.onerror = () => reject(new Error(`video error ${v.error?.code}`));
      });
      return { width: v.videoWidth, height: v.videoHeight, duration: v.duration };
    }, bytes.toString('base64'));
    expect(Number.isFinite(video.duration), `duration ${video.duration}`).toBe(true);
    // Each frame is stamped with its time in the plan, however long it took to draw here; the
    // last one shows for a frame's time.
    expect(Math.abs(video.duration - (planned + 1 / 30)), `duration ${video.duration}`).toBeLessThan(0.05);
    const scene = await sceneFacts(page);
    expect(video.width).toBeGreaterThan(scene.width + 100);
    const regions = besideRegions(video, scene);
    const start = await imageFacts(page, { video: bytes.toString('base64'), time: 0.05 }, regions, scene.colours);
    const end = await imageFacts(page, { video: bytes.toString('base64'), time: video.duration - 0.05 }, regions, scene.colours);
    for (const frame of [start, end]) {
      expect(frame.minAlpha).toBe(255);
      // The stage's background, through the encoder's rounding.
      expect(near(frame.corner, scene.bg, 12), `corner ${frame.corner.join(',')} against ${scene.bg.join(',')}`).toBe(true);
      for (const n of frame.colourCounts) expect(n).toBeGreaterThan(15);
      expect(frame.titleInk).toBeGreaterThan(100);
      expect(frame.viewInk / (scene.width * scene.height)).toBeGreaterThan(0.05);
    }
    // The paths are drawn by the end, the particles have moved, the legend's numbers changed.
    const change = (a: number[], b: number[]) => a.reduce((d, v, i) => Math.max(d, Math.abs(v - b[i])), 0);
    expect(change(start.viewCells, end.viewCells), 'the view changed').toBeGreaterThan(4);
    expect(change(start.legendCells, end.legendCells), 'the legend changed').toBeGreaterThan(1);
    await expectNoErrors(errors);
  });

  test('WebM: where the browser cannot record, the item says so and does nothing', async ({ page }) => {
    const errors = watchErrors(page);
    // A browser without MediaRecorder (older Safari, some WebViews): the Chromium under test has it.
    await page.addInitScript(() => {
      delete (window as { MediaRecorder?: unknown }).MediaRecorder;
    });
    await openApp(page);
    expect(await page.evaluate(() => typeof MediaRecorder)).toBe('undefined');
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await openExportMenu(page);
    const item = page.getByRole('menuitem', { name: 'WebM video' });
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toHaveAccessibleDescription('Unavailable: this browser cannot record video');
    // Chosen from the keyboard: a pointer cannot press an item marked disabled.
    await item.focus();
    await page.keyboard.press('Enter');
    // Still open, nothing recording, nothing saved; the other formats still work.
    await expect(page.getByRole('menu', { name: 'Export formats' })).toBeVisible();
    await expect(page.locator('.export-status')).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: 'PNG image' })).not.toHaveAttribute('aria-disabled', 'true');
    expect(downloads).toEqual([]);
    await expectNoErrors(errors);
  });

  test('WebM: Cancel stops a recording, saves nothing and gives back the playhead and play', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    expect(await page.evaluate(() => typeof MediaRecorder === 'function'), 'the Chromium under test records WebM (MediaRecorder)').toBe(true);
    await page.evaluate(() => {
      const s = window.__descent.store.getState();
      s.setSteps(600);
      s.setSpeed(30);
    });
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await openExportMenu(page);
    // Playing when the recording starts: the recording holds play off, and gives it back.
    await page.evaluate(() => window.__descent.store.getState().setPlaying(true));
    await page.getByRole('menuitem', { name: 'WebM video' }).click();
    const progress = page.getByRole('progressbar', { name: 'Recording progress' });
    await expect(progress).toBeVisible();
    await expect(page.locator('.export-menu').getByRole('status')).toHaveText('Recording video');
    await expect(page.locator('.export-status')).toContainText(/Recording video… \d+%/);
    // Play is held off once the recorder's code has arrived and the recording has begun.
    await expect.poll(() => page.evaluate(() => window.__descent.store.getState().playing)).toBe(false);
    // While it records, a second recording and a picture are refused with a reason.
    await openExportMenu(page);
    await expect(page.getByRole('menuitem', { name: 'WebM video' })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('menuitem', { name: 'PNG image' })).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('menuitem', { name: 'PNG image' })).toHaveAccessibleDescription('Unavailable while a video is being recorded');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('.export-menu').getByRole('status')).toHaveText('Recording cancelled');
    await expect(progress).toBeHidden();
    await expect(exportButton(page), 'focus goes back to the Export button').toBeFocused();
    // Play is back on, and the playhead moves again.
    expect(await page.evaluate(() => window.__descent.store.getState().playing)).toBe(true);
    const stepAtCancel = await page.evaluate(() => window.__descent.playhead.step);
    await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).not.toBe(stepAtCancel);
    await page.waitForTimeout(500);
    expect(downloads).toHaveLength(0);
    await expectNoErrors(errors);
  });

  test('in Korean, every item has a Korean name', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => window.__descent.store.getState().setLang('ko'));
    await page.getByRole('button', { name: '내보내기', exact: true }).click();
    for (const name of ['PNG 이미지', 'WebM 동영상', 'CSV 데이터', 'JSON 데이터', 'PyTorch 코드로 복사']) {
      await expect(page.getByRole('menuitem', { name, exact: true })).toBeVisible();
    }
  });
});

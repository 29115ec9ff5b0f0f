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

test.describe('export', () => {
  test('the menu is a keyboard-operable menu button with the four formats', async ({ page }) => {
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
    const names = ['PNG image', 'WebM video', 'CSV data', 'JSON data'];
    for (const name of names) await expect(page.getByRole('menuitem', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'PNG image' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'WebM video' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'JSON data' })).toBeFocused();
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

  test('PNG: the current view as a real PNG, named after the surface and step', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    await page.evaluate(() => window.__descent.seek(120));
    await nextFrames(page);
    const { download, bytes } = await exportFile(page, 'PNG image');
    expect(download.suggestedFilename()).toBe('descent-ravine-step120.png');
    expect(startsWith(bytes, PNG_MAGIC)).toBe(true);
    // A rendered surface, not an empty buffer: a blank canvas of this size compresses to a few KB.
    expect(bytes.length).toBeGreaterThan(20_000);
    const size = await page.evaluate(() => {
      const c = document.querySelector('.stage canvas') as HTMLCanvasElement;
      return [c.width, c.height];
    });
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual(size);
    await expectNoErrors(errors);
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

  test('WebM: records the playback from step 0 to the end into a video', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    const supported = await page.evaluate(() => typeof MediaRecorder === 'function' && MediaRecorder.isTypeSupported('video/webm'));
    await page.evaluate(() => {
      const s = window.__descent.store.getState();
      s.setSteps(30);
      s.setSpeed(30);
    });
    if (!supported) {
      // Where the browser cannot record, the item says so and does nothing.
      await openExportMenu(page);
      const item = page.getByRole('menuitem', { name: 'WebM video' });
      await expect(item).toHaveAttribute('aria-disabled', 'true');
      await expect(item).toHaveAccessibleDescription(/cannot record video/);
      return;
    }
    await openExportMenu(page);
    await expect(page.getByRole('menuitem', { name: 'WebM video' })).toHaveAccessibleDescription('Plays step 0 to 30 at 30 steps/s and records it: about 1 s');
    // Playback is driven by the recording: the playhead passes through the steps to the end.
    const seen = page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const steps: number[] = [];
          const poll = () => {
            steps.push(window.__descent.playhead.step);
            if (steps.length < 400) requestAnimationFrame(poll);
            else resolve(steps);
          };
          requestAnimationFrame(poll);
          setTimeout(() => resolve(steps), 6000);
        }),
    );
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('menuitem', { name: 'WebM video' }).click()]);
    await expect(page.getByRole('progressbar', { name: 'Recording progress' })).toBeHidden();
    expect(download.suggestedFilename()).toBe('descent-ravine.webm');
    const bytes = await readFile(await download.path());
    expect(startsWith(bytes, WEBM_MAGIC)).toBe(true);
    expect(bytes.includes(Buffer.from('webm'))).toBe(true);
    // Frames, not just a header (which is a few hundred bytes).
    expect(bytes.length).toBeGreaterThan(5_000);
    await expect(page.locator('.export-menu').getByRole('status')).toHaveText('Saved descent-ravine.webm');
    await expect(page.locator('.export-status')).toBeVisible();
    // The recording drove the playhead from 0 forward to the end. (How many frames a loaded
    // machine paints on SwiftShader varies too much to ask for particular steps in between.)
    const steps = await seen;
    expect(steps[0]).toBe(0);
    expect(steps.every((s, i) => i === 0 || s >= steps[i - 1]), steps.join(' ')).toBe(true);
    expect(await page.evaluate(() => window.__descent.playhead.step)).toBe(30);
    // The browser opens the file as a video of the canvas's size.
    const video = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const v = document.createElement('video');
      v.muted = true;
      v.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
      await new Promise((resolve, reject) => {
        v.onloadedmetadata = resolve;
        v.onerror = () => reject(new Error(`video error ${v.error?.code}`));
      });
      return { width: v.videoWidth, height: v.videoHeight };
    }, bytes.toString('base64'));
    const size = await page.evaluate(() => {
      const c = document.querySelector('.stage canvas') as HTMLCanvasElement;
      return { width: c.width, height: c.height };
    });
    expect(video).toEqual(size);
    await expectNoErrors(errors);
  });

  test('WebM: Cancel stops a recording and saves nothing', async ({ page }) => {
    const errors = watchErrors(page);
    await openApp(page);
    test.skip(!(await page.evaluate(() => typeof MediaRecorder === 'function')), 'this browser cannot record');
    await page.evaluate(() => {
      const s = window.__descent.store.getState();
      s.setSteps(600);
      s.setSpeed(30);
    });
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await openExportMenu(page);
    await page.getByRole('menuitem', { name: 'WebM video' }).click();
    const progress = page.getByRole('progressbar', { name: 'Recording progress' });
    await expect(progress).toBeVisible();
    await expect(page.locator('.export-menu').getByRole('status')).toHaveText('Recording video');
    await expect(page.locator('.export-status')).toContainText(/Recording video… \d+%/);
    // While it records, a second recording is refused with a reason.
    await openExportMenu(page);
    await expect(page.getByRole('menuitem', { name: 'WebM video' })).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('.export-menu').getByRole('status')).toHaveText('Recording cancelled');
    await expect(progress).toBeHidden();
    // The playhead is free again: play moves it.
    const stepAtCancel = await page.evaluate(() => window.__descent.playhead.step);
    await page.evaluate(() => window.__descent.store.getState().setPlaying(true));
    await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).not.toBe(stepAtCancel);
    await page.waitForTimeout(500);
    expect(downloads).toHaveLength(0);
    await expectNoErrors(errors);
  });

  test('in Korean, every item has a Korean name', async ({ page }) => {
    await openApp(page);
    await page.evaluate(() => window.__descent.store.getState().setLang('ko'));
    await page.getByRole('button', { name: '내보내기', exact: true }).click();
    for (const name of ['PNG 이미지', 'WebM 동영상', 'CSV 데이터', 'JSON 데이터']) {
      await expect(page.getByRole('menuitem', { name, exact: true })).toBeVisible();
    }
  });
});

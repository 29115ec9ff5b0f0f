import { expect, test, type Page } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

/** Boxes of the playback bar's parts, to check that they fit in it. */
async function barLayout(page: Page) {
  return page.locator('.pb').evaluate((bar) => {
    const outer = bar.getBoundingClientRect();
    const parts = ['.pb-buttons', '.pb-timeline', '.pb-readout', '.pb-speed', '.pb-speed-set', '.pb-extras'].map((s) => {
      const r = (bar.querySelector(s) as HTMLElement).getBoundingClientRect();
      return { s, left: r.left, right: r.right, top: r.top, width: r.width };
    });
    return { left: outer.left, right: outer.right, overflow: bar.scrollWidth - bar.clientWidth, parts };
  });
}

for (const [width, height] of [
  [1024, 768],
  [1280, 720],
] as const) {
  for (const lang of ['en', 'ko'] as const) {
    test(`presentation at ${width}×${height} (${lang}): the speed value is shown and the playback bar fits`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openApp(page, `?present=1&lang=${lang}`);
      const value = page.locator('.pb-speed-set');
      await expect(value).toBeVisible();
      await expect(value).toHaveText(lang === 'en' ? '60 steps/s' : '초당 60스텝');
      const layout = await barLayout(page);
      expect(layout.overflow).toBeLessThanOrEqual(0);
      for (const p of layout.parts) {
        expect(p.width, p.s).toBeGreaterThan(0);
        expect(p.left, p.s).toBeGreaterThanOrEqual(layout.left - 0.5);
        expect(p.right, p.s).toBeLessThanOrEqual(layout.right + 0.5);
      }
      // The timeline keeps a usable length, on whichever row it is.
      expect(layout.parts.find((p) => p.s === '.pb-timeline')?.width ?? 0).toBeGreaterThan(150);
    });
  }
}

test('where frames come slower than once a second, the bar shows the rate played beside the speed set', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 960, height: 600 });
  await openApp(page);
  const played = page.locator('[data-field="speed-played"]');
  await expect(played).toBeHidden();
  await page.evaluate(() => {
    const d = window.__descent;
    d.store.getState().setSteps(20_000);
    d.seek(0);
    // A device that draws one frame every 2.5 s (the main thread is busy for that long each frame).
    const busy = () => {
      if (!d.store.getState().playing) return;
      const t = performance.now();
      while (performance.now() - t < 2500);
      requestAnimationFrame(busy);
    };
    d.store.getState().setPlaying(true);
    requestAnimationFrame(busy);
  });
  await expect(played).toBeVisible({ timeout: 30_000 });
  await expect(played).toHaveText(/^playing \d+\/s$/);
  const rate = Number(await played.getAttribute('data-value'));
  // 60 steps/s at one frame in 2.5 s, each frame counted as at most a second: about 24.
  expect(rate).toBeGreaterThan(5);
  expect(rate).toBeLessThan(54);
  await expect(played).toHaveAttribute('title', /playback runs at \d+ steps\/s/);
  // The slider is described by it, for screen readers.
  const describedBy = await page.locator('.pb-speed-input').getAttribute('aria-describedby');
  expect(await played.getAttribute('id')).toBe(describedBy);

  await page.evaluate(() => window.__descent.store.getState().setPlaying(false));
  await expect(played).toBeHidden({ timeout: 15_000 });
  await expectNoErrors(errors);
});

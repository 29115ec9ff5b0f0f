import { expect, test, type Page } from '@playwright/test';
import { nextFrames, openApp } from './helpers';
import './window';

// The default scene, paused at a fixed step, compared with committed baselines. SwiftShader
// renders deterministically on one machine. The stage (the canvas alone) is held to a few
// dozen pixels, fewer than any one path covers, so that losing a run fails (the last test shows
// it); the whole page, text and all, to a small share of its pixels.
// After an intended visual change: `npx playwright test visual --update-snapshots`, then look
// at the new PNGs before committing them.

/** Far fewer than one run's path at step 120 covers (several thousand pixels). */
const STAGE = { maxDiffPixels: 60, threshold: 0.2 } as const;
const PAGE = { maxDiffPixelRatio: 0.004 } as const;

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => window.__descent.seek(120));
  // What follows the first frame has arrived: KaTeX (the formula typeset), the Korean font sheets.
  await expect(page.locator('.surface-picker .formula')).toHaveAttribute('data-typeset', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-korean-font', 'loaded');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await nextFrames(page, 6);
}

for (const size of [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '390x844', width: 390, height: 844 },
]) {
  test(`default scene at ${size.width}×${size.height}: the stage to the pixel, the page closely`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await settle(page);
    await expect(page.locator('.stage')).toHaveScreenshot(`stage-${size.name}.png`, STAGE);
    await expect(page).toHaveScreenshot(`default-${size.name}.png`, PAGE);
  });
}

// SGD's zigzag and Adam's arc each cover over 500 pixels of their own at step 120. (AdaGrad's
// path lies under Momentum's and Nesterov's in this view: hiding it changes a few dozen.)
for (const index of [0, 5]) test(`the stage check fails when run ${index + 1} is missing`, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.evaluate((i) => {
    const s = window.__descent.store.getState();
    s.toggleRun(s.runs[i].id);
  }, index);
  await settle(page);
  const shot = await page.locator('.stage').screenshot({ animations: 'disabled' });
  expect(shot).not.toMatchSnapshot('stage-1280x720.png', STAGE);
});

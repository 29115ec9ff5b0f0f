import { expect, test } from '@playwright/test';
import { nextFrames, openApp } from './helpers';
import './window';

// The default scene, paused at a fixed step, compared with committed baselines. SwiftShader
// renders deterministically on one machine; the tolerance absorbs anti-aliasing differences.
// After an intended visual change: `npx playwright test visual --update-snapshots`, then look
// at the new PNGs before committing them.
async function settle(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(() => window.__descent.seek(120));
  // What follows the first frame has arrived: KaTeX (the formula typeset), the Korean font sheets.
  await expect(page.locator('.surface-picker .formula')).toHaveAttribute('data-typeset', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-korean-font', 'loaded');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await nextFrames(page, 6);
}

test('default scene at 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await settle(page);
  await expect(page).toHaveScreenshot('default-1280x720.png');
});

test('default scene on a phone, 390×844', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await settle(page);
  await expect(page).toHaveScreenshot('default-390x844.png');
});

import { expect, test } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// The scene in words (issue 15): a polite live region the stage names as its description, told
// when the paths or the step change while paused and when playback ends, never while it plays.

test('a screen reader hears where each run went, at the step shown, in English and Korean', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?surface=bowl&runs=sgd:lr=0.1,adam:lr=50&steps=300');
  const region = page.locator('[data-field="scene-description"]');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('.stage')).toHaveAttribute('aria-describedby', 'scene-description');
  // At the start: both on their way.
  await expect(region).toContainText('step 0 of 300');
  await expect(region).toContainText('SGD is still on its way');

  await page.evaluate(() => window.__descent.seek(300));
  await expect(region).toContainText('step 300 of 300');
  await expect(region).toContainText('SGD reached the global minimum (0, 0) at step 25');
  await expect(region).toContainText(/Adam (diverged at step \d+|left the plot at step \d+|is zig-zagging)/);

  // While it plays, the words stay put; at the end they tell the end.
  await page.evaluate(() => window.__descent.seek(0));
  await expect(region).toContainText('step 0 of 300');
  await page.evaluate(() => window.__descent.store.getState().setSpeed(200));
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step), { timeout: 15_000 }).toBeGreaterThan(60);
  await expect(region).toContainText('step 0 of 300');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().playing), { timeout: 20_000 }).toBe(false);
  await expect(region).toContainText('step 300 of 300');

  await page.getByRole('button', { name: '한국어' }).click();
  await expect(region).toContainText('25 스텝에서 전역 최솟값 (0, 0)에 도달했습니다');
  await expectNoErrors(errors);
});

test('H plays the explained run’s loss as sound, and H again stops it; the button says so', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page, '?surface=bowl&runs=sgd:lr=0.1&steps=300');
  const button = page.locator('[data-field="listen"]');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(button).toHaveAccessibleName('Hear the explained run’s loss as pitch');
  // Never on its own: nothing sounds until asked.
  expect(await page.evaluate(() => window.__descent.store.getState().playing)).toBe(false);
  await page.keyboard.press('h');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  // 300 steps: a three-second trace, then it ends by itself.
  await expect(button).toHaveAttribute('aria-pressed', 'false', { timeout: 10_000 });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('h');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expectNoErrors(errors);
});

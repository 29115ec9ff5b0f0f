import { expect, test, type Page } from '@playwright/test';
import { canvasImage, changedPixels, expectNoErrors, nextFrames, openApp, watchErrors } from './helpers';
import './window';

// The teaching overlays of issue 13 (items 4 and 5): the curvature axes with their readout, the
// stability bound on gradient descent's η slider, the effective-learning-rate crosses and chart.
// The default scene is the ravine 0.1x² + 2y²: its Hessian is diag(0.2, 4) everywhere, so
// λ₁ = 0.2, λ₂ = 4, κ = 20 and SGD is stable below η = 2/4 = 0.5.

async function readout(page: Page): Promise<Record<string, number>> {
  return page.locator('.curvature-readout').evaluate((box) => {
    const out: Record<string, number> = {};
    for (const el of box.querySelectorAll<HTMLElement>('[data-symbol]')) out[el.dataset.symbol ?? ''] = Number(el.dataset.value);
    return out;
  });
}

test('the curvature switch draws the axes and reads out λ₁, λ₂ and κ, at the particle or the start', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 640, height: 600 });
  await openApp(page);
  const curvature = page.getByRole('button', { name: 'Curvature axes' });
  await expect(curvature).toHaveAttribute('aria-pressed', 'false');
  const before = await canvasImage(page);
  // From the keyboard, as any switch.
  await curvature.focus();
  await page.keyboard.press('Enter');
  await expect(curvature).toHaveAttribute('aria-pressed', 'true');
  const box = page.getByRole('group', { name: 'Curvature', exact: true });
  await expect(box).toBeVisible();
  await expect(box).toContainText('at SGD’s particle, step 0');
  await expect.poll(() => readout(page)).toEqual({ lambda1: 0.2, lambda2: 4, kappa: 20 });
  await expect(box.locator('[data-field="shape"]')).toHaveText('bowl: positive definite');
  // The axes are drawn (the code loads on first use, then a frame follows).
  await expect.poll(async () => changedPixels(page, before)).toBeGreaterThan(300);
  await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('overlays'))).toBe('curvature');

  // The particle moves with the playhead; the curvature is read where it is.
  await page.evaluate(() => window.__descent.seek(12));
  await expect(box).toContainText('step 12');
  await box.getByRole('button', { name: 'Start' }).click();
  await expect(box).toContainText('at the start');
  await expect(box.getByRole('button', { name: 'Start' })).toHaveAttribute('aria-pressed', 'true');

  // A saddle: indefinite, one axis curving down.
  await page.evaluate(() => {
    const s = window.__descent.store.getState();
    s.setSurface('saddle');
    s.setStart([0.5, 0.5]);
  });
  await expect.poll(() => readout(page)).toEqual({ lambda1: -2, lambda2: 2, kappa: 1 });
  await expect(box.locator('[data-field="shape"]')).toHaveText('saddle: indefinite');
  await expect(box.locator('[data-swatch="lambda1"]')).toHaveAttribute('data-sign', 'negative');
  await expectNoErrors(errors);
});

test('the readout speaks Korean too', async ({ page }) => {
  await openApp(page, '?overlays=curvature&lang=ko&curvatureAt=start');
  const box = page.locator('.curvature-readout');
  await expect(box).toContainText('시작점에서');
  await expect(box.locator('[data-field="shape"]')).toHaveText('그릇 모양: 양의 정부호');
  await expect(page.getByRole('button', { name: '곡률 축' })).toHaveAttribute('aria-pressed', 'true');
});

test('gradient descent’s η slider marks the stability bound 2/λ_max from the Hessian at the start', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const sgd = page.locator('.run-card[aria-label="SGD"]');
  const mark = sgd.locator('.param-bound');
  await expect(sgd.getByRole('img', { name: /^Stable below 2\/λₘₐₓ = 0\.5, from the Hessian at the start$/ })).toBeVisible();
  await expect(mark).toHaveAttribute('data-bound', '0.5');
  await expect(mark).not.toHaveClass(/is-over/);
  // The slider is described by it, for a screen reader on the slider.
  const slider = sgd.getByRole('slider', { name: 'Learning rate η' });
  await expect(slider).toHaveAccessibleDescription(/Stable below 2\/λₘₐₓ = 0\.5/);
  // Past the bound the mark says so.
  await sgd.getByRole('spinbutton', { name: 'Learning rate η' }).fill('0.6');
  await sgd.getByRole('spinbutton', { name: 'Learning rate η' }).press('Enter');
  await expect(mark).toHaveClass(/is-over/);
  await expect(mark).toHaveAccessibleName(/η is above it/);
  // Only for plain gradient descent: Adam's η slider has none.
  const adam = page.locator('.run-card[aria-label="Adam"]');
  await expect(adam.getByRole('slider', { name: 'Learning rate η' })).toBeVisible();
  await expect(adam.locator('.param-bound')).toHaveCount(0);
  await expectNoErrors(errors);
});

test('the effective-learning-rate crosses switch on, and the update rule charts η_eff over the steps', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 900, height: 700 });
  await openApp(page, '?runs=adagrad,sgd&step=20');
  const before = await canvasImage(page);
  const crosses = page.getByRole('button', { name: 'Effective η crosses' });
  await crosses.click();
  await expect(crosses).toHaveAttribute('aria-pressed', 'true');
  await nextFrames(page, 4);
  await expect.poll(async () => changedPixels(page, before)).toBeGreaterThan(30);

  // AdaGrad is explained (the first run): its two coordinates, on a log axis.
  await page.evaluate(() => {
    const d = document.querySelector<HTMLDetailsElement>('.rule-section');
    if (d) d.open = true;
  });
  const chart = page.locator('.efflr-chart');
  await expect(chart).toHaveAttribute('data-per-coordinate', 'true');
  await expect(chart.getByRole('img')).toHaveAccessibleName(/^Log-scale chart of the effective learning rate over 200 steps: along x from /);
  await expect(chart.locator('.efflr-chart-cursor')).toHaveAttribute('data-step', '20');
  // SGD has one η for every coordinate: the chart says so and shows η.
  await page.evaluate(() => {
    const s = window.__descent.store.getState();
    s.selectRun(s.runs[1].id);
  });
  await expect(chart).toHaveAttribute('data-per-coordinate', 'false');
  await expect(chart).toContainText('one η for every coordinate');
  await expect(chart.getByRole('img')).toHaveAccessibleName(/^Log-scale chart of η over 200 steps, from 0\.450 to 0\.450\./);
  await expectNoErrors(errors);
});

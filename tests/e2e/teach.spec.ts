import { expect, test, type Page } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// The teaching layer: the update rule with the engine's own numbers, step by step, and the
// settings that change the paths (bias correction, schedules, noise, penalty).
//
// The panel's numbers are checked against a trace recomputed here, in the page, from the drawn
// path (computeScene) and the surface: the same JavaScript engine, so the doubles must match
// exactly (a trace computed in Node could differ in the last bit: V8 versions' Math.pow do).

/** Every number the rule panel shows for the current step, by its data-symbol. */
async function panelNumbers(page: Page): Promise<Record<string, number>> {
  return page.locator('.rule-numbers').evaluate((box) => {
    const out: Record<string, number> = {};
    for (const el of box.querySelectorAll<HTMLElement>('[data-symbol]')) out[el.dataset.symbol ?? ''] = Number(el.dataset.value);
    return out;
  });
}

interface AdamState {
  g: number[];
  m: number[];
  v: number[];
  mPrev: number[];
  vPrev: number[];
  bc1: number;
  bc2: number;
  eta: number;
  x: number[];
  pathX: number[];
  pathPrev: number[];
  effLr: number[];
  lossPrev: number;
  loss: number;
}

/**
 * Adam's state after step t of run `index`, recomputed in the page from its drawn path: the
 * gradient at each point of the path, then m, v and the step in torch.optim's order.
 */
function adamInPage(page: Page, index: number, t: number): Promise<AdamState> {
  return page.evaluate(
    ({ index, t }) => {
      const d = window.__descent;
      const scene = d.computeScene(d.store.getState());
      const { path } = scene.runs[index];
      const { lr, beta1, beta2, eps } = path.params;
      const lerp = (m: number, g: number, w: number) => (w < 0.5 ? m + w * (g - m) : g - (g - m) * (1 - w));
      const grad = new Float64Array(2);
      let m = [0, 0];
      let v = [0, 0];
      let mPrev = m;
      let vPrev = v;
      for (let k = 1; k <= t; k++) {
        scene.surface.valueAndGrad(path.x[k - 1], path.y[k - 1], grad);
        mPrev = m;
        vPrev = v;
        m = [lerp(m[0], grad[0], 1 - beta1), lerp(m[1], grad[1], 1 - beta1)];
        const c2 = 1 - beta2;
        v = [v[0] * beta2 + c2 * grad[0] * grad[0], v[1] * beta2 + c2 * grad[1] * grad[1]];
      }
      const bc1 = 1 - Math.pow(beta1, t);
      const bc2 = 1 - Math.pow(beta2, t);
      const stepSize = lr / bc1;
      const q = [Math.sqrt(v[0]) / Math.sqrt(bc2) + eps, Math.sqrt(v[1]) / Math.sqrt(bc2) + eps];
      const prev = [path.x[t - 1], path.y[t - 1]];
      return {
        g: [grad[0], grad[1]],
        m,
        v,
        mPrev,
        vPrev,
        bc1,
        bc2,
        eta: lr,
        x: [prev[0] - (stepSize * m[0]) / q[0], prev[1] - (stepSize * m[1]) / q[1]],
        pathX: [path.x[t], path.y[t]],
        pathPrev: prev,
        effLr: [stepSize / q[0], stepSize / q[1]],
        lossPrev: path.loss[t - 1],
        loss: path.loss[t],
      };
    },
    { index, t },
  );
}

/** The surface's own gradient (penalty included, noise not) at point t − 1 of run `index`. */
function gradientAt(page: Page, index: number, t: number): Promise<number[]> {
  return page.evaluate(
    ({ index, t }) => {
      const d = window.__descent;
      const scene = d.computeScene(d.store.getState());
      const { path } = scene.runs[index];
      const g = new Float64Array(2);
      scene.surface.valueAndGrad(path.x[t - 1], path.y[t - 1], g);
      return [g[0], g[1]];
    },
    { index, t },
  );
}

/** Run `index`'s drawn path (computeScene, as the canvas draws it). */
function pathOf(page: Page, index: number): Promise<number[]> {
  return page.evaluate((i) => {
    const c = window.__descent.computeScene(window.__descent.store.getState());
    const p = c.runs[i].path;
    return [...p.x.subarray(0, p.steps + 1), ...p.y.subarray(0, p.steps + 1)];
  }, index);
}

async function seekTo(page: Page, step: number): Promise<void> {
  await page.evaluate((s) => window.__descent.seek(s), step);
  await expect(page.locator('.rule-numbers')).toHaveAttribute('data-step', String(step));
}

test('the update rule shows the selected run’s numbers, equal to the engine’s state', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const adam = 5;
  expect(await page.evaluate((i) => window.__descent.store.getState().runs[i].optimizer, adam)).toBe('adam');
  await page.getByRole('button', { name: 'Show the update rule of Adam' }).click();
  await expect(page.getByRole('button', { name: 'Show the update rule of Adam' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.rule-panel')).toHaveAttribute('data-optimizer', 'adam');
  // The rule with the lecture's symbols, typeset.
  await expect(page.getByRole('figure', { name: 'Update rule of Adam' }).locator('.katex').first()).toBeVisible();
  // And as PyTorch and Keras construct it, with the run's own values (Hands-On ML is in Keras).
  const code = page.getByRole('group', { name: 'In PyTorch and Keras' });
  await expect(code.locator('[data-framework="torch"]')).toHaveText(/^torch\.optim\.Adam\(params, lr=[0-9.e-]+, betas=\(0\.9, 0\.999\), eps=1e-8\)$/);
  await expect(code.locator('[data-framework="keras"]')).toHaveText(/^keras\.optimizers\.Adam\(learning_rate=[0-9.e-]+, beta_1=0\.9, beta_2=0\.999, epsilon=1e-8\)$/);

  const t = 12;
  await seekTo(page, t);
  const shown = await panelNumbers(page);
  const own = await adamInPage(page, adam, t);
  // The rule, evaluated in the page, lands on the drawn point: the path is Adam's.
  expect(own.x).toEqual(own.pathX);
  // Where the particle is and where it came from.
  expect([shown.x, shown.y]).toEqual(own.pathX);
  expect([shown.x_prev, shown.y_prev]).toEqual(own.pathPrev);
  // The optimizer's inner state, bit for bit.
  expect(shown.t).toBe(t);
  expect(shown.eta).toBe(own.eta);
  expect([shown.g_x, shown.g_y]).toEqual(own.g);
  expect([shown.m_x, shown.m_y]).toEqual(own.m);
  expect([shown.v_x, shown.v_y]).toEqual(own.v);
  expect([shown.m_x_prev, shown.m_y_prev]).toEqual(own.mPrev);
  expect([shown.v_x_prev, shown.v_y_prev]).toEqual(own.vPrev);
  expect(shown.bc1).toBe(own.bc1);
  expect(shown.bc2).toBe(own.bc2);
  expect(shown.loss).toBe(own.loss);
  expect(shown.loss_prev).toBe(own.lossPrev);
  // The effective learning rates of an adaptive method, per coordinate.
  const eff = page.getByRole('group', { name: 'Effective learning rate' });
  await expect(eff.locator('[data-symbol="effLr_x"]')).toHaveAttribute('data-value', String(own.effLr[0]));
  await expect(eff.locator('[data-symbol="effLr_y"]')).toHaveAttribute('data-value', String(own.effLr[1]));
  // The step in words.
  await expect(page.locator('.step-sentence')).toContainText(/^Step 12: the gradient is \(.+\); the first moment is m = /);
  await expect(page.locator('.step-sentence')).toContainText('bias correction divides m by 1 − β₁ᵗ');

  // Another step, and step 0.
  await seekTo(page, 40);
  expect((await panelNumbers(page)).v_x).toBe((await adamInPage(page, adam, 40)).v[0]);
  await seekTo(page, 0);
  await expect(page.locator('.step-sentence')).toContainText('Step 0: before the first step');
  await expect(page.locator('.rule-step-label')).toHaveText('Before the first step');

  // Clicking another card's header selects that run.
  const head = page.locator('.run-card').first().locator('.run-head');
  await head.scrollIntoViewIfNeeded();
  const select = await head.locator('select').boundingBox();
  const eye = await head.locator('.run-toggle').boundingBox();
  if (!select || !eye) throw new Error('run card header not visible');
  await page.mouse.click((select.x + select.width + eye.x) / 2, eye.y + eye.height / 2);
  await expect(page.locator('.rule-panel')).toHaveAttribute('data-optimizer', 'sgd');
  await expectNoErrors(errors);
});

test('step by step: paused, the sentence large, the arrows advance it', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Play' }).click();
  const toggle = page.getByRole('button', { name: 'Step by step' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => window.__descent.store.getState().playing)).toBe(false);
  await expect(page.locator('.rule-panel')).toHaveClass(/is-step-mode/);
  const step = await page.evaluate(() => Math.floor(window.__descent.playhead.step));
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.step-sentence')).toHaveAttribute('data-step', String(step + 1));
  await expect(page.locator('.step-sentence')).toContainText(`Step ${step + 1}:`);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.locator('.step-sentence')).toHaveAttribute('data-step', String(step + 2));
  await page.getByRole('button', { name: 'Previous step' }).click();
  await expect(page.locator('.step-sentence')).toHaveAttribute('data-step', String(step + 1));
  const size = await page.locator('.step-sentence').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const body = await page.locator('.rule-step-label').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThan(body * 1.4);
  // Play leaves the mode.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expectNoErrors(errors);
});

test('bias correction and a learning-rate schedule change a run’s path', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const adamId = await page.evaluate(() => window.__descent.store.getState().runs[5].id);
  const card = page.locator(`[data-run-card="${adamId}"]`);
  const before = await pathOf(page, 5);
  const bias = card.getByRole('checkbox', { name: 'Bias correction' });
  await expect(bias).toBeChecked();
  await bias.uncheck();
  expect(await page.evaluate(() => window.__descent.store.getState().runs[5].biasCorrection)).toBe(false);
  const uncorrected = await pathOf(page, 5);
  expect(uncorrected).not.toEqual(before);
  // Only optimizers with bias correction offer it.
  await expect(page.locator('.run-card').first().getByRole('checkbox', { name: 'Bias correction' })).toHaveCount(0);

  const sgdBefore = await pathOf(page, 0);
  const sgdCard = page.locator('.run-card').first();
  await sgdCard.getByRole('combobox', { name: 'Learning-rate schedule' }).selectOption('step');
  const schedule = await page.evaluate(() => window.__descent.store.getState().runs[0].schedule);
  expect(schedule.kind).toBe('step');
  const stepped = await pathOf(page, 0);
  expect(stepped).not.toEqual(sgdBefore);
  const every = sgdCard.getByRole('spinbutton', { name: 'Every (steps)' });
  await every.fill('10');
  await every.press('Enter');
  expect(await page.evaluate(() => window.__descent.store.getState().runs[0].schedule)).toEqual({ ...schedule, every: 10 });
  expect(await pathOf(page, 0)).not.toEqual(stepped);
  // The rule panel shows η after the schedule.
  await page.getByRole('button', { name: 'Show the update rule of SGD' }).click();
  await seekTo(page, 25);
  // StepLR: η·γ^⌊(t − 1)/every⌋ = η·0.5² at step 25.
  const base = await page.evaluate(() => window.__descent.store.getState().runs[0].params.lr);
  const shown = await panelNumbers(page);
  expect(shown.eta).toBe(base * 0.25);
  expect(shown.eta_base).toBe(base);
  // SGD's rule with these numbers gives the drawn point.
  expect(shown.x).toBe(shown.x_prev - shown.eta * shown.g_x);
  expect(shown.y).toBe(shown.y_prev - shown.eta * shown.g_y);
  await sgdCard.getByRole('combobox', { name: 'Learning-rate schedule' }).selectOption('constant');
  expect(await pathOf(page, 0)).toEqual(sgdBefore);
  await expectNoErrors(errors);
});

test('gradient noise moves every path, and the same seed gives the same path', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const clean = await Promise.all([0, 1, 5].map((i) => pathOf(page, i)));
  const sigma = page.getByRole('spinbutton', { name: 'Gradient noise σ' });
  await sigma.fill('0.5');
  await sigma.press('Enter');
  expect(await page.evaluate(() => window.__descent.store.getState().noise.sigma)).toBe(0.5);
  const noisy = await Promise.all([0, 1, 5].map((i) => pathOf(page, i)));
  for (let i = 0; i < noisy.length; i++) expect(noisy[i]).not.toEqual(clean[i]);

  // A new seed, a new path; the old seed, the old path again.
  const seed = page.getByRole('spinbutton', { name: 'Noise seed' });
  const first = await seed.inputValue();
  await page.getByRole('button', { name: 'New seed' }).click();
  await expect(seed).not.toHaveValue(first);
  expect(await pathOf(page, 0)).not.toEqual(noisy[0]);
  await seed.fill(first);
  await seed.press('Enter');
  expect(await pathOf(page, 0)).toEqual(noisy[0]);
  // Off and on again: the same noise.
  await page.getByRole('slider', { name: 'Gradient noise σ' }).fill('0');
  expect(await pathOf(page, 0)).toEqual(clean[0]);
  await sigma.fill('0.5');
  await sigma.press('Enter');
  expect(await pathOf(page, 0)).toEqual(noisy[0]);

  // The panel's gradient is the noisy one the path used.
  await page.getByRole('button', { name: 'Show the update rule of Momentum' }).click();
  await seekTo(page, 7);
  const n = await panelNumbers(page);
  // The gradient shown is not the surface's own: it carries the noise the path used ...
  const clean7 = await gradientAt(page, 1, 7);
  expect(n.g_x).not.toBe(clean7[0]);
  // ... and momentum's rule with these numbers gives the drawn point.
  expect(n.v_x).toBe(n.rho * n.v_x_prev + n.g_x);
  expect(n.v_y).toBe(n.rho * n.v_y_prev + n.g_y);
  expect(n.x).toBe(n.x_prev - n.eta * n.v_x);
  expect(n.y).toBe(n.y_prev - n.eta * n.v_y);
  const drawn = await pathOf(page, 1);
  expect(n.x).toBe(drawn[7]);
  await expect(page.locator('.step-sentence')).toContainText('the gradient, noise included, is');
  await expectNoErrors(errors);
});

test('a penalty changes every path; the panel speaks Korean', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const clean = await pathOf(page, 0);
  await page.getByRole('button', { name: 'L1: λ(|x| + |y|)' }).click();
  const lambda = page.getByRole('spinbutton', { name: 'Penalty λ' });
  await lambda.fill('0.3');
  await lambda.press('Enter');
  expect(await page.evaluate(() => window.__descent.store.getState().penalty)).toEqual({ kind: 'l1', lambda: 0.3 });
  expect(await pathOf(page, 0)).not.toEqual(clean);
  await seekTo(page, 3);
  // The gradient shown is the penalized surface's.
  const n = await panelNumbers(page);
  expect([n.g_x, n.g_y]).toEqual(await gradientAt(page, 0, 3));

  await page.evaluate(() => window.__descent.store.getState().setLang('ko'));
  await expect(page.getByRole('heading', { name: '업데이트 규칙' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '노이즈와 규제' })).toBeVisible();
  await expect(page.getByRole('button', { name: '한 스텝씩' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '학습률 스케줄' }).first()).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '편향 보정' }).first()).toBeVisible();
  await expect(page.locator('.step-sentence')).toContainText(/^3 스텝: 기울기는 \(.+\)입니다\./);
  await expectNoErrors(errors);
});

test('the panel follows a change of optimizer at once, and repaints when unfolded', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  await seekTo(page, 5);
  await expect(page.locator('.rule-panel')).toHaveAttribute('data-optimizer', 'sgd');
  await expect(page.getByRole('group', { name: 'Effective learning rate' })).toHaveCount(0);
  await page.locator('.run-card').first().getByRole('combobox', { name: 'Optimizer' }).selectOption('adam');
  await expect(page.locator('.rule-panel')).toHaveAttribute('data-optimizer', 'adam');
  const own = await adamInPage(page, 0, 5);
  const eff = page.getByRole('group', { name: 'Effective learning rate' });
  await expect(eff.locator('[data-symbol="effLr_x"]')).toHaveAttribute('data-value', String(own.effLr[0]));
  expect((await panelNumbers(page)).m_x).toBe(own.m[0]);

  // Folded, the panel does no work; unfolded, it shows the step the playhead is on.
  const summary = page.locator('.rule-section > summary');
  await summary.click();
  await expect(page.locator('.rule-section')).not.toHaveAttribute('open', '');
  await page.evaluate(() => window.__descent.seek(9));
  await summary.click();
  await expect(page.locator('.rule-numbers')).toHaveAttribute('data-step', '9');
  await expectNoErrors(errors);
});

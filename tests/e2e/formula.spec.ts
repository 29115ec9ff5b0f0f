import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { canvasPixels, expectNoErrors, nextFrames, openApp, pixelDistance, watchErrors } from './helpers';
import './window';

// Typed formulas in the browser: the lazily loaded compiler, live typing, refusals that keep
// the last good surface, examples, the domain, and a page whose CSP forbids eval.

const ASSETS = fileURLToPath(new URL('../../dist/assets/', import.meta.url));

/**
 * The built chunks only typed formulas need (mathjs and the compiler). Found by what they
 * contain rather than by name, so that a renamed or re-split chunk cannot slip past the test.
 */
function formulaChunks(): string[] {
  const files = readdirSync(ASSETS);
  // The map workers carry their own copy of the compiler, fetched by a worker for a map of a typed
  // surface: not the page's.
  const workerOnly = new Set(files.filter((f) => f.startsWith('mapWorker-')).flatMap((f) => readFileSync(ASSETS + f, 'utf8').match(/[\w-]+\.js/g) ?? []));
  return files.filter((f) => f.endsWith('.js') && !workerOnly.has(f) && /simplifyCore|the formula is empty/.test(readFileSync(ASSETS + f, 'utf8')));
}

async function openFormula(page: Page): Promise<Locator> {
  await page.getByRole('combobox', { name: 'Loss surface' }).selectOption('custom');
  return page.getByRole('textbox', { name: 'Formula f(x, y)' });
}

/** The parts of the scene a typed formula may change, and those it must not. */
function sceneState(page: Page) {
  return page.evaluate(() => {
    const s = window.__descent.store.getState();
    return { surfaceId: s.surfaceId, expr: s.custom?.expr ?? null, domain: s.custom?.domain ?? null, start: s.start, steps: s.steps, runs: s.runs };
  });
}

async function typed(page: Page, field: Locator, expr: string): Promise<void> {
  await field.fill(expr);
  await expect.poll(async () => (await sceneState(page)).expr).toBe(expr);
}

test('the formula compiler is downloaded only once the formula editor opens', async ({ page }) => {
  const chunks = formulaChunks();
  expect(chunks.length).toBeGreaterThan(0);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const errors = watchErrors(page);
  await openApp(page);
  await page.getByRole('combobox', { name: 'Loss surface' }).selectOption('rosenbrock');
  await nextFrames(page);
  const lazy = () => requested.filter((url) => chunks.some((c) => url.endsWith(`/${c}`)));
  expect(lazy()).toEqual([]);
  // By name too (a chunk named after the formula compiler or mathjs); plainFormula, the text
  // setting of a built-in surface's formula, is the first frame's own.
  expect(requested.filter((url) => /\/(formula|mathjs)[\w-]*\.js$/i.test(url))).toEqual([]);

  await openFormula(page);
  await expect.poll(() => lazy().length).toBe(chunks.length);
  await expectNoErrors(errors);
});

test('typing a formula replaces the surface and the paths run on it', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const before = await canvasPixels(page);
  const field = await openFormula(page);
  // An empty field gets a hint, not an error.
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await expect(field).toHaveAccessibleDescription(/Type a function of x and y/);
  await field.pressSequentially('x^2 + 3y^2', { delay: 20 });
  await expect.poll(async () => (await sceneState(page)).surfaceId).toBe('custom');
  const scene = await page.evaluate(() => {
    const s = window.__descent.store.getState();
    const c = window.__descent.computeScene(s);
    const p = c.runs[0].path;
    return { same: c.surface === s.custom?.surface, formula: c.surface.formula, x: p.x[1], y: p.y[1], loss: p.loss[1] };
  });
  expect(scene.same).toBe(true);
  expect(scene.formula).toMatch(/x\s*\^\s*2\s*\+\s*3\s*\*?\s*y\s*\^\s*2/);
  expect(scene.loss).toBeCloseTo(scene.x ** 2 + 3 * scene.y ** 2, 9);
  await expect(page.locator('.formula-gradient')).toContainText('6·y');
  const after = await canvasPixels(page);
  expect(pixelDistance(before, after)).toBeGreaterThan(3);
  await expectNoErrors(errors);
});

test('a broken formula says what is wrong and keeps the last good surface', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const field = await openFormula(page);
  await typed(page, field, 'x^2 + 3y^2');
  const good = await sceneState(page);
  const goodPixels = await canvasPixels(page);

  await field.fill('(x + 1))');
  await expect(field).toHaveAccessibleDescription(/unexpected '\)' at character 8/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(await sceneState(page)).toEqual(good);
  expect(pixelDistance(goodPixels, await canvasPixels(page))).toBeLessThan(0.5);

  await field.fill('z^2');
  await expect(field).toHaveAccessibleDescription(/unknown variable z/);
  expect(await sceneState(page)).toEqual(good);

  // Away to a built-in surface and back: the field keeps its text, the scene its last good formula.
  const picker = page.getByRole('combobox', { name: 'Loss surface' });
  await picker.selectOption('bowl');
  await expect(field).toBeHidden();
  await picker.selectOption('custom');
  await expect(field).toHaveValue('z^2');
  expect((await sceneState(page)).expr).toBe('x^2 + 3y^2');
  expect((await sceneState(page)).surfaceId).toBe('custom');
  await expectNoErrors(errors);
});

test('an example fills the field and the domain at once, in either language', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const field = await openFormula(page);
  await page.getByRole('button', { name: 'Egg crate' }).click();
  await expect(field).toHaveValue('sin(x) * cos(y)');
  await expect.poll(async () => (await sceneState(page)).domain).toEqual({ x: [-4, 4], y: [-4, 4] });
  await expect(page.getByRole('spinbutton', { name: 'x min' })).toHaveValue('-4');

  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: '계란판' })).toBeVisible();
  const koField = page.getByRole('textbox', { name: '수식 f(x, y)' });
  await koField.fill('x^2 + q');
  await expect(koField).toHaveAccessibleDescription(/알 수 없는 변수 q/);
  await expectNoErrors(errors);
});

test('the domain fields change the domain, and refuse min ≥ max', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  // The other way in: the button beside the menu, which puts the cursor in the field.
  await page.getByRole('button', { name: 'Type a formula' }).click();
  const field = page.getByRole('textbox', { name: 'Formula f(x, y)' });
  await expect(field).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Loss surface' })).toHaveValue('custom');
  await typed(page, field, 'x^2 + 3y^2');
  const before = await canvasPixels(page);

  const xMax = page.getByRole('spinbutton', { name: 'x max' });
  await xMax.fill('6');
  await xMax.press('Enter');
  await expect.poll(async () => (await sceneState(page)).domain).toEqual({ x: [-3, 6], y: [-3, 3] });
  const domain = await page.evaluate(() => window.__descent.computeScene(window.__descent.store.getState()).surface.domain);
  expect(domain).toEqual({ x: [-3, 6], y: [-3, 3] });
  expect(pixelDistance(before, await canvasPixels(page))).toBeGreaterThan(1);

  const yMin = page.getByRole('spinbutton', { name: 'y min' });
  await yMin.fill('5');
  await yMin.press('Enter');
  await expect(yMin).toHaveAttribute('aria-invalid', 'true');
  await expect(yMin).toHaveAccessibleDescription('y min must be less than y max.');
  expect((await sceneState(page)).domain).toEqual({ x: [-3, 6], y: [-3, 3] });
  await expectNoErrors(errors);
});

test('under a CSP that forbids eval, formulas still compile (to closures)', async ({ page }) => {
  await page.route(
    (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
    async (route) => {
      const response = await route.fetch();
      const csp = `<meta http-equiv="Content-Security-Policy" content="script-src 'self'; worker-src 'self'">`;
      await route.fulfill({ response, body: (await response.text()).replace('<head>', `<head>${csp}`) });
    },
  );
  const errors = watchErrors(page);
  await openApp(page);
  const field = await openFormula(page);
  await typed(page, field, 'x^2 + 3y^2');
  await expect(page.locator('.formula-editor')).toHaveAttribute('data-compile-mode', 'closures');
  const step = await page.evaluate(() => {
    const p = window.__descent.computeScene(window.__descent.store.getState()).runs[0].path;
    return { x: p.x[1], y: p.y[1], loss: p.loss[1] };
  });
  expect(step.loss).toBeCloseTo(step.x ** 2 + 3 * step.y ** 2, 9);
  // The compiler's one probe of new Function is refused, and reported, by design.
  await expectNoErrors(errors.filter((e) => !/unsafe-eval/.test(e)));
});

import { expect, test, type Page } from '@playwright/test';
import { expectNoErrors, nextFrames, openApp, watchErrors } from './helpers';
import './window';

// The lecture hall (presentation mode), the light theme, the Korean UI, and a page that loads
// nothing from anywhere but its own origin.

function fontSize(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

test('presentation mode: large type, the panel hidden until asked for, all from the keyboard', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  const rootBefore = await fontSize(page, 'html');
  const cellBefore = await fontSize(page, '.legend-table td[data-field="loss"]');
  await expect(page.locator('.panel')).toBeVisible();

  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'true');
  expect(await page.evaluate(() => window.__descent.store.getState().presentation)).toBe(true);
  expect(await fontSize(page, 'html')).toBeGreaterThanOrEqual(1.5 * rootBefore);
  expect(await fontSize(page, '.legend-table td[data-field="loss"]')).toBeGreaterThanOrEqual(1.5 * cellBefore);
  // The panel is gone, the canvas takes the width.
  await expect(page.locator('.panel')).toBeHidden();
  const stage = await page.locator('.stage').boundingBox();
  expect(stage?.width).toBeGreaterThan(1900);

  // S brings the panel back as a drawer with focus inside it; Esc puts it away, focus on its button.
  await page.keyboard.press('s');
  await expect(page.locator('.panel')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.querySelector('.panel')?.contains(document.activeElement) ?? false)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.locator('.panel')).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Settings panel' });
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // Enter on the focused button opens it again: no mouse needed.
  await page.keyboard.press('Enter');
  await expect(page.locator('.panel')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  // Playback keys keep working while presenting.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBe(1);

  // The button in the view controls leaves the mode; the panel is back in its place.
  const button = page.getByRole('button', { name: 'Presentation mode' });
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await button.click();
  await expect(page.locator('html')).toHaveAttribute('data-presentation', 'false');
  await expect(page.locator('.panel')).toBeVisible();
  expect(await fontSize(page, 'html')).toBeCloseTo(rootBefore, 1);
  await expectNoErrors(errors);
});

test('the light theme repaints the page, the stage and the chart, and back', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  const colours = () =>
    page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      // The scene (bar, canvas, key) carries the stage's gradient; the legend sits in the dock.
      stage: getComputedStyle(document.querySelector('.scene') as Element).backgroundImage,
      panel: getComputedStyle(document.querySelector('.panel') as Element).backgroundColor,
      legend: getComputedStyle(document.querySelector('.dock') as Element).backgroundColor,
      text: getComputedStyle(document.body).color,
      scheme: getComputedStyle(document.documentElement).colorScheme,
    }));
  const dark = await colours();
  expect(dark.scheme).toBe('dark');

  const toggle = page.getByRole('button', { name: 'Light theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await page.evaluate(() => window.__descent.store.getState().theme)).toBe('light');
  const light = await colours();
  expect(light.scheme).toBe('light');
  for (const key of ['body', 'stage', 'panel', 'legend', 'text'] as const) expect(light[key], key).not.toBe(dark[key]);
  // Light backgrounds, dark text.
  const brightness = (rgb: string) => {
    const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
    return (r + g + b) / 3;
  };
  expect(brightness(light.body)).toBeGreaterThan(200);
  expect(brightness(light.text)).toBeLessThan(80);

  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await colours()).toEqual(dark);
  await expectNoErrors(errors);
});

// Latin words the Korean UI may show: proper names (optimizers, surfaces, the app, the file
// formats), the language switch's "English", key names, and math.
const ALLOWED = new Set([
  'Descent',
  // The Stanford course the bias-correction lesson names (CS231n).
  'CS',
  'SGD',
  'Nesterov',
  'AdaGrad',
  'RMSProp',
  'AdaDelta',
  'Adam',
  'AMSGrad',
  'AdamW',
  'Adamax',
  'RAdam',
  'PyTorch',
  'Keras',
  'Rprop',
  'ASGD',
  'BFGS',
  'Wolfe',
  'Lion',
  'Signum',
  'Shampoo',
  'SAM',
  'Lookahead',
  'SF',
  'NAdam',
  'Newton',
  'Rosenbrock',
  'Booth',
  'Matyas',
  'Beale',
  'Himmelblau',
  'Styblinski',
  'Tang',
  'Rastrigin',
  'Ackley',
  'Goldstein',
  'Price',
  'English',
  'Esc',
  'WebGL',
  'PNG',
  'CSV',
  'JSON',
  'WebM',
  // Math: function names a formula may use, and f − min f on the chart's axis.
  'min',
  'max',
  'sin',
  'cos',
  'tan',
  'exp',
  'log',
  'ln',
  'sqrt',
  'abs',
  'sinh',
  'cosh',
  'tanh',
  'pi',
]);

/** Every word of two or more Latin letters the user can see or hear (text, labels, titles). */
function latinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // KaTeX's MathML copy holds TeX source for screen readers' math mode, not words; code
      // (the PyTorch and Keras calls) is spelled the same in every language.
      if (!parent || parent.closest('script, style, .katex-mathml, code')) continue;
      if (!parent.checkVisibility() && !parent.closest('option')) continue;
      texts.push(node.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext], [alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'aria-valuetext', 'alt']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts.flatMap((t) => t.match(/[A-Za-z]{2,}/g) ?? []);
  });
}

async function expectKorean(page: Page, where: string): Promise<void> {
  const english = [...new Set(await latinWords(page))].filter((w) => !ALLOWED.has(w));
  expect(english, `${where}: English left in the Korean UI`).toEqual([]);
}

test('the Korean UI shows no English words', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  // The walk does see words: the English UI is full of them.
  expect((await latinWords(page)).filter((w) => !ALLOWED.has(w)).length).toBeGreaterThan(50);
  await page.evaluate(() => window.__descent.store.getState().setLang('ko'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.evaluate(() => window.__descent.seek(120));
  await nextFrames(page);
  await expectKorean(page, 'the default scene');

  // A refused input's notice, the help, presentation mode, the light theme.
  await page.evaluate(() => {
    const s = window.__descent.store.getState();
    s.setParam(s.runs[0].id, 'lr', -1);
  });
  await expect(page.locator('.notice')).toBeVisible();
  await expectKorean(page, 'a notice');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectKorean(page, 'the shortcuts');
  await page.keyboard.press('Escape');
  await page.keyboard.press('p');
  await page.keyboard.press('s');
  await page.evaluate(() => window.__descent.store.getState().setTheme('light'));
  await expectKorean(page, 'presentation mode');
  await page.keyboard.press('p');

  // The formula editor and a formula's error.
  await page.getByRole('combobox', { name: '손실 곡면' }).selectOption('custom');
  const field = page.getByRole('textbox', { name: /수식/ });
  await expect(field).toBeVisible();
  await field.fill('x^2 + q');
  await expect(page.locator('.formula-editor [aria-invalid="true"], .formula-editor .field-error').first()).toBeVisible();
  await expectKorean(page, 'the formula editor');

  // The embed's own controls.
  await page.evaluate(() => window.__descent.store.getState().loadScene({ embed: { enabled: true, controls: ['lr', 'rho'] } }));
  await expect(page.locator('.embed-controls')).toBeVisible();
  await expectKorean(page, 'the embed');
  await expectNoErrors(errors);
});

test('nothing is loaded from another origin: load, play, the formula editor, Korean', async ({ page, context }) => {
  const errors = watchErrors(page);
  const urls: string[] = [];
  // The context sees the page's requests, its workers' and its service worker's alike.
  context.on('request', (r) => urls.push(r.url()));
  await openApp(page);
  const origin = new URL(page.url()).origin;
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => page.evaluate(() => window.__descent.playhead.step), { timeout: 10_000 }).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('combobox', { name: 'Loss surface' }).selectOption('custom');
  const field = page.getByRole('textbox', { name: 'Formula f(x, y)' });
  await field.fill('sin(x) * cos(y) + x^2 / 10');
  await expect(page.locator('.formula-editor .katex').first()).toBeVisible();
  await page.evaluate(() => window.__descent.store.getState().setLang('ko'));
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await nextFrames(page);

  expect(urls.length).toBeGreaterThan(3);
  const foreign = urls.filter((u) => !(u.startsWith(`${origin}/`) || u.startsWith('data:') || u.startsWith('blob:')));
  expect(foreign).toEqual([]);
  await expectNoErrors(errors);
});

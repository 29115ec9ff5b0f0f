import { expect, test, type Page } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// What loads when: the first frame of the scene needs neither KaTeX, nor the update-rule panel,
// nor the Korean font's stylesheets; they come after it, and nothing on the page moves when
// they arrive. The service worker is blocked so that every request goes through the network
// (and page.route), where the test can see and hold it.
test.use({ serviceWorkers: 'block' });

const DEFERRED = [/\/katex-[^/]*\.js$/, /\/katex-[^/]*\.css$/, /\/UpdateRulePanel-[^/]*\.js$/, /\/[4-7]00-[^/]*\.css$/];

/** Start times of the deferred files the page fetched, and of its first frame. */
function timings(page: Page) {
  return page.evaluate((patterns) => {
    const res = performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime }));
    const deferred = res.filter((r) => patterns.some((p) => new RegExp(p).test(r.name)));
    const frame = performance.getEntriesByName('descent:first-frame')[0]?.startTime ?? Number.NaN;
    return { deferred, frame };
  }, DEFERRED.map((r) => r.source));
}

test('KaTeX, the update-rule panel and the Korean font sheets are fetched only after the first frame', async ({ page }) => {
  const errors = watchErrors(page);
  await openApp(page);
  // Then they come by themselves: the formula is typeset, the rule panel is there.
  await expect(page.locator('.surface-picker .formula')).toHaveAttribute('data-typeset', 'true');
  await expect(page.locator('.rule-panel')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-korean-font', 'loaded');
  const { deferred, frame } = await timings(page);
  expect(Number.isFinite(frame)).toBe(true);
  // Every kind was fetched (KaTeX's script and sheet, the panel, four font weights)…
  for (const pattern of DEFERRED) expect(deferred.some((r) => pattern.test(r.name)), String(pattern)).toBe(true);
  // …and none of them before the first frame.
  for (const r of deferred) expect(r.start, r.name).toBeGreaterThan(frame);
  await expectNoErrors(errors);
});

test('a Korean page asks for its font at once, not after the first frame', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (/\/[4-7]00-[^/]*\.css$/.test(r.url())) asked.push(r.url());
  });
  await page.goto('/?lang=ko');
  // Before the scene has drawn anything (no waiting for data-ready here).
  await expect.poll(() => asked.length, { timeout: 20_000 }).toBe(4);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
});

test('the formula is readable text first, and nothing moves when KaTeX takes over', async ({ page }) => {
  const errors = watchErrors(page);
  // Hold KaTeX until the text version has been measured.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/katex-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page, '?surface=rosenbrock');
  const formula = page.locator('.surface-picker .formula');
  await expect(formula).toHaveAttribute('data-typeset', 'false');
  await expect(formula).toContainText('f(x, y) = (1 − x)² + 100(y − x²)²');
  const box = async () => {
    const f = await formula.boundingBox();
    const lesson = await page.locator('.surface-picker .lesson').boundingBox();
    return { height: f?.height ?? 0, lessonTop: lesson?.y ?? 0 };
  };
  const before = await box();
  release();
  await expect(formula).toHaveAttribute('data-typeset', 'true');
  await expect(formula.locator('.katex')).toBeVisible();
  const after = await box();
  expect(after.height).toBeCloseTo(before.height, 0);
  expect(after.lessonTop).toBeCloseTo(before.lessonTop, 0);
  await expectNoErrors(errors);
});

for (const [width, height] of [
  [390, 844],
  [1280, 720],
] as const) {
  test(`Goldstein–Price's formula wraps inside the panel at ${width}×${height}, typeset and as text`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/katex-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await openApp(page, '?surface=goldstein-price');
    const formula = page.locator('.surface-picker .formula');
    const overflow = () => formula.evaluate((el) => el.scrollWidth - el.clientWidth);
    await expect(formula).toHaveAttribute('data-typeset', 'false');
    expect(await overflow()).toBeLessThanOrEqual(1);
    release();
    await expect(formula).toHaveAttribute('data-typeset', 'true');
    expect(await overflow()).toBeLessThanOrEqual(1);
    // Wrapped over several lines, at a readable size (not shrunk to fit one line).
    const lines = await formula.locator('.formula-tex').evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    expect(lines).toBeGreaterThanOrEqual(1.9);
    const size = await formula.locator('.katex').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(12);
  });
}

test('√ is drawn from KaTeX’s font, whose radical has no stray bar (lesson 6’s caption)', async ({ page }) => {
  await openApp(page, '?lesson=adam-bias-correction');
  const caption = page.locator('.lesson-caption-text');
  await expect(caption).toContainText('√0.001');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const fonts = await platformFonts(page, '.lesson-caption-text');
  expect(fonts.map((f) => f.familyName)).toContain('KaTeX_Main');
});

test('Korean at weight 600 is drawn from a 600 face, as Latin beside it is (not from the 700 one)', async ({ page }) => {
  await openApp(page, '?lang=ko');
  await expect(page.locator('html')).toHaveAttribute('data-korean-font', 'loaded');
  const label = page.locator('.run-explain-label').first();
  await expect(label).toHaveText('규칙');
  expect(await label.evaluate((el) => getComputedStyle(el).fontWeight)).toBe('600');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect.poll(async () => (await platformFonts(page, '.run-explain-label')).map((f) => f.postScriptName).join(' ')).toMatch(/NotoSansKR.*SemiBold/);
});

/** The fonts Chromium drew an element's text with (DevTools protocol). */
async function platformFonts(page: Page, selector: string): Promise<Array<{ familyName: string; postScriptName: string }>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

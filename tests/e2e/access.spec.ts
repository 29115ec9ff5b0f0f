import { expect, test, type Page } from '@playwright/test';
import { expectNoErrors, openApp, watchErrors } from './helpers';
import './window';

// Readers who do not use a mouse, who read large text, who ask for less motion: the keyboard
// reaches every control and shows where it is, 200 % text keeps every control on the page, and
// nothing moves unless asked to.

/** What the page can be operated with: its buttons, fields, links and anything given a tab stop. */
const INTERACTIVE = 'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Numbers every interactive element a reader can see and reach (not disabled, not inside a closed
 * <details> or an inert or hidden part) with data-kb, and returns how many.
 */
async function markReachable(page: Page): Promise<number> {
  return page.evaluate((selector) => {
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      el.removeAttribute('data-kb');
      if ((el as HTMLButtonElement).disabled || el.tabIndex < 0 || el.closest('[inert], [aria-hidden="true"]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
      el.setAttribute('data-kb', String(n++));
    }
    return n;
  }, INTERACTIVE);
}

interface Stop {
  readonly kb: string | null;
  readonly name: string;
  /** A ring drawn by the element, its field's frame or the switch beside it (outline or box shadow). */
  readonly ring: boolean;
}

/** The focused element and whether it, or the frame around it, draws an outline or a shadow ring. */
function focusedStop(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const ringed = (e: Element | null) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}"`;
    // A field inside a framed group (x −4) rings the group; a switch rings the track beside it.
    const ring = el.matches(':focus-visible') && (ringed(el) || ringed(el.closest('.input-group')) || ringed(el.nextElementSibling));
    return { kb: el.getAttribute('data-kb'), name, ring };
  });
}

/** Pixels that differ between two PNGs of the same size, decoded in the page. */
async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a64, b64]) => {
      const decode = async (data: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${data}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height).data;
      };
      const [pa, pb] = await Promise.all([decode(a64), decode(b64)]);
      let n = 0;
      for (let i = 0; i < Math.min(pa.length, pb.length); i += 4) {
        if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) > 60) n++;
      }
      return n;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/**
 * A focus ring drawn where styles cannot see it (a slider's thumb): the pixels around the element
 * with the focus and without. The focus is given back, so the tab order goes on from here.
 */
async function ringInPixels(page: Page): Promise<boolean> {
  const focused = page.locator(':focus');
  const box = await focused.boundingBox();
  if (!box) return false;
  const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6), width: box.width + 12, height: box.height + 12 };
  const withFocus = await page.screenshot({ clip });
  await focused.evaluate((el) => (el as HTMLElement).setAttribute('data-kb-probe', ''));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const without = await page.screenshot({ clip });
  // Focused again from the keyboard's point of view: the last input was a key, so it shows as such.
  await page.locator('[data-kb-probe]').evaluate((el) => {
    el.removeAttribute('data-kb-probe');
    (el as HTMLElement).focus();
  });
  return (await differingPixels(page, withFocus, without)) >= 12;
}

test('the keyboard reaches every control in turn, always shows where it is, and moves the camera', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openApp(page);
  const reachable = await markReachable(page);
  expect(reachable).toBeGreaterThan(60);

  const reached = new Set<string>();
  const unringed: string[] = [];
  // Kinds of element whose ring was looked for in pixels: one look per kind is enough.
  const lookedAt = new Map<string, boolean>();
  let stops = 0;
  let first: string | null = null;
  for (; stops < 500; stops++) {
    await page.keyboard.press('Tab');
    const stop = await focusedStop(page);
    if (!stop) break; // past the last control, back to the page itself
    if (stop.kb !== null) {
      if (stop.kb === first) break; // round again
      first ??= stop.kb;
      reached.add(stop.kb);
    }
    if (stop.ring) continue;
    const kind = stop.name.replace(/ ".*$/, '');
    if (!lookedAt.has(kind)) lookedAt.set(kind, await ringInPixels(page));
    if (!lookedAt.get(kind)) unringed.push(stop.name);
  }
  expect(stops).toBeLessThan(500);
  expect(unringed, 'controls focused without a visible ring').toEqual([]);
  const missed = await page.evaluate(
    (seen) =>
      [...document.querySelectorAll<HTMLElement>('[data-kb]')]
        .filter((el) => !seen.includes(el.getAttribute('data-kb') ?? ''))
        .map((el) => `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}"`),
    [...reached],
  );
  expect(missed, 'controls the Tab key never reached').toEqual([]);

  // Shift+Tab walks back the same way.
  await page.locator('[data-kb="3"]').focus();
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kb'))).toBe('2');

  // And what the keyboard reaches, it operates: Enter on Play plays; an arrow moves a slider.
  const play = page.getByRole('button', { name: 'Play' });
  await play.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().playing)).toBe(true);
  await page.getByRole('button', { name: 'Pause' }).press('Enter');
  const lr = page.getByRole('slider', { name: 'Learning rate η' }).first();
  const before = await page.evaluate(() => window.__descent.store.getState().runs[0].params.lr);
  await lr.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.__descent.store.getState().runs[0].params.lr)).toBeLessThan(before);

  // The camera too, as a drag and the wheel move it: Shift + ← turns the view, + brings it closer.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const distance = () =>
    page.evaluate(() => {
      const pose = window.__descent.store.getState().camera;
      return pose ? Math.hypot(...pose.position.map((p, i) => p - pose.target[i])) : null;
    });
  const stepBefore = await page.evaluate(() => window.__descent.playhead.step);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(distance).not.toBeNull();
  const far = (await distance()) ?? 0;
  const turned = await page.evaluate(() => window.__descent.store.getState().camera?.position);
  await page.keyboard.press('+');
  await expect.poll(async () => (await distance()) ?? far).toBeLessThan(far * 0.9);
  // Neither key stepped the playback.
  expect(await page.evaluate(() => window.__descent.playhead.step)).toBe(stepBefore);
  expect(turned).toBeDefined();
  await expectNoErrors(errors);
});

/** The browser's own text size (Settings → Appearance → Font size), as a reader sets it. */
async function setBrowserTextSize(page: Page, px: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: Math.round((px * 13) / 16) } });
}

const rootPx = (page: Page) => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`text at 200 % at ${size.width}×${size.height}: larger type, and every control still on the page and within reach`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    await page.setViewportSize(size);
    await openApp(page);
    const usual = await rootPx(page);
    await setBrowserTextSize(page, 32);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
    // The extra 16 px of the reader's setting adds 13 px to the UI's type: 26 px and up, never less than 1.5×.
    expect(await rootPx(page)).toBeGreaterThanOrEqual(Math.max(26, usual * 1.5) - 0.1);

    // Nothing runs off the side of the page, and the surface keeps a stage of its own.
    const layout = await page.evaluate(() => {
      const stage = document.querySelector('.stage canvas')?.getBoundingClientRect();
      return { overflow: document.documentElement.scrollWidth - window.innerWidth, stageWidth: stage?.width ?? 0, stageHeight: stage?.height ?? 0 };
    });
    expect(layout.overflow).toBeLessThanOrEqual(1);
    expect(layout.stageWidth).toBeGreaterThan(size.width * 0.5);
    expect(layout.stageHeight).toBeGreaterThan(200);

    // Every control, once focused (the browser brings it into view), is the thing under the
    // pointer there: not behind the pinned canvas or another part, not cut off by its box.
    await markReachable(page);
    const buried = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('[data-kb]')) {
        el.focus();
        const box = el.getBoundingClientRect();
        const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
        const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
        const hit = document.elementFromPoint(x, y);
        const onTop = hit !== null && (hit === el || el.contains(hit) || hit.contains(el) || (el.tagName === 'INPUT' && hit.closest('label') === el.closest('label')));
        const inView = box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth;
        if (!onTop || !inView) out.push(`${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}" under ${hit?.tagName.toLowerCase()}.${String(hit?.className)}`);
      }
      return out;
    });
    expect(buried).toEqual([]);
    await expectNoErrors(errors);
  });
}

test.describe('a reader who asked for less motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('nothing plays or glides on its own: the page, a lesson, presentation mode and an embed', async ({ page }) => {
    test.setTimeout(120_000);
    const errors = watchErrors(page);
    for (const query of ['', '?lesson=ravine-zigzag', '?present=1&lesson=saddle-escape', '?embed=1&controls=lr']) {
      await openApp(page, query);
      await page.waitForTimeout(1500);
      const still = await page.evaluate(() => ({ playing: window.__descent.store.getState().playing, step: window.__descent.playhead.step }));
      expect(still, query).toEqual({ playing: false, step: 0 });
    }
    // The page's own transitions are off: a section's chevron turns at once.
    await openApp(page);
    const chevron = page.locator('.panel-section-chevron').first();
    expect(await chevron.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
    // Playback still works when the reader asks for it.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.evaluate(() => window.__descent.playhead.step)).toBeGreaterThan(0);
    await expectNoErrors(errors);
  });
});

test('without the request for less motion, the same chevron does turn (the rule above is what stops it)', async ({ page }) => {
  await openApp(page);
  const duration = await page.locator('.panel-section-chevron').first().evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(duration).not.toBe('0s');
});

test('nothing a reader types or links reaches the page as HTML', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const MARK = 'zq7';
  const PAYLOAD = `<img src=x data-${MARK} onerror="window.__pwned=1">"'><svg onload=window.__pwned=2>`;
  // Every way a string becomes markup, watched from before the app starts.
  await page.addInitScript((mark) => {
    const seen: string[] = [];
    Object.assign(window, { __htmlSinks: seen });
    const watch = (proto: object, prop: string) => {
      const d = Object.getOwnPropertyDescriptor(proto, prop);
      if (!d?.set) return;
      const set = d.set;
      Object.defineProperty(proto, prop, {
        ...d,
        set(this: Element, v: unknown) {
          if (String(v).includes(mark)) seen.push(`${prop}: ${String(v).slice(0, 80)}`);
          set.call(this, v);
        },
      });
    };
    watch(Element.prototype, 'innerHTML');
    watch(Element.prototype, 'outerHTML');
    watch(HTMLIFrameElement.prototype, 'srcdoc');
    const insert = Element.prototype.insertAdjacentHTML;
    Element.prototype.insertAdjacentHTML = function (this: Element, where: InsertPosition, html: string) {
      if (html.includes(mark)) seen.push(`insertAdjacentHTML: ${html.slice(0, 80)}`);
      insert.call(this, where, html);
    };
    const fragment = Range.prototype.createContextualFragment;
    Range.prototype.createContextualFragment = function (this: Range, html: string) {
      if (html.includes(mark)) seen.push(`createContextualFragment: ${html.slice(0, 80)}`);
      return fragment.call(this, html);
    };
  }, MARK);

  // A link carrying the payload in every place a link may hold text.
  const q = encodeURIComponent(PAYLOAD);
  await openApp(page, `?f=${q}&surface=${q}&lesson=${q}&runs=${q}&lang=${q}`);
  // Typed: a formula and an embed's title (the number fields take digits only: the browser refuses the rest).
  await page.getByRole('combobox', { name: 'Loss surface' }).selectOption('custom');
  await page.getByRole('textbox', { name: 'Formula f(x, y)' }).fill(PAYLOAD);
  await page.getByRole('textbox', { name: 'Formula f(x, y)' }).fill(`x^2 + y^2 ${PAYLOAD}`);
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Title/ }).fill(PAYLOAD);
  await page.waitForTimeout(1500);

  const found = await page.evaluate((mark) => ({
    sinks: (window as unknown as { __htmlSinks: string[] }).__htmlSinks,
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
    elements: document.querySelectorAll(`[data-${mark}]`).length,
  }), MARK);
  expect(found).toEqual({ sinks: [], pwned: null, elements: 0 });
  // The app kept working through all of it.
  await expect(page.locator('.stage canvas')).toBeVisible();
  await expectNoErrors(errors.filter((e) => !/Failed to load resource/.test(e)));
});

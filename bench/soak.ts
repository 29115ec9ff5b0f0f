// `npm run soak [-- --minutes N] [-- --warmup M]`: an hour-long lecture, fast-forwarded, in headless
// Chromium on the production build. Playback at the fastest speed, a learning-rate slider moved
// every second, a surface switch, a lesson switch and a 3D/2D toggle every minute. After the
// warm-up and at the end it brings the page back to the scene it opened on (paused at step 0),
// forces a garbage collection through the DevTools protocol and reads the JS heap, the DOM's
// counts and three.js's `renderer.info` (geometries, textures, programs). Each must grow by less
// than 10 % from the warm-up to the end, and the page must log no error. Not part of CI or
// `npm test`: it takes half an hour and a core. BENCH_DIST and BENCH_PORT as for the bench.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { DescentHandle } from './browserTypes';
import { origin, launchChromium, root, startServer } from './server';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(v > 0)) throw new Error(`--${name} takes a positive number of minutes`);
  return v;
}

/** Minutes measured after the warm-up (the issue's thirty), and the warm-up's length. */
const MINUTES = option('minutes', 30);
const WARMUP = option('warmup', 2);
/** Largest growth from the warm-up to the end that passes. */
const MAX_GROWTH = 0.1;

interface Sample {
  readonly minute: number;
  readonly heapMB: number;
  readonly nodes: number;
  readonly listeners: number;
  readonly geometries: number;
  readonly textures: number;
  readonly programs: number;
}

type Win = Window & { __descent: DescentHandle; __soakReference?: unknown };

const errors: string[] = [];
const warnings = new Map<string, number>();

function watch(page: Page): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    else if (m.type() === 'warning') warnings.set(m.text(), (warnings.get(m.text()) ?? 0) + 1);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('crash', () => errors.push('the page crashed'));
}

/** Waits for n animation frames (the canvas draws on demand; software GL takes its time). */
function frames(page: Page, n: number): Promise<void> {
  // A string, not a function: tsx would wrap the inner closure in its __name helper, which the page lacks.
  return page.evaluate(`new Promise((done) => {
    let left = ${n};
    const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  })`);
}

/** Plays at the fastest speed; a finished playback starts again from step 0. */
async function keepPlaying(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s = (window as unknown as Win).__descent.store.getState();
    if (s.speed !== 1000) s.setSpeed(1000);
    if (!s.playing) s.setPlaying(true);
  });
}

/** Moves the first learning-rate slider (as a user's input does) to a spot in its middle third. */
async function moveSlider(page: Page, k: number): Promise<void> {
  const frac = 0.35 + 0.3 * ((k * 0.618034) % 1);
  const moved = await page.evaluate((frac) => {
    const input = document.querySelector<HTMLInputElement>('input[type=range][aria-label="Learning rate η"]');
    if (!input) return false;
    // React tracks a field's value through its setter; the prototype's is what an input goes through.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, String(Number(input.min) + (Number(input.max) - Number(input.min)) * frac));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }, frac);
  if (!moved) {
    // A scene whose first run has no η slider in view: the same change through the store.
    await page.evaluate((frac) => {
      const s = (window as unknown as Win).__descent.store.getState();
      const run = s.runs[0];
      if (run) s.setParam(run.id, 'lr', (run.params.lr ?? 0.01) * (0.9 + 0.2 * frac));
    }, frac);
  }
}

async function switchSurface(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Loss surface' }).selectOption(id, { timeout: 30_000 });
}

/** Opens the nth lesson from the Lessons menu, as a lecturer does. */
async function switchLesson(page: Page, nth: number): Promise<void> {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click({ timeout: 30_000 });
  await page.getByRole('menu', { name: 'Lessons' }).getByRole('menuitemradio').nth(nth).click({ timeout: 30_000 });
}

async function toggleView(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s = (window as unknown as Win).__descent.store.getState();
    s.setView(s.view === '3d' ? '2d' : '3d');
  });
}

/** The scene the page opened on, paused at step 0, drawn; then a forced GC and the counts. */
async function sample(page: Page, cdp: CDPSession, minute: number): Promise<Sample> {
  await page.evaluate(() => {
    const w = window as unknown as Win;
    const s = w.__descent.store.getState();
    s.setPlaying(false);
    s.loadScene(w.__soakReference as Parameters<typeof s.loadScene>[0]);
    w.__descent.seek(0);
  });
  // A data surface or a lazy part may still arrive: let the scene settle before counting.
  await frames(page, 4);
  await page.waitForTimeout(1500);
  await frames(page, 2);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const gl = await page.evaluate(() => (window as unknown as Win).__descent.renderInfo());
  if (!gl) throw new Error('no WebGL view to count (window.__descent.renderInfo() is null)');
  return { minute, heapMB: heap.usedSize / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners, ...gl };
}

/** A minute of the lecture: the slider every second, surface, lesson and view once each. */
class Schedule {
  private second = 0;
  private surfaceTurn = 0;
  private lessonTurn = 0;
  private viewTurns = 0;
  private sliderMoves = 0;
  /** Counts at the end of the warm-up, so that done() tells the measured span's. */
  private atStart = { sliderMoves: 0, surfaces: 0, lessons: 0, views: 0 };

  constructor(
    private readonly page: Page,
    private readonly surfaces: readonly string[],
    private readonly lessons: number,
  ) {}

  /** Runs the actions due by `until` (ms, performance.now of this process), one per second of the plan. */
  async runUntil(until: number): Promise<void> {
    let next = performance.now();
    while (performance.now() < until) {
      const s = this.second++ % 60;
      if (s === 0) await switchSurface(this.page, this.surfaces[this.surfaceTurn++ % this.surfaces.length]);
      else if (s === 30) await switchLesson(this.page, this.lessonTurn++ % this.lessons);
      else if (s === 45) {
        await toggleView(this.page);
        this.viewTurns++;
      }
      await moveSlider(this.page, this.second);
      this.sliderMoves++;
      await keepPlaying(this.page);
      // One action a second of wall time; an action that took longer (software GL) is not made up for.
      next = Math.max(next + 1000, performance.now());
      await new Promise((r) => setTimeout(r, Math.max(0, Math.min(next, until) - performance.now())));
    }
  }

  startCounting(): void {
    this.atStart = { sliderMoves: this.sliderMoves, surfaces: this.surfaceTurn, lessons: this.lessonTurn, views: this.viewTurns };
  }

  /** What was done since startCounting, in words. */
  done(): string {
    const a = this.atStart;
    return `${this.sliderMoves - a.sliderMoves} slider moves, ${this.surfaceTurn - a.surfaces} surface switches, ${this.lessonTurn - a.lessons} lesson switches, ${this.viewTurns - a.views} view toggles`;
  }

  /** Every surface and every lesson once, so that the start is measured with every lazy part loaded. */
  async tour(): Promise<void> {
    for (const id of this.surfaces) {
      await switchSurface(this.page, id);
      await keepPlaying(this.page);
      await frames(this.page, 2);
    }
    for (let nth = 0; nth < this.lessons; nth++) {
      await switchLesson(this.page, nth);
      await moveSlider(this.page, 1);
      await keepPlaying(this.page);
      await frames(this.page, 2);
    }
  }
}

function growth(a: number, b: number): number {
  return a === 0 ? (b === 0 ? 0 : Infinity) : (b - a) / a;
}

function report(first: Sample, last: Sample, trend: readonly Sample[], done: string): boolean {
  const rows: Array<[string, keyof Sample, number]> = [
    ['JS heap after a forced GC (MB)', 'heapMB', 1],
    ['DOM nodes', 'nodes', 0],
    ['JS event listeners', 'listeners', 0],
    ['three.js geometries', 'geometries', 0],
    ['three.js textures', 'textures', 0],
    ['three.js shader programs', 'programs', 0],
  ];
  let ok = true;
  const lines = [`soak: ${MINUTES} min after a ${WARMUP}-min warm-up (${done}); figures at the opening scene, paused, after a forced GC`, ''];
  lines.push(`${'figure'.padEnd(32)}${'start'.padStart(9)}${'end'.padStart(9)}${'growth'.padStart(9)}  (target < ${MAX_GROWTH * 100} %)`);
  for (const [name, key, digits] of rows) {
    const g = growth(first[key], last[key]);
    const pass = g < MAX_GROWTH;
    ok &&= pass;
    lines.push(`${name.padEnd(32)}${first[key].toFixed(digits).padStart(9)}${last[key].toFixed(digits).padStart(9)}${`${(g * 100).toFixed(1)} %`.padStart(9)}  ${pass ? 'ok' : 'MISSED'}`);
  }
  lines.push(`${'page errors and console errors'.padEnd(32)}${''.padStart(9)}${String(errors.length).padStart(9)}${''.padStart(9)}  (target 0)  ${errors.length === 0 ? 'ok' : 'MISSED'}`);
  ok &&= errors.length === 0;
  lines.push('', `trend (minute: heap MB / geometries / textures / programs / DOM nodes): ${trend.map((t) => `${t.minute}: ${t.heapMB.toFixed(1)}/${t.geometries}/${t.textures}/${t.programs}/${t.nodes}`).join(', ')}`);
  for (const e of errors.slice(0, 10)) lines.push(`error: ${e}`);
  for (const [text, n] of [...warnings].slice(0, 5)) lines.push(`warning (${n}×, not counted): ${text.slice(0, 160)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return ok;
}

async function main(): Promise<boolean> {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    // The benchmark's playing window: software GL draws few frames at full size.
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    watch(page);
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    const surfaces = await page.evaluate(() => {
      const select = [...document.querySelectorAll('select')].find((s) => s.labels?.[0]?.textContent?.includes('Loss surface') || s.getAttribute('aria-label') === 'Loss surface');
      return select ? [...select.options].map((o) => o.value).filter((v) => v !== 'custom') : [];
    });
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const lessons = await page.getByRole('menu', { name: 'Lessons' }).getByRole('menuitemradio').count();
    await page.keyboard.press('Escape');
    if (surfaces.length < 2 || lessons < 2) throw new Error(`found ${surfaces.length} surfaces and ${lessons} lessons to switch between`);
    // The scene the page opened on, as data: every sample is taken there.
    await page.evaluate(() => {
      const w = window as unknown as Win;
      w.__soakReference = Object.fromEntries(Object.entries(w.__descent.store.getState()).filter(([, v]) => typeof v !== 'function'));
    });
    const schedule = new Schedule(page, surfaces, lessons);
    const t0 = performance.now();
    process.stderr.write(`soak: warm-up (${surfaces.length} surfaces, ${lessons} lessons once each, then ${WARMUP} min)\n`);
    await schedule.tour();
    await schedule.runUntil(performance.now() + WARMUP * 60_000);
    const trend = [await sample(page, cdp, 0)];
    const t1 = performance.now();
    schedule.startCounting();
    process.stderr.write(`soak: warm-up done in ${((t1 - t0) / 60_000).toFixed(1)} min; ${MINUTES} min to go\n`);
    for (let m = 1; m <= Math.ceil(MINUTES); m++) {
      await schedule.runUntil(t1 + Math.min(m, MINUTES) * 60_000);
      // Samples along the way show a trend (a leak climbs; a cache levels off); each costs a few seconds.
      if (m % (MINUTES > 10 ? 5 : 1) === 0 || m >= MINUTES) {
        trend.push(await sample(page, cdp, Math.min(m, MINUTES)));
        process.stderr.write(`soak: minute ${Math.min(m, MINUTES)}: ${JSON.stringify(trend[trend.length - 1])}\n`);
      }
    }
    const first = trend[0];
    const last = trend[trend.length - 1];
    const ok = report(first, last, trend, schedule.done());
    // The full run is the one the README quotes: its result is kept beside the bench, which prints it.
    if (MINUTES >= 30) {
      const record = { date: new Date().toISOString().slice(0, 10), minutes: MINUTES, warmup: WARMUP, start: first, end: last, errors: errors.length, ok };
      writeFileSync(join(root, 'bench/soak.last.json'), `${JSON.stringify(record, null, 2)}\n`);
    }
    return ok;
  } finally {
    await browser.close();
    server.kill();
  }
}

process.exitCode = (await main()) ? 0 : 1;

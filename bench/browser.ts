// Browser figures, measured in headless Chromium on the production build (dist/):
// navigation → first frame, main-thread JS per frame while 12 runs × 10,000 steps play,
// a slider's input → the frame that shows the new paths, and the initial JavaScript (gzip).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Measurement } from './measure';

const root = resolve(import.meta.dirname, '..');
// BENCH_DIST measures another build (an older one, to compare on the same machine and load).
const dist = resolve(process.env.BENCH_DIST ?? join(root, 'dist'));
// BENCH_PORT lets two checkouts measure side by side.
const PORT = Number(process.env.BENCH_PORT ?? 4319);

/** The JS a first visit loads: index.html's module script and modulepreloads, gzipped. */
function initialJsGzip(): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);
  let total = 0;
  for (const ref of new Set(refs)) total += gzipSync(readFileSync(join(dist, ref.replace(/^\.?\//, '')))).length;
  return total;
}

/** Gzipped bytes of built files, by their URL paths (as the page requested them). */
function gzipOfUrls(urls: readonly string[]): number {
  let total = 0;
  for (const url of new Set(urls)) {
    const file = join(dist, decodeURIComponent(new URL(url).pathname).replace(/^\//, ''));
    if (existsSync(file)) total += gzipSync(readFileSync(file)).length;
  }
  return total;
}

/** Files the README says load later (KaTeX, the update-rule panel, mathjs, the Korean font sheets). */
const DEFERRED_FILES = /\/(katex-|UpdateRulePanel-|formula-|esm-|EmbedDialog-|[4-7]00-)[^/]*\.(js|css)$/;

/** What one cold load fetched before its first frame: scripts, stylesheets, and the deferred ones among them. */
interface BeforeFirstFrame {
  readonly ms: number;
  readonly js: string[];
  readonly css: string[];
}

async function loadOnce(page: import('playwright-core').Page): Promise<BeforeFirstFrame> {
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60_000 });
  return page.evaluate(() => {
    const ms = performance.getEntriesByName('descent:first-frame')[0]?.startTime ?? Number.NaN;
    const before = performance.getEntriesByType('resource').filter((e) => e.startTime < ms).map((e) => e.name);
    return { ms, js: before.filter((u) => u.endsWith('.js')), css: before.filter((u) => u.endsWith('.css')) };
  });
}

async function startServer(): Promise<ChildProcess> {
  // Another server on the port would answer for ours, and the figures would be of its build.
  const taken = await fetch(`http://127.0.0.1:${PORT}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${PORT} is in use: stop that server or set BENCH_PORT`);
  const server = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', dist, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/`);
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

// Installed before the app loads: times every requestAnimationFrame callback, grouped by the
// frame they belong to, so that "JS per frame" counts the scene, playback and views together.
const FRAME_PROBE = `
  window.__frames = [];
  const raf = window.requestAnimationFrame.bind(window);
  let current = null;
  window.requestAnimationFrame = (cb) => raf((ts) => {
    if (!current || current.ts !== ts) { current = { ts, ms: 0 }; window.__frames.push(current); }
    const t0 = performance.now();
    try { cb(ts); } finally { current.ms += performance.now() - t0; }
  });
`;

async function mapInBrowser(browser: import('playwright-core').Browser): Promise<Measurement[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${PORT}/?surface=rosenbrock&runs=adam&steps=500`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  await page.locator('.maps-section > summary').click();
  await page.evaluate(() => (window as unknown as { __descent: import('./browserTypes').DescentHandle }).__descent.store.getState().setMap({ cells: 256 }));
  await page.waitForFunction(() => (window as unknown as { __descent: import('./browserTypes').DescentHandle }).__descent.maps.getState().outcomes?.complete === true, null, { timeout: 60_000 });
  const results: Array<{ coarse: number; total: number; longest: number; frames: number }> = [];
  for (let i = 0; i < 5; i++) {
    // A string, not a function: see the slider measurement above.
    const r = (await page.evaluate(
      `new Promise((done) => {
        const d = window.__descent;
        const longest = { ms: 0 };
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longest.ms = Math.max(longest.ms, e.duration);
        });
        observer.observe({ type: 'longtask' });
        const t0 = performance.now();
        d.maps.getState().set({ xParam: 'lr', xRange: [1e-5, ${0.1 + 0.01 * i}] });
        let coarse = NaN;
        let frames = 0;
        // Polled on a timer, not per animation frame: the cells arrive whether or not a frame is due.
        let finished = false;
        const tick = () => {
          const s = d.maps.getState();
          const o = s.outcomes;
          if (o && s.request && s.request.kind === 'hyper' && s.request.x.to === ${0.1 + 0.01 * i}) {
            if (coarse !== coarse && o.done >= Math.ceil(o.nx / 4) * Math.ceil(o.ny / 4)) coarse = performance.now() - t0;
            if (o.complete) {
              const total = performance.now() - t0;
              finished = true;
              observer.disconnect();
              // The observer reports a task after it ends: one more frame for the last of them.
              setTimeout(() => done({ coarse, total, longest: longest.ms, frames }), 50);
              return;
            }
          }
          setTimeout(tick, 2);
        };
        const count = () => {
          frames++;
          if (!finished) requestAnimationFrame(count);
        };
        requestAnimationFrame(count);
        setTimeout(tick, 2);
      })`,
    )) as { coarse: number; total: number; longest: number; frames: number };
    results.push(r);
  }
  await page.close();
  const med = (f: (r: (typeof results)[number]) => number) => results.map(f).sort((a, b) => a - b)[results.length >> 1];
  const coarse = med((r) => r.coarse);
  const longest = Math.max(...results.map((r) => r.longest));
  return [
    { name: 'browser: map 256x256 adam 500 steps, change to its coarse 64x64 pass in (median)', value: coarse, unit: 'ms', target: '≤ 100', ok: coarse <= 100 },
    { name: 'browser: map 256x256 adam 500 steps, change to its last cell (median)', value: med((r) => r.total), unit: 'ms' },
    { name: 'browser: longest main-thread task while maps compute (worst of 5)', value: longest, unit: 'ms', target: '≤ 50', ok: longest <= 50 },
    { name: 'browser: animation frames while a map computes (median)', value: med((r) => r.frames), unit: 'frames' },
  ];
}

export async function browserMeasurements(): Promise<Measurement[]> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('no dist/: run `npm run build` first');
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-quic'],
  });
  const out: Measurement[] = [];
  try {
    // 1. Navigation → first frame with the surface, median of 5 cold loads (a fresh context
    // each: no HTTP cache, no service worker), and what each fetched before that frame.
    const loads: BeforeFirstFrame[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
      loads.push(await loadOnce(await context.newPage()));
      await context.close();
    }
    const firsts = loads.map((l) => l.ms).sort((a, b) => a - b);
    const first = firsts[2];
    out.push({ name: 'browser: navigation to first frame', value: first, unit: 'ms', target: '≤ 2000', ok: first <= 2000 });
    const jsBefore = Math.max(...loads.map((l) => gzipOfUrls(l.js))) / 1024;
    const cssBefore = Math.max(...loads.map((l) => gzipOfUrls(l.css))) / 1024;
    const deferredBefore = [...new Set(loads.flatMap((l) => [...l.js, ...l.css]).filter((u) => DEFERRED_FILES.test(u)))];
    out.push({ name: 'browser: JavaScript fetched before the first frame, gzipped', value: jsBefore, unit: 'KB', target: '≤ 400', ok: jsBefore <= 400 });
    out.push({ name: 'browser: CSS fetched before the first frame, gzipped', value: cssBefore, unit: 'KB' });
    out.push({ name: 'browser: lazy chunks fetched before the first frame', value: deferredBefore.length, unit: 'files', target: '0', ok: deferredBefore.length === 0 });
    for (const url of deferredBefore) process.stderr.write(`bench: fetched before the first frame: ${url}\n`);

    // 2. Main-thread JS per frame while 12 runs × 10,000 steps play. Software GL draws few frames
    // at full size, so a smaller window gives more frames to measure; the JS per frame does not
    // depend on the window's size.
    const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await page.addInitScript(FRAME_PROBE);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
    await page.evaluate(() => {
      const d = (window as unknown as { __descent: import('./browserTypes').DescentHandle }).__descent;
      const s = d.store.getState();
      s.setSurface('rosenbrock');
      for (const r of [...d.store.getState().runs]) d.store.getState().removeRun(r.id);
      for (const o of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'amsgrad', 'adamw', 'adamax', 'nadam', 'newton'] as const) {
        d.store.getState().addRun(o);
      }
      d.store.getState().setSteps(10_000);
      d.store.getState().setSpeed(1000);
      d.seek(0);
    });
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      (window as unknown as { __frames: unknown[] }).__frames.length = 0;
      (window as unknown as { __descent: import('./browserTypes').DescentHandle }).__descent.store.getState().setPlaying(true);
    });
    await page.waitForTimeout(6000);
    const frames = await page.evaluate(() => (window as unknown as { __frames: Array<{ ms: number }> }).__frames.map((f) => f.ms));
    const sorted = frames.slice(2).sort((a, b) => a - b);
    const medianFrame = sorted[sorted.length >> 1] ?? Number.NaN;
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN;
    out.push({ name: 'browser: main-thread JS per frame, 12 x 10000 playing (median)', value: medianFrame, unit: 'ms', target: '≤ 4', ok: medianFrame <= 4 });
    out.push({ name: 'browser: main-thread JS per frame, 12 x 10000 playing (p95)', value: p95, unit: 'ms' });
    out.push({ name: 'browser: frames observed while playing', value: frames.length, unit: 'frames' });

    // 3. A slider's input event → the frame that shows the new paths.
    await page.evaluate(() => (window as unknown as { __descent: import('./browserTypes').DescentHandle }).__descent.store.getState().setPlaying(false));
    const latencies: number[] = [];
    const frameGaps: number[] = [];
    const handlers: number[] = [];
    await page.getByRole('slider', { name: 'Learning rate η' }).first().waitFor();
    for (let i = 0; i < 15; i++) {
      // A string, not a function: tsx would wrap a function's inner closures in its __name helper,
      // which does not exist in the page.
      const r = (await page.evaluate(
        `new Promise((done) => {
          const input = document.querySelector('input[type=range][aria-label="Learning rate η"]');
          performance.clearMarks('descent:paths-drawn');
          let frames = 0;
          let handler = 0;
          const t0 = performance.now();
          const count = () => {
            frames++;
            const m = performance.getEntriesByName('descent:paths-drawn');
            if (m.length) done({ ms: m[0].startTime - t0, frames, handler });
            else if (frames < 30) requestAnimationFrame(count);
            else done({ ms: NaN, frames, handler });
          };
          // React tracks a field's value through its setter; the prototype's setter is what a user's input goes through.
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(Number(input.min) + (Number(input.max) - Number(input.min)) * ${0.3 + 0.02 * i}));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          handler = performance.now() - t0;
          requestAnimationFrame(count);
        })`,
      )) as { ms: number; frames: number; handler: number };
      handlers.push(r.handler);
      latencies.push(r.ms);
      frameGaps.push(r.frames);
    }
    latencies.sort((a, b) => a - b);
    const lat = latencies[latencies.length >> 1];
    const worstFrames = Math.max(...frameGaps);
    handlers.sort((a, b) => a - b);
    out.push({ name: 'browser: slider input handler, main thread (median)', value: handlers[handlers.length >> 1], unit: 'ms' });
    // Wall time includes the frame that software GL was still drawing when the input came.
    out.push({ name: 'browser: slider input to frame with new paths (median, wall)', value: lat, unit: 'ms' });
    out.push({ name: 'browser: frames from slider input to new paths (worst of 15)', value: worstFrames, unit: 'frames', target: '1', ok: worstFrames <= 1 });
    await page.close();

    // 4. A 256 × 256 map of 500 Adam steps on Rosenbrock in the page's Web Workers: a change of the
    // map's η range → its coarse 64 × 64 pass in, → its last cell; and the longest main-thread task
    // meanwhile (PerformanceObserver 'longtask'). A change of the map alone, not of the scene: a
    // scene change redraws the 3D view, which software WebGL takes one to three seconds to do here
    // (one long task of its own, and both cores' worth of work), a GPU a few milliseconds.
    out.push(...(await mapInBrowser(browser)));
  } finally {
    await browser.close();
    server.kill();
  }
  const gz = initialJsGzip() / 1024;
  out.push({ name: 'initial JavaScript, gzipped', value: gz, unit: 'KB', target: '≤ 400', ok: gz <= 400 });
  return out;
}

// The address bar holds the scene: read once at startup, then kept current with replaceState, so
// that reloading, bookmarking or copying the address gives back exactly what is on screen.
// Never pushState: a student who drags a slider forty times should still leave with one Back.
import { getSurface, type Surface, type Vec2 } from '../engine';
import { isDataSurfaceId } from '../engine/data/dataIds';
import { loadDataSurfaces } from '../engine/data/loadData';
import { loadFormulaCompiler } from './formulaLoader';
import { computeScene } from './paths';
import { onPlayhead, playhead, seek } from './playhead';
import { CUSTOM_ID, sceneStore, type CustomSurface, type NoticeMessage, type SceneData, type SceneStore } from './store';
import { readUrl, writeUrl, type Ignored, type ReadResult } from './url/codec';
import { formulaStart } from './url/schema';

/** Quiet time before the address follows a change: slider drags fire many changes a second. */
const URL_WRITE_DELAY_MS = 250;
/** The notice names this many values; a link of pasted garbage should not fill the screen. */
const MAX_LISTED = 6;
/** Message (src/i18n/messages/share.ts) that names the values a link had that were not used. */
const IGNORED_NOTICE_KEY = 'share.url.ignored';

// Added by mail clients, social sites and analytics, never by Descent: not worth a notice.
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref)$/i;

/** “steps=abc” (1 … 20000), “runs=zzz”: the names and values, in notation that needs no translation. */
export function ignoredList(ignored: readonly Ignored[]): string {
  const shown = ignored.slice(0, MAX_LISTED).map((i) => `“${i.name}=${i.value}”${i.accepts ? ` (${i.accepts})` : ''}`);
  const more = ignored.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` (+${more})` : ''}`;
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Whether f and its gradient are finite at p: a run can take its first step from there. */
function finiteAt(surface: Surface, p: Vec2): boolean {
  const g = new Float64Array(2);
  const v = surface.valueAndGrad(p[0], p[1], g);
  return Number.isFinite(v) && Number.isFinite(g[0]) && Number.isFinite(g[1]);
}

const sameStart = (a: Vec2, b: Vec2) => a[0] === b[0] && a[1] === b[1];

function currentSearch(): string {
  try {
    return window.location.search;
  } catch {
    return '';
  }
}

/** What a formula that finishes compiling must not overwrite: the user may have moved on. */
const LINKED: readonly (keyof SceneData)[] = ['surfaceId', 'custom', 'start', 'steps', 'runs', 'noise', 'penalty', 'view', 'lang', 'theme'];

/**
 * Applies the address's scene (before the first render, so the page never flashes the default
 * one), shows a notice naming what could not be used, and from then on writes the scene back to
 * the address. Returns a function that stops the writing.
 */
export function startUrlSync(store: SceneStore = sceneStore): () => void {
  if (typeof window === 'undefined') return () => {};
  const search = currentSearch();
  const read = readUrl(search);
  let ignored = read.ignored.filter((i) => !TRACKING.test(i.name));
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = search;
  let shownStep = 0;

  const apply = (result: Pick<ReadResult, 'scene' | 'step'>, extra: Partial<SceneData> = {}) => {
    store.getState().loadScene({ ...result.scene, ...extra });
    if (result.step !== undefined) seek(Math.min(result.step, computeScene(store.getState()).lastStep));
  };

  const showNotice = () => {
    if (!ignored.length) return;
    const notice: NoticeMessage = { key: IGNORED_NOTICE_KEY, vars: { list: ignoredList(ignored) } };
    store.getState().setNotice(notice);
  };

  const write = () => {
    timer = undefined;
    if (pending) return;
    const state = store.getState();
    // While playing, the address keeps the step it had (a changed slider is still written): a
    // step caught mid-flight would be neither where playback started nor where it will stop.
    if (!state.playing) shownStep = playhead.step;
    const query = writeUrl(state, shownStep);
    if (query === written) return;
    written = query;
    try {
      const { pathname, hash } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${query}${hash}`);
    } catch {
      // A frame sandboxed without allow-same-origin may not touch its history: the scene works
      // all the same, only the address stays as the host page wrote it.
    }
  };

  const schedule = () => {
    if (timer === undefined && !pending) timer = setTimeout(write, URL_WRITE_DELAY_MS);
  };

  const dataId = read.scene.surfaceId;
  if (dataId !== undefined && isDataSurfaceId(dataId) && !getSurface(dataId)) {
    // A data surface's chunk first: its start, steps and step sizes are the rest's defaults.
    pending = true;
    loadDataSurfaces()
      .then(() => {
        const again = readUrl(search);
        ignored = again.ignored.filter((i) => !TRACKING.test(i.name));
        apply(again);
      })
      .catch(() => {
        ignored = [...ignored, { name: 'surface', value: dataId, reason: 'unknownSurface' }];
      })
      .finally(() => {
        pending = false;
        showNotice();
        schedule();
      });
  } else if (read.expr) {
    // The formula compiler is a lazy chunk (mathjs): show the rest of the scene on a built-in
    // surface now, and the typed surface when it has compiled.
    const { expr, domain } = read.expr;
    apply(readUrl(search, { withoutFormula: true }));
    const interim = store.getState();
    pending = true;
    loadFormulaCompiler()
      .then((compiler) => {
        const custom: CustomSurface = { expr, domain, surface: compiler.compile(expr, { domain }).surface };
        const now = store.getState();
        if (LINKED.some((k) => now[k] !== interim[k])) {
          now.setCustomSurface(custom);
          return;
        }
        // Where f overflows (exp(1000·x²) at the domain's usual start) the runs would stop before
        // their first step: the formula's own start instead, which the compiler found where f is
        // finite, and a notice when the link itself named the start.
        const start = read.scene.start;
        const usable = start === undefined || finiteAt(custom.surface, start);
        if (!usable && !sameStart(start, formulaStart(domain))) {
          ignored = [...ignored, { name: 'start', value: `${start[0]},${start[1]}`, reason: 'outOfRange', accepts: '|f(x, y)| < ∞' }];
          showNotice();
        }
        apply(read, { surfaceId: CUSTOM_ID, custom, ...(!usable && { start: custom.surface.start }) });
      })
      .catch(() => {
        ignored = [...ignored, { name: 'expr', value: shorten(expr), reason: 'formula' }];
        showNotice();
      })
      .finally(() => {
        pending = false;
        schedule();
      });
  } else if (search.replace(/^\?/, '') !== '') {
    // The bare address is the default scene the store already holds.
    apply(read);
  }
  showNotice();

  const offStore = store.subscribe(schedule);
  // Every frame while playing would be wasted work: the address catches up when playback stops
  // (a store change), and follows scrubbing and stepping, which move the playhead while paused.
  const offPlayhead = onPlayhead(() => {
    if (!store.getState().playing) schedule();
  });
  // Once now, so that a link with values that were not used is replaced by one that works.
  schedule();
  return () => {
    offStore();
    offPlayhead();
    clearTimeout(timer);
    timer = undefined;
  };
}

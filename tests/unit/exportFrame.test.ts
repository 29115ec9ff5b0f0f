import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../src/engine';
import { compileFormula } from '../../src/engine/formula';
import { computeScene } from '../../src/state/paths';
import { createSceneStore, defaultScene } from '../../src/state/store';
import {
  frameTitle,
  legendEntries,
  longestLossTexts,
  statusTextsUpTo,
  stepOfTotal,
  titleFormula,
} from '../../src/ui/export/exportFrameContent';
import {
  BESIDE_MAX_SHARE,
  MIN_LEGEND_FIT,
  layoutFrame,
  layoutFrameWithin,
  wrapText,
  type FrameLayout,
  type FrameLayoutInput,
  type LegendRowInput,
  type Measure,
  type Rect,
} from '../../src/ui/export/exportFrameLayout';
import { formatNumber } from '../../src/i18n/numberFormat';
import { translate, type Translate } from '../../src/i18n';

const en: Translate = (key, vars) => translate('en', key, vars);
const ko: Translate = (key, vars) => translate('ko', key, vars);

describe('the title of an exported frame', () => {
  it('writes a formula as it is typeset: raised powers, minus signs, no dot between factors', () => {
    expect(titleFormula('(1 - x)^2 + 100*(y - x^2)^2')).toBe('(1 − x)² + 100(y − x²)²');
    expect(titleFormula('1.05*x^2 - 1.9*x*y + 1.05*y^2')).toBe('1.05x² − 1.9xy + 1.05y²');
    expect(titleFormula('20 + x^2 + y^2 - 10*(cos(2*pi*x) + cos(2*pi*y))')).toBe('20 + x² + y² − 10(cos(2πx) + cos(2πy))');
    // A dot stays before a function name: "20exp" would read as one word.
    expect(titleFormula('-20*exp(-0.2*sqrt(x))')).toBe('−20·exp(−0.2·sqrt(x))');
    // mathjs prints a typed formula with spaces around ^ and for implicit products.
    expect(titleFormula('x ^ 2 + 3 y ^ 2')).toBe('x² + 3y²');
    expect(titleFormula('2 + 3')).toBe('2 + 3');
  });

  it('leaves no caret or asterisk in any built-in surface', () => {
    for (const s of SURFACES) expect(titleFormula(s.formula), s.id).not.toMatch(/[*^]/);
  });

  it('names a built-in surface in the UI language, with its formula', () => {
    const scene = defaultScene('rosenbrock');
    expect(frameTitle(en, scene)).toEqual({ name: 'Rosenbrock', formula: 'f(x, y) = (1 − x)² + 100(y − x²)²' });
    expect(frameTitle(ko, defaultScene('ravine'))).toEqual({ name: '협곡', formula: 'f(x, y) = 0.1x² + 2y²' });
  });

  it('gives a typed formula no name: the formula is the title', () => {
    const domain = { x: [-2, 2] as const, y: [-2, 2] as const };
    const store = createSceneStore(defaultScene());
    store.getState().setCustomSurface({ expr: 'x^2 + 3y^2', domain, surface: compileFormula('x^2 + 3y^2', { domain }).surface });
    const title = frameTitle(en, store.getState());
    expect(title).toEqual({ name: null, formula: 'f(x, y) = x² + 3y²' });
  });

  it('says the whole step and the total, in either language', () => {
    expect(stepOfTotal(en, 119.7, 1000)).toBe('step 119 / 1000');
    expect(stepOfTotal(ko, 1000, 1000)).toBe('1000 / 1000 스텝');
  });
});

describe('the legend of an exported frame', () => {
  function scene() {
    const store = createSceneStore(defaultScene('rosenbrock'));
    const s = store.getState();
    s.setSteps(200);
    // SGD with a large step diverges on Rosenbrock; Adam gets a schedule; Momentum is hidden.
    s.setParam(s.runs[0].id, 'lr', 0.02);
    s.setSchedule(s.runs[5].id, { kind: 'cosine', period: 100, minFactor: 0.1 });
    s.toggleRun(s.runs[1].id);
    return store.getState();
  }

  it('lists the visible runs in run-list order, with name, tag, step and loss as the screen shows them', () => {
    const state = scene();
    const computed = computeScene(state);
    const entries = legendEntries(en, computed, 50.6);
    expect(entries.map((e) => e.name)).toEqual(['SGD', 'Nesterov', 'AdaGrad', 'RMSProp', 'Adam']);
    expect(entries.map((e) => e.color)).toEqual(state.runs.filter((r) => r.visible).map((r) => r.color));
    expect(entries[4].tag).toBe('Cosine annealing');
    expect(entries[1].tag).toBe('');
    const nesterov = computed.runs[2].path;
    expect(entries[1].step).toBe(50);
    expect(entries[1].loss).toBe(nesterov.loss[50]);
    expect(entries[1].lossText).toBe(formatNumber(nesterov.loss[50]));
  });

  it('tells a diverged run ahead of the playhead, as done once it gets there, and stops its step at its last point', () => {
    const computed = computeScene(scene());
    const sgd = computed.runs[0];
    expect(sgd.path.status).toBe('diverged');
    const last = sgd.path.steps;
    // The whole path (its ring too) is drawn from step 0: the legend says what is coming.
    expect(legendEntries(en, computed, 0)[0].status).toBe(`diverges at step ${last + 1}`);
    const after = legendEntries(en, computed, last + 10)[0];
    expect(after.step).toBe(last);
    expect(after.note.kind).toBe('diverged');
    expect(after.status).toBe(`diverged at step ${last + 1}`);
    expect(legendEntries(ko, computed, last + 10)[0].status).toBe(`${last + 1} 스텝에서 발산`);
  });

  it('lists every status a video will show, so that the layout keeps room for them', () => {
    const computed = computeScene(scene());
    const sgd = computed.runs[0];
    const texts = statusTextsUpTo(en, sgd, 200);
    expect(texts).toContain(`diverges at step ${sgd.path.steps + 1}`);
    expect(texts).toContain(`diverged at step ${sgd.path.steps + 1}`);
    // Before the run diverges, only what is coming is told.
    expect(statusTextsUpTo(en, sgd, Math.max(0, Math.min(sgd.leftAt, sgd.path.steps) - 1))).toEqual([`diverges at step ${sgd.path.steps + 1}`]);
    expect(statusTextsUpTo(en, computed.runs[2], 200)).toEqual([]);
  });

  it('finds the longest loss texts of a run over the steps a video shows', () => {
    const loss = Float64Array.from([24.2, 3.5, 0.0123456, 1e-7, 2]);
    const longest = longestLossTexts({ path: { loss, steps: 4 } }, 4);
    expect(longest).toEqual([formatNumber(1e-7)]);
    // Only up to the end asked for.
    expect(longestLossTexts({ path: { loss, steps: 4 } }, 2)).toEqual([formatNumber(0.0123456)]);
  });
});

/** A font with every character the same width: 0.55 em, bold a little wider. */
const measure: Measure = (text, role, px) => [...text].length * px * (role === 'name' || role === 'run' ? 0.6 : 0.55);

function rows(n: number, extra: Partial<LegendRowInput> = {}): LegendRowInput[] {
  const names = ['SGD', 'Momentum', 'Nesterov', 'AdaGrad', 'RMSProp', 'Adam', 'AdamW', 'NAdam', 'Adamax', 'AMSGrad', 'AdaDelta', 'Newton'];
  return Array.from({ length: n }, (_, i) => ({ name: names[i % names.length], tag: '', steps: ['1000'], losses: ['4.709e−4'], statuses: [], ...extra }));
}

function input(view: { width: number; height: number }, over: Partial<FrameLayoutInput> = {}): FrameLayoutInput {
  return {
    view,
    scale: 1,
    rem: 14,
    title: { name: 'Rosenbrock', formula: 'f(x, y) = (1 − x)² + 100(y − x²)²' },
    stepText: 'step 1000 / 1000',
    legend: { heading: 'RUNS', stepHeading: 'step', lossHeading: 'loss', rows: rows(6) },
    ...over,
  };
}

function inside(inner: Rect, outer: Rect, slack = 0.5): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

function textRight(layout: FrameLayout): number {
  return Math.max(...layout.title.map((s) => s.x + measure(s.text, s.role, s.px)));
}

describe('wrapping text', () => {
  const width = (n: number) => (line: string) => line.length <= n;

  it('breaks at spaces, keeping lines as full as they can be', () => {
    expect(wrapText('a bb ccc dd e', width(6))).toEqual(['a bb', 'ccc dd', 'e']);
    expect(wrapText('one', width(6))).toEqual(['one']);
    expect(wrapText('', width(6))).toEqual([]);
  });

  it('cuts a word only when it is wider than a whole line', () => {
    expect(wrapText('ab abcdefghij c', width(4))).toEqual(['ab', 'abcd', 'efgh', 'ij c']);
  });

  it('lets the first line be shorter than the rest (the step sits beside it)', () => {
    expect(wrapText('aa bb cc dd', (line, i) => line.length <= (i === 0 ? 2 : 5))).toEqual(['aa', 'bb cc', 'dd']);
  });
});

describe('the layout of an exported frame', () => {
  it('puts the legend beside a wide view, the view at full size under the title', () => {
    const l = layoutFrame(input({ width: 957, height: 530 }), measure);
    expect(l.placement).toBe('beside');
    expect(l.view).toEqual({ x: 0, y: l.view.y, width: 957, height: 530 });
    expect(l.view.y).toBeGreaterThan(0);
    const panel = l.panel as Rect;
    expect(panel.x).toBe(957);
    expect(panel.width).toBeLessThanOrEqual(BESIDE_MAX_SHARE * 957 + 2);
    expect(l.width).toBeGreaterThanOrEqual(957 + panel.width - 1);
    expect(l.height).toBeGreaterThanOrEqual(l.view.y + 530);
    expect(inside(l.legend!.box, panel)).toBe(true);
    // The title fits on one line, the step at its right end on the same baseline.
    expect(new Set(l.title.map((s) => s.y)).size).toBe(1);
    expect(l.step.align).toBe('right');
    expect(l.step.y).toBe(l.title[0].y);
    expect(textRight(l)).toBeLessThan(l.step.x - measure(l.step.text, 'step', l.step.px));
    expect(l.stage).toEqual({ x: 0, y: 0, width: 957, height: l.view.y + 530 });
  });

  it('puts the legend under a narrow view (a phone), and wraps a long formula inside the width', () => {
    const title = { name: 'Goldstein–Price', formula: `f(x, y) = ${titleFormula(SURFACES.find((s) => s.id === 'goldstein-price')!.formula)}` };
    const l = layoutFrame(input({ width: 780, height: 760 }, { scale: 2, title }), measure);
    expect(l.placement).toBe('below');
    expect(l.width).toBe(780);
    const panel = l.panel as Rect;
    expect(panel.y).toBeCloseTo(l.view.y + 760, 6);
    expect(panel.width).toBe(780);
    expect(inside(l.legend!.box, panel)).toBe(true);
    expect(l.legend!.fit).toBe(1);
    // Name and step on the first line, the formula on the lines after it.
    expect(l.title[0]).toMatchObject({ text: 'Goldstein–Price', role: 'name' });
    expect(l.title.length).toBeGreaterThan(2);
    expect(textRight(l)).toBeLessThanOrEqual(780);
    const ys = l.title.map((s) => s.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(ys.at(-1)!).toBeLessThan(l.view.y);
    expect(l.title.slice(1).map((s) => s.text).join(' ')).toBe(title.formula);
  });

  it('scales type and spacing with the device pixel ratio', () => {
    const one = layoutFrame(input({ width: 957, height: 530 }), measure);
    const two = layoutFrame(input({ width: 1914, height: 1060 }, { scale: 2 }), measure);
    expect(two.placement).toBe(one.placement);
    expect(two.title[0].px).toBe(2 * one.title[0].px);
    expect(two.view.y).toBeCloseTo(2 * one.view.y, 6);
    expect(Math.abs(two.width - 2 * one.width)).toBeLessThanOrEqual(2);
    expect(two.legend!.rows[0].numberPx).toBe(2 * one.legend!.rows[0].numberPx);
  });

  it('shrinks a legend that is wider than the view under it, down to a limit', () => {
    const wide = rows(6, { tag: 'Cosine annealing, without bias correction' });
    const l = layoutFrame(input({ width: 300, height: 300 }, { legend: { heading: 'RUNS', stepHeading: 'step', lossHeading: 'loss', rows: wide } }), measure);
    expect(l.placement).toBe('below');
    expect(l.legend!.fit).toBeLessThan(1);
    expect(l.legend!.fit).toBeGreaterThanOrEqual(MIN_LEGEND_FIT);
  });

  it('keeps a second line under a run only for a run that has a status to show', () => {
    const withStatus = rows(3).map((r, i) => (i === 1 ? { ...r, statuses: ['diverged at step 12'] } : r));
    const l = layoutFrame(input({ width: 957, height: 530 }, { legend: { heading: 'RUNS', stepHeading: 'step', lossHeading: 'loss', rows: withStatus } }), measure);
    const placed = l.legend!.rows;
    expect(placed.map((r) => r.status !== null)).toEqual([false, true, false]);
    expect(placed[1].status!.y).toBeGreaterThan(placed[1].baseline);
    expect(placed[1].status!.y).toBeLessThan(placed[2].baseline);
    const gap01 = placed[1].baseline - placed[0].baseline;
    const gap12 = placed[2].baseline - placed[1].baseline;
    expect(gap12).toBeGreaterThan(gap01);
    // Numbers are right-aligned in two columns, the loss to the right of the step.
    expect(new Set(placed.map((r) => r.lossRight)).size).toBe(1);
    expect(placed[0].stepRight).toBeLessThan(placed[0].lossRight);
    // Swatches are centred on their row's text.
    for (const r of placed) expect(r.swatch.y + r.swatch.height / 2).toBeLessThan(r.baseline);
  });

  it('has no legend panel when no run is visible', () => {
    const l = layoutFrame(input({ width: 600, height: 400 }, { legend: { heading: 'RUNS', stepHeading: 'step', lossHeading: 'loss', rows: [] } }), measure);
    expect(l.panel).toBeNull();
    expect(l.legend).toBeNull();
    expect(l.width).toBe(600);
  });

  it('makes whole, even sizes (what video encoders take)', () => {
    for (const width of [301, 957, 1003]) {
      const l = layoutFrame(input({ width, height: 333 }), measure);
      expect(l.width % 2).toBe(0);
      expect(l.height % 2).toBe(0);
      expect(Number.isInteger(l.width) && Number.isInteger(l.height)).toBe(true);
    }
  });

  it('scales a frame down to a pixel budget, type with it', () => {
    const big = input({ width: 3840, height: 1900 }, { scale: 2 });
    const { layout, factor } = layoutFrameWithin(big, measure, 1920 * 1080);
    expect(layout.width * layout.height).toBeLessThanOrEqual(1920 * 1080);
    expect(factor).toBeLessThan(1);
    expect(layout.view.width).toBe(Math.floor(3840 * factor));
    expect(layout.title[0].px).toBeCloseTo(layoutFrame(big, measure).title[0].px * factor, 6);
    // A frame within the budget is left as it is.
    expect(layoutFrameWithin(input({ width: 957, height: 530 }), measure, 1920 * 1080).factor).toBe(1);
  });
});

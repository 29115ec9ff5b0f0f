import { afterEach, describe, expect, it } from 'vitest';
import { OPTIMIZERS, getSurface, traceRun, type Surface } from '../../src/engine';
import { overlayMessages } from '../../src/i18n/messages/overlays';
import { overlayText } from '../../src/i18n/overlayText';
import { curvaturePoint } from '../../src/state/curvaturePoint';
import { computeScene } from '../../src/state/paths';
import { defaultScene, sceneStore } from '../../src/state/store';
import { stabilityBound } from '../../src/ui/panel/StabilityMark';
import { effLrSeries } from '../../src/ui/teaching/effLrSeries';

function surface(id: string): Surface {
  const s = getSurface(id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
}

afterEach(() => sceneStore.setState({ ...defaultScene(), lang: 'en' }));

describe('the curvature point', () => {
  it('is the explained run’s particle at the playhead, or the start', () => {
    sceneStore.setState({ ...defaultScene('rosenbrock'), lang: 'en' });
    const state = sceneStore.getState();
    const first = state.runs[0];
    const path = computeScene(state).runs[0].path;
    const p = curvaturePoint(state, 3.7);
    expect([p.runId, p.step, p.x, p.y]).toEqual([first.id, 3, path.x[3], path.y[3]]);
    // Past the end of the run: its last point.
    expect(curvaturePoint(state, 1e6).step).toBe(path.steps);
    // Another run selected: its particle.
    sceneStore.getState().selectRun(state.runs[2].id);
    expect(curvaturePoint(sceneStore.getState(), 3).runId).toBe(state.runs[2].id);
    sceneStore.getState().setCurvatureAt('start');
    const s = curvaturePoint(sceneStore.getState(), 3);
    expect([s.runId, s.step, s.x, s.y]).toEqual([null, 0, ...state.start]);
  });

  it('reads the surface the runs descend, the penalty included', () => {
    sceneStore.getState().setCurvatureAt('start');
    sceneStore.getState().setPenalty({ kind: 'l2', lambda: 1 });
    const c = curvaturePoint(sceneStore.getState(), 0).curvature;
    expect([c.lambda1, c.lambda2]).toEqual([2.2, 6]);
  });
});

describe('the stability bound on gradient descent’s η slider', () => {
  it('is 2/λ_max at the start, for sgd’s η only', () => {
    // The default scene: the ravine, λ_max = 4.
    const s = sceneStore.getState();
    const sgd = s.runs.find((r) => r.optimizer === 'sgd');
    const adam = s.runs.find((r) => r.optimizer === 'adam');
    if (!sgd || !adam) throw new Error('the default scene has sgd and adam');
    expect(stabilityBound(s, sgd.id, 'lr')).toBe(0.5);
    expect(stabilityBound(s, sgd.id, 'weightDecay')).toBeNull();
    expect(stabilityBound(s, adam.id, 'lr')).toBeNull();
    // Coupled weight decay adds to the curvature the rule sees.
    s.setParam(sgd.id, 'weightDecay', 1);
    expect(stabilityBound(sceneStore.getState(), sgd.id, 'lr')).toBeCloseTo(0.4, 15);
  });

  it('is absent where no direction curves up', () => {
    sceneStore.getState().setSurface('saddle');
    sceneStore.getState().setStart([0.5, 0.5]);
    const s = sceneStore.getState();
    const sgd = s.runs.find((r) => r.optimizer === 'sgd');
    if (!sgd) throw new Error('no sgd run');
    // x² − y²: λ_max = 2 along x, whatever the y direction does.
    expect(stabilityBound(s, sgd.id, 'lr')).toBe(1);
  });
});

describe('the effective learning rate’s series', () => {
  it('are η_eff along x and y for an adaptive rule, decaying for AdaGrad', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'adagrad', steps: 50 });
    const s = effLrSeries(trace);
    expect(s.perCoordinate).toBe(true);
    expect(s.lines).toHaveLength(2);
    expect(s.steps).toBe(50);
    const [x, y] = s.ends;
    expect(x[1]).toBeLessThan(x[0]);
    expect(y[1]).toBeLessThan(y[0]);
    expect(s.min).toBeLessThanOrEqual(Math.min(x[1], y[1]));
    expect(s.max).toBeGreaterThanOrEqual(Math.max(x[0], y[0]));
  });

  it('are η over the steps where the rule has one for every coordinate, a schedule applied', () => {
    const trace = traceRun({ surface: surface('ravine'), optimizer: 'sgd', steps: 20, params: { lr: 0.1 }, schedule: { kind: 'step', every: 10, gamma: 0.5 } });
    const s = effLrSeries(trace);
    expect(s.perCoordinate).toBe(false);
    expect(s.lines).toHaveLength(1);
    expect(s.ends[0]).toEqual([0.1, 0.05]);
    expect([s.min, s.max]).toEqual([0.05, 0.1]);
  });

  it('leave out what a log axis cannot place, and say when nothing is left', () => {
    const none = effLrSeries(traceRun({ surface: surface('ravine'), optimizer: 'adam', steps: 0 }));
    expect(none.min).toBeNaN();
    expect(none.ends[0]).toEqual([Number.NaN, Number.NaN]);
  });
});

describe('the overlays’ words', () => {
  it('are in both languages, with the same placeholders, and Korean without stray English', () => {
    for (const [key, { en, ko }] of Object.entries(overlayMessages)) {
      expect(en.trim(), key).not.toBe('');
      const names = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(names(ko), key).toEqual(names(en));
      // Optimizer names are proper names; single letters are math (x, y, f). λₘₐₓ's subscripts are not Latin letters.
      const words = ko.replace(/\{\w+\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
      expect(words.filter((w) => !OPTIMIZERS.some((o) => o.name === w)), `${key}: ${ko}`).toEqual([]);
      expect(ko, key).toMatch(/[가-힣]/);
    }
  });

  it('fill their placeholders', () => {
    expect(overlayText('en', 'curvature.bound', { value: '0.5' })).toBe('Stable below 2/λₘₐₓ = 0.5, from the Hessian at the start');
    expect(overlayText('ko', 'curvature.atParticle', { name: 'Adam', t: 3 })).toBe('Adam 입자에서, 3 스텝');
  });
});

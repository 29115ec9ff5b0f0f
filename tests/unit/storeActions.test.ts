import { describe, expect, it } from 'vitest';
import { getSurface, resolveParams } from '../../src/engine';
import { MAX_APP_STEPS, MAX_SPEED, MIN_SPEED, createSceneStore } from '../../src/state/store';

// Every action of the store: what it changes, what it leaves, and what it refuses (with a
// notice, the scene unchanged). The store is plain data with no React: it runs here as is.

const fresh = () => createSceneStore();

describe('surface and start', () => {
  it('setSurface brings the surface’s start, steps and demo step sizes, closes a lesson, refits the camera', () => {
    const s = fresh();
    s.getState().loadScene({ lessonId: 'ravine-zigzag', camera: { position: [1, 2, 3], target: [0, 0, 0] }, playing: true });
    s.getState().setSurface('rosenbrock');
    const st = s.getState();
    const rosenbrock = getSurface('rosenbrock')!;
    expect(st.surfaceId).toBe('rosenbrock');
    expect(st.start).toEqual(rosenbrock.start);
    expect(st.steps).toBe(rosenbrock.steps);
    for (const r of st.runs) expect(r.params).toEqual(resolveParams(rosenbrock, r.optimizer));
    expect(st.lessonId).toBeNull();
    expect(st.camera).toBeNull();
    expect(st.playing).toBe(false);
    expect(st.logLoss).toBe(true);
  });

  it('setSurface refuses an unknown id with a notice and keeps the scene', () => {
    const s = fresh();
    const before = s.getState().surfaceId;
    s.getState().setSurface('nope');
    expect(s.getState().surfaceId).toBe(before);
    expect(s.getState().notice).toEqual({ key: 'notice.unknownSurface', vars: { id: 'nope' } });
  });

  it('setStart takes a finite point and refuses anything else', () => {
    const s = fresh();
    s.getState().setStart([0.5, -0.25]);
    expect(s.getState().start).toEqual([0.5, -0.25]);
    s.getState().setStart([Number.NaN, 1]);
    expect(s.getState().start).toEqual([0.5, -0.25]);
    expect(s.getState().notice).toEqual({ key: 'notice.start' });
  });

  it('setSteps rounds and clamps to 1 … MAX_APP_STEPS, ignoring NaN', () => {
    const s = fresh();
    s.getState().setSteps(12.6);
    expect(s.getState().steps).toBe(13);
    s.getState().setSteps(0);
    expect(s.getState().steps).toBe(1);
    s.getState().setSteps(1e9);
    expect(s.getState().steps).toBe(MAX_APP_STEPS);
    s.getState().setSteps(Number.NaN);
    expect(s.getState().steps).toBe(MAX_APP_STEPS);
  });
});

describe('runs', () => {
  it('addRun adds the optimizer with the surface’s demo step sizes, a fresh id and an unused colour', () => {
    const s = fresh();
    const before = s.getState().runs;
    s.getState().addRun('amsgrad');
    const runs = s.getState().runs;
    expect(runs).toHaveLength(before.length + 1);
    const added = runs[runs.length - 1];
    expect(added.optimizer).toBe('amsgrad');
    expect(added.params).toEqual(resolveParams(getSurface(s.getState().surfaceId)!, 'amsgrad'));
    expect(before.some((r) => r.id === added.id)).toBe(false);
    expect(before.some((r) => r.color === added.color)).toBe(false);
    expect(added.visible).toBe(true);
    expect(added.schedule).toEqual({ kind: 'constant' });
  });

  it('removeRun, toggleRun, setOptimizer, setBiasCorrection touch that run only', () => {
    const s = fresh();
    const [a, b] = s.getState().runs;
    s.getState().toggleRun(a.id);
    expect(s.getState().runs[0].visible).toBe(false);
    expect(s.getState().runs[1]).toBe(b);
    s.getState().setOptimizer(a.id, 'adamw');
    expect(s.getState().runs[0].optimizer).toBe('adamw');
    expect(s.getState().runs[0].params.weightDecay).toBeDefined();
    s.getState().setBiasCorrection(a.id, false);
    expect(s.getState().runs[0].biasCorrection).toBe(false);
    s.getState().removeRun(a.id);
    expect(s.getState().runs.map((r) => r.id)).not.toContain(a.id);
    expect(s.getState().runs[0]).toBe(b);
  });

  it('setParam takes a valid value and refuses an invalid one with a notice naming it', () => {
    const s = fresh();
    const id = s.getState().runs[1].id;
    s.getState().setParam(id, 'rho', 0.5);
    expect(s.getState().runs[1].params.rho).toBe(0.5);
    s.getState().setParam(id, 'rho', 1.5);
    expect(s.getState().runs[1].params.rho).toBe(0.5);
    expect(s.getState().notice).toEqual({ key: 'notice.param', vars: { param: 'rho' } });
  });

  it('setSchedule takes a checked schedule and refuses a bad one', () => {
    const s = fresh();
    const id = s.getState().runs[0].id;
    s.getState().setSchedule(id, { kind: 'step', every: 10, gamma: 0.5 });
    expect(s.getState().runs[0].schedule).toEqual({ kind: 'step', every: 10, gamma: 0.5 });
    s.getState().setSchedule(id, { kind: 'step', every: 0, gamma: 0.5 });
    expect(s.getState().runs[0].schedule).toEqual({ kind: 'step', every: 10, gamma: 0.5 });
    expect(s.getState().notice).toEqual({ key: 'notice.schedule' });
  });

  it('selectRun names the run the update rule explains', () => {
    const s = fresh();
    s.getState().selectRun(s.getState().runs[2].id);
    expect(s.getState().selectedRunId).toBe(s.getState().runs[2].id);
  });
});

describe('scene-wide settings', () => {
  it('setNoise and setPenalty take valid values and refuse the rest with a notice', () => {
    const s = fresh();
    s.getState().setNoise({ sigma: 0.5, seed: 9 });
    expect(s.getState().noise).toEqual({ sigma: 0.5, seed: 9 });
    s.getState().setNoise({ sigma: -1, seed: 9 });
    expect(s.getState().noise).toEqual({ sigma: 0.5, seed: 9 });
    expect(s.getState().notice).toEqual({ key: 'notice.noise' });
    s.getState().setNoise({ sigma: 1, seed: 1.5 });
    expect(s.getState().noise.sigma).toBe(0.5);
    s.getState().setPenalty({ kind: 'l1', lambda: 0.2 });
    expect(s.getState().penalty).toEqual({ kind: 'l1', lambda: 0.2 });
    s.getState().setPenalty({ kind: 'l2', lambda: Number.POSITIVE_INFINITY });
    expect(s.getState().penalty).toEqual({ kind: 'l1', lambda: 0.2 });
    expect(s.getState().notice).toEqual({ key: 'notice.penalty' });
  });

  it('setSpeed clamps to MIN_SPEED … MAX_SPEED and ignores NaN', () => {
    const s = fresh();
    s.getState().setSpeed(0.01);
    expect(s.getState().speed).toBe(MIN_SPEED);
    s.getState().setSpeed(1e6);
    expect(s.getState().speed).toBe(MAX_SPEED);
    s.getState().setSpeed(Number.NaN);
    expect(s.getState().speed).toBe(MAX_SPEED);
  });

  it('the view, the look and the help are plain switches', () => {
    const s = fresh();
    const st = () => s.getState();
    st().setView('2d');
    st().setLogLoss(false);
    st().setLang('ko');
    st().setTheme('light');
    st().setPresentation(true);
    st().setHelpOpen(true);
    st().setPlaying(true);
    st().setVectors({ momentum: true });
    expect([st().view, st().logLoss, st().lang, st().theme, st().presentation, st().helpOpen, st().playing]).toEqual(['2d', false, 'ko', 'light', true, true, true]);
    expect(st().vectors).toEqual({ gradient: false, momentum: true, step: false });
    st().setNotice(null);
    expect(st().notice).toBeNull();
  });

  it('resetCamera forgets the pose and asks the view to refit; setCamera keeps one', () => {
    const s = fresh();
    const resets = s.getState().cameraResets;
    s.getState().setCamera({ position: [1, 2, 3], target: [0, 0, 0] });
    expect(s.getState().camera).toEqual({ position: [1, 2, 3], target: [0, 0, 0] });
    s.getState().resetCamera();
    expect(s.getState().camera).toBeNull();
    expect(s.getState().cameraResets).toBe(resets + 1);
  });

  it('loadScene replaces what it names, paused unless it says otherwise; resetScene keeps the language', () => {
    const s = fresh();
    s.getState().setPlaying(true);
    s.getState().loadScene({ steps: 42 });
    expect(s.getState().steps).toBe(42);
    expect(s.getState().playing).toBe(false);
    s.getState().setLang('ko');
    s.getState().resetScene();
    expect(s.getState().steps).toBe(fresh().getState().steps);
    expect(s.getState().lang).toBe('ko');
  });
});

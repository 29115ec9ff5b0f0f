import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FRAME_SECONDS, RATE_WINDOW_MS, RateMeter, onPlaybackRate, startPlayback } from '../../src/state/playback';
import { playhead, seek } from '../../src/state/playhead';
import { sceneStore } from '../../src/state/store';
import { showsActualRate } from '../../src/ui/playback/speedScale';

// The playback driver under a clock the test owns: requestAnimationFrame callbacks run when the
// test says a frame is drawn, at the time it says, and performance.now() reads the same clock.
let clock = 0;
let queue: Array<(t: number) => void> = [];
const page = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
let stop: () => void = () => {};

/** The device draws a frame `ms` after the previous one. */
function frameAfter(ms: number): void {
  clock += ms;
  const callbacks = queue;
  queue = [];
  for (const cb of callbacks) cb(clock);
}

beforeAll(() => {
  vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => {
    queue.push(cb);
    return queue.length;
  });
  vi.stubGlobal('cancelAnimationFrame', () => {
    queue = [];
  });
  vi.stubGlobal('document', page);
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  stop = startPlayback();
});

afterAll(() => {
  stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

beforeEach(() => {
  clock = 1000;
  queue = [];
  // 20,000 steps on the default surface: playback never reaches the end in these tests.
  sceneStore.getState().setSteps(20_000);
  sceneStore.getState().setSpeed(60);
  seek(0);
});

afterEach(() => {
  sceneStore.getState().setPlaying(false);
  frameAfter(16);
});

describe('playback keeps the speed set', () => {
  it('plays 60 steps/s on a device that draws 2 frames a second (30 steps a frame)', () => {
    sceneStore.getState().setPlaying(true);
    for (let i = 0; i < 4; i++) frameAfter(500);
    expect(playhead.step).toBeCloseTo(120, 9);
  });

  it('plays 1000 steps/s at 60 frames a second', () => {
    sceneStore.getState().setSpeed(1000);
    sceneStore.getState().setPlaying(true);
    for (let i = 0; i < 60; i++) frameAfter(1000 / 60);
    expect(playhead.step).toBeCloseTo(1000, 6);
  });

  it('counts a frame slower than MAX_FRAME_SECONDS as that long: a stall is not played through', () => {
    sceneStore.getState().setPlaying(true);
    frameAfter(5000);
    expect(playhead.step).toBeCloseTo(60 * MAX_FRAME_SECONDS, 9);
  });

  it('does not count the time a tab was hidden: coming back does not jump ahead', () => {
    sceneStore.getState().setPlaying(true);
    frameAfter(100);
    expect(playhead.step).toBeCloseTo(6, 9);
    // Hidden for a minute: no frames. Then visible again, and the next frame 20 ms later.
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    clock += 60_000;
    page.visibilityState = 'visible';
    page.dispatchEvent(new Event('visibilitychange'));
    frameAfter(20);
    expect(playhead.step).toBeCloseTo(6 + 60 * 0.02, 9);
  });

  it('stops at the last step', () => {
    sceneStore.getState().setSteps(50);
    sceneStore.getState().setPlaying(true);
    frameAfter(500);
    frameAfter(500);
    expect(playhead.step).toBe(50);
    expect(sceneStore.getState().playing).toBe(false);
  });
});

describe('the rate played', () => {
  function ratesSeen(frames: number, ms: number): Array<number | null> {
    const seen: Array<number | null> = [];
    const off = onPlaybackRate((r) => seen.push(r));
    sceneStore.getState().setPlaying(true);
    for (let i = 0; i < frames; i++) frameAfter(ms);
    off();
    return seen;
  }

  it('is the speed set where frames come at least once a second', () => {
    const seen = ratesSeen(8, 400);
    const last = seen[seen.length - 1];
    expect(last).toBeCloseTo(60, 9);
    expect(showsActualRate(60, last ?? 0)).toBe(false);
  });

  it('falls short where they do not: 60 steps/s at a frame every 2.5 s plays 24', () => {
    const seen = ratesSeen(4, 2500);
    const last = seen[seen.length - 1];
    expect(last).toBeCloseTo(24, 9);
    expect(showsActualRate(60, last ?? 0)).toBe(true);
  });

  it('is unknown (null) once paused', () => {
    ratesSeen(4, 2500);
    const seen: Array<number | null> = [];
    const off = onPlaybackRate((r) => seen.push(r));
    sceneStore.getState().setPlaying(false);
    frameAfter(16);
    off();
    expect(seen[seen.length - 1]).toBeNull();
  });
});

describe('RateMeter', () => {
  it('says nothing until half a window has been measured', () => {
    const m = new RateMeter();
    m.add(0, 0);
    expect(m.rate()).toBeNull();
    m.add(RATE_WINDOW_MS / 4, 10);
    expect(m.rate()).toBeNull();
    m.add(RATE_WINDOW_MS / 2, 20);
    expect(m.rate()).toBeCloseTo(40, 9);
  });

  it('measures over the last window only', () => {
    const m = new RateMeter();
    // 10 steps/s for three seconds, then 100 steps/s for one.
    let step = 0;
    for (let t = 0; t <= 3000; t += 100) m.add(t, (step = t / 100));
    for (let t = 3100; t <= 4000; t += 100) m.add(t, (step += 10));
    expect(m.rate()).toBeCloseTo(100, 9);
  });

  it('starts over after reset', () => {
    const m = new RateMeter();
    m.add(0, 0);
    m.add(1000, 50);
    m.reset();
    expect(m.rate()).toBeNull();
  });
});

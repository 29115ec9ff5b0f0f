// Plays a trace plan (tracePlan.ts) with Web Audio: a soft triangle tone whose pitch and pan follow
// the plan, and short ticks for its clicks. No files, nothing before the listener asks.
import type { TracePlan } from './tracePlan';

export interface PlayingTrace {
  stop(): void;
  /** Resolves when the trace has ended, played out or stopped. */
  readonly ended: Promise<void>;
}

const VOLUME = 0.18;
const CLICK_HZ = 1800;
const CLICK_SECONDS = 0.02;

export function playTrace(plan: TracePlan): PlayingTrace {
  const ctx = new AudioContext();
  const start = ctx.currentTime + 0.05;
  const end = start + plan.duration;
  const tone = ctx.createOscillator();
  tone.type = 'triangle';
  tone.frequency.setValueAtTime(plan.frequency[0], start);
  if (plan.frequency.length > 1) tone.frequency.setValueCurveAtTime(plan.frequency, start, plan.duration);
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(VOLUME, start + 0.05);
  gain.gain.setValueAtTime(VOLUME, end - 0.08);
  gain.gain.linearRampToValueAtTime(0, end);
  const panner = ctx.createStereoPanner();
  panner.pan.setValueAtTime(plan.pan[0], start);
  if (plan.pan.length > 1) panner.pan.setValueCurveAtTime(plan.pan, start, plan.duration);
  tone.connect(gain).connect(panner).connect(ctx.destination);
  tone.start(start);
  tone.stop(end);
  for (const t of plan.clicks) {
    const click = ctx.createOscillator();
    click.type = 'square';
    click.frequency.value = CLICK_HZ;
    const env = ctx.createGain();
    env.gain.setValueAtTime(0, start + t);
    env.gain.linearRampToValueAtTime(VOLUME, start + t + 0.002);
    env.gain.linearRampToValueAtTime(0, start + t + CLICK_SECONDS);
    click.connect(env).connect(ctx.destination);
    click.start(start + t);
    click.stop(start + t + CLICK_SECONDS + 0.01);
  }
  let finish: () => void = () => {};
  const ended = new Promise<void>((resolve) => (finish = resolve));
  const close = () => {
    void ctx.close().catch(() => {});
    finish();
  };
  tone.onended = close;
  return {
    stop() {
      tone.onended = null;
      close();
    },
    ended,
  };
}

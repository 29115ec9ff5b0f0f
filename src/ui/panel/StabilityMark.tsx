import { type CSSProperties } from 'react';
import { HYPERPARAMS, curvatureAt, stableLearningRate, withPenalty, type HyperparamKey } from '../../engine';
import { formatParam } from '../../i18n/numberFormat';
import { sceneSurface, type SceneState } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useOverlayText } from '../teaching/useOverlayText';
import { sliderScale, valueToPosition } from './sliderScale';

const LR = HYPERPARAMS.find((h) => h.key === 'lr');
const SCALE = LR ? sliderScale(LR) : null;

/**
 * Plain gradient descent's stability bound on η, 2/λ_max, for the η slider of an `sgd` run (null
 * for every other slider, and where λ_max ≤ 0). From the Hessian at the start: the one point every
 * η sees alike, where the first steps decide whether the run zig-zags or flies apart. The penalty
 * and the run's coupled weight decay are part of the curvature the rule sees.
 */
export function stabilityBound(s: SceneState, runId: string, key: HyperparamKey): number | null {
  if (key !== 'lr') return null;
  const run = s.runs.find((r) => r.id === runId);
  if (!run || run.optimizer !== 'sgd') return null;
  const base = sceneSurface(s);
  const surface = s.penalty.lambda > 0 ? withPenalty(base, s.penalty) : base;
  return stableLearningRate(curvatureAt(surface, s.start[0], s.start[1]), run.params.weightDecay);
}

/**
 * 2/λ_max as a notch on the η slider's track, where the slider reaches it; the slider names it as
 * its description (`id`). Loaded after the first frame (by the run card), with the overlays' words.
 */
export function StabilityMark({ id, runId, value }: { readonly id: string; readonly runId: string; readonly value: number }) {
  const t = useOverlayText();
  const stable = useScene((s) => stabilityBound(s, runId, 'lr'));
  if (stable === null || !LR || !SCALE || stable < LR.min || stable > LR.max) return null;
  const over = value >= stable;
  const text = t('curvature.bound', { value: formatParam(Number(stable.toPrecision(3))) }) + (over ? ` ${t('curvature.boundOver')}` : '');
  return (
    <span
      id={id}
      className={`param-bound${over ? ' is-over' : ''}`}
      role="img"
      aria-label={text}
      title={text}
      data-bound={stable}
      style={{ '--at': valueToPosition(SCALE, stable) / SCALE.steps } as CSSProperties}
    />
  );
}

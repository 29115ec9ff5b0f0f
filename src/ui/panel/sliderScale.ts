// Slider position ↔ hyperparameter value, and the text the editable fields show.
// A native <input type="range"> only moves in equal steps, so each scale maps its range onto
// whole positions 0…steps through a coordinate in which equal steps feel equal: decades for
// 'log', decades of 1 − value for 'one-minus-log' (β₂ = 0.9 … 0.9999), the value for 'linear',
// and one position per whole number for 'integer' (L-BFGS's history size).

type SliderScaleKind = 'log' | 'linear' | 'one-minus-log' | 'integer';

export interface SliderRange {
  readonly min: number;
  readonly max: number;
  readonly scale: SliderScaleKind;
}

export interface SliderScale {
  readonly kind: SliderScaleKind;
  readonly min: number;
  readonly max: number;
  /** The range input's max; its min is 0 and its step 1. */
  readonly steps: number;
  /** Coordinates of min and max. */
  readonly c0: number;
  readonly c1: number;
  /** 'log' / 'one-minus-log': significant digits kept; 'linear': decimals kept. */
  readonly digits: number;
  /** 'linear' only: the value between neighbouring positions. */
  readonly step: number;
}

/** About this many positions per slider: smooth under a finger and a mouse alike. */
const TARGET_STEPS = 1000;

function coord(kind: SliderScaleKind, v: number): number {
  if (kind === 'log') return Math.log10(v);
  if (kind === 'one-minus-log') return -Math.log10(1 - v);
  return v;
}

// Decimal rounding that lands on the double a user would type (0.1 + 0.2 → 0.3).
function roundTo(v: number, decimals: number): number {
  return Number(v.toFixed(Math.max(0, Math.min(100, decimals))));
}

function roundSignificant(v: number, digits: number): number {
  return Number(v.toPrecision(digits));
}

export function sliderScale(range: SliderRange): SliderScale {
  const { min, max, scale: kind } = range;
  const c0 = coord(kind, min);
  const c1 = coord(kind, max);
  if (kind === 'integer') return { kind, min, max, steps: max - min, c0, c1, digits: 0, step: 1 };
  if (kind === 'linear') {
    // A round step (0.001 rather than 0.000999) so that every position is a value one would type.
    const step = 10 ** Math.round(Math.log10((max - min) / TARGET_STEPS));
    const digits = Math.max(0, -Math.round(Math.log10(step)));
    return { kind, min, max, steps: Math.round((max - min) / step), c0, c1, digits, step };
  }
  // A whole number of positions per decade puts 0.001, 0.01, 0.999 … exactly on a position.
  const decades = c1 - c0;
  const whole = Math.round(decades);
  const span = Math.abs(decades - whole) < 1e-9 && whole > 0 ? whole : decades;
  const steps = Math.round(span * Math.ceil(TARGET_STEPS / span));
  // As few significant digits as keep neighbouring positions apart: rounding must move a value
  // by well under half a position, or the arrow keys would get stuck on the rounded value.
  const perStep = decades / steps;
  let digits = 2;
  while (digits < 12 && Math.log10(1 + 0.5 * 10 ** (1 - digits)) >= 0.4 * perStep) digits++;
  return { kind, min, max, steps, c0, c1, digits, step: 0 };
}

/** The nearest position for a value; values outside the range sit at its ends. */
export function valueToPosition(s: SliderScale, value: number): number {
  if (Number.isNaN(value)) return 0;
  let c: number;
  if (s.kind === 'log') c = value > 0 ? coord('log', value) : -Infinity;
  else if (s.kind === 'one-minus-log') c = value < 1 ? coord('one-minus-log', value) : Infinity;
  else c = value;
  const p = Math.round(((c - s.c0) / (s.c1 - s.c0)) * s.steps);
  return Math.min(s.steps, Math.max(0, p));
}

/** The value at a position, rounded to what neighbouring positions need to differ. */
export function positionToValue(s: SliderScale, position: number): number {
  const p = Math.min(s.steps, Math.max(0, Math.round(position)));
  if (p === 0) return s.min;
  if (p === s.steps) return s.max;
  if (s.kind === 'linear') return roundTo(s.min + p * s.step, s.digits);
  if (s.kind === 'integer') return s.min + p;
  const c = s.c0 + (p / s.steps) * (s.c1 - s.c0);
  if (s.kind === 'log') return roundSignificant(10 ** c, s.digits);
  // Round 1 − v, then v to as many decimals as that leaves meaningful.
  const w = roundSignificant(10 ** -c, s.digits);
  return roundTo(1 - w, s.digits - Math.floor(Math.log10(w)) - 1);
}

// What the panel's typed fields accept. Pure, so the rules are tested without a DOM; the
// components turn a refusal's reason into a message in the user's language.
import type { HyperparamInfo } from '../../engine';
import { parseNumber } from '../shell/typedNumber';

/** The shapes of `HyperparamInfo.valid`, each of which has its own message. */
export type LimitKind = 'positive' | 'nonNegative' | 'unit' | 'openUnit' | 'halfOpenUnit' | 'aboveOne' | 'switch' | 'count' | 'choice' | 'other';

export type FieldCheck<R extends string> = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: R };

/**
 * Which message fits a hyperparameter's limits. Read off `valid` itself rather than kept in a
 * second table, so that the message cannot drift from what the engine really accepts.
 */
export function limitKind(valid: (v: number) => boolean): LimitKind {
  const finiteOnly = !valid(Number.POSITIVE_INFINITY) && !valid(Number.NaN);
  if (!finiteOnly || valid(-1e-9)) return 'other';
  if (valid(0) && valid(1) && !valid(0.5) && !valid(2)) return 'switch';
  if (!valid(0) && valid(1) && valid(100_000) && !valid(1.5) && !valid(100_001)) return 'count';
  if (valid(0) && valid(1) && valid(2) && !valid(0.5) && !valid(1e6)) return 'choice';
  if (!valid(0) && valid(1e-9) && valid(1) && !valid(1 + 1e-9)) return 'halfOpenUnit';
  if (!valid(0) && valid(1e-300) && valid(1) && valid(1e6)) return 'positive';
  if (valid(0) && valid(1) && valid(1e6)) return 'nonNegative';
  if (valid(0) && valid(0.999999) && !valid(1)) return 'unit';
  if (!valid(0) && valid(1e-9) && valid(0.999999) && !valid(1)) return 'openUnit';
  if (!valid(1) && valid(1 + 1e-9) && valid(1e6)) return 'aboveOne';
  return 'other';
}

/** A typed hyperparameter: any number the engine accepts, even beyond the slider's range. */
export function checkParam(info: Pick<HyperparamInfo, 'valid'>, text: string): FieldCheck<'notNumber' | LimitKind> {
  const v = parseNumber(text);
  if (v === null) return { ok: false, reason: 'notNumber' };
  if (!info.valid(v)) return { ok: false, reason: limitKind(info.valid) };
  return { ok: true, value: v };
}

/**
 * A typed coordinate of the start point: a number inside the plotted range of its axis (a
 * particle off the plot cannot be seen, and a far one diverges at once), where f is defined.
 */
export function checkCoord(
  text: string,
  range: readonly [number, number] = [-Infinity, Infinity],
  defined: (v: number) => boolean = () => true,
): FieldCheck<'notNumber' | 'outside' | 'undefined'> {
  const v = parseNumber(text);
  if (v === null) return { ok: false, reason: 'notNumber' };
  if (v < range[0] || v > range[1]) return { ok: false, reason: 'outside' };
  if (!defined(v)) return { ok: false, reason: 'undefined' };
  return { ok: true, value: v };
}

/** A typed number of steps: a whole number in 1 … max (no silent rounding or clamping). */
export function checkSteps(text: string, max: number): FieldCheck<'steps'> {
  const v = parseNumber(text);
  if (v === null || !Number.isInteger(v) || v < 1 || v > max) return { ok: false, reason: 'steps' };
  return { ok: true, value: v };
}

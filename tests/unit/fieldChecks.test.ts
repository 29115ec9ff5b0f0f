import { describe, expect, it } from 'vitest';
import { HYPERPARAMS, hyperparamInfo } from '../../src/engine';
import { checkCoord, checkParam, checkSteps, limitKind } from '../../src/ui/panel/fieldChecks';

describe('limitKind', () => {
  it('reads each hyperparameter’s limits off its valid()', () => {
    expect(limitKind(hyperparamInfo('lr').valid)).toBe('positive');
    expect(limitKind(hyperparamInfo('eps').valid)).toBe('nonNegative');
    expect(limitKind(hyperparamInfo('weightDecay').valid)).toBe('nonNegative');
    expect(limitKind(hyperparamInfo('beta2').valid)).toBe('unit');
    expect(limitKind(hyperparamInfo('rho').valid)).toBe('unit');
  });

  it('has a specific message for every hyperparameter the engine knows', () => {
    for (const h of HYPERPARAMS) expect(limitKind(h.valid)).not.toBe('other');
  });

  it('falls back to a generic message for limits it does not recognise', () => {
    expect(limitKind((v) => v > 2 && v < 3)).toBe('other');
    expect(limitKind(() => true)).toBe('other');
  });
});

describe('checkParam', () => {
  const lr = hyperparamInfo('lr');
  const beta2 = hyperparamInfo('beta2');

  it('accepts any value the engine accepts, beyond the slider range too', () => {
    expect(checkParam(lr, '0.05')).toEqual({ ok: true, value: 0.05 });
    expect(checkParam(lr, '50')).toEqual({ ok: true, value: 50 });
    expect(checkParam(lr, '3e-7')).toEqual({ ok: true, value: 3e-7 });
    expect(checkParam(beta2, '0.5')).toEqual({ ok: true, value: 0.5 });
  });

  it('refuses text and out-of-limit values with a reason', () => {
    expect(checkParam(lr, 'abc')).toEqual({ ok: false, reason: 'notNumber' });
    expect(checkParam(lr, '')).toEqual({ ok: false, reason: 'notNumber' });
    expect(checkParam(lr, '0')).toEqual({ ok: false, reason: 'positive' });
    expect(checkParam(lr, '-1')).toEqual({ ok: false, reason: 'positive' });
    expect(checkParam(beta2, '1')).toEqual({ ok: false, reason: 'unit' });
    expect(checkParam(hyperparamInfo('eps'), '-1e-8')).toEqual({ ok: false, reason: 'nonNegative' });
  });
});

describe('checkCoord', () => {
  it('takes any finite number', () => {
    expect(checkCoord('-1.5')).toEqual({ ok: true, value: -1.5 });
    expect(checkCoord('x')).toEqual({ ok: false, reason: 'notNumber' });
    expect(checkCoord('NaN')).toEqual({ ok: false, reason: 'notNumber' });
  });

  it('refuses a start off the plot, bounds included as valid', () => {
    expect(checkCoord('1e9', [-5, 5])).toEqual({ ok: false, reason: 'outside' });
    expect(checkCoord('-5.01', [-5, 5])).toEqual({ ok: false, reason: 'outside' });
    expect(checkCoord('5', [-5, 5])).toEqual({ ok: true, value: 5 });
  });

  it('refuses a start where f is undefined (log(x) left of the axis)', () => {
    const defined = (x: number) => Number.isFinite(Math.log(x));
    expect(checkCoord('-1.8', [-2, 2], defined)).toEqual({ ok: false, reason: 'undefined' });
    expect(checkCoord('0.5', [-2, 2], defined)).toEqual({ ok: true, value: 0.5 });
  });
});

describe('checkSteps', () => {
  it('takes whole numbers in range only', () => {
    expect(checkSteps('200', 20000)).toEqual({ ok: true, value: 200 });
    expect(checkSteps('1', 20000)).toEqual({ ok: true, value: 1 });
    expect(checkSteps('20000', 20000)).toEqual({ ok: true, value: 20000 });
    for (const bad of ['0', '20001', '1.5', '-3', '', 'many']) expect(checkSteps(bad, 20000).ok).toBe(false);
  });
});

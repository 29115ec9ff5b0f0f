import { describe, expect, it } from 'vitest';
import { HYPERPARAMS, hyperparamInfo } from '../../src/engine';
import { positionToValue, sliderScale, valueToPosition } from '../../src/ui/panel/sliderScale';
import { formatCoord, formatParam } from '../../src/i18n/numberFormat';
import { parseNumber } from '../../src/ui/shell/typedNumber';

describe('sliderScale', () => {
  // A switch (centered) is a checkbox, not a slider.
  for (const info of HYPERPARAMS.filter((h) => !h.switch)) {
    describe(`${info.key} (${info.scale})`, () => {
      const s = sliderScale(info);

      it('has about a thousand positions (a whole-number one, one per number)', () => {
        if (info.scale === 'integer') {
          expect(s.steps).toBe(info.max - info.min);
          return;
        }
        expect(s.steps).toBeGreaterThanOrEqual(990);
        expect(s.steps).toBeLessThanOrEqual(1100);
      });

      it('puts min and max exactly at the ends', () => {
        expect(positionToValue(s, 0)).toBe(info.min);
        expect(positionToValue(s, s.steps)).toBe(info.max);
        expect(valueToPosition(s, info.min)).toBe(0);
        expect(valueToPosition(s, info.max)).toBe(s.steps);
      });

      it('maps every position to a valid, strictly increasing value that maps back to it', () => {
        // The round trip is what keeps the arrow keys from sticking: one key press moves one
        // position, the store gets the rounded value, and the thumb must land on the new position.
        let prev = -Infinity;
        for (let p = 0; p <= s.steps; p++) {
          const v = positionToValue(s, p);
          expect(info.valid(v)).toBe(true);
          expect(v).toBeGreaterThan(prev);
          expect(valueToPosition(s, v)).toBe(p);
          prev = v;
        }
      });

      it('clamps values outside the slider range to its ends', () => {
        expect(valueToPosition(s, info.max * 10 + 1)).toBe(s.steps);
        expect(valueToPosition(s, -1)).toBe(0);
        expect(valueToPosition(s, Number.NaN)).toBe(0);
      });
    });
  }

  it('puts round decades exactly on positions', () => {
    const lr = sliderScale(hyperparamInfo('lr'));
    for (const v of [1e-4, 1e-3, 0.01, 0.1, 1]) expect(positionToValue(lr, valueToPosition(lr, v))).toBe(v);
    const beta2 = sliderScale(hyperparamInfo('beta2'));
    for (const v of [0.99, 0.999]) expect(positionToValue(beta2, valueToPosition(beta2, v))).toBe(v);
    const eps = sliderScale(hyperparamInfo('eps'));
    for (const v of [1e-10, 1e-8, 1e-6]) expect(positionToValue(eps, valueToPosition(eps, v))).toBe(v);
  });

  it('gives linear sliders round steps', () => {
    const rho = sliderScale(hyperparamInfo('rho'));
    expect(rho.steps).toBe(999);
    expect(positionToValue(rho, 900)).toBe(0.9);
    expect(positionToValue(rho, 1)).toBe(0.001);
    const psi = sliderScale(hyperparamInfo('momentumDecay'));
    expect(positionToValue(psi, 40)).toBe(0.004);
  });

  it('is fine near 1 on the one-minus-log scale', () => {
    const beta2 = sliderScale(hyperparamInfo('beta2'));
    const at999 = valueToPosition(beta2, 0.999);
    const next = positionToValue(beta2, at999 + 1);
    expect(next).toBeGreaterThan(0.999);
    expect(next).toBeLessThan(0.99901);
  });

  it('keeps log values short', () => {
    const lr = sliderScale(hyperparamInfo('lr'));
    for (let p = 0; p <= lr.steps; p += 37) {
      expect(formatParam(positionToValue(lr, p)).replace(/^0\.0*|e.*$|\./g, '').length).toBeLessThanOrEqual(3);
    }
  });
});

describe('formatParam', () => {
  it('shows values with sensible precision', () => {
    expect(formatParam(0.001)).toBe('0.001');
    expect(formatParam(3e-4)).toBe('3e-4');
    expect(formatParam(1e-8)).toBe('1e-8');
    expect(formatParam(1.5e-10)).toBe('1.5e-10');
    expect(formatParam(0.999)).toBe('0.999');
    expect(formatParam(0.9999)).toBe('0.9999');
    expect(formatParam(0.99999)).toBe('0.99999');
    expect(formatParam(0.9)).toBe('0.9');
    expect(formatParam(0.1 + 0.2)).toBe('0.3');
    expect(formatParam(1)).toBe('1');
    expect(formatParam(10)).toBe('10');
    expect(formatParam(0)).toBe('0');
    expect(formatParam(0.004)).toBe('0.004');
  });

  it('round-trips through parseNumber', () => {
    for (const v of [0.001, 3e-4, 1e-8, 0.999, 0.9999, 0.01, 2.5, 0]) expect(parseNumber(formatParam(v))).toBe(v);
  });
});

describe('formatCoord', () => {
  it('keeps six significant digits', () => {
    expect(formatCoord(-1.5)).toBe('-1.5');
    expect(formatCoord(0.001)).toBe('0.001');
    expect(formatCoord(-1.23456789)).toBe('-1.23457');
    expect(formatCoord(0)).toBe('0');
  });
});

describe('parseNumber', () => {
  it('accepts decimal and exponent notation', () => {
    expect(parseNumber('0.01')).toBe(0.01);
    expect(parseNumber(' .5 ')).toBe(0.5);
    expect(parseNumber('3e-4')).toBe(3e-4);
    expect(parseNumber('1E3')).toBe(1000);
    expect(parseNumber('-2')).toBe(-2);
    expect(parseNumber('\u22122.5')).toBe(-2.5);
    expect(parseNumber('+1.')).toBe(1);
  });

  it('refuses what is not a plain finite number', () => {
    for (const bad of ['', ' ', 'abc', '1e', '0x10', 'Infinity', 'NaN', '1,5', '1e999', '--1', '.']) {
      expect(parseNumber(bad)).toBeNull();
    }
  });
});

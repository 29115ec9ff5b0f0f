import { describe, expect, it } from 'vitest';
import { decimalsFor, formatNumber, formatPlotTick, formatPowerOfTen, formatSpeed, formatTick, MINUS } from '../../src/i18n/numberFormat';

describe('formatNumber', () => {
  it('shows four significant digits, keeping trailing zeros for a steady width', () => {
    expect(formatNumber(1.23456)).toBe('1.235');
    expect(formatNumber(0.1)).toBe('0.1000');
    expect(formatNumber(123.456)).toBe('123.5');
    expect(formatNumber(0.0012346)).toBe('0.001235');
  });
  it('uses a typographic minus', () => {
    expect(formatNumber(-2.8162)).toBe(`${MINUS}2.816`);
    expect(formatNumber(-1.5e-7)).toBe(`${MINUS}1.500e${MINUS}7`);
  });
  it('goes exponential for tiny and huge magnitudes', () => {
    expect(formatNumber(1.234567e-5)).toBe(`1.235e${MINUS}5`);
    expect(formatNumber(3e-300)).toBe(`3.000e${MINUS}300`);
    expect(formatNumber(2.5e9)).toBe('2.500e9');
  });
  it('writes five-digit integers whole rather than in exponent form', () => {
    expect(formatNumber(12345.6)).toBe('12346');
    expect(formatNumber(9999.7)).toBe('10000');
    expect(formatNumber(-54321)).toBe(`${MINUS}54321`);
  });
  it('handles zero and non-finite values', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe(`${MINUS}∞`);
  });
  it('honours another digit count', () => {
    expect(formatNumber(Math.PI, 2)).toBe('3.1');
  });
});

describe('formatTick', () => {
  it('gives all labels of an axis the decimals of its step', () => {
    expect(decimalsFor(0.25)).toBe(2);
    expect(decimalsFor(5)).toBe(0);
    expect(decimalsFor(0.1 + 0.2)).toBe(1);
    expect(formatTick(0.5, 0.5)).toBe('0.5');
    expect(formatTick(1, 0.5)).toBe('1.0');
    expect(formatTick(-0.2, 0.1)).toBe(`${MINUS}0.2`);
    expect(formatTick(-1e-17, 0.1)).toBe('0.0');
  });
  it('goes exponential for very large or very fine axes', () => {
    expect(formatTick(200000, 100000)).toBe('2e5');
    expect(formatTick(250000, 50000)).toBe('2.5e5');
    expect(formatTick(0, 100000)).toBe('0');
    expect(formatTick(2e-5, 1e-5)).toBe(`2e${MINUS}5`);
  });
});

describe('formatPowerOfTen and formatSpeed', () => {
  it('writes exponents as superscripts', () => {
    expect(formatPowerOfTen(-3)).toBe('10⁻³');
    expect(formatPowerOfTen(12)).toBe('10¹²');
    expect(formatPowerOfTen(0)).toBe('10⁰');
  });
  it('writes speeds plainly', () => {
    expect(formatSpeed(60)).toBe('60');
    expect(formatSpeed(1.5)).toBe('1.5');
    expect(formatSpeed(1000)).toBe('1000');
    expect(formatSpeed(2)).toBe('2');
  });
});

describe('formatPlotTick', () => {
  it('writes a 2D tick as short as its value allows, with a true minus', () => {
    expect(formatPlotTick(0.5)).toBe('0.5');
    expect(formatPlotTick(-2)).toBe('\u22122');
    expect(formatPlotTick(1e-13)).toBe('0');
    expect(formatPlotTick(0.30000000000000004)).toBe('0.3');
  });
});

// Numbers as Descent shows them (legend, chart, readouts, fields, the 2D plot's axes): the one
// place they are formatted for the screen, pure functions that the scene and the UI share. A
// typographic minus (U+2212) because a hyphen reads as a dash from the back of a lecture hall;
// tests should read the raw value from data-value rather than parse this text.

export const MINUS = '\u2212';

function withMinus(text: string): string {
  return text.startsWith('-') ? MINUS + text.slice(1) : text;
}

/** "1.234e-5" → "1.234e−5": the exponent's sign gets the same minus as the mantissa. */
function exponential(v: number, digits: number): string {
  const [mantissa, exponent] = v.toExponential(Math.max(0, digits - 1)).split('e');
  const e = Number(exponent);
  return `${withMinus(mantissa)}e${e < 0 ? MINUS + String(-e) : String(e)}`;
}

/**
 * About `digits` significant digits. Trailing zeros are kept on purpose: a value that changes
 * every frame keeps its width, so a column of tabular numbers does not jitter.
 * Tiny and huge magnitudes switch to exponential notation rather than a row of zeros.
 */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return `${MINUS}∞`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e6) return exponential(v, digits);
  const text = v.toPrecision(digits);
  // toPrecision itself goes exponential once the integer part has more digits than asked.
  if (text.includes('e')) return withMinus(String(Math.round(v)));
  return withMinus(text);
}

/** The number of decimals that shows every multiple of `step` exactly, e.g. 0.25 → 2. */
export function decimalsFor(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let d = 0; d <= 12; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 12;
}

/** A tick label on a linear axis whose ticks are `step` apart: all labels share one format. */
export function formatTick(v: number, step: number): string {
  const a = Math.max(Math.abs(v), step);
  if (a >= 1e5 || step < 1e-4) {
    if (Math.abs(v) < step * 1e-6) return '0';
    // As many significant digits as it takes to tell neighbouring ticks apart.
    const digits = Math.floor(Math.log10(a)) - Math.floor(Math.log10(step)) + 1;
    return exponential(v, Math.min(4, Math.max(1, digits)));
  }
  const text = v.toFixed(decimalsFor(step));
  // −0.00 would otherwise appear for a tick that is zero up to rounding.
  if (Number(text) === 0) return text.replace('-', '');
  return withMinus(text);
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Digits and a minus raised: "-3" → "⁻³"; any other character stays as it is. */
export function superscript(text: string): string {
  return [...text].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** 10^e as text, e.g. −3 → "10⁻³", for places that cannot raise the exponent themselves. */
export function formatPowerOfTen(e: number): string {
  return `10${superscript(String(e))}`;
}

/** A speed in steps per second: whole numbers plain, 1.5 with its one decimal. */
export function formatSpeed(speed: number): string {
  if (speed >= 10) return String(Math.round(speed));
  return String(Math.round(speed * 10) / 10);
}

/**
 * A hyperparameter as an editable field shows it: short, exact enough to retype, ASCII only
 * (a number input cannot hold a typographic minus). 0.001, 3e-4, 1e-8, 0.999, 0.9999.
 */
export function formatParam(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e6) return Number(v.toPrecision(6)).toExponential();
  if (a >= 0.9 && a < 1) {
    // Near 1 the digits that matter are those of 1 − v: 0.99999 must not read as 1.
    return String(Number(v.toFixed(Math.min(15, Math.ceil(-Math.log10(1 - a)) + 4))));
  }
  return String(Number(v.toPrecision(6)));
}

/** A coordinate (the start point) as its field shows it. */
export function formatCoord(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

/** A 2D plot tick's label: as short as the value allows, with a true minus sign. */
export function formatPlotTick(v: number): string {
  const text = Math.abs(v) < 1e-12 ? '0' : String(Number(v.toPrecision(6)));
  return withMinus(text);
}

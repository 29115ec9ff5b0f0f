// Codecs for plain values: numbers in a range, a choice among names, on/off flags, and fixed
// lists of numbers (x,y). Numbers are written in JavaScript's shortest round-trip form ("1e-7",
// "0.9999"), so every value reads back bit for bit.
import { parseDecimal } from '../../engine';
import { ok, refuse, type Codec, type Parsed } from './urlRow';

/** Shortest text that reads back as the same double; "1e21" rather than "1e+21" (a "+" reads as a space). */
export function formatNumber(n: number): string {
  return (Object.is(n, -0) ? '0' : String(n)).replace('e+', 'e');
}

/** A decimal number, or undefined: no hex, no "Infinity", no empty string (Number('') is 0). */
export function parseNumber(text: string): number | undefined {
  // A hand-typed "1e+21" arrives as "1e 21": the query's "+" was decoded as a space.
  const t = text.trim().replace(/e (?=\d)/i, 'e+');
  const n = parseDecimal(t);
  if (n === null) return undefined;
  return n === 0 ? 0 : n;
}

function parseNumbers(text: string, count: number): number[] | undefined {
  const parts = text.split(',');
  if (parts.length !== count) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    const n = parseNumber(p);
    if (n === undefined) return undefined;
    out.push(n);
  }
  return out;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

interface Range {
  readonly min: number;
  readonly max: number;
  /** The minimum itself is refused: (min, max]. */
  readonly minOpen?: boolean;
  /** Kept to this many decimals, in the link and in what it is compared by. */
  readonly decimals?: number;
}

function numberCodec(integer: boolean, range: Range): Codec<number> {
  const { min, max, minOpen, decimals } = range;
  const accepts = integer ? `${formatNumber(min)} … ${formatNumber(max)}` : `${minOpen ? '(' : '['}${formatNumber(min)}, ${max === Number.MAX_VALUE ? '∞)' : `${formatNumber(max)}]`}`;
  const round = (v: number) => (decimals === undefined ? v : Math.round(v * 10 ** decimals) / 10 ** decimals);
  return {
    maxLength: 64,
    parse(text) {
      const n = parseNumber(text);
      if (n === undefined) return refuse(text.trim() === '' ? 'empty' : 'notNumber', accepts);
      if (integer && !Number.isInteger(n)) return refuse('notInteger', accepts);
      if (n < min || n > max || (minOpen && n === min)) return refuse('outOfRange', accepts);
      return ok(n);
    },
    format: (v) => formatNumber(round(v)),
    equals: (a, b) => round(a) === round(b),
  };
}

/** A number in [min, max] (Number.MAX_VALUE: no upper bound). */
export const decimal = (range: Range): Codec<number> => numberCodec(false, range);
/** A whole number in min … max. */
export const integer = (range: Range): Codec<number> => numberCodec(true, range);

/** One of a few names, read case-insensitively. */
export function choice<T extends string>(values: readonly T[]): Codec<T> {
  return {
    maxLength: 64,
    parse(text) {
      const t = text.trim().toLowerCase();
      const v = values.find((c) => c.toLowerCase() === t);
      return v === undefined ? refuse(t === '' ? 'empty' : 'notChoice', values.join(' | ')) : ok(v);
    },
    format: (v) => v,
    equals: (a, b) => a === b,
  };
}

function parseBool(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  // A bare flag (`?embed`) means on.
  if (t === '' || t === '1' || t === 'true' || t === 'yes' || t === 'on') return true;
  if (t === '0' || t === 'false' || t === 'no' || t === 'off') return false;
  return undefined;
}

/** On or off: written 1 or 0; read from 1/0, true/false, yes/no, on/off, or the bare key. */
export function flag(): Codec<boolean> {
  return {
    maxLength: 16,
    parse(text) {
      const b = parseBool(text);
      return b === undefined ? refuse('notBool', '0 | 1') : ok(b);
    },
    format: (v) => (v ? '1' : '0'),
    equals: (a, b) => a === b,
  };
}

interface Tuple<T> {
  readonly count: number;
  /** The form, as a notice shows it: "x,y". */
  readonly form: string;
  readonly maxLength: number;
  toValue(numbers: readonly number[]): Parsed<T>;
  /** The numbers written (none: an empty value). */
  toNumbers(value: T): readonly number[];
}

/** A fixed number of comma-separated numbers that make one value (a point, a domain, a camera). */
export function numberTuple<T>(spec: Tuple<T>): Codec<T> {
  return {
    maxLength: spec.maxLength,
    parse(text) {
      const n = parseNumbers(text, spec.count);
      return n ? spec.toValue(n) : refuse('notNumber', spec.form);
    },
    format: (v) => spec.toNumbers(v).map(formatNumber).join(','),
    equals: (a, b) => sameNumbers(spec.toNumbers(a), spec.toNumbers(b)),
  };
}

/**
 * Examples per mini-batch, or null for the full batch: no row, or `full` where the link's lesson
 * sets a batch of its own (batch=full in a lesson on batches of 10). Data sets are small: 10,000
 * is far above any.
 */
export const batchSizeCodec: Codec<number | null> = {
  maxLength: 16,
  parse(text, ctx) {
    if (text.trim().toLowerCase() === 'full') return ok<number | null>(null);
    const n = integer({ min: 1, max: 10_000 }).parse(text, ctx);
    return n.ok ? ok<number | null>(n.value) : n;
  },
  format: (v) => (v === null ? 'full' : formatNumber(v)),
  equals: (a, b) => a === b,
};

// Numbers typed as text: a URL's value, a command-line flag, a field in the panel. All read them
// alike: Number() alone would take "" and " " as 0, "0x10" as 16 and "Infinity" as a number.

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A finite decimal number ("0.1", "-3", ".5", "1e-8"), or null for anything else. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

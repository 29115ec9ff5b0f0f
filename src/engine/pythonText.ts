// Numbers as Python source, for the scripts Descent writes (src/engine/pytorchScript.ts and the
// torch translation of formulas, src/engine/formula/torch.ts): the one spelling both use.

/**
 * A double as a Python float literal that reads back as the same double: JavaScript's shortest
 * round-trip form (Python's float() rounds it back to the same value), with ".0" on a whole
 * number so that it stays a float, and -0.0, math.nan and math.inf spelled out.
 */
export function pythonFloat(v: number): string {
  if (Number.isNaN(v)) return 'math.nan';
  if (!Number.isFinite(v)) return v > 0 ? 'math.inf' : '-math.inf';
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

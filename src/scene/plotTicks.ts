// Where the 2D plot's axes put their numbers: round values (1, 2 or 5 times a power of ten)
// inside the part of the domain on screen, about one per `spacing` pixels.

/** The tick spacing: the smallest of 1, 2, 5 × 10^k that leaves at least `minGap` pixels. */
export function tickStep(pixelsPerUnit: number, minGap: number): number {
  if (!(pixelsPerUnit > 0) || !Number.isFinite(pixelsPerUnit)) return 1;
  const raw = minGap / pixelsPerUnit;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

/** Multiples of `step` in [lo, hi], free of float noise (0.30000000000000004 → 0.3). */
export function ticksBetween(lo: number, hi: number, step: number): number[] {
  if (!(step > 0) || !(hi >= lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const out: number[] = [];
  // A zoom so far out that it would list thousands is no axis at all.
  if (last - first > 200) return out;
  for (let i = first; i <= last; i++) out.push(Number((i * step).toPrecision(12)) + 0);
  return out;
}

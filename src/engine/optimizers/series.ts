/**
 * Per-step constants that depend only on t (β₁ᵗ, β₂ᵗ, NAdam's μₜ), computed once with
 * Math.pow and reused by every run and every recompute that shares them.
 *
 * Why a table: Math.pow costs more than the rest of an Adam step together, and a running
 * product (p ← p·β) drifts from pow in the last digits, while the table keeps exactly the
 * values pow gives, as PyTorch's `beta ** step` does. Sliders move η far more often than β,
 * so the table is almost always warm.
 */
const cache = new Map<string, Float64Array>();
const CACHE_LIMIT = 32;

/** table[t] = term(t) for t = 0 … last; shared, so callers must not write to it. */
export function series(key: string, last: number, term: (t: number) => number): Float64Array {
  const hit = cache.get(key);
  if (hit && hit.length > last) return hit;
  // Grow generously so that adding steps does not rebuild the table each time.
  const size = Math.max(last + 1, hit ? Math.min(hit.length * 2, 1_000_002) : 1024);
  const table = new Float64Array(size);
  for (let t = 0; t < size; t++) table[t] = term(t);
  if (!hit && cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, table);
  return table;
}

/** table[t] = baseᵗ, exactly as Math.pow gives it. */
export function powers(base: number, last: number): Float64Array {
  return series(`pow:${base}`, last, (t) => Math.pow(base, t));
}

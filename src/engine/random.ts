// Seeded randomness for gradient noise: the same seed must give the same path in Node,
// the browser and a Worker, so we use our own generator rather than Math.random.

/** sfc32: a small, fast 32-bit generator with a 128-bit state; good statistical quality. */
/**
 * The noise's seed: a whole number from 0 to SEED_MAX (the generator reads it as an unsigned
 * 32-bit integer), 1 unless chosen. The app, the URL and the command line all take this range.
 */
export const SEED_MAX = 0xffffffff;
export const DEFAULT_SEED = 1;

/** Whether a value is a seed the generator reads as it is. */
export function isSeed(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v <= SEED_MAX;
}

export function createUniform(seed: number): () => number {
  // splitmix32 spreads a small integer seed over the whole state, so seeds 1 and 2 differ at once.
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32();
  // 53 random bits, mapped into (0, 1]: never 0, so log(u) below stays finite.
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6) + 1) / 9007199254740992;
}

/** Standard normal deviates by the Box–Muller transform, seeded. */
export class GaussianNoise {
  private readonly uniform: () => number;
  private spare = 0;
  private hasSpare = false;

  constructor(
    readonly sigma: number,
    readonly seed: number,
  ) {
    this.uniform = createUniform(seed);
  }

  /** One draw from N(0, 1). */
  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const r = Math.sqrt(-2 * Math.log(this.uniform()));
    const theta = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(theta);
    this.hasSpare = true;
    return r * Math.cos(theta);
  }

  /** Adds σ·N(0, I) to a gradient in place: the mini-batch noise of a stochastic gradient. */
  perturb(g: Float64Array): void {
    g[0] += this.sigma * this.next();
    g[1] += this.sigma * this.next();
  }

  /** A step's gradient, as a kernel's gradient hook (GradientSource): noise on what f gave. */
  beforeStep(_f: unknown, _x: number, _y: number, g: Float64Array): number {
    this.perturb(g);
    // The loss itself is f's, unchanged.
    return Number.NaN;
  }

  /** Every evaluation within a step is noisy too (each is a closure call with its own draw). */
  onEvaluation(g: Float64Array): void {
    this.perturb(g);
  }
}

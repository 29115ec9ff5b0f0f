// Two-parameter models over a data set: their loss is a surface like any other (its x and y are
// the model's two parameters), and also the mean of one loss per example, which is what a
// mini-batch takes a part of.
//
// linear     ŷ = w·x + b, MSE: mean of (ŷ − y)² (torch.nn.MSELoss); parameters (w, b)
// logistic   p = σ(w₁·u₁ + w₂·u₂), cross-entropy: mean of −t·log p − (1 − t)·log(1 − p)
//            (torch.nn.BCEWithLogitsLoss); parameters (w₁, w₂), no bias: the features u are
//            standardized, so the classes' boundary runs through their mean
//
// Every sum runs over the examples in the order given (the data's order for the full loss, the
// batch's for a batch), then is divided by the count, as a mean.

/** A model fitted to examples: per-example inputs (two numbers) and a target. */
export interface ExampleSet {
  readonly kind: 'linear' | 'logistic';
  /** First input per example: x (linear) or u₁ (logistic). */
  readonly a: Float64Array;
  /** Second input per example: unused (linear: the bias's input is 1) or u₂ (logistic). */
  readonly b: Float64Array;
  /** Target per example: y (linear) or the class 0/1 (logistic). */
  readonly t: Float64Array;
  readonly count: number;
}

/**
 * The mean loss over examples `order[from]` … `order[to − 1]` (or examples from … to − 1 when
 * `order` is null) at parameters (p, q); writes the mean gradient into out[0], out[1].
 */
export function meanLossAndGrad(set: ExampleSet, order: Int32Array | null, from: number, to: number, p: number, q: number, out: Float64Array): number {
  // One function per model: V8 optimizes each loop on its own (the two in one function made the
  // linear model's 2.6 times slower).
  return set.kind === 'linear' ? linearLossAndGrad(set, order, from, to, p, q, out) : logisticLossAndGrad(set, order, from, to, p, q, out);
}

function linearLossAndGrad(set: ExampleSet, order: Int32Array | null, from: number, to: number, p: number, q: number, out: Float64Array): number {
  const { a, t } = set;
  let loss = 0;
  let g0 = 0;
  let g1 = 0;
  for (let k = from; k < to; k++) {
    const i = order === null ? k : order[k];
    const r = p * a[i] + q - t[i];
    loss += r * r;
    g0 += 2 * r * a[i];
    g1 += 2 * r;
  }
  const n = to - from;
  out[0] = g0 / n;
  out[1] = g1 / n;
  return loss / n;
}

function logisticLossAndGrad(set: ExampleSet, order: Int32Array | null, from: number, to: number, p: number, q: number, out: Float64Array): number {
  const { a, b, t } = set;
  let loss = 0;
  let g0 = 0;
  let g1 = 0;
  // log(1 + e^z) − t·z, written so that neither exp overflows (torch's BCEWithLogits form):
  // max(z, 0) − t·z + log(1 + e) with e = e^−|z|. The logs are summed as the log of one
  // product: each factor 1 + e is in (1, 2], so a product of up to 1,000 of them stays finite,
  // and one Math.log a batch instead of one an example halves the time of a step (the exp is
  // the rest). The sum differs from the per-example logs' by rounding alone (~n·2⁻⁵³).
  let product = 1;
  let factors = 0;
  for (let k = from; k < to; k++) {
    const i = order === null ? k : order[k];
    const z = p * a[i] + q * b[i];
    const e = Math.exp(-Math.abs(z));
    const o = 1 + e;
    loss += Math.max(z, 0) - t[i] * z;
    product *= o;
    if (++factors === 1000) {
      loss += Math.log(product);
      product = 1;
      factors = 0;
    }
    const sigma = z >= 0 ? 1 / o : e / o;
    const d = sigma - t[i];
    g0 += d * a[i];
    g1 += d * b[i];
  }
  loss += Math.log(product);
  const n = to - from;
  out[0] = g0 / n;
  out[1] = g1 / n;
  return loss / n;
}

/** The Hessian (fxx, fxy, fyy) of the mean loss over the same examples as meanLossAndGrad, into out. */
export function meanHessian(set: ExampleSet, order: Int32Array | null, from: number, to: number, p: number, q: number, out: Float64Array): void {
  const { a, b } = set;
  let hxx = 0;
  let hxy = 0;
  let hyy = 0;
  if (set.kind === 'linear') {
    for (let k = from; k < to; k++) {
      const i = order === null ? k : order[k];
      hxx += 2 * a[i] * a[i];
      hxy += 2 * a[i];
      hyy += 2;
    }
  } else {
    for (let k = from; k < to; k++) {
      const i = order === null ? k : order[k];
      const z = p * a[i] + q * b[i];
      const e = Math.exp(-Math.abs(z));
      const s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      const w = s * (1 - s);
      hxx += w * a[i] * a[i];
      hxy += w * a[i] * b[i];
      hyy += w * b[i] * b[i];
    }
  }
  const n = to - from;
  out[0] = hxx / n;
  out[1] = hxy / n;
  out[2] = hyy / n;
}

/** Standardized copies of a column (mean 0, population standard deviation 1) over the rows kept. */
export function standardize(column: Float64Array, rows: readonly number[]): Float64Array {
  let sum = 0;
  for (const i of rows) sum += column[i];
  const mean = sum / rows.length;
  let sq = 0;
  for (const i of rows) sq += (column[i] - mean) * (column[i] - mean);
  const sd = Math.sqrt(sq / rows.length);
  return Float64Array.from(rows, (i) => (column[i] - mean) / sd);
}

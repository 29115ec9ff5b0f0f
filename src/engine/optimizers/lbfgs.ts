import type { GradientSource } from './loop';
import type { Surface } from '../types';
import { inBounds, NOWHERE, NO_PAIR, type StepLoop } from './loop';

// torch.optim.LBFGS (after minFunc), ported operation for operation so that paths round as
// PyTorch's do: the two-loop recursion over the last `historySize` curvature pairs, and the
// optional strong-Wolfe line search with cubic interpolation (torch's _strong_wolfe).
//
// One path point per step(closure) call. torch runs up to max_iter iterations inside one call
// (default 20); Descent's default maxIter is 1, so that each point is one iteration.

/** Armijo and curvature constants and the line search's evaluation cap, as torch fixes them. */
const C1 = 1e-4;
const C2 = 0.9;
const MAX_LS = 25;

/** torch's _cubic_interpolate: the minimiser of the cubic through two points, clamped to bounds. */
function cubicInterpolate(x1: number, f1: number, g1: number, x2: number, f2: number, g2: number, lo?: number, hi?: number): number {
  const xmin = lo ?? (x1 <= x2 ? x1 : x2);
  const xmax = hi ?? (x1 <= x2 ? x2 : x1);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 * d1 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos = x1 <= x2 ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2)) : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    // Python's min(max(·)) returns the first argument on ties and NaN comparisons: kept so.
    const clampedLow = pyMax(minPos, xmin);
    return pyMin(clampedLow, xmax);
  }
  return (xmin + xmax) / 2;
}

/** Python's max(a, b): b only when b > a (so a NaN a stays). */
function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}
/** Python's min(a, b): b only when b < a. */
function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}

/** What one line search found: the point's loss and gradient, the step length, evaluations. */
interface LineSearchResult {
  f: number;
  g0: number;
  g1: number;
  t: number;
  evals: number;
}

/** f and ∇f at x + t·d, the gradient with the run's noise (each evaluation is a closure call). */
function evaluate(f: Surface, noise: GradientSource | null, x: number, y: number, t: number, d0: number, d1: number, out: Float64Array): number {
  const v = f.valueAndGrad(x + t * d0, y + t * d1, out);
  if (noise !== null) noise.onEvaluation(out);
  return v;
}

const probe = new Float64Array(2);

// The line search's bracket: two points (t, f, g, g·d), or one when the first trial already
// satisfies Wolfe. Module scratch, as the search runs inside the step loop.
const bt = new Float64Array(2);
const bf = new Float64Array(2);
const bg0 = new Float64Array(2);
const bg1 = new Float64Array(2);
const bgtd = new Float64Array(2);

function setBracket(i: number, t: number, f: number, g0: number, g1: number, gtd: number): void {
  bt[i] = t;
  bf[i] = f;
  bg0[i] = g0;
  bg1[i] = g1;
  bgtd[i] = gtd;
}

/** torch's _strong_wolfe with tolerance_change and max_ls = 25, on a 2-vector. */
function strongWolfe(
  f: Surface,
  noise: GradientSource | null,
  x: number,
  y: number,
  tStart: number,
  d0: number,
  d1: number,
  fStart: number,
  gs0: number,
  gs1: number,
  gtd: number,
  tolChange: number,
  out: LineSearchResult,
): void {
  let t = tStart;
  const dNorm = Math.max(Math.abs(d0), Math.abs(d1));
  let fNew = evaluate(f, noise, x, y, t, d0, d1, probe);
  let gn0 = probe[0];
  let gn1 = probe[1];
  let evals = 1;
  let gtdNew = gn0 * d0 + gn1 * d1;
  let tPrev = 0;
  let fPrev = fStart;
  let gp0 = gs0;
  let gp1 = gs1;
  let gtdPrev = gtd;
  let done = false;
  let lsIter = 0;
  bgtd.fill(NaN);
  let single = false;
  while (lsIter < MAX_LS) {
    if (fNew > fStart + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
      setBracket(0, tPrev, fPrev, gp0, gp1, gtdPrev);
      setBracket(1, t, fNew, gn0, gn1, gtdNew);
      break;
    }
    if (Math.abs(gtdNew) <= -C2 * gtd) {
      setBracket(0, t, fNew, gn0, gn1, gtdNew);
      single = true;
      done = true;
      break;
    }
    if (gtdNew >= 0) {
      setBracket(0, tPrev, fPrev, gp0, gp1, gtdPrev);
      setBracket(1, t, fNew, gn0, gn1, gtdNew);
      break;
    }
    const minStep = t + 0.01 * (t - tPrev);
    const maxStep = t * 10;
    const tmp = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
    tPrev = tmp;
    fPrev = fNew;
    gp0 = gn0;
    gp1 = gn1;
    gtdPrev = gtdNew;
    fNew = evaluate(f, noise, x, y, t, d0, d1, probe);
    gn0 = probe[0];
    gn1 = probe[1];
    evals++;
    gtdNew = gn0 * d0 + gn1 * d1;
    lsIter++;
  }
  if (lsIter === MAX_LS) {
    // torch leaves the gtd entries as they were: the zoom below does not run (ls_iter = max_ls).
    bt[0] = 0;
    bt[1] = t;
    bf[0] = fStart;
    bf[1] = fNew;
    bg0[0] = gs0;
    bg1[0] = gs1;
    bg0[1] = gn0;
    bg1[1] = gn1;
    single = false;
  }
  let insufProgress = false;
  // With one entry, torch's bracket_f[0] and bracket_f[-1] are the same point: low is 0.
  let low = single || bf[0] <= bf[1] ? 0 : 1;
  let high = 1 - low;
  while (!done && lsIter < MAX_LS) {
    if (Math.abs(bt[1] - bt[0]) * dNorm < tolChange) break;
    t = cubicInterpolate(bt[0], bf[0], bgtd[0], bt[1], bf[1], bgtd[1]);
    const bMax = pyMax(bt[0], bt[1]);
    const bMin = pyMin(bt[0], bt[1]);
    const eps = 0.1 * (bMax - bMin);
    if (pyMin(bMax - t, t - bMin) < eps) {
      if (insufProgress || t >= bMax || t <= bMin) {
        t = Math.abs(t - bMax) < Math.abs(t - bMin) ? bMax - eps : bMin + eps;
        insufProgress = false;
      } else {
        insufProgress = true;
      }
    } else {
      insufProgress = false;
    }
    fNew = evaluate(f, noise, x, y, t, d0, d1, probe);
    gn0 = probe[0];
    gn1 = probe[1];
    evals++;
    gtdNew = gn0 * d0 + gn1 * d1;
    lsIter++;
    if (fNew > fStart + C1 * t * gtd || fNew >= bf[low]) {
      setBracket(high, t, fNew, gn0, gn1, gtdNew);
      low = bf[0] <= bf[1] ? 0 : 1;
      high = 1 - low;
    } else {
      if (Math.abs(gtdNew) <= -C2 * gtd) {
        done = true;
      } else if (gtdNew * (bt[high] - bt[low]) >= 0) {
        setBracket(high, bt[low], bf[low], bg0[low], bg1[low], bgtd[low]);
      }
      setBracket(low, t, fNew, gn0, gn1, gtdNew);
    }
  }
  out.t = bt[low];
  out.f = bf[low];
  out.g0 = bg0[low];
  out.g1 = bg1[low];
  out.evals = evals;
}

const found: LineSearchResult = { f: 0, g0: 0, g1: 0, t: 0, evals: 0 };

/**
 * `lbfgs` (torch.optim.LBFGS): per step(closure) call, up to maxIter iterations of
 *   d = −H·g  (two-loop recursion over the last m pairs sᵢ = tᵢ·dᵢ, yᵢ = gᵢ₊₁ − gᵢ, kept
 *              when yᵢ·sᵢ > 10⁻¹⁰; H₀ = γ·I with γ = y·s / y·y of the newest pair)
 *   x ← x + t·d with t = η (the very first iteration: min(1, 1/‖g‖₁)·η), or t from a
 *   strong-Wolfe line search,
 * stopping early as torch does (‖g‖∞ ≤ tolGrad, g·d > −tolChange, tiny steps or changes).
 * The path has one point per call. A line search that ends without lowering f stops the
 * run with status 'lineSearchFailed' (torch would take that step and go on).
 */
export function runLbfgs(loop: StepLoop): number {
  const { f, n, g, noise, bounds, rec } = loop;
  const xs = loop.x;
  const ys = loop.y;
  const ls = loop.loss;
  const { lr: baseLr, tolGrad, tolChange } = loop.p;
  const historySize = loop.p.historySize;
  const maxIter = loop.p.maxIter;
  const maxEval = Math.floor((maxIter * 5) / 4);
  const lineSearch = loop.p.lineSearch === 1;
  const lrScale = loop.lrScale;
  const gxr = rec === null ? NOWHERE : rec.gx;
  const gyr = rec === null ? NOWHERE : rec.gy;
  const lrr = rec === null ? NOWHERE : rec.lr;
  const [dxr, dyr] = rec === null ? NO_PAIR : rec.vector('direction');
  const tr = rec === null ? NOWHERE : rec.scalar('stepLength');
  const evr = rec === null ? NOWHERE : rec.scalar('evals');
  const memr = rec === null ? NOWHERE : rec.scalar('memory');
  const gammar = rec === null ? NOWHERE : rec.scalar('hDiag');
  const itr = rec === null ? NOWHERE : rec.scalar('iterations');
  // The curvature pairs, oldest first: y (torch's old_dirs), s (old_stps), ρ = 1/(y·s).
  const oldY0 = new Float64Array(historySize);
  const oldY1 = new Float64Array(historySize);
  const oldS0 = new Float64Array(historySize);
  const oldS1 = new Float64Array(historySize);
  const ro = new Float64Array(historySize);
  const al = new Float64Array(historySize);
  let numOld = 0;
  let hDiag = 1;
  let d0 = 0;
  let d1 = 0;
  let step = 0;
  let prevG0 = 0;
  let prevG1 = 0;
  let stateIter = 0;
  let x = xs[0];
  let y = ys[0];
  let loss = ls[0];
  // Set once a call left x where it was without noise: every later call then sees the same g,
  // adds no curvature pair (y = 0), finds the same d and stops the same way. torch recomputes
  // that each call; here the remaining points are copied (bit-identical, and cheap).
  let frozen = false;
  let frozenByTolerance = false;
  // torch's state['func_evals']: each call's closure evaluation and its line search's.
  let evaluations = 0;
  loop.evaluations = 0;
  for (let t = 1; t <= n; t++) {
    const lr = lrScale === null ? baseLr : baseLr * lrScale[t];
    if (frozen) {
      xs[t] = x;
      ys[t] = y;
      ls[t] = loss;
      if (rec !== null) {
        gxr[t] = g[0];
        gyr[t] = g[1];
        lrr[t] = lr;
        dxr[t] = d0;
        dyr[t] = d1;
        // A call that stops at g·d > −tolChange has just set t = η; one below tolGrad sets nothing.
        tr[t] = frozenByTolerance ? step : lr;
        evr[t] = 1;
        memr[t] = numOld;
        gammar[t] = hDiag;
        itr[t] = 0;
      }
      evaluations++;
      loop.evaluations = evaluations;
      continue;
    }
    // The closure's evaluation at the start of the call: the gradient the path step left in g.
    if (noise !== null) {
      // A mini-batch run's step starts on its own batch: its loss is the one to improve on.
      const batchLoss = noise.beforeStep(f, x, y, g);
      if (batchLoss === batchLoss) loss = batchLoss;
    }
    let g0 = g[0];
    let g1 = g[1];
    if (rec !== null) {
      gxr[t] = g0;
      gyr[t] = g1;
      lrr[t] = lr;
    }
    let currentEvals = 1;
    let iterations = 0;
    let failed = false;
    const belowTolerance = Math.max(Math.abs(g0), Math.abs(g1)) <= tolGrad;
    if (!belowTolerance) {
      let nIter = 0;
      while (nIter < maxIter) {
        nIter++;
        stateIter++;
        if (stateIter === 1) {
          d0 = -g0;
          d1 = -g1;
          numOld = 0;
          hDiag = 1;
        } else {
          const y0 = g0 - prevG0;
          const y1 = g1 - prevG1;
          const s0 = d0 * step;
          const s1 = d1 * step;
          const yDotS = y0 * s0 + y1 * s1;
          if (yDotS > 1e-10) {
            if (numOld === historySize) {
              oldY0.copyWithin(0, 1);
              oldY1.copyWithin(0, 1);
              oldS0.copyWithin(0, 1);
              oldS1.copyWithin(0, 1);
              ro.copyWithin(0, 1);
              numOld--;
            }
            oldY0[numOld] = y0;
            oldY1[numOld] = y1;
            oldS0[numOld] = s0;
            oldS1[numOld] = s1;
            ro[numOld] = 1 / yDotS;
            numOld++;
            hDiag = yDotS / (y0 * y0 + y1 * y1);
          }
          let q0 = -g0;
          let q1 = -g1;
          for (let i = numOld - 1; i >= 0; i--) {
            const a = (oldS0[i] * q0 + oldS1[i] * q1) * ro[i];
            al[i] = a;
            q0 = q0 + -a * oldY0[i];
            q1 = q1 + -a * oldY1[i];
          }
          let r0 = q0 * hDiag;
          let r1 = q1 * hDiag;
          for (let i = 0; i < numOld; i++) {
            const be = (oldY0[i] * r0 + oldY1[i] * r1) * ro[i];
            const c = al[i] - be;
            r0 = r0 + c * oldS0[i];
            r1 = r1 + c * oldS1[i];
          }
          d0 = r0;
          d1 = r1;
        }
        prevG0 = g0;
        prevG1 = g1;
        const prevLoss = loss;
        step = stateIter === 1 ? Math.min(1, 1 / (Math.abs(g0) + Math.abs(g1))) * lr : lr;
        const gtd = g0 * d0 + g1 * d1;
        if (gtd > -tolChange) break;
        iterations++;
        let lsEvals = 0;
        let optCond = false;
        if (lineSearch) {
          strongWolfe(f, noise, x, y, step, d0, d1, loss, g0, g1, gtd, tolChange, found);
          // No lower point along d (or none finite): torch would step anyway; Descent stops.
          if (!(found.f < loss)) {
            failed = true;
            currentEvals += found.evals;
            break;
          }
          loss = found.f;
          g0 = found.g0;
          g1 = found.g1;
          step = found.t;
          x = x + step * d0;
          y = y + step * d1;
          optCond = Math.max(Math.abs(g0), Math.abs(g1)) <= tolGrad;
          lsEvals = found.evals;
        } else {
          x = x + step * d0;
          y = y + step * d1;
          if (nIter !== maxIter) {
            loss = evaluate(f, noise, x, y, 0, 0, 0, probe);
            g0 = probe[0];
            g1 = probe[1];
            optCond = Math.max(Math.abs(g0), Math.abs(g1)) <= tolGrad;
            lsEvals = 1;
          }
        }
        currentEvals += lsEvals;
        if (nIter === maxIter) break;
        if (currentEvals >= maxEval) break;
        if (optCond) break;
        if (Math.max(Math.abs(d0 * step), Math.abs(d1 * step)) <= tolChange) break;
        if (Math.abs(loss - prevLoss) < tolChange) break;
        // An inner iteration that left the plot: the next closure call would see it anyway.
        if (!inBounds(bounds, x, y, loss)) break;
      }
    }
    if (rec !== null) {
      dxr[t] = d0;
      dyr[t] = d1;
      tr[t] = step;
      evr[t] = currentEvals;
      memr[t] = numOld;
      gammar[t] = hDiag;
      itr[t] = iterations;
    }
    evaluations += currentEvals;
    loop.evaluations = evaluations;
    if (failed) {
      loop.status = 'lineSearchFailed';
      return t - 1;
    }
    if (iterations === 0 && noise === null && stateIter > 1) {
      frozen = true;
      frozenByTolerance = belowTolerance;
    }
    // The next call's closure evaluation (and the path's loss here).
    const fl = f.valueAndGrad(x, y, g);
    if (!inBounds(bounds, x, y, fl)) {
      loop.status = 'diverged';
      return t - 1;
    }
    xs[t] = x;
    ys[t] = y;
    ls[t] = fl;
    loss = fl;
  }
  return n;
}

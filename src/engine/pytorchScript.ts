// "Copy as PyTorch": Descent's runs as one Python script that replays each of them with
// torch.optim and prints how far PyTorch's path lies from the one Descent computed (embedded
// in the script). The evidence that Descent's numbers are PyTorch's, runnable by anyone.
//
// Table-driven, so that an optimizer added to optimizers/table.ts is covered without touching
// this file: its row's `torch` constructor, printed by frameworkCall with the run's values, is
// the optimizer. Only what torch.optim lacks is written out here, in Python, as
// torch.optim.Optimizer classes with the engine's arithmetic (WITHOUT_TORCH: Newton's method,
// Lion, Signum, Shampoo, schedule-free AdamW; WITHOUT_BIAS_CORRECTION: the Adam family's teaching
// variant); anything else the script names plainly as not replayed rather than guess (and
// tests/unit/pytorchScript.test.ts fails, naming the row).
//
// The surface is not part of this file: the caller passes a translator from the surface's
// formula (mathjs syntax) to torch operations, src/engine/formula/torch.ts, which brings
// mathjs and so is loaded lazily by the app and the CLI. This module is not re-exported from
// the engine's index either: it is imported by its path, like src/engine/formula, so that the
// app fetches it only when a script is asked for (the index is in the first frame's bundle).
import type { ExampleSet } from './data/models';
import type { ExportedRun } from './export';
import { frameworkCall, type FrameworkCall } from './frameworks';
import { INNER_OPTIMIZERS } from './hyperparams';
import { getOptimizer, type OptimizerInfo } from './optimizers/table';
import { pythonFloat } from './pythonText';
import { GaussianNoise } from './random';
import type { ScheduleSpec } from './schedules';
import { simulateRun } from './simulate';
import type { Hyperparams, PenaltySpec, Surface, Trajectory } from './types';

/** One run to replay: its spec (as the CLI reports it) and the path Descent computed. */
export interface PytorchRun {
  readonly run: ExportedRun;
  readonly path: Trajectory;
  /** What the script calls the run (`run 2 adam`), e.g. its number in the run list; default its position from 1. */
  readonly label?: string;
}

/** f(x, y) in Python: a formula (mathjs syntax) as an expression in the tensors x and y. */
export type TorchTranslator = (formula: string) => string;

/** The first line of every script: what the app's e2e test and a reader look for. */
export const PYTORCH_SCRIPT_HEADER = '#!/usr/bin/env python3';

/** The largest deviation the script accepts, relative to max(|coordinate|, 1): the unit tests' bound. */
const PYTORCH_TOLERANCE = 1e-9;

/** A Python string literal (JSON's escapes are Python's). */
function pyString(s: string): string {
  return JSON.stringify(s);
}

/** Text for a `#` comment: one line. */
function commentText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

// ---- What torch.optim lacks, written out in Python -------------------------------------

/** A Python class the script defines when a run needs it; `needs` are defined before it. */
interface PythonClass {
  readonly name: string;
  readonly needs?: readonly PythonClass[];
  readonly source: string;
}

const NEWTON: PythonClass = {
  name: 'Newton',
  source: `class Newton(torch.optim.Optimizer):
    """Newton's method, x <- x - lr * H^-1 g: not in torch.optim (it needs the Hessian).

    Written as Descent does it (src/engine/optimizers/newton.ts): H is the Hessian of the loss at
    x (here by autograd), H^-1 g by Cramer's rule on the 2x2 matrix, in Python floats (doubles,
    as JavaScript's). Where H is singular relative to its entries Descent stops the run, and so
    does this step.
    """

    def __init__(self, params, lr=1.0, loss=None):
        super().__init__(params, dict(lr=lr))
        self.loss = loss

    @torch.no_grad()
    def step(self, closure):
        with torch.enable_grad():
            value = closure()
        for group in self.param_groups:
            for p in group['params']:
                g0, g1 = p.grad.tolist()
                with torch.enable_grad():
                    h = torch.autograd.functional.hessian(self.loss, p.detach())
                a, b, c = h[0, 0].item(), h[0, 1].item(), h[1, 1].item()
                ac = a * c
                bb = b * b
                det = ac - bb
                if not abs(det) > 1e-13 * (abs(ac) + bb) or not math.isfinite(det):
                    raise ArithmeticError('singular Hessian: Descent stops the run here')
                d0 = (c * g0 - b * g1) / det
                d1 = (a * g1 - b * g0) / det
                x, y = p.tolist()
                lr = group['lr']
                p.copy_(torch.tensor([x - lr * d0, y - lr * d1]))
        return value
`,
};

const ADAM_WITHOUT_BIAS_CORRECTION: PythonClass = {
  name: 'AdamWithoutBiasCorrection',
  source: `class AdamWithoutBiasCorrection(torch.optim.Optimizer):
    """torch.optim.Adam with both bias corrections left out: x <- x - lr * m / (sqrt(v) + eps).

    Descent's teaching variant (the CS231n "first step" lesson), for which torch.optim has no
    switch. The step is torch.optim.Adam's own (PyTorch 2.x, one tensor at a time), with
    1 - beta1^t and 1 - beta2^t replaced by 1; weight_decay and amsgrad as there.
    """

    decoupled = False

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad))

    @torch.no_grad()
    def step(self, closure):
        with torch.enable_grad():
            value = closure()
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            lr, eps, weight_decay = group['lr'], group['eps'], group['weight_decay']
            for p in group['params']:
                state = self.state[p]
                if not state:
                    state['exp_avg'] = torch.zeros_like(p)
                    state['exp_avg_sq'] = torch.zeros_like(p)
                    state['max_exp_avg_sq'] = torch.zeros_like(p)
                grad = p.grad
                if self.decoupled:
                    p.mul_(1 - lr * weight_decay)
                elif weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)
                exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
                exp_avg.lerp_(grad, 1 - beta1)
                exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                if group['amsgrad']:
                    torch.maximum(state['max_exp_avg_sq'], exp_avg_sq, out=state['max_exp_avg_sq'])
                    denom = state['max_exp_avg_sq'].sqrt().add_(eps)
                else:
                    denom = exp_avg_sq.sqrt().add_(eps)
                p.addcdiv_(exp_avg, denom, value=-lr)
        return value
`,
};

const ADAMW_WITHOUT_BIAS_CORRECTION: PythonClass = {
  name: 'AdamWWithoutBiasCorrection',
  needs: [ADAM_WITHOUT_BIAS_CORRECTION],
  source: `class AdamWWithoutBiasCorrection(AdamWithoutBiasCorrection):
    """torch.optim.AdamW without bias correction: x <- x * (1 - lr * weight_decay), then the step above."""

    decoupled = True

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False):
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad)
`,
};

const ADAMAX_WITHOUT_BIAS_CORRECTION: PythonClass = {
  name: 'AdamaxWithoutBiasCorrection',
  source: `class AdamaxWithoutBiasCorrection(torch.optim.Optimizer):
    """torch.optim.Adamax with its bias correction left out: x <- x - lr * m / u.

    Descent's teaching variant, for which torch.optim has no switch. The step is
    torch.optim.Adamax's own (PyTorch 2.x, one tensor at a time) with 1 - beta1^t replaced by 1.
    """

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure):
        with torch.enable_grad():
            value = closure()
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            lr, eps, weight_decay = group['lr'], group['eps'], group['weight_decay']
            for p in group['params']:
                state = self.state[p]
                if not state:
                    state['exp_avg'] = torch.zeros_like(p)
                    state['exp_inf'] = torch.zeros_like(p)
                grad = p.grad
                if weight_decay != 0:
                    grad = grad.add(p, alpha=weight_decay)
                exp_avg, exp_inf = state['exp_avg'], state['exp_inf']
                exp_avg.lerp_(grad, 1 - beta1)
                torch.maximum(exp_inf.mul_(beta2), grad.abs().add_(eps), out=exp_inf)
                p.addcdiv_(exp_avg, exp_inf, value=-lr)
        return value
`,
};

const LION: PythonClass = {
  name: 'Lion',
  source: `class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023), not in torch.optim: the step of the authors' lion-pytorch.

    c = beta1 * m + (1 - beta1) * g; x <- x * (1 - lr * weight_decay) - lr * sign(c);
    m <- beta2 * m + (1 - beta2) * g (Descent: src/engine/optimizers/sign.ts).
    """

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure):
        with torch.enable_grad():
            value = closure()
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            lr, weight_decay = group['lr'], group['weight_decay']
            for p in group['params']:
                state = self.state[p]
                if not state:
                    state['exp_avg'] = torch.zeros_like(p)
                exp_avg, grad = state['exp_avg'], p.grad
                p.mul_(1 - lr * weight_decay)
                update = exp_avg.mul(beta1).add_(grad, alpha=1 - beta1).sign_()
                p.add_(update, alpha=-lr)
                exp_avg.mul_(beta2).add_(grad, alpha=1 - beta2)
        return value
`,
};

const SIGNUM: PythonClass = {
  name: 'Signum',
  source: `class Signum(torch.optim.Optimizer):
    """Signum (Bernstein et al. 2018, Algorithm 2), not in torch.optim; momentum=0 is signSGD.

    m <- momentum * m + (1 - momentum) * g; x <- x - lr * sign(m)
    (Descent: src/engine/optimizers/sign.ts).
    """

    def __init__(self, params, lr=1e-4, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self, closure):
        with torch.enable_grad():
            value = closure()
        for group in self.param_groups:
            lr, momentum = group['lr'], group['momentum']
            for p in group['params']:
                state = self.state[p]
                if not state:
                    state['momentum_buffer'] = torch.zeros_like(p)
                buf = state['momentum_buffer']
                buf.mul_(momentum).add_(p.grad, alpha=1 - momentum)
                p.add_(buf.sign(), alpha=-lr)
        return value
`,
};

const SHAMPOO: PythonClass = {
  name: 'Shampoo',
  source: `class Shampoo(torch.optim.Optimizer):
    """Shampoo on one 2-vector (Gupta, Koren & Singer 2018), which is full-matrix AdaGrad: not in
    torch.optim. L <- L + g g^T from L = eps * I; x <- x - lr * L^(-1/2) g.

    Written as Descent does it (src/engine/optimizers/shampoo.ts), in Python floats: for
    L = [[a, b], [b, c]], s = sqrt(ac - b^2), tau = sqrt(a + c + 2s) and
    L^(-1/2) = [[c + s, -b], [-b, a + s]] / (s tau) (torch.linalg.eigh gives the same matrix to
    rounding). Where L is singular Descent stops the run, and so does this step.
    """

    def __init__(self, params, lr=1.0, eps=1e-4):
        super().__init__(params, dict(lr=lr, eps=eps))

    @torch.no_grad()
    def step(self, closure):
        with torch.enable_grad():
            value = closure()
        for group in self.param_groups:
            for p in group['params']:
                state = self.state[p]
                if not state:
                    state['L'] = [group['eps'], 0.0, group['eps']]
                g0, g1 = p.grad.tolist()
                a, b, c = state['L']
                a = a + g0 * g0
                b = b + g0 * g1
                c = c + g1 * g1
                state['L'] = [a, b, c]
                # Python's sqrt and 1 / 0 raise where JavaScript's give NaN and infinity: the
                # guards give Descent's values, and its test for a singular L below.
                det = a * c - b * b
                s = math.sqrt(det) if det > 0 else math.nan
                tau = math.sqrt(a + c + 2 * s)
                k = 1 / (s * tau) if s * tau != 0 else math.inf
                if not s > 0 or not math.isfinite(k):
                    raise ArithmeticError('singular L: Descent stops the run here')
                d0 = ((c + s) * g0 - b * g1) * k
                d1 = ((a + s) * g1 - b * g0) * k
                x, y = p.tolist()
                lr = group['lr']
                p.copy_(torch.tensor([x - lr * d0, y - lr * d1]))
        return value
`,
};

const SCHEDULE_FREE_ADAMW: PythonClass = {
  name: 'ScheduleFreeAdamW',
  source: `class ScheduleFreeAdamW(torch.optim.Optimizer):
    """Schedule-free AdamW (Defazio et al. 2024, Algorithm 1, without warmup): not in torch.optim
    (the authors' package is schedulefree.AdamWScheduleFree).

    The parameters hold y, where the gradient is taken; z is the AdamW sequence and x, the average
    of the z's, is the point Descent draws (path_point):
    v <- beta2 v + (1 - beta2) g^2; gamma = lr sqrt(1 - beta2^t);
    z <- z - gamma (g / (sqrt(v) + eps) + weight_decay y); c = gamma^2 / sum of gamma^2;
    x <- (1 - c) x + c z; y <- (1 - beta1) z + beta1 x (Descent: src/engine/optimizers/scheduleFree.ts).
    """

    def __init__(self, params, lr=0.0025, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    def path_point(self):
        return self.state[self.param_groups[0]['params'][0]]['x'].tolist()

    @torch.no_grad()
    def step(self, closure):
        with torch.enable_grad():
            value = closure()
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            lr, eps, weight_decay = group['lr'], group['eps'], group['weight_decay']
            for p in group['params']:
                state = self.state[p]
                if not state:
                    state['z'] = p.clone()
                    state['x'] = p.clone()
                    state['exp_avg_sq'] = torch.zeros_like(p)
                    state['step'] = 0
                    state['gamma_squares'] = 0.0
                state['step'] += 1
                z, x, v, grad = state['z'], state['x'], state['exp_avg_sq'], p.grad
                v.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                gamma = lr * math.sqrt(1 - beta2 ** state['step'])
                d = grad / v.sqrt().add_(eps) + weight_decay * p
                z.sub_(gamma * d)
                state['gamma_squares'] += gamma * gamma
                c = (gamma * gamma) / state['gamma_squares']
                x.copy_((1 - c) * x + c * z)
                p.copy_((1 - beta1) * z + beta1 * x)
        return value
`,
};

const WRAPPED: PythonClass = {
  name: 'wrapped_optimizer',
  source: `def wrapped_optimizer(name, params, lr, momentum=0.9, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    """The torch.optim rule SAM or Lookahead wraps (Descent's INNER_OPTIMIZERS)."""
    if name == 'sgd':
        return torch.optim.SGD(params, lr=lr, weight_decay=weight_decay)
    if name in ('momentum', 'nesterov'):
        return torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=name == 'nesterov')
    if name == 'adam':
        return torch.optim.Adam(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
    if name == 'adamw':
        return torch.optim.AdamW(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
    raise ValueError(f'no inner optimizer {name}')
`,
};

const SAM: PythonClass = {
  name: 'SAM',
  needs: [WRAPPED],
  source: `class SAM(torch.optim.Optimizer):
    """SAM (Foret et al. 2021), not in torch.optim: around an inner torch.optim rule.

    e = radius g / (|g| + 1e-12) with g the loss's gradient at x; the inner rule steps from x with
    the gradient the closure takes at x + e (Descent: src/engine/optimizers/wrappers.ts). As in
    Descent, only that second gradient carries the run's noise: the ascent is taken from the loss.
    """

    def __init__(self, params, loss, radius=0.05, inner='momentum', **inner_args):
        params = list(params)
        self.loss, self.radius = loss, radius
        self.inner = wrapped_optimizer(inner, params, **inner_args)
        super().__init__(params, dict(radius=radius))
        # One set of groups: the learning-rate scheduler reaches the inner rule's lr.
        self.param_groups = self.inner.param_groups

    @torch.no_grad()
    def step(self, closure):
        p = self.param_groups[0]['params'][0]
        x = p.clone()
        with torch.enable_grad():
            at = x.clone().requires_grad_(True)
            self.loss(at).backward()
        gx, gy = at.grad.tolist()
        scale = self.radius / (math.sqrt(gx * gx + gy * gy) + 1e-12)
        px, py = x.tolist()
        p.copy_(torch.tensor([px + gx * scale, py + gy * scale]))
        with torch.enable_grad():
            value = closure()
        p.copy_(x)
        self.inner.step()
        return value
`,
};

const LOOKAHEAD: PythonClass = {
  name: 'Lookahead',
  needs: [WRAPPED],
  source: `class Lookahead(torch.optim.Optimizer):
    """Lookahead (Zhang et al. 2019), not in torch.optim: around an inner torch.optim rule.

    The inner rule takes fast steps; every k steps the slow weights move phi <- phi + alpha (x - phi)
    and the fast ones restart there; the inner rule's state carries on (Descent:
    src/engine/optimizers/wrappers.ts).
    """

    def __init__(self, params, k=5, alpha=0.5, inner='adam', **inner_args):
        params = list(params)
        self.inner = wrapped_optimizer(inner, params, **inner_args)
        super().__init__(params, dict(k=k, alpha=alpha))
        self.param_groups = self.inner.param_groups
        self.k, self.alpha, self.t = k, alpha, 0
        self.slow = params[0].detach().tolist()

    @torch.no_grad()
    def step(self, closure):
        with torch.enable_grad():
            value = closure()
        self.inner.step()
        self.t += 1
        if self.t % self.k == 0:
            p = self.param_groups[0]['params'][0]
            fx, fy = p.tolist()
            sx, sy = self.slow
            sx = sx + self.alpha * (fx - sx)
            sy = sy + self.alpha * (fy - sy)
            self.slow = [sx, sy]
            p.copy_(torch.tensor([sx, sy]))
        return value
`,
};

/** A constructor written in the script: its class, and its call for a run whose loss function is named `loss`. */
interface HandWritten {
  readonly cls: PythonClass;
  readonly call: (loss: string, params: Readonly<Hyperparams>) => FrameworkCall;
}

/** Rows without a torch constructor whose step the script writes out, by optimizer id. */
const WITHOUT_TORCH: Readonly<Record<string, HandWritten>> = {
  // The Hessian is the loss's own, so the constructor takes the loss function.
  newton: { cls: NEWTON, call: (loss) => ({ name: 'Newton', flags: [`loss=${loss}`] }) },
  lion: { cls: LION, call: () => ({ name: 'Lion' }) },
  signum: { cls: SIGNUM, call: () => ({ name: 'Signum' }) },
  shampoo: { cls: SHAMPOO, call: () => ({ name: 'Shampoo' }) },
  'schedule-free-adamw': { cls: SCHEDULE_FREE_ADAMW, call: () => ({ name: 'ScheduleFreeAdamW' }) },
  // The wrapper's own values as flags; the inner rule's (lr, momentum, betas, …) as the row's.
  sam: { cls: SAM, call: (loss, p) => ({ name: 'SAM', flags: [`loss=${loss}`, `radius=${String(p.radius)}`, `inner='${INNER_OPTIMIZERS[p.inner]}'`] }) },
  lookahead: {
    cls: LOOKAHEAD,
    call: (_, p) => ({ name: 'Lookahead', flags: [`k=${String(p.syncPeriod)}`, `alpha=${String(p.slowStep)}`, `inner='${INNER_OPTIMIZERS[p.inner]}'`] }),
  },
};

/**
 * Runs with bias correction switched off, by the torch constructor of their row: the same
 * argument names and flags (amsgrad=True), another class.
 */
const WITHOUT_BIAS_CORRECTION: Readonly<Record<string, PythonClass>> = {
  'torch.optim.Adam': ADAM_WITHOUT_BIAS_CORRECTION,
  'torch.optim.AdamW': ADAMW_WITHOUT_BIAS_CORRECTION,
  'torch.optim.Adamax': ADAMAX_WITHOUT_BIAS_CORRECTION,
};

type Construction = { readonly call: string; readonly classes: readonly PythonClass[] } | { readonly unavailable: string };

/** How the script builds this run's optimizer, or why it cannot. */
function construction(info: OptimizerInfo, run: ExportedRun, path: Trajectory, loss: string): Construction {
  const params = path.params;
  if (info.hasBiasCorrection && !run.biasCorrection) {
    const cls = info.torch ? WITHOUT_BIAS_CORRECTION[info.torch.name] : undefined;
    if (!info.torch || !cls) {
      return { unavailable: `torch.optim has no switch for ${info.name} without bias correction, and this script has no step written out for it` };
    }
    return { call: frameworkCall('torch', { ...info.torch, name: cls.name }, info.params, params), classes: [cls] };
  }
  if (info.torch) return { call: frameworkCall('torch', info.torch, info.params, params), classes: [] };
  const hand = WITHOUT_TORCH[info.id];
  if (!hand) return { unavailable: `torch.optim has no ${info.name}, and this script has no step written out for it` };
  return { call: frameworkCall('torch', hand.call(loss, params), info.params, params), classes: [hand.cls] };
}

// ---- Schedules, penalties, noise ----------------------------------------------------------

/**
 * η's factor as torch.optim.lr_scheduler.LambdaLR takes it: a function of the epoch, which is
 * 0 for the first step and goes up by one with each scheduler.step() after optimizer.step().
 * The engine's factor for step t (schedules.ts scheduleFactor) is the lambda's at epoch t − 1,
 * written with the same operations in the same order (pow and cos are the platform's: Python's
 * and JavaScript's may differ in the last bit).
 */
function lrLambda(s: ScheduleSpec): string | null {
  switch (s.kind) {
    case 'constant':
      return null;
    case 'step':
      return `lambda epoch: ${pythonFloat(s.gamma)} ** (epoch // ${s.every})`;
    case 'exponential':
      return `lambda epoch: ${pythonFloat(s.gamma)} ** epoch`;
    case 'cosine':
      return `lambda epoch: ${pythonFloat(s.minFactor)} + ((1 - ${pythonFloat(s.minFactor)}) * (1 + math.cos((math.pi * epoch) / ${s.period}))) / 2`;
    case 'warmup':
      return `lambda epoch: min(1.0, (epoch + 1) / ${s.steps})`;
    default:
      return unknownSchedule(s);
  }
}

function unknownSchedule(s: never): never {
  throw new Error(`no LambdaLR for the schedule ${JSON.stringify(s)}`);
}

/** The penalty term in x and y, as penalty.ts adds it (autograd's abs′(0) = 0 is its sign(0)). */
function penaltyTerm(p: PenaltySpec): string {
  return p.kind === 'l2' ? `${pythonFloat(p.lambda)} * (x ** 2 + y ** 2)` : `${pythonFloat(p.lambda)} * (torch.abs(x) + torch.abs(y))`;
}

/**
 * The noise the engine added to each gradient, σ·N(0, 1) per coordinate, drawn again from the
 * same seeded generator in the same order (GaussianNoise.perturb): torch's own generator cannot
 * make these numbers, so the script carries them, one pair per closure call.
 */
function noiseDraws(sigma: number, seed: number, count: number): [number, number][] {
  const gen = new GaussianNoise(sigma, seed);
  const draws: [number, number][] = [];
  for (let k = 0; k < count; k++) {
    const a = sigma * gen.next();
    draws.push([a, sigma * gen.next()]);
  }
  return draws;
}

/**
 * How many gradients the engine noised in a run: one per step for most rules, more where a
 * step evaluates the loss several times (L-BFGS's inner iterations and line search). Counted
 * by running the engine again on the same surface with its evaluations counted: every one but
 * the last is noised before use (the start's at step 1; a stopped run's last step may add a few
 * the script never asks for, which is harmless).
 */
function noisedGradients(run: ExportedRun): number {
  if (run.batch && run.surface.data) {
    // A mini-batch run noises each closure call's gradient: one a step, or L-BFGS's evaluations
    // (torch's func_evals); one more for a run that stopped in the middle of a step.
    const path = simulateRun(run);
    return (path.evaluations ?? path.steps) + 1;
  }
  let evaluations = 0;
  const base = run.surface;
  const counting: Surface = {
    ...base,
    valueAndGrad: (x, y, out) => {
      evaluations++;
      return base.valueAndGrad(x, y, out);
    },
  };
  simulateRun({ ...run, surface: counting });
  return Math.max(0, evaluations - 1);
}

// ---- Assembling the script --------------------------------------------------------------

const NUMBERS_PER_LINE = 6;

/** A Python list of numbers, a few to a line under `indent`. */
function numberList(values: ArrayLike<number>, count: number, indent: string): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i += NUMBERS_PER_LINE) {
    const row: string[] = [];
    for (let j = i; j < Math.min(count, i + NUMBERS_PER_LINE); j++) row.push(pythonFloat(values[j]));
    lines.push(indent + row.join(', ') + ',');
  }
  return lines.length === 0 ? '[]' : `[\n${lines.join('\n')}\n${indent.slice(4)}]`;
}

/** Names the script itself uses, which a surface's function must not take. */
const RESERVED = new Set([
  'math', 'sys', 'torch', 'replay', 'runs', 'main', 'loss', 'x', 'y', 'w', 'TOLERANCE', 'DESCENT', 'NOISE', 'BATCHES', 'BATCH',
  'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
  'raise', 'return', 'try', 'while', 'with', 'yield', 'abs', 'min', 'max', 'print', 'range', 'dict', 'list',
]);

/** A Python name for a surface's function: its id in snake case (`local_minima`). */
function functionName(id: string, taken: ReadonlySet<string>): string {
  let base = id.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'surface';
  if (/^[0-9]/.test(base) || RESERVED.has(base) || /^(run_|loss_)/.test(base)) base = `surface_${base}`;
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
  return name;
}

interface ScriptRun {
  readonly name: string;
  /** Why Descent's path is shorter than asked, or ''. */
  readonly note: string;
  readonly loss: string;
  readonly construction: Construction;
  readonly lrLambda: string | null;
  readonly noise: [number, number][] | null;
  /** A mini-batch run's batches, one index list per step. */
  readonly batches: number[][] | null;
  readonly path: Trajectory;
}

/** Why Descent stops a run early, by its status (another status is named as it is). */
const STOPPED_BECAUSE: Readonly<Record<string, string>> = {
  diverged: 'it diverged',
  singular: 'a singular Hessian',
  lineSearchFailed: 'the line search found no lower point',
};

/** Why a run is shorter than asked, after its line's numbers. */
function stopNote(run: ExportedRun, path: Trajectory): string {
  if (path.status === 'ok') return '';
  return ` (Descent stopped after step ${path.steps} of ${run.steps}: ${STOPPED_BECAUSE[path.status] ?? path.status})`;
}

/**
 * A data surface's loss in torch: its examples as tensors, and the model's mean loss over a batch
 * of them (all of them when `batch` is None), as torch.nn's MSELoss and BCEWithLogitsLoss take it.
 */
function dataSurfaceDef(fn: string, surface: Surface, examples: ExampleSet): string {
  const n = examples.count;
  const data = [
    `${fn.toUpperCase()}_A = torch.tensor(${numberList(examples.a, n, '    ')})`,
    ...(examples.kind === 'logistic' ? [`${fn.toUpperCase()}_B = torch.tensor(${numberList(examples.b, n, '    ')})`] : []),
    `${fn.toUpperCase()}_T = torch.tensor(${numberList(examples.t, n, '    ')})`,
  ];
  const pick = (col: string) => `${fn.toUpperCase()}_${col} if batch is None else ${fn.toUpperCase()}_${col}[batch]`;
  const body =
    examples.kind === 'linear'
      ? [`    a = ${pick('A')}`, `    t = ${pick('T')}`, '    # MSE of the line x * a + y (x: the slope w, y: the intercept b)', '    return torch.nn.functional.mse_loss(x * a + y, t)']
      : [`    a = ${pick('A')}`, `    b = ${pick('B')}`, `    t = ${pick('T')}`, '    # cross-entropy of sigmoid(x * a + y * b) (x, y: the weights w1, w2)', '    return torch.nn.functional.binary_cross_entropy_with_logits(x * a + y * b, t)'];
  return `${data.join('\n')}\n\n\ndef ${fn}(x, y, batch=None):\n    # ${commentText(surface.name)}: the mean loss over the batch's examples (every one when batch is None)\n${body.join('\n')}\n`;
}

const REPLAY = `def replay(optimizer, loss, start, steps, descent, lr_lambda=None, noise=None, evaluations=None, batches=None):
    """The largest deviation of PyTorch's path from Descent's over \`steps\` steps.

    optimizer: builds the optimizer for a parameter list; loss: f(w) for the tensor w = (x, y);
    start: (x, y); descent: Descent's path, (xs, ys) from the start; lr_lambda: the learning
    rate's factor for LambdaLR; noise: the gradient noise Descent drew, one (x, y) pair per
    gradient evaluation; evaluations: the f evaluations Descent counted (L-BFGS's func_evals);
    batches: a mini-batch run's example indices, one list per step, which loss reads from BATCH.
    Each coordinate's deviation is |x - x_Descent| / max(|x_Descent|, 1).
    """
    w = torch.tensor(start, requires_grad=True)
    opt = optimizer([w])
    for group in opt.param_groups:
        # Descent's learning rate is a double even where it reads as a whole number (lr=1):
        # older PyTorch (1.13) made ASGD's step-size tensor from lr, an integer one from an int.
        group['lr'] = float(group['lr'])
    scheduler = None if lr_lambda is None else torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda)
    used = 0

    def closure():
        nonlocal used
        opt.zero_grad()
        value = loss(w)
        value.backward()
        if noise is not None:
            # Mini-batch noise, g <- g + sigma * N(0, I): the very numbers Descent drew.
            if used == len(noise):
                raise RuntimeError(f'Descent drew gradient noise for {len(noise)} gradients; this optimizer asked for more')
            w.grad.add_(torch.tensor(noise[used]))
            used += 1
        return value

    xs, ys = descent
    worst = 0.0
    for t in range(1, steps + 1):
        # One step(closure) per point of Descent's path, for every optimizer (L-BFGS included),
        # each on its own mini-batch (every closure call within a step on the same one).
        BATCH[0] = None if batches is None else torch.tensor(batches[t - 1])
        opt.step(closure)
        if scheduler is not None:
            scheduler.step()
        # The point Descent draws: the parameters, or the average a schedule-free method keeps.
        x, y = opt.path_point() if hasattr(opt, 'path_point') else w.tolist()
        for mine, theirs in ((x, xs[t]), (y, ys[t])):
            d = abs(mine - theirs) / max(abs(theirs), 1.0)
            if not d <= worst:
                worst = d if d == d else math.inf  # NaN: as far as can be
    BATCH[0] = None
    if evaluations is not None:
        counted = opt.state[w].get('func_evals', 0)
        if counted != evaluations:
            raise RuntimeError(f'PyTorch evaluated f {counted} times, Descent {evaluations}')
    return worst
`;

const MAIN = `def main():
    everything = runs()
    worst = 0.0
    failed = 0
    for run in everything:
        name, note = run.pop('name'), run.pop('note')
        if 'unavailable' in run:
            print(f'{name}: not replayed: {run["unavailable"]}')
            failed += 1
            continue
        try:
            deviation = replay(**run)
        except Exception as error:  # a step torch refused, or one that stopped where Descent's did not
            print(f'{name}: failed: {type(error).__name__}: {error}')
            failed += 1
            continue
        print(f'{name}: max |delta| / max(|x|, 1) = {deviation:.1e} over {run["steps"]} steps{note}')
        if not deviation <= TOLERANCE:
            failed += 1
        worst = max(worst, deviation)
    count = f'{len(everything)} run' + ('' if len(everything) == 1 else 's')
    verdict = f'every run within {TOLERANCE:g}' if failed == 0 else f'{failed} of {count} not within {TOLERANCE:g}'
    print(f'largest deviation {worst:.1e} over {count}: {verdict}')
    return 0 if failed == 0 else 1
`;

/**
 * The script for these runs: defines each surface and loss in torch, builds each run's optimizer
 * and schedule with the run's values, replays the steps Descent took, and prints per run
 * `run 1 adam: max |delta| / max(|x|, 1) = 3.1e-16 over 500 steps`, then a summary line;
 * exit status 0 when every run is within PYTORCH_TOLERANCE.
 */
export function pytorchScript(runs: readonly PytorchRun[], translate: TorchTranslator): string {
  // First the surfaces and losses (a scene's runs share one), so that each run can name its loss.
  const surfaceNames = new Map<string, string>();
  const surfaceDefs: string[] = [];
  /** `# Rosenbrock: f(x, y) = …` for the script's head. */
  const surfaceLines: string[] = [];
  const lossBodies: string[] = [];
  const runLoss = runs.map(({ run }) => {
    // A typed surface is written from its formula as typed (mathjs's reading of it).
    const formula = run.expr ?? run.surface.formula;
    const surfaceKey = `${run.surface.id}\n${formula}`;
    let fn = surfaceNames.get(surfaceKey);
    if (fn === undefined) {
      fn = functionName(run.surface.id, new Set(surfaceNames.values()));
      surfaceNames.set(surfaceKey, fn);
      surfaceLines.push(`# ${commentText(run.surface.name)}: f(x, y) = ${commentText(formula)}`);
      const examples = run.surface.data?.examples;
      surfaceLines.push(`# ${commentText(run.surface.name)}: ${examples ? `the mean loss over ${examples.count} examples` : `f(x, y) = ${commentText(formula)}`}`);
      surfaceDefs.push(
        examples
          ? dataSurfaceDef(fn, run.surface, examples)
          : `def ${fn}(x, y):\n    # ${commentText(run.surface.name)}: f(x, y) = ${commentText(formula)} (Descent's formula, mathjs syntax)\n    return ${translate(formula)}\n`,
      );
    }
    const call = run.surface.data ? `${fn}(x, y, BATCH[0])` : `${fn}(x, y)`;
    const penalty = run.penalty && run.penalty.lambda > 0 ? run.penalty : null;
    const body = penalty
      ? `    # f plus Descent's ${penalty.kind.toUpperCase()} penalty\n    x, y = w[0], w[1]\n    return ${call} + ${penaltyTerm(penalty)}\n`
      : `    x, y = w[0], w[1]\n    return ${call}\n`;
    if (!lossBodies.includes(body)) lossBodies.push(body);
    return lossBodies.indexOf(body);
  });
  const lossName = (k: number) => (lossBodies.length === 1 ? 'loss' : `loss_${k + 1}`);

  const classes: PythonClass[] = [];
  const addClass = (c: PythonClass) => {
    for (const need of c.needs ?? []) addClass(need);
    if (!classes.includes(c)) classes.push(c);
  };
  const scriptRuns: ScriptRun[] = runs.map(({ run, path, label }, index) => {
    const info = getOptimizer(run.optimizer);
    const loss = lossName(runLoss[index]);
    const built: Construction = info ? construction(info, run, path, loss) : { unavailable: `Descent has no optimizer ${run.optimizer}` };
    if ('classes' in built) built.classes.forEach(addClass);
    return {
      name: `run ${label ?? String(index + 1)} ${run.optimizer}`,
      note: stopNote(run, path),
      loss,
      construction: built,
      lrLambda: run.schedule ? lrLambda(run.schedule) : null,
      noise: run.noise && run.noise.sigma !== 0 ? noiseDraws(run.noise.sigma, run.noise.seed, noisedGradients(run)) : null,
      batches: run.batch && run.surface.data && path.batchLoss ? run.surface.data.indices(run.batch, path.steps).slice(1) : null,
      path,
    };
  });

  const runEntries = scriptRuns.map((r, i) => {
    const lines = [`        dict(`, `            name=${pyString(r.name)},`, `            note=${pyString(r.note)},`];
    if ('unavailable' in r.construction) {
      lines.push(`            unavailable=${pyString(r.construction.unavailable)},`);
    } else {
      lines.push(
        `            optimizer=lambda params: ${r.construction.call},`,
        `            loss=${r.loss},`,
        `            start=(${pythonFloat(r.path.x[0])}, ${pythonFloat(r.path.y[0])}),`,
        `            steps=${r.path.steps},`,
      );
      if (r.lrLambda) lines.push(`            lr_lambda=${r.lrLambda},`);
      if (r.noise) lines.push(`            noise=NOISE[${i}],`);
      if (r.batches) lines.push(`            batches=BATCHES[${i}],`);
      // L-BFGS's count of f evaluations is part of what torch must agree on; a run that stopped
      // in a failed line search spent evaluations on a call the script does not replay.
      if (r.path.evaluations !== undefined && r.path.status === 'ok') lines.push(`            evaluations=${r.path.evaluations},`);
      lines.push(`            descent=DESCENT[${i}],`);
    }
    lines.push('        ),');
    return lines.join('\n');
  });

  const descentData = scriptRuns.map((r) => {
    const n = r.path.steps + 1;
    return `    # ${commentText(r.name)}\n    (\n        ${numberList(r.path.x, n, '            ')},\n        ${numberList(r.path.y, n, '            ')},\n    ),`;
  });
  const noiseData = scriptRuns.map((r) => {
    if (!r.noise) return `    None,  # ${commentText(r.name)}: no noise`;
    const pairs = r.noise.map(([a, b]) => `        (${pythonFloat(a)}, ${pythonFloat(b)}),`);
    return `    # ${commentText(r.name)}\n    [\n${pairs.join('\n')}\n    ],`;
  });


  const head = [
    PYTORCH_SCRIPT_HEADER,
    `"""Descent's runs, replayed by PyTorch (Descent's "Copy as PyTorch").`,
    '',
    'Each run builds its optimizer as torch.optim does, with the hyperparameters Descent used,',
    'and takes the steps Descent took from the same start, in float64: the learning-rate',
    'schedule through torch.optim.lr_scheduler.LambdaLR, the gradient noise as the very numbers',
    "Descent drew. After every step the point is compared with Descent's path (kept at the end",
    'of this file), and the largest deviation of each run is printed, relative to',
    'max(|coordinate|, 1). Two programs doing the same arithmetic differ in the last bits only',
    "(autograd's gradient against Descent's own, PyTorch's fused multiply-adds), so expect about",
    '1e-15; a path that magnifies tiny differences (a large learning rate in a curved valley, an',
    'adaptive step circling a minimum) may part further.',
    '',
    'Needs Python 3 and PyTorch 2.x, nothing else:  python3 descent.py',
    'Exits with status 0 when every run stays within TOLERANCE of Descent, 1 otherwise.',
    '"""',
    '',
    ...surfaceLines,
    `# ${scriptRuns.length} run${scriptRuns.length === 1 ? '' : 's'}: ${scriptRuns.map((r) => r.name.replace(/^run /, '')).join(', ')}`,
    '',
    'import math',
    'import sys',
    '',
    'import torch',
    '',
    '# Descent computes in float64. The default dtype is also that of the step sizes some',
    "# optimizers keep as tensors in their state (ASGD's eta and mu).",
    'torch.set_default_dtype(torch.float64)',
    '',
    `TOLERANCE = ${pythonFloat(PYTORCH_TOLERANCE)}`,
    '',
    "# The batch the current step's loss is taken on (None: every example); replay sets it.",
    'BATCH = [None]',
  ].join('\n');
  const runsDef = [
    'def runs():',
    `    """Descent's runs: each optimizer as torch.optim builds it, with the values Descent used."""`,
    '    return [',
    ...runEntries,
    '    ]',
  ].join('\n');
  const batchData = scriptRuns.map((r) => {
    if (!r.batches) return `    None,  # ${commentText(r.name)}: the full batch`;
    return `    # ${commentText(r.name)}\n    [\n${r.batches.map((b) => `        [${b.join(', ')}],`).join('\n')}\n    ],`;
  });
  const data = [
    "# Each mini-batch run's batches, the example indices of each step's, as Descent drew them",
    "# (DataLoader(shuffle=True)'s way: a fresh order each epoch; torch's generator cannot make them).",
    'BATCHES = [',
    ...batchData,
    ']',
    '',
    '# The gradient noise Descent added to each run, sigma * N(0, 1) per coordinate, one pair per',
    "# gradient, in the order drawn from Descent's seeded generator (torch's cannot make them).",
    'NOISE = [',
    ...noiseData,
    ']',
    '',
    "# The paths Descent computed: each run's x and y from the start (step 0) to its last step,",
    '# as the shortest decimals that read back as the same doubles.',
    'DESCENT = [',
    ...descentData,
    ']',
  ].join('\n');
  // Top-level blocks two blank lines apart, as PEP 8 has it.
  const blocks = [
    head,
    ...surfaceDefs,
    ...lossBodies.map((body, k) => `def ${lossName(k)}(w):\n${body}`),
    ...classes.map((c) => c.source),
    REPLAY,
    runsDef,
    MAIN,
    data,
    "if __name__ == '__main__':\n    sys.exit(main())",
  ];
  return `${blocks.map((b) => b.trimEnd()).join('\n\n\n')}\n`;
}

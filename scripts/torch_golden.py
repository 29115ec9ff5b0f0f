#!/usr/bin/python3
"""Golden trajectories from PyTorch itself, for tests/unit/torchGolden.test.ts.

Runs every torch.optim rule that Descent implements on the four required surfaces of
spec/optimizers.md, at three settings each (the surface's demo learning rate with torch's
defaults, a setting with other values of every hyperparameter, and a learning rate far too
large, which diverges), for 500 steps in float64, and writes one JSON file per optimizer.
Where a setting's path is chaotic (see `determined`), a smaller η is taken instead.

    /usr/bin/python3 scripts/torch_golden.py [--out DIR] [--sample]

--sample writes only the first setting of each optimizer on Rosenbrock (what the unit test
regenerates to check that the committed fixtures still equal what PyTorch computes).

Needs Debian's python3-torch (PyTorch 1.13). The gradient is not taken by autograd: each
surface's gradient is written here with the same operations, in the same order, as in
src/engine/surfaces/required.ts, so that the fixtures test the update rules alone and both
sides start every step from the same double.
"""

import argparse
import importlib
import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)

STEPS = 500

# The required surfaces: f and its gradient as the engine writes them, the engine's default
# start and plotting domain (for the escape test, simulate.ts's ESCAPE_WIDTHS = 1000).
def saddle(x, y):
    return x * x - y * y, 2 * x, -2 * y


def ravine(x, y):
    return 0.1 * x * x + 2 * y * y, 0.2 * x, 4 * y


def rosenbrock(x, y):
    a = 1 - x
    b = y - x * x
    return a * a + 100 * b * b, -2 * a - 400 * x * b, 200 * b


def local_minima(x, y):
    x2 = x * x
    y2 = y * y
    f = x2 * (x2 - 2) + y2 * (y2 - 2) + 0.5 * x + 0.3 * y
    return f, 4 * x * (x2 - 1) + 0.5, 4 * y * (y2 - 1) + 0.3


SURFACES = {
    'rosenbrock': (rosenbrock, (-1.2, 1.0), ((-2, 2), (-1, 3))),
    'saddle': (saddle, (-1.5, 0.001), ((-2, 2), (-2, 2))),
    'ravine': (ravine, (-4.0, 1.0), ((-5, 5), (-2.5, 2.5))),
    'local-minima': (local_minima, (1.6, 1.6), ((-2, 2), (-2, 2))),
}

# Each surface's demo learning rate per optimizer (the engine's surface defaults).
DEMO_LR = {
    'saddle': dict(sgd=0.01, momentum=0.002, nesterov=0.002, adagrad=0.05, rmsprop=0.005, adadelta=0.03,
                   adam=0.01, amsgrad=0.01, adamw=0.01, adamax=0.01, nadam=0.01, radam=0.01, rprop=0.02, asgd=0.01, lbfgs=0.02),
    'ravine': dict(sgd=0.45, momentum=0.04, nesterov=0.04, adagrad=0.5, rmsprop=0.05, adadelta=10,
                   adam=0.1, amsgrad=0.1, adamw=0.1, adamax=0.15, nadam=0.1, radam=0.1, rprop=0.05, asgd=0.45, lbfgs=1),
    'rosenbrock': dict(sgd=0.001, momentum=0.0015, nesterov=0.001, adagrad=0.7, rmsprop=0.005, adadelta=1,
                       adam=0.1, amsgrad=0.1, adamw=0.1, adamax=0.5, nadam=0.03, radam=0.005, rprop=0.02, asgd=0.001, lbfgs=1),
    'local-minima': dict(sgd=0.01, momentum=0.02, nesterov=0.02, adagrad=0.1, rmsprop=0.01, adadelta=3,
                         adam=0.05, amsgrad=0.05, adamw=0.05, adamax=0.05, nadam=0.05, radam=0.05, rprop=0.02, asgd=0.01, lbfgs=1),
}

# torch's defaults, under Descent's names (spec/optimizers.md).
DEFAULTS = {
    'sgd': dict(weightDecay=0),
    'momentum': dict(rho=0.9, dampening=0, weightDecay=0),
    'nesterov': dict(rho=0.9, weightDecay=0),
    'adagrad': dict(eps=1e-10, lrDecay=0, initialAccumulator=0, weightDecay=0),
    'rmsprop': dict(decay=0.99, eps=1e-8, rho=0, centered=0, weightDecay=0),
    'adadelta': dict(decay=0.9, eps=1e-6, weightDecay=0),
    'adam': dict(beta1=0.9, beta2=0.999, eps=1e-8, weightDecay=0),
    'amsgrad': dict(beta1=0.9, beta2=0.999, eps=1e-8, weightDecay=0),
    'adamw': dict(beta1=0.9, beta2=0.999, eps=1e-8, weightDecay=0.01),
    'adamax': dict(beta1=0.9, beta2=0.999, eps=1e-8, weightDecay=0),
    'nadam': dict(beta1=0.9, beta2=0.999, eps=1e-8, momentumDecay=0.004, weightDecay=0),
    'radam': dict(beta1=0.9, beta2=0.999, eps=1e-8, weightDecay=0),
    'rprop': dict(etaMinus=0.5, etaPlus=1.2, stepMin=1e-6, stepMax=50),
    'asgd': dict(lambd=1e-4, power=0.75, t0=1e6, weightDecay=0),
    # Descent's maxIter default is 1 (torch's max_iter is 20): one iteration per path point.
    'lbfgs': dict(historySize=100, maxIter=1, lineSearch=0, tolGrad=1e-7, tolChange=1e-9),
}

# The second setting: every hyperparameter away from its default.
OTHER = {
    'sgd': dict(weightDecay=0.1),
    'momentum': dict(rho=0.5, dampening=0.3, weightDecay=0.05),
    'nesterov': dict(rho=0.95, weightDecay=0.05),
    'adagrad': dict(eps=1e-6, lrDecay=0.01, initialAccumulator=0.1, weightDecay=0.05),
    # Centered, with momentum and weight decay: every torch option of RMSprop at once.
    'rmsprop': dict(decay=0.9, eps=1e-6, rho=0.5, centered=1, weightDecay=0.05),
    'adadelta': dict(decay=0.95, eps=1e-5, weightDecay=0.05),
    'adam': dict(beta1=0.8, beta2=0.99, eps=1e-6, weightDecay=0.05),
    'amsgrad': dict(beta1=0.5, beta2=0.9, eps=1e-6, weightDecay=0.05),
    'adamw': dict(beta1=0.85, beta2=0.995, eps=1e-7, weightDecay=0.1),
    'adamax': dict(beta1=0.8, beta2=0.99, eps=1e-6, weightDecay=0.05),
    'nadam': dict(beta1=0.95, beta2=0.99, eps=1e-6, momentumDecay=0.01, weightDecay=0.05),
    'radam': dict(beta1=0.8, beta2=0.99, eps=1e-6, weightDecay=0.05),
    'rprop': dict(etaMinus=0.3, etaPlus=1.5, stepMin=1e-4, stepMax=0.5),
    # Averaging from step 20, so that the fixture's average x̄ is more than the path itself.
    'asgd': dict(lambd=0.01, power=0.5, t0=20, weightDecay=0.05),
    # The strong-Wolfe line search, several iterations per call and a short memory.
    'lbfgs': dict(historySize=20, maxIter=3, lineSearch=1, tolGrad=1e-5, tolChange=1e-10),
}

# Where the second setting must differ on one surface. On the saddle, f has no lower bound along
# y: the strong-Wolfe line search extrapolates tenfold per trial and leaves the plot within a
# step or two, at a point the last bits decide; there the second setting keeps a fixed step.
OTHER_ON = {('lbfgs', 'saddle'): dict(lineSearch=0)}

# How much larger than the demo η the third setting is: far past stable for every rule.
TOO_LARGE = {'sgd': 100, 'momentum': 100, 'nesterov': 100, 'adadelta': 1000, 'asgd': 100, 'rprop': 1e6, 'lbfgs': 100}
# Rprop's steps are capped by h_max as well: its too-large setting lifts the cap.
TOO_LARGE_EXTRA = {'rprop': dict(stepMax=1e9)}
TOO_LARGE_ADAPTIVE = 1000


def nadam_2x(params, grads, exp_avgs, exp_avg_sqs, mu_products, state_steps, *, beta1, beta2, lr,
             weight_decay, momentum_decay, eps):
    """torch.optim.NAdam's single-tensor step as PyTorch 2.x writes it.

    PyTorch 1.13 forms mu_product_next as mu_product * mu * mu_next after mu_product has
    already been multiplied by mu, counting mu twice (fixed upstream in 2.0); 2.x also updates
    the first moment with lerp_. Everything else is 1.13's code.
    """
    for i, param in enumerate(params):
        grad = grads[i]
        exp_avg = exp_avgs[i]
        exp_avg_sq = exp_avg_sqs[i]
        mu_product = mu_products[i]
        step_t = state_steps[i]
        step_t += 1
        step = step_t.item()
        bias_correction2 = 1 - beta2 ** step
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product *= mu
        exp_avg.lerp_(grad, 1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt().add_(eps)
        mu_product_next = mu_product.item() * mu_next
        param.addcdiv_(grad, denom, value=(-lr * (1. - mu) / (1. - mu_product.item())))
        param.addcdiv_(exp_avg, denom, value=(-lr * mu_next) / (1. - mu_product_next))


def rmsprop_2x(params, grads, square_avgs, grad_avgs, momentum_buffer_list, *, lr, alpha, eps, weight_decay,
               momentum, centered, maximize, differentiable):
    """torch.optim.RMSprop's single-tensor step as PyTorch 2.x writes it.

    1.13 updates the centered mean of the gradient as grad_avg·α + (1−α)·g; 2.x uses
    grad_avg.lerp_(grad, 1 − α), which rounds differently. Everything else is 1.13's code
    (real parameters only).
    """
    for i, param in enumerate(params):
        grad = grads[i] if not maximize else -grads[i]
        square_avg = square_avgs[i]
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
        if centered:
            grad_avg = grad_avgs[i]
            grad_avg.lerp_(grad, 1 - alpha)
            avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()
        else:
            avg = square_avg.sqrt()
        avg = avg.add_(eps)
        if momentum > 0:
            buf = momentum_buffer_list[i]
            buf.mul_(momentum).addcdiv_(grad, avg)
            param.add_(buf, alpha=-lr)
        else:
            param.addcdiv_(grad, avg, value=-lr)


# torch.optim's __init__ drops the submodule's name, so reach the module by its path.
importlib.import_module('torch.optim.nadam')._single_tensor_nadam = nadam_2x
importlib.import_module('torch.optim.rmsprop')._single_tensor_rmsprop = rmsprop_2x


def make_optimizer(optimizer, p, h):
    lr = h['lr']
    if optimizer == 'sgd':
        return torch.optim.SGD([p], lr=lr, weight_decay=h['weightDecay'], foreach=False)
    if optimizer in ('momentum', 'nesterov'):
        return torch.optim.SGD([p], lr=lr, momentum=h['rho'], dampening=h.get('dampening', 0),
                               weight_decay=h['weightDecay'], nesterov=optimizer == 'nesterov', foreach=False)
    if optimizer == 'adagrad':
        return torch.optim.Adagrad([p], lr=lr, eps=h['eps'], lr_decay=h['lrDecay'],
                                   initial_accumulator_value=h['initialAccumulator'], weight_decay=h['weightDecay'],
                                   foreach=False)
    if optimizer == 'rmsprop':
        return torch.optim.RMSprop([p], lr=lr, alpha=h['decay'], eps=h['eps'], momentum=h['rho'],
                                   centered=h['centered'] == 1, weight_decay=h['weightDecay'], foreach=False)
    if optimizer == 'adadelta':
        return torch.optim.Adadelta([p], lr=lr, rho=h['decay'], eps=h['eps'], weight_decay=h['weightDecay'],
                                    foreach=False)
    betas = (h.get('beta1', 0.9), h.get('beta2', 0.999))
    if optimizer in ('adam', 'amsgrad'):
        return torch.optim.Adam([p], lr=lr, betas=betas, eps=h['eps'], weight_decay=h['weightDecay'],
                                amsgrad=optimizer == 'amsgrad', foreach=False)
    if optimizer == 'adamw':
        return torch.optim.AdamW([p], lr=lr, betas=betas, eps=h['eps'], weight_decay=h['weightDecay'], foreach=False)
    if optimizer == 'adamax':
        return torch.optim.Adamax([p], lr=lr, betas=betas, eps=h['eps'], weight_decay=h['weightDecay'], foreach=False)
    if optimizer == 'nadam':
        return torch.optim.NAdam([p], lr=lr, betas=betas, eps=h['eps'], momentum_decay=h['momentumDecay'],
                                 weight_decay=h['weightDecay'], foreach=False)
    if optimizer == 'radam':
        return torch.optim.RAdam([p], lr=lr, betas=betas, eps=h['eps'], weight_decay=h['weightDecay'], foreach=False)
    if optimizer == 'rprop':
        return torch.optim.Rprop([p], lr=lr, etas=(h['etaMinus'], h['etaPlus']), step_sizes=(h['stepMin'], h['stepMax']),
                                 foreach=False)
    if optimizer == 'asgd':
        # With float64 as the default dtype, ASGD's η and μ tensors are doubles too (with float32
        # they would be rounded to single precision each step).
        return torch.optim.ASGD([p], lr=lr, lambd=h['lambd'], alpha=h['power'], t0=h['t0'],
                               weight_decay=h['weightDecay'], foreach=False)
    if optimizer == 'lbfgs':
        return torch.optim.LBFGS([p], lr=lr, max_iter=int(h['maxIter']), history_size=int(h['historySize']),
                                 line_search_fn='strong_wolfe' if h['lineSearch'] == 1 else None,
                                 tolerance_grad=h['tolGrad'], tolerance_change=h['tolChange'])
    raise ValueError(optimizer)


def number(v):
    """A double as JSON: Python's repr round-trips exactly; a non-finite value is null."""
    return v if math.isfinite(v) else None


def trajectory(surface, optimizer, h, start=None, jitter=1.0):
    """The path (x, y) of one run; for ASGD also its averaged iterate x̄ (x, y), 0 at the start.

    `jitter` multiplies every gradient (for `determined`: a last-bit change at every step).
    """
    fn, default_start, ((x0, x1), (y0, y1)) = SURFACES[surface]
    start = start or default_start
    # simulate.ts's escape box: ESCAPE_WIDTHS plot widths around the plot's centre.
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, 1000 * (x1 - x0), 1000 * (y1 - y0)
    p = torch.tensor(start, requires_grad=True)
    opt = make_optimizer(optimizer, p, h)
    xs, ys = [start[0]], [start[1]]
    avg = ([0.0], [0.0]) if optimizer == 'asgd' else None
    f, gx, gy = fn(*start)

    def closure():
        # L-BFGS evaluates f and ∇f where it likes (its line search): one point per step() call.
        fx, gx_, gy_ = fn(p.detach()[0].item(), p.detach()[1].item())
        p.grad = torch.tensor([gx_ * jitter, gy_ * jitter])
        return fx

    for _ in range(STEPS):
        if optimizer == 'lbfgs':
            opt.step(closure)
        else:
            p.grad = torch.tensor([gx * jitter, gy * jitter])
            opt.step()
        x, y = p.detach()[0].item(), p.detach()[1].item()
        xs.append(number(x))
        ys.append(number(y))
        if avg is not None:
            ax = opt.state[p]['ax']
            avg[0].append(number(ax[0].item()))
            avg[1].append(number(ax[1].item()))
        f, gx, gy = fn(x, y) if math.isfinite(x) and math.isfinite(y) else (math.nan, 0.0, 0.0)
        # Where the engine stops (diverged), the fixture stops too, keeping the point that left.
        if not (cx - rx <= x <= cx + rx and cy - ry <= y <= cy + ry and math.isfinite(f)):
            break
    return (xs, ys, avg) if avg is not None else (xs, ys)


def nudged(start):
    """The start moved by one unit in the last place in each coordinate."""
    return (math.nextafter(start[0], math.inf), math.nextafter(start[1], math.inf))


def determined(surface, optimizer, h, xs, ys):
    """Whether every step of this run is fixed by the rule to far more than 1e-9.

    Two implementations of one rule round differently in the last bit (PyTorch's CPU kernels
    use fused multiply-adds, JavaScript cannot), and on a path that amplifies small changes
    (Rosenbrock's valley floor taken at a large η, say) that bit grows until the two paths part:
    any two programs, PyTorch on two machines included, would disagree there. Such a run proves
    nothing about the rule, so a golden run must be insensitive: the same run from a start one
    ulp away stays within 1e-12 of it, and the same run with every gradient four ulps larger
    within 1e-11 (the test asks 1e-9; see `within`), at every step.
    """
    nx, ny = trajectory(surface, optimizer, h, nudged(SURFACES[surface][1]))[:2]
    if len(nx) != len(xs) or not all(within(path, other, 1e-12) for path, other in ((xs, nx), (ys, ny))):
        return False
    # A start one ulp away tests the early steps only: a path that settles can damp that change
    # and still amplify a last-bit difference made at step 400. A gradient a few ulps larger at
    # every step is what two implementations' rounding looks like all along the path.
    lx, ly = trajectory(surface, optimizer, h, jitter=1 + 4 * 2.0 ** -52)[:2]
    return len(lx) == len(xs) and all(within(path, other, 1e-11) for path, other in ((xs, lx), (ys, ly)))


def within(path, other, relative):
    """Whether `other` follows `path` to `relative` at every step (tests/unit/torchGolden.test.ts).

    Relative to the coordinate's size at this step or the one before (a step that carries a
    coordinate across zero is a difference of two larger numbers), with a floor of 1e-14 of the
    largest size it has had so far: a coordinate that came from −1.5 to 10⁻⁷ by adding steps is
    known to a few ulps of 1.5, not of 10⁻⁷.
    """
    largest = 0.0
    for t in range(len(path)):
        a, b = path[t], other[t]
        if a is None or b is None:
            if a is not b:
                return False
            continue
        prev = abs(path[t - 1] or 0.0) if t > 0 else 0.0
        largest = max(largest, abs(a))
        if abs(a - b) > max(relative * max(abs(a), prev), 1e-14 * largest, 1e-300):
            return False
    return True


def candidates(surface, optimizer):
    """Each setting's candidates, in order of preference: the first determined one is used."""
    demo = DEMO_LR[surface][optimizer]
    large = TOO_LARGE.get(optimizer, TOO_LARGE_ADAPTIVE)
    return [
        ('defaults', [dict(lr=demo * k, **DEFAULTS[optimizer]) for k in (1, 0.5, 0.25, 0.1)]),
        ('other', [dict(lr=demo * k, **{**DEFAULTS[optimizer], **OTHER[optimizer], **OTHER_ON.get((optimizer, surface), {})}) for k in (0.5, 0.25, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001)]),
        ('too-large', [dict(lr=demo * large * k, **{**DEFAULTS[optimizer], **TOO_LARGE_EXTRA.get(optimizer, {})})
                       for k in (1, 10, 100, 0.1)]),
    ]


def settings(surface, optimizer):
    """The three golden runs of one optimizer on one surface: (name, hyperparameters, x, y, avg)."""
    chosen = []
    for name, options in candidates(surface, optimizer):
        for h in options:
            xs, ys, *avg = trajectory(surface, optimizer, h)
            # The too-large setting must leave the plot for good (the engine calls it diverged).
            if name == 'too-large' and len(xs) == STEPS + 1:
                continue
            if determined(surface, optimizer, h, xs, ys):
                chosen.append((name, h, xs, ys, avg[0] if avg else None))
                break
        else:
            raise SystemExit(f'no determined {name} setting for {optimizer} on {surface}')
    return chosen


PATCHED = {
    'nadam': 'NAdam patched to PyTorch 2.x (see nadam_2x)',
    'rmsprop': "RMSprop's centered mean patched to PyTorch 2.x's lerp_ (see rmsprop_2x)",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--out', default=os.path.join(os.path.dirname(__file__), '..', 'tests', 'fixtures', 'torch'))
    parser.add_argument('--sample', action='store_true', help='only the first setting of each optimizer on Rosenbrock')
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for optimizer in DEFAULTS:
        runs = []
        for surface in SURFACES:
            if args.sample and surface != 'rosenbrock':
                continue
            for name, h, xs, ys, avg in settings(surface, optimizer):
                if args.sample and name != 'defaults':
                    continue
                run = dict(surface=surface, setting=name, start=list(SURFACES[surface][1]), steps=STEPS,
                           params=h, x=xs, y=ys)
                if avg is not None:
                    run['avg'] = dict(x=avg[0], y=avg[1])
                runs.append(run)
        doc = dict(generator='scripts/torch_golden.py', torch=torch.__version__, optimizer=optimizer,
                   note=PATCHED.get(optimizer),
                   runs=runs)
        with open(os.path.join(args.out, f'{optimizer}.json'), 'w') as out:
            json.dump(doc, out, separators=(',', ':'))
            out.write('\n')
        print(f'{optimizer}: {len(runs)} runs', file=sys.stderr)


if __name__ == '__main__':
    main()

import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, frameworkCall, getOptimizer, getSurface, resolveParams, type OptimizerId } from '../../src/engine';

function call(id: OptimizerId, framework: 'torch' | 'keras', params = {}): string | null {
  const info = getOptimizer(id);
  const surface = getSurface('ravine');
  if (!info || !surface) throw new Error('missing');
  const c = info[framework];
  return c ? frameworkCall(framework, c, info.params, resolveParams(surface, id, params), { keys: info.options ?? [], defaults: info.defaults }) : null;
}

describe('frameworkCall: each rule as PyTorch and Keras construct it', () => {
  it('names every argument as the framework does, with the run’s exact values', () => {
    expect(call('rmsprop', 'torch', { lr: 0.05, decay: 0.9, eps: 1e-8 })).toBe('torch.optim.RMSprop(params, lr=0.05, alpha=0.9, eps=1e-8)');
    expect(call('rmsprop', 'keras', { lr: 0.05, decay: 0.9, eps: 1e-8 })).toBe('keras.optimizers.RMSprop(learning_rate=0.05, rho=0.9, epsilon=1e-8)');
    expect(call('adadelta', 'torch', { lr: 1, decay: 0.95 })).toBe('torch.optim.Adadelta(params, lr=1, rho=0.95, eps=0.000001)');
    expect(call('adam', 'torch', { lr: 0.001 })).toBe('torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-8)');
    expect(call('adam', 'keras', { lr: 0.001 })).toBe('keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-8)');
    expect(call('amsgrad', 'torch', { lr: 0.1 })).toBe('torch.optim.Adam(params, lr=0.1, betas=(0.9, 0.999), eps=1e-8, amsgrad=True)');
    expect(call('nesterov', 'keras', { lr: 0.04, rho: 0.9 })).toBe('keras.optimizers.SGD(learning_rate=0.04, momentum=0.9, nesterov=True)');
    expect(call('rprop', 'torch', { lr: 0.05 })).toBe('torch.optim.Rprop(params, lr=0.05, etas=(0.5, 1.2))');
    expect(call('rprop', 'torch', { lr: 0.05, stepMax: 1 })).toBe('torch.optim.Rprop(params, lr=0.05, etas=(0.5, 1.2), step_sizes=(0.000001, 1))');
    expect(call('asgd', 'torch', { lr: 0.45, t0: 3 })).toBe('torch.optim.ASGD(params, lr=0.45, lambd=0.0001, alpha=0.75, t0=3)');
  });

  it('writes torch’s less common options only where they are set, switches as True and False', () => {
    expect(call('rmsprop', 'torch', { lr: 0.05, centered: 1, rho: 0.9 })).toBe(
      'torch.optim.RMSprop(params, lr=0.05, alpha=0.99, eps=1e-8, momentum=0.9, centered=True)',
    );
    expect(call('rmsprop', 'keras', { lr: 0.05, centered: 1, rho: 0.9, weightDecay: 0.1 })).toBe(
      'keras.optimizers.RMSprop(learning_rate=0.05, rho=0.99, epsilon=1e-8, momentum=0.9, centered=True)',
    );
    expect(call('adagrad', 'torch', { lr: 0.5, lrDecay: 0.01, initialAccumulator: 0.1, weightDecay: 0.05 })).toBe(
      'torch.optim.Adagrad(params, lr=0.5, eps=1e-10, lr_decay=0.01, initial_accumulator_value=0.1, weight_decay=0.05)',
    );
    expect(call('adagrad', 'keras', { lr: 0.5, lrDecay: 0.01, initialAccumulator: 0.1 })).toBe(
      'keras.optimizers.Adagrad(learning_rate=0.5, epsilon=1e-10, initial_accumulator_value=0.1)',
    );
    expect(call('adam', 'torch', { lr: 0.1, weightDecay: 0.01 })).toBe('torch.optim.Adam(params, lr=0.1, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)');
  });

  it('exists for every rule torch.optim has, and for none that Keras lacks', () => {
    for (const o of OPTIMIZERS) {
      expect(o.torch === null, o.id).toBe(['lion', 'signum', 'shampoo', 'schedule-free-adamw', 'sam', 'lookahead', 'newton'].includes(o.id));
      expect(o.keras === null, o.id).toBe(['radam', 'rprop', 'asgd', 'lbfgs', 'signum', 'shampoo', 'schedule-free-adamw', 'sam', 'lookahead', 'newton'].includes(o.id));
    }
  });

  it('writes numbers Python reads back as the same doubles', () => {
    const text = call('adam', 'torch', { lr: 0.1 + 0.2, beta2: 0.999999 });
    expect(text).toContain('lr=0.30000000000000004');
    expect(text).toContain('betas=(0.9, 0.999999)');
  });
});

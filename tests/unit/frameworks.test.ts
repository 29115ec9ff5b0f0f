import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, frameworkCall, getOptimizer, getSurface, resolveParams, type OptimizerId } from '../../src/engine';

function call(id: OptimizerId, framework: 'torch' | 'keras', params = {}): string | null {
  const info = getOptimizer(id);
  const surface = getSurface('ravine');
  if (!info || !surface) throw new Error('missing');
  const c = info[framework];
  return c ? frameworkCall(framework, c, info.params, resolveParams(surface, id, params)) : null;
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
    expect(call('rprop', 'torch', { lr: 0.05 })).toBe('torch.optim.Rprop(params, lr=0.05, etas=(0.5, 1.2), step_sizes=(0.000001, 50))');
    expect(call('asgd', 'torch', { lr: 0.45, t0: 3 })).toBe('torch.optim.ASGD(params, lr=0.45, lambd=0.0001, alpha=0.75, t0=3)');
  });

  it('exists for every rule torch.optim has, and for none that Keras lacks', () => {
    for (const o of OPTIMIZERS) {
      expect(o.torch === null, o.id).toBe(o.id === 'newton');
      expect(o.keras === null, o.id).toBe(['radam', 'rprop', 'asgd', 'newton'].includes(o.id));
    }
  });

  it('writes numbers Python reads back as the same doubles', () => {
    const text = call('adam', 'torch', { lr: 0.1 + 0.2, beta2: 0.999999 });
    expect(text).toContain('lr=0.30000000000000004');
    expect(text).toContain('betas=(0.9, 0.999999)');
  });
});

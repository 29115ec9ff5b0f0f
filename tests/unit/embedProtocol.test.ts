import { describe, expect, it } from 'vitest';
import { fullAppUrl } from '../../src/embed/openLink';
import { parseIncoming, readIncoming } from '../../src/embed/protocol';

describe('parseIncoming', () => {
  it('reads every message of the protocol', () => {
    expect(parseIncoming({ type: 'descent:play' })).toEqual({ type: 'descent:play' });
    expect(parseIncoming({ type: 'descent:pause' })).toEqual({ type: 'descent:pause' });
    expect(parseIncoming({ type: 'descent:reset' })).toEqual({ type: 'descent:reset' });
    expect(parseIncoming({ type: 'descent:seek', step: 12.7 })).toEqual({ type: 'descent:seek', step: 12 });
    expect(parseIncoming({ type: 'descent:setParams', params: { lr: 0.1 } })).toEqual({ type: 'descent:setParams', runIndex: null, params: { lr: 0.1 } });
    expect(parseIncoming({ type: 'descent:setParams', runIndex: 2, params: { rho: 0, beta2: 0.999 } })).toEqual({
      type: 'descent:setParams',
      runIndex: 2,
      params: { rho: 0, beta2: 0.999 },
    });
    expect(parseIncoming({ type: 'descent:getState' })).toEqual({ type: 'descent:getState', requestId: null });
    expect(parseIncoming({ type: 'descent:getState', requestId: 'a' })).toEqual({ type: 'descent:getState', requestId: 'a' });
    expect(parseIncoming({ type: 'descent:getState', requestId: 7 })).toEqual({ type: 'descent:getState', requestId: 7 });
  });

  it('refuses anything else, whole', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'descent:play',
      42,
      true,
      [],
      [{ type: 'descent:play' }],
      {},
      { type: 123 },
      { type: 'descent:PLAY' },
      { type: 'descent:state' },
      { type: 'descent:ready' },
      { type: 'descent:play', extra: 1 },
      { type: 'descent:seek' },
      { type: 'descent:seek', step: -1 },
      { type: 'descent:seek', step: Number.NaN },
      { type: 'descent:seek', step: Number.POSITIVE_INFINITY },
      { type: 'descent:seek', step: '3' },
      { type: 'descent:setParams' },
      { type: 'descent:setParams', params: {} },
      { type: 'descent:setParams', params: null },
      { type: 'descent:setParams', params: [1] },
      { type: 'descent:setParams', params: new Map([['lr', 0.1]]) },
      { type: 'descent:setParams', params: { lr: -1 } },
      { type: 'descent:setParams', params: { lr: 0 } },
      { type: 'descent:setParams', params: { lr: Number.NaN } },
      { type: 'descent:setParams', params: { lr: '0.1' } },
      { type: 'descent:setParams', params: { rho: 1 } },
      { type: 'descent:setParams', params: { eps: -1e-9 } },
      { type: 'descent:setParams', params: { lr: 0.1, toString: 1 } },
      { type: 'descent:setParams', params: { lr: 0.1, nope: 1 } },
      { type: 'descent:setParams', params: JSON.parse('{"__proto__": {"lr": 0.1}}') as unknown },
      { type: 'descent:setParams', runIndex: -1, params: { lr: 0.1 } },
      { type: 'descent:setParams', runIndex: 1.5, params: { lr: 0.1 } },
      { type: 'descent:setParams', runIndex: '1', params: { lr: 0.1 } },
      { type: 'descent:setParams', runIndex: null, params: { lr: 0.1 } },
      { type: 'descent:getState', requestId: {} },
      { type: 'descent:getState', requestId: Number.NaN },
      { type: 'descent:getState', requestId: 'x'.repeat(201) },
      Object.create({ type: 'descent:play' }) as unknown,
    ];
    for (const message of bad) expect(parseIncoming(message), JSON.stringify(message) ?? String(message)).toBeNull();
  });
});

describe('readIncoming', () => {
  it('refuses a command of ours with a reason that names the bad field and what it accepts', () => {
    const reason = (data: unknown) => {
      const read = readIncoming(data);
      return read.ok ? null : read.reason;
    };
    expect(reason({ type: 'descent:setParams', params: { beta1: 1 } })).toBe('params.beta1 must be a number in [0, 1), got 1');
    expect(reason({ type: 'descent:setParams', params: { beta2: 1 } })).toBe('params.beta2 must be a number in [0, 1), got 1');
    expect(reason({ type: 'descent:setParams', params: { rho: 1 } })).toBe('params.rho must be a number in [0, 1), got 1');
    expect(reason({ type: 'descent:setParams', params: { lr: Number.NaN } })).toBe('params.lr must be a finite number > 0, got NaN');
    expect(reason({ type: 'descent:setParams', params: { lr: '0.1' } })).toBe('params.lr must be a finite number > 0, got "0.1"');
    expect(reason({ type: 'descent:setParams', params: { eps: Number.NEGATIVE_INFINITY } })).toBe('params.eps must be a finite number ≥ 0, got -Infinity');
    expect(reason({ type: 'descent:setParams', params: JSON.parse('{"__proto__": {"lr": 0.1}}') as unknown })).toMatch(/^params\."__proto__" is not a hyperparameter; one of lr, rho, /);
    expect(reason({ type: 'descent:setParams', params: {} })).toMatch(/^params is empty/);
    expect(reason({ type: 'descent:setParams' })).toMatch(/^params is required/);
    expect(reason({ type: 'descent:setParams', runIndex: -1, params: { lr: 0.1 } })).toBe('runIndex must be a whole number ≥ 0 (or left out for every run), got -1');
    expect(reason({ type: 'descent:seek', step: Number.POSITIVE_INFINITY })).toBe('step must be a finite number ≥ 0, got Infinity');
    expect(reason({ type: 'descent:play', extra: 1 })).toBe('"extra" is not a field of descent:play; its fields: type');
    expect(reason({ type: 'descent:getState', requestId: {} })).toBe('requestId must be a string of at most 200 characters or a finite number, got an object');
    expect(readIncoming({ type: 'descent:seek', step: 3 })).toEqual({ ok: true, message: { type: 'descent:seek', step: 3 } });
  });

  it('quotes a huge value short', () => {
    const read = readIncoming({ type: 'descent:setParams', params: { lr: 'x'.repeat(1_000_000) } });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason?.length).toBeLessThan(120);
  });

  it('answers nothing to what is not a command of ours, so that no reply can echo back and forth', () => {
    const silent = { ok: false, refused: null, reason: null };
    for (const data of [null, 'descent:play', {}, { type: 'descent:refused', refused: 'descent:play', reason: 'x' }, { type: 'descent:state' }, { type: 'descent:PLAY' }, { type: 'other-widget:ping' }, Object.create({ type: 'descent:play' }) as unknown]) {
      expect(readIncoming(data)).toEqual(silent);
    }
  });
});

describe('fullAppUrl', () => {
  it('drops the embed flags and keeps the scene, in the query or the fragment', () => {
    expect(fullAppUrl('https://example.org/descent/?embed=1&controls=lr,rho&surface=beale&step=40')).toBe('https://example.org/descent/?surface=beale&step=40');
    expect(fullAppUrl('https://example.org/?embed=1')).toBe('https://example.org/');
    expect(fullAppUrl('https://example.org/app/#embed=1&surface=beale')).toBe('https://example.org/app/#surface=beale');
    expect(fullAppUrl('https://example.org/?surface=beale#top')).toBe('https://example.org/?surface=beale#top');
  });

  it('gives back what it cannot read', () => {
    expect(fullAppUrl('not a url')).toBe('not a url');
  });
});

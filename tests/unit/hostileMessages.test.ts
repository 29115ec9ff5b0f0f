import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HYPERPARAMS, HYPERPARAM_KEYS, type HyperparamKey } from '../../src/engine';
import { startEmbedMessages } from '../../src/embed/messages';
import { parseIncoming, PROTOCOL_VERSION, type IncomingMessage } from '../../src/embed/protocol';
import { playhead, seek } from '../../src/state/playhead';
import { defaultScene, optimizerParams, sceneStore, type RunConfig, type SceneState } from '../../src/state/store';

// Hostile input, property-based (issue 15): a thousand random postMessage payloads to an embed,
// through the real bridge (startEmbedMessages) in a fake frame. For each: nothing throws, nothing
// reaches Object.prototype, the scene changes only as far as the parsed message allows, a message
// from anyone but the parent changes nothing and gets no answer, and every answer goes to the
// parent with one of the documented outgoing shapes.

const INCOMING = ['descent:play', 'descent:pause', 'descent:reset', 'descent:seek', 'descent:setParams', 'descent:getState'] as const;
const OUTGOING = ['descent:ready', 'descent:resize', 'descent:step', 'descent:finished', 'descent:state', 'descent:refused'];
/** Keys that reach a prototype when a careless reader assigns them. */
const POISON = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const INFO = new Map(HYPERPARAMS.map((h) => [h.key, h]));

interface Post {
  readonly message: unknown;
  readonly targetOrigin: unknown;
}

/** A framed window in Node: its parent and a stranger record what is posted to them; the bridge's listener is captured. */
function fakeFrame() {
  const toParent: Post[] = [];
  const toStranger: Post[] = [];
  const listeners: ((e: MessageEvent) => void)[] = [];
  const parent = { postMessage: (message: unknown, targetOrigin: unknown) => toParent.push({ message, targetOrigin }) };
  const stranger = { postMessage: (message: unknown, targetOrigin: unknown) => toStranger.push({ message, targetOrigin }) };
  const documentElement = { scrollHeight: 480 };
  const win = {
    parent,
    document: { documentElement, body: null, querySelectorAll: () => [] },
    addEventListener: (type: string, l: (e: MessageEvent) => void) => {
      if (type === 'message') listeners.push(l);
    },
    removeEventListener: (type: string, l: (e: MessageEvent) => void) => {
      const i = listeners.indexOf(l);
      if (type === 'message' && i >= 0) listeners.splice(i, 1);
    },
  };
  const deliver = (data: unknown, source: unknown) => {
    for (const l of [...listeners]) l({ data, source } as MessageEvent);
  };
  // The bridge reads only these members of a Window.
  return { win: win as unknown as Window, parent, stranger, toParent, toStranger, listeners, deliver };
}

// --- What is sent -------------------------------------------------------------------------

const number = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 0.999, 1e6, 1e300, -1e300, 1e-300, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53),
  fc.integer({ min: -10, max: 300 }),
);
/** A big payload: long strings and long arrays. */
const huge = fc.oneof(
  fc.integer({ min: 10_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 10_000, max: 100_000 }).map((n) => new Array<number>(n).fill(0.1)),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: number },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, undefined, '0.1', '1e6', 'NaN', '') },
  { weight: 1, arbitrary: fc.array(number, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...POISON, 'lr', 'a'), number, { maxKeys: 3 }) },
  { weight: 1, arbitrary: huge },
);

/** Own keys even for "__proto__" (Object.fromEntries defines, it does not assign), as JSON.parse gives them. */
function objectOf(entries: readonly (readonly [string, unknown])[], nullPrototype: boolean): Record<string, unknown> {
  const o = Object.fromEntries(entries) as Record<string, unknown>;
  return nullPrototype ? Object.assign(Object.create(null) as Record<string, unknown>, o) : o;
}

/** A value on the hyperparameter's slider (the engine accepts nearly all of them). */
function inRange(key: HyperparamKey): fc.Arbitrary<number> {
  const info = INFO.get(key);
  if (!info) return number;
  return info.scale === 'integer' || info.switch ? fc.integer({ min: info.min, max: info.max }) : fc.double({ min: info.min, max: info.max, noNaN: true });
}

/** A value for a hyperparameter: often one the engine accepts, often one it must refuse. */
function paramValue(key: HyperparamKey): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: inRange(key) }, { weight: 3, arbitrary: number }, { weight: 1, arbitrary: junk });
}

const paramKey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...HYPERPARAM_KEYS) }, { weight: 1, arbitrary: fc.constantFrom<string>(...POISON, 'LR', 'nope', '') });
const paramsObject = fc
  .tuple(fc.uniqueArray(paramKey, { minLength: 0, maxLength: 4 }), fc.boolean())
  .chain(([keys, nullProto]) =>
    fc.tuple(...keys.map((k) => (INFO.has(k as HyperparamKey) ? paramValue(k as HyperparamKey) : junk))).map((values) => objectOf(keys.map((k, i) => [k, values[i]] as const), nullProto)),
  );

/** The documented fields, well or badly filled, and now and then one too many. */
const fieldEntry: fc.Arbitrary<readonly [string, unknown]> = fc.oneof(
  fc.tuple(fc.constant('step'), fc.oneof(fc.integer({ min: 0, max: 400 }), number, junk)),
  fc.tuple(fc.constant('runIndex'), fc.oneof(fc.integer({ min: 0, max: 10 }), number, junk)),
  fc.tuple(fc.constant('params'), fc.oneof({ weight: 4, arbitrary: paramsObject }, { weight: 1, arbitrary: junk })),
  fc.tuple(fc.constant('requestId'), fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), junk)),
  fc.tuple(fc.constantFrom(...POISON, 'extra', 'state'), junk),
);
const typeValue = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<unknown>(...INCOMING) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...OUTGOING, 'descent:PLAY', 'descent:', 'play', '__proto__', 'constructor') },
  { weight: 1, arbitrary: junk },
);
const shaped = fc
  .tuple(typeValue, fc.uniqueArray(fieldEntry, { selector: ([k]) => k, maxLength: 3 }), fc.integer({ min: 0, max: 7 }), fc.boolean())
  .map(([type, fields, withType, nullProto]) => objectOf(withType > 0 ? [['type', type], ...fields] : fields, nullProto));

/** Messages that are right (a good share of what is sent, so that the scene moves at all). */
const valid: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom<unknown>({ type: 'descent:play' }, { type: 'descent:pause' }, { type: 'descent:reset' }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }).map((step) => ({ type: 'descent:seek', step })) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()).map((requestId) => ({ type: 'descent:getState', requestId })) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), fc.uniqueArray(fc.constantFrom(...HYPERPARAM_KEYS), { minLength: 1, maxLength: 3 }))
      .chain(([runIndex, keys]) =>
        fc.tuple(...keys.map(inRange)).map((values) => ({
          type: 'descent:setParams',
          ...(runIndex !== undefined && { runIndex }),
          params: Object.fromEntries(keys.map((k, i) => [k, values[i]])),
        })),
      ),
  },
  // The extremes: η = 10⁶, ε = 0, β₁ = 1, β₂ = 1, ρ = 1.
  { weight: 1, arbitrary: fc.constantFrom({ lr: 1e6 }, { eps: 0 }, { beta1: 1 }, { beta2: 1 }, { rho: 1 }).map((params) => ({ type: 'descent:setParams', params })) },
);

/** Prototype keys made own keys the way a host's JSON makes them. */
const PARSED: unknown[] = [
  JSON.parse('{"type":"descent:setParams","params":{"__proto__":{"lr":0.1}}}'),
  JSON.parse('{"type":"descent:setParams","params":{"lr":0.1,"__proto__":{"polluted":1}}}'),
  JSON.parse('{"__proto__":{"type":"descent:play"}}'),
  JSON.parse('{"type":"descent:play","__proto__":{"polluted":1}}'),
  JSON.parse('{"type":"descent:getState","constructor":{"prototype":{"polluted":1}}}'),
  JSON.parse('{"type":"descent:setParams","params":{"constructor":{"prototype":{"lr":1}}}}'),
  JSON.parse('{"type":"descent:setParams","runIndex":0,"params":{"prototype":1}}'),
];

const payload: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: valid },
  { weight: 5, arbitrary: shaped },
  { weight: 1, arbitrary: fc.constantFrom(...PARSED) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true }) },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.constantFrom(Object.create({ type: 'descent:play' }) as unknown, new Date(0), new Map([['type', 'descent:play']])) },
);
const source = fc.oneof({ weight: 8, arbitrary: fc.constant('parent' as const) }, { weight: 2, arbitrary: fc.constantFrom('stranger' as const, 'self' as const, 'none' as const) });

// --- What must hold -----------------------------------------------------------------------

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** What a structured clone can make of a host's object literal: an inherited `type` is none. */
const isPlain = (v: unknown): v is Record<string, unknown> => isRecord(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null);
const keysAre = (o: Record<string, unknown>, keys: readonly string[]) => Object.keys(o).sort().join() === [...keys].sort().join();
const wholeNonNegative = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const STATUSES = ['ok', 'diverged', 'singular', 'lineSearchFailed', 'left'];

function isRunState(r: unknown): boolean {
  if (!isRecord(r) || !keysAre(r, ['optimizer', 'params', 'visible', 'step', 'loss', 'x', 'y', 'status'])) return false;
  return (
    typeof r.optimizer === 'string' &&
    isRecord(r.params) &&
    Object.entries(r.params).every(([k, v]) => HYPERPARAM_KEYS.includes(k as HyperparamKey) && typeof v === 'number') &&
    typeof r.visible === 'boolean' &&
    wholeNonNegative(r.step) &&
    [r.loss, r.x, r.y].every((v) => typeof v === 'number') &&
    STATUSES.includes(r.status as string)
  );
}

/** One of the documented messages from the frame (protocol.ts), field for field. */
function isOutgoing(m: unknown): boolean {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'descent:ready':
      return keysAre(m, ['type', 'protocol']) && m.protocol === PROTOCOL_VERSION;
    case 'descent:resize':
      return keysAre(m, ['type', 'height']) && typeof m.height === 'number' && Number.isFinite(m.height) && m.height > 0;
    case 'descent:step':
      return keysAre(m, ['type', 'step']) && wholeNonNegative(m.step);
    case 'descent:finished':
      return keysAre(m, ['type']);
    case 'descent:state': {
      const s = m.state;
      const id = m.requestId;
      return (
        keysAre(m, ['type', 'requestId', 'state']) &&
        (id === null || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) &&
        isRecord(s) &&
        keysAre(s, ['surface', 'step', 'lastStep', 'playing', 'runs']) &&
        typeof s.surface === 'string' &&
        wholeNonNegative(s.step) &&
        wholeNonNegative(s.lastStep) &&
        typeof s.playing === 'boolean' &&
        Array.isArray(s.runs) &&
        s.runs.every(isRunState)
      );
    }
    case 'descent:refused':
      // A reason names the bad part; it never echoes a huge payload back.
      return keysAre(m, ['type', 'refused', 'reason']) && (INCOMING as readonly unknown[]).includes(m.refused) && typeof m.reason === 'string' && m.reason.length > 0 && m.reason.length <= 500;
    default:
      return false;
  }
}

/** The scene's data (the store's actions are the same functions throughout). */
function sceneData(s: SceneState): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v !== 'function'));
}

/** Every field of the scene but `except` is the very same value as before. */
function expectUnchangedBut(before: SceneState, after: SceneState, except: readonly string[]): void {
  const a = sceneData(before);
  const b = sceneData(after);
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const key of Object.keys(a)) if (!except.includes(key)) expect(b[key], key).toBe(a[key]);
}

/** The runs after a setParams: only the named values, only on the runs meant, only where the optimizer reads them. */
function expectParamsApplied(before: readonly RunConfig[], after: readonly RunConfig[], msg: Extract<IncomingMessage, { type: 'descent:setParams' }>): void {
  expect(after).toHaveLength(before.length);
  after.forEach((run, i) => {
    const old = before[i];
    expect({ ...run, params: null }).toEqual({ ...old, params: null });
    const meant = msg.runIndex === null || msg.runIndex === i;
    const reads = optimizerParams(run.optimizer);
    for (const key of HYPERPARAM_KEYS) {
      const given = msg.params[key];
      const expected = meant && reads.includes(key) && given !== undefined ? given : old.params[key];
      expect(run.params[key], `run ${i} ${key}`).toBe(expected);
      const info = INFO.get(key);
      if (run.params[key] !== old.params[key]) expect(info?.valid(run.params[key])).toBe(true);
    }
  });
}

/** What a parsed setParams says beyond doubt: real keys, values as sent and within the engine's limits. */
function expectParsedFromPayload(raw: unknown, msg: IncomingMessage): void {
  if (msg.type !== 'descent:setParams') return;
  const sent = (raw as { params: Record<string, unknown> }).params;
  for (const [key, value] of Object.entries(msg.params)) {
    expect(HYPERPARAM_KEYS).toContain(key);
    expect(Object.hasOwn(sent, key)).toBe(true);
    expect(Object.is(sent[key], value)).toBe(true);
    expect(INFO.get(key as HyperparamKey)?.valid(value)).toBe(true);
  }
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
function expectPrototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_NAMES);
  const probe = {} as Record<string, unknown>;
  for (const key of ['lr', 'polluted', 'type', 'params', 'step', 'runIndex']) expect(probe[key], key).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

describe('1,000 random postMessage payloads to an embed', () => {
  const frame = fakeFrame();
  let stop: () => void = () => {};
  beforeAll(() => {
    // Six default runs and two whose optimizers read other hyperparameters (SAM's radius, L-BFGS's history).
    sceneStore.setState(defaultScene());
    sceneStore.getState().addRun('sam');
    sceneStore.getState().addRun('lbfgs');
    stop = startEmbedMessages(null, frame.win);
  });
  afterAll(() => stop());

  it('reports ready to the parent', () => {
    expect(frame.toParent[0]).toEqual({ message: { type: 'descent:ready', protocol: PROTOCOL_VERSION }, targetOrigin: '*' });
  });

  it('each changes only what its parsed message allows, and answers only the parent, in the documented shapes', () => {
    const seen = { ignored: 0, refused: 0, obeyed: 0, setParams: 0, stranger: 0 };
    fc.assert(
      fc.property(payload, source, (data, from) => {
        const before = sceneStore.getState();
        const stepBefore = playhead.step;
        const posted = frame.toParent.length;
        const src = from === 'parent' ? frame.parent : from === 'stranger' ? frame.stranger : from === 'self' ? frame.win : null;

        expect(() => frame.deliver(data, src)).not.toThrow();
        expectPrototypesClean();
        const after = sceneStore.getState();
        const replies = frame.toParent.slice(posted).map((p) => p.message);
        expect(frame.toStranger).toEqual([]);

        if (from !== 'parent') {
          seen.stranger++;
          expect(after).toBe(before);
          expect(playhead.step).toBe(stepBefore);
          expect(replies).toEqual([]);
          return;
        }
        const msg = parseIncoming(data);
        if (!msg) {
          expect(after).toBe(before);
          expect(playhead.step).toBe(stepBefore);
          // One refusal naming why for a command of ours gone wrong; silence for anything else.
          const ours = isPlain(data) && Object.hasOwn(data, 'type') && (INCOMING as readonly unknown[]).includes(data.type);
          expect(replies).toHaveLength(ours ? 1 : 0);
          if (ours) expect(replies[0]).toMatchObject({ type: 'descent:refused', refused: data.type });
          seen[ours ? 'refused' : 'ignored']++;
          return;
        }
        seen.obeyed++;
        expectParsedFromPayload(data, msg);
        const besides = replies.filter((m) => isRecord(m) && m.type !== 'descent:step' && m.type !== 'descent:finished' && m.type !== 'descent:resize');
        switch (msg.type) {
          case 'descent:play':
            expectUnchangedBut(before, after, ['playing']);
            expect(after.playing).toBe(true);
            expect(besides).toEqual([]);
            break;
          case 'descent:pause':
          case 'descent:reset':
          case 'descent:seek':
            expectUnchangedBut(before, after, ['playing']);
            expect(after.playing).toBe(false);
            if (msg.type === 'descent:reset') expect(playhead.step).toBe(0);
            if (msg.type === 'descent:seek') expect(playhead.step).toBeLessThanOrEqual(msg.step);
            if (msg.type === 'descent:pause') expect(playhead.step).toBe(stepBefore);
            expect(besides).toEqual([]);
            break;
          case 'descent:getState':
            expect(after).toBe(before);
            expect(besides).toHaveLength(1);
            expect(besides[0]).toMatchObject({ type: 'descent:state', requestId: msg.requestId });
            break;
          case 'descent:setParams': {
            seen.setParams++;
            expectUnchangedBut(before, after, ['runs']);
            const { runs } = before;
            const meant = msg.runIndex === null ? runs : msg.runIndex < runs.length ? [runs[msg.runIndex]] : [];
            const anyReads = meant.some((r) => optimizerParams(r.optimizer).some((k) => msg.params[k] !== undefined));
            if (!anyReads) {
              // Nothing to set: refused with a reason, and the scene as it was.
              expect(after).toBe(before);
              expect(besides).toEqual([expect.objectContaining({ type: 'descent:refused', refused: 'descent:setParams' })]);
            } else {
              expectParamsApplied(runs, after.runs, msg);
              expect(besides).toEqual([]);
            }
            break;
          }
        }
      }),
      { numRuns: 1000, seed: 1515 },
    );
    // Every kind was met: commands obeyed (setParams among them), ours refused, others ignored, strangers.
    expect(seen.obeyed).toBeGreaterThan(200);
    expect(seen.setParams).toBeGreaterThan(90);
    expect(seen.refused).toBeGreaterThan(150);
    expect(seen.ignored).toBeGreaterThan(100);
    expect(seen.stranger).toBeGreaterThan(150);
  }, 120_000);

  it('everything it ever posted went to the parent, as a documented message', async () => {
    // Resizes and throttled steps are posted from timers: let them run.
    await new Promise((done) => setTimeout(done, 250));
    expect(frame.toStranger).toEqual([]);
    expect(frame.toParent.length).toBeGreaterThan(300);
    for (const { message, targetOrigin } of frame.toParent) {
      expect(targetOrigin).toBe('*');
      expect(isOutgoing(message), JSON.stringify(message)?.slice(0, 300)).toBe(true);
    }
  });

  it('stops listening when stopped', () => {
    stop();
    const before = sceneStore.getState();
    const posted = frame.toParent.length;
    frame.deliver({ type: 'descent:setParams', params: { lr: 0.123 } }, frame.parent);
    frame.deliver({ type: 'descent:getState' }, frame.parent);
    expect(sceneStore.getState()).toBe(before);
    expect(frame.toParent.length).toBe(posted);
    expect(frame.listeners).toEqual([]);
    seek(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormulaError, compileFormula } from '../../src/engine/formula';
import { computeScene } from '../../src/state/paths';
import { createSceneStore } from '../../src/state/store';
import { readUrl } from '../../src/state/url/codec';

// Hostile input, property-based (issue 15): random formulas and random links, tens of thousands of
// them. Each is either used or refused with a reason; nothing throws anything else, nothing hangs
// (the unit runner's timeout stands guard; the bench times the worst formulas).

const FUNCTION_NAMES = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'sec', 'csc', 'cot', 'sech', 'csch', 'coth', 'exp', 'log', 'log10', 'sqrt', 'abs'];

/** Formulas of the grammar: numbers, x, y, pi, e, + − * / ^, unary minus, functions, brackets. */
const grammatical: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('x', 'y', 'pi', 'e', '0', '1', '2.5', '1e-3', '1e308', '0.5'),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((v) => `(${v})`),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom(...FUNCTION_NAMES), tie('expr')).map(([f, a]) => `${f}(${a})`),
    tie('expr').map((a) => `-${a}`),
  ),
})).expr;

/** What a mischievous student pastes: mathjs's own functions, JavaScript, markup, odd characters. */
const INJECTIONS = [
  'import({}, {override: true})',
  'createUnit("x")',
  'evaluate("1")',
  'x.constructor.constructor("alert(1)")()',
  'x["__proto__"]',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '"; alert(1); "',
  '`${x}`',
  'f(x) = x; f(y)',
  'x ? y : 1',
  '1:1e9',
  'ones(1e6)',
  'x\u0000y',
  'x\u202ey',
  'ｘ＾２',
  '%E0%A4%A',
  '1e99999',
  '(((((((((((((((((((((x))))))))))))))))))))',
  'x'.repeat(100_000),
];

const textish = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'xy+-*/^()., 0123456789eEpisnlogxtqrab[]{}=;:!?\'"%'), maxLength: 80 }),
  fc.constantFrom(...INJECTIONS),
  grammatical,
);

function compileOrRefuse(expr: string): 'compiled' | 'refused' {
  try {
    const { surface } = compileFormula(expr);
    const g = new Float64Array(2);
    surface.valueAndGrad(surface.start[0], surface.start[1], g);
    return 'compiled';
  } catch (e) {
    if (e instanceof FormulaError) {
      expect(e.message.length).toBeGreaterThan(0);
      return 'refused';
    }
    throw e;
  }
}

describe('10,000 random formulas', () => {
  it('each compiles or is refused with a FormulaError that says why, nothing else', () => {
    const seen = { compiled: 0, refused: 0 };
    fc.assert(
      fc.property(textish, (expr) => {
        seen[compileOrRefuse(expr)]++;
      }),
      { numRuns: 10_000, seed: 15 },
    );
    // Both kinds were met: the generator reaches past the parser into the compiler.
    expect(seen.compiled).toBeGreaterThan(1000);
    expect(seen.refused).toBeGreaterThan(1000);
  }, 120_000);

  it('a compiled formula’s start, value and gradient at the start are numbers where f is finite there', () => {
    fc.assert(
      fc.property(grammatical, (expr) => {
        let compiled;
        try {
          compiled = compileFormula(expr);
        } catch (e) {
          if (e instanceof FormulaError) return;
          throw e;
        }
        const { surface } = compiled;
        expect(surface.start.every(Number.isFinite)).toBe(true);
        const g = new Float64Array(2);
        // The survey picks a start where f and its gradient are finite.
        expect(Number.isFinite(surface.valueAndGrad(surface.start[0], surface.start[1], g))).toBe(true);
        expect(Number.isFinite(g[0]) && Number.isFinite(g[1])).toBe(true);
      }),
      { numRuns: 2000, seed: 16 },
    );
  }, 120_000);
});

const ROWS = ['lesson', 'surface', 'expr', 'domain', 'start', 'steps', 'runs', 'speed', 'step', 'view', 'cam', 'seed', 'sigma', 'penalty', 'lambda', 'lang', 'theme', 'present', 'embed', 'controls', 'log', 'vectors', 'overlays', 'curvatureAt', 'batch', 'dropLast', 'map'];
const NUMBERS = ['0', '-0', '1', '-1', '1e6', '1e300', '1e308', '1e309', '-1e309', '1e-400', 'NaN', 'Infinity', '-Infinity', '0.5', '3.7', '20000', '1000000', '0x10', '1_000', ' 1', '１'];
const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adam', 'adamw', 'rmsprop', 'adagrad', 'lbfgs', 'newton', 'sam', 'nope', 'SGD', '__proto__'];
const KEYS = ['lr', 'rho', 'beta1', 'beta2', 'eps', 'weightDecay', 'k', 'alpha', 'constructor', 'lr=', ''];

const runItem = fc.tuple(fc.constantFrom(...OPTIMIZERS), fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...NUMBERS)), { maxLength: 3 })).map(([o, ps]) => [o, ...ps.map(([k, v]) => `${k}=${v}`)].join(':'));

const value = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.constantFrom('rosenbrock', 'iris-logistic', 'nope', 'custom', '2d', '3d', 'ko', 'en', 'dark', 'hyper;run=0;x=lr:0.001:1;y=beta1', 'basin', 'off', '%E0%A4%A', '%', '%%', '%00', '1,2', '1,2,3,4', ',,,'),
  fc.array(runItem, { maxLength: 4 }).map((rs) => rs.join(',')),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  textish.map((t) => encodeURIComponent(t)),
);

const query = fc.oneof(
  { weight: 9, arbitrary: fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ROWS) }, fc.string({ maxLength: 8 })), value), { maxLength: 8 }).map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
);

describe('10,000 random links', () => {
  it('each is read into a scene the store takes, and every refusal names a part of the link', () => {
    // One store for all: loadScene replaces everything a link sets.
    const store = createSceneStore();
    fc.assert(
      fc.property(query, (search) => {
        const read = readUrl(search, { preferredLang: 'en' });
        for (const i of read.ignored) {
          // The notice names the part of the link it could not use: never a blank.
          expect(i.name.trim().length, JSON.stringify(i)).toBeGreaterThan(0);
          expect(i.reason.length).toBeGreaterThan(0);
        }
        store.getState().loadScene(read.scene);
        const s = store.getState();
        expect(s.start.every(Number.isFinite)).toBe(true);
        expect(Number.isInteger(s.steps) && s.steps >= 1).toBe(true);
        for (const run of s.runs) for (const v of Object.values(run.params)) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 10_000, seed: 17 },
    );
  }, 120_000);

  it('a random link’s scene computes: every run a path or a stop, no exception', () => {
    fc.assert(
      fc.property(query, (search) => {
        const read = readUrl(search, { preferredLang: 'en' });
        const store = createSceneStore();
        // Bounded steps: the property is about what the link says, not about 20,000 steps × 300 runs.
        store.getState().loadScene({ ...read.scene, steps: Math.min(read.scene.steps ?? 100, 300) });
        const scene = computeScene(store.getState(), store);
        for (const c of scene.runs) expect(c.path.steps).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: 18 },
    );
  }, 120_000);
});

// Turns checked mathjs trees into fast JavaScript. Two ways:
// - codegen: one function for f and ∇f (and one for the Hessian) with shared subexpressions
//   computed once, built with new Function from the checked tree only (never from user text:
//   every token emitted is a number we print, x, y, or a Math function from our table);
// - closures: nested plain closures, for pages whose Content Security Policy forbids eval.
import type { MathNode } from 'mathjs';
import { CONSTANTS, FUNCTIONS, FUNCTION_VALUES } from './grammar';

type Fn2 = (x: number, y: number) => number;

export interface CompiledFormula {
  value(x: number, y: number): number;
  valueAndGrad(x: number, y: number, out: Float64Array): number;
  hessian(x: number, y: number, out: Float64Array): void;
}

interface OpNode {
  type: string;
  fn: string | MathNode;
  args: MathNode[];
  value: number;
  name: string;
  content: MathNode;
}
const as = (n: MathNode) => n as unknown as OpNode;

/** A number as a JavaScript literal that parses back to the same double, whatever its sign. */
function literal(v: number): string {
  if (Number.isNaN(v)) return '(0 / 0)';
  if (!Number.isFinite(v)) return v > 0 ? '(1 / 0)' : '(-1 / 0)';
  return v < 0 || Object.is(v, -0) ? `(${String(v)})` : String(v);
}

/** Emits straight-line code for several trees at once, each distinct subtree computed once. */
class Emitter {
  private readonly lines: string[] = [];
  private readonly byKey = new Map<string, string>();
  private count = 0;

  /** Returns a JavaScript expression (a literal, x, y or a temporary) for the node's value. */
  lower(node: MathNode): Lowered {
    const n = as(node);
    switch (node.type) {
      case 'ConstantNode':
        return constant(n.value);
      case 'SymbolNode':
        if (n.name === 'x' || n.name === 'y') return { code: n.name, key: n.name };
        return constant(CONSTANTS[n.name]);
      case 'ParenthesisNode':
        return this.lower(n.content);
      case 'OperatorNode': {
        const args = n.args.map((a) => this.lower(a));
        const folded = fold(n.fn as string, args);
        if (folded) return folded;
        const key = `${n.fn as string}(${args.map((a) => a.key).join(',')})`;
        return this.bind(key, () => operatorCode(n.fn as string, args));
      }
      case 'FunctionNode': {
        const name = as(n.fn as MathNode).name;
        const arg = this.lower(n.args[0]);
        if (arg.value !== undefined) return constant(FUNCTION_VALUES[name](arg.value));
        return this.bind(`${name}(${arg.key})`, () => FUNCTIONS[name](arg.code));
      }
      default:
        throw new Error(`unchecked node ${node.type}`);
    }
  }

  private bind(key: string, code: () => string): Lowered {
    const hit = this.byKey.get(key);
    if (hit) return { code: hit, key };
    const name = `t${this.count++}`;
    this.lines.push(`const ${name} = ${code()};`);
    this.byKey.set(key, name);
    return { code: name, key };
  }

  body(): string {
    return this.lines.join('\n');
  }
}

interface Lowered {
  code: string;
  key: string;
  /** Set when the value is a known number (folded at compile time). */
  value?: number;
}

function constant(v: number): Lowered {
  return { code: literal(v), key: `c${v}`, value: v };
}

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => Math.pow(a, b),
};

/**
 * Constant folding and the identities that symbolic derivatives are full of (0·u, 1·u, u + 0,
 * u^1): mathjs's own simplify does this and much more, but costs seconds on long formulas.
 * 0·u is folded to 0 as simplify does, although u may be infinite at some points.
 */
function fold(fn: string, a: Lowered[]): Lowered | null {
  if (a.length === 1) {
    if (a[0].value !== undefined) return constant(fn === 'unaryMinus' ? -a[0].value : a[0].value);
    return fn === 'unaryPlus' ? a[0] : null;
  }
  const [p, q] = a;
  if (p.value !== undefined && q.value !== undefined) return constant(ARITHMETIC[fn](p.value, q.value));
  switch (fn) {
    case 'add':
      if (p.value === 0) return q;
      if (q.value === 0) return p;
      return null;
    case 'subtract':
      return q.value === 0 ? p : null;
    case 'multiply':
      if (p.value === 0 || q.value === 0) return constant(0);
      if (p.value === 1) return q;
      if (q.value === 1) return p;
      return null;
    case 'divide':
      if (p.value === 0) return constant(0);
      return q.value === 1 ? p : null;
    case 'pow':
      if (q.value === 1) return p;
      if (q.value === 0) return constant(1);
      return null;
    default:
      return null;
  }
}

function operatorCode(fn: string, args: Lowered[]): string {
  const a = args.map((l) => l.code);
  switch (fn) {
    case 'add':
      return `${a[0]} + ${a[1]}`;
    case 'subtract':
      return `${a[0]} - ${a[1]}`;
    case 'multiply':
      return `${a[0]} * ${a[1]}`;
    case 'divide':
      return `${a[0]} / ${a[1]}`;
    case 'unaryMinus':
      return `-${a[0]}`;
    case 'unaryPlus':
      return a[0];
    case 'pow': {
      // Small whole powers as products: several times faster than Math.pow, same value to the ulp.
      const exponent = args[1].value ?? Number.NaN;
      if (Number.isInteger(exponent) && Math.abs(exponent) <= 4 && exponent !== 0) {
        const product = Array.from({ length: Math.abs(exponent) }, () => a[0]).join(' * ');
        return exponent > 0 ? product : `1 / (${product})`;
      }
      return `Math.pow(${a[0]}, ${a[1]})`;
    }
    default:
      throw new Error(`unchecked operator ${fn}`);
  }
}

/** Whether this page lets us build functions from code (a CSP may forbid it). */
export function codegenAllowed(): boolean {
  try {
    return new Function('return 2')() === 2;
  } catch {
    return false;
  }
}

export function compileWithCodegen(f: MathNode, fx: MathNode, fy: MathNode, fxx: MathNode, fxy: MathNode, fyy: MathNode): CompiledFormula {
  const main = new Emitter();
  const v = main.lower(f);
  const gx = main.lower(fx);
  const gy = main.lower(fy);
  const valueAndGrad = new Function('x', 'y', 'out', `${main.body()}\nout[0] = ${gx.code};\nout[1] = ${gy.code};\nreturn ${v.code};`) as CompiledFormula['valueAndGrad'];
  const only = new Emitter();
  const v2 = only.lower(f);
  const value = new Function('x', 'y', `${only.body()}\nreturn ${v2.code};`) as CompiledFormula['value'];
  const hess = new Emitter();
  const hxx = hess.lower(fxx);
  const hxy = hess.lower(fxy);
  const hyy = hess.lower(fyy);
  const hessian = new Function('x', 'y', 'out', `${hess.body()}\nout[0] = ${hxx.code};\nout[1] = ${hxy.code};\nout[2] = ${hyy.code};`) as CompiledFormula['hessian'];
  return { value, valueAndGrad, hessian };
}

interface Folded {
  fn: Fn2;
  value?: number;
}

const known = (v: number): Folded => ({ fn: () => v, value: v });

/** Nested closures, folded the same way as the generated code. */
function closure(node: MathNode): Folded {
  const n = as(node);
  switch (node.type) {
    case 'ConstantNode':
      return known(n.value);
    case 'SymbolNode':
      if (n.name === 'x') return { fn: (x) => x };
      if (n.name === 'y') return { fn: (_x, y) => y };
      return known(CONSTANTS[n.name]);
    case 'ParenthesisNode':
      return closure(n.content);
    case 'FunctionNode': {
      const fn = FUNCTION_VALUES[as(n.fn as MathNode).name];
      const a = closure(n.args[0]);
      if (a.value !== undefined) return known(fn(a.value));
      const af = a.fn;
      return { fn: (x, y) => fn(af(x, y)) };
    }
    case 'OperatorNode': {
      const args = n.args.map(closure);
      const lowered = args.map((c): Lowered => (c.value !== undefined ? constant(c.value) : { code: '', key: '' }));
      const folded = fold(n.fn as string, lowered);
      if (folded?.value !== undefined) return known(folded.value);
      if (folded) return args[lowered.indexOf(folded)];
      const a = args[0].fn;
      if (n.fn === 'unaryMinus') return { fn: (x, y) => -a(x, y) };
      const b = args[1].fn;
      switch (n.fn) {
        case 'add':
          return { fn: (x, y) => a(x, y) + b(x, y) };
        case 'subtract':
          return { fn: (x, y) => a(x, y) - b(x, y) };
        case 'multiply':
          return { fn: (x, y) => a(x, y) * b(x, y) };
        case 'divide':
          return { fn: (x, y) => a(x, y) / b(x, y) };
        case 'pow': {
          const e = args[1].value;
          if (e === 2) return { fn: (x, y) => { const u = a(x, y); return u * u; } };
          return { fn: (x, y) => Math.pow(a(x, y), b(x, y)) };
        }
      }
      throw new Error(`unchecked operator ${String(n.fn)}`);
    }
    default:
      throw new Error(`unchecked node ${node.type}`);
  }
}

export function compileWithClosures(f: MathNode, fx: MathNode, fy: MathNode, fxx: MathNode, fxy: MathNode, fyy: MathNode): CompiledFormula {
  const [v, gx, gy, hxx, hxy, hyy] = [f, fx, fy, fxx, fxy, fyy].map((t) => closure(t).fn);
  return {
    value: v,
    valueAndGrad(x, y, out) {
      out[0] = gx(x, y);
      out[1] = gy(x, y);
      return v(x, y);
    },
    hessian(x, y, out) {
      out[0] = hxx(x, y);
      out[1] = hxy(x, y);
      out[2] = hyy(x, y);
    },
  };
}

// Turns checked mathjs trees into fast JavaScript. Two ways:
// - codegen: one function for f and ∇f (and one for the Hessian) with shared subexpressions
//   computed once, built with new Function from the checked tree only (never from user text:
//   every token emitted is a number we print, x, y, or a Math function from our table);
// - closures: a recorded tape of the same program run by a plain loop, for pages whose
//   Content Security Policy forbids eval.
import type { MathNode } from 'mathjs';
import { CONSTANTS, FUNCTIONS, FUNCTION_VALUES } from './grammar';

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

export const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
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

// The fallback when a Content Security Policy forbids eval: the same straight-line program
// as the generated code (shared subexpressions, folded constants), recorded as a tape of
// operations over a Float64Array of slots and run by a plain loop. No closures per node, no
// recursion: a few times slower than generated code, tens of times faster than a tree walk.
const OP_ADD = 0;
const OP_SUB = 1;
const OP_MUL = 2;
const OP_DIV = 3;
const OP_POW = 4;
const OP_NEG = 5;
const OP_FN = 6;
const FUNCTION_LIST = Object.keys(FUNCTION_VALUES);
const FUNCTION_TABLE = FUNCTION_LIST.map((k) => FUNCTION_VALUES[k]);
const OP_CODES: Readonly<Record<string, number>> = { add: OP_ADD, subtract: OP_SUB, multiply: OP_MUL, divide: OP_DIV, pow: OP_POW, unaryMinus: OP_NEG };

class Tape {
  /** Slot 0 is x, slot 1 is y; constants and temporaries follow. */
  readonly init: number[] = [0, 0];
  /** Four ints per operation: code (function index for OP_FN + k), a, b, destination. */
  readonly ops: number[] = [];
  private readonly byKey = new Map<string, number>([
    ['x', 0],
    ['y', 1],
  ]);

  private slot(key: string, init = 0): number {
    const hit = this.byKey.get(key);
    if (hit !== undefined) return hit;
    this.init.push(init);
    const s = this.init.length - 1;
    this.byKey.set(key, s);
    return s;
  }

  /** Records the node; returns its slot (and its value when known at compile time). */
  lower(node: MathNode): { slot: number; key: string; value?: number } {
    const n = as(node);
    const constant = (v: number) => ({ slot: this.slot(`c${v}`, v), key: `c${v}`, value: v });
    switch (node.type) {
      case 'ConstantNode':
        return constant(n.value);
      case 'SymbolNode':
        if (n.name === 'x' || n.name === 'y') return { slot: n.name === 'x' ? 0 : 1, key: n.name };
        return constant(CONSTANTS[n.name]);
      case 'ParenthesisNode':
        return this.lower(n.content);
      case 'FunctionNode': {
        const name = as(n.fn as MathNode).name;
        const a = this.lower(n.args[0]);
        if (a.value !== undefined) return constant(FUNCTION_VALUES[name](a.value));
        return this.emit(`${name}(${a.key})`, OP_FN + FUNCTION_LIST.indexOf(name), a.slot, a.slot);
      }
      case 'OperatorNode': {
        const args = n.args.map((a) => this.lower(a));
        const folded = fold(n.fn as string, args.map((a) => (a.value !== undefined ? constant(a.value) : { code: '', key: a.key })) as Lowered[]);
        if (folded?.value !== undefined) return constant(folded.value);
        if (folded) return args.find((a) => a.key === folded.key) ?? args[0];
        const key = `${n.fn as string}(${args.map((a) => a.key).join(',')})`;
        const code = OP_CODES[n.fn as string];
        if (code === undefined) throw new Error(`unchecked operator ${String(n.fn)}`);
        return this.emit(key, code, args[0].slot, (args[1] ?? args[0]).slot);
      }
      default:
        throw new Error(`unchecked node ${node.type}`);
    }
  }

  private emit(key: string, code: number, a: number, b: number): { slot: number; key: string } {
    const hit = this.byKey.get(key);
    if (hit !== undefined) return { slot: hit, key };
    const d = this.slot(key);
    this.ops.push(code, a, b, d);
    return { slot: d, key };
  }

  /** A runner that fills the slots for (x, y). */
  runner(): { slots: Float64Array; run: (x: number, y: number) => void } {
    const slots = Float64Array.from(this.init);
    const ops = Int32Array.from(this.ops);
    const run = (x: number, y: number) => {
      slots[0] = x;
      slots[1] = y;
      for (let i = 0; i < ops.length; i += 4) {
        const code = ops[i];
        const a = slots[ops[i + 1]];
        const b = slots[ops[i + 2]];
        let r: number;
        switch (code) {
          case OP_ADD:
            r = a + b;
            break;
          case OP_SUB:
            r = a - b;
            break;
          case OP_MUL:
            r = a * b;
            break;
          case OP_DIV:
            r = a / b;
            break;
          case OP_POW:
            r = b === 2 ? a * a : Math.pow(a, b);
            break;
          case OP_NEG:
            r = -a;
            break;
          default:
            r = FUNCTION_TABLE[code - OP_FN](a);
        }
        slots[ops[i + 3]] = r;
      }
    };
    return { slots, run };
  }
}

export function compileWithClosures(f: MathNode, fx: MathNode, fy: MathNode, fxx: MathNode, fxy: MathNode, fyy: MathNode): CompiledFormula {
  const main = new Tape();
  const [v, gx, gy] = [f, fx, fy].map((t) => main.lower(t).slot);
  const m = main.runner();
  const only = new Tape();
  const v2 = only.lower(f).slot;
  const o = only.runner();
  const hess = new Tape();
  const [hxx, hxy, hyy] = [fxx, fxy, fyy].map((t) => hess.lower(t).slot);
  const h = hess.runner();
  return {
    value(x, y) {
      o.run(x, y);
      return o.slots[v2];
    },
    valueAndGrad(x, y, out) {
      m.run(x, y);
      out[0] = m.slots[gx];
      out[1] = m.slots[gy];
      return m.slots[v];
    },
    hessian(x, y, out) {
      h.run(x, y);
      out[0] = h.slots[hxx];
      out[1] = h.slots[hxy];
      out[2] = h.slots[hyy];
    },
  };
}

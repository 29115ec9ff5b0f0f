// A straight-line program over doubles: what a checked formula and its derivatives become before
// they are emitted as JavaScript (codegen) or run as a tape (closures). Every operation is built
// through this class, which folds constants and the identities derivatives are full of (0·u,
// 1·u, u + 0, u^1) and shares identical operations (the same op on the same operands is one
// value), keyed by small integer ids: building costs time linear in the number of operations.
import { FUNCTIONS, FUNCTION_VALUES } from './grammar';

/** The grammar's functions and sign (abs's derivative, never typed): their values ... */
export const PROGRAM_FUNCTION_VALUES: Readonly<Record<string, (a: number) => number>> = { ...FUNCTION_VALUES, sign: Math.sign };
/** ... and how each is written in JavaScript. */
export const PROGRAM_FUNCTION_CODE: Readonly<Record<string, (a: string) => string>> = { ...FUNCTIONS, sign: (a) => `Math.sign(${a})` };

/** The arithmetic of the program: two operands (a, b) or one (a). */
export type Op = 'x' | 'y' | 'const' | 'add' | 'subtract' | 'multiply' | 'divide' | 'pow' | 'unaryMinus' | 'fn';

export interface Instruction {
  readonly op: Op;
  readonly a: number;
  readonly b: number;
  /** The function's name for op 'fn' (grammar.ts FUNCTIONS, or 'sign'). */
  readonly name: string;
  /** The number, for op 'const'. */
  readonly value: number;
}

export const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => Math.pow(a, b),
};

/** A value of the program: the index of the instruction that computes it. */
export type Ref = number;

export class Program {
  readonly code: Instruction[] = [];
  private readonly byKey = new Map<string, Ref>();
  readonly x: Ref;
  readonly y: Ref;

  constructor() {
    this.x = this.push('x', 'x', -1, -1, '', 0);
    this.y = this.push('y', 'y', -1, -1, '', 0);
  }

  private push(key: string, op: Op, a: Ref, b: Ref, name: string, value: number): Ref {
    const hit = this.byKey.get(key);
    if (hit !== undefined) return hit;
    this.code.push({ op, a, b, name, value });
    const ref = this.code.length - 1;
    this.byKey.set(key, ref);
    return ref;
  }

  /** The number a value is known to be at compile time, or undefined. */
  known(r: Ref): number | undefined {
    const i = this.code[r];
    return i.op === 'const' ? i.value : undefined;
  }

  constant(v: number): Ref {
    // -0 and 0 are different constants (1/−0 is −∞); NaN is one constant.
    const key = Object.is(v, -0) ? 'c-0' : `c${v}`;
    return this.push(key, 'const', -1, -1, '', v);
  }

  /**
   * A binary operation, folded where both operands are known or one is the identity (0·u is
   * folded to 0 as mathjs's simplify does, although u may be infinite at some points).
   */
  binary(op: 'add' | 'subtract' | 'multiply' | 'divide' | 'pow', a: Ref, b: Ref): Ref {
    const p = this.known(a);
    const q = this.known(b);
    if (p !== undefined && q !== undefined) return this.constant(ARITHMETIC[op](p, q));
    switch (op) {
      case 'add':
        if (p === 0) return b;
        if (q === 0) return a;
        break;
      case 'subtract':
        if (q === 0) return a;
        break;
      case 'multiply':
        if (p === 0 || q === 0) return this.constant(0);
        if (p === 1) return b;
        if (q === 1) return a;
        if (p === -1) return this.negate(b);
        if (q === -1) return this.negate(a);
        break;
      case 'divide':
        if (p === 0) return this.constant(0);
        if (q === 1) return a;
        break;
      case 'pow':
        if (q === 1) return a;
        if (q === 0) return this.constant(1);
        break;
    }
    return this.push(`${op}(${a},${b})`, op, a, b, '', 0);
  }

  add(a: Ref, b: Ref): Ref {
    return this.binary('add', a, b);
  }

  sub(a: Ref, b: Ref): Ref {
    return this.binary('subtract', a, b);
  }

  mul(a: Ref, b: Ref): Ref {
    return this.binary('multiply', a, b);
  }

  div(a: Ref, b: Ref): Ref {
    return this.binary('divide', a, b);
  }

  pow(a: Ref, b: Ref): Ref {
    return this.binary('pow', a, b);
  }

  negate(a: Ref): Ref {
    const p = this.known(a);
    if (p !== undefined) return this.constant(-p);
    const i = this.code[a];
    if (i.op === 'unaryMinus') return i.a;
    return this.push(`neg(${a})`, 'unaryMinus', a, -1, '', 0);
  }

  /** A one-argument function of grammar.ts, or 'sign' (the derivative of abs). */
  fn(name: string, a: Ref): Ref {
    const p = this.known(a);
    if (p !== undefined) return this.constant(PROGRAM_FUNCTION_VALUES[name](p));
    return this.push(`${name}(${a})`, 'fn', a, -1, name, 0);
  }

  /**
   * The instructions the outputs need, in order: a program for f alone leaves out every
   * derivative, one for the gradient every second derivative.
   */
  live(outputs: readonly Ref[]): Ref[] {
    const needed = new Uint8Array(this.code.length);
    for (const r of outputs) needed[r] = 1;
    for (let r = this.code.length - 1; r >= 0; r--) {
      if (!needed[r]) continue;
      const i = this.code[r];
      if (i.a >= 0) needed[i.a] = 1;
      if (i.b >= 0) needed[i.b] = 1;
    }
    const out: Ref[] = [];
    for (let r = 0; r < this.code.length; r++) if (needed[r]) out.push(r);
    return out;
  }
}

// Turns a formula's program (its value and its derivatives, derive.ts) into fast JavaScript.
// Two ways:
// - codegen: one function for f and ∇f (and one for the Hessian, one for f alone), straight-line
//   code built with new Function from the program only (never from user text: every token
//   emitted is a number we print, x, y, a temporary, or a Math function from our table);
// - closures: the same program run as a tape by a plain loop, for pages whose Content Security
//   Policy forbids eval.
import type { DerivedProgram } from './derive';
import { PROGRAM_FUNCTION_CODE, PROGRAM_FUNCTION_VALUES, type Instruction, type Program, type Ref } from './program';

export { ARITHMETIC } from './program';

export interface CompiledFormula {
  value(x: number, y: number): number;
  valueAndGrad(x: number, y: number, out: Float64Array): number;
  hessian(x: number, y: number, out: Float64Array): void;
}

/** A number as a JavaScript literal that parses back to the same double, whatever its sign. */
function literal(v: number): string {
  if (Number.isNaN(v)) return '(0 / 0)';
  if (!Number.isFinite(v)) return v > 0 ? '(1 / 0)' : '(-1 / 0)';
  return v < 0 || Object.is(v, -0) ? `(${String(v)})` : String(v);
}

/** Whether this page lets us build functions from code (a CSP may forbid it). */
export function codegenAllowed(): boolean {
  try {
    return new Function('return 2')() === 2;
  } catch {
    return false;
  }
}

/** How an operand is read in generated code. */
function operand(program: Program, r: Ref): string {
  const i = program.code[r];
  if (i.op === 'x' || i.op === 'y') return i.op;
  if (i.op === 'const') return literal(i.value);
  return `t${r}`;
}

function expression(program: Program, i: Instruction): string {
  const a = operand(program, i.a);
  switch (i.op) {
    case 'add':
      return `${a} + ${operand(program, i.b)}`;
    case 'subtract':
      return `${a} - ${operand(program, i.b)}`;
    case 'multiply':
      return `${a} * ${operand(program, i.b)}`;
    case 'divide':
      return `${a} / ${operand(program, i.b)}`;
    case 'unaryMinus':
      return `-${a}`;
    case 'pow': {
      // Small whole powers as products: several times faster than Math.pow, same value to the ulp.
      const exponent = program.known(i.b) ?? Number.NaN;
      if (Number.isInteger(exponent) && Math.abs(exponent) <= 4 && exponent !== 0) {
        const product = Array.from({ length: Math.abs(exponent) }, () => a).join(' * ');
        return exponent > 0 ? product : `1 / (${product})`;
      }
      return `Math.pow(${a}, ${operand(program, i.b)})`;
    }
    case 'fn':
      return PROGRAM_FUNCTION_CODE[i.name](a);
    default:
      throw new Error(`no code for ${i.op}`);
  }
}

/** The statements computing the outputs' instructions, in order. */
function statements(program: Program, outputs: readonly Ref[]): string {
  const lines: string[] = [];
  for (const r of program.live(outputs)) {
    const i = program.code[r];
    if (i.op === 'x' || i.op === 'y' || i.op === 'const') continue;
    lines.push(`const t${r} = ${expression(program, i)};`);
  }
  return lines.join('\n');
}

export function compileWithCodegen(d: DerivedProgram): CompiledFormula {
  const p = d.program;
  const o = (r: Ref) => operand(p, r);
  const valueAndGrad = new Function('x', 'y', 'out', `${statements(p, [d.f, d.fx, d.fy])}\nout[0] = ${o(d.fx)};\nout[1] = ${o(d.fy)};\nreturn ${o(d.f)};`) as CompiledFormula['valueAndGrad'];
  const value = new Function('x', 'y', `${statements(p, [d.f])}\nreturn ${o(d.f)};`) as CompiledFormula['value'];
  const hessian = new Function('x', 'y', 'out', `${statements(p, [d.fxx, d.fxy, d.fyy])}\nout[0] = ${o(d.fxx)};\nout[1] = ${o(d.fxy)};\nout[2] = ${o(d.fyy)};`) as CompiledFormula['hessian'];
  return { value, valueAndGrad, hessian };
}

// The fallback when a Content Security Policy forbids eval: the same program as a tape of
// operations over a Float64Array of slots (one per instruction, constants filled in), run by a
// plain loop. No closures per node, no recursion: a few times slower than generated code, tens
// of times faster than a tree walk.
const OP_ADD = 0;
const OP_SUB = 1;
const OP_MUL = 2;
const OP_DIV = 3;
const OP_POW = 4;
const OP_NEG = 5;
const OP_FN = 6;
const FUNCTION_LIST = Object.keys(PROGRAM_FUNCTION_VALUES);
const FUNCTION_TABLE = FUNCTION_LIST.map((k) => PROGRAM_FUNCTION_VALUES[k]);
const OP_CODES: Readonly<Record<string, number>> = { add: OP_ADD, subtract: OP_SUB, multiply: OP_MUL, divide: OP_DIV, pow: OP_POW, unaryMinus: OP_NEG };

/** A runner that fills the slots of the outputs' instructions for (x, y). */
function tape(program: Program, outputs: readonly Ref[]): (x: number, y: number) => Float64Array {
  const slots = new Float64Array(program.code.length);
  const ops: number[] = [];
  for (const r of program.live(outputs)) {
    const i = program.code[r];
    if (i.op === 'const') slots[r] = i.value;
    else if (i.op === 'fn') ops.push(OP_FN + FUNCTION_LIST.indexOf(i.name), i.a, i.a, r);
    else if (i.op !== 'x' && i.op !== 'y') ops.push(OP_CODES[i.op], i.a, i.op === 'unaryMinus' ? i.a : i.b, r);
  }
  const code = Int32Array.from(ops);
  const { x: xs, y: ys } = program;
  return (x, y) => {
    slots[xs] = x;
    slots[ys] = y;
    for (let k = 0; k < code.length; k += 4) {
      const op = code[k];
      const a = slots[code[k + 1]];
      const b = slots[code[k + 2]];
      let r: number;
      switch (op) {
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
          r = FUNCTION_TABLE[op - OP_FN](a);
      }
      slots[code[k + 3]] = r;
    }
    return slots;
  };
}

export function compileWithClosures(d: DerivedProgram): CompiledFormula {
  const p = d.program;
  const main = tape(p, [d.f, d.fx, d.fy]);
  const only = tape(p, [d.f]);
  const hess = tape(p, [d.fxx, d.fxy, d.fyy]);
  return {
    value(x, y) {
      return only(x, y)[d.f];
    },
    valueAndGrad(x, y, out) {
      const s = main(x, y);
      out[0] = s[d.fx];
      out[1] = s[d.fy];
      return s[d.f];
    },
    hessian(x, y, out) {
      const s = hess(x, y);
      out[0] = s[d.fxx];
      out[1] = s[d.fxy];
      out[2] = s[d.fyy];
    },
  };
}

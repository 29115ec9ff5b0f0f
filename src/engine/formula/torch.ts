// A formula as PyTorch operations, for "Copy as PyTorch" (src/engine/pytorchScript.ts): the
// checked mathjs tree of a built-in surface's `formula` or a typed one, printed as a Python
// expression in the tensors x and y, so that autograd differentiates the same function the
// engine descends. The tree's shape is kept exactly (every operation in the same order, each
// operand grouped as mathjs grouped it), since a + (b + c) and (a + b) + c round differently.
import type { MathNode } from 'mathjs';
import { pythonFloat } from '../pythonText';
import { ARITHMETIC } from './compile';
import { CONSTANTS, FUNCTION_VALUES } from './grammar';
import { parseChecked } from './parse';

/**
 * Each function of the grammar (grammar.ts FUNCTIONS) as torch writes it. The reciprocal ones
 * are written as the engine computes them, 1 / cos(a) and so on.
 */
const TORCH_FUNCTIONS: Readonly<Record<string, (a: string) => string>> = {
  sin: (a) => `torch.sin(${a})`,
  cos: (a) => `torch.cos(${a})`,
  tan: (a) => `torch.tan(${a})`,
  asin: (a) => `torch.asin(${a})`,
  acos: (a) => `torch.acos(${a})`,
  atan: (a) => `torch.atan(${a})`,
  sinh: (a) => `torch.sinh(${a})`,
  cosh: (a) => `torch.cosh(${a})`,
  tanh: (a) => `torch.tanh(${a})`,
  asinh: (a) => `torch.asinh(${a})`,
  acosh: (a) => `torch.acosh(${a})`,
  atanh: (a) => `torch.atanh(${a})`,
  sec: (a) => `(1 / torch.cos(${a}))`,
  csc: (a) => `(1 / torch.sin(${a}))`,
  cot: (a) => `(1 / torch.tan(${a}))`,
  sech: (a) => `(1 / torch.cosh(${a}))`,
  csch: (a) => `(1 / torch.sinh(${a}))`,
  coth: (a) => `(1 / torch.tanh(${a}))`,
  exp: (a) => `torch.exp(${a})`,
  log: (a) => `torch.log(${a})`,
  log10: (a) => `torch.log10(${a})`,
  sqrt: (a) => `torch.sqrt(${a})`,
  abs: (a) => `torch.abs(${a})`,
};

/** The names of the grammar's functions that have a torch spelling here (a test holds the two lists equal). */
export const TORCH_FUNCTION_NAMES: readonly string[] = Object.keys(TORCH_FUNCTIONS);

/** Python's precedence levels, loosest first: what decides where parentheses are needed. */
const ADD = 1;
const MUL = 2;
const UNARY = 3;
const POW = 4;
const ATOM = 5;

interface Printed {
  readonly code: string;
  readonly prec: number;
  /** Set when the subtree is a number known here: folded as the engine's compiler folds it. */
  readonly value?: number;
}

interface TreeNode {
  readonly type: string;
  readonly fn: string | MathNode;
  readonly args: readonly MathNode[];
  readonly value: number;
  readonly name: string;
  readonly content: MathNode;
}
const fields = (n: MathNode) => n as unknown as TreeNode;

/** The largest whole number printed as a Python int (exactly representable, and within torch's int64 scalars). */
const INT_LIMIT = 2 ** 53;

function constant(v: number): Printed {
  if (v === Math.PI) return { code: 'math.pi', prec: ATOM, value: v };
  if (v === Math.E) return { code: 'math.e', prec: ATOM, value: v };
  // Whole numbers as ints read better (x ** 2, 100 * y); torch turns them into the same doubles.
  const code = Number.isInteger(v) && Math.abs(v) < INT_LIMIT && !Object.is(v, -0) ? String(v) : pythonFloat(v);
  return { code, prec: code.startsWith('-') ? UNARY : ATOM, value: v };
}

/** `p` as an operand that needs at least precedence `min` to stand without parentheses. */
function operand(p: Printed, min: number): string {
  return p.prec >= min ? p.code : `(${p.code})`;
}

function binary(fn: string, a: Printed, b: Printed): Printed {
  switch (fn) {
    // The right operand of the same level is parenthesized: the tree's grouping is kept.
    case 'add':
      return { code: `${operand(a, ADD)} + ${operand(b, MUL)}`, prec: ADD };
    case 'subtract':
      return { code: `${operand(a, ADD)} - ${operand(b, MUL)}`, prec: ADD };
    case 'multiply':
      return { code: `${operand(a, MUL)} * ${operand(b, UNARY)}`, prec: MUL };
    case 'divide':
      return { code: `${operand(a, MUL)} / ${operand(b, UNARY)}`, prec: MUL };
    case 'pow':
      // Python's ** binds tighter than a unary minus on its left (-2 ** x is -(2 ** x)) and
      // takes one on its right (x ** -y), as mathjs's ^ does.
      return { code: `${operand(a, ATOM)} ** ${operand(b, UNARY)}`, prec: POW };
    default:
      throw new Error(`unchecked operator ${fn}`);
  }
}

function print(node: MathNode): Printed {
  const n = fields(node);
  switch (node.type) {
    case 'ConstantNode':
      return constant(n.value);
    case 'SymbolNode':
      if (n.name === 'x' || n.name === 'y') return { code: n.name, prec: ATOM };
      return constant(CONSTANTS[n.name]);
    case 'ParenthesisNode':
      return print(n.content);
    case 'FunctionNode': {
      const name = fields(n.fn as MathNode).name;
      const torch = TORCH_FUNCTIONS[name];
      if (!torch) throw new Error(`the function ${name} has no PyTorch translation`);
      const arg = print(n.args[0]);
      if (arg.value !== undefined) return constant(FUNCTION_VALUES[name](arg.value));
      return { code: torch(arg.code), prec: ATOM };
    }
    case 'OperatorNode': {
      const fn = n.fn as string;
      const args = n.args.map(print);
      // A part made of numbers alone is computed here, with JavaScript's arithmetic, as the
      // engine's compiler folds it: Python's own would differ ((-8) ** (1/3) is complex there,
      // 1/0 raises), and torch then sees the same double the engine uses.
      if (args.every((a) => a.value !== undefined)) {
        const values = args.map((a) => a.value ?? Number.NaN);
        if (fn === 'unaryMinus') return constant(-values[0]);
        if (fn === 'unaryPlus') return constant(values[0]);
        const arithmetic = ARITHMETIC[fn];
        if (!arithmetic) throw new Error(`unchecked operator ${fn}`);
        return constant(arithmetic(values[0], values[1]));
      }
      if (fn === 'unaryPlus') return args[0];
      // `-(-x)` rather than `--x`, which Python reads the same but a reader may not.
      if (fn === 'unaryMinus') return { code: `-${operand(args[0], POW)}`, prec: UNARY };
      return binary(fn, args[0], args[1]);
    }
    default:
      throw new Error(`unchecked node ${node.type}`);
  }
}

/**
 * f(x, y) as a Python expression in the 0-dimensional float64 tensors `x` and `y`, using
 * `torch` and `math`: `(1 - x) ** 2 + 100 * (y - x ** 2) ** 2`. Throws a FormulaError for text
 * outside the grammar (the compiler's error). A formula without x or y still gives a tensor
 * (0 * x + c), so that autograd has something to differentiate.
 */
export function torchExpression(formula: string): string {
  const printed = print(parseChecked(formula));
  return printed.value === undefined ? printed.code : `0 * x + ${operand(printed, MUL)}`;
}

// The safe grammar of typed formulas: which mathjs nodes may appear, and nothing else.
// User text goes to mathjs's parser only; the tree it returns is checked here node by node,
// and only a checked tree is ever differentiated or compiled. Nothing is evaluated by mathjs.
import type { MathNode } from 'mathjs';
import { FormulaError } from './errors';

/** One-argument functions a user may call, with how each is written in JavaScript. */
export const FUNCTIONS: Readonly<Record<string, (a: string) => string>> = {
  sin: (a) => `Math.sin(${a})`,
  cos: (a) => `Math.cos(${a})`,
  tan: (a) => `Math.tan(${a})`,
  asin: (a) => `Math.asin(${a})`,
  acos: (a) => `Math.acos(${a})`,
  atan: (a) => `Math.atan(${a})`,
  sinh: (a) => `Math.sinh(${a})`,
  cosh: (a) => `Math.cosh(${a})`,
  tanh: (a) => `Math.tanh(${a})`,
  asinh: (a) => `Math.asinh(${a})`,
  acosh: (a) => `Math.acosh(${a})`,
  atanh: (a) => `Math.atanh(${a})`,
  sec: (a) => `(1 / Math.cos(${a}))`,
  csc: (a) => `(1 / Math.sin(${a}))`,
  cot: (a) => `(1 / Math.tan(${a}))`,
  // tanh′ = sech², so the hyperbolic reciprocals must exist for derivatives to compile.
  sech: (a) => `(1 / Math.cosh(${a}))`,
  csch: (a) => `(1 / Math.sinh(${a}))`,
  coth: (a) => `(1 / Math.tanh(${a}))`,
  exp: (a) => `Math.exp(${a})`,
  log: (a) => `Math.log(${a})`,
  log10: (a) => `Math.log10(${a})`,
  sqrt: (a) => `Math.sqrt(${a})`,
  abs: (a) => `Math.abs(${a})`,
};

/** The same functions as plain JavaScript, for the closure compiler. */
export const FUNCTION_VALUES: Readonly<Record<string, (a: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  sec: (a) => 1 / Math.cos(a),
  csc: (a) => 1 / Math.sin(a),
  cot: (a) => 1 / Math.tan(a),
  sech: (a) => 1 / Math.cosh(a),
  csch: (a) => 1 / Math.sinh(a),
  coth: (a) => 1 / Math.tanh(a),
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  sqrt: Math.sqrt,
  abs: Math.abs,
};

const VARIABLES = ['x', 'y'] as const;
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** Operators by mathjs's internal name: the arithmetic of the grammar. */
const BINARY_OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow']);
const UNARY_OPERATORS = new Set(['unaryMinus', 'unaryPlus']);

/** Longest formula accepted: far beyond any surface worth plotting, short enough to stay instant. */
export const MAX_FORMULA_LENGTH = 2000;

/** Deepest bracket nesting accepted: sin(sin(…)) a hundred deep is far past any useful surface. */
export const MAX_NESTING = 100;

const NODE_NAMES: Readonly<Record<string, string>> = {
  AssignmentNode: 'assignments',
  FunctionAssignmentNode: 'function definitions',
  AccessorNode: 'property access',
  IndexNode: 'indexing',
  ObjectNode: 'objects',
  ArrayNode: 'matrices',
  ConditionalNode: 'conditionals',
  RangeNode: 'ranges',
  BlockNode: 'several expressions',
  RelationalNode: 'comparisons',
};

const OPERATOR_NAMES: Readonly<Record<string, string>> = {
  mod: 'mod',
  factorial: 'factorial (!)',
  ctranspose: 'transpose (\')',
  transpose: 'transpose (\')',
  equal: 'comparisons',
  unequal: 'comparisons',
  smaller: 'comparisons',
  larger: 'comparisons',
  smallerEq: 'comparisons',
  largerEq: 'comparisons',
  and: 'logic',
  or: 'logic',
  xor: 'logic',
  not: 'logic',
  bitAnd: 'bitwise operators',
  bitOr: 'bitwise operators',
  bitXor: 'bitwise operators',
  bitNot: 'bitwise operators',
  leftShift: 'bitwise operators',
  rightArithShift: 'bitwise operators',
  rightLogShift: 'bitwise operators',
  to: 'unit conversion',
  dotMultiply: 'element-wise operators',
  dotDivide: 'element-wise operators',
  dotPow: 'element-wise operators',
};

function notAllowed(what: string): FormulaError {
  return new FormulaError('notAllowed', `not allowed in a formula: ${what}. Use numbers, x, y, + − * / ^ and functions such as sin(x)`, { what });
}

/**
 * Throws a FormulaError for the first thing in the tree outside the grammar.
 * Checked top-down, so the message names the outermost offending construct.
 */
export function checkTree(node: MathNode): void {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as MathNode & { value: unknown }).value;
      if (typeof value !== 'number') {
        throw value === undefined ? new FormulaError('empty', 'the formula is empty') : notAllowed(typeof value === 'string' ? 'strings' : 'values other than numbers');
      }
      return;
    }
    case 'SymbolNode': {
      const name = (node as MathNode & { name: string }).name;
      if ((VARIABLES as readonly string[]).includes(name) || name in CONSTANTS) return;
      if (name in FUNCTIONS) {
        throw new FormulaError('functionWithoutParentheses', `${name} is a function: write ${name}(x)`, { name });
      }
      throw new FormulaError('unknownVariable', `unknown variable ${name}: the variables are x and y`, { name });
    }
    case 'ParenthesisNode':
      checkTree((node as MathNode & { content: MathNode }).content);
      return;
    case 'OperatorNode': {
      const op = node as MathNode & { fn: string; args: MathNode[] };
      if (op.args.length === 2 && BINARY_OPERATORS.has(op.fn)) {
        // "sin x" parses as sin times x: say what was meant rather than "unknown variable sin".
        if (op.fn === 'multiply' && op.args[0].type === 'SymbolNode') {
          const name = (op.args[0] as MathNode & { name: string }).name;
          if (name in FUNCTIONS) throw new FormulaError('functionWithoutParentheses', `${name} is a function: write ${name}(x)`, { name });
        }
      } else if (!(op.args.length === 1 && UNARY_OPERATORS.has(op.fn))) {
        throw notAllowed(OPERATOR_NAMES[op.fn] ?? `the operator ${op.fn}`);
      }
      for (const a of op.args) checkTree(a);
      return;
    }
    case 'FunctionNode': {
      const fn = node as MathNode & { fn: MathNode; args: MathNode[] };
      if (fn.fn.type !== 'SymbolNode') throw notAllowed('computed function calls');
      const name = (fn.fn as MathNode & { name: string }).name;
      if (!(name in FUNCTIONS)) throw new FormulaError('unknownFunction', `unknown function ${name}`, { name });
      if (fn.args.length !== 1) {
        throw new FormulaError('wrongArgumentCount', `${name} takes one argument, got ${fn.args.length}`, { name, count: fn.args.length });
      }
      checkTree(fn.args[0]);
      return;
    }
    default:
      throw notAllowed(NODE_NAMES[node.type] ?? node.type);
  }
}

// Reading a typed formula: mathjs's parser, then the grammar's check. The one way user text
// becomes a tree, shared by the compiler (index.ts) and the PyTorch translation (torch.ts).
import { OperatorNode, ParenthesisNode, SymbolNode, parse, type MathNode } from 'mathjs';
import { FormulaError } from './errors';
import { MAX_FORMULA_LENGTH, MAX_NESTING, checkTree } from './grammar';

/** Parses and checks; throws FormulaError with a position where it can. */
export function parseChecked(expr: string): MathNode {
  if (expr.trim() === '') throw new FormulaError('empty', 'the formula is empty');
  if (expr.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError('tooLong', `the formula is longer than ${MAX_FORMULA_LENGTH} characters`, { max: MAX_FORMULA_LENGTH });
  }
  checkNesting(expr);
  let node: MathNode;
  try {
    node = parse(expr);
  } catch (e) {
    throw syntaxError(expr, e);
  }
  node = variablesTimesParentheses(node);
  checkTree(node);
  return node;
}

/**
 * mathjs's parser recurses a dozen calls deep per bracket, and would run out of stack somewhere
 * past a few hundred: refuse before, saying where.
 */
function checkNesting(expr: string): void {
  let depth = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth > MAX_NESTING) {
      throw new FormulaError('tooDeep', `brackets nest more than ${MAX_NESTING} deep at character ${i + 1}`, { max: MAX_NESTING, char: i + 1 }, i + 1);
    }
  }
}

/**
 * mathjs reads "x(x + 1)" as a call of a function named x; anyone typing it means x·(x + 1),
 * as in "2x(x + 1)". Only x, y, pi and e are rewritten, and only with one argument.
 */
function variablesTimesParentheses(root: MathNode): MathNode {
  return root.transform((node) => {
    if (node.type !== 'FunctionNode') return node;
    const call = node as MathNode & { fn: MathNode; args: MathNode[] };
    const name = call.fn.type === 'SymbolNode' ? (call.fn as MathNode & { name: string }).name : '';
    if (!['x', 'y', 'pi', 'e'].includes(name) || call.args.length !== 1) return node;
    const factor = variablesTimesParentheses(call.args[0]);
    return new OperatorNode('*', 'multiply', [new SymbolNode(name), new ParenthesisNode(factor)], true);
  });
}

/** mathjs says "Value expected (char 5)"; we say what was found there, and where. */
function syntaxError(expr: string, e: unknown): FormulaError {
  const char = typeof (e as { char?: unknown }).char === 'number' ? (e as { char: number }).char : undefined;
  if (char === undefined) return new FormulaError('unexpected', 'the formula could not be read', { char: 0, token: '' });
  // mathjs gives the 1-based position of the token it could not use.
  let i = char - 1;
  while (i >= 0 && i < expr.length && expr[i] === ' ') i++;
  if (i < 0 || i >= expr.length) {
    const message = e instanceof Error ? e.message : '';
    if (message.includes('Parenthesis ) expected')) {
      return new FormulaError('unexpectedEnd', "missing ')' at the end of the formula", { expected: ')' }, expr.length + 1);
    }
    return new FormulaError('unexpectedEnd', 'the formula ends too soon: something is missing at the end', { expected: '' }, expr.length + 1);
  }
  const token = expr[i];
  return new FormulaError('unexpected', `unexpected '${token}' at character ${i + 1}`, { token, char: i + 1 }, i + 1);
}

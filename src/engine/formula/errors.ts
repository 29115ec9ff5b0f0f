/**
 * Why a typed formula was refused, as data: the UI words it in the user's language from
 * `code` and `params`; `message` is the English wording (CLI, tests, logs).
 */
export type FormulaErrorCode =
  | 'empty'
  | 'unexpected'
  | 'unexpectedEnd'
  | 'unknownVariable'
  | 'unknownFunction'
  | 'functionWithoutParentheses'
  | 'wrongArgumentCount'
  | 'notAllowed'
  | 'tooLong'
  /** More brackets open at once than MAX_NESTING (the parser recurses once per level). */
  | 'tooDeep'
  | 'notDifferentiable'
  /** f or its gradient is NaN or ±∞ at every sample of the domain (1/0, log(-x^2 - 1)). */
  | 'nowhereFinite'
  /** … at all but a sliver of the samples (sqrt(-x^2 - y^2) is finite only at the origin). */
  | 'almostNowhereFinite';

export class FormulaError extends Error {
  constructor(
    readonly code: FormulaErrorCode,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
    /** 1-based character where the problem is, when known. */
    readonly position?: number,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

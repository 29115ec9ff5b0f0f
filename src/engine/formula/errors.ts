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
  | 'notDifferentiable';

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

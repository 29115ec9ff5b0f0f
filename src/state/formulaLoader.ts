// The typed-formula compiler, fetched on first use. It brings mathjs (~180 KB gzipped), which a
// student who only watches the built-in surfaces should never download: nothing in the app
// imports src/engine/formula statically (type imports vanish at build time).
import type { CompiledSurface, FormulaError, FormulaOptions } from '../engine/formula';
import type { Domain } from '../engine';

export interface FormulaCompiler {
  compile(expr: string, options: FormulaOptions): CompiledSurface;
  /** The class lives in the lazy chunk, so `instanceof` needs it from there. */
  isFormulaError(e: unknown): e is FormulaError;
  readonly defaultDomain: Domain;
  /** A derivative as mathjs prints it, simplified for reading ("2 * 1 * x ^ (2 - 1) + 0" → "2 * x"). */
  tidy(text: string): string;
}

// simplify() grows with the size of the expression, and it runs on the main thread: a long
// gradient is shown as the compiler wrote it rather than freeze typing.
const MAX_TIDY_LENGTH = 400;

/**
 * Whether the page's own policy (its Content-Security-Policy meta tag, which the app ships)
 * forbids eval: the formulas then run on the compiler's tape, and it is never probed (a probe is
 * itself a reported violation). A policy sent as a header is met by the compiler's probe.
 */
function evalForbiddenByPage(): boolean {
  const policy = document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content');
  if (!policy) return false;
  const directives = policy.split(';').map((d) => d.trim().split(/\s+/));
  const scripts = directives.find((d) => d[0] === 'script-src') ?? directives.find((d) => d[0] === 'default-src');
  return scripts !== undefined && !scripts.includes("'unsafe-eval'");
}

let loading: Promise<FormulaCompiler> | null = null;
let loaded: FormulaCompiler | null = null;

export function loadFormulaCompiler(): Promise<FormulaCompiler> {
  loading ??= Promise.all([import('../engine/formula'), import('mathjs')]).then(
    ([formula, math]) => {
      loaded = {
        compile: evalForbiddenByPage() ? (expr, options) => formula.compileFormula(expr, { mode: 'closures', ...options }) : formula.compileFormula,
        isFormulaError: (e): e is FormulaError => e instanceof formula.FormulaError,
        defaultDomain: formula.DEFAULT_FORMULA_DOMAIN,
        tidy(text) {
          if (text.length > MAX_TIDY_LENGTH) return text;
          try {
            const simple = math.simplify(text).toString();
            return simple.length <= text.length ? simple : text;
          } catch {
            // Display only: the unsimplified derivative is still right.
            return text;
          }
        },
      };
      return loaded;
    },
    (error: unknown) => {
      // A flaky connection or a redeploy that renamed the chunk: the next keystroke tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The compiler if it has already arrived, so that a remounted editor needs no "loading…". */
export function loadedFormulaCompiler(): FormulaCompiler | null {
  return loaded;
}

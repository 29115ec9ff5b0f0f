import { useMemo } from 'react';
import { useKatex } from './katexLoader';
import { plainFormula } from './plainFormula';

interface FormulaViewProps {
  /** The formula as LaTeX, without "f(x, y) =". */
  readonly latex: string;
  /** The same as plain text, shown until KaTeX arrives. */
  readonly text: string;
  readonly label: string;
}

/** f(x, y) = …, typeset by KaTeX once it has loaded and as readable plain text before. */
export function FormulaView({ latex, text, label }: FormulaViewProps) {
  const render = useKatex()?.renderToString ?? null;

  const html = useMemo(() => {
    if (!render) return null;
    try {
      return render(`f(x, y) = ${latex}`, { throwOnError: false, output: 'htmlAndMathml' });
    } catch {
      return null;
    }
  }, [render, latex]);

  // Long formulas (Goldstein–Price) get a smaller size before they resort to scrolling.
  const size = latex.length > 110 ? ' formula-long' : latex.length > 60 ? ' formula-medium' : '';
  return (
    <figure className={`formula${size}`} aria-label={label}>
      {html !== null ? (
        // KaTeX's own output for the app's built-in LaTeX (no \href or \htmlData: trust is off).
        <div className="formula-tex" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <div className="formula-plain">f(x, y) = {plainFormula(text)}</div>
      )}
    </figure>
  );
}

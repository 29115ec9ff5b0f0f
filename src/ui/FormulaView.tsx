import { useEffect, useMemo, useState } from 'react';
import type { KatexOptions } from 'katex';
import { plainFormula } from './plainFormula';

type RenderToString = (tex: string, options?: KatexOptions) => string;

// KaTeX and its stylesheet are a few hundred kilobytes that the first paint does not need:
// they are fetched on first use, once for every formula in the app.
let loading: Promise<RenderToString> | null = null;
let loaded: RenderToString | null = null;

function loadKatex(): Promise<RenderToString> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([mod]) => {
      loaded = mod.default.renderToString;
      return loaded;
    },
    (error: unknown) => {
      // Let a later formula try again (a flaky connection, a redeploy that renamed the chunk).
      loading = null;
      throw error;
    },
  );
  return loading;
}

interface FormulaViewProps {
  /** The formula as LaTeX, without "f(x, y) =". */
  readonly latex: string;
  /** The same as plain text, shown until KaTeX arrives. */
  readonly text: string;
  readonly label: string;
}

/** f(x, y) = …, typeset by KaTeX once it has loaded and as readable plain text before. */
export function FormulaView({ latex, text, label }: FormulaViewProps) {
  const [render, setRender] = useState<RenderToString | null>(() => loaded);

  useEffect(() => {
    if (render) return;
    let current = true;
    loadKatex().then(
      (fn) => {
        if (current) setRender(() => fn);
      },
      () => {
        // The plain-text formula stays: still correct, only less pretty.
      },
    );
    return () => {
      current = false;
    };
  }, [render]);

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

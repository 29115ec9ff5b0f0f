import { Fragment, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useKatex } from './katexLoader';
import { plainFormula } from './plainFormula';

interface FormulaViewProps {
  /** The formula as LaTeX, without "f(x, y) =". */
  readonly latex: string;
  /** The same as plain text, shown until KaTeX arrives. */
  readonly text: string;
  readonly label: string;
}

/**
 * The plain formula set as KaTeX sets it: x and y in italics ("exp" stays upright), products
 * of a number and a variable or a bracket written side by side (0.1x², 2(x + 1)), and lines
 * that break after + and − rather than before them.
 */
function PlainMath({ text }: { readonly text: string }) {
  const set = plainFormula(text)
    .replace(/([\w)²³⁴⁵⁶π])·(?=[xyπ(])/g, '$1')
    .replace(/ ([+\u2212=]) /g, '\u00a0$1 ');
  const parts = `f(x, y)\u00a0= ${set}`.split(/\b([xy])\b/);
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <i key={i}>{part}</i> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}

/**
 * f(x, y) = …, as text set like math at first and typeset by KaTeX once it has loaded, which is
 * after the scene's first frame (KaTeX is ≈ 80 KB gzipped the first frame does not need). The
 * two are laid out alike (size, line height, breaks after + and −), and the box never gets
 * shorter when KaTeX takes over, so nothing under it moves.
 */
export function FormulaView({ latex, text, label }: FormulaViewProps) {
  const render = useKatex(true)?.renderToString ?? null;
  const box = useRef<HTMLElement>(null);
  // The height of the text version of this formula, while it is the one on show.
  const textHeight = useRef<{ readonly latex: string; readonly height: number } | null>(null);

  const html = useMemo(() => {
    // No LaTeX (a formula nested too deep for mathjs to write it in time): the text version stays.
    if (!render || latex === '') return null;
    try {
      return render(`f(x, y) = ${latex}`, { throwOnError: false, output: 'htmlAndMathml' });
    } catch {
      return null;
    }
  }, [render, latex]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (html === null) {
      el.style.minHeight = '';
      textHeight.current = { latex, height: el.getBoundingClientRect().height };
      return;
    }
    // KaTeX has just replaced the text of the same formula, before this paint: hold the height.
    const before = textHeight.current;
    textHeight.current = null;
    el.style.minHeight = before && before.latex === latex ? `${before.height}px` : '';
  }, [html, latex]);

  // Another width is another layout: the held height no longer means anything.
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    let width = el.getBoundingClientRect().width;
    const observer = new ResizeObserver(() => {
      const next = el.getBoundingClientRect().width;
      if (Math.abs(next - width) > 0.5) el.style.minHeight = '';
      width = next;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Long formulas (Ackley, Goldstein–Price) are set a little smaller, and wrap after + and −.
  const size = latex.length > 60 ? ' formula-medium' : '';
  return (
    <figure ref={box} className={`formula${size}`} aria-label={label} data-typeset={html !== null}>
      {html !== null ? (
        // KaTeX's own output for the app's built-in LaTeX (no \href or \htmlData: trust is off).
        <div className="formula-tex" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <div className="formula-plain">
          <PlainMath text={text} />
        </div>
      )}
    </figure>
  );
}

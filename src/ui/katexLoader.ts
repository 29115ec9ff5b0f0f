import { useEffect, useState } from 'react';
import type { KatexOptions } from 'katex';

/** KaTeX's two entry points the app uses: into a string (React markup) or into an element. */
export interface Katex {
  readonly renderToString: (tex: string, options?: KatexOptions) => string;
  readonly render: (tex: string, element: HTMLElement, options?: KatexOptions) => void;
}

// KaTeX and its stylesheet are a few hundred kilobytes that the first paint does not need:
// they are fetched on first use, once for every formula in the app.
let loading: Promise<Katex> | null = null;
let loaded: Katex | null = null;

export function loadKatex(): Promise<Katex> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([mod]) => {
      loaded = { renderToString: mod.default.renderToString, render: mod.default.render };
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

/**
 * KaTeX once it has arrived, null before (and for good if it cannot be fetched: every caller
 * has a plain-text form that stays correct, only less pretty).
 */
export function useKatex(): Katex | null {
  const [katex, setKatex] = useState<Katex | null>(() => loaded);
  useEffect(() => {
    if (katex) return;
    let current = true;
    loadKatex().then(
      (k) => {
        if (current) setKatex(k);
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [katex]);
  return katex;
}

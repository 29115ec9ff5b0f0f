import { useEffect, useState } from 'react';
import type { KatexOptions } from 'katex';
import { afterFirstFrame } from './afterFirstFrame';

/** KaTeX's two entry points the app uses: into a string (React markup) or into an element. */
export interface Katex {
  readonly renderToString: (tex: string, options?: KatexOptions) => string;
  readonly render: (tex: string, element: HTMLElement, options?: KatexOptions) => void;
}

// KaTeX and its stylesheet are a few hundred kilobytes that the first paint does not need:
// they are fetched on first use, once for every formula in the app.
let loading: Promise<Katex> | null = null;
let loaded: Katex | null = null;

function loadKatex(): Promise<Katex> {
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
 * has a plain-text form that stays correct, only less pretty). `deferred`: not fetched before
 * the first frame of the scene (see afterFirstFrame.ts); the surface's formula in the panel
 * reads well enough as text until then.
 */
export function useKatex(deferred = false): Katex | null {
  const [katex, setKatex] = useState<Katex | null>(() => loaded);
  useEffect(() => {
    if (katex) return;
    let current = true;
    const load = () => {
      if (!current) return;
      loadKatex().then(
        (k) => {
          if (current) setKatex(k);
        },
        () => {},
      );
    };
    if (deferred) afterFirstFrame(load);
    else load();
    return () => {
      current = false;
    };
  }, [katex, deferred]);
  return katex;
}

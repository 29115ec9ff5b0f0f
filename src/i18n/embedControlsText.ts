// The embedded player's words (messages/embedControls.ts), for its modules, which load only in an
// embed: imported by them alone, so that the table stays out of the first download.
import { useCallback } from 'react';
import { fillMessage } from './index';
import type { Lang } from './lang';
import { embedControls } from './messages/embedControls';

type EmbedControlsKey = keyof typeof embedControls;

/** The player's t(): a message in the given language, stable while the language stays the same. */
export function useEmbedControlsText(lang: Lang): (key: EmbedControlsKey, vars?: Readonly<Record<string, string | number>>) => string {
  return useCallback((key: EmbedControlsKey, vars?: Readonly<Record<string, string | number>>) => fillMessage(embedControls[key][lang], vars), [lang]);
}

// The keyboard shortcuts list's words (messages/help.ts), for the list, which loads when first
// opened: imported by it alone, so that the table stays out of the first download.
import { useCallback } from 'react';
import { fillMessage } from './index';
import type { Lang } from './lang';
import { help } from './messages/help';

export type HelpKey = keyof typeof help;

/** The list's t(): a message in the given language, stable while the language stays the same. */
export function useHelpText(lang: Lang): (key: HelpKey) => string {
  return useCallback((key: HelpKey) => fillMessage(help[key][lang]), [lang]);
}

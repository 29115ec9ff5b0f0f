// The Embed dialog's words (messages/embedDialog.ts), for the dialog, which loads when first
// opened: imported by it alone, so that the table stays out of the first download.
import { fillMessage } from './index';
import type { Lang } from './lang';
import { embedDialog } from './messages/embedDialog';

export type EmbedKey = keyof typeof embedDialog;

/** A message in the given language, with {name} placeholders filled from vars. */
export function embedText(lang: Lang, key: EmbedKey, vars?: Readonly<Record<string, string | number>>): string {
  return fillMessage(embedDialog[key][lang], vars);
}

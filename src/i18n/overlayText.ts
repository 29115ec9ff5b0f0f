// The teaching overlays' words (messages/overlays.ts), for the modules that load after the first
// frame: imported by them alone, so that the table stays out of the first download.
import { fillMessage } from './index';
import type { Lang } from './lang';
import { overlayMessages } from './messages/overlays';

export type OverlayKey = keyof typeof overlayMessages;

/** A message in the given language, with {name} placeholders filled from vars. */
export function overlayText(lang: Lang, key: OverlayKey, vars?: Readonly<Record<string, string | number>>): string {
  return fillMessage(overlayMessages[key][lang], vars);
}

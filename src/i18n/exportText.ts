// The Export menu's words (messages/exportMenu.ts), for the menu, which loads after the first
// frame: imported by it alone, so that the table stays out of the first download.
import { fillMessage, translate, type MessageKey } from './index';
import type { Lang } from './lang';
import { exportMenuMessages } from './messages/exportMenu';

export type ExportKey = keyof typeof exportMenuMessages;

/** t() for the menu: its own words, or any of the app's. */
export type ExportTranslate = (key: ExportKey | MessageKey, vars?: Readonly<Record<string, string | number>>) => string;

function isExportKey(key: string): key is ExportKey {
  return Object.hasOwn(exportMenuMessages, key);
}

export function exportTranslator(lang: Lang): ExportTranslate {
  return (key, vars) => (isExportKey(key) ? fillMessage(exportMenuMessages[key][lang], vars) : translate(lang, key, vars));
}

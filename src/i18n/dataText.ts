// Real data's words (messages/data.ts), for the modules that load with the data sets: imported by
// them alone, so that the table stays out of the first download.
import { fillMessage } from './index';
import type { Lang } from './lang';
import { data } from './messages/data';

export type DataKey = keyof typeof data;

/** A message in the given language, with {name} placeholders filled from vars. */
export function dataText(lang: Lang, key: DataKey, vars?: Readonly<Record<string, string | number>>): string {
  return fillMessage(data[key][lang], vars);
}

export function isDataKey(key: string): key is DataKey {
  return Object.hasOwn(data, key);
}

// The Maps section's words (messages/maps.ts), for its modules, which load when the section first
// opens: imported by them alone, so that the table stays out of the first download.
import { fillMessage } from './index';
import type { Lang } from './lang';
import { maps } from './messages/maps';

export type MapKey = keyof typeof maps;

/** A message in the given language, with {name} placeholders filled from vars. */
export function mapText(lang: Lang, key: MapKey, vars?: Readonly<Record<string, string | number>>): string {
  return fillMessage(maps[key][lang], vars);
}

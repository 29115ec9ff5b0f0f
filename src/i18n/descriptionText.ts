// The scene description's words (messages/description.ts), for its module, which loads after the
// first frame: imported by it alone, so that the table stays out of the first download.
import { fillMessage } from './index';
import type { Lang } from './lang';
import { description } from './messages/description';

export type DescriptionKey = keyof typeof description;

/** A message in the given language, with {name} placeholders filled from vars. */
export function descriptionText(lang: Lang, key: DescriptionKey, vars?: Readonly<Record<string, string | number>>): string {
  return fillMessage(description[key][lang], vars);
}

// The store's notices' words (messages/notices.ts), for the banner that shows them, which loads with
// the first notice: imported by it alone, so that the table stays out of the first download.
import { fillMessage } from './index';
import type { Lang } from './lang';
import { notices } from './messages/notices';

type NoticeKey = keyof typeof notices;

/** A message in the given language, with {name} placeholders filled from vars. */
export function noticeText(lang: Lang, key: NoticeKey, vars?: Readonly<Record<string, string | number>>): string {
  return fillMessage(notices[key][lang], vars);
}

export function isNoticeKey(key: string): key is NoticeKey {
  return Object.hasOwn(notices, key);
}

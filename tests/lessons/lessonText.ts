import { isMessageKey, translate } from '../../src/i18n';
import type { Lang } from '../../src/i18n/lang';
import { lessonCaptions } from '../../src/i18n/messages/lessonCaptions';
import type { LessonTextKey } from '../../src/state/lessons';

/** A lesson's word in one language (captions and notes too); a key with no message fails the test that asks for it. */
export function lessonText(lang: Lang, key: LessonTextKey): string {
  if (Object.hasOwn(lessonCaptions, key)) return lessonCaptions[key as keyof typeof lessonCaptions][lang];
  if (!isMessageKey(key)) throw new Error(`no message for the lesson key ${key}`);
  return translate(lang, key);
}

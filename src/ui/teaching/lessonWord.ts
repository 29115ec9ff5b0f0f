import { isMessageKey, type Translate } from '../../i18n';
import type { LessonTextKey } from '../../state/lessons';

/** One of a lesson's words in the reader's language; a key with no message shows as itself. */
export function lessonWord(t: Translate, key: LessonTextKey): string {
  return isMessageKey(key) ? t(key) : key;
}

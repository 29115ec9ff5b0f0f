import { isMessageKey } from '../../i18n';
import { isNoticeKey, noticeText } from '../../i18n/noticeText';
import type { NoticeMessage } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useLang, useT } from './useT';

/**
 * The last refused input, in words, until the user dismisses it: loaded by Notice with the first
 * one. A plain string (older callers) is shown as it is, a key of another table (a link's ignored
 * values) in that table's words.
 */
export function NoticeBanner({ notice }: { readonly notice: string | NoticeMessage }) {
  const setNotice = useScene((s) => s.setNotice);
  const lang = useLang();
  const t = useT();
  let text = typeof notice === 'string' ? notice : notice.key;
  if (typeof notice !== 'string') {
    if (isNoticeKey(notice.key)) text = noticeText(lang, notice.key, notice.vars);
    else if (isMessageKey(notice.key)) text = t(notice.key, notice.vars);
  }
  return (
    <div className="notice" role="status" aria-live="polite">
      <span>{text}</span>
      <button type="button" className="button ghost" onClick={() => setNotice(null)} aria-label={noticeText(lang, 'notice.dismiss')}>
        ✕
      </button>
    </div>
  );
}

import { useScene } from '../state/useScene';
import { useT } from './i18n';

/** The last refused input, in words, until the user dismisses it. */
export function Notice() {
  const notice = useScene((s) => s.notice);
  const setNotice = useScene((s) => s.setNotice);
  const t = useT();
  if (!notice) return null;
  return (
    <div className="notice" role="status" aria-live="polite">
      <span>{notice}</span>
      <button type="button" className="button ghost" onClick={() => setNotice(null)} aria-label={t('notice.dismiss')}>
        ✕
      </button>
    </div>
  );
}

import { HYPERPARAMS } from '../engine';
import type { NoticeMessage } from '../state/store';
import { useScene } from '../state/useScene';
import { limitKind } from './fieldChecks';
import { MESSAGE_KEYS, useT, type MessageKey, type Translate } from './i18n';

const KNOWN_KEYS: ReadonlySet<string> = new Set(MESSAGE_KEYS);

/** The store's notice in the reader's language; a plain string (older callers) is shown as it is. */
function noticeText(notice: string | NoticeMessage, t: Translate): string {
  if (typeof notice === 'string') return notice;
  const vars = notice.vars ?? {};
  if (notice.key === 'notice.param') {
    // Worded from the engine's own limits, as the panel's fields word them.
    const info = HYPERPARAMS.find((h) => h.key === vars.param);
    if (info) return t('notice.param', { name: `${t(`param.${info.key}`)} ${info.symbol}`, limit: t(`limit.${limitKind(info.valid)}`) });
  }
  return KNOWN_KEYS.has(notice.key) ? t(notice.key as MessageKey, vars) : notice.key;
}

/** The last refused input, in words, until the user dismisses it. */
export function Notice() {
  const notice = useScene((s) => s.notice);
  const setNotice = useScene((s) => s.setNotice);
  const t = useT();
  if (!notice) return null;
  return (
    <div className="notice" role="status" aria-live="polite">
      <span>{noticeText(notice, t)}</span>
      <button type="button" className="button ghost" onClick={() => setNotice(null)} aria-label={t('notice.dismiss')}>
        ✕
      </button>
    </div>
  );
}

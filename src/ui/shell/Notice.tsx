import { Suspense, lazy } from 'react';
import { HYPERPARAMS } from '../../engine';
import type { Translate } from '../../i18n';
import type { NoticeMessage } from '../../state/store';
import { useScene } from '../../state/useScene';
import { limitKind } from '../panel/fieldChecks';
import { useT } from './useT';

// The banner and the notices' words load with the first notice: most visits raise none.
const NoticeBanner = lazy(() => import('./NoticeBanner').then((m) => ({ default: m.NoticeBanner })));

/** A refused hyperparameter's notice with its name and its limits in the reader's words. */
function withParamWords(notice: string | NoticeMessage, t: Translate): string | NoticeMessage {
  if (typeof notice === 'string' || notice.key !== 'notice.param') return notice;
  // Worded from the engine's own limits, as the panel's fields word them.
  const info = HYPERPARAMS.find((h) => h.key === notice.vars?.param);
  if (!info) return notice;
  return { key: notice.key, vars: { name: `${t(`param.${info.key}`)} ${info.symbol}`, limit: t(`limit.${limitKind(info.valid)}`) } };
}

/** The last refused input, in words, until the user dismisses it. */
export function Notice() {
  const notice = useScene((s) => s.notice);
  const t = useT();
  if (!notice) return null;
  return (
    <Suspense fallback={null}>
      <NoticeBanner notice={withParamWords(notice, t)} />
    </Suspense>
  );
}

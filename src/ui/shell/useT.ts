import { useTranslator, type Translate } from '../../i18n';
import type { Lang } from '../../i18n/lang';
import { useScene } from '../../state/useScene';

/** The store's language; components re-render when it changes. */
export function useLang(): Lang {
  return useScene((s) => s.lang);
}

/** t() in the store's language; components re-render when the language changes. */
export function useT(): Translate {
  return useTranslator(useLang());
}

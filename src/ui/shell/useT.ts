import { useTranslator, type Translate } from '../../i18n';
import { useScene } from '../../state/useScene';

/** t() in the store's language; components re-render when the language changes. */
export function useT(): Translate {
  return useTranslator(useScene((s) => s.lang));
}

import { useCallback } from 'react';
import { overlayText, type OverlayKey } from '../../i18n/overlayText';
import { useLang } from '../shell/useT';

type OverlayTranslate = (key: OverlayKey, vars?: Readonly<Record<string, string | number>>) => string;

/** useT for the overlays' own words (loaded after the first frame, with the modules that show them). */
export function useOverlayText(): OverlayTranslate {
  const lang = useLang();
  return useCallback<OverlayTranslate>((key, vars) => overlayText(lang, key, vars), [lang]);
}

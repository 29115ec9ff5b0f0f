import { useCallback } from 'react';
import { mapText, type MapKey } from '../../i18n/mapText';
import { useLang } from '../shell/useT';

export type MapTranslate = (key: MapKey, vars?: Readonly<Record<string, string | number>>) => string;

/** useT for the Maps section's own words (loaded with the section). */
export function useMapText(): MapTranslate {
  const lang = useLang();
  return useCallback<MapTranslate>((key, vars) => mapText(lang, key, vars), [lang]);
}

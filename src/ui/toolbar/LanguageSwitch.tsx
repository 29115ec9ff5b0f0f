import type { Lang } from '../../state/store';
import { useScene } from '../../state/useScene';
import { useT } from '../shell/useT';

const LANGS: readonly { readonly lang: Lang; readonly key: 'language.en' | 'language.ko' }[] = [
  { lang: 'en', key: 'language.en' },
  { lang: 'ko', key: 'language.ko' },
];

/** English / 한국어, each written in its own language so that either reader can find theirs. */
export function LanguageSwitch() {
  const lang = useScene((s) => s.lang);
  const setLang = useScene((s) => s.setLang);
  const t = useT();
  return (
    <div className="segmented language-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l.lang} type="button" lang={l.lang} aria-pressed={lang === l.lang} onClick={() => setLang(l.lang)}>
          {t(l.key)}
        </button>
      ))}
    </div>
  );
}

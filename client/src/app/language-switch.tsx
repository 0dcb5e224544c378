import { useI18n } from '../lib/i18n-context';

/** Switches between Danish and English; the choice is remembered on this device. */
export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  const other = lang === 'da' ? 'en' : 'da';
  return (
    <button type="button" className="button button--quiet" lang={other} title={t.switchLanguage} onClick={() => setLang(other)}>
      {t.otherLanguageName}
    </button>
  );
}

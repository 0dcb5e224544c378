import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { da, en, LANGS, type Lang, type Messages } from './i18n';
import { readSetting, writeSetting } from './local-setting';

const LANG_KEY = 'kaskade.lang';
const DICTIONARIES: Record<Lang, Messages> = { da, en };

interface I18nValue {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

function isLang(value: string | null): value is Lang {
  return value !== null && (LANGS as readonly string[]).includes(value);
}

/** `?lang=en` wins, then the saved choice, then Danish. */
export function detectLang(search: string = globalThis.location?.search ?? ''): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  const saved = readSetting(LANG_KEY);
  return isLang(saved) ? saved : 'da';
}

export function I18nProvider({ initialLang, children }: { initialLang?: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? detectLang());

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    writeSetting(LANG_KEY, next);
    setLangState(next);
    // Drop a `?lang=` from the address so a reload keeps the choice just made.
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.delete('lang');
      window.history.replaceState(window.history.state, '', url);
    }
  }, []);

  const value = useMemo(() => ({ lang, t: DICTIONARIES[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The current language's messages. */
export function useT(): Messages {
  return useI18n().t;
}

import { useI18n } from '../lib/i18n-context';

/** The header's own words (the compact menu on a phone). */
const TEXTS = {
  da: { menu: 'Menu', settings: 'Dig og sproget' },
  en: { menu: 'Menu', settings: 'You and language' },
};

export const useHeaderTexts = () => TEXTS[useI18n().lang];

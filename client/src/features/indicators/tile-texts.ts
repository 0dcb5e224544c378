import { useI18n } from '../../lib/i18n-context';

/** The few words the tile's cascade links need (kept here so the shared message files stay small). */
const TEXTS = {
  da: {
    contributesTo: 'Bidrager til',
    deviationAsk: 'Rød: angiv årsag og handling',
    openIndicator: (name: string) => `Åbn indikatoren ${name}`,
    indicatorLink: (name: string) => `Indikator: ${name}`,
  },
  en: {
    contributesTo: 'Contributes to',
    deviationAsk: 'Red: give cause and action',
    openIndicator: (name: string) => `Open the indicator ${name}`,
    indicatorLink: (name: string) => `Indicator: ${name}`,
  },
};

export const useTileTexts = () => TEXTS[useI18n().lang];

import { useI18n } from '../../lib/i18n-context';

/** The few words the tile's cascade links need (kept here so the shared message files stay small). */
const TEXTS = {
  da: {
    contributesTo: 'Bidrager til',
    deviationAsk: 'Rød: angiv årsag og handling',
    signalAsk: 'Signal i seriediagrammet: find årsagen og handl',
    commonCause: (level: 'low' | 'high' | 'outside') =>
      `Almindelig variation, intet signal – niveauet er ${level === 'low' ? 'for lavt' : level === 'high' ? 'for højt' : 'uden for målet'}: hvad i systemet skal ændres?`,
    openIndicator: (name: string) => `Åbn indikatoren ${name}`,
    indicatorLink: (name: string) => `Indikator: ${name}`,
    tileActions: (name: string) => `Flere handlinger: ${name}`,
    openRunChart: 'Åbn seriediagram',
    otherIndicators: 'Øvrige indikatorer',
    groupLabel: (title: string, count: number) => `${title} (${count} ${count === 1 ? 'indikator' : 'indikatorer'})`,
    statusPrefix: 'Status: ',
    deviationShort: 'Årsag',
    targetShort: 'mål',
    signalShort: 'Signal',
  },
  en: {
    contributesTo: 'Contributes to',
    deviationAsk: 'Red: give cause and action',
    signalAsk: 'Run chart signal: find the cause and act',
    commonCause: (level: 'low' | 'high' | 'outside') =>
      `Common-cause variation, no signal – the level is ${level === 'low' ? 'too low' : level === 'high' ? 'too high' : 'off target'}: what in the system must change?`,
    openIndicator: (name: string) => `Open the indicator ${name}`,
    indicatorLink: (name: string) => `Indicator: ${name}`,
    tileActions: (name: string) => `More actions: ${name}`,
    openRunChart: 'Open run chart',
    otherIndicators: 'Other indicators',
    groupLabel: (title: string, count: number) => `${title} (${count} ${count === 1 ? 'indicator' : 'indicators'})`,
    statusPrefix: 'Status: ',
    deviationShort: 'Cause',
    targetShort: 'target',
    signalShort: 'Signal',
  },
};

export const useTileTexts = () => TEXTS[useI18n().lang];

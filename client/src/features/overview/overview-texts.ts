import { useI18n } from '../../lib/i18n-context';

/** The heat-map's and the header's few cascade words, small so the main bundle does not carry the cascade pages' texts. */
const TEXTS = {
  da: {
    goals: 'Mål',
    heatmapLabel: (unit: string) => `Status for ${unit}`,
    count: { red: 'rød', amber: 'gul', green: 'grøn', none: 'ingen data' },
    redIndicators: 'Røde indikatorer',
    mandatoryIndicators: 'Obligatoriske indikatorer',
    statusCsv: (unit: string) => `Statustabel for ${unit} (CSV)`,
  },
  en: {
    goals: 'Goals',
    heatmapLabel: (unit: string) => `Status of ${unit}`,
    count: { red: 'red', amber: 'amber', green: 'green', none: 'no data' },
    redIndicators: 'Red indicators',
    mandatoryIndicators: 'Mandatory indicators',
    statusCsv: (unit: string) => `Status table of ${unit} (CSV)`,
  },
};

export const useOverviewTexts = () => TEXTS[useI18n().lang];

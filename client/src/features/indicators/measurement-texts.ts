import { useI18n } from '../../lib/i18n-context';

/** The measurement dialog's own words (kept here so the shared message files stay small). */
const TEXTS = {
  da: {
    latest: (value: string, period: string) => `Seneste værdi: ${value} (${period})`,
    noLatest: 'Ingen målinger endnu.',
    periodOpen: (end: string) => `Perioden er ikke slut endnu (slutter ${end}); tallet kan nå at ændre sig.`,
    replaces: (value: string) => `Perioden har allerede værdien ${value}; den gemte værdi erstattes.`,
    openSuffix: ' (i gang)',
  },
  en: {
    latest: (value: string, period: string) => `Latest value: ${value} (${period})`,
    noLatest: 'No measurements yet.',
    periodOpen: (end: string) => `The period has not ended yet (it ends ${end}); the figure may still change.`,
    replaces: (value: string) => `The period already has the value ${value}; the stored value will be replaced.`,
    openSuffix: ' (in progress)',
  },
};

export const useMeasurementTexts = () => TEXTS[useI18n().lang];

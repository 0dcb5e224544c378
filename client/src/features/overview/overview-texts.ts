import { useI18n } from '../../lib/i18n-context';

/** The heat-map's and the header's few cascade words, small so the main bundle does not carry the cascade pages' texts. */
const TEXTS = {
  da: {
    goals: 'Mål',
    intro: 'Hvor er det rødt? Hver enheds seneste status pr. indikator, fra øverste ledelseslag og ned. Vælg en celle for at se seriediagrammet.',
    gridLabel: 'Statusoversigt: enheder og indikatorer',
    keysHint: 'Piletasterne flytter mellem cellerne. På en enhed folder → og ← enhederne nedenfor ud og sammen. Enter åbner.',
    unitColumn: 'Enhed',
    groups: { mandatory: 'Obligatoriske', common: 'Øvrige indikatorer' },
    groupsShort: { mandatory: 'Oblig.', common: 'Øvrige' },
    unfold: (unit: string) => `Vis enhederne under ${unit}`,
    fold: (unit: string) => `Skjul enhederne under ${unit}`,
    loadingUnits: 'Henter enheder …',
    notShown: 'ikke på enhedens tavle',
    signal: 'signal (ikke-tilfældig variation)',
    rolledUp: 'beregnet fra enhederne nedenfor',
    period: (date: string) => `periode fra ${date}`,
    noValue: 'ingen måling',
    legend: 'Forklaring',
    noUnits: 'Du har endnu ikke adgang til nogen enheder.',
    noUnitsHint: 'Bed en administrator om en rolle på din enhed.',
  },
  en: {
    goals: 'Goals',
    intro: 'Where is it red? Each unit’s latest status per indicator, from the top leadership layer down. Choose a cell for its run chart.',
    gridLabel: 'Status overview: units and indicators',
    keysHint: 'The arrow keys move between cells. On a unit, → and ← unfold and fold the units below. Enter opens.',
    unitColumn: 'Unit',
    groups: { mandatory: 'Mandatory', common: 'Other indicators' },
    groupsShort: { mandatory: 'Mand.', common: 'Other' },
    unfold: (unit: string) => `Show the units under ${unit}`,
    fold: (unit: string) => `Hide the units under ${unit}`,
    loadingUnits: 'Loading units …',
    notShown: 'not on the unit’s board',
    signal: 'signal (non-random variation)',
    rolledUp: 'rolled up from the units below',
    period: (date: string) => `period from ${date}`,
    noValue: 'no measurement',
    legend: 'Key',
    noUnits: 'You do not have access to any unit yet.',
    noUnitsHint: 'Ask an administrator for a role on your unit.',
  },
};

export const useOverviewTexts = () => TEXTS[useI18n().lang];

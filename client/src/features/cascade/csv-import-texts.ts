import type { ImportProblem, ImportProblemCode } from '../../../../shared/cascade';
import { useI18n } from '../../lib/i18n-context';

type Values = Record<string, string>;
type Words = Record<ImportProblemCode, (v: Values) => string>;

const daProblems: Words = {
  unreadable: (v) => `Filen kan ikke læses som CSV (omkring linje ${v.line ?? '?'}); er et anførselstegn (") åbnet uden at blive lukket?`,
  'missing-column': () => 'Overskriften mangler denne kolonne.',
  'unknown-column': () => 'Kaskade kender ikke denne kolonne.',
  'too-many-rows': (v) => `Filen har ${v.rows} rækker; højst ${v.max} kan indlæses ad gangen. Del den op.`,
  'empty-cell': () => 'er tom; der skal stå et tal.',
  'not-a-number': (v) => `"${v.raw}" er ikke et tal${v.separator === ';' ? ' (brug decimalkomma, fx 4,5)' : ' (fx 4.5)'}.`,
  'respondents-whole': () => 'skal være et helt antal besvarelser, 0 eller flere.',
  'empty-indicator': () => 'er tom; vælg indikatoren ovenfor, eller angiv den i filen.',
  'unknown-indicator': (v) => `ingen indikator hedder "${v.indicator}".`,
  'bad-period': (v) => `"${v.period}" er ikke en dato på formen ÅÅÅÅ-MM-DD.`,
  'empty-period': () => 'er tom; periodens første dag skal stå her.',
  'empty-unit': () => 'er tom; angiv hvilken enhed værdien er for.',
  duplicate: () => 'samme indikator, enhed og periode står to gange i filen.',
};

const enProblems: Words = {
  unreadable: (v) => `The file cannot be read as CSV (near line ${v.line ?? '?'}); is a quote (") opened and never closed?`,
  'missing-column': () => 'The header lacks this column.',
  'unknown-column': () => 'Kaskade does not know this column.',
  'too-many-rows': (v) => `The file has ${v.rows} rows; at most ${v.max} can be imported at once. Split it.`,
  'empty-cell': () => 'is empty; a number is needed.',
  'not-a-number': (v) => `"${v.raw}" is not a number${v.separator === ';' ? ' (use a decimal comma, e.g. 4,5)' : ' (e.g. 4.5)'}.`,
  'respondents-whole': () => 'must be a whole number of answers, 0 or more.',
  'empty-indicator': () => 'is empty; choose the indicator above, or name it in the file.',
  'unknown-indicator': (v) => `no indicator is called "${v.indicator}".`,
  'bad-period': (v) => `"${v.period}" is not a date in the form YYYY-MM-DD.`,
  'empty-period': () => 'is empty; the first day of the period is needed.',
  'empty-unit': () => 'is empty; say which unit the value is for.',
  duplicate: () => 'the same indicator, unit and period appear twice in the file.',
};

const TEXTS = {
  da: {
    problems: daProblems,
    indicator: 'Indikator',
    indicatorInFile: 'Angivet i filen (kolonnen indicator)',
    formatHint: 'Kolonner: period (periodens første dag som ÅÅÅÅ-MM-DD) og value; valgfrit respondents og note. Semikolon og decimalkomma, som Excel gemmer.',
    sending: (pct: number) => `Sender filen … ${pct} %`,
    checking: 'Kontrollerer rækkerne …',
    row: 'Række',
    period: 'Periode',
    newValue: 'Ny værdi',
    previous: 'Tidligere værdi',
    none: '–',
    previewCaption: (n: number) => `Forhåndsvisning: ${n} rækker`,
    tooLarge: 'Filen er for stor: højst 1 MB kan indlæses ad gangen. Del den op i mindre filer.',
    forbidden: 'Du har ikke adgang til at indlæse målinger for alle enhederne i filen.',
    failed: 'Filen kunne ikke sendes. Prøv igen.',
  },
  en: {
    problems: enProblems,
    indicator: 'Indicator',
    indicatorInFile: 'Given in the file (the indicator column)',
    formatHint: 'Columns: period (first day of the period as YYYY-MM-DD) and value; optionally respondents and note. Semicolons with decimal commas, or commas with points.',
    sending: (pct: number) => `Sending the file … ${pct} %`,
    checking: 'Checking the rows …',
    row: 'Row',
    period: 'Period',
    newValue: 'New value',
    previous: 'Previous value',
    none: '–',
    previewCaption: (n: number) => `Preview: ${n} rows`,
    tooLarge: 'The file is too large: at most 1 MB can be imported at once. Split it into smaller files.',
    forbidden: 'You may not import measurements for every unit in the file.',
    failed: 'The file could not be sent. Try again.',
  },
};

export type CsvImportTexts = (typeof TEXTS)['da'];
export const useCsvImportTexts = (): CsvImportTexts => TEXTS[useI18n().lang];

/** A problem in the reader's language when the server sent its code; the writer's own checks keep their words. */
export const problemText = (x: CsvImportTexts, p: ImportProblem): string => (p.code ? x.problems[p.code](p.values ?? {}) : p.message);

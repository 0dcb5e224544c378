import { parseISO } from 'date-fns';
import { periodLabelParts } from '../../../shared/domain/periods';
import type { Frequency } from '../../../shared/schemas';
import type { Lang, Messages } from './i18n';

const LOCALES: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** `4,5` in Danish, `4.5` in English, with the indicator's fixed number of decimals. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  return numberFormat(lang, decimals).format(value);
}

/** Unit words as organisations type them (in Danish), in singular and plural in each language. */
const UNIT_WORDS: readonly { forms: readonly string[]; da: [string, string]; en: [string, string] }[] = [
  { forms: ['dag', 'dage', 'days', 'day'], da: ['dag', 'dage'], en: ['day', 'days'] },
  { forms: ['døgn'], da: ['døgn', 'døgn'], en: ['day', 'days'] },
  { forms: ['time', 'timer', 'hours', 'hour'], da: ['time', 'timer'], en: ['hour', 'hours'] },
  { forms: ['minut', 'minutter', 'min.', 'minutes', 'minute'], da: ['minut', 'minutter'], en: ['minute', 'minutes'] },
  { forms: ['uge', 'uger', 'weeks', 'week'], da: ['uge', 'uger'], en: ['week', 'weeks'] },
  { forms: ['måned', 'måneder', 'months', 'month'], da: ['måned', 'måneder'], en: ['month', 'months'] },
  { forms: ['år', 'years', 'year'], da: ['år', 'år'], en: ['year', 'years'] },
  { forms: ['patient', 'patienter', 'patients'], da: ['patient', 'patienter'], en: ['patient', 'patients'] },
  { forms: ['point', 'points'], da: ['point', 'point'], en: ['point', 'points'] },
];

/**
 * An indicator's unit as the reader's language says it for this value: `43 dage` is `43 days` in English and
 * `1 dag` in Danish. Units that are not words of the list (`%`, `kr.`, anything else) are shown as typed.
 */
export function unitFor(unitLabel: string, value: number, decimals: number, lang: Lang): string {
  const word = UNIT_WORDS.find((w) => w.forms.includes(unitLabel.trim().toLowerCase()));
  if (!word) return unitLabel;
  const one = new Intl.PluralRules(LOCALES[lang], { minimumFractionDigits: decimals }).select(value) === 'one';
  return word[lang][one ? 0 : 1];
}

/** A value with its unit: `4,5 %`, `12 dage`, `12 days` (non-breaking space, so the unit never wraps alone). */
export function formatValue(value: number, decimals: number, unitLabel: string, lang: Lang): string {
  const number = formatNumber(value, decimals, lang);
  return unitLabel ? `${number}\u00a0${unitFor(unitLabel, value, decimals, lang)}` : number;
}

/** `28. nov. 2026` from `2026-11-28`. */
export function formatDate(isoDate: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric' }).format(
    parseISO(isoDate),
  );
}

/** `28. nov. 2026 14.05` from an ISO timestamp, in the local time zone. */
export function formatDateTime(isoTime: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(new Date(isoTime));
}

/** `uge 47–48 2026`, `nov. 2026`, `K4 2026` — the period a measurement belongs to. */
export function formatPeriod(frequency: Frequency, periodStart: string, lang: Lang, t: Messages): string {
  const parts = periodLabelParts(frequency, periodStart);
  switch (parts.kind) {
    case 'weeks':
      return t.periodWeeks(parts.fromWeek, parts.toWeek, parts.year);
    case 'quarter':
      return t.periodQuarter(parts.quarter, parts.year);
    case 'year':
      return String(parts.year);
    case 'month':
      return new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric' }).format(
        new Date(parts.year, parts.month - 1, 1),
      );
  }
}

/** Reads `4,5`, `4.5` or `-3` as typed by a person; null when it is not a number. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.trim().replace(/\s/g, '').replace('−', '-').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

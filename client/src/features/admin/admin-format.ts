import { formatDateTime } from '../../lib/format';
import type { Lang } from '../../lib/i18n';

const LOCALES: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

/** `6. dec. 2026 14.05` in the reader's own time zone, from a stored UTC instant: the app's one date-time format. */
export const formatLocalDateTime = (iso: string, lang: Lang): string => formatDateTime(iso, lang);

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** `for 5 minutter siden`, `i går`, `3 weeks ago`: how long ago, in the largest unit that fits. */
export function formatRelative(iso: string, lang: Lang, now: Date = new Date()): string {
  let amount = (new Date(iso).getTime() - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' });
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

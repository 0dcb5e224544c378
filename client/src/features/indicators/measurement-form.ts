import { isValid, parseISO } from 'date-fns';
import { periodStartOf, shiftPeriod } from '../../../../shared/domain/periods';
import type { BoardIndicator, Frequency } from '../../../../shared/schemas';
import { parseDecimal } from '../../lib/format';
import type { Messages } from '../../lib/i18n';
import type { MeasurementInput } from './indicators-slice';

/** How many closed periods the picker offers, per frequency: about a year back (five years for yearly figures). */
const PERIODS_BACK: Record<Frequency, number> = { weekly: 26, biweekly: 13, monthly: 12, quarterly: 8, yearly: 5 };

/** The period that ended last: the one a figure is normally reported for, as data arrive after the period. */
export function lastClosedPeriod(frequency: Frequency, today: Date): string {
  return shiftPeriod(frequency, periodStartOf(frequency, today), -1);
}

/** The periods to pick from, newest first: the open one, then the closed ones back about a year. */
export function periodChoices(frequency: Frequency, today: Date): { start: string; open: boolean }[] {
  const current = periodStartOf(frequency, today);
  const closed = Array.from({ length: PERIODS_BACK[frequency] }, (_, i) => ({ start: shiftPeriod(frequency, current, -(i + 1)), open: false }));
  return [{ start: current, open: true }, ...closed];
}

export interface MeasurementDraft {
  /** The first day of the chosen period. */
  date: string;
  value: string;
  respondents: string;
  note: string;
}

export type MeasurementErrors = Partial<Record<keyof MeasurementDraft, string>>;

export function isValidDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isValid(parseISO(date));
}

/** Checks what was typed; any date inside a period counts as that period. */
export function parseMeasurement(
  indicator: BoardIndicator,
  draft: MeasurementDraft,
  t: Messages,
): { input: MeasurementInput } | { errors: MeasurementErrors } {
  const errors: MeasurementErrors = {};
  if (!isValidDate(draft.date)) errors.date = t.invalidDate;
  const value = parseDecimal(draft.value);
  if (!draft.value.trim()) errors.value = t.required;
  else if (value === null) errors.value = t.notANumber;
  let respondents: number | null = null;
  if (draft.respondents.trim()) {
    const n = Number(draft.respondents.trim());
    if (!Number.isInteger(n) || n < 0) errors.respondents = t.notAWholeNumber;
    else respondents = n;
  }
  if (Object.keys(errors).length > 0 || value === null) return { errors };
  return {
    input: {
      indicatorId: indicator.id,
      periodStart: periodStartOf(indicator.frequency, draft.date),
      value,
      respondents,
      note: draft.note.trim(),
    },
  };
}

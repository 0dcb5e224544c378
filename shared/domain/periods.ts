import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addQuarters } from 'date-fns/addQuarters';
import { addWeeks } from 'date-fns/addWeeks';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { lightFormat } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { startOfYear } from 'date-fns/startOfYear';
import { addYears } from 'date-fns/addYears';
import type { Frequency } from '../schemas';

// Biweekly periods are two ISO weeks long, counted from a fixed Monday so every unit shares the same fortnights.
const BIWEEKLY_ANCHOR = parseISO('2024-01-01');

/** The first day (YYYY-MM-DD) of the period of `frequency` that contains `date`. */
export function periodStartOf(frequency: Frequency, date: Date | string): string {
  const d = typeof date === 'string' ? parseISO(date) : date;
  switch (frequency) {
    case 'weekly':
      return calendarDate(startOfISOWeek(d));
    case 'biweekly': {
      const monday = startOfISOWeek(d);
      const weeks = Math.floor(differenceInCalendarDays(monday, BIWEEKLY_ANCHOR) / 7);
      const offset = ((weeks % 2) + 2) % 2;
      return calendarDate(addWeeks(monday, -offset));
    }
    case 'monthly':
      return calendarDate(startOfMonth(d));
    case 'quarterly':
      return calendarDate(startOfQuarter(d));
    case 'yearly':
      return calendarDate(startOfYear(d));
  }
}

export function isPeriodStart(frequency: Frequency, date: string): boolean {
  return periodStartOf(frequency, date) === date;
}

/** The start of the period `steps` periods after the one starting at `periodStart` (negative for before). */
export function shiftPeriod(frequency: Frequency, periodStart: string, steps: number): string {
  const d = parseISO(periodStart);
  switch (frequency) {
    case 'weekly':
      return calendarDate(addWeeks(d, steps));
    case 'biweekly':
      return calendarDate(addWeeks(d, 2 * steps));
    case 'monthly':
      return calendarDate(addMonths(d, steps));
    case 'quarterly':
      return calendarDate(addQuarters(d, steps));
    case 'yearly':
      return calendarDate(addYears(d, steps));
  }
}

/** The last day of the period starting at `periodStart`. */
export function periodEnd(frequency: Frequency, periodStart: string): string {
  return calendarDate(addDays(parseISO(shiftPeriod(frequency, periodStart, 1)), -1));
}

/** The parts a label is made from; the client words them in the user's language. */
export type PeriodLabelParts =
  | { kind: 'weeks'; year: number; fromWeek: number; toWeek: number }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number };

export function periodLabelParts(frequency: Frequency, periodStart: string): PeriodLabelParts {
  const d = parseISO(periodStart);
  switch (frequency) {
    case 'weekly':
    case 'biweekly': {
      const last = parseISO(periodEnd(frequency, periodStart));
      return { kind: 'weeks', year: getISOWeekYear(d), fromWeek: getISOWeek(d), toWeek: getISOWeek(last) };
    }
    case 'monthly':
      return { kind: 'month', year: d.getFullYear(), month: d.getMonth() + 1 };
    case 'quarterly':
      return { kind: 'quarter', year: d.getFullYear(), quarter: Math.floor(d.getMonth() / 3) + 1 };
    case 'yearly':
      return { kind: 'year', year: d.getFullYear() };
  }
}

/**
 * The local calendar date of `d` as YYYY-MM-DD ("today" for targets, due dates and periods). lightFormat, not
 * format: the same digits without format's locale machinery, which the board page and the server's start-up
 * would otherwise load.
 */
export function calendarDate(d: Date): string {
  return lightFormat(d, 'yyyy-MM-dd');
}

import type { Cadence } from '../schemas';

const DAYS: Record<'weekly' | 'biweekly', number> = { weekly: 7, biweekly: 14 };
/** Quarterly and yearly are the political level's cadence (regionsråd, udvalg, direktion). */
const MONTHS: Record<'monthly' | 'quarterly' | 'yearly', number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** The meeting after one held on `from` (YYYY-MM-DD): a week, 14 days, or one, three or twelve months later. */
export function nextMeetingDate(cadence: Cadence, from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  if (cadence === 'monthly' || cadence === 'quarterly' || cadence === 'yearly') {
    // The same day months later, or that month's last day when it has no such day (31 Jan → 28/29 Feb).
    const step = MONTHS[cadence];
    const lastDay = new Date(Date.UTC(y, m - 1 + step + 1, 0)).getUTCDate();
    return iso(new Date(Date.UTC(y, m - 1 + step, Math.min(d, lastDay))));
  }
  return iso(new Date(Date.UTC(y, m - 1, d + DAYS[cadence])));
}

/** The next meeting on or after `today`: the stored date if still ahead, else rolled forward by the cadence. */
export function upcomingMeetingDate(cadence: Cadence, stored: string | null, today: string): string {
  let date = stored ?? nextMeetingDate(cadence, today);
  // Bounded: a stored date years back still ends within a few hundred steps.
  for (let i = 0; date < today && i < 1000; i++) date = nextMeetingDate(cadence, date);
  return date;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return iso(new Date(Date.UTC(y, m - 1, d + days)));
}

const iso = (date: Date): string => date.toISOString().slice(0, 10);

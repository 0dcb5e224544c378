import type { Status } from './status';

/** Pure rules of business cases and joint goal status. */

/** Years until the investment is earned back by the yearly effect in money; null when either is missing or ≤ 0. */
export function paybackYears(investment: number | null, yearlySaving: number | null): number | null {
  if (investment === null || yearlySaving === null || investment <= 0 || yearlySaving <= 0) return null;
  return Math.round((investment / yearlySaving) * 10) / 10;
}

/** How far an indicator has come from its baseline towards the initiative's target (1 = there, < 0 = worse). */
export function progressTowards(baseline: number | null, target: number | null, latest: number | null): number | null {
  if (baseline === null || target === null || latest === null || target === baseline) return null;
  return Math.round(((latest - baseline) / (target - baseline)) * 100) / 100;
}

const WORST: readonly Status[] = ['red', 'amber', 'green'];

/**
 * A cross-cutting goal's joint status: as weak as its weakest owner (a shared patient pathway is only as good as
 * its worst link); owners without data do not count, and none with data gives `none`.
 */
export function jointStatus(statuses: readonly Status[]): Status {
  return WORST.find((s) => statuses.includes(s)) ?? 'none';
}

/** The points a business case is judged on: the indicator's reportable values at one unit, oldest first. */
export interface ProgressPoint {
  periodStart: string;
  value: number;
}

/** How many periods before the start make the computed baseline (a year of monthly values). */
export const BASELINE_PERIODS = 12;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Progress {
  baselineValue: number | null;
  baselineFromSeries: boolean;
  latestValue: number | null;
  latestPeriod: string | null;
  progress: number | null;
}

/**
 * An indicator's progress under a business case. The baseline is the one set by hand, else the median of the last
 * `BASELINE_PERIODS` values before the start (the level the system produced before the initiative — one point is
 * noise); the latest value is the newest point from the start on. Without a start every point counts as after it.
 */
export function indicatorProgress(
  points: readonly ProgressPoint[],
  startDate: string | null,
  baselineValue: number | null,
  targetValue: number | null,
): Progress {
  const before = startDate ? points.filter((p) => p.periodStart < startDate).slice(-BASELINE_PERIODS) : [];
  const after = startDate ? points.filter((p) => p.periodStart >= startDate) : points;
  const baseline = baselineValue ?? median(before.map((p) => p.value));
  const latest = after.at(-1) ?? null;
  return {
    baselineValue: baseline === null ? null : Math.round(baseline * 1000) / 1000,
    baselineFromSeries: baselineValue === null && baseline !== null,
    latestValue: latest?.value ?? null,
    latestPeriod: latest?.periodStart ?? null,
    progress: progressTowards(baseline, targetValue, latest?.value ?? null),
  };
}

/** Whether a business case is still followed: open until closed, with or without a conclusion yet. */
export const isOpen = (c: { done: boolean }): boolean => !c.done;

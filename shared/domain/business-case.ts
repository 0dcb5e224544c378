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

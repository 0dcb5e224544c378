import type { Direction, Indicator, Measurement, Target } from '../schemas';

export const STATUSES = ['green', 'amber', 'red', 'none'] as const;
export type Status = (typeof STATUSES)[number];

export interface StatusInput {
  value: number | null | undefined;
  direction: Direction;
  /** The target for higher/lower is better. */
  target?: number | null;
  /** The green band for range indicators. */
  low?: number | null;
  high?: number | null;
  /** How far past the target is still amber, in the indicator's unit. */
  tolerance: number;
  /** Values are judged as shown: rounded to the indicator's decimals, so "5,0" is never red against a 5 target. */
  decimals?: number;
  respondents?: number | null;
  minRespondents?: number | null;
}

/**
 * Indicator status, computed and never typed in: green on target, amber within the tolerance band past it,
 * red beyond; `none` without a value, without a target, or with too few respondents to report.
 */
export function indicatorStatus(input: StatusInput): Status {
  const { value, direction, tolerance } = input;
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  if (hasTooFewRespondents(input)) return 'none';
  const v = input.decimals === undefined ? value : roundTo(value, input.decimals);
  switch (direction) {
    case 'lower': {
      if (input.target == null) return 'none';
      return band(v - input.target, tolerance);
    }
    case 'higher': {
      if (input.target == null) return 'none';
      return band(input.target - v, tolerance);
    }
    case 'range': {
      if (input.low == null || input.high == null) return 'none';
      const shortfall = Math.max(input.low - v, v - input.high, 0);
      return band(shortfall, tolerance);
    }
  }
}

/**
 * A measurement of an indicator judged against a target: the one way tiles, the indicator page, the overview
 * and the meeting agenda all read status.
 */
export function measurementStatus(
  indicator: Pick<Indicator, 'direction' | 'decimals' | 'minRespondents'>,
  target: Target | null | undefined,
  measurement: Pick<Measurement, 'value' | 'respondents'> | null | undefined,
): Status {
  return indicatorStatus({
    value: measurement?.value,
    direction: indicator.direction,
    target: target?.target,
    low: target?.low,
    high: target?.high,
    tolerance: target?.tolerance ?? 0,
    decimals: indicator.decimals,
    respondents: measurement?.respondents,
    minRespondents: indicator.minRespondents,
  });
}

/** Soft indicators below their minimum number of answers are shown as "too few answers", not as a number. */
export function hasTooFewRespondents(input: Pick<StatusInput, 'respondents' | 'minRespondents'>): boolean {
  return (
    input.minRespondents != null &&
    input.minRespondents > 0 &&
    (input.respondents == null || input.respondents < input.minRespondents)
  );
}

// `miss` is how far the value falls short of green (<= 0 means on target).
function band(miss: number, tolerance: number): Status {
  const m = cleanFloat(miss);
  if (m <= 0) return 'green';
  if (m <= cleanFloat(tolerance)) return 'amber';
  return 'red';
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

// Removes binary noise such as 5.1 - 4.0 = 1.0999999999999996 so boundaries behave as written.
function cleanFloat(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

import type { Measurement } from '../schemas';
import { analyseRunChart, type RunChartAnalysis } from './anhoej';
import { reportable } from './cascade';
import type { Status } from './status';

/**
 * The one run-chart analysis of an indicator at a unit. Tile, indicator page, meeting agenda, overview and status
 * report all call this over the same series — every reportable point (values with too few answers left out),
 * the median frozen on the baseline where one is set — so a signal is the same wherever it is shown.
 */

export interface SeriesInput {
  /** Every measurement of the indicator at the unit, in any order. */
  measurements: readonly Measurement[];
  minRespondents: number | null;
  /** The last period of the frozen baseline, or null when the median is not frozen. */
  baselineTo: string | null;
}

export interface SeriesAnalysis {
  /** The points the chart shows and the rules judge, oldest first. */
  points: Measurement[];
  /** How many of `points` make the baseline, or null when the median is not frozen. */
  baselineCount: number | null;
  analysis: RunChartAnalysis;
}

export function analyseSeries(input: SeriesInput): SeriesAnalysis {
  const points = reportable(input.measurements, input.minRespondents).sort((a, b) =>
    a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0,
  );
  const baselineTo = input.baselineTo;
  const baselineCount = baselineTo ? points.filter((m) => m.periodStart <= baselineTo).length : null;
  const analysis = analyseRunChart(points.map((m) => m.value), { baseline: baselineCount });
  return { points, baselineCount, analysis };
}

/** What a board carries of the analysis: enough for the tile and the agenda, small enough for every snapshot. */
export interface SignalSummary {
  signal: boolean;
  shift: boolean;
  tooFewCrossings: boolean;
  /** Whether the series was long enough for the rules. */
  applied: boolean;
  n: number;
}

export function summariseSignal(analysis: RunChartAnalysis): SignalSummary {
  const { signal, shift, tooFewCrossings, applied, n } = analysis;
  return { signal, shift, tooFewCrossings, applied, n };
}

/**
 * Learning before control: how a value should be discussed.
 * - `special-cause`: a signal (non-random variation) — find the cause and act on it;
 * - `common-cause`: red or amber without a signal — the system produces this level; discuss what in the system
 *   must change, do not hunt a cause for one point;
 * - `on-target`: green without a signal; `unknown`: no value or no target.
 */
export type Reading = 'special-cause' | 'common-cause' | 'on-target' | 'unknown';

export function readIndicator(status: Status, signal: boolean): Reading {
  if (signal) return 'special-cause';
  if (status === 'red' || status === 'amber') return 'common-cause';
  if (status === 'green') return 'on-target';
  return 'unknown';
}

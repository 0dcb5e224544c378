/**
 * Run-chart analysis with the Anhøj rules, as Danish quality work uses them: a shift (a run longer than
 * round(log2(n) + 3) points on one side of the median) or too few median crossings (fewer than the 5 % lower
 * binomial quantile of n − 1 trials with p = 0.5) signals non-random variation. Points exactly on the median
 * neither make nor break a run and are not counted in n.
 */

/** Published limits for n = 10…100 useful observations: [n, longest run may be at most, fewest crossings]. */
export const ANHOEJ_LIMITS: readonly (readonly [n: number, maxRun: number, minCrossings: number])[] = [
  [10, 6, 2], [11, 6, 2], [12, 7, 3], [13, 7, 3], [14, 7, 4], [15, 7, 4], [16, 7, 4], [17, 7, 5], [18, 7, 5],
  [19, 7, 6], [20, 7, 6], [21, 7, 6], [22, 7, 7], [23, 8, 7], [24, 8, 8], [25, 8, 8], [26, 8, 8], [27, 8, 9],
  [28, 8, 9], [29, 8, 10], [30, 8, 10], [31, 8, 11], [32, 8, 11], [33, 8, 11], [34, 8, 12], [35, 8, 12],
  [36, 8, 13], [37, 8, 13], [38, 8, 14], [39, 8, 14], [40, 8, 14], [41, 8, 15], [42, 8, 15], [43, 8, 16],
  [44, 8, 16], [45, 8, 17], [46, 9, 17], [47, 9, 17], [48, 9, 18], [49, 9, 18], [50, 9, 19], [51, 9, 19],
  [52, 9, 20], [53, 9, 20], [54, 9, 21], [55, 9, 21], [56, 9, 21], [57, 9, 22], [58, 9, 22], [59, 9, 23],
  [60, 9, 23], [61, 9, 24], [62, 9, 24], [63, 9, 25], [64, 9, 25], [65, 9, 25], [66, 9, 26], [67, 9, 26],
  [68, 9, 27], [69, 9, 27], [70, 9, 28], [71, 9, 28], [72, 9, 29], [73, 9, 29], [74, 9, 29], [75, 9, 30],
  [76, 9, 30], [77, 9, 31], [78, 9, 31], [79, 9, 32], [80, 9, 32], [81, 9, 33], [82, 9, 33], [83, 9, 34],
  [84, 9, 34], [85, 9, 34], [86, 9, 35], [87, 9, 35], [88, 9, 36], [89, 9, 36], [90, 9, 37], [91, 10, 37],
  [92, 10, 38], [93, 10, 38], [94, 10, 39], [95, 10, 39], [96, 10, 39], [97, 10, 40], [98, 10, 40], [99, 10, 41],
  [100, 10, 41],
];

/** Fewer useful points than this and the rules are not applied (too short to tell signal from noise). */
export const MIN_POINTS_FOR_RULES = 10;

/** The longest run that is still random for n useful observations. */
export function maxRunLength(n: number): number {
  return Math.round(Math.log2(n) + 3);
}

/** The fewest crossings that are still random: the 5 % lower quantile of Binomial(n − 1, 0.5). */
export function minCrossings(n: number): number {
  const trials = n - 1;
  if (trials <= 0) return 0;
  // Cumulative probability in log space, so large n stays exact enough without big numbers.
  let logC = 0;
  let cumulative = 0;
  for (let x = 0; x <= trials; x++) {
    if (x > 0) logC += Math.log(trials - x + 1) - Math.log(x);
    cumulative += Math.exp(logC - trials * Math.LN2);
    if (cumulative >= 0.05 - 1e-12) return x;
  }
  return trials;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A run: consecutive useful points on one side of the median, as indexes into the input. */
export interface Run {
  side: 'above' | 'below';
  /** Indexes of the points in the run (points on the median in between are skipped). */
  points: number[];
}

export interface RunChartAnalysis {
  median: number | null;
  /** Useful observations: the points not on the median. */
  n: number;
  longestRun: number;
  crossings: number;
  maxRun: number;
  minCrossings: number;
  /** Whether the series is long enough for the rules (n ≥ 10). */
  applied: boolean;
  shift: boolean;
  tooFewCrossings: boolean;
  /** Shift or too few crossings. */
  signal: boolean;
  runs: Run[];
  /** Indexes of the points in a run that is too long (drawn as a signal on the chart). */
  shiftPoints: number[];
}

export interface RunChartOptions {
  /** Freeze the median on the first `baseline` points; later points are judged against it. */
  baseline?: number | null;
}

/** Analyses a series, oldest first, against its median (or the frozen baseline median). */
export function analyseRunChart(values: readonly number[], options: RunChartOptions = {}): RunChartAnalysis {
  const base = options.baseline != null && options.baseline > 0 ? values.slice(0, options.baseline) : values;
  const m = median(base);
  const runs: Run[] = [];
  if (m !== null) {
    values.forEach((v, i) => {
      if (v === m) return;
      const side = v > m ? 'above' : 'below';
      const last = runs.at(-1);
      if (last && last.side === side) last.points.push(i);
      else runs.push({ side, points: [i] });
    });
  }
  const n = runs.reduce((sum, r) => sum + r.points.length, 0);
  const longestRun = runs.reduce((max, r) => Math.max(max, r.points.length), 0);
  const crossings = Math.max(runs.length - 1, 0);
  const maxRun = n > 0 ? maxRunLength(n) : 0;
  const minCross = n > 0 ? minCrossings(n) : 0;
  const applied = n >= MIN_POINTS_FOR_RULES;
  const shift = applied && longestRun > maxRun;
  const tooFewCrossings = applied && crossings < minCross;
  return {
    median: m,
    n,
    longestRun,
    crossings,
    maxRun,
    minCrossings: minCross,
    applied,
    shift,
    tooFewCrossings,
    signal: shift || tooFewCrossings,
    runs,
    shiftPoints: shift ? runs.filter((r) => r.points.length > maxRun).flatMap((r) => r.points) : [],
  };
}

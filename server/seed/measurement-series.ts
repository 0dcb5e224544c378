import type { Direction, Frequency, IndicatorKind } from '../../shared/schemas';
import { indicatorStatus, roundTo, type Status } from '../../shared/domain/status';
import { shiftPeriod } from '../../shared/domain/periods';

/**
 * Pure generation of demo measurement series. Nothing here touches the database or the clock, so a series is a
 * function of its spec and seed alone: the same demo every time, and testable without SQLite.
 *
 * Series are built in "miss" space: how far a value falls short of green, in the indicator's unit (<= 0 is on
 * target, up to the tolerance is amber, beyond is red). That lets one recipe serve lower-, higher- and
 * range-is-better indicators alike, and makes "end amber" or "start red, then improve" easy to ask for.
 */

export type Level = Exclude<Status, 'none'>;

/** The small, fast, seedable PRNG the demo uses instead of Math.random (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: turns a text (seed + unit + indicator) into a 32-bit seed, so each series has its own stream. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** How an indicator's numbers behave, independent of which unit reports them. */
export interface IndicatorProfile {
  /** Smallest and largest sensible value (0–100 for most percentages; budget use may exceed 100). */
  min: number;
  max: number;
  /** Per-period denominator for the whole psychiatry when the value is 100 * numerator / denominator. */
  denominator?: number;
  /** Soft percentages (LUP) are "answers in high or very high degree / respondents": the denominator is the respondent count. */
  respondentsAsDenominator?: boolean;
  /** For range indicators: the side misses fall on (overbelægning is above, not below). */
  rangeSide?: 'above' | 'below';
  /** Period-to-period noise as a fraction of the tolerance (default 0.3; 0.2 for ratios, which add counting noise). */
  noise?: number;
  /** Seasonal swing as a fraction of the tolerance, worst in January (sick leave peaks in winter). */
  winterPeak?: number;
  /** A survey's answers per round for the whole psychiatry (LUP), scaled to the unit's share of the volume. */
  surveyRespondents?: readonly [number, number];
}

/** The target a unit is judged against: `target` for higher/lower, `low`..`high` for range. */
export interface TargetBand {
  target: number | null;
  low: number | null;
  high: number | null;
  tolerance: number;
}

export interface SeriesSpec {
  direction: Direction;
  frequency: Frequency;
  kind: IndicatorKind;
  decimals: number;
  minRespondents: number | null;
  band: TargetBand;
  profile: IndicatorProfile;
  /** The level the series starts at; when it differs from `latest` the series shifts, a run-chart signal. */
  from: Level;
  /** The status the latest value must have (unless the latest period had too few answers). */
  latest: Level;
  lastPeriodStart: string;
  periods: number;
  /** This unit's expected denominator per period (already scaled to the unit), for ratio indicators. */
  denominator: number | null;
  /** Usual respondent range for soft indicators at this unit. */
  respondents: readonly [number, number] | null;
  /** Small units get too few answers in July (summer holidays), so "for få svar" shows up in the demo. */
  summerDip: boolean;
  seed: number;
}

export interface SeriesPoint {
  periodStart: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  respondents: number | null;
}

/** The `count` period starts ending with `last`, oldest first. */
export function periodStarts(frequency: Frequency, last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftPeriod(frequency, last, i - (count - 1)));
}

export function generateSeries(spec: SeriesSpec): SeriesPoint[] {
  const rand = mulberry32(spec.seed);
  const starts = periodStarts(spec.frequency, spec.lastPeriodStart, spec.periods);
  const levelAt = levelCurve(spec, rand);
  const noiseSd = (spec.profile.noise ?? (isRatio(spec) ? 0.2 : 0.3)) * spec.band.tolerance;
  const points = starts.map((start, i) => {
    const miss = levelAt(i) + seasonal(spec, start) + gaussian(rand) * noiseSd;
    return pointFromMiss(spec, start, miss, drawDenominator(spec, rand), drawRespondents(spec, start, rand), rand);
  });
  const last = points[points.length - 1];
  if (last) points[points.length - 1] = forceLatest(spec, last, rand);
  return points;
}

/** The status a point shows, judged exactly as the app judges it. */
export function pointStatus(
  spec: Pick<SeriesSpec, 'direction' | 'band' | 'decimals' | 'minRespondents'>,
  point: SeriesPoint,
): Status {
  return indicatorStatus({
    value: point.value,
    direction: spec.direction,
    target: spec.band.target,
    low: spec.band.low,
    high: spec.band.high,
    tolerance: spec.band.tolerance,
    decimals: spec.decimals,
    respondents: point.respondents,
    minRespondents: spec.minRespondents,
  });
}

// A typical miss for each level: comfortably inside its band so noise seldom flips the status.
function missFor(level: Level, spec: SeriesSpec): number {
  const { tolerance } = spec.band;
  switch (level) {
    case 'green':
      // Near a ceiling (95 % of 100 %) a full step inside green would pin every value at the ceiling.
      return spec.direction === 'range' ? -halfWidth(spec.band) : -Math.min(0.8 * tolerance, 0.5 * headroom(spec));
    case 'amber':
      return 0.5 * tolerance;
    case 'red':
      return 1.8 * tolerance;
  }
}

/**
 * The underlying level per period: a slow drift towards the starting level, then (when `from` differs from
 * `latest`) a shift over a few periods, somewhere in the middle to late part of the series, to the latest level.
 */
function levelCurve(spec: SeriesSpec, rand: () => number): (i: number) => number {
  const n = spec.periods;
  const fromMiss = missFor(spec.from, spec);
  const toMiss = missFor(spec.latest, spec);
  const drift = (rand() * 2 - 1) * 0.4 * spec.band.tolerance;
  if (spec.from === spec.latest) return (i) => toMiss + drift * (1 - i / Math.max(1, n - 1));
  const shiftAt = Math.floor(n * (0.5 + 0.3 * rand()));
  const rampLength = 1 + Math.floor(rand() * 3);
  return (i) => {
    if (i < shiftAt) return fromMiss + drift * (1 - i / shiftAt);
    const progress = Math.min(1, (i - shiftAt + 1) / rampLength);
    return fromMiss + (toMiss - fromMiss) * progress;
  };
}

function seasonal(spec: SeriesSpec, periodStart: string): number {
  const amplitude = spec.profile.winterPeak ?? 0;
  if (amplitude === 0) return 0;
  const month = Number(periodStart.slice(5, 7));
  return amplitude * spec.band.tolerance * Math.cos((2 * Math.PI * (month - 1)) / 12);
}

function valueFromMiss(spec: SeriesSpec, miss: number): number {
  const { band } = spec;
  switch (spec.direction) {
    case 'lower':
      return (band.target ?? 0) + miss;
    case 'higher':
      return (band.target ?? 0) - miss;
    case 'range':
      return spec.profile.rangeSide === 'below' ? (band.low ?? 0) - miss : (band.high ?? 0) + miss;
  }
}

function pointFromMiss(
  spec: SeriesSpec,
  periodStart: string,
  miss: number,
  denominator: number | null,
  respondents: number | null,
  rand?: () => number,
): SeriesPoint {
  const { min, max } = spec.profile;
  const raw = clamp(valueFromMiss(spec, miss), min, max);
  const den = spec.profile.respondentsAsDenominator ? respondents : denominator;
  if (den === null || den <= 0) {
    return { periodStart, value: roundTo(raw, spec.decimals), numerator: null, denominator: null, respondents };
  }
  // Counting noise (binomial, normal approximation) on top of the level's noise: a ward with ten admissions
  // a fortnight swings far more than the whole psychiatry does, as real small-number data does.
  const p = Math.min(1, raw / 100);
  const sampling = rand ? gaussian(rand) * Math.sqrt(den * p * (1 - p)) : 0;
  // The value is derived from whole counts, so numerator / denominator and value always agree.
  const numerator = clamp(Math.round((raw * den) / 100 + sampling), 0, Math.floor((max * den) / 100));
  const value = roundTo((100 * numerator) / den, spec.decimals);
  return { periodStart, value, numerator, denominator: den, respondents };
}

function drawDenominator(spec: SeriesSpec, rand: () => number): number | null {
  if (spec.denominator === null) return null;
  return Math.max(1, Math.round(spec.denominator * (1 + 0.12 * (rand() * 2 - 1))));
}

function drawRespondents(spec: SeriesSpec, periodStart: string, rand: () => number): number | null {
  if (spec.kind !== 'soft' || spec.respondents === null) return null;
  const min = spec.minRespondents ?? 0;
  if (spec.summerDip && min > 1 && isJuly(spec.frequency, periodStart)) return 1 + Math.floor(rand() * (min - 1));
  const [lo, hi] = spec.respondents;
  return lo + Math.floor(rand() * (hi - lo + 1));
}

// Monthly: the July period; quarterly: the quarter that holds July. Soft indicators are not biweekly.
function isJuly(frequency: Frequency, periodStart: string): boolean {
  const month = Number(periodStart.slice(5, 7));
  return month === 7 && (frequency === 'monthly' || frequency === 'quarterly');
}

/**
 * Makes the latest value land in the status the scenario asks for. Rounding and whole-number counts can push a
 * value over a boundary, so this tries a few misses inside the wanted band and nearby denominators until the
 * status, judged by the app's own rule, matches. A July point with too few answers is left as it is.
 */
function forceLatest(spec: SeriesSpec, point: SeriesPoint, rand: () => number): SeriesPoint {
  if (pointStatus(spec, point) === 'none') return point;
  const small = (rand() * 2 - 1) * 0.1 * spec.band.tolerance;
  const misses = [missFor(spec.latest, spec) + small, ...bandMisses(spec)];
  const soft = spec.profile.respondentsAsDenominator === true;
  for (const miss of misses) {
    for (const den of nearbyCounts(soft ? point.respondents : point.denominator)) {
      const candidate = soft
        ? pointFromMiss(spec, point.periodStart, miss, null, den)
        : pointFromMiss(spec, point.periodStart, miss, den, point.respondents);
      if (pointStatus(spec, candidate) === spec.latest) return candidate;
    }
  }
  const band = JSON.stringify(spec.band);
  throw new Error(`Demo series cannot end ${spec.latest} (direction ${spec.direction}, band ${band}).`);
}

// n, n+1, n-1, n+2, … (positive only): a slightly different count often moves a ratio across a rounding edge.
function nearbyCounts(n: number | null): (number | null)[] {
  if (n === null) return [null];
  return Array.from({ length: 40 }, (_, k) => n + (k % 2 === 0 ? k / 2 : -(k + 1) / 2)).filter((d) => d > 0);
}

function bandMisses(spec: SeriesSpec): number[] {
  const t = spec.band.tolerance;
  switch (spec.latest) {
    case 'green':
      return spec.direction === 'range'
        ? [-halfWidth(spec.band), -0.5 * halfWidth(spec.band)]
        : [-0.8 * t, -0.4 * t, -0.1 * t, -t, -2 * t];
    case 'amber':
      return [0.5 * t, 0.3 * t, 0.7 * t, 0.9 * t, 0.15 * t];
    case 'red':
      return [1.8 * t, 1.4 * t, 2.5 * t, 3 * t];
  }
}

// How far past the target a value can go in the good direction before it hits the profile's bounds.
function headroom(spec: SeriesSpec): number {
  const target = spec.band.target ?? 0;
  return spec.direction === 'higher' ? spec.profile.max - target : target - spec.profile.min;
}

function isRatio(spec: SeriesSpec): boolean {
  return spec.denominator !== null || spec.profile.respondentsAsDenominator === true;
}

function halfWidth(band: TargetBand): number {
  return band.low !== null && band.high !== null ? (band.high - band.low) / 2 : 0;
}

// Box–Muller; 1 - rand() keeps the logarithm's argument in (0, 1].
function gaussian(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

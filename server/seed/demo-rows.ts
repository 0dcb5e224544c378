import { addDays } from 'date-fns/addDays';
import { generateNKeysBetween } from 'fractional-indexing';
import type { CardType, Direction, Frequency, IndicatorKind } from '../../shared/schemas';
import { calendarDate, periodEnd, periodStartOf, shiftPeriod } from '../../shared/domain/periods';
import type { DemoCard, DemoIndicator, DemoOrganisation, DemoUnit } from './demo-organisation';
import {
  BOARD_SERIES,
  INDICATOR_PROFILES,
  PSYCHIATRY_SERIES,
  UNIT_PROFILES,
  isCopiedSeries,
  type CopiedSeriesPlan,
  type OwnSeriesPlan,
  type SeriesPlan,
} from './demo-scenario';
import { DEMO_ROLLUPS } from './demo-goals';
import { generateSeries, hashSeed, type SeriesPoint, type TargetBand } from './measurement-series';
import { roundTo } from '../../shared/domain/status';

/**
 * Turns the demo organisation and scenario into table rows — pure, no database — so seedDemo only writes.
 * Ids are readable and stable: units keep their keys, everything else is derived from them.
 */

/** The unit that owns the indicator definitions; its leadership board shows all of them. */
export const INDICATOR_OWNER = 'psyk';
export const RECORDED_BY = 'Demo-data';

/** About two years of periods at each frequency. */
export const PERIODS_IN_TWO_YEARS: Readonly<Record<Frequency, number>> = {
  weekly: 104,
  biweekly: 52,
  monthly: 24,
  quarterly: 8,
  // LUP is a yearly national survey: five rounds, so the trend shows.
  yearly: 5,
};

export const layerId = (rank: number): string => `layer-${rank}`;
export const boardId = (unitKey: string): string => `board-${unitKey}`;
export const columnId = (unitKey: string, n: number): string => `col-${unitKey}-${n}`;
export const cardId = (unitKey: string, n: number): string => `card-${unitKey}-${n}`;

export interface LayerRow { id: string; rank: number; name: string; kind: string }
export interface UnitRow { id: string; parentId: string | null; layerId: string; name: string }
export interface BoardRow { id: string; unitId: string; name: string; createdAt: string }
export interface ColumnRow { id: string; boardId: string; name: string; orderKey: string }
export interface CardRow {
  id: string;
  boardId: string;
  columnId: string;
  orderKey: string;
  type: CardType;
  title: string;
  description: string;
  ownerName: string;
  dueDate: string | null;
  archived: 0;
  createdAt: string;
  updatedAt: string;
}
export interface IndicatorRow {
  id: string;
  unitId: string;
  name: string;
  unitLabel: string;
  direction: Direction;
  frequency: Frequency;
  kind: IndicatorKind;
  decimals: number;
  minRespondents: number | null;
  type: 'drift' | 'resultat' | 'effekt';
}
export interface BoardIndicatorRow { boardId: string; indicatorId: string; orderKey: string }
export interface TargetRow extends TargetBand {
  indicatorId: string;
  unitId: string;
  validFrom: string;
  validTo: string | null;
}
export interface MeasurementRow extends SeriesPoint {
  indicatorId: string;
  unitId: string;
  note: string;
  recordedAt: string;
  recordedBy: string;
}

export interface DemoRows {
  layers: LayerRow[];
  units: UnitRow[];
  boards: BoardRow[];
  columns: ColumnRow[];
  cards: CardRow[];
  indicators: IndicatorRow[];
  boardIndicators: BoardIndicatorRow[];
  targets: TargetRow[];
  measurements: MeasurementRow[];
}

export interface DemoRowOptions {
  today: Date;
  randomSeed: number;
}

export function buildDemoRows(org: DemoOrganisation, options: DemoRowOptions): DemoRows {
  const now = options.today.toISOString();
  const units = unitsParentsFirst(org.units);
  const boards = units.map((u) => ({ id: boardId(u.key), unitId: u.key, name: u.name, createdAt: now }));
  const columns = units.flatMap((u) => columnRows(u, columnNamesFor(org, u)));
  const series = buildSeries(org, options);
  const validFrom = series.measurements.reduce((min, m) => (m.periodStart < min ? m.periodStart : min), '9999-12-31');
  return {
    layers: org.layers.map((l) => ({ id: layerId(l.rank), rank: l.rank, name: l.name, kind: l.kind })),
    units: units.map((u) => unitRow(org, u)),
    boards,
    columns,
    cards: cardRows(org, columns, options.today),
    indicators: org.indicators.map(indicatorRow),
    boardIndicators: series.boardIndicators,
    // Every target holds from the first measured period, so no point of the demo lacks a target.
    targets: series.targets.map((t) => ({ ...t, validFrom, validTo: null })),
    measurements: series.measurements,
  };
}

// Foreign keys are checked per row, so a parent must be written before its children whatever the file's order.
function unitsParentsFirst(units: readonly DemoUnit[]): DemoUnit[] {
  const ordered: DemoUnit[] = [];
  const placed = new Set<string>();
  let pending = [...units];
  while (pending.length > 0) {
    const ready = pending.filter((u) => u.parent === undefined || placed.has(u.parent));
    if (ready.length === 0) {
      throw new Error(`Demo units with unknown or circular parents: ${pending.map((u) => u.key).join(', ')}`);
    }
    for (const u of ready) placed.add(u.key);
    ordered.push(...ready);
    pending = pending.filter((u) => !placed.has(u.key));
  }
  return ordered;
}

function unitRow(org: DemoOrganisation, u: DemoUnit): UnitRow {
  if (!org.layers.some((l) => l.rank === u.layer)) throw new Error(`Demo unit ${u.key} is on unknown layer ${u.layer}`);
  return { id: u.key, parentId: u.parent ?? null, layerId: layerId(u.layer), name: u.name };
}

// Units with units below them run leadership meetings; the units at the bottom of the chain run team boards.
function columnNamesFor(org: DemoOrganisation, unit: DemoUnit): string[] {
  const leads = org.units.some((u) => u.parent === unit.key);
  return leads ? org.boardColumns.leadership : org.boardColumns.team;
}

function columnRows(unit: DemoUnit, names: readonly string[]): ColumnRow[] {
  const keys = generateNKeysBetween(null, null, names.length);
  return names.map((name, i) => ({
    id: columnId(unit.key, i + 1),
    boardId: boardId(unit.key),
    name,
    orderKey: keys[i]!,
  }));
}

function cardRows(org: DemoOrganisation, columns: readonly ColumnRow[], today: Date): CardRow[] {
  const now = today.toISOString();
  const perUnit = new Map<string, number>();
  const placed = org.cards.map((card) => {
    const n = (perUnit.get(card.unit) ?? 0) + 1;
    perUnit.set(card.unit, n);
    return { card, id: cardId(card.unit, n), column: columnFor(columns, card) };
  });
  // Keys are handed out per column in file order, so the file's order is the order on the board.
  const keysByColumn = new Map<string, string[]>();
  for (const column of columns) {
    const count = placed.filter((p) => p.column.id === column.id).length;
    keysByColumn.set(column.id, generateNKeysBetween(null, null, count));
  }
  return placed.map(({ card, id, column }) => ({
    id,
    boardId: column.boardId,
    columnId: column.id,
    orderKey: keysByColumn.get(column.id)!.shift()!,
    type: card.type,
    title: card.title,
    description: card.description,
    ownerName: card.owner,
    dueDate: card.dueInDays === undefined ? null : calendarDate(addDays(today, card.dueInDays)),
    archived: 0,
    createdAt: now,
    updatedAt: now,
  }));
}

function columnFor(columns: readonly ColumnRow[], card: DemoCard): ColumnRow {
  const column = columns.find((c) => c.boardId === boardId(card.unit) && c.name === card.column);
  if (!column) throw new Error(`Demo card "${card.title}": board of ${card.unit} has no column "${card.column}"`);
  return column;
}

function indicatorRow(i: DemoIndicator): IndicatorRow {
  return {
    id: i.key,
    unitId: INDICATOR_OWNER,
    name: i.name,
    // A count needs no unit after it ("2", not "2 antal"): the indicator's name says what is counted.
    unitLabel: i.unit === 'antal' ? '' : i.unit,
    direction: i.direction,
    frequency: i.frequency,
    kind: i.kind,
    decimals: i.decimals,
    minRespondents: i.minRespondents ?? null,
    type: i.type ?? 'resultat',
  };
}

interface GeneratedSeries {
  band: TargetBand;
  points: SeriesPoint[];
}

interface SeriesRows {
  boardIndicators: BoardIndicatorRow[];
  targets: Omit<TargetRow, 'validFrom' | 'validTo'>[];
  measurements: MeasurementRow[];
}

/** Board indicators, targets and measurements for every (unit, indicator) the scenario puts on a board. */
function buildSeries(org: DemoOrganisation, options: DemoRowOptions): SeriesRows {
  const plans = boardPlans(org);
  const out: SeriesRows = { boardIndicators: [], targets: [], measurements: [] };
  const generated = new Map<string, GeneratedSeries>();
  // Own series first, then parents rolled up from their children, then copies of the finished series.
  for (const { unitKey, plan } of plans) {
    if (!isCopiedSeries(plan)) generated.set(seriesKey(unitKey, plan.indicator), ownSeries(org, unitKey, findIndicator(org, plan.indicator), plan, options));
  }
  rollUpParents(org, generated);
  for (const { unitKey, plan } of plans) {
    if (isCopiedSeries(plan)) generated.set(seriesKey(unitKey, plan.indicator), copiedSeries(generated, unitKey, plan));
  }
  for (const { unitKey, plan } of plans) {
    const indicator = findIndicator(org, plan.indicator);
    const series = generated.get(seriesKey(unitKey, plan.indicator))!;
    out.targets.push({ indicatorId: indicator.key, unitId: unitKey, ...series.band });
    out.measurements.push(...series.points.map((p) => measurementRow(indicator, unitKey, p)));
  }
  for (const unit of org.units) {
    const onBoard = plans.filter((p) => p.unitKey === unit.key);
    const keys = generateNKeysBetween(null, null, onBoard.length);
    onBoard.forEach((p, i) =>
      out.boardIndicators.push({ boardId: boardId(unit.key), indicatorId: p.plan.indicator, orderKey: keys[i]! }),
    );
  }
  return out;
}

/** The scenario's plans per board, the owner's board listing every indicator in the file's order. */
function boardPlans(org: DemoOrganisation): { unitKey: string; plan: SeriesPlan }[] {
  const unknown = Object.keys(BOARD_SERIES).filter((key) => !org.units.some((u) => u.key === key));
  if (unknown.length > 0) throw new Error(`The demo scenario has series for unknown units: ${unknown.join(', ')}`);
  const plans: { unitKey: string; plan: SeriesPlan }[] = [];
  for (const unit of org.units) {
    if (unit.key === INDICATOR_OWNER) {
      for (const indicator of org.indicators) {
        const own = PSYCHIATRY_SERIES[indicator.key];
        if (!own) throw new Error(`The demo scenario has no series for ${indicator.key} on the ${INDICATOR_OWNER} board`);
        plans.push({ unitKey: unit.key, plan: { indicator: indicator.key, ...own } });
      }
    } else {
      for (const plan of BOARD_SERIES[unit.key] ?? []) plans.push({ unitKey: unit.key, plan });
    }
  }
  return plans;
}

/**
 * Where an indicator rolls up, a parent's series is its children's combined: numerators and denominators summed
 * per period, deepest units first so a clinic is rolled up from its wards before the psychiatry from its clinics.
 */
function rollUpParents(org: DemoOrganisation, generated: Map<string, GeneratedSeries>): void {
  const depth = (key: string): number => {
    const parent = org.units.find((u) => u.key === key)?.parent;
    return parent ? 1 + depth(parent) : 0;
  };
  const deepestFirst = [...org.units].sort((a, b) => depth(b.key) - depth(a.key));
  for (const indicatorKey of Object.keys(DEMO_ROLLUPS)) {
    const indicator = findIndicator(org, indicatorKey);
    for (const unit of deepestFirst) {
      const own = generated.get(seriesKey(unit.key, indicatorKey));
      const children = org.units
        .filter((u) => u.parent === unit.key)
        .map((u) => generated.get(seriesKey(u.key, indicatorKey)))
        .filter((s): s is GeneratedSeries => s !== undefined);
      if (!own || children.length === 0) continue;
      const points = own.points.map((p, i) => combine(p.periodStart, children.map((c) => c.points[i]!), indicator.decimals));
      generated.set(seriesKey(unit.key, indicatorKey), { band: own.band, points });
    }
  }
}

function combine(periodStart: string, parts: readonly SeriesPoint[], decimals: number): SeriesPoint {
  if (parts.some((p) => p.periodStart !== periodStart || p.numerator === null || p.denominator === null)) {
    throw new Error(`Demo roll-up for ${periodStart} needs every child's numerator and denominator of that period`);
  }
  const numerator = parts.reduce((s, p) => s + p.numerator!, 0);
  const denominator = parts.reduce((s, p) => s + p.denominator!, 0);
  return { periodStart, value: roundTo((100 * numerator) / denominator, decimals), numerator, denominator, respondents: null };
}

function surveyRespondents(whole: readonly [number, number] | undefined, volume: number): readonly [number, number] | null {
  return whole ? [Math.round(whole[0] * volume), Math.round(whole[1] * volume)] : null;
}

function copiedSeries(
  generated: ReadonlyMap<string, GeneratedSeries>,
  unitKey: string,
  plan: CopiedSeriesPlan,
): GeneratedSeries {
  const series = generated.get(seriesKey(plan.copyOf, plan.indicator));
  if (!series) throw new Error(`Demo board ${unitKey} copies ${plan.indicator} from ${plan.copyOf}, which has none`);
  return series;
}

function ownSeries(
  org: DemoOrganisation,
  unitKey: string,
  indicator: DemoIndicator,
  plan: OwnSeriesPlan,
  options: DemoRowOptions,
): GeneratedSeries {
  const profile = INDICATOR_PROFILES[indicator.key];
  const unit = UNIT_PROFILES[unitKey];
  if (!profile) throw new Error(`The demo scenario has no profile for indicator ${indicator.key}`);
  if (!unit) throw new Error(`The demo scenario has no profile for unit ${unitKey}`);
  const band = targetBand(org, unitKey, indicator, plan);
  const lastPeriodStart = shiftPeriod(indicator.frequency, periodStartOf(indicator.frequency, options.today), -1);
  const points = generateSeries({
    direction: indicator.direction,
    frequency: indicator.frequency,
    kind: indicator.kind,
    decimals: indicator.decimals,
    minRespondents: indicator.minRespondents ?? null,
    band,
    profile,
    from: plan.from ?? plan.latest,
    latest: plan.latest,
    lastPeriodStart,
    periods: PERIODS_IN_TWO_YEARS[indicator.frequency],
    denominator: profile.denominator === undefined ? null : profile.denominator * (plan.volume ?? unit.volume),
    respondents: indicator.kind !== 'soft' ? null : surveyRespondents(profile.surveyRespondents, plan.volume ?? unit.volume) ?? unit.respondents,
    summerDip: unit.summerDip,
    seed: hashSeed(`${options.randomSeed}:${unitKey}:${indicator.key}`),
  });
  return { band, points };
}

/**
 * The unit's target: the scenario's own translation if it has one, else the target of a goal the unit owns for
 * this indicator (k-nord's 3 % restraint goal), else the indicator's default.
 */
function targetBand(org: DemoOrganisation, unitKey: string, indicator: DemoIndicator, plan: OwnSeriesPlan): TargetBand {
  const tolerance = plan.tolerance ?? indicator.tolerance;
  if (indicator.direction === 'range') {
    return { target: null, low: indicator.low ?? null, high: indicator.high ?? null, tolerance };
  }
  const ownsGoal = (g: DemoOrganisation['goals'][number]): boolean =>
    g.unit === unitKey || (g.units ?? []).includes(unitKey);
  const goal = org.goals.find((g) => g.indicator === indicator.key && g.target !== undefined && ownsGoal(g));
  return { target: plan.target ?? goal?.target ?? indicator.target ?? null, low: null, high: null, tolerance };
}

function measurementRow(indicator: DemoIndicator, unitKey: string, p: SeriesPoint): MeasurementRow {
  const end = periodEnd(indicator.frequency, p.periodStart);
  return {
    indicatorId: indicator.key,
    unitId: unitKey,
    ...p,
    note: '',
    recordedAt: `${end}T12:00:00.000Z`,
    recordedBy: RECORDED_BY,
  };
}

function findIndicator(org: DemoOrganisation, key: string): DemoIndicator {
  const indicator = org.indicators.find((i) => i.key === key);
  if (!indicator) throw new Error(`The demo scenario refers to unknown indicator ${key}`);
  return indicator;
}

function seriesKey(unitKey: string, indicatorKey: string): string {
  return `${unitKey}:${indicatorKey}`;
}

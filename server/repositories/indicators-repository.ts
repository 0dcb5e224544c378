import { sql } from 'kysely';
import type { BoardIndicator, Indicator, Measurement, Target } from '../../shared/schemas';
import { type SignalSummary, analyseSeries, summariseSignal } from '../../shared/domain/indicator-signal';
import { type Executor, queryShape } from '../store';
import {
  type IndicatorRow,
  type MeasurementRow,
  type TargetRow,
  toIndicator,
  toMeasurement,
  toTarget,
} from './rows';

/** How many of an indicator's latest measurements a board snapshot carries (the tile's sparkline). */
export const RECENT_MEASUREMENTS = 12;

type OnBoardRow = IndicatorRow & { order_key: string };

// Board snapshots and the status tables run these per board or per cell: shapes compiled once per engine.
const byId = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('indicators').selectAll().where('id', '=', p.id));
const onBoard = queryShape(['board'], (q, p: { board: string }) =>
  q.selectFrom('board_indicators as bi').innerJoin('indicators as i', 'i.id', 'bi.indicator_id')
    .selectAll('i').select('bi.order_key').where('bi.board_id', '=', p.board).orderBy('bi.order_key'));
const isOnBoard = queryShape(['board', 'indicator'], (q, p: { board: string; indicator: string }) =>
  q.selectFrom('board_indicators').select(sql<number>`1`.as('one'))
    .where('board_id', '=', p.board).where('indicator_id', '=', p.indicator));
/**
 * The target in force on `day`: the unit's own, else the nearest unit above that set one (a translated target
 * defaults to the parent's), else the owning unit's; at one unit the latest that started wins, and of two that
 * started the same day the one set last (a target changed twice in a day is a new row each time).
 */
const targetFor = queryShape(['indicator', 'unit', 'owner', 'day'], (_q, p: { indicator: string; unit: string; owner: string; day: string }) => sql<TargetRow>`
  WITH RECURSIVE up (id, depth) AS (
    SELECT CAST(${p.unit} AS TEXT), 0
    UNION ALL SELECT o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
  ), candidates (id, depth) AS (SELECT id, depth FROM up UNION ALL SELECT CAST(${p.owner} AS TEXT), 1000000)
  SELECT t.valid_from, t.valid_to, t.target, t.low, t.high, t.tolerance
  FROM targets t JOIN candidates c ON c.id = t.unit_id
  WHERE t.indicator_id = ${p.indicator} AND t.valid_from <= ${p.day} AND (t.valid_to IS NULL OR t.valid_to >= ${p.day})
  ORDER BY c.depth, t.valid_from DESC, t.id DESC LIMIT 1`);
/**
 * targetFor for every indicator on a board at once (a snapshot would otherwise run it per tile): the same
 * candidates, ranked per indicator in the same order, the first of each kept.
 */
const targetsOnBoard = queryShape(['board', 'unit', 'day'], (_q, p: { board: string; unit: string; day: string }) => sql<TargetRow & { indicator_id: string }>`
  WITH RECURSIVE up (id, depth) AS (
    SELECT CAST(${p.unit} AS TEXT), 0
    UNION ALL SELECT o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
  ), candidates AS (
    SELECT bi.indicator_id, up.id AS unit_id, up.depth FROM board_indicators bi CROSS JOIN up WHERE bi.board_id = ${p.board}
    UNION ALL
    SELECT bi.indicator_id, i.unit_id, 1000000 FROM board_indicators bi JOIN indicators i ON i.id = bi.indicator_id
    WHERE bi.board_id = ${p.board}
  ), ranked AS (
    SELECT t.indicator_id, t.valid_from, t.valid_to, t.target, t.low, t.high, t.tolerance,
      ROW_NUMBER() OVER (PARTITION BY t.indicator_id ORDER BY c.depth, t.valid_from DESC, t.id DESC) AS rn
    FROM candidates c JOIN targets t ON t.indicator_id = c.indicator_id AND t.unit_id = c.unit_id
    WHERE t.valid_from <= ${p.day} AND (t.valid_to IS NULL OR t.valid_to >= ${p.day})
  )
  SELECT indicator_id, valid_from, valid_to, target, low, high, tolerance FROM ranked WHERE rn = 1`);
const recentOnBoard = queryShape(['board', 'unit', 'n'], (_q, p: { board: string; unit: string; n: number }) => sql<MeasurementRow>`
  SELECT indicator_id, unit_id, period_start, value, numerator, denominator, respondents, note, recorded_at, recorded_by
  FROM (SELECT m.*, ROW_NUMBER() OVER (PARTITION BY m.indicator_id ORDER BY m.period_start DESC) AS rn
        FROM board_indicators bi
        JOIN measurements m ON m.indicator_id = bi.indicator_id AND m.unit_id = ${p.unit}
        WHERE bi.board_id = ${p.board}) latest
  WHERE rn <= ${p.n} ORDER BY indicator_id, period_start`);
// The whole series per board indicator and the frozen baselines: the run-chart signal is judged on all of it.
const seriesOnBoard = queryShape(['board', 'unit'], (q, p: { board: string; unit: string }) =>
  q.selectFrom('board_indicators as bi')
    .innerJoin('measurements as m', (j) => j.onRef('m.indicator_id', '=', 'bi.indicator_id').on('m.unit_id', '=', p.unit))
    .selectAll('m').where('bi.board_id', '=', p.board).orderBy('m.indicator_id').orderBy('m.period_start'));
const baselinesOnBoard = queryShape(['board', 'unit'], (q, p: { board: string; unit: string }) =>
  q.selectFrom('board_indicators as bi')
    .innerJoin('baselines as b', (j) => j.onRef('b.indicator_id', '=', 'bi.indicator_id').on('b.unit_id', '=', p.unit))
    .select(['b.indicator_id', 'b.baseline_to']).where('bi.board_id', '=', p.board));
const seriesAt = queryShape(['indicator', 'unit'], (q, p: { indicator: string; unit: string }) =>
  q.selectFrom('measurements').selectAll()
    .where('indicator_id', '=', p.indicator).where('unit_id', '=', p.unit).orderBy('period_start'));
const baselineAt = queryShape(['indicator', 'unit'], (q, p: { indicator: string; unit: string }) =>
  q.selectFrom('baselines').select('baseline_to').where('indicator_id', '=', p.indicator).where('unit_id', '=', p.unit));
const oneOnBoard = queryShape(['board', 'indicator'], (q, p: { board: string; indicator: string }) =>
  q.selectFrom('board_indicators as bi').innerJoin('indicators as i', 'i.id', 'bi.indicator_id')
    .selectAll('i').select('bi.order_key').where('bi.board_id', '=', p.board).where('bi.indicator_id', '=', p.indicator));
const boardsShowingFrom = queryShape(['unit', 'indicator'], (_q, p: { unit: string; indicator: string }) => sql<{ id: string; unit_id: string }>`
  WITH RECURSIVE below (id) AS (
    SELECT CAST(${p.unit} AS TEXT)
    UNION ALL SELECT o.id FROM org_units o JOIN below ON o.parent_id = below.id
  )
  SELECT b.id, b.unit_id FROM boards b JOIN below ON below.id = b.unit_id
  JOIN board_indicators bi ON bi.board_id = b.id AND bi.indicator_id = ${p.indicator}
  ORDER BY b.id`);
const measurement = queryShape(['indicator', 'unit', 'period'], (q, p: { indicator: string; unit: string; period: string }) =>
  q.selectFrom('measurements').selectAll()
    .where('indicator_id', '=', p.indicator).where('unit_id', '=', p.unit).where('period_start', '=', p.period));
const upsertMeasurement = queryShape(
  ['indicatorId', 'unitId', 'periodStart', 'value', 'numerator', 'denominator', 'respondents', 'note', 'recordedAt', 'recordedBy'],
  (q, m: Measurement) => q.insertInto('measurements').values({
    indicator_id: m.indicatorId, unit_id: m.unitId, period_start: m.periodStart, value: m.value, numerator: m.numerator,
    denominator: m.denominator, respondents: m.respondents, note: m.note, recorded_at: m.recordedAt, recorded_by: m.recordedBy,
  }).onConflict((oc) => oc.columns(['indicator_id', 'unit_id', 'period_start']).doUpdateSet((eb) => ({
    value: eb.ref('excluded.value'),
    numerator: eb.ref('excluded.numerator'),
    denominator: eb.ref('excluded.denominator'),
    respondents: eb.ref('excluded.respondents'),
    note: eb.ref('excluded.note'),
    recorded_at: eb.ref('excluded.recorded_at'),
    recorded_by: eb.ref('excluded.recorded_by'),
  }))),
);
const boardsShowing = queryShape(['indicator', 'unit'], (q, p: { indicator: string; unit: string }) =>
  q.selectFrom('board_indicators as bi').innerJoin('boards as b', 'b.id', 'bi.board_id')
    .select('b.id').where('bi.indicator_id', '=', p.indicator).where('b.unit_id', '=', p.unit).orderBy('b.id'));

/**
 * Indicators as boards show them. A board shows an indicator for the board's own unit: its target and
 * measurements are that unit's, falling back to the nearest unit above (then the owning unit) until it sets its own.
 */
export function indicatorsRepository(ex: Executor) {
  const currentTarget = async (indicator: Indicator, unitId: string, day: string): Promise<Target | null> => {
    const row = await ex.first(targetFor(ex, { indicator: indicator.id, unit: unitId, owner: indicator.unitId, day }));
    return row ? toTarget(row) : null;
  };

  const series = async (indicatorId: string, unitId: string): Promise<Measurement[]> =>
    (await ex.all(seriesAt(ex, { indicator: indicatorId, unit: unitId }))).map(toMeasurement);

  /** The run-chart signal of the indicator's whole reportable series at the unit (undefined: no such indicator). */
  const signalOf = async (indicatorId: string, unitId: string): Promise<SignalSummary | undefined> => {
    const row = await ex.first(byId(ex, { id: indicatorId }));
    if (!row) return undefined;
    const indicator = toIndicator(row);
    return summariseSignal(analyseSeries({
      measurements: await series(indicatorId, unitId),
      minRespondents: indicator.minRespondents,
      baselineTo: (await ex.first(baselineAt(ex, { indicator: indicatorId, unit: unitId })))?.baseline_to ?? null,
    }).analysis);
  };

  return {
    signalOf,
    /** One indicator as a board shows it (as in `forBoard`), or undefined if the board does not show it. */
    onBoard: async (boardId: string, unitId: string, indicatorId: string, today: string): Promise<BoardIndicator | undefined> => {
      const row: OnBoardRow | undefined = await ex.first(oneOnBoard(ex, { board: boardId, indicator: indicatorId }));
      if (!row) return undefined;
      const indicator = toIndicator(row);
      const recent = (await series(indicatorId, unitId)).slice(-RECENT_MEASUREMENTS);
      const signal = await signalOf(indicatorId, unitId);
      return {
        ...indicator,
        orderKey: row.order_key,
        target: await currentTarget(indicator, unitId, today),
        recent,
        ...(signal ? { signal } : {}),
      };
    },
    /** Boards of the unit and every unit below it that show the indicator (a target there applies to them all). */
    boardsShowingFrom: async (unitId: string, indicatorId: string): Promise<{ id: string; unitId: string }[]> =>
      (await ex.all(boardsShowingFrom(ex, { unit: unitId, indicator: indicatorId }))).map((b) => ({ id: b.id, unitId: b.unit_id })),
    get: async (id: string): Promise<Indicator | undefined> => {
      const row = await ex.first(byId(ex, { id }));
      return row && toIndicator(row);
    },
    isOnBoard: async (boardId: string, indicatorId: string): Promise<boolean> =>
      (await ex.first(isOnBoard(ex, { board: boardId, indicator: indicatorId }))) !== undefined,
    /** The ids of the board's indicators, in board order. */
    idsOnBoard: async (boardId: string): Promise<string[]> => (await ex.all(onBoard(ex, { board: boardId }))).map((r) => r.id),
    currentTarget,
    /** The board's indicators in board order, each with its target in force today and its latest measurements. */
    forBoard: async (boardId: string, unitId: string, today: string, options: { signal?: boolean } = {}): Promise<BoardIndicator[]> => {
      const withSignal = options.signal ?? true;
      const series = withSignal ? groupByIndicator(await ex.all(seriesOnBoard(ex, { board: boardId, unit: unitId }))) : null;
      // The signal reads the whole series, oldest first, and a tile's recent values are its tail: reading them again
      // (a window over the same rows) was a third of a cold snapshot's time.
      const recent = series
        ? new Map([...series].map(([id, all]) => [id, all.slice(-RECENT_MEASUREMENTS)]))
        : groupByIndicator(await ex.all(recentOnBoard(ex, { board: boardId, unit: unitId, n: RECENT_MEASUREMENTS })));
      const baselines = withSignal
        ? new Map((await ex.all(baselinesOnBoard(ex, { board: boardId, unit: unitId }))).map((b) => [b.indicator_id, b.baseline_to]))
        : null;
      const targets = new Map((await ex.all(targetsOnBoard(ex, { board: boardId, unit: unitId, day: today }))).map((t) => [t.indicator_id, toTarget(t)]));
      const rows: OnBoardRow[] = await ex.all(onBoard(ex, { board: boardId }));
      return rows.map((row) => {
        const indicator = toIndicator(row);
        const signal = series && baselines
          ? summariseSignal(analyseSeries({
            measurements: series.get(indicator.id) ?? [],
            minRespondents: indicator.minRespondents,
            baselineTo: baselines.get(indicator.id) ?? null,
          }).analysis)
          : undefined;
        return {
          ...indicator,
          orderKey: row.order_key,
          target: targets.get(indicator.id) ?? null,
          recent: recent.get(indicator.id) ?? [],
          ...(signal ? { signal } : {}),
        };
      });
    },
    measurement: async (indicatorId: string, unitId: string, periodStart: string): Promise<Measurement | undefined> => {
      const row = await ex.first(measurement(ex, { indicator: indicatorId, unit: unitId, period: periodStart }));
      return row && toMeasurement(row);
    },
    saveMeasurement: async (m: Measurement): Promise<void> => {
      await ex.run(upsertMeasurement(ex, m));
    },
    /** Boards whose tiles show this indicator for this unit: each gets the measurement's event. */
    boardsShowing: async (indicatorId: string, unitId: string): Promise<string[]> =>
      (await ex.all(boardsShowing(ex, { indicator: indicatorId, unit: unitId }))).map((r) => r.id),
  };
}

function groupByIndicator(rows: readonly MeasurementRow[]): Map<string, Measurement[]> {
  const byIndicator = new Map<string, Measurement[]>();
  for (const row of rows) {
    const list = byIndicator.get(row.indicator_id) ?? [];
    list.push(toMeasurement(row));
    byIndicator.set(row.indicator_id, list);
  }
  return byIndicator;
}

export type IndicatorsRepository = ReturnType<typeof indicatorsRepository>;

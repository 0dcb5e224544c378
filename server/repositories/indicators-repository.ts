import type { BoardIndicator, Indicator, Measurement, Target } from '../../shared/schemas';
import { type SignalSummary, analyseSeries, summariseSignal } from '../../shared/domain/indicator-signal';
import type { Db } from '../db/open-database';
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

/**
 * Indicators as boards show them. A board shows an indicator for the board's own unit: its target and
 * measurements are that unit's, falling back to the nearest unit above (then the owning unit) until it sets its own.
 */
export function indicatorsRepository(db: Db) {
  const byId = db.prepare<[string], IndicatorRow>('SELECT * FROM indicators WHERE id = ?');
  const onBoard = db.prepare<[string], IndicatorRow & { order_key: string }>(`
    SELECT i.*, bi.order_key FROM board_indicators bi JOIN indicators i ON i.id = bi.indicator_id
    WHERE bi.board_id = ? ORDER BY bi.order_key`);
  const isOnBoard = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM board_indicators WHERE board_id = ? AND indicator_id = ?',
  );
  // The target in force on `day`: the unit's own, else the nearest unit above that set one (a translated target
  // defaults to the parent's), else the owning unit's; at one unit the latest that started wins.
  const targetFor = db.prepare<{ indicator: string; unit: string; owner: string; day: string }, TargetRow>(`
    WITH RECURSIVE up (id, depth) AS (
      SELECT @unit, 0
      UNION ALL SELECT o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
    ), candidates (id, depth) AS (SELECT id, depth FROM up UNION ALL SELECT @owner, 1000000)
    SELECT t.valid_from, t.valid_to, t.target, t.low, t.high, t.tolerance
    FROM targets t JOIN candidates c ON c.id = t.unit_id
    WHERE t.indicator_id = @indicator AND t.valid_from <= @day AND (t.valid_to IS NULL OR t.valid_to >= @day)
    ORDER BY c.depth, t.valid_from DESC LIMIT 1`);
  const recentOnBoard = db.prepare<{ board: string; unit: string; n: number }, MeasurementRow>(`
    SELECT indicator_id, unit_id, period_start, value, numerator, denominator, respondents, note,
           recorded_at, recorded_by
    FROM (SELECT m.*, ROW_NUMBER() OVER (PARTITION BY m.indicator_id ORDER BY m.period_start DESC) AS rn
          FROM board_indicators bi
          JOIN measurements m ON m.indicator_id = bi.indicator_id AND m.unit_id = @unit
          WHERE bi.board_id = @board)
    WHERE rn <= @n ORDER BY indicator_id, period_start`);
  // The whole series per board indicator and the frozen baselines: the run-chart signal is judged on all of it.
  const seriesOnBoard = db.prepare<{ board: string; unit: string }, MeasurementRow>(`
    SELECT m.* FROM board_indicators bi
    JOIN measurements m ON m.indicator_id = bi.indicator_id AND m.unit_id = @unit
    WHERE bi.board_id = @board ORDER BY m.indicator_id, m.period_start`);
  const baselinesOnBoard = db.prepare<{ board: string; unit: string }, { indicator_id: string; baseline_to: string }>(`
    SELECT b.indicator_id, b.baseline_to FROM board_indicators bi
    JOIN baselines b ON b.indicator_id = bi.indicator_id AND b.unit_id = @unit
    WHERE bi.board_id = @board`);
  const seriesAt = db.prepare<[string, string], MeasurementRow>(
    'SELECT * FROM measurements WHERE indicator_id = ? AND unit_id = ? ORDER BY period_start',
  );
  const baselineAt = db.prepare<[string, string], { baseline_to: string }>(
    'SELECT baseline_to FROM baselines WHERE indicator_id = ? AND unit_id = ?',
  );
  const oneOnBoard = db.prepare<[string, string], IndicatorRow & { order_key: string }>(`
    SELECT i.*, bi.order_key FROM board_indicators bi JOIN indicators i ON i.id = bi.indicator_id
    WHERE bi.board_id = ? AND bi.indicator_id = ?`);
  const boardsShowingFrom = db.prepare<{ unit: string; indicator: string }, { id: string; unit_id: string }>(`
    WITH RECURSIVE below (id) AS (
      SELECT @unit
      UNION ALL SELECT o.id FROM org_units o JOIN below ON o.parent_id = below.id
    )
    SELECT b.id, b.unit_id FROM boards b JOIN below ON below.id = b.unit_id
    JOIN board_indicators bi ON bi.board_id = b.id AND bi.indicator_id = @indicator
    ORDER BY b.id`);
  const measurement = db.prepare<[string, string, string], MeasurementRow>(
    'SELECT * FROM measurements WHERE indicator_id = ? AND unit_id = ? AND period_start = ?',
  );
  const upsertMeasurement = db.prepare(`
    INSERT INTO measurements (indicator_id, unit_id, period_start, value, numerator, denominator, respondents,
                              note, recorded_at, recorded_by)
    VALUES (@indicatorId, @unitId, @periodStart, @value, @numerator, @denominator, @respondents, @note,
            @recordedAt, @recordedBy)
    ON CONFLICT (indicator_id, unit_id, period_start) DO UPDATE SET value = excluded.value,
      numerator = excluded.numerator, denominator = excluded.denominator, respondents = excluded.respondents,
      note = excluded.note, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`);
  const boardsShowing = db.prepare<[string, string], { id: string }>(`
    SELECT b.id FROM board_indicators bi JOIN boards b ON b.id = bi.board_id
    WHERE bi.indicator_id = ? AND b.unit_id = ? ORDER BY b.id`);

  const currentTarget = (indicator: Indicator, unitId: string, day: string): Target | null => {
    const row = targetFor.get({ indicator: indicator.id, unit: unitId, owner: indicator.unitId, day });
    return row ? toTarget(row) : null;
  };

  /** The run-chart signal of the indicator's whole reportable series at the unit (undefined: no such indicator). */
  const signalOf = (indicatorId: string, unitId: string): SignalSummary | undefined => {
    const row = byId.get(indicatorId);
    if (!row) return undefined;
    const indicator = toIndicator(row);
    return summariseSignal(analyseSeries({
      measurements: seriesAt.all(indicatorId, unitId).map(toMeasurement),
      minRespondents: indicator.minRespondents,
      baselineTo: baselineAt.get(indicatorId, unitId)?.baseline_to ?? null,
    }).analysis);
  };

  return {
    signalOf,
    /** One indicator as a board shows it (as in `forBoard`), or undefined if the board does not show it. */
    onBoard: (boardId: string, unitId: string, indicatorId: string, today: string): BoardIndicator | undefined => {
      const row = oneOnBoard.get(boardId, indicatorId);
      if (!row) return undefined;
      const indicator = toIndicator(row);
      const series = seriesAt.all(indicatorId, unitId).map(toMeasurement);
      const signal = signalOf(indicatorId, unitId);
      return {
        ...indicator,
        orderKey: row.order_key,
        target: currentTarget(indicator, unitId, today),
        recent: series.slice(-RECENT_MEASUREMENTS),
        ...(signal ? { signal } : {}),
      };
    },
    /** Boards of the unit and every unit below it that show the indicator (a target there applies to them all). */
    boardsShowingFrom: (unitId: string, indicatorId: string): { id: string; unitId: string }[] =>
      boardsShowingFrom.all({ unit: unitId, indicator: indicatorId }).map((b) => ({ id: b.id, unitId: b.unit_id })),
    get: (id: string): Indicator | undefined => {
      const row = byId.get(id);
      return row && toIndicator(row);
    },
    isOnBoard: (boardId: string, indicatorId: string): boolean => isOnBoard.get(boardId, indicatorId) !== undefined,
    /** The ids of the board's indicators, in board order. */
    idsOnBoard: (boardId: string): string[] => onBoard.all(boardId).map((r) => r.id),
    currentTarget,
    /** The board's indicators in board order, each with its target in force today and its latest measurements. */
    forBoard: (boardId: string, unitId: string, today: string, options: { signal?: boolean } = {}): BoardIndicator[] => {
      const recent = groupByIndicator(recentOnBoard.all({ board: boardId, unit: unitId, n: RECENT_MEASUREMENTS }));
      const withSignal = options.signal ?? true;
      const series = withSignal ? groupByIndicator(seriesOnBoard.all({ board: boardId, unit: unitId })) : null;
      const baselines = withSignal
        ? new Map(baselinesOnBoard.all({ board: boardId, unit: unitId }).map((b) => [b.indicator_id, b.baseline_to]))
        : null;
      return onBoard.all(boardId).map((row) => {
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
          target: currentTarget(indicator, unitId, today),
          recent: recent.get(indicator.id) ?? [],
          ...(signal ? { signal } : {}),
        };
      });
    },
    measurement: (indicatorId: string, unitId: string, periodStart: string): Measurement | undefined => {
      const row = measurement.get(indicatorId, unitId, periodStart);
      return row && toMeasurement(row);
    },
    saveMeasurement: (m: Measurement): void => {
      upsertMeasurement.run(m);
    },
    /** Boards whose tiles show this indicator for this unit: each gets the measurement's event. */
    boardsShowing: (indicatorId: string, unitId: string): string[] =>
      boardsShowing.all(indicatorId, unitId).map((r) => r.id),
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

import type { Rollup } from '../../shared/cascade';
import { rollUp } from '../../shared/domain/cascade';
import { analyseSeries } from '../../shared/domain/indicator-signal';
import { hasTooFewRespondents, measurementStatus, type Status } from '../../shared/domain/status';
import type { Indicator, Measurement, Target } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import { type IndicatorRow, type MeasurementRow, toIndicator, toMeasurement } from './rows';

/** The target in force at a unit on a day (indicators-repository's inheritance rule). */
export type TargetLookup = (indicator: Indicator, unitId: string, day: string) => Target | null;

type Definition = Indicator & { rollup: Rollup | null };

/** One stored cell: what the overview shows for an indicator at a unit. */
export interface StatusCell {
  unitId: string;
  indicatorId: string;
  status: Status;
  value: number | null;
  periodStart: string | null;
  signal: boolean;
  rolledUp: boolean;
  asOf: string;
}

interface RolledValue {
  periodStart: string;
  value: number;
  denominator: number | null;
}

const DEFINITION_COLUMNS = 'id, unit_id, name, unit_label, direction, frequency, kind, decimals, min_respondents, rollup';

/**
 * The derived tables behind the overview (migration 0007): each (unit, indicator) status and the roll-up series,
 * kept current by the writes that change them — called inside the writer's transaction, so a committed measurement
 * and its statuses (the unit's and every rolled-up ancestor's) are one. `rebuild` computes everything from scratch;
 * it is the reference the incremental path must agree with.
 */
export function unitStatusRepository(db: Db, targetOf: TargetLookup) {
  const definition = db.prepare<[string], IndicatorRow & { rollup: Rollup | null }>(
    `SELECT ${DEFINITION_COLUMNS} FROM indicators WHERE id = ?`,
  );
  const parentOf = db.prepare<[string], string | null>('SELECT parent_id FROM org_units WHERE id = ?').pluck();
  const ownSeries = db.prepare<[string, string], MeasurementRow>(
    'SELECT * FROM measurements WHERE indicator_id = ? AND unit_id = ? ORDER BY period_start',
  );
  const hasOwn = db.prepare<[string, string], number>(
    'SELECT 1 FROM measurements WHERE indicator_id = ? AND unit_id = ? LIMIT 1',
  ).pluck();
  const rolledSeries = db.prepare<[string, string], { period_start: string; value: number }>(
    'SELECT period_start, value FROM rollup_values WHERE indicator_id = ? AND unit_id = ? ORDER BY period_start',
  );
  const baselineTo = db.prepare<[string, string], string>(
    'SELECT baseline_to FROM baselines WHERE indicator_id = ? AND unit_id = ?',
  ).pluck();
  // Each child's value for one period: its own measurement, else what was rolled up into it.
  const childValues = db.prepare<{ indicator: string; parent: string; period: string }, {
    mv: number | null; md: number | null; rv: number | null; rd: number | null;
  }>(`
    SELECT m.value AS mv, m.denominator AS md, r.value AS rv, r.denominator AS rd
    FROM org_units o
    LEFT JOIN measurements m ON m.indicator_id = @indicator AND m.unit_id = o.id AND m.period_start = @period
    LEFT JOIN rollup_values r ON r.indicator_id = @indicator AND r.unit_id = o.id AND r.period_start = @period
    WHERE o.parent_id = @parent`);
  const putRolled = db.prepare(`
    INSERT INTO rollup_values (indicator_id, unit_id, period_start, value, denominator)
    VALUES (@indicatorId, @unitId, @periodStart, @value, @denominator)
    ON CONFLICT (indicator_id, unit_id, period_start) DO UPDATE SET value = excluded.value,
      denominator = excluded.denominator`);
  const dropRolled = db.prepare<[string, string, string]>(
    'DELETE FROM rollup_values WHERE indicator_id = ? AND unit_id = ? AND period_start = ?',
  );
  const putCell = db.prepare(`
    INSERT INTO unit_status (unit_id, indicator_id, status, value, period_start, signal, rolled_up, as_of)
    VALUES (@unitId, @indicatorId, @status, @value, @periodStart, @signal, @rolledUp, @asOf)
    ON CONFLICT (unit_id, indicator_id) DO UPDATE SET status = excluded.status, value = excluded.value,
      period_start = excluded.period_start, signal = excluded.signal, rolled_up = excluded.rolled_up,
      as_of = excluded.as_of`);
  const dropCell = db.prepare<[string, string]>('DELETE FROM unit_status WHERE unit_id = ? AND indicator_id = ?');
  const cellUnitsBelow = db.prepare<[string, string], string>(`
    WITH RECURSIVE down (id) AS (SELECT ? UNION ALL SELECT o.id FROM org_units o JOIN down ON o.parent_id = down.id)
    SELECT s.unit_id FROM unit_status s JOIN down ON down.id = s.unit_id WHERE s.indicator_id = ?`).pluck();
  const cellUnitsOf = db.prepare<[string], string>('SELECT unit_id FROM unit_status WHERE indicator_id = ?').pluck();
  // Every stored cell in a subtree (a moved unit's: the targets they inherit may have changed).
  const cellsInSubtree = db.prepare<[string], { unit_id: string; indicator_id: string }>(`
    WITH RECURSIVE down (id) AS (SELECT ? UNION ALL SELECT o.id FROM org_units o JOIN down ON o.parent_id = down.id)
    SELECT s.unit_id, s.indicator_id FROM unit_status s JOIN down ON down.id = s.unit_id`);
  // The periods a unit passes up to its parent: its own measurements' and what was rolled up into it.
  const periodsAt = db.prepare<{ indicator: string; unit: string }, string>(`
    SELECT period_start FROM measurements WHERE indicator_id = @indicator AND unit_id = @unit
    UNION SELECT period_start FROM rollup_values WHERE indicator_id = @indicator AND unit_id = @unit`).pluck();
  const rolledUpIndicators = db.prepare<[], string>('SELECT id FROM indicators WHERE rollup IS NOT NULL').pluck();
  // Targets whose validity starts, or has ended, in the days (after, day]: the cells they govern change status.
  const targetsTurning = db.prepare<{ after: string; day: string }, { indicator_id: string; unit_id: string }>(`
    SELECT DISTINCT indicator_id, unit_id FROM targets
    WHERE (valid_from > @after AND valid_from <= @day) OR (valid_to IS NOT NULL AND valid_to >= @after AND valid_to < @day)`);
  const sweptDay = db.prepare<[], string | null>(
    'SELECT coalesce((SELECT swept_day FROM unit_status_built), (SELECT min(as_of) FROM unit_status))',
  ).pluck();
  const markSwept = db.prepare<[string]>('UPDATE unit_status_built SET swept_day = ?');
  const storedCells = db.prepare<[], CellRow>('SELECT * FROM unit_status ORDER BY unit_id, indicator_id');
  const storedRolled = db.prepare<[], RolledValue & { indicatorId: string; unitId: string }>(`
    SELECT indicator_id AS indicatorId, unit_id AS unitId, period_start AS periodStart, value, denominator
    FROM rollup_values ORDER BY indicator_id, unit_id, period_start`);
  const isBuilt = db.prepare<[], number>('SELECT 1 FROM unit_status_built').pluck();
  const markBuilt = db.prepare<{ builtAt: string; day: string }>(
    `INSERT INTO unit_status_built (id, built_at, swept_day) VALUES (1, @builtAt, @day)
     ON CONFLICT (id) DO UPDATE SET built_at = excluded.built_at, swept_day = excluded.swept_day`,
  );

  const defOf = (id: string): Definition | undefined => {
    const row = definition.get(id);
    return row && { ...toIndicator(row), rollup: row.rollup };
  };

  /** The cell from a series (own or rolled up), or null when there is nothing to show. */
  const judge = (def: Definition, unitId: string, series: readonly Measurement[], rolledUp: boolean, day: string): StatusCell | null => {
    if (series.length === 0) return null;
    const latest = series.at(-1)!;
    const analysis = analyseSeries({
      measurements: series,
      minRespondents: def.minRespondents,
      baselineTo: baselineTo.get(def.id, unitId) ?? null,
    }).analysis;
    const hidden = hasTooFewRespondents({ respondents: latest.respondents, minRespondents: def.minRespondents });
    return {
      unitId,
      indicatorId: def.id,
      status: measurementStatus(def, targetOf(def, unitId, day), latest),
      value: hidden ? null : latest.value,
      periodStart: latest.periodStart,
      signal: analysis.signal,
      rolledUp,
      asOf: day,
    };
  };

  const rolledAsMeasurements = (def: Definition, unitId: string): Measurement[] =>
    rolledSeries.all(def.id, unitId).map((r) => asMeasurement(def.id, unitId, r.period_start, r.value));

  const refreshCell = (def: Definition, unitId: string, day: string): void => {
    const own = ownSeries.all(def.id, unitId).map(toMeasurement);
    const cell = own.length > 0
      ? judge(def, unitId, own, false, day)
      : def.rollup ? judge(def, unitId, rolledAsMeasurements(def, unitId), true, day) : null;
    if (cell) putCell.run(cellParams(cell));
    else dropCell.run(unitId, def.id);
  };

  /**
   * Re-rolls the given periods up the tree, starting at `parent` (the parent of the unit whose values changed, or
   * the unit a child left), and refreshes each ancestor's cell once on the way.
   */
  const rollUpFrom = (def: Definition, parent: string | null, periods: readonly string[], day: string): void => {
    if (!def.rollup || periods.length === 0) return;
    for (let at = parent; at; at = parentOf.get(at) ?? null) {
      for (const periodStart of periods) {
        const inputs = childValues.all({ indicator: def.id, parent: at, period: periodStart }).flatMap((c) =>
          c.mv !== null ? [{ value: c.mv, denominator: c.md }] : c.rv !== null ? [{ value: c.rv, denominator: c.rd }] : [],
        );
        const value = rollUp(def.rollup, inputs);
        if (value === null) dropRolled.run(def.id, at, periodStart);
        else putRolled.run({ indicatorId: def.id, unitId: at, periodStart, value, denominator: weightOf(inputs) });
      }
      if (hasOwn.get(def.id, at) === undefined) refreshCell(def, at, day);
    }
  };

  /** Refreshes the cells a target at `unitId` can change: the units below it, or all of them at the owner unit. */
  const refreshTargetCells = (def: Definition, unitId: string, day: string): void => {
    // The owner unit's target is the fallback for every unit (indicators-repository's rule), not only those below.
    const units = unitId === def.unitId ? cellUnitsOf.all(def.id) : cellUnitsBelow.all(unitId, def.id);
    for (const id of units) refreshCell(def, id, day);
    refreshCell(def, unitId, day);
  };

  /** Every cell and roll-up from the measurements, targets and tree as they are now; writes nothing. */
  const computeAll = (day: string, onlyIndicator?: string): { cells: StatusCell[]; rolled: (RolledValue & { indicatorId: string; unitId: string })[] } => {
    const defs = db.prepare<[], IndicatorRow & { rollup: Rollup | null }>(`SELECT ${DEFINITION_COLUMNS} FROM indicators`)
      .all().map((r): Definition => ({ ...toIndicator(r), rollup: r.rollup }))
      .filter((d) => onlyIndicator === undefined || d.id === onlyIndicator);
    const units = db.prepare<[], { id: string; parent_id: string | null }>('SELECT id, parent_id FROM org_units').all();
    const parent = new Map(units.map((u) => [u.id, u.parent_id]));
    const depth = (id: string): number => {
      let d = 0;
      for (let p = parent.get(id); p; p = parent.get(p)) d += 1;
      return d;
    };
    const deepestFirst = units.map((u) => ({ id: u.id, depth: depth(u.id) })).sort((a, b) => b.depth - a.depth);
    const own = new Map<string, Measurement[]>();
    const rows = onlyIndicator === undefined
      ? db.prepare<[], MeasurementRow>('SELECT * FROM measurements ORDER BY period_start').iterate()
      : db.prepare<[string], MeasurementRow>('SELECT * FROM measurements WHERE indicator_id = ? ORDER BY period_start')
        .iterate(onlyIndicator);
    for (const row of rows) {
      const key = `${row.indicator_id}\n${row.unit_id}`;
      const list = own.get(key);
      if (list) list.push(toMeasurement(row));
      else own.set(key, [toMeasurement(row)]);
    }
    const cells: StatusCell[] = [];
    const rolled: (RolledValue & { indicatorId: string; unitId: string })[] = [];
    for (const def of defs) {
      // Each unit's values per period (own, else rolled up), children before parents.
      const effective = new Map<string, Map<string, { value: number; denominator: number | null }>>();
      const childInputs = new Map<string, Map<string, { value: number; denominator: number | null }[]>>();
      for (const { id } of deepestFirst) {
        const series = own.get(`${def.id}\n${id}`) ?? [];
        let values: Map<string, { value: number; denominator: number | null }>;
        let rolledSeriesHere: Measurement[] = [];
        if (def.rollup) {
          const fromChildren = new Map<string, { value: number; denominator: number | null }>();
          for (const [period, inputs] of childInputs.get(id) ?? []) {
            const value = rollUp(def.rollup, inputs);
            if (value === null) continue;
            fromChildren.set(period, { value, denominator: weightOf(inputs) });
            rolled.push({ indicatorId: def.id, unitId: id, periodStart: period, value, denominator: weightOf(inputs) });
          }
          rolledSeriesHere = [...fromChildren.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([period, v]) => asMeasurement(def.id, id, period, v.value));
          values = fromChildren;
        } else values = new Map();
        if (series.length > 0) values = new Map(series.map((m) => [m.periodStart, { value: m.value, denominator: m.denominator }]));
        effective.set(id, values);
        const up = parent.get(id);
        if (up && def.rollup) {
          const byPeriod = childInputs.get(up) ?? new Map<string, { value: number; denominator: number | null }[]>();
          for (const [period, v] of values) byPeriod.set(period, [...(byPeriod.get(period) ?? []), v]);
          childInputs.set(up, byPeriod);
        }
        const cell = series.length > 0 ? judge(def, id, series, false, day) : judge(def, id, rolledSeriesHere, true, day);
        if (cell) cells.push(cell);
      }
    }
    cells.sort((a, b) => compare(a.unitId, b.unitId) || compare(a.indicatorId, b.indicatorId));
    return { cells, rolled };
  };

  const rebuild = db.transaction((day: string, builtAt: string) => {
    const { cells, rolled } = computeAll(day);
    db.prepare('DELETE FROM unit_status').run();
    db.prepare('DELETE FROM rollup_values').run();
    for (const r of rolled) putRolled.run(r);
    for (const c of cells) putCell.run(cellParams(c));
    markBuilt.run({ builtAt, day });
    return { cells: cells.length, rolled: rolled.length };
  });

  const rebuildIndicator = db.transaction((indicatorId: string, day: string) => {
    const { cells, rolled } = computeAll(day, indicatorId);
    db.prepare<[string]>('DELETE FROM unit_status WHERE indicator_id = ?').run(indicatorId);
    db.prepare<[string]>('DELETE FROM rollup_values WHERE indicator_id = ?').run(indicatorId);
    for (const r of rolled) putRolled.run(r);
    for (const c of cells) putCell.run(cellParams(c));
  });

  const sweepOnce = db.transaction((day: string): number => {
    const after = sweptDay.get() ?? day;
    if (after >= day) return 0;
    const turning = targetsTurning.all({ after, day });
    for (const t of turning) {
      const def = defOf(t.indicator_id);
      if (def) refreshTargetCells(def, t.unit_id, day);
    }
    markSwept.run(day);
    return turning.length;
  });

  return {
    /** After a measurement of (indicator, unit, period) was written: the unit's cell and every roll-up above it. */
    measurementChanged: (indicatorId: string, unitId: string, periodStart: string, day: string): void => {
      const def = defOf(indicatorId);
      if (!def) return;
      refreshCell(def, unitId, day);
      rollUpFrom(def, parentOf.get(unitId) ?? null, [periodStart], day);
    },
    /** After a target or baseline at `unitId` changed: its cell and the cells below that inherit it. */
    targetChanged: (indicatorId: string, unitId: string, day: string): void => {
      const def = defOf(indicatorId);
      if (!def) return;
      refreshTargetCells(def, unitId, day);
    },
    /**
     * After `unitId` moved from `oldParent` to its new parent (inside the move's transaction): the old and the new
     * ancestors' roll-ups without and with its values, and the subtree's cells, which now inherit other targets.
     */
    unitMoved: (unitId: string, oldParent: string | null, day: string): void => {
      const defs = new Map<string, Definition | undefined>();
      const defCached = (id: string) => (defs.has(id) ? defs.get(id) : defs.set(id, defOf(id)).get(id));
      for (const indicatorId of rolledUpIndicators.all()) {
        const def = defCached(indicatorId)!;
        const periods = periodsAt.all({ indicator: indicatorId, unit: unitId });
        rollUpFrom(def, oldParent, periods, day);
        rollUpFrom(def, parentOf.get(unitId) ?? null, periods, day);
      }
      for (const cell of cellsInSubtree.all(unitId)) {
        const def = defCached(cell.indicator_id);
        if (def) refreshCell(def, cell.unit_id, day);
      }
    },
    /**
     * Judges again the cells whose target in force changed since the last sweep (a target valid from a day that
     * has now come, or valid until a day now past); run when the date changes. Answers how many targets turned.
     */
    sweep: (day: string): number => sweepOnce.immediate(day),
    /** One indicator from scratch (its roll-up method changed). */
    indicatorChanged: (indicatorId: string, day: string): void => rebuildIndicator(indicatorId, day),
    /** Everything from scratch (a roll-up method changed, units moved, data written in bulk). */
    rebuild: (day: string, builtAt: string) => rebuild.immediate(day, builtAt),
    /** Whether the tables were built for this database (migration 0007 added them to existing data). */
    isBuilt: (): boolean => isBuilt.get() !== undefined,
    computeAll,
    /** The stored cells, for comparing with `computeAll`. */
    storedCells: (): StatusCell[] => storedCells.all().map(toCell),
    /** The stored roll-up values, in key order, for comparing with `computeAll`. */
    storedRolled: () => storedRolled.all(),
  };
}
export type UnitStatusRepository = ReturnType<typeof unitStatusRepository>;

interface CellRow {
  unit_id: string;
  indicator_id: string;
  status: Status;
  value: number | null;
  period_start: string | null;
  signal: number;
  rolled_up: number;
  as_of: string;
}

const toCell = (r: CellRow): StatusCell => ({
  unitId: r.unit_id,
  indicatorId: r.indicator_id,
  status: r.status,
  value: r.value,
  periodStart: r.period_start,
  signal: r.signal === 1,
  rolledUp: r.rolled_up === 1,
  asOf: r.as_of,
});

const cellParams = (c: StatusCell) => ({ ...c, signal: c.signal ? 1 : 0, rolledUp: c.rolledUp ? 1 : 0 });

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A rolled-up value's weight for the level above: the summed denominators, when every child had one. */
function weightOf(inputs: readonly { denominator: number | null }[]): number | null {
  if (inputs.length === 0 || inputs.some((i) => i.denominator === null)) return null;
  return inputs.reduce((s, i) => s + i.denominator!, 0);
}

function asMeasurement(indicatorId: string, unitId: string, periodStart: string, value: number): Measurement {
  return {
    indicatorId, unitId, periodStart, value, numerator: null, denominator: null, respondents: null, note: '',
    recordedAt: '', recordedBy: '',
  };
}

import type { Deviation, ExternalOwner, Goal, GoalSource, IndicatorDefinition, Rollup } from '../../shared/cascade';
import type { Layer, Measurement, OrgUnit } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import { type IndicatorRow, type MeasurementRow, toIndicator, toMeasurement } from './rows';
import type { DeviationsTable } from '../store/schema';

interface GoalRow {
  id: string;
  parent_id: string | null;
  title: string;
  external: string;
  measure: string;
  why: string;
  realism: string;
  rationale: string;
  deadline: string | null;
  indicator_id: string | null;
  target: number | null;
  owners: string | null;
  source: GoalSource;
  partners: string;
  also: string | null;
}

const toGoal = (r: GoalRow): Goal => ({
  id: r.id,
  parentId: r.parent_id,
  title: r.title,
  external: r.external,
  measure: r.measure,
  why: r.why,
  realism: r.realism,
  rationale: r.rationale,
  deadline: r.deadline,
  indicatorId: r.indicator_id,
  target: r.target,
  ownerIds: r.owners ? r.owners.split(',').sort() : [],
  source: r.source,
  externalOwners: JSON.parse(r.partners) as ExternalOwner[],
  alsoIndicatorIds: r.also ? r.also.split(',').sort() : [],
});

type DeviationRow = DeviationsTable;

const toDeviation = (r: DeviationRow): Deviation => ({
  id: r.id,
  indicatorId: r.indicator_id,
  unitId: r.unit_id,
  periodStart: r.period_start,
  cause: r.cause,
  action: r.action,
  cardId: r.card_id,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

type DefinitionRow = IndicatorRow & { mandatory: number; rollup: Rollup | null };
const toDefinition = (r: DefinitionRow): IndicatorDefinition => ({
  ...toIndicator(r),
  mandatory: r.mandatory === 1,
  rollup: r.rollup,
});

export interface GoalWrite {
  id: string;
  parentId: string | null;
  title: string;
  external: string;
  measure: string;
  why: string;
  realism: string;
  rationale: string;
  deadline: string | null;
  indicatorId: string | null;
  target: number | null;
  ownerIds: string[];
  source: GoalSource;
  externalOwners: ExternalOwner[];
  alsoIndicatorIds: string[];
  now: string;
}

/** The organisation tree, goals and their owners, indicator definitions, baselines and deviations. */
export function cascadeRepository(db: Db) {
  const units = db.prepare<[], { id: string; parent_id: string | null; layer_id: string; name: string }>(
    'SELECT id, parent_id, layer_id, name FROM org_units ORDER BY name',
  );
  const layers = db.prepare<[], Layer>('SELECT id, rank, name, kind FROM layers ORDER BY rank');
  const boardOfUnit = db.prepare<[string], { id: string }>('SELECT id FROM boards WHERE unit_id = ? ORDER BY id LIMIT 1');
  const unitExists = db.prepare<[string], number>('SELECT 1 FROM org_units WHERE id = ?').pluck();
  const goalSelect = `SELECT g.*, (SELECT group_concat(unit_id) FROM goal_owners o WHERE o.goal_id = g.id) AS owners,
    (SELECT json_group_array(json_object('name', e.name, 'status', e.status)) FROM goal_external_owners e
      WHERE e.goal_id = g.id) AS partners,
    (SELECT group_concat(indicator_id) FROM goal_indicators gi WHERE gi.goal_id = g.id) AS also
    FROM goals g`;
  const allGoals = db.prepare<[], GoalRow>(`${goalSelect} ORDER BY g.created_at, g.id`);
  const goalById = db.prepare<[string], GoalRow>(`${goalSelect} WHERE g.id = ?`);
  const insertGoal = db.prepare(`INSERT INTO goals (id, parent_id, title, external, measure, why, realism, rationale,
      deadline, indicator_id, target, source, created_at, updated_at)
    VALUES (@id, @parentId, @title, @external, @measure, @why, @realism, @rationale, @deadline, @indicatorId, @target,
      @source, @now, @now)
    ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, title = excluded.title, external = excluded.external,
      measure = excluded.measure, why = excluded.why, realism = excluded.realism, rationale = excluded.rationale,
      deadline = excluded.deadline, indicator_id = excluded.indicator_id, target = excluded.target,
      source = excluded.source, updated_at = excluded.updated_at`);
  const clearPartners = db.prepare<[string]>('DELETE FROM goal_external_owners WHERE goal_id = ?');
  const addPartner = db.prepare<[string, string, string]>('INSERT INTO goal_external_owners (goal_id, name, status) VALUES (?, ?, ?)');
  const clearAlso = db.prepare<[string]>('DELETE FROM goal_indicators WHERE goal_id = ?');
  const addAlso = db.prepare<[string, string]>('INSERT INTO goal_indicators (goal_id, indicator_id) VALUES (?, ?)');
  const clearOwners = db.prepare<[string]>('DELETE FROM goal_owners WHERE goal_id = ?');
  const addOwner = db.prepare<[string, string]>('INSERT INTO goal_owners (goal_id, unit_id) VALUES (?, ?)');
  const definition = db.prepare<[string], DefinitionRow>('SELECT * FROM indicators WHERE id = ?');
  const indicatorNames = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM indicators ORDER BY name');
  const mandatoryDefs = db.prepare<[], DefinitionRow>('SELECT * FROM indicators WHERE mandatory = 1 ORDER BY name');
  const series = db.prepare<[string, string], MeasurementRow>(
    'SELECT * FROM measurements WHERE indicator_id = ? AND unit_id = ? ORDER BY period_start',
  );
  const seriesOfUnits = db.prepare<[string, string], MeasurementRow>(`SELECT m.* FROM measurements m
    JOIN org_units u ON u.id = m.unit_id WHERE m.indicator_id = ? AND u.parent_id = ? ORDER BY m.period_start`);
  const baseline = db.prepare<[string, string], { baseline_to: string }>(
    'SELECT baseline_to FROM baselines WHERE indicator_id = ? AND unit_id = ?',
  );
  const setBaseline = db.prepare(`INSERT INTO baselines (indicator_id, unit_id, baseline_to, set_at, set_by)
    VALUES (@indicatorId, @unitId, @baselineTo, @at, @by)
    ON CONFLICT (indicator_id, unit_id) DO UPDATE SET baseline_to = excluded.baseline_to, set_at = excluded.set_at,
      set_by = excluded.set_by`);
  const clearBaseline = db.prepare<[string, string]>('DELETE FROM baselines WHERE indicator_id = ? AND unit_id = ?');
  const deviations = db.prepare<[string, string], DeviationRow>(
    'SELECT * FROM deviations WHERE indicator_id = ? AND unit_id = ? ORDER BY recorded_at DESC',
  );
  const insertDeviation = db.prepare(`INSERT INTO deviations (id, indicator_id, unit_id, period_start, cause, action,
      card_id, recorded_at, recorded_by)
    VALUES (@id, @indicatorId, @unitId, @periodStart, @cause, @action, @cardId, @recordedAt, @recordedBy)`);
  const ownTarget = db.prepare<[string, string, string], { one: number }>(`SELECT 1 AS one FROM targets
    WHERE indicator_id = ? AND unit_id = ? AND valid_from <= ? LIMIT 1`);
  const unitsShowing = db.prepare<[string], { unit_id: string; board_id: string }>(`SELECT b.unit_id, b.id AS board_id
    FROM board_indicators bi JOIN boards b ON b.id = bi.board_id WHERE bi.indicator_id = ? ORDER BY b.unit_id, b.id`);

  return {
    units: (): OrgUnit[] => units.all().map((u) => ({ id: u.id, parentId: u.parent_id, layerId: u.layer_id, name: u.name })),
    layers: (): Layer[] => layers.all(),
    boardOfUnit: (unitId: string): string | null => boardOfUnit.get(unitId)?.id ?? null,
    unitExists: (unitId: string): boolean => unitExists.get(unitId) !== undefined,
    goals: (): Goal[] => allGoals.all().map(toGoal),
    goal: (id: string): Goal | undefined => {
      const row = goalById.get(id);
      return row && toGoal(row);
    },
    /** Creates or replaces a goal and its owners; call inside a transaction. */
    saveGoal: (g: GoalWrite): void => {
      insertGoal.run(g);
      clearOwners.run(g.id);
      for (const unitId of new Set(g.ownerIds)) addOwner.run(g.id, unitId);
      clearPartners.run(g.id);
      for (const p of new Map(g.externalOwners.map((e) => [e.name, e])).values()) addPartner.run(g.id, p.name, p.status);
      clearAlso.run(g.id);
      for (const id of new Set(g.alsoIndicatorIds)) addAlso.run(g.id, id);
    },
    definition: (id: string): IndicatorDefinition | undefined => {
      const row = definition.get(id);
      return row && toDefinition(row);
    },
    indicatorNames: (): { id: string; name: string }[] => indicatorNames.all(),
    mandatory: (): IndicatorDefinition[] => mandatoryDefs.all().map(toDefinition),
    series: (indicatorId: string, unitId: string): Measurement[] => series.all(indicatorId, unitId).map(toMeasurement),
    /** Measurements of the units directly below `parentId` for one indicator (for roll-ups). */
    childSeries: (indicatorId: string, parentId: string): Measurement[] =>
      seriesOfUnits.all(indicatorId, parentId).map(toMeasurement),
    baselineTo: (indicatorId: string, unitId: string): string | null => baseline.get(indicatorId, unitId)?.baseline_to ?? null,
    setBaseline: (indicatorId: string, unitId: string, baselineTo: string | null, at: string, by: string): void => {
      if (baselineTo === null) clearBaseline.run(indicatorId, unitId);
      else setBaseline.run({ indicatorId, unitId, baselineTo, at, by });
    },
    deviations: (indicatorId: string, unitId: string): Deviation[] =>
      deviations.all(indicatorId, unitId).map(toDeviation),
    insertDeviation: (d: Deviation): void => {
      insertDeviation.run(d);
    },
    hasOwnTarget: (indicatorId: string, unitId: string, day: string): boolean => ownTarget.get(indicatorId, unitId, day) !== undefined,
    /** Every (unit, board) whose board shows the indicator. */
    unitsShowing: (indicatorId: string): { unitId: string; boardId: string }[] =>
      unitsShowing.all(indicatorId).map((r) => ({ unitId: r.unit_id, boardId: r.board_id })),
  };
}
export type CascadeRepository = ReturnType<typeof cascadeRepository>;

/** Writes to indicator definitions and targets: mandatory flags, roll-ups, a unit's own target. */
export function indicatorSettingsRepository(db: Db) {
  const setFlags = db.prepare<[number, string | null, string]>('UPDATE indicators SET mandatory = ?, rollup = ? WHERE id = ?');
  // Boards of every unit strictly below `unit` that do not yet show the indicator.
  const boardsBelowWithout = db.prepare<{ unit: string; indicator: string }, { id: string; last: string | null }>(`
    WITH RECURSIVE below (id) AS (
      SELECT id FROM org_units WHERE parent_id = @unit
      UNION ALL SELECT o.id FROM org_units o JOIN below ON o.parent_id = below.id
    )
    SELECT b.id, (SELECT max(order_key) FROM board_indicators WHERE board_id = b.id) AS last
    FROM boards b JOIN below ON below.id = b.unit_id
    WHERE NOT EXISTS (SELECT 1 FROM board_indicators bi WHERE bi.board_id = b.id AND bi.indicator_id = @indicator)
    ORDER BY b.id`);
  const show = db.prepare<[string, string, string]>('INSERT INTO board_indicators (board_id, indicator_id, order_key) VALUES (?, ?, ?)');
  const insertTarget = db.prepare(`INSERT INTO targets (indicator_id, unit_id, valid_from, target, low, high, tolerance)
    VALUES (@indicatorId, @unitId, @validFrom, @target, @low, @high, @tolerance)`);
  return {
    setFlags: (indicatorId: string, mandatory: boolean, rollup: Rollup | null): void => {
      setFlags.run(mandatory ? 1 : 0, rollup, indicatorId);
    },
    boardsBelowWithout: (unitId: string, indicatorId: string) => boardsBelowWithout.all({ unit: unitId, indicator: indicatorId }),
    show: (boardId: string, indicatorId: string, orderKey: string): void => {
      show.run(boardId, indicatorId, orderKey);
    },
    insertTarget: (t: { indicatorId: string; unitId: string; validFrom: string; target: number | null; low: number | null; high: number | null; tolerance: number }): void => {
      insertTarget.run(t);
    },
  };
}

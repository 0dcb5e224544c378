import type { Deviation, ExternalOwner, Goal, GoalSource, IndicatorDefinition, Rollup } from '../../shared/cascade';
import type { Layer, Measurement, OrgUnit } from '../../shared/schemas';
import { sql } from 'kysely';
import { type Executor, queryShape } from '../store';
import { type IndicatorRow, toIndicator, toMeasurement } from './rows';
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

/**
 * A goal with its owners, partners and further indicators folded into its row: lists aggregated as text, one engine's
 * functions or the other's. Partners in name order (byte order on both engines), the lists sorted in toGoal.
 */
function goalSelect(ex: Executor) {
  return ex.engine === 'sqlite'
    ? sql`SELECT g.*, (SELECT group_concat(unit_id) FROM goal_owners o WHERE o.goal_id = g.id) AS owners,
      (SELECT json_group_array(json_object('name', e.name, 'status', e.status) ORDER BY e.name) FROM goal_external_owners e
        WHERE e.goal_id = g.id) AS partners,
      (SELECT group_concat(indicator_id) FROM goal_indicators gi WHERE gi.goal_id = g.id) AS also
      FROM goals g`
    : sql`SELECT g.*, (SELECT string_agg(unit_id, ',') FROM goal_owners o WHERE o.goal_id = g.id) AS owners,
      coalesce((SELECT CAST(json_agg(json_build_object('name', e.name, 'status', e.status) ORDER BY e.name COLLATE "C") AS TEXT)
        FROM goal_external_owners e WHERE e.goal_id = g.id), '[]') AS partners,
      (SELECT string_agg(indicator_id, ',') FROM goal_indicators gi WHERE gi.goal_id = g.id) AS also
      FROM goals g`;
}

// Measurement writes, roll-ups and the cascade pages run these often: shapes compiled once per engine.
// A constant LIMIT is a literal (sql.lit): SQLite compiles a statement with a bound LIMIT again on every run (about
// 3x the time of a one-row read here).
const definition = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('indicators').selectAll().where('id', '=', p.id));
const unitExists = queryShape(['unit'], (q, p: { unit: string }) => q.selectFrom('org_units').select('id').where('id', '=', p.unit));
const boardOfUnit = queryShape(['unit'], (q, p: { unit: string }) =>
  q.selectFrom('boards').select('id').where('unit_id', '=', p.unit).orderBy('id').limit(sql.lit(1)));
const series = queryShape(['indicator', 'unit'], (q, p: { indicator: string; unit: string }) =>
  q.selectFrom('measurements').selectAll()
    .where('indicator_id', '=', p.indicator).where('unit_id', '=', p.unit).orderBy('period_start'));
const seriesOfUnits = queryShape(['indicator', 'parent'], (q, p: { indicator: string; parent: string }) =>
  q.selectFrom('measurements as m').innerJoin('org_units as u', 'u.id', 'm.unit_id').selectAll('m')
    .where('m.indicator_id', '=', p.indicator).where('u.parent_id', '=', p.parent).orderBy('m.period_start'));
const baseline = queryShape(['indicator', 'unit'], (q, p: { indicator: string; unit: string }) =>
  q.selectFrom('baselines').select('baseline_to').where('indicator_id', '=', p.indicator).where('unit_id', '=', p.unit));
const ownTarget = queryShape(['indicator', 'unit', 'day'], (q, p: { indicator: string; unit: string; day: string }) =>
  q.selectFrom('targets').select('id')
    .where('indicator_id', '=', p.indicator).where('unit_id', '=', p.unit).where('valid_from', '<=', p.day).limit(sql.lit(1)));

/** The organisation tree, goals and their owners, indicator definitions, baselines and deviations. */
export function cascadeRepository(ex: Executor) {
  const q = ex.q;
  return {
    units: async (): Promise<OrgUnit[]> =>
      (await ex.all(q.selectFrom('org_units').select(['id', 'parent_id', 'layer_id', 'name']).orderBy('name')))
        .map((u) => ({ id: u.id, parentId: u.parent_id, layerId: u.layer_id, name: u.name })),
    layers: (): Promise<Layer[]> =>
      ex.all(q.selectFrom('layers').select(['id', 'rank', 'name', 'kind']).orderBy('rank')),
    boardOfUnit: async (unitId: string): Promise<string | null> => (await ex.first(boardOfUnit(ex, { unit: unitId })))?.id ?? null,
    unitExists: async (unitId: string): Promise<boolean> => (await ex.first(unitExists(ex, { unit: unitId }))) !== undefined,
    goals: async (): Promise<Goal[]> =>
      (await ex.all(sql<GoalRow>`${goalSelect(ex)} ORDER BY g.created_at, g.id`)).map(toGoal),
    goal: async (id: string): Promise<Goal | undefined> => {
      const row = await ex.first(sql<GoalRow>`${goalSelect(ex)} WHERE g.id = ${id}`);
      return row && toGoal(row);
    },
    /** Creates or replaces a goal and its owners; call inside a transaction. */
    saveGoal: async (g: GoalWrite): Promise<void> => {
      await ex.run(q.insertInto('goals').values({
        id: g.id, parent_id: g.parentId, title: g.title, external: g.external, measure: g.measure, why: g.why,
        realism: g.realism, rationale: g.rationale, deadline: g.deadline, indicator_id: g.indicatorId, target: g.target,
        source: g.source, created_at: g.now, updated_at: g.now,
      }).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
        parent_id: eb.ref('excluded.parent_id'),
        title: eb.ref('excluded.title'),
        external: eb.ref('excluded.external'),
        measure: eb.ref('excluded.measure'),
        why: eb.ref('excluded.why'),
        realism: eb.ref('excluded.realism'),
        rationale: eb.ref('excluded.rationale'),
        deadline: eb.ref('excluded.deadline'),
        indicator_id: eb.ref('excluded.indicator_id'),
        target: eb.ref('excluded.target'),
        source: eb.ref('excluded.source'),
        updated_at: eb.ref('excluded.updated_at'),
      }))));
      await ex.run(q.deleteFrom('goal_owners').where('goal_id', '=', g.id));
      const owners = [...new Set(g.ownerIds)];
      if (owners.length > 0) await ex.run(q.insertInto('goal_owners').values(owners.map((unit_id) => ({ goal_id: g.id, unit_id }))));
      await ex.run(q.deleteFrom('goal_external_owners').where('goal_id', '=', g.id));
      const partners = [...new Map(g.externalOwners.map((e) => [e.name, e])).values()];
      if (partners.length > 0) {
        await ex.run(q.insertInto('goal_external_owners').values(partners.map((p) => ({ goal_id: g.id, name: p.name, status: p.status }))));
      }
      await ex.run(q.deleteFrom('goal_indicators').where('goal_id', '=', g.id));
      const also = [...new Set(g.alsoIndicatorIds)];
      if (also.length > 0) await ex.run(q.insertInto('goal_indicators').values(also.map((indicator_id) => ({ goal_id: g.id, indicator_id }))));
    },
    definition: async (id: string): Promise<IndicatorDefinition | undefined> => {
      const row = await ex.first(definition(ex, { id }));
      return row && toDefinition(row);
    },
    indicatorNames: (): Promise<{ id: string; name: string }[]> =>
      ex.all(q.selectFrom('indicators').select(['id', 'name']).orderBy('name')),
    mandatory: async (): Promise<IndicatorDefinition[]> =>
      (await ex.all(q.selectFrom('indicators').selectAll().where('mandatory', '=', 1).orderBy('name'))).map(toDefinition),
    series: async (indicatorId: string, unitId: string): Promise<Measurement[]> =>
      (await ex.all(series(ex, { indicator: indicatorId, unit: unitId }))).map(toMeasurement),
    /** Measurements of the units directly below `parentId` for one indicator (for roll-ups). */
    childSeries: async (indicatorId: string, parentId: string): Promise<Measurement[]> =>
      (await ex.all(seriesOfUnits(ex, { indicator: indicatorId, parent: parentId }))).map(toMeasurement),
    baselineTo: async (indicatorId: string, unitId: string): Promise<string | null> =>
      (await ex.first(baseline(ex, { indicator: indicatorId, unit: unitId })))?.baseline_to ?? null,
    setBaseline: async (indicatorId: string, unitId: string, baselineTo: string | null, at: string, by: string): Promise<void> => {
      if (baselineTo === null) {
        await ex.run(q.deleteFrom('baselines').where('indicator_id', '=', indicatorId).where('unit_id', '=', unitId));
        return;
      }
      await ex.run(q.insertInto('baselines')
        .values({ indicator_id: indicatorId, unit_id: unitId, baseline_to: baselineTo, set_at: at, set_by: by })
        .onConflict((oc) => oc.columns(['indicator_id', 'unit_id']).doUpdateSet((eb) => ({
          baseline_to: eb.ref('excluded.baseline_to'),
          set_at: eb.ref('excluded.set_at'),
          set_by: eb.ref('excluded.set_by'),
        }))));
    },
    deviations: async (indicatorId: string, unitId: string): Promise<Deviation[]> =>
      (await ex.all(q.selectFrom('deviations').selectAll()
        .where('indicator_id', '=', indicatorId).where('unit_id', '=', unitId).orderBy('recorded_at', 'desc'))).map(toDeviation),
    insertDeviation: async (d: Deviation): Promise<void> => {
      await ex.run(q.insertInto('deviations').values({
        id: d.id, indicator_id: d.indicatorId, unit_id: d.unitId, period_start: d.periodStart, cause: d.cause,
        action: d.action, card_id: d.cardId, recorded_at: d.recordedAt, recorded_by: d.recordedBy,
      }));
    },
    hasOwnTarget: async (indicatorId: string, unitId: string, day: string): Promise<boolean> =>
      (await ex.first(ownTarget(ex, { indicator: indicatorId, unit: unitId, day }))) !== undefined,
    /** Every (unit, board) whose board shows the indicator. */
    unitsShowing: async (indicatorId: string): Promise<{ unitId: string; boardId: string }[]> =>
      (await ex.all(q.selectFrom('board_indicators as bi').innerJoin('boards as b', 'b.id', 'bi.board_id')
        .select(['b.unit_id', 'b.id as board_id']).where('bi.indicator_id', '=', indicatorId).orderBy('b.unit_id').orderBy('b.id')))
        .map((r) => ({ unitId: r.unit_id, boardId: r.board_id })),
  };
}
export type CascadeRepository = ReturnType<typeof cascadeRepository>;

/** Writes to indicator definitions and targets: mandatory flags, roll-ups, a unit's own target. */
export function indicatorSettingsRepository(ex: Executor) {
  const q = ex.q;
  return {
    setFlags: async (indicatorId: string, mandatory: boolean, rollup: Rollup | null): Promise<void> => {
      await ex.run(q.updateTable('indicators').set({ mandatory: mandatory ? 1 : 0, rollup }).where('id', '=', indicatorId));
    },
    /** Boards of every unit strictly below `unit` that do not yet show the indicator, with their last tile's key. */
    boardsBelowWithout: (unitId: string, indicatorId: string): Promise<{ id: string; last: string | null }[]> =>
      ex.all(sql<{ id: string; last: string | null }>`
        WITH RECURSIVE below (id) AS (
          SELECT id FROM org_units WHERE parent_id = ${unitId}
          UNION ALL SELECT o.id FROM org_units o JOIN below ON o.parent_id = below.id
        )
        SELECT b.id, (SELECT max(order_key) FROM board_indicators WHERE board_id = b.id) AS last
        FROM boards b JOIN below ON below.id = b.unit_id
        WHERE NOT EXISTS (SELECT 1 FROM board_indicators bi WHERE bi.board_id = b.id AND bi.indicator_id = ${indicatorId})
        ORDER BY b.id`),
    show: async (boardId: string, indicatorId: string, orderKey: string): Promise<void> => {
      await ex.run(q.insertInto('board_indicators').values({ board_id: boardId, indicator_id: indicatorId, order_key: orderKey }));
    },
    insertTarget: async (t: { indicatorId: string; unitId: string; validFrom: string; target: number | null; low: number | null; high: number | null; tolerance: number }): Promise<void> => {
      await ex.run(q.insertInto('targets').values({
        indicator_id: t.indicatorId, unit_id: t.unitId, valid_from: t.validFrom, target: t.target, low: t.low, high: t.high,
        tolerance: t.tolerance,
      }));
    },
  };
}

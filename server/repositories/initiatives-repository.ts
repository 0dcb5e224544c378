import type { Initiative, InitiativeTarget } from '../../shared/cascade';
import { type Kysely, sql } from 'kysely';
import type { Database, Engine, Executor } from '../store';
import type { EffectChainStepsTable } from '../store/schema';

interface InitiativeRow {
  id: string;
  goal_id: string;
  title: string;
  baseline: string;
  expected_effect: string;
  end_date: string | null;
  done: number;
  investment: number | null;
  yearly_saving: number | null;
  start_date: string | null;
  conclusion: string;
  closed_at: string | null;
  kpis: string;
}

interface KpiRow {
  indicatorId: string;
  baselineValue: number | null;
  targetValue: number | null;
}

const toInitiative = (r: InitiativeRow): Initiative => {
  const kpis = (JSON.parse(r.kpis) as (KpiRow | null)[]).filter((k): k is KpiRow => k !== null && k.indicatorId !== null);
  kpis.sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : 1));
  return {
    id: r.id,
    goalId: r.goal_id,
    title: r.title,
    baseline: r.baseline,
    expectedEffect: r.expected_effect,
    endDate: r.end_date,
    done: r.done === 1,
    indicatorIds: kpis.map((k) => k.indicatorId),
    investment: r.investment,
    yearlySaving: r.yearly_saving,
    startDate: r.start_date,
    targets: kpis
      .filter((k) => k.baselineValue !== null || k.targetValue !== null)
      .map((k) => ({ indicatorId: k.indicatorId, baselineValue: k.baselineValue, targetValue: k.targetValue })),
    conclusion: r.conclusion,
    closedAt: r.closed_at,
  };
};

/** What an initiative is saved as: every field of its business case. */
export type InitiativeWrite = Omit<Initiative, 'done' | 'conclusion' | 'closedAt'>;

/**
 * An initiative's indicators as one JSON array text per row, so a list of initiatives is one query. The engines name
 * their JSON aggregates differently; PostgreSQL's is NULL over no rows where SQLite's is '[]'.
 */
const kpisOf = (engine: Engine) =>
  engine === 'postgres'
    ? sql<string>`COALESCE((SELECT CAST(json_agg(json_build_object('indicatorId', k.indicator_id, 'baselineValue',
        k.baseline_value, 'targetValue', k.target_value)) AS TEXT) FROM initiative_indicators k WHERE k.initiative_id = i.id), '[]')`
    : sql<string>`(SELECT json_group_array(json_object('indicatorId', k.indicator_id, 'baselineValue', k.baseline_value,
        'targetValue', k.target_value)) FROM initiative_indicators k WHERE k.initiative_id = i.id)`;
const initiatives = (q: Kysely<Database>, engine: Engine) =>
  q.selectFrom('initiatives as i').selectAll('i').select(kpisOf(engine).as('kpis'));

/** Initiatives (indsatser) with their business cases and the indicators they should move; an audit row per change. */
export function initiativesRepository(ex: Executor) {
  const byId = (id: string) => ex.first(initiatives(ex.q, ex.engine).where('i.id', '=', id));
  const writeKpis = async (id: string, indicatorIds: readonly string[], targets: readonly InitiativeTarget[]) => {
    await ex.run(ex.q.deleteFrom('initiative_indicators').where('initiative_id', '=', id));
    const kpi = (indicatorId: string, baselineValue: number | null, targetValue: number | null) =>
      ex.run(ex.q.insertInto('initiative_indicators')
        .values({ initiative_id: id, indicator_id: indicatorId, baseline_value: baselineValue, target_value: targetValue })
        .onConflict((oc) => oc.columns(['initiative_id', 'indicator_id']).doUpdateSet((eb) => ({
          baseline_value: eb.ref('excluded.baseline_value'),
          target_value: eb.ref('excluded.target_value'),
        }))));
    for (const indicatorId of new Set(indicatorIds)) await kpi(indicatorId, null, null);
    for (const t of targets) await kpi(t.indicatorId, t.baselineValue, t.targetValue);
  };

  return {
    all: async (): Promise<Initiative[]> =>
      (await ex.all(initiatives(ex.q, ex.engine).orderBy('i.done').orderBy(sql`i.end_date IS NULL`).orderBy('i.end_date')
        .orderBy('i.created_at').orderBy('i.id'))).map(toInitiative),
    get: async (id: string): Promise<Initiative | undefined> => {
      const row = await byId(id);
      return row && toInitiative(row);
    },
    /**
     * Open initiatives moving an indicator shown on the board, of a goal owned by the board's unit or a unit below it
     * (a leader follows the cases below; a sibling clinic's case is not this board's business).
     */
    openOnBoard: async (boardId: string): Promise<Initiative[]> =>
      (await ex.all(sql<InitiativeRow>`WITH RECURSIVE below (id) AS (
          SELECT unit_id FROM boards WHERE id = ${boardId}
          UNION ALL SELECT o.id FROM org_units o JOIN below ON o.parent_id = below.id
        )
        SELECT i.*, ${kpisOf(ex.engine)} AS kpis FROM initiatives i WHERE i.done = 0
          AND EXISTS (SELECT 1 FROM goal_owners g JOIN below ON below.id = g.unit_id WHERE g.goal_id = i.goal_id)
          AND EXISTS (SELECT 1 FROM initiative_indicators k JOIN board_indicators bi ON bi.indicator_id = k.indicator_id
            WHERE k.initiative_id = i.id AND bi.board_id = ${boardId})
        ORDER BY i.end_date IS NULL, i.end_date, i.created_at, i.id`)).map(toInitiative),
    /**
     * The boards an open initiative shows on (none once it is closed): the inverse of openOnBoard (the boards of its
     * goal's owners and the units above them that show one of its indicators), so a change reaches exactly the boards
     * that list it.
     */
    boardsShowing: async (id: string): Promise<string[]> =>
      (await ex.all(sql<{ id: string }>`WITH RECURSIVE up (id) AS (
          SELECT g.unit_id FROM goal_owners g JOIN initiatives i ON i.goal_id = g.goal_id WHERE i.id = ${id} AND i.done = 0
          UNION SELECT o.parent_id FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
        )
        SELECT DISTINCT b.id FROM boards b JOIN up ON b.unit_id = up.id
        WHERE EXISTS (SELECT 1 FROM initiative_indicators k JOIN board_indicators bi ON bi.indicator_id = k.indicator_id
          WHERE k.initiative_id = ${id} AND bi.board_id = b.id)
        ORDER BY b.id`)).map((r) => r.id),
    /** The ids of the open initiatives that should move an indicator. */
    openMoving: async (indicatorId: string): Promise<string[]> =>
      (await ex.all(ex.q.selectFrom('initiative_indicators as k').innerJoin('initiatives as i', 'i.id', 'k.initiative_id')
        .select('k.initiative_id as id').distinct().where('i.done', '=', 0).where('k.indicator_id', '=', indicatorId))).map((r) => r.id),
    /** Call inside a transaction: the initiative and its indicators are one change. */
    insert: async (i: InitiativeWrite, now: string): Promise<void> => {
      await ex.run(ex.q.insertInto('initiatives').values({
        id: i.id, goal_id: i.goalId, title: i.title, baseline: i.baseline, expected_effect: i.expectedEffect, end_date: i.endDate,
        done: 0, created_at: now, investment: i.investment, yearly_saving: i.yearlySaving, start_date: i.startDate,
      }));
      await writeKpis(i.id, i.indicatorIds, i.targets);
    },
    update: async (i: InitiativeWrite): Promise<void> => {
      await ex.run(ex.q.updateTable('initiatives').set({
        title: i.title, baseline: i.baseline, expected_effect: i.expectedEffect, end_date: i.endDate,
        investment: i.investment, yearly_saving: i.yearlySaving, start_date: i.startDate,
      }).where('id', '=', i.id));
      await writeKpis(i.id, i.indicatorIds, i.targets);
    },
    setDone: async (id: string, done: boolean, at: string): Promise<boolean> =>
      (await ex.run(ex.q.updateTable('initiatives').set({ done: done ? 1 : 0, closed_at: done ? at : null }).where('id', '=', id))) > 0,
    close: async (id: string, conclusion: string, at: string): Promise<boolean> =>
      (await ex.run(ex.q.updateTable('initiatives').set({ done: 1, conclusion, closed_at: at }).where('id', '=', id))) > 0,
    goalOf: async (id: string): Promise<string | undefined> =>
      (await ex.first(ex.q.selectFrom('initiatives').select('goal_id').where('id', '=', id)))?.goal_id,
    /** Appends to the audit trail (admin_events); call in the transaction of the change it records. */
    audit: async (actor: string, at: string, type: string, subject: string, payload: unknown): Promise<void> => {
      await ex.run(ex.q.insertInto('admin_events').values({ actor, at, type, subject, payload: JSON.stringify(payload) }));
    },
  };
}
export type InitiativesRepository = ReturnType<typeof initiativesRepository>;

type StepRow = EffectChainStepsTable;

export interface StoredStep {
  goalId: string;
  kind: StepRow['kind'];
  title: string;
  indicatorId: string | null;
  unitId: string | null;
}

const toStep = (r: StepRow): StoredStep => ({ goalId: r.goal_id, kind: r.kind, title: r.title, indicatorId: r.indicator_id, unitId: r.unit_id });

/** Effect chains: per goal, its steps in order. */
export function effectChainsRepository(ex: Executor) {
  return {
    all: async (): Promise<StoredStep[]> =>
      (await ex.all(ex.q.selectFrom('effect_chain_steps').selectAll().orderBy('goal_id').orderBy('position'))).map(toStep),
    ofGoal: async (goalId: string): Promise<StoredStep[]> =>
      (await ex.all(ex.q.selectFrom('effect_chain_steps').selectAll().where('goal_id', '=', goalId).orderBy('position'))).map(toStep),
    /** Replaces a goal's chain; call inside a transaction. */
    replace: async (goalId: string, steps: readonly Omit<StoredStep, 'goalId'>[]): Promise<void> => {
      await ex.run(ex.q.deleteFrom('effect_chain_steps').where('goal_id', '=', goalId));
      if (steps.length === 0) return;
      await ex.run(ex.q.insertInto('effect_chain_steps').values(steps.map((s, position) => ({
        goal_id: goalId, position, kind: s.kind, title: s.title, indicator_id: s.indicatorId, unit_id: s.unitId,
      }))));
    },
  };
}
export type EffectChainsRepository = ReturnType<typeof effectChainsRepository>;

import type { Initiative, InitiativeTarget } from '../../shared/cascade';
import type { Db } from '../db/open-database';
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

/** Initiatives (indsatser) with their business cases and the indicators they should move; an audit row per change. */
export function initiativesRepository(db: Db) {
  const select = `SELECT i.*, (SELECT json_group_array(json_object('indicatorId', k.indicator_id,
      'baselineValue', k.baseline_value, 'targetValue', k.target_value)) FROM initiative_indicators k
      WHERE k.initiative_id = i.id) AS kpis FROM initiatives i`;
  const all = db.prepare<[], InitiativeRow>(`${select} ORDER BY i.done, i.end_date IS NULL, i.end_date, i.created_at, i.id`);
  const byId = db.prepare<[string], InitiativeRow>(`${select} WHERE i.id = ?`);
  // Open initiatives moving an indicator shown on the board, of a goal owned by the board's unit or a unit below it
  // (a leader follows the cases below; a sibling clinic's case is not this board's business).
  const openOnBoard = db.prepare<{ board: string }, InitiativeRow>(`WITH RECURSIVE below (id) AS (
      SELECT unit_id FROM boards WHERE id = @board
      UNION ALL SELECT o.id FROM org_units o JOIN below ON o.parent_id = below.id
    )
    ${select} WHERE i.done = 0
      AND EXISTS (SELECT 1 FROM goal_owners g JOIN below ON below.id = g.unit_id WHERE g.goal_id = i.goal_id)
      AND EXISTS (SELECT 1 FROM initiative_indicators k JOIN board_indicators bi ON bi.indicator_id = k.indicator_id
        WHERE k.initiative_id = i.id AND bi.board_id = @board)
    ORDER BY i.end_date IS NULL, i.end_date, i.created_at, i.id`);
  // The boards an open initiative shows on: the inverse of openOnBoard (the boards of its goal's owners and the units
  // above them that show one of its indicators), so a change reaches exactly the boards that list it.
  const boardsShowing = db.prepare<{ id: string }, { id: string }>(`WITH RECURSIVE up (id) AS (
      SELECT g.unit_id FROM goal_owners g JOIN initiatives i ON i.goal_id = g.goal_id WHERE i.id = @id AND i.done = 0
      UNION SELECT o.parent_id FROM org_units o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL
    )
    SELECT DISTINCT b.id FROM boards b JOIN up ON b.unit_id = up.id
    WHERE EXISTS (SELECT 1 FROM initiative_indicators k JOIN board_indicators bi ON bi.indicator_id = k.indicator_id
      WHERE k.initiative_id = @id AND bi.board_id = b.id)
    ORDER BY b.id`);
  const openMoving = db.prepare<[string], { id: string }>(`SELECT DISTINCT k.initiative_id AS id FROM initiative_indicators k
    JOIN initiatives i ON i.id = k.initiative_id WHERE i.done = 0 AND k.indicator_id = ?`);
  const insert = db.prepare(`INSERT INTO initiatives (id, goal_id, title, baseline, expected_effect, end_date, done,
      created_at, investment, yearly_saving, start_date)
    VALUES (@id, @goalId, @title, @baseline, @expectedEffect, @endDate, 0, @now, @investment, @yearlySaving, @startDate)`);
  const update = db.prepare(`UPDATE initiatives SET title = @title, baseline = @baseline, expected_effect = @expectedEffect,
      end_date = @endDate, investment = @investment, yearly_saving = @yearlySaving, start_date = @startDate WHERE id = @id`);
  const clearKpis = db.prepare<[string]>('DELETE FROM initiative_indicators WHERE initiative_id = ?');
  const kpi = db.prepare<[string, string, number | null, number | null]>(`INSERT INTO initiative_indicators
      (initiative_id, indicator_id, baseline_value, target_value) VALUES (?, ?, ?, ?)
    ON CONFLICT (initiative_id, indicator_id) DO UPDATE SET baseline_value = excluded.baseline_value,
      target_value = excluded.target_value`);
  const setDone = db.prepare<[number, string | null, string]>('UPDATE initiatives SET done = ?, closed_at = ? WHERE id = ?');
  const close = db.prepare<[string, string, string]>('UPDATE initiatives SET done = 1, conclusion = ?, closed_at = ? WHERE id = ?');
  const audit = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO admin_events (actor, at, type, subject, payload) VALUES (?, ?, ?, ?, ?)',
  );

  const writeKpis = (id: string, indicatorIds: readonly string[], targets: readonly InitiativeTarget[]) => {
    clearKpis.run(id);
    for (const indicatorId of new Set(indicatorIds)) kpi.run(id, indicatorId, null, null);
    for (const t of targets) kpi.run(id, t.indicatorId, t.baselineValue, t.targetValue);
  };

  return {
    all: (): Initiative[] => all.all().map(toInitiative),
    get: (id: string): Initiative | undefined => {
      const row = byId.get(id);
      return row && toInitiative(row);
    },
    openOnBoard: (boardId: string): Initiative[] => openOnBoard.all({ board: boardId }).map(toInitiative),
    /** The boards an open initiative shows on (none once it is closed). */
    boardsShowing: (id: string): string[] => boardsShowing.all({ id }).map((r) => r.id),
    /** The ids of the open initiatives that should move an indicator. */
    openMoving: (indicatorId: string): string[] => openMoving.all(indicatorId).map((r) => r.id),
    /** Call inside a transaction: the initiative and its indicators are one change. */
    insert: (i: InitiativeWrite, now: string): void => {
      insert.run({ ...i, now });
      writeKpis(i.id, i.indicatorIds, i.targets);
    },
    update: (i: InitiativeWrite): void => {
      update.run(i);
      writeKpis(i.id, i.indicatorIds, i.targets);
    },
    setDone: (id: string, done: boolean, at: string): boolean => setDone.run(done ? 1 : 0, done ? at : null, id).changes > 0,
    close: (id: string, conclusion: string, at: string): boolean => close.run(conclusion, at, id).changes > 0,
    goalOf: (id: string): string | undefined => byId.get(id)?.goal_id,
    /** Appends to the audit trail (admin_events); call in the transaction of the change it records. */
    audit: (actor: string, at: string, type: string, subject: string, payload: unknown): void => {
      audit.run(actor, at, type, subject, JSON.stringify(payload));
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
export function effectChainsRepository(db: Db) {
  const all = db.prepare<[], StepRow>('SELECT * FROM effect_chain_steps ORDER BY goal_id, position');
  const ofGoal = db.prepare<[string], StepRow>('SELECT * FROM effect_chain_steps WHERE goal_id = ? ORDER BY position');
  const clear = db.prepare<[string]>('DELETE FROM effect_chain_steps WHERE goal_id = ?');
  const insert = db.prepare(`INSERT INTO effect_chain_steps (goal_id, position, kind, title, indicator_id, unit_id)
    VALUES (@goalId, @position, @kind, @title, @indicatorId, @unitId)`);
  return {
    all: (): StoredStep[] => all.all().map(toStep),
    ofGoal: (goalId: string): StoredStep[] => ofGoal.all(goalId).map(toStep),
    /** Replaces a goal's chain; call inside a transaction. */
    replace: (goalId: string, steps: readonly Omit<StoredStep, 'goalId'>[]): void => {
      clear.run(goalId);
      steps.forEach((s, position) => insert.run({ ...s, goalId, position }));
    },
  };
}

import type { Db } from '../db/open-database';
import type { DemoOrganisation } from './demo-organisation';

export const goalId = (key: string): string => `goal-${key}`;

/** Indicators the psychiatry makes mandatory for every unit below it, and how their values roll up. */
export const DEMO_MANDATORY: Readonly<Record<string, 'sum' | 'mean' | 'weighted' | null>> = {
  sygefravaer: 'weighted',
};

/**
 * Indicators whose parent value is made from the units below (a rate over all their cases): the parent's demo series
 * is that roll-up, so a leader never sees a figure that contradicts the clinics'.
 */
export const DEMO_ROLLUPS: Readonly<Record<string, 'weighted'>> = {
  sygefravaer: 'weighted',
  'opfoelg-7': 'weighted',
  'genindl-30': 'weighted',
  udeblivelser: 'weighted',
};

/**
 * Writes the demo's goals (national top goals, their translations down the layers, the cross-cutting discharge
 * goal) and marks the mandatory indicators. Parents first, as the foreign keys are checked per row.
 */
export function writeDemoGoals(db: Db, org: DemoOrganisation, now: string): number {
  const insert = db.prepare(`INSERT INTO goals (id, parent_id, title, external, why, deadline, indicator_id, target,
      source, created_at, updated_at)
    VALUES (@id, @parentId, @title, @external, @why, @deadline, @indicatorId, @target, @source, @now, @now)`);
  const owner = db.prepare<[string, string]>('INSERT INTO goal_owners (goal_id, unit_id) VALUES (?, ?)');
  const also = db.prepare<[string, string]>('INSERT INTO goal_indicators (goal_id, indicator_id) VALUES (?, ?)');
  const partner = db.prepare<[string, string, string]>('INSERT INTO goal_external_owners (goal_id, name, status) VALUES (?, ?, ?)');
  const written = new Set<string>();
  let pending = [...org.goals];
  while (pending.length > 0) {
    const ready = pending.filter((g) => !g.translates || written.has(g.translates));
    if (ready.length === 0) throw new Error(`Demo goals translate unknown goals: ${pending.map((g) => g.key).join(', ')}`);
    for (const g of ready) {
      insert.run({
        id: goalId(g.key),
        parentId: g.translates ? goalId(g.translates) : null,
        title: g.title,
        external: g.external ?? '',
        why: g.why ?? '',
        deadline: g.deadline ?? null,
        indicatorId: g.indicator ?? null,
        target: g.target ?? null,
        source: g.source,
        now,
      });
      for (const unit of g.units ?? (g.unit ? [g.unit] : [])) owner.run(goalId(g.key), unit);
      for (const indicator of g.also ?? []) also.run(goalId(g.key), indicator);
      for (const p of g.externalOwners ?? []) partner.run(goalId(g.key), p.name, p.status);
      written.add(g.key);
    }
    pending = pending.filter((g) => !written.has(g.key));
  }
  const mark = db.prepare<[string | null, string]>('UPDATE indicators SET mandatory = 1, rollup = ? WHERE id = ?');
  for (const [id, rollup] of Object.entries(DEMO_MANDATORY)) mark.run(rollup, id);
  const rollUp = db.prepare<[string, string]>('UPDATE indicators SET rollup = ? WHERE id = ?');
  for (const [id, rollup] of Object.entries(DEMO_ROLLUPS)) rollUp.run(rollup, id);
  return written.size;
}

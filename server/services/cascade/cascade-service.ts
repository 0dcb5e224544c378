import { randomUUID } from 'node:crypto';
import type {
  Goal,
  GoalInput,
  GoalLink,
  GoalView,
  IndicatorPageResponse,
  OwnerStatus,
  RollupRow,
} from '../../../shared/cascade';
import { GoalInput as GoalInputSchema } from '../../../shared/cascade';
import { goalChain, rollUp, wouldCycle } from '../../../shared/domain/cascade';
import { jointStatus } from '../../../shared/domain/business-case';
import { type Status, measurementStatus } from '../../../shared/domain/status';
import type { BoardIndicator, Measurement, OrgUnit } from '../../../shared/schemas';
import type { Db } from '../../db/open-database';
import type { Repositories } from '../../repositories';
import { cascadeRepository } from '../../repositories/cascade-repository';
import { createCascadeChanges } from './cascade-changes';
import { fail } from './failure';
import type { Clock, CommandService } from '../command-service';
import { calendarDate } from '../../../shared/domain/periods';



const tileStatus = (i: BoardIndicator): Status => measurementStatus(i, i.target, i.recent.at(-1));

/** Goals, line of sight, the overview heat-map and indicator pages: reads over the cascade, and goal edits. */
export function createCascadeService(db: Db, repos: Repositories, commands: CommandService, clock: Clock) {
  const cascade = cascadeRepository(db);
  const today = () => calendarDate(clock.now());

  const unitNames = () => new Map(cascade.units().map((u) => [u.id, u.name]));
  const link = (g: Goal, names: Map<string, string>): GoalLink => ({
    id: g.id,
    title: g.title,
    external: g.external,
    ownerNames: g.ownerIds.map((id) => names.get(id) ?? id),
  });

  /** The goal chain for an indicator at a unit: the unit's own goal for it (or the nearest above), then upwards. */
  const chainFor = (indicatorId: string, unitId: string): GoalLink[] => {
    const goals = cascade.goals();
    const byId = new Map(goals.map((g) => [g.id, g]));
    const units = new Map(cascade.units().map((u) => [u.id, u]));
    const names = new Map([...units.values()].map((u) => [u.id, u.name]));
    for (let unit: OrgUnit | undefined = units.get(unitId); unit; unit = unit.parentId ? units.get(unit.parentId) : undefined) {
      // The goal measured by the indicator first; else a goal it also serves (every board indicator serves a goal).
      const owned = goals.filter((g) => g.ownerIds.includes(unit.id));
      const own = owned.find((g) => g.indicatorId === indicatorId) ?? owned.find((g) => g.alsoIndicatorIds.includes(indicatorId));
      if (own) return [own, ...goalChain(own, byId)].map((g) => link(g, names));
    }
    return [];
  };

  const goalViews = db.transaction((): GoalView[] => {
    const goals = cascade.goals();
    const byId = new Map(goals.map((g) => [g.id, g]));
    const units = new Map(cascade.units().map((u) => [u.id, u]));
    const names = new Map([...units.values()].map((u) => [u.id, u.name]));
    const ranks = new Map(cascade.layers().map((l) => [l.id, l.rank]));
    const day = today();
    return goals.map((g) => {
      const indicator = g.indicatorId ? repos.indicators.get(g.indicatorId) : undefined;
      // Each owner's own status, partners' as they report it; the joint status is the weakest link's.
      const ownerStatuses: OwnerStatus[] = [
        ...g.ownerIds.map((owner) => ({
          name: names.get(owner) ?? owner,
          unitId: owner,
          status: indicator
            ? measurementStatus(indicator, repos.indicators.currentTarget(indicator, owner, day), cascade.series(indicator.id, owner).at(-1))
            : 'none',
        })),
        ...g.externalOwners.map((e) => ({ name: e.name, unitId: null, status: e.status })),
      ];
      const status = jointStatus(ownerStatuses.map((o) => o.status));
      const rank = Math.min(...g.ownerIds.map((id) => ranks.get(units.get(id)?.layerId ?? '') ?? 99));
      return {
        ...g,
        ownerNames: g.ownerIds.map((id) => names.get(id) ?? id),
        layerRank: Number.isFinite(rank) ? rank : 0,
        indicatorName: indicator?.name ?? null,
        status,
        ownerStatuses,
        chain: goalChain(g, byId).map((p) => link(p, names)),
      };
    });
  });

  const saveGoal = db.transaction((id: string | null, input: Partial<GoalInput>, patch: boolean) => {
    const existing = id ? cascade.goal(id) : undefined;
    if (id && !existing) return fail(404, 'NOT_FOUND', 'The goal does not exist.');
    const merged = GoalInputSchema.safeParse(patch && existing ? { ...stripGoal(existing), ...input } : input);
    if (!merged.success) {
      const issue = merged.error.issues[0]!;
      return fail(400, 'VALIDATION_FAILED', 'The goal is not valid.', `${issue.path.join('.')}: ${issue.message}`);
    }
    const g = merged.data;
    const goalId = id ?? `goal-${randomUUID()}`;
    const byId = new Map(cascade.goals().map((x) => [x.id, x]));
    if (g.parentId && !byId.has(g.parentId)) return fail(400, 'VALIDATION_FAILED', 'The parent goal does not exist.', 'parentId');
    if (wouldCycle(goalId, g.parentId, byId)) {
      return fail(400, 'VALIDATION_FAILED', 'A goal cannot translate itself or a goal below it.', 'parentId');
    }
    const unitIds = new Set(cascade.units().map((u) => u.id));
    const unknownOwner = g.ownerIds.find((o) => !unitIds.has(o));
    if (unknownOwner) return fail(400, 'VALIDATION_FAILED', `No org unit has the id ${unknownOwner}.`, 'ownerIds');
    if (g.indicatorId && !repos.indicators.get(g.indicatorId)) {
      return fail(400, 'VALIDATION_FAILED', 'No indicator has this id.', 'indicatorId');
    }
    cascade.saveGoal({ ...g, id: goalId, now: clock.now().toISOString() });
    return { ok: true as const, goal: cascade.goal(goalId)! };
  });

  const rollupRows = (indicatorId: string, unitId: string): RollupRow[] | null => {
    const def = cascade.definition(indicatorId);
    if (!def?.rollup) return null;
    const names = unitNames();
    const byPeriod = new Map<string, Measurement[]>();
    for (const m of cascade.childSeries(indicatorId, unitId)) {
      byPeriod.set(m.periodStart, [...(byPeriod.get(m.periodStart) ?? []), m]);
    }
    return [...byPeriod.entries()].map(([periodStart, list]) => ({
      periodStart,
      value: rollUp(def.rollup!, list),
      children: list.map((m) => ({ unitId: m.unitId, unitName: names.get(m.unitId) ?? m.unitId, value: m.value })),
    }));
  };

  const indicatorPage = db.transaction((indicatorId: string, unitId: string): IndicatorPageResponse | undefined => {
    const indicator = cascade.definition(indicatorId);
    const unit = cascade.units().find((u) => u.id === unitId);
    if (!indicator || !unit) return undefined;
    const day = today();
    const units = cascade.units();
    const children = units.filter((u) => u.parentId === unitId);
    const showing = cascade.unitsShowing(indicatorId);
    const below = children.map((child) => {
      const latest = cascade.series(indicatorId, child.id).at(-1) ?? null;
      const target = repos.indicators.currentTarget(indicator, child.id, day);
      return {
        unitId: child.id,
        unitName: child.name,
        boardId: showing.find((s) => s.unitId === child.id)?.boardId ?? null,
        status: measurementStatus(indicator, target, latest),
        latest,
        target,
      };
    }).filter((b) => b.boardId !== null || b.latest !== null);
    const measurements = cascade.series(indicatorId, unitId);
    const recorders = [...new Set(measurements.map((m) => m.recordedBy))];
    return {
      indicator,
      unit,
      boardId: showing.find((s) => s.unitId === unitId)?.boardId ?? cascade.boardOfUnit(unitId),
      target: repos.indicators.currentTarget(indicator, unitId, day),
      targetInherited: !cascade.hasOwnTarget(indicatorId, unitId, day),
      measurements,
      recordedByNames: Object.fromEntries(recorders.map((a) => [a, repos.meetings.displayName(a)])),
      baselineTo: cascade.baselineTo(indicatorId, unitId),
      chain: chainFor(indicatorId, unitId),
      below,
      deviations: cascade.deviations(indicatorId, unitId),
      rollup: rollupRows(indicatorId, unitId),
    };
  });

  const changes = createCascadeChanges(db, repos, commands, clock);

  return {
    ...changes,
    goal: (id: string) => cascade.goal(id),
    goals: (): GoalView[] => goalViews(),
    units: () => cascade.units(),
    /** One row by key, where a request only needs to know the unit is there (not the region's whole list). */
    unitExists: (unitId: string): boolean => cascade.unitExists(unitId),
    layers: () => cascade.layers(),
    indicatorNames: () => cascade.indicatorNames(),
    saveGoal: (id: string | null, input: Partial<GoalInput>, patch = false) => saveGoal(id, input, patch),
    indicatorPage: (indicatorId: string, unitId: string) => indicatorPage(indicatorId, unitId),
    chainFor,
    setBaseline: (indicatorId: string, unitId: string, baselineTo: string | null, actor: string): boolean => {
      if (!cascade.definition(indicatorId)) return false;
      db.transaction(() => {
        cascade.setBaseline(indicatorId, unitId, baselineTo, clock.now().toISOString(), actor);
        // A frozen median changes the signal the overview shows.
        repos.unitStatus.targetChanged(indicatorId, unitId, today());
      })();
      return true;
    },
    boardOfUnit: (unitId: string) => cascade.boardOfUnit(unitId),
    /** The unit's board indicators with latest value, target and status (the status table export). */
    statusTable: (unitId: string) => {
      const boardId = cascade.boardOfUnit(unitId);
      if (!boardId) return [];
      return repos.indicators.forBoard(boardId, unitId, today()).map((i) => {
        const latest = i.recent.at(-1);
        return {
          indicatorId: i.id,
          name: i.name,
          periodStart: latest?.periodStart ?? null,
          value: latest?.value ?? null,
          target: i.target?.target ?? null,
          low: i.target?.low ?? null,
          high: i.target?.high ?? null,
          tolerance: i.target?.tolerance ?? null,
          status: tileStatus(i),
        };
      });
    },
    definition: (id: string) => cascade.definition(id),
  };
}
export type CascadeService = ReturnType<typeof createCascadeService>;

function stripGoal(g: Goal): GoalInput {
  const { id: _id, ...rest } = g;
  return rest;
}

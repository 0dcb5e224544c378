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
import { type Repositories, createRepositories } from '../../repositories';
import type { Store } from '../../store';
import { createCascadeChanges } from './cascade-changes';
import { fail } from './failure';
import type { Clock } from '../command-service';
import { calendarDate } from '../../../shared/domain/periods';

const tileStatus = (i: BoardIndicator): Status => measurementStatus(i, i.target, i.recent.at(-1));

/** Goals, line of sight, the overview heat-map and indicator pages: reads over the cascade, and goal edits. */
export function createCascadeService(store: Store, clock: Clock) {
  const today = () => calendarDate(clock.now());
  /** The store's repositories, for reads that need no single moment. */
  const reading = () => createRepositories(store);
  /** Several reads that must agree (one moment), or a write with its checks: in one transaction. */
  const inTransaction = <T>(work: (repos: Repositories) => Promise<T>): Promise<T> =>
    store.transaction(async (tx) => work(createRepositories(tx)));

  const link = (g: Goal, names: Map<string, string>): GoalLink => ({
    id: g.id,
    title: g.title,
    external: g.external,
    ownerNames: g.ownerIds.map((id) => names.get(id) ?? id),
  });

  /** The goal chain for an indicator at a unit: the unit's own goal for it (or the nearest above), then upwards. */
  const chainIn = async (repos: Repositories, indicatorId: string, unitId: string): Promise<GoalLink[]> => {
    const goals = await repos.cascade.goals();
    const byId = new Map(goals.map((g) => [g.id, g]));
    const units = new Map((await repos.cascade.units()).map((u) => [u.id, u]));
    const names = new Map([...units.values()].map((u) => [u.id, u.name]));
    for (let unit: OrgUnit | undefined = units.get(unitId); unit; unit = unit.parentId ? units.get(unit.parentId) : undefined) {
      // The goal measured by the indicator first; else a goal it also serves (every board indicator serves a goal).
      const owned = goals.filter((g) => g.ownerIds.includes(unit.id));
      const own = owned.find((g) => g.indicatorId === indicatorId) ?? owned.find((g) => g.alsoIndicatorIds.includes(indicatorId));
      if (own) return [own, ...goalChain(own, byId)].map((g) => link(g, names));
    }
    return [];
  };

  const goalViews = (): Promise<GoalView[]> =>
    inTransaction(async (repos) => {
      const cascade = repos.cascade;
      const goals = await cascade.goals();
      const byId = new Map(goals.map((g) => [g.id, g]));
      const units = new Map((await cascade.units()).map((u) => [u.id, u]));
      const names = new Map([...units.values()].map((u) => [u.id, u.name]));
      const ranks = new Map((await cascade.layers()).map((l) => [l.id, l.rank]));
      const day = today();
      const views: GoalView[] = [];
      for (const g of goals) {
        const indicator = g.indicatorId ? await repos.indicators.get(g.indicatorId) : undefined;
        // Each owner's own status, partners' as they report it; the joint status is the weakest link's.
        const ownerStatuses: OwnerStatus[] = [];
        for (const owner of g.ownerIds) {
          ownerStatuses.push({
            name: names.get(owner) ?? owner,
            unitId: owner,
            status: indicator
              ? measurementStatus(indicator, await repos.indicators.currentTarget(indicator, owner, day), (await cascade.series(indicator.id, owner)).at(-1))
              : 'none',
          });
        }
        ownerStatuses.push(...g.externalOwners.map((e) => ({ name: e.name, unitId: null, status: e.status })));
        const status = jointStatus(ownerStatuses.map((o) => o.status));
        const rank = Math.min(...g.ownerIds.map((id) => ranks.get(units.get(id)?.layerId ?? '') ?? 99));
        views.push({
          ...g,
          ownerNames: g.ownerIds.map((id) => names.get(id) ?? id),
          layerRank: Number.isFinite(rank) ? rank : 0,
          indicatorName: indicator?.name ?? null,
          status,
          ownerStatuses,
          chain: goalChain(g, byId).map((p) => link(p, names)),
        });
      }
      return views;
    });

  const saveGoal = (id: string | null, input: Partial<GoalInput>, patch: boolean) =>
    inTransaction(async (repos) => {
      const cascade = repos.cascade;
      const existing = id ? await cascade.goal(id) : undefined;
      if (id && !existing) return fail(404, 'NOT_FOUND', 'The goal does not exist.');
      const merged = GoalInputSchema.safeParse(patch && existing ? { ...stripGoal(existing), ...input } : input);
      if (!merged.success) {
        const issue = merged.error.issues[0]!;
        return fail(400, 'VALIDATION_FAILED', 'The goal is not valid.', `${issue.path.join('.')}: ${issue.message}`);
      }
      const g = merged.data;
      const goalId = id ?? `goal-${randomUUID()}`;
      const byId = new Map((await cascade.goals()).map((x) => [x.id, x]));
      if (g.parentId && !byId.has(g.parentId)) return fail(400, 'VALIDATION_FAILED', 'The parent goal does not exist.', 'parentId');
      if (wouldCycle(goalId, g.parentId, byId)) {
        return fail(400, 'VALIDATION_FAILED', 'A goal cannot translate itself or a goal below it.', 'parentId');
      }
      const unitIds = new Set((await cascade.units()).map((u) => u.id));
      const unknownOwner = g.ownerIds.find((o) => !unitIds.has(o));
      if (unknownOwner) return fail(400, 'VALIDATION_FAILED', `No org unit has the id ${unknownOwner}.`, 'ownerIds');
      if (g.indicatorId && !(await repos.indicators.get(g.indicatorId))) {
        return fail(400, 'VALIDATION_FAILED', 'No indicator has this id.', 'indicatorId');
      }
      await cascade.saveGoal({ ...g, id: goalId, now: clock.now().toISOString() });
      return { ok: true as const, goal: (await cascade.goal(goalId))! };
    });

  const rollupRows = async (repos: Repositories, indicatorId: string, unitId: string): Promise<RollupRow[] | null> => {
    const def = await repos.cascade.definition(indicatorId);
    if (!def?.rollup) return null;
    const names = new Map((await repos.cascade.units()).map((u) => [u.id, u.name]));
    const byPeriod = new Map<string, Measurement[]>();
    for (const m of await repos.cascade.childSeries(indicatorId, unitId)) {
      byPeriod.set(m.periodStart, [...(byPeriod.get(m.periodStart) ?? []), m]);
    }
    return [...byPeriod.entries()].map(([periodStart, list]) => ({
      periodStart,
      value: rollUp(def.rollup!, list),
      children: list.map((m) => ({ unitId: m.unitId, unitName: names.get(m.unitId) ?? m.unitId, value: m.value })),
    }));
  };

  const indicatorPage = (indicatorId: string, unitId: string): Promise<IndicatorPageResponse | undefined> =>
    inTransaction(async (repos) => {
      const cascade = repos.cascade;
      const indicator = await cascade.definition(indicatorId);
      const units = await cascade.units();
      const unit = units.find((u) => u.id === unitId);
      if (!indicator || !unit) return undefined;
      const day = today();
      const children = units.filter((u) => u.parentId === unitId);
      const showing = await cascade.unitsShowing(indicatorId);
      const below = [];
      for (const child of children) {
        const latest = (await cascade.series(indicatorId, child.id)).at(-1) ?? null;
        const target = await repos.indicators.currentTarget(indicator, child.id, day);
        const boardId = showing.find((s) => s.unitId === child.id)?.boardId ?? null;
        if (boardId === null && latest === null) continue;
        below.push({ unitId: child.id, unitName: child.name, boardId, status: measurementStatus(indicator, target, latest), latest, target });
      }
      const measurements = await cascade.series(indicatorId, unitId);
      const recorders = [...new Set(measurements.map((m) => m.recordedBy))];
      const recordedByNames: Record<string, string> = {};
      for (const a of recorders) recordedByNames[a] = await repos.meetings.displayName(a);
      return {
        indicator,
        unit,
        boardId: showing.find((s) => s.unitId === unitId)?.boardId ?? (await cascade.boardOfUnit(unitId)),
        target: await repos.indicators.currentTarget(indicator, unitId, day),
        targetInherited: !(await cascade.hasOwnTarget(indicatorId, unitId, day)),
        measurements,
        recordedByNames,
        baselineTo: await cascade.baselineTo(indicatorId, unitId),
        chain: await chainIn(repos, indicatorId, unitId),
        below,
        deviations: await cascade.deviations(indicatorId, unitId),
        rollup: await rollupRows(repos, indicatorId, unitId),
      };
    });

  const changes = createCascadeChanges(store, clock);

  return {
    ...changes,
    goal: async (id: string) => reading().cascade.goal(id),
    goals: (): Promise<GoalView[]> => goalViews(),
    units: async () => reading().cascade.units(),
    /** One row by key, where a request only needs to know the unit is there (not the region's whole list). */
    unitExists: async (unitId: string): Promise<boolean> => reading().cascade.unitExists(unitId),
    layers: async () => reading().cascade.layers(),
    indicatorNames: async () => reading().cascade.indicatorNames(),
    saveGoal: (id: string | null, input: Partial<GoalInput>, patch = false) => saveGoal(id, input, patch),
    indicatorPage: (indicatorId: string, unitId: string) => indicatorPage(indicatorId, unitId),
    chainFor: (indicatorId: string, unitId: string) => chainIn(reading(), indicatorId, unitId),
    setBaseline: async (indicatorId: string, unitId: string, baselineTo: string | null, actor: string): Promise<boolean> =>
      inTransaction(async (repos) => {
        if (!(await repos.cascade.definition(indicatorId))) return false;
        await repos.cascade.setBaseline(indicatorId, unitId, baselineTo, clock.now().toISOString(), actor);
        // A frozen median changes the signal the overview shows.
        await repos.unitStatus.targetChanged(indicatorId, unitId, today());
        return true;
      }),
    boardOfUnit: async (unitId: string): Promise<string | null> => reading().cascade.boardOfUnit(unitId),
    /** The unit's board indicators with latest value, target and status (the status table export). */
    statusTable: async (unitId: string) => {
      const repos = reading();
      const boardId = await repos.cascade.boardOfUnit(unitId);
      if (!boardId) return [];
      return (await repos.indicators.forBoard(boardId, unitId, today())).map((i) => {
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
    definition: async (id: string) => reading().cascade.definition(id),
  };
}
export type CascadeService = ReturnType<typeof createCascadeService>;

function stripGoal(g: Goal): GoalInput {
  const { id: _id, ...rest } = g;
  return rest;
}

import { randomUUID } from 'node:crypto';
import type { Initiative, InitiativeInput, InitiativePatch } from '../../../shared/cascade';
import type { BoardEvent } from '../../../shared/protocol';
import { InitiativeInput as InitiativeInputSchema } from '../../../shared/cascade';
import { indicatorProgress, paybackYears } from '../../../shared/domain/business-case';
import { reportable } from '../../../shared/domain/cascade';
import { chainBreak, chainProblem } from '../../../shared/domain/effect-chain';
import { analyseSeries } from '../../../shared/domain/indicator-signal';
import { calendarDate } from '../../../shared/domain/periods';
import { measurementStatus } from '../../../shared/domain/status';
import type { BusinessCase, EffectChain, EffectChainInput, EffectChainStep, IndicatorProgress } from '../../../shared/maalstyring';
import { type Repositories, createRepositories } from '../../repositories';
import type { Store } from '../../store';
import type { StoredStep } from '../../repositories/initiatives-repository';
import type { Clock } from '../command-service';
import type { Effect } from '../decision';
import { type MeasurementFollowUp, commitEffects } from '../event-store';
import { businessCaseEffects } from './business-case-events';
import { type Fail, fail } from './failure';

/** A saved initiative and the events that tell the boards showing it (broadcast them after the commit). */
type Saved = { ok: true; initiative: Initiative; events: BoardEvent[] } | Fail;

/**
 * The reads of business cases and effect chains over one set of repositories: the store's for a request's reads,
 * a transaction's inside a write (where the store itself must not be used).
 */
function caseReads(repos: Repositories, today: () => string) {
  const tree = repos.cascade;

  /** The unit an indicator is followed at for a goal: the first owner with values, else the indicator's own unit. */
  const unitFor = async (indicatorId: string, goalOwners: readonly string[]): Promise<string | null> => {
    for (const owner of goalOwners) if ((await tree.series(indicatorId, owner)).length > 0) return owner;
    return (await tree.definition(indicatorId))?.unitId ?? null;
  };

  const unknownIndicator = async (ids: readonly string[]): Promise<string | undefined> => {
    for (const id of ids) if (!(await repos.indicators.get(id))) return id;
    return undefined;
  };

  const progressOf = async (i: Initiative, owners: readonly string[], upTo: string): Promise<IndicatorProgress[]> => {
    const progress: IndicatorProgress[] = [];
    for (const indicatorId of i.indicatorIds) {
      const def = await tree.definition(indicatorId);
      const unitId = await unitFor(indicatorId, owners);
      if (!def || !unitId) continue;
      const target = i.targets.find((t) => t.indicatorId === indicatorId);
      const points = reportable(await tree.series(indicatorId, unitId), def.minRespondents).filter((m) => m.periodStart <= upTo);
      const p = indicatorProgress(points, i.startDate, target?.baselineValue ?? null, target?.targetValue ?? null);
      progress.push({
        indicatorId, name: def.name, unitId, unitLabel: def.unitLabel, decimals: def.decimals,
        targetValue: target?.targetValue ?? null, ...p,
      });
    }
    return progress;
  };

  /** The business case of an initiative as shown: payback and progress per indicator up to a day (today). */
  const view = async (i: Initiative, upTo = today()): Promise<BusinessCase> => {
    const goal = await tree.goal(i.goalId);
    return {
      initiativeId: i.id,
      goalId: i.goalId,
      goalTitle: goal?.title ?? '',
      title: i.title,
      done: i.done,
      investment: i.investment,
      yearlySaving: i.yearlySaving,
      paybackYears: paybackYears(i.investment, i.yearlySaving),
      expectedChange: i.expectedEffect,
      startDate: i.startDate,
      endDate: i.endDate,
      conclusion: i.conclusion,
      closedAt: i.closedAt,
      indicators: await progressOf(i, goal?.ownerIds ?? [], upTo),
    };
  };

  const stepView = async (s: StoredStep, owners: readonly string[], upTo: string): Promise<EffectChainStep> => {
    const def = s.indicatorId ? await tree.definition(s.indicatorId) : undefined;
    const unitId = s.unitId ?? (s.indicatorId ? await unitFor(s.indicatorId, owners) : null);
    const unitName = unitId ? ((await tree.units()).find((u) => u.id === unitId)?.name ?? null) : null;
    const base = {
      kind: s.kind, title: s.title, indicatorId: s.indicatorId, indicatorName: def?.name ?? null, unitId, unitName,
      indicatorType: def?.type ?? null, kindOfIndicator: def?.kind ?? null, decimals: def?.decimals ?? 0, unitLabel: def?.unitLabel ?? '',
    };
    if (!def || !unitId) return { ...base, status: 'none', signal: false, latestValue: null };
    const all = (await tree.series(def.id, unitId)).filter((m) => m.periodStart <= upTo);
    const { points, analysis } = analyseSeries({ measurements: all, minRespondents: def.minRespondents, baselineTo: await tree.baselineTo(def.id, unitId) });
    const latest = all.at(-1);
    return {
      ...base,
      status: measurementStatus(def, await repos.indicators.currentTarget(def, unitId, upTo), latest),
      signal: analysis.signal,
      latestValue: points.at(-1)?.value ?? null,
    };
  };

  const chainOf = async (goalId: string, upTo = today()): Promise<EffectChain | null> => {
    const goal = await tree.goal(goalId);
    const steps = await repos.effectChains.ofGoal(goalId);
    if (!goal || steps.length === 0) return null;
    const views: EffectChainStep[] = [];
    for (const step of steps) views.push(await stepView(step, goal.ownerIds, upTo));
    return { goalId, goalTitle: goal.title, steps: views, breaksAt: chainBreak(views.map((v) => v.status)) };
  };

  const chainsOfGoals = async (goalIds: readonly string[], upTo?: string): Promise<EffectChain[]> => {
    const chains: EffectChain[] = [];
    for (const goalId of goalIds) {
      const chain = await chainOf(goalId, upTo);
      if (chain) chains.push(chain);
    }
    return chains;
  };

  const views = async (initiatives: readonly Initiative[]): Promise<BusinessCase[]> => {
    const shown: BusinessCase[] = [];
    for (const i of initiatives) shown.push(await view(i));
    return shown;
  };

  return { unknownIndicator, view, views, chainOf, chainsOfGoals, told: businessCaseEffects(repos, view) };
}

/**
 * Initiatives with business cases, and effect chains: writes in one transaction with their audit row, reads with
 * the progress and status computed from the indicators' series (the same reportable points as everywhere else).
 */
export function createBusinessCases(store: Store, clock: Clock) {
  const now = () => clock.now().toISOString();
  const today = () => calendarDate(clock.now());
  const reads = () => caseReads(createRepositories(store), today);
  /** A write in one transaction, with the repositories and reads of that transaction. */
  const writing = <T>(change: (repos: Repositories, on: ReturnType<typeof caseReads>) => Promise<T>): Promise<T> =>
    store.transaction(async (tx) => {
      const repos = createRepositories(tx);
      return change(repos, caseReads(repos, today));
    });
  /** Commits the boards' events of a change in its own transaction; none when no board shows the case. */
  const tell = async (repos: Repositories, effects: Effect[], command: string, actor: string): Promise<BoardEvent[]> => {
    const origin = effects[0]?.boardIds[0];
    return origin ? commitEffects(repos, effects, { opId: `${command}-${randomUUID()}`, command, originBoardId: origin, actor, at: now() }) : [];
  };

  const check = async (on: ReturnType<typeof caseReads>, input: { indicatorIds: string[]; targets: { indicatorId: string }[] }): Promise<Fail | null> => {
    const unknown = await on.unknownIndicator([...input.indicatorIds, ...input.targets.map((t) => t.indicatorId)]);
    return unknown ? fail(400, 'VALIDATION_FAILED', `No indicator has the id ${unknown}.`, 'indicatorIds') : null;
  };

  const write = (i: Initiative | Omit<Initiative, 'done' | 'conclusion' | 'closedAt'>) => ({
    ...i,
    indicatorIds: [...new Set([...i.indicatorIds, ...i.targets.map((t) => t.indicatorId)])],
  });

  const create = (goalId: string, body: InitiativeInput, actor: string): Promise<Saved> =>
    writing(async (repos, on): Promise<Saved> => {
      const goal = await repos.cascade.goal(goalId);
      if (!goal) return fail(404, 'NOT_FOUND', 'The goal does not exist.');
      const input = InitiativeInputSchema.parse(body);
      const bad = await check(on, input);
      if (bad) return bad;
      const id = `ini-${randomUUID()}`;
      await repos.initiatives.insert(write({ id, goalId, ...input }), now());
      await repos.initiatives.audit(actor, now(), 'initiative.created', id, { goalId, ...input });
      const events = await tell(repos, await on.told.changed(id, []), 'initiative:create', actor);
      return { ok: true, initiative: (await repos.initiatives.get(id))!, events };
    });

  const update = (id: string, patch: InitiativePatch, actor: string): Promise<Saved> =>
    writing(async (repos, on): Promise<Saved> => {
      const existing = await repos.initiatives.get(id);
      if (!existing) return fail(404, 'NOT_FOUND', 'The initiative does not exist.');
      const before = await on.told.boardsOf(id);
      const { done, ...fields } = patch;
      const merged = InitiativeInputSchema.safeParse({
        title: existing.title, baseline: existing.baseline, expectedEffect: existing.expectedEffect, endDate: existing.endDate,
        indicatorIds: existing.indicatorIds, investment: existing.investment, yearlySaving: existing.yearlySaving,
        startDate: existing.startDate, targets: existing.targets, ...fields,
      });
      if (!merged.success) {
        const issue = merged.error.issues[0]!;
        return fail(400, 'VALIDATION_FAILED', 'The initiative is not valid.', `${issue.path.join('.')}: ${issue.message}`);
      }
      // Replacing the indicators without restating the targets keeps the targets of the indicators still listed.
      const kept = fields.indicatorIds && !fields.targets
        ? { targets: merged.data.targets.filter((t) => fields.indicatorIds!.includes(t.indicatorId)) }
        : {};
      const next = { ...merged.data, ...kept };
      const bad = await check(on, next);
      if (bad) return bad;
      if (Object.keys(fields).length > 0) {
        await repos.initiatives.update(write({ id, goalId: existing.goalId, ...next }));
      }
      if (done !== undefined && done !== existing.done) await repos.initiatives.setDone(id, done, now());
      await repos.initiatives.audit(actor, now(), 'initiative.updated', id, patch);
      const events = await tell(repos, await on.told.changed(id, before), 'initiative:update', actor);
      return { ok: true, initiative: (await repos.initiatives.get(id))!, events };
    });

  /** Closing takes a conclusion (what it brought, what was learnt); a closed case leaves boards and agendas. */
  const close = (id: string, conclusion: string, actor: string): Promise<Saved> =>
    writing(async (repos, on): Promise<Saved> => {
      const existing = await repos.initiatives.get(id);
      if (!existing) return fail(404, 'NOT_FOUND', 'The initiative does not exist.');
      if (existing.done) return fail(409, 'CONFLICT', 'The initiative is already closed.');
      const before = await on.told.boardsOf(id);
      await repos.initiatives.close(id, conclusion, now());
      await repos.initiatives.audit(actor, now(), 'initiative.closed', id, { conclusion });
      const events = await tell(repos, await on.told.changed(id, before), 'initiative:close', actor);
      return { ok: true, initiative: (await repos.initiatives.get(id))!, events };
    });

  const saveChain = (goalId: string, input: EffectChainInput, actor: string): Promise<{ ok: true; chain: EffectChain | null } | Fail> =>
    writing(async (repos, on): Promise<{ ok: true; chain: EffectChain | null } | Fail> => {
      if (!(await repos.cascade.goal(goalId))) return fail(404, 'NOT_FOUND', 'The goal does not exist.');
      const steps = input.steps.map((s) => ({ kind: s.kind, title: s.title, indicatorId: s.indicatorId ?? null, unitId: s.unitId ?? null }));
      const problem = chainProblem(steps.map((s) => s.kind));
      if (problem === 'order') return fail(400, 'VALIDATION_FAILED', 'Steps go from indsats to resultat to effekt, never back.', 'steps');
      if (problem === 'no-effect') return fail(400, 'VALIDATION_FAILED', 'A chain ends in the effect for the citizen.', 'steps');
      const unknown = await on.unknownIndicator(steps.flatMap((s) => (s.indicatorId ? [s.indicatorId] : [])));
      if (unknown) return fail(400, 'VALIDATION_FAILED', `No indicator has the id ${unknown}.`, 'steps');
      const units = new Set((await repos.cascade.units()).map((u) => u.id));
      if (steps.some((s) => s.unitId !== null && !units.has(s.unitId))) return fail(400, 'VALIDATION_FAILED', 'No org unit has this id.', 'steps');
      await repos.effectChains.replace(goalId, steps);
      await repos.initiatives.audit(actor, now(), 'effect-chain.saved', goalId, input);
      return { ok: true, chain: await on.chainOf(goalId) };
    });

  /** The boards' events when measurements move open cases' progress: the command service's follow-up, in its transaction. */
  const measured: MeasurementFollowUp = (repos, points) => caseReads(repos, today).told.measured(points);

  return {
    create,
    update,
    close,
    all: async () => createRepositories(store).initiatives.all(),
    get: async (id: string) => createRepositories(store).initiatives.get(id),
    view: (i: Initiative, upTo?: string) => reads().view(i, upTo),
    forGoal: async (goalId: string): Promise<BusinessCase[]> =>
      reads().views((await createRepositories(store).initiatives.all()).filter((i) => i.goalId === goalId)),
    /** Open business cases moving an indicator shown on the board: the board shows them until closed. */
    openOnBoard: async (boardId: string): Promise<BusinessCase[]> => reads().views(await createRepositories(store).initiatives.openOnBoard(boardId)),
    chainOf: (goalId: string, upTo?: string) => reads().chainOf(goalId, upTo),
    /** Chains with a step on the indicator (at the unit, when given). */
    chainsWith: async (indicatorId: string, unitId?: string, upTo?: string): Promise<EffectChain[]> => {
      const steps = await createRepositories(store).effectChains.all();
      const goals = [...new Set(steps.filter((s) => s.indicatorId === indicatorId).map((s) => s.goalId))];
      const chains = await reads().chainsOfGoals(goals, upTo);
      return chains.filter((c) => !unitId || c.steps.some((s) => s.indicatorId === indicatorId && s.unitId === unitId));
    },
    goalsWithChains: async (): Promise<string[]> => [...new Set((await createRepositories(store).effectChains.all()).map((s) => s.goalId))],
    chainsOfGoals: (goalIds: readonly string[], upTo?: string): Promise<EffectChain[]> => reads().chainsOfGoals(goalIds, upTo),
    saveChain,
    measured,
  };
}
export type BusinessCases = ReturnType<typeof createBusinessCases>;

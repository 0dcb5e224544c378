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
import type { Db } from '../../db/open-database';
import type { Repositories } from '../../repositories';
import { cascadeRepository } from '../../repositories/cascade-repository';
import type { StoredStep } from '../../repositories/initiatives-repository';
import type { Clock } from '../command-service';
import type { Effect } from '../decision';
import { commitEffectsNow } from '../event-store';
import { businessCaseEffects } from './business-case-events';
import { type Fail, fail } from './failure';

/** A saved initiative and the events that tell the boards showing it (broadcast them after the commit). */
type Saved = { ok: true; initiative: Initiative; events: BoardEvent[] } | Fail;

/**
 * Initiatives with business cases, and effect chains: writes in one transaction with their audit row, reads with
 * the progress and status computed from the indicators' series (the same reportable points as everywhere else).
 */
export function createBusinessCases(db: Db, repos: Repositories, clock: Clock) {
  const tree = cascadeRepository(db);
  const now = () => clock.now().toISOString();
  const today = () => calendarDate(clock.now());
  const boardsTold = businessCaseEffects(repos, (i) => view(i));
  /** Commits the boards' events of a change in its own transaction; none when no board shows the case. */
  const tell = (effects: Effect[], command: string, actor: string): BoardEvent[] => {
    const origin = effects[0]?.boardIds[0];
    return origin ? commitEffectsNow(repos, effects, { opId: `${command}-${randomUUID()}`, command, originBoardId: origin, actor, at: now() }) : [];
  };

  /** The unit an indicator is followed at for a goal: the first owner with values, else the indicator's own unit. */
  const unitFor = (indicatorId: string, goalOwners: readonly string[]): string | null => {
    const owner = goalOwners.find((u) => tree.series(indicatorId, u).length > 0);
    return owner ?? tree.definition(indicatorId)?.unitId ?? null;
  };

  const unknownIndicator = (ids: readonly string[]): string | undefined => ids.find((id) => !repos.indicators.get(id));

  const check = (input: { indicatorIds: string[]; targets: { indicatorId: string }[] }): Fail | null => {
    const unknown = unknownIndicator([...input.indicatorIds, ...input.targets.map((t) => t.indicatorId)]);
    return unknown ? fail(400, 'VALIDATION_FAILED', `No indicator has the id ${unknown}.`, 'indicatorIds') : null;
  };

  const write = (i: Initiative | Omit<Initiative, 'done' | 'conclusion' | 'closedAt'>) => ({
    ...i,
    indicatorIds: [...new Set([...i.indicatorIds, ...i.targets.map((t) => t.indicatorId)])],
  });

  const create = (goalId: string, body: InitiativeInput, actor: string): Saved =>
    db.transaction((): Saved => {
      const goal = tree.goal(goalId);
      if (!goal) return fail(404, 'NOT_FOUND', 'The goal does not exist.');
      const input = InitiativeInputSchema.parse(body);
      const bad = check(input);
      if (bad) return bad;
      const id = `ini-${randomUUID()}`;
      repos.initiatives.insert(write({ id, goalId, ...input }), now());
      repos.initiatives.audit(actor, now(), 'initiative.created', id, { goalId, ...input });
      return { ok: true, initiative: repos.initiatives.get(id)!, events: tell(boardsTold.changed(id, []), 'initiative:create', actor) };
    }).immediate();

  const update = (id: string, patch: InitiativePatch, actor: string): Saved =>
    db.transaction((): Saved => {
      const existing = repos.initiatives.get(id);
      if (!existing) return fail(404, 'NOT_FOUND', 'The initiative does not exist.');
      const before = boardsTold.boardsOf(id);
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
      const bad = check(next);
      if (bad) return bad;
      if (Object.keys(fields).length > 0) {
        repos.initiatives.update(write({ id, goalId: existing.goalId, ...next }));
      }
      if (done !== undefined && done !== existing.done) repos.initiatives.setDone(id, done, now());
      repos.initiatives.audit(actor, now(), 'initiative.updated', id, patch);
      return { ok: true, initiative: repos.initiatives.get(id)!, events: tell(boardsTold.changed(id, before), 'initiative:update', actor) };
    }).immediate();

  /** Closing takes a conclusion (what it brought, what was learnt); a closed case leaves boards and agendas. */
  const close = (id: string, conclusion: string, actor: string): Saved =>
    db.transaction((): Saved => {
      const existing = repos.initiatives.get(id);
      if (!existing) return fail(404, 'NOT_FOUND', 'The initiative does not exist.');
      if (existing.done) return fail(409, 'CONFLICT', 'The initiative is already closed.');
      const before = boardsTold.boardsOf(id);
      repos.initiatives.close(id, conclusion, now());
      repos.initiatives.audit(actor, now(), 'initiative.closed', id, { conclusion });
      return { ok: true, initiative: repos.initiatives.get(id)!, events: tell(boardsTold.changed(id, before), 'initiative:close', actor) };
    }).immediate();

  const progressOf = (i: Initiative, owners: readonly string[], upTo: string): IndicatorProgress[] =>
    i.indicatorIds.flatMap((indicatorId) => {
      const def = tree.definition(indicatorId);
      const unitId = unitFor(indicatorId, owners);
      if (!def || !unitId) return [];
      const target = i.targets.find((t) => t.indicatorId === indicatorId);
      const points = reportable(tree.series(indicatorId, unitId), def.minRespondents).filter((m) => m.periodStart <= upTo);
      const p = indicatorProgress(points, i.startDate, target?.baselineValue ?? null, target?.targetValue ?? null);
      return [{
        indicatorId, name: def.name, unitId, unitLabel: def.unitLabel, decimals: def.decimals,
        targetValue: target?.targetValue ?? null, ...p,
      }];
    });

  /** The business case of an initiative as shown: payback and progress per indicator up to a day (today). */
  const view = (i: Initiative, upTo = today()): BusinessCase => {
    const goal = tree.goal(i.goalId);
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
      indicators: progressOf(i, goal?.ownerIds ?? [], upTo),
    };
  };

  const stepView = (s: StoredStep, owners: readonly string[], upTo: string): EffectChainStep => {
    const def = s.indicatorId ? tree.definition(s.indicatorId) : undefined;
    const unitId = s.unitId ?? (s.indicatorId ? unitFor(s.indicatorId, owners) : null);
    const unitName = unitId ? (tree.units().find((u) => u.id === unitId)?.name ?? null) : null;
    const base = {
      kind: s.kind, title: s.title, indicatorId: s.indicatorId, indicatorName: def?.name ?? null, unitId, unitName,
      indicatorType: def?.type ?? null, kindOfIndicator: def?.kind ?? null, decimals: def?.decimals ?? 0, unitLabel: def?.unitLabel ?? '',
    };
    if (!def || !unitId) return { ...base, status: 'none', signal: false, latestValue: null };
    const all = tree.series(def.id, unitId).filter((m) => m.periodStart <= upTo);
    const { points, analysis } = analyseSeries({ measurements: all, minRespondents: def.minRespondents, baselineTo: tree.baselineTo(def.id, unitId) });
    const latest = all.at(-1);
    return {
      ...base,
      status: measurementStatus(def, repos.indicators.currentTarget(def, unitId, upTo), latest),
      signal: analysis.signal,
      latestValue: points.at(-1)?.value ?? null,
    };
  };

  const chainOf = (goalId: string, upTo = today()): EffectChain | null => {
    const goal = tree.goal(goalId);
    const steps = repos.effectChains.ofGoal(goalId);
    if (!goal || steps.length === 0) return null;
    const views = steps.map((s) => stepView(s, goal.ownerIds, upTo));
    return { goalId, goalTitle: goal.title, steps: views, breaksAt: chainBreak(views.map((v) => v.status)) };
  };

  const saveChain = (goalId: string, input: EffectChainInput, actor: string): { ok: true; chain: EffectChain | null } | Fail =>
    db.transaction((): { ok: true; chain: EffectChain | null } | Fail => {
      if (!tree.goal(goalId)) return fail(404, 'NOT_FOUND', 'The goal does not exist.');
      const steps = input.steps.map((s) => ({ kind: s.kind, title: s.title, indicatorId: s.indicatorId ?? null, unitId: s.unitId ?? null }));
      const problem = chainProblem(steps.map((s) => s.kind));
      if (problem === 'order') return fail(400, 'VALIDATION_FAILED', 'Steps go from indsats to resultat to effekt, never back.', 'steps');
      if (problem === 'no-effect') return fail(400, 'VALIDATION_FAILED', 'A chain ends in the effect for the citizen.', 'steps');
      const unknown = unknownIndicator(steps.flatMap((s) => (s.indicatorId ? [s.indicatorId] : [])));
      if (unknown) return fail(400, 'VALIDATION_FAILED', `No indicator has the id ${unknown}.`, 'steps');
      const units = new Set(tree.units().map((u) => u.id));
      if (steps.some((s) => s.unitId !== null && !units.has(s.unitId))) return fail(400, 'VALIDATION_FAILED', 'No org unit has this id.', 'steps');
      repos.effectChains.replace(goalId, steps);
      repos.initiatives.audit(actor, now(), 'effect-chain.saved', goalId, input);
      return { ok: true, chain: chainOf(goalId) };
    }).immediate();

  return {
    create,
    update,
    close,
    all: () => repos.initiatives.all(),
    get: (id: string) => repos.initiatives.get(id),
    view,
    forGoal: (goalId: string): BusinessCase[] => repos.initiatives.all().filter((i) => i.goalId === goalId).map((i) => view(i)),
    /** Open business cases moving an indicator shown on the board: the board shows them until closed. */
    openOnBoard: (boardId: string): BusinessCase[] => repos.initiatives.openOnBoard(boardId).map((i) => view(i)),
    chainOf,
    /** Chains with a step on the indicator (at the unit, when given). */
    chainsWith: (indicatorId: string, unitId?: string, upTo?: string): EffectChain[] => {
      const goals = [...new Set(repos.effectChains.all().filter((s) => s.indicatorId === indicatorId).map((s) => s.goalId))];
      return goals
        .map((g) => chainOf(g, upTo))
        .filter((c): c is EffectChain => c !== null && (!unitId || c.steps.some((s) => s.indicatorId === indicatorId && s.unitId === unitId)));
    },
    goalsWithChains: (): string[] => [...new Set(repos.effectChains.all().map((s) => s.goalId))],
    chainsOfGoals: (goalIds: readonly string[], upTo?: string): EffectChain[] =>
      goalIds.map((g) => chainOf(g, upTo)).filter((c): c is EffectChain => c !== null),
    saveChain,
    /** The boards' events when measurements move open cases' progress: the command service's follow-up. */
    measured: boardsTold.measured,
  };
}
export type BusinessCases = ReturnType<typeof createBusinessCases>;

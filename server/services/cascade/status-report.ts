import type { GoalView } from '../../../shared/cascade';
import { analyseSeries, summariseSignal } from '../../../shared/domain/indicator-signal';
import { measurementStatus } from '../../../shared/domain/status';
import type { BusinessCase, EffectChain, ReportIndicator, StatusReport } from '../../../shared/maalstyring';
import { createRepositories } from '../../repositories';
import type { Store } from '../../store';
import type { BusinessCases } from './business-cases';
import type { CascadeService } from './cascade-service';

/**
 * The status report for the political level (regionsråd, udvalg, direktion): a unit's goals with their
 * translations below, each board indicator's run chart and signal (the same analysis as everywhere else), business
 * cases with their progress, effect chains, open escalations and the decisions of the period's meetings.
 */
export function createStatusReports(store: Store, cascade: CascadeService, cases: BusinessCases) {
  const indicatorsOf = async (boardId: string | null, unitId: string, to: string): Promise<ReportIndicator[]> => {
    if (!boardId) return [];
    const repos = createRepositories(store);
    const tree = repos.cascade;
    const shown: ReportIndicator[] = [];
    for (const i of await repos.indicators.forBoard(boardId, unitId, to, { signal: false })) {
      const indicator = await tree.definition(i.id);
      if (!indicator) continue;
      const all = (await tree.series(i.id, unitId)).filter((m) => m.periodStart <= to);
      const { points, baselineCount, analysis } = analyseSeries({ measurements: all, minRespondents: i.minRespondents, baselineTo: await tree.baselineTo(i.id, unitId) });
      shown.push({
        indicator,
        target: i.target,
        points,
        baselineCount,
        signal: summariseSignal(analysis),
        status: measurementStatus(i, i.target, all.at(-1)),
      });
    }
    return shown;
  };

  /** Business cases open in the period (or closed within it) of the unit's goals or moving its board's indicators. */
  const businessCases = async (goalIds: Set<string>, indicatorIds: Set<string>, from: string, to: string): Promise<BusinessCase[]> => {
    const shown: BusinessCase[] = [];
    const open = (await cases.all())
      .filter((i) => goalIds.has(i.goalId) || i.indicatorIds.some((id) => indicatorIds.has(id)))
      .filter((i) => !i.done || (i.closedAt !== null && i.closedAt.slice(0, 10) >= from))
      .filter((i) => i.startDate === null || i.startDate <= to);
    for (const i of open) shown.push(await cases.view(i, to));
    return shown;
  };

  /** Effect chains of the unit's goals and those with a step at the unit. */
  const effectChains = async (goals: readonly GoalView[], ownIds: readonly string[], unitId: string, to: string): Promise<EffectChain[]> => {
    const own = await cases.chainsOfGoals(ownIds, to);
    const seen = new Set(own.map((c) => c.goalId));
    const others = (await cases.chainsOfGoals(goals.filter((g) => !seen.has(g.id)).map((g) => g.id), to))
      .filter((c) => c.steps.some((s) => s.unitId === unitId));
    return [...own, ...others];
  };

  return {
    build: async (unitId: string, from: string, to: string): Promise<StatusReport | undefined> => {
      const repos = createRepositories(store);
      const unit = (await repos.cascade.units()).find((u) => u.id === unitId);
      if (!unit) return undefined;
      const goals = await cascade.goals();
      const own = goals.filter((g) => g.ownerIds.includes(unitId));
      const translations = (g: GoalView) => goals.filter((x) => x.parentId === g.id);
      const boardId = await cascade.boardOfUnit(unitId);
      const indicators = await indicatorsOf(boardId, unitId, to);
      const meetings = boardId ? await repos.meetings.meetingsOf(boardId) : [];
      return {
        unit,
        from,
        to,
        goals: own.map((g) => ({ ...g, translations: translations(g) })),
        indicators,
        businessCases: await businessCases(new Set(own.map((g) => g.id)), new Set(indicators.map((i) => i.indicator.id)), from, to),
        effectChains: await effectChains(goals, own.map((g) => g.id), unitId, to),
        escalations: boardId ? (await repos.meetings.escalationsOf(boardId)).filter((e) => e.status === 'open') : [],
        decisions: meetings
          .filter((m) => m.status === 'ended' && m.startedAt.slice(0, 10) >= from && m.startedAt.slice(0, 10) <= to)
          .flatMap((m) => (m.minutes?.decisions ?? []).map((d) => ({ meetingDate: m.startedAt.slice(0, 10), itemTitle: d.itemTitle, text: d.text }))),
      };
    },
  };
}

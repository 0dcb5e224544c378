import type { GoalView } from '../../../shared/cascade';
import { analyseSeries, summariseSignal } from '../../../shared/domain/indicator-signal';
import { measurementStatus } from '../../../shared/domain/status';
import type { BusinessCase, EffectChain, ReportIndicator, StatusReport } from '../../../shared/maalstyring';
import type { Db } from '../../db/open-database';
import type { Repositories } from '../../repositories';
import { cascadeRepository } from '../../repositories/cascade-repository';
import type { BusinessCases } from './business-cases';
import type { CascadeService } from './cascade-service';

/**
 * The status report for the political level (regionsråd, udvalg, direktion): a unit's goals with their
 * translations below, each board indicator's run chart and signal (the same analysis as everywhere else), business
 * cases with their progress, effect chains, open escalations and the decisions of the period's meetings.
 */
export function createStatusReports(db: Db, repos: Repositories, cascade: CascadeService, cases: BusinessCases) {
  const tree = cascadeRepository(db);

  const indicatorsOf = (boardId: string | null, unitId: string, to: string): ReportIndicator[] => {
    if (!boardId) return [];
    return repos.indicators.forBoard(boardId, unitId, to, { signal: false }).flatMap((i) => {
      const indicator = tree.definition(i.id);
      if (!indicator) return [];
      const all = tree.series(i.id, unitId).filter((m) => m.periodStart <= to);
      const { points, baselineCount, analysis } = analyseSeries({ measurements: all, minRespondents: i.minRespondents, baselineTo: tree.baselineTo(i.id, unitId) });
      return [{
        indicator,
        target: i.target,
        points,
        baselineCount,
        signal: summariseSignal(analysis),
        status: measurementStatus(i, i.target, all.at(-1)),
      }];
    });
  };

  /** Business cases open in the period (or closed within it) of the unit's goals or moving its board's indicators. */
  const businessCases = (goalIds: Set<string>, indicatorIds: Set<string>, from: string, to: string): BusinessCase[] =>
    cases.all()
      .filter((i) => goalIds.has(i.goalId) || i.indicatorIds.some((id) => indicatorIds.has(id)))
      .filter((i) => !i.done || (i.closedAt !== null && i.closedAt.slice(0, 10) >= from))
      .filter((i) => i.startDate === null || i.startDate <= to)
      .map((i) => cases.view(i, to));

  /** Effect chains of the unit's goals and those with a step at the unit. */
  const effectChains = (goalIds: readonly string[], unitId: string, to: string) => {
    const own = cases.chainsOfGoals(goalIds, to);
    const seen = new Set(own.map((c) => c.goalId));
    const others = cascade.goals().filter((g) => !seen.has(g.id)).map((g) => cases.chainOf(g.id, to))
      .filter((c): c is EffectChain => c !== null && c.steps.some((s) => s.unitId === unitId));
    return [...own, ...others];
  };

  return {
    build: (unitId: string, from: string, to: string): StatusReport | undefined => {
      const unit = tree.units().find((u) => u.id === unitId);
      if (!unit) return undefined;
      const goals = cascade.goals();
      const own = goals.filter((g) => g.ownerIds.includes(unitId));
      const translations = (g: GoalView) => goals.filter((x) => x.parentId === g.id);
      const boardId = cascade.boardOfUnit(unitId);
      const indicators = indicatorsOf(boardId, unitId, to);
      const meetings = boardId ? repos.meetings.meetingsOf(boardId) : [];
      return {
        unit,
        from,
        to,
        goals: own.map((g) => ({ ...g, translations: translations(g) })),
        indicators,
        businessCases: businessCases(new Set(own.map((g) => g.id)), new Set(indicators.map((i) => i.indicator.id)), from, to),
        effectChains: effectChains(own.map((g) => g.id), unitId, to),
        escalations: boardId ? repos.meetings.escalationsOf(boardId).filter((e) => e.status === 'open') : [],
        decisions: meetings
          .filter((m) => m.status === 'ended' && m.startedAt.slice(0, 10) >= from && m.startedAt.slice(0, 10) <= to)
          .flatMap((m) => (m.minutes?.decisions ?? []).map((d) => ({ meetingDate: m.startedAt.slice(0, 10), itemTitle: d.itemTitle, text: d.text }))),
      };
    },
  };
}

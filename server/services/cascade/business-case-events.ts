import type { Initiative } from '../../../shared/cascade';
import type { BusinessCase } from '../../../shared/maalstyring';
import type { Repositories } from '../../repositories';
import type { Effect } from '../decision';
import type { MeasuredAt } from '../event-store';

/**
 * What open boards are told when a business case changes: a `business-case.changed` event in the log of every board
 * that shows the case (its goal's owners and the units above them, where they show one of its indicators), and a
 * `null` one to the boards it leaves. In the board's log, so a board that re-joins catches up as with any event.
 */
export function businessCaseEffects(repos: Repositories, view: (i: Initiative) => Promise<BusinessCase>) {
  const event = (initiativeId: string, businessCase: BusinessCase | null, boardIds: string[]): Effect => ({
    body: { type: 'business-case.changed', initiativeId, businessCase },
    boardIds,
  });

  /** After a create, edit, close or reopen: the case to the boards it shows on, null to those it left. */
  const changed = async (initiativeId: string, before: readonly string[]): Promise<Effect[]> => {
    const initiative = await repos.initiatives.get(initiativeId);
    if (!initiative) return [];
    const after = await repos.initiatives.boardsShowing(initiativeId);
    const left = before.filter((b) => !after.includes(b));
    return [
      ...(after.length > 0 ? [event(initiativeId, await view(initiative), after)] : []),
      ...(left.length > 0 ? [event(initiativeId, null, left)] : []),
    ];
  };

  /**
   * After measurements: each open case whose progress is read at a measured indicator and unit (a case follows its
   * indicator at its goal's first owner with values), with the progress as it is now.
   */
  const measured = async (points: readonly MeasuredAt[]): Promise<Effect[]> => {
    const at = new Set(points.map((p) => `${p.indicatorId}\u0000${p.unitId}`));
    const ids = new Set<string>();
    for (const indicatorId of new Set(points.map((p) => p.indicatorId))) {
      for (const id of await repos.initiatives.openMoving(indicatorId)) ids.add(id);
    }
    const effects: Effect[] = [];
    for (const id of ids) {
      const initiative = await repos.initiatives.get(id);
      if (!initiative) continue;
      const shown = await view(initiative);
      if (!shown.indicators.some((p) => at.has(`${p.indicatorId}\u0000${p.unitId}`))) continue;
      const boards = await repos.initiatives.boardsShowing(id);
      if (boards.length > 0) effects.push(event(id, shown, boards));
    }
    return effects;
  };

  return { changed, measured, boardsOf: async (initiativeId: string): Promise<string[]> => repos.initiatives.boardsShowing(initiativeId) };
}

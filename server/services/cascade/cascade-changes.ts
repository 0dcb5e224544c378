import { randomUUID } from 'node:crypto';
import { generateKeyBetween } from 'fractional-indexing';
import type { Deviation, IndicatorDefinition } from '../../../shared/cascade';
import type { BoardEvent } from '../../../shared/protocol';
import type { Db } from '../../db/open-database';
import type { Repositories } from '../../repositories';
import { cascadeRepository, indicatorSettingsRepository } from '../../repositories/cascade-repository';
import type { Clock, CommandService } from '../command-service';
import { type Fail, fail } from './failure';
import { calendarDate } from '../../../shared/domain/periods';
import { commitEffectsNow } from '../event-store';
import { decideCardCreate } from '../commands/card-commands';

/** Changes beside goals: deviations (with their action cards), mandatory indicators and targets. */
export function createCascadeChanges(db: Db, repos: Repositories, commands: CommandService, clock: Clock) {
  const cascade = cascadeRepository(db);
  const today = () => calendarDate(clock.now());

  /** Cause and action for a red value: the action becomes a card on the unit's board, linked to the indicator. */
  const recordDeviation = (
    indicatorId: string,
    input: { unitId: string; periodStart: string; cause: string; action: string; ownerName: string; dueDate: string | null },
    actor: string,
  ): { ok: true; deviation: Deviation; events: BoardEvent[] } | Fail =>
    db.transaction(() => {
      if (!repos.indicators.get(indicatorId)) return fail(404, 'NOT_FOUND', 'The indicator does not exist.');
      const boardId = cascade.unitsShowing(indicatorId).find((s) => s.unitId === input.unitId)?.boardId ?? cascade.boardOfUnit(input.unitId);
      if (!boardId) return fail(404, 'NOT_FOUND', 'The unit has no board to put the action on.', 'unitId');
      const column = repos.columns.onBoard(boardId)[0];
      if (!column) return fail(409, 'CONFLICT', 'The board has no columns.');
      const cardId = `card-${randomUUID()}`;
      // Interim (issue 22): the card is created as card:create would, synchronously inside this transaction.
      const cmd = {
        opId: `deviation-${randomUUID()}`,
        boardId,
        card: {
          id: cardId, columnId: column.id, type: 'action' as const, title: input.action, description: input.cause,
          ownerName: input.ownerName, dueDate: input.dueDate, indicatorId,
        },
      };
      const at = clock.now();
      const decision = decideCardCreate(cmd, {
        column, existing: repos.cards.get(cardId), siblings: repos.cards.liveInColumn(column.id), indicatorKnown: true,
      }, { actor, now: at.toISOString(), today: calendarDate(at) });
      const outcome = decision.ok
        ? { ok: true as const, events: commitEffectsNow(repos, decision.effects, { opId: cmd.opId, command: 'card:create', originBoardId: boardId, actor, at: at.toISOString() }) }
        : decision;
      if (!outcome.ok) return fail(409, outcome.error.code, outcome.error.message);
      const deviation: Deviation = {
        id: `dev-${randomUUID()}`,
        indicatorId,
        unitId: input.unitId,
        periodStart: input.periodStart,
        cause: input.cause,
        action: input.action,
        cardId,
        recordedAt: clock.now().toISOString(),
        recordedBy: actor,
      };
      cascade.insertDeviation(deviation);
      return { ok: true as const, deviation, events: outcome.events };
    })();

  const settings = indicatorSettingsRepository(db);

  /**
   * Tells the boards of `unitId` and below that show the indicator how they show it now, as an `indicator.changed`
   * event in each board's log (so open boards apply it live, and a board re-joining after it catches up), within
   * the change's own transaction.
   */
  const indicatorChanged = (indicatorId: string, unitId: string, command: string, actor: string): BoardEvent[] => {
    const day = today();
    const effects = repos.indicators
      .boardsShowingFrom(unitId, indicatorId)
      .flatMap((b) => {
        const indicator = repos.indicators.onBoard(b.id, b.unitId, indicatorId, day);
        return indicator ? [{ body: { type: 'indicator.changed' as const, indicator }, boardIds: [b.id] }] : [];
      });
    if (effects.length === 0) return [];
    const meta = { opId: `${command}-${randomUUID()}`, command, originBoardId: effects[0]!.boardIds[0]!, actor, at: clock.now().toISOString() };
    return commitEffectsNow(repos, effects, meta);
  };

  /** Marks an indicator mandatory (it then appears on every board below its owner) and sets its roll-up. */
  const setIndicatorSettings = db.transaction((indicatorId: string, mandatory: boolean, rollup: IndicatorDefinition['rollup'], actor: string = 'system') => {
    const def = cascade.definition(indicatorId);
    if (!def) return null;
    settings.setFlags(indicatorId, mandatory, rollup);
    // Mandatory only adds tiles (the overview joins them live); a new roll-up method changes the rolled values.
    if (rollup !== def.rollup) repos.unitStatus.indicatorChanged(indicatorId, today());
    const added: string[] = [];
    if (mandatory) {
      for (const board of settings.boardsBelowWithout(def.unitId, indicatorId)) {
        settings.show(board.id, indicatorId, generateKeyBetween(board.last, null));
        added.push(board.id);
      }
    }
    const events = indicatorChanged(indicatorId, def.unitId, 'indicator:settings', actor);
    return { indicator: cascade.definition(indicatorId)!, boardsAdded: added, events };
  });

  const setTarget = db.transaction(
    (indicatorId: string, t: { unitId: string; validFrom?: string | undefined; target: number | null; low: number | null; high: number | null; tolerance: number }, actor: string = 'system') => {
      const def = cascade.definition(indicatorId);
      if (!def || !cascade.units().some((u) => u.id === t.unitId)) return 'not-found' as const;
      const target = def.direction === 'range' ? null : t.target;
      const [low, high] = def.direction === 'range' ? [t.low, t.high] : [null, null];
      if (def.direction === 'range' ? low === null || high === null : target === null) return 'invalid' as const;
      settings.insertTarget({ indicatorId, unitId: t.unitId, validFrom: t.validFrom ?? today(), target, low, high, tolerance: t.tolerance });
      repos.unitStatus.targetChanged(indicatorId, t.unitId, today());
      return { events: indicatorChanged(indicatorId, t.unitId, 'indicator:target', actor) };
    },
  );

  return {
    recordDeviation,
    setIndicatorSettings,
    setTarget,
  };
}

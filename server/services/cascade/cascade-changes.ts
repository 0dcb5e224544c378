import { randomUUID } from 'node:crypto';
import { generateKeyBetween } from 'fractional-indexing';
import type { Deviation, IndicatorDefinition } from '../../../shared/cascade';
import type { BoardEvent } from '../../../shared/protocol';
import type { Db } from '../../db/open-database';
import type { Repositories } from '../../repositories';
import { cascadeRepository, indicatorSettingsRepository, initiativesRepository } from '../../repositories/cascade-repository';
import type { Clock, CommandService } from '../command-service';
import { type Fail, fail } from './failure';
import { calendarDate } from '../../../shared/domain/periods';

/** Changes beside goals: deviations (with their action cards), mandatory indicators and targets, initiatives. */
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
      const outcome = commands.execute(
        'card:create',
        {
          opId: `deviation-${randomUUID()}`,
          boardId,
          card: {
            id: cardId,
            columnId: column.id,
            type: 'action',
            title: input.action,
            description: input.cause,
            ownerName: input.ownerName,
            dueDate: input.dueDate,
            indicatorId,
          },
        },
        actor,
      );
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

  /** Marks an indicator mandatory (it then appears on every board below its owner) and sets its roll-up. */
  const setIndicatorSettings = db.transaction((indicatorId: string, mandatory: boolean, rollup: IndicatorDefinition['rollup']) => {
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
    return { indicator: cascade.definition(indicatorId)!, boardsAdded: added };
  });

  const setTarget = db.transaction(
    (indicatorId: string, t: { unitId: string; validFrom?: string | undefined; target: number | null; low: number | null; high: number | null; tolerance: number }) => {
      const def = cascade.definition(indicatorId);
      if (!def || !cascade.units().some((u) => u.id === t.unitId)) return 'not-found' as const;
      const target = def.direction === 'range' ? null : t.target;
      const [low, high] = def.direction === 'range' ? [t.low, t.high] : [null, null];
      if (def.direction === 'range' ? low === null || high === null : target === null) return 'invalid' as const;
      settings.insertTarget({ indicatorId, unitId: t.unitId, validFrom: t.validFrom ?? today(), target, low, high, tolerance: t.tolerance });
      repos.unitStatus.targetChanged(indicatorId, t.unitId, today());
      return 'ok' as const;
    },
  );

  const initiatives = initiativesRepository(db);
  const addInitiative = db.transaction((goalId: string, input: { title: string; baseline: string; expectedEffect: string; endDate: string | null; indicatorIds: string[] }) => {
    if (!cascade.goal(goalId)) return fail(404, 'NOT_FOUND', 'The goal does not exist.');
    const unknown = input.indicatorIds.find((id) => !repos.indicators.get(id));
    if (unknown) return fail(400, 'VALIDATION_FAILED', `No indicator has the id ${unknown}.`, 'indicatorIds');
    const id = `ini-${randomUUID()}`;
    initiatives.insert({ id, goalId, ...input }, clock.now().toISOString());
    return { ok: true as const, initiative: initiatives.all().find((i) => i.id === id)! };
  });

  return {
    recordDeviation,
    setIndicatorSettings,
    setTarget,
    addInitiative,
    initiatives: () => initiatives.all(),
    setInitiativeDone: (id: string, done: boolean) => initiatives.setDone(id, done),
    initiativeGoal: (id: string) => initiatives.goalOf(id),
  };
}

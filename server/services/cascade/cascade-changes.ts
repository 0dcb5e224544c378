import { randomUUID } from 'node:crypto';
import { generateKeyBetween } from 'fractional-indexing';
import type { Deviation, IndicatorDefinition } from '../../../shared/cascade';
import type { BoardEvent, Command } from '../../../shared/protocol';
import { type Repositories, createRepositories } from '../../repositories';
import type { Store } from '../../store';
import type { Clock } from '../command-service';
import { COMMAND_RUNNERS } from '../commands';
import { type Fail, fail } from './failure';
import { calendarDate } from '../../../shared/domain/periods';
import { commitEffects } from '../event-store';

/** Changes beside goals: deviations (with their action cards), mandatory indicators and targets. */
export function createCascadeChanges(store: Store, clock: Clock) {
  const today = () => calendarDate(clock.now());
  const writing = <T>(change: (repos: Repositories) => Promise<T>): Promise<T> =>
    store.transaction(async (tx) => change(createRepositories(tx)));

  /**
   * The action card of a deviation, decided by the card rules and committed in the deviation's own transaction:
   * the card and the deviation that points at it are stored together or not at all.
   */
  const createActionCard = async (repos: Repositories, cmd: Command<'card:create'>, actor: string) => {
    const date = clock.now();
    const ctx = { actor, now: date.toISOString(), today: calendarDate(date) };
    const decision = await COMMAND_RUNNERS['card:create'](cmd, repos, ctx);
    if (!decision.ok) return decision;
    const events = await commitEffects(repos, decision.effects, { opId: cmd.opId, command: 'card:create', originBoardId: cmd.boardId, actor, at: ctx.now });
    return { ok: true as const, events };
  };

  /** Cause and action for a red value: the action becomes a card on the unit's board, linked to the indicator. */
  const recordDeviation = (
    indicatorId: string,
    input: { unitId: string; periodStart: string; cause: string; action: string; ownerName: string; dueDate: string | null },
    actor: string,
  ): Promise<{ ok: true; deviation: Deviation; events: BoardEvent[] } | Fail> =>
    writing(async (repos) => {
      if (!(await repos.indicators.get(indicatorId))) return fail(404, 'NOT_FOUND', 'The indicator does not exist.');
      const showing = (await repos.cascade.unitsShowing(indicatorId)).find((s) => s.unitId === input.unitId)?.boardId;
      const boardId = showing ?? (await repos.cascade.boardOfUnit(input.unitId));
      if (!boardId) return fail(404, 'NOT_FOUND', 'The unit has no board to put the action on.', 'unitId');
      const column = (await repos.columns.onBoard(boardId))[0];
      if (!column) return fail(409, 'CONFLICT', 'The board has no columns.');
      const cardId = `card-${randomUUID()}`;
      const outcome = await createActionCard(
        repos,
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
      await repos.cascade.insertDeviation(deviation);
      return { ok: true as const, deviation, events: outcome.events };
    });

  /**
   * Tells the boards of `unitId` and below that show the indicator how they show it now, as an `indicator.changed`
   * event in each board's log (so open boards apply it live, and a board re-joining after it catches up), within
   * the change's own transaction.
   */
  const indicatorChanged = async (repos: Repositories, indicatorId: string, unitId: string, command: string, actor: string): Promise<BoardEvent[]> => {
    const day = today();
    const effects = [];
    for (const b of await repos.indicators.boardsShowingFrom(unitId, indicatorId)) {
      const indicator = await repos.indicators.onBoard(b.id, b.unitId, indicatorId, day);
      if (indicator) effects.push({ body: { type: 'indicator.changed' as const, indicator }, boardIds: [b.id] });
    }
    if (effects.length === 0) return [];
    const meta = { opId: `${command}-${randomUUID()}`, command, originBoardId: effects[0]!.boardIds[0]!, actor, at: clock.now().toISOString() };
    return commitEffects(repos, effects, meta);
  };

  /** Marks an indicator mandatory (it then appears on every board below its owner) and sets its roll-up. */
  const setIndicatorSettings = (indicatorId: string, mandatory: boolean, rollup: IndicatorDefinition['rollup'], actor: string = 'system') =>
    writing(async (repos) => {
      const def = await repos.cascade.definition(indicatorId);
      if (!def) return null;
      const settings = repos.indicatorSettings;
      await settings.setFlags(indicatorId, mandatory, rollup);
      // Mandatory only adds tiles (the overview joins them live); a new roll-up method changes the rolled values.
      if (rollup !== def.rollup) await repos.unitStatus.indicatorChanged(indicatorId, today());
      const added: string[] = [];
      if (mandatory) {
        for (const board of await settings.boardsBelowWithout(def.unitId, indicatorId)) {
          await settings.show(board.id, indicatorId, generateKeyBetween(board.last, null));
          added.push(board.id);
        }
      }
      const events = await indicatorChanged(repos, indicatorId, def.unitId, 'indicator:settings', actor);
      return { indicator: (await repos.cascade.definition(indicatorId))!, boardsAdded: added, events };
    });

  const setTarget = (
    indicatorId: string,
    t: { unitId: string; validFrom?: string | undefined; target: number | null; low: number | null; high: number | null; tolerance: number },
    actor: string = 'system',
  ) =>
    writing(async (repos) => {
      const def = await repos.cascade.definition(indicatorId);
      if (!def || !(await repos.cascade.unitExists(t.unitId))) return 'not-found' as const;
      const target = def.direction === 'range' ? null : t.target;
      const [low, high] = def.direction === 'range' ? [t.low, t.high] : [null, null];
      if (def.direction === 'range' ? low === null || high === null : target === null) return 'invalid' as const;
      await repos.indicatorSettings.insertTarget({ indicatorId, unitId: t.unitId, validFrom: t.validFrom ?? today(), target, low, high, tolerance: t.tolerance });
      await repos.unitStatus.targetChanged(indicatorId, t.unitId, today());
      return { events: await indicatorChanged(repos, indicatorId, t.unitId, 'indicator:target', actor) };
    });

  return {
    recordDeviation,
    setIndicatorSettings,
    setTarget,
  };
}

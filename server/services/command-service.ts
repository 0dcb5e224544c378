import { format } from 'date-fns';
import type { ApiError, BoardEvent, Command, CommandName } from '../../shared/protocol';
import type { Db } from '../db/open-database';
import type { Repositories } from '../repositories';
import { COMMAND_RUNNERS } from './commands';
import type { CommandContext } from './decision';
import { commitEffects } from './event-store';

export type CommandOutcome =
  | { ok: true; seq: number; events: BoardEvent[]; duplicate: boolean }
  | { ok: false; error: ApiError };

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/**
 * Runs commands: in one immediate transaction it answers a repeated opId with the events it produced the
 * first time, or decides and commits the new effects. Returns only after the commit, so an ok outcome is durable.
 */
export function createCommandService(db: Db, repos: Repositories, clock: Clock = systemClock) {
  const execute = <N extends CommandName>(name: N, cmd: Command<N>, actor: string): CommandOutcome => {
    const previous = repos.events.operation(cmd.opId);
    if (previous) return replay(name, cmd, previous);
    if (repos.boards.seq(cmd.boardId) === undefined) {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'The board does not exist.' } };
    }
    const date = clock.now();
    const ctx: CommandContext = { actor, now: date.toISOString(), today: format(date, 'yyyy-MM-dd') };
    const decision = COMMAND_RUNNERS[name](cmd, repos, ctx);
    if (!decision.ok) return decision;
    const events = commitEffects(repos, decision.effects, {
      opId: cmd.opId,
      command: name,
      originBoardId: cmd.boardId,
      actor,
      at: ctx.now,
    });
    return { ok: true, seq: repos.boards.seq(cmd.boardId)!, events, duplicate: false };
  };

  const replay = (
    name: CommandName,
    cmd: { opId: string; boardId: string },
    previous: { board_id: string; command: string },
  ): CommandOutcome => {
    if (previous.board_id !== cmd.boardId || previous.command !== name) {
      return { ok: false, error: { code: 'CONFLICT', message: 'This opId was already used for another command.' } };
    }
    const events = repos.events.byOperation(cmd.opId);
    const own = events.filter((e) => e.boardId === cmd.boardId);
    const seq = own.length > 0 ? own[own.length - 1]!.seq : repos.boards.seq(cmd.boardId)!;
    return { ok: true, seq, events, duplicate: true };
  };

  return {
    execute: <N extends CommandName>(name: N, cmd: Command<N>, actor: string): CommandOutcome =>
      db.transaction(() => execute(name, cmd, actor)).immediate(),
  };
}
export type CommandService = ReturnType<typeof createCommandService>;

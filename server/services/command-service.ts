import type { ApiError, BoardEvent, Command, CommandName } from '../../shared/protocol';
import { failStop, isStorageFailure } from '../db/fail-stop';
import type { Db } from '../db/open-database';
import type { Repositories } from '../repositories';
import { COMMAND_RUNNERS } from './commands';
import type { CommandContext } from './decision';
import { commitEffects, commitFollowUps, type MeasurementFollowUp, measuredIn } from './event-store';
import { calendarDate } from '../../shared/domain/periods';

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
 * When the storage fails under a commit, `onStorageFailure` stops the process (see fail-stop.ts); until it has,
 * every command is refused.
 */
export function createCommandService(
  db: Db,
  repos: Repositories,
  clock: Clock = systemClock,
  onStorageFailure: (err: unknown) => void = failStop,
  /** What follows from a measurement (business cases' progress), committed in the same transaction. */
  followUp?: MeasurementFollowUp,
) {
  const execute = <N extends CommandName>(name: N, cmd: Command<N>, actor: string): CommandOutcome => {
    const previous = repos.events.operation(cmd.opId);
    if (previous) return replay(name, cmd, previous);
    if (repos.boards.seq(cmd.boardId) === undefined) {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'The board does not exist.' } };
    }
    const date = clock.now();
    const ctx: CommandContext = { actor, now: date.toISOString(), today: calendarDate(date) };
    const decision = COMMAND_RUNNERS[name](cmd, repos, ctx);
    if (!decision.ok) return decision;
    const meta = { opId: cmd.opId, command: name, originBoardId: cmd.boardId, actor, at: ctx.now };
    const events = [...commitEffects(repos, decision.effects, meta), ...commitFollowUps(repos, followUp, measuredIn(decision.effects), meta)];
    // The board's seq is its last event's, if the command made one there (saves reading it back on every move).
    const seq = events.findLast((e) => e.boardId === cmd.boardId)?.seq ?? repos.boards.seq(cmd.boardId)!;
    return { ok: true, seq, events, duplicate: false };
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

  /** The storage failure that stopped the service, if one did: nothing is committed after it. */
  let failed: unknown = null;
  const stop = (err: unknown): void => {
    if (failed !== null) return;
    failed = err;
    onStorageFailure(err);
  };

  // Group commit: commands that arrive in the same event-loop turn are committed together in one transaction, so
  // they share one sync of the WAL (synchronous=FULL: the commit returns once it is on disk). Each command runs in a
  // savepoint of its own, so an unexpected error undoes only that command; a rejected command writes nothing anyway.
  const queue: QueuedCommand[] = [];
  const runOne = db.transaction((item: QueuedCommand) => execute(item.name, item.cmd as never, item.actor));
  const commitBatch = db.transaction((batch: QueuedCommand[]): CommandResultOrError[] =>
    batch.map((item) => {
      try {
        return { outcome: runOne(item) };
      } catch (err) {
        // A failing disk ends the batch (SQLite may have rolled all of it back already); anything else, this command.
        if (isStorageFailure(err)) throw err;
        return { error: err };
      }
    }),
  );

  const commit = (batch: QueuedCommand[]): CommandResultOrError[] => {
    if (failed !== null) return batch.map(() => ({ error: failed }));
    try {
      return commitBatch.immediate(batch);
    } catch (error) {
      // The commit itself failed: nothing in the batch is known to be on disk, so nothing in it is ok.
      return batch.map(() => ({ error }));
    }
  };

  const flush = (): void => {
    if (queue.length === 0) return;
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) setImmediate(flush);
    const results = commit(batch);
    const storage = results.find((r) => isStorageFailure(r.error));
    if (storage) stop(storage.error);
    batch.forEach((item, i) => item.done(results[i]!));
  };

  return {
    /** Runs one command in its own immediate transaction, synchronously; durable on return (synchronous=FULL). */
    execute: <N extends CommandName>(name: N, cmd: Command<N>, actor: string): CommandOutcome => {
      if (failed !== null) throw failed instanceof Error ? failed : new Error('The database failed earlier.', { cause: failed });
      try {
        return db.transaction(() => execute(name, cmd, actor)).immediate();
      } catch (err) {
        if (isStorageFailure(err)) stop(err);
        throw err;
      }
    },
    /**
     * Queues a command for the next group commit; `done` gets its outcome (or the error that stopped it) once the
     * commit has returned, i.e. once it is durable. Commands are committed and reported in the order submitted.
     */
    submit: <N extends CommandName>(name: N, cmd: Command<N>, actor: string, done: (result: CommandResultOrError) => void): void => {
      queue.push({ name, cmd, actor, done });
      if (queue.length === 1) setImmediate(flush);
    },
    /** Commands queued and not yet committed (tests, shutdown). */
    pending: (): number => queue.length,
    /** Commits the commands still queued, before the database closes. */
    close: (): void => {
      while (queue.length > 0) flush();
    },
  };
}

/** Upper bound on commands in one group commit, so one transaction (and the acks waiting on it) stays short. */
export const MAX_BATCH = 256;

export type CommandResultOrError = { outcome: CommandOutcome; error?: undefined } | { outcome?: undefined; error: unknown };

interface QueuedCommand {
  name: CommandName;
  cmd: unknown;
  actor: string;
  done: (result: CommandResultOrError) => void;
}
export type CommandService = ReturnType<typeof createCommandService>;

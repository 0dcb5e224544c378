import type { ApiError, BoardEvent, Command, CommandName } from '../../shared/protocol';
import { failStop, isStorageFailure } from '../db/fail-stop';
import { type Repositories, createRepositories } from '../repositories';
import type { Executor, Store } from '../store';
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
  store: Store,
  clock: Clock = systemClock,
  onStorageFailure: (err: unknown) => void = failStop,
  /** What follows from a measurement (business cases' progress), committed in the same transaction. */
  followUp?: MeasurementFollowUp,
) {
  const execute = async <N extends CommandName>(tx: Executor, name: N, cmd: Command<N>, actor: string): Promise<CommandOutcome> => {
    const repos = createRepositories(tx);
    const previous = await repos.events.operation(cmd.opId);
    if (previous) return replay(repos, name, cmd, previous);
    if ((await repos.boards.seq(cmd.boardId)) === undefined) {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'The board does not exist.' } };
    }
    const date = clock.now();
    const ctx: CommandContext = { actor, now: date.toISOString(), today: calendarDate(date) };
    const decision = await COMMAND_RUNNERS[name](cmd, repos, ctx);
    if (!decision.ok) return decision;
    const meta = { opId: cmd.opId, command: name, originBoardId: cmd.boardId, actor, at: ctx.now };
    const events = [...(await commitEffects(repos, decision.effects, meta)), ...(await commitFollowUps(repos, followUp, measuredIn(decision.effects), meta))];
    // The board's seq is its last event's, if the command made one there (saves reading it back on every move).
    const seq = events.findLast((e) => e.boardId === cmd.boardId)?.seq ?? (await repos.boards.seq(cmd.boardId))!;
    return { ok: true, seq, events, duplicate: false };
  };

  const replay = async (
    repos: Repositories,
    name: CommandName,
    cmd: { opId: string; boardId: string },
    previous: { board_id: string; command: string },
  ): Promise<CommandOutcome> => {
    if (previous.board_id !== cmd.boardId || previous.command !== name) {
      return { ok: false, error: { code: 'CONFLICT', message: 'This opId was already used for another command.' } };
    }
    const events = await repos.events.byOperation(cmd.opId);
    const own = events.filter((e) => e.boardId === cmd.boardId);
    const seq = own.length > 0 ? own[own.length - 1]!.seq : (await repos.boards.seq(cmd.boardId))!;
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
  const commitBatch = (batch: QueuedCommand[]): Promise<CommandResultOrError[]> =>
    store.transaction(async (tx) => {
      const results: CommandResultOrError[] = [];
      for (const item of batch) {
        try {
          results.push({ outcome: await tx.transaction((sp) => execute(sp, item.name, item.cmd as never, item.actor)) });
        } catch (err) {
          // A failing disk ends the batch (SQLite may have rolled all of it back already); anything else, this command.
          if (isStorageFailure(err)) throw err;
          results.push({ error: err });
        }
      }
      return results;
    });

  const commit = async (batch: QueuedCommand[]): Promise<CommandResultOrError[]> => {
    if (failed !== null) return batch.map(() => ({ error: failed }));
    try {
      return await commitBatch(batch);
    } catch (error) {
      // The commit itself failed: nothing in the batch is known to be on disk, so nothing in it is ok.
      return batch.map(() => ({ error }));
    }
  };

  const flushOnce = async (): Promise<void> => {
    if (queue.length === 0) return;
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) setImmediate(() => void flush());
    const results = await commit(batch);
    const storage = results.find((r) => isStorageFailure(r.error));
    if (storage) stop(storage.error);
    batch.forEach((item, i) => item.done(results[i]!));
  };
  // Batches commit one after another, in the order their commands were submitted.
  let flushing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => (flushing = flushing.catch(() => {}).then(flushOnce));

  return {
    /** Runs one command in its own immediate transaction; durable once resolved (synchronous=FULL). */
    execute: async <N extends CommandName>(name: N, cmd: Command<N>, actor: string): Promise<CommandOutcome> => {
      if (failed !== null) throw failed instanceof Error ? failed : new Error('The database failed earlier.', { cause: failed });
      try {
        return await store.transaction((tx) => execute(tx, name, cmd, actor));
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
      if (queue.length === 1) setImmediate(() => void flush());
    },
    /** Commands queued and not yet committed (tests, shutdown). */
    pending: (): number => queue.length,
    /** Commits the commands still queued, before the database closes. */
    close: async (): Promise<void> => {
      while (queue.length > 0) await flush();
      await flushing;
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

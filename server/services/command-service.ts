import type { ApiError, BoardEvent, Command, CommandName } from '../../shared/protocol';
import { failStop, isStorageFailure } from '../db/fail-stop';
import { type Repositories, createRepositories } from '../repositories';
import type { Executor, Store } from '../store';
import { isStalePreparedStatement } from '../store/named-statements';
import { takeBatch } from './batch-take';
import { type AppliedOperation, CommandBatch } from './command-batch';
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

/** Upper bound on commands in one group commit, so one transaction (and the acks waiting on it) stays short. */
export const MAX_BATCH = 256;

/** Upper bound on one board's commands in a group commit, so a flood on one board does not hold up the others. */
export const MAX_BATCH_PER_BOARD = 32;

/** Attempts at a transaction another instance's deadlocked or conflicted with (nothing was acknowledged). */
export const MAX_ATTEMPTS = 5;

/**
 * PostgreSQL's answers that mean "try the whole transaction again": a serialization failure, a deadlock (two
 * instances' batches bumping the same boards' seqs in opposite orders), and a prepared statement whose table
 * changed shape (named-statements.ts). The transaction was rolled back entirely.
 */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01' || isStalePreparedStatement(err);
}

/**
 * Another instance committed the same opId first (PostgreSQL waited for it, then refused our operation row): run
 * the command again and it is answered as the duplicate it is. SQLite has one writer, so it never sees this.
 */
function isTakenOperation(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && typeof e.constraint === 'string' && e.constraint.startsWith('operations');
}

/** A few milliseconds, growing and jittered, so two instances that collided do not collide again in step. */
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * 2 ** attempt));

/**
 * Reads the heads of the boards a transaction's commands are sent to, in one statement, and on PostgreSQL locks
 * them, in id order, before any of the commands runs. The lock is the seq bump's own (FOR NO KEY UPDATE: it leaves
 * the foreign-key checks of rows inserted meanwhile, events and cards, free to proceed), held until COMMIT: the
 * heads read here are the ones the transaction counts its seqs from (see command-batch.ts). Taken in one order,
 * two instances committing batches that name the same boards in different orders do not deadlock (PostgreSQL would
 * only notice after deadlock_timeout): the later batch waits for the earlier one. SQLite has one writer: a read.
 */
export function lockBoards(tx: Executor, boardIds: readonly string[]): Promise<Map<string, number>> {
  return createRepositories(tx).boards.heads(boardIds);
}

/**
 * Runs commands: in one transaction it answers a repeated opId with the events it produced the first time, or
 * decides and commits the new effects. Answers only after the commit, so an ok outcome is durable. When the
 * storage fails under a commit, `onStorageFailure` stops the process (see fail-stop.ts); until it has, every
 * command is refused.
 */
export function createCommandService(
  store: Store,
  clock: Clock = systemClock,
  onStorageFailure: (err: unknown) => void = failStop,
  /** What follows from a measurement (business cases' progress), committed in the same transaction. */
  followUp?: MeasurementFollowUp,
) {
  const execute = async <N extends CommandName>(
    repos: Repositories,
    batch: CommandBatch,
    name: N,
    cmd: Command<N>,
    actor: string,
  ): Promise<CommandOutcome> => {
    const previous = await batch.operation(cmd.opId);
    const own = batch.repositories(repos);
    if (previous) return replay(own, batch, name, cmd, previous);
    if ((await batch.seqs.head(cmd.boardId)) === undefined) {
      return { ok: false, error: { code: 'NOT_FOUND', message: 'The board does not exist.' } };
    }
    const date = clock.now();
    const ctx: CommandContext = { actor, now: date.toISOString(), today: calendarDate(date) };
    const decision = await COMMAND_RUNNERS[name](cmd, own, ctx);
    if (!decision.ok) return decision;
    const meta = { opId: cmd.opId, command: name, originBoardId: cmd.boardId, actor, at: ctx.now };
    const events = await commitEffects(own, decision.effects, meta, batch);
    const measured = measuredIn(decision.effects);
    if (measured.length > 0) events.push(...(await commitFollowUps(own, followUp, measured, meta, batch)));
    batch.applied(cmd.opId, { board_id: cmd.boardId, command: name });
    const seq = events.findLast((e) => e.boardId === cmd.boardId)?.seq ?? (await batch.seqs.head(cmd.boardId))!;
    return { ok: true, seq, events, duplicate: false };
  };

  const replay = async (
    repos: Repositories,
    batch: CommandBatch,
    name: CommandName,
    cmd: { opId: string; boardId: string },
    previous: AppliedOperation,
  ): Promise<CommandOutcome> => {
    if (previous.board_id !== cmd.boardId || previous.command !== name) {
      return { ok: false, error: { code: 'CONFLICT', message: 'This opId was already used for another command.' } };
    }
    const events = await repos.events.byOperation(cmd.opId);
    const own = events.filter((e) => e.boardId === cmd.boardId);
    const seq = own.length > 0 ? own[own.length - 1]!.seq : (await batch.seqs.head(cmd.boardId))!;
    return { ok: true, seq, events, duplicate: true };
  };

  const run = (repos: Repositories, batch: CommandBatch, item: Pick<QueuedCommand, 'name' | 'cmd' | 'actor'>) =>
    execute(repos, batch, item.name, item.cmd as never, item.actor);

  /**
   * One command of `batch` in a savepoint of `tx`, so an error undoes it alone (and the batch's counts with it).
   * `repos` are the transaction's (a savepoint runs on the transaction's executor; repositories are made anew only
   * should it hand over another one). Another instance committing the same opId meanwhile makes our operation row
   * fail its constraint: then the command runs again, asking the database, and is answered as the duplicate.
   */
  const runOne = async (tx: Executor, repos: Repositories, batch: CommandBatch, item: Pick<QueuedCommand, 'name' | 'cmd' | 'actor'>): Promise<CommandOutcome> => {
    const attempt = async () => {
      const mark = batch.checkpoint();
      try {
        return await tx.transaction((sp) => run(sp === tx ? repos : createRepositories(sp), batch, item));
      } catch (err) {
        batch.restore(mark);
        throw err;
      }
    };
    try {
      return await attempt();
    } catch (err) {
      if (!isTakenOperation(err)) throw err;
      batch.forget((item.cmd as { opId: string }).opId);
      return attempt();
    }
  };

  /** One command on its own, in a savepoint of `tx`: its boards read and locked, their heads written at its end. */
  const runAlone = async (tx: Executor, item: Pick<QueuedCommand, 'name' | 'cmd' | 'actor'>): Promise<CommandOutcome> => {
    const repos = createRepositories(tx);
    const batch = await CommandBatch.open(repos, [item.cmd as { opId: string; boardId: string }]);
    return tx.transaction(async (sp) => {
      const outcome = await runOne(sp, sp === tx ? repos : createRepositories(sp), batch, item);
      await batch.finish();
      return outcome;
    });
  };

  /** Runs `work` in a transaction, again (after a pause) when PostgreSQL rolled it back for a deadlock or conflict. */
  const withRetries = async <T>(work: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (!isRetryable(err) || attempt >= MAX_ATTEMPTS) throw err;
        await backoff(attempt);
      }
    }
  };

  /** The storage failure that stopped the service, if one did: nothing is committed after it. */
  let failed: unknown = null;
  const stop = (err: unknown): void => {
    if (failed !== null) return;
    failed = err;
    onStorageFailure(err);
  };
  const stopped = (): Error => (failed instanceof Error ? failed : new Error('The database failed earlier.', { cause: failed }));

  // Group commit: commands that arrive in the same event-loop turn are committed together in one transaction, so
  // they share one sync of the log (SQLite synchronous=FULL, PostgreSQL synchronous_commit=on: the commit returns
  // once it is on disk). An unexpected error undoes only its own command (the batch is run again with a savepoint
  // per command, see commitBatch); a rejected command writes nothing anyway. One batch is committed at a time: what arrives meanwhile
  // waits for the next, so each board's outcomes are reported in the order submitted (takeBatch: a board's flood is
  // spread over several batches, other boards' commands going ahead of its later ones).
  const queue: QueuedCommand[] = [];
  let committing = 0;

  /**
   * One batch in one transaction. `isolated`: each command in a savepoint of its own, so an unexpected error undoes
   * that command alone and the others still commit. Not isolated: the commands run straight on the transaction and
   * an unexpected error in any of them rolls the whole batch back (thrown as CommandFailed), to be run again
   * isolated. Nothing is acknowledged before the COMMIT either way, so the outcome is the same; but unexpected errors
   * are rare, and a savepoint and its release per command were ~15 % of a move's CPU (bench/FINDINGS.md, "The move
   * path on the async store"). Not isolated, the log rows of most commands are also held back and written together
   * at the end (see CommandBatch).
   */
  const commitBatch = (batch: readonly QueuedCommand[], isolated: boolean): Promise<CommandResultOrError[]> =>
    store.transaction(async (tx) => {
      const repos = createRepositories(tx);
      const commands = batch.filter((item) => !item.refused).map((item) => item.cmd as { opId: string; boardId: string });
      // Isolated, each command's rows are written in its own savepoint, so that an opId another instance took
      // meanwhile fails that command's statement, not the batch's. On SQLite a statement is no round trip, and the
      // multi-row INSERTs (built per batch) cost more CPU than the prepared ones they replace (bench/FINDINGS.md).
      const shared = await CommandBatch.open(repos, commands, { holdAppends: !isolated && tx.engine === 'postgres' });
      const results: CommandResultOrError[] = [];
      for (const item of batch) {
        if (item.refused) {
          results.push({ outcome: { ok: false, error: item.refused } });
          continue;
        }
        try {
          results.push({ outcome: isolated ? await runOne(tx, repos, shared, item) : await run(repos, shared, item) });
        } catch (err) {
          // A failing disk ends the batch (SQLite may have rolled all of it back already), and so does PostgreSQL
          // giving up the whole transaction (to be tried again); anything else fails this command alone.
          if (isStorageFailure(err) || isRetryable(err)) throw err;
          if (!isolated) throw new CommandFailed(err);
          results.push({ error: err });
        }
      }
      try {
        await shared.finish();
      } catch (err) {
        // The rows held back, written together: whichever command's row failed, the isolated re-run tells.
        if (isStorageFailure(err) || isRetryable(err) || isolated) throw err;
        throw new CommandFailed(err);
      }
      return results;
    });

  /** The batch without savepoints, and again with one per command should a command fail unexpectedly. */
  const commitGrouped = async (batch: readonly QueuedCommand[]): Promise<CommandResultOrError[]> => {
    try {
      return await commitBatch(batch, false);
    } catch (err) {
      if (!(err instanceof CommandFailed)) throw err;
      return commitBatch(batch, true);
    }
  };

  const commit = async (batch: QueuedCommand[]): Promise<CommandResultOrError[]> => {
    if (failed !== null) return batch.map(() => ({ error: failed }));
    // Checks that were still answering when the command was submitted (access, on a cold cache) are awaited here,
    // before the transaction opens: a transaction never waits on anything but its own statements.
    for (const item of batch) {
      if (!item.precondition) continue;
      try {
        item.refused = (await item.precondition) ?? undefined;
      } catch (err) {
        item.refused = { code: 'INTERNAL', message: 'The server could not check this command.' };
        item.checkError = err;
      }
    }
    // Every one refused: nothing to commit.
    if (batch.every((item) => item.refused)) {
      return batch.map((item) => (item.checkError !== undefined ? { error: item.checkError } : { outcome: { ok: false, error: item.refused! } }));
    }
    try {
      const results = await withRetries(() => commitGrouped(batch));
      return results.map((r, i) => (batch[i]!.checkError !== undefined ? { error: batch[i]!.checkError } : r));
    } catch (error) {
      // The commit itself failed: nothing in the batch is known to be on disk, so nothing in it is ok.
      return batch.map(() => ({ error }));
    }
  };

  const flush = async (): Promise<void> => {
    if (committing > 0 || queue.length === 0) return;
    const batch = takeBatch(queue, (item) => (item.cmd as { boardId: string }).boardId, MAX_BATCH, MAX_BATCH_PER_BOARD);
    committing = batch.length;
    let results: CommandResultOrError[];
    try {
      results = await commit(batch);
    } finally {
      committing = 0;
    }
    if (queue.length > 0) setImmediate(flushSoon);
    const storage = results.find((r) => isStorageFailure(r.error));
    if (storage) stop(storage.error);
    // In one synchronous loop: the outbox takes the outcomes reported together as one delivery.
    batch.forEach((item, i) => item.done(results[i]!));
  };

  // flush answers every error through the commands' outcomes; only a `done` callback could throw here.
  const flushSoon = (): void => void flush();

  return {
    /**
     * Runs one command in a transaction of its own and answers once it is committed (durable). Given `within`, an
     * open transaction of the caller's, it runs as a savepoint of that one instead and is durable with it.
     */
    execute: async <N extends CommandName>(name: N, cmd: Command<N>, actor: string, within?: Executor): Promise<CommandOutcome> => {
      if (failed !== null) throw stopped();
      if (within) return runAlone(within, { name, cmd, actor });
      try {
        return await withRetries(() => store.transaction((tx) => runAlone(tx, { name, cmd, actor })));
      } catch (err) {
        if (isStorageFailure(err)) stop(err);
        throw err;
      }
    },
    /**
     * Queues a command for the next group commit; `done` gets its outcome (or the error that stopped it) once the
     * commit has returned, i.e. once it is durable. A board's commands are committed and reported in the order
     * submitted (another board's may go ahead of a flood: see takeBatch).
     * `precondition`, if given, is a check still under way (access): an error it answers refuses the command, in
     * its place in the order, without running it.
     */
    submit: <N extends CommandName>(
      name: N,
      cmd: Command<N>,
      actor: string,
      done: (result: CommandResultOrError) => void,
      precondition?: Promise<ApiError | undefined>,
    ): void => {
      // The check is awaited only when its batch commits, maybe after the batch before it: a check that fails
      // sooner (the database away) would be an unhandled rejection meanwhile, which ends the process. commit()
      // still sees the rejection and refuses the command with it.
      precondition?.catch(() => {});
      queue.push({ name, cmd, actor, done, ...(precondition && { precondition }) });
      if (queue.length === 1) setImmediate(flushSoon);
    },
    /** Commands submitted and not yet reported (tests, shutdown). */
    pending: (): number => queue.length + committing,
    /** Commits the commands still queued, before the store closes. */
    close: async (): Promise<void> => {
      while (committing > 0) await new Promise((resolve) => setImmediate(resolve));
      while (queue.length > 0) await flush();
    },
  };
}

/** A command of a batch run without savepoints failed unexpectedly: its transaction was rolled back whole. */
class CommandFailed extends Error {
  constructor(readonly failure: unknown) {
    super('A command of the batch failed; the batch is run again with a savepoint per command.', { cause: failure });
  }
}

export type CommandResultOrError = { outcome: CommandOutcome; error?: undefined } | { outcome?: undefined; error: unknown };

interface QueuedCommand {
  name: CommandName;
  cmd: unknown;
  actor: string;
  done: (result: CommandResultOrError) => void;
  precondition?: Promise<ApiError | undefined>;
  /** Set before the commit: why the command is not run. */
  refused?: ApiError | undefined;
  /** The check itself failed (logged as the command's error). */
  checkError?: unknown;
}
export type CommandService = ReturnType<typeof createCommandService>;

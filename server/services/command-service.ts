import type { ApiError, BoardEvent, Command, CommandName } from '../../shared/protocol';
import type { Db } from '../db/open-database';
import { type DeliveryOrder, createWalSync } from '../db/wal-sync';
import type { Repositories } from '../repositories';
import { COMMAND_RUNNERS } from './commands';
import type { CommandContext } from './decision';
import { commitEffects } from './event-store';
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
 */
export function createCommandService(db: Db, repos: Repositories, clock: Clock = systemClock) {
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
    const events = commitEffects(repos, decision.effects, {
      opId: cmd.opId,
      command: name,
      originBoardId: cmd.boardId,
      actor,
      at: ctx.now,
    });
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

  // Group commit: commands that arrive in the same event-loop turn are committed together in one transaction. Each
  // command runs in a savepoint of its own, so an unexpected error undoes only that command; a rejected command
  // writes nothing anyway. The WAL is synced off the event loop (wal-sync.ts), so the next batch is read and
  // decided while this one syncs, and batches that commit during one sync share the next. Outcomes are reported, in
  // arrival order, only once the batch is durable, so an ok outcome is still durable when the caller acks it (a
  // lone command's is also reported as soon as it is written: see `submit`).
  const queue: QueuedCommand[] = [];
  const wal = createWalSync(db);
  const runOne = db.transaction((item: QueuedCommand) => execute(item.name, item.cmd as never, item.actor));
  const commitBatch = db.transaction((batch: QueuedCommand[]): CommandResultOrError[] =>
    batch.map((item) => {
      try {
        return { outcome: runOne(item) };
      } catch (err) {
        return { error: err };
      }
    }),
  );

  const flush = (): void => {
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) setImmediate(flush);
    const lone = batch.length === 1 ? batch[0]!.written : undefined;
    wal.commit(
      () => commitBatch.immediate(batch),
      (result) => {
        // A failed commit or sync (disk full, I/O error): nothing in the batch is known durable, so nothing is ok.
        const results = result.ok ? result.value : batch.map(() => ({ error: result.error }));
        batch.forEach((item, i) => item.done(results[i]!));
      },
      lone && ((results) => results[0]!.outcome && lone(results[0]!.outcome)),
    );
  };

  return {
    /**
     * Runs one command in its own immediate transaction, synchronously; durable on return (synchronous=FULL). Tell
     * its events through `delivery.after`, so they follow those of group commits still waiting for their sync.
     */
    execute: <N extends CommandName>(name: N, cmd: Command<N>, actor: string): CommandOutcome =>
      db.transaction(() => execute(name, cmd, actor)).immediate(),
    /**
     * Queues a command for the next group commit; `done` gets its outcome (or the error that stopped it) once the
     * commit is durable. Commands from one caller are committed and reported in the order they were submitted.
     * `written` gets the outcome earlier, as soon as the transaction has committed and before it is durable, when
     * the command was committed on its own (one client at work) and every earlier commit has been delivered: its
     * events may be shown to others then, without overtaking earlier ones. Not an acknowledgement: only `done` is.
     */
    submit: <N extends CommandName>(
      name: N,
      cmd: Command<N>,
      actor: string,
      done: (result: CommandResultOrError) => void,
      written?: (outcome: CommandOutcome) => void,
    ): void => {
      queue.push({ name, cmd, actor, done, written });
      if (queue.length === 1) setImmediate(flush);
    },
    /** Commands queued and not yet committed (tests, shutdown). */
    pending: (): number => queue.length,
    /** The order outcomes are delivered in, for whoever must tell of other commits in the same order. */
    delivery: { after: wal.after } satisfies DeliveryOrder,
    /** Waits for the commits under way to become durable and releases the WAL file (before the database closes). */
    close: (): Promise<void> => wal.close(),
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
  written: ((outcome: CommandOutcome) => void) | undefined;
}
export type CommandService = ReturnType<typeof createCommandService>;

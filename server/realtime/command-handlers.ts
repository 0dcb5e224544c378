import { type Ack, type BoardEvent, COMMANDS, type Command, type CommandName } from '../../shared/protocol';
import type { AccessPolicy } from '../services/access-policy';
import type { CommandOutcome, CommandService } from '../services/command-service';
import { capabilityFor } from '../services/commands';
import { failure, invalid } from './acks';
import { type CommitOutbox, liveEvent } from './board-broadcast';
import { type SharedListener, guard, logRealtimeError } from './guard';
import type { KaskadeSocket } from './socket-types';

/**
 * Every command: parse → authorise → run (decide + commit in one transaction) → broadcast + ack.
 * The ack follows the commit, which returns once it is on disk, so an acknowledged change is durable; the peers
 * hear of it only then too. The outbox sends the events of a whole group commit as one message per board, and the
 * acks (which carry each command's events too). One listener per command for all sockets (see SharedListener).
 */
export function commandListeners(
  commands: CommandService,
  access: AccessPolicy,
  outbox: CommitOutbox,
): [CommandName, SharedListener][] {
  return (Object.keys(COMMANDS) as CommandName[]).map((name) => [
    name,
    guard(name, (socket, raw, ack) => {
      const parsed = COMMANDS[name].safeParse(raw);
      if (!parsed.success) return ack(invalid(parsed.error));
      const cmd = parsed.data as Command<typeof name>;
      inArrivalOrder(socket, async () => {
        if (!(await access.can(socket.data.actor, capabilityFor(name), cmd.boardId))) {
          return ack(failure('FORBIDDEN', 'You may not change this board.'));
        }
        // Committed with whatever else arrived in the same turn (group commit); answered only after that commit.
        commands.submit(name, cmd, socket.data.actor, ({ outcome, error }) => {
          if (!outcome) logRealtimeError({ err: error, event: name, socket: socket.id }, 'command failed');
          outbox.add(socket, freshEvents(outcome), () => ack(answerTo(outcome)));
        });
      }).catch((err: unknown) => {
        logRealtimeError({ err, event: name, socket: socket.id }, 'socket handler failed');
        ack(failure('INTERNAL', 'The server could not handle this message.'));
      });
    }),
  ]);
}

/** Each socket's commands, checked one after another. */
const checking = new WeakMap<KaskadeSocket, Promise<unknown>>();

/**
 * Runs a socket's command checks in the order its commands arrived: the access check reads the database, and one
 * that reads longer (a cache miss) must not let a later command of the same socket be submitted before it.
 */
function inArrivalOrder(socket: KaskadeSocket, check: () => Promise<void>): Promise<void> {
  const run = (checking.get(socket) ?? Promise.resolve()).catch(() => {}).then(check);
  checking.set(socket, run);
  return run;
}

/** The events a command's outcome adds to its boards: a repeated opId is answered again but was broadcast the first time. */
function freshEvents(outcome: CommandOutcome | undefined): readonly BoardEvent[] {
  return outcome?.ok && !outcome.duplicate ? outcome.events : [];
}

/** The ack for a command's outcome; none means an unexpected error stopped it. */
function answerTo(outcome: CommandOutcome | undefined): Ack {
  if (!outcome) return failure('INTERNAL', 'The server could not handle this message.');
  if (!outcome.ok) return { ok: false, error: outcome.error };
  const events = outcome.events.map(liveEvent);
  return { ok: true, seq: outcome.seq, data: { events }, ...(outcome.duplicate && { duplicate: true }) };
}

import { type Ack, type BoardEvent, COMMANDS, type Command, type CommandName } from '../../shared/protocol';
import type { AccessPolicy } from '../services/access-policy';
import type { CommandOutcome, CommandService } from '../services/command-service';
import { capabilityFor } from '../services/commands';
import { failureFor, invalid } from './acks';
import { type CommitOutbox, liveEvent } from './board-broadcast';
import { type SharedListener, guard, logRealtimeError } from './guard';

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
      // Queued at once, in the order the socket sent it, with its access check still answering: the group commit
      // waits for the check (before opening its transaction) and refuses the command in its place if it fails.
      const allowed = Promise.resolve(access.can(socket.data.actor, capabilityFor(name), cmd.boardId))
        .then((may) => (may ? undefined : FORBIDDEN));
      // Committed with whatever else arrived in the same turn (group commit); answered only after that commit.
      commands.submit(name, cmd, socket.data.actor, ({ outcome, error }) => {
        if (!outcome) logRealtimeError({ err: error, event: name, socket: socket.id }, 'command failed');
        outbox.add(socket, freshEvents(outcome), () => ack(answerTo(outcome, error)));
      }, allowed);
    }),
  ]);
}

const FORBIDDEN = { code: 'FORBIDDEN', message: 'You may not change this board.' } as const;

/** The events a command's outcome adds to its boards: a repeated opId is answered again but was broadcast the first time. */
function freshEvents(outcome: CommandOutcome | undefined): readonly BoardEvent[] {
  return outcome?.ok && !outcome.duplicate ? outcome.events : [];
}

/**
 * The ack for a command's outcome; none means an unexpected error stopped it: UNAVAILABLE if the database was away
 * and the command certainly not committed (the client keeps it and sends it again), INTERNAL otherwise.
 */
function answerTo(outcome: CommandOutcome | undefined, error: unknown): Ack {
  if (!outcome) return failureFor(error);
  if (!outcome.ok) return { ok: false, error: outcome.error };
  const events = outcome.events.map(liveEvent);
  return { ok: true, seq: outcome.seq, data: { events }, ...(outcome.duplicate && { duplicate: true }) };
}

import { COMMANDS, type Command, type CommandName } from '../../shared/protocol';
import type { AccessPolicy } from '../services/access-policy';
import type { CommandService } from '../services/command-service';
import { capabilityFor } from '../services/commands';
import { failure, invalid } from './acks';
import { guard, logRealtimeError } from './guard';
import { type KaskadeSocket, boardRoom } from './socket-types';

/**
 * Every command: parse → authorise → run (decide + commit in one transaction) → ack → broadcast.
 * The ack follows the commit, and the peers hear of a change only once it is durable. The sender gets its
 * events in the ack, so the broadcast skips it.
 */
export function registerCommandHandlers(
  socket: KaskadeSocket,
  commands: CommandService,
  access: AccessPolicy,
): void {
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    socket.on(
      name,
      guard(socket, name, (raw, ack) => {
        const parsed = COMMANDS[name].safeParse(raw);
        if (!parsed.success) return ack(invalid(parsed.error));
        const cmd = parsed.data as Command<typeof name>;
        if (!access.can(socket.data.actor, capabilityFor(name), cmd.boardId)) {
          return ack(failure('FORBIDDEN', 'You may not change this board.'));
        }
        // Committed with whatever else arrived in the same turn (group commit); answered only after that commit.
        commands.submit(name, cmd, socket.data.actor, ({ outcome, error }) => {
          if (!outcome) {
            logRealtimeError({ err: error, event: name, socket: socket.id }, 'command failed');
            return ack(failure('INTERNAL', 'The server could not handle this message.'));
          }
          if (!outcome.ok) return ack({ ok: false, error: outcome.error });
          ack({ ok: true, seq: outcome.seq, data: { events: outcome.events }, ...(outcome.duplicate && { duplicate: true }) });
          if (outcome.duplicate) return;
          for (const event of outcome.events) {
            socket.to(boardRoom(event.boardId)).emit('board:event', event);
          }
        });
      }),
    );
  }
}

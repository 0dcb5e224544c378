import { JoinRequest, LeaveRequest, PROTOCOL_VERSION } from '../../shared/protocol';
import type { AccessPolicy } from '../services/access-policy';
import type { BoardService } from '../services/board-service';
import { failure, failureFor, invalid } from './acks';
import { type SharedListener, guard, logRealtimeError } from './guard';
import type { JoinPacer } from './join-pacer';
import { type KaskadeSocket, boardRoom } from './socket-types';

/**
 * Joining a board: the socket enters the board's room and only then reads a snapshot or the events it missed, so
 * every change committed after that read reaches it through the room: nothing falls between what it was sent and
 * what it will receive (what reaches it twice, it drops by seq). That step waits its
 * turn in the join pacer (see join-pacer.ts), so a storm of joins never holds the event loop for long. One listener
 * per event for all sockets (see SharedListener).
 */
export function boardListeners(
  boards: BoardService,
  access: AccessPolicy,
  pacer: JoinPacer,
  /** Called after a join's answer went out (the socket server checks the socket's send buffer). */
  afterAnswer: (socket: KaskadeSocket) => void,
): ['board:join' | 'board:leave', SharedListener][] {
  const join = guard('board:join', (socket, raw, ack) => {
    const parsed = JoinRequest.safeParse(raw);
    if (!parsed.success) return ack(invalid(parsed.error));
    const { boardId, protocol, sinceSeq } = parsed.data;
    if (protocol !== PROTOCOL_VERSION) {
      return ack(failure('PROTOCOL_MISMATCH', `This server speaks protocol ${PROTOCOL_VERSION}; reload the page.`));
    }
    const serve = async (): Promise<void> => {
      if (!socket.connected) return;
      if (!(await boards.exists(boardId))) return ack(failure('NOT_FOUND', 'The board does not exist.'));
      if (!(await access.can(socket.data.actor, 'read', boardId))) return ack(failure('FORBIDDEN', 'You may not see this board.'));
      if (!socket.connected) return;
      await socket.join(boardRoom(boardId));
      const result = await boards.catchUp(boardId, parsed.data);
      if (!result) return ack(failure('NOT_FOUND', 'The board does not exist.'));
      const seq = result.kind === 'snapshot' ? result.snapshot.seq : (result.events.at(-1)?.seq ?? sinceSeq ?? 0);
      ack({ ok: true, seq, data: result });
      afterAnswer(socket);
    };
    pacer.enqueue(async () => {
      try {
        await serve();
      } catch (err) {
        logRealtimeError({ err, event: 'board:join', socket: socket.id }, 'socket handler failed');
        ack(failureFor(err));
      }
    });
  });

  const leave = guard('board:leave', (socket, raw, ack) => {
    const parsed = LeaveRequest.safeParse(raw);
    if (!parsed.success) return ack(invalid(parsed.error));
    void socket.leave(boardRoom(parsed.data.boardId));
    ack({ ok: true, seq: 0, data: null });
  });

  return [
    ['board:join', join],
    ['board:leave', leave],
  ];
}

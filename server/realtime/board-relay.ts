import type { BoardEvent } from '../../shared/protocol';
import { logRealtimeError } from './guard';
import { type KaskadeServer, boardRoom } from './socket-types';

/** The inter-server event that carries one board's committed events to the other instances. */
export const BOARD_RELAY_EVENT = 'board:committed';

/**
 * Sends committed events to a board's room on every instance. The instance that committed sends them to its own
 * sockets at once, as a single process does, and hands them once to the other instances through the adapter
 * (`serverSideEmit`); each of those sends them to its own sockets with the same broadcast (one encoding, written to
 * every socket of the room). Why not `io.to(room).emit` through the adapter: socket.io-adapter's cluster adapters
 * wait for the publish to Redis or PostgreSQL to finish before they write to the local sockets, so every local
 * delivery would take a round trip to the shared service, stall while it is away, and come out in the order the
 * publishes finished in (see docs/several-instances.md).
 *
 * Order: each instance sends a board's events in the order it commits or receives them. Two instances committing to
 * one board relay concurrently, so a socket may see seq 7 before 6; the client then catches up from the event log
 * (it re-joins with `sinceSeq`), and the late 6 is dropped here if the room already has it, or by the client.
 */
export interface BoardRelay {
  /** Sends one board's committed events to its room here (except the sockets `except`) and to the other instances. */
  toRoom(boardId: string, events: readonly BoardEvent[], except?: readonly string[]): void;
  /** Sends events to the board's room on this instance only (what another instance relayed, or the sweep found). */
  toRoomHere(boardId: string, events: readonly BoardEvent[]): void;
  /** The highest seq of `boardId` this instance has sent to its room, if it has sent any. */
  deliveredSeq(boardId: string): number | undefined;
}

export function createBoardRelay(io: KaskadeServer, options: { acrossInstances: boolean }): BoardRelay {
  /** Per board, the highest seq sent to its room here: a relayed batch that has nothing newer is not sent again. */
  const delivered = new Map<string, number>();
  const note = (boardId: string, events: readonly BoardEvent[]): void => {
    const last = events.at(-1)?.seq;
    if (last !== undefined && last > (delivered.get(boardId) ?? 0)) delivered.set(boardId, last);
  };
  const sendHere = (boardId: string, events: readonly BoardEvent[], except: readonly string[] = []): void => {
    const room = io.local.to(boardRoom(boardId));
    (except.length > 0 ? room.except([...except]) : room).emit('board:events', [...events]);
    note(boardId, events);
  };

  if (options.acrossInstances) {
    io.on(BOARD_RELAY_EVENT, (boardId: unknown, events: unknown) => {
      if (typeof boardId !== 'string' || !isRelayedBatch(boardId, events)) {
        logRealtimeError({ event: BOARD_RELAY_EVENT }, 'malformed relayed board events dropped');
        return;
      }
      toRoomHere(boardId, events);
    });
  }
  // A board nobody here watches any more needs no mark (the adapter drops a room with its last socket).
  io.of('/').adapter.on('delete-room', (room: string) => {
    if (room.startsWith('board:')) delivered.delete(room.slice(6));
  });

  /** Sends only what the room here was not sent yet: a late or repeated batch costs its sockets nothing. */
  function toRoomHere(boardId: string, events: readonly BoardEvent[]): void {
    const seen = delivered.get(boardId) ?? 0;
    const fresh = events.filter((e) => e.seq > seen);
    if (fresh.length > 0) sendHere(boardId, fresh);
  }

  return {
    toRoomHere,
    toRoom(boardId, events, except) {
      if (events.length === 0) return;
      sendHere(boardId, events, except);
      if (options.acrossInstances) io.serverSideEmit(BOARD_RELAY_EVENT, boardId, [...events]);
    },
    deliveredSeq: (boardId) => delivered.get(boardId),
  };
}

/** What another instance relayed: a board id and a non-empty array of that board's events in seq order. */
function isRelayedBatch(boardId: string, events: unknown): events is BoardEvent[] {
  if (!Array.isArray(events) || events.length === 0) return false;
  let previous = 0;
  for (const e of events as unknown[]) {
    const event = e as Partial<BoardEvent> | null;
    if (!event || event.boardId !== boardId || typeof event.seq !== 'number' || event.seq <= previous) return false;
    previous = event.seq;
  }
  return true;
}

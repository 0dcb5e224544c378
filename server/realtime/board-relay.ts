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
 * one board relay concurrently, so a socket may see seq 7 before 6; the late 6 is still sent, and the client waits a
 * moment for it before it catches up from the event log (it re-joins with `sinceSeq`).
 */
export interface BoardRelay {
  /** Sends one board's committed events to its room here (except the sockets `except`) and to the other instances. */
  toRoom(boardId: string, events: readonly BoardEvent[], except?: readonly string[]): void;
  /** Sends events to the board's room on this instance only (what another instance relayed, or the sweep found). */
  toRoomHere(boardId: string, events: readonly BoardEvent[]): void;
  /** The newest seq of `boardId` this instance has sent to its room, if it has sent any. */
  deliveredSeq(boardId: string): number | undefined;
}

/** How far below a board's newest seq sent here a late relayed event is still sent (it fills a hole in that window). */
const LATE_WINDOW = 256;

export function createBoardRelay(io: KaskadeServer, options: { acrossInstances: boolean }): BoardRelay {
  /**
   * Per board, what its room here was sent: the newest seq, and the seqs sent within LATE_WINDOW below it. Two
   * instances committing to one board at once relay concurrently, so an event often arrives here just after a newer
   * one was committed here: it is still sent (a client that holds the newer one fills its hole with it, see
   * sync-engine.ts), while a batch that was sent already (a repeat, or what the sweep sent) is not sent again.
   */
  const delivered = new Map<string, { max: number; recent: Set<number> }>();
  const note = (boardId: string, events: readonly BoardEvent[]): void => {
    let mark = delivered.get(boardId);
    if (!mark) delivered.set(boardId, (mark = { max: 0, recent: new Set() }));
    for (const e of events) {
      mark.recent.add(e.seq);
      if (e.seq > mark.max) mark.max = e.seq;
    }
    if (mark.recent.size > 2 * LATE_WINDOW) for (const seq of mark.recent) if (seq <= mark.max - LATE_WINDOW) mark.recent.delete(seq);
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

  /** Sends only what the room here was not sent yet: a repeated batch costs its sockets nothing. */
  function toRoomHere(boardId: string, events: readonly BoardEvent[]): void {
    const mark = delivered.get(boardId);
    const fresh = mark ? events.filter((e) => e.seq > mark.max - LATE_WINDOW && !mark.recent.has(e.seq)) : events;
    if (fresh.length > 0) sendHere(boardId, fresh);
  }

  return {
    toRoomHere,
    toRoom(boardId, events, except) {
      if (events.length === 0) return;
      sendHere(boardId, events, except);
      if (options.acrossInstances) io.serverSideEmit(BOARD_RELAY_EVENT, boardId, [...events]);
    },
    deliveredSeq: (boardId) => delivered.get(boardId)?.max,
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

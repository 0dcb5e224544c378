import type { BoardEvent } from '../../shared/protocol';
import { type KaskadeServer, type KaskadeSocket, boardRoom } from './socket-types';

/**
 * An event as the sockets get it. A move carries only what it changed: each socket in a board's room decodes
 * every move, and the whole card was most of each message. The log (and so the history pages) keeps the whole card.
 */
export function liveEvent(event: BoardEvent): BoardEvent {
  if (event.body.type !== 'card.moved') return event;
  const { id, columnId, orderKey, updatedAt } = event.body.card;
  return { ...event, body: { ...event.body, card: { id, columnId, orderKey, updatedAt } } };
}

/** Events grouped by board, each group in the order given (the commit order, i.e. by seq). */
export function byBoard(events: readonly BoardEvent[]): Map<string, BoardEvent[]> {
  const groups = new Map<string, BoardEvent[]>();
  for (const event of events) {
    const group = groups.get(event.boardId);
    if (group) group.push(event);
    else groups.set(event.boardId, [event]);
  }
  return groups;
}

/** Sends committed events to every socket in their boards' rooms: one `board:events` message per board. */
export function broadcastEvents(io: KaskadeServer, events: readonly BoardEvent[]): void {
  for (const [boardId, group] of byBoard(events.map(liveEvent))) io.to(boardRoom(boardId)).emit('board:events', group);
}

interface Delivery {
  socket: KaskadeSocket;
  /** The command's new events (none for a refusal or a repeated opId). */
  events: readonly BoardEvent[];
  answer: () => void;
}

/**
 * Answers the commands of one group commit and broadcasts their events as one message per board, instead of one
 * WebSocket frame per event per socket (the frames, not the commit, were what a burst of moves cost).
 *
 * The group commit reports every outcome of a batch in one synchronous loop, so a microtask queued by the first
 * one runs right after the last: that is the batch. Should outcomes ever come one by one, batches only get smaller.
 */
export function createCommitOutbox(io: KaskadeServer) {
  let batch: Delivery[] = [];

  const flush = (): void => {
    const deliveries = batch;
    batch = [];
    const boards = byBoard(deliveries.flatMap((d) => d.events).map(liveEvent));
    const senders = [...new Set(deliveries.filter((d) => d.events.length > 0).map((d) => d.socket))];
    // A sender hears the whole batch (its own events too) before its acks: an ack ahead of an earlier peer's event
    // would look like a hole in the seq and send the client back to re-join.
    for (const [boardId, events] of boards) {
      const room = boardRoom(boardId);
      const inRoom = senders.filter((s) => s.rooms.has(room)).map((s) => s.id);
      if (inRoom.length > 0) io.to(inRoom).emit('board:events', events);
    }
    for (const d of deliveries) d.answer();
    // Everyone else after the acks, so the senders' next commands can arrive while these frames are written.
    const senderIds = senders.map((s) => s.id);
    for (const [boardId, events] of boards) io.to(boardRoom(boardId)).except(senderIds).emit('board:events', events);
  };

  return {
    /** Queues a command's answer (and its new events) for the end of the current group commit. */
    add(socket: KaskadeSocket, events: readonly BoardEvent[], answer: () => void): void {
      batch.push({ socket, events, answer });
      if (batch.length === 1) queueMicrotask(flush);
    },
  };
}
export type CommitOutbox = ReturnType<typeof createCommitOutbox>;

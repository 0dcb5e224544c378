import type { BoardEvent } from '../../shared/protocol';
import { type BoardRelay, createBoardRelay } from './board-relay';
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

interface Delivery {
  socket: KaskadeSocket;
  /** The command's new events (none for a refusal or a repeated opId). */
  events: readonly BoardEvent[];
  answer: () => void;
}

/** A board's events that its room has not been sent yet, and the sockets that have every one of them already. */
interface Backlog {
  events: BoardEvent[];
  upToDate: string[];
}

/**
 * Answers the commands of each group commit and sends committed events to the boards' rooms as one
 * `board:events` message per board, not one WebSocket frame per event per socket (the frames, not the commit, were
 * most of what a burst of moves cost).
 *
 * Order: a sender hears all of its board's events not yet sent to the room (its own too) before its acks, since
 * an ack ahead of an earlier peer's event would look like a hole in the seq and send the client back to re-join.
 *
 * Only committed events arrive here, and a commit returns once it is durable, so the peers never hear of a change
 * the server could still lose.
 *
 * A lone command on a quiet server goes to the whole room at once, then its ack. Quiet means one client at work:
 * the command before it came alone from the same socket, or nothing was delivered for a few milliseconds. That is a
 * board in use (someone moves a card, everyone sees it) and needs no coalescing. When several clients send at once,
 * the rest of the room hears at the end of the next event-loop turn, with whatever that turn delivered: a group
 * commit completes in almost every turn then, so every socket in the room decodes one message for several commands,
 * and the senders' next commands are read while the acks travel. (Judged by time alone, many commits of busy senders
 * went out alone, each one a frame to every socket in the room.)
 *
 * The group commit reports every outcome of a delivery in one synchronous loop, so a microtask queued by the first
 * one runs right after the last: that is the batch. Should outcomes ever come one by one, batches only get smaller.
 */
/** A lone delivery this long after the one before it finds the server quiet, whoever sent it. */
const QUIET_GAP_MS = 5;

/**
 * `relay` sends a board's events to its room, on this instance and (with several) the others; the senders' own
 * copies go to their sockets here only (`io.local`): they are on this instance.
 */
export function createCommitOutbox(io: KaskadeServer, relay: BoardRelay = createBoardRelay(io, { acrossInstances: false })) {
  let batch: Delivery[] = [];
  const backlogs = new Map<string, Backlog>();
  let scheduled = false;
  let lastDelivery = -Infinity;
  /** The socket of the last delivery if it came alone, else null. */
  let lastLoneSender: string | null = null;

  const backlogOf = (boardId: string): Backlog => {
    let backlog = backlogs.get(boardId);
    if (!backlog) backlogs.set(boardId, (backlog = { events: [], upToDate: [] }));
    return backlog;
  };

  const sendToRooms = (): void => {
    scheduled = false;
    for (const [boardId, backlog] of backlogs) relay.toRoom(boardId, backlog.events, backlog.upToDate);
    backlogs.clear();
  };
  const scheduleRooms = (): void => {
    if (scheduled || backlogs.size === 0) return;
    scheduled = true;
    // The first step ends this turn; the second runs at the end of the next, after its deliveries.
    setImmediate(() => setImmediate(sendToRooms));
  };

  /** One client at work (`lone` sent the only command) and nothing waiting to go to a room. */
  const isQuiet = (lone: string | null, now: number): boolean =>
    lone !== null && (lone === lastLoneSender || now - lastDelivery > QUIET_GAP_MS) && !scheduled && backlogs.size === 0;

  const flush = (): void => {
    const deliveries = batch;
    batch = [];
    const now = performance.now();
    const lone = deliveries.length === 1 ? deliveries[0]!.socket.id : null;
    const quiet = isQuiet(lone, now);
    lastDelivery = now;
    lastLoneSender = lone;
    if (quiet) {
      // One change on a quiet server (someone moved a card): the whole room, its sender too, hears it at once, and
      // the ack follows. Coalescing would save nothing here and only delay every peer.
      for (const [boardId, events] of byBoard(deliveries.flatMap((d) => d.events).map(liveEvent))) relay.toRoom(boardId, events);
      for (const d of deliveries) d.answer();
      return;
    }
    const fresh = byBoard(deliveries.flatMap((d) => d.events).map(liveEvent));
    const senders = [...new Set(deliveries.filter((d) => d.events.length > 0).map((d) => d.socket))];
    for (const [boardId, events] of fresh) {
      const backlog = backlogOf(boardId);
      backlog.events.push(...events);
      const room = boardRoom(boardId);
      const inRoom = senders.filter((s) => s.rooms.has(room)).map((s) => s.id);
      if (inRoom.length > 0) io.local.to(inRoom).emit('board:events', [...backlog.events]);
      // Only these have every event of the backlog now; whoever had the earlier ones lacks the new.
      backlog.upToDate = inRoom;
    }
    for (const d of deliveries) d.answer();
    scheduleRooms();
  };

  return {
    /** Queues a command's answer (and its new events) for the end of the current group commit's delivery. */
    add(socket: KaskadeSocket, events: readonly BoardEvent[], answer: () => void): void {
      batch.push({ socket, events, answer });
      if (batch.length === 1) queueMicrotask(flush);
    },
    /** Sends events committed elsewhere (REST, imports: durable already) to their boards' rooms, with the backlog. */
    publish(events: readonly BoardEvent[]): void {
      if (events.length === 0) return;
      for (const [boardId, group] of byBoard(events.map(liveEvent))) {
        const backlog = backlogOf(boardId);
        backlog.events.push(...group);
        backlog.upToDate = [];
      }
      scheduleRooms();
    },
  };
}
export type CommitOutbox = ReturnType<typeof createCommitOutbox>;

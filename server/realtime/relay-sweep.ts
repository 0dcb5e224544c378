import type { BoardEvent } from '../../shared/protocol';
import type { BoardRelay } from './board-relay';
import { logRealtimeError } from './guard';
import type { KaskadeServer } from './socket-types';

/** What the sweep reads from the store (the event log every instance shares). */
export interface BoardHeads {
  /** The current seq of each of these boards (a board that no longer exists is left out). */
  seqs(boardIds: readonly string[]): Promise<Map<string, number>>;
  /** A board's events after `seq`, oldest first, at most `limit`. */
  since(boardId: string, seq: number, limit: number): Promise<BoardEvent[]>;
}

export interface RelaySweepOptions {
  /** How often the boards watched here are compared with the log. */
  intervalMs?: number;
  /** Events sent to a room per sweep; the rest follow in the next one. */
  maxEvents?: number;
}

/**
 * The net under the relay between instances. A relayed batch can be lost: the PostgreSQL adapter's LISTEN
 * connection drops and misses what was sent meanwhile, Redis Pub/Sub drops what it cannot deliver, a publish fails
 * after its commit. A client only notices a hole when the next event of its board arrives, which on a quiet board
 * may be hours later, with a wall screen showing a card where it no longer is.
 *
 * So every `intervalMs` the boards that have a room on this instance are compared with the log (one query for
 * all of them): events that a sweep found committed and that were still not sent here by the next sweep are
 * overdue (a relay takes milliseconds), and are read from the log and sent to the room. A board first seen by a
 * sweep counts from the seq it has then. With one instance nothing is ever overdue; it is started for several.
 */
export function startRelaySweep(io: KaskadeServer, relay: BoardRelay, heads: BoardHeads, options: RelaySweepOptions = {}) {
  const maxEvents = options.maxEvents ?? 200;
  /** Per board: the head the previous sweep found, and the seq counted as sent when none was sent here yet. */
  const seenHead = new Map<string, number>();
  const baseline = new Map<string, number>();
  let running = false;

  const sweep = async (): Promise<number> => {
    const watched = [...io.of('/').adapter.rooms.keys()].filter((r) => r.startsWith('board:')).map((r) => r.slice(6));
    const stillWatched = new Set(watched);
    for (const id of [...seenHead.keys()]) {
      if (stillWatched.has(id)) continue;
      seenHead.delete(id);
      baseline.delete(id);
    }
    if (watched.length === 0) return 0;
    const current = await heads.seqs(watched);
    let repaired = 0;
    for (const boardId of watched) {
      const head = current.get(boardId);
      if (head === undefined) continue;
      if (!baseline.has(boardId)) baseline.set(boardId, head);
      const sent = Math.max(relay.deliveredSeq(boardId) ?? 0, baseline.get(boardId)!);
      const overdue = seenHead.get(boardId);
      seenHead.set(boardId, head);
      if (overdue === undefined || sent >= overdue) continue;
      const events = await heads.since(boardId, sent, maxEvents);
      if (events.length === 0) continue;
      relay.toRoomHere(boardId, events);
      repaired += events.length;
    }
    return repaired;
  };

  const tick = (): void => {
    if (running) return; // a slow database: never two sweeps at once
    running = true;
    sweep()
      .catch((err: unknown) => logRealtimeError({ err }, 'relay sweep failed'))
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 5000);
  timer.unref();
  return {
    /** One sweep now (tests); resolves with the number of events it sent. */
    sweep,
    stop: () => clearInterval(timer),
  };
}
export type RelaySweep = ReturnType<typeof startRelaySweep>;

import { type BoardEvent, type JoinResult, MAX_CATCH_UP_EVENTS } from '../../shared/protocol';
import type { BoardSnapshot, BoardSummary } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import { currentTimeline } from '../db/timeline';
import type { Repositories } from '../repositories';
import { type Clock, systemClock } from './command-service';
import { calendarDate } from '../../shared/domain/periods';

/** How long a shared snapshot may serve joins at the same seq (see sharedSnapshot). */
export const SNAPSHOT_TTL_MS = 30_000;

/** Reads boards: the list, a consistent snapshot as of its seq, and the catch-up a reconnecting client needs. */
export function createBoardService(db: Db, repos: Repositories, clock: Clock = systemClock) {
  const snapshot = db.transaction((boardId: string): BoardSnapshot | undefined => {
    const board = repos.boards.get(boardId);
    if (!board) return undefined;
    const today = calendarDate(clock.now());
    return {
      board,
      seq: repos.boards.seq(boardId)!,
      columns: repos.columns.onBoard(boardId),
      cards: repos.cards.liveOnBoard(boardId),
      indicators: repos.indicators.forBoard(boardId, board.unit.id, today),
      escalations: repos.meetings.escalationsOf(boardId),
      meeting: repos.meetings.running(boardId),
      lastMeeting: repos.meetings.lastEnded(boardId),
      cadence: repos.meetings.cadence(boardId),
    };
  });

  /**
   * The last snapshot built of each board, shared by every join until the board's seq (or the day, which picks
   * targets) moves: after a restart a whole region's screens join at once, most of them to boards others are joining
   * too, and each snapshot costs several queries. Changes that bypass the event log (an administrator renaming a
   * unit) are seen once the entry is older than SNAPSHOT_TTL_MS.
   */
  const shared = new Map<string, { seq: number; day: string; at: number; snapshot: BoardSnapshot }>();
  const sharedSnapshot = (boardId: string, seq: number): BoardSnapshot | undefined => {
    const now = clock.now();
    const day = calendarDate(now);
    const hit = shared.get(boardId);
    if (hit && hit.seq === seq && hit.day === day && now.getTime() - hit.at < SNAPSHOT_TTL_MS) return hit.snapshot;
    const snap = snapshot(boardId);
    if (snap) shared.set(boardId, { seq: snap.seq, day, at: now.getTime(), snapshot: snap });
    else shared.delete(boardId);
    return snap;
  };

  /** The database's timeline (see JoinResult): seqs told in another one count a different history. */
  const epoch = currentTimeline(db);

  /** Events after `sinceSeq` when the client was told it in this timeline and is close enough behind, else a fresh snapshot. */
  const catchUp = (boardId: string, since: { sinceSeq?: number; epoch?: string } = {}): JoinResult | undefined => {
    const seq = repos.boards.seq(boardId);
    if (seq === undefined) return undefined;
    const { sinceSeq } = since;
    if (since.epoch === epoch && sinceSeq !== undefined && sinceSeq <= seq && seq - sinceSeq <= MAX_CATCH_UP_EVENTS) {
      const events: BoardEvent[] = repos.events.since(boardId, sinceSeq, MAX_CATCH_UP_EVENTS);
      return { kind: 'events', events, epoch };
    }
    const snap = sharedSnapshot(boardId, seq);
    return snap && { kind: 'snapshot', snapshot: snap, epoch };
  };

  return {
    list: (): BoardSummary[] => repos.boards.list(),
    exists: (boardId: string): boolean => repos.boards.seq(boardId) !== undefined,
    snapshot: (boardId: string): BoardSnapshot | undefined => snapshot(boardId),
    catchUp,
  };
}
export type BoardService = ReturnType<typeof createBoardService>;

import { type BoardEvent, type JoinResult, MAX_CATCH_UP_EVENTS } from '../../shared/protocol';
import type { BoardSnapshot, BoardSummary } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import { currentTimeline } from '../db/timeline';
import type { Repositories } from '../repositories';
import { type Clock, systemClock } from './command-service';
import { calendarDate } from '../../shared/domain/periods';

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
    const snap = snapshot(boardId);
    return snap && { kind: 'snapshot', snapshot: snap, epoch };
  };

  return {
    list: (): BoardSummary[] => repos.boards.list(),
    page: (parent: string | null, after: string, limit: number): BoardSummary[] => repos.boards.page(parent, after, limit),
    exists: (boardId: string): boolean => repos.boards.seq(boardId) !== undefined,
    snapshot: (boardId: string): BoardSnapshot | undefined => snapshot(boardId),
    catchUp,
  };
}
export type BoardService = ReturnType<typeof createBoardService>;

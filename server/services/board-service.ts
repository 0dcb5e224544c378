import { type BoardEvent, type JoinResult, MAX_CATCH_UP_EVENTS } from '../../shared/protocol';
import type { BoardSnapshot, BoardSummary } from '../../shared/schemas';
import { currentTimeline } from '../db/timeline';
import { postgresTimeline } from '../store/timeline-postgres';
import { createRepositories } from '../repositories';
import type { Store } from '../store';
import { type Clock, systemClock } from './command-service';
import { readTransaction } from './read-transaction';
import { calendarDate } from '../../shared/domain/periods';

/** How long a shared snapshot may serve joins at the same seq (see sharedSnapshot). */
export const SNAPSHOT_TTL_MS = 30_000;

/** Reads boards: the list, a consistent snapshot as of its seq, and the catch-up a reconnecting client needs. */
export function createBoardService(store: Store, clock: Clock = systemClock) {
  const repos = createRepositories(store);

  // One read transaction: the seq and the rows are of the same moment (see readTransaction).
  const snapshot = (boardId: string): Promise<BoardSnapshot | undefined> =>
    readTransaction(store, async (tx) => {
      const r = createRepositories(tx);
      const board = await r.boards.get(boardId);
      if (!board) return undefined;
      const today = calendarDate(clock.now());
      return {
        board,
        seq: (await r.boards.seq(boardId))!,
        columns: await r.columns.onBoard(boardId),
        cards: await r.cards.liveOnBoard(boardId),
        indicators: await r.indicators.forBoard(boardId, board.unit.id, today),
        escalations: await r.meetings.escalationsOf(boardId),
        meeting: await r.meetings.running(boardId),
        lastMeeting: await r.meetings.lastEnded(boardId),
        cadence: await r.meetings.cadence(boardId),
      };
    });

  /**
   * The last snapshot built of each board, shared by every join until the board's seq (or the day, which picks
   * targets) moves: after a restart a whole region's screens join at once, most of them to boards others are joining
   * too, and each snapshot costs several queries. Changes that bypass the event log (an administrator renaming a
   * unit) are seen once the entry is older than SNAPSHOT_TTL_MS. Joins that arrive while a board's snapshot is being
   * read wait for that one read rather than start their own.
   */
  const shared = new Map<string, { seq: number; day: string; at: number; snapshot: BoardSnapshot }>();
  const reading = new Map<string, { seq: number; day: string; read: Promise<BoardSnapshot | undefined> }>();
  const sharedSnapshot = async (boardId: string, seq: number): Promise<BoardSnapshot | undefined> => {
    const now = clock.now();
    const day = calendarDate(now);
    const hit = shared.get(boardId);
    if (hit && hit.seq === seq && hit.day === day && now.getTime() - hit.at < SNAPSHOT_TTL_MS) return hit.snapshot;
    const under = reading.get(boardId);
    if (under && under.seq >= seq && under.day === day) return under.read;
    const read = snapshot(boardId);
    reading.set(boardId, { seq, day, read });
    try {
      const snap = await read;
      if (snap) shared.set(boardId, { seq: snap.seq, day, at: now.getTime(), snapshot: snap });
      else shared.delete(boardId);
      return snap;
    } finally {
      if (reading.get(boardId)?.read === read) reading.delete(boardId);
    }
  };

  /**
   * The store's timeline (see JoinResult): seqs told in another one count a different history. SQLite keeps it in
   * the file, PostgreSQL in the database (store/timeline-postgres.ts), so every instance tells clients the same one.
   */
  const epochs = store.engine === 'sqlite' ? Promise.resolve(currentTimeline(store.sqlite)) : postgresTimeline(store.pool);
  // Read once; a failure here (the database away at start) is met again at the first join, not left unhandled.
  epochs.catch(() => {});

  /** Events after `sinceSeq` when the client was told it in this timeline and is close enough behind, else a fresh snapshot. */
  const catchUp = async (boardId: string, since: { sinceSeq?: number; epoch?: string } = {}): Promise<JoinResult | undefined> => {
    const epoch = await epochs;
    const seq = await repos.boards.seq(boardId);
    if (seq === undefined) return undefined;
    const { sinceSeq } = since;
    if (since.epoch === epoch && sinceSeq !== undefined && sinceSeq <= seq && seq - sinceSeq <= MAX_CATCH_UP_EVENTS) {
      const events: BoardEvent[] = await repos.events.since(boardId, sinceSeq, MAX_CATCH_UP_EVENTS);
      return { kind: 'events', events, epoch };
    }
    const snap = await sharedSnapshot(boardId, seq);
    return snap && { kind: 'snapshot', snapshot: snap, epoch };
  };

  return {
    list: async (): Promise<BoardSummary[]> => repos.boards.list(),
    page: async (parent: string | null, after: string, limit: number): Promise<BoardSummary[]> => repos.boards.page(parent, after, limit),
    exists: async (boardId: string): Promise<boolean> => (await repos.boards.seq(boardId)) !== undefined,
    snapshot,
    catchUp,
  };
}
export type BoardService = ReturnType<typeof createBoardService>;

import type { Kysely } from 'kysely';
import type { BoardEvent, BoardEventBody } from '../../shared/protocol';
import type { BoardHeads } from '../realtime/relay-sweep';
import { eventsSince } from './board-log-postgres';
import type { Database } from './schema';

/** The relay sweep's view of the shared log on PostgreSQL (see realtime/relay-sweep.ts). */
export function postgresBoardHeads(db: Kysely<Database>): BoardHeads {
  return {
    async seqs(boardIds) {
      if (boardIds.length === 0) return new Map();
      const rows = await db.selectFrom('boards').select(['id', 'seq']).where('id', 'in', [...boardIds]).execute();
      return new Map(rows.map((r) => [r.id, r.seq]));
    },
    async since(boardId, seq, limit) {
      const events = await eventsSince(db, boardId, seq, limit);
      // The payload is the event body as the command wrote it (as in the SQLite events repository): no re-validation.
      return events.map((e): BoardEvent => ({
        boardId: e.boardId,
        seq: e.seq,
        opId: e.opId,
        actor: e.actor,
        at: e.at,
        body: JSON.parse(e.payload) as BoardEventBody,
      }));
    },
  };
}

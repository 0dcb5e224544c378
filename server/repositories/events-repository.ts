import { type BoardEvent, BoardEventBody } from '../../shared/protocol';
import type { Db } from '../db/open-database';

interface EventRow {
  board_id: string;
  seq: number;
  op_id: string;
  actor: string;
  at: string;
  type: string;
  payload: string;
}

// The payload column holds the event body as written by `append`, so reading it back needs no re-validation.
const toEvent = (r: EventRow): BoardEvent => ({
  boardId: r.board_id,
  seq: r.seq,
  opId: r.op_id,
  actor: r.actor,
  at: r.at,
  body: JSON.parse(r.payload) as BoardEventBody,
});

/** The append-only board event log and the record of applied operations that makes retries idempotent. */
export function eventsRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES (@boardId, @seq, @opId, @actor, @at, @type, @payload)',
  );
  // A board's seqs run without gaps, so "at most `limit`" is a range: a bound LIMIT would make SQLite compile the
  // statement again on every join (see cards-repository.ts).
  const since = db.prepare<[string, number, number], EventRow>(
    'SELECT * FROM events WHERE board_id = ? AND seq > ? AND seq <= ? ORDER BY seq',
  );
  const byOp = db.prepare<[string], EventRow>('SELECT * FROM events WHERE op_id = ? ORDER BY board_id, seq');
  const operation = db.prepare<[string], { board_id: string; command: string }>(
    'SELECT board_id, command FROM operations WHERE op_id = ?',
  );
  const recordOperation = db.prepare(
    'INSERT INTO operations (op_id, board_id, command, actor, at) VALUES (?, ?, ?, ?, ?)',
  );

  return {
    append: (event: BoardEvent): void => {
      insert.run({ ...event, type: event.body.type, payload: JSON.stringify(event.body) });
    },
    /** Events after `seq`, oldest first, at most `limit`. */
    since: (boardId: string, seq: number, limit: number): BoardEvent[] => since.all(boardId, seq, seq + limit).map(toEvent),
    byOperation: (opId: string): BoardEvent[] => byOp.all(opId).map(toEvent),
    operation: (opId: string) => operation.get(opId),
    recordOperation: (opId: string, boardId: string, command: string, actor: string, at: string): void => {
      recordOperation.run(opId, boardId, command, actor, at);
    },
  };
}
export type EventsRepository = ReturnType<typeof eventsRepository>;

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
  // How far back an undo looks: a person's last change lies in a board's recent past.
  const cardChanges = db.prepare<[string], EventRow & { command: string }>(
    `SELECT e.*, o.command FROM events e JOIN operations o ON o.op_id = e.op_id
     WHERE e.board_id = ? AND e.type IN ('card.created', 'card.updated', 'card.moved', 'card.archived', 'card.restored')
     ORDER BY e.seq DESC LIMIT 500`,
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
    /** The board's recent card changes, newest first, each with the command that made it (an undo or not). */
    cardChanges: (boardId: string): { event: BoardEvent; command: string }[] =>
      cardChanges.all(boardId).map((r) => ({ event: toEvent(r), command: r.command })),
    recordOperation: (opId: string, boardId: string, command: string, actor: string, at: string): void => {
      recordOperation.run(opId, boardId, command, actor, at);
    },
  };
}
export type EventsRepository = ReturnType<typeof eventsRepository>;

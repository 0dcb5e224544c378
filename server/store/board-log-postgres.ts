import type { CompiledQuery, Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { type Scalar, preparedQuery } from './prepared';
import type { Database, EventsTable } from './schema';

/** One command's record: who, when, which command, and the events it appends (to its own board or others). */
export interface OperationToAppend {
  opId: string;
  command: string;
  /** The board the command was sent to (kept with the opId, so a retry naming another board is told apart). */
  originBoardId: string;
  actor: string;
  at: string;
  events: { boardId: string; type: string; payload: string }[];
}

export interface AppendedEvent {
  boardId: string;
  seq: number;
  opId: string;
  actor: string;
  at: string;
  type: string;
  payload: string;
}

export type AppendOutcome =
  /** Committed now: the events with the seqs this transaction assigned. */
  | { duplicate: false; events: AppendedEvent[] }
  /**
   * The opId was applied before (on any instance): nothing was written now. The operation's board and command are
   * returned so the caller can tell a retry (same) from an opId reused for another command (a conflict).
   */
  | { duplicate: true; originBoardId: string; command: string; events: AppendedEvent[] };

/** The operation named a board that does not exist: nothing was written. */
export class UnknownBoardError extends Error {
  override name = 'UnknownBoardError';
  constructor(readonly boardId: string) {
    super(`Board ${boardId} does not exist.`);
  }
}

/**
 * Appends one command's events on PostgreSQL, in one transaction, so that any number of instances writing to the
 * same board keep the single-process guarantees:
 * - **opId once**: the operation row is inserted first with ON CONFLICT DO NOTHING. The primary key on op_id makes
 *   a concurrent insert of the same opId wait for the first transaction and then insert nothing, so a retry that
 *   lands on another instance is answered as a duplicate, never applied twice.
 * - **gapless seq**: each board's seq is bumped by its number of events with `UPDATE boards SET seq = seq + n …
 *   RETURNING seq` inside the same transaction. The row lock orders concurrent appends to a board; a rolled-back
 *   transaction takes its bump with it, so the log has no gaps and no seq is handed out twice.
 * - Boards are bumped in id order, so two operations touching the same boards never wait on each other in a cycle.
 * `apply` writes the command's changes to the tables (a card's new column …) in the same transaction, after the
 * opId is claimed and before the seqs are taken, so a board's row is locked only for the last two statements.
 */
export async function appendOperation(
  db: Kysely<Database>,
  op: OperationToAppend,
  apply?: (trx: Transaction<Database>) => Promise<void>,
): Promise<AppendOutcome> {
  const shapes = shapesOf(db);
  const events = await db.transaction().execute(async (trx) => {
    const claimed = await trx.executeQuery(
      shapes.claim({ op: op.opId, board: op.originBoardId, command: op.command, actor: op.actor, at: op.at }),
    );
    if (claimed.rows.length === 0) return null;
    await apply?.(trx);

    const perBoard = new Map<string, OperationToAppend['events']>();
    for (const e of op.events) perBoard.set(e.boardId, [...(perBoard.get(e.boardId) ?? []), e]);
    const appended: AppendedEvent[] = [];
    for (const boardId of [...perBoard.keys()].sort()) {
      const list = perBoard.get(boardId)!;
      const bumped = (await trx.executeQuery(shapes.bump({ board: boardId, n: list.length }))).rows[0];
      if (!bumped) throw new UnknownBoardError(boardId);
      const first = bumped.seq - list.length + 1;
      appended.push(...list.map((e, i) => ({ boardId, seq: first + i, opId: op.opId, actor: op.actor, at: op.at, type: e.type, payload: e.payload })));
    }
    // One INSERT for all the events, in slices of a size whose shape is compiled once.
    for (let i = 0; i < appended.length; i += MAX_EVENTS_PER_INSERT) {
      const slice = appended.slice(i, i + MAX_EVENTS_PER_INSERT);
      await trx.executeQuery(shapes.insertEvents(slice.length)(eventParams(slice)));
    }
    return appended;
  });
  if (events) return { duplicate: false, events };

  // Applied before: the first transaction has committed (ours waited for it), so its rows are there to read.
  const previous = await db.selectFrom('operations').select(['board_id', 'command']).where('op_id', '=', op.opId).executeTakeFirstOrThrow();
  return { duplicate: true, originBoardId: previous.board_id, command: previous.command, events: await eventsOfOperation(db, op.opId) };
}

/** The events an operation appended, in board and seq order. */
export async function eventsOfOperation(db: Kysely<Database>, opId: string): Promise<AppendedEvent[]> {
  const rows = await db.selectFrom('events').selectAll().where('op_id', '=', opId).orderBy('board_id').orderBy('seq').execute();
  return rows.map(toAppended);
}

const toAppended = (r: Selectable<EventsTable>): AppendedEvent => ({
  boardId: r.board_id,
  seq: r.seq,
  opId: r.op_id,
  actor: r.actor,
  at: r.at,
  type: r.type,
  payload: r.payload,
});

/**
 * A board's events after `seq`, oldest first, at most `limit`: the catch-up of a client that saw a gap, on whichever
 * instance it is. A board's seqs run without gaps, so "at most `limit`" is the range (seq, seq + limit].
 */
export async function eventsSince(db: Kysely<Database>, boardId: string, seq: number, limit: number): Promise<AppendedEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('board_id', '=', boardId)
    .where('seq', '>', seq)
    .where('seq', '<=', seq + limit)
    .orderBy('seq')
    .execute();
  return rows.map(toAppended);
}

/**
 * The commit's queries as shapes compiled once per Kysely instance (preparedQuery): building and compiling them per
 * move cost as much client CPU as the rest of the move (bench/FINDINGS.md, Kysely on the PostgreSQL path).
 */
interface Shapes {
  claim: ReturnType<typeof claimShape>;
  bump: ReturnType<typeof bumpShape>;
  insertEvents(count: number): (params: Record<string, Scalar>) => CompiledQuery;
}
const MAX_EVENTS_PER_INSERT = 32;
const EVENT_FIELDS = ['board_id', 'seq', 'op_id', 'actor', 'at', 'type', 'payload'] as const;

const claimShape = (db: Kysely<Database>) =>
  preparedQuery(['op', 'board', 'command', 'actor', 'at'], (p: { op: string; board: string; command: string; actor: string; at: string }) =>
    db
      .insertInto('operations')
      .values({ op_id: p.op, board_id: p.board, command: p.command, actor: p.actor, at: p.at })
      .onConflict((oc) => oc.column('op_id').doNothing())
      .returning('op_id'));

const bumpShape = (db: Kysely<Database>) =>
  preparedQuery(['board', 'n'], (p: { board: string; n: number }) =>
    db.updateTable('boards').set((eb) => ({ seq: eb('seq', '+', p.n) })).where('id', '=', p.board).returning('seq'));

const eventParams = (events: AppendedEvent[]): Record<string, Scalar> => {
  const params: Record<string, Scalar> = {};
  events.forEach((e, i) => {
    const row = { board_id: e.boardId, seq: e.seq, op_id: e.opId, actor: e.actor, at: e.at, type: e.type, payload: e.payload };
    for (const f of EVENT_FIELDS) params[`${f}${i}`] = row[f];
  });
  return params;
};

const shapeCache = new WeakMap<Kysely<Database>, Shapes>();
function shapesOf(db: Kysely<Database>): Shapes {
  let shapes = shapeCache.get(db);
  if (!shapes) {
    const inserts = new Map<number, (params: Record<string, Scalar>) => CompiledQuery>();
    shapes = {
      claim: claimShape(db),
      bump: bumpShape(db),
      insertEvents: (count) => {
        let shape = inserts.get(count);
        if (!shape) {
          const names = Array.from({ length: count }, (_, i) => EVENT_FIELDS.map((f) => `${f}${i}`)).flat();
          shape = preparedQuery(names, (p: Record<string, Scalar>) =>
            db.insertInto('events').values(Array.from({ length: count }, (_, i) =>
              Object.fromEntries(EVENT_FIELDS.map((f) => [f, p[`${f}${i}`]])) as Insertable<EventsTable>)));
          inserts.set(count, shape);
        }
        return shape;
      },
    };
    shapeCache.set(db, shapes);
  }
  return shapes;
}

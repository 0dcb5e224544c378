import { type Kysely, sql } from 'kysely';
import type { MovedCard } from '../../shared/protocol';
import type { Card } from '../../shared/schemas';
import { type Database, type Executor, queryShape } from '../store';
import { toCard } from './rows';

/**
 * `archived = 0` as a literal, never a bound parameter: SQLite may use the partial index (column_id, order_key) WHERE
 * archived = 0 for a bound value only by planning with that value, which expires the statement on every run (as a
 * bound LIMIT does, below).
 */
const LIVE = sql.lit(0);

const byId = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('cards').selectAll().where('id', '=', p.id));
const liveOnBoard = queryShape(['boardId'], (q, p: { boardId: string }) =>
  q.selectFrom('cards').selectAll().where('board_id', '=', p.boardId).where('archived', '=', LIVE).orderBy('column_id').orderBy('order_key'));
const liveInColumn = queryShape(['columnId'], (q, p: { columnId: string }) =>
  q.selectFrom('cards').selectAll().where('column_id', '=', p.columnId).where('archived', '=', LIVE).orderBy('order_key'));

// A type, not an interface: query-shape parameters must be a record of scalars, which interfaces never are to TS.
type CardParams = {
  id: string;
  boardId: string;
  columnId: string;
  orderKey: string;
  type: Card['type'];
  title: string;
  description: string;
  ownerName: string;
  dueDate: string | null;
  archived: number;
  createdAt: string;
  updatedAt: string;
  indicatorId: string | null;
};
const CARD_PARAMS = [
  'id', 'boardId', 'columnId', 'orderKey', 'type', 'title', 'description', 'ownerName', 'dueDate', 'archived',
  'createdAt', 'updatedAt', 'indicatorId',
] as const satisfies readonly (keyof CardParams)[];
const upsert = queryShape([...CARD_PARAMS], (q, p: CardParams) =>
  q
    .insertInto('cards')
    .values({
      id: p.id, board_id: p.boardId, column_id: p.columnId, order_key: p.orderKey, type: p.type, title: p.title,
      description: p.description, owner_name: p.ownerName, due_date: p.dueDate, archived: p.archived,
      created_at: p.createdAt, updated_at: p.updatedAt, indicator_id: p.indicatorId,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        column_id: eb.ref('excluded.column_id'),
        order_key: eb.ref('excluded.order_key'),
        type: eb.ref('excluded.type'),
        title: eb.ref('excluded.title'),
        description: eb.ref('excluded.description'),
        owner_name: eb.ref('excluded.owner_name'),
        due_date: eb.ref('excluded.due_date'),
        archived: eb.ref('excluded.archived'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    ));

// These read the column's partial index (column_id, order_key) WHERE archived = 0, so only the rows returned.
// Their LIMITs are literals (sql.lit: written into the SQL, not bound): a bound LIMIT makes SQLite compile the
// statement again on every run (it plans with the value), which cost as much as the query itself, on every move. The
// runner's statement cache does not change that (the statement is reused, and SQLite still expires it on each new
// bind: about twice the time per read, measured through SqliteRunner). A bound OFFSET does not.
const liveBesides = (q: Kysely<Database>, columnId: string, exceptId: string) =>
  q.selectFrom('cards').selectAll().where('column_id', '=', columnId).where('archived', '=', LIVE).where('id', '<>', exceptId);
const first = queryShape(['columnId', 'exceptId'], (q, p: { columnId: string; exceptId: string }) =>
  liveBesides(q, p.columnId, p.exceptId).orderBy('order_key').limit(sql.lit(1)));
const pairFrom = queryShape(['columnId', 'exceptId', 'offset'], (q, p: { columnId: string; exceptId: string; offset: number }) =>
  liveBesides(q, p.columnId, p.exceptId).orderBy('order_key').limit(sql.lit(2)).offset(p.offset));
const lastInColumn = queryShape(['columnId', 'exceptId'], (q, p: { columnId: string; exceptId: string }) =>
  liveBesides(q, p.columnId, p.exceptId).orderBy('order_key', 'desc').limit(sql.lit(1)));
const place = queryShape(['id', 'columnId', 'orderKey', 'updatedAt'], (q, p: { id: string; columnId: string; orderKey: string; updatedAt: string }) =>
  q.updateTable('cards').set({ column_id: p.columnId, order_key: p.orderKey, updated_at: p.updatedAt }).where('id', '=', p.id));

/** Cards, written whole (every card event carries the card as it is after the change), or a move's position. */
export function cardsRepository(ex: Executor) {
  return {
    get: async (id: string): Promise<Card | undefined> => {
      const row = await ex.first(byId(ex, { id }));
      return row && toCard(row);
    },
    liveOnBoard: async (boardId: string): Promise<Card[]> => (await ex.all(liveOnBoard(ex, { boardId }))).map(toCard),
    liveInColumn: async (columnId: string): Promise<Card[]> => (await ex.all(liveInColumn(ex, { columnId }))).map(toCard),
    /**
     * The live cards of a column (but `exceptId`) on either side of `index`, and where `index` falls among them:
     * what placing a card there reads, without the rest of the column. Past the end, that is the last card.
     */
    around: async (columnId: string, exceptId: string, index: number): Promise<{ cards: Card[]; index: number }> => {
      if (index <= 0) return { cards: (await ex.all(first(ex, { columnId, exceptId }))).map(toCard), index: 0 };
      const near = await ex.all(pairFrom(ex, { columnId, exceptId, offset: index - 1 }));
      if (near.length > 0) return { cards: near.map(toCard), index: 1 };
      const last = await ex.first(lastInColumn(ex, { columnId, exceptId }));
      return last ? { cards: [toCard(last)], index: 1 } : { cards: [], index: 0 };
    },
    save: async (card: Card): Promise<void> => {
      await ex.run(upsert(ex, {
        id: card.id, boardId: card.boardId, columnId: card.columnId, orderKey: card.orderKey, type: card.type,
        title: card.title, description: card.description, ownerName: card.ownerName, dueDate: card.dueDate,
        archived: card.archived ? 1 : 0, createdAt: card.createdAt, updatedAt: card.updatedAt,
        indicatorId: card.indicatorId ?? null,
      }));
    },
    move: async ({ id, columnId, orderKey, updatedAt }: MovedCard): Promise<void> => {
      await ex.run(place(ex, { id, columnId, orderKey, updatedAt }));
    },
  };
}
export type CardsRepository = ReturnType<typeof cardsRepository>;

import { sql } from 'kysely';
import type { MovedCard } from '../../shared/protocol';
import type { Card, Column } from '../../shared/schemas';
import { type Executor, queryShape } from '../store';
import { type CardRow, toCard } from './rows';

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

// What a move decides from, in one statement (on PostgreSQL every statement is a round trip, with the board locked:
// bench/FINDINGS.md, "Fewer round trips per move"). Each row says which part it answers: the card itself, with the
// destination column joined to it; the destination's two live cards from `offset` (the card itself left out); and
// its last live card, for an index past the end. The neighbour parts read the column's partial index (column_id,
// order_key) WHERE archived = 0, so only the rows returned. Their LIMITs are literals, written into the SQL: a bound
// LIMIT makes SQLite compile the statement again on every run (it plans with the value), which cost as much as the
// query itself, on every move; the runner's statement cache does not change that. A bound OFFSET does not. The
// NULLs are the column's fields, which only the card's row carries.
type MoveReadRow = CardRow & { part: 'card' | 'near' | 'last'; to_board_id: string | null; to_name: string | null; to_order_key: string | null };
const forMove = queryShape(['cardId', 'toColumnId', 'offset'], (_q, p: { cardId: string; toColumnId: string; offset: number }) => {
  const liveBesides = sql`FROM cards WHERE column_id = ${p.toColumnId} AND archived = ${LIVE} AND id <> ${p.cardId}`;
  return sql<MoveReadRow>`
    SELECT 'card' AS part, c.*, d.board_id AS to_board_id, d.name AS to_name, d.order_key AS to_order_key
      FROM cards c LEFT JOIN columns d ON d.id = ${p.toColumnId} WHERE c.id = ${p.cardId}
    UNION ALL
    SELECT 'near', n.*, NULL, NULL, NULL FROM (SELECT * ${liveBesides} ORDER BY order_key LIMIT 2 OFFSET ${p.offset}) n
    UNION ALL
    SELECT 'last', l.*, NULL, NULL, NULL FROM (SELECT * ${liveBesides} ORDER BY order_key DESC LIMIT 1) l`;
});

/** What a move reads: the card, the destination column, and the destination's cards around the index. */
export interface MoveRead {
  card: Card | undefined;
  toColumn: Column | undefined;
  /** The live cards of the column (but the moved card) on either side of the index, and where it falls among them. */
  near: { cards: Card[]; index: number };
}

function toMoveRead(rows: readonly MoveReadRow[], toColumnId: string, index: number): MoveRead {
  const own = rows.find((r) => r.part === 'card');
  const near = rows.filter((r) => r.part === 'near').map(toCard);
  const last = rows.find((r) => r.part === 'last');
  const toColumn = own?.to_board_id != null ? { id: toColumnId, boardId: own.to_board_id, name: own.to_name!, orderKey: own.to_order_key! } : undefined;
  return {
    card: own && toCard(own),
    toColumn,
    // At the start: the first card. Past the end: the last one. Otherwise the two on either side.
    near: index <= 0 ? { cards: near.slice(0, 1), index: 0 } : near.length > 0 ? { cards: near, index: 1 } : last ? { cards: [toCard(last)], index: 1 } : { cards: [], index: 0 },
  };
}

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
     * What moving `cardId` to `index` in `toColumnId` decides from, in one statement: the card, the column, and the
     * column's live cards on either side of the index, without the rest of the column (see MoveRead).
     */
    forMove: async (cardId: string, toColumnId: string, index: number): Promise<MoveRead> =>
      toMoveRead(await ex.all(forMove(ex, { cardId, toColumnId, offset: Math.max(index - 1, 0) })), toColumnId, index),
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

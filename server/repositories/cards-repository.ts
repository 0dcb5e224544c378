import type { MovedCard } from '../../shared/protocol';
import type { Card } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import { type CardRow, toCard } from './rows';

/** Cards, written whole (every card event carries the card as it is after the change), or a move's position. */
export function cardsRepository(db: Db) {
  const byId = db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?');
  const liveOnBoard = db.prepare<[string], CardRow>(
    'SELECT * FROM cards WHERE board_id = ? AND archived = 0 ORDER BY column_id, order_key',
  );
  const liveInColumn = db.prepare<[string], CardRow>(
    'SELECT * FROM cards WHERE column_id = ? AND archived = 0 ORDER BY order_key',
  );
  const upsert = db.prepare(`
    INSERT INTO cards (id, board_id, column_id, order_key, type, title, description, owner_name, due_date,
                       archived, created_at, updated_at, indicator_id)
    VALUES (@id, @boardId, @columnId, @orderKey, @type, @title, @description, @ownerName, @dueDate,
            @archived, @createdAt, @updatedAt, @indicatorId)
    ON CONFLICT (id) DO UPDATE SET column_id = excluded.column_id, order_key = excluded.order_key,
      type = excluded.type, title = excluded.title, description = excluded.description,
      owner_name = excluded.owner_name, due_date = excluded.due_date, archived = excluded.archived,
      updated_at = excluded.updated_at`);
  // These read the column's partial index (column_id, order_key) WHERE archived = 0, so only the rows returned.
  // Their LIMITs are literals: a bound LIMIT makes SQLite compile the statement again on every run (it plans with
  // the value), which cost as much as the query itself, on every move. A bound OFFSET does not.
  const first = db.prepare<[string, string], CardRow>(
    'SELECT * FROM cards WHERE column_id = ? AND archived = 0 AND id <> ? ORDER BY order_key LIMIT 1',
  );
  const pairFrom = db.prepare<[string, string, number], CardRow>(
    'SELECT * FROM cards WHERE column_id = ? AND archived = 0 AND id <> ? ORDER BY order_key LIMIT 2 OFFSET ?',
  );
  const lastInColumn = db.prepare<[string, string], CardRow>(
    'SELECT * FROM cards WHERE column_id = ? AND archived = 0 AND id <> ? ORDER BY order_key DESC LIMIT 1',
  );
  const place = db.prepare('UPDATE cards SET column_id = @columnId, order_key = @orderKey, updated_at = @updatedAt WHERE id = @id');

  return {
    get: (id: string): Card | undefined => {
      const row = byId.get(id);
      return row && toCard(row);
    },
    liveOnBoard: (boardId: string): Card[] => liveOnBoard.all(boardId).map(toCard),
    liveInColumn: (columnId: string): Card[] => liveInColumn.all(columnId).map(toCard),
    /**
     * The live cards of a column (but `exceptId`) on either side of `index`, and where `index` falls among them:
     * what placing a card there reads, without the rest of the column. Past the end, that is the last card.
     */
    around: (columnId: string, exceptId: string, index: number): { cards: Card[]; index: number } => {
      if (index <= 0) return { cards: first.all(columnId, exceptId).map(toCard), index: 0 };
      const near = pairFrom.all(columnId, exceptId, index - 1);
      if (near.length > 0) return { cards: near.map(toCard), index: 1 };
      const last = lastInColumn.get(columnId, exceptId);
      return last ? { cards: [toCard(last)], index: 1 } : { cards: [], index: 0 };
    },
    save: (card: Card): void => {
      upsert.run({ ...card, archived: card.archived ? 1 : 0, indicatorId: card.indicatorId ?? null });
    },
    move: ({ id, columnId, orderKey, updatedAt }: MovedCard): void => {
      place.run({ id, columnId, orderKey, updatedAt });
    },
  };
}
export type CardsRepository = ReturnType<typeof cardsRepository>;

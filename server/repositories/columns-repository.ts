import type { Column } from '../../shared/schemas';
import type { Db } from '../db/open-database';
import { type ColumnRow, toColumn } from './rows';

export function columnsRepository(db: Db) {
  const byId = db.prepare<[string], ColumnRow>('SELECT * FROM columns WHERE id = ?');
  const onBoard = db.prepare<[string], ColumnRow>('SELECT * FROM columns WHERE board_id = ? ORDER BY order_key');
  const upsert = db.prepare(`
    INSERT INTO columns (id, board_id, name, order_key) VALUES (@id, @boardId, @name, @orderKey)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, order_key = excluded.order_key`);

  return {
    get: (id: string): Column | undefined => {
      const row = byId.get(id);
      return row && toColumn(row);
    },
    onBoard: (boardId: string): Column[] => onBoard.all(boardId).map(toColumn),
    save: (column: Column): void => {
      upsert.run(column);
    },
  };
}
export type ColumnsRepository = ReturnType<typeof columnsRepository>;

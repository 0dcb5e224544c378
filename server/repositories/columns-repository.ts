import type { Column } from '../../shared/schemas';
import { type Executor, queryShape } from '../store';
import { toColumn } from './rows';

const byId = queryShape(['id'], (q, p: { id: string }) => q.selectFrom('columns').selectAll().where('id', '=', p.id));
const onBoard = queryShape(['boardId'], (q, p: { boardId: string }) =>
  q.selectFrom('columns').selectAll().where('board_id', '=', p.boardId).orderBy('order_key'));
const upsert = queryShape(['id', 'boardId', 'name', 'orderKey'], (q, p: { id: string; boardId: string; name: string; orderKey: string }) =>
  q
    .insertInto('columns')
    .values({ id: p.id, board_id: p.boardId, name: p.name, order_key: p.orderKey })
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), order_key: eb.ref('excluded.order_key') }))));

export function columnsRepository(ex: Executor) {
  return {
    get: async (id: string): Promise<Column | undefined> => {
      const row = await ex.first(byId(ex, { id }));
      return row && toColumn(row);
    },
    onBoard: async (boardId: string): Promise<Column[]> => (await ex.all(onBoard(ex, { boardId }))).map(toColumn),
    save: async (column: Column): Promise<void> => {
      await ex.run(upsert(ex, { id: column.id, boardId: column.boardId, name: column.name, orderKey: column.orderKey }));
    },
  };
}
export type ColumnsRepository = ReturnType<typeof columnsRepository>;

import { type Command, LIMITS } from '../../../shared/protocol';
import type { Column } from '../../../shared/schemas';
import { keyForIndex, sortByKey } from '../../../shared/domain/ordering';
import { type CommandRunner, type Decision, accept, reject } from '../decision';

export function decideColumnCreate(
  cmd: Command<'column:create'>,
  state: { existing?: Column; columns: Column[] },
): Decision {
  if (state.existing) return reject('CONFLICT', 'A column with this id already exists.');
  if (state.columns.length >= LIMITS.columnsPerBoard) {
    return reject('CONFLICT', `A board has at most ${LIMITS.columnsPerBoard} columns.`);
  }
  const column: Column = {
    id: cmd.column.id,
    boardId: cmd.boardId,
    name: cmd.column.name,
    orderKey: keyForIndex(state.columns, cmd.index ?? state.columns.length),
  };
  return accept({ body: { type: 'column.created', column }, boardIds: [cmd.boardId] });
}

export function decideColumnRename(cmd: Command<'column:rename'>, column: Column | undefined): Decision {
  if (!column || column.boardId !== cmd.boardId) return reject('NOT_FOUND', 'The column is not on this board.');
  if (column.name === cmd.name) return accept();
  return accept({
    body: { type: 'column.renamed', column: { ...column, name: cmd.name }, before: { name: column.name } },
    boardIds: [cmd.boardId],
  });
}

export function decideColumnMove(cmd: Command<'column:move'>, column: Column | undefined, columns: Column[]): Decision {
  if (!column || column.boardId !== cmd.boardId) return reject('NOT_FOUND', 'The column is not on this board.');
  const others = sortByKey(columns.filter((c) => c.id !== column.id));
  const index = Math.min(cmd.index, others.length);
  const current = sortByKey(columns).findIndex((c) => c.id === column.id);
  if (current === index) return accept();
  const moved: Column = { ...column, orderKey: keyForIndex(others, index) };
  return accept({ body: { type: 'column.moved', column: moved, before: { orderKey: column.orderKey } }, boardIds: [cmd.boardId] });
}

export const runColumnCreate: CommandRunner<Command<'column:create'>> = async (cmd, repos) =>
  decideColumnCreate(cmd, { existing: await repos.columns.get(cmd.column.id), columns: await repos.columns.onBoard(cmd.boardId) });

export const runColumnRename: CommandRunner<Command<'column:rename'>> = async (cmd, repos) =>
  decideColumnRename(cmd, await repos.columns.get(cmd.columnId));

export const runColumnMove: CommandRunner<Command<'column:move'>> = async (cmd, repos) =>
  decideColumnMove(cmd, await repos.columns.get(cmd.columnId), await repos.columns.onBoard(cmd.boardId));

import type { Command } from '../../../shared/protocol';
import type { Card, Column } from '../../../shared/schemas';
import { type Placement, placeAt, sortByKey } from '../../../shared/domain/ordering';
import { type CommandContext, type CommandRunner, type Decision, type Effect, accept, reject } from '../decision';

// Pure rules first (state in, decision out), then the runners that load that state.

const cardOnBoard = (card: Card | undefined, boardId: string): card is Card =>
  card !== undefined && card.boardId === boardId;
const columnOnBoard = (column: Column | undefined, boardId: string): column is Column =>
  column !== undefined && column.boardId === boardId;

/**
 * When placing a card forced the column to be re-keyed, each sibling's new key is recorded as a `card.moved`
 * within its column (ordered before the placed card's own event), so every client applies it like any move.
 */
function rekeyEffects(placement: Placement, siblings: readonly Card[], boardId: string): Effect[] {
  const byId = new Map(siblings.map((c) => [c.id, c]));
  return placement.rekeyed.map(({ id, orderKey }) => {
    const card = byId.get(id)!;
    return {
      // updatedAt stays: a re-key changes no one's card, only its key.
      body: { type: 'card.moved', card: { ...card, orderKey }, from: { columnId: card.columnId, orderKey: card.orderKey } },
      boardIds: [boardId],
    };
  });
}

export function decideCardCreate(
  cmd: Command<'card:create'>,
  state: { column?: Column; existing?: Card; siblings: Card[]; indicatorKnown?: boolean },
  ctx: CommandContext,
): Decision {
  if (!columnOnBoard(state.column, cmd.boardId)) return reject('NOT_FOUND', 'The column is not on this board.');
  if (state.existing) return reject('CONFLICT', 'A card with this id already exists.');
  if (cmd.card.indicatorId && state.indicatorKnown === false) {
    return reject('NOT_FOUND', 'The indicator does not exist.', [{ path: 'card.indicatorId', message: 'unknown indicator' }]);
  }
  const placement = placeAt(state.siblings, cmd.index ?? state.siblings.length);
  const card: Card = {
    ...cmd.card,
    boardId: cmd.boardId,
    orderKey: placement.orderKey,
    archived: false,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return accept(
    ...rekeyEffects(placement, state.siblings, cmd.boardId),
    { body: { type: 'card.created', card }, boardIds: [cmd.boardId] },
  );
}

export function decideCardUpdate(cmd: Command<'card:update'>, card: Card | undefined, ctx: CommandContext): Decision {
  if (!cardOnBoard(card, cmd.boardId)) return reject('NOT_FOUND', 'The card is not on this board.');
  if (card.archived) return reject('CONFLICT', 'The card is archived.');
  const before: Partial<Card> = {};
  for (const key of Object.keys(cmd.changes) as (keyof typeof cmd.changes)[]) {
    if (cmd.changes[key] !== card[key]) Object.assign(before, { [key]: card[key] });
  }
  if (Object.keys(before).length === 0) return accept();
  const after: Card = { ...card, ...cmd.changes, updatedAt: ctx.now };
  return accept({ body: { type: 'card.updated', card: after, before }, boardIds: [cmd.boardId] });
}

export function decideCardMove(
  cmd: Command<'card:move'>,
  state: { card?: Card; toColumn?: Column; destination: Card[] },
  ctx: CommandContext,
): Decision {
  const { card } = state;
  if (!cardOnBoard(card, cmd.boardId)) return reject('NOT_FOUND', 'The card is not on this board.');
  if (card.archived) return reject('CONFLICT', 'The card is archived.');
  if (!columnOnBoard(state.toColumn, cmd.boardId)) return reject('NOT_FOUND', 'The column is not on this board.');
  const siblings = sortByKey(state.destination.filter((c) => c.id !== card.id));
  const index = Math.min(cmd.index, siblings.length);
  const stays =
    card.columnId === cmd.toColumnId &&
    (siblings[index - 1]?.orderKey ?? '') < card.orderKey &&
    (index >= siblings.length || card.orderKey < siblings[index]!.orderKey);
  if (stays) return accept();
  const placement = placeAt(siblings, index, card.columnId === cmd.toColumnId ? [card.orderKey] : []);
  const moved: Card = { ...card, columnId: cmd.toColumnId, orderKey: placement.orderKey, updatedAt: ctx.now };
  return accept(...rekeyEffects(placement, siblings, cmd.boardId), {
    body: { type: 'card.moved', card: moved, from: { columnId: card.columnId, orderKey: card.orderKey } },
    boardIds: [cmd.boardId],
  });
}

export function decideCardArchive(cmd: Command<'card:archive'>, card: Card | undefined, ctx: CommandContext): Decision {
  if (!cardOnBoard(card, cmd.boardId)) return reject('NOT_FOUND', 'The card is not on this board.');
  if (card.archived) return accept();
  return accept({
    body: { type: 'card.archived', card: { ...card, archived: true, updatedAt: ctx.now } },
    boardIds: [cmd.boardId],
  });
}

export const runCardCreate: CommandRunner<Command<'card:create'>> = async (cmd, repos, ctx) => {
  const column = await repos.columns.get(cmd.card.columnId);
  const existing = await repos.cards.get(cmd.card.id);
  const siblings = column ? await repos.cards.liveInColumn(column.id) : [];
  const indicatorKnown = cmd.card.indicatorId ? (await repos.indicators.get(cmd.card.indicatorId)) !== undefined : undefined;
  return decideCardCreate(cmd, { column, existing, siblings, ...(indicatorKnown !== undefined && { indicatorKnown }) }, ctx);
};

export const runCardUpdate: CommandRunner<Command<'card:update'>> = async (cmd, repos, ctx) =>
  decideCardUpdate(cmd, await repos.cards.get(cmd.cardId), ctx);

/**
 * A move reads the card, the column and only the destination's two cards around the index (a column can hold
 * hundreds), in one statement. Should the key between them be too long, placing the card re-keys the whole column,
 * and that decision needs every card.
 */
export const runCardMove: CommandRunner<Command<'card:move'>> = async (cmd, repos, ctx) => {
  const { card, toColumn, near } = await repos.cards.forMove(cmd.cardId, cmd.toColumnId, cmd.index);
  if (!toColumn) return decideCardMove(cmd, { card, toColumn, destination: [] }, ctx);
  const decision = decideCardMove({ ...cmd, index: near.index }, { card, toColumn, destination: near.cards }, ctx);
  const rekeyed = decision.ok && decision.effects.length > 1;
  if (!rekeyed) return decision;
  return decideCardMove(cmd, { card, toColumn, destination: await repos.cards.liveInColumn(toColumn.id) }, ctx);
};

export const runCardArchive: CommandRunner<Command<'card:archive'>> = async (cmd, repos, ctx) =>
  decideCardArchive(cmd, await repos.cards.get(cmd.cardId), ctx);

import type { BoardEvent, Command } from '../../../shared/protocol';
import type { Card, Column } from '../../../shared/schemas';
import { placeAt } from '../../../shared/domain/ordering';
import { type CommandContext, type CommandRunner, type Decision, accept, reject } from '../decision';
import { decideCardArchive, decideCardMove, decideCardUpdate } from './card-commands';

/** A card change from the log, marked when an undo made it. */
export interface LoggedChange {
  event: BoardEvent;
  command: string;
}

const cardOf = (event: BoardEvent): string | undefined => ('card' in event.body ? event.body.card.id : undefined);

/**
 * The change an undo reverses: the actor's newest change (to `cardId`, or to any card) that is neither an undo nor
 * undone already. Walking back, each undo cancels the newest live change to its card before it, so undo after undo
 * steps further back and never redoes. `conflict` when someone else has changed that card since.
 */
export function undoTarget(changes: readonly LoggedChange[], actor: string, cardId?: string): { last?: BoardEvent; conflict: boolean } {
  const undos = new Map<string, number>();
  const changedByOthers = new Set<string>();
  for (const { event, command } of changes) {
    const card = cardOf(event);
    if (!card || (cardId && card !== cardId)) continue;
    if (command === 'card:undo') {
      undos.set(card, (undos.get(card) ?? 0) + 1);
      continue;
    }
    const pending = undos.get(card) ?? 0;
    if (pending > 0) {
      undos.set(card, pending - 1);
      continue;
    }
    if (event.actor !== actor) {
      if (cardId) return { conflict: true };
      changedByOthers.add(card);
      continue;
    }
    return changedByOthers.has(card) ? { conflict: true } : { last: event, conflict: false };
  }
  return { conflict: false };
}

/** Brings an archived card back, at the end of its column (its old key may have been taken meanwhile). */
export function decideCardRestore(
  cmd: { boardId: string; cardId: string },
  state: { card?: Card; siblings: Card[] },
  ctx: CommandContext,
): Decision {
  const { card } = state;
  if (!card || card.boardId !== cmd.boardId) return reject('NOT_FOUND', 'The card is not on this board.');
  if (!card.archived) return accept();
  const placement = placeAt(state.siblings, state.siblings.length);
  return accept({
    body: { type: 'card.restored', card: { ...card, archived: false, orderKey: placement.orderKey, updatedAt: ctx.now } },
    boardIds: [cmd.boardId],
  });
}

export interface UndoState {
  card?: Card;
  /** The actor's change to undo (see undoTarget). */
  last?: BoardEvent;
  /** Someone else has changed the card since. */
  conflict?: boolean;
  /** For a move: the live cards of the column it came from, and that column. */
  fromColumn?: Column;
  fromSiblings: Card[];
  /** For an archive: the live cards of its column. */
  siblings: Card[];
}

/**
 * The inverse of the actor's own last change to the card, as a new event: a move goes back, an edit gets its
 * old values, an archive is restored, a creation archived. Refused when someone else changed the card since.
 */
export function decideCardUndo(cmd: Command<'card:undo'>, s: UndoState, ctx: CommandContext): Decision {
  if (s.conflict) return reject('CONFLICT', 'Someone else changed the card since; there is nothing of yours to undo.');
  if (!s.last) return reject('CONFLICT', 'There is nothing of yours to undo here.');
  if (!s.card || s.card.boardId !== cmd.boardId) return reject('NOT_FOUND', 'The card is not on this board.');
  if (s.last.actor !== ctx.actor) return reject('CONFLICT', 'Someone else changed the card since; there is nothing of yours to undo.');
  const body = s.last.body;
  const base = { opId: cmd.opId, boardId: cmd.boardId, cardId: s.card.id };
  switch (body.type) {
    case 'card.moved': {
      const index = s.fromSiblings.filter((c) => c.id !== base.cardId && c.orderKey < body.from.orderKey).length;
      return decideCardMove({ ...base, toColumnId: body.from.columnId, index }, {
        card: s.card, toColumn: s.fromColumn, destination: s.fromSiblings,
      }, ctx);
    }
    case 'card.updated': {
      const { type, title, description, ownerName, dueDate } = body.before;
      const changes = Object.fromEntries(
        Object.entries({ type, title, description, ownerName, dueDate }).filter(([, v]) => v !== undefined),
      );
      if (Object.keys(changes).length === 0) return accept();
      return decideCardUpdate({ ...base, changes }, s.card, ctx);
    }
    case 'card.archived':
      return decideCardRestore(base, { card: s.card, siblings: s.siblings }, ctx);
    case 'card.restored':
    case 'card.created':
      return decideCardArchive(base, s.card, ctx);
    default:
      return reject('CONFLICT', 'There is nothing to undo on this card.');
  }
}

export const runCardRestore: CommandRunner<Command<'card:restore'>> = async (cmd, repos, ctx) => {
  const card = await repos.cards.get(cmd.cardId);
  return decideCardRestore(cmd, { card, siblings: card ? await repos.cards.liveInColumn(card.columnId) : [] }, ctx);
};

export const runCardUndo: CommandRunner<Command<'card:undo'>> = async (cmd, repos, ctx) => {
  const { last, conflict } = undoTarget(await repos.events.cardChanges(cmd.boardId), ctx.actor, cmd.cardId);
  const cardId = cmd.cardId ?? (last && cardOf(last));
  const card = cardId ? await repos.cards.get(cardId) : undefined;
  const fromColumnId = last?.body.type === 'card.moved' ? last.body.from.columnId : undefined;
  return decideCardUndo(cmd, {
    card,
    last,
    conflict,
    fromColumn: fromColumnId ? await repos.columns.get(fromColumnId) : undefined,
    fromSiblings: fromColumnId ? await repos.cards.liveInColumn(fromColumnId) : [],
    siblings: card ? await repos.cards.liveInColumn(card.columnId) : [],
  }, ctx);
};

import type { StateCreator } from 'zustand';
import { sortByKey } from '../../../../shared/domain/ordering';
import type { Card, CardType } from '../../../../shared/schemas';
import type { AppState, StoreDeps } from '../../app/store/types';
import { cardsInColumn } from '../board';

export interface CardFields {
  type: CardType;
  title: string;
  description: string;
  ownerName: string;
  dueDate: string | null;
}

export type CardChanges = Partial<CardFields>;

/** One's own latest change to a card, for the "Flyttet · Fortryd" toast; `undone` once it has been undone. */
export interface LastChange {
  /** New for every change, so the toast shows again after the same kind of change. */
  id: string;
  cardId: string;
  kind: 'moved' | 'edited' | 'created' | 'archived' | 'undone';
}

export interface CardsSlice {
  /** Creates a card at the bottom of the column; returns its id (final: ids are made here). */
  createCard: (columnId: string, fields: CardFields) => string | null;
  updateCard: (cardId: string, changes: CardChanges) => void;
  /** `index` counts the destination column's cards without the moved one. A move to where it is does nothing. */
  moveCard: (cardId: string, toColumnId: string, index: number) => void;
  archiveCard: (cardId: string) => void;
  /**
   * Undoes one's last change on this board (the server picks it; with `cardId`, the last one to that card). An undo
   * is never undone in turn: the next undo goes one change further back.
   */
  undoLastChange: (cardId?: string) => void;
  lastChange: LastChange | null;
  createColumn: (name: string) => string | null;
  renameColumn: (columnId: string, name: string) => void;
}

/** The position a card has among its column's other cards. */
export function indexInColumn(cards: Readonly<Record<string, Card>>, card: Card): number {
  const siblings = sortByKey(Object.values(cards).filter((c) => c.columnId === card.columnId));
  return siblings.findIndex((c) => c.id === card.id);
}

/** Card and column commands; all go through the optimistic queue. */
export const createCardsSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], CardsSlice> =>
  (set, get) => {
    const remember = (cardId: string, kind: LastChange['kind']) => set({ lastChange: { id: deps.newId(), cardId, kind } });
    return {
      lastChange: null,
      createCard: (columnId, fields) => {
        const id = deps.newId();
        const card = { id, columnId, ...fields, title: fields.title.trim(), ownerName: fields.ownerName.trim() };
        if (!get().issue('card:create', { card })) return null;
        remember(id, 'created');
        return id;
      },
      updateCard: (cardId, changes) => {
        const card = get().view?.cards[cardId];
        if (!card) return;
        const changed = Object.fromEntries(
          Object.entries(changes).filter(([key, value]) => card[key as keyof CardFields] !== value),
        ) as CardChanges;
        if (Object.keys(changed).length > 0 && get().issue('card:update', { cardId, changes: changed })) remember(cardId, 'edited');
      },
      moveCard: (cardId, toColumnId, index) => {
        const view = get().view;
        const card = view?.cards[cardId];
        if (!view || !card) return;
        const count = cardsInColumn(view, toColumnId, cardId).length;
        const target = Math.max(0, Math.min(index, count));
        if (card.columnId === toColumnId && indexInColumn(view.cards, card) === target) return;
        if (get().issue('card:move', { cardId, toColumnId, index: target })) remember(cardId, 'moved');
      },
      archiveCard: (cardId) => {
        if (get().issue('card:archive', { cardId })) remember(cardId, 'archived');
      },
      undoLastChange: (cardId) => {
        if (!get().issue('card:undo', cardId ? { cardId } : {})) return;
        set({ lastChange: { id: deps.newId(), cardId: cardId ?? get().lastChange?.cardId ?? '', kind: 'undone' } });
      },
      createColumn: (name) => {
        const id = deps.newId();
        return get().issue('column:create', { column: { id, name: name.trim() } }) ? id : null;
      },
      renameColumn: (columnId, name) => {
        const column = get().view?.columns[columnId];
        if (column && column.name !== name.trim()) get().issue('column:rename', { columnId, name: name.trim() });
      },
    };
  };

import { useShallow } from 'zustand/react/shallow';
import { sortByKey } from '../../../../shared/domain/ordering';
import type { Card, Column } from '../../../../shared/schemas';
import { useAppStore } from '../../app/store/store-context';
import type { AppState } from '../../app/store/types';

const NO_COLUMNS: Column[] = [];

export function selectColumns(s: AppState): Column[] {
  return s.view ? sortByKey(Object.values(s.view.columns)) : NO_COLUMNS;
}

type CardsById = NonNullable<AppState['view']>['cards'];

// The cards by column, worked out once per version of the board's cards (the store replaces the cards object on
// every change), not once per column per store change: every column reads it, and a wall screen's store changes
// with every event while a drag re-renders columns many times a second.
const idsByColumnOf = new WeakMap<CardsById, Record<string, string[]>>();
const NO_IDS: string[] = [];

function cardIdsByColumn(cards: CardsById): Record<string, string[]> {
  let byColumn = idsByColumnOf.get(cards);
  if (!byColumn) {
    byColumn = {};
    for (const card of sortByKey(Object.values(cards))) (byColumn[card.columnId] ??= []).push(card.id);
    idsByColumnOf.set(cards, byColumn);
  }
  return byColumn;
}

/** Card ids per column, in order (an empty list for a column without cards): what a drag starts from. */
export function selectCardIdsByColumn(s: AppState): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!s.view) return result;
  const byColumn = cardIdsByColumn(s.view.cards);
  for (const column of Object.values(s.view.columns)) result[column.id] = [...(byColumn[column.id] ?? NO_IDS)];
  return result;
}

/** Columns in board order (the objects stay the same until a column changes, so shallow compare holds). */
export function useColumns(): Column[] {
  return useAppStore(useShallow(selectColumns));
}

export function useColumn(id: string): Column | undefined {
  return useAppStore((s) => s.view?.columns[id]);
}

export function useCardIds(columnId: string): string[] {
  // Shallow: a change to some other card makes new lists, but this column re-renders only if its own list changed.
  return useAppStore(useShallow((s) => (s.view ? (cardIdsByColumn(s.view.cards)[columnId] ?? NO_IDS) : NO_IDS)));
}

export function useCard(id: string): Card | undefined {
  return useAppStore((s) => s.view?.cards[id]);
}

import { useShallow } from 'zustand/react/shallow';
import { sortByKey } from '../../../../shared/domain/ordering';
import type { Card, Column } from '../../../../shared/schemas';
import { useAppStore } from '../../app/store/store-context';
import type { AppState } from '../../app/store/types';

const NO_COLUMNS: Column[] = [];

export function selectColumns(s: AppState): Column[] {
  return s.view ? sortByKey(Object.values(s.view.columns)) : NO_COLUMNS;
}

/** Card ids per column, in order: what a drag starts from. */
export function selectCardIdsByColumn(s: AppState): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!s.view) return result;
  for (const column of Object.values(s.view.columns)) result[column.id] = [];
  for (const card of sortByKey(Object.values(s.view.cards))) result[card.columnId]?.push(card.id);
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
  return useAppStore(
    useShallow((s) =>
      s.view
        ? sortByKey(Object.values(s.view.cards).filter((c) => c.columnId === columnId)).map((c) => c.id)
        : [],
    ),
  );
}

export function useCard(id: string): Card | undefined {
  return useAppStore((s) => s.view?.cards[id]);
}

import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { AppStore } from '../../app/store/app-store';
import type { Messages } from '../../lib/i18n';

/** Screen reader announcements for dragging, in the user's language and with card and column names. */
export function dndAccessibility(
  store: AppStore,
  t: Messages,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const title = (id: string | number) => store.getState().view?.cards[String(id)]?.title ?? '';
  const where = (id: string | number | undefined, sortable: { index: number; containerId: string | number } | undefined) => {
    const view = store.getState().view;
    const columnId = sortable ? String(sortable.containerId) : String(id ?? '');
    return { column: view?.columns[columnId]?.name ?? '', position: (sortable?.index ?? 0) + 1 };
  };
  const sortableOf = (data: Record<string, unknown> | undefined) =>
    (data?.sortable as { index: number; containerId: string | number } | undefined) ?? undefined;
  return {
    screenReaderInstructions: { draggable: t.dnd.instructions },
    announcements: {
      onDragStart: ({ active }) => t.dnd.pickedUp(title(active.id)),
      onDragOver: ({ active, over }) => {
        if (!over) return undefined;
        const { column, position } = where(over.id, sortableOf(over.data.current));
        return t.dnd.over(title(active.id), column, position);
      },
      onDragEnd: ({ active, over }) => {
        if (!over) return t.dnd.cancelled(title(active.id));
        const { column, position } = where(over.id, sortableOf(over.data.current));
        return t.dnd.dropped(title(active.id), column, position);
      },
      onDragCancel: ({ active }) => t.dnd.cancelled(title(active.id)),
    },
  };
}

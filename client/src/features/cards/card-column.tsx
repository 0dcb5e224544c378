import { memo, useId } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { PlusIcon } from '../../components/icons';
import { useT } from '../../lib/i18n-context';
import { useCanWrite } from '../board/board-access';
import { useOpenCardEditor } from './card-editor-context';
import { ColumnHeader } from './column-header';
import { SortableCard } from './sortable-card';
import { useCardIds, useColumn } from './use-cards';

interface CardColumnProps {
  columnId: string;
  /** The order while a drag is in progress (local to the board); otherwise the store's order is used. */
  dragIds?: string[] | undefined;
}

/** A column: a region named by its heading, holding a list of cards that is also a drop target. */
export const CardColumn = memo(function CardColumn({ columnId, dragIds }: CardColumnProps) {
  const t = useT();
  const column = useColumn(columnId);
  const storeIds = useCardIds(columnId);
  const openEditor = useOpenCardEditor();
  const canWrite = useCanWrite();
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: columnId });
  const ids = dragIds ?? storeIds;
  if (!column) return null;

  return (
    <section className={`column${isOver ? ' column--over' : ''}`} aria-labelledby={headingId}>
      <ColumnHeader columnId={columnId} name={column.name} headingId={headingId} count={storeIds.length} />
      <SortableContext id={columnId} items={ids} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} role="list" className="column__cards">
          {ids.map((id) => (
            <SortableCard key={id} cardId={id} />
          ))}
        </ul>
      </SortableContext>
      {ids.length === 0 && <p className="column__empty">{t.emptyColumn}</p>}
      {canWrite && (
        <button type="button" className="button button--quiet column__add" onClick={() => openEditor({ mode: 'create', columnId })}>
          <PlusIcon /> {t.newCard}
        </button>
      )}
    </section>
  );
});

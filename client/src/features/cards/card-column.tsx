import { memo, useId } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, type SortingStrategy, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { PlusIcon } from '../../components/icons';
import { useT } from '../../lib/i18n-context';
import { useCanWrite } from '../board';
import { useOpenCardEditor } from './card-editor-context';
import { ColumnHeader } from './column-header';
import { SortableCard } from './sortable-card';
import { useCardIds, useColumn } from './use-cards';

interface CardColumnProps {
  columnId: string;
  /** While a card from another column is held over this one: where it would land (a line is shown there). */
  dropIndex?: number | undefined;
}

/**
 * Sorting within the column; while the held card is over another column (no card of this one is under it) the
 * cards stay where they are, instead of @dnd-kit's default of making room as if it were over the top.
 */
const sortInColumn: SortingStrategy = (args) => (args.overIndex < 0 ? null : verticalListSortingStrategy(args));

/** A column: a region named by its heading, holding a list of cards that is also a drop target. */
export const CardColumn = memo(function CardColumn({ columnId, dropIndex }: CardColumnProps) {
  const t = useT();
  const column = useColumn(columnId);
  const ids = useCardIds(columnId);
  const openEditor = useOpenCardEditor();
  const canWrite = useCanWrite();
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: columnId });
  if (!column) return null;

  return (
    <section className={`column${isOver ? ' column--over' : ''}`} aria-labelledby={headingId}>
      <ColumnHeader columnId={columnId} name={column.name} headingId={headingId} count={ids.length} />
      <SortableContext id={columnId} items={ids} strategy={sortInColumn}>
        <ul ref={setNodeRef} role="list" className={`column__cards${dropIndex === ids.length ? ' column__cards--drop-end' : ''}`}>
          {ids.map((id, index) => (
            <SortableCard key={id} cardId={id} dropBefore={dropIndex === index} />
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

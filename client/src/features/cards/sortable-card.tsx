import { memo, useCallback, useId } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useT } from '../../lib/i18n-context';
import { CardBody } from './card-body';
import { useOpenCardEditor } from './card-editor-context';
import { useCard } from './use-cards';

/**
 * A card in its column's list. The whole card can be pressed and dragged (mouse, or a held finger); keyboard
 * dragging starts from the grip handle, the only element the keyboard sensor listens to.
 */
export const SortableCard = memo(function SortableCard({ cardId }: { cardId: string }) {
  const card = useCard(cardId);
  const openEditor = useOpenCardEditor();
  const t = useT();
  const titleId = useId();
  const onOpen = useCallback((id: string) => openEditor({ mode: 'edit', cardId: id }), [openEditor]);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: cardId,
    attributes: { roleDescription: t.dnd.roleDescription },
  });
  if (!card) return null;
  return (
    <li
      ref={setNodeRef}
      className={`card-slot${isDragging ? ' card-slot--placeholder' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      aria-labelledby={titleId}
      data-card-id={cardId}
      {...listeners}
    >
      <CardBody
        card={card}
        titleId={titleId}
        handleRef={setActivatorNodeRef}
        handleAttributes={attributes}
        onOpen={onOpen}
      />
    </li>
  );
});

import { type HTMLAttributes, memo, useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import type { DraggableSyntheticListeners } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { useT } from '../../lib/i18n-context';
import { useNearViewport } from '../../lib/use-near-viewport';
import { CardBody } from './card-body';
import { useOpenCardEditor } from './card-editor-context';
import { useCard } from './use-cards';

/** What useSortable gives the card's markup: where it is shifted to, and how it is picked up. */
interface SortableBits {
  /** The CSS transform that shifts the card aside while another card is dragged past it. */
  shift: string | undefined;
  transition: string | undefined;
  isDragging: boolean;
  listeners: DraggableSyntheticListeners;
  attributes: HTMLAttributes<HTMLElement> | undefined;
  setActivatorNodeRef: ((element: HTMLElement | null) => void) | undefined;
}

const AT_REST: SortableBits = {
  shift: undefined,
  transition: undefined,
  isDragging: false,
  listeners: undefined,
  attributes: undefined,
  setActivatorNodeRef: undefined,
};

/**
 * A card in its column's list. The whole card can be pressed and dragged (mouse, or a held finger); keyboard
 * dragging starts from the grip handle, the only element the keyboard sensor listens to.
 *
 * Only cards on or near the screen take part in drag and drop. @dnd-kit re-renders every sortable item whenever
 * the card under the pointer changes, and measures every droppable when a drag starts: on a board of hundreds of
 * cards that cost whole frames on a wall screen. A card further away renders the same markup, at rest, and joins
 * in (without remounting, so focus stays where it is) as soon as it scrolls near.
 */
export const SortableCard = memo(function SortableCard({ cardId, dropBefore = false }: { cardId: string; dropBefore?: boolean }) {
  const card = useCard(cardId);
  const openEditor = useOpenCardEditor();
  const titleId = useId();
  const onOpen = useCallback((id: string) => openEditor({ mode: 'edit', cardId: id }), [openEditor]);
  const [node, setNode] = useState<HTMLLIElement | null>(null);
  const [sortable, setSortable] = useState(AT_REST);
  // Kept sortable while it holds the focus or is being dragged, even when scrolled out of view.
  const dragging = useRef(false);
  dragging.current = sortable.isDragging;
  const keepSortable = useCallback((element: Element) => dragging.current || element.contains(document.activeElement), []);
  const near = useNearViewport(node, keepSortable);
  if (!card) return null;
  return (
    <li
      ref={setNode}
      className={`card-slot${sortable.isDragging ? ' card-slot--placeholder' : ''}${dropBefore ? ' card-slot--drop-before' : ''}`}
      style={{ transform: sortable.shift, transition: sortable.transition }}
      aria-labelledby={titleId}
      data-card-id={cardId}
      {...sortable.listeners}
    >
      {near && node && <SortableBinding cardId={cardId} node={node} onChange={setSortable} />}
      <CardBody
        card={card}
        titleId={titleId}
        handleRef={sortable.setActivatorNodeRef}
        handleAttributes={sortable.attributes}
        onOpen={onOpen}
      />
    </li>
  );
});

/**
 * Registers the card with @dnd-kit and hands what useSortable returns to the card. It renders nothing, so the
 * re-renders @dnd-kit causes stop here; the card itself re-renders only when its own position or state changes.
 */
const SortableBinding = memo(function SortableBinding({ cardId, node, onChange }: {
  cardId: string;
  node: HTMLElement;
  onChange: (bits: SortableBits) => void;
}) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: cardId,
    attributes: { roleDescription: t.dnd.roleDescription },
  });
  useLayoutEffect(() => {
    setNodeRef(node);
    return () => setNodeRef(null);
  }, [node, setNodeRef]);
  // While a card is dragged, every other card of its column gets a transform, most of them (0, 0). Those stay
  // without one: a transformed element is a layer of its own, and fifty extra layers cost every frame of the drag.
  const { x = 0, y = 0 } = transform ?? {};
  const shift = x !== 0 || y !== 0 ? `translate(${x}px, ${y}px)` : undefined;
  useLayoutEffect(() => {
    onChange({ shift, transition, isDragging, listeners, attributes, setActivatorNodeRef });
  }, [onChange, shift, transition, isDragging, listeners, attributes, setActivatorNodeRef]);
  useLayoutEffect(() => () => onChange(AT_REST), [onChange]);
  return null;
});

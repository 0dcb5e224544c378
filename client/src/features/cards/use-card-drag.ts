import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type Collision,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
  closestCenter,
  getFirstCollision,
  pointerWithin,
  rectIntersection,
} from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { useAppStore, useAppStoreApi } from '../../app/store/store-context';
import { selectCardIdsByColumn } from './use-cards';

type Items = Record<string, string[]>;

function containerOf(items: Items, id: UniqueIdentifier): string | undefined {
  const key = String(id);
  if (key in items) return key;
  return Object.keys(items).find((columnId) => items[columnId]!.includes(key));
}

/**
 * Drag state for the card board, kept in React state (not the store): a snapshot of every column's order
 * taken at drag start, rearranged as the card crosses columns, and turned into one `moveCard` on drop.
 */
export function useCardDrag() {
  const store = useAppStoreApi();
  const moveCard = useAppStore((s) => s.moveCard);
  const [items, setItems] = useState<Items | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const lastOverId = useRef<UniqueIdentifier | null>(null);
  // @dnd-kit puts the collisions in the context every sortable card reads: answering a pointer move with the same
  // array as before (when the card under the pointer has not changed) spares a re-render of every card.
  const lastCollisions = useRef<Collision[]>([]);
  const collisionsFor = useCallback((id: UniqueIdentifier | null): Collision[] => {
    const previous = lastCollisions.current;
    if (id === null) return previous.length === 0 ? previous : (lastCollisions.current = []);
    return previous[0]?.id === id ? previous : (lastCollisions.current = [{ id }]);
  }, []);
  // Set while a card has just crossed into another column, until the layout has settled for a frame.
  const justCrossed = useRef(false);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      justCrossed.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, [items]);

  /**
   * What the card is over: the column under the pointer (or finger), then the nearest card inside it. While the
   * layout shifts after a card crosses columns, the last answer is kept: otherwise the shrinking source column
   * can win again and the card flips between the two columns until React gives up.
   */
  const collisionDetection: CollisionDetection = useCallback(
    (args) => {
      // Pointer and finger: only what is under them (in the gap between columns the last answer stands, since
      // the dragged card's rectangle can touch both neighbours). Keyboard: what the moved card overlaps.
      // The pointer is tested against the columns only, then the nearest card is sought in that column alone: on
      // a board of hundreds of cards, testing every card's rectangle on every pointer move costs whole frames
      // (each rectangle read also reads the scroll offsets, which forces a layout after React's last commit).
      const hits = args.pointerCoordinates
        ? pointerWithin(items ? { ...args, droppableContainers: args.droppableContainers.filter((c) => String(c.id) in items) } : args)
        : rectIntersection(args);
      let overId = getFirstCollision(hits, 'id');
      if (overId != null && items && String(overId) in items) {
        const inColumn = new Set(items[String(overId)]!);
        if (inColumn.size > 0) {
          const nearest = closestCenter({
            ...args,
            droppableContainers: args.droppableContainers.filter((c) => inColumn.has(String(c.id))),
          });
          overId = nearest[0]?.id ?? overId;
        }
      }
      if (overId == null && justCrossed.current) overId = activeId;
      if (overId != null) lastOverId.current = overId;
      return collisionsFor(lastOverId.current);
    },
    [items, activeId, collisionsFor],
  );

  function onDragStart({ active }: DragStartEvent) {
    setItems(selectCardIdsByColumn(store.getState()));
    setActiveId(String(active.id));
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || !items) return;
    const from = containerOf(items, active.id);
    const to = containerOf(items, over.id);
    if (!from || !to || from === to) return;
    const id = String(active.id);
    const target = items[to]!;
    const overIndex = target.indexOf(String(over.id));
    const translated = active.rect.current.translated;
    const below = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
    const at = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0);
    justCrossed.current = true;
    setItems({
      ...items,
      [from]: items[from]!.filter((x) => x !== id),
      [to]: [...target.slice(0, at), id, ...target.slice(at)],
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const current = items;
    reset();
    if (!over || !current) return;
    const columnId = containerOf(current, active.id);
    if (!columnId) return;
    const list = current[columnId]!;
    const from = list.indexOf(String(active.id));
    const overIndex = list.indexOf(String(over.id));
    const finalList = overIndex >= 0 ? arrayMove(list, from, overIndex) : list;
    // The card's index in the final list is its index among the column's other cards: what the server wants.
    moveCard(String(active.id), columnId, finalList.indexOf(String(active.id)));
  }

  function reset() {
    setItems(null);
    setActiveId(null);
    lastOverId.current = null;
  }

  return { items, activeId, collisionDetection, onDragStart, onDragOver, onDragEnd, onDragCancel: reset };
}

import { useCallback, useRef, useState } from 'react';
import {
  type Active,
  type Collision,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type Over,
  type UniqueIdentifier,
  closestCenter,
  getFirstCollision,
  pointerWithin,
  rectIntersection,
} from '@dnd-kit/core';
import { arrayMove } from '@dnd-kit/sortable';
import { useAppStore, useAppStoreApi } from '../../app/store/store-context';
import { focusCardGrip } from './focus-card';
import { selectCardIdsByColumn } from './use-cards';

/** Each column's cards as they were when the drag began, and which column each card is in. */
interface Columns {
  cards: Record<string, string[]>;
  columnOf: Map<string, string>;
}

function columnsAt(cards: Record<string, string[]>): Columns {
  const columnOf = new Map<string, string>();
  for (const [columnId, ids] of Object.entries(cards)) for (const id of ids) columnOf.set(id, columnId);
  return { cards, columnOf };
}

/** Where a card held over another column would land: before the card at `index` (or at the end). */
export interface DropTarget {
  columnId: string;
  index: number;
}

/** The column a droppable is (a column) or is in (a card). Asked on every pointer move, so a lookup, not a search. */
function containerOf(columns: Columns, id: UniqueIdentifier): string | undefined {
  const key = String(id);
  return key in columns.cards ? key : columns.columnOf.get(key);
}

/** The place in another column the card is over, or null while it is over its own column (sorting there). */
function dropTargetFor(columns: Columns, active: Active, over: Over | null): DropTarget | null {
  if (!over) return null;
  const from = containerOf(columns, active.id);
  const to = containerOf(columns, over.id);
  if (!to || to === from) return null;
  const list = columns.cards[to]!;
  const overIndex = list.indexOf(String(over.id));
  if (overIndex < 0) return { columnId: to, index: list.length };
  const held = active.rect.current.translated;
  const below = held !== null && held.top + held.height / 2 > over.rect.top + over.rect.height / 2;
  return { columnId: to, index: overIndex + (below ? 1 : 0) };
}

const sameTarget = (a: DropTarget | null, b: DropTarget | null) =>
  a === b || (a !== null && b !== null && a.columnId === b.columnId && a.index === b.index);

/**
 * Drag state for the card board. Within its own column a card is sorted by @dnd-kit (the others slide aside);
 * over another column the board keeps its shape and a line shows where the card will land, and the card moves
 * there, with one `moveCard`, on drop. Moving the card's element from column to column while it is held (the usual
 * multi-container pattern) re-rendered, re-measured and repainted both columns at every crossing: whole frames on
 * a big board on a wall screen.
 */
export function useCardDrag() {
  const store = useAppStoreApi();
  const moveCard = useAppStore((s) => s.moveCard);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  // The board as it was when the drag began (it keeps its shape until the drop).
  const columns = useRef<Columns | null>(null);
  const lastOverId = useRef<UniqueIdentifier | null>(null);
  // @dnd-kit puts the collisions in the context every sortable card reads: answering a pointer move with the same
  // array as before (when the card under the pointer has not changed) spares a re-render of every card.
  const lastCollisions = useRef<Collision[]>([]);
  const collisionsFor = useCallback((id: UniqueIdentifier | null): Collision[] => {
    const previous = lastCollisions.current;
    if (id === null) return previous.length === 0 ? previous : (lastCollisions.current = []);
    return previous[0]?.id === id ? previous : (lastCollisions.current = [{ id }]);
  }, []);

  /**
   * What the card is over: the column under the pointer (or finger), then the nearest card inside it; in the gap
   * between columns the last answer stands. Keyboard: what the moved card overlaps. The pointer is tested against
   * the columns only, then the nearest card is sought in that column alone: on a board of hundreds of cards,
   * testing every card's rectangle on every pointer move costs whole frames.
   */
  const collisionDetection: CollisionDetection = useCallback(
    (args) => {
      const byColumn = columns.current?.cards;
      const hits = args.pointerCoordinates
        ? pointerWithin(byColumn ? { ...args, droppableContainers: args.droppableContainers.filter((c) => String(c.id) in byColumn) } : args)
        : rectIntersection(args);
      let overId = getFirstCollision(hits, 'id');
      if (overId != null && byColumn && String(overId) in byColumn) {
        const inColumn = new Set(byColumn[String(overId)]);
        if (inColumn.size > 0) {
          const nearest = closestCenter({
            ...args,
            droppableContainers: args.droppableContainers.filter((c) => inColumn.has(String(c.id))),
          });
          overId = nearest[0]?.id ?? overId;
        }
      }
      if (overId != null) lastOverId.current = overId;
      return collisionsFor(lastOverId.current);
    },
    [collisionsFor],
  );

  function onDragStart({ active }: DragStartEvent) {
    columns.current = columnsAt(selectCardIdsByColumn(store.getState()));
    setActiveId(String(active.id));
  }

  // On every move, not only when the card under the pointer changes: over one card the line goes from above it
  // to below it as the held card passes its middle.
  function onDragMove({ active, over }: DragMoveEvent) {
    if (!columns.current) return;
    const target = dropTargetFor(columns.current, active, over);
    setDropTarget((current) => (sameTarget(current, target) ? current : target));
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const at = columns.current;
    const target = at ? dropTargetFor(at, active, over) : null;
    reset();
    if (!over || !at) return;
    const id = String(active.id);
    // The card is drawn anew where it lands: focus follows it (after a keyboard drop it would fall to <body>).
    focusCardGrip(id);
    if (target) {
      moveCard(id, target.columnId, target.index);
      return;
    }
    const columnId = containerOf(at, id);
    if (!columnId) return;
    const list = at.cards[columnId]!;
    const overIndex = list.indexOf(String(over.id));
    if (overIndex < 0) return; // over its own column's empty space: it stays where it was
    // The card's index in the sorted list is its index among the column's other cards: what the server wants.
    moveCard(id, columnId, arrayMove(list, list.indexOf(id), overIndex).indexOf(id));
  }

  function reset() {
    columns.current = null;
    setDropTarget(null);
    setActiveId(null);
    lastOverId.current = null;
  }

  return { activeId, dropTarget, collisionDetection, onDragStart, onDragMove, onDragOver: onDragMove, onDragEnd, onDragCancel: reset };
}

import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * Orders tile groups so that the grid, filling row by row without going back (no `dense`), puts them where a
 * dense packing would: first-fit into rows of `columns` grid columns, a group spanning one column per tile (at most
 * a row). The document order is then the visual order — a group's heading, its tiles, then the next group to the
 * right or below — so a screen reader, the Tab key and the eye meet the groups in the same order.
 * Groups come in the order to try them (largest first packs with the fewest holes); with no column count yet
 * (before layout, or in jsdom) they are returned as they are.
 */
export function packInRows<T extends { size: number }>(groups: readonly T[], columns: number): T[] {
  if (!Number.isInteger(columns) || columns < 1) return [...groups];
  const rows: { free: number; groups: T[] }[] = [];
  for (const group of groups) {
    const span = Math.min(group.size, columns);
    const row = rows.find((r) => r.free >= span);
    if (row) {
      row.groups.push(group);
      row.free -= span;
    } else {
      rows.push({ free: columns - span, groups: [group] });
    }
  }
  return rows.flatMap((r) => r.groups);
}

/**
 * The tile grid's column count, as tiles.css sets it from the zone's width (`--tile-cols`, by container queries),
 * read after layout and again whenever the grid is resized. The stylesheet stays the one place that decides it.
 */
export function useTileColumns(ref: RefObject<HTMLElement | null>): number | null {
  const [columns, setColumns] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const value = parseInt(getComputedStyle(el).getPropertyValue('--tile-cols'), 10);
      setColumns(Number.isNaN(value) ? null : value);
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return columns;
}

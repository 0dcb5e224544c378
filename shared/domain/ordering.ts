import { generateKeyBetween } from 'fractional-indexing';

/** Anything kept in an order by a fractional index key (cards in a column, columns on a board). */
export interface Ordered {
  id: string;
  orderKey: string;
}

/** Compares order keys by code unit, the order fractional-indexing keys are designed for (not locale order). */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortByKey<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareKeys(a.orderKey, b.orderKey) || compareKeys(a.id, b.id));
}

/**
 * The key that puts an item at `index` among `siblings` (which must not include the item itself).
 * An index past the end means last. Only the two neighbours are read, so no other item is renumbered.
 */
export function keyForIndex(siblings: readonly Ordered[], index: number): string {
  const sorted = sortByKey(siblings);
  const at = Math.max(0, Math.min(index, sorted.length));
  const before = at > 0 ? sorted[at - 1]!.orderKey : null;
  const after = at < sorted.length ? sorted[at]!.orderKey : null;
  return generateKeyBetween(before, after);
}

/** The key after every sibling: where a new item goes by default. */
export function keyAtEnd(siblings: readonly Ordered[]): string {
  return keyForIndex(siblings, siblings.length);
}

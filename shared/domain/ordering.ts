import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

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

/**
 * Longest order key kept. Inserting again and again at the same spot makes fractional keys grow by about one
 * character every six inserts; past this length a column is re-keyed instead (see `placeAt`).
 */
export const MAX_ORDER_KEY_LENGTH = 64;

/** Where an item goes, and the siblings that get a new key because the column had to be re-keyed. */
export interface Placement {
  orderKey: string;
  rekeyed: { id: string; orderKey: string }[];
}

/**
 * Like `keyForIndex`, but when the key would exceed MAX_ORDER_KEY_LENGTH every sibling gets a fresh short key.
 * The fresh keys all sort after every current key, so writing them one by one never collides with a key
 * still in use (the column's unique index holds at every step), and the relative order is kept. `inUse` names
 * other keys the column still holds meanwhile (the moved item's own, when it moves within its column).
 */
export function placeAt(siblings: readonly Ordered[], index: number, inUse: readonly string[] = []): Placement {
  const orderKey = keyForIndex(siblings, index);
  if (orderKey.length <= MAX_ORDER_KEY_LENGTH) return { orderKey, rekeyed: [] };
  const sorted = sortByKey(siblings);
  const at = Math.max(0, Math.min(index, sorted.length));
  const last = [...sorted.map((s) => s.orderKey), ...inUse].sort(compareKeys).at(-1) ?? null;
  const keys = generateNKeysBetween(last, null, sorted.length + 1);
  const rekeyed = sorted.map((item, i) => ({ id: item.id, orderKey: keys[i < at ? i : i + 1]! }));
  return { orderKey: keys[at]!, rekeyed };
}

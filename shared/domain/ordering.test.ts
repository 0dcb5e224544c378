import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ORDER_KEY_LENGTH, compareKeys, keyAtEnd, keyForIndex, placeAt, sortByKey, type Ordered } from './ordering';

const ids = (items: Ordered[]) => sortByKey(items).map((i) => i.id);

describe('keyForIndex', () => {
  it('puts an item first, between and last', () => {
    const a = { id: 'a', orderKey: keyAtEnd([]) };
    const c = { id: 'c', orderKey: keyAtEnd([a]) };
    const b = { id: 'b', orderKey: keyForIndex([a, c], 1) };
    const z = { id: 'z', orderKey: keyForIndex([a, b, c], 0) };
    expect(ids([c, b, a, z])).toEqual(['z', 'a', 'b', 'c']);
  });

  it('treats an index past the end as last', () => {
    const a = { id: 'a', orderKey: keyAtEnd([]) };
    expect(compareKeys(keyForIndex([a], 99), a.orderKey)).toBe(1);
  });

  it('keeps any sequence of inserts in the intended order, with unique keys', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), (positions) => {
        const items: Ordered[] = [];
        const expected: string[] = [];
        positions.forEach((p, n) => {
          const index = p % (items.length + 1);
          items.push({ id: `i${n}`, orderKey: keyForIndex(items, index) });
          expected.splice(index, 0, `i${n}`);
        });
        expect(ids(items)).toEqual(expected);
        expect(new Set(items.map((i) => i.orderKey)).size).toBe(items.length);
      }),
    );
  });
});

describe('placeAt', () => {
  it('keeps keys short under thousands of inserts at one spot, in the intended order', () => {
    let items: Ordered[] = [{ id: 'first', orderKey: keyAtEnd([]) }];
    items.push({ id: 'last', orderKey: keyAtEnd(items) });
    for (let n = 0; n < 2000; n++) {
      const { orderKey, rekeyed } = placeAt(items, 1);
      const fresh = new Map(rekeyed.map((r) => [r.id, r.orderKey]));
      items = items.map((i) => ({ ...i, orderKey: fresh.get(i.id) ?? i.orderKey }));
      items.push({ id: `i${n}`, orderKey });
    }
    expect(Math.max(...items.map((i) => i.orderKey.length))).toBeLessThanOrEqual(MAX_ORDER_KEY_LENGTH);
    const sorted = ids(items);
    expect(sorted[0]).toBe('first');
    expect(sorted[1]).toBe('i1999');
    expect(sorted.at(-1)).toBe('last');
  });

  it('gives re-keyed siblings keys after every key still in use', () => {
    const a = { id: 'a', orderKey: `a0${'V'.repeat(70)}1` };
    const b = { id: 'b', orderKey: `a0${'V'.repeat(70)}2` };
    const { orderKey, rekeyed } = placeAt([a, b], 1, ['a5']);
    expect(rekeyed.every((r) => r.orderKey > 'a5')).toBe(true);
    expect(compareKeys(rekeyed[0]!.orderKey, orderKey)).toBe(-1);
    expect(compareKeys(orderKey, rekeyed[1]!.orderKey)).toBe(-1);
  });
});

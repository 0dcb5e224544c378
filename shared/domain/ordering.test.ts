import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys, keyAtEnd, keyForIndex, sortByKey, type Ordered } from './ordering';

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

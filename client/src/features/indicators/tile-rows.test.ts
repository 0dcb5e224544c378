import { describe, expect, it } from 'vitest';
import { packInRows } from './tile-rows';

const groups = (...sizes: number[]) => sizes.map((size, i) => ({ name: String.fromCharCode(65 + i), size }));
const names = (list: { name: string }[]) => list.map((g) => g.name).join('');

describe('packInRows', () => {
  it('puts a later group into the row it fits, ahead of the groups on the rows below (the psychiatry board at 7 columns)', () => {
    // 4 4 3 3 3 2 2 → rows [A C] [B D] [E F G]: the order a dense grid would show, now also the document's.
    expect(names(packInRows(groups(4, 4, 3, 3, 3, 2, 2), 7))).toBe('ACBDEFG');
  });

  it('keeps the order when the groups fill the rows one after another', () => {
    expect(names(packInRows(groups(4, 4, 4, 4), 8))).toBe('ABCD');
    expect(names(packInRows(groups(3, 3, 2, 1), 8))).toBe('ABCD');
  });

  it('counts a group wider than a row as one whole row', () => {
    expect(names(packInRows(groups(8, 1, 3), 4))).toBe('ABC');
    expect(names(packInRows(groups(3, 5, 1), 4))).toBe('ACB');
  });

  it('leaves the order alone without a column count', () => {
    expect(names(packInRows(groups(4, 4, 3), Number.NaN))).toBe('ABC');
    expect(names(packInRows(groups(4, 4, 3), 0))).toBe('ABC');
  });
});

import { describe, expect, it } from 'vitest';
import { takeBatch } from './batch-take';

const item = (board: string, n: number) => ({ board, n });
const boardOf = (i: { board: string }) => i.board;

describe('takeBatch', () => {
  it('takes everything in order when no board is over its share', () => {
    const queue = [item('a', 1), item('b', 1), item('a', 2)];
    expect(takeBatch(queue, boardOf, 10, 2)).toEqual([item('a', 1), item('b', 1), item('a', 2)]);
    expect(queue).toEqual([]);
  });

  it("lets another board's command past a flood, and keeps the flooded board's order", () => {
    const queue = [...[1, 2, 3, 4, 5].map((n) => item('flood', n)), item('ward', 1), item('flood', 6)];
    expect(takeBatch(queue, boardOf, 10, 2)).toEqual([item('flood', 1), item('flood', 2), item('ward', 1)]);
    expect(queue).toEqual([3, 4, 5, 6].map((n) => item('flood', n)));
    expect(takeBatch(queue, boardOf, 10, 2)).toEqual([item('flood', 3), item('flood', 4)]);
    expect(queue).toEqual([item('flood', 5), item('flood', 6)]);
  });

  it('stops at the batch size, leaving the rest in order', () => {
    const queue = [item('a', 1), item('b', 1), item('c', 1), item('a', 2)];
    expect(takeBatch(queue, boardOf, 2, 5)).toEqual([item('a', 1), item('b', 1)]);
    expect(queue).toEqual([item('c', 1), item('a', 2)]);
  });
});

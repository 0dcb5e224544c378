/**
 * Which queued commands go into the next group commit: in the order submitted, at most `maxBatch` in all and at
 * most `maxPerBoard` for any one board. The cap per board keeps one board's flood (a script, an import, hundreds of
 * edits queued at once) from filling every batch ahead of the other boards' commands: a move on another board goes
 * into the next commit instead of waiting behind the whole flood, which on PostgreSQL, with a round trip per
 * statement, took seconds (tests/reliability/abuse-bounds.test.ts). Once a board's command is left for later, so
 * are that board's later ones: each board's commands are still committed and reported in the order submitted.
 */
export function takeBatch<T>(queue: T[], boardOf: (item: T) => string, maxBatch: number, maxPerBoard: number): T[] {
  const taken: T[] = [];
  const left: T[] = [];
  const perBoard = new Map<string, number>();
  const deferred = new Set<string>();
  for (const item of queue) {
    const board = boardOf(item);
    const count = perBoard.get(board) ?? 0;
    if (taken.length < maxBatch && count < maxPerBoard && !deferred.has(board)) {
      taken.push(item);
      perBoard.set(board, count + 1);
    } else {
      left.push(item);
      deferred.add(board);
    }
  }
  queue.splice(0, queue.length, ...left);
  return taken;
}

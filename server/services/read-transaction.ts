import type { Executor } from '../store';

/**
 * Runs reads that must agree with each other (a board's seq and the rows it counts) in one read-only transaction.
 * On SQLite each statement runs synchronously, but the awaits between them would let a command's transaction take
 * the connection and commit between two reads; the transaction holds the connection from BEGIN to COMMIT, and WAL
 * gives its reads one snapshot against any other connection too. It begins DEFERRED: a read needs no write lock,
 * and BEGIN IMMEDIATE would make a join's snapshot wait (the event loop with it) on another connection's write. On PostgreSQL each statement of
 * a READ COMMITTED transaction sees its own moment, so the transaction is REPEATABLE READ: one snapshot for all its
 * statements, and READ ONLY: a read that tried to write would be refused, not committed.
 */
export function readTransaction<T>(store: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return store.transaction(fn, { readOnly: true });
}

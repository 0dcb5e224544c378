import { sql } from 'kysely';
import type { Executor } from '../store';

/**
 * Runs reads that must agree with each other (a board's seq and the rows it counts) in one transaction. On SQLite
 * the transaction holds the one connection, so no commit lands between the reads. On PostgreSQL each statement of
 * a READ COMMITTED transaction sees its own moment, so the transaction is made REPEATABLE READ: one snapshot for
 * all its statements. Read only there too: a read that tried to write would be refused, not committed.
 */
export function readTransaction<T>(store: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return store.transaction(async (tx) => {
    if (tx.engine === 'postgres') await tx.run(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
    return fn(tx);
  });
}

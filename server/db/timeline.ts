import { randomInt } from 'node:crypto';
import type { Db } from './open-database';

/**
 * A database's timeline (the name PostgreSQL gives the same idea): which history its boards' seqs count. It stays
 * the same across restarts, since every seq a client was told is durable; restoring a backup starts a new one, since
 * the restored boards count their seqs again from an earlier point. Kept in the file header's `user_version`, which
 * SQLite leaves to the application: 0 for a database never restored, RESTORED_COPY in a backup copy not yet served.
 */
const RESTORED_COPY = -1;

/** Marks a backup copy so that the server that is first started on it begins a new timeline. */
export function markRestoredCopy(copy: Db): void {
  copy.pragma(`user_version = ${RESTORED_COPY}`);
}

/** The database's timeline, beginning a new one if the file is a backup copy served for the first time. */
export function currentTimeline(db: Db): string {
  if (Number(db.pragma('user_version', { simple: true })) === RESTORED_COPY) {
    db.pragma(`user_version = ${randomInt(1, 2 ** 31 - 1)}`);
  }
  return String(db.pragma('user_version', { simple: true }));
}

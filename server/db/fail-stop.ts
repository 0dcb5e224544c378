import Database from 'better-sqlite3';

/** SQLite's codes for storage that failed under it: an I/O error (a failed write or fsync), a full disk, damage. */
const STORAGE_FAILURE = /^SQLITE_(IOERR|FULL|CORRUPT|NOTADB)/;

/** True when SQLite reports that the storage failed, not that a statement or a command was wrong. */
export function isStorageFailure(err: unknown): boolean {
  return err instanceof Database.SqliteError && STORAGE_FAILURE.test(err.code);
}

/** How long the answers already sent (errors, never ok) get to leave before the process stops. */
const LAST_WORDS_MS = 100;

/**
 * Stops the process after the storage failed on a write, as PostgreSQL does after a failed fsync: what the kernel
 * did with the failed pages is unknown, so going on could acknowledge changes that are not on disk. Everything
 * acknowledged before was synced, so a restart (once the disk is fixed) finds it all.
 */
export function failStop(err: unknown): void {
  const reason = err instanceof Database.SqliteError ? `${err.code}: ${err.message}` : String(err);
  console.error(`FATAL: writing the database failed (${reason}); stopping. Acknowledged changes are on disk; fix the storage and restart.`);
  process.exitCode = 1;
  setTimeout(() => process.exit(1), LAST_WORDS_MS);
}

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the SQLite file with the settings durability depends on: WAL for concurrent readers,
 * synchronous=FULL so a commit returns only once it survives power loss (WAL's default NORMAL may lose the last
 * ones; the group commit shares one sync between commands), foreign keys enforced, the journals of savepoints in memory (every command in a group commit has one; on disk each was a temp file created and
 * unlinked), and a busy timeout so a backup or a second process waits instead of failing.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  return db;
}

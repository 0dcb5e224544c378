import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { markRestoredCopy } from './timeline';

export interface BackupResult {
  destination: string;
  pages: number;
}

/**
 * Copies a live database to `destination` with SQLite's online backup API while the server keeps writing: the copy
 * is one consistent state (a transaction is in it whole or not at all). The source is opened on a connection of its
 * own that never writes (not `readonly`, because a read-only connection cannot open a WAL file whose -shm is
 * missing). The copy is checked with `integrity_check` before this resolves, and marked as a copy, so that a server
 * restored from it begins a new timeline (see timeline.ts).
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  const from = resolve(source);
  const to = resolve(destination);
  if (from === to) throw new Error('The backup must go to another file than the database.');
  if (!existsSync(from)) throw new Error(`No database at ${from}.`);
  mkdirSync(dirname(to), { recursive: true });
  const db = new Database(from, { fileMustExist: true });
  let pages: number;
  try {
    db.pragma('busy_timeout = 5000');
    // Many pages per step: a write by the server between steps restarts the copy, so few steps finish soonest.
    const result = await db.backup(to, { progress: () => 4096 });
    pages = result.totalPages;
  } finally {
    db.close();
  }
  const copy = new Database(to, { fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`The backup at ${to} failed integrity_check: ${String(check)}`);
    markRestoredCopy(copy);
  } finally {
    copy.close();
  }
  return { destination: to, pages };
}

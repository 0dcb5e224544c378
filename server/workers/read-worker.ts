import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import { type Store, openStore, sqliteStore } from '../store';
import type { AnswerEncoding, ReadAnswer } from './read-answer';
import { type ReadRefusal, type ReadTask, type ReadWorkerData, createReadTasks } from './read-tasks';

/** Connections a worker's own PostgreSQL pool holds: its tasks run one at a time, a report's reads one after another. */
const POSTGRES_CONNECTIONS = 2;

/**
 * A read-pool thread (Piscina calls the default export per task): its own connection, so a long report neither
 * holds the main thread's event loop nor can write. On SQLite a read-only connection to the file (WAL lets it read
 * while the main connection commits); on PostgreSQL a small pool of its own to the same database.
 */
function open(data: ReadWorkerData): Store {
  if (data.engine === 'postgres') {
    return openStore({ databasePath: '', databaseUrl: data.databaseUrl }, { postgres: { max: POSTGRES_CONNECTIONS, applicationName: 'kaskade-read' } });
  }
  const db = new Database(data.databasePath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return sqliteStore(db, true);
}

const tasks = createReadTasks(open(workerData as ReadWorkerData));

export default function answer({ task, encoding }: { task: ReadTask; encoding: AnswerEncoding | null }): Promise<ReadAnswer | ReadRefusal | null> {
  return tasks.answer(task, encoding);
}

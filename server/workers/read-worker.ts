import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import type { AnswerEncoding, ReadAnswer } from './read-answer';
import { type ReadRefusal, type ReadTask, createReadTasks } from './read-tasks';
import { sqliteStore } from '../store';

/**
 * A read-pool thread (Piscina calls the default export per task): its own read-only connection, so a long report
 * neither holds the main thread's event loop nor can write. WAL lets it read while the main connection commits.
 */
const db = new Database((workerData as { databasePath: string }).databasePath, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const tasks = createReadTasks(sqliteStore(db));

export default function answer({ task, encoding }: { task: ReadTask; encoding: AnswerEncoding | null }): Promise<ReadAnswer | ReadRefusal | null> {
  return tasks.answer(task, encoding);
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Db } from '../db/open-database';
import { type ReadTask, createReadTasks } from './read-tasks';

export interface ReadPool {
  run<T>(task: ReadTask): Promise<T>;
  close(): Promise<void>;
}

/** Threads in the pool: the machine's cores minus the main thread's, at least one. */
const THREADS = 2;

/** The worker's file: next to this module in the source tree (tsx), or the bundle's entry (dist/server). */
function workerFile(): { file: string; execArgv: string[] } | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const source = join(here, 'read-worker.ts');
  // Source files need the TypeScript loader the main thread has (tsx); a bundle does not.
  if (existsSync(source)) return { file: source, execArgv: ['--import', 'tsx'] };
  for (const built of [join(here, 'read-worker.js'), join(here, '..', 'read-worker.js')]) {
    if (existsSync(built)) return { file: built, execArgv: [] };
  }
  return null;
}

/**
 * Reads that touch many units run here: Piscina's worker threads, each with a read-only connection to the same
 * database file, so the main thread's event loop keeps serving live boards while they run. A database that is not
 * a file (in-memory, in tests) cannot be opened twice: then the tasks run in-process, as before.
 */
export function createReadPool(db: Db): ReadPool {
  const worker = db.memory || db.name === '' ? null : workerFile();
  if (!worker) {
    const tasks = createReadTasks(db);
    return { run: async <T>(task: ReadTask) => tasks.run(task) as T, close: async () => undefined };
  }
  const pool = new Piscina({
    filename: worker.file,
    execArgv: worker.execArgv,
    workerData: { databasePath: db.name },
    minThreads: 1,
    maxThreads: THREADS,
    idleTimeout: 60_000,
  });
  return {
    run: <T>(task: ReadTask) => pool.run(task) as Promise<T>,
    close: () => pool.destroy(),
  };
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Store } from '../store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AnswerEncoding, type ReadAnswer, acceptedEncoding } from './read-answer';
import { type ReadRefusal, type ReadTask, type ReadWorkerData, createReadTasks } from './read-tasks';

export interface ReadPool {
  /** The task's answer, encoded for the client in the pool (null: nothing found). */
  answer(task: ReadTask, encoding: AnswerEncoding | null): Promise<ReadAnswer | ReadRefusal | null>;
  close(): Promise<void>;
}

/**
 * Runs a task for a request and sends its answer as the pool encoded it ('sent'), or says why there was nothing
 * to send ('none': nothing found; or the task's refusal) for the route to answer. The main thread only writes
 * bytes: no serialising, no compressing on the event loop.
 */
export async function sendFromPool(
  pool: ReadPool, task: ReadTask, request: FastifyRequest, reply: FastifyReply, contentType: string,
): Promise<'sent' | 'none' | ReadRefusal['refusal']> {
  const answer = await pool.answer(task, acceptedEncoding(request.headers['accept-encoding']));
  if (answer === null) return 'none';
  if ('refusal' in answer) return answer.refusal;
  reply.type(contentType).header('vary', 'accept-encoding');
  // Set, the compression plugin passes the body through as it is.
  if (answer.encoding) reply.header('content-encoding', answer.encoding);
  // A worker's Buffer arrives as a plain Uint8Array; wrap it without copying.
  reply.send(Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength));
  return 'sent';
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
 * Where a worker finds the store: the SQLite file (opened read-only there) or the PostgreSQL URL (a small pool of
 * its own there). Null when there is nothing a worker could open: an SQLite database in memory (tests).
 */
function workerStore(store: Store): ReadWorkerData | null {
  if (store.engine === 'postgres') {
    const url = store.pool.options.connectionString;
    return url ? { engine: 'postgres', databaseUrl: url } : null;
  }
  const db = store.sqlite;
  return db.memory || db.name === '' ? null : { engine: 'sqlite', databasePath: db.name };
}

/**
 * Reads that touch many units run here: Piscina's worker threads, each with its own read-only connection to the
 * same SQLite file (or a pool of its own to the same PostgreSQL), so the main thread's event loop keeps serving live
 * boards while they run. A database that is not a file (in-memory, in tests) cannot be opened twice: then the tasks
 * run in-process, on the store itself.
 */
export function createReadPool(store: Store, options: { threads?: number } = {}): ReadPool {
  const data = workerStore(store);
  const worker = data ? workerFile() : null;
  if (!worker || !data) {
    const tasks = createReadTasks(store);
    return { answer: (task, encoding) => tasks.answer(task, encoding), close: async () => undefined };
  }
  const pool = new Piscina({
    filename: worker.file,
    execArgv: worker.execArgv,
    workerData: data,
    minThreads: 1,
    maxThreads: options.threads ?? THREADS,
    idleTimeout: 60_000,
    // The pool's threads yield the CPU to the main thread: on a busy (or single) core, live boards' acks and
    // broadcasts run first and the long reads take the time left over.
    niceIncrement: 19,
    // Nothing reads the pool's run- and wait-time histograms; recording them is main-thread work on every task.
    recordTiming: false,
  });
  return {
    answer: (task, encoding) => pool.run({ task, encoding }) as Promise<ReadAnswer | ReadRefusal | null>,
    close: () => pool.destroy(),
  };
}

import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';

/**
 * Runs statements on a PostgreSQL database synchronously, in one transaction: the test helpers that hand out
 * sessions (auth.ts) answer synchronously on both engines, as every test calls them. A worker thread holds the pg
 * connection; this thread waits on a shared flag until the worker has the rows. Only the caller's thread blocks: the
 * server under test answers from PostgreSQL, not from this thread, so waiting cannot deadlock it.
 */
export interface SyncStatement {
  text: string;
  values?: unknown[];
}

let worker: Worker | undefined;

function theWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./postgres-sync-worker.mjs', import.meta.url));
    worker.unref(); // never keeps a test process alive
  }
  return worker;
}

export function queryPostgresSync(url: string, statements: SyncStatement[], timeoutMs = 30_000): unknown[][] {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  theWorker().postMessage({ signal, port: port2, url, statements }, [port2]);
  const waited = Atomics.wait(signal, 0, 0, timeoutMs);
  const message = receiveMessageOnPort(port1);
  port1.close();
  if (waited === 'timed-out' || !message) throw new Error(`PostgreSQL did not answer within ${timeoutMs} ms (${url.replace(/\/\/[^@]*@/, '//')})`);
  const reply = message.message as { results?: unknown[][]; error?: string };
  if (reply.error !== undefined) throw new Error(`PostgreSQL: ${reply.error}`);
  return reply.results!;
}

// The worker behind postgres-sync.ts: runs a list of statements in one transaction on its own connection and hands
// the rows back through the message port, then wakes the waiting thread.
import { parentPort } from 'node:worker_threads';
import pg from 'pg';

const clients = new Map();

async function clientFor(url) {
  let client = clients.get(url);
  if (!client) {
    client = new pg.Client({ connectionString: url });
    await client.connect();
    // A database dropped at the end of its test ends this connection: forget it and reconnect next time.
    client.on('error', () => clients.delete(url));
    client.on('end', () => clients.delete(url));
    clients.set(url, client);
  }
  return client;
}

parentPort.on('message', async ({ signal, port, url, statements }) => {
  let reply;
  try {
    const client = await clientFor(url);
    await client.query('BEGIN');
    try {
      const results = [];
      for (const s of statements) results.push((await client.query(s.text, s.values)).rows);
      await client.query('COMMIT');
      reply = { results };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  } catch (err) {
    clients.get(url)?.end().catch(() => {});
    clients.delete(url);
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});

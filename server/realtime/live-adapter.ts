import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { ServerOptions } from 'socket.io';
import type { Config } from '../config';
import type { KaskadeServer } from './socket-types';

/**
 * How live updates reach the sockets of the other instances:
 * - `memory`: one instance, Socket.IO's in-memory adapter (the default and the quick start).
 * - `redis-streams`: REDIS_URL is set. Preferred when PostgreSQL is there too: the fan-out then stays off the
 *   database every move commits on, which is what limits how many moves a region makes per second. Through
 *   PostgreSQL each relayed message is a transaction of its own that takes the server's one notification-queue
 *   lock as it commits, one over 8000 bytes (a burst of moves) is also written to and read back from a table by
 *   every instance, and one slow listener holds the queue for all. The stream also resumes after a dropped
 *   connection where the adapter's own broadcasts are concerned (overview notices).
 * - `postgres`: DATABASE_URL without REDIS_URL: LISTEN/NOTIFY on the database the instances share, no extra service.
 */
export type LiveTransport = 'memory' | 'postgres' | 'redis-streams';

export function liveTransportFor(config: Pick<Config, 'databaseUrl' | 'redisUrl'>): LiveTransport {
  if (config.redisUrl) return 'redis-streams';
  if (config.databaseUrl) return 'postgres';
  return 'memory';
}

/**
 * The table for relayed messages over NOTIFY's 8000-byte limit (a burst of moves to one board), created by migration
 * 0009 in a schema of its own: it is transport, not the organisation's data, and the two engines' schema stays one.
 */
export const ATTACHMENTS_TABLE = 'kaskade_live.socket_io_attachments';

export interface LiveAdapter {
  transport: LiveTransport;
  /** For `new Server(…, { adapter })`; absent for `memory` (Socket.IO's default). */
  adapter?: ServerOptions['adapter'];
  /** Ends the adapter of `io` (heartbeats, its listening connection) and then its connections. */
  close(io?: KaskadeServer): Promise<void>;
}

export interface LiveAdapterOptions {
  /** Errors the adapter meets while relaying (a dropped connection, a failed publish); it retries by itself. */
  onError?: (err: Error) => void;
  /** Heartbeat between instances (socket.io-adapter's default 5 s; tests use less). */
  heartbeatIntervalMs?: number;
  /**
   * Names the Redis stream (`<prefix>:live`) and Pub/Sub channels (default `kaskade`): deployments, or test runs,
   * sharing one Redis keep apart. (On PostgreSQL each database has its own notifications.)
   */
  redisPrefix?: string;
}

/**
 * The Socket.IO adapter for the configured transport, on connections of its own: the PostgreSQL adapter holds one
 * connection for LISTEN for as long as it runs and publishes on another, so it gets a pool of two, not two of the
 * store's (a burst of publishes then never waits behind commits, nor commits behind publishes). One publishing
 * connection also keeps this instance's NOTIFYs in the order they were sent.
 * The adapters are loaded only when asked for: a single instance needs neither.
 */
/**
 * A CommonJS package loaded with `import()`: Node and tsx give its exports as named ones, but the production bundle
 * (esbuild, scripts/build-server.ts) gives only `default` (module.exports), so the built server on PostgreSQL or
 * Redis stopped with "createAdapter is not a function". `default` is module.exports in both, so read it when present.
 */
function commonJs<T extends object>(mod: T): T {
  return (mod as { default?: T }).default ?? mod;
}

export async function createLiveAdapter(config: Pick<Config, 'databaseUrl' | 'redisUrl'>, options: LiveAdapterOptions = {}): Promise<LiveAdapter> {
  const transport = liveTransportFor(config);
  const onError = options.onError ?? (() => {});
  const heartbeat = options.heartbeatIntervalMs === undefined ? {} : { heartbeatInterval: options.heartbeatIntervalMs, heartbeatTimeout: options.heartbeatIntervalMs * 2 };
  if (transport === 'redis-streams') {
    const { Redis } = commonJs(await import('ioredis'));
    const { createAdapter } = commonJs(await import('@socket.io/redis-streams-adapter'));
    const redis: Redis = new Redis(config.redisUrl!);
    const prefix = options.redisPrefix ?? 'kaskade';
    // ioredis reconnects by itself; unheard, each failed attempt would be an unhandled 'error' event.
    redis.on('error', (err: Error) => onError(err));
    return {
      transport,
      adapter: createAdapter(redis, { streamName: `${prefix}:live`, channelPrefix: prefix, ...heartbeat }),
      close: async (io) => {
        await closeAdapter(io);
        // QUIT waits for a connection; to a Redis that is away it would wait out every retry.
        if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
        else redis.disconnect();
      },
    };
  }
  if (transport === 'postgres') {
    const { createPool } = await import('../store/postgres');
    const { createAdapter } = commonJs(await import('@socket.io/postgres-adapter'));
    const pool: pg.Pool = createPool(config.databaseUrl!, { max: 2, applicationName: 'kaskade-live' });
    return {
      transport,
      adapter: createAdapter(pool, { tableName: ATTACHMENTS_TABLE, errorHandler: onError, ...heartbeat }),
      close: async (io) => {
        await closeAdapter(io);
        await endPool(pool);
      },
    };
  }
  return { transport, close: async () => {} };
}

/**
 * Ends the adapter's pool without waiting on a client it will never get back. When its LISTEN connection ends (the
 * database restarted), @socket.io/postgres-adapter drops that client and connects another, without releasing the
 * dead one; pg's `pool.end()` waits for every client it handed out, so it would wait forever and shutdown with it.
 * The dropped client's socket is already closed, and the live ones are released by the adapter's close, so a
 * moment is all the pool needs.
 */
async function endPool(pool: pg.Pool, waitMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([pool.end(), new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}

/**
 * The app closes its sockets and engine, not the Socket.IO server (see app.ts), so the adapter's own close (its
 * heartbeat timer, its LISTEN connection or stream reader, a farewell to the other instances) is called here.
 */
async function closeAdapter(io: KaskadeServer | undefined): Promise<void> {
  await io?.of('/').adapter.close();
}

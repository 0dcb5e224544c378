// Live updates across instances: two real Socket.IO servers (real HTTP on loopback) joined by the PostgreSQL
// adapter (a database of their own, dropped after) or the Redis streams adapter (a stream and channels of their own,
// deleted after). What one instance relays reaches the clients of the other, once.
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { projectRoot } from '../../server/config';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { OVERVIEW_ROOM } from '../../server/realtime/socket-types';
import { ATTACHMENTS_TABLE, liveTransportFor } from '../../server/realtime/live-adapter';
import { type TestDatabase, createTestDatabase } from '../support/postgres';
import { TcpProxy } from '../reliability/helpers/tcp-proxy';
import {
  type LiveClient,
  type LiveInstance,
  TEST_REDIS_URL,
  boardEvent,
  liveClient,
  randomId,
  startLiveInstance,
  untilConnected,
} from '../support/live-instances';

const seqs = (c: LiveClient) => c.batches.flat().map((e) => e.seq);

describe('which adapter carries live updates', () => {
  it('is Redis streams when REDIS_URL is set (with or without PostgreSQL), PostgreSQL with DATABASE_URL alone, else memory', () => {
    const pgUrl = 'postgres://k@db:5432/k';
    const redisUrl = 'redis://cache:6379';
    expect(liveTransportFor({ databaseUrl: pgUrl, redisUrl })).toBe('redis-streams');
    expect(liveTransportFor({ databaseUrl: null, redisUrl })).toBe('redis-streams');
    expect(liveTransportFor({ databaseUrl: pgUrl, redisUrl: null })).toBe('postgres');
    expect(liveTransportFor({ databaseUrl: null, redisUrl: null })).toBe('memory');
  });
});

interface Transport {
  name: string;
  setUp(): Promise<{ config: { databaseUrl: string | null; redisUrl: string | null }; prefix?: string; tearDown(): Promise<void> }>;
}

const transports: Transport[] = [
  {
    name: 'PostgreSQL adapter',
    async setUp() {
      const db: TestDatabase = await createTestDatabase();
      const pool = new pg.Pool({ connectionString: db.url, max: 1 });
      try {
        await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
      } finally {
        await pool.end();
      }
      return { config: { databaseUrl: db.url, redisUrl: null }, tearDown: () => db.drop() };
    },
  },
  {
    name: 'Redis streams adapter',
    async setUp() {
      const prefix = randomId('kaskade-test');
      return {
        config: { databaseUrl: null, redisUrl: TEST_REDIS_URL },
        prefix,
        async tearDown() {
          const redis = new Redis(TEST_REDIS_URL);
          await redis.del(`${prefix}:live`);
          await redis.quit();
        },
      };
    },
  },
];

describe.each(transports)('two instances through the $name', (transport) => {
  let a: LiveInstance;
  let b: LiveInstance;
  let tearDown: () => Promise<void>;
  let config: { databaseUrl: string | null; redisUrl: string | null };
  const clients: LiveClient[] = [];
  const client = async (instance: LiveInstance, auth: { board?: string; overview?: boolean }) => {
    const c = await liveClient(instance.url, auth);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    const setUp = await transport.setUp();
    tearDown = setUp.tearDown;
    config = setUp.config;
    a = await startLiveInstance(setUp.config, setUp.prefix);
    b = await startLiveInstance(setUp.config, setUp.prefix);
    await untilConnected([a, b]);
  }, 30_000);
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await tearDown?.();
  });

  it('sends a commit relayed by one instance to its board room on the other, once, and nowhere else', async () => {
    const board = randomId('board');
    const here = await client(a, { board });
    const there = await client(b, { board });
    const otherBoard = await client(b, { board: randomId('board') });

    a.relay.toRoom(board, [boardEvent(board, 1), boardEvent(board, 2)]);
    await there.until((c) => seqs(c).length === 2);
    await here.until((c) => seqs(c).length === 2);
    expect(there.batches).toEqual([[boardEvent(board, 1), boardEvent(board, 2)]]);
    expect(here.batches).toEqual([[boardEvent(board, 1), boardEvent(board, 2)]]);

    // Back the other way; a relayed batch the room here already has (a late one) is not sent to it again.
    b.relay.toRoom(board, [boardEvent(board, 3)]);
    await here.until((c) => seqs(c).includes(3));
    b.relay.toRoom(board, [boardEvent(board, 2)]);
    b.relay.toRoom(board, [boardEvent(board, 4)]);
    await here.until((c) => seqs(c).includes(4));
    expect(seqs(here)).toEqual([1, 2, 3, 4]);
    // An event committed on B just before A committed the next one arrives late at A: still sent (it fills the
    // hole its clients hold open for it), once.
    a.relay.toRoom(board, [boardEvent(board, 6)]);
    b.relay.toRoom(board, [boardEvent(board, 5)]);
    b.relay.toRoom(board, [boardEvent(board, 5)]);
    b.relay.toRoom(board, [boardEvent(board, 7)]);
    await here.until((c) => seqs(c).includes(7));
    expect(seqs(here)).toEqual([1, 2, 3, 4, 6, 5, 7]);
    expect(otherBoard.batches).toEqual([]);
  });

  it("keeps one instance's batches to a board in the order it sent them", async () => {
    const board = randomId('board');
    const there = await client(b, { board });
    for (let seq = 1; seq <= 40; seq++) a.relay.toRoom(board, [boardEvent(board, seq)]);
    await there.until((c) => seqs(c).length === 40);
    expect(seqs(there)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('relays a batch larger than a NOTIFY may carry (a burst of moves)', async () => {
    const board = randomId('board');
    const there = await client(b, { board });
    const burst = Array.from({ length: 20 }, (_, i) => boardEvent(board, i + 1, 1000));
    expect(JSON.stringify(burst).length).toBeGreaterThan(8000);
    a.relay.toRoom(board, burst);
    await there.until((c) => seqs(c).length === 20);
    expect(there.batches).toEqual([burst]);
    if (config.databaseUrl) {
      // It went through the attachments table that migration 0009 creates.
      const check = new pg.Client({ connectionString: config.databaseUrl });
      await check.connect();
      const { rows } = await check.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ATTACHMENTS_TABLE}`);
      await check.end();
      expect(rows[0]!.n).toBeGreaterThan(0);
    }
  });

  it('tells the overview pages on every instance (a plain room broadcast through the adapter)', async () => {
    const overview = await client(b, { overview: true });
    a.io.to(OVERVIEW_ROOM).emit('overview:changed');
    await overview.until((c) => c.overviewNotices === 1);
  });
});

describe('a shared service that stalls', () => {
  it("does not hold this instance's own sockets: they hear a commit at once while Redis answers nothing", async () => {
    const proxy = await TcpProxy.start(Number(new URL(TEST_REDIS_URL).port || 6379));
    const prefix = randomId('kaskade-test');
    const [a, b] = [
      await startLiveInstance({ databaseUrl: null, redisUrl: proxy.url.replace('http:', 'redis:') }, prefix),
      await startLiveInstance({ databaseUrl: null, redisUrl: TEST_REDIS_URL }, prefix),
    ];
    try {
      await untilConnected([a, b]);
      const board = randomId('board');
      const here = await liveClient(a.url, { board });
      const there = await liveClient(b.url, { board });
      proxy.blackhole();
      a.relay.toRoom(board, [boardEvent(board, 1)]);
      await here.until((c) => c.batches.length === 1, 1000);
      // Through the adapter's own broadcast the local sockets would wait for the publish (socket.io-adapter awaits
      // it before its local send): nothing arrives here while Redis is away.
      a.io.to(`board:${board}`).emit('board:events', [boardEvent(board, 2)]);
      await new Promise((r) => setTimeout(r, 500));
      expect(here.batches.map((b) => b.map((e) => e.seq))).toEqual([[1]]);
      // Once Redis answers again, the relayed commit reaches the other instance as well.
      proxy.heal();
      await there.until((c) => c.batches.flat().some((e) => e.seq === 1), 10_000);
      here.close();
      there.close();
    } finally {
      proxy.heal();
      await a.close();
      await b.close();
      await proxy.close();
      const redis = new Redis(TEST_REDIS_URL);
      await redis.del(`${prefix}:live`);
      await redis.quit();
    }
  }, 30_000);
});

// Live updates across instances: how long a batch takes to reach a client on the committing instance and on the
// other one, through the adapter's own broadcast (`io.to(room).emit`) and through the relay (board-relay.ts), on the
// PostgreSQL and the Redis streams adapters. Run: npx tsx bench/live-relay-latency.ts (PostgreSQL and Redis as for
// the tests). Findings: bench/FINDINGS.md, "Live updates across instances".
import pg from 'pg';
import { join } from 'node:path';
import { projectRoot } from '../server/config';
import { migratePostgres } from '../server/store/migrate-postgres';
import { createTestDatabase } from '../tests/support/postgres';
import { TEST_REDIS_URL, boardEvent, liveClient, randomId, startLiveInstance, untilConnected } from '../tests/support/live-instances';
import { boardRoom } from '../server/realtime/socket-types';

const N = 300;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

async function run(name: string, config: { databaseUrl: string | null; redisUrl: string | null }, prefix?: string) {
  const a = await startLiveInstance(config, prefix);
  const b = await startLiveInstance(config, prefix);
  await untilConnected([a, b]);
  const board = randomId('board');
  const here = await liveClient(a.url, { board });
  const there = await liveClient(b.url, { board });
  let seq = 0;
  const measure = async (send: (s: number) => void) => {
    const local: number[] = [];
    const remote: number[] = [];
    for (let i = 0; i < N; i++) {
      const s = ++seq;
      const t0 = performance.now();
      const gotHere = new Promise<void>((r) => here.socket.once('board:events', () => r()));
      const gotThere = new Promise<void>((r) => there.socket.once('board:events', () => r()));
      send(s);
      await gotHere.then(() => local.push(performance.now() - t0));
      await gotThere.then(() => remote.push(performance.now() - t0));
    }
    return `local p50 ${pct(local, 0.5).toFixed(2)} p99 ${pct(local, 0.99).toFixed(2)} ms; other instance p50 ${pct(remote, 0.5).toFixed(2)} p99 ${pct(remote, 0.99).toFixed(2)} ms`;
  };
  const viaAdapter = await measure((s) => a.io.to(boardRoom(board)).emit('board:events', [boardEvent(board, s)]));
  const viaRelay = await measure((s) => a.relay.toRoom(board, [boardEvent(board, s)]));
  // Local sends while the publish is slow: a local-only baseline.
  const localOnly = await measure((s) => {
    a.io.local.to(boardRoom(board)).emit('board:events', [boardEvent(board, s)]);
    b.io.local.to(boardRoom(board)).emit('board:events', [boardEvent(board, s)]);
  });
  console.log(`${name}\n  io.to(room).emit through the adapter: ${viaAdapter}\n  relay (local at once, serverSideEmit to the rest): ${viaRelay}\n  in-memory baseline (each instance sends locally): ${localOnly}`);
  here.close();
  there.close();
  await a.close();
  await b.close();
}

const db = await createTestDatabase();
const pool = new pg.Pool({ connectionString: db.url, max: 1 });
await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
await pool.end();
await run('PostgreSQL adapter', { databaseUrl: db.url, redisUrl: null });
await db.drop();
await run('Redis streams adapter', { databaseUrl: null, redisUrl: TEST_REDIS_URL }, randomId('kaskade-measure'));
process.exit(0);

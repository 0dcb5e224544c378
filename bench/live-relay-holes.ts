// Live updates across instances: how often a reader sees a hole in a board's seqs (and so re-joins to catch up from
// the log) when writers on two instances move cards on the same board at once. Two whole instances in processes of
// their own on one SQLite file, joined through Redis streams (tests/support/app-instances.ts); writers and readers
// on both. Run: npx tsx bench/live-relay-holes.ts. Findings: bench/FINDINGS.md, "Live updates across instances".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { connectClient, opId } from '../tests/helpers/socket-client';
import { createReliabilityDatabase } from '../tests/reliability/helpers/fixture';
import { killAllChildren } from '../tests/reliability/helpers/child-server';
import { startAppInstances } from '../tests/support/app-instances';
import { TEST_REDIS_URL, randomId } from '../tests/support/live-instances';

const SECONDS = Number(process.env.SECONDS_PER_RUN ?? 10);
const WRITERS_PER_INSTANCE = 2;
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 20);

const dir = mkdtempSync(join(tmpdir(), 'kaskade-holes-'));
const prefix = randomId('kaskade-bench');
try {
  const path = join(dir, 'kaskade.db');
  const [board] = createReliabilityDatabase(path, 1, 6);
  const cluster = await startAppInstances(2, { databasePath: path, redisUrl: TEST_REDIS_URL, env: { REDIS_PREFIX: prefix } });
  const urls = cluster.instances.map((i) => i.url);
  const readers = await Promise.all(urls.map((u, i) => connectClient(u, `Reader ${i}`)));
  const writers = await Promise.all(urls.flatMap((u, i) => Array.from({ length: WRITERS_PER_INSTANCE }, (_, w) => connectClient(u, `Writer ${i}.${w}`))));
  for (const c of [...readers, ...writers]) await c.join(board!.id);
  // Let the adapters connect: one move, heard on both.
  await writers[0]!.request('card:move', { opId: opId(), boardId: board!.id, cardId: 'rcard-0-0', toColumnId: board!.columns[1], index: 0 });
  await new Promise((r) => setTimeout(r, 2000));
  const from = readers.map((r) => r.events.length);
  // When each event reached each reader, to tell a hole filled by a late relay within a client's grace from one
  // that needs a catch-up from the log.
  const arrivals = readers.map((r) => {
    const at = new Map<number, number>();
    r.socket.on('board:events', (batch) => {
      for (const e of batch) if (!at.has(e.seq)) at.set(e.seq, performance.now());
    });
    return at;
  });

  // Each reader's holes: a received event more than one past the last seq it had applied (as the client's buffer
  // would see it; a later catch-up is not simulated, the seqs themselves are counted).
  let acked = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(writers.map(async (w, i) => {
    let n = 0;
    while (Date.now() < until) {
      const ack = await w.request('card:move', {
        opId: opId(), boardId: board!.id, cardId: `rcard-0-${(i + n++) % 6}`, toColumnId: board!.columns[n % 3], index: n % 4,
      });
      if ((ack as { ok: boolean }).ok) acked++;
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
  }));
  await new Promise((r) => setTimeout(r, 2000));
  readers.forEach((reader, i) => {
    const seqs = reader.events.slice(from[i]).map((e) => e.seq);
    const at = arrivals[i]!;
    let holes = 0;
    let outOfOrder = 0;
    const fillMs: number[] = [];
    let last = seqs[0]! - 1;
    for (const s of seqs) {
      if (s > last + 1) {
        holes++;
        // The hole is filled when every missing seq has arrived: how long after the event that opened it.
        const missing = Array.from({ length: s - last - 1 }, (_, k) => last + 1 + k);
        const filled = missing.every((m) => at.has(m)) ? Math.max(...missing.map((m) => at.get(m)!)) - at.get(s)! : Infinity;
        fillMs.push(filled);
      }
      if (s <= last) outOfOrder++;
      last = Math.max(last, s);
    }
    const within = (ms: number) => fillMs.filter((f) => f <= ms).length;
    console.log(
      `reader on instance ${i}: ${seqs.length} events, ${holes} holes (${((100 * holes) / seqs.length).toFixed(1)} per 100), ` +
        `${outOfOrder} late arrivals; holes filled by a late relay within 50 ms: ${within(50)}, 150 ms: ${within(150)}, never: ${fillMs.filter((f) => f === Infinity).length}`,
    );
  });
  console.log(`${acked} moves acknowledged in ${SECONDS} s by ${writers.length} writers on 2 instances (pause ${PAUSE_MS} ms)`);
  for (const c of [...readers, ...writers]) c.close();
  await cluster.stop();
} finally {
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
  const redis = new Redis(TEST_REDIS_URL);
  await redis.del(`${prefix}:live`);
  await redis.quit();
}
process.exit(0);

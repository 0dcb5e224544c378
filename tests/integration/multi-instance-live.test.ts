// Two whole Kaskade instances in processes of their own, sharing one database and REDIS_URL: a card moved through
// instance A reaches a screen connected to instance B, in seq order, once. Until the store runs on PostgreSQL the
// instances share an SQLite file (both on this machine); the helper takes DATABASE_URL for the real thing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, opId } from '../helpers/socket-client';
import { createReliabilityDatabase } from '../reliability/helpers/fixture';
import { killAllChildren } from '../reliability/helpers/child-server';
import { type AppInstances, startAppInstances } from '../support/app-instances';
import { TEST_REDIS_URL, randomId } from '../support/live-instances';

const dir = mkdtempSync(join(tmpdir(), 'kaskade-multi-'));
let cluster: AppInstances | undefined;
afterAll(async () => {
  await cluster?.stop();
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
});

describe('several instances, live (Redis streams adapter)', () => {
  it('sends a move made through one instance to the screens on the other', async () => {
    const path = join(dir, 'kaskade.db');
    const [board] = createReliabilityDatabase(path, 1);
    // The instances' Redis names are their own: another run on the same Redis does not hear these.
    const prefix = randomId('kaskade-test');
    cluster = await startAppInstances(2, { databasePath: path, redisUrl: TEST_REDIS_URL, env: { REDIS_PREFIX: prefix } });
    const [a, b] = cluster.instances;

    const mover = await connectClient(a!.url, 'Mover');
    const screen = await connectClient(b!.url, 'Screen');
    try {
      expect(await mover.join(board!.id)).toMatchObject({ ok: true, seq: 0 });
      expect(await screen.join(board!.id)).toMatchObject({ ok: true, seq: 0 });

      // The adapters connect after the server listens: move until the other instance hears, then count from there.
      const moveTo = (column: string, index: number) =>
        mover.request('card:move', { opId: opId(), boardId: board!.id, cardId: 'rcard-0-0', toColumnId: column, index });
      const deadline = Date.now() + 15_000;
      while (screen.events.length === 0) {
        if (Date.now() > deadline) throw new Error(`instance B never heard of a move on A:\n${b!.output()}`);
        expect(await moveTo(board!.columns[1]!, 0)).toMatchObject({ ok: true });
        await new Promise((r) => setTimeout(r, 200));
      }
      const heard = screen.events.length;
      for (let i = 0; i < 10; i++) expect(await moveTo(board!.columns[i % 3]!, 0)).toMatchObject({ ok: true });
      const last = mover.events.at(-1)!.seq;
      const until = Date.now() + 10_000;
      while (screen.events.at(-1)?.seq !== last && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      // Every move from then on, in seq order, once.
      const seqs = screen.events.slice(heard).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => last - 9 + i));
    } finally {
      mover.close();
      screen.close();
      const redis = new Redis(TEST_REDIS_URL);
      await redis.del(`${prefix}:live`);
      await redis.quit();
    }
  }, 180_000);
});

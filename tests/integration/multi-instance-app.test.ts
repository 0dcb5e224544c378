// Two whole app instances (real HTTP, real Socket.IO) in this process, on one SQLite file, joined by the Redis
// streams adapter, with revalidation rounds an hour apart: signing out on one ends the session's sockets on the other
// at once; a move whose relay was lost still reaches the other's screens from the log; shutting one instance down
// closes its own sockets only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { type Config, projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open-database';
import { type RunningServer, startServer } from '../../server/server';
import { createTestSession, registerTestDatabase, sessionCookie } from '../helpers/auth';
import { FIXTURE, createFixtureOrganisation } from '../helpers/fixtures';
import { connectClient, opId } from '../helpers/socket-client';
import { TEST_REDIS_URL, randomId } from '../support/live-instances';

const dir = mkdtempSync(join(tmpdir(), 'kaskade-signals-'));
const prefix = randomId('kaskade-test');
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  const redis = new Redis(TEST_REDIS_URL);
  await redis.del(`${prefix}:live`);
  await redis.quit();
  rmSync(dir, { recursive: true, force: true });
});

describe('two app instances (Redis streams adapter)', () => {
  it("disconnects a signed-out session's socket on the other instance at once", async () => {
    const databasePath = join(dir, 'kaskade.db');
    const db = openDatabase(databasePath);
    migrate(db, join(projectRoot, 'migrations'));
    createFixtureOrganisation(db);
    db.close();
    const config: Config = {
      port: 0, host: '127.0.0.1', databasePath, migrationsDir: join(projectRoot, 'migrations'), clientDir: null, seedDemo: false,
      redisUrl: TEST_REDIS_URL, redisPrefix: prefix,
    };
    // Revalidation rounds an hour apart: a disconnect within seconds can only come from the signal.
    for (let i = 0; i < 2; i++) {
      const srv = await startServer(config, { app: { revalidateMs: 3_600_000 } });
      servers.push(srv);
      registerTestDatabase(srv.url, databasePath);
    }
    const [a, b] = servers;
    const session = createTestSession(databasePath, 'Pia');
    const bystander = await connectClient(b!.url, 'Bo');

    // Wait until B hears A (the adapters connect after the servers listen): probe with signals until one lands.
    const heard = new Promise<void>((resolve) => b!.io.on('sockets:revalidate', () => resolve()));
    const probe = setInterval(() => a!.io.serverSideEmit('sockets:revalidate'), 100);
    await heard;
    clearInterval(probe);

    const screen = await connectClient(b!.url, 'Pia', { token: session.token });
    const gone = new Promise<string>((resolve, reject) => {
      screen.socket.once('disconnect', resolve);
      setTimeout(() => reject(new Error('still connected 5 s after signing out on the other instance')), 5000).unref();
    });
    const res = await fetch(`${a!.url}/api/auth/logout`, { method: 'POST', headers: { cookie: sessionCookie(session.token), 'x-kaskade-csrf': '1' } });
    expect(res.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    // Only that session: another person's socket on B stays.
    expect(bystander.socket.connected).toBe(true);
    bystander.close();
  }, 60_000);

  it("sends a move whose relay was lost to the other instance's screens from the log (the relay sweep, every 5 s)", async () => {
    const [a, b] = servers;
    const mover = await connectClient(a!.url, 'Mover');
    const screen = await connectClient(b!.url, 'Screen');
    const board = FIXTURE.clinicBoard;
    expect(await mover.join(board)).toMatchObject({ ok: true });
    expect(await screen.join(board)).toMatchObject({ ok: true });
    // B stops hearing relays (as while its LISTEN connection or its Pub/Sub subscription is down).
    b!.io.of('/').removeAllListeners('board:committed');
    await new Promise((r) => setTimeout(r, 6000)); // B's sweep has seen the board
    const card = { id: `card-${Date.now()}`, columnId: FIXTURE.columns.todo, type: 'action', title: 'Lost relay' };
    expect(await mover.request('card:create', { opId: opId(), boardId: board, card })).toMatchObject({ ok: true });
    const seq = mover.events.at(-1)!.seq;
    const deadline = Date.now() + 15_000;
    while (!screen.events.some((e) => e.seq === seq)) {
      if (Date.now() > deadline) throw new Error('the lost relay was never made good');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(screen.events.filter((e) => e.seq === seq)).toHaveLength(1);
    mover.close();
    screen.close();
  }, 60_000);

  it('closes only its own sockets when one instance shuts down (a rolling deploy), not those of the others', async () => {
    const [a, b] = servers;
    const stays = await connectClient(b!.url, 'Bo');
    const leaves = await connectClient(a!.url, 'Ea');
    const told = new Promise<string>((resolve) => leaves.socket.once('disconnect', resolve));
    await a!.close();
    servers.splice(servers.indexOf(a!), 1);
    expect(await told).toBe('io server disconnect');
    // Give a cluster-wide disconnect, were one sent, time to arrive.
    await new Promise((r) => setTimeout(r, 1000));
    expect(stays.socket.connected).toBe(true);
    stays.close();
  }, 60_000);
});

// Signing out on one instance ends that session's sockets on the others at once, not at their next revalidation
// round. Two whole app instances (real HTTP, real Socket.IO) on one SQLite file, joined by the Redis streams
// adapter, with revalidation rounds far apart so only the signal can explain a prompt disconnect.
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
import { createFixtureOrganisation } from '../helpers/fixtures';
import { connectClient } from '../helpers/socket-client';
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

describe('session signals across instances (Redis streams adapter)', () => {
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

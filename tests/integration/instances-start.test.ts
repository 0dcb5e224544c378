import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Config, projectRoot } from '../../server/config';
import { type RunningServer, startServer } from '../../server/server';
import { createTestDatabase } from '../support/postgres';

// What several instances on one PostgreSQL must agree on from their first start: the demo and its logins written
// once when they start together on an empty database, and one clock for meeting timers.
const dir = mkdtempSync(join(tmpdir(), 'kaskade-instances-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = (databaseUrl?: string): Config => ({
  port: 0, host: '127.0.0.1', databasePath: join(dir, 'kaskade.db'), migrationsDir: join(projectRoot, 'migrations'), clientDir: null, seedDemo: true,
  ...(databaseUrl && { databaseUrl }),
});

/** The time an HTTP answer says it was sent (whole seconds): what a screen measures its offset from. */
const dateHeader = async (server: RunningServer) => Date.parse((await fetch(`${server.url}/api/health`)).headers.get('date')!);

describe('instances on one PostgreSQL', () => {
  it('start together on an empty database: both come up, the demo and its logins written once, on the database clock', async () => {
    const pgDb = await createTestDatabase();
    const servers: RunningServer[] = [];
    try {
      const started = await Promise.allSettled([startServer(config(pgDb.url), { env: {} }), startServer(config(pgDb.url), { env: {} })]);
      for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started']);
      const [a] = servers;
      const users = await a!.store.all(a!.store.q.selectFrom('users').select('username'));
      expect(users.map((u) => u.username).sort()).toEqual(['admin', 'laeser', 'leder', 'n2', 'nord']);

      // Both stamp with the database's clock: their readings agree with the database's own within a second.
      const client = new pg.Client({ connectionString: pgDb.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ ms: number }>('SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS ms');
        for (const s of servers) {
          expect(Math.abs(s.clock.now().getTime() - rows[0]!.ms)).toBeLessThan(1000);
          expect('offsetMs' in s.clock).toBe(true);
          expect(Math.abs((await dateHeader(s)) - rows[0]!.ms)).toBeLessThan(2000);
        }
      } finally {
        await client.end();
      }
    } finally {
      for (const s of servers) await s.close();
      await pgDb.drop();
    }
  }, 180_000);

  it('tells screens the app clock in /api/health, the one meeting starts are stamped with', async () => {
    const hourAhead = { now: () => new Date(Date.now() + 3600_000) };
    const server = await startServer(config(), { env: {}, app: { clock: hourAhead } });
    try {
      expect(server.clock).toBe(hourAhead);
      expect(Math.abs((await dateHeader(server)) - (Date.now() + 3600_000))).toBeLessThan(2000);
    } finally {
      await server.close();
    }
  }, 120_000);
});

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Config, projectRoot } from '../../server/config';
import { openDatabase } from '../../server/db/open-database';
import { startServer } from '../../server/server';
import { createTestDatabase } from '../support/postgres';

// A production start on a database that was once a demo: refused while the public demo password still works.
const dir = mkdtempSync(join(tmpdir(), 'kaskade-prod-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = (file: string, seedDemo: boolean): Config => ({
  port: 0, host: '127.0.0.1', databasePath: join(dir, file), migrationsDir: join(projectRoot, 'migrations'), clientDir: null, seedDemo,
});
const production = { NODE_ENV: 'production', ADMIN_USERNAME: 'driftsadmin', ADMIN_PASSWORD: 'et-langt-kodeord-1' };

describe('production start', () => {
  it('refuses a demo database with the public password, says why and how to fix it, and starts once fixed', async () => {
    const demo = await startServer(config('demo.db', true), { env: {} });
    await demo.close();
    const refused = startServer(config('demo.db', false), { env: production });
    await expect(refused).rejects.toThrow(/Refusing to start in production: the demo logins .*admin.* "kaskade-demo"/);
    await expect(startServer(config('demo.db', false), { env: production })).rejects.toThrow(/new, empty database/);

    const db = openDatabase(join(dir, 'demo.db'));
    db.prepare("UPDATE users SET disabled = 1 WHERE id LIKE 'u-demo-%'").run();
    db.close();
    const fixed = await startServer(config('demo.db', false), { env: production });
    expect(fixed.adminNote).toMatch(/ignored: the database already has users/);
    await fixed.close();
  }, 120_000);

  it('creates the first administrator on an empty database, and says so', async () => {
    const fresh = await startServer(config('fresh.db', false), { env: production });
    expect(fresh.adminNote).toMatch(/created the first administrator "driftsadmin"/);
    await fresh.close();
    const again = await startServer(config('fresh.db', false), { env: { NODE_ENV: 'production' } });
    expect(again.adminNote).toMatch(/not set/);
    await again.close();
  });

  it('starts on PostgreSQL with DATABASE_URL: migrates, seeds the demo once, serves it, and never touches the SQLite file', async () => {
    const pgDb = await createTestDatabase();
    try {
      const withUrl = { ...config('never.db', true), databaseUrl: pgDb.url };
      const first = await startServer(withUrl, { env: {} });
      expect(first.store.engine).toBe('postgres');
      expect(first.demoLogins.map((l) => l.username)).toContain('leder');
      const boards = (await first.store.all(first.store.q.selectFrom('boards').select('id'))).length;
      expect(boards).toBeGreaterThan(5);
      const health = await fetch(`${first.url}/api/health`);
      expect(health.status).toBe(200);
      await first.close();
      // A second start (another instance, a restart) finds the organisation and seeds nothing twice.
      const second = await startServer(withUrl, { env: {} });
      expect((await second.store.all(second.store.q.selectFrom('boards').select('id'))).length).toBe(boards);
      expect(() => second.db).toThrow(/PostgreSQL/);
      await second.close();
      expect(existsSync(join(dir, 'never.db'))).toBe(false);
    } finally {
      await pgDb.drop();
    }
  }, 120_000);
});

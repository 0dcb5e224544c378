// The PostgreSQL migration runner: the same refusal of drift as the SQLite runner, one transaction per migration,
// and an advisory lock so instances starting together migrate one at a time.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { MigrationDriftError, readMigrations } from '../../server/db/migrate';
import { MIGRATION_LOCK, migratePostgres } from '../../server/store/migrate-postgres';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

const DIR = join(projectRoot, 'migrations', 'postgres');
const ALL = readMigrations(DIR).map((m) => m.name);

describe('migratePostgres', () => {
  let pgDb: TestDatabase;
  const pools: pg.Pool[] = [];
  const pool = () => {
    const p = new pg.Pool({ connectionString: pgDb.url, max: 3 });
    pools.push(p);
    return p;
  };
  const tmpDirs: string[] = [];
  beforeEach(async () => {
    pgDb = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await pgDb.drop();
  });
  afterAll(() => {
    for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
  });

  it('applies every migration once, in order, and nothing on the next start', async () => {
    const p = pool();
    expect(await migratePostgres(p, DIR)).toEqual({ applied: ALL });
    expect(await migratePostgres(p, DIR)).toEqual({ applied: [] });
    const { rows } = await p.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name');
    expect(rows).toEqual(readMigrations(DIR).map(({ name, checksum }) => ({ name, checksum })));
  });

  it('refuses to start when an applied migration was changed or is missing from the files', async () => {
    const p = pool();
    await migratePostgres(p, DIR);
    await p.query("UPDATE schema_migrations SET checksum = 'edited' WHERE name = $1", [ALL[2]]);
    await expect(migratePostgres(p, DIR)).rejects.toThrow(MigrationDriftError);
    await expect(migratePostgres(p, DIR)).rejects.toThrow(`Migration ${ALL[2]} was changed after it was applied`);

    await p.query("UPDATE schema_migrations SET checksum = $1 WHERE name = $2", [readMigrations(DIR)[2]!.checksum, ALL[2]]);
    const fewer = mkdtempSync(join(tmpdir(), 'kaskade-pgmig-'));
    tmpDirs.push(fewer);
    for (const name of ALL.slice(0, 3)) copyFileSync(join(DIR, name), join(fewer, name));
    await expect(migratePostgres(p, fewer)).rejects.toThrow(/files end before it/);
    // The lock was given back after each refusal: a good start still gets it.
    expect(await migratePostgres(p, DIR)).toEqual({ applied: [] });
  });

  it('rolls a failing migration back whole and records only the ones before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaskade-pgmig-'));
    tmpDirs.push(dir);
    for (const name of ALL.slice(0, 2)) copyFileSync(join(DIR, name), join(dir, name));
    writeFileSync(join(dir, '0003_broken.sql'), 'CREATE TABLE half_done (id TEXT PRIMARY KEY);\nCREATE TABLE nope (id NO_SUCH_TYPE);\n');
    const p = pool();
    await expect(migratePostgres(p, dir)).rejects.toThrow(/0003_broken\.sql failed/);
    const { rows } = await p.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(ALL.slice(0, 2));
    const { rows: half } = await p.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    expect(half).toEqual([]);
  });

  it('lets two instances starting at once migrate one after the other: every migration applied exactly once', async () => {
    const results = await Promise.all([migratePostgres(pool(), DIR), migratePostgres(pool(), DIR)]);
    expect(results.map((r) => r.applied).sort((a, b) => b.length - a.length)).toEqual([ALL, []]);
    const { rows } = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]!.n).toBe(ALL.length);
  });

  it('waits for the migration lock while another session holds it', async () => {
    const holder = new pg.Client({ connectionString: pgDb.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
      const p = pool();
      let done = false;
      const run = migratePostgres(p, DIR).then((r) => {
        done = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(done).toBe(false);
      const { rows } = await p.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations'");
      expect(rows).toEqual([]);
      await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]);
      expect((await run).applied).toEqual(ALL);
    } finally {
      await holder.end();
    }
  });
});

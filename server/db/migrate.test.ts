import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../config';
import { MigrationDriftError, migrate } from './migrate';
import { type Db, openDatabase } from './open-database';

describe('migrate', () => {
  let dir: string;
  let migrations: string;
  let db: Db;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaskade-migrate-'));
    migrations = join(dir, 'migrations');
    writeFiles({
      '0001_first.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
      '0002_second.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY);',
    });
    db = openDatabase(join(dir, 'test.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function writeFiles(files: Record<string, string>) {
    rmSync(migrations, { recursive: true, force: true });
    mkdirSync(migrations, { recursive: true });
    for (const [name, sql] of Object.entries(files)) writeFileSync(join(migrations, name), sql);
  }

  it('applies pending migrations in order and records them', () => {
    expect(migrate(db, migrations).applied).toEqual(['0001_first.sql', '0002_second.sql']);
    expect(migrate(db, migrations).applied).toEqual([]);
    const names = db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all();
    expect(names).toEqual(['0001_first.sql', '0002_second.sql']);
  });

  it('applies a new file added later', () => {
    migrate(db, migrations);
    writeFiles({
      '0001_first.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
      '0002_second.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY);',
      '0003_third.sql': 'CREATE TABLE c (id INTEGER PRIMARY KEY);',
    });
    expect(migrate(db, migrations).applied).toEqual(['0003_third.sql']);
  });

  it('refuses a database whose applied migration was changed', () => {
    migrate(db, migrations);
    writeFiles({
      '0001_first.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);',
      '0002_second.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY);',
    });
    expect(() => migrate(db, migrations)).toThrow(MigrationDriftError);
  });

  it('refuses a database with a migration the files do not have', () => {
    migrate(db, migrations);
    writeFiles({ '0001_first.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);' });
    expect(() => migrate(db, migrations)).toThrow(/0002_second.sql/);
  });

  it('leaves the old schema when a migration fails half-way', () => {
    migrate(db, migrations);
    writeFiles({
      '0001_first.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
      '0002_second.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY);',
      '0003_broken.sql': 'CREATE TABLE c (id INTEGER); THIS IS NOT SQL;',
    });
    expect(() => migrate(db, migrations)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'c'").get()).toBeUndefined();
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(2);
  });

  it('opens with the durability settings', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it("applies the project's own migrations cleanly", () => {
    const applied = migrate(db, join(projectRoot, 'migrations')).applied;
    expect(applied[0]).toBe('0001_init.sql');
    expect(readFileSync(join(projectRoot, 'migrations', applied[0]!), 'utf8')).toContain('CREATE TABLE events');
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });
});

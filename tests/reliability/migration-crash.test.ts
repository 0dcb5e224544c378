import { sqliteStore } from '../../server/store';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { killAllChildren, spawnTs } from './helpers/child-server';
import { integrityProblems } from './helpers/db-checks';
import { createReliabilityDatabase } from './helpers/fixture';
import { createRng } from './helpers/rng';
import { SEED, seedMsg, size } from './helpers/run-config';

const KILLS = size(4, 30);
const ROWS = 200_000;

// A test-only migration big enough to take a noticeable time: a table filled with ROWS rows, an index over them,
// and a change to an existing table. Killed part-way, it must leave the old schema or the new one.
const BIG_MIGRATION = `
CREATE TABLE big_history (id INTEGER PRIMARY KEY, board_id TEXT NOT NULL REFERENCES boards (id), note TEXT NOT NULL) STRICT;
INSERT INTO big_history (board_id, note)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
  SELECT 'rb-0', printf('%0120d', i) FROM n;
CREATE INDEX big_history_by_note ON big_history (note);
ALTER TABLE cards ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
`;

// The project's own migrations come first (the fixture database has them all applied); the big one runs after them.
const PROJECT_MIGRATIONS = readdirSync(join(projectRoot, 'migrations')).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
const BASE = PROJECT_MIGRATIONS.length;

const dir = mkdtempSync(join(tmpdir(), 'kaskade-migrate-crash-'));
afterAll(() => {
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
});

/** 'old', 'new', or a description of whatever else the file holds. */
type Schema = string;

/** Which schema the file has: exactly the old one, exactly the new one, or a description of the mix. */
async function schemaOf(path: string): Promise<{ schema: Schema; problems: string[] }> {
  const db = new Database(path);
  try {
    const applied = db.prepare('SELECT count(*) FROM schema_migrations').pluck().get() as number;
    const table = db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('big_history', 'big_history_by_note')").pluck().get() as number;
    const column = (db.prepare('PRAGMA table_info(cards)').all() as { name: string }[]).some((c) => c.name === 'flagged');
    const rows = table > 0 ? (db.prepare('SELECT count(*) FROM big_history').pluck().get() as number) : 0;
    const problems = await integrityProblems(sqliteStore(db));
    if (applied === BASE && table === 0 && !column) return { schema: 'old', problems };
    if (applied === BASE + 1 && table === 2 && column && rows === ROWS) return { schema: 'new', problems };
    return { schema: `mixed: ${applied} migrations, ${table} objects, column ${column}, ${rows} rows`, problems };
  } finally {
    db.close();
  }
}

/**
 * Runs the migration runner in a child, killing it `killAfterMs` after it said `migrating` (or never). Resolves
 * with how it ended and how long it ran after `migrating`.
 */
function migrateInChild(path: string, migrations: string, killAfterMs: number | null): Promise<{ outcome: 'killed' | 'done'; ms: number }> {
  const { child } = spawnTs('tests/reliability/helpers/migrate-child.ts', [path, migrations], {});
  let started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      if (!d.toString().includes('migrating')) return;
      started = Date.now();
      if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      if (signal === 'SIGKILL') resolve({ outcome: 'killed', ms });
      else if (code === 0) resolve({ outcome: 'done', ms });
      else reject(new Error(`migration child exited with ${code}`));
    });
  });
}

describe('SIGKILL during a migration', () => {
  it('leaves the old schema or the new one, never a mix', async () => {
    const rng = createRng(SEED);
    const path = join(dir, 'kaskade.db');
    createReliabilityDatabase(path, 1);
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    for (const file of PROJECT_MIGRATIONS) copyFileSync(join(projectRoot, 'migrations', file), join(migrations, file));
    writeFileSync(join(migrations, '9999_reliability_big.sql'), BIG_MIGRATION);

    // Time one undisturbed run on a copy, so the kills land inside the migration on a fast or a busy machine.
    const calibration = join(dir, 'calibration.db');
    copyFileSync(path, calibration);
    const { ms: duration } = await migrateInChild(calibration, migrations, null);
    rmSync(calibration);

    const seen: Record<string, number> = {};
    for (let n = 0; n < KILLS; n++) {
      const { outcome } = await migrateInChild(path, migrations, Math.floor(rng.next() * 0.6 * duration));
      const { schema, problems } = await schemaOf(path);
      expect(problems, seedMsg(`kill ${n}: integrity`)).toEqual([]);
      expect(['old', 'new'], seedMsg(`kill ${n} (${outcome}): schema is ${schema}`)).toContain(schema);
      seen[`${outcome}→${schema}`] = (seen[`${outcome}→${schema}`] ?? 0) + 1;
      if (schema === 'new') {
        // It finished before the kill: start again from the old schema so every kill can interrupt something.
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
        createReliabilityDatabase(path, 1);
      }
    }
    // Undisturbed, the runner then completes the migration from whatever state the kills left.
    await migrateInChild(path, migrations, null);
    expect(await schemaOf(path), seedMsg('after the final run')).toEqual({ schema: 'new', problems: [] });
    expect(seen['killed→old'] ?? 0, seedMsg(`no kill landed inside the migration: ${JSON.stringify(seen)}`)).toBeGreaterThan(0);
    console.info(`[reliability] migration-crash seed=${SEED}: migration takes ~${duration} ms; outcomes ${JSON.stringify(seen)}`);
  });
});

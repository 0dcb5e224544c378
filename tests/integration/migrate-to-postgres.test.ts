// Growing from SQLite: `npm run migrate-to-postgres` copies an organisation's database into PostgreSQL and verifies
// it, and copySqliteToPostgres (the library under it, also how PostgreSQL is seeded) catches a table left behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calendarDate } from '../../shared/domain/periods';
import { projectRoot } from '../../server/config';
import { migrate } from '../../server/db/migrate';
import { type Db, openDatabase } from '../../server/db/open-database';
import { sqliteStore } from '../../server/store';
import { createRepositories } from '../../server/repositories';
import { seedDemo } from '../../server/seed/seed-demo';
import { seedDemoUsers } from '../../server/seed/seed-users';
import {
  SchemaMismatchError,
  TargetNotEmptyError,
  copySqliteToPostgres,
} from '../../server/store/copy-to-postgres';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { createPool } from '../../server/store/postgres';
import { openStore } from '../../server/store';
import { seedPostgresThroughSqlite } from '../../server/store/seed-postgres';
import { TABLE_COLUMNS } from '../../server/store/schema';
import { verifyCopy } from '../../server/store/verify-copy';
import { ADMIN_URL, type TestDatabase, createTestDatabase } from '../support/postgres';

const MIGRATIONS = join(projectRoot, 'migrations');
const PG_MIGRATIONS = join(projectRoot, 'migrations', 'postgres');
const TODAY = new Date('2026-03-16T09:00:00.000Z');

const sqliteTables = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

/**
 * The demo organisation, and a row in each table the demo leaves empty (a board's history, sessions, a device, an
 * API token …), written as the application writes them: every table then has rows, so a table the copy left behind
 * shows as a count that differs. Values that differ by engine on purpose: Danish letters and an emoji, NULLs, a
 * real that is not a short decimal, a username in capitals (citext in PostgreSQL).
 */
async function seedDemoEverywhere(db: Db): Promise<void> {
  migrate(db, MIGRATIONS);
  await seedDemo(db, { today: TODAY });
  await seedDemoUsers(sqliteStore(db));
  // As the first start does: the stored indicator statuses and roll-ups.
  await createRepositories(sqliteStore(db)).unitStatus.rebuild(calendarDate(TODAY), TODAY.toISOString());
  const now = TODAY.toISOString();
  const board = (db.prepare('SELECT id FROM boards ORDER BY id LIMIT 1').get() as { id: string }).id;
  const card = (db.prepare('SELECT id FROM cards WHERE board_id = ? LIMIT 1').get(board) as { id: string }).id;
  const indicator = (db.prepare('SELECT indicator_id, unit_id FROM measurements LIMIT 1').get() as { indicator_id: string; unit_id: string });
  db.transaction(() => {
    for (let seq = 1; seq <= 3; seq++) {
      db.prepare('INSERT INTO operations (op_id, board_id, command, actor, at) VALUES (?, ?, ?, ?, ?)').run(`op-${seq}`, board, '{"type":"card.edit"}', 'u-demo-leder', now);
      db.prepare('INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        board, seq, `op-${seq}`, 'u-demo-leder', now, 'card.edited', JSON.stringify({ cardId: card, title: `Sengepladser på afdeling ${seq} 🛏️` }),
      );
    }
    db.prepare('UPDATE boards SET seq = 3 WHERE id = ?').run(board);
    db.prepare("UPDATE cards SET title = 'Sengepladser på afdeling 3 🛏️', due_date = NULL WHERE id = ?").run(card);
    db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, NULL)').run('hash-1', 'u-demo-leder', now, now);
    db.prepare("INSERT INTO users (id, username, display_name, email, password_hash, disabled, created_at) VALUES ('u-oidc', 'Ærø.Åse', 'Åse Ærø', NULL, NULL, 1, ?)").run(now);
    // Ids that byte order and a Danish collation sort differently.
    for (const id of ['u-Zed', 'u-Åse', 'u-aase']) {
      db.prepare('INSERT INTO users (id, username, display_name, created_at) VALUES (?, ?, ?, ?)').run(id, id.slice(2), id, now);
    }
    db.prepare(
      "INSERT INTO devices (id, board_id, name, mode, enrol_code_hash, enrol_expires_at, token_hash, created_by, created_at, enrolled_at, last_seen_at, revoked_at) VALUES ('dev-1', ?, 'Vægskærm gang', 'read', NULL, NULL, 'dev-token', 'u-demo-admin', ?, ?, ?, NULL)",
    ).run(board, now, now, now);
    for (let i = 0; i < 3; i++) {
      db.prepare("INSERT INTO admin_events (actor, at, type, subject, payload) VALUES ('u-demo-admin', ?, 'role.set', 'u-demo-n2', '{}')").run(now);
    }
    db.prepare("INSERT INTO board_templates (id, name, columns, indicators, created_at) VALUES ('tpl-1', 'Sengeafsnit', '[\"Ny\",\"I gang\"]', '[]', ?)").run(now);
    db.prepare('INSERT INTO baselines (indicator_id, unit_id, baseline_to, set_at, set_by) VALUES (?, ?, ?, ?, ?)').run(indicator.indicator_id, indicator.unit_id, '2025-12-31', now, 'u-demo-admin');
    db.prepare('INSERT INTO deviations (id, indicator_id, unit_id, period_start, cause, action, card_id, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      'dev-cause-1', indicator.indicator_id, indicator.unit_id, '2026-01-01', 'Influenza', 'Ekstra vagter', card, now, 'u-demo-leder',
    );
    db.prepare("INSERT INTO api_tokens (id, name, unit_id, token_hash, created_at, created_by, revoked_at, last_used_at) VALUES ('tok-1', 'BI', 'region', 'tok-hash', ?, 'u-demo-admin', NULL, NULL)").run(now);
    db.prepare('UPDATE measurements SET value = ? WHERE rowid = (SELECT min(rowid) FROM measurements)').run(0.1 + 0.2);
  }).immediate();
}

function runScript(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', 'migrate-to-postgres.ts'), ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run migrate-to-postgres', () => {
  let dir: string;
  let file: string;
  let source: Db;
  let target: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaskade-to-pg-test-'));
    file = join(dir, 'kaskade.db');
    source = openDatabase(file);
    await seedDemoEverywhere(source);
    target = await createTestDatabase();
    client = new pg.Client({ connectionString: target.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await target?.drop();
    source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies the demo organisation with every table, every board at its seq, and refuses a second run', async () => {
    const tables = sqliteTables(source);
    // Every table has rows, so one left behind would show below.
    expect(tables.filter((t) => count(source, t) === 0), 'a table the demo leaves empty: give it a row in seedDemoEverywhere').toEqual([]);

    // The source stays open (as a running server's would) while the script copies it.
    const first = await runScript(['--from', file, '--to', target.url]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`Copied ${tables.length} tables, [\\d,]+ rows .* in [\\d.]+ s`));

    for (const t of tables) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`);
      expect({ table: t, rows: rows[0]!.n }).toEqual({ table: t, rows: count(source, t) });
    }
    // Every board's seq and its cards, value by value.
    const boards = source.prepare('SELECT id, seq FROM boards ORDER BY id').all() as { id: string; seq: number }[];
    const { rows: pgBoards } = await client.query<{ id: string; seq: string }>('SELECT id, seq FROM boards ORDER BY id COLLATE "C"');
    expect(pgBoards.map((b) => ({ id: b.id, seq: Number(b.seq) }))).toEqual(boards);
    expect(boards.some((b) => b.seq === 3)).toBe(true);
    for (const b of boards) {
      const cards = source.prepare('SELECT * FROM cards WHERE board_id = ? ORDER BY id').all(b.id);
      const { rows } = await client.query('SELECT * FROM cards WHERE board_id = $1 ORDER BY id COLLATE "C"', [b.id]);
      expect(rows).toEqual(cards);
    }
    const { rows: events } = await client.query('SELECT board_id, seq::int, payload FROM events ORDER BY seq');
    expect(events).toEqual(source.prepare('SELECT board_id, seq, payload FROM events ORDER BY seq').all());
    const { rows: sum } = await client.query<{ value: number }>('SELECT value FROM measurements WHERE value = 0.30000000000000004');
    expect(sum).toHaveLength(1);

    // Generated ids continue after the copied ones; a citext username is still unique regardless of case.
    const { rows: next } = await client.query<{ id: string }>(
      "INSERT INTO admin_events (actor, at, type, subject, payload) VALUES ('x', 'now', 't', 's', '{}') RETURNING id",
    );
    expect(Number(next[0]!.id)).toBe((source.prepare('SELECT max(id) AS m FROM admin_events').get() as { m: number }).m + 1);
    await expect(client.query("INSERT INTO users (id, username, display_name, created_at) VALUES ('u-x', 'ÆRØ.ÅSE', 'x', 'now')")).rejects.toThrow(/unique/);

    const second = await runScript(['--from', file, '--to', target.url]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/The PostgreSQL database is not empty \(rows in layers, /);
    const { rows: units } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
    expect(units[0]!.n).toBe(count(source, 'org_units'));
  }, 120_000);

  it('copies the file of a running organisation as one consistent state while it is written to', async () => {
    const other = await createTestDatabase();
    const board = (source.prepare('SELECT id FROM boards ORDER BY id DESC LIMIT 1').get() as { id: string }).id;
    // Each write appends an event and moves the board's seq in one transaction, as a board command does.
    const append = source.transaction(() => {
      const { seq } = source.prepare('UPDATE boards SET seq = seq + 1 WHERE id = ? RETURNING seq').get(board) as { seq: number };
      source.prepare('INSERT INTO operations (op_id, board_id, command, actor, at) VALUES (?, ?, ?, ?, ?)').run(`live-${seq}`, board, '{}', 'u-demo-n2', TODAY.toISOString());
      source.prepare("INSERT INTO events (board_id, seq, op_id, actor, at, type, payload) VALUES (?, ?, ?, 'u-demo-n2', ?, 'card.moved', '{}')").run(board, seq, `live-${seq}`, TODAY.toISOString());
    });
    const writer = setInterval(() => append(), 2);
    try {
      const run = await runScript(['--from', file, '--to', other.url]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    } finally {
      clearInterval(writer);
    }
    const written = (source.prepare('SELECT seq FROM boards WHERE id = ?').get(board) as { seq: number }).seq;
    const check = new pg.Client({ connectionString: other.url });
    await check.connect();
    try {
      const { rows } = await check.query<{ seq: number; events: number; last: number | null }>(
        'SELECT b.seq::int AS seq, count(e.seq)::int AS events, max(e.seq)::int AS last FROM boards b LEFT JOIN events e ON e.board_id = b.id WHERE b.id = $1 GROUP BY b.seq',
        [board],
      );
      // Some of the writes, and the board's seq exactly where its events end: never one without the other.
      expect(rows[0]!.seq).toBeGreaterThan(0);
      // Writes went on after the snapshot was read (the copy did not stop the organisation).
      expect(rows[0]!.seq).toBeLessThan(written);
      expect(rows[0]).toEqual({ seq: rows[0]!.seq, events: rows[0]!.seq, last: rows[0]!.seq });
    } finally {
      await check.end();
      await other.drop();
    }
  }, 120_000);

  it('says clearly when the file is missing or PostgreSQL does not answer', async () => {
    const missing = await runScript(['--from', join(dir, 'nope.db'), '--to', target.url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`No SQLite database at ${join(dir, 'nope.db')}.`);

    const unreachable = await runScript(['--from', file, '--to', 'postgres://kaskade:secret@127.0.0.1:1/kaskade']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Cannot reach PostgreSQL at postgres://kaskade:***@127.0.0.1:1/kaskade');
    expect(unreachable.stderr).not.toContain('secret');

    const usage = await runScript(['--from', file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run migrate-to-postgres');
  }, 60_000);
});

describe('copySqliteToPostgres', { timeout: 60_000 }, () => {
  let target: TestDatabase;
  let pool: pg.Pool;
  let source: Db;
  beforeEach(async () => {
    // Danish collation, as a Danish region's server may have: 'Å' after 'Z', 'aa' with 'å'; byte order differs.
    target = await createTestDatabase({ icuLocale: 'da-DK' });
    pool = createPool(target.url, { max: 2 });
    await migratePostgres(pool, PG_MIGRATIONS);
    source = openDatabase(':memory:');
    await seedDemoEverywhere(source);
  });
  const roles: string[] = [];
  afterEach(async () => {
    source.close();
    await pool.end();
    await target.drop();
    // A role is the server's, not the database's: dropped once the database that granted it rights is gone.
    for (const role of roles.splice(0)) {
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
    }
  });

  it('plans every table the migrations make (the schema type names the same ones)', async () => {
    const result = await copySqliteToPostgres(source, pool);
    const planned = result.plan.tables.map((t) => t.name).sort();
    expect(planned).toEqual(sqliteTables(source));
    expect(planned).toEqual(Object.keys(TABLE_COLUMNS).filter((t) => t !== 'schema_migrations').sort());
    expect(result.rows.every((r) => r.rows === count(source, r.table))).toBe(true);
    const report = await verifyCopy(source, pool, { plan: result.plan });
    expect(report.ok).toBe(true);
    // Equal checksums (not only equal rows by key): both engines gave the rows in the same order.
    expect(report.tables.filter((t) => t.sqliteChecksum !== t.postgresChecksum)).toEqual([]);
    const { rows: danish } = await pool.query<{ id: string }>("SELECT id FROM users WHERE id IN ('u-oidc', 'u-Zed', 'u-Åse', 'u-aase') ORDER BY id");
    expect(danish.map((r) => r.id)).not.toEqual(['u-Zed', 'u-aase', 'u-oidc', 'u-Åse']);
  });

  it('copies and compares integers beyond 2^53 exactly (read as BigInt on both sides, never rounded)', async () => {
    const board = (source.prepare('SELECT id FROM boards ORDER BY id LIMIT 1').get() as { id: string }).id;
    source.prepare('UPDATE boards SET seq = 9007199254740993 WHERE id = ?').run(board);
    await copySqliteToPostgres(source, pool);
    const { rows } = await pool.query<{ seq: string }>('SELECT seq::text AS seq FROM boards WHERE id = $1', [board]);
    expect(rows[0]!.seq).toBe('9007199254740993');
    expect((await verifyCopy(source, pool)).ok).toBe(true);
    // One less in PostgreSQL: a difference a JavaScript number could not see.
    await pool.query('UPDATE boards SET seq = seq - 1 WHERE id = $1', [board]);
    const report = await verifyCopy(source, pool);
    expect(report.mismatches.find((m) => m.table === 'boards')?.detail).toBe(
      `row id=${board}: seq 9007199254740993 in SQLite, 9007199254740992 in PostgreSQL`,
    );
  });

  it('catches a table whose rows did not arrive, and a value that differs, naming the board and row', async () => {
    await copySqliteToPostgres(source, pool);
    // As if the copy had left goal_indicators behind, and one card's title had been changed on the way.
    await pool.query('TRUNCATE goal_indicators');
    const card = source.prepare('SELECT id, board_id FROM cards ORDER BY id LIMIT 1').get() as { id: string; board_id: string };
    await pool.query("UPDATE cards SET title = 'Ændret' WHERE id = $1", [card.id]);

    const report = await verifyCopy(source, pool);
    expect(report.ok).toBe(false);
    const lost = report.mismatches.find((m) => m.table === 'goal_indicators');
    expect(lost?.detail).toMatch(new RegExp(`^${count(source, 'goal_indicators')} rows in SQLite, 0 in PostgreSQL\nrow goal_id=.*, indicator_id=.* missing in PostgreSQL`));
    const cardMismatch = report.mismatches.find((m) => m.table === 'cards');
    expect(cardMismatch?.board).toBe(card.board_id);
    expect(cardMismatch?.detail).toMatch(new RegExp(`row id=${card.id}: title ".*" in SQLite, "Ændret" in PostgreSQL`));
    expect(report.mismatches.map((m) => m.table).sort()).toEqual(['cards', 'goal_indicators']);

    // Every board's tiles gone: the count, ten boards described row by row, the rest counted.
    await pool.query('DELETE FROM board_indicators');
    const withTiles = (source.prepare('SELECT count(DISTINCT board_id) AS n FROM board_indicators').get() as { n: number }).n;
    expect(withTiles).toBeGreaterThan(10);
    const tiles = (await verifyCopy(source, pool)).mismatches.filter((m) => m.table === 'board_indicators');
    expect(tiles[0]!.detail).toBe(`${count(source, 'board_indicators')} rows in SQLite, 0 in PostgreSQL`);
    expect(tiles.filter((m) => m.board && /^row board_id=.*, indicator_id=.* missing in PostgreSQL/.test(m.detail))).toHaveLength(10);
    expect(tiles.at(-1)!.detail).toBe(`… and the rows of ${withTiles - 10} more boards`);
  });

  it('refuses a target that holds rows (TargetNotEmptyError), and replaces it only when told to', async () => {
    await copySqliteToPostgres(source, pool);
    await expect(copySqliteToPostgres(source, pool)).rejects.toThrow(TargetNotEmptyError);
    source.prepare("UPDATE boards SET name = 'Omdøbt' WHERE id = (SELECT min(id) FROM boards)").run();
    await copySqliteToPostgres(source, pool, { replace: true });
    expect((await verifyCopy(source, pool)).ok).toBe(true);
  });

  it('refuses databases whose tables or migrations differ, or are not Kaskade databases, before writing anything (SchemaMismatchError)', async () => {
    source.exec('CREATE TABLE local_notes (id TEXT PRIMARY KEY) STRICT');
    await expect(copySqliteToPostgres(source, pool)).rejects.toThrow(SchemaMismatchError);
    await expect(copySqliteToPostgres(source, pool)).rejects.toThrow(/only in SQLite: local_notes/);
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
    expect(rows[0]!.n).toBe(0);

    const foreign = openDatabase(':memory:');
    try {
      foreign.exec('CREATE TABLE notes (id TEXT PRIMARY KEY)');
      await expect(copySqliteToPostgres(foreign, pool)).rejects.toThrow(/not a Kaskade database/);
      migrate(foreign, MIGRATIONS);
      foreign.exec("DELETE FROM schema_migrations WHERE name = (SELECT max(name) FROM schema_migrations)");
      await expect(copySqliteToPostgres(foreign, pool)).rejects.toThrow(/migrated to different versions/);
    } finally {
      foreign.close();
    }
  });

  it('copies a table that refers to itself, whatever order SQLite returns its rows in', async () => {
    // The first unit's parent is now the last unit written: in one-row batches, SQLite's order would break the key.
    source.exec("INSERT INTO org_units (id, parent_id, layer_id, name) SELECT 'late-root', NULL, layer_id, 'Sen rod' FROM org_units LIMIT 1");
    source.exec("UPDATE org_units SET parent_id = 'late-root' WHERE rowid = (SELECT min(rowid) FROM org_units)");
    await copySqliteToPostgres(source, pool, { batchRows: 1 });
    expect((await verifyCopy(source, pool)).ok).toBe(true);
  });

  it('copies as a role that may write the tables but not alter them, with the foreign keys checked row by row', async () => {
    const role = `kaskade_copier_${target.name.slice(-12)}`;
    roles.push(role);
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO ${role}`);
      await admin.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      // The copy begins a new timeline (README, "Several instances": what a role of the application needs).
      await admin.query(`GRANT USAGE ON SCHEMA kaskade_meta TO ${role}`);
      await admin.query(`GRANT SELECT, UPDATE ON kaskade_meta.timeline TO ${role}`);
      // Its first unit's parent comes last, and one row goes per statement: the order has to be parents first.
      source.exec("INSERT INTO org_units (id, parent_id, layer_id, name) SELECT 'late-root', NULL, layer_id, 'Sen rod' FROM org_units LIMIT 1");
      source.exec("UPDATE org_units SET parent_id = 'late-root' WHERE rowid = (SELECT min(rowid) FROM org_units)");
      const url = new URL(target.url);
      url.username = role;
      const asRole = createPool(url.toString(), { max: 1 });
      try {
        await copySqliteToPostgres(source, asRole, { batchRows: 1 });
      } finally {
        await asRole.end();
      }
      expect((await verifyCopy(source, pool)).ok).toBe(true);
      const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f'");
      expect(rows[0]!.n).toBeGreaterThan(30);
    } finally {
      await admin.end();
    }
  });

  it('copies from an SQLite database serialised in memory, and seeds PostgreSQL through one (how tests and SEED_DEMO seed it)', async () => {
    const result = await copySqliteToPostgres(source.serialize(), pool);
    expect(result.totalRows).toBeGreaterThan(1000);
    expect((await verifyCopy(source, pool)).ok).toBe(true);

    // Seeded through the PostgreSQL store, as the server would hold it.
    const other = await createTestDatabase();
    const store = openStore({ databasePath: ':memory:', databaseUrl: other.url });
    try {
      if (store.engine !== 'postgres') throw new Error('expected the PostgreSQL store');
      await migratePostgres(store.pool, PG_MIGRATIONS);
      let seeded: Db | undefined;
      const seededResult = await seedPostgresThroughSqlite(store, async (sqlite) => {
        await seedDemo(sqlite, { today: TODAY });
        seeded = sqlite;
      });
      expect(seeded?.open).toBe(false);
      expect(seededResult.rows.find((r) => r.table === 'boards')?.rows).toBe(count(source, 'boards'));
      const { rows } = await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM measurements');
      expect(rows[0]!.n).toBe(count(source, 'measurements'));
    } finally {
      await store.close();
      await other.drop();
    }
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { projectRoot } from '../config';
import type { Db } from '../db/open-database';
import {
  type CopyPlan,
  POSTGRES_COLUMNS_SQL,
  type PlannedTable,
  type PostgresColumnRow,
  SchemaMismatchError,
  buildCopyPlan,
  MIGRATIONS_TABLE,
  quoteIdent,
} from './copy-plan';
import { MIGRATION_LOCK } from './migrate-postgres';
import { setNewTimeline } from './timeline-postgres';

export { SchemaMismatchError } from './copy-plan';

/** Raised when the target PostgreSQL database already holds rows: a copy would mix two organisations. */
export class TargetNotEmptyError extends Error {
  override name = 'TargetNotEmptyError';
  constructor(readonly tables: string[]) {
    super(
      `The PostgreSQL database is not empty (rows in ${tables.join(', ')}). Copy into a new database, or replace ` +
        'its contents on purpose (the replace option; --replace for npm run migrate-to-postgres).',
    );
  }
}

export interface CopyOptions {
  /** Empty the target's tables first instead of refusing a target that holds rows. Default false. */
  replace?: boolean;
  /** Rows per INSERT statement at most. Default 5,000. */
  batchRows?: number;
  /** The PostgreSQL migrations the target was migrated with (which tables they seed). Default: migrations/postgres. */
  postgresMigrationsDir?: string;
}

export interface CopyResult {
  plan: CopyPlan;
  /** Rows copied per table, in the order copied. */
  rows: { table: string; rows: number }[];
  totalRows: number;
  seconds: number;
}

/**
 * Where the copy goes: a pool (one connection is taken for the transaction), a connection of the caller's (not in a
 * transaction), or the PostgreSQL store (./index.ts) whose pool it uses.
 */
export type PostgresTarget = pg.Pool | pg.ClientBase | { engine: 'postgres'; pool: pg.Pool };

/** One connection of the target, and how to give it back (a no-op for the caller's own connection). */
export async function connectionOf(target: PostgresTarget): Promise<{ client: pg.ClientBase; done: (broken?: boolean) => void }> {
  const pool = 'engine' in target ? target.pool : target;
  if (!('totalCount' in pool)) return { client: pool, done: () => {} };
  const client = await pool.connect();
  return { client, done: (broken) => client.release(broken) };
}

/** A better-sqlite3 connection, or an SQLite database serialised to a buffer (`db.serialize()`, e.g. of `:memory:`). */
export type SqliteSource = Db | Buffer;

/** SQLSTATE 42501 (e.g. "must be owner of table"). */
const INSUFFICIENT_PRIVILEGE = '42501';

export const DEFAULT_POSTGRES_MIGRATIONS = join(projectRoot, 'migrations', 'postgres');

/**
 * Copies every table of a migrated SQLite database into a migrated PostgreSQL database (./migrate-postgres.ts), in
 * one PostgreSQL transaction: the target holds all of it or none of it. Tables go parents first, in batched INSERTs;
 * the foreign keys are set aside during the copy and added back (so checked over all rows) before the commit;
 * generated-id sequences are moved past the copied ids. A target that already holds rows is refused
 * (TargetNotEmptyError) unless `replace`; databases whose tables differ are refused before anything is written
 * (SchemaMismatchError). The SQLite side is read in one read transaction, so a source another connection keeps
 * writing to is copied as one consistent state; the copy must be the only user of `source`'s connection while it
 * runs (it keeps a statement open between batches).
 *
 * This is also how PostgreSQL is seeded: seed into SQLite (a `:memory:` database will do), then copy.
 */
export async function copySqliteToPostgres(
  source: SqliteSource,
  target: PostgresTarget,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const started = performance.now();
  const sqlite = Buffer.isBuffer(source) ? new Database(source) : source;
  const { client, done } = await connectionOf(target);
  let broken = false;
  let ownTransaction = false;
  try {
    if (!sqlite.inTransaction) {
      sqlite.exec('BEGIN');
      ownTransaction = true;
    }
    await client.query('BEGIN');
    try {
      // One copy at a time, and not while an instance migrates the schema under it.
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
      const plan = await planCopy(sqlite, client, options.postgresMigrationsDir ?? DEFAULT_POSTGRES_MIGRATIONS);
      await requireEmptyOrReplace(client, plan, options.replace ?? false);
      const foreignKeys = await dropForeignKeys(client);
      const rows: CopyResult['rows'] = [];
      for (const table of plan.tables) {
        rows.push({ table: table.name, rows: await copyTable(sqlite, client, table, options.batchRows ?? 5_000) });
      }
      await restoreForeignKeys(client, foreignKeys);
      await moveSequences(client, plan);
      // Boards count their seqs from the copy's history now: a screen that knew this database before (--replace)
      // must not catch up across it.
      await setNewTimeline(client);
      await client.query('COMMIT');
      return {
        plan,
        rows,
        totalRows: rows.reduce((sum, r) => sum + r.rows, 0),
        seconds: (performance.now() - started) / 1000,
      };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw err;
    }
  } finally {
    if (ownTransaction) sqlite.exec('COMMIT');
    if (sqlite !== source) sqlite.close();
    done(broken);
  }
}

/** Reads the plan: the tables and columns of both databases (see copy-plan.ts), and that both are migrated alike. */
export async function planCopy(sqlite: Db, client: pg.ClientBase, postgresMigrationsDir: string): Promise<CopyPlan> {
  const { rows: columns } = await client.query<PostgresColumnRow>(POSTGRES_COLUMNS_SQL);
  if (!columns.some((c) => c.table_name === MIGRATIONS_TABLE)) {
    throw new SchemaMismatchError('The PostgreSQL database is not migrated (no schema_migrations table): migrate it first.');
  }
  if (!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE)) {
    throw new SchemaMismatchError('The SQLite database has no schema_migrations table: it is not a Kaskade database.');
  }
  const applied = (names: { name: string }[]) => names.map((r) => r.name).sort();
  const sqliteApplied = applied(sqlite.prepare(`SELECT name FROM ${MIGRATIONS_TABLE}`).all() as { name: string }[]);
  const pgApplied = applied((await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)).rows);
  if (sqliteApplied.join() !== pgApplied.join()) {
    throw new SchemaMismatchError(
      `The databases are migrated to different versions (SQLite: ${sqliteApplied.at(-1) ?? 'none'}, PostgreSQL: ${
        pgApplied.at(-1) ?? 'none'
      }). Start this Kaskade version on the SQLite file once, or migrate both with it.`,
    );
  }
  return buildCopyPlan(sqlite, columns, postgresMigrationsDir);
}

async function requireEmptyOrReplace(client: pg.ClientBase, plan: CopyPlan, replace: boolean): Promise<void> {
  if (replace) {
    await client.query(`TRUNCATE ${plan.tables.map((t) => quoteIdent(t.name)).join(', ')} RESTART IDENTITY`);
    return;
  }
  // Tables the migrations seed hold their seed rows in a fresh database; the copy replaces those rows.
  const checked = plan.tables.filter((t) => !t.seededByMigrations);
  const { rows } = await client.query<{ table: string }>(
    checked.map((t) => `SELECT '${t.name}' AS table WHERE EXISTS (SELECT 1 FROM ${quoteIdent(t.name)})`).join(' UNION ALL '),
  );
  if (rows.length) throw new TargetNotEmptyError(rows.map((r) => r.table));
}

async function copyTable(sqlite: Db, client: pg.ClientBase, table: PlannedTable, batchRows: number): Promise<number> {
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const select = sqlite.prepare(`SELECT ${columns} FROM ${quoteIdent(table.name)}`).raw(true).safeIntegers(true);
  const sql = `INSERT INTO ${quoteIdent(table.name)} (${columns}) SELECT * FROM unnest(${table.columns
    .map((c, i) => `$${i + 1}::${c.pgType}[]`)
    .join(', ')})`;
  const convert = table.columns.map((c) => toPostgres(c.pgType));

  if (table.seededByMigrations) await client.query(`DELETE FROM ${quoteIdent(table.name)}`);
  // A table that refers to itself (a unit's parent unit) is inserted parents first: when the foreign keys stay in
  // place (see dropForeignKeys), each is checked at the end of each statement, and a child may otherwise come in an
  // earlier batch than its parent.
  const source: Iterable<unknown[]> = table.foreignKeys.some((fk) => fk.table === table.name)
    ? parentsBeforeChildren(table, select.all() as unknown[][])
    : (select.iterate() as Iterable<unknown[]>);

  let copied = 0;
  let batch: unknown[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    // One array per column, unnested into rows: one parameter per column rather than one per value, which
    // PostgreSQL parses and plans faster than a multi-row VALUES list (bench/FINDINGS.md).
    const params = table.columns.map((_, i) => batch.map((row) => convert[i]!(row[i])));
    try {
      await client.query(sql, params);
    } catch (err) {
      throw new Error(`Copying table ${table.name} failed: ${(err as Error).message}`, { cause: err });
    }
    copied += batch.length;
    batch = [];
  };
  for (const row of source) {
    batch.push(row);
    if (batch.length >= batchRows) await flush();
  }
  await flush();
  return copied;
}

/**
 * SQLite's values as PostgreSQL's column takes them. Integers are read as BigInt (never rounded) and sent as their
 * decimal text; flags stay integers on both engines today, but a boolean column would take 0/1 as false/true.
 */
function toPostgres(pgType: string): (value: unknown) => unknown {
  if (pgType === 'boolean') return (v) => (v === null ? null : Number(v) !== 0);
  return (v) => v;
}

function parentsBeforeChildren(table: PlannedTable, rows: unknown[][]): unknown[][] {
  const index = (name: string) => table.columns.findIndex((c) => c.name === name);
  const selfKeys = table.foreignKeys.filter((fk) => fk.table === table.name).map((fk) => ({ from: index(fk.column), to: index(fk.references) }));
  const placed = new Set<string>();
  const key = (col: number, v: unknown) => `${col}:${String(v)}`;
  const out: unknown[][] = [];
  let pending = rows;
  while (pending.length) {
    const next: unknown[][] = [];
    for (const row of pending) {
      const ready = selfKeys.every(({ from, to }) => row[from] === null || placed.has(key(to, row[from])));
      if (ready) {
        out.push(row);
        for (const { to } of selfKeys) placed.add(key(to, row[to]));
      } else next.push(row);
    }
    if (next.length === pending.length) {
      // A row whose parent is missing or in a cycle: let PostgreSQL's foreign key name it.
      out.push(...next);
      break;
    }
    pending = next;
  }
  return out;
}

interface ForeignKeyConstraint {
  table: string;
  name: string;
  /** As pg_get_constraintdef gives it: `FOREIGN KEY (unit_id) REFERENCES org_units(id)`. */
  definition: string;
}

/**
 * Drops the foreign keys of the target's tables for the copy; `restoreForeignKeys` adds the same ones back before
 * the commit, each checked over all rows at once. A foreign key checked row by row was most of PostgreSQL's work
 * (see bench/FINDINGS.md); checked at the end it costs one join. The schema is PostgreSQL's transactional DDL, so a
 * copy that fails or is rolled back leaves the constraints as they were.
 */
async function dropForeignKeys(client: pg.ClientBase): Promise<ForeignKeyConstraint[]> {
  const { rows } = await client.query<ForeignKeyConstraint>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY conrelid, conname`,
  );
  // A role that may insert but does not own the tables cannot alter them: it copies with the keys in place.
  await client.query('SAVEPOINT drop_foreign_keys');
  try {
    for (const fk of rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
  } catch (err) {
    if ((err as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw err;
    await client.query('ROLLBACK TO SAVEPOINT drop_foreign_keys');
    return [];
  }
  await client.query('RELEASE SAVEPOINT drop_foreign_keys');
  return rows;
}

async function restoreForeignKeys(client: pg.ClientBase, foreignKeys: ForeignKeyConstraint[]): Promise<void> {
  for (const fk of foreignKeys) {
    try {
      await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`);
    } catch (err) {
      throw new Error(`The copied rows of ${fk.table} break its foreign key ${fk.definition}: ${(err as Error).message}`, { cause: err });
    }
  }
}

/** Moves each generated-id sequence past the largest copied id, so the next generated id does not collide. */
async function moveSequences(client: pg.ClientBase, plan: CopyPlan): Promise<void> {
  for (const table of plan.tables) {
    for (const column of table.columns.filter((c) => c.generated)) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), max(${quoteIdent(column.name)})) FROM ${quoteIdent(table.name)}
         HAVING max(${quoteIdent(column.name)}) IS NOT NULL`,
        [quoteIdent(table.name), column.name],
      );
    }
  }
}

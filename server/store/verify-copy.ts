import { type Hash, createHash } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../db/open-database';
import type { CopyPlan, PlannedTable } from './copy-plan';
import { quoteIdent } from './copy-plan';
import { DEFAULT_POSTGRES_MIGRATIONS, type PostgresTarget, connectionOf, planCopy } from './copy-to-postgres';

/**
 * Checks a copy (./copy-to-postgres.ts) value by value: every table's row count and content checksum, and every
 * board's state at its last seq — the board row (its seq) and each row that belongs to the board (columns, cards,
 * events, meetings, escalations …, see copy-plan.ts) — equal in both engines. Each row is hashed from its values in
 * a form both engines give alike (integers as decimal text, reals as JavaScript prints them, NULL apart from every
 * text), in primary-key order (text by its bytes in both engines); a table's checksum and each board's are SHA-256
 * over its rows. Where one differs, the rows are compared by primary key to name the rows and columns that differ.
 * Both sides are read in one snapshot each (an SQLite read transaction, a REPEATABLE READ one in PostgreSQL); a source
 * that is written to between the copy and this check differs by those writes, which is why `migrate-to-postgres`
 * copies and checks a backup of the file rather than the live file.
 */

export interface TableCheck {
  table: string;
  sqliteRows: number;
  postgresRows: number;
  sqliteChecksum: string;
  postgresChecksum: string;
}

export interface Mismatch {
  table: string;
  /** Set when the rows that differ belong to a board. */
  board?: string;
  /** What differs, for a person: counts, or rows by primary key with the values on each side. */
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  tables: TableCheck[];
  /** Boards whose rows were compared. */
  boards: number;
  mismatches: Mismatch[];
}

/** Rows described per mismatch at most: a wholesale difference would otherwise print every row. */
const ROWS_SHOWN = 5;
/** Boards whose differing rows are described per table at most (each is a query on both engines). */
const BOARDS_SHOWN = 10;
const FETCH_ROWS = 5_000;

/** int8 as BigInt in verification (exact at any size); everything else as pg reads it. */
const exactTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 && format !== 'binary' ? (v: string) => BigInt(v) : (pg.types.getTypeParser(oid, format) as unknown)) as pg.CustomTypesConfig['getTypeParser'],
};

export async function verifyCopy(
  sqlite: Db,
  target: PostgresTarget,
  options: { plan?: CopyPlan; postgresMigrationsDir?: string } = {},
): Promise<VerifyReport> {
  const { client, done } = await connectionOf(target);
  let ownTransaction = false;
  try {
    if (!sqlite.inTransaction) {
      sqlite.exec('BEGIN');
      ownTransaction = true;
    }
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const plan = options.plan ?? (await planCopy(sqlite, client, options.postgresMigrationsDir ?? DEFAULT_POSTGRES_MIGRATIONS));
      const tables: TableCheck[] = [];
      const mismatches: Mismatch[] = [];
      const boards = new Set<string>();
      for (const table of plan.tables) {
        const left = digestSqlite(sqlite, table);
        const right = await digestPostgres(client, table);
        const l = left.finish();
        const r = right.finish();
        if (table.name === 'boards') for (const b of l.boards.keys()) boards.add(b);
        tables.push({ table: table.name, sqliteRows: left.rows, postgresRows: right.rows, sqliteChecksum: l.table, postgresChecksum: r.table });
        if (left.rows === right.rows && l.table === r.table) continue;

        const counts = left.rows === right.rows ? [] : [`${left.rows} rows in SQLite, ${right.rows} in PostgreSQL`];
        const boardsDiffering = [...new Set([...l.boards.keys(), ...r.boards.keys()])].filter((b) => l.boards.get(b) !== r.boards.get(b));
        const found: Mismatch[] = [];
        for (const board of boardsDiffering.slice(0, BOARDS_SHOWN)) {
          const where = table.boardOwners.map((o) => `${o} = ?`).join(' OR ');
          const diff = await diffRows(sqlite, client, table, where, table.boardOwners.map(() => board));
          if (diff.length) found.push({ table: table.name, board, detail: diff.join('\n') });
        }
        if (found.length) {
          if (counts.length) mismatches.push({ table: table.name, detail: counts[0]! });
          mismatches.push(...found);
          if (boardsDiffering.length > BOARDS_SHOWN) {
            mismatches.push({ table: table.name, detail: `… and the rows of ${boardsDiffering.length - BOARDS_SHOWN} more boards` });
          }
        } else {
          // The whole table by key: rows that belong to no board, or equal rows that one engine returned in another
          // order (no difference then).
          const diff = await diffRows(sqlite, client, table, null, []);
          if (counts.length || diff.length) mismatches.push({ table: table.name, detail: [...counts, ...diff].join('\n') });
        }
      }
      return { ok: mismatches.length === 0, tables, boards: boards.size, mismatches };
    } finally {
      await client.query('ROLLBACK').catch(() => {});
    }
  } finally {
    if (ownTransaction) sqlite.exec('COMMIT');
    done();
  }
}

/** A running checksum of rows in primary-key order, for the table and for each board its rows belong to. */
class Digest {
  rows = 0;
  private readonly table = createHash('sha256');
  private readonly perBoard = new Map<string, Hash>();
  private results: { table: string; boards: Map<string, string> } | undefined;

  constructor(private readonly columns: number) {}

  add(row: readonly unknown[]): void {
    let line = '';
    for (let i = 0; i < this.columns; i++) line += `${canonicalValue(row[i])}\u0000|`;
    line += '\n';
    this.rows++;
    this.table.update(line);
    const seen = new Set<string>();
    for (let i = this.columns; i < row.length; i++) {
      // Board ids are text in both engines; NULL when the row's key to its board is empty.
      const id = row[i];
      if (typeof id !== 'string') continue;
      if (seen.has(id)) continue;
      seen.add(id);
      let h = this.perBoard.get(id);
      if (!h) this.perBoard.set(id, (h = createHash('sha256')));
      h.update(line);
    }
  }

  finish(): { table: string; boards: Map<string, string> } {
    this.results ??= {
      table: this.table.digest('hex'),
      boards: new Map([...this.perBoard].map(([id, h]) => [id, h.digest('hex')])),
    };
    return this.results;
  }
}

/** The row's values in one form for both engines: SQLite's BigInt and PostgreSQL's int4 number print alike. */
export function canonicalValue(v: unknown): string {
  if (v === null || v === undefined) return '\u0000N';
  if (typeof v === 'bigint') return `n${v.toString()}`;
  if (typeof v === 'number') return `n${Object.is(v, -0) ? '0' : String(v)}`;
  if (typeof v === 'boolean') return v ? 'n1' : 'n0';
  if (Buffer.isBuffer(v)) return `b${v.toString('hex')}`;
  return typeof v === 'string' ? `s${v}` : `j${JSON.stringify(v)}`;
}

const TEXT_TYPES = new Set(['text', 'citext', 'character varying', 'character', 'name']);

/**
 * The table's columns and board owners, in primary-key order as both engines sort it: text by its UTF-8 bytes
 * (SQLite's BINARY collation, PostgreSQL's "C"; citext compared as plain text), numbers by value.
 */
function selectSql(table: PlannedTable, engine: 'sqlite' | 'postgres', where: string | null): string {
  const owners = table.boardOwners.map((o, i) => `${o} AS __board${i}`);
  const keys = (table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name)).map((name) => {
    const column = table.columns.find((c) => c.name === name)!;
    if (!TEXT_TYPES.has(column.pgType)) return `t.${quoteIdent(name)}`;
    return engine === 'sqlite' ? `t.${quoteIdent(name)} COLLATE BINARY` : `t.${quoteIdent(name)}::text COLLATE "C"`;
  });
  return `SELECT ${[...table.columns.map((c) => `t.${quoteIdent(c.name)}`), ...owners].join(', ')} FROM ${quoteIdent(table.name)} t${
    where ? ` WHERE ${where}` : ''
  } ORDER BY ${keys.join(', ')}`;
}

function digestSqlite(sqlite: Db, table: PlannedTable): Digest {
  const d = new Digest(table.columns.length);
  const stmt = sqlite.prepare(selectSql(table, 'sqlite', null)).raw(true).safeIntegers(true);
  for (const row of stmt.iterate() as Iterable<unknown[]>) d.add(row);
  return d;
}

async function digestPostgres(client: pg.ClientBase, table: PlannedTable): Promise<Digest> {
  const d = new Digest(table.columns.length);
  for await (const rows of fetchPostgres(client, selectSql(table, 'postgres', null), [])) for (const row of rows) d.add(row);
  return d;
}

/** A query's rows in chunks through a cursor, so a large table is never held whole. */
async function* fetchPostgres(client: pg.ClientBase, sql: string, params: unknown[]): AsyncGenerator<unknown[][]> {
  // The same SQL as SQLite's, with PostgreSQL's numbered parameters (no '?' appears in the generated SQL otherwise).
  let i = 0;
  const numbered = sql.replace(/\?/g, () => `$${++i}`);
  await client.query(`DECLARE verify_cursor NO SCROLL CURSOR FOR ${numbered}`, params);
  try {
    for (;;) {
      const { rows } = await client.query<unknown[]>({ text: `FETCH ${FETCH_ROWS} FROM verify_cursor`, rowMode: 'array', types: exactTypes });
      if (!rows.length) return;
      yield rows;
    }
  } finally {
    await client.query('CLOSE verify_cursor');
  }
}

/** The rows that differ between the engines, compared by primary key (at most ROWS_SHOWN described); none: equal. */
async function diffRows(sqlite: Db, client: pg.ClientBase, table: PlannedTable, where: string | null, params: unknown[]): Promise<string[]> {
  const keyOf = (row: unknown[]) =>
    table.primaryKey.map((k) => `${k}=${String(row[table.columns.findIndex((c) => c.name === k)])}`).join(', ');
  const sqliteRows = new Map<string, unknown[]>();
  const stmt = sqlite.prepare(selectSql(table, 'sqlite', where)).raw(true).safeIntegers(true);
  for (const row of stmt.iterate(...params) as Iterable<unknown[]>) sqliteRows.set(keyOf(row), row);
  const pgRows = new Map<string, unknown[]>();
  for await (const rows of fetchPostgres(client, selectSql(table, 'postgres', where), params)) for (const row of rows) pgRows.set(keyOf(row), row);

  const lines: string[] = [];
  let count = 0;
  const show = (line: string) => {
    if (++count <= ROWS_SHOWN) lines.push(line);
  };
  for (const [key, left] of sqliteRows) {
    const right = pgRows.get(key);
    if (!right) {
      show(`row ${key} missing in PostgreSQL`);
      continue;
    }
    const cols = table.columns
      .map((c, i) => (canonicalValue(left[i]) === canonicalValue(right[i]) ? null : `${c.name} ${describe(left[i])} in SQLite, ${describe(right[i])} in PostgreSQL`))
      .filter((x) => x !== null);
    if (cols.length) show(`row ${key}: ${cols.join('; ')}`);
  }
  for (const key of pgRows.keys()) if (!sqliteRows.has(key)) show(`row ${key} only in PostgreSQL`);
  if (count > ROWS_SHOWN) lines.push(`… and ${count - ROWS_SHOWN} more rows`);
  return lines;
}

function describe(v: unknown): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  return typeof v === 'bigint' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

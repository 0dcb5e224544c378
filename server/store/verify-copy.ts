import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../db/open-database';
import type { CopyPlan, PlannedTable } from './copy-plan';
import { quoteIdent } from './copy-plan';
import { DEFAULT_POSTGRES_MIGRATIONS, planCopy } from './copy-to-postgres';

/**
 * Checks a copy (./copy-to-postgres.ts) value by value: every table's row count and content checksum, and every
 * board's state at its last seq — the board row (its seq) and each row that belongs to the board (columns, cards,
 * events, meetings, escalations …, see copy-plan.ts) — equal in both engines. Each row is hashed from its values in
 * a form both engines give alike (integers as decimal text, reals as JavaScript prints them, NULL apart from every
 * text); a table's checksum is the sum of its rows' hashes, so it does not depend on the order either engine
 * returns rows in (their text collations differ). Where a checksum differs, the rows are compared by primary key to
 * name the rows and columns that differ.
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
const FETCH_ROWS = 5_000;

/** int8 as BigInt in verification (exact at any size); everything else as pg reads it. */
const exactTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 && format !== 'binary' ? (v: string) => BigInt(v) : (pg.types.getTypeParser(oid, format) as unknown)) as pg.CustomTypesConfig['getTypeParser'],
};

export async function verifyCopy(
  sqlite: Db,
  target: pg.Pool | pg.ClientBase,
  options: { plan?: CopyPlan; postgresMigrationsDir?: string } = {},
): Promise<VerifyReport> {
  const client = 'totalCount' in target ? await target.connect() : target;
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
        for (const b of left.boards.keys()) if (table.name === 'boards') boards.add(b);
        tables.push({
          table: table.name,
          sqliteRows: left.rows,
          postgresRows: right.rows,
          sqliteChecksum: hex(left.sum),
          postgresChecksum: hex(right.sum),
        });
        if (left.rows === right.rows && left.sum === right.sum) continue;
        const counts = left.rows === right.rows ? null : `${left.rows} rows in SQLite, ${right.rows} in PostgreSQL`;
        const boardsDiffering = [...new Set([...left.boards.keys(), ...right.boards.keys()])].filter(
          (b) => left.boards.get(b) !== right.boards.get(b),
        );
        if (boardsDiffering.length) {
          if (counts) mismatches.push({ table: table.name, detail: counts });
          for (const board of boardsDiffering) {
            const where = table.boardOwners.map((o) => `${o} = ?`).join(' OR ');
            const detail = await diffRows(sqlite, client, table, where, table.boardOwners.map(() => board));
            mismatches.push({ table: table.name, board, detail });
          }
        } else {
          const diff = await diffRows(sqlite, client, table, null, []);
          mismatches.push({ table: table.name, detail: counts ? `${counts}\n${diff}` : diff });
        }
      }
      return { ok: mismatches.length === 0, tables, boards: boards.size, mismatches };
    } finally {
      await client.query('ROLLBACK').catch(() => {});
    }
  } finally {
    if (ownTransaction) sqlite.exec('COMMIT');
    if (client !== target) (client as pg.PoolClient).release();
  }
}

interface Digest {
  rows: number;
  /** Sum of the rows' hashes, mod 2^128. */
  sum: bigint;
  /** The same per board the rows belong to. */
  boards: Map<string, bigint>;
}

const MOD = 1n << 128n;
const hex = (n: bigint) => n.toString(16).padStart(32, '0');

/** The row's values in one form for both engines: SQLite's BigInt and PostgreSQL's int4 number print alike. */
export function canonicalValue(v: unknown): string {
  if (v === null || v === undefined) return '\u0000N';
  if (typeof v === 'bigint') return `n${v.toString()}`;
  if (typeof v === 'number') return `n${Object.is(v, -0) ? '0' : String(v)}`;
  if (typeof v === 'boolean') return v ? 'n1' : 'n0';
  if (Buffer.isBuffer(v)) return `b${v.toString('hex')}`;
  return typeof v === 'string' ? `s${v}` : `j${JSON.stringify(v)}`;
}

function rowHash(values: readonly unknown[]): bigint {
  const h = createHash('sha256');
  for (const v of values) h.update(canonicalValue(v)).update('\u0000|');
  return BigInt(`0x${h.digest('hex').slice(0, 32)}`);
}

function selectSql(table: PlannedTable, where: string | null): string {
  const owners = table.boardOwners.map((o, i) => `${o} AS __board${i}`);
  return `SELECT ${[...table.columns.map((c) => `t.${quoteIdent(c.name)}`), ...owners].join(', ')} FROM ${quoteIdent(table.name)} t${
    where ? ` WHERE ${where}` : ''
  }`;
}

function addRow(d: Digest, table: PlannedTable, row: unknown[]): void {
  const values = row.slice(0, table.columns.length);
  const h = rowHash(values);
  d.rows++;
  d.sum = (d.sum + h) % MOD;
  const owners = new Set(row.slice(table.columns.length).filter((b) => b !== null).map(String));
  for (const b of owners) d.boards.set(b, ((d.boards.get(b) ?? 0n) + h) % MOD);
}

function digestSqlite(sqlite: Db, table: PlannedTable): Digest {
  const d: Digest = { rows: 0, sum: 0n, boards: new Map() };
  const stmt = sqlite.prepare(selectSql(table, null)).raw(true).safeIntegers(true);
  for (const row of stmt.iterate() as Iterable<unknown[]>) addRow(d, table, row);
  return d;
}

async function digestPostgres(client: pg.ClientBase, table: PlannedTable): Promise<Digest> {
  const d: Digest = { rows: 0, sum: 0n, boards: new Map() };
  for await (const rows of fetchPostgres(client, selectSql(table, null), [])) for (const row of rows) addRow(d, table, row);
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

/** The rows that differ between the engines, by primary key (at most ROWS_SHOWN described). */
async function diffRows(sqlite: Db, client: pg.ClientBase, table: PlannedTable, where: string | null, params: unknown[]): Promise<string> {
  const keyOf = (row: unknown[]) =>
    table.primaryKey.map((k) => `${k}=${String(row[table.columns.findIndex((c) => c.name === k)])}`).join(', ');
  const sqliteRows = new Map<string, unknown[]>();
  const stmt = sqlite.prepare(selectSql(table, where)).raw(true).safeIntegers(true);
  for (const row of stmt.iterate(...params) as Iterable<unknown[]>) sqliteRows.set(keyOf(row), row);
  const pgRows = new Map<string, unknown[]>();
  for await (const rows of fetchPostgres(client, selectSql(table, where), params)) for (const row of rows) pgRows.set(keyOf(row), row);

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
  return lines.length ? lines.join('\n') : 'checksums differ';
}

function describe(v: unknown): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  return typeof v === 'bigint' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

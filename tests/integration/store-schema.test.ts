// Schema parity: both engines' migrations, applied from scratch, must build the same tables with the same columns
// (name, order, kind of type, NOT NULL, default), the same primary, unique (and partial unique) keys, the same named
// indexes, foreign keys and triggers; and server/store/schema.ts (the Kysely type) must name exactly those columns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { migrate, readMigrations } from '../../server/db/migrate';
import { type Db, openDatabase } from '../../server/db/open-database';
import { migratePostgres } from '../../server/store/migrate-postgres';
import { TABLE_COLUMNS } from '../../server/store/schema';
import { type TestDatabase, createTestDatabase } from '../support/postgres';

interface Column { name: string; type: 'text' | 'integer' | 'real'; notNull: boolean; default: string | null }
interface Table {
  columns: Column[];
  primaryKey: string[];
  /** Unique keys other than the primary key: columns, and "where …" when partial (compared as present or not). */
  unique: string[];
  /** Explicitly created, non-unique indexes: name(columns). */
  indexes: string[];
  /** column -> table(column). */
  foreignKeys: string[];
}
type Schema = Record<string, Table>;

const sqliteType = (declared: string): Column['type'] => {
  const t = ({ TEXT: 'text', INTEGER: 'integer', REAL: 'real' } as const)[declared.toUpperCase() as 'TEXT'];
  if (!t) throw new Error(`unexpected SQLite column type ${declared}`);
  return t;
};

function sqliteSchema(db: Db): Schema {
  const schema: Schema = {};
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    const info = db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const primaryKey = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const unique: string[] = [];
    const indexes: string[] = [];
    for (const ix of db.prepare(`PRAGMA index_list(${name})`).all() as { name: string; unique: number; origin: string; partial: number }[]) {
      if (ix.origin === 'pk') continue;
      const cols = (db.prepare(`PRAGMA index_info(${ix.name})`).all() as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno).map((c) => c.name).join(',');
      if (ix.unique) unique.push(`${cols}${ix.partial ? ' partial' : ''}`);
      else indexes.push(`${ix.name}(${cols})`);
    }
    const fks = db.prepare(`PRAGMA foreign_key_list(${name})`).all() as { table: string; from: string; to: string }[];
    schema[name] = {
      // A primary-key column is NOT NULL in PostgreSQL by definition; SQLite's rowid key is as well.
      columns: info.map((c) => ({ name: c.name, type: sqliteType(c.type), notNull: c.notnull === 1 || c.pk > 0, default: c.dflt_value })),
      primaryKey,
      unique: unique.sort(),
      indexes: indexes.sort(),
      foreignKeys: fks.map((f) => `${f.from} -> ${f.table}(${f.to})`).sort(),
    };
  }
  return schema;
}

const pgType = (dataType: string, udt: string): Column['type'] => {
  if (dataType === 'text' || udt === 'citext') return 'text';
  if (dataType === 'integer' || dataType === 'bigint') return 'integer';
  if (dataType === 'double precision') return 'real';
  throw new Error(`unexpected PostgreSQL column type ${dataType}`);
};

async function postgresSchema(client: pg.Client): Promise<Schema> {
  const schema: Schema = {};
  const { rows: cols } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  for (const c of cols) {
    const table = (schema[c.table_name] ??= { columns: [], primaryKey: [], unique: [], indexes: [], foreignKeys: [] });
    // '' :: text → ''; SQLite keeps the default as written.
    const dflt = c.column_default === null ? null : c.column_default.replace(/::[a-z ]+$/, '');
    table.columns.push({ name: c.column_name, type: pgType(c.data_type, c.udt_name), notNull: c.is_nullable === 'NO', default: dflt });
  }
  const { rows: ixs } = await client.query<{ table: string; index: string; unique: boolean; primary: boolean; partial: boolean; constraint: boolean; columns: string[] }>(
    `SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
            ix.indpred IS NOT NULL AS partial,
            EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid) AS constraint,
            array(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
     FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`,
  );
  for (const ix of ixs) {
    const table = schema[ix.table]!;
    if (ix.primary) table.primaryKey = ix.columns;
    else if (ix.unique) table.unique.push(`${ix.columns.join(',')}${ix.partial ? ' partial' : ''}`);
    else if (!ix.constraint) table.indexes.push(`${ix.index}(${ix.columns.join(',')})`);
  }
  const { rows: fks } = await client.query<{ table: string; from: string; to_table: string; to: string }>(
    `SELECT c.conrelid::regclass::text AS table, a.attname AS from, c.confrelid::regclass::text AS to_table, fa.attname AS to
     FROM pg_constraint c
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
     WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
  );
  for (const f of fks) schema[f.table]!.foreignKeys.push(`${f.from} -> ${f.to_table}(${f.to})`);
  for (const t of Object.values(schema)) {
    t.unique.sort();
    t.indexes.sort();
    t.foreignKeys.sort();
  }
  return schema;
}

describe('schema parity of the SQLite and PostgreSQL migrations', () => {
  let dir: string;
  let sqlite: Db;
  let pgDb: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kaskade-parity-'));
    sqlite = openDatabase(join(dir, 'kaskade.db'));
    migrate(sqlite, join(projectRoot, 'migrations'));
    pgDb = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: pgDb.url });
    try {
      await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
    } finally {
      await pool.end();
    }
    client = new pg.Client({ connectionString: pgDb.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    sqlite?.close();
    rmSync(dir, { recursive: true, force: true });
    await pgDb?.drop();
  });

  it('has a PostgreSQL migration for every SQLite migration, with the same number and name', () => {
    const names = (sub: string[]) => readMigrations(join(projectRoot, 'migrations', ...sub)).map((m) => m.name);
    expect(names(['postgres'])).toEqual(names([]));
  });

  it('builds the same tables, columns, keys, indexes and foreign keys on both engines', async () => {
    const lite = sqliteSchema(sqlite);
    const pgs = await postgresSchema(client);
    expect(Object.keys(pgs).sort()).toEqual(Object.keys(lite).sort());
    // Table by table, so a difference names its table.
    for (const table of Object.keys(lite)) expect({ table, ...pgs[table] }).toEqual({ table, ...lite[table] });
  });

  it('has the same triggers on both engines', async () => {
    const lite = (sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const { rows } = await client.query<{ tgname: string }>('SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname COLLATE "C"');
    expect(rows.map((r) => r.tgname)).toEqual(lite);
  });

  it('names in server/store/schema.ts exactly the tables and columns the migrations create', () => {
    const lite = sqliteSchema(sqlite);
    const fromMigrations = Object.fromEntries(Object.entries(lite).map(([t, def]) => [t, def.columns.map((c) => c.name)]));
    expect(TABLE_COLUMNS).toEqual(fromMigrations);
  });
});

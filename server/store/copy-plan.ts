import { readMigrations } from '../db/migrate';
import type { Db } from '../db/open-database';

/**
 * What copying an SQLite database into PostgreSQL has to do, read from the two databases themselves rather than
 * from a list kept by hand: the tables (every table the SQLite migrations made), their columns, primary keys and
 * foreign keys, the order that inserts parents before children, and which board each row belongs to.
 */

/** The migration runners' own bookkeeping: each engine keeps its own (their checksums differ), never copied. */
export const MIGRATIONS_TABLE = 'schema_migrations';

export interface PlannedColumn {
  name: string;
  /** PostgreSQL's type as SQL names it (format_type), e.g. 'text', 'bigint', 'double precision', 'citext'. */
  pgType: string;
  /** Filled in by PostgreSQL when not given (an identity or serial column): its sequence is set after the copy. */
  generated: boolean;
}

export interface ForeignKey {
  column: string;
  table: string;
  references: string;
}

export interface PlannedTable {
  name: string;
  /** In the order of SQLite's table. */
  columns: PlannedColumn[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /**
   * SQL expressions (over the table aliased `t`, valid in both engines) for the id of each board a row belongs to:
   * a foreign key to boards, or one to a table whose rows belong to a board (a deviation through its card).
   */
  boardOwners: string[];
  /** The PostgreSQL migrations write rows into it (a singleton such as access_version): replaced, not added to. */
  seededByMigrations: boolean;
}

export interface CopyPlan {
  /** Parents before children; tables the migrations seed come last (triggers of the other tables write to them). */
  tables: PlannedTable[];
}

/** Raised when the two databases do not hold the same schema: the copy would be incomplete or fail half-way. */
export class SchemaMismatchError extends Error {
  override name = 'SchemaMismatchError';
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface PostgresColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  /** An identity column, or one whose default draws from a sequence (serial). */
  generated: boolean;
}

/** The columns of every table in the session's current schema, for `buildCopyPlan`. */
export const POSTGRES_COLUMNS_SQL = `
  SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS data_type,
         (a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%') AS generated
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0
    AND NOT a.attisdropped
  ORDER BY c.relname, a.attnum`;

/**
 * Builds the plan from the SQLite source (tables, keys) and PostgreSQL's columns (types, generated ids), refusing
 * (SchemaMismatchError) when the two do not have the same tables with the same columns, or were migrated to
 * different versions. `postgresMigrationsDir` tells which tables the PostgreSQL migrations seed.
 */
export function buildCopyPlan(
  sqlite: Db,
  postgresColumns: readonly PostgresColumnRow[],
  postgresMigrationsDir: string,
): CopyPlan {
  const sqliteTables = (
    sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
      .all() as { name: string }[]
  ).map((r) => r.name);
  if (!sqliteTables.includes(MIGRATIONS_TABLE)) {
    throw new SchemaMismatchError('The SQLite database has no schema_migrations table: it is not a Kaskade database.');
  }

  const pgByTable = new Map<string, PostgresColumnRow[]>();
  for (const row of postgresColumns) {
    if (!pgByTable.has(row.table_name)) pgByTable.set(row.table_name, []);
    pgByTable.get(row.table_name)!.push(row);
  }
  const names = sqliteTables.filter((t) => t !== MIGRATIONS_TABLE);
  const onlySqlite = names.filter((t) => !pgByTable.has(t));
  const onlyPostgres = [...pgByTable.keys()].filter((t) => t !== MIGRATIONS_TABLE && !names.includes(t));
  if (onlySqlite.length || onlyPostgres.length) {
    throw new SchemaMismatchError(
      `The databases have different tables${onlySqlite.length ? `; only in SQLite: ${onlySqlite.join(', ')}` : ''}${
        onlyPostgres.length ? `; only in PostgreSQL: ${onlyPostgres.join(', ')}` : ''
      }. Are both migrated by the same Kaskade version?`,
    );
  }

  const seeded = tablesSeededByMigrations(postgresMigrationsDir);
  const tables = names.map((name): PlannedTable => {
    const info = sqlite.prepare(`PRAGMA table_info(${quoteIdent(name)})`).all() as { name: string; pk: number }[];
    const pgColumns = new Map(pgByTable.get(name)!.map((c) => [c.column_name, c]));
    const missing = info.filter((c) => !pgColumns.has(c.name)).map((c) => c.name);
    const extra = [...pgColumns.keys()].filter((c) => !info.some((i) => i.name === c));
    if (missing.length || extra.length) {
      throw new SchemaMismatchError(
        `Table ${name} has different columns${missing.length ? `; only in SQLite: ${missing.join(', ')}` : ''}${
          extra.length ? `; only in PostgreSQL: ${extra.join(', ')}` : ''
        }.`,
      );
    }
    const fks = sqlite.prepare(`PRAGMA foreign_key_list(${quoteIdent(name)})`).all() as { table: string; from: string; to: string | null }[];
    return {
      name,
      columns: info.map((c) => {
        const pgc = pgColumns.get(c.name)!;
        return {
          name: c.name,
          pgType: pgc.data_type,
          generated: pgc.generated,
        };
      }),
      primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      // A foreign key without a column list refers to the parent's primary key ('id' throughout Kaskade's schema).
      foreignKeys: fks.map((f) => ({ column: f.from, table: f.table, references: f.to ?? 'id' })),
      boardOwners: [],
      seededByMigrations: seeded.has(name),
    };
  });

  const ordered = parentsFirst(tables);
  assignBoardOwners(ordered);
  return { tables: [...ordered.filter((t) => !t.seededByMigrations), ...ordered.filter((t) => t.seededByMigrations)] };
}

/** The tables the PostgreSQL migrations INSERT rows into. */
function tablesSeededByMigrations(dir: string): Set<string> {
  const seeded = new Set<string>();
  for (const file of readMigrations(dir)) {
    for (const m of file.sql.matchAll(/^\s*INSERT\s+INTO\s+"?(\w+)"?/gim)) seeded.add(m[1]!);
  }
  return seeded;
}

/** Orders tables so that every table comes after the tables its foreign keys refer to (a table may refer to itself). */
function parentsFirst(tables: PlannedTable[]): PlannedTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: PlannedTable[] = [];
  const visit = (t: PlannedTable, path: string[]) => {
    if (done.has(t.name)) return;
    if (visiting.has(t.name)) {
      throw new SchemaMismatchError(`The foreign keys form a cycle (${[...path, t.name].join(' → ')}): no order copies it.`);
    }
    visiting.add(t.name);
    for (const fk of t.foreignKeys) {
      const parent = byName.get(fk.table);
      if (!parent) throw new SchemaMismatchError(`Table ${t.name} refers to ${fk.table}, which does not exist.`);
      if (parent !== t) visit(parent, [...path, t.name]);
    }
    visiting.delete(t.name);
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, []);
  return out;
}

/**
 * A board's rows: the board itself, the rows with a foreign key to it (its columns, cards, events, meetings …) and
 * the rows with a foreign key to one of those (an escalation through its card). Tables come parents first, so a
 * parent's owners are known when its children are planned.
 */
function assignBoardOwners(ordered: PlannedTable[]): void {
  const byName = new Map(ordered.map((t) => [t.name, t]));
  let depth = 0;
  for (const t of ordered) {
    if (t.name === 'boards') {
      t.boardOwners = ['t.id'];
      continue;
    }
    for (const fk of t.foreignKeys) {
      if (fk.table === t.name) continue;
      if (fk.table === 'boards') {
        t.boardOwners.push(`t.${quoteIdent(fk.column)}`);
        continue;
      }
      const parent = byName.get(fk.table)!;
      // The parent's first owner, read through the foreign key: a correlated subquery both engines run.
      const via = parent.boardOwners[0];
      if (!via) continue;
      const alias = `p${++depth}`;
      t.boardOwners.push(
        `(SELECT ${via.replace(/\bt\./g, `${alias}.`)} FROM ${quoteIdent(parent.name)} ${alias} WHERE ${alias}.${quoteIdent(
          fk.references,
        )} = t.${quoteIdent(fk.column)})`,
      );
    }
  }
}

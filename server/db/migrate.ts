import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './open-database';

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Raised when the database was migrated by files other than the ones shipped: start-up must stop. */
export class MigrationDriftError extends Error {
  override name = 'MigrationDriftError';
}

const FILE_PATTERN = /^\d{4}_[a-z0-9_]+\.sql$/;

export function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => FILE_PATTERN.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Refuses (MigrationDriftError) when the applied migrations are not, name and content, a prefix of the files: a
 * changed, removed or foreign migration. Both engines' runners share it, so they refuse the same databases.
 */
export function refuseDrift(done: readonly { name: string; checksum: string }[], files: readonly MigrationFile[]): void {
  done.forEach((row, i) => {
    const file = files[i];
    if (!file || file.name !== row.name) {
      throw new MigrationDriftError(
        `Database has migration ${row.name} applied, but the migration files ${file ? `have ${file.name} in its place` : 'end before it'}. Refusing to start.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationDriftError(`Migration ${row.name} was changed after it was applied. Refusing to start.`);
    }
  });
}

/**
 * Applies the migrations not yet applied, each in its own transaction together with its record in
 * `schema_migrations`, so a crash leaves the old schema or the new one, never a mix. Refuses to start when the
 * applied migrations are not, name and content, a prefix of the files (a changed, removed or foreign migration).
 */
export function migrate(db: Db, dir: string): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const files = readMigrations(dir);
  const done = db
    .prepare('SELECT name, checksum FROM schema_migrations ORDER BY name')
    .all() as { name: string; checksum: string }[];

  refuseDrift(done, files);

  const record = db.prepare('INSERT INTO schema_migrations (name, checksum, applied_at) VALUES (?, ?, ?)');
  const applied: string[] = [];
  for (const file of files.slice(done.length)) {
    db.transaction(() => {
      db.exec(file.sql);
      record.run(file.name, file.checksum, new Date().toISOString());
    }).immediate();
    applied.push(file.name);
  }
  return { applied };
}

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { projectRoot } from '../server/config';
import { migrate } from '../server/db/migrate';
import { openDatabase } from '../server/db/open-database';
import { SchemaMismatchError, TargetNotEmptyError, copySqliteToPostgres } from '../server/store/copy-to-postgres';
import { migratePostgres } from '../server/store/migrate-postgres';
import { createPool } from '../server/store/postgres';
import { verifyCopy } from '../server/store/verify-copy';

/**
 * `npm run migrate-to-postgres -- --from ./data/kaskade.db --to postgres://…` (--to defaults to DATABASE_URL):
 * moves an organisation from its SQLite file into a new PostgreSQL database. The file may belong to a running
 * server: it is read once, consistently, through SQLite's online backup into a temporary file, which is brought to
 * this version's migrations (the file itself is never written). The target is migrated, the copy made in one
 * transaction and then verified (row counts, every board's rows at its last seq, a checksum per table). Exits 1
 * with the reason on any failure or difference; 2 on wrong usage.
 */
const usage = 'Usage: npm run migrate-to-postgres -- --from <kaskade.db> --to <postgres://…> [--replace]';
const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean', default: false } },
});
const to = values.to ?? process.env.DATABASE_URL ?? '';
if (!values.from || !to) {
  console.error(usage);
  process.exit(2);
}
if (!/^postgres(ql)?:\/\//.test(to)) {
  console.error(`--to must be a postgres:// URL. ${usage}`);
  process.exit(2);
}

/** The URL without its password, for messages. */
const shown = (() => {
  const u = new URL(to);
  if (u.password) u.password = '***';
  return u.toString();
})();

/** A failure whose message is the whole story for the person running the command. */
class CommandError extends Error {}
function fail(message: string): never {
  throw new CommandError(message);
}

const from = resolve(values.from);
if (!existsSync(from)) {
  console.error(`No SQLite database at ${from}.`);
  process.exit(1);
}

async function run(): Promise<number> {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'kaskade-to-pg-'));
  const pool = createPool(to, { max: 2, applicationName: 'kaskade-migrate-to-postgres' });
  try {
    // A consistent snapshot of a database a server may be writing to, without writing to it.
    const snapshot = join(work, 'snapshot.db');
    const source = new Database(from, { readonly: true, fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      // After the first step, the rest in one: a write by the server between steps would restart the backup.
      await source.backup(snapshot, { progress: () => 1 << 30 });
    } catch (err) {
      fail(`Cannot read ${from} as an SQLite database: ${(err as Error).message}`);
    } finally {
      source.close();
    }
    const sqlite = openDatabase(snapshot);
    try {
      migrate(sqlite, join(projectRoot, 'migrations'));

      try {
        await pool.query('SELECT 1');
      } catch (err) {
        fail(`Cannot reach PostgreSQL at ${shown}: ${(err as Error).message}`);
      }
      const { applied } = await migratePostgres(pool, join(projectRoot, 'migrations', 'postgres'));
      if (applied.length) console.log(`Migrated ${shown}: ${applied.length} migrations applied.`);

      const copy = await copySqliteToPostgres(sqlite, pool, { replace: values.replace });
      const report = await verifyCopy(sqlite, pool, { plan: copy.plan });
      if (!report.ok) {
        console.error(`The copy in ${shown} differs from ${from}:`);
        for (const m of report.mismatches) {
          console.error(`  ${m.table}${m.board ? ` (board ${m.board})` : ''}: ${m.detail.replace(/\n/g, '\n    ')}`);
        }
        return 1;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Copied ${copy.rows.length} tables, ${copy.totalRows.toLocaleString('en')} rows from ${from} to ${shown} in ${seconds} s ` +
          `(copy ${copy.seconds.toFixed(1)} s). Verified: row counts and checksums of every table, and the rows of ` +
          `${report.boards} boards at their last seq, equal.`,
      );
    } finally {
      sqlite.close();
    }
  } catch (err) {
    const expected = err instanceof CommandError || err instanceof TargetNotEmptyError || err instanceof SchemaMismatchError;
    console.error(expected ? err.message : `migrate-to-postgres failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await pool.end();
    rmSync(work, { recursive: true, force: true });
  }
  return 0;
}

process.exitCode = await run();

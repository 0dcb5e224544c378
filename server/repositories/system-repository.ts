import { sql } from 'kysely';
import { type Executor, queryShape } from '../store';

/**
 * What the database itself says: applied migrations, journal mode, whether any organisation exists. Each query is
 * built when asked, so these work on a database whose tables a later migration creates.
 */
export function systemRepository(ex: Executor) {
  return {
    migrationCount: async (): Promise<number> => {
      const row = await ex.first(ex.q.selectFrom('schema_migrations').select((eb) => eb.fn.countAll<number>().as('n')));
      // COUNT(*) is a BIGINT on PostgreSQL, read as a number by the pool (server/store/postgres.ts).
      return Number(row?.n ?? 0);
    },
    /**
     * SQLite's journal mode (wal when the writer and the read worker can work at once). PostgreSQL has no choice of
     * mode: it always writes ahead to its WAL, so it answers 'wal' too.
     */
    journalMode: async (): Promise<string> => {
      if (ex.engine === 'postgres') return 'wal';
      const row = await ex.first(sql<{ journal_mode: string }>`PRAGMA journal_mode`);
      return String(row?.journal_mode);
    },
    /** Whether the database holds no organisation yet (the only state the demo may be seeded into). */
    isOrganisationEmpty: async (): Promise<boolean> =>
      (await ex.first(ex.q.selectFrom('org_units').select(sql.lit(1).as('one')).limit(sql.lit(1)))) === undefined,
    /** The demo accounts' usernames with their roles (for the start-up message), oldest first. */
    demoAccountRoles: (): Promise<{ username: string; role: string; unit_id: string }[]> =>
      ex.all(
        ex.q
          .selectFrom('users as u')
          .innerJoin('role_assignments as r', 'r.user_id', 'u.id')
          .select(['u.username', 'r.role', 'r.unit_id'])
          .where('u.id', 'like', 'u-demo-%')
          .orderBy('u.created_at')
          .orderBy('u.username'),
      ),
  };
}
export type SystemRepository = ReturnType<typeof systemRepository>;

const unitExists = queryShape(['id'], (q, p: { id: string }) =>
  q.selectFrom('org_units').select(sql.lit(1).as('one')).where('id', '=', p.id));

/** Whether an org unit exists, for checks that run once per imported row (a query shape compiled once). */
export function orgUnitExistence(ex: Executor): (unitId: string) => Promise<boolean> {
  return async (unitId) => (await ex.first(unitExists(ex, { id: unitId }))) !== undefined;
}

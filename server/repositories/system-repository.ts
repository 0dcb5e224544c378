import type { Db } from '../db/open-database';

/**
 * What the database itself says: applied migrations, journal mode, whether any organisation exists. Each statement is
 * prepared when asked, so these work on a database whose tables a later migration creates.
 */
export function systemRepository(db: Db) {
  return {
    migrationCount: (): number => db.prepare<[], number>('SELECT count(*) FROM schema_migrations').pluck().get() ?? 0,
    journalMode: (): string => String(db.pragma('journal_mode', { simple: true })),
    /** Whether the database holds no organisation yet (the only state the demo may be seeded into). */
    isOrganisationEmpty: (): boolean => db.prepare('SELECT 1 FROM org_units LIMIT 1').get() === undefined,
    /** The demo accounts' usernames with their roles (for the start-up message), oldest first. */
    demoAccountRoles: () =>
      db
        .prepare<[], { username: string; role: string; unit_id: string }>(
          `SELECT u.username, r.role, r.unit_id FROM users u JOIN role_assignments r ON r.user_id = u.id
           WHERE u.id LIKE 'u-demo-%' ORDER BY u.created_at, u.username`,
        )
        .all(),
  };
}
export type SystemRepository = ReturnType<typeof systemRepository>;

/** Whether an org unit exists, for checks that run once per imported row (prepared once). */
export function orgUnitExistence(db: Db): (unitId: string) => boolean {
  const unit = db.prepare<[string], number>('SELECT 1 FROM org_units WHERE id = ?').pluck();
  return (unitId) => unit.get(unitId) !== undefined;
}

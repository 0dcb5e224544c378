import { sql } from 'kysely';
import { type Executor, type QueryLike, queryShape } from '../store';
import type { DevicesTable } from '../store/schema';

export const ROLES = ['viewer', 'member', 'facilitator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const DEVICE_MODES = ['read', 'touch'] as const;
export type DeviceMode = (typeof DEVICE_MODES)[number];

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  disabled: number;
  created_at: string;
}

export type DeviceRow = DevicesTable;

export interface RoleRow {
  user_id: string;
  unit_id: string;
  role: Role;
}

export interface AdminEventRow {
  id: number;
  actor: string;
  at: string;
  type: string;
  subject: string;
  payload: string;
}

type Id = { id: string };
const userById = queryShape(['id'], (q, p: Id) => q.selectFrom('users').selectAll().where('id', '=', p.id));
// username and email are unique regardless of case on both engines: SQLite compares them COLLATE NOCASE (the
// column's collation), PostgreSQL as citext (the parameter, untyped, takes the column's type), so `=` finds "Anna"
// for "anna" on either.
const userByUsername = queryShape(['username'], (q, p: { username: string }) =>
  q.selectFrom('users').selectAll().where('username', '=', p.username));
const userByEmail = queryShape(['email'], (q, p: { email: string }) => q.selectFrom('users').selectAll().where('email', '=', p.email));
const rolesOf = queryShape(['userId'], (q, p: { userId: string }) =>
  q.selectFrom('role_assignments').selectAll().where('user_id', '=', p.userId).orderBy('unit_id'));
// The roles a user holds on a unit or any unit above it: inheritance down the tree in one statement.
const rolesAlongPath = queryShape(['userId', 'unitId'], (q, p: { userId: string; unitId: string }) =>
  sql<{ role: Role }>`WITH RECURSIVE up (id, parent_id) AS (
      SELECT id, parent_id FROM org_units WHERE id = ${p.unitId}
      UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
    SELECT r.role FROM role_assignments r JOIN up ON r.unit_id = up.id WHERE r.user_id = ${p.userId}`);
const boardUnit = queryShape(['boardId'], (q, p: { boardId: string }) => q.selectFrom('boards').select('unit_id').where('id', '=', p.boardId));
// Who may come to a board's meeting: everyone with a role on its unit, on a unit above it (roles reach down), or on a
// unit right below it (the next layer's leaders take part in this layer's meeting).
const peopleAroundBoard = queryShape(['board'], (q, p: { board: string }) =>
  sql<{ user_id: string; name: string; unit_name: string }>`WITH RECURSIVE up (id, parent_id) AS (
      SELECT o.id, o.parent_id FROM boards b JOIN org_units o ON o.id = b.unit_id WHERE b.id = ${p.board}
      UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id),
    near (id) AS (SELECT id FROM up UNION SELECT o.id FROM org_units o JOIN boards b ON o.parent_id = b.unit_id WHERE b.id = ${p.board})
    SELECT u.id AS user_id, u.display_name AS name, o.name AS unit_name FROM users u
    JOIN role_assignments r ON r.user_id = u.id JOIN near ON near.id = r.unit_id JOIN org_units o ON o.id = r.unit_id
    WHERE u.disabled = 0 ORDER BY u.display_name, u.id, o.name`);
const accessVersion = queryShape([], (q) => q.selectFrom('access_version').select('n'));
const rolesOnBoard = queryShape(['userId', 'boardId'], (q, p: { userId: string; boardId: string }) =>
  sql<{ role: Role }>`WITH RECURSIVE up (id, parent_id) AS (
      SELECT o.id, o.parent_id FROM boards b JOIN org_units o ON o.id = b.unit_id WHERE b.id = ${p.boardId}
      UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
    SELECT r.role FROM users u JOIN role_assignments r ON r.user_id = u.id JOIN up ON r.unit_id = up.id
    WHERE u.id = ${p.userId} AND u.disabled = 0`);
// Line of sight upward: any role on a unit strictly below the given unit (read access to the chain above).
const roleBelowUnit = queryShape(['userId', 'unitId'], (q, p: { userId: string; unitId: string }) =>
  sql<{ one: number }>`WITH RECURSIVE down (id) AS (
      SELECT id FROM org_units WHERE parent_id = ${p.unitId}
      UNION ALL SELECT o.id FROM org_units o JOIN down ON o.parent_id = down.id)
    SELECT 1 AS one FROM users u JOIN role_assignments r ON r.user_id = u.id JOIN down ON r.unit_id = down.id
    WHERE u.id = ${p.userId} AND u.disabled = 0 LIMIT 1`);
const session = queryShape(['hash'], (q, p: { hash: string }) =>
  q.selectFrom('sessions').select(['token_hash', 'user_id', 'expires_at', 'revoked_at']).where('token_hash', '=', p.hash));
const deviceById = queryShape(['id'], (q, p: Id) => q.selectFrom('devices').selectAll().where('id', '=', p.id));
const deviceByToken = queryShape(['hash'], (q, p: { hash: string }) => q.selectFrom('devices').selectAll().where('token_hash', '=', p.hash));
// Every request of a wall screen marks it seen.
const seenDevice = queryShape(['id', 'at'], (q, p: { id: string; at: string }) =>
  q.updateTable('devices').set({ last_seen_at: p.at }).where('id', '=', p.id));

/**
 * People, their roles, sessions, wall-screen devices and the admin audit log. What every request or command asks
 * (a session, a user, roles on a board or unit, the access version, a screen's token) runs on query shapes compiled
 * once; the administration's rarer queries are built when asked.
 */
export function accountsRepository(ex: Executor) {
  const q = ex.q;
  const changed = async (query: QueryLike<unknown>): Promise<boolean> => (await ex.run(query)) > 0;
  const done = async (query: QueryLike<unknown>): Promise<void> => {
    await ex.run(query);
  };
  return {
    userById: (id: string): Promise<UserRow | undefined> => ex.first(userById(ex, { id })),
    userByUsername: (username: string): Promise<UserRow | undefined> => ex.first(userByUsername(ex, { username })),
    userByEmail: (email: string): Promise<UserRow | undefined> => ex.first(userByEmail(ex, { email })),
    users: (): Promise<UserRow[]> => ex.all(q.selectFrom('users').selectAll().orderBy('display_name').orderBy('username')),
    insertUser: (row: UserRow) => done(q.insertInto('users').values(row)),
    updateUser: (row: Pick<UserRow, 'id' | 'display_name' | 'email' | 'disabled'>) =>
      done(q.updateTable('users').set({ display_name: row.display_name, email: row.email, disabled: row.disabled }).where('id', '=', row.id)),
    setPassword: (userId: string, hash: string) => done(q.updateTable('users').set({ password_hash: hash }).where('id', '=', userId)),
    rolesOf: (userId: string): Promise<RoleRow[]> => ex.all(rolesOf(ex, { userId })),
    allRoles: (): Promise<RoleRow[]> => ex.all(q.selectFrom('role_assignments').selectAll().orderBy('user_id').orderBy('unit_id')),
    setRole: (userId: string, unitId: string, role: Role) =>
      done(q.insertInto('role_assignments').values({ user_id: userId, unit_id: unitId, role })
        .onConflict((oc) => oc.columns(['user_id', 'unit_id']).doUpdateSet((eb) => ({ role: eb.ref('excluded.role') })))),
    removeRole: (userId: string, unitId: string) =>
      changed(q.deleteFrom('role_assignments').where('user_id', '=', userId).where('unit_id', '=', unitId)),
    rolesAlongPath: async (userId: string, unitId: string): Promise<Role[]> =>
      (await ex.all(rolesAlongPath(ex, { userId, unitId }))).map((r) => r.role),
    boardUnit: async (boardId: string): Promise<string | undefined> => (await ex.first(boardUnit(ex, { boardId })))?.unit_id,
    /** People with a role on a board's unit, above it or right below it, each once (with one unit of theirs). */
    peopleAroundBoard: async (boardId: string): Promise<{ userId: string; name: string; unitName: string }[]> => {
      const seen = new Set<string>();
      return (await ex.all(peopleAroundBoard(ex, { board: boardId }))).flatMap((r) => {
        if (seen.has(r.user_id)) return [];
        seen.add(r.user_id);
        return [{ userId: r.user_id, name: r.name, unitName: r.unit_name }];
      });
    },
    /** Moves on with every change to roles, users, boards, units or devices (see migration 0005). */
    accessVersion: async (): Promise<number> => (await ex.first(accessVersion(ex, {})))!.n,
    /** An enabled user's roles on a board's unit and the units above it, in one statement (asked on every command). */
    rolesOnBoard: async (userId: string, boardId: string): Promise<Role[]> =>
      (await ex.all(rolesOnBoard(ex, { userId, boardId }))).map((r) => r.role),
    /** Whether an enabled user holds any role on a unit below `unitId` (who may read the boards above them). */
    hasRoleBelow: async (userId: string, unitId: string): Promise<boolean> =>
      (await ex.first(roleBelowUnit(ex, { userId, unitId }))) !== undefined,
    insertSession: (hash: string, userId: string, createdAt: string, expiresAt: string) =>
      done(q.insertInto('sessions').values({ token_hash: hash, user_id: userId, created_at: createdAt, expires_at: expiresAt })),
    session: (hash: string) => ex.first(session(ex, { hash })),
    revokeSession: (hash: string, at: string) =>
      done(q.updateTable('sessions').set({ revoked_at: at }).where('token_hash', '=', hash).where('revoked_at', 'is', null)),
    revokeUserSessions: (userId: string, at: string) =>
      done(q.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null)),
    /** Ends a person's sessions except `keep` (the one they are using), e.g. after they changed their password. */
    revokeOtherSessions: (userId: string, keep: string | null, at: string) =>
      done(q.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId)
        .where('token_hash', 'is distinct from', keep).where('revoked_at', 'is', null)),
    /** Forgets sessions that ended before `before` (they are not the audit trail: events and admin_events are). */
    pruneSessions: (before: string): Promise<number> => ex.run(q.deleteFrom('sessions').where('expires_at', '<', before)),
    insertDevice: (row: Omit<DeviceRow, 'token_hash' | 'enrolled_at' | 'last_seen_at' | 'revoked_at'>) =>
      done(q.insertInto('devices').values({
        id: row.id, board_id: row.board_id, name: row.name, mode: row.mode, enrol_code_hash: row.enrol_code_hash,
        enrol_expires_at: row.enrol_expires_at, created_by: row.created_by, created_at: row.created_at,
      })),
    deviceById: (id: string): Promise<DeviceRow | undefined> => ex.first(deviceById(ex, { id })),
    deviceByCode: (hash: string): Promise<DeviceRow | undefined> =>
      ex.first(q.selectFrom('devices').selectAll().where('enrol_code_hash', '=', hash)),
    deviceByToken: (hash: string): Promise<DeviceRow | undefined> => ex.first(deviceByToken(ex, { hash })),
    devices: (): Promise<DeviceRow[]> => ex.all(q.selectFrom('devices').selectAll().orderBy('created_at', 'desc')),
    enrolDevice: (id: string, tokenHash: string, at: string) =>
      changed(q.updateTable('devices').set({ enrol_code_hash: null, enrol_expires_at: null, token_hash: tokenHash, enrolled_at: at })
        .where('id', '=', id).where('enrol_code_hash', 'is not', null).where('revoked_at', 'is', null)),
    revokeDevice: (id: string, at: string) =>
      changed(q.updateTable('devices').set({ revoked_at: at, enrol_code_hash: null }).where('id', '=', id).where('revoked_at', 'is', null)),
    seenDevice: (id: string, at: string) => done(seenDevice(ex, { id, at })),
    /** A new one-time code for a screen not yet enrolled; false when it is enrolled or revoked. */
    setEnrolCode: (id: string, codeHash: string, expiresAt: string) =>
      changed(q.updateTable('devices').set({ enrol_code_hash: codeHash, enrol_expires_at: expiresAt })
        .where('id', '=', id).where('enrolled_at', 'is', null).where('revoked_at', 'is', null)),
    adminEvent: (actor: string, at: string, type: string, subject: string, payload: unknown) =>
      done(q.insertInto('admin_events').values({ actor, at, type, subject, payload: JSON.stringify(payload) })),
  };
}
export type AccountsRepository = ReturnType<typeof accountsRepository>;

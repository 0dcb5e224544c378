import type { Db } from '../db/open-database';
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

/** People, their roles, sessions, wall-screen devices and the admin audit log: every statement prepared once. */
export function accountsRepository(db: Db) {
  const s = {
    userById: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
    userByUsername: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
    userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
    users: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY display_name, username'),
    insertUser: db.prepare(
      `INSERT INTO users (id, username, display_name, email, password_hash, disabled, created_at)
       VALUES (@id, @username, @display_name, @email, @password_hash, @disabled, @created_at)`,
    ),
    updateUser: db.prepare(
      'UPDATE users SET display_name = @display_name, email = @email, disabled = @disabled WHERE id = @id',
    ),
    setPassword: db.prepare('UPDATE users SET password_hash = ? WHERE id = ?'),
    rolesOf: db.prepare<[string], RoleRow>('SELECT * FROM role_assignments WHERE user_id = ? ORDER BY unit_id'),
    allRoles: db.prepare<[], RoleRow>('SELECT * FROM role_assignments ORDER BY user_id, unit_id'),
    setRole: db.prepare(
      `INSERT INTO role_assignments (user_id, unit_id, role) VALUES (?, ?, ?)
       ON CONFLICT (user_id, unit_id) DO UPDATE SET role = excluded.role`,
    ),
    removeRole: db.prepare('DELETE FROM role_assignments WHERE user_id = ? AND unit_id = ?'),
    // The roles a user holds on a unit or any unit above it: inheritance down the tree in one statement.
    rolesAlongPath: db.prepare<[string, string], { role: Role }>(
      `WITH RECURSIVE up (id, parent_id) AS (
         SELECT id, parent_id FROM org_units WHERE id = ?
         UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
       SELECT r.role FROM role_assignments r JOIN up ON r.unit_id = up.id WHERE r.user_id = ?`,
    ),
    boardUnit: db.prepare<[string], { unit_id: string }>('SELECT unit_id FROM boards WHERE id = ?'),
    // Who may come to a board's meeting: everyone with a role on its unit, on a unit above it (roles reach down),
    // or on a unit right below it (the next layer's leaders take part in this layer's meeting).
    peopleAroundBoard: db.prepare<{ board: string }, { user_id: string; name: string; unit_name: string }>(
      `WITH RECURSIVE up (id, parent_id) AS (
         SELECT o.id, o.parent_id FROM boards b JOIN org_units o ON o.id = b.unit_id WHERE b.id = @board
         UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id),
       near (id) AS (SELECT id FROM up UNION SELECT o.id FROM org_units o JOIN boards b ON o.parent_id = b.unit_id WHERE b.id = @board)
       SELECT u.id AS user_id, u.display_name AS name, o.name AS unit_name FROM users u
       JOIN role_assignments r ON r.user_id = u.id JOIN near ON near.id = r.unit_id JOIN org_units o ON o.id = r.unit_id
       WHERE u.disabled = 0 ORDER BY u.display_name, u.id, o.name`,
    ),
    accessVersion: db.prepare<[], number>('SELECT n FROM access_version').pluck(),
    rolesOnBoard: db.prepare<[string, string], { role: Role }>(
      `WITH RECURSIVE up (id, parent_id) AS (
         SELECT o.id, o.parent_id FROM boards b JOIN org_units o ON o.id = b.unit_id WHERE b.id = ?
         UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id)
       SELECT r.role FROM users u JOIN role_assignments r ON r.user_id = u.id JOIN up ON r.unit_id = up.id
       WHERE u.id = ? AND u.disabled = 0`,
    ),
    // Line of sight upward: any role on a unit strictly below the given unit (read access to the chain above).
    roleBelowUnit: db.prepare<[string, string], { one: number }>(
      `WITH RECURSIVE down (id) AS (
         SELECT id FROM org_units WHERE parent_id = ?
         UNION ALL SELECT o.id FROM org_units o JOIN down ON o.parent_id = down.id)
       SELECT 1 AS one FROM users u JOIN role_assignments r ON r.user_id = u.id JOIN down ON r.unit_id = down.id
       WHERE u.id = ? AND u.disabled = 0 LIMIT 1`,
    ),
    insertSession: db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    session: db.prepare<[string], { token_hash: string; user_id: string; expires_at: string; revoked_at: string | null }>(
      'SELECT token_hash, user_id, expires_at, revoked_at FROM sessions WHERE token_hash = ?',
    ),
    revokeSession: db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL'),
    revokeUserSessions: db.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL'),
    revokeOtherSessions: db.prepare(
      'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND token_hash IS NOT ? AND revoked_at IS NULL',
    ),
    pruneSessions: db.prepare('DELETE FROM sessions WHERE expires_at < ?'),
    insertDevice: db.prepare(
      `INSERT INTO devices (id, board_id, name, mode, enrol_code_hash, enrol_expires_at, created_by, created_at)
       VALUES (@id, @board_id, @name, @mode, @enrol_code_hash, @enrol_expires_at, @created_by, @created_at)`,
    ),
    deviceById: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?'),
    deviceByCode: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE enrol_code_hash = ?'),
    deviceByToken: db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ?'),
    devices: db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY created_at DESC'),
    enrolDevice: db.prepare(
      `UPDATE devices SET enrol_code_hash = NULL, enrol_expires_at = NULL, token_hash = ?, enrolled_at = ?
       WHERE id = ? AND enrol_code_hash IS NOT NULL AND revoked_at IS NULL`,
    ),
    revokeDevice: db.prepare(
      'UPDATE devices SET revoked_at = ?, enrol_code_hash = NULL WHERE id = ? AND revoked_at IS NULL',
    ),
    seenDevice: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
    setEnrolCode: db.prepare(
      'UPDATE devices SET enrol_code_hash = ?, enrol_expires_at = ? WHERE id = ? AND enrolled_at IS NULL AND revoked_at IS NULL',
    ),
    insertAdminEvent: db.prepare('INSERT INTO admin_events (actor, at, type, subject, payload) VALUES (?, ?, ?, ?, ?)'),
  };

  return {
    userById: (id: string) => s.userById.get(id),
    userByUsername: (username: string) => s.userByUsername.get(username),
    userByEmail: (email: string) => s.userByEmail.get(email),
    users: () => s.users.all(),
    insertUser: (row: UserRow) => void s.insertUser.run(row),
    updateUser: (row: Pick<UserRow, 'id' | 'display_name' | 'email' | 'disabled'>) => void s.updateUser.run(row),
    setPassword: (userId: string, hash: string) => void s.setPassword.run(hash, userId),
    rolesOf: (userId: string) => s.rolesOf.all(userId),
    allRoles: () => s.allRoles.all(),
    setRole: (userId: string, unitId: string, role: Role) => void s.setRole.run(userId, unitId, role),
    removeRole: (userId: string, unitId: string) => s.removeRole.run(userId, unitId).changes > 0,
    rolesAlongPath: (userId: string, unitId: string): Role[] => s.rolesAlongPath.all(unitId, userId).map((r) => r.role),
    boardUnit: (boardId: string) => s.boardUnit.get(boardId)?.unit_id,
    /** People with a role on a board's unit, above it or right below it, each once (with one unit of theirs). */
    peopleAroundBoard: (boardId: string): { userId: string; name: string; unitName: string }[] => {
      const seen = new Set<string>();
      return s.peopleAroundBoard.all({ board: boardId }).flatMap((r) => {
        if (seen.has(r.user_id)) return [];
        seen.add(r.user_id);
        return [{ userId: r.user_id, name: r.name, unitName: r.unit_name }];
      });
    },
    /** Moves on with every change to roles, users, boards, units or devices (see migration 0005). */
    accessVersion: (): number => s.accessVersion.get()!,
    /** An enabled user's roles on a board's unit and the units above it, in one statement (asked on every command). */
    rolesOnBoard: (userId: string, boardId: string): Role[] => s.rolesOnBoard.all(boardId, userId).map((r) => r.role),
    /** Whether an enabled user holds any role on a unit below `unitId` (who may read the boards above them). */
    hasRoleBelow: (userId: string, unitId: string): boolean => s.roleBelowUnit.get(unitId, userId) !== undefined,
    insertSession: (hash: string, userId: string, createdAt: string, expiresAt: string) =>
      void s.insertSession.run(hash, userId, createdAt, expiresAt),
    session: (hash: string) => s.session.get(hash),
    revokeSession: (hash: string, at: string) => void s.revokeSession.run(at, hash),
    revokeUserSessions: (userId: string, at: string) => void s.revokeUserSessions.run(at, userId),
    /** Ends a person's sessions except `keep` (the one they are using), e.g. after they changed their password. */
    revokeOtherSessions: (userId: string, keep: string | null, at: string) => void s.revokeOtherSessions.run(at, userId, keep),
    /** Forgets sessions that ended before `before` (they are not the audit trail: events and admin_events are). */
    pruneSessions: (before: string) => s.pruneSessions.run(before).changes,
    insertDevice: (row: Omit<DeviceRow, 'token_hash' | 'enrolled_at' | 'last_seen_at' | 'revoked_at'>) =>
      void s.insertDevice.run(row),
    deviceById: (id: string) => s.deviceById.get(id),
    deviceByCode: (hash: string) => s.deviceByCode.get(hash),
    deviceByToken: (hash: string) => s.deviceByToken.get(hash),
    devices: () => s.devices.all(),
    enrolDevice: (id: string, tokenHash: string, at: string) => s.enrolDevice.run(tokenHash, at, id).changes > 0,
    revokeDevice: (id: string, at: string) => s.revokeDevice.run(at, id).changes > 0,
    seenDevice: (id: string, at: string) => void s.seenDevice.run(at, id),
    /** A new one-time code for a screen not yet enrolled; false when it is enrolled or revoked. */
    setEnrolCode: (id: string, codeHash: string, expiresAt: string) => s.setEnrolCode.run(codeHash, expiresAt, id).changes > 0,
    adminEvent: (actor: string, at: string, type: string, subject: string, payload: unknown) =>
      void s.insertAdminEvent.run(actor, at, type, subject, JSON.stringify(payload)),
  };
}
export type AccountsRepository = ReturnType<typeof accountsRepository>;

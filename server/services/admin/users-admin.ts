import { randomUUID } from 'node:crypto';
import type { AdminUser, CreateUserRequest, SetRoleRequest, UpdateUserRequest } from '../../../shared/auth';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, conflict, done, forbidden, notFound, ok } from './admin-context';
import type { AdminScope } from './admin-scope';

/** People and their roles, limited to the administrator's subtree (see adminScope). */
export function usersAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const { accounts, org, auth, live, clock } = deps;
  const now = () => clock.now().toISOString();
  const view = (id: string): AdminUser | undefined => {
    const u = accounts.userById(id);
    return (
      u && {
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        email: u.email,
        disabled: u.disabled === 1,
        roles: accounts.rolesOf(u.id).map((r) => ({ unitId: r.unit_id, role: r.role })),
      }
    );
  };
  const emailTaken = (email: string | null | undefined, by?: string) => {
    const holder = email ? accounts.userByEmail(email) : undefined;
    return holder !== undefined && holder.id !== by;
  };

  return {
    list: (): AdminUser[] => accounts.users().filter((u) => scope.seesUser(u.id)).map((u) => view(u.id)!),

    async create(body: Body<typeof CreateUserRequest>): Promise<AdminResult<AdminUser>> {
      if (accounts.userByUsername(body.username)) return conflict('The username is taken.');
      if (emailTaken(body.email)) return conflict('The e-mail belongs to another user.');
      // Hashing is slow and async: done before the transaction, which must not wait.
      const hash = body.password ? await auth.hashPassword(body.password) : null;
      const id = `u-${randomUUID()}`;
      const note = { type: 'user.created', subject: `user:${id}`, payload: { username: body.username, displayName: body.displayName, email: body.email } };
      audited(deps, caller, note, () =>
        accounts.insertUser({ id, username: body.username, display_name: body.displayName, email: body.email, password_hash: hash, disabled: 0, created_at: now() }),
      );
      return ok(view(id)!);
    },

    async update(userId: string, body: Body<typeof UpdateUserRequest>): Promise<AdminResult<null>> {
      const existing = accounts.userById(userId);
      if (!existing || !scope.seesUser(existing.id)) return notFound('No such user.');
      if (!scope.mayManageUser(existing.id)) return forbidden('This person has roles on units you do not administer.');
      if (emailTaken(body.email, existing.id)) return conflict('The e-mail belongs to another user.');
      const hash = body.password ? await auth.hashPassword(body.password) : null;
      const { password: _omit, ...logged } = body;
      const endSessions = Boolean(body.disabled || hash);
      audited(deps, caller, { type: 'user.updated', subject: `user:${existing.id}`, payload: { ...logged, passwordChanged: hash !== null } }, () => {
        accounts.updateUser({
          id: existing.id,
          display_name: body.displayName ?? existing.display_name,
          email: body.email === undefined ? existing.email : body.email,
          disabled: body.disabled === undefined ? existing.disabled : body.disabled ? 1 : 0,
        });
        if (hash) accounts.setPassword(existing.id, hash);
        if (endSessions) accounts.revokeUserSessions(existing.id, now());
      });
      if (endSessions) live.disconnect((p) => p.kind === 'user' && p.id === existing.id);
      return done;
    },

    setRole(userId: string, unitId: string, body: Body<typeof SetRoleRequest>): AdminResult<null> {
      if (!accounts.userById(userId)) return notFound('No such user.');
      if (!org.unit(unitId)) return notFound('No such unit.');
      if (!scope.canAdminUnit(unitId)) return forbidden('You do not administer this unit.');
      audited(deps, caller, { type: 'role.set', subject: `user:${userId}`, payload: { unitId, role: body.role } }, () =>
        accounts.setRole(userId, unitId, body.role),
      );
      return done;
    },

    removeRole(userId: string, unitId: string): AdminResult<null> {
      if (!scope.canAdminUnit(unitId)) return forbidden('You do not administer this unit.');
      if (!accounts.rolesOf(userId).some((r) => r.unit_id === unitId)) return notFound('No such role.');
      audited(deps, caller, { type: 'role.removed', subject: `user:${userId}`, payload: { unitId } }, () => accounts.removeRole(userId, unitId));
      return done;
    },
  };
}


import { randomUUID } from 'node:crypto';
import type { AdminUser, CreateUserRequest, SetRoleRequest, UpdateUserRequest } from '../../../shared/auth';
import { type AdminCaller, type AdminDeps, type AdminResult, type Body, audited, conflict, done, forbidden, notFound, ok, readRepos } from './admin-context';
import type { AdminScope } from './admin-scope';

/** People and their roles, limited to the administrator's subtree (see adminScope). */
export function usersAdmin(deps: AdminDeps, caller: AdminCaller, scope: AdminScope) {
  const { auth, live, clock } = deps;
  const now = () => clock.now().toISOString();
  const accounts = () => readRepos(deps).accounts;
  const view = async (id: string): Promise<AdminUser | undefined> => {
    const u = await accounts().userById(id);
    return (
      u && {
        id: u.id,
        username: u.username,
        displayName: u.display_name,
        email: u.email,
        disabled: u.disabled === 1,
        roles: (await accounts().rolesOf(u.id)).map((r) => ({ unitId: r.unit_id, role: r.role })),
      }
    );
  };
  const emailTaken = async (email: string | null | undefined, by?: string): Promise<boolean> => {
    const holder = email ? await accounts().userByEmail(email) : undefined;
    return holder !== undefined && holder.id !== by;
  };

  return {
    list: async (): Promise<AdminUser[]> => {
      const seen: AdminUser[] = [];
      for (const u of await accounts().users()) if (await scope.seesUser(u.id)) seen.push((await view(u.id))!);
      return seen;
    },

    async create(body: Body<typeof CreateUserRequest>): Promise<AdminResult<AdminUser>> {
      if (await accounts().userByUsername(body.username)) return conflict('The username is taken.');
      if (await emailTaken(body.email)) return conflict('The e-mail belongs to another user.');
      // Hashing is slow and async: done before the transaction, which must not wait.
      const hash = body.password ? await auth.hashPassword(body.password) : null;
      const id = `u-${randomUUID()}`;
      const note = { type: 'user.created', subject: `user:${id}`, payload: { username: body.username, displayName: body.displayName, email: body.email } };
      await audited(deps, caller, note, async (repos) =>
        repos.accounts.insertUser({ id, username: body.username, display_name: body.displayName, email: body.email, password_hash: hash, disabled: 0, created_at: now() }),
      );
      return ok((await view(id))!);
    },

    async update(userId: string, body: Body<typeof UpdateUserRequest>): Promise<AdminResult<null>> {
      const existing = await accounts().userById(userId);
      if (!existing || !(await scope.seesUser(existing.id))) return notFound('No such user.');
      if (!(await scope.mayManageUser(existing.id))) return forbidden('This person has roles on units you do not administer.');
      if (await emailTaken(body.email, existing.id)) return conflict('The e-mail belongs to another user.');
      const hash = body.password ? await auth.hashPassword(body.password) : null;
      const { password: _omit, ...logged } = body;
      const endSessions = Boolean(body.disabled || hash);
      await audited(deps, caller, { type: 'user.updated', subject: `user:${existing.id}`, payload: { ...logged, passwordChanged: hash !== null } }, async (repos) => {
        await repos.accounts.updateUser({
          id: existing.id,
          display_name: body.displayName ?? existing.display_name,
          email: body.email === undefined ? existing.email : body.email,
          disabled: body.disabled === undefined ? existing.disabled : body.disabled ? 1 : 0,
        });
        if (hash) await repos.accounts.setPassword(existing.id, hash);
        if (endSessions) await repos.accounts.revokeUserSessions(existing.id, now());
      });
      if (endSessions) live.disconnect((p) => p.kind === 'user' && p.id === existing.id);
      return done;
    },

    async setRole(userId: string, unitId: string, body: Body<typeof SetRoleRequest>): Promise<AdminResult<null>> {
      if (!(await accounts().userById(userId))) return notFound('No such user.');
      if (!(await readRepos(deps).orgAdmin.unit(unitId))) return notFound('No such unit.');
      if (!(await scope.canAdminUnit(unitId))) return forbidden('You do not administer this unit.');
      await audited(deps, caller, { type: 'role.set', subject: `user:${userId}`, payload: { unitId, role: body.role } }, async (repos) =>
        repos.accounts.setRole(userId, unitId, body.role),
      );
      return done;
    },

    async removeRole(userId: string, unitId: string): Promise<AdminResult<null>> {
      if (!(await scope.canAdminUnit(unitId))) return forbidden('You do not administer this unit.');
      if (!(await accounts().rolesOf(userId)).some((r) => r.unit_id === unitId)) return notFound('No such role.');
      await audited(deps, caller, { type: 'role.removed', subject: `user:${userId}`, payload: { unitId } }, async (repos) => repos.accounts.removeRole(userId, unitId));
      return done;
    },
  };
}

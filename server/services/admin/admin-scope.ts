import { type AdminCaller, type AdminDeps, readRepos } from './admin-context';

/**
 * What one administrator reaches: the units (and their boards) they administer, and the people within them. An
 * administrator of a root unit administers the whole organisation (layers, templates, the admin audit trail).
 * Every answer reads the database (through the access policy): ask before a change's transaction, never inside it.
 */
export function adminScope(deps: AdminDeps, caller: AdminCaller) {
  const { access } = deps;
  const canAdminUnit = (unitId: string): Promise<boolean> => access.canOnUnit(caller.actor, 'administer', unitId);
  let top: Promise<boolean> | undefined;
  const createdHere = async (userId: string): Promise<boolean> => (await readRepos(deps).orgAdmin.creatorOf(userId)) === caller.actor;
  const isTopAdmin = (): Promise<boolean> =>
    (top ??= (async () => {
      for (const u of await readRepos(deps).orgAdmin.units()) if (u.parent_id === null && (await canAdminUnit(u.id))) return true;
      return false;
    })());
  const rolesOf = async (userId: string) => readRepos(deps).accounts.rolesOf(userId);
  return {
    canAdminUnit,
    canAdminBoard: (boardId: string): Promise<boolean> => access.can(caller.actor, 'administer', boardId),
    isTopAdmin,
    /** Holds the admin role somewhere: may open the admin screens at all. */
    isAnyAdmin: async (): Promise<boolean> => (await rolesOf(caller.userId)).some((r) => r.role === 'admin'),
    /**
     * May this administrator change this person (password, e-mail, name, disabling)? Only when every role the
     * person holds is on a unit administered here. A person without roles belongs to no subtree: only an
     * administrator of the whole organisation reaches them, or the one who just created them.
     */
    async mayManageUser(userId: string): Promise<boolean> {
      if (await isTopAdmin()) return true;
      const roles = await rolesOf(userId);
      if (roles.length === 0) return createdHere(userId);
      for (const r of roles) if (!(await canAdminUnit(r.unit_id))) return false;
      return true;
    },
    /** Is this person listed to this administrator? Those with a role within the subtree (everyone, for the top). */
    async seesUser(userId: string): Promise<boolean> {
      if (await isTopAdmin()) return true;
      const roles = await rolesOf(userId);
      if (roles.length === 0) return createdHere(userId);
      for (const r of roles) if (await canAdminUnit(r.unit_id)) return true;
      return false;
    },
  };
}
export type AdminScope = ReturnType<typeof adminScope>;

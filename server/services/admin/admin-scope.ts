import type { AdminCaller, AdminDeps } from './admin-context';

/**
 * What one administrator reaches: the units (and their boards) they administer, and the people within them. An
 * administrator of a root unit administers the whole organisation (layers, templates, the admin audit trail).
 */
export function adminScope(deps: AdminDeps, caller: AdminCaller) {
  const { access, accounts, org } = deps;
  const canAdminUnit = (unitId: string): boolean => access.canOnUnit(caller.actor, 'administer', unitId);
  let top: boolean | undefined;
  // A person this administrator created and has not yet given a role: theirs to finish setting up.
  const createdHere = (userId: string): boolean => org.creatorOf(userId) === caller.actor;
  const isTopAdmin = (): boolean => (top ??= org.units().some((u) => u.parent_id === null && canAdminUnit(u.id)));
  return {
    canAdminUnit,
    canAdminBoard: (boardId: string): boolean => access.can(caller.actor, 'administer', boardId),
    isTopAdmin,
    /** Holds the admin role somewhere: may open the admin screens at all. */
    isAnyAdmin: (): boolean => accounts.rolesOf(caller.userId).some((r) => r.role === 'admin'),
    /**
     * May this administrator change this person (password, e-mail, name, disabling)? Only when every role the
     * person holds is on a unit administered here. A person without roles belongs to no subtree: only an
     * administrator of the whole organisation reaches them, or the one who just created them.
     */
    mayManageUser(userId: string): boolean {
      if (isTopAdmin()) return true;
      const roles = accounts.rolesOf(userId);
      return roles.length > 0 ? roles.every((r) => canAdminUnit(r.unit_id)) : createdHere(userId);
    },
    /** Is this person listed to this administrator? Those with a role within the subtree (everyone, for the top). */
    seesUser(userId: string): boolean {
      if (isTopAdmin()) return true;
      const roles = accounts.rolesOf(userId);
      return roles.length > 0 ? roles.some((r) => canAdminUnit(r.unit_id)) : createdHere(userId);
    },
  };
}
export type AdminScope = ReturnType<typeof adminScope>;

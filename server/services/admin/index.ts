import type { AdminCaller, AdminDeps } from './admin-context';
import { adminScope } from './admin-scope';
import { auditAdmin } from './audit-admin';
import { boardsAdmin } from './boards-admin';
import { devicesAdmin } from './devices-admin';
import { indicatorsAdmin } from './indicators-admin';
import { orgAdmin } from './org-admin';
import { templatesAdmin } from './templates-admin';
import { usersAdmin } from './users-admin';

export type { AdminCaller, AdminDeps, AdminResult } from './admin-context';
export { changeOwnPassword } from './own-password';

/** The admin screens' rules for one caller: each action checks the caller's reach, then changes and logs in one transaction. */
export function adminActions(deps: AdminDeps, caller: AdminCaller) {
  const scope = adminScope(deps, caller);
  return {
    scope,
    org: orgAdmin(deps, caller, scope),
    users: usersAdmin(deps, caller, scope),
    devices: devicesAdmin(deps, caller, scope),
    audit: auditAdmin(deps, scope),
    boards: boardsAdmin(deps, caller, scope),
    templates: templatesAdmin(deps, caller, scope),
    indicators: indicatorsAdmin(deps, caller, scope),
  };
}
export type AdminActions = ReturnType<typeof adminActions>;

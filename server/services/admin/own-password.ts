import type { ChangePasswordRequest } from '../../../shared/auth';
import { verifyPassword } from '../passwords';
import { type AdminDeps, type AdminResult, type Body, audited, done, forbidden, invalid, readRepos } from './admin-context';

export type OwnPasswordDeps = Pick<AdminDeps, 'store' | 'auth' | 'clock'>;

/**
 * A person changes their own password: the current one is required (an unlocked screen is not enough), the new
 * one is stored with the audit row in one transaction, and every other session of theirs ends; the one in use stays.
 */
export async function changeOwnPassword(
  deps: OwnPasswordDeps,
  me: { userId: string; actor: string; sessionHash: string | null },
  body: Body<typeof ChangePasswordRequest>,
): Promise<AdminResult<null>> {
  const user = await readRepos(deps).accounts.userById(me.userId);
  if (!user || user.disabled) return forbidden('This account may not change a password.');
  if (!user.password_hash) return forbidden('This account signs in through the organisation and has no password here.');
  if (!(await verifyPassword(user.password_hash, body.currentPassword))) return invalid('The current password is wrong.');
  const hash = await deps.auth.hashPassword(body.newPassword);
  const at = deps.clock.now().toISOString();
  await audited(deps, { userId: me.userId, actor: me.actor }, { type: 'user.password-changed', subject: me.actor, payload: {} }, async (repos) => {
    await repos.accounts.setPassword(me.userId, hash);
    await repos.accounts.revokeOtherSessions(me.userId, me.sessionHash, at);
  });
  return done;
}

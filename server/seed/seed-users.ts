import { randomUUID } from 'node:crypto';
import { createRepositories } from '../repositories';
import type { Role } from '../repositories/accounts-repository';
import type { Executor, Store } from '../store';
import { hashPassword, verifyPassword } from '../services/passwords';
import { isUniqueViolation } from '../store/unique-violation';

/** The demo's password for every demo login; printed at start-up in demo mode and documented in the README. */
export const DEMO_PASSWORD = 'kaskade-demo';

/** One login per role, so the quick start shows the model: roles on a unit apply to the units below it. */
export const DEMO_USERS: readonly { username: string; name: string; unitId: string; role: Role }[] = [
  { username: 'admin', name: 'Ada Administrator', unitId: 'region', role: 'admin' },
  { username: 'leder', name: 'Lene Mødeleder', unitId: 'psyk', role: 'facilitator' },
  { username: 'nord', name: 'Niels Klinikleder Nord', unitId: 'k-nord', role: 'facilitator' },
  { username: 'n2', name: 'Nadia Sygeplejerske N2', unitId: 'n2', role: 'member' },
  { username: 'laeser', name: 'Lars Læser', unitId: 'psyk', role: 'viewer' },
];

const hasUsers = async (ex: Executor) => (await ex.first(ex.q.selectFrom('users').select('id').limit(1))) !== undefined;
const unitExists = async (ex: Executor, id: string) =>
  (await ex.first(ex.q.selectFrom('org_units').select('id').where('id', '=', id))) !== undefined;

/** Adds the demo logins to a demo organisation that has no users yet; answers the logins added. */
export async function seedDemoUsers(store: Store): Promise<typeof DEMO_USERS> {
  if ((await hasUsers(store)) || !(await unitExists(store, 'region'))) return [];
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  try {
    await store.transaction(async (tx) => {
      const { accounts } = createRepositories(tx);
      for (const u of DEMO_USERS) {
        const id = `u-demo-${u.username}`;
        await accounts.insertUser({ id, username: u.username, display_name: u.name, email: `${u.username}@kaskade.example`, password_hash: hash, disabled: 0, created_at: now });
        await accounts.setRole(id, u.unitId, u.role);
      }
    });
  } catch (err) {
    // Several instances starting together on an empty PostgreSQL: another one added the logins first.
    if (isUniqueViolation(err)) return [];
    throw err;
  }
  return DEMO_USERS;
}

/**
 * The first administrator of a real installation (ADMIN_USERNAME and ADMIN_PASSWORD): created when there are no
 * users at all, as admin of every top unit (and of a new top unit "Organisation" if the tree is empty).
 */
export async function bootstrapAdmin(store: Store, username: string, password: string): Promise<boolean> {
  if (await hasUsers(store)) return false;
  if (password.length < 10) throw new Error('ADMIN_PASSWORD must be at least 10 characters.');
  const hash = await hashPassword(password);
  const now = new Date().toISOString();
  try {
    await createFirstAdmin(store, username, hash, now);
  } catch (err) {
    // Several instances starting together with the same ADMIN_USERNAME: another one created it (or the top unit) first.
    if (isUniqueViolation(err)) return false;
    throw err;
  }
  return true;
}

async function createFirstAdmin(store: Store, username: string, hash: string, now: string): Promise<void> {
  await store.transaction(async (tx) => {
    const { accounts } = createRepositories(tx);
    let roots = await tx.all(tx.q.selectFrom('org_units').select('id').where('parent_id', 'is', null));
    if (roots.length === 0) {
      const layer = (await tx.first(tx.q.selectFrom('layers').select('id').orderBy('rank').limit(1)))?.id ?? 'layer-top';
      await tx.run(tx.q.insertInto('layers').values({ id: layer, rank: 0, name: 'Organisation', kind: '' }).onConflict((oc) => oc.doNothing()));
      await tx.run(tx.q.insertInto('org_units').values({ id: 'unit-top', parent_id: null, layer_id: layer, name: 'Organisation' }));
      roots = [{ id: 'unit-top' }];
    }
    const id = `u-${randomUUID()}`;
    await accounts.insertUser({ id, username, display_name: username, email: null, password_hash: hash, disabled: 0, created_at: now });
    for (const root of roots) await accounts.setRole(id, root.id, 'admin');
  });
}

/** The usernames of enabled demo logins that still accept the public demo password. */
export async function demoLoginsWithPublicPassword(store: Store): Promise<string[]> {
  const rows = await store.all(
    store.q.selectFrom('users').select(['username', 'password_hash'])
      .where('id', 'like', 'u-demo-%').where('disabled', '=', 0).where('password_hash', 'is not', null).orderBy('username'),
  );
  const open: string[] = [];
  for (const r of rows) if (r.password_hash && (await verifyPassword(r.password_hash, DEMO_PASSWORD))) open.push(r.username);
  return open;
}

/** Why ADMIN_USERNAME/ADMIN_PASSWORD were or were not used at this start (logged, so it is never silent). */
export async function adminFromEnvironment(store: Store, env: NodeJS.ProcessEnv): Promise<string> {
  const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = env;
  if (!username && !password) return 'ADMIN_USERNAME/ADMIN_PASSWORD not set: no first administrator created.';
  if (!username || !password) return 'ADMIN_USERNAME/ADMIN_PASSWORD ignored: both must be set.';
  if (await bootstrapAdmin(store, username, password)) return `ADMIN_USERNAME used: created the first administrator "${username}".`;
  return `ADMIN_USERNAME/ADMIN_PASSWORD ignored: the database already has users (they only create the first administrator of an empty one).`;
}

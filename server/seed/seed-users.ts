import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open-database';
import { createRepositories } from '../repositories';
import type { Role } from '../repositories/accounts-repository';
import { sqliteStore } from '../store';
import { hashPassword, verifyPassword } from '../services/passwords';

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

const hasUsers = (db: Db) => db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
const unitExists = (db: Db, id: string) => db.prepare('SELECT 1 FROM org_units WHERE id = ?').get(id) !== undefined;

/** Adds the demo logins to a demo organisation that has no users yet; answers the logins added. */
export async function seedDemoUsers(db: Db): Promise<typeof DEMO_USERS> {
  if (hasUsers(db) || !unitExists(db, 'region')) return [];
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  await sqliteStore(db).transaction(async (tx) => {
    const { accounts } = createRepositories(tx);
    for (const u of DEMO_USERS) {
      const id = `u-demo-${u.username}`;
      await accounts.insertUser({ id, username: u.username, display_name: u.name, email: `${u.username}@kaskade.example`, password_hash: hash, disabled: 0, created_at: now });
      await accounts.setRole(id, u.unitId, u.role);
    }
  });
  return DEMO_USERS;
}

/**
 * The first administrator of a real installation (ADMIN_USERNAME and ADMIN_PASSWORD): created when there are no
 * users at all, as admin of every top unit (and of a new top unit "Organisation" if the tree is empty).
 */
export async function bootstrapAdmin(db: Db, username: string, password: string): Promise<boolean> {
  if (hasUsers(db)) return false;
  if (password.length < 10) throw new Error('ADMIN_PASSWORD must be at least 10 characters.');
  const hash = await hashPassword(password);
  const now = new Date().toISOString();
  await sqliteStore(db).transaction(async (tx) => {
    const { accounts } = createRepositories(tx);
    let roots = db.prepare<[], { id: string }>('SELECT id FROM org_units WHERE parent_id IS NULL').all();
    if (roots.length === 0) {
      const layer = db.prepare<[], { id: string }>('SELECT id FROM layers ORDER BY rank LIMIT 1').get()?.id ?? 'layer-top';
      db.prepare("INSERT OR IGNORE INTO layers (id, rank, name, kind) VALUES (?, 0, 'Organisation', '')").run(layer);
      db.prepare("INSERT INTO org_units (id, parent_id, layer_id, name) VALUES ('unit-top', NULL, ?, 'Organisation')").run(layer);
      roots = [{ id: 'unit-top' }];
    }
    const id = `u-${randomUUID()}`;
    await accounts.insertUser({ id, username, display_name: username, email: null, password_hash: hash, disabled: 0, created_at: now });
    for (const root of roots) await accounts.setRole(id, root.id, 'admin');
  });
  return true;
}

/** The usernames of enabled demo logins that still accept the public demo password. */
export async function demoLoginsWithPublicPassword(db: Db): Promise<string[]> {
  const rows = db
    .prepare<[], { username: string; password_hash: string }>(
      "SELECT username, password_hash FROM users WHERE id LIKE 'u-demo-%' AND disabled = 0 AND password_hash IS NOT NULL ORDER BY username",
    )
    .all();
  const open: string[] = [];
  for (const r of rows) if (await verifyPassword(r.password_hash, DEMO_PASSWORD)) open.push(r.username);
  return open;
}

/** Why ADMIN_USERNAME/ADMIN_PASSWORD were or were not used at this start (logged, so it is never silent). */
export async function adminFromEnvironment(db: Db, env: NodeJS.ProcessEnv): Promise<string> {
  const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = env;
  if (!username && !password) return 'ADMIN_USERNAME/ADMIN_PASSWORD not set: no first administrator created.';
  if (!username || !password) return 'ADMIN_USERNAME/ADMIN_PASSWORD ignored: both must be set.';
  if (await bootstrapAdmin(db, username, password)) return `ADMIN_USERNAME used: created the first administrator "${username}".`;
  return `ADMIN_USERNAME/ADMIN_PASSWORD ignored: the database already has users (they only create the first administrator of an empty one).`;
}

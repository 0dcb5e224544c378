import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase, type Db } from '../db/open-database';
import { accountsRepository } from '../repositories/accounts-repository';
import { createRoleAccess } from '../services/access-policy';
import { systemClock } from '../services/command-service';
import { createAuthService } from '../services/auth-service';
import { seedDemo } from './seed-demo';
import { DEMO_PASSWORD, bootstrapAdmin, seedDemoUsers } from './seed-users';
import { sqliteStore } from '../store';

const dirs: string[] = [];
function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-users-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'kaskade.db'));
  migrate(db, join(projectRoot, 'migrations'));
  return db;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('demo logins', () => {
  it('gives the demo one login per role, each reaching what its unit covers', async () => {
    const db = freshDb();
    await seedDemo(db, { today: new Date(2026, 2, 15) });
    const added = await seedDemoUsers(sqliteStore(db));
    expect(added.map((u) => u.role).sort()).toEqual(['admin', 'facilitator', 'facilitator', 'member', 'viewer']);
    expect(await seedDemoUsers(sqliteStore(db))).toEqual([]); // once only

    const accounts = accountsRepository(sqliteStore(db));
    const auth = createAuthService(sqliteStore(db), systemClock);
    const access = createRoleAccess(accounts);
    const n2 = await auth.login('n2', DEMO_PASSWORD);
    expect(n2?.principal.actor).toBe('user:u-demo-n2');
    expect(await access.can('user:u-demo-n2', 'write', 'board-n2')).toBe(true);
    expect(await access.can('user:u-demo-n2', 'read', 'board-n1')).toBe(false);
    expect(await access.can('user:u-demo-laeser', 'read', 'board-n1')).toBe(true);
    expect(await access.can('user:u-demo-laeser', 'write', 'board-n1')).toBe(false);
    expect(await access.can('user:u-demo-admin', 'administer', 'board-b2')).toBe(true);
    expect(await auth.login('n2', 'wrong password')).toBeNull();
    expect(await auth.login('nobody', DEMO_PASSWORD)).toBeNull();
    // Sessions long expired are forgotten; a live one stays.
    db.prepare("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ('old', 'u-demo-n2', '2020-01-01', '2020-01-02')").run();
    expect(await auth.pruneSessions()).toBe(1);
    expect((await auth.resolve(n2!.token))?.actor).toBe('user:u-demo-n2');
    db.close();
  }, 20_000); // argon2 hashes and the demo seed take seconds on a shared machine

  it('bootstraps the first administrator of an empty installation, once', async () => {
    const db = freshDb();
    expect(await bootstrapAdmin(sqliteStore(db), 'forste', 'en-lang-nok-kode')).toBe(true);
    expect(await bootstrapAdmin(sqliteStore(db), 'anden', 'en-lang-nok-kode')).toBe(false);
    const accounts = accountsRepository(sqliteStore(db));
    const user = (await accounts.userByUsername('forste'))!;
    expect(await accounts.rolesOf(user.id)).toEqual([{ user_id: user.id, unit_id: 'unit-top', role: 'admin' }]);
    await expect(bootstrapAdmin(sqliteStore(freshDb()), 'x', 'kort')).rejects.toThrow(/at least 10/);
    db.close();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config';
import { migrate } from '../../db/migrate';
import { type Db, openDatabase } from '../../db/open-database';
import { createRepositories } from '../../repositories';
import { sqliteStore } from '../../store';
import { createRoleAccess } from '../access-policy';
import { createAuthService } from '../auth-service';
import { systemClock } from '../command-service';
import { type AdminDeps, audited } from './admin-context';

const dirs: string[] = [];
function deps(): AdminDeps & { db: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-admin-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'kaskade.db'));
  migrate(db, join(projectRoot, 'migrations'));
  db.prepare("INSERT INTO layers (id, rank, name, kind) VALUES ('l1', 1, 'Top', '')").run();
  const store = sqliteStore(db);
  return {
    db, store, access: createRoleAccess(createRepositories(store).accounts),
    auth: createAuthService(store, systemClock), live: { disconnect: () => {} }, clock: systemClock,
    statusesChanged: () => {},
  };
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const caller = { userId: 'u-1', actor: 'user:u-1' };
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('audited admin actions', () => {
  it('stores the change and its audit row together', async () => {
    const d = deps();
    await audited(d, caller, { type: 'unit.created', subject: 'u', payload: {} }, async (repos) => repos.orgAdmin.insertUnit('u', null, 'l1', 'Enhed'));
    expect([count(d.db, 'org_units'), count(d.db, 'admin_events')]).toEqual([1, 1]);
    d.db.close();
  });

  it('stores neither when the change fails halfway', async () => {
    const d = deps();
    await expect(
      audited(d, caller, { type: 'unit.created', subject: 'u', payload: {} }, async (repos) => {
        await repos.orgAdmin.insertUnit('u', null, 'l1', 'Enhed');
        await repos.orgAdmin.insertUnit('u', null, 'l1', 'Samme id');
      }),
    ).rejects.toThrow();
    expect([count(d.db, 'org_units'), count(d.db, 'admin_events')]).toEqual([0, 0]);
    d.db.close();
  });
});

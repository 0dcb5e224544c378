import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../config';
import { migrate } from '../db/migrate';
import { type Db, openDatabase } from '../db/open-database';
import { sqliteStore } from '../store';
import { accountsRepository } from '../repositories/accounts-repository';
import { createRoleAccess } from './access-policy';

/**
 * The access answers are kept between commands: every change they depend on must still count from the next
 * question, including changes made through another connection (another process, an administrator by hand).
 */
describe('access answers kept between commands', () => {
  let dir: string;
  let db: Db;
  /** Another connection to the same file, as another process would have. */
  let other: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kaskade-access-'));
    db = openDatabase(join(dir, 'kaskade.db'));
    migrate(db, join(projectRoot, 'migrations'));
    db.exec(`
      INSERT INTO layers (id, name, rank) VALUES ('region', 'Region', 0), ('clinic', 'Klinik', 1);
      INSERT INTO org_units (id, parent_id, layer_id, name) VALUES
        ('top', NULL, 'region', 'Region'), ('a', 'top', 'clinic', 'Klinik A'), ('b', 'top', 'clinic', 'Klinik B');
      INSERT INTO boards (id, unit_id, name, created_at) VALUES ('board-a', 'a', 'Tavle A', '2026-11-01'), ('board-b', 'b', 'Tavle B', '2026-11-01');
      INSERT INTO users (id, username, display_name, disabled, created_at) VALUES ('u1', 'hanne', 'Hanne', 0, '2026-11-01');
      INSERT INTO role_assignments (user_id, unit_id, role) VALUES ('u1', 'a', 'member');
      INSERT INTO devices (id, board_id, name, mode, token_hash, created_by, created_at)
        VALUES ('d1', 'board-a', 'Skærm', 'read', 'hash', 'user:u1', '2026-11-01');
    `);
    other = new Database(join(dir, 'kaskade.db'));
  });
  afterEach(() => {
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the roles once while nothing changes', async () => {
    const accounts = accountsRepository(sqliteStore(db));
    const rolesOnBoard = vi.spyOn(accounts, 'rolesOnBoard');
    const access = createRoleAccess(accounts);
    for (let i = 0; i < 5; i++) expect(await access.can('user:u1', 'write', 'board-a')).toBe(true);
    expect(await access.can('user:u1', 'facilitate', 'board-a')).toBe(false);
    expect(rolesOnBoard).toHaveBeenCalledTimes(2); // once per capability asked
  });

  it('counts a role granted, changed or removed from the next question, through any connection', async () => {
    const access = createRoleAccess(accountsRepository(sqliteStore(db)));
    expect(await access.can('user:u1', 'write', 'board-b')).toBe(false);
    other.prepare("INSERT INTO role_assignments (user_id, unit_id, role) VALUES ('u1', 'top', 'viewer')").run();
    expect(await access.can('user:u1', 'read', 'board-b')).toBe(true);
    other.prepare("UPDATE role_assignments SET role = 'facilitator' WHERE user_id = 'u1' AND unit_id = 'top'").run();
    expect(await access.can('user:u1', 'facilitate', 'board-b')).toBe(true);
    other.prepare("DELETE FROM role_assignments WHERE user_id = 'u1' AND unit_id = 'top'").run();
    expect(await access.can('user:u1', 'read', 'board-b')).toBe(false);
    expect(await access.can('user:u1', 'write', 'board-a')).toBe(true);
  });

  it('keeps no answer read before a change that a later question already saw (questions overlap: the reads await)', async () => {
    const accounts = accountsRepository(sqliteStore(db));
    const realRoles = accounts.rolesOnBoard.bind(accounts);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first question reads the roles as they were, then a role is granted (the version moves) while its answer
    // is still on the way; a second question starts meanwhile and sees the grant.
    const slowRead = async (userId: string, boardId: string) => {
      const before = await realRoles(userId, boardId);
      other.prepare("INSERT INTO role_assignments (user_id, unit_id, role) VALUES ('u1', 'b', 'member')").run();
      await held;
      return before;
    };
    vi.spyOn(accounts, 'rolesOnBoard').mockImplementationOnce(slowRead);
    const access = createRoleAccess(accounts);
    const first = access.can('user:u1', 'write', 'board-b');
    await vi.waitFor(() => expect(accounts.rolesOnBoard).toHaveBeenCalledTimes(1));
    expect(await access.can('user:u1', 'write', 'board-b')).toBe(true);
    release();
    expect(await first).toBe(false); // it was asked before the grant
    expect(await access.can('user:u1', 'write', 'board-b')).toBe(true);
  });

  it('counts a user disabled, a board or a unit moved, from the next question', async () => {
    const access = createRoleAccess(accountsRepository(sqliteStore(db)));
    expect(await access.can('user:u1', 'write', 'board-a')).toBe(true);
    other.prepare("UPDATE boards SET unit_id = 'b' WHERE id = 'board-a'").run();
    expect(await access.can('user:u1', 'write', 'board-a')).toBe(false);
    other.prepare("UPDATE org_units SET parent_id = 'a' WHERE id = 'b'").run(); // B now below A, where u1 is member
    expect(await access.can('user:u1', 'write', 'board-a')).toBe(true);
    other.prepare("UPDATE users SET disabled = 1 WHERE id = 'u1'").run();
    expect(await access.can('user:u1', 'read', 'board-a')).toBe(false);
  });

  it('counts a wall screen revoked, switched to touch or moved, from the next question', async () => {
    const access = createRoleAccess(accountsRepository(sqliteStore(db)));
    expect(await access.can('device:d1', 'read', 'board-a')).toBe(true);
    expect(await access.can('device:d1', 'write', 'board-a')).toBe(false);
    other.prepare("UPDATE devices SET mode = 'touch' WHERE id = 'd1'").run();
    expect(await access.can('device:d1', 'write', 'board-a')).toBe(true);
    other.prepare("UPDATE devices SET board_id = 'board-b' WHERE id = 'd1'").run();
    expect(await access.can('device:d1', 'read', 'board-a')).toBe(false);
    expect(await access.can('device:d1', 'write', 'board-b')).toBe(true);
    other.prepare("UPDATE devices SET revoked_at = '2026-11-28' WHERE id = 'd1'").run();
    expect(await access.can('device:d1', 'read', 'board-b')).toBe(false);
  });

  it('does not move on when a board only gets a new event, or a device is seen', async () => {
    const version = () => db.prepare('SELECT n FROM access_version').pluck().get();
    const before = version();
    db.prepare("UPDATE boards SET seq = seq + 1 WHERE id = 'board-a'").run();
    db.prepare("UPDATE devices SET last_seen_at = '2026-11-28' WHERE id = 'd1'").run();
    db.prepare("UPDATE boards SET name = 'Tavle A2' WHERE id = 'board-a'").run();
    expect(version()).toBe(before);
  });
});

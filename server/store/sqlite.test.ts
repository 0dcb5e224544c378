import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { SqliteRunner, preparedQuery, sqliteQueryBuilder } from './sqlite';

const q = sqliteQueryBuilder();

describe('preparedQuery', () => {
  it('compiles a shape once and binds new values each call, constants kept in place', () => {
    const bump = preparedQuery(['id', 'n'], (p: { id: string; n: number }) =>
      q.updateTable('boards').set((eb) => ({ seq: eb('seq', '+', p.n) })).where('id', '=', p.id).where('name', '!=', 'fixed').returning('seq'));
    const a = bump({ id: 'b1', n: 2 });
    const b = bump({ id: 'b2', n: 5 });
    expect(a.sql).toBe(b.sql);
    expect(a.parameters).toEqual([2, 'b1', 'fixed']);
    expect(b.parameters).toEqual([5, 'b2', 'fixed']);
  });

  it('gives the same SQL and parameters as building the query per call, and runs on better-sqlite3', () => {
    const db = openDatabase(':memory:');
    db.exec('CREATE TABLE boards (id TEXT PRIMARY KEY, unit_id TEXT, name TEXT, seq INTEGER NOT NULL DEFAULT 0, created_at TEXT)');
    db.exec("INSERT INTO boards (id, unit_id, name, created_at) VALUES ('b1', 'u', 'Tavle', 'now')");
    const run = new SqliteRunner(db);
    const perCall = (id: string, n: number) => q.updateTable('boards').set((eb) => ({ seq: eb('seq', '+', n) })).where('id', '=', id).returning('seq').compile();
    const prepared = preparedQuery(['id', 'n'], (p: { id: string; n: number }) =>
      q.updateTable('boards').set((eb) => ({ seq: eb('seq', '+', p.n) })).where('id', '=', p.id).returning('seq'));
    const { query: _a, ...fromPrepared } = prepared({ id: 'b1', n: 3 });
    const { query: _b, ...fromPerCall } = perCall('b1', 3);
    expect(fromPrepared).toEqual(fromPerCall);
    expect(run.first(prepared({ id: 'b1', n: 3 }))).toEqual({ seq: 3 });
    expect(run.first(prepared({ id: 'b1', n: 1 }))).toEqual({ seq: 4 });
    db.close();
  });

  it('refuses a shape where a parameter is not bound as a value', () => {
    expect(() => preparedQuery(['id', 'unused'], (p: { id: string; unused: string }) => q.selectFrom('boards').select('id').where('id', '=', p.id)))
      .toThrow(/parameter unused is not bound/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './open-database';
import { currentTimeline, markRestoredCopy } from './timeline';

describe('timeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-timeline-'));
  const open: Db[] = [];
  const reopen = (name: string): Db => {
    const db = openDatabase(join(dir, name));
    open.push(db);
    return db;
  };
  afterEach(() => {
    open.splice(0).forEach((db) => db.close());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stays the same across restarts of a database that was never restored', () => {
    expect(currentTimeline(reopen('a.db'))).toBe('0');
    open.pop()!.close();
    expect(currentTimeline(reopen('a.db'))).toBe('0');
  });

  it('begins anew when a restored copy is first served, and then stays', () => {
    const copy = reopen('b.db');
    markRestoredCopy(copy);
    const first = currentTimeline(copy);
    expect(first).not.toBe('0');
    expect(first).not.toBe('-1');
    copy.close();
    open.pop();
    expect(currentTimeline(reopen('b.db'))).toBe(first);
    // Restoring the same backup again (a fresh copy of it) begins yet another timeline.
    const again = reopen('c.db');
    markRestoredCopy(again);
    expect(currentTimeline(again)).not.toBe(first);
  });
});

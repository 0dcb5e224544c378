import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killAllChildren, startChildServer } from './helpers/child-server';
import { newOpId } from './helpers/commands';
import { createReliabilityDatabase } from './helpers/fixture';
import { SyncClient } from './helpers/sync-client';

const dir = mkdtempSync(join(tmpdir(), 'kaskade-full-'));
const clients: SyncClient[] = [];
afterAll(() => {
  clients.forEach((c) => c.abandon());
  killAllChildren();
  rmSync(dir, { recursive: true, force: true });
});

describe('fail-stop on a storage failure', () => {
  it('answers the refused commit with an error, never ok, stops with one clear line, and keeps every ack', async () => {
    const path = join(dir, 'kaskade.db');
    const [board] = createReliabilityDatabase(path, 1);
    const port = await freePort();
    const server = await startChildServer(path, port, 'tests/reliability/helpers/full-disk-server.ts');
    const client = await SyncClient.connect(server.url, { name: 'Writer', boardId: board!.id });
    clients.push(client);

    const acked: string[] = [];
    let refused: { opId: string; code: string } | undefined;
    for (let i = 0; i < 2000 && !refused; i++) {
      const opId = newOpId('full');
      const card = { id: `card-${opId}`, columnId: board!.columns[i % 3], type: 'action', title: `Kort ${i} ${'x'.repeat(150)}` };
      const ack = await client.send('card:create', { opId, boardId: board!.id, card });
      if (ack.ok) acked.push(opId);
      else refused = { opId, code: ack.error.code };
    }
    expect(acked.length).toBeGreaterThan(0);
    expect(refused?.code).toBe('INTERNAL');

    const exitCode = await new Promise<number | null>((resolve) => {
      if (server.child.exitCode !== null) resolve(server.child.exitCode);
      else server.child.once('exit', (code) => resolve(code));
    });
    expect(exitCode).not.toBe(0);
    const fatal = server.output().split('\n').filter((line) => line.startsWith('FATAL:'));
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatch(/writing the database failed \(SQLITE_FULL/);
    client.abandon();

    // Restarted without the limit: every acknowledged change is there, the refused one is not, and it serves.
    const again = await startChildServer(path, port);
    const reader = await SyncClient.connect(again.url, { name: 'Reader', boardId: board!.id });
    clients.push(reader);
    const cards = Object.keys(reader.replica.state!.cards);
    expect(acked.filter((op) => !cards.includes(`card-${op}`))).toEqual([]);
    expect(cards).not.toContain(`card-${refused!.opId}`);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM operations WHERE op_id = ?').pluck().get(refused!.opId)).toBe(0);
    } finally {
      db.close();
    }
    await again.kill();
  });
});

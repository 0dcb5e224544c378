import { sqliteStore } from '../../server/store';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config';
import { backupDatabase } from '../../server/db/backup';
import { allProblems } from './helpers/db-checks';
import { type InProcessServer, startInProcessServer } from './helpers/inproc-server';
import { createRng } from './helpers/rng';
import { SEED, seedMsg, size } from './helpers/run-config';
import { SyncClient } from './helpers/sync-client';
import { sleep } from './helpers/commands';
import { startWorkload } from './helpers/workload';

const BOARDS = 3;
const BACKUPS = size(3, 20);

let srv: InProcessServer;
let restored: InProcessServer | undefined;
const clients: SyncClient[] = [];
beforeAll(async () => {
  srv = await startInProcessServer({ boards: BOARDS });
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await restored?.stop();
  await srv?.stop();
});

/** `npm run backup -- <dest>` as an operator runs it: a separate process on the same file as the live server. */
function runBackupCommand(databasePath: string, dest: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'server', 'backup.ts'), dest], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_PATH: databasePath },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('online backup while clients write', () => {
  it('every backup is consistent, holds every change acknowledged before it began, and restores to a working board', async () => {
    const rng = createRng(SEED);
    for (let i = 0; i < 6; i++) clients.push(await SyncClient.connect(srv.url, { name: `B${i}`, boardId: srv.boards[i % BOARDS]!.id }));
    const workload = startWorkload(clients, srv.boards, rng);
    const copies: { path: string; ackedBefore: string[] }[] = [];
    try {
      for (let n = 0; n < BACKUPS; n++) {
        await sleep(rng.between(100, 300));
        const path = join(srv.dir, `backup-${n}.db`);
        const ackedBefore = [...workload.log.acked.keys()];
        // Alternate the operator's command (another process) and the API in-process (another connection).
        if (n % 2 === 0) {
          const { code, output } = await runBackupCommand(srv.databasePath, path);
          expect(code, seedMsg(`npm run backup: ${output}`)).toBe(0);
        } else {
          await backupDatabase(srv.databasePath, path);
        }
        copies.push({ path, ackedBefore });
      }
    } finally {
      await workload.stop();
    }
    expect(workload.log.acked.size, seedMsg('writes during the backups')).toBeGreaterThan(20);

    for (const { path, ackedBefore } of copies) {
      const db = new Database(path, { readonly: true });
      try {
        expect(await allProblems(sqliteStore(db)), seedMsg(`backup ${path}`)).toEqual([]);
        const has = db.prepare('SELECT count(*) FROM operations WHERE op_id = ?').pluck();
        const missing = ackedBefore.filter((op) => has.get(op) !== 1);
        expect(missing, seedMsg(`acknowledged before ${path} began`)).toEqual([]);
      } finally {
        db.close();
      }
    }

    // Restore: serve the last copy and work on it like on the original.
    restored = await startInProcessServer({ boards: BOARDS, existingFile: copies.at(-1)!.path });
    const client = await SyncClient.connect(restored.url, { name: 'After restore', boardId: restored.boards[0]!.id });
    clients.push(client);
    const ack = await client.send('card:create', { opId: 'restored-op-1', boardId: restored.boards[0]!.id, card: { id: 'after-restore', columnId: restored.boards[0]!.columns[0]!, type: 'idea', title: 'Efter gendannelse' } });
    expect(ack.ok, seedMsg('command on the restored database')).toBe(true);
    expect(await allProblems(restored.store)).toEqual([]);
    console.info(`[reliability] backup seed=${SEED}: ${copies.length} online backups during ${workload.log.acked.size} acknowledged writes, all consistent`);
  });
});

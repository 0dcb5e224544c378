import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../server/app';
import { type Db, openDatabase } from '../../../server/db/open-database';
import { sqliteStore } from '../../../server/store';
import type { CommandRate, Heartbeat } from '../../../server/realtime/socket-server';
import { registerTestDatabase } from '../../helpers/auth';
import { type ReliabilityBoard, createReliabilityDatabase, reliabilityBoards } from './fixture';

export interface InProcessServer {
  url: string;
  port: number;
  db: Db;
  dir: string;
  databasePath: string;
  boards: ReliabilityBoard[];
  stop(): Promise<void>;
}

/** The real app (Fastify + Socket.IO) on a fresh temp SQLite file, listening on loopback; `stop` removes it all. */
export async function startInProcessServer(options: {
  boards: number;
  heartbeat?: Heartbeat;
  cardsPerBoard?: number;
  /** Serve this existing file (e.g. a restored backup) instead of a fresh one; it is not removed on stop. */
  existingFile?: string;
  /** Per-socket command rate; default: the product's limit. Bulk tests (one socket, thousands of commands) lift it. */
  commandRate?: CommandRate;
}): Promise<InProcessServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-rel-'));
  const databasePath = options.existingFile ?? join(dir, 'kaskade.db');
  const boards = options.existingFile ? reliabilityBoards(options.boards) : createReliabilityDatabase(databasePath, options.boards, options.cardsPerBoard);
  const db = openDatabase(databasePath);
  // The per-connection command rate limit is tested in tests/integration/access-control.test.ts; here scripted
  // clients send hundreds of commands back to back, which is the load under test, not abuse.
  const commandRate = { burst: 1e9, perSecond: 1e9 };
  const { app } = await buildApp({ store: sqliteStore(db), commandRate, ...(options.heartbeat && { heartbeat: options.heartbeat }) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(address).port);
  registerTestDatabase(port, databasePath); // clients sign in with a session in this file (tests/helpers/auth.ts)
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    dir,
    databasePath,
    boards,
    async stop() {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

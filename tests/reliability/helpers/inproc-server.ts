import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../server/app';
import { type Db, openDatabase } from '../../../server/db/open-database';
import { type Store, openStore, sqliteStore } from '../../../server/store';
import type { CommandRate, Heartbeat } from '../../../server/realtime/socket-server';
import { type TestDatabaseTarget, registerTestDatabase } from '../../helpers/auth';
import { testEngine } from '../../helpers/test-engine';
import { seedTestPostgres } from '../../helpers/test-server';
import { type TestDatabase, createTestDatabase } from '../../support/postgres';
import { type ReliabilityBoard, createReliabilityDatabase, fillReliabilityOrganisation, reliabilityBoards } from './fixture';

export interface InProcessServer {
  url: string;
  port: number;
  /** The store the app runs on (either engine): what the tests inspect. */
  store: Store;
  /** Its SQLite connection (SQLite runs only). */
  db: Db;
  dir: string;
  databasePath: string;
  boards: ReliabilityBoard[];
  stop(): Promise<void>;
}

/**
 * The real app (Fastify + Socket.IO) on a fresh database of the test project's engine (a temp SQLite file, or a
 * PostgreSQL database of its own), listening on loopback; `stop` removes it all.
 */
export async function startInProcessServer(options: {
  boards: number;
  heartbeat?: Heartbeat;
  cardsPerBoard?: number;
  /** Serve this existing SQLite file (e.g. a restored backup) instead of a fresh one; it is not removed on stop. */
  existingFile?: string;
  /** Per-socket command rate; default: the product's limit. Bulk tests (one socket, thousands of commands) lift it. */
  commandRate?: CommandRate;
}): Promise<InProcessServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kaskade-rel-'));
  const databasePath = options.existingFile ?? join(dir, 'kaskade.db');
  let postgres: TestDatabase | undefined;
  let store: Store;
  let boards: ReliabilityBoard[];
  if (testEngine === 'postgres' && !options.existingFile) {
    postgres = await createTestDatabase();
    boards = reliabilityBoards(options.boards);
    await seedTestPostgres(postgres.url, (db) => {
      fillReliabilityOrganisation(db, options.boards, options.cardsPerBoard);
    });
    store = openStore({ databasePath, databaseUrl: postgres.url });
  } else {
    boards = options.existingFile ? reliabilityBoards(options.boards) : createReliabilityDatabase(databasePath, options.boards, options.cardsPerBoard);
    store = sqliteStore(openDatabase(databasePath), true);
  }
  // The per-connection command rate limit is tested in tests/integration/access-control.test.ts; here scripted
  // clients send hundreds of commands back to back, which is the load under test, not abuse.
  const commandRate = { burst: 1e9, perSecond: 1e9 };
  const { app } = await buildApp({ store, commandRate, ...(options.heartbeat && { heartbeat: options.heartbeat }) });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(address).port);
  const database: TestDatabaseTarget = postgres ? { postgresUrl: postgres.url } : databasePath;
  registerTestDatabase(port, database); // clients sign in with a session in this database (tests/helpers/auth.ts)
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    get db(): Db {
      if (store.engine === 'sqlite') return store.sqlite;
      throw new Error('This server runs on PostgreSQL: inspect it through `store`.');
    },
    dir,
    databasePath,
    boards,
    async stop() {
      await app.close();
      await store.close();
      await postgres?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

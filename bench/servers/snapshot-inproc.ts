// Baseline for the snapshot: the same queries the server runs for GET /api/boards/:id (the board service over the
// same repositories) plus JSON.stringify, in-process, no HTTP.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/db/open-database';
import { createBoardService } from '../../server/services/board-service';
import { sqliteStore } from '../../server/store';
import { serveParent } from '../lib/procs';

const db = openDatabase(process.env.DATABASE_PATH!);
const boards = createBoardService(sqliteStore(db));

serveParent({
  async run(m) {
    const { boardId, requests } = m as { boardId: string; requests: number };
    let bytes = 0;
    const start = performance.now();
    for (let i = 0; i < requests; i++) bytes += JSON.stringify(await boards.snapshot(boardId)).length;
    return { perRequestMs: (performance.now() - start) / requests, bytes: bytes / requests };
  },
  stop() {
    db.close();
    process.exit(0);
  },
});
process.send?.({ type: 'ready' });

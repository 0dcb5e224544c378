// Baseline for the snapshot: the same queries the server runs for GET /api/boards/:id (the board service over the
// same repositories) plus JSON.stringify, in-process, no HTTP.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../server/db/open-database';
import { createRepositories } from '../../server/repositories';
import { createBoardService } from '../../server/services/board-service';
import { serveParent } from '../lib/procs';

const db = openDatabase(process.env.DATABASE_PATH!);
const boards = createBoardService(db, createRepositories(db));

serveParent({
  run(m) {
    const { boardId, requests } = m as { boardId: string; requests: number };
    let bytes = 0;
    const start = performance.now();
    for (let i = 0; i < requests; i++) bytes += JSON.stringify(boards.snapshot(boardId)).length;
    return { perRequestMs: (performance.now() - start) / requests, bytes: bytes / requests };
  },
  stop() {
    db.close();
    process.exit(0);
  },
});
process.send?.({ type: 'ready' });

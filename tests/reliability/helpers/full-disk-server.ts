import { loadConfig } from '../../../server/config';
import { startServer } from '../../../server/server';

// The server as `npm start` runs it, on a database that may not grow by one more page: from then on SQLite answers
// a write that needs one with SQLITE_FULL, as on a full disk. Nothing else differs.
const server = await startServer(loadConfig());
server.db.pragma(`max_page_count = ${Number(server.db.pragma('page_count', { simple: true }))}`);

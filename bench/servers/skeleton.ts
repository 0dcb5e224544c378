// Baseline for cold start: Fastify + Socket.IO on one port + better-sqlite3 with the product's pragmas, and a route
// that reads a board row, with no app code. Built with the product's server build (scripts/build-server.ts).
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { Server } from 'socket.io';

const db = new Database(process.env.DATABASE_PATH);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
const board = db.prepare('SELECT * FROM boards WHERE id = ?');
const app = Fastify();
const io = new Server(app.server);
io.on('connection', () => {});
app.get<{ Params: { id: string } }>('/api/boards/:id', async (req) => board.get(req.params.id));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { HealthResponse } from '../../shared/rest';
import type { Db } from '../db/open-database';
import { watchEventLoop } from '../services/event-loop-watch';

/** Liveness with a real database read, for load balancers and the wall screen's reconnect logic. */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Db; version: string }> = async (app, { db, version }) => {
  const loop = watchEventLoop();
  app.addHook('onClose', async () => loop.stop());
  const migrations = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM schema_migrations');
  app.get(
    '/api/health',
    { schema: { summary: 'Health check', tags: ['system'], response: { 200: HealthResponse } } },
    async () => ({
      status: 'ok' as const,
      version,
      protocol: PROTOCOL_VERSION,
      database: { migrations: migrations.get()!.n, journalMode: String(db.pragma('journal_mode', { simple: true })) },
      eventLoop: loop.figures(),
    }),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { HealthResponse, HealthUnavailableResponse, ReadyResponse } from '../../shared/rest';
import { createRepositories } from '../repositories';
import type { Store } from '../store';
import type { Clock } from '../services/command-service';
import { watchEventLoop } from '../services/event-loop-watch';

/** Whether this instance has begun to shut down (see server.ts `shutdown`). */
export interface Readiness {
  draining: boolean;
}

/**
 * Liveness (`/api/health`) with a real database read, for the wall screen's reconnect logic and monitoring; and
 * readiness (`/api/ready`) for a load balancer, which turns 503 while the instance drains before it stops.
 */
export const healthRoutes: FastifyPluginAsyncZod<{ store: Store; version: string; readiness: Readiness; clock: Clock }> = async (
  app,
  { store, version, readiness, clock },
) => {
  const system = () => createRepositories(store).system;
  const loop = watchEventLoop();
  app.addHook('onClose', async () => loop.stop());
  app.get(
    '/api/health',
    { schema: { summary: 'Health check', tags: ['system'], response: { 200: HealthResponse, 503: HealthUnavailableResponse } } },
    async (request, reply) => {
      // Screens count meeting timers on the clock the start times were stamped with (client server-clock.ts reads
      // this header): the app's clock, which on PostgreSQL is the database's, the same whichever instance answers.
      reply.header('date', clock.now().toUTCString());
      let database;
      try {
        database = { migrations: await system().migrationCount(), journalMode: await system().journalMode() };
      } catch (err) {
        // PostgreSQL away (restarting, failing over): say so with 503 rather than a generic 500 (multi-instance tests).
        request.log.warn({ err }, 'health: the database does not answer');
        return reply.code(503).send({ status: 'database-unavailable' as const, version, protocol: PROTOCOL_VERSION });
      }
      return { status: 'ok' as const, version, protocol: PROTOCOL_VERSION, database, eventLoop: loop.figures() };
    },
  );
  app.get(
    '/api/ready',
    { schema: { summary: 'Readiness for a load balancer', tags: ['system'], response: { 200: ReadyResponse, 503: ReadyResponse } } },
    async (request, reply) => {
      if (readiness.draining) return reply.code(503).send({ status: 'draining' as const });
      try {
        await system().migrationCount(); // the database answers
      } catch (err) {
        // Not ready while the database is away: the balancer sends new clients to an instance that can serve them.
        request.log.warn({ err }, 'ready: the database does not answer');
        return reply.code(503).send({ status: 'database-unavailable' as const });
      }
      return { status: 'ready' as const };
    },
  );
};

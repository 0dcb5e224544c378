import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { HealthResponse } from '../../shared/rest';
import type { SystemRepository } from '../repositories/system-repository';
import { watchEventLoop } from '../services/event-loop-watch';

/** Liveness with a real database read, for load balancers and the wall screen's reconnect logic. */
export const healthRoutes: FastifyPluginAsyncZod<{ system: SystemRepository; version: string }> = async (app, { system, version }) => {
  const loop = watchEventLoop();
  app.addHook('onClose', async () => loop.stop());
  app.get(
    '/api/health',
    { schema: { summary: 'Health check', tags: ['system'], response: { 200: HealthResponse } } },
    async () => ({
      status: 'ok' as const,
      version,
      protocol: PROTOCOL_VERSION,
      database: { migrations: system.migrationCount(), journalMode: system.journalMode() },
      eventLoop: loop.figures(),
    }),
  );
};

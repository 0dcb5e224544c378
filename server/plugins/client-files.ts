import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built client; unknown paths fall back to index.html (see the not-found handler in errors.ts).
 * One wildcard route looks files up on request, instead of listing the whole folder at start-up.
 */
export async function registerClientFiles(app: FastifyInstance, clientDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: clientDir, wildcard: true, index: 'index.html' });
}

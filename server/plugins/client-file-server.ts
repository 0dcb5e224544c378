import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * A Fastify instance of its own, never listening, that serves the built client with @fastify/static: file lookup,
 * path checks, ETag and Last-Modified, ranges, index.html for directories.
 */
export async function createClientFileServer(clientDir: string): Promise<FastifyInstance> {
  const files = Fastify();
  await files.register(fastifyStatic, { root: clientDir, wildcard: true, index: 'index.html' });
  await files.ready();
  return files;
}

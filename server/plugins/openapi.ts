import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { RecordedRoute } from './openapi-document';

/**
 * The OpenAPI document, generated from the same zod schemas the routes validate with. The routes are recorded as
 * they are added; @fastify/swagger (with its YAML and JSON Schema code) is loaded to describe them on the first
 * request for the document, not at start-up.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  const routes: RecordedRoute[] = [];
  app.addHook('onRoute', ({ method, url, schema, config }) => {
    routes.push({ method, url, schema, config });
  });
  const info = {
    title: 'Kaskade API',
    version,
    description:
      `REST API of Kaskade. Board changes are made over Socket.IO (protocol ${PROTOCOL_VERSION}); ` +
      'see shared/protocol.ts for the commands and events.',
  };
  let document: Promise<unknown> | undefined;
  const describe = () =>
    import('./openapi-document').then((m) => m.describeRoutes(routes, info)).catch((err: unknown) => {
      document = undefined; // not cached: the next request tries again
      throw err;
    });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => (document ??= describe()));
}

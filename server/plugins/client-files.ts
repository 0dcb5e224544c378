import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** Answers with a file of the built client (a path below its folder), or `missing()` when there is none. */
    sendClientFile(path: string, missing: () => unknown): Promise<unknown>;
  }
}

// What a conditional or partial request carries to the file server, and what its answer carries back.
const REQUEST_HEADERS = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'range', 'if-range'];
const RESPONSE_HEADERS = ['content-type', 'etag', 'last-modified', 'cache-control', 'accept-ranges', 'content-range', 'location'];

const pick = (headers: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(names.filter((n) => headers[n] !== undefined).map((n) => [n, String(headers[n])]));

/**
 * Serves the built client; unknown paths fall back to index.html (see the not-found handler in errors.ts).
 * @fastify/static (with glob, send and a MIME table) was a large part of a cold start, and no API request needs
 * it: it runs in a file server of its own, created on the first request for a client file, and answers through
 * this app, so its security headers, compression and error handling apply as before.
 */
export async function registerClientFiles(app: FastifyInstance, clientDir: string): Promise<void> {
  let server: Promise<FastifyInstance> | undefined;
  const fileServer = () =>
    (server ??= import('./client-file-server').then((m) => m.createClientFileServer(clientDir)).catch((err: unknown) => {
      server = undefined; // not cached: the next request tries again
      throw err;
    }));

  async function send(request: FastifyRequest, reply: FastifyReply, url: string, missing: () => unknown) {
    const files = await fileServer();
    const res = await files.inject({ method: 'GET', url, headers: pick(request.headers as IncomingHttpHeaders, REQUEST_HEADERS) });
    if (res.statusCode === 404) return missing();
    reply.code(res.statusCode).headers(pick(res.headers, RESPONSE_HEADERS));
    return reply.send(res.statusCode === 304 ? undefined : res.rawPayload);
  }

  app.addHook('onClose', async () => {
    if (server) await (await server.catch(() => null))?.close();
  });
  app.decorateReply('sendClientFile', function (this: FastifyReply, path: string, missing: () => unknown) {
    return send(this.request, this, `/${path.replace(/^\/+/, '')}`, missing);
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => send(request, reply, request.url, () => reply.callNotFound()));
}

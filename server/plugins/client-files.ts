import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

/** Vite names every file under assets/ by its content hash: a new build gives new names, so they never go stale. */
const HASHED_FOLDER = 'assets';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Does the built client exist? Without its index.html there is no page to fall back to for deep links. */
export const hasClientIndex = (clientDir: string): boolean => existsSync(join(clientDir, 'index.html'));

/**
 * Serves the built client with @fastify/static. Hashed assets are cached for a year, everything else (index.html)
 * is revalidated on each use. `preCompressed` sends the .br/.gz files scripts/precompress.ts wrote at build time,
 * so no request compresses anything. Unknown paths reach the not-found handler (errors.ts), which answers a page
 * path with index.html; refused paths (`..`, encoded separators) answer 403 through the error handler.
 */
export const clientFiles = fp<{ root: string }>(
  async (app, { root }) => {
    await app.register(fastifyStatic, {
      root,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, path: string) => {
        const hashed = relative(root, path).split(sep)[0] === HASHED_FOLDER;
        reply.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
      },
    });
  },
  { name: 'client-files' },
);

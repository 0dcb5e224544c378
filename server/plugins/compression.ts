import fastifyCompress from '@fastify/compress';
import fp from 'fastify-plugin';

/**
 * @fastify/compress for API answers (a board snapshot, the overview, a report) on slow links such as a wall
 * screen's Wi-Fi. The client's files never pass through it: the build wrote a .br and .gz beside each of them
 * (scripts/precompress.ts, same 1 KiB threshold) and @fastify/static sends those with their Content-Encoding set,
 * which this plugin leaves alone. Brotli runs at the plugin's recommended quality 4; answers above its sync
 * threshold stream through zlib on libuv's thread pool, not the event loop.
 */
export const compression = fp(
  async (app) => {
    await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  },
  { name: 'compression' },
);

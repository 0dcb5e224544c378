import { pipeline } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Encoding = 'br' | 'gzip';

// Brotli at quality 4 compresses JSON better than gzip at about gzip's speed (the highest levels are far slower).
const BROTLI = { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 4 } };
// Not event streams: a compressor would hold their events back until its buffer fills.
const COMPRESSIBLE = /^\s*(text\/(?!event-stream)|application\/(json|javascript|xml|[\w.-]+\+(json|xml))|image\/svg\+xml)/i;

/** The encoding to answer with for an Accept-Encoding header: brotli, then gzip, else none. */
export function negotiateEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const wildcard = accepted.get('*') ?? 0;
  if ((accepted.get('br') ?? wildcard) > 0) return 'br';
  if ((accepted.get('gzip') ?? wildcard) > 0) return 'gzip';
  return null;
}

function addVary(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  if (!vary) reply.header('vary', 'accept-encoding');
  else if (!/accept-encoding|\*/i.test(String(vary))) reply.header('vary', `${String(vary)}, accept-encoding`);
}

function encodingFor(request: FastifyRequest, reply: FastifyReply, payload: unknown): Encoding | null {
  if (payload === null || payload === undefined || request.headers['x-no-compression'] !== undefined) return null;
  if (request.method === 'HEAD') return null; // no body goes out: compressing it would be work for nothing
  if (reply.getHeader('content-encoding') || reply.statusCode === 206 || reply.getHeader('content-range')) return null;
  if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? 'application/json'))) return null;
  const header = request.headers['accept-encoding'];
  return negotiateEncoding(Array.isArray(header) ? header.join(',') : header);
}

/**
 * Compresses responses of compressible types (JSON, HTML, scripts, styles, SVG) with brotli or gzip, as the client
 * accepts: bodies from `threshold` bytes at once, streams (client files) as they flow. A few lines of our own
 * instead of @fastify/compress, whose dependencies cost start-up time and whose check for fetch Responses loaded
 * Node's whole fetch implementation on the first request after every restart.
 */
export function registerCompression(app: FastifyInstance, options: { threshold: number }): void {
  app.addHook('onSend', async (request, reply, payload: unknown) => {
    const encoding = encodingFor(request, reply, payload);
    if (!encoding) return payload;
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      if (Buffer.byteLength(payload) < options.threshold) return payload;
      const body = encoding === 'br' ? brotliCompressSync(payload, BROTLI) : gzipSync(payload);
      addVary(reply);
      reply.header('content-encoding', encoding).header('content-length', body.length);
      return body;
    }
    if (typeof (payload as NodeJS.ReadableStream).pipe !== 'function') return payload;
    const compressor = encoding === 'br' ? createBrotliCompress(BROTLI) : createGzip();
    addVary(reply);
    reply.header('content-encoding', encoding).removeHeader('content-length');
    pipeline(payload as NodeJS.ReadableStream, compressor, (err) => {
      if (err && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') reply.log.warn({ err }, 'compressing a response failed');
    });
    return compressor;
  });
}

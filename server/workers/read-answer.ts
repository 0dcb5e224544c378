import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';

/** The encodings the API offers, in the server's order of preference (as the compression plugin has them). */
const ENCODINGS = ['br', 'gzip'] as const;
export type AnswerEncoding = (typeof ENCODINGS)[number];

export const JSON_TYPE = 'application/json; charset=utf-8';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** Below this an answer goes out plain (the compression plugin's threshold). */
const THRESHOLD = 1024;

/** A read-pool answer as it goes on the wire: the body already encoded, so the main thread only writes it. */
export interface ReadAnswer {
  body: Uint8Array;
  encoding: AnswerEncoding | null;
}

/**
 * The encoding a client accepts, negotiated as @fastify/compress does (`*` and `x-gzip` count as gzip), or null
 * for none: decided on the main thread from the request's header, applied in the pool.
 */
export function acceptedEncoding(header: string | string[] | undefined): AnswerEncoding | null {
  if (typeof header !== 'string') return null;
  const chosen = negotiate(header.toLowerCase().replace(/\*|x-gzip/gu, 'gzip'), [...ENCODINGS]);
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/**
 * Encodes a text answer in the pool's thread. Done there rather than by the compression plugin, which compresses
 * answers below its sync threshold on the event loop and larger ones on libuv's threads at the main thread's
 * priority: a region's report or export is tens of kilobytes, and the pool's threads run at the lowest priority.
 */
export function encodeAnswer(text: string, encoding: AnswerEncoding | null): ReadAnswer {
  const plain = Buffer.from(text, 'utf8');
  if (encoding === null || plain.length < THRESHOLD) return { body: plain, encoding: null };
  const body = encoding === 'br'
    ? brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } })
    : gzipSync(plain);
  return { body, encoding };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Helmet's protections with a strict Content Security Policy (the client loads only its own files). The policy is
 * spelled out whole (no helmet defaults merged in) so it stays exactly what the client was built and tested for.
 * Cross-Origin-Embedder-Policy stays off: nothing is embedded cross-origin.
 */
export const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  referrerPolicy: { policy: 'same-origin' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  xFrameOptions: { action: 'sameorigin' },
} satisfies FastifyHelmetOptions;

/**
 * The same headers as plain name/value pairs, for answers written outside Fastify's hooks: Node's parser errors
 * (400, 431), URLs that do not decode, and Socket.IO's polling answers. Helmet itself computes them, once.
 */
export const RAW_SECURITY_HEADERS: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  const request = { method: 'GET', headers: {} };
  helmet(HELMET_OPTIONS)(request as IncomingMessage, collector as unknown as ServerResponse, () => undefined);
  return Object.freeze(headers);
})();

/** @fastify/helmet on every answer Fastify sends. */
export const securityHeaders = fp(
  async (app) => {
    await app.register(fastifyHelmet, HELMET_OPTIONS);
  },
  { name: 'security-headers' },
);

import fastifyCookie from '@fastify/cookie';
import fp from 'fastify-plugin';

/** @fastify/cookie: `request.cookies`, `reply.setCookie` and `reply.clearCookie` (no signed cookies are used). */
export const cookies = fp(
  async (app) => {
    await app.register(fastifyCookie);
  },
  { name: 'cookies' },
);

/** The cookies of a raw Cookie header (a Socket.IO handshake has no Fastify request), parsed as the plugin does. */
export const parseCookieHeader = (header: string | undefined): Record<string, string | undefined> =>
  header ? fastifyCookie.parse(header) : {};

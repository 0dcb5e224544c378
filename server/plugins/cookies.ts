import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply } from 'fastify';

// The three cookies Kaskade sets (session, its __Host- form, OIDC state) go through jshttp's `cookie` directly:
// @fastify/cookie only wrapped it in hooks that parsed and serialised cookies on every request.

export interface CookieOptions {
  path: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'lax' | 'strict';
  expires?: Date;
  /** Seconds. */
  maxAge?: number;
}

/** The cookies of a Cookie header, by name (a malformed escape is kept as sent). */
export function parseCookies(header: string | undefined): Record<string, string> {
  if (!header) return {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(parseCookie(header))) if (value !== undefined) out[name] = value;
  return out;
}

/** Adds a Set-Cookie header (Fastify keeps every Set-Cookie of a reply). */
export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  reply.header('set-cookie', stringifySetCookie({ name, value, ...options }));
}

/** Tells the browser to drop a cookie: empty, expired at the epoch, with the path it was set with. */
export function clearCookie(reply: FastifyReply, name: string, options: CookieOptions): void {
  setCookie(reply, name, '', { ...options, expires: new Date(0), maxAge: undefined });
}

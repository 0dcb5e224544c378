import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_HEADER } from '../../shared/auth';
import type { AuthService, Principal } from '../services/auth-service';
import { parseCookieHeader } from './cookies';
import { sendError } from './errors';

/** The session cookie: `__Host-` (Secure, Path=/, no Domain) when served over HTTPS, a plain name over HTTP. */
export const SESSION_COOKIE = 'kaskade_session';
export const SECURE_SESSION_COOKIE = '__Host-kaskade_session';
/** Every cookie-authenticated state-changing request carries this header (a cross-site form or fetch cannot). */
export { CSRF_HEADER };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** How the principal was found: a cookie (CSRF applies) or a bearer token (it does not). */
    credentialSource: 'cookie' | 'bearer' | null;
  }
}

export interface SecurityOptions {
  auth: AuthService;
  /** Origins allowed besides the server's own (e.g. the Vite dev server); same-origin is always allowed. */
  allowedOrigins: readonly string[];
}

/**
 * Is this Origin acceptable? Absent (not a browser, or a same-origin navigation) is; "null" (sandboxed frames,
 * file: pages, some redirects) never is; otherwise it must be this server's own origin (the Host it was asked
 * by) or one of the configured ones.
 */
export function originAllowed(headers: IncomingHttpHeaders, allowedOrigins: readonly string[]): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (origin === 'null' || Array.isArray(origin)) return false;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === headers.host;
  } catch {
    return false;
  }
}

/**
 * The token of an `Authorization: Bearer <token>` header (the scheme in any case, RFC 9110), else null. The one
 * reading of the header: what exempts a request from CSRF is exactly what makes it bearer-authenticated.
 */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

/**
 * The credential a request or a socket handshake carries: a bearer token first, else the session cookie. Over
 * HTTPS only the `__Host-` cookie counts: a plain-named one may have been set by a sibling subdomain or over plain
 * HTTP (cookie tossing), while a `__Host-` cookie can only come from this host over HTTPS.
 */
export function credentialFrom(headers: IncomingHttpHeaders, secure: boolean): { token: string; source: 'cookie' | 'bearer' } | null {
  const bearer = bearerToken(headers);
  if (bearer) return { token: bearer, source: 'bearer' };
  const cookies = parseCookieHeader(headers.cookie);
  const token = secure ? cookies[SECURE_SESSION_COOKIE] : (cookies[SESSION_COOKIE] ?? cookies[SECURE_SESSION_COOKIE]);
  return token ? { token, source: 'cookie' } : null;
}

/** Does the request go to an API route? Decided on the route the router matched (it decodes `%61pi`), never on the raw URL. */
export const isApiRoute = (request: FastifyRequest): boolean => request.routeOptions.url?.startsWith('/api/') ?? false;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Origin and CSRF checks, and who is asking (`request.principal`); headers are helmet's, rate limits per route. */
export const security = fp<SecurityOptions>(
  async (app, options) => {
    app.decorateRequest('principal', null);
    app.decorateRequest('credentialSource', null);

    app.addHook('onRequest', async (request, reply) => {
      // A GET or HEAD has no body. One that carries a large one would be answered while the body is still
      // arriving, and Node then closes the connection under a long answer: refuse it at once, in a few bytes.
      const length = Number(request.headers['content-length'] ?? 0);
      if ((request.method === 'GET' || request.method === 'HEAD') && (length > 0 || request.headers['transfer-encoding'])) {
        reply.header('connection', 'close');
        return sendError(reply, 400, 'VALIDATION_FAILED', 'A GET or HEAD request has no body.');
      }
      if (!isApiRoute(request)) return;
      if (!originAllowed(request.headers, options.allowedOrigins)) {
        return sendError(reply, 403, 'FORBIDDEN', 'Requests from this origin are not allowed.');
      }
      const credential = credentialFrom(request.headers, request.protocol === 'https');
      const principal = credential ? await options.auth.resolve(credential.token) : null;
      if (principal && credential) {
        request.principal = principal;
        request.credentialSource = credential.source;
      }
    });

    // CSRF: a state-changing request that a browser could send with the cookie must prove it comes from our page.
    // After body parsing (preValidation), so a malformed body still answers 400 first.
    app.addHook('preValidation', async (request, reply) => {
      if (SAFE_METHODS.has(request.method) || !isApiRoute(request)) return;
      // A bearer token (wall screen, API token of a feed) is never sent by a browser on its own: no CSRF risk.
      if (bearerToken(request.headers) !== null) return;
      if (request.headers[CSRF_HEADER] !== '1') return sendError(reply, 403, 'FORBIDDEN', `Missing the ${CSRF_HEADER} header.`);
    });
  },
  { name: 'security', dependencies: ['cookies'] },
);

/** A preHandler that answers 401 unless someone signed in (or a device) asks. */
export async function requirePrincipal(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!request.principal) return sendError(reply, 401, 'UNAUTHENTICATED', 'Sign in first.');
  return undefined;
}

/** A preHandler that answers 401 unless a signed-in person (not a device) asks. */
export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!request.principal) return sendError(reply, 401, 'UNAUTHENTICATED', 'Sign in first.');
  if (request.principal.kind !== 'user') return sendError(reply, 403, 'FORBIDDEN', 'Only people may do this.');
  return undefined;
}

export const forbid = (reply: FastifyReply, message = 'You may not do this.') => sendError(reply, 403, 'FORBIDDEN', message);
export const notFound = (reply: FastifyReply, message: string) => sendError(reply, 404, 'NOT_FOUND', message);

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure and `__Host-` over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
  const secure = request.protocol === 'https';
  reply.setCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = request.protocol === 'https';
  reply.clearCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

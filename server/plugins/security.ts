import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../../shared/auth';
import type { ErrorResponse } from '../../shared/rest';
import type { AuthService, Principal } from '../services/auth-service';
import { clearCookie, parseCookies, setCookie } from './cookies';
import { SECURITY_HEADERS } from './security-headers';

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

/** The credential a request or a socket handshake carries: a bearer token first, else the session cookie. */
export function credentialFrom(headers: IncomingHttpHeaders): { token: string; source: 'cookie' | 'bearer' } | null {
  const authz = headers.authorization;
  if (typeof authz === 'string' && authz.startsWith('Bearer ')) return { token: authz.slice(7).trim(), source: 'bearer' };
  const cookies = parseCookies(headers.cookie);
  const token = cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE];
  return token ? { token, source: 'cookie' } : null;
}

const error = (reply: FastifyReply, status: number, code: ErrorResponse['error']['code'], message: string) =>
  reply.code(status).send({ error: { code, message } } satisfies ErrorResponse);

/** Security headers, Origin and CSRF checks, and who is asking (`request.principal`); rate limits are per route. */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  app.decorateRequest('principal', null);
  app.decorateRequest('credentialSource', null);

  app.addHook('onRequest', async (request, reply) => {
    // A GET or HEAD has no body. One that carries a large one would be answered while the body is still arriving,
    // and Node then closes the connection under a long answer: refuse it at once, in a few bytes.
    const length = Number(request.headers['content-length'] ?? 0);
    if ((request.method === 'GET' || request.method === 'HEAD') && (length > 0 || request.headers['transfer-encoding'])) {
      reply.header('connection', 'close');
      return error(reply, 400, 'VALIDATION_FAILED', 'A GET or HEAD request has no body.');
    }
    if (!request.url.startsWith('/api/')) return;
    if (!originAllowed(request.headers, options.allowedOrigins)) {
      return error(reply, 403, 'FORBIDDEN', 'Requests from this origin are not allowed.');
    }
    const credential = credentialFrom(request.headers);
    const principal = credential ? options.auth.resolve(credential.token) : null;
    if (principal && credential) {
      request.principal = principal;
      request.credentialSource = credential.source;
    }
  });

  // CSRF: a state-changing request that a browser could send with the cookie must prove it comes from our page.
  // After body parsing (preValidation), so a malformed body still answers 400 first.
  app.addHook('preValidation', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    // A bearer token (wall screen, API token of a feed) is never sent by a browser on its own: no CSRF risk.
    if (!request.url.startsWith('/api/') || /^Bearer\s/i.test(request.headers.authorization ?? '')) return;
    if (request.headers[CSRF_HEADER] !== '1') {
      return error(reply, 403, 'FORBIDDEN', `Missing the ${CSRF_HEADER} header.`);
    }
  });
}

/** A preHandler that answers 401 unless someone signed in (or a device) asks. */
export async function requirePrincipal(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!request.principal) return error(reply, 401, 'UNAUTHENTICATED', 'Sign in first.');
  return undefined;
}

/** A preHandler that answers 401 unless a signed-in person (not a device) asks. */
export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!request.principal) return error(reply, 401, 'UNAUTHENTICATED', 'Sign in first.');
  if (request.principal.kind !== 'user') return error(reply, 403, 'FORBIDDEN', 'Only people may do this.');
  return undefined;
}

export const forbid = (reply: FastifyReply, message = 'You may not do this.') => error(reply, 403, 'FORBIDDEN', message);
export const notFound = (reply: FastifyReply, message: string) => error(reply, 404, 'NOT_FOUND', message);

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure and `__Host-` over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
  const secure = request.protocol === 'https';
  setCookie(reply, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = request.protocol === 'https';
  clearCookie(reply, secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

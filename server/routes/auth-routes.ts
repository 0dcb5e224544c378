import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { Id } from '../../shared/schemas';
import { AuthConfig, BoardAccess, ChangePasswordRequest, EnrolRequest, EnrolResponse, LoginRequest, Me } from '../../shared/auth';
import { ErrorResponse } from '../../shared/rest';
import { createRepositories } from '../repositories';
import { sendError } from '../plugins/errors';
import { perMinute } from '../plugins/rate-limit';
import {
  clearSessionCookie,
  credentialFrom,
  requirePrincipal,
  setSessionCookie,
} from '../plugins/security';
import type { Store } from '../store';
import type { AccessPolicy } from '../services/access-policy';
import { changeOwnPassword } from '../services/admin';
import type { Clock } from '../services/command-service';
import type { AuthService, Principal } from '../services/auth-service';
import type { Oidc } from '../services/oidc';

/** Open sockets, for ending a session's or a device's connections at once. Filled in when Socket.IO exists. */
export interface LiveSockets {
  disconnect(match: (principal: Principal) => boolean): void;
}

export interface AuthRoutesOptions {
  store: Store;
  clock: Clock;
  auth: AuthService;
  access: AccessPolicy;
  live: LiveSockets;
  oidc: Oidc | null;
  demo: boolean;
  loginAttemptsPerMinute: number;
}

const OIDC_STATE_COOKIE = 'kaskade_oidc_state';

/** Sign-in (password or OpenID Connect), sign-out, who am I, and the wall screen's enrolment. */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, opts) => {
  const { auth, live } = opts;
  const accounts = () => createRepositories(opts.store).accounts;
  // Each route counts its own attempts per client address.
  const limited = { rateLimit: perMinute(opts.loginAttemptsPerMinute) };

  app.get('/api/auth/config', { schema: { summary: 'Which sign-in methods are on', tags: ['auth'], response: { 200: AuthConfig } } }, async () => ({
    oidc: opts.oidc !== null,
    demo: opts.demo,
  }));

  app.post(
    '/api/auth/login',
    {
      config: limited,
      schema: { summary: 'Sign in with username and password', tags: ['auth'], body: LoginRequest, response: { 200: Me, 401: ErrorResponse } },
    },
    async (request, reply) => {
      const result = await auth.login(request.body.username, request.body.password);
      if (!result) {
        return sendError(reply, 401, 'UNAUTHENTICATED', 'Wrong username or password.');
      }
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return await me(result.principal);
    },
  );

  app.post('/api/auth/logout', { schema: { summary: 'Sign out', tags: ['auth'] } }, async (request, reply) => {
    const credential = credentialFrom(request.headers, request.protocol === 'https');
    const principal = request.principal;
    if (credential?.source === 'cookie') await auth.logout(credential.token);
    if (principal?.kind === 'user' && principal.sessionHash) {
      const hash = principal.sessionHash;
      live.disconnect((p) => p.kind === 'user' && p.sessionHash === hash);
    }
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.post(
    '/api/auth/password',
    {
      config: limited,
      preHandler: requirePrincipal,
      schema: {
        summary: "Change one's own password (the current one is required); one's other sessions end",
        tags: ['auth'],
        body: ChangePasswordRequest,
        response: { 204: z.null(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      if (principal.kind !== 'user') return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'A wall screen has no password.' } });
      const me = { userId: principal.id, actor: principal.actor, sessionHash: principal.sessionHash };
      const result = await changeOwnPassword(opts, me, request.body);
      if (!result.ok) return reply.code(result.status).send({ error: { code: result.code, message: result.message } });
      live.disconnect((p) => p.kind === 'user' && p.id === principal.id && p.sessionHash !== principal.sessionHash);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { summary: 'Who is signed in (a person, a wall screen, or no one: `anonymous`)', tags: ['auth'], response: { 200: Me } } },
    async (request): Promise<Me> => (request.principal ? me(request.principal) : { kind: 'anonymous' }),
  );

  app.post(
    '/api/devices/enrol',
    {
      config: limited,
      schema: {
        summary: 'Exchange a one-time enrolment code for a wall screen token',
        tags: ['devices'],
        body: EnrolRequest,
        response: { 200: EnrolResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const result = await auth.enrol(request.body.code);
      if (!result || result.device.kind !== 'device') {
        return sendError(reply, 401, 'UNAUTHENTICATED', 'The code is unknown, used or expired.');
      }
      const d = result.device;
      await accounts().adminEvent(d.actor, new Date().toISOString(), 'device.enrolled', d.actor, { boardId: d.boardId });
      return { token: result.token, device: { id: d.id, name: d.name, boardId: d.boardId, mode: d.mode } };
    },
  );

  app.get(
    '/api/boards/:id/access',
    {
      preHandler: requirePrincipal,
      schema: { summary: 'What the caller may do on a board', tags: ['auth'], params: z.object({ id: Id }), response: { 200: BoardAccess, 401: ErrorResponse } },
    },
    async (request) => {
      const actor = request.principal!.actor;
      const id = request.params.id;
      return {
        read: await opts.access.can(actor, 'read', id),
        write: await opts.access.can(actor, 'write', id),
        facilitate: await opts.access.can(actor, 'facilitate', id),
        administer: await opts.access.can(actor, 'administer', id),
      };
    },
  );

  const oidc = opts.oidc;
  if (oidc) {
    app.get('/api/auth/oidc/start', { config: limited, schema: { hide: true } }, async (request, reply) => {
      const { url, attempt } = await oidc.start();
      reply.setCookie(OIDC_STATE_COOKIE, attempt, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        path: '/api/auth/oidc',
        maxAge: 600,
      });
      return reply.redirect(url);
    });
    app.get('/api/auth/oidc/callback', { config: limited, schema: { hide: true } }, async (request, reply) => {
      const callback = new URL(request.url, `${request.protocol}://${request.host}`);
      let email: string;
      try {
        email = await oidc.finish(callback, request.cookies[OIDC_STATE_COOKIE]);
      } catch (err) {
        request.log.warn({ err }, 'OIDC sign-in failed');
        return reply.redirect('/login?error=oidc');
      }
      const session = await auth.sessionForEmail(email);
      if (!session) return reply.redirect('/login?error=unknown-user');
      setSessionCookie(request, reply, session.token, session.expiresAt);
      reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/auth/oidc' });
      return reply.redirect('/');
    });
  }

  async function me(principal: Principal): Promise<Me> {
    if (principal.kind === 'device') {
      return { kind: 'device', id: principal.id, name: principal.name, boardId: principal.boardId, mode: principal.mode };
    }
    const roles = (await accounts().rolesOf(principal.id)).map((r) => ({ unitId: r.unit_id, role: r.role }));
    return {
      kind: 'user',
      id: principal.id,
      username: principal.username,
      name: principal.name,
      roles,
      isAdmin: roles.some((r) => r.role === 'admin'),
    };
  }
};

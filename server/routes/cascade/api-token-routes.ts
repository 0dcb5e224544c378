import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { ApiTokenCreate, ApiTokenCreated, ApiTokenList } from '../../../shared/cascade';
import { ErrorResponse } from '../../../shared/rest';
import { Id } from '../../../shared/schemas';
import type { FeedContext } from './feed-routes';
import { sendError } from '../../plugins/errors';
import { actorOf, filterAsync, someAsync, unitTester } from './route-helpers';

type App = Parameters<FastifyPluginAsyncZod>[0];

/** API tokens for feeds: created by an administrator of the unit, listed without secrets, revoked at once. */
export function registerApiTokenRoutes(app: App, ctx: FeedContext): void {
  const { cascade, tokens, mayOnUnits } = ctx;
  app.get(
    '/api/api-tokens',
    {
      schema: { summary: 'List API tokens (never their secrets)', tags: ['api tokens'], response: { 200: ApiTokenList, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request, reply) => {
      // Only a person who administers units sees tokens, and only those of the units they administer.
      if (request.apiToken) return sendError(reply, 403, 'FORBIDDEN', 'An API token cannot list tokens.');
      if (!request.principal) return sendError(reply, 401, 'UNAUTHENTICATED', 'Sign in first.');
      if (request.principal.kind !== 'user') return sendError(reply, 403, 'FORBIDDEN', 'Only people may list API tokens.');
      const administers = unitTester(request, ctx.access, 'administer');
      const theirs = await filterAsync(await tokens.list(), (t) => administers(t.unitId));
      if (theirs.length === 0 && !(await someAsync(await cascade.units(), (u) => administers(u.id)))) {
        return sendError(reply, 403, 'FORBIDDEN', 'Only administrators may list API tokens.');
      }
      return { tokens: theirs };
    },
  );

  app.post(
    '/api/api-tokens',
    {
      schema: {
        summary: 'Create an API token for a unit and the units below it; the secret is shown only in this answer',
        tags: ['api tokens'],
        body: ApiTokenCreate,
        response: { 201: ApiTokenCreated, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (request.apiToken) return sendError(reply, 403, 'FORBIDDEN', 'An API token cannot create tokens.');
      const { name, unitId } = request.body;
      if (!(await cascade.unitExists(unitId))) return sendError(reply, 404, 'NOT_FOUND', 'The unit does not exist.');
      if (!(await mayOnUnits(request, reply, 'administer', [unitId]))) return reply;
      return reply.code(201).send(await tokens.create(name, unitId, actorOf(request)));
    },
  );

  app.delete(
    '/api/api-tokens/:id',
    {
      schema: {
        summary: 'Revoke an API token (it stops working at once)',
        tags: ['api tokens'],
        params: z.object({ id: Id }),
        response: { 204: z.null().describe('Revoked'), 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (request.apiToken) return sendError(reply, 403, 'FORBIDDEN', 'An API token cannot revoke tokens.');
      const token = (await tokens.list()).find((t) => t.id === request.params.id);
      if (!token) return sendError(reply, 404, 'NOT_FOUND', 'No such API token.');
      if (!(await mayOnUnits(request, reply, 'administer', [token.unitId]))) return reply;
      await tokens.revoke(token.id, actorOf(request));
      return reply.code(204).send(null);
    },
  );
}

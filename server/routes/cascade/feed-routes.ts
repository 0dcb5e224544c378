import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IndicatorParams,
  MeasurementBatch,
  MeasurementListResponse,
  MeasurementWriteResponse,
  UnitQuery,
} from '../../../shared/cascade';
import { ErrorResponse } from '../../../shared/rest';
import type { UnitAccessPolicy, Capability } from '../../services/access-policy';
import type { ApiTokenPrincipal, ApiTokens } from '../../services/cascade/api-tokens';
import type { CascadeService } from '../../services/cascade/cascade-service';
import type { LiveUpdates } from '../../realtime/live-updates';
import type { MeasurementWriter } from '../../services/cascade/measurement-writer';
import type { Clock } from '../../services/command-service';
import { createRepositories } from '../../repositories';
import type { Store } from '../../store';
import { sendError } from '../../plugins/errors';
import { bearerToken } from '../../plugins/security';
import type { ReadPool } from '../../workers/read-pool';
import { actorOf, allowed } from './route-helpers';
import { registerApiTokenRoutes } from './api-token-routes';
import { registerCsvRoutes } from './csv-routes';

/** What the CSV and token routes share with the feed: its deps, the access check and the actor of a request. */
export interface FeedContext extends FeedDeps {
  mayOnUnits: (request: FastifyRequest, reply: FastifyReply, capability: Capability, unitIds: Iterable<string>) => Promise<boolean>;
  actor: (request: FastifyRequest) => string;
}

export interface FeedDeps {
  cascade: CascadeService;
  access: UnitAccessPolicy;
  tokens: ApiTokens;
  writer: MeasurementWriter;
  live: LiveUpdates;
  store: Store;
  clock: Clock;
  /** Exports run here, off the event loop. */
  reads: ReadPool;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The API token a feed authenticated with, if any. */
    apiToken?: ApiTokenPrincipal | null;
  }
}

/** The secret of an API token (`kft_…`) the request carries as its bearer token, if any. */
const apiTokenSecret = (request: FastifyRequest): string | null => {
  const token = bearerToken(request.headers);
  return token?.startsWith('kft_') ? token : null;
};

const EXAMPLE_BATCH = {
  measurements: [
    { unitId: 'n2', periodStart: '2026-10-01', value: 3.2, numerator: 4, denominator: 125 },
    { unitId: 'n1', periodStart: '2026-10-01', value: 2.5, note: 'Fra LPR-udtræk' },
  ],
};

/**
 * Measurement feeds for data warehouses (API tokens, scoped to a unit and the units below), CSV import and export,
 * and the administration of API tokens. Writes are all-or-nothing and reach live boards as board events.
 */
export const feedRoutes: FastifyPluginAsyncZod<FeedDeps> = async (app, deps) => {
  const { cascade, access, tokens, writer, live, store, clock } = deps;

  // A valid API token marks the request as bearer-authenticated: no cookie is involved, so CSRF checks do not apply.
  app.addHook('onRequest', async (request, reply) => {
    const secret = apiTokenSecret(request);
    if (!secret) return;
    request.apiToken = await tokens.authenticate(secret);
    if (!request.apiToken) return sendError(reply, 401, 'UNAUTHENTICATED', 'The API token is unknown or revoked.');
    request.credentialSource = 'bearer';
  });

  /** May the caller (API token or person) do `capability` on every unit? Answers 401/403 itself when not. */
  const mayOnUnits = async (request: FastifyRequest, reply: FastifyReply, capability: Capability, unitIds: Iterable<string>): Promise<boolean> => {
    if (apiTokenSecret(request) && !request.apiToken) {
      void sendError(reply, 401, 'UNAUTHENTICATED', 'The API token is unknown or revoked.');
      return false;
    }
    for (const unitId of new Set(unitIds)) {
      if (request.apiToken) {
        if (!(await tokens.covers(request.apiToken, unitId))) {
          void sendError(reply, 403, 'FORBIDDEN', `The API token may not ${capability} for unit ${unitId}.`, [{ path: 'unitId', message: 'outside the token\'s unit' }]);
          return false;
        }
      } else if (!(await allowed(request, reply, access, capability, { unitId, boardId: await cascade.boardOfUnit(unitId) }))) {
        return false;
      }
    }
    return true;
  };
  const actor = (request: FastifyRequest) => request.apiToken?.actor ?? actorOf(request);

  app.get(
    '/api/indicators/:id/measurements',
    {
      schema: {
        summary: "List an indicator's measurements for a unit, oldest first",
        description: 'Authenticate with `Authorization: Bearer kft_…` (an API token) or a signed-in session.',
        tags: ['measurements'],
        params: IndicatorParams,
        querystring: UnitQuery,
        response: { 200: MeasurementListResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!(await mayOnUnits(request, reply, 'read', [request.query.unit]))) return reply;
      const page = await cascade.indicatorPage(request.params.id, request.query.unit);
      if (!page) return sendError(reply, 404, 'NOT_FOUND', 'The indicator or the unit does not exist.');
      return { measurements: page.measurements };
    },
  );

  app.put(
    '/api/indicators/:id/measurements',
    {
      schema: {
        summary: 'Create or correct measurements of an indicator (all or nothing)',
        description:
          'Each row is one period of one unit; posting the same period again replaces its value (the previous value ' +
          'stays in the event log), and re-posting an identical row changes nothing. Any invalid row rejects the ' +
          'whole request with 400 and the field and reason of each problem (`measurements.3.periodStart`).',
        tags: ['measurements'],
        params: IndicatorParams,
        body: MeasurementBatch.meta({ examples: [EXAMPLE_BATCH] }),
        response: { 200: MeasurementWriteResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!(await createRepositories(store).indicators.get(request.params.id))) return sendError(reply, 404, 'NOT_FOUND', 'The indicator does not exist.');
      const rows = request.body.measurements;
      if (!(await mayOnUnits(request, reply, 'write', rows.map((r) => r.unitId)))) return reply;
      const result = await writer.write(rows.map((r) => ({ ...r, indicatorId: request.params.id })), actor(request), clock.now());
      if (!result.ok) {
        return sendError(reply, 400, 'VALIDATION_FAILED', 'Nothing was saved: some measurements are not valid.',
          result.problems.map((p) => ({ path: `measurements.${p.index}.${p.path}`, message: p.message })));
      }
      live.broadcast(result.events);
      return { written: result.written, unchanged: result.unchanged };
    },
  );
  const ctx: FeedContext = { ...deps, mayOnUnits, actor };
  await registerCsvRoutes(app, ctx);
  registerApiTokenRoutes(app, ctx);
};

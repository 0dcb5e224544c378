import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenCreate,
  ApiTokenCreated,
  ApiTokenList,
  ImportResponse,
  IndicatorParams,
  MeasurementBatch,
  MeasurementListResponse,
  MeasurementWriteResponse,
  UnitQuery,
} from '../../../shared/cascade';
import { ErrorResponse } from '../../../shared/rest';
import { Id } from '../../../shared/schemas';
import type { AccessPolicy, Capability } from '../../services/access-policy';
import type { ApiTokenPrincipal, ApiTokens } from '../../services/cascade/api-tokens';
import type { CascadeService } from '../../services/cascade/cascade-service';
import { toCsv as toCsvRows } from '../../services/cascade/csv';
import { MAX_IMPORT_BYTES, parseMeasurementsCsv, writeProblemsToImport } from '../../services/cascade/csv-import';
import type { LiveUpdates } from '../../services/cascade/live-updates';
import type { MeasurementWriter } from '../../services/cascade/measurement-writer';
import type { Clock } from '../../services/command-service';
import type { Repositories } from '../../repositories';
import { actorOf, allowed, sendError } from './route-helpers';

export interface FeedDeps {
  cascade: CascadeService;
  access: AccessPolicy;
  tokens: ApiTokens;
  writer: MeasurementWriter;
  live: LiveUpdates;
  repos: Repositories;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The API token a feed authenticated with, if any. */
    apiToken?: ApiTokenPrincipal | null;
  }
}

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
  const { cascade, access, tokens, writer, live, repos, clock } = deps;

  // A valid API token marks the request as bearer-authenticated: no cookie is involved, so CSRF checks do not apply.
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    if (!header || !/^Bearer\s+kft_/i.test(header)) return;
    request.apiToken = tokens.authenticate(header);
    if (!request.apiToken) return sendError(reply, 401, 'UNAUTHENTICATED', 'The API token is unknown or revoked.');
    (request as unknown as { credentialSource?: string }).credentialSource = 'bearer';
  });

  /** May the caller (API token or person) do `capability` on every unit? Answers 401/403 itself when not. */
  const mayOnUnits = (request: FastifyRequest, reply: FastifyReply, capability: Capability, unitIds: Iterable<string>): boolean => {
    const hasBearer = /^Bearer\s+kft_/i.test(request.headers.authorization ?? '');
    if (hasBearer && !request.apiToken) {
      void sendError(reply, 401, 'UNAUTHENTICATED', 'The API token is unknown or revoked.');
      return false;
    }
    for (const unitId of new Set(unitIds)) {
      if (request.apiToken) {
        if (!tokens.covers(request.apiToken, unitId)) {
          void sendError(reply, 403, 'FORBIDDEN', `The API token may not write for unit ${unitId}.`, [{ path: 'unitId', message: 'outside the token\'s unit' }]);
          return false;
        }
      } else if (!allowed(request, reply, access, capability, { unitId, boardId: cascade.boardOfUnit(unitId) })) {
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
      if (!mayOnUnits(request, reply, 'read', [request.query.unit])) return reply;
      const page = cascade.indicatorPage(request.params.id, request.query.unit);
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
      if (!repos.indicators.get(request.params.id)) return sendError(reply, 404, 'NOT_FOUND', 'The indicator does not exist.');
      const rows = request.body.measurements;
      if (!mayOnUnits(request, reply, 'write', rows.map((r) => r.unitId))) return reply;
      const result = writer.write(rows.map((r) => ({ ...r, indicatorId: request.params.id })), actor(request), clock.now());
      if (!result.ok) {
        return sendError(reply, 400, 'VALIDATION_FAILED', 'Nothing was saved: some measurements are not valid.',
          result.problems.map((p) => ({ path: `measurements.${p.index}.${p.path}`, message: p.message })));
      }
      live.broadcast(result.events);
      return { written: result.written, unchanged: result.unchanged };
    },
  );

  await app.register(async (plain) => {
    const csv = plain.withTypeProvider<ZodTypeProvider>();
    csv.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES * 4 }, (_req, body, done) =>
      done(null, body),
    );
    csv.post(
      '/api/imports/measurements',
      {
        bodyLimit: MAX_IMPORT_BYTES * 4,
        schema: {
          summary: 'Import measurements from CSV: preview (apply=false) or apply all rows, or none',
          description:
            'Columns: indicator, period (first day, YYYY-MM-DD), value, and optionally numerator, denominator, ' +
            'respondents, unit (defaults to the unit parameter), note. `;` with decimal commas or `,` with points.',
          tags: ['measurements'],
          querystring: z.object({ unit: Id.optional(), apply: z.enum(['true', 'false']).default('false') }),
          body: z.string().meta({ examples: ['indicator;period;value;denominator\nbaelte-andel;2026-10-01;3,2;125\n'] }),
          response: { 200: ImportResponse, 400: ImportResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse },
        },
      },
      async (request, reply) => {
        if (Buffer.byteLength(request.body) > MAX_IMPORT_BYTES) {
          return sendError(reply, 413, 'VALIDATION_FAILED', `The file is too large: at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported at once. Split it into smaller files.`);
        }
        const parsed = parseMeasurementsCsv(request.body, request.query.unit ?? null, (id) => repos.indicators.get(id));
        const previewRows = parsed.rows.map((r) => ({
          row: r.row,
          indicatorId: r.indicatorId,
          indicatorName: repos.indicators.get(r.indicatorId)?.name ?? r.indicatorId,
          periodStart: r.periodStart,
          value: r.value,
          previous: repos.indicators.measurement(r.indicatorId, r.unitId, r.periodStart)?.value ?? null,
        }));
        if (parsed.problems.length > 0) return reply.code(400).send({ applied: false, rows: previewRows, problems: parsed.problems });
        if (!mayOnUnits(request, reply, 'write', parsed.rows.map((r) => r.unitId))) return reply;
        const writes = parsed.rows.map(({ row: _row, ...w }) => w);
        if (request.query.apply !== 'true') {
          // A dry run of the writer's own checks, so the preview finds what applying would refuse.
          const check = writer.check(writes, clock.now());
          const problems = writeProblemsToImport(parsed.rows, check);
          return reply.code(problems.length ? 400 : 200).send({ applied: false, rows: previewRows, problems });
        }
        const result = writer.write(writes, actor(request), clock.now());
        if (!result.ok) {
          return reply.code(400).send({ applied: false, rows: previewRows, problems: writeProblemsToImport(parsed.rows, result.problems) });
        }
        live.broadcast(result.events);
        return { applied: true, rows: previewRows, problems: [] };
      },
    );
  });

  app.get(
    '/api/indicators/:id/measurements.csv',
    {
      schema: {
        summary: "Export an indicator's measurements for a unit as CSV",
        tags: ['measurements'],
        params: IndicatorParams,
        querystring: UnitQuery,
        response: { 200: z.string(), 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!mayOnUnits(request, reply, 'read', [request.query.unit])) return reply;
      const csvText = exportMeasurements(cascade, request.params.id, request.query.unit);
      if (csvText === null) return sendError(reply, 404, 'NOT_FOUND', 'The indicator or the unit does not exist.');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id}-${request.query.unit}.csv"`)
        .serializer((s: unknown) => String(s))
        .send(csvText);
    },
  );

  app.get(
    '/api/units/:id/status.csv',
    {
      schema: {
        summary: "Export a unit's indicator status table as CSV",
        tags: ['measurements'],
        params: z.object({ id: Id }),
        response: { 200: z.string(), 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!mayOnUnits(request, reply, 'read', [request.params.id])) return reply;
      const csvText = exportStatusTable(cascade, request.params.id);
      if (csvText === null) return sendError(reply, 404, 'NOT_FOUND', 'The unit has no board.');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="status-${request.params.id}.csv"`)
        .serializer((s: unknown) => String(s))
        .send(csvText);
    },
  );

  app.get(
    '/api/api-tokens',
    {
      schema: { summary: 'List API tokens (never their secrets)', tags: ['api tokens'], response: { 200: ApiTokenList, 401: ErrorResponse, 403: ErrorResponse } },
    },
    async (request, reply) => {
      const all = tokens.list();
      const units = new Set(all.map((t) => t.unitId));
      if (units.size > 0 && !mayOnUnits(request, reply, 'administer', units)) return reply;
      return { tokens: all };
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
      if (!cascade.units().some((u) => u.id === unitId)) return sendError(reply, 404, 'NOT_FOUND', 'The unit does not exist.');
      if (!mayOnUnits(request, reply, 'administer', [unitId])) return reply;
      return reply.code(201).send(tokens.create(name, unitId, actorOf(request)));
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
      const token = tokens.list().find((t) => t.id === request.params.id);
      if (!token) return sendError(reply, 404, 'NOT_FOUND', 'No such API token.');
      if (!mayOnUnits(request, reply, 'administer', [token.unitId])) return reply;
      tokens.revoke(token.id);
      return reply.code(204).send(null);
    },
  );
};

function exportMeasurements(cascade: CascadeService, indicatorId: string, unitId: string): string | null {
  const page = cascade.indicatorPage(indicatorId, unitId);
  if (!page) return null;
  return toCsvRows(
    ['indicator', 'unit', 'period', 'value', 'numerator', 'denominator', 'respondents', 'note', 'recorded_at', 'recorded_by'],
    page.measurements.map((m) => [m.indicatorId, m.unitId, m.periodStart, m.value, m.numerator, m.denominator, m.respondents, m.note, m.recordedAt, m.recordedBy]),
  );
}

function exportStatusTable(cascade: CascadeService, unitId: string): string | null {
  const entry = cascade.overview().units.find((u) => u.unit.id === unitId);
  if (!entry?.boardId) return null;
  const rows = cascade.statusTable(unitId);
  return toCsvRows(
    ['indicator', 'name', 'period', 'value', 'target', 'low', 'high', 'tolerance', 'status'],
    rows.map((r) => [r.indicatorId, r.name, r.periodStart, r.value, r.target, r.low, r.high, r.tolerance, r.status]),
  );
}

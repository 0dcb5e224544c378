import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { ImportResponse, IndicatorParams, UnitQuery } from '../../../shared/cascade';
import { ErrorResponse } from '../../../shared/rest';
import { Id } from '../../../shared/schemas';
import { MAX_IMPORT_BYTES, readMeasurementsCsv, writeProblemsToImport } from '../../services/cascade/csv-import';
import type { FeedContext } from './feed-routes';
import { createRepositories } from '../../repositories';
import { sendError } from '../../plugins/errors';
import { requireCaller } from './route-helpers';
import { sendFromPool } from '../../workers/read-pool';
import { CSV_TYPE } from '../../workers/read-answer';

type App = Parameters<FastifyPluginAsyncZod>[0];

/** CSV import (preview, then all rows or none) and CSV exports of measurements and of a unit's status table. */
export async function registerCsvRoutes(app: App, ctx: FeedContext): Promise<void> {
  const { writer, live, store, clock, mayOnUnits, actor, reads } = ctx;
  const repos = () => createRepositories(store);
  await app.register(async (plain) => {
    const csv = plain.withTypeProvider<ZodTypeProvider>();
    csv.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES * 4 }, (_req, body, done) =>
      done(null, body),
    );
    csv.post(
      '/api/imports/measurements',
      {
        bodyLimit: MAX_IMPORT_BYTES * 4,
        // Nobody is answered anything about a file before we know who sends it: no body is even read for a guest.
        onRequest: requireCaller,
        schema: {
          summary: 'Import measurements from CSV: preview (apply=false) or apply all rows, or none',
          description:
            'Columns: indicator (may be left out when the indicator parameter names it), period (first day, YYYY-MM-DD), ' +
            'value, and optionally numerator, denominator, respondents, unit (defaults to the unit parameter), note. ' +
            '`;` with decimal commas or `,` with points. Each problem carries a code (and values) besides its English message.',
          tags: ['measurements'],
          querystring: z.object({ unit: Id.optional(), indicator: Id.optional(), apply: z.enum(['true', 'false']).default('false') }),
          body: z.string().meta({ examples: ['indicator;period;value;denominator\nbaelte-andel;2026-10-01;3,2;125\n'] }),
          response: { 200: ImportResponse, 400: ImportResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse },
        },
      },
      async (request, reply) => {
        if (Buffer.byteLength(request.body) > MAX_IMPORT_BYTES) {
          return sendError(reply, 413, 'VALIDATION_FAILED', `The file is too large: at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be imported at once. Split it into smaller files.`);
        }
        const parsed = await readMeasurementsCsv(request.body, request.query.unit ?? null, async (id) => repos().indicators.get(id), request.query.indicator ?? null);
        // Access to every unit the file names, before any row (or its stored `previous` value) goes into an answer.
        const units = [...parsed.rows.map((r) => r.unitId), ...(request.query.unit ? [request.query.unit] : [])];
        if (!(await mayOnUnits(request, reply, 'write', units))) return reply;
        const previewRows = [];
        for (const r of parsed.rows) {
          previewRows.push({
            row: r.row,
            indicatorId: r.indicatorId,
            indicatorName: (await repos().indicators.get(r.indicatorId))?.name ?? r.indicatorId,
            periodStart: r.periodStart,
            value: r.value,
            previous: (await repos().indicators.measurement(r.indicatorId, r.unitId, r.periodStart))?.value ?? null,
          });
        }
        if (parsed.problems.length > 0) return reply.code(400).send({ applied: false, rows: previewRows, problems: parsed.problems });
        const writes = parsed.rows.map(({ row: _row, ...w }) => w);
        if (request.query.apply !== 'true') {
          // A dry run of the writer's own checks, so the preview finds what applying would refuse.
          const check = await writer.check(writes, clock.now());
          const problems = writeProblemsToImport(parsed.rows, check);
          return reply.code(problems.length ? 400 : 200).send({ applied: false, rows: previewRows, problems });
        }
        const result = await writer.write(writes, actor(request), clock.now());
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
      if (!(await mayOnUnits(request, reply, 'read', [request.query.unit]))) return reply;
      reply.header('content-disposition', `attachment; filename="${request.params.id}-${request.query.unit}.csv"`);
      const task = { kind: 'measurements-csv', indicatorId: request.params.id, unitId: request.query.unit, now: clock.now().toISOString() } as const;
      if ((await sendFromPool(reads, task, request, reply, CSV_TYPE)) !== 'sent') {
        reply.removeHeader('content-disposition');
        return sendError(reply, 404, 'NOT_FOUND', 'The indicator or the unit does not exist.');
      }
      return reply;
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
      if (!(await mayOnUnits(request, reply, 'read', [request.params.id]))) return reply;
      reply.header('content-disposition', `attachment; filename="status-${request.params.id}.csv"`);
      const task = { kind: 'status-csv', unitId: request.params.id, now: clock.now().toISOString() } as const;
      if ((await sendFromPool(reads, task, request, reply, CSV_TYPE)) !== 'sent') {
        reply.removeHeader('content-disposition');
        return sendError(reply, 404, 'NOT_FOUND', 'The unit has no board.');
      }
      return reply;
    },
  );

}

import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { ImportResponse, IndicatorParams, UnitQuery } from '../../../shared/cascade';
import { ErrorResponse } from '../../../shared/rest';
import { Id } from '../../../shared/schemas';
import type { CascadeService } from '../../services/cascade/cascade-service';
import { writeCsv } from '../../services/csv';
import { MAX_IMPORT_BYTES, parseMeasurementsCsv, writeProblemsToImport } from '../../services/cascade/csv-import';
import type { FeedContext } from './feed-routes';
import { sendError } from '../../plugins/errors';
import { requireCaller } from './route-helpers';

type App = Parameters<FastifyPluginAsyncZod>[0];

/** CSV import (preview, then all rows or none) and CSV exports of measurements and of a unit's status table. */
export async function registerCsvRoutes(app: App, ctx: FeedContext): Promise<void> {
  const { cascade, writer, live, repos, clock, mayOnUnits, actor } = ctx;
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
        // Access to every unit the file names, before any row (or its stored `previous` value) goes into an answer.
        const units = [...parsed.rows.map((r) => r.unitId), ...(request.query.unit ? [request.query.unit] : [])];
        if (!mayOnUnits(request, reply, 'write', units)) return reply;
        const previewRows = parsed.rows.map((r) => ({
          row: r.row,
          indicatorId: r.indicatorId,
          indicatorName: repos.indicators.get(r.indicatorId)?.name ?? r.indicatorId,
          periodStart: r.periodStart,
          value: r.value,
          previous: repos.indicators.measurement(r.indicatorId, r.unitId, r.periodStart)?.value ?? null,
        }));
        if (parsed.problems.length > 0) return reply.code(400).send({ applied: false, rows: previewRows, problems: parsed.problems });
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

}

function exportMeasurements(cascade: CascadeService, indicatorId: string, unitId: string): string | null {
  const page = cascade.indicatorPage(indicatorId, unitId);
  if (!page) return null;
  return writeCsv(
    ['indicator', 'unit', 'period', 'value', 'numerator', 'denominator', 'respondents', 'note', 'recorded_at', 'recorded_by'],
    page.measurements.map((m) => [m.indicatorId, m.unitId, m.periodStart, m.value, m.numerator, m.denominator, m.respondents, m.note, m.recordedAt, m.recordedBy]),
  );
}

function exportStatusTable(cascade: CascadeService, unitId: string): string | null {
  if (!cascade.boardOfUnit(unitId)) return null;
  const rows = cascade.statusTable(unitId);
  return writeCsv(
    ['indicator', 'name', 'period', 'value', 'target', 'low', 'high', 'tolerance', 'status'],
    rows.map((r) => [r.indicatorId, r.name, r.periodStart, r.value, r.target, r.low, r.high, r.tolerance, r.status]),
  );
}

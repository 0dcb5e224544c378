import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/rest';
import { ReportQuery, StatusReport } from '../../../shared/maalstyring';
import type { UnitAccessPolicy } from '../../services/access-policy';
import type { CascadeService } from '../../services/cascade/cascade-service';
import type { Clock } from '../../services/command-service';
import type { ReadPool } from '../../workers/read-pool';
import { sendError } from '../../plugins/errors';
import { allowed } from './route-helpers';

/** The status report for the political level: one unit, one period; read access to the unit is enough. */
export const reportRoutes: FastifyPluginAsyncZod<{
  reads: ReadPool;
  clock: Clock;
  cascade: CascadeService;
  access: UnitAccessPolicy;
}> = async (app, { reads, clock, cascade, access }) => {
  app.get(
    '/api/reports/status',
    {
      schema: {
        summary: "A unit's status report for a period: goals and translations, run charts and signals, initiatives, open escalations, decisions",
        tags: ['cascade'],
        querystring: ReportQuery,
        response: { 200: StatusReport, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { unit, from, to } = request.query;
      if (from > to) return sendError(reply, 400, 'VALIDATION_FAILED', 'from must not be after to.');
      if (!cascade.units().some((u) => u.id === unit)) return sendError(reply, 404, 'NOT_FOUND', 'The unit does not exist.');
      if (!allowed(request, reply, access, 'read', { unitId: unit, boardId: cascade.boardOfUnit(unit) })) return reply;
      // A report reads every indicator, goal and meeting of the unit: built in the read pool, off the event loop.
      const json = await reads.run<string>({ kind: 'status-report', unit, from, to, now: clock.now().toISOString() });
      return reply.type('application/json; charset=utf-8').serializer((s: unknown) => String(s)).send(json as unknown as StatusReport);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/rest';
import { ReportQuery, StatusReport } from '../../../shared/maalstyring';
import type { UnitAccessPolicy } from '../../services/access-policy';
import type { CascadeService } from '../../services/cascade/cascade-service';
import type { createStatusReports } from '../../services/cascade/status-report';
import { sendError } from '../../plugins/errors';
import { allowed } from './route-helpers';

/** The status report for the political level: one unit, one period; read access to the unit is enough. */
export const reportRoutes: FastifyPluginAsyncZod<{
  reports: ReturnType<typeof createStatusReports>;
  cascade: CascadeService;
  access: UnitAccessPolicy;
}> = async (app, { reports, cascade, access }) => {
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
      return reports.build(unit, from, to)!;
    },
  );
};

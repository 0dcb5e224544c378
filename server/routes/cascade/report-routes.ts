import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/rest';
import { ReportQuery, StatusReport } from '../../../shared/maalstyring';
import type { UnitAccessPolicy } from '../../services/access-policy';
import type { CascadeService } from '../../services/cascade/cascade-service';
import type { Clock } from '../../services/command-service';
import { type ReadPool, sendFromPool } from '../../workers/read-pool';
import { JSON_TYPE } from '../../workers/read-answer';
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
      if (!(await cascade.unitExists(unit))) return sendError(reply, 404, 'NOT_FOUND', 'The unit does not exist.');
      if (!(await allowed(request, reply, access, 'read', { unitId: unit, boardId: await cascade.boardOfUnit(unit) }))) return reply;
      // A report reads every indicator, goal and meeting of the unit: built in the read pool, off the event loop.
      // Validated, serialised and compressed in the pool: the main thread sends the bytes.
      const task = { kind: 'status-report', unit, from, to, now: clock.now().toISOString() } as const;
      if ((await sendFromPool(reads, task, request, reply, JSON_TYPE)) !== 'sent') return sendError(reply, 404, 'NOT_FOUND', 'The unit does not exist.');
      return reply;
    },
  );
};

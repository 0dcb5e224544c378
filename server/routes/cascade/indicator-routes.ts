import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import {
  BaselineInput,
  Deviation,
  DeviationInput,
  GoalLink,
  IndicatorDefinition,
  IndicatorPageResponse,
  IndicatorParams,
  IndicatorSettingsInput,
  TargetInput,
  UnitQuery,
} from '../../../shared/cascade';
import { Id } from '../../../shared/schemas';
import { createRepositories } from '../../repositories';
import type { Store } from '../../store';
import type { Clock } from '../../services/command-service';
import { type ReadPool, sendFromPool } from '../../workers/read-pool';
import { JSON_TYPE } from '../../workers/read-answer';
import { ErrorResponse } from '../../../shared/rest';
import type { UnitAccessPolicy } from '../../services/access-policy';
import type { CascadeService } from '../../services/cascade/cascade-service';
import type { LiveUpdates } from '../../realtime/live-updates';
import { sendError } from '../../plugins/errors';
import { actorOf, allowed } from './route-helpers';

/** The indicator page: run-chart data, goal chain, units below, deviations; baseline and deviation changes. */
export const indicatorRoutes: FastifyPluginAsyncZod<{
  cascade: CascadeService;
  access: UnitAccessPolicy;
  live: LiveUpdates;
  store: Store;
  reads: ReadPool;
  clock: Clock;
}> = async (
  app,
  { cascade, access, live, store, reads, clock },
) => {
  app.get(
    '/api/indicators/:id',
    {
      schema: {
        summary: "An indicator at a unit: every measurement, target, baseline, goal chain, the units below, deviations",
        tags: ['indicators'],
        params: IndicatorParams,
        querystring: UnitQuery,
        response: { 200: IndicatorPageResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { unit } = request.query;
      if (!(await allowed(request, reply, access, 'read', { unitId: unit, boardId: await cascade.boardOfUnit(unit) }))) return reply;
      // The whole series, the units below and the roll-up: read in the pool, off the event loop.
      // Validated, serialised and compressed in the pool: the main thread sends the bytes.
      const task = { kind: 'indicator-page', indicatorId: request.params.id, unitId: unit, now: clock.now().toISOString() } as const;
      if ((await sendFromPool(reads, task, request, reply, JSON_TYPE)) !== 'sent') return sendError(reply, 404, 'NOT_FOUND', 'The indicator or the unit does not exist.');
      return reply;
    },
  );

  app.get(
    '/api/boards/:id/goal-chains',
    {
      schema: {
        summary: "Line of sight for a board's indicators: each one's goal chain up to the top goal",
        tags: ['cascade'],
        params: z.object({ id: Id }),
        response: { 200: z.object({ chains: z.record(z.string(), z.array(GoalLink)) }), 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const board = await createRepositories(store).boards.get(request.params.id);
      if (!board) return sendError(reply, 404, 'NOT_FOUND', 'The board does not exist.');
      if (!(await allowed(request, reply, access, 'read', { unitId: board.unit.id, boardId: board.id }))) return reply;
      const chains: Record<string, GoalLink[]> = {};
      for (const id of await createRepositories(store).indicators.idsOnBoard(board.id)) {
        const chain = await cascade.chainFor(id, board.unit.id);
        if (chain.length > 0) chains[id] = chain;
      }
      return { chains };
    },
  );

  app.put(
    '/api/indicators/:id/settings',
    {
      schema: {
        summary: 'Make an indicator mandatory for the units below its owner (it appears on their boards) and set its roll-up',
        tags: ['indicators'],
        params: IndicatorParams,
        body: IndicatorSettingsInput,
        response: {
          200: z.object({ indicator: IndicatorDefinition, boardsAdded: z.array(Id) }),
          400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const def = await cascade.definition(request.params.id);
      if (!def) return sendError(reply, 404, 'NOT_FOUND', 'The indicator does not exist.');
      if (!(await allowed(request, reply, access, 'administer', { unitId: def.unitId, boardId: await cascade.boardOfUnit(def.unitId) }))) return reply;
      const { events, ...answer } = (await cascade.setIndicatorSettings(def.id, request.body.mandatory, request.body.rollup, actorOf(request)))!;
      live.broadcast(events); // after the commit: open boards show the change without a reload
      return answer;
    },
  );

  app.put(
    '/api/indicators/:id/target',
    {
      schema: {
        summary: "Set a unit's own target for an indicator (until set, the unit uses the nearest unit above's)",
        tags: ['indicators'],
        params: IndicatorParams,
        body: TargetInput,
        response: { 204: z.null().describe('Saved'), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { unitId } = request.body;
      if (!(await allowed(request, reply, access, 'facilitate', { unitId, boardId: await cascade.boardOfUnit(unitId) }))) return reply;
      const result = await cascade.setTarget(request.params.id, request.body, actorOf(request));
      if (result === 'not-found') return sendError(reply, 404, 'NOT_FOUND', 'The indicator or the unit does not exist.');
      if (result === 'invalid') {
        return sendError(reply, 400, 'VALIDATION_FAILED', 'The target does not fit the indicator.', [
          { path: 'target', message: 'higher/lower indicators need target; range indicators need low and high' },
        ]);
      }
      live.broadcast(result.events);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/indicators/:id/baseline',
    {
      schema: {
        summary: "Freeze the run chart's median on the periods up to baselineTo (null unfreezes)",
        tags: ['indicators'],
        params: IndicatorParams,
        body: BaselineInput,
        response: { 204: z.null().describe('Saved'), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { unitId, baselineTo } = request.body;
      if (!(await allowed(request, reply, access, 'facilitate', { unitId, boardId: await cascade.boardOfUnit(unitId) }))) return reply;
      if (!(await cascade.setBaseline(request.params.id, unitId, baselineTo, actorOf(request)))) {
        return sendError(reply, 404, 'NOT_FOUND', 'The indicator does not exist.');
      }
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/indicators/:id/deviations',
    {
      schema: {
        summary: "Record a red value's cause and action; the action becomes a card on the unit's board",
        tags: ['indicators'],
        params: IndicatorParams,
        body: DeviationInput,
        response: { 201: Deviation, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { unitId } = request.body;
      if (!(await allowed(request, reply, access, 'write', { unitId, boardId: await cascade.boardOfUnit(unitId) }))) return reply;
      const result = await cascade.recordDeviation(request.params.id, request.body, actorOf(request));
      if (!result.ok) return reply.code(result.status).send({ error: result.error });
      live.broadcast(result.events);
      return reply.code(201).send(result.deviation);
    },
  );
};

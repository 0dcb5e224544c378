import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import {
  Goal,
  GoalInput,
  GoalListResponse,
  GoalPatch,
} from '../../../shared/cascade';
import { OverviewPage, OverviewQuery } from '../../../shared/overview';
import { ErrorResponse } from '../../../shared/rest';
import { Id } from '../../../shared/schemas';
import type { UnitAccessPolicy } from '../../services/access-policy';
import type { BusinessCases } from '../../services/cascade/business-cases';
import type { CascadeService } from '../../services/cascade/cascade-service';
import { sendError } from '../../plugins/errors';
import type { OverviewScope, OverviewService } from '../../services/cascade/overview-service';
import type { StatusSweep } from '../../services/cascade/status-sweep';
import { type ReadPool, sendFromPool } from '../../workers/read-pool';
import { JSON_TYPE } from '../../workers/read-answer';
import { actorOf, allowed, anonymous, everyAsync, unitReader } from './route-helpers';

/** The cascade overview and goals: reads for everyone who may read, goal edits for facilitators of the owner units. */
export const goalsRoutes: FastifyPluginAsyncZod<{ cascade: CascadeService; overview: OverviewService; sweep: StatusSweep; reads: ReadPool; cases: BusinessCases; access: UnitAccessPolicy }> = async (
  app,
  { cascade, overview, sweep, reads, cases, access },
) => {
  app.get(
    '/api/overview',
    {
      schema: {
        summary: 'The heat-map: the top units (or a unit\'s children with ?parent=) with each indicator\'s stored status',
        tags: ['cascade'],
        querystring: OverviewQuery,
        response: { 200: OverviewPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (anonymous(request)) return sendError(reply, 401, 'UNAUTHENTICATED', 'Sign in first.');
      const actor = actorOf(request);
      const scope: OverviewScope = actor.startsWith('user:')
        ? { kind: 'person', userId: actor.slice(5) }
        : { kind: 'per-unit', reads: unitReader(request, access) };
      await sweep.ensure();
      let outcome: Awaited<ReturnType<OverviewService['page']>> | 'sent';
      if (scope.kind === 'person') {
        // A person's pages are built in the read pool, so a start page full of viewers leaves the event loop to
        // the live boards; a token's per-unit check is a function of this thread and stays here.
        const task = { kind: 'overview', userId: scope.userId, ...request.query, now: new Date().toISOString() } as const;
        const sent = await sendFromPool(reads, task, request, reply, JSON_TYPE);
        outcome = sent === 'none' ? 'not-found' : sent;
      } else outcome = await overview.page(scope, request.query);
      if (outcome === 'sent') return reply;
      if (outcome === 'not-found') return sendError(reply, 404, 'NOT_FOUND', 'No org unit has this id.');
      if (outcome === 'forbidden') return sendError(reply, 403, 'FORBIDDEN', 'You may not see this unit.');
      if (outcome === 'bad-cursor') return sendError(reply, 400, 'VALIDATION_FAILED', 'The cursor is not one this server gave.');
      return outcome;
    },
  );

  app.get(
    '/api/goals',
    {
      schema: {
        summary: 'Goals with owners, the goal chain up to the top goal and the current status of their indicator',
        tags: ['cascade'],
        response: { 200: GoalListResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (anonymous(request)) return sendError(reply, 401, 'UNAUTHENTICATED', 'Sign in first.');
      return {
        goals: await cascade.goals(),
        initiatives: await cases.all(),
        units: await cascade.units(),
        layers: await cascade.layers(),
        indicators: await cascade.indicatorNames(),
      };
    },
  );

  const mayEdit = (request: Parameters<typeof allowed>[0], reply: Parameters<typeof allowed>[1], ownerIds: string[]) =>
    everyAsync(ownerIds, async (unitId) => allowed(request, reply, access, 'facilitate', { unitId, boardId: await cascade.boardOfUnit(unitId) }));

  app.post(
    '/api/goals',
    {
      schema: {
        summary: "Create a goal; with parentId it translates that goal for the owner unit (the unit's own version)",
        tags: ['cascade'],
        body: GoalInput,
        response: { 201: Goal, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (!(await mayEdit(request, reply, request.body.ownerIds))) return reply;
      const result = await cascade.saveGoal(null, request.body);
      if (!result.ok) return reply.code(result.status).send({ error: result.error });
      return reply.code(201).send(result.goal);
    },
  );

  app.patch(
    '/api/goals/:id',
    {
      schema: {
        summary: 'Change a goal',
        tags: ['cascade'],
        params: z.object({ id: Id }),
        body: GoalPatch,
        response: { 200: Goal, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const existing = (await cascade.goals()).find((g) => g.id === request.params.id);
      if (!existing) return sendError(reply, 404, 'NOT_FOUND', 'The goal does not exist.');
      if (!(await mayEdit(request, reply, [...existing.ownerIds, ...(request.body.ownerIds ?? [])]))) return reply;
      const result = await cascade.saveGoal(request.params.id, request.body, true);
      if (!result.ok) return reply.code(result.status).send({ error: result.error });
      return result.goal;
    },
  );
};

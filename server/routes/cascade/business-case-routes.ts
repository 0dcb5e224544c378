import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { Initiative, InitiativeInput, InitiativePatch } from '../../../shared/cascade';
import { BusinessCase, BusinessCaseQuery, EffectChain, EffectChainInput, EffectChainQuery, InitiativeClose } from '../../../shared/maalstyring';
import { ErrorResponse } from '../../../shared/rest';
import { Id } from '../../../shared/schemas';
import type { LiveUpdates } from '../../realtime/live-updates';
import type { UnitAccessPolicy } from '../../services/access-policy';
import type { BusinessCases } from '../../services/cascade/business-cases';
import type { CascadeService } from '../../services/cascade/cascade-service';
import { sendError } from '../../plugins/errors';
import { actorOf, allowed, anonymous, everyAsync, filterAsync, someAsync, unitReader } from './route-helpers';

const Params = z.object({ id: Id });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/**
 * Business cases of initiatives and effect chains of goals. Writing takes facilitating every owner unit of the goal
 * (as editing the goal does); reading takes read access to one of them, or to the board asked about.
 */
export const businessCaseRoutes: FastifyPluginAsyncZod<{ cascade: CascadeService; cases: BusinessCases; access: UnitAccessPolicy; live: LiveUpdates }> = async (
  app,
  { cascade, cases, access, live },
) => {
  const mayEdit = (request: FastifyRequest, reply: FastifyReply, ownerIds: string[]) =>
    everyAsync(ownerIds, async (unitId) => allowed(request, reply, access, 'facilitate', { unitId, boardId: await cascade.boardOfUnit(unitId) }));
  /** Read access to one of the goal's owners; answers 401/403 (as for the first owner) when none. */
  const mayRead = async (request: FastifyRequest, reply: FastifyReply, ownerIds: string[]): Promise<boolean> => {
    if (await someAsync(ownerIds, unitReader(request, access))) return true;
    const first = ownerIds[0] ?? '';
    return allowed(request, reply, access, 'read', { unitId: first, boardId: await cascade.boardOfUnit(first) });
  };
  /** Which goals the request may read: those with an owner unit it may read. */
  const readableGoals = (request: FastifyRequest) => {
    const reads = unitReader(request, access);
    return async (goalId: string): Promise<boolean> => someAsync((await cascade.goal(goalId))?.ownerIds ?? [], reads);
  };
  /** Answers `answer(goalId)` when the goal exists and the request may read it; else the error, sent. */
  const readGoal = async <T>(request: FastifyRequest, reply: FastifyReply, goalId: string, answer: (goalId: string) => Promise<T>) => {
    const goal = await cascade.goal(goalId);
    if (!goal) return sendError(reply, 404, 'NOT_FOUND', 'The goal does not exist.');
    return (await mayRead(request, reply, goal.ownerIds)) ? answer(goal.id) : reply;
  };
  /** Answers everything the signed-in reader may read, filtered by `answer`; 401 for no one. */
  const readAll = async <T>(request: FastifyRequest, reply: FastifyReply, answer: (readable: (goalId: string) => Promise<boolean>) => Promise<T>) =>
    anonymous(request) ? sendError(reply, 401, 'UNAUTHENTICATED', 'Sign in first.') : answer(readableGoals(request));
  const goalOfInitiative = async (id: string) => {
    const initiative = await cases.get(id);
    return initiative ? cascade.goal(initiative.goalId) : undefined;
  };
  const answer = async (reply: FastifyReply, saving: ReturnType<BusinessCases['update']>, code = 200) => {
    const result = await saving;
    if (!result.ok) return reply.code(result.status).send({ error: result.error });
    live.broadcast(result.events); // after the commit: the boards showing the case update without a reload
    return reply.code(code).send(result.initiative);
  };

  app.post(
    '/api/goals/:id/initiatives',
    {
      schema: {
        summary: 'Add an initiative with its business case to a goal: investment, yearly effect, start and end, indicators to move',
        tags: ['cascade'],
        params: Params,
        body: InitiativeInput,
        response: { 201: Initiative, ...errors },
      },
    },
    async (request, reply) => {
      const goal = await cascade.goal(request.params.id);
      if (!goal) return sendError(reply, 404, 'NOT_FOUND', 'The goal does not exist.');
      if (!(await mayEdit(request, reply, goal.ownerIds))) return reply;
      return answer(reply, cases.create(goal.id, request.body, actorOf(request)), 201);
    },
  );

  app.patch(
    '/api/initiatives/:id',
    {
      schema: {
        summary: "Change an initiative's business case; done: false opens a closed one again",
        tags: ['cascade'],
        params: Params,
        body: InitiativePatch,
        response: { 200: Initiative, ...errors },
      },
    },
    async (request, reply) => {
      const goal = await goalOfInitiative(request.params.id);
      if (!goal) return sendError(reply, 404, 'NOT_FOUND', 'The initiative does not exist.');
      if (!(await mayEdit(request, reply, goal.ownerIds))) return reply;
      return answer(reply, cases.update(request.params.id, request.body, actorOf(request)));
    },
  );

  app.post(
    '/api/initiatives/:id/close',
    {
      schema: {
        summary: 'Close an initiative with a conclusion: it then leaves the boards and agendas it was on',
        tags: ['cascade'],
        params: Params,
        body: InitiativeClose,
        response: { 200: Initiative, ...errors },
      },
    },
    async (request, reply) => {
      const goal = await goalOfInitiative(request.params.id);
      if (!goal) return sendError(reply, 404, 'NOT_FOUND', 'The initiative does not exist.');
      if (!(await mayEdit(request, reply, goal.ownerIds))) return reply;
      return answer(reply, cases.close(request.params.id, request.body.conclusion, actorOf(request)));
    },
  );

  app.get(
    '/api/business-cases',
    {
      schema: {
        summary: "Business cases with progress against baseline: a goal's, or the open ones moving a board's indicators",
        tags: ['cascade'],
        querystring: BusinessCaseQuery,
        response: { 200: z.array(BusinessCase), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if ('goal' in q) return readGoal(request, reply, q.goal, async (goalId) => cases.forGoal(goalId));
      if (!('board' in q)) {
        return readAll(request, reply, async (readable) => Promise.all((await filterAsync(await cases.all(), (i) => readable(i.goalId))).map((i) => cases.view(i))));
      }
      const unitId = (await filterAsync(await cascade.units(), async (u) => (await cascade.boardOfUnit(u.id)) === q.board))[0]?.id;
      if (!unitId) return sendError(reply, 404, 'NOT_FOUND', 'The board does not exist.');
      if (!(await allowed(request, reply, access, 'read', { unitId, boardId: q.board }))) return reply;
      return cases.openOnBoard(q.board);
    },
  );

  app.get(
    '/api/effect-chains',
    {
      schema: {
        summary: "Effect chains (indsats → resultat → effekt) with each step's status: a goal's, or those with a step on an indicator at a unit",
        tags: ['cascade'],
        querystring: EffectChainQuery,
        response: { 200: z.array(EffectChain), ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if ('goal' in q) return readGoal(request, reply, q.goal, async (goalId) => cases.chainsOfGoals([goalId]));
      if (!('indicator' in q)) return readAll(request, reply, async (readable) => cases.chainsOfGoals(await filterAsync(await cases.goalsWithChains(), readable)));
      if (!(await cascade.unitExists(q.unit))) return sendError(reply, 404, 'NOT_FOUND', 'The unit does not exist.');
      if (!(await allowed(request, reply, access, 'read', { unitId: q.unit, boardId: await cascade.boardOfUnit(q.unit) }))) return reply;
      return cases.chainsWith(q.indicator, q.unit);
    },
  );

  app.put(
    '/api/goals/:id/effect-chain',
    {
      schema: {
        summary: "Write a goal's effect chain (no steps removes it)",
        tags: ['cascade'],
        params: Params,
        body: EffectChainInput,
        response: { 200: z.object({ chain: EffectChain.nullable() }), ...errors },
      },
    },
    async (request, reply) => {
      const goal = await cascade.goal(request.params.id);
      if (!goal) return sendError(reply, 404, 'NOT_FOUND', 'The goal does not exist.');
      if (!(await mayEdit(request, reply, goal.ownerIds))) return reply;
      const result = await cases.saveChain(goal.id, request.body, actorOf(request));
      if (!result.ok) return reply.code(result.status).send({ error: result.error });
      return { chain: result.chain };
    },
  );
};

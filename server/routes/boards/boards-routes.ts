import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BoardListResponse, BoardParams, BoardSnapshotResponse, ErrorResponse } from '../../../shared/rest';
import { forbid, notFound, requirePrincipal } from '../../plugins/security';
import type { AccessPolicy } from '../../services/access-policy';
import type { BoardService } from '../../services/board-service';

/**
 * Boards over REST: the list (with unit and layer) and a board's snapshot. Changes go through the socket.
 * Only for someone signed in (or a wall screen), and only the boards they may read.
 */
export const boardsRoutes: FastifyPluginAsyncZod<{ boards: BoardService; access: AccessPolicy }> = async (app, { boards, access }) => {
  app.addHook('preHandler', requirePrincipal);
  app.get(
    '/api/boards',
    {
      schema: {
        summary: 'List boards with their org unit and leadership layer',
        tags: ['boards'],
        response: { 200: BoardListResponse },
      },
    },
    async (request) => ({ boards: boards.list().filter((b) => access.can(request.principal!.actor, 'read', b.id)) }),
  );

  app.get(
    '/api/boards/:id',
    {
      schema: {
        summary: "A board's snapshot: columns, cards, indicators with targets and recent measurements, as of seq",
        tags: ['boards'],
        params: BoardParams,
        response: { 200: BoardSnapshotResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      if (boards.exists(request.params.id) && !access.can(request.principal!.actor, 'read', request.params.id)) {
        return forbid(reply, 'You may not see this board.');
      }
      const snapshot = boards.snapshot(request.params.id);
      if (!snapshot) return notFound(reply, 'The board does not exist.');
      return snapshot;
    },
  );
};

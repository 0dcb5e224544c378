import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BoardListPage, BoardListQuery, OVERVIEW_PAGE_MAX } from '../../../shared/overview';
import { BoardParams, BoardSnapshotResponse, ErrorResponse } from '../../../shared/rest';
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
        summary: 'List boards with their org unit and leadership layer: all, or a page (?limit=, ?cursor=, ?parent=)',
        tags: ['boards'],
        querystring: BoardListQuery,
        response: { 200: BoardListPage },
      },
    },
    async (request) => {
      const readable = async <B extends { id: string }>(list: readonly B[]): Promise<B[]> => {
        const kept: B[] = [];
        for (const b of list) if (await access.can(request.principal!.actor, 'read', b.id)) kept.push(b);
        return kept;
      };
      const { parent, cursor, limit } = request.query;
      if (parent === undefined && cursor === undefined && limit === undefined) {
        return { boards: await readable(await boards.list()), nextCursor: null };
      }
      // Paged in board id order: the cursor is the last board id of the page before.
      const size = limit ?? OVERVIEW_PAGE_MAX;
      const page = await boards.page(parent ?? null, cursor ?? '', size);
      return { boards: await readable(page), nextCursor: page.length === size ? page.at(-1)!.id : null };
    },
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
      if ((await boards.exists(request.params.id)) && !(await access.can(request.principal!.actor, 'read', request.params.id))) {
        return forbid(reply, 'You may not see this board.');
      }
      const snapshot = boards.snapshot(request.params.id);
      if (!snapshot) return notFound(reply, 'The board does not exist.');
      return snapshot;
    },
  );
};

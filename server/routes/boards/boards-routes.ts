import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BoardListResponse, BoardParams, BoardSnapshotResponse, ErrorResponse } from '../../../shared/rest';
import type { BoardService } from '../../services/board-service';

/** Boards over REST: the list (with unit and layer) and a board's snapshot. Changes go through the socket. */
export const boardsRoutes: FastifyPluginAsyncZod<{ boards: BoardService }> = async (app, { boards }) => {
  app.get(
    '/api/boards',
    {
      schema: {
        summary: 'List boards with their org unit and leadership layer',
        tags: ['boards'],
        response: { 200: BoardListResponse },
      },
    },
    async () => ({ boards: boards.list() }),
  );

  app.get(
    '/api/boards/:id',
    {
      schema: {
        summary: "A board's snapshot: columns, cards, indicators with targets and recent measurements, as of seq",
        tags: ['boards'],
        params: BoardParams,
        response: { 200: BoardSnapshotResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const snapshot = boards.snapshot(request.params.id);
      if (!snapshot) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'The board does not exist.' } });
      return snapshot;
    },
  );
};

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MINUTES_CSV_HEADER, minutesTable, minutesToMarkdown } from '../../../shared/domain/minutes-export';
import {
  BoardAtQuery,
  BoardAtResponse,
  BoardPeopleResponse,
  MeetingChangesResponse,
  HistoryQuery,
  HistoryResponse,
  MeetingListResponse,
  MeetingParams,
  MinutesExportParams,
} from '../../../shared/meeting-rest';
import { BoardParams, ErrorResponse } from '../../../shared/rest';
import { sendError } from '../../plugins/errors';
import { Meeting } from '../../../shared/schemas';
import type { AccessPolicy } from '../../services/access-policy';
import type { MeetingReads } from '../../services/meeting-reads';
import { writeCsv } from '../../services/csv';

interface Deps {
  reads: MeetingReads;
  access: AccessPolicy;
  boardName: (boardId: string) => string | undefined;
  /** People who may be picked for a meeting's attendance (see BoardPeopleResponse). */
  people: (boardId: string) => BoardPeopleResponse['people'];
}

// The signed-in principal when the security plugin set one; without accounts every reader is anonymous.
const actorOf = (request: FastifyRequest): string => request.principal?.actor ?? '';

const notFound = (reply: FastifyReply, message: string) => sendError(reply, 404, 'NOT_FOUND', message);

/** Meetings, minutes (also as Markdown/CSV/JSON files), the board as it was at a meeting, and history. */
export const meetingsRoutes: FastifyPluginAsyncZod<Deps> = async (app, { reads, access, boardName, people }) => {
  app.addHook('preHandler', async (request, reply) => {
    const { id } = request.params as { id?: string };
    if (!id || boardName(id) === undefined) return notFound(reply, 'The board does not exist.');
    if (!(await access.can(actorOf(request), 'read', id))) {
      if (!actorOf(request)) return sendError(reply, 401, 'UNAUTHENTICATED', 'Sign in first.');
      return sendError(reply, 403, 'FORBIDDEN', 'You may not see this board.');
    }
  });

  app.get('/api/boards/:id/meetings', {
    schema: { summary: "A board's meetings, newest first, with their minutes", tags: ['meetings'], params: BoardParams,
      response: { 200: MeetingListResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (request) => ({ meetings: reads.list(request.params.id) }));

  app.get('/api/boards/:id/meetings/:meetingId', {
    schema: { summary: 'One meeting with its agenda and (once ended) minutes', tags: ['meetings'], params: MeetingParams,
      response: { 200: Meeting, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (request, reply) => reads.get(request.params.id, request.params.meetingId) ?? notFound(reply, 'No such meeting.'));

  app.get('/api/boards/:id/meetings/:meetingId/minutes.:format', {
    schema: { summary: "A meeting's minutes as a Markdown, CSV or JSON file", tags: ['meetings'], params: MinutesExportParams },
  }, async (request, reply) => {
    const { id, meetingId, format } = request.params;
    const meeting = reads.get(id, meetingId);
    if (!meeting?.minutes) return notFound(reply, 'No minutes for this meeting.');
    const name = `referat-${meeting.startedAt.slice(0, 10)}.${format}`;
    void reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(meeting, null, 2));
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(writeCsv(MINUTES_CSV_HEADER, minutesTable(meeting), { separator: ',', bom: false }));
    return reply.type('text/markdown; charset=utf-8').send(minutesToMarkdown(meeting, boardName(id) ?? ''));
  });

  app.get('/api/boards/:id/meetings/:meetingId/board', {
    schema: { summary: 'The board as it was when the meeting started (`at=start`) or ended, rebuilt from the event log', tags: ['meetings'],
      params: MeetingParams, querystring: BoardAtQuery, response: { 200: BoardAtResponse, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (request, reply) =>
    reads.boardAt(request.params.id, request.params.meetingId, request.query.at) ?? notFound(reply, 'No such meeting.'));

  app.get('/api/boards/:id/meetings/:meetingId/changes', {
    schema: { summary: 'Every change made on the board while the meeting ran, oldest first', tags: ['meetings'],
      params: MeetingParams, response: { 200: MeetingChangesResponse, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (request, reply) => reads.changes(request.params.id, request.params.meetingId) ?? notFound(reply, 'No such meeting.'));

  app.get('/api/boards/:id/people', {
    schema: { summary: "People to pick for a meeting's attendance: a role on the board's unit, above it or right below", tags: ['meetings'],
      params: BoardParams, response: { 200: BoardPeopleResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (request, reply) => {
    // Those who run the meeting take the attendance; others need not see who has a role where.
    if (!(await access.can(actorOf(request), 'facilitate', request.params.id))) return sendError(reply, 403, 'FORBIDDEN', 'You may not run meetings on this board.');
    return { people: people(request.params.id) };
  });

  app.get('/api/boards/:id/history', {
    schema: { summary: "A board's or a card's history from the event log, newest first", tags: ['meetings'],
      params: BoardParams, querystring: HistoryQuery, response: { 200: HistoryResponse, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (request) => {
    const events = reads.history(request.params.id, request.query.cardId, request.query.limit);
    return { events, actors: reads.actorNames(events.map((e) => e.actor)) };
  });
};

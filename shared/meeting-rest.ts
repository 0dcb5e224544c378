import * as z from 'zod';
import { BoardEvent } from './protocol';
import { BoardIndicator, Card, Column, Id, Meeting } from './schemas';

/** REST bodies of meetings, minutes and history (reads only; changes go through the socket). */
export const MeetingParams = z.object({ id: Id, meetingId: Id });
export const MinutesExportParams = MeetingParams.extend({ format: z.enum(['md', 'csv', 'json']) });
export const MeetingListResponse = z.object({ meetings: z.array(Meeting) });
export type MeetingListResponse = z.infer<typeof MeetingListResponse>;

export const HistoryQuery = z.object({
  cardId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const HistoryResponse = z.object({
  events: z.array(BoardEvent),
  /** Display names of the events' actors. */
  actors: z.record(z.string(), z.string()).optional(),
});
export type HistoryResponse = z.infer<typeof HistoryResponse>;

/** A board as it was when a meeting ended, rebuilt from the event log. */
export const BoardAtResponse = z.object({
  meeting: Meeting,
  columns: z.array(Column),
  cards: z.array(Card),
  indicators: z.array(BoardIndicator),
});
export type BoardAtResponse = z.infer<typeof BoardAtResponse>;

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

/** Who can be picked for a board meeting's attendance: people with a role on the board's unit, above or right below. */
export const BoardPeopleResponse = z.object({
  people: z.array(z.object({ userId: Id, name: z.string(), unitName: z.string() })),
});
export type BoardPeopleResponse = z.infer<typeof BoardPeopleResponse>;

/** Which moment of a meeting the board is rebuilt for: when it started, or when it ended (the default). */
export const BoardAtQuery = z.object({ at: z.enum(['start', 'end']).default('end') });

/** Every change made on the board while a meeting ran (its own agenda changes left out), with the names to read it. */
export const MeetingChangesResponse = z.object({
  events: z.array(BoardEvent),
  /** Display names of the events' actors. */
  actors: z.record(z.string(), z.string()),
  /** Names of the board's columns and indicators, by id. */
  columns: z.record(z.string(), z.string()),
  indicators: z.record(z.string(), z.string()),
});
export type MeetingChangesResponse = z.infer<typeof MeetingChangesResponse>;

/** A board as it was when a meeting started or ended, rebuilt from the event log. */
export const BoardAtResponse = z.object({
  meeting: Meeting,
  at: z.enum(['start', 'end']).default('end'),
  columns: z.array(Column),
  cards: z.array(Card),
  indicators: z.array(BoardIndicator),
});
export type BoardAtResponse = z.infer<typeof BoardAtResponse>;

import * as z from 'zod';
import { CADENCES, CARD_TYPES, DIRECTIONS, FREQUENCIES, INDICATOR_TYPES, MEETING_ROLES } from './constants';

// Re-exported so the server keeps one import for a schema and its values; the client takes them from constants.
export { CADENCES, CARD_TYPES, DIRECTIONS, FREQUENCIES };

/** Identifiers are opaque strings; cards get theirs from the client so an optimistic card has its final id. */
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _');
export type Id = z.infer<typeof Id>;

/** A calendar date as YYYY-MM-DD (due dates, period starts). */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

export const CardType = z.enum(CARD_TYPES);
export type CardType = z.infer<typeof CardType>;

export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const Frequency = z.enum(FREQUENCIES);
export type Frequency = z.infer<typeof Frequency>;

export const IndicatorKind = z.enum(['hard', 'soft']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;
export { INDICATOR_TYPES };
export const IndicatorType = z.enum(INDICATOR_TYPES);
export type IndicatorType = z.infer<typeof IndicatorType>;

export const Layer = z.object({
  id: Id,
  rank: z.number().int().min(0),
  name: z.string(),
  kind: z.string(),
});
export type Layer = z.infer<typeof Layer>;

export const OrgUnit = z.object({
  id: Id,
  parentId: Id.nullable(),
  layerId: Id,
  name: z.string(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const Column = z.object({
  id: Id,
  boardId: Id,
  name: z.string(),
  orderKey: z.string(),
});
export type Column = z.infer<typeof Column>;

export const Card = z.object({
  id: Id,
  boardId: Id,
  columnId: Id,
  orderKey: z.string(),
  type: CardType,
  title: z.string(),
  description: z.string(),
  ownerName: z.string(),
  dueDate: IsoDate.nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The indicator a deviation's action card answers; absent on ordinary cards (and from older servers). */
  indicatorId: Id.nullable().optional(),
});
export type Card = z.infer<typeof Card>;

/** A time-bounded target: `target` for higher/lower, `low`..`high` for range; `tolerance` is the amber band. */
export const Target = z.object({
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  target: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  tolerance: z.number().min(0),
});
export type Target = z.infer<typeof Target>;

export const Measurement = z.object({
  indicatorId: Id,
  unitId: Id,
  periodStart: IsoDate,
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  respondents: z.number().int().nullable(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
export type Measurement = z.infer<typeof Measurement>;

export const Indicator = z.object({
  id: Id,
  unitId: Id,
  name: z.string(),
  unitLabel: z.string(),
  direction: Direction,
  frequency: Frequency,
  kind: IndicatorKind,
  decimals: z.number().int().min(0).max(4),
  minRespondents: z.number().int().min(0).nullable(),
  /** Absent only on objects built before the type existed (old snapshots); the database always has one. */
  type: IndicatorType.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

/** An indicator as a board shows it: its current target and its most recent measurements, oldest first. */
export const IndicatorSignal = z.object({
  signal: z.boolean(),
  shift: z.boolean(),
  tooFewCrossings: z.boolean(),
  applied: z.boolean(),
  n: z.number().int(),
});

export const BoardIndicator = Indicator.extend({
  orderKey: z.string(),
  target: Target.nullable(),
  recent: z.array(Measurement),
  /** The Anhøj analysis of the unit's whole reportable series (shared/domain/indicator-signal.ts), from the server. */
  signal: IndicatorSignal.optional(),
});
export type BoardIndicator = z.infer<typeof BoardIndicator>;

export const BoardSummary = z.object({
  id: Id,
  name: z.string(),
  unit: OrgUnit,
  layer: Layer,
});
export type BoardSummary = z.infer<typeof BoardSummary>;

export const Cadence = z.enum(CADENCES);
export type Cadence = z.infer<typeof Cadence>;

export const BoardCadence = z.object({
  cadence: Cadence,
  nextMeetingDate: IsoDate.nullable(),
  /** The meeting timer's default length. */
  meetingMinutes: z.number().int().min(1).max(240),
});
export type BoardCadence = z.infer<typeof BoardCadence>;

/** What the origin board's indicators showed when a card was escalated (latest value and status). */
export const IndicatorContext = z.object({
  indicatorId: Id,
  name: z.string(),
  value: z.number().nullable(),
  unitLabel: z.string(),
  /** How many decimals the indicator shows (absent: 1). */
  decimals: z.number().int().min(0).max(4).optional(),
  status: z.enum(['green', 'amber', 'red', 'none']),
});
export type IndicatorContext = z.infer<typeof IndicatorContext>;

export const ESCALATION_STEP_KINDS = ['raised', 'forwarded', 'answered', 'returned', 'acknowledged'] as const;
export const EscalationStep = z.object({
  kind: z.enum(ESCALATION_STEP_KINDS),
  /** The board that took the step (the sender for raised/forwarded, the holder for answered/returned). */
  boardId: Id,
  boardName: z.string(),
  /** The board it went to (raised/forwarded), else null. */
  toBoardId: Id.nullable(),
  toBoardName: z.string().nullable(),
  actor: z.string(),
  /** The actor's display name when the step was taken. */
  actorName: z.string().optional(),
  at: z.string(),
  text: z.string(),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

/** A card sent up the chain: held by one board at a time, seen by every board it passed. */
export const Escalation = z.object({
  id: Id,
  cardId: Id,
  cardTitle: z.string(),
  originBoardId: Id,
  originBoardName: z.string(),
  holderBoardId: Id,
  holderBoardName: z.string(),
  status: z.enum(['open', 'answered', 'returned']),
  reason: z.string(),
  dueDate: IsoDate,
  /** The decision (answered) or the reason it was sent back (returned). */
  resolution: z.string().nullable(),
  /** When the sending board acknowledged the answer ("Kvittér"): it leaves every board's escalation zone. */
  acknowledgedAt: z.string().nullable().optional(),
  context: z.array(IndicatorContext),
  boardIds: z.array(Id),
  steps: z.array(EscalationStep),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Escalation = z.infer<typeof Escalation>;

export const AGENDA_ITEM_KINDS = ['follow-up', 'indicator', 'business-case', 'action', 'escalation', 'idea', 'custom'] as const;
export const AgendaItemKind = z.enum(AGENDA_ITEM_KINDS);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

export const MeetingDecision = z.object({ id: Id, text: z.string() });
export type MeetingDecision = z.infer<typeof MeetingDecision>;

export const AgendaItem = z.object({
  id: Id,
  kind: AgendaItemKind,
  title: z.string(),
  /** The card, indicator or escalation the item is about. */
  refId: z.string().nullable(),
  detail: z.string(),
  skipped: z.boolean(),
  /** When the item was opened (its timer's start) and left. */
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  outcome: z.string(),
  decisions: z.array(MeetingDecision),
  /** Action cards created on this item. */
  actionIds: z.array(Id),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/** What the minutes keep of an indicator: its value and status as they were when the meeting ended. */
export const MinutesIndicator = z.object({
  indicatorId: Id,
  name: z.string(),
  unitLabel: z.string(),
  periodStart: IsoDate.nullable(),
  value: z.number().nullable(),
  /** How many decimals the indicator shows (absent in minutes saved before it was kept: 1). */
  decimals: z.number().int().min(0).max(4).optional(),
  status: z.enum(['green', 'amber', 'red', 'none']),
});
export type MinutesIndicator = z.infer<typeof MinutesIndicator>;

export const MeetingRole = z.enum(MEETING_ROLES);
export type MeetingRole = z.infer<typeof MeetingRole>;

/**
 * One person at a meeting: a name typed in (a plain string, as attendance was first kept), or a person picked from
 * those with a role on the unit (`userId`) and/or the capacity they attend in (`role`).
 */
export const Attendee = z.union([
  z.string(),
  z.object({ name: z.string(), userId: Id.optional(), role: MeetingRole.optional() }),
]);
export type Attendee = z.infer<typeof Attendee>;

export const Minutes = z.object({
  attendees: z.array(Attendee),
  items: z.array(AgendaItem),
  decisions: z.array(MeetingDecision.extend({ itemTitle: z.string() })),
  actionsCreated: z.array(Card),
  actionsClosed: z.array(Card),
  indicators: z.array(MinutesIndicator),
});
export type Minutes = z.infer<typeof Minutes>;

/** One meeting of a board: running (agenda, timers, attendance live) or ended (with its minutes). */
export const Meeting = z.object({
  id: Id,
  boardId: Id,
  status: z.enum(['running', 'ended']),
  facilitator: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  plannedMinutes: z.number().int().min(1),
  /** Minutes per agenda item for the item timer. */
  itemMinutes: z.number().int().min(1),
  currentItemId: Id.nullable(),
  attendees: z.array(Attendee),
  items: z.array(AgendaItem),
  minutes: Minutes.nullable(),
});
export type Meeting = z.infer<typeof Meeting>;

/** Everything a client needs to draw a board, consistent as of `seq`. */
export const BoardSnapshot = z.object({
  board: BoardSummary,
  seq: z.number().int().min(0),
  columns: z.array(Column),
  cards: z.array(Card),
  indicators: z.array(BoardIndicator),
  /** Meetings and escalations (absent from older servers): every escalation whose chain includes this board. */
  escalations: z.array(Escalation).optional(),
  /** The running meeting, else null. */
  meeting: Meeting.nullable().optional(),
  /** The last ended meeting (its minutes start the next agenda), else null. */
  lastMeeting: Meeting.nullable().optional(),
  cadence: BoardCadence.nullable().optional(),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshot>;

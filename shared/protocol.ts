import * as z from 'zod';
import {
  BoardCadence,
  BoardSnapshot,
  Cadence,
  Card,
  CardType,
  Column,
  Escalation,
  BoardIndicator,
  Id,
  IndicatorSignal,
  IsoDate,
  Measurement,
  Meeting,
  MeetingRole,
} from './schemas';
import { LIMITS, PROTOCOL_VERSION } from './constants';
import { BusinessCase } from './maalstyring';

// Re-exported for the server's handlers; the client imports the constants module itself, which is zod-free.
export { LIMITS, PROTOCOL_VERSION };

/** Join answers with events instead of a snapshot only while the client is at most this far behind. */
export const MAX_CATCH_UP_EVENTS = 500;

const OpId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _');
const Title = z.string().trim().min(1, 'must not be empty').max(LIMITS.title);
const Position = z.number().int().min(0).max(100_000);

const command = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ opId: OpId, boardId: Id, ...shape });

/** Commands a client sends; each carries an `opId` so a retry is never applied twice. */
export const CardCreateCommand = command({
  card: z.strictObject({
    id: Id,
    columnId: Id,
    type: CardType,
    title: Title,
    description: z.string().max(LIMITS.description).default(''),
    ownerName: z.string().trim().max(LIMITS.ownerName).default(''),
    dueDate: IsoDate.nullable().default(null),
    /** Links an action to the indicator it answers (optional: older clients never send it). */
    indicatorId: Id.nullable().optional(),
  }),
  /** Position in the destination column among its (unarchived) cards; past the end means last. */
  index: Position.optional(),
});

export const CardUpdateCommand = command({
  cardId: Id,
  changes: z
    .strictObject({
      type: CardType,
      title: Title,
      description: z.string().max(LIMITS.description),
      ownerName: z.string().trim().max(LIMITS.ownerName),
      dueDate: IsoDate.nullable(),
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, 'at least one field must change'),
});

export const CardMoveCommand = command({ cardId: Id, toColumnId: Id, index: Position });

export const CardArchiveCommand = command({ cardId: Id });

export const ColumnCreateCommand = command({
  column: z.strictObject({ id: Id, name: z.string().trim().min(1).max(LIMITS.columnName) }),
  index: Position.optional(),
});

export const ColumnRenameCommand = command({
  columnId: Id,
  name: z.string().trim().min(1).max(LIMITS.columnName),
});

export const ColumnMoveCommand = command({ columnId: Id, index: Position });

const FiniteNumber = z.number().refine(Number.isFinite, 'must be a finite number');

export const MeasurementRecordCommand = command({
  indicatorId: Id,
  periodStart: IsoDate,
  value: FiniteNumber,
  numerator: FiniteNumber.nullable().default(null),
  denominator: FiniteNumber.nullable().default(null),
  respondents: z.number().int().min(0).max(10_000_000).nullable().default(null),
  note: z.string().max(LIMITS.note).default(''),
});

/** Un-archives a card (the undo of an archive): a new event, the log is never rewritten. */
export const CardRestoreCommand = command({ cardId: Id });

/**
 * Undoes the actor's own last change to a card (move, edit, archive, restore, create) with a new event; without
 * `cardId`, their last change to any card of the board (Ctrl+Z). An undo is never itself undone (no redo): the
 * next undo reverses the change before it.
 */
export const CardUndoCommand = command({ cardId: Id.optional() });

export const BoardCadenceCommand = command({
  cadence: Cadence,
  nextMeetingDate: IsoDate.nullable().optional(),
  meetingMinutes: z.number().int().min(1).max(240).optional(),
});

const Reason = z.string().trim().min(1, 'must not be empty').max(LIMITS.note);

/** Sends a card of this board to the board of the unit above; `dueDate` defaults to that board's next meeting. */
export const EscalationRaiseCommand = command({
  escalationId: Id,
  cardId: Id,
  reason: Reason,
  dueDate: IsoDate.optional(),
});
/** The holder's answers: a decision back down the chain, a return with a reason, or on up the chain. */
export const EscalationAnswerCommand = command({ escalationId: Id, decision: Reason });
export const EscalationReturnCommand = command({ escalationId: Id, reason: Reason });
export const EscalationForwardCommand = command({ escalationId: Id, reason: Reason, dueDate: IsoDate.optional() });
/** The sending board has read the answer (or the return): "Kvittér" archives the escalation. */
export const EscalationAcknowledgeCommand = command({ escalationId: Id });

export const MeetingStartCommand = command({
  meetingId: Id,
  plannedMinutes: z.number().int().min(1).max(240).optional(),
  itemMinutes: z.number().int().min(1).max(60).optional(),
});

const ItemText = z.string().trim().min(1, 'must not be empty').max(LIMITS.note);
/** One change to a running meeting; the facilitator's whole toolbox. */
export const MeetingChange = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('attendance'),
    // A typed name, or a person picked (their user id) and/or the capacity they attend in.
    attendees: z.array(z.union([
      z.string().trim().min(1).max(LIMITS.ownerName),
      z.strictObject({ name: z.string().trim().min(1).max(LIMITS.ownerName), userId: Id.optional(), role: MeetingRole.optional() }),
    ])).max(200),
  }),
  z.strictObject({ kind: z.literal('add-item'), item: z.strictObject({ id: Id, title: Title }), index: Position.optional() }),
  z.strictObject({ kind: z.literal('move-item'), itemId: Id, index: Position }),
  z.strictObject({ kind: z.literal('skip-item'), itemId: Id, skipped: z.boolean() }),
  z.strictObject({ kind: z.literal('open-item'), itemId: Id.nullable() }),
  z.strictObject({ kind: z.literal('outcome'), itemId: Id, outcome: z.string().max(LIMITS.note) }),
  z.strictObject({ kind: z.literal('decision'), itemId: Id, decision: z.strictObject({ id: Id, text: ItemText }) }),
  z.strictObject({
    kind: z.literal('action'),
    itemId: Id,
    /** The action card, created on the board in the same step. */
    card: z.strictObject({
      id: Id,
      columnId: Id,
      title: Title,
      ownerName: z.string().trim().min(1, 'must not be empty').max(LIMITS.ownerName),
      dueDate: IsoDate,
    }),
  }),
]);
export type MeetingChange = z.infer<typeof MeetingChange>;
export const MeetingChangeCommand = command({ meetingId: Id, change: MeetingChange });
export const MeetingEndCommand = command({ meetingId: Id });

export const COMMANDS = {
  'card:create': CardCreateCommand,
  'card:update': CardUpdateCommand,
  'card:move': CardMoveCommand,
  'card:archive': CardArchiveCommand,
  'column:create': ColumnCreateCommand,
  'column:rename': ColumnRenameCommand,
  'column:move': ColumnMoveCommand,
  'measurement:record': MeasurementRecordCommand,
  'card:restore': CardRestoreCommand,
  'card:undo': CardUndoCommand,
  'board:cadence': BoardCadenceCommand,
  'escalation:raise': EscalationRaiseCommand,
  'escalation:answer': EscalationAnswerCommand,
  'escalation:return': EscalationReturnCommand,
  'escalation:forward': EscalationForwardCommand,
  'escalation:acknowledge': EscalationAcknowledgeCommand,
  'meeting:start': MeetingStartCommand,
  'meeting:change': MeetingChangeCommand,
  'meeting:end': MeetingEndCommand,
} as const;
export type CommandName = keyof typeof COMMANDS;
export type CommandInput<N extends CommandName> = z.input<(typeof COMMANDS)[N]>;
export type Command<N extends CommandName> = z.output<(typeof COMMANDS)[N]>;

export const JoinRequest = z.strictObject({
  boardId: Id,
  protocol: z.number().int(),
  /** The last seq the client applied; omitted on a first join. */
  sinceSeq: z.number().int().min(0).optional(),
  /** The timeline (see JoinResult) in which the client was told that seq; events are caught up only within one. */
  epoch: z.string().max(64).optional(),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const LeaveRequest = z.strictObject({ boardId: Id });

/**
 * A moved card. Live messages carry only what a move changes (each of a room's sockets decodes every move); the
 * log keeps the whole card, which is what the history pages read (they name the card).
 */
export const MovedCard = Card.partial().extend(Card.pick({ id: true, columnId: true, orderKey: true, updatedAt: true }).shape);
export type MovedCard = z.infer<typeof MovedCard>;

/** What happened on a board, in the order the board's `seq` gives. Payloads carry the state after the change. */
export const BoardEventBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card.created'), card: Card }),
  z.object({ type: z.literal('card.updated'), card: Card, before: Card.partial() }),
  z.object({ type: z.literal('card.moved'), card: MovedCard, from: z.object({ columnId: Id, orderKey: z.string() }) }),
  z.object({ type: z.literal('card.archived'), card: Card }),
  z.object({ type: z.literal('column.created'), column: Column }),
  z.object({ type: z.literal('column.renamed'), column: Column, before: z.object({ name: z.string() }) }),
  // `before` is the old place, so "the board as it was" shows the column order of that time (older events lack it).
  z.object({ type: z.literal('column.moved'), column: Column, before: z.object({ orderKey: z.string() }).optional() }),
  z.object({
    type: z.literal('measurement.recorded'),
    measurement: Measurement,
    previous: Measurement.nullable(),
    /** The run-chart signal of the indicator's whole series at the unit after this value (tiles show it at once). */
    signal: IndicatorSignal.optional(),
  }),
  // A target set or an indicator made mandatory: the indicator as this board shows it now (added if it was not there).
  z.object({ type: z.literal('indicator.changed'), indicator: BoardIndicator }),
  z.object({ type: z.literal('card.restored'), card: Card }),
  z.object({ type: z.literal('board.cadence'), boardId: Id, cadence: BoardCadence }),
  // Every escalation step carries the escalation after it, and goes to every board along its chain.
  z.object({ type: z.literal('escalation.raised'), escalation: Escalation }),
  z.object({ type: z.literal('escalation.forwarded'), escalation: Escalation }),
  z.object({ type: z.literal('escalation.answered'), escalation: Escalation }),
  z.object({ type: z.literal('escalation.returned'), escalation: Escalation }),
  z.object({ type: z.literal('escalation.acknowledged'), escalation: Escalation }),
  z.object({ type: z.literal('meeting.started'), meeting: Meeting }),
  z.object({ type: z.literal('meeting.changed'), meeting: Meeting, change: z.string() }),
  z.object({ type: z.literal('meeting.ended'), meeting: Meeting }),
  // A business case this board shows changed (created, edited, closed, or its progress moved with a measurement):
  // the case as the board shows it now, or null when it no longer shows here (closed, or no longer moving its
  // indicators). The board's own list comes over REST; these keep it current without a reload.
  z.object({ type: z.literal('business-case.changed'), initiativeId: Id, businessCase: BusinessCase.nullable() }),
]);
export type BoardEventBody = z.infer<typeof BoardEventBody>;
export type BoardEventType = BoardEventBody['type'];

export const BoardEvent = z.object({
  boardId: Id,
  seq: z.number().int().min(1),
  opId: z.string(),
  actor: z.string(),
  at: z.string(),
  body: BoardEventBody,
});
export type BoardEvent = z.infer<typeof BoardEvent>;

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  /** A thing still referred to (an indicator with measurements or on a board) cannot be deleted. */
  'IN_USE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'PROTOCOL_MISMATCH',
  'UNKNOWN_EVENT',
  'INTERNAL',
  /** The server could not reach its database (restart, failover): nothing was committed; send the same again. */
  'UNAVAILABLE',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Ack<T = unknown> =
  | { ok: true; seq: number; data: T; duplicate?: boolean }
  | { ok: false; error: ApiError };

export type JoinResult = ({ kind: 'snapshot'; snapshot: BoardSnapshot } | { kind: 'events'; events: BoardEvent[] }) & {
  /**
   * The database's timeline: the same across restarts (every seq a client was told is durable), new when a backup
   * is restored, whose boards count their seqs again from an earlier point. A client that re-joins with a seq from
   * another timeline therefore gets a fresh snapshot instead of the events after it.
   */
  epoch: string;
};

/** What a command's ack carries: the events it produced (so the sender reconciles exactly like a peer). */
export type CommandResult = { events: BoardEvent[] };

type AckFn<T> = (ack: Ack<T>) => void;

export interface ClientToServerEvents {
  'board:join': (req: JoinRequest, ack: AckFn<JoinResult>) => void;
  'board:leave': (req: z.input<typeof LeaveRequest>, ack?: AckFn<null>) => void;
  'card:create': (cmd: CommandInput<'card:create'>, ack: AckFn<CommandResult>) => void;
  'card:update': (cmd: CommandInput<'card:update'>, ack: AckFn<CommandResult>) => void;
  'card:move': (cmd: CommandInput<'card:move'>, ack: AckFn<CommandResult>) => void;
  'card:archive': (cmd: CommandInput<'card:archive'>, ack: AckFn<CommandResult>) => void;
  'column:create': (cmd: CommandInput<'column:create'>, ack: AckFn<CommandResult>) => void;
  'column:rename': (cmd: CommandInput<'column:rename'>, ack: AckFn<CommandResult>) => void;
  'column:move': (cmd: CommandInput<'column:move'>, ack: AckFn<CommandResult>) => void;
  'measurement:record': (cmd: CommandInput<'measurement:record'>, ack: AckFn<CommandResult>) => void;
  'card:restore': (cmd: CommandInput<'card:restore'>, ack: AckFn<CommandResult>) => void;
  'card:undo': (cmd: CommandInput<'card:undo'>, ack: AckFn<CommandResult>) => void;
  'board:cadence': (cmd: CommandInput<'board:cadence'>, ack: AckFn<CommandResult>) => void;
  'escalation:raise': (cmd: CommandInput<'escalation:raise'>, ack: AckFn<CommandResult>) => void;
  'escalation:answer': (cmd: CommandInput<'escalation:answer'>, ack: AckFn<CommandResult>) => void;
  'escalation:return': (cmd: CommandInput<'escalation:return'>, ack: AckFn<CommandResult>) => void;
  'escalation:forward': (cmd: CommandInput<'escalation:forward'>, ack: AckFn<CommandResult>) => void;
  'escalation:acknowledge': (cmd: CommandInput<'escalation:acknowledge'>, ack: AckFn<CommandResult>) => void;
  'meeting:start': (cmd: CommandInput<'meeting:start'>, ack: AckFn<CommandResult>) => void;
  'meeting:change': (cmd: CommandInput<'meeting:change'>, ack: AckFn<CommandResult>) => void;
  'meeting:end': (cmd: CommandInput<'meeting:end'>, ack: AckFn<CommandResult>) => void;
  /** An open overview page asks to be told `overview:changed` (and stops with `overview:unwatch`). */
  'overview:watch': (ack?: AckFn<null>) => void;
  'overview:unwatch': (ack?: AckFn<null>) => void;
}

export interface ServerToClientEvents {
  /**
   * The events of one commit for one board, in seq order, to every socket in the board's room: one message per
   * group commit rather than one per event. The senders get it too, before their acks, so no one sees a hole.
   */
  'board:events': (events: BoardEvent[]) => void;
  /** Indicator statuses may have changed somewhere (a new measurement): sent to the sockets that watch the overview. */
  'overview:changed': () => void;
}

/** Turns a zod error into the flat `issues` list an error ack carries. */
export function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

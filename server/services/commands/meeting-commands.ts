import type { Command } from '../../../shared/protocol';
import type { BoardCadence, BoardIndicator, Card, Column, Escalation, Meeting } from '../../../shared/schemas';
import { buildAgenda } from '../../../shared/domain/agenda';
import { nextMeetingDate } from '../../../shared/domain/cadence';
import { applyMeetingChange, buildMinutes } from '../../../shared/domain/meeting';
import type { Repositories } from '../../repositories';
import { type CommandContext, type CommandRunner, type Decision, type Effect, accept, reject } from '../decision';
import { decideCardCreate } from './card-commands';

export const DEFAULT_MEETING_MINUTES = 15;
const DEFAULT_CADENCE: BoardCadence = { cadence: 'biweekly', nextMeetingDate: null, meetingMinutes: DEFAULT_MEETING_MINUTES };

export function decideCadence(cmd: Command<'board:cadence'>, current: BoardCadence | null): Decision {
  const cadence: BoardCadence = {
    cadence: cmd.cadence,
    nextMeetingDate: cmd.nextMeetingDate === undefined ? (current?.nextMeetingDate ?? null) : cmd.nextMeetingDate,
    meetingMinutes: cmd.meetingMinutes ?? current?.meetingMinutes ?? DEFAULT_MEETING_MINUTES,
  };
  return accept({ body: { type: 'board.cadence', boardId: cmd.boardId, cadence }, boardIds: [cmd.boardId] });
}

export interface StartState {
  existing?: Meeting;
  running: Meeting | null;
  lastMeeting: Meeting | null;
  cadence: BoardCadence | null;
  indicators: BoardIndicator[];
  cards: Card[];
  columns: Column[];
  escalations: Escalation[];
  /** Open business cases moving the board's indicators. */
  businessCases?: { id: string; title: string }[];
  /** The facilitator's display name, for the minutes. */
  facilitatorName?: string;
}

/** Starts a meeting with its agenda built from the board as it is now; one running meeting per board. */
export function decideMeetingStart(cmd: Command<'meeting:start'>, s: StartState, ctx: CommandContext): Decision {
  if (s.existing) return reject('CONFLICT', 'A meeting with this id already exists.');
  if (s.running) return reject('CONFLICT', 'A meeting is already running on this board.');
  const cadence = s.cadence ?? DEFAULT_CADENCE;
  const items = buildAgenda({
    boardId: cmd.boardId,
    today: ctx.today,
    nextMeetingDate: nextMeetingDate(cadence.cadence, ctx.today),
    indicators: s.indicators,
    cards: s.cards,
    columns: s.columns,
    escalations: s.escalations,
    businessCases: s.businessCases ?? [],
    // The signal is the one each indicator carries: Anhøj rules over its whole reportable series and baseline.
    lastMeeting: s.lastMeeting,
  });
  const plannedMinutes = cmd.plannedMinutes ?? cadence.meetingMinutes;
  const meeting: Meeting = {
    id: cmd.meetingId, boardId: cmd.boardId, status: 'running', facilitator: s.facilitatorName ?? ctx.actor,
    startedAt: ctx.now, endedAt: null, plannedMinutes,
    itemMinutes: cmd.itemMinutes ?? Math.max(1, Math.floor(plannedMinutes / Math.max(1, items.length))),
    currentItemId: null, attendees: [], items, minutes: null,
  };
  return accept({ body: { type: 'meeting.started', meeting }, boardIds: [cmd.boardId] });
}

const runningOn = (meeting: Meeting | undefined, boardId: string): Decision | null => {
  if (!meeting || meeting.boardId !== boardId) return reject('NOT_FOUND', 'The meeting is not on this board.');
  if (meeting.status !== 'running') return reject('CONFLICT', 'The meeting has ended.');
  return null;
};

export function decideMeetingChange(
  cmd: Command<'meeting:change'>,
  s: { meeting?: Meeting; column?: Column; existingCard?: Card; siblings: Card[] },
  ctx: CommandContext,
): Decision {
  const refused = runningOn(s.meeting, cmd.boardId);
  if (refused || !s.meeting) return refused!;
  const result = applyMeetingChange(s.meeting, cmd.change, ctx.now);
  if (!result.ok) return reject('NOT_FOUND', result.message);
  const effects: Effect[] = [];
  if (cmd.change.kind === 'action') {
    // An action is a card on the board, created in the same step as its line in the meeting.
    const card = { ...cmd.change.card, type: 'action' as const, description: '' };
    const created = decideCardCreate({ opId: cmd.opId, boardId: cmd.boardId, card }, {
      column: s.column, existing: s.existingCard, siblings: s.siblings,
    }, ctx);
    if (!created.ok) return created;
    effects.push(...created.effects);
  }
  effects.push({ body: { type: 'meeting.changed', meeting: result.meeting, change: cmd.change.kind }, boardIds: [cmd.boardId] });
  return accept(...effects);
}

/** Ends the meeting: the minutes are fixed now, and the board's next meeting follows from its cadence. */
export function decideMeetingEnd(
  cmd: Command<'meeting:end'>,
  s: { meeting?: Meeting; cadence: BoardCadence | null; cards: Card[]; columns: Column[]; indicators: BoardIndicator[] },
  ctx: CommandContext,
): Decision {
  const refused = runningOn(s.meeting, cmd.boardId);
  if (refused || !s.meeting) return refused!;
  const minutes = buildMinutes(s.meeting, s, ctx.now);
  const meeting: Meeting = { ...s.meeting, status: 'ended', endedAt: ctx.now, currentItemId: null, items: minutes.items, minutes };
  const current = s.cadence ?? DEFAULT_CADENCE;
  const cadence: BoardCadence = { ...current, nextMeetingDate: nextMeetingDate(current.cadence, ctx.today) };
  return accept(
    { body: { type: 'meeting.ended', meeting }, boardIds: [cmd.boardId] },
    { body: { type: 'board.cadence', boardId: cmd.boardId, cadence }, boardIds: [cmd.boardId] },
  );
}

export const runCadence: CommandRunner<Command<'board:cadence'>> = async (cmd, repos) =>
  decideCadence(cmd, await repos.meetings.cadence(cmd.boardId));

const boardState = async (repos: Repositories, boardId: string, today: string) => {
  const unitId = (await repos.boards.unitId(boardId)) ?? '';
  return {
    cards: await repos.cards.liveOnBoard(boardId),
    columns: await repos.columns.onBoard(boardId),
    indicators: await repos.indicators.forBoard(boardId, unitId, today),
  };
};

export const runMeetingStart: CommandRunner<Command<'meeting:start'>> = async (cmd, repos, ctx) =>
  decideMeetingStart(cmd, {
    existing: await repos.meetings.meeting(cmd.meetingId),
    running: await repos.meetings.running(cmd.boardId),
    lastMeeting: await repos.meetings.lastEnded(cmd.boardId),
    cadence: await repos.meetings.cadence(cmd.boardId),
    escalations: await repos.meetings.escalationsOf(cmd.boardId),
    businessCases: await repos.initiatives.openOnBoard(cmd.boardId),
    ...(await boardState(repos, cmd.boardId, ctx.today)),
    facilitatorName: await repos.meetings.displayName(ctx.actor),
  }, ctx);

export const runMeetingChange: CommandRunner<Command<'meeting:change'>> = async (cmd, repos, ctx) => {
  const columnId = cmd.change.kind === 'action' ? cmd.change.card.columnId : null;
  const column = columnId ? await repos.columns.get(columnId) : undefined;
  return decideMeetingChange(cmd, {
    meeting: await repos.meetings.meeting(cmd.meetingId),
    column,
    existingCard: cmd.change.kind === 'action' ? await repos.cards.get(cmd.change.card.id) : undefined,
    siblings: column ? await repos.cards.liveInColumn(column.id) : [],
  }, ctx);
};

export const runMeetingEnd: CommandRunner<Command<'meeting:end'>> = async (cmd, repos, ctx) => {
  const state = await boardState(repos, cmd.boardId, ctx.today);
  return decideMeetingEnd(cmd, {
    meeting: await repos.meetings.meeting(cmd.meetingId),
    cadence: await repos.meetings.cadence(cmd.boardId),
    ...state,
    // Archived cards too: an action closed by archiving it during the meeting counts as closed.
    cards: await repos.meetings.allCards(cmd.boardId),
  }, ctx);
};

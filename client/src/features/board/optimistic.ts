import { keyAtEnd, keyForIndex, type Ordered } from '../../../../shared/domain/ordering';
import { applyMeetingChange } from '../../../../shared/domain/meeting';
import type { CommandInput, CommandName } from '../../../../shared/protocol';
import {
  cardsInColumn,
  removeCard,
  upsertCard,
  upsertColumn,
  upsertMeasurement,
  type BoardData,
} from './board-data';

/** A command as queued: its name and its payload (with opId and boardId), correlated by the name. */
export type AnyCommand = { [N in CommandName]: { name: N; cmd: CommandInput<N> } }[CommandName];

export interface OptimisticContext {
  /** When the command was issued (ISO time). */
  at: string;
  /** Who issued it, as recorded on measurements. */
  actor: string;
}

// Keys come from the server except for optimistic items; should two ever collide, fall back to the end.
function safeKey(siblings: readonly Ordered[], index: number | undefined): string {
  try {
    return index === undefined ? keyAtEnd(siblings) : keyForIndex(siblings, index);
  } catch {
    const last = [...siblings].map((s) => s.orderKey).sort().at(-1);
    return `${last ?? 'a0'}V`;
  }
}

/**
 * What the board looks like once `command` succeeds, as far as the client can tell. The server decides the
 * final state; its events replace this. A command whose target is gone changes nothing.
 */
export function applyCommand(data: BoardData, command: AnyCommand, ctx: OptimisticContext): BoardData {
  switch (command.name) {
    case 'card:create': {
      const { card, index } = command.cmd;
      if (!data.columns[card.columnId]) return data;
      return upsertCard(data, {
        id: card.id,
        boardId: command.cmd.boardId,
        columnId: card.columnId,
        orderKey: safeKey(cardsInColumn(data, card.columnId, card.id), index),
        type: card.type,
        title: card.title.trim(),
        description: card.description ?? '',
        ownerName: (card.ownerName ?? '').trim(),
        dueDate: card.dueDate ?? null,
        archived: false,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      });
    }
    case 'card:update': {
      const card = data.cards[command.cmd.cardId];
      if (!card) return data;
      return upsertCard(data, { ...card, ...command.cmd.changes, updatedAt: ctx.at });
    }
    case 'card:move': {
      const { cardId, toColumnId, index } = command.cmd;
      const card = data.cards[cardId];
      if (!card || !data.columns[toColumnId]) return data;
      const orderKey = safeKey(cardsInColumn(data, toColumnId, cardId), index);
      return upsertCard(data, { ...card, columnId: toColumnId, orderKey, updatedAt: ctx.at });
    }
    case 'card:archive':
      return removeCard(data, command.cmd.cardId);
    case 'column:create': {
      const { column, index } = command.cmd;
      const orderKey = safeKey(Object.values(data.columns), index);
      return upsertColumn(data, { id: column.id, boardId: command.cmd.boardId, name: column.name.trim(), orderKey });
    }
    case 'column:rename': {
      const column = data.columns[command.cmd.columnId];
      return column ? upsertColumn(data, { ...column, name: command.cmd.name.trim() }) : data;
    }
    case 'column:move': {
      const column = data.columns[command.cmd.columnId];
      if (!column) return data;
      const siblings = Object.values(data.columns).filter((c) => c.id !== column.id);
      return upsertColumn(data, { ...column, orderKey: safeKey(siblings, command.cmd.index) });
    }
    case 'measurement:record': {
      const cmd = command.cmd;
      const indicator = data.indicators[cmd.indicatorId];
      if (!indicator) return data;
      return upsertMeasurement(data, {
        indicatorId: cmd.indicatorId,
        unitId: indicator.unitId,
        periodStart: cmd.periodStart,
        value: cmd.value,
        numerator: cmd.numerator ?? null,
        denominator: cmd.denominator ?? null,
        respondents: cmd.respondents ?? null,
        note: cmd.note ?? '',
        recordedAt: ctx.at,
        recordedBy: ctx.actor,
      });
    }
    case 'meeting:change': {
      // Meeting changes show at once (the facilitator types fast); an action's card appears with them.
      const meeting = data.meeting;
      if (!meeting || meeting.id !== command.cmd.meetingId) return data;
      const result = applyMeetingChange(meeting, command.cmd.change, ctx.at);
      if (!result.ok) return data;
      const next = { ...data, meeting: result.meeting };
      const change = command.cmd.change;
      if (change.kind !== 'action') return next;
      return applyCommand(next, {
        name: 'card:create',
        cmd: { opId: command.cmd.opId, boardId: command.cmd.boardId, card: { ...change.card, type: 'action' } },
      }, ctx);
    }
    // The server decides these from state the client may not have (agendas, chains, the log); its events follow.
    case 'card:restore':
    case 'card:undo':
    case 'board:cadence':
    case 'escalation:raise':
    case 'escalation:answer':
    case 'escalation:return':
    case 'escalation:forward':
    case 'escalation:acknowledge':
    case 'meeting:start':
    case 'meeting:end':
      return data;
  }
}

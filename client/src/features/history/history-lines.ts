import type { BoardEvent } from '../../../../shared/protocol';
import type { MeetingMessages } from '../../lib/i18n-meetings';

/** One readable sentence (without who and when) for an event of a card's history. */
export function describeEvent(event: BoardEvent, m: MeetingMessages, columnName: (id: string) => string): string {
  const body = event.body;
  switch (body.type) {
    case 'card.created':
      return m.historyLine.created;
    case 'card.moved':
      return m.historyLine.moved(columnName(body.from.columnId), columnName(body.card.columnId));
    case 'card.updated':
      return m.historyLine.edited(
        Object.keys(body.before).map((k) => m.fieldNames[k as keyof MeetingMessages['fieldNames']] ?? k).join(', '),
      );
    case 'card.archived':
      return m.historyLine.archived;
    case 'card.restored':
      return m.historyLine.restored;
    case 'escalation.raised':
    case 'escalation.forwarded':
    case 'escalation.answered':
    case 'escalation.returned':
    case 'escalation.acknowledged': {
      const step = body.escalation.steps.at(-1);
      return step ? m.historyLine.escalation(step.kind, step.toBoardName ?? step.boardName) : body.type;
    }
    case 'meeting.started':
      return m.historyLine.meetingStarted;
    case 'meeting.ended':
      return m.historyLine.meetingEnded;
    case 'measurement.recorded':
      return m.historyLine.measurement(body.measurement.indicatorId);
    case 'column.created':
    case 'column.renamed':
    case 'column.moved':
      return m.historyLine.column(body.column.name);
    case 'business-case.changed':
      return m.historyLine.businessCase(body.businessCase?.title ?? null);
    default:
      return m.historyLine.other(body.type);
  }
}

/** What a board-history line is about: the card's title (or the escalated card's), else nothing. */
export function subjectOf(event: BoardEvent): string | null {
  const body = event.body as { card?: { title: string }; escalation?: { cardTitle: string } };
  return body.card?.title ?? body.escalation?.cardTitle ?? null;
}

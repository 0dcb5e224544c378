import type { AgendaItem, Attendee, BoardIndicator, Card, Column, Meeting, MeetingRole, Minutes } from '../schemas';
import type { MeetingChange } from '../protocol';
import { doneColumnId, latestStatus } from './agenda';

/** An attendee's name, whether typed in or picked. */
export const attendeeName = (a: Attendee): string => (typeof a === 'string' ? a : a.name);

/** "Eva Holm (klinikledelse)": an attendee as the minutes read, with the capacity they attended in. */
export function attendeeText(a: Attendee, roleLabel: (role: MeetingRole) => string): string {
  return typeof a === 'string' || !a.role ? attendeeName(a) : `${a.name} (${roleLabel(a.role)})`;
}

/**
 * Attendance as kept: names trimmed, a typed name without a role stays a plain string (as attendance was first
 * kept), and each person once (a picked person by their user id, anyone else by name; in the first place, with the later entry's role).
 */
export function normaliseAttendees(list: readonly Attendee[]): Attendee[] {
  const byKey = new Map<string, Attendee>();
  for (const a of list) {
    const name = attendeeName(a).trim();
    if (!name) continue;
    const kept: Attendee = typeof a === 'string' || (!a.userId && !a.role)
      ? name
      : { name, ...(a.userId && { userId: a.userId }), ...(a.role && { role: a.role }) };
    const key = typeof kept !== 'string' && kept.userId ? `user:${kept.userId}` : `name:${name}`;
    byKey.set(key, kept);
  }
  return [...byKey.values()];
}

type Result = { ok: true; meeting: Meeting } | { ok: false; message: string };

const withItem = (meeting: Meeting, itemId: string, update: (item: AgendaItem) => AgendaItem): Result => {
  if (!meeting.items.some((i) => i.id === itemId)) return { ok: false, message: 'The agenda item does not exist.' };
  return { ok: true, meeting: { ...meeting, items: meeting.items.map((i) => (i.id === itemId ? update(i) : i)) } };
};

/**
 * A running meeting after one facilitator change: shared by the server's rules and the client's optimistic
 * view. Opening an item closes the one open before it; the item timers are these start and end times.
 */
export function applyMeetingChange(meeting: Meeting, change: MeetingChange, now: string): Result {
  switch (change.kind) {
    case 'attendance':
      return { ok: true, meeting: { ...meeting, attendees: normaliseAttendees(change.attendees) } };
    case 'add-item': {
      if (meeting.items.some((i) => i.id === change.item.id)) return { ok: false, message: 'The item already exists.' };
      const added: AgendaItem = {
        id: change.item.id, kind: 'custom', title: change.item.title.trim(), refId: null, detail: '', skipped: false,
        startedAt: null, endedAt: null, outcome: '', decisions: [], actionIds: [],
      };
      const items = [...meeting.items];
      items.splice(Math.min(change.index ?? items.length, items.length), 0, added);
      return { ok: true, meeting: { ...meeting, items } };
    }
    case 'move-item': {
      const moving = meeting.items.find((i) => i.id === change.itemId);
      if (!moving) return { ok: false, message: 'The agenda item does not exist.' };
      const items = meeting.items.filter((i) => i.id !== change.itemId);
      items.splice(Math.min(change.index, items.length), 0, moving);
      return { ok: true, meeting: { ...meeting, items } };
    }
    case 'skip-item':
      return withItem(meeting, change.itemId, (i) => ({ ...i, skipped: change.skipped }));
    case 'open-item': {
      if (change.itemId !== null && !meeting.items.some((i) => i.id === change.itemId)) {
        return { ok: false, message: 'The agenda item does not exist.' };
      }
      const items = meeting.items.map((i) => {
        if (i.id === change.itemId) return { ...i, startedAt: i.startedAt ?? now, endedAt: null, skipped: false };
        if (i.id === meeting.currentItemId) return { ...i, endedAt: now };
        return i;
      });
      return { ok: true, meeting: { ...meeting, items, currentItemId: change.itemId } };
    }
    case 'outcome':
      return withItem(meeting, change.itemId, (i) => ({ ...i, outcome: change.outcome }));
    case 'decision':
      return withItem(meeting, change.itemId, (i) =>
        i.decisions.some((d) => d.id === change.decision.id)
          ? i
          : { ...i, decisions: [...i.decisions, { id: change.decision.id, text: change.decision.text.trim() }] },
      );
    case 'action':
      return withItem(meeting, change.itemId, (i) =>
        i.actionIds.includes(change.card.id) ? i : { ...i, actionIds: [...i.actionIds, change.card.id] },
      );
  }
}

/** The minutes an ending meeting keeps: everything said and done, and the indicators as they stood. */
export function buildMinutes(
  meeting: Meeting,
  board: { cards: readonly Card[]; columns: readonly Column[]; indicators: readonly BoardIndicator[] },
  now: string,
): Minutes {
  const items = meeting.items.map((i) => (i.id === meeting.currentItemId ? { ...i, endedAt: now } : i));
  const cards = new Map(board.cards.map((c) => [c.id, c]));
  const done = doneColumnId(board.columns);
  const createdIds = items.flatMap((i) => i.actionIds);
  const discussed = items.filter((i) => (i.kind === 'action' || i.kind === 'follow-up') && i.refId && !i.skipped);
  const closed = discussed
    .map((i) => cards.get(i.refId!))
    .filter((c): c is Card => c !== undefined && (c.archived || c.columnId === done));
  return {
    attendees: meeting.attendees,
    items,
    decisions: items.flatMap((i) => i.decisions.map((d) => ({ ...d, itemTitle: i.title }))),
    actionsCreated: createdIds.map((id) => cards.get(id)).filter((c): c is Card => c !== undefined),
    actionsClosed: closed,
    indicators: board.indicators.map((indicator) => ({
      indicatorId: indicator.id,
      name: indicator.name,
      unitLabel: indicator.unitLabel,
      decimals: indicator.decimals,
      ...latestStatus(indicator),
    })),
  };
}

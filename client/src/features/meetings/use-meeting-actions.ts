import { useMemo } from 'react';
import type { MeetingChange } from '../../../../shared/protocol';
import type { Attendee, Meeting } from '../../../../shared/schemas';
import { useAppStore } from '../../app/store/store-context';
import { newId } from '../../lib/ids';

/** The facilitator's commands on a running meeting, each an optimistic `meeting:change`. */
export function useMeetingActions(meeting: Meeting) {
  const issue = useAppStore((s) => s.issue);
  return useMemo(() => {
    const change = (c: MeetingChange) => issue('meeting:change', { meetingId: meeting.id, change: c });
    return {
      openItem: (itemId: string | null) => change({ kind: 'open-item', itemId }),
      /** The next item not skipped after the current one (or the first), or none when the agenda is through. */
      next: () => {
        const from = meeting.items.findIndex((i) => i.id === meeting.currentItemId);
        const next = meeting.items.slice(from + 1).find((i) => !i.skipped);
        change({ kind: 'open-item', itemId: next?.id ?? null });
      },
      skip: (itemId: string, skipped: boolean) => change({ kind: 'skip-item', itemId, skipped }),
      move: (itemId: string, index: number) => change({ kind: 'move-item', itemId, index }),
      addItem: (title: string) => change({ kind: 'add-item', item: { id: newId(), title } }),
      attendance: (attendees: Attendee[]) => change({ kind: 'attendance', attendees }),
      outcome: (itemId: string, outcome: string) => change({ kind: 'outcome', itemId, outcome }),
      decision: (itemId: string, text: string) => change({ kind: 'decision', itemId, decision: { id: newId(), text } }),
      action: (itemId: string, card: { columnId: string; title: string; ownerName: string; dueDate: string }) =>
        change({ kind: 'action', itemId, card: { id: newId(), ...card } }),
      end: () => issue('meeting:end', { meetingId: meeting.id }),
    };
  }, [issue, meeting]);
}
export type MeetingActions = ReturnType<typeof useMeetingActions>;

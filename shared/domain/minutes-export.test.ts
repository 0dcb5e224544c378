import { describe, expect, it } from 'vitest';
import type { Meeting } from '../schemas';
import { MINUTES_CSV_HEADER, minutesTable, minutesToMarkdown } from './minutes-export';

const meeting: Meeting = {
  id: 'm', boardId: 'b', status: 'ended', facilitator: 'Eva', startedAt: '2026-11-28T08:00:00.000Z',
  endedAt: '2026-11-28T08:15:00.000Z', plannedMinutes: 15, itemMinutes: 3, currentItemId: null, attendees: ['Eva'], items: [],
  minutes: {
    attendees: ['Eva', 'Ole', { name: 'Bo Dahl', userId: 'u-bo', role: 'employee-representative' }],
    items: [{ id: 'i', kind: 'custom', title: 'Sygefravær, "nu"', refId: null, detail: '', skipped: false, startedAt: 'S', endedAt: 'E',
      outcome: 'Drøftet', decisions: [{ id: 'd', text: 'Ny vagtplan' }], actionIds: ['c'] }],
    decisions: [{ id: 'd', text: 'Ny vagtplan', itemTitle: 'Sygefravær' }],
    actionsCreated: [{ id: 'c', boardId: 'b', columnId: 'x', orderKey: 'a0', type: 'action', title: 'Ring til HR', description: '',
      ownerName: 'Ole', dueDate: '2026-12-05', archived: false, createdAt: 'S', updatedAt: 'S' }],
    actionsClosed: [],
    indicators: [{ indicatorId: 'i', name: 'Sygefravær', unitLabel: '%', periodStart: '2026-10-01', value: 6.5, status: 'red' }],
  },
};

describe('minutes export', () => {
  it('writes Markdown with every section', () => {
    const md = minutesToMarkdown(meeting, 'Afsnit N2');
    expect(md).toContain('# Referat: Afsnit N2');
    expect(md).toContain('- Eva\n- Ole\n- Bo Dahl (medarbejderrepræsentant)');
    expect(md).toContain('## Sprunget over\n- Ingen');
    expect(md).toContain('1. Sygefravær, "nu"\n   Konklusion: Drøftet\n   - Ny vagtplan');
    expect(md).toContain('## Nye handlinger\n- Ring til HR · Ole · 2026-12-05');
    expect(md).toContain('## Afsluttede handlinger\n- Ingen');
    expect(md).toContain('- Sygefravær: 6.5 % (red)');
  });

  it('lays the agenda out as table rows', () => {
    expect(MINUTES_CSV_HEADER.join(',')).toBe('position,kind,title,skipped,started,ended,outcome,decisions,actions');
    expect(minutesTable(meeting)[0]).toEqual([1, 'custom', 'Sygefravær, "nu"', 'no', 'S', 'E', 'Drøftet', 'Ny vagtplan', 'Ring til HR (Ole, 2026-12-05)']);
  });
});

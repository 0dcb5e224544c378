import { describe, expect, it } from 'vitest';
import type { BoardIndicator, Card, Column, Escalation, Meeting } from '../schemas';
import { buildAgenda } from './agenda';
import { applyMeetingChange, attendeeText, buildMinutes } from './meeting';

const AT = '2026-11-01T08:00:00.000Z';
const columns: Column[] = [
  { id: 'new', boardId: 'b', name: 'Nye forslag', orderKey: 'a0' },
  { id: 'doing', boardId: 'b', name: 'I gang', orderKey: 'a1' },
  { id: 'done', boardId: 'b', name: 'Afsluttet', orderKey: 'a2' },
];
const card = (id: string, o: Partial<Card>): Card => ({
  id, boardId: 'b', columnId: 'doing', orderKey: `a${id}`, type: 'action', title: id, description: '', ownerName: 'Eva',
  dueDate: null, archived: false, createdAt: AT, updatedAt: AT, ...o,
});
const indicator = (id: string, value: number): BoardIndicator => ({
  id, unitId: 'u', name: id, unitLabel: '%', direction: 'lower', frequency: 'monthly', kind: 'hard', decimals: 0,
  minRespondents: null, orderKey: 'a0',
  target: { validFrom: '2026-01-01', validTo: null, target: 5, low: null, high: null, tolerance: 2 },
  recent: [{ indicatorId: id, unitId: 'u', periodStart: '2026-10-01', value, numerator: null, denominator: null,
    respondents: null, note: '', recordedAt: AT, recordedBy: 'x' }],
});
const escalation = (id: string, o: Partial<Escalation>): Escalation => ({
  id, cardId: `card-${id}`, cardTitle: id, originBoardId: 'ward', originBoardName: 'Afsnit', holderBoardId: 'b',
  holderBoardName: 'Klinik', status: 'open', reason: 'r', dueDate: '2026-12-01', resolution: null, context: [],
  boardIds: ['ward', 'b'], steps: [], createdAt: AT, updatedAt: AT, ...o,
});
const lastMeeting: Meeting = {
  id: 'm1', boardId: 'b', status: 'ended', facilitator: 'Eva', startedAt: '2026-11-10T08:00:00.000Z',
  endedAt: '2026-11-10T08:15:00.000Z', plannedMinutes: 15, itemMinutes: 3, currentItemId: null, attendees: [], items: [],
  minutes: {
    attendees: ['Eva'], items: [], indicators: [], actionsClosed: [],
    decisions: [{ id: 'd1', text: 'Ny vagtplan', itemTitle: 'Sygefravær' }],
    actionsCreated: [card('followed', { dueDate: '2026-11-24' }), card('closed', {})],
  },
};

describe('buildAgenda', () => {
  const agenda = buildAgenda({
    boardId: 'b',
    today: '2026-11-28',
    nextMeetingDate: '2026-12-12',
    columns,
    lastMeeting,
    indicators: [indicator('green', 4), indicator('amber', 6), indicator('red', 9), indicator('signal', 3)],
    hasSignal: (i) => i.id === 'signal' || i.id === 'red',
    businessCases: [{ id: 'ini-huddle', title: 'Tvangsforebyggende huddle' }],
    cards: [
      card('followed', { dueDate: '2026-11-24' }),
      card('closed', { columnId: 'done' }),
      card('late', { dueDate: '2026-11-20' }),
      card('soon', { dueDate: '2026-12-10' }),
      card('later', { dueDate: '2027-01-10' }),
      card('finished', { dueDate: '2026-11-01', columnId: 'done' }),
      card('old-idea', { type: 'idea', columnId: 'new', createdAt: '2026-11-01T00:00:00.000Z' }),
      card('new-idea', { type: 'idea', columnId: 'new', createdAt: '2026-11-20T00:00:00.000Z' }),
    ],
    escalations: [
      escalation('received-late', { dueDate: '2026-11-27' }),
      escalation('received', { dueDate: '2026-12-05' }),
      escalation('answered', { originBoardId: 'b', holderBoardId: 'clinic', status: 'answered', updatedAt: '2026-11-20T00:00:00.000Z' }),
      escalation('answered-before', { originBoardId: 'b', holderBoardId: 'clinic', status: 'answered' }),
      escalation('held-above', { originBoardId: 'b', holderBoardId: 'clinic' }),
    ],
  });

  it('orders: follow-up, signals first, then red and amber without one, open business cases, due actions, escalations, new ideas', () => {
    expect(agenda.map((i) => [i.kind, i.refId ?? i.title, i.detail])).toEqual([
      ['follow-up', 'followed', 'Eva · 2026-11-24'],
      ['follow-up', 'Ny vagtplan', 'Sygefravær'],
      ['indicator', 'red', 'red-signal'],
      ['indicator', 'signal', 'signal'],
      ['indicator', 'amber', 'amber'],
      ['business-case', 'ini-huddle', ''],
      ['action', 'late', 'overdue'],
      ['action', 'soon', 'due'],
      ['escalation', 'received-late', 'overdue'],
      ['escalation', 'received', 'received'],
      ['escalation', 'answered', 'answered'],
      ['idea', 'new-idea', ''],
    ]);
  });

  it('starts every item fresh', () => {
    expect(agenda.every((i) => !i.skipped && i.startedAt === null && i.decisions.length === 0)).toBe(true);
    expect(new Set(agenda.map((i) => i.id)).size).toBe(agenda.length);
  });

  it('without a last meeting, every open idea is new and nothing is followed up', () => {
    const first = buildAgenda({
      boardId: 'b', today: '2026-11-28', nextMeetingDate: null, columns, lastMeeting: null, indicators: [], escalations: [],
      cards: [card('i1', { type: 'idea' }), card('a1', { dueDate: '2026-11-28' }), card('a2', { dueDate: '2026-11-29' })],
    });
    expect(first.map((i) => i.id)).toEqual(['act-a1', 'idea-i1']);
  });
});

describe('meeting changes and minutes', () => {
  const running: Meeting = { ...lastMeeting, status: 'running', endedAt: null, minutes: null, items: buildAgenda({
    boardId: 'b', today: '2026-11-28', nextMeetingDate: null, columns, lastMeeting: null, indicators: [], escalations: [],
    cards: [card('a1', { dueDate: '2026-11-20' }), card('a2', { dueDate: '2026-11-21' })],
  }) };
  const apply = (m: Meeting, change: Parameters<typeof applyMeetingChange>[1], at: string) => {
    const r = applyMeetingChange(m, change, at);
    if (!r.ok) throw new Error(r.message);
    return r.meeting;
  };

  it('opening an item starts its timer and stops the one before', () => {
    let m = apply(running, { kind: 'open-item', itemId: 'act-a1' }, 'T1');
    m = apply(m, { kind: 'open-item', itemId: 'act-a2' }, 'T2');
    expect(m.currentItemId).toBe('act-a2');
    expect(m.items.map((i) => [i.startedAt, i.endedAt])).toEqual([['T1', 'T2'], ['T2', null]]);
  });

  it('reorders, adds and skips; an unknown item is refused', () => {
    let m = apply(running, { kind: 'move-item', itemId: 'act-a2', index: 0 }, 'T');
    m = apply(m, { kind: 'add-item', item: { id: 'x', title: 'Julefrokost' }, index: 1 }, 'T');
    m = apply(m, { kind: 'skip-item', itemId: 'act-a1', skipped: true }, 'T');
    expect(m.items.map((i) => `${i.id}${i.skipped ? '-' : ''}`)).toEqual(['act-a2', 'x', 'act-a1-']);
    expect(applyMeetingChange(m, { kind: 'outcome', itemId: 'nope', outcome: '' }, 'T').ok).toBe(false);
  });

  it('minutes keep attendance, decisions, created and closed actions and the indicators as they were', () => {
    let m = apply(running, { kind: 'attendance', attendees: ['Eva', 'Ole', 'Eva'] }, 'T');
    m = apply(m, { kind: 'open-item', itemId: 'act-a1' }, 'T1');
    m = apply(m, { kind: 'decision', itemId: 'act-a1', decision: { id: 'd', text: 'Gør det' } }, 'T');
    m = apply(m, { kind: 'action', itemId: 'act-a1', card: { id: 'new', columnId: 'doing', title: 'Ny', ownerName: 'Ole', dueDate: '2026-12-01' } }, 'T');
    const minutes = buildMinutes(m, {
      columns,
      cards: [card('a1', { columnId: 'done' }), card('a2', {}), card('new', {})],
      indicators: [indicator('red', 9)],
    }, 'T9');
    expect(minutes.attendees).toEqual(['Eva', 'Ole']);
    // A person picked with their role, once; a typed name may carry a role too.
    const picked = apply(running, { kind: 'attendance', attendees: [
      { name: ' Anne Jensen ', userId: 'u-anne', role: 'ward-management' }, ' Ole ', { name: 'Bo', role: 'employee-representative' },
      { name: 'Anne J.', userId: 'u-anne', role: 'clinic-management' }, { name: 'Ole' },
    ] }, 'T');
    expect(picked.attendees).toEqual([
      { name: 'Anne J.', userId: 'u-anne', role: 'clinic-management' }, 'Ole', { name: 'Bo', role: 'employee-representative' },
    ]);
    expect(picked.attendees.map((a) => attendeeText(a, (r) => r.toUpperCase()))).toEqual(['Anne J. (CLINIC-MANAGEMENT)', 'Ole', 'Bo (EMPLOYEE-REPRESENTATIVE)']);
    expect(minutes.decisions).toEqual([{ id: 'd', text: 'Gør det', itemTitle: 'a1' }]);
    expect(minutes.actionsCreated.map((c) => c.id)).toEqual(['new']);
    expect(minutes.actionsClosed.map((c) => c.id)).toEqual(['a1']);
    expect(minutes.items[0]!.endedAt).toBe('T9');
    expect(minutes.indicators).toEqual([
      { indicatorId: 'red', name: 'red', unitLabel: '%', decimals: 0, periodStart: '2026-10-01', value: 9, status: 'red' },
    ]);
  });
});

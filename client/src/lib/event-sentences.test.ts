import { makeCard, makeEvent, makeMeasurement } from '../test/fixtures';
import { type AuditNames, auditSentence, boardEventEntry } from './event-sentences';

const names: AuditNames = {
  user: () => undefined,
  unit: () => undefined,
  board: () => undefined,
  indicator: (id) => ({ i1: 'Genindlæggelser' })[id],
  column: (id) => ({ c1: 'Nye forslag', c2: 'I gang' })[id],
  role: (r) => r,
};
const card = makeCard({ id: 'k1', columnId: 'c2', orderKey: 'a0', title: 'Huddle' });

describe('board events as sentences', () => {
  it('say where a card was moved from and to when the columns are known, in either language', () => {
    const moved = boardEventEntry(makeEvent(3, { type: 'card.moved', card, from: { columnId: 'c1', orderKey: 'a1' } }), 'Ole Berg');
    expect(auditSentence(moved, names, 'da')).toBe('Ole Berg flyttede kortet »Huddle« fra »Nye forslag« til »I gang«.');
    expect(auditSentence(moved, names, 'en')).toBe('Ole Berg moved the card “Huddle” from “Nye forslag” to “I gang”.');
    // Within one column, or without the names (the admin's log across boards), the columns are left out.
    const within = boardEventEntry(makeEvent(4, { type: 'card.moved', card, from: { columnId: 'c2', orderKey: 'a1' } }), 'Ole Berg');
    expect(auditSentence(within, names, 'da')).toBe('Ole Berg flyttede kortet »Huddle«.');
    expect(auditSentence(moved, { ...names, column: undefined }, 'da')).toBe('Ole Berg flyttede kortet »Huddle«.');
  });

  it('name the indicator of a measurement and never show ids', () => {
    const recorded = boardEventEntry(makeEvent(5, { type: 'measurement.recorded', measurement: makeMeasurement({ indicatorId: 'i1', periodStart: '2026-10-01', value: 4 }), previous: null }), 'Eva');
    expect(auditSentence(recorded, names, 'da')).toBe('Eva registrerede en måling for Genindlæggelser.');
  });
});

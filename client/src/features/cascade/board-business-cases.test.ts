import type { BusinessCase } from '../../../../shared/maalstyring';
import { withLiveChanges } from './board-business-cases';

const bc = (initiativeId: string, title: string): BusinessCase => ({
  initiativeId, goalId: 'g', goalTitle: 'Mål', title, done: false, investment: null, yearlySaving: null, paybackYears: null,
  expectedChange: '', startDate: null, endDate: null, conclusion: '', closedAt: null, indicators: [],
});

describe("a board's business cases kept current by its events", () => {
  it('replaces a changed case in place, adds a new one at the end and takes a closed one off', () => {
    const loaded = [bc('a', 'A'), bc('b', 'B'), bc('c', 'C')];
    expect(withLiveChanges(loaded, {}).map((c) => c.title)).toEqual(['A', 'B', 'C']);
    expect(withLiveChanges(loaded, { b: bc('b', 'B2'), c: null, d: bc('d', 'D') }).map((c) => c.title)).toEqual(['A', 'B2', 'D']);
  });
});

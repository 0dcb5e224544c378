import type { BusinessCase } from '../../../../shared/maalstyring';
import type { BoardSnapshot } from '../../../../shared/schemas';
import { applyEventBody, fromSnapshot } from './board-data';

const bc = (initiativeId: string, title: string): BusinessCase => ({
  initiativeId, goalId: 'g', goalTitle: 'Mål', title, done: false, investment: null, yearlySaving: null, paybackYears: null,
  expectedChange: '', startDate: null, endDate: null, conclusion: '', closedAt: null, indicators: [],
});

describe('business-case events on the board state', () => {
  it('keep the latest change of each case since the snapshot; a fresh snapshot starts anew', () => {
    const snapshot = { board: {}, seq: 7, columns: [], cards: [], indicators: [] } as unknown as BoardSnapshot;
    let data = fromSnapshot(snapshot);
    expect([data.businessCases, data.snapshotSeq]).toEqual([{}, 7]);
    data = applyEventBody(data, { type: 'business-case.changed', initiativeId: 'a', businessCase: bc('a', 'A1') });
    data = applyEventBody(data, { type: 'business-case.changed', initiativeId: 'a', businessCase: bc('a', 'A2') });
    data = applyEventBody(data, { type: 'business-case.changed', initiativeId: 'b', businessCase: null });
    expect(data.businessCases).toEqual({ a: bc('a', 'A2'), b: null });
    expect(fromSnapshot({ ...snapshot, seq: 9 })).toMatchObject({ businessCases: {}, snapshotSeq: 9 });
  });
});

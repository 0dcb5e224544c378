import { meetingsDa } from '../../lib/i18n-meetings';
import { makeEvent } from '../../test/fixtures';
import { describeEvent } from './history-lines';

describe("a board's history in words", () => {
  it('names the business case a board was told about, and says when a closed one left it', () => {
    const column = () => '';
    const changed = makeEvent(11, {
      type: 'business-case.changed', initiativeId: 'i',
      businessCase: {
        initiativeId: 'i', goalId: 'g', goalTitle: 'Mål', title: 'Sansestue', done: false, investment: null, yearlySaving: null,
        paybackYears: null, expectedChange: '', startDate: null, endDate: null, conclusion: '', closedAt: null, indicators: [],
      },
    });
    expect(describeEvent(changed, meetingsDa, column)).toBe('business casen »Sansestue« blev opdateret');
    expect(describeEvent(makeEvent(12, { type: 'business-case.changed', initiativeId: 'i', businessCase: null }), meetingsDa, column))
      .toBe('en afsluttet business case forlod tavlen');
  });
});

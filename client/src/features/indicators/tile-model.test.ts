import type { BoardIndicator } from '../../../../shared/schemas';
import { da } from '../../lib/i18n';
import { describeTile } from './tile-model';

const indicator = (value: number, signal: boolean | undefined): BoardIndicator => ({
  id: 'i', unitId: 'u', name: 'Opfølgning', unitLabel: '%', direction: 'higher', frequency: 'monthly', kind: 'hard',
  decimals: 0, minRespondents: null, orderKey: 'a0',
  target: { validFrom: '2026-01-01', validTo: null, target: 80, low: null, high: null, tolerance: 10 },
  recent: [{ indicatorId: 'i', unitId: 'u', periodStart: '2026-10-01', value, numerator: null, denominator: null,
    respondents: null, note: '', recordedAt: 'T', recordedBy: 'x' }],
  ...(signal === undefined ? {} : { signal: { signal, shift: signal, tooFewCrossings: false, applied: true, n: 24 } }),
});

describe('the tile reads the signal the board carries (learning before control)', () => {
  it('red without a signal is common-cause variation: a level too low, a question for the system', () => {
    const model = describeTile(indicator(60, false), 'da', da);
    expect(model.status).toBe('red');
    expect(model.reading).toBe('common-cause');
    expect(model.missSide).toBe('low');
  });

  it('red with a signal asks for the cause; a signal on green is still a signal', () => {
    expect(describeTile(indicator(60, true), 'da', da).reading).toBe('special-cause');
    expect(describeTile(indicator(90, true), 'da', da).reading).toBe('special-cause');
    expect(describeTile(indicator(90, false), 'da', da).reading).toBe('on-target');
  });

  it('without a signal from the server nothing is claimed beyond the status', () => {
    expect(describeTile(indicator(60, undefined), 'da', da).reading).toBe('common-cause');
  });
});

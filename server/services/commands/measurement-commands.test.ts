import { describe, expect, it } from 'vitest';
import type { Command } from '../../../shared/protocol';
import type { Indicator } from '../../../shared/schemas';
import type { CommandContext } from '../decision';
import { decideMeasurementRecord, type MeasurementState } from './measurement-commands';

const ctx: CommandContext = { actor: 'Anne', now: '2026-11-28T10:00:00.000Z', today: '2026-11-28' };
const indicator: Indicator = {
  id: 'baelte-andel', unitId: 'psyk', name: 'Bæltefiksering', unitLabel: '%', direction: 'lower',
  frequency: 'monthly', kind: 'hard', decimals: 1, minRespondents: null,
};
const state: MeasurementState = { indicator, onBoard: true, unitId: 'psyk', boardIds: ['b1', 'b9'] };
const cmd = (over: Partial<Command<'measurement:record'>> = {}): Command<'measurement:record'> => ({
  opId: 'op-00000001', boardId: 'b1', indicatorId: 'baelte-andel', periodStart: '2026-10-01', value: 3.2,
  numerator: null, denominator: null, respondents: null, note: '', ...over,
});

describe('decideMeasurementRecord', () => {
  it('records on every board that shows the indicator for the unit, signed by the actor', () => {
    const d = decideMeasurementRecord(cmd(), state, ctx);
    expect(d).toMatchObject({
      ok: true,
      effects: [{ boardIds: ['b1', 'b9'], body: { type: 'measurement.recorded', previous: null, measurement: { value: 3.2, recordedBy: 'Anne', unitId: 'psyk' } } }],
    });
  });

  it('keeps the previous value when correcting', () => {
    const previous = { ...cmd(), indicatorId: 'baelte-andel', unitId: 'psyk', value: 9, recordedAt: 'x', recordedBy: 'y' };
    const d = decideMeasurementRecord(cmd(), { ...state, previous }, ctx);
    expect(d).toMatchObject({ ok: true, effects: [{ body: { previous: { value: 9 } } }] });
  });

  it('refuses a date that does not start a period, and a future period', () => {
    expect(decideMeasurementRecord(cmd({ periodStart: '2026-10-02' }), state, ctx)).toMatchObject({
      ok: false, error: { code: 'VALIDATION_FAILED', issues: [{ path: 'periodStart' }] },
    });
    expect(decideMeasurementRecord(cmd({ periodStart: '2026-12-01' }), state, ctx)).toMatchObject({ ok: false });
  });

  it('refuses respondents on a hard indicator and an indicator not on the board', () => {
    expect(decideMeasurementRecord(cmd({ respondents: 12 }), state, ctx)).toMatchObject({ ok: false });
    expect(decideMeasurementRecord(cmd(), { ...state, onBoard: false }, ctx)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

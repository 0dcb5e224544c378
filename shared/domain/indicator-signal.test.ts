import { describe, expect, it } from 'vitest';
import type { BoardIndicator, Measurement } from '../schemas';
import { indicatorItems } from './agenda';
import { analyseSeries, readIndicator, summariseSignal } from './indicator-signal';

const point = (i: number, value: number, respondents: number | null = null): Measurement => ({
  indicatorId: 'i', unitId: 'u', periodStart: `2025-${String(1 + (i % 12)).padStart(2, '0')}-01`.replace('2025', String(2020 + Math.floor(i / 12))),
  value, numerator: null, denominator: null, respondents, note: '', recordedAt: 'T', recordedBy: 'x',
});
// Twenty points alternating around 5, then twelve at 9: a clear shift in the whole series.
const shifted = [...Array.from({ length: 20 }, (_, i) => point(i, i % 2 ? 4 : 6)), ...Array.from({ length: 12 }, (_, i) => point(20 + i, 9))];

describe('analyseSeries: one series, one verdict', () => {
  it('judges the whole reportable series, not the last twelve points', () => {
    const whole = analyseSeries({ measurements: shifted, minRespondents: null, baselineTo: null });
    expect(whole.analysis.signal).toBe(true);
    expect(whole.points).toHaveLength(32);
    // The last twelve alone are all equal to their own median: no useful points, no verdict.
    const lastTwelve = analyseSeries({ measurements: shifted.slice(-12), minRespondents: null, baselineTo: null });
    expect(lastTwelve.analysis.signal).toBe(false);
  });

  it('leaves out values with too few answers and sorts oldest first', () => {
    const soft = [point(2, 80, 30), point(0, 70, 2), point(1, 75, 12)];
    const r = analyseSeries({ measurements: soft, minRespondents: 5, baselineTo: null });
    expect(r.points.map((m) => m.value)).toEqual([75, 80]);
  });

  it('freezes the median on the baseline', () => {
    const r = analyseSeries({ measurements: shifted, minRespondents: null, baselineTo: shifted[19]!.periodStart });
    expect(r.baselineCount).toBe(20);
    expect(r.analysis.median).toBe(5);
    expect(r.analysis.shift).toBe(true);
  });
});

describe('readIndicator: learning before control', () => {
  it('a red value without a signal is common-cause variation; a signal asks for a cause', () => {
    expect(readIndicator('red', false)).toBe('common-cause');
    expect(readIndicator('amber', false)).toBe('common-cause');
    expect(readIndicator('red', true)).toBe('special-cause');
    expect(readIndicator('green', true)).toBe('special-cause');
    expect(readIndicator('green', false)).toBe('on-target');
    expect(readIndicator('none', false)).toBe('unknown');
  });
});

describe('the agenda reads the signal the board carries', () => {
  const tile = (id: string, value: number, signal: boolean): BoardIndicator => ({
    id, unitId: 'u', name: id, unitLabel: '%', direction: 'lower', frequency: 'monthly', kind: 'hard', decimals: 0,
    minRespondents: null, orderKey: 'a0',
    target: { validFrom: '2020-01-01', validTo: null, target: 5, low: null, high: null, tolerance: 2 },
    recent: [point(0, value)],
    signal: summariseSignal(analyseSeries({ measurements: signal ? shifted : shifted.slice(0, 20), minRespondents: null, baselineTo: null }).analysis),
  });
  it('orders signal first, then red, then amber; green without a signal stays off', () => {
    const items = indicatorItems({ indicators: [tile('red', 9, false), tile('amber', 6, false), tile('green-signal', 4, true), tile('green', 4, false), tile('red-signal', 9, true)] });
    expect(items.map((i) => [i.indicator.id, i.detail])).toEqual([
      ['red-signal', 'red-signal'], ['green-signal', 'signal'], ['red', 'red'], ['amber', 'amber'],
    ]);
  });
});
